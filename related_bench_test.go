package scoop

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"testing"

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
// BenchmarkScanPass, set against BenchmarkExtractPass in the same run.
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
