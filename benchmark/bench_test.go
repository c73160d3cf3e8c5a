package benchmark

import (
	"bytes"
	"net/url"
	"testing"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/scoopkit/scoop"
	"golang.org/x/net/html"
)

// Each benchmark iteration processes the whole corpus, already in memory,
// so ns/op is the time for all pages and MB/s the throughput over them.

func corpusBytes(pages []Page) int64 {
	var n int64
	for _, p := range pages {
		n += int64(len(p.HTML))
	}
	return n
}

func pageURLs(b *testing.B, pages []Page) []*url.URL {
	us := make([]*url.URL, len(pages))
	for i, p := range pages {
		u, err := url.Parse(p.URL)
		if err != nil {
			b.Fatal(err)
		}
		us[i] = u
	}
	return us
}

func BenchmarkExtract(b *testing.B) {
	pages := loadCorpus(b)
	b.SetBytes(corpusBytes(pages))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			// Errors are the quality tests' concern; a failing page still
			// costs its time here.
			scoop.Extract(bytes.NewReader(p.HTML), p.URL)
		}
	}
}

// BenchmarkReadability is the baseline: the parse and readability pass
// scoop starts from, without rendering text.
func BenchmarkReadability(b *testing.B) {
	pages := loadCorpus(b)
	urls := pageURLs(b, pages)
	b.SetBytes(corpusBytes(pages))
	b.ReportAllocs()
	for b.Loop() {
		for i, p := range pages {
			doc, err := html.Parse(bytes.NewReader(p.HTML))
			if err != nil {
				b.Fatal(err)
			}
			parser := readability.NewParser()
			parser.ParseAndMutate(doc, urls[i])
		}
	}
}

// BenchmarkReadabilityFromReader is go-readability's one-call entry point,
// which adds charset detection to the baseline.
func BenchmarkReadabilityFromReader(b *testing.B) {
	pages := loadCorpus(b)
	urls := pageURLs(b, pages)
	b.SetBytes(corpusBytes(pages))
	b.ReportAllocs()
	for b.Loop() {
		for i, p := range pages {
			readability.FromReader(bytes.NewReader(p.HTML), urls[i])
		}
	}
}

// BenchmarkExtractRatio times Extract and the baseline (html.Parse then
// ParseAndMutate) page by page in turn, alternating which goes first, so
// that a shared machine's drift touches both alike. It reports their
// ratio as extract/baseline; separate benchmarks drift too much here.
func BenchmarkExtractRatio(b *testing.B) {
	pages := loadCorpus(b)
	urls := pageURLs(b, pages)
	var ext, base time.Duration
	extract := func(p Page) {
		t := time.Now()
		scoop.Extract(bytes.NewReader(p.HTML), p.URL)
		ext += time.Since(t)
	}
	baseline := func(p Page, u *url.URL) {
		t := time.Now()
		doc, err := html.Parse(bytes.NewReader(p.HTML))
		if err != nil {
			b.Fatal(err)
		}
		parser := readability.NewParser()
		parser.ParseAndMutate(doc, u)
		base += time.Since(t)
	}
	n := 0
	for b.Loop() {
		for i, p := range pages {
			if (i+n)%2 == 0 {
				extract(p)
				baseline(p, urls[i])
			} else {
				baseline(p, urls[i])
				extract(p)
			}
		}
		n++
	}
	b.ReportMetric(float64(ext)/float64(base), "extract/baseline")
}
