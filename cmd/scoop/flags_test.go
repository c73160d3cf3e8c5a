package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/scoopkit/scoop"
)

// storyPage is a page Extract takes for an article.
func storyPage(title string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!doctype html><html lang=\"en\"><head><title>%s</title></head><body><article><h1>%s</h1>", title, title)
	for i := range 5 {
		fmt.Fprintf(&b, "<p>%s: on day %d the harbour authority approved the plan after a long public debate, with residents, "+
			"fishermen and the council each giving their view of what the works would mean for the town.</p>", title, i+1)
	}
	return b.String() + "</article></body></html>"
}

// smallSite is a home page, three stories, a sitemap of two of them and
// a page that answers 503, logging the paths asked for and when.
type smallSite struct {
	mu    sync.Mutex
	paths []string
	times []time.Time
}

func (s *smallSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.paths = append(s.paths, r.URL.Path)
	s.times = append(s.times, time.Now())
	s.mu.Unlock()
	switch r.URL.Path {
	case "/robots.txt":
		fmt.Fprintf(w, "User-agent: *\nAllow: /\nSitemap: http://%s/sitemap.xml\n", r.Host)
	case "/":
		fmt.Fprint(w, `<!doctype html><title>Home</title><a href="/news/one">1</a> <a href="/news/two">2</a> <a href="/news/three">3</a>`)
	case "/sitemap.xml":
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
			<url><loc>http://%s/news/one</loc></url><url><loc>http://%s/news/three</loc></url></urlset>`, r.Host, r.Host)
	case "/down":
		http.Error(w, "down", http.StatusServiceUnavailable)
	default:
		fmt.Fprint(w, storyPage("Story "+r.URL.Path))
	}
}

func (s *smallSite) asked() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.paths)
}

// TestRunZeroFlags: on the command line a number's 0 means zero (defect
// 9): -depth 0 fetches the seed only, -depth 0 with a sitemap seed its
// entries only, -retries 0 asks once, -delay 0 does not wait.
func TestRunZeroFlags(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		seed  string
		asked []string
		err   bool
	}{
		{"depth 0", []string{"-depth", "0"}, "/", []string{"/", "/robots.txt"}, false},
		{"depth 1", []string{"-depth", "1"}, "/", []string{"/", "/news/one", "/news/three", "/news/two", "/robots.txt"}, false},
		{"sitemap at depth 0", []string{"-depth", "0"}, "/sitemap.xml", []string{"/news/one", "/news/three", "/robots.txt", "/sitemap.xml"}, false},
		{"robots.txt sitemap at depth 0", []string{"-depth", "0", "-sitemaps"}, "/", []string{"/", "/news/one", "/news/three", "/robots.txt", "/sitemap.xml"}, false},
		{"retries 0", []string{"-retries", "0"}, "/down", []string{"/down", "/robots.txt"}, true},
		{"retries 1", []string{"-retries", "1"}, "/down", []string{"/down", "/down", "/robots.txt"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := &smallSite{}
			srv := httptest.NewServer(site)
			defer srv.Close()
			var stdout, stderr bytes.Buffer
			args := append(append([]string{"crawl", "-delay", "0", "-progress", "1h"}, tt.args...), srv.URL+tt.seed)
			err := run(context.Background(), args, &stdout, &stderr)
			if tt.err != errors.Is(err, scoop.ErrSeedsFailed) {
				t.Errorf("run = %v", err)
			}
			got := site.asked()
			slices.Sort(got)
			if !slices.Equal(got, tt.asked) {
				t.Errorf("asked for %q, want %q", got, tt.asked)
			}
			// The summary by kind, on every crawl.
			if !strings.Contains(stderr.String(), "errors: ") || !strings.Contains(stderr.String(), "skipped: ") {
				t.Errorf("no summary: %q", stderr.String())
			}
			if tt.err && (!strings.Contains(stderr.String(), "http_503 1") || !strings.Contains(stderr.String(), "scoop: fetch \""+srv.URL+"/down\"")) {
				t.Errorf("the failed seed not reported: %q", stderr.String())
			}
		})
	}

	// -delay 0: the three stories come one right after the other, where
	// the default delay would space them by a second.
	site := &smallSite{}
	srv := httptest.NewServer(site)
	defer srv.Close()
	start := time.Now()
	if err := run(context.Background(), []string{"crawl", "-delay", "0", "-parallel", "1", "-progress", "1h", srv.URL + "/"}, &bytes.Buffer{}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 900*time.Millisecond {
		t.Errorf("-delay 0 crawl of 5 requests took %v", d)
	}
}

// TestRunExtractMany extracts several files, a directory and gzipped
// pages into JSON Lines, with -no-html (defect 12).
func TestRunExtractMany(t *testing.T) {
	dir := t.TempDir()
	pages := filepath.Join(dir, "pages")
	os.MkdirAll(filepath.Join(pages, "sub"), 0o755)
	os.WriteFile(filepath.Join(pages, "one.html"), []byte(storyPage("One")), 0o644)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(storyPage("Two")))
	zw.Close()
	os.WriteFile(filepath.Join(pages, "sub", "two.html.gz"), gz.Bytes(), 0o644)
	os.WriteFile(filepath.Join(pages, "notes.txt"), []byte("not a page"), 0o644)
	single := filepath.Join(dir, "three.html")
	os.WriteFile(single, []byte(storyPage("Three")), 0o644)

	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"extract", "-base", "https://news.test/", "-no-html", pages, single}, &stdout, &stderr)
	if err != nil {
		t.Fatal(err, stderr.String())
	}
	var urls []string
	for l := range strings.SplitSeq(strings.TrimSuffix(stdout.String(), "\n"), "\n") {
		var a scoop.Article
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		if a.HTML != "" || a.Text == "" {
			t.Errorf("%s: html %d bytes, text %d", a.URL, len(a.HTML), len(a.Text))
		}
		urls = append(urls, a.URL)
	}
	want := []string{"https://news.test/one.html", "https://news.test/sub/two.html", "https://news.test/three.html"}
	if !slices.Equal(urls, want) {
		t.Errorf("urls %q, want %q", urls, want)
	}
}

func TestRunVersionAndMessages(t *testing.T) {
	var stdout bytes.Buffer
	if err := run(context.Background(), []string{"version"}, &stdout, &bytes.Buffer{}); err != nil || !strings.HasPrefix(stdout.String(), "scoop ") {
		t.Errorf("version: %v, %q", err, stdout.String())
	}
	if m := message(fmt.Errorf("seed: %w", scoop.ErrInvalidURL)); strings.Count(m, "scoop:") != 1 {
		t.Errorf("message %q", m)
	}
	if m := message(scoop.ErrSeedsFailed); m != "scoop: every seed failed" {
		t.Errorf("message %q", m)
	}
	// A usage error is one line; the flags are not listed.
	var stderr bytes.Buffer
	err := run(context.Background(), []string{"crawl", "-depth", "x", "http://a.test/"}, &bytes.Buffer{}, &stderr)
	var ue usageError
	if !errors.As(err, &ue) || strings.Contains(err.Error(), "\n") || stderr.Len() != 0 {
		t.Errorf("usage error %q, stderr %q", err, stderr.String())
	}
}

// TestRunFixedClock: -now is every record's fetched_at, so that a re-run
// from -cache gives the same file.
func TestRunFixedClock(t *testing.T) {
	site := &smallSite{}
	srv := httptest.NewServer(site)
	defer srv.Close()
	out := filepath.Join(t.TempDir(), "out.jsonl")
	args := []string{"crawl", "-delay", "0", "-progress", "1h", "-now", "2024-05-06T07:08:09Z", "-no-html", "-o", out, srv.URL + "/"}
	if err := run(context.Background(), args, &bytes.Buffer{}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	lines := readLines(t, out)
	if len(lines) != 3 {
		t.Fatalf("%d records, want 3", len(lines))
	}
	for _, l := range lines {
		var r scoop.Record
		if err := json.Unmarshal([]byte(l), &r); err != nil || !r.FetchedAt.Equal(time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)) || r.HTML != "" {
			t.Errorf("record %v: fetched_at %v, html %d bytes", err, r.FetchedAt, len(r.HTML))
		}
	}
}

// TestRunBadSeeds: each seed that cannot be crawled is said on stderr,
// and a crawl in which every seed failed is an error (exit 1).
func TestRunBadSeeds(t *testing.T) {
	var stderr bytes.Buffer
	err := run(context.Background(), []string{"crawl", "-progress", "1h", "http://127.0.0.1:99999/", "ftp://example.com/"}, &bytes.Buffer{}, &stderr)
	if !errors.Is(err, scoop.ErrSeedsFailed) {
		t.Errorf("run = %v, want ErrSeedsFailed", err)
	}
	for _, s := range []string{`seed "http://127.0.0.1:99999/"`, `seed "ftp://example.com/"`, "invalid_url 2"} {
		if !strings.Contains(stderr.String(), s) {
			t.Errorf("stderr lacks %q: %q", s, stderr.String())
		}
	}
}
