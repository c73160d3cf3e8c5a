package warc

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/scoopkit/scoop"
	"github.com/scoopkit/scoop/internal/newssite"
)

// archiveSite records every page of the fake site, gzip on the wire,
// and also saves each 200 body as a file, for comparing reading a WARC
// with extracting the same pages from disk.
func archiveSite(tb testing.TB, dir string, wireGzip bool) (warcPath string, pages map[string]string) {
	tb.Helper()
	site := newssite.New(newssite.Options{NoFaults: true})
	var h http.Handler = site
	if wireGzip {
		h = gzipped(site)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	rec, err := NewRecorder(filepath.Join(dir, "site.warc.gz"), nil, RecorderOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	c := &http.Client{Transport: rec}
	pages = map[string]string{}
	for i, p := range site.Pages() {
		resp, err := c.Get(srv.URL + p)
		if err != nil {
			tb.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == 200 {
			f := filepath.Join(dir, fmt.Sprintf("page%04d.html", i))
			os.WriteFile(f, b, 0o644)
			pages[resp.Request.URL.String()] = f
		}
	}
	rec.Close()
	return filepath.Join(dir, "site-00001.warc.gz"), pages
}

// BenchmarkExtractFiles makes the records of the site's pages from
// files on disk: the baseline of BenchmarkExtractWARC.
func BenchmarkExtractFiles(b *testing.B) {
	_, pages := archiveSite(b, b.TempDir(), true)
	var e scoop.Extractor
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for u, f := range pages {
			body, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			if _, _, err := e.PageRecord(body, u, "text/html; charset=utf-8", time.Now()); err == nil {
				n++
			}
		}
		b.ReportMetric(float64(n), "articles")
	}
}

// BenchmarkExtractWARC reads the same pages' records from the WARC.
func BenchmarkExtractWARC(b *testing.B) {
	path, _ := archiveSite(b, b.TempDir(), true)
	fi, _ := os.Stat(path)
	b.SetBytes(fi.Size())
	b.ReportAllocs()
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for _, err := range NewReader(f, "site.warc.gz").All() {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		f.Close()
		b.ReportMetric(float64(n), "articles")
	}
}

// BenchmarkCrawlRatio alternates a crawl of the whole fake site without
// and with a Recorder in each iteration and reports the throughput with
// a Recorder against without (time without / time with).
func BenchmarkCrawlRatio(b *testing.B) {
	site := newssite.New(newssite.Options{NoFaults: true})
	srv := httptest.NewServer(gzipped(site))
	defer srv.Close()
	crawl := func(record bool) (time.Duration, int64) {
		s := &scoop.Scraper{Parallelism: 4, Delay: -1, Sitemaps: true, MaxDepth: math.MaxInt, MaxBodySize: 1 << 20, Backoff: time.Millisecond}
		var rec *Recorder
		if record {
			var err error
			if rec, err = NewRecorder(filepath.Join(b.TempDir(), "crawl.warc.gz"), nil, RecorderOptions{MaxBodySize: 1 << 20}); err != nil {
				b.Fatal(err)
			}
			s.Transport = rec
		}
		start := time.Now()
		if err := s.Run(context.Background(), []string{srv.URL + "/"}, func(*scoop.Record, error) error { return nil }); err != nil {
			b.Fatal(err)
		}
		if rec != nil {
			rec.Close()
		}
		return time.Since(start), s.Stats().Pages
	}
	var plain, recorded time.Duration
	var pages int64
	for b.Loop() {
		d, n := crawl(false)
		plain += d
		d, m := crawl(true)
		recorded += d
		if m != n {
			b.Fatalf("%d pages with a Recorder, %d without", m, n)
		}
		pages += n
	}
	b.ReportMetric(float64(plain)/float64(recorded), "speed-with-warc")
	b.ReportMetric(float64(pages)/plain.Seconds(), "pages/s-plain")
	b.ReportMetric(float64(pages)/recorded.Seconds(), "pages/s-warc")
}

// benchCrawl crawls the whole fake site as fast as it answers, through
// a Recorder when record is set.
func benchCrawl(b *testing.B, record bool) {
	site := newssite.New(newssite.Options{NoFaults: true})
	srv := httptest.NewServer(gzipped(site))
	defer srv.Close()
	b.ReportAllocs()
	var pages int64
	start := time.Now()
	for b.Loop() {
		s := &scoop.Scraper{Parallelism: 4, Delay: -1, Sitemaps: true, MaxDepth: math.MaxInt, MaxBodySize: 1 << 20, Backoff: time.Millisecond}
		var rec *Recorder
		if record {
			var err error
			rec, err = NewRecorder(filepath.Join(b.TempDir(), "crawl.warc.gz"), nil, RecorderOptions{MaxBodySize: 1 << 20})
			if err != nil {
				b.Fatal(err)
			}
			s.Transport = rec
		}
		if err := s.Run(context.Background(), []string{srv.URL + "/"}, func(*scoop.Record, error) error { return nil }); err != nil {
			b.Fatal(err)
		}
		if rec != nil {
			rec.Close()
		}
		pages += s.Stats().Pages
	}
	b.ReportMetric(float64(pages)/time.Since(start).Seconds(), "pages/s")
}

func BenchmarkCrawl(b *testing.B)     { benchCrawl(b, false) }
func BenchmarkCrawlWARC(b *testing.B) { benchCrawl(b, true) }

// TestReadGigabyteStream reads a generated WARC stream of about 1 GB
// (SCOOP_WARC_GB=N for N GB) and checks that the heap stays flat. It is
// not run by default: it takes minutes.
//
//	SCOOP_WARC_GB=1 go test -run TestReadGigabyteStream -v ./warc
func TestReadGigabyteStream(t *testing.T) {
	gb := os.Getenv("SCOOP_WARC_GB")
	if gb == "" {
		t.Skip("set SCOOP_WARC_GB=1 to read a generated 1 GB WARC stream")
	}
	var n int64
	fmt.Sscan(gb, &n)
	story := []byte(frenchStory("Le port de pêche sera rénové dès l'été"))
	filler := bytes.Repeat([]byte("0123456789abcdef"), 200<<10/16) // a 200 KB non-page body
	gen := &generator{limit: n << 30, story: story, filler: filler}
	rd := NewReader(gen, "generated.warc")
	rd.Seen = nil // the same story over and over: every copy is extracted
	var peak uint64
	var ms runtime.MemStats
	start := time.Now()
	articles := 0
	for _, err := range rd.All() {
		if err != nil {
			t.Fatal(err)
		}
		articles++
		if articles%50 == 0 {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			if articles == 50 {
				t.Logf("heap in use after 50 articles (%d MB read): %d MB", gen.n>>20, ms.HeapInuse>>20)
			}
		}
	}
	runtime.ReadMemStats(&ms)
	st := rd.Stats()
	t.Logf("read %d MB in %s: %d records, %d articles; heap in use peak %d MB, end %d MB, total allocated %d MB",
		gen.n>>20, time.Since(start).Round(time.Second), st.Records, articles, peak>>20, ms.HeapInuse>>20, ms.TotalAlloc>>20)
	if peak > 64<<20 {
		t.Errorf("heap in use peaked at %d MB", peak>>20)
	}
}

// generator produces an uncompressed WARC stream: one article response
// and then twenty 200 KB non-page responses, over and over.
type generator struct {
	limit, n      int64
	story, filler []byte
	buf           bytes.Buffer
	i             int
}

func (g *generator) Read(p []byte) (int, error) {
	for g.buf.Len() == 0 {
		if g.n >= g.limit {
			return 0, io.EOF
		}
		g.i++
		body, uri, ct := g.filler, fmt.Sprintf("https://courrier.example/static/%d.bin", g.i), "application/octet-stream"
		if g.i%21 == 1 {
			body, uri, ct = g.story, fmt.Sprintf("https://courrier.example/2024/03/05/port-%d/", g.i), "text/html; charset=utf-8"
		}
		r := rawRecord{version: "1.1", typ: "response", id: fmt.Sprintf("00000000-0000-4000-8000-%012d", g.i), uri: uri,
			date: "2024-03-05T09:12:44Z", fields: []string{"Content-Type: application/http; msgtype=response"},
			block: httpResponse("200 OK", []string{"Content-Type: " + ct, fmt.Sprintf("Content-Length: %d", len(body))}, body), payload: body}
		g.buf.Write(r.bytes())
	}
	n, _ := g.buf.Read(p)
	g.n += int64(n)
	return n, nil
}

// BenchmarkReadRatio alternates a pass over the files and a pass over
// the WARC in each iteration and reports how fast reading the WARC is
// against the files (files time / WARC time), a ratio that the load of
// a shared machine disturbs less than two separate benchmarks. The
// pages are archived as a site sent them, gzipped or not (CC-NEWS
// stores them decoded).
func BenchmarkReadRatio(b *testing.B) {
	for _, wire := range []string{"gzip", "identity"} {
		b.Run(wire, func(b *testing.B) {
			path, pages := archiveSite(b, b.TempDir(), wire == "gzip")
			var e scoop.Extractor
			var files, archive, filesCPU, archiveCPU time.Duration
			for b.Loop() {
				runtime.GC()
				t0, c0 := time.Now(), cpuTime()
				for u, f := range pages {
					body, _ := os.ReadFile(f)
					e.PageRecord(body, u, "text/html; charset=utf-8", t0)
				}
				runtime.GC()
				t1, c1 := time.Now(), cpuTime()
				f, _ := os.Open(path)
				for _, err := range NewReader(f, "site.warc.gz").All() {
					if err != nil {
						b.Fatal(err)
					}
				}
				f.Close()
				runtime.GC()
				files, archive = files+t1.Sub(t0), archive+time.Since(t1)
				filesCPU, archiveCPU = filesCPU+c1-c0, archiveCPU+cpuTime()-c1
			}
			b.ReportMetric(float64(files)/float64(archive), "speed-vs-files")
			if archiveCPU > 0 {
				// The CPU time of the WARC pass counts the reading ahead too.
				b.ReportMetric(float64(filesCPU)/float64(archiveCPU), "cpu-vs-files")
			}
			b.ReportMetric(float64(files.Milliseconds())/float64(b.N), "files-ms")
			b.ReportMetric(float64(archive.Milliseconds())/float64(b.N), "warc-ms")
		})
	}
}
