package scoop_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/scoopkit/scoop"
)

// TestScraperDuplicates serves one story three ways: on its own site, as
// an aggregator's copy on another site (same text, other bytes), and as
// the same bytes under a second address of its own site. The copy is
// delivered with duplicate_of naming the original; the same bytes are
// not delivered again (defect 10). Each page was fetched once.
func TestScraperDuplicates(t *testing.T) {
	rec := &recorder{}
	const title = "Harbour plan approved after long debate"
	original := story(title)
	news := httptest.NewServer(rec.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/":
			fmt.Fprint(w, `<!doctype html><title>Home</title><a href="/news/harbour-plan">a</a> <a href="/print/harbour-plan">b</a>`)
		default:
			fmt.Fprint(w, original)
		}
	})))
	defer news.Close()
	aggregator := httptest.NewServer(rec.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/":
			fmt.Fprint(w, `<!doctype html><title>Aggregator</title><p>Today's news.`)
		default:
			// Other markup around the same title and text.
			fmt.Fprint(w, strings.Replace(original, "<article>", `<nav><a href="/">Aggregator</a></nav><article class="copy">`, 1))
		}
	})))
	defer aggregator.Close()
	s := &scoop.Scraper{Delay: -1}
	res := crawl(t, context.Background(), s, []string{news.URL + "/", aggregator.URL + "/wire/harbour-plan"}, nil)
	if res.err != nil {
		t.Fatal(res.err)
	}
	if len(res.records) != 2 {
		t.Fatalf("%d records, want the story and the aggregator's copy", len(res.records))
	}
	// Whichever came first is the one the other repeats.
	orig, cp := res.records[0], res.records[1]
	if orig.DuplicateOf != "" || cp.DuplicateOf != orig.URL || cp.ContentSHA256 != orig.ContentSHA256 {
		t.Errorf("original %s duplicate_of %q; copy %s duplicate_of %q", orig.URL, orig.DuplicateOf, cp.URL, cp.DuplicateOf)
	}
	if res.stats.Skipped["duplicate_body"] != 1 {
		t.Errorf("skipped %v, want duplicate_body 1", res.stats.Skipped)
	}
	for _, p := range []string{"/news/harbour-plan", "/print/harbour-plan", "/wire/harbour-plan"} {
		if n := rec.count(p); n != 1 {
			t.Errorf("%s fetched %d times", p, n)
		}
	}
}

// TestScraperContentTypes serves pages whose Content-Type and bytes
// disagree (defect 11): HTML as an image and random bytes as HTML are
// reported with kind content_type; a real image is skipped with a
// reason.
func TestScraperContentTypes(t *testing.T) {
	noise := make([]byte, 4096)
	for i := range noise {
		noise[i] = byte(i*7919>>3) | 0x80
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/":
			fmt.Fprint(w, `<!doctype html><title>Home</title><a href="/a/html-as-png">1</a> <a href="/a/noise-as-html">2</a> <a href="/a/png">3</a>`)
		case "/a/html-as-png":
			w.Header().Set("Content-Type", "image/png")
			fmt.Fprint(w, story("A page served as an image"))
		case "/a/noise-as-html":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(noise)
		case "/a/png":
			w.Header().Set("Content-Type", "image/png")
			w.Write(append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 500)...))
		}
	}))
	defer srv.Close()
	logs := &logSink{}
	res := crawl(t, context.Background(), &scoop.Scraper{Delay: -1, Logger: slog.New(logs)}, []string{srv.URL + "/"}, nil)
	if res.err != nil || len(res.records) != 0 {
		t.Fatalf("%v, %d records", res.err, len(res.records))
	}
	got := map[string]string{}
	for _, err := range res.errs {
		var pe *scoop.PageError
		if errors.As(err, &pe) {
			got[strings.TrimPrefix(pe.URL, srv.URL)] = string(pe.Kind)
		}
	}
	want := map[string]string{"/a/html-as-png": "content_type", "/a/noise-as-html": "content_type"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("errors %v, want %v", got, want)
	}
	if res.stats.Skipped["not_html"] != 1 {
		t.Errorf("skipped %v, want not_html 1 (the image)", res.stats.Skipped)
	}
	// Every skip has a debug line with its reason: the image, and the
	// home page, which is no article.
	skips := map[string]string{}
	for _, r := range logs.records() {
		if r.level == slog.LevelDebug && r.msg == "skipped" {
			skips[strings.TrimPrefix(r.attrs["url"], srv.URL)] = r.attrs["reason"]
		}
	}
	if skips["/a/png"] != "not_html" || skips["/"] == "" {
		t.Errorf("skips logged: %v", skips)
	}
}

// TestScraperLongRetryAfter has one host answer 503 with a Retry-After
// of four minutes: the other host is crawled meanwhile, no worker is
// held, and cancelling returns at once.
func TestScraperLongRetryAfter(t *testing.T) {
	busy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Retry-After", "240")
		http.Error(w, "busy", http.StatusServiceUnavailable)
	}))
	defer busy.Close()
	rec := &recorder{}
	fine := latencySite(8, 0, rec)
	defer fine.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := &scoop.Scraper{Delay: -1, Workers: 2}
	n := 0
	var cancelled time.Time
	res := crawl(t, ctx, s, []string{busy.URL + "/news/a", busy.URL + "/news/b", fine.URL + "/"}, func(*scoop.Record) {
		if n++; n == 8 {
			cancelled = time.Now()
			cancel()
		}
	})
	if !errors.Is(res.err, context.Canceled) || len(res.records) != 8 {
		t.Fatalf("Run = %v with %d records, want Canceled after the 8 stories of the other host", res.err, len(res.records))
	}
	if d := time.Since(cancelled); d > 500*time.Millisecond {
		t.Errorf("Run returned %v after the cancel", d)
	}
}

// noted is a response body that says where its response was stored, as
// a recording transport's would.
type noted struct {
	io.ReadCloser
	loc *scoop.WARCLocation
}

func (n *noted) Note(r *scoop.Record) { r.WARCLocation = *n.loc }

type recordingTransport struct{ n int }

func (t *recordingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	t.n++
	resp.Body = &noted{resp.Body, &scoop.WARCLocation{WARCFile: "crawl-00001.warc.gz", WARCRecordID: fmt.Sprintf("<urn:uuid:%d>", t.n), WARCOffset: int64(1000 * t.n)}}
	return resp, nil
}

// TestScraperResponseNoter plugs a transport whose response bodies note
// where they were stored: the records carry the location in the
// warc_file, warc_record_id and warc_offset fields.
func TestScraperResponseNoter(t *testing.T) {
	srv := latencySite(2, 0, &recorder{})
	defer srv.Close()
	s := &scoop.Scraper{Delay: -1, Parallelism: 1, Workers: 1, Transport: &recordingTransport{}}
	res := crawl(t, context.Background(), s, []string{srv.URL + "/"}, nil)
	if res.err != nil || len(res.records) != 2 {
		t.Fatalf("%v, %d records", res.err, len(res.records))
	}
	for _, r := range res.records {
		b, _ := json.Marshal(r)
		if r.WARCFile == "" || !strings.Contains(string(b), `"warc_file":"crawl-00001.warc.gz"`) || !strings.Contains(string(b), `"warc_offset":`) {
			t.Errorf("record %s: %.200s", r.URL, b)
		}
	}
	var buf bytes.Buffer
	json.NewEncoder(&buf).Encode(&scoop.Record{})
	if strings.Contains(buf.String(), "warc") {
		t.Errorf("a record without a location has WARC fields: %s", buf.String())
	}
}

// TestScraperCharset serves a story in windows-1252, said only in the
// Content-Type header, and a story in UTF-8 wrongly labelled ISO-8859-1:
// both records have their accented letters, fetched or from the cache.
func TestScraperCharset(t *testing.T) {
	page := strings.ReplaceAll(story("Caf\xe9 owners welcome the plan"), "harbour", "caf\xe9")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/news/cp1252":
			w.Header().Set("Content-Type", "text/html; charset=windows-1252")
			fmt.Fprint(w, page)
		case "/news/mislabelled":
			w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
			fmt.Fprint(w, strings.ReplaceAll(strings.ReplaceAll(page, "\xe9", "é"), "owners", "owners too"))
		}
	}))
	defer srv.Close()
	for _, cache := range []string{"", t.TempDir()} {
		for range 2 { // with a cache: filled, then read
			res := crawl(t, context.Background(), &scoop.Scraper{Delay: -1, CacheDir: cache}, []string{srv.URL + "/news/cp1252", srv.URL + "/news/mislabelled"}, nil)
			if res.err != nil || len(res.records) != 2 {
				t.Fatalf("%v, %d records", res.err, len(res.records))
			}
			for _, r := range res.records {
				if !strings.HasPrefix(r.Title, "Café owners") || !strings.Contains(r.Text, "the café authority") {
					t.Errorf("cache %q: %s: title %q, text %.80q", cache, r.URL, r.Title, r.Text)
				}
			}
		}
	}
}
