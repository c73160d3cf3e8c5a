package scoop_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/scoopkit/scoop"
	"github.com/scoopkit/scoop/internal/newssite"
)

// crawlResult is what one Run delivered.
type crawlResult struct {
	records []*scoop.Record
	errs    []error
	err     error
	stats   scoop.Stats
}

// crawl runs s from the seeds, collecting what it delivers; onRecord,
// when set, sees each record as it comes.
func crawl(t *testing.T, ctx context.Context, s *scoop.Scraper, seeds []string, onRecord func(*scoop.Record)) crawlResult {
	t.Helper()
	var res crawlResult
	res.err = s.Run(ctx, seeds, func(r *scoop.Record, err error) error {
		if err != nil {
			res.errs = append(res.errs, err)
			return nil
		}
		res.records = append(res.records, r)
		if onRecord != nil {
			onRecord(r)
		}
		return nil
	})
	res.stats = s.Stats()
	return res
}

func startSite(t testing.TB, opts newssite.Options) (*newssite.Site, *httptest.Server) {
	site := newssite.New(opts)
	srv := httptest.NewServer(site)
	t.Cleanup(srv.Close)
	return site, srv
}

// testScraper is polite enough to observe and quick enough for tests.
func testScraper() *scoop.Scraper {
	return &scoop.Scraper{
		Delay:       20 * time.Millisecond,
		Sitemaps:    true,
		Backoff:     10 * time.Millisecond,
		MaxBodySize: 1 << 20,
	}
}

// keys returns the URL keys of the stories, or of the records.
func storyKeys(base string, stories []*newssite.Story) []string {
	var out []string
	for _, st := range stories {
		out = append(out, scoop.URLKey(base+st.Path))
	}
	slices.Sort(out)
	return out
}

func recordKeys(t *testing.T, recs []*scoop.Record) []string {
	t.Helper()
	var out []string
	seen := map[string]bool{}
	sums := map[string]bool{}
	for _, r := range recs {
		k := scoop.URLKey(r.URL)
		if seen[k] {
			t.Errorf("story delivered twice: %s", r.URL)
		}
		if sums[r.ContentSHA256] {
			t.Errorf("content delivered twice: %s", r.URL)
		}
		seen[k], sums[r.ContentSHA256] = true, true
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func diffKeys(t *testing.T, got, want []string) {
	t.Helper()
	for _, k := range want {
		if !slices.Contains(got, k) {
			t.Errorf("missing: %s", k)
		}
	}
	for _, k := range got {
		if !slices.Contains(want, k) {
			t.Errorf("unexpected: %s", k)
		}
	}
}

func TestScraperCrawlsSite(t *testing.T) {
	site, srv := startSite(t, newssite.Options{})
	s := testScraper()
	res := crawl(t, context.Background(), s, []string{srv.URL + "/"}, nil)
	if res.err != nil {
		t.Fatal(res.err)
	}
	diffKeys(t, recordKeys(t, res.records), storyKeys(srv.URL, site.Emittable()))

	byPath := map[string]*newssite.Story{}
	for _, st := range site.Stories() {
		byPath[st.Path] = st
	}
	for _, r := range res.records {
		u, _ := url.Parse(r.URL)
		st := byPath[u.Path]
		if st == nil {
			continue
		}
		t.Run(st.Template+st.Path, func(t *testing.T) {
			if r.Title != st.Title {
				t.Errorf("title %q, want %q", r.Title, st.Title)
			}
			if r.Published == nil || r.Published.Format("2006-01-02") != st.Published.Format("2006-01-02") {
				t.Errorf("published %v, want %s", r.Published, st.Published.Format("2006-01-02"))
			}
			if r.Status != http.StatusOK || r.Extractor == "" || r.FetchedAt.IsZero() || len(r.ContentSHA256) != 64 {
				t.Errorf("provenance: status %d extractor %q fetched %v sha %q", r.Status, r.Extractor, r.FetchedAt, r.ContentSHA256)
			}
			if r.Depth > 0 && r.FoundOn == "" {
				t.Errorf("depth %d but no found_on", r.Depth)
			}
			switch st.Template {
			case newssite.Wire:
				if r.SourceURL != st.SourceURL {
					t.Errorf("source %q, want %q", r.SourceURL, st.SourceURL)
				}
				fallthrough
			case newssite.Related, newssite.Inline:
				if len(r.Related) == 0 {
					t.Errorf("no related stories")
				}
			}
		})
	}

	// What was asked of the server: nothing disallowed, no tracking or
	// AMP duplicates, no file, each page once (the flaky ones twice).
	counts := map[string]int{}
	for _, h := range site.Hits() {
		counts[h.Path]++
		if !strings.HasPrefix(h.UserAgent, "scoop/") {
			t.Errorf("user agent %q", h.UserAgent)
		}
		switch {
		case strings.HasPrefix(h.Path, "/private/"), strings.HasPrefix(h.Path, "/search"):
			t.Errorf("disallowed path requested: %s", h.Path)
		case strings.Contains(h.Path, "utm_"), strings.Contains(h.Path, "fbclid"), strings.Contains(h.Path, "gclid"):
			t.Errorf("tracking duplicate requested: %s", h.Path)
		case strings.HasSuffix(h.Path, "/amp/"):
			t.Errorf("AMP duplicate requested: %s", h.Path)
		case strings.HasSuffix(h.Path, ".pdf"):
			t.Errorf("file requested: %s", h.Path)
		}
	}
	for p, n := range counts {
		st := byPath[p]
		if n > 1 && (st == nil || st.Fault == "" || n > 2) {
			t.Errorf("%s requested %d times", p, n)
		}
	}
	for _, st := range site.Stories() {
		if want := map[string]int{newssite.Flaky: 2, newssite.RateLimit: 2, newssite.Slow: 1}[st.Fault]; st.Fault != "" && counts[st.Path] != want {
			t.Errorf("%s story %s requested %d times, want %d", st.Fault, st.Path, counts[st.Path], want)
		}
	}

	wantErrs := map[string]int64{"http_404": 2, "too_large": 1}
	for k, n := range wantErrs {
		if res.stats.Errors[k] != n {
			t.Errorf("stats errors %s = %d, want %d (%v)", k, res.stats.Errors[k], n, res.stats.Errors)
		}
	}
	if len(res.errs) != 3 {
		t.Errorf("%d page errors, want 3: %v", len(res.errs), res.errs)
	}
	for _, err := range res.errs {
		var pe *scoop.PageError
		if !errors.As(err, &pe) || !errors.Is(err, scoop.ErrHTTPStatus) && !errors.Is(err, scoop.ErrTooLarge) {
			t.Errorf("error %v: want a *PageError wrapping ErrHTTPStatus or ErrTooLarge", err)
		}
	}
	if res.stats.Skipped["robots"] == 0 || res.stats.Skipped["not_html"] != 1 || res.stats.Articles != int64(len(res.records)) {
		t.Errorf("stats %+v", res.stats)
	}
}

// TestScraperPoliteness checks the per-host limits the server saw: never
// more than Parallelism requests at once, and with P slots, P+1
// consecutive requests spanning at least Delay.
func TestScraperPoliteness(t *testing.T) {
	site, srv := startSite(t, newssite.Options{})
	s := testScraper()
	s.Parallelism = 2
	s.Delay = 30 * time.Millisecond
	s.MaxPages = 60
	res := crawl(t, context.Background(), s, []string{srv.URL + "/"}, nil)
	if res.err != nil {
		t.Fatal(res.err)
	}
	var hits []newssite.Hit
	for _, h := range site.Hits() {
		// robots.txt is read outside the limit, once; a redirect and
		// the request that follows it are one fetch.
		if h.Path != "/robots.txt" && h.Status/100 != 3 {
			hits = append(hits, h)
		}
	}
	if len(hits) < 60 {
		t.Fatalf("%d requests, want at least MaxPages", len(hits))
	}
	slices.SortFunc(hits, func(a, b newssite.Hit) int { return a.Start.Compare(b.Start) })
	for i, h := range hits {
		inFlight := 0
		for _, o := range hits[:i] {
			if o.End.After(h.Start) {
				inFlight++
			}
		}
		if inFlight >= s.Parallelism {
			t.Errorf("%s started with %d requests in flight", h.Path, inFlight)
		}
		if i >= s.Parallelism {
			if gap := h.Start.Sub(hits[i-s.Parallelism].Start); gap < s.Delay {
				t.Errorf("%s started %v after request %d before it, want >= %v", h.Path, gap, s.Parallelism, s.Delay)
			}
		}
	}
	distinct := map[string]bool{}
	for _, h := range hits {
		distinct[h.Path] = true
	}
	if len(distinct) > 60 { // retries, redirects and robots.txt are not pages
		t.Errorf("%d pages fetched with MaxPages 60", len(distinct))
	}
	// The server logs a request when its answer is sent, which for a page
	// refused at its headers can come after the crawl ended.
	if n := int64(len(site.Hits())); res.stats.Requests < n {
		t.Errorf("Stats.Requests = %d, the server saw %d", res.stats.Requests, n)
	}
}

func TestScraperCrawlDelay(t *testing.T) {
	site, srv := startSite(t, newssite.Options{CrawlDelay: 1})
	s := testScraper()
	s.Delay = -1
	s.MaxPages = 3
	res := crawl(t, context.Background(), s, []string{srv.URL + "/"}, nil)
	if res.err != nil {
		t.Fatal(res.err)
	}
	var starts []time.Time
	for _, h := range site.Hits() {
		if h.Path != "/robots.txt" {
			starts = append(starts, h.Start)
		}
	}
	if len(starts) != 3 {
		t.Fatalf("%d requests, want 3", len(starts))
	}
	slices.SortFunc(starts, time.Time.Compare)
	for i := 1; i < len(starts); i++ {
		if gap := starts[i].Sub(starts[i-1]); gap < 900*time.Millisecond {
			t.Errorf("requests %v apart with Crawl-delay: 1", gap)
		}
	}
}

// TestScraperResume cancels a crawl part way and runs it again with the
// same state: together the runs deliver the site once, and the second
// fetches nothing the first finished.
func TestScraperResume(t *testing.T) {
	site, srv := startSite(t, newssite.Options{})
	dir := t.TempDir()
	var out bytes.Buffer
	w := scoop.NewRecordWriter(&out)
	write := func(r *scoop.Record) {
		if err := w.Write(r); err != nil {
			t.Error(err)
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := testScraper()
	s.StateDir = dir
	first := crawl(t, ctx, s, []string{srv.URL + "/"}, func(r *scoop.Record) {
		write(r)
		if s.Stats().Articles >= 40 {
			cancel()
		}
	})
	if !errors.Is(first.err, context.Canceled) {
		t.Fatalf("first run: %v, want context.Canceled", first.err)
	}
	if n := len(first.records); n < 40 || n > 60 {
		t.Fatalf("first run delivered %d records", n)
	}
	firstHits := site.Hits()

	s2 := testScraper()
	s2.StateDir = dir
	second := crawl(t, context.Background(), s2, []string{srv.URL + "/"}, write)
	if second.err != nil {
		t.Fatal(second.err)
	}
	all := append(slices.Clone(first.records), second.records...)
	diffKeys(t, recordKeys(t, all), storyKeys(srv.URL, site.Emittable()))

	// The lines written by both runs: whole, and each story once.
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != len(all) {
		t.Errorf("%d lines for %d records", len(lines), len(all))
	}
	for _, l := range lines {
		var r scoop.Record
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("bad line: %v", err)
		}
	}

	fetched := map[string]bool{}
	for _, h := range firstHits {
		fetched[h.Path] = true
	}
	delivered := map[string]bool{}
	for _, r := range first.records {
		u, _ := url.Parse(r.FinalURL)
		delivered[u.RequestURI()] = true
	}
	again := 0
	for _, h := range site.Hits()[len(firstHits):] {
		if delivered[h.Path] {
			t.Errorf("second run fetched %s, delivered by the first", h.Path)
		}
		if fetched[h.Path] && h.Path != "/robots.txt" {
			again++
		}
	}
	// Only requests in flight when the first run stopped are sent again.
	if again > 4 {
		t.Errorf("second run fetched %d pages the first had fetched", again)
	}
}

func TestScraperDateWindow(t *testing.T) {
	site, srv := startSite(t, newssite.Options{})
	s := testScraper()
	s.From = time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)
	s.To = time.Date(2024, 4, 30, 23, 59, 59, 0, time.UTC)
	res := crawl(t, context.Background(), s, []string{srv.URL + "/"}, nil)
	if res.err != nil {
		t.Fatal(res.err)
	}
	var want []*newssite.Story
	for _, st := range site.Emittable() {
		if d := st.Published.UTC(); !d.Before(s.From) && !d.After(s.To) {
			want = append(want, st)
		}
	}
	diffKeys(t, recordKeys(t, res.records), storyKeys(srv.URL, want))

	// Stories only the sitemaps list are not fetched when their
	// publication date (news sitemap) is outside the window or their
	// lastmod (archive sitemap) before it, nor is a sitemap last
	// modified before it.
	requested := map[string]bool{}
	for _, h := range site.Hits() {
		requested[h.Path] = true
	}
	if requested["/sitemaps/old-2019.xml"] {
		t.Error("sitemap last modified before the window was fetched")
	}
	for _, st := range site.Emittable() {
		outside := st.Published.Before(s.From) || st.News && st.Published.After(s.To)
		if !st.Listed && outside && st.Template != newssite.Wire && st.Template != newssite.Bare && requested[st.Path] {
			t.Errorf("out-of-window story %s fetched", st.Path)
		}
	}
	if res.stats.Skipped["out_of_window"] == 0 {
		t.Errorf("stats %+v", res.stats)
	}
}

// TestScraperFeedSeed starts from a feed: its items are crawled, the
// rest of the site is reached from their links.
func TestScraperSeeds(t *testing.T) {
	site, srv := startSite(t, newssite.Options{})
	tests := []struct {
		name  string
		seed  string
		depth int
		want  int
	}{
		// Seeds only: the entries of a seed feed or sitemap are at
		// depth 0, and nothing else is fetched.
		{"rss", "/feed/", -1, 20},
		{"atom", "/section/world/feed.atom", -1, 10},
		{"news sitemap", "/sitemaps/news.xml", -1, 15},
		{"gzip sitemap", "/sitemaps/archive-2024.xml.gz", -1, len(site.Emittable()) - 15},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := testScraper()
			s.Delay = -1
			s.Parallelism = 4
			s.Sitemaps = false
			s.MaxDepth = tt.depth
			res := crawl(t, context.Background(), s, []string{srv.URL + tt.seed}, nil)
			if res.err != nil {
				t.Fatal(res.err)
			}
			if got := len(recordKeys(t, res.records)); got != tt.want {
				t.Errorf("%d records, want %d (errors %v)", got, tt.want, res.errs)
			}
		})
	}
}

func TestScraperRetries(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/down":
			calls.Add(1)
			http.Error(w, "try later", http.StatusServiceUnavailable)
		case "/hang":
			calls.Add(1)
			select {
			case <-time.After(2 * time.Second):
			case <-r.Context().Done():
			}
		case "/big":
			// No Content-Length: the limit applies to what is read.
			w.Header().Set("Content-Type", "text/html")
			for range 64 {
				w.Write(bytes.Repeat([]byte("<p>filler text</p>\n"), 64))
				w.(http.Flusher).Flush()
			}
		}
	}))
	defer srv.Close()
	tests := []struct {
		path  string
		calls int32
		kind  string
		is    error
	}{
		{"/down", 3, "http_503", scoop.ErrHTTPStatus},
		{"/hang", 3, "timeout", nil},
		{"/big", 0, "too_large", scoop.ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			calls.Store(0)
			s := &scoop.Scraper{Retries: 2, Backoff: 5 * time.Millisecond, Delay: -1, Timeout: 150 * time.Millisecond, MaxBodySize: 16 << 10}
			res := crawl(t, context.Background(), s, []string{srv.URL + tt.path}, nil)
			if !errors.Is(res.err, scoop.ErrSeedsFailed) {
				t.Fatalf("Run = %v, want ErrSeedsFailed", res.err)
			}
			if len(res.errs) != 1 {
				t.Fatalf("errors %v, want one", res.errs)
			}
			var pe *scoop.PageError
			if !errors.As(res.errs[0], &pe) || pe.URL != srv.URL+tt.path || tt.is != nil && !errors.Is(pe, tt.is) {
				t.Errorf("error %#v", res.errs[0])
			}
			if calls.Load() != tt.calls {
				t.Errorf("%d calls, want %d", calls.Load(), tt.calls)
			}
			if res.stats.Errors[tt.kind] != 1 {
				t.Errorf("errors by kind %v, want %s", res.stats.Errors, tt.kind)
			}
		})
	}
}

func TestScraperProxiesAndCache(t *testing.T) {
	site, srv := startSite(t, newssite.Options{})
	// A forward proxy that serves the site: each counts what it relays.
	var relayed [2]atomic.Int32
	var mu sync.Mutex
	var paths []string
	var proxies []string
	for i := range relayed {
		p := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			relayed[i].Add(1)
			mu.Lock()
			paths = append(paths, r.URL.Path)
			mu.Unlock()
			site.ServeHTTP(w, r)
		}))
		defer p.Close()
		proxies = append(proxies, p.URL)
	}
	cache := t.TempDir()
	// The proxies' loopback address would be bypassed for the site's own
	// loopback address, so the site is named by a host the proxies serve.
	seed := strings.Replace(srv.URL, "127.0.0.1", "news.test", 1) + "/section/science/"
	s := &scoop.Scraper{Delay: -1, MaxDepth: 1, Proxies: proxies, CacheDir: cache}
	first := crawl(t, context.Background(), s, []string{seed}, nil)
	if first.err != nil || len(first.records) == 0 {
		t.Fatalf("%v, %d records, errors %v", first.err, len(first.records), first.errs)
	}
	a, b := relayed[0].Load(), relayed[1].Load()
	if a == 0 || b == 0 || a-b > 1 || b-a > 1 {
		t.Errorf("proxies relayed %d and %d requests, want them taken in turn", a, b)
	}

	// Again from the cache: the same records, and only robots.txt and
	// the PDF (refused at its headers, so never cached) asked for.
	mu.Lock()
	paths = nil
	mu.Unlock()
	s2 := &scoop.Scraper{Delay: -1, MaxDepth: 1, Proxies: proxies, CacheDir: cache}
	second := crawl(t, context.Background(), s2, []string{seed}, nil)
	if second.err != nil {
		t.Fatal(second.err)
	}
	diffKeys(t, recordKeys(t, second.records), recordKeys(t, first.records))
	for _, p := range paths {
		if p != "/robots.txt" && p != "/downloads/annual-report" {
			t.Errorf("%s requested with a warm cache", p)
		}
	}
}

func TestScraperStopsOnCallbackError(t *testing.T) {
	_, srv := startSite(t, newssite.Options{})
	stop := errors.New("enough")
	s := &scoop.Scraper{Delay: -1}
	n := 0
	err := s.Run(context.Background(), []string{srv.URL + "/"}, func(r *scoop.Record, err error) error {
		if r != nil {
			n++
			if n == 3 {
				return stop
			}
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 {
		t.Errorf("Run = %v after %d records, want %v after 3", err, n, stop)
	}
}

// TestScraperBadSeeds reports each seed that cannot be crawled, goes on
// with the others, and fails the run when none could be.
func TestScraperBadSeeds(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.URL.Path == "/ok" {
			fmt.Fprint(w, "<!doctype html><title>Home</title><p>Nothing here yet.")
			return
		}
		http.NotFound(w, r)
	}))
	defer srv.Close()
	s := &scoop.Scraper{Delay: -1, Retries: -1, Timeout: 2 * time.Second}
	bad := []string{"ftp://example.com/", "http://127.0.0.1:99999/", srv.URL + "/gone"}
	res := crawl(t, context.Background(), s, bad, nil)
	if !errors.Is(res.err, scoop.ErrSeedsFailed) {
		t.Errorf("Run = %v, want ErrSeedsFailed", res.err)
	}
	kinds := map[string]string{}
	for _, err := range res.errs {
		var pe *scoop.PageError
		if errors.As(err, &pe) {
			kinds[pe.URL] = kindOf(pe)
		}
	}
	want := map[string]string{bad[0]: "invalid_url", bad[1]: "invalid_url", bad[2]: "http_404"}
	if !maps.Equal(kinds, want) {
		t.Errorf("reported %v, want %v", kinds, want)
	}
	if !maps.Equal(res.stats.Errors, map[string]int64{"invalid_url": 2, "http_404": 1}) {
		t.Errorf("Stats.Errors = %v", res.stats.Errors)
	}
	if hits.Load() != 2 { // robots.txt and /gone
		t.Errorf("server saw %d requests, want 2", hits.Load())
	}

	// One good seed among bad ones: the run succeeds.
	good := append(slices.Clone(bad), srv.URL+"/ok")
	if res := crawl(t, context.Background(), &scoop.Scraper{Delay: -1, Retries: -1}, good, nil); res.err != nil {
		t.Errorf("Run with a good seed = %v", res.err)
	}
}
