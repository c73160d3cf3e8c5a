package scoop_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/net/dns/dnsmessage"

	"github.com/scoopkit/scoop"
	"github.com/scoopkit/scoop/internal/newssite"
)

// fakeDNS is a name server, in process, that knows no name: every query
// gets NXDOMAIN. A crawl resolving through it sends nothing to a real
// name server, and a name that "does not resolve" fails at once rather
// than after the sandbox's resolver times out.
type fakeDNS struct {
	mu    sync.Mutex
	names []string // names asked for, in order
}

func (d *fakeDNS) resolver() *net.Resolver {
	return &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, network, address string) (net.Conn, error) {
		// A net.Pipe is no PacketConn, so the resolver speaks DNS over
		// TCP framing on it: a two-byte length before each message.
		client, server := net.Pipe()
		go d.serve(server)
		return client, nil
	}}
}

func (d *fakeDNS) serve(c net.Conn) {
	defer c.Close()
	for {
		var n [2]byte
		if _, err := io.ReadFull(c, n[:]); err != nil {
			return
		}
		msg := make([]byte, binary.BigEndian.Uint16(n[:]))
		if _, err := io.ReadFull(c, msg); err != nil {
			return
		}
		var p dnsmessage.Parser
		h, err := p.Start(msg)
		if err != nil {
			return
		}
		q, err := p.Question()
		if err != nil {
			return
		}
		d.mu.Lock()
		d.names = append(d.names, q.Name.String())
		d.mu.Unlock()
		b := dnsmessage.NewBuilder(make([]byte, 2, 514), dnsmessage.Header{
			ID: h.ID, Response: true, Authoritative: true,
			RecursionDesired: h.RecursionDesired, RecursionAvailable: true,
			RCode: dnsmessage.RCodeNameError,
		})
		if b.StartQuestions() != nil || b.Question(q) != nil {
			return
		}
		out, err := b.Finish()
		if err != nil {
			return
		}
		binary.BigEndian.PutUint16(out, uint16(len(out)-2))
		if _, err := c.Write(out); err != nil {
			return
		}
	}
}

func (d *fakeDNS) asked() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return slices.Clone(d.names)
}

// logSink is a slog.Handler that keeps the records it gets, each as its
// message and attributes in text.
type logSink struct {
	mu   sync.Mutex
	recs []logRecord
}

type logRecord struct {
	level slog.Level
	msg   string
	attrs map[string]string
}

func (l *logSink) Enabled(context.Context, slog.Level) bool { return true }
func (l *logSink) WithAttrs([]slog.Attr) slog.Handler       { return l }
func (l *logSink) WithGroup(string) slog.Handler            { return l }

func (l *logSink) Handle(_ context.Context, r slog.Record) error {
	rec := logRecord{level: r.Level, msg: r.Message, attrs: map[string]string{}}
	r.Attrs(func(a slog.Attr) bool {
		rec.attrs[a.Key] = a.Value.String()
		return true
	})
	l.mu.Lock()
	l.recs = append(l.recs, rec)
	l.mu.Unlock()
	return nil
}

func (l *logSink) records() []logRecord {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.recs)
}

// faultSite is a site whose pages fail in the ways servers on the open
// web do, beside a few good stories of the fake news site, with the
// other hosts a crawl meets: one with a certificate nobody trusts, one
// that accepts connections and never answers, one where nothing
// listens, and one whose name does not resolve.
type faultSite struct {
	main      *httptest.Server // the faults, and the good stories
	tls       *httptest.Server
	blackhole net.Listener
	refused   string // host:port where nothing listens
	dns       *fakeDNS

	mu      sync.Mutex
	hits    map[string]int // path -> requests to the main server
	tlsHits int
	held    []net.Conn // blackhole connections
	stories []string   // paths of the good stories
}

// fault is one failure the site injects, what the crawl must call it,
// and how many requests for it the main server must see (0: not
// checked).
type fault struct {
	url, kind string
	requests  int
}

// The crawl's settings in these tests: requests time out quickly and
// are tried twice.
const (
	faultTimeout = 800 * time.Millisecond
	faultRetries = 1
)

func startFaultSite(t *testing.T) *faultSite {
	t.Helper()
	fs := &faultSite{hits: map[string]int{}, dns: &fakeDNS{}}
	news := newssite.New(newssite.Options{})
	for _, st := range news.Emittable() {
		if st.Template == newssite.Classic && st.Fault == "" && len(fs.stories) < 3 {
			fs.stories = append(fs.stories, st.Path)
		}
	}
	quiet := log.New(io.Discard, "", 0) // handshake failures are the point

	fs.main = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fs.mu.Lock()
		fs.hits[r.URL.Path]++
		fs.mu.Unlock()
		fs.serve(w, r, news)
	}))
	fs.main.Config.ErrorLog = quiet
	fs.main.Start()
	t.Cleanup(fs.main.Close)

	fs.tls = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fs.mu.Lock()
		fs.tlsHits++
		fs.mu.Unlock()
		news.ServeHTTP(w, r)
	}))
	fs.tls.Config.ErrorLog = quiet
	fs.tls.StartTLS()
	t.Cleanup(fs.tls.Close)

	var err error
	if fs.blackhole, err = net.Listen("tcp", "127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	go func() {
		for {
			c, err := fs.blackhole.Accept()
			if err != nil {
				return
			}
			fs.mu.Lock()
			fs.held = append(fs.held, c)
			fs.mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		fs.blackhole.Close()
		fs.mu.Lock()
		for _, c := range fs.held {
			c.Close()
		}
		fs.mu.Unlock()
	})

	// A port that was free a moment ago: connections are refused.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	fs.refused = ln.Addr().String()
	ln.Close()
	return fs
}

// faultPaths are the main server's failing pages, linked from its home.
var faultPaths = []string{
	"/fault/reset", "/fault/truncated", "/fault/drip",
	"/fault/loop/a", "/fault/self", "/fault/to-ftp", "/fault/offsite",
	"/fault/storm/500", "/fault/storm/502", "/fault/storm/503", "/fault/storm/504", "/fault/storm/503-forever",
	"/fault/binary-as-html", "/fault/html-as-image",
}

func (fs *faultSite) serve(w http.ResponseWriter, r *http.Request, news *newssite.Site) {
	p := r.URL.Path
	switch {
	case p == "/robots.txt":
		http.NotFound(w, r)
	case p == "/":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><html><head><title>Faults</title><meta property="og:type" content="website"></head><body><ul>`)
		for _, l := range append(slices.Clone(faultPaths), fs.stories...) {
			fmt.Fprintf(w, `<li><a href="%s">%s</a></li>`, l, l)
		}
		fmt.Fprint(w, `</ul></body></html>`)
	case p == "/fault/reset":
		// Half the body, then a TCP reset.
		conn, buf := hijack(w)
		fmt.Fprintf(buf, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<!doctype html><p>%s", strings.Repeat("word ", 2000))
		buf.Flush()
		time.Sleep(20 * time.Millisecond)
		conn.(*net.TCPConn).SetLinger(0)
		conn.Close()
	case p == "/fault/truncated":
		// Content-Length promises more than comes before the close.
		conn, buf := hijack(w)
		fmt.Fprintf(buf, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n<!doctype html><p>%s", strings.Repeat("word ", 40))
		buf.Flush()
		conn.Close()
	case p == "/fault/drip":
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusOK)
		for {
			if _, err := io.WriteString(w, "<"); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-time.After(time.Second):
			case <-r.Context().Done():
				return
			}
		}
	case p == "/fault/loop/a":
		http.Redirect(w, r, "/fault/loop/b", http.StatusFound)
	case p == "/fault/loop/b":
		http.Redirect(w, r, "/fault/loop/a", http.StatusFound)
	case p == "/fault/self":
		http.Redirect(w, r, "/fault/self", http.StatusMovedPermanently)
	case p == "/fault/to-ftp":
		http.Redirect(w, r, "ftp://"+r.Host+"/pub/story.html", http.StatusFound)
	case p == "/fault/offsite":
		// To a host the crawl is not allowed: never resolved, never asked.
		http.Redirect(w, r, "http://elsewhere.invalid/story/", http.StatusFound)
	case strings.HasPrefix(p, "/fault/storm/"):
		code := map[string]int{"500": 500, "502": 502, "503": 503, "504": 504, "503-forever": 503}[strings.TrimPrefix(p, "/fault/storm/")]
		if strings.HasSuffix(p, "forever") {
			// Longer than a crawl waits: given up at once.
			w.Header().Set("Retry-After", "3600")
		}
		http.Error(w, http.StatusText(code), code)
	case p == "/fault/binary-as-html":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 2000)...))
	case p == "/fault/html-as-image":
		// A page, with a type that says it is not: reported, not
		// skipped in silence.
		w.Header().Set("Content-Type", "image/png")
		io.WriteString(w, "<!doctype html><title>A page after all</title><p>Text.")
	default:
		news.ServeHTTP(w, r)
	}
}

// hijack takes over the connection of w, for answers net/http would
// not send.
func hijack(w http.ResponseWriter) (net.Conn, *bufio.Writer) {
	conn, rw, err := w.(http.Hijacker).Hijack()
	if err != nil {
		panic(err)
	}
	return conn, rw.Writer
}

// faults lists what the crawl of the fault site must report.
func (fs *faultSite) faults() []fault {
	base := fs.main.URL
	attempts := faultRetries + 1
	return []fault{
		{base + "/fault/reset", "reset", 0}, // the transport may retry a reset itself
		{base + "/fault/truncated", "truncated", attempts},
		{base + "/fault/drip", "timeout", attempts},
		{base + "/fault/self", "redirect", 0},
		{base + "/fault/to-ftp", "redirect", 1},
		{base + "/fault/offsite", "redirect", 1},
		{base + "/fault/storm/500", "http_500", attempts},
		{base + "/fault/storm/502", "http_502", attempts},
		{base + "/fault/storm/503", "http_503", attempts},
		{base + "/fault/storm/504", "http_504", attempts},
		{base + "/fault/storm/503-forever", "http_503", 1},
		{base + "/fault/binary-as-html", "content_type", 1},
		{base + "/fault/html-as-image", "content_type", 1},
		{fs.tls.URL + "/2024/06/01/secure-story/", "tls", 0},
		{"http://" + fs.blackhole.Addr().String() + "/2024/06/01/no-answer/", "timeout", 0},
		{"http://" + fs.refused + "/2024/06/01/nobody-home/", "refused", 0},
		{"http://nowhere.invalid/2024/06/01/no-such-host/", "dns", 0},
	}
}

// TestScraperSurvivesFaults crawls the fault site: every failure is
// reported once, to the callback as a *PageError with the URL and the
// kind, in Stats.Errors and in the log, and the good stories are
// delivered, all within a bound set by the timeouts.
func TestScraperSurvivesFaults(t *testing.T) {
	t.Parallel()
	fs := startFaultSite(t)
	faults := fs.faults()
	seeds := []string{fs.main.URL + "/"}
	for _, f := range faults {
		if !strings.HasPrefix(f.url, fs.main.URL) {
			seeds = append(seeds, f.url)
		}
	}
	logs := &logSink{}
	s := &scoop.Scraper{
		MaxDepth: 1,
		Delay:    -1,
		Timeout:  faultTimeout,
		Retries:  faultRetries,
		Backoff:  20 * time.Millisecond,
		Logger:   slog.New(logs),
	}
	s.Transport = resolvingTransport(fs.dns.resolver())

	// Bound: the host that never answers costs a timeout when its
	// robots.txt is first asked for and one per attempt; everything else
	// runs beside it.
	bound := time.Duration(faultRetries+2)*faultTimeout + 5*time.Second
	ctx, cancel := context.WithTimeout(context.Background(), 2*bound)
	defer cancel()
	start := time.Now()
	res := crawl(t, ctx, s, seeds, nil)
	elapsed := time.Since(start)
	if res.err != nil {
		t.Fatalf("Run: %v", res.err)
	}
	if elapsed > bound {
		t.Errorf("crawl took %v, want under %v", elapsed, bound)
	}

	got := map[string]*scoop.PageError{}
	for _, err := range res.errs {
		var pe *scoop.PageError
		if !errors.As(err, &pe) {
			t.Errorf("error %v is no *PageError", err)
			continue
		}
		if got[pe.URL] != nil {
			t.Errorf("%s reported twice: %v and %v", pe.URL, got[pe.URL], pe)
		}
		got[pe.URL] = pe
	}
	wantKinds := map[string]int64{}
	for _, f := range faults {
		wantKinds[f.kind]++
		pe := got[f.url]
		switch {
		case pe == nil:
			t.Errorf("%s: no error reported, want %s", f.url, f.kind)
		case kindOf(pe) != f.kind:
			t.Errorf("%s: kind %q, want %q (%v)", f.url, kindOf(pe), f.kind, pe)
		default:
			t.Logf("%-12s %v", pe.Kind, pe)
		}
		delete(got, f.url)
	}
	for u, pe := range got {
		t.Errorf("unexpected error for %s: %v", u, pe)
	}
	if !mapsEqual(res.stats.Errors, wantKinds) {
		t.Errorf("Stats.Errors = %v, want %v", res.stats.Errors, wantKinds)
	}
	if res.stats.Skipped["redirected"] != 2 {
		t.Errorf("Stats.Skipped = %v, want redirected 2 (the loop, each hop once)", res.stats.Skipped)
	}

	// The log has a warning with the URL and the kind for each.
	logged := map[string]string{}
	for _, r := range logs.records() {
		if r.level == slog.LevelWarn && r.msg == "page failed" {
			logged[r.attrs["url"]] = r.attrs["kind"]
			if r.attrs["kind"] == "http" {
				logged[r.attrs["url"]] += "_" + r.attrs["status"]
			}
		}
	}
	for _, f := range faults {
		if logged[f.url] != f.kind {
			t.Errorf("%s: logged with kind %q, want %q", f.url, logged[f.url], f.kind)
		}
	}

	// The good stories came through.
	var want []string
	for _, p := range fs.stories {
		want = append(want, scoop.URLKey(fs.main.URL+p))
	}
	slices.Sort(want)
	diffKeys(t, recordKeys(t, res.records), want)

	// What the servers saw: the retries and no more, nothing from the
	// host nobody should trust, no name looked up but the one seeded.
	fs.mu.Lock()
	for _, f := range faults {
		if p, ok := strings.CutPrefix(f.url, fs.main.URL); ok && f.requests > 0 && fs.hits[p] != f.requests {
			t.Errorf("%s requested %d times, want %d", p, fs.hits[p], f.requests)
		}
	}
	if fs.hits["/fault/loop/a"] != 1 || fs.hits["/fault/loop/b"] != 1 {
		t.Errorf("redirect loop: a requested %d times, b %d, want once each", fs.hits["/fault/loop/a"], fs.hits["/fault/loop/b"])
	}
	if fs.tlsHits != 0 {
		t.Errorf("the server with an untrusted certificate answered %d requests", fs.tlsHits)
	}
	if len(fs.held) == 0 {
		t.Errorf("the host that never answers was never reached")
	}
	fs.mu.Unlock()
	for _, n := range fs.dns.asked() {
		if n != "nowhere.invalid." {
			t.Errorf("name looked up: %s", n)
		}
	}
	t.Logf("%d faults injected, %d reported, crawl took %v; errors %v; skipped %v",
		len(faults), len(res.errs), elapsed.Round(time.Millisecond), res.stats.Errors, res.stats.Skipped)
}

func mapsEqual(a, b map[string]int64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// gzipBomb returns a gzip stream of size zero bytes, made of identical
// gzip members so that it is cheap to build: 1 GiB of zeros takes about
// a megabyte.
func gzipBomb(t testing.TB, size int64) []byte {
	t.Helper()
	const member = 8 << 20
	var one bytes.Buffer
	zw, err := gzip.NewWriterLevel(&one, gzip.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	zw.Write(make([]byte, member))
	zw.Close()
	return bytes.Repeat(one.Bytes(), int(size/member))
}

// TestScraperGzipBomb serves a gigabyte that compresses to a megabyte, in
// the three ways a crawler meets gzip: as Content-Encoding, as a gzip
// file (a sitemap.xml.gz), and as a body that is gzip without saying
// so. Each is reported as too large once MaxBodySize bytes are
// inflated, and the memory the crawl allocates stays far below what
// inflating the bomb would take.
func TestScraperGzipBomb(t *testing.T) {
	const inflated = 1 << 30
	bomb := gzipBomb(t, inflated)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
			return
		case "/encoded/story/":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Content-Encoding", "gzip")
		case "/sitemaps/bomb.xml.gz":
			w.Header().Set("Content-Type", "application/x-gzip")
		case "/unannounced/story/":
			w.Header().Set("Content-Type", "text/html")
		default:
			http.NotFound(w, r)
			return
		}
		w.Write(bomb)
	}))
	defer srv.Close()
	seeds := []string{srv.URL + "/encoded/story/", srv.URL + "/sitemaps/bomb.xml.gz", srv.URL + "/unannounced/story/"}
	const limit = 4 << 20
	s := &scoop.Scraper{Delay: -1, Retries: -1, Timeout: 20 * time.Second, MaxBodySize: limit}

	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	// The peak of the live heap, sampled while the crawl runs.
	stopPeak := sampleHeapPeak(5*time.Millisecond, func(m *runtime.MemStats) uint64 { return m.HeapAlloc })
	start := time.Now()
	res := crawl(t, context.Background(), s, seeds, nil)
	elapsed := time.Since(start)
	peak := stopPeak()
	runtime.ReadMemStats(&after)
	if !errors.Is(res.err, scoop.ErrSeedsFailed) {
		t.Fatalf("Run = %v, want ErrSeedsFailed", res.err)
	}

	allocated := after.TotalAlloc - before.TotalAlloc
	growth := int64(peak) - int64(before.HeapAlloc)
	t.Logf("bomb: %d bytes sent, %d inflated; crawl took %v, allocated %.1f MB, live heap peak %.1f MB above the start, Sys %+.1f MB",
		len(bomb), inflated, elapsed.Round(time.Millisecond), float64(allocated)/1e6, float64(growth)/1e6, (float64(after.Sys)-float64(before.Sys))/1e6)
	if allocated > 100<<20 {
		t.Errorf("the crawl allocated %d MB; the bomb was inflated", allocated>>20)
	}
	if growth > 100<<20 {
		t.Errorf("the live heap grew by %d MB", growth>>20)
	}
	if len(res.records) != 0 {
		t.Errorf("%d records from bombs", len(res.records))
	}
	got := map[string]bool{}
	for _, err := range res.errs {
		var pe *scoop.PageError
		if !errors.As(err, &pe) || pe.Kind != "too_large" || !errors.Is(err, scoop.ErrTooLarge) {
			t.Errorf("error %v: want a too_large *PageError wrapping ErrTooLarge", err)
			continue
		}
		got[pe.URL] = true
		t.Logf("%v", pe)
	}
	for _, u := range seeds {
		if !got[u] {
			t.Errorf("%s: no too_large error", u)
		}
	}
	if res.stats.Errors["too_large"] != int64(len(seeds)) || len(res.stats.Errors) != 1 {
		t.Errorf("Stats.Errors = %v", res.stats.Errors)
	}
}

// resolvingTransport resolves host names with r, and uses no proxy the
// environment names, so that a test crawling a host that does not exist
// reaches no name server and no proxy.
func resolvingTransport(r *net.Resolver) http.RoundTripper {
	return &http.Transport{DialContext: (&net.Dialer{Timeout: 5 * time.Second, Resolver: r}).DialContext}
}

// kindOf is the key of a page error in Stats.Errors.
func kindOf(pe *scoop.PageError) string {
	if pe.Kind == scoop.KindHTTP {
		return fmt.Sprintf("http_%d", pe.Status)
	}
	return string(pe.Kind)
}

// sampleHeapPeak samples the heap every interval, reading one figure of
// it, until the returned function is called; that returns the peak.
func sampleHeapPeak(every time.Duration, figure func(*runtime.MemStats) uint64) (stop func() uint64) {
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		var m runtime.MemStats
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&m)
			if v := figure(&m); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	})
	return func() uint64 {
		close(done)
		wg.Wait()
		return peak.Load()
	}
}
