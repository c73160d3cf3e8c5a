package scoop_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/scoopkit/scoop"
	"github.com/scoopkit/scoop/internal/newssite"
)

// TestScraperResumeAfterRedirect stops a crawl right after it delivered
// a story reached through a redirect, while the story's own address is
// still queued: the resumed run must not fetch the story again.
func TestScraperResumeAfterRedirect(t *testing.T) {
	t.Parallel()
	news := newssite.New(newssite.Options{})
	story := news.Emittable()[0].Path
	var mu sync.Mutex
	hits := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		mu.Unlock()
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/":
			// The redirect first, so that it is fetched first, and the
			// story's own link after others, so that the queue has not
			// handed it out yet when the crawl stops.
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprintf(w, `<!doctype html><title>Home</title><a href="/go/1">short</a>
				<a href="/about/">about</a> <a href="/contact/">contact</a> <a href="%s">long</a>`, story)
		case "/go/1":
			http.Redirect(w, r, story, http.StatusMovedPermanently)
		default:
			news.ServeHTTP(w, r)
		}
	}))
	defer srv.Close()
	state := t.TempDir()
	run := func(stopAfterFirst bool) crawlResult {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		s := &scoop.Scraper{Parallelism: 1, Delay: -1, MaxDepth: 1, Backoff: 10 * time.Millisecond, StateDir: state}
		return crawl(t, ctx, s, []string{srv.URL + "/"}, func(*scoop.Record) {
			if stopAfterFirst {
				cancel()
			}
		})
	}
	first := run(true)
	if len(first.records) != 1 || first.records[0].FoundOn != srv.URL+"/" {
		t.Fatalf("first run: %d records, %v", len(first.records), first.err)
	}
	second := run(false)
	if second.err != nil || len(second.records) != 0 {
		t.Errorf("second run: %v, %d records", second.err, len(second.records))
	}
	mu.Lock()
	defer mu.Unlock()
	if hits[story] != 1 || hits["/go/1"] != 1 {
		t.Errorf("the story was requested %d times and its redirect %d, want once each", hits[story], hits["/go/1"])
	}
}
