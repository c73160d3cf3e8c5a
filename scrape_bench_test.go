package scoop_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/scoopkit/scoop"
	"github.com/scoopkit/scoop/internal/newssite"
)

// recorded is one response of the fake site, kept to be replayed.
type recorded struct {
	header http.Header
	status int
	body   []byte
}

// replay serves recorded responses, so that the server's own work (the
// templates) does not count against the crawler.
type replay struct {
	live  http.Handler
	mu    sync.RWMutex
	pages map[string]*recorded
}

func (p *replay) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.RLock()
	rec := p.pages[r.URL.RequestURI()]
	p.mu.RUnlock()
	if rec == nil {
		rw := httptest.NewRecorder()
		p.live.ServeHTTP(rw, r)
		rec = &recorded{header: rw.Header(), status: rw.Code, body: rw.Body.Bytes()}
		p.mu.Lock()
		p.pages[r.URL.RequestURI()] = rec
		p.mu.Unlock()
	}
	for k, v := range rec.header {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.status)
	w.Write(rec.body)
}

// BenchmarkCrawl compares a whole crawl of the fake site (parallelism
// GOMAXPROCS, no delay, sitemaps read, state on disk) with Extract alone
// over the same HTML pages read from disk, in the same run. The metrics
// are pages per second of each and their ratio; the goal is a ratio of
// at least 0.8, the crawler not being the bottleneck. cpu-ratio is the
// same ratio in CPU time of the process (the crawl's includes the
// server's), which other processes on a shared machine disturb less than
// wall time.
func BenchmarkCrawl(b *testing.B) {
	site := newssite.New(newssite.Options{NoFaults: true})
	rp := &replay{live: site, pages: map[string]*recorded{}}
	srv := httptest.NewServer(rp)
	defer srv.Close()
	procs := runtime.GOMAXPROCS(0)
	newScraper := func() *scoop.Scraper {
		return &scoop.Scraper{Parallelism: procs, Delay: -1, Sitemaps: true, MaxBodySize: 1 << 20, StateDir: b.TempDir()}
	}
	run := func() scoop.Stats {
		s := newScraper()
		err := s.Run(context.Background(), []string{srv.URL + "/"}, func(*scoop.Record, error) error { return nil })
		if err != nil {
			b.Fatal(err)
		}
		return s.Stats()
	}
	run() // fills the replay and tells which pages a crawl reads

	dir := b.TempDir()
	type file struct{ path, url, ctype string }
	var files []file
	var size int64
	rp.mu.RLock()
	for uri, rec := range rp.pages {
		if rec.status != http.StatusOK || !strings.HasPrefix(rec.header.Get("Content-Type"), "text/html") {
			continue
		}
		p := filepath.Join(dir, "page"+string(rune('a'+len(files)%26))+strings.Repeat("x", len(files)/26)+".html")
		if err := os.WriteFile(p, rec.body, 0o644); err != nil {
			b.Fatal(err)
		}
		files = append(files, file{p, srv.URL + uri, rec.header.Get("Content-Type")})
		size += int64(len(rec.body))
	}
	rp.mu.RUnlock()

	extractAll := func() {
		var next atomic.Int64
		var wg sync.WaitGroup
		for range procs {
			wg.Go(func() {
				var e scoop.Extractor
				for i := next.Add(1) - 1; i < int64(len(files)); i = next.Add(1) - 1 {
					f := files[i]
					body, err := os.ReadFile(f.path)
					if err != nil {
						b.Error(err)
						return
					}
					e.ExtractWithContentType(bytes.NewReader(body), f.url, f.ctype)
				}
			})
		}
		wg.Wait()
	}

	var crawlTime, extractTime, crawlCPU, extractCPU time.Duration
	var pages int64
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		t, c := time.Now(), scoop.CPUTime()
		st := run()
		crawlTime += time.Since(t)
		crawlCPU += scoop.CPUTime() - c
		pages += int64(len(files))
		if st.Articles == 0 {
			b.Fatal("no articles")
		}
		t, c = time.Now(), scoop.CPUTime()
		extractAll()
		extractTime += time.Since(t)
		extractCPU += scoop.CPUTime() - c
	}
	crawlRate := float64(pages) / crawlTime.Seconds()
	extractRate := float64(pages) / extractTime.Seconds()
	b.ReportMetric(crawlRate, "crawl-pages/s")
	b.ReportMetric(extractRate, "extract-pages/s")
	b.ReportMetric(crawlRate/extractRate, "ratio")
	b.ReportMetric(extractCPU.Seconds()/crawlCPU.Seconds(), "cpu-ratio")
	b.ReportMetric(0, "ns/op") // an op is a crawl plus an extraction: not a useful figure
}

// BenchmarkCrawlMemory crawls generated sites of 1,000 and 20,000
// stories (state on disk, no delay) and reports the peak of the live
// heap while it runs: the frontier lives in the state file, so the peak
// should stay flat as the site grows.
func BenchmarkCrawlMemory(b *testing.B) {
	for _, n := range []int{1000, 20000} {
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) {
			const perList = 100
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				var i int
				switch {
				case r.URL.Path == "/robots.txt":
					http.NotFound(w, r)
				case r.URL.Path == "/":
					fmt.Fprint(w, "<!doctype html><title>Home</title>")
					for l := range n / perList {
						fmt.Fprintf(w, `<a href="/list/%d">list %d</a> `, l, l)
					}
				case scan(r.URL.Path, "/list/%d", &i):
					fmt.Fprint(w, "<!doctype html><title>List</title><ul>")
					for j := i * perList; j < (i+1)*perList; j++ {
						fmt.Fprintf(w, `<li><a href="/story/%d/harbour-news-%d">Story %d</a></li>`, j, j, j)
					}
					fmt.Fprint(w, "</ul>")
				default:
					fmt.Fprint(w, story("Story "+r.URL.Path))
				}
			}))
			defer srv.Close()
			for b.Loop() {
				runtime.GC()
				stopPeak := sampleHeapPeak(20*time.Millisecond, func(m *runtime.MemStats) uint64 { return m.HeapInuse })
				s := &scoop.Scraper{Delay: -1, Parallelism: 4, StateDir: b.TempDir()}
				start := time.Now()
				err := s.Run(context.Background(), []string{srv.URL + "/"}, func(*scoop.Record, error) error { return nil })
				peak := stopPeak()
				if err != nil {
					b.Fatal(err)
				}
				st := s.Stats()
				if st.Articles < int64(n)*9/10 {
					b.Fatalf("%d articles of %d", st.Articles, n)
				}
				b.ReportMetric(float64(peak)/1e6, "peak-heap-MB")
				b.ReportMetric(float64(st.Pages)/time.Since(start).Seconds(), "pages/s")
			}
			b.ReportMetric(0, "ns/op")
		})
	}
}

func scan(p, format string, i *int) bool {
	_, err := fmt.Sscanf(p, format, i)
	return err == nil
}
