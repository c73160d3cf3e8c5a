package scoop

import (
	"strings"
	"testing"
)

// A figure that holds only a link, an embed whose script did not run,
// goes; a figure with an image and a caption stays.
func TestEmbedFallback(t *testing.T) {
	para := "<p>Whale whisperer Hori Parata was just seven years old when he attended his first mass stranding, a beaching of porpoises in Northland.</p>"
	page := `<html lang="en"><body><article><h1>What is the sea telling us?</h1>` + strings.Repeat(para, 3) +
		`<figure data-interactive="https://interactive.example.com/boot.js"><a href="https://interactive.example.com/embed/2019/01/stranded_whales/">whale strandings</a></figure>` +
		strings.Repeat(para, 2) +
		`<figure><img src="/whale.jpg" alt=""><figcaption><a href="/photos/whale">A stranded pilot whale on Farewell Spit</a></figcaption></figure>` +
		`</article></body></html>`
	a, err := Extract(strings.NewReader(page), "https://www.example.com/environment/2019/jan/03/whale-strandings")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Text, "whale strandings") || strings.Count(a.Text, "Whale whisperer") != 5 {
		t.Errorf("embed kept or prose lost:\n%s", a.Text)
	}
}

// Paragraphs a site marks as behind its paywall (<p class="paywall">) are
// the article's own text; the paywall's pitch is not.
func TestPaywalledParagraphsStay(t *testing.T) {
	open := strings.Repeat("<p>He grew up in a military family on the south coast and learned early to hunt for rare minerals along the cliffs.</p>", 2)
	page := `<html lang="en"><head><title>The man who mapped the cliffs</title></head><body><article><h1>The man who mapped the cliffs</h1>` + open +
		`<p class="paywall">Hickson was enterprising. He made money selling the rocks he found, and by twenty he ran a small shop by the harbour.</p>` +
		`<p class="paywall">Hickson was curious, too: one summer he walked the whole coast with a notebook and drew every cove he passed.</p>` +
		`<div class="paywall-message"><p>Subscribe now to keep reading.</p></div></article></body></html>`
	a, err := Extract(strings.NewReader(page), "https://www.magazine.example/story/the-man-who-mapped-the-cliffs")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Hickson was enterprising", "Hickson was curious"} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("paywalled paragraph %q lost:\n%s", want, a.Text)
		}
	}
	if strings.Contains(a.Text, "Subscribe now") {
		t.Errorf("paywall pitch kept:\n%s", a.Text)
	}
}

// Text set loose between blocks, not in a paragraph of its own (a table
// cell of a wiki), is one line: its links stay part of the sentence, and
// a server warning set so goes as a whole.
func TestLooseTextBetweenBlocks(t *testing.T) {
	para := "<p>Penny lives with her mother in the trailer by the river and teaches the town's two children in the museum.</p>"
	row := func(time, cell string) string {
		return `<tr><td>` + time + `</td><td>` + cell + `<p><img src="/images/penny.jpg" alt="Penny location"></p></td></tr>`
	}
	page := `<html lang="en"><head><title>Penny</title></head><body><article><h1>Penny</h1>` + para + para +
		`<table class="wikitable"><tr><th>Time</th><th>Location</th></tr>` +
		row("8:10 AM", `Leaves her <a href="/Trailer">trailer</a> and goes outside to read near the <a href="/Pelican_Town">town graveyard</a>.`) +
		row("11:00 AM", `Leaves the <a href="/Trailer">trailer</a> again to go outside <a href="/Saloon">The Stardrop Saloon</a> where she sits on a bench with <a href="/Maru">Maru</a>.`) +
		row("6:00 PM", `<b>Warning</b>: Creating default object from empty value in <b>/www/htdocs/wp-includes/classes.php</b> on line <b>407</b>`) +
		`</table>` + para + `</article></body></html>`
	a, err := Extract(strings.NewReader(page), "https://wiki.example.com/Penny")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Leaves her trailer and goes", "near the town graveyard.", "outside The Stardrop Saloon where", "bench with Maru."} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("%q lost:\n%s", want, a.Text)
		}
	}
	if strings.Contains(a.Text, "Creating default object") {
		t.Errorf("server warning kept:\n%s", a.Text)
	}
}

// The footer a blog theme sets under a post (its date, categories, feed
// and trackback notes) goes, however long its list of categories; prose
// that mentions a post being filed stays.
func TestLongPostFooter(t *testing.T) {
	para := "<p>Am Samstag laden wir wieder zur Verkostung in die Altstadt ein: sechs Whiskys aus Schottland und Irland, dazu Brot und Käse aus der Region.</p>"
	prose := "<p>Die Anzeige wurde am Montag veröffentlicht; der Beitrag wurde am Dienstag von der Redaktion unter Kultur abgelegt, weil er zuerst falsch einsortiert war, und die Leser konnten ihn danach wie jeden anderen Text finden und kommentieren, wie es sich für einen Beitrag über eine Verkostung mit langer Tradition gehört.</p>"
	footer := `<p class="postmetadata">Der Beitrag wurde am Mittwoch, den 4. Dezember 2019
		um 10:12 Uhr veröffentlicht und wurde unter <a href="/category/a">Allgemein</a>, <a href="/category/b">Termine und Veranstaltungen in der Region</a>, <a href="/category/c">Tastings und Events</a>, <a href="/category/d">Veranstaltungskalender</a> abgelegt. Du kannst die Kommentare zu diesem Eintrag durch den <a href="/feed">RSS 2.0</a> Feed verfolgen. Kommentare sind derzeit geschlossen, aber Du kannst einen <a href="/trackback">Trackback</a> auf deiner Seite einrichten.</p>`
	page := `<html lang="de"><body><div class="post"><h1>Termine der Verkostungen im Winter</h1>` + strings.Repeat(para, 4) + prose + footer + `</div></body></html>`
	a, err := Extract(strings.NewReader(page), "https://www.example.de/termine-winter/")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Text, "Du kannst die Kommentare") || !strings.Contains(a.Text, "Die Anzeige wurde am Montag") {
		t.Errorf("footer kept or prose lost:\n%s", a.Text)
	}
}
