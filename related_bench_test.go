package scoop

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// corpusPages loads the benchmark corpus of the nested module when the
// repository has it (the module zip does not).
func corpusPages(b *testing.B) [][]byte {
	files, _ := filepath.Glob("benchmark/testdata/article-extraction/html/*.html.gz")
	if len(files) == 0 {
		b.Skip("benchmark corpus not present")
	}
	var pages [][]byte
	for _, f := range files {
		r, err := os.Open(f)
		if err != nil {
			b.Fatal(err)
		}
		z, err := gzip.NewReader(r)
		if err != nil {
			b.Fatal(err)
		}
		page, err := io.ReadAll(z)
		r.Close()
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, page)
	}
	return pages
}

// The cost of related-story parsing is BenchmarkRelatedPass minus
// BenchmarkScanPass, set against BenchmarkExtractPass in the same run;
// BenchmarkRelatedShare measures the three page by page, for a share
// that load on a shared machine disturbs less.
func BenchmarkExtractPass(b *testing.B) { benchPass(b, nil) }

func BenchmarkScanPass(b *testing.B) {
	benchPass(b, func(doc *html.Node, u *url.URL) { scanPage(doc, u) })
}

func BenchmarkRelatedPass(b *testing.B) {
	benchPass(b, func(doc *html.Node, u *url.URL) { scanPage(doc, u).relatedStories() })
}

func benchPass(b *testing.B, pass func(*html.Node, *url.URL)) {
	pages := corpusPages(b)
	u, _ := url.Parse("https://news.example.com/2025/02/12/story")
	b.ReportAllocs()
	for b.Loop() {
		for _, page := range pages {
			if pass == nil {
				Extract(bytes.NewReader(page), u.String())
				continue
			}
			doc, err := html.Parse(bytes.NewReader(page))
			if err != nil {
				b.Fatal(err)
			}
			pass(doc, u)
		}
	}
}

// BenchmarkRelatedShare reports related-story parsing's share of
// Extract's time. Extract and the related pass alone (on a page parsed and
// scanned outside the clock, as Extract has it at that point) run page by
// page, one after the other, so that a shared machine's load falls on both
// alike.
func BenchmarkRelatedShare(b *testing.B) {
	pages := corpusPages(b)
	u, _ := url.Parse("https://news.example.com/2025/02/12/story")
	var extract, related time.Duration
	for b.Loop() {
		for _, page := range pages {
			t0 := time.Now()
			Extract(bytes.NewReader(page), u.String())
			extract += time.Since(t0)
			doc, _ := html.Parse(bytes.NewReader(page))
			p := scanPage(doc, u)
			t1 := time.Now()
			p.relatedStories()
			related += time.Since(t1)
		}
	}
	b.ReportMetric(100*float64(related)/float64(extract), "related-%")
}
