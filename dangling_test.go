package scoop

import (
	"strings"
	"testing"
)

func TestDanglingHeadings(t *testing.T) {
	para := func(s string) string {
		return "<p>" + s + " Der Gemeinderat hat am Dienstag beschlossen, das Hallenbad bis zum Sommer zu sanieren.</p>"
	}
	page := `<html lang="de"><article><h1>Hallenbad wird saniert</h1>` +
		para("Erstens.") +
		`<p><strong>Was kostet das?</strong></p><p>Rund zwei Millionen Franken.</p>` + // interview question inside the story
		para("Zweitens.") + para("Drittens.") +
		`<h3>Ausblick</h3>` + para("Viertens.") + // a last section with prose stays
		`<h2>Weitere Artikel</h2><ul><li><a href="/x/1">Neue Turnhalle</a></li><li><a href="/x/2">Badi öffnet früher</a></li></ul>` +
		`<p><strong>Schon gelesen?</strong></p>` +
		`</article></html>`
	// A bold sentence that trails off ends a blog post as its own line.
	blog := `<html lang="de"><article><h1>Ladesäulen an der Tankstelle</h1>` + para("Erstens.") + para("Zweitens.") + para("Drittens.") +
		`<p><strong>Ich danke für den Hinweis auf die neue Säule…</strong></p></article></html>`
	b, err := Extract(strings.NewReader(blog), "https://blog.example.de/2019/11/17/ladesaeulen/")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.Text, "Ich danke für den Hinweis") {
		t.Errorf("closing sentence lost:\n%s", b.Text)
	}
	a, err := Extract(strings.NewReader(page), "https://news.example.ch/hallenbad")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Was kostet das?", "Rund zwei Millionen", "Ausblick", "Viertens."} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("text lost %q:\n%s", want, a.Text)
		}
	}
	for _, gone := range []string{"Weitere Artikel", "Neue Turnhalle", "Schon gelesen"} {
		if strings.Contains(a.Text, gone) {
			t.Errorf("text keeps %q:\n%s", gone, a.Text)
		}
	}
}

// An author box or a press contact that ends the article goes, label and
// content; the same word near the top, where it is the story's subject,
// stays.
func TestTailSections(t *testing.T) {
	para := func(s string) string {
		return "<p>" + s + " Das Netzwerk hat am Dienstag ein neues Programm für Unternehmen vorgestellt, die klimaneutral werden wollen.</p>"
	}
	page := `<html lang="de"><article><h1>Transformationslabor startet</h1>` +
		`<p><strong>Kontakt</strong></p>` + para("Erstens.") + // a section about contacts, at the top
		para("Zweitens.") + para("Drittens.") + para("Viertens.") +
		`<p>Kontakt:</p><p>Jan Koch, Telefon +49 40 4907 1106, jan.koch@example.de</p>` +
		`<p>Ansprechpartnerin zum Thema: Antonia Thiele, Telefon +49 40 4907 1105</p>` +
		`</article></html>`
	a, err := Extract(strings.NewReader(page), "https://news.example.de/transformationslabor")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.Text, "Kontakt") || !strings.Contains(a.Text, "Viertens.") {
		t.Errorf("text lost the article:\n%s", a.Text)
	}
	for _, gone := range []string{"Jan Koch", "Antonia Thiele"} {
		if strings.Contains(a.Text, gone) {
			t.Errorf("text keeps %q:\n%s", gone, a.Text)
		}
	}

	page = `<html><article><h1>Harbour wall to be rebuilt</h1>` + strings.Repeat(`<p>The council voted on Tuesday to rebuild the harbour wall before winter storms, after engineers found cracks.</p>`, 4) +
		`<h3>About the author</h3><p>Jane Doe has covered the harbour for the paper since 2009 and lives in the old town with her two dogs.</p></article></html>`
	a, err = Extract(strings.NewReader(page), "https://news.example.com/harbour-wall")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Text, "About the author") || strings.Contains(a.Text, "two dogs") {
		t.Errorf("text keeps the author box:\n%s", a.Text)
	}

	// A list of sources closes a blog post.
	page = `<html lang="de"><article><h1>Wie viel Fläche wir verbrauchen</h1>` + strings.Repeat(`<p>Jeden Tag werden in Deutschland rund fünfzig Hektar Boden neu für Siedlungen und Verkehr in Anspruch genommen, vor allem am Rand der Städte.</p>`, 4) +
		`<p>Quellenangaben:</p><p>₁ WWF (2020): Living Planet Report 2020, abrufbar unter https://www.example.org/report. [21.01.2022].</p></article></html>`
	a, err = Extract(strings.NewReader(page), "https://blog.example.de/flaechenverbrauch")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Text, "Quellenangaben") || strings.Contains(a.Text, "Living Planet") || !strings.Contains(a.Text, "fünfzig Hektar") {
		t.Errorf("text keeps the sources or lost the post:\n%s", a.Text)
	}
}

// A note on the author as the body's last line goes, in several
// languages; the same sentence inside the story is news and stays.
func TestAuthorNote(t *testing.T) {
	para := "<p>Con Edison officials said the extreme temperature swings of recent winters were adding to the strain on century-old cables and pipes.</p>"
	for _, c := range []struct{ name, inside, note string }{
		{"en", "Maria Lopez is a reporter for the Daily Star who was detained for two days in March while covering the protests, her editor said.",
			"Corey Kilgannon is a Metro reporter covering news and human interest stories. He writes the Character Study column. Follow him on Twitter @ckilgannon."},
		{"de", "Hans Meier ist Redakteur der Lokalzeitung und wurde am Montag vom Gericht als Zeuge gehört, wie eine Sprecherin sagte.",
			"Anna Schmidt ist Redakteurin im Ressort Wirtschaft und schreibt über Energie und Verkehr."},
		{"es", "Laura Gómez es periodista y fue testigo del accidente desde la terraza de un bar cercano, según relató a la policía.",
			"Pedro Ruiz es periodista de la sección de Internacional y corresponsal en Bruselas."},
		{"beat", "Tom Reyes covers the same ground for a rival paper and said on Monday that the sale had surprised analysts in the city.",
			"Ashley Stewart covers technology and finance for the Puget Sound Business Journal."},
		{"blogger", "Hallo, ich bin der Hausmeister, sagte der Mann an der Tür, und ließ die Arbeiter in den Keller, wo die Leitungen lagen.",
			"Hallo, ich bin Foodbloggerin, Kochbuchautorin und seit meiner Kindheit begeisterte Bäckerin. Auf dieser Seite findet ihr seit 2014 alles rund ums Backen, von Brot bis Torte. Mehr über mich."},
	} {
		page := `<html><body><article><h1>Under the streets, a battle against winter</h1>` + strings.Repeat(para, 2) +
			"<p>" + c.inside + "</p>" + strings.Repeat(para, 2) + `<p><img src="/a.jpg"></p><p>` + c.note + `</p></article></body></html>`
		a, err := Extract(strings.NewReader(page), "https://www.example.com/2018/03/02/"+c.name+"/winter-streets.html")
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(a.Text, c.note[:20]) || !strings.Contains(a.Text, c.inside[:20]) {
			t.Errorf("%s: author note kept or story line lost:\n%s", c.name, a.Text)
		}
	}
}
