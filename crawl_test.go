package scoop_test

import (
	"context"
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

// hit is one request a test server saw.
type hit struct {
	host, path string
	start, end time.Time
}

// recorder is a test server's log of requests.
type recorder struct {
	mu   sync.Mutex
	hits []hit
}

func (rec *recorder) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		h.ServeHTTP(w, r)
		rec.mu.Lock()
		rec.hits = append(rec.hits, hit{r.Host, r.URL.RequestURI(), start, time.Now()})
		rec.mu.Unlock()
	})
}

func (rec *recorder) all() []hit {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return slices.Clone(rec.hits)
}

func (rec *recorder) count(path string) int {
	n := 0
	for _, h := range rec.all() {
		if h.path == path {
			n++
		}
	}
	return n
}

// story is a page Extract takes for an article: a headline and a few
// paragraphs of prose.
func story(title string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!doctype html><html lang=\"en\"><head><title>%s</title></head><body><article><h1>%s</h1>", title, title)
	for i := range 5 {
		fmt.Fprintf(&b, "<p>%s reported on the %d of the month that the harbour authority had approved the plan after a long public debate, "+
			"with residents, fishermen and the council each giving their view of what the works would mean for the town and its economy.</p>", title, i+1)
	}
	b.WriteString("</article></body></html>")
	return b.String()
}

// latencySite serves a home page linking to n stories, each answer after
// latency.
func latencySite(n int, latency time.Duration, rec *recorder) *httptest.Server {
	return httptest.NewServer(rec.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(latency)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch {
		case r.URL.Path == "/robots.txt":
			http.NotFound(w, r)
		case r.URL.Path == "/":
			fmt.Fprint(w, "<!doctype html><title>Home</title><ul>")
			for i := range n {
				fmt.Fprintf(w, `<li><a href="/story/%d-harbour-news">Story %d</a></li>`, i, i)
			}
			fmt.Fprint(w, "</ul>")
		default:
			fmt.Fprint(w, story("Story "+r.URL.Path))
		}
	})))
}

// TestScraperHostsInParallel crawls three hosts whose every answer takes
// 100 ms (150 ms under the race detector, which slows the crawler's own
// work): together they take about as long as the slowest alone, since
// one host's limit holds up no other (defect 1). The servers saw the
// hosts' requests overlap, and never two at once on one host.
func TestScraperHostsInParallel(t *testing.T) {
	latency := 100 * time.Millisecond
	if raceEnabled {
		latency = 150 * time.Millisecond
	}
	pages := []int{6, 8, 10}
	crawlHosts := func(n int) (time.Duration, []hit) {
		rec := &recorder{}
		var seeds []string
		for _, p := range pages[len(pages)-n:] {
			srv := latencySite(p, latency, rec)
			defer srv.Close()
			seeds = append(seeds, srv.URL+"/")
		}
		s := &scoop.Scraper{Delay: -1, Parallelism: 1, Workers: 4}
		start := time.Now()
		res := crawl(t, context.Background(), s, seeds, nil)
		if res.err != nil || len(res.records) != sum(pages[len(pages)-n:]) {
			t.Fatalf("%v, %d records", res.err, len(res.records))
		}
		return time.Since(start), rec.all()
	}
	alone, _ := crawlHosts(1)
	together, hits := crawlHosts(3)
	t.Logf("slowest host alone %v, three hosts together %v (%.2fx)", alone.Round(time.Millisecond), together.Round(time.Millisecond), float64(together)/float64(alone))
	if together > alone*12/10 {
		t.Errorf("three hosts took %v, the slowest alone %v: want at most 1.2x", together, alone)
	}
	overlap := false
	for i, a := range hits {
		for _, b := range hits[i+1:] {
			concurrent := a.start.Before(b.end) && b.start.Before(a.end)
			if concurrent && a.host == b.host {
				t.Errorf("%s: %s and %s in flight at once with Parallelism 1", a.host, a.path, b.path)
			}
			overlap = overlap || concurrent && a.host != b.host
		}
	}
	if !overlap {
		t.Error("no two hosts were asked at the same time")
	}
}

func hop(p string, n *int) bool {
	_, err := fmt.Sscanf(p, "/hop/%d", n)
	return err == nil
}

func sum(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

// TestScraperRedirectHopsWait follows a chain of redirects on one host:
// each hop is a request of its own that waits Delay after the one before
// (defect 2).
func TestScraperRedirectHopsWait(t *testing.T) {
	rec := &recorder{}
	srv := httptest.NewServer(rec.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var n int
		switch {
		case r.URL.Path == "/robots.txt":
			http.NotFound(w, r)
		case r.URL.Path == "/":
			fmt.Fprint(w, `<!doctype html><title>Home</title><a href="/hop/1">go</a>`)
		case hop(r.URL.Path, &n) && n < 6:
			http.Redirect(w, r, fmt.Sprintf("/hop/%d", n+1), http.StatusFound)
		default:
			fmt.Fprint(w, story("The end of the chain"))
		}
	})))
	defer srv.Close()
	const delay = 80 * time.Millisecond
	s := &scoop.Scraper{Delay: delay, Parallelism: 1}
	res := crawl(t, context.Background(), s, []string{srv.URL + "/"}, nil)
	if res.err != nil || len(res.records) != 1 {
		t.Fatalf("%v, %d records", res.err, len(res.records))
	}
	if r := res.records[0]; r.FinalURL != srv.URL+"/hop/6" || r.FoundOn != srv.URL+"/" || r.Depth != 1 {
		t.Errorf("record: final %s, found on %s, depth %d", r.FinalURL, r.FoundOn, r.Depth)
	}
	hits := rec.all()
	if len(hits) != 8 { // robots.txt, home, 6 hops
		t.Errorf("%d requests, want 8", len(hits))
	}
	for i := 2; i < len(hits); i++ {
		if gap := hits[i].start.Sub(hits[i-1].end); gap < delay-5*time.Millisecond {
			t.Errorf("%s started %v after %s ended, want at least %v", hits[i].path, gap, hits[i-1].path, delay)
		}
	}
	if res.stats.Skipped["redirected"] != 5 {
		t.Errorf("skipped %v, want 5 redirected", res.stats.Skipped)
	}
}

// TestScraperRobotsRules serves a robots.txt that a careless matcher gets
// wrong: a query with a slash, a path with a non-ASCII letter, an Allow
// as long as a Disallow, and a group named by the product token inside a
// browser-like User-Agent (defect 3). The server saw exactly the allowed
// pages.
func TestScraperRobotsRules(t *testing.T) {
	rec := &recorder{}
	srv := httptest.NewServer(rec.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nDisallow: /\n\nUser-agent: other-bot\nAllow: /\n\n"+
				"User-agent: My-Study\nDisallow: /login?next=/\nDisallow: /café\nDisallow: /page\nAllow: /page\nDisallow: /*.html$\n")
		case "/":
			fmt.Fprint(w, `<!doctype html><title>Home</title>
				<a href="/login?next=/account">login</a> <a href="/caf%C3%A9/menu">café</a> <a href="/café/2">café 2</a>
				<a href="/page">page</a> <a href="/news/story-one">one</a> <a href="/login?next=x">login x</a>
				<a href="/files/report.html?x=1">page with query</a> <a href="/files/report.html">page</a>`)
		default:
			fmt.Fprint(w, story("Story at "+r.URL.Path))
		}
	})))
	defer srv.Close()
	s := &scoop.Scraper{Delay: -1, UserAgent: "Mozilla/5.0 (compatible; my-study/1.0; +https://example.org/study)"}
	res := crawl(t, context.Background(), s, []string{srv.URL + "/"}, nil)
	if res.err != nil {
		t.Fatal(res.err)
	}
	var got []string
	for _, h := range rec.all() {
		got = append(got, h.path)
	}
	slices.Sort(got)
	want := []string{"/", "/files/report.html?x=1", "/login?next=x", "/news/story-one", "/page", "/robots.txt"}
	if !slices.Equal(got, want) {
		t.Errorf("requested %q, want %q", got, want)
	}
	if res.stats.Skipped["robots"] != 4 {
		t.Errorf("skipped %v, want robots 4", res.stats.Skipped)
	}
}

// TestScraperRetriesInLaterRun fails a seed because its robots.txt
// answers 503 for a while: the run fails, and the next run with the same
// state fetches the seed (defect 4). A third run with Refresh fetches the
// seed again and delivers a story added since, without fetching the old
// one again.
func TestScraperRetriesInLaterRun(t *testing.T) {
	rec := &recorder{}
	var mu sync.Mutex
	down, stories := true, []string{"/news/first-story"}
	srv := httptest.NewServer(rec.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		switch r.URL.Path {
		case "/robots.txt":
			if down {
				http.Error(w, "maintenance", http.StatusServiceUnavailable)
				return
			}
			http.NotFound(w, r)
		case "/":
			fmt.Fprint(w, "<!doctype html><title>Home</title>")
			for _, s := range stories {
				fmt.Fprintf(w, `<a href="%s">%s</a>`, s, s)
			}
		default:
			fmt.Fprint(w, story("Story at "+r.URL.Path))
		}
	})))
	defer srv.Close()
	state := t.TempDir()
	const refresh = 400 * time.Millisecond
	run := func() crawlResult {
		s := &scoop.Scraper{Delay: -1, Retries: 1, Backoff: 10 * time.Millisecond, StateDir: state, Refresh: refresh}
		return crawl(t, context.Background(), s, []string{srv.URL + "/"}, nil)
	}
	first := run()
	if !errors.Is(first.err, scoop.ErrSeedsFailed) || len(first.errs) != 1 || rec.count("/") != 0 {
		t.Fatalf("first run: %v, errors %v, home asked %d times", first.err, first.errs, rec.count("/"))
	}
	mu.Lock()
	down = false
	mu.Unlock()
	second := run()
	if second.err != nil || len(second.records) != 1 || rec.count("/") != 1 {
		t.Fatalf("second run: %v, %d records, home asked %d times", second.err, len(second.records), rec.count("/"))
	}
	// Nothing to refresh yet: nothing is fetched.
	before := len(rec.all())
	if third := run(); third.err != nil || len(rec.all()) != before {
		t.Fatalf("run before the refresh time: %v, %d requests", third.err, len(rec.all())-before)
	}
	mu.Lock()
	stories = append(stories, "/news/second-story")
	mu.Unlock()
	time.Sleep(refresh)
	fourth := run()
	if fourth.err != nil || len(fourth.records) != 1 || !strings.HasSuffix(fourth.records[0].URL, "/news/second-story") {
		t.Fatalf("refresh run: %v, %d records", fourth.err, len(fourth.records))
	}
	if n := rec.count("/news/first-story"); n != 1 {
		t.Errorf("the old story was fetched %d times, want once", n)
	}
	if n := rec.count("/"); n != 2 {
		t.Errorf("the home page was fetched %d times, want twice", n)
	}
}

// TestScraperSlowRobotsHoldsNoOne seeds a host whose robots.txt takes
// 1.5 s and another that answers at once: the second is crawled while
// the first's robots.txt is awaited (defect 5).
func TestScraperSlowRobotsHoldsNoOne(t *testing.T) {
	rec := &recorder{}
	slow := httptest.NewServer(rec.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			time.Sleep(1500 * time.Millisecond)
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, story("Slow host story"))
	})))
	defer slow.Close()
	fast := latencySite(5, 0, rec)
	defer fast.Close()
	s := &scoop.Scraper{Delay: -1, Timeout: 5 * time.Second}
	res := crawl(t, context.Background(), s, []string{slow.URL + "/story/a", fast.URL + "/"}, nil)
	if res.err != nil || len(res.records) != 6 {
		t.Fatalf("%v, %d records", res.err, len(res.records))
	}
	var robotsEnd, fastEnd time.Time
	for _, h := range rec.all() {
		switch {
		case h.host == strings.TrimPrefix(slow.URL, "http://") && h.path == "/robots.txt":
			robotsEnd = h.end
		case h.host == strings.TrimPrefix(fast.URL, "http://"):
			fastEnd = later(fastEnd, h.end)
		}
	}
	if !fastEnd.Before(robotsEnd) {
		t.Errorf("the fast host's last answer came %v after the slow robots.txt", fastEnd.Sub(robotsEnd))
	}
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// TestScraperSoft404 serves a "page not found" with status 200: it is
// reported with kind soft_404, not delivered (defect 6).
func TestScraperSoft404(t *testing.T) {
	rec := &recorder{}
	srv := httptest.NewServer(rec.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/":
			fmt.Fprint(w, `<!doctype html><title>Home</title><a href="/news/gone-story">gone</a><a href="/news/real-story">real</a>`)
		case "/news/gone-story":
			fmt.Fprint(w, `<!doctype html><html><head><title>Page not found | The Daily</title></head><body>
				<h1>Page not found</h1><p>Sorry, the page you are looking for does not exist or has been moved.</p>
				<p><a href="/">Go to the home page</a></p></body></html>`)
		default:
			fmt.Fprint(w, story("A real story"))
		}
	})))
	defer srv.Close()
	res := crawl(t, context.Background(), &scoop.Scraper{Delay: -1}, []string{srv.URL + "/"}, nil)
	if res.err != nil || len(res.records) != 1 || !strings.HasSuffix(res.records[0].URL, "/news/real-story") {
		t.Fatalf("%v, %d records", res.err, len(res.records))
	}
	var pe *scoop.PageError
	if len(res.errs) != 1 || !errors.As(res.errs[0], &pe) || pe.Kind != scoop.KindSoft404 || !errors.Is(pe, scoop.ErrSoft404) ||
		pe.URL != srv.URL+"/news/gone-story" {
		t.Errorf("errors %v, want one soft_404 for /news/gone-story", res.errs)
	}
	if res.stats.Errors["soft_404"] != 1 || rec.count("/news/gone-story") != 1 {
		t.Errorf("errors %v; the page was asked for %d times", res.stats.Errors, rec.count("/news/gone-story"))
	}
}

// TestScraperDamagedState truncates and then scribbles over a state
// file: Run fails with ErrStateDamaged, without a crash, and a state in
// use by another run gives ErrStateInUse (defect 7).
func TestScraperDamagedState(t *testing.T) {
	srv := latencySite(20, 0, &recorder{})
	defer srv.Close()
	state := t.TempDir()
	if res := crawl(t, context.Background(), &scoop.Scraper{Delay: -1, StateDir: state}, []string{srv.URL + "/"}, nil); res.err != nil {
		t.Fatal(res.err)
	}
	files, _ := filepath.Glob(filepath.Join(state, "*.db"))
	if len(files) != 1 {
		t.Fatalf("state files %v", files)
	}
	db := files[0]
	orig, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	damage := map[string][]byte{
		"truncated to 3 pages": orig[:3*4096],
		"truncated to 100":     orig[:100],
		"meta overwritten":     append(make([]byte, 8192), orig[8192:]...),
		"pages scrambled":      append(slices.Clone(orig[:8192]), make([]byte, len(orig)-8192)...),
	}
	for name, b := range damage {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, filepath.Base(db)), b, 0o644); err != nil {
				t.Fatal(err)
			}
			res := crawl(t, context.Background(), &scoop.Scraper{Delay: -1, StateDir: dir}, []string{srv.URL + "/"}, nil)
			if !errors.Is(res.err, scoop.ErrStateDamaged) || !strings.Contains(res.err.Error(), dir) {
				t.Errorf("Run = %v, want ErrStateDamaged naming the directory", res.err)
			}
		})
	}

	fresh := t.TempDir()
	f, err := scoop.OpenFrontier(fresh)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res := crawl(t, context.Background(), &scoop.Scraper{Delay: -1, StateDir: fresh}, []string{srv.URL + "/"}, nil)
	if !errors.Is(res.err, scoop.ErrStateInUse) {
		t.Errorf("Run on a state in use = %v, want ErrStateInUse", res.err)
	}
}

// TestScraperDeadRobots seeds five pages of a host whose robots.txt
// always answers 503: no page is fetched, each is reported, and the
// host is asked for its robots.txt once per backoff step, not once per
// page and attempt.
func TestScraperDeadRobots(t *testing.T) {
	rec := &recorder{}
	srv := httptest.NewServer(rec.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, story("A story"))
	})))
	defer srv.Close()
	var seeds []string
	for i := range 5 {
		seeds = append(seeds, fmt.Sprintf("%s/news/%d", srv.URL, i))
	}
	s := &scoop.Scraper{Delay: -1, Retries: 2, Backoff: 40 * time.Millisecond}
	res := crawl(t, context.Background(), s, seeds, nil)
	if !errors.Is(res.err, scoop.ErrSeedsFailed) || len(res.errs) != 5 || res.stats.Errors["http_503"] != 5 {
		t.Fatalf("Run = %v, errors %v", res.err, res.stats.Errors)
	}
	hits := rec.all()
	for _, h := range hits {
		if h.path != "/robots.txt" {
			t.Errorf("%s fetched without robots.txt", h.path)
		}
	}
	if len(hits) > 3 { // the first try and two retries
		t.Errorf("robots.txt asked for %d times", len(hits))
	}
}

// TestScraperWorkers caps the requests in flight over all hosts: four
// hosts that each allow two at once, and two workers, never see more
// than two requests at a time between them.
func TestScraperWorkers(t *testing.T) {
	rec := &recorder{}
	var seeds []string
	for range 4 {
		srv := latencySite(4, 30*time.Millisecond, rec)
		defer srv.Close()
		seeds = append(seeds, srv.URL+"/")
	}
	s := &scoop.Scraper{Delay: -1, Parallelism: 2, Workers: 2}
	res := crawl(t, context.Background(), s, seeds, nil)
	if res.err != nil || len(res.records) != 16 {
		t.Fatalf("%v, %d records", res.err, len(res.records))
	}
	hits := rec.all()
	most := 0
	for _, a := range hits {
		// In flight when a started. The server notes a request's end
		// after its answer has gone: the worker's next request, to
		// another host, may come a moment before.
		const slack = 5 * time.Millisecond
		n := 0
		for _, b := range hits {
			if !b.start.After(a.start) && a.start.Before(b.end.Add(-slack)) {
				n++
			}
		}
		most = max(most, n)
	}
	if most > 2 {
		t.Errorf("%d requests in flight at once with Workers 2", most)
	}
	if most < 2 {
		t.Errorf("never two requests at once with Workers 2")
	}
}
