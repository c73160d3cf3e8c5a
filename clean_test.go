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
