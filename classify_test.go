package scoop

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestClassify(t *testing.T) {
	prose := strings.Repeat("<p>The council voted on Tuesday to rebuild the harbour wall before winter storms, after engineers found cracks along its length.</p>", 3)
	teasers := strings.Repeat(`<div class="card"><h2><a href="/news/2025/03/story-%d">Council votes to rebuild the harbour wall before winter</a></h2><p>Engineers found cracks.</p></div>`, 6)
	var cards string
	for i := range 8 {
		cards += fmt.Sprintf(`<li class="story-card"><a href="/news/2025/03/0%d/harbour-story-%d">Council votes to rebuild the harbour wall before storms</a><time>4 March 2025</time><p class="teaser">Engineers found cracks along its length.</p></li>`, i, i)
	}
	tests := []struct {
		name string
		page string
		want PageKind // "" for an article
	}{
		{"short story, website og:type, no date",
			`<meta property="og:type" content="website"><h1>Harbour wall to be rebuilt</h1>` + prose, ""},
		{"English soft 404",
			`<title>Page not found – Harbour Times</title><h1>Oops! That page can’t be found.</h1><p>It looks like nothing was found at this location. Maybe try a search?</p>`, PageSoft404},
		{"German soft 404 with a long apology",
			`<title>Seite nicht gefunden | Hafenblatt</title><h1>Seite nicht gefunden</h1>` + strings.Repeat("<p>Die von Ihnen aufgerufene Seite existiert leider nicht mehr oder wurde verschoben. Bitte nutzen Sie die Suche oder kehren Sie zur Startseite zurück.</p>", 4), PageSoft404},
		{"Spanish soft 404", `<title>Error 404: página no encontrada</title><h1>Página no encontrada</h1>`, PageSoft404},
		{"a story about error pages is a story",
			`<title>Why broken links and 404 pages cost news sites their readers</title><h1>Why broken links and 404 pages cost news sites their readers</h1>` + prose, ""},
		{"teaser list", `<h1>Local news</h1>` + teasers, PageListing},
		{"card list without headings",
			`<h1>Local news</h1><ul>` + cards + `</ul>`, PageListing},
		{"collection page with a few cards",
			`<script type="application/ld+json">{"@type":"CollectionPage","name":"Harbour"}</script><h1>Harbour</h1><ul>` + cards[:len(cards)/2] + `</ul>`, PageListing},
		{"story with a related list",
			`<h1>Harbour wall to be rebuilt</h1>` + strings.Repeat(prose, 3) + `<ul>` + cards + `</ul>`, ""},
		{"empty shell", `<h1>Harbour Times</h1><div id="app"></div>`, PageOther},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Extract(strings.NewReader(tt.page), "https://news.example.com/harbour")
			var na *NotArticleError
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tt.want == "":
			case !errors.As(err, &na):
				t.Fatalf("err = %v, want a %s refusal", err, tt.want)
			case na.Kind != tt.want:
				t.Errorf("kind %s (%s), want %s", na.Kind, na.Reason, tt.want)
			case !errors.Is(err, ErrNoArticle) || errors.Is(err, ErrSoft404) != (tt.want == PageSoft404):
				t.Errorf("errors.Is does not match kind %s: %v", na.Kind, err)
			}
		})
	}
}

// A refused page still reports its title and date.
func TestRefusedPageKeepsMetadata(t *testing.T) {
	page := `<html lang="en"><title>Harbour Times</title><meta property="article:published_time" content="2025-03-04T09:00:00Z"><h1>Harbour Times</h1><div id="app"></div></html>`
	_, err := Extract(strings.NewReader(page), "https://news.example.com/harbour")
	var na *NotArticleError
	if !errors.As(err, &na) {
		t.Fatalf("err = %v, want a NotArticleError", err)
	}
	if na.Page == nil || na.Page.Published == nil || na.Page.Published.Format("2006-01-02") != "2025-03-04" || na.Page.Language != "en" {
		t.Errorf("refused page lost its metadata: %+v", na.Page)
	}
}

// A short brief of an older site, its headline set in <font><b> rather
// than an h1 and no date anywhere, is an article; its author line does
// not open the text.
func TestBriefWithoutH1(t *testing.T) {
	page := `<html><head><title>Fire damages downtown bakery - Springfield Gazette</title></head><body>
<table width="760"><tr><td class="nav"><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sports">Sports</a></td></tr>
<tr><td><font size="4" face="Arial"><b>Fire damages downtown bakery</b></font><br>
<font size="2">By Staff Writer</font><br>
<p>A fire early Tuesday damaged the Main Street Bakery in downtown Springfield, fire officials said. No one was injured.</p>
<p>Crews arrived shortly after 4 a.m. and had the blaze under control within an hour, Fire Chief Dan Ortiz said. The cause is under investigation, and the state fire marshal's office was called in to help.</p>
<p>The bakery's owner, Maria Lopez, said she hopes to reopen within a month and thanked neighbors who offered help.</p>
</td></tr><tr><td><a href="/about">About us</a> | <a href="/contact">Contact</a></td></tr></table></body></html>`
	a, err := Extract(strings.NewReader(page), "http://www.gazette.example/news/fire-damages-downtown-bakery.html")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.Text, "A fire early Tuesday") || !strings.HasSuffix(a.Text, "offered help.") {
		t.Errorf("text %q", a.Text)
	}
	// The same page with its title nowhere on it stays too little prose.
	page = strings.Replace(page, "<b>Fire damages downtown bakery</b>", "<b>Local news</b>", 1)
	if _, err := Extract(strings.NewReader(page), "http://www.gazette.example/news/fire-damages-downtown-bakery.html"); !errors.Is(err, ErrNoArticle) {
		t.Errorf("err %v, want ErrNoArticle", err)
	}
}
