package main

import (
	"net/url"
	"os"

	trafilatura "github.com/markusmobius/go-trafilatura"

	"github.com/scoopkit/scoop/benchmark"
)

// scorePeer runs go-trafilatura with its fallback extractors, as its own
// comparison script does, and scores it the way scoop is scored: a page
// it fails on counts as empty text.
func scorePeer(p *benchmark.DevPage) benchmark.DevResult {
	r := benchmark.DevResult{Page: p}
	f, err := os.Open(p.File)
	if err != nil {
		r.Refused = err.Error()
		return r
	}
	defer f.Close()
	u, _ := url.Parse(p.URL)
	res, err := trafilatura.Extract(f, trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		OriginalURL:     u,
	})
	if err != nil || res == nil {
		r.Refused = "error"
	} else {
		r.Text, r.Title = res.ContentText, res.Metadata.Title
		if !res.Metadata.Date.IsZero() {
			r.Day = res.Metadata.Date.Format("2006-01-02")
		}
	}
	r.Snippets = benchmark.ScoreSnippets(p, r.Text)
	return r
}
