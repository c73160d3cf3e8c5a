package scoop

import (
	"errors"
	"strings"
	"testing"
)

func TestClassify(t *testing.T) {
	prose := strings.Repeat("<p>The council voted on Tuesday to rebuild the harbour wall before winter storms, after engineers found cracks along its length.</p>", 3)
	teasers := strings.Repeat(`<div class="card"><h2><a href="/news/2025/03/story-%d">Council votes to rebuild the harbour wall before winter</a></h2><p>Engineers found cracks.</p></div>`, 6)
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
