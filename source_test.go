package scoop

import (
	"strings"
	"testing"
)

func TestSourceURL(t *testing.T) {
	const page = "https://aggregator.example/news/123"
	body := prose
	tests := []struct {
		name, head, tail, want string
	}{
		{"news source text url", "", `<p>News Source : https://www.kbzk.com/politics/hegseth-rules-out-nato</p>`, "https://www.kbzk.com/politics/hegseth-rules-out-nato"},
		{"originally published link", "", `<p>This story was originally published by <a href="https://origin.example/2025/02/12/mill-plan">The Origin</a>.</p>`, "https://origin.example/2025/02/12/mill-plan"},
		{"credit to a home page falls back", `<link rel="canonical" href="https://origin.example/stories/mill-plan-vote">`, `<p>This story was produced by <a href="https://origin.example/">The Origin</a>.</p>`, "https://origin.example/stories/mill-plan-vote"},
		{"canonical on another site", `<link rel="canonical" href="https://origin.example/stories/mill-plan-vote">`, "", "https://origin.example/stories/mill-plan-vote"},
		{"og:url on another site", `<meta property="og:url" content="https://origin.example/stories/mill-plan-vote">`, "", "https://origin.example/stories/mill-plan-vote"},
		{"own canonical", `<link rel="canonical" href="/news/123-mill-plan">`, "", "https://aggregator.example/news/123-mill-plan"},
		{"chart source is not a credit", "", `<p>Source: <a href="https://www.bls.gov/news.release/empsit.nr0.htm">BLS</a></p>`, page},
		{"bare source with a story link", "", `<p>Source: <a href="https://origin.example/news/mill-plan-draws-crowd">The Origin</a></p>`, "https://origin.example/news/mill-plan-draws-crowd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := "<html><head>" + tt.head + "</head><body><article><h1>Mill plan</h1>" + body + tt.tail + "</article></body></html>"
			a, err := Extract(strings.NewReader(doc), page)
			if err != nil {
				t.Fatal(err)
			}
			if a.SourceURL != tt.want {
				t.Errorf("source_url = %q, want %q", a.SourceURL, tt.want)
			}
			// Credit lines leave the body, chart sources included.
			for _, credit := range []string{"News Source", "originally published", "produced by", "Source:"} {
				if strings.Contains(a.Text, credit) {
					t.Errorf("credit line %q left in the body", credit)
				}
			}
		})
	}
}
