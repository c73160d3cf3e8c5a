package scoop

import (
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestFindHeadline(t *testing.T) {
	story := strings.Repeat(`<p>Der Verband hat die neuen Levelpässe vorgestellt, die Vereine ab sofort für ihre Sportlerinnen und Sportler bestellen können, mit allen Prüfungen der Saison.</p>`, 3)
	tests := []struct{ name, page, want string }{
		{"the h1 the title confirms", `<title>Levelpässe bestellen | DSV</title><h1>Verband</h1><h1>Levelpässe bestellen</h1>` + story, "Levelpässe bestellen"},
		{"a screen-reader h1 is passed over", `<title>Levelpässe bestellen | DSV</title><h1 class="sr-only">Levelpässe bestellen | DSV</h1><main><h2>Levelpässe bestellen</h2>` + story + `</main>`, "Levelpässe bestellen"},
		{"an h1 below the story gives way to the heading above it", `<h2>Levelpässe können bestellt werden</h2>` + story + `<div><h1>Quicklinks</h1></div>`, "Levelpässe können bestellt werden"},
		{"no h1: no headline", `<h2>Zentralkomitee</h2>` + story, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			u, _ := url.Parse("https://news.example.de/levelpaesse")
			p := scanPage(doc, u)
			got := ""
			if h, _ := p.headlineAt(); h != nil {
				got = textOf(h)
			}
			if got != tt.want {
				t.Errorf("headline %q, want %q", got, tt.want)
			}
		})
	}
}
