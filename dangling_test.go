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
