package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	gowarc "github.com/nlnwa/gowarc/v3"
	"github.com/scoopkit/scoop"
	"github.com/scoopkit/scoop/internal/newssite"
)

// gzipped serves h's responses gzip-encoded to clients that ask, as
// most news sites do.
func gzipped(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			h.ServeHTTP(w, r)
			return
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write(rec.Body.Bytes())
		zw.Close()
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Del("Content-Length")
		w.WriteHeader(rec.Code)
		w.Write(buf.Bytes())
	})
}

// fetchAll gets each path through c and returns the bodies of the 200s.
func fetchAll(t *testing.T, c *http.Client, base string, paths []string) map[string][]byte {
	t.Helper()
	bodies := map[string][]byte{}
	for _, p := range paths {
		resp, err := c.Get(base + p)
		if err != nil {
			t.Fatalf("get %s: %v", p, err)
		}
		b, err := io.ReadAll(resp.Body)
		if err := errors.Join(err, resp.Body.Close()); err != nil {
			t.Fatalf("read %s: %v", p, err)
		}
		if resp.StatusCode == 200 {
			bodies[resp.Request.URL.String()] = b
			if _, ok := Location(resp); !ok {
				t.Errorf("%s: no WARC location", p)
			}
		}
	}
	return bodies
}

func readAll(t *testing.T, path string) ([]*scoop.Record, *Reader) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rd := NewReader(f, filepath.Base(path))
	rd.Seen = nil // every article, duplicates too
	var recs []*scoop.Record
	for rec, err := range rd.All() {
		if err != nil {
			t.Fatalf("read: %v", err)
		}
		recs = append(recs, rec)
	}
	return recs, rd
}

// TestRecorderRoundTrip records a site's pages, gzip on the wire, and
// reads the archive back: every story comes back as the record a crawl
// makes of the page, and the records say what the exchange was.
func TestRecorderRoundTrip(t *testing.T) {
	site := newssite.New(newssite.Options{NoFaults: true})
	srv := httptest.NewServer(gzipped(site))
	defer srv.Close()
	dir := t.TempDir()
	rec, err := NewRecorder(filepath.Join(dir, "crawl.warc.gz"), nil, RecorderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c := &http.Client{Transport: rec}
	paths := append([]string{"/robots.txt", "/sitemap.xml"}, site.Pages()...)
	bodies := fetchAll(t, c, srv.URL, paths)
	if err := rec.Close(); err != nil {
		t.Fatal(err)
	}
	if got := rec.Files(); len(got) != 1 || got[0] != "crawl-00001.warc.gz" {
		t.Fatalf("files %v, want [crawl-00001.warc.gz]", got)
	}
	path := filepath.Join(dir, "crawl-00001.warc.gz")

	// The raw records: warcinfo first, then request and response pairs
	// that name each other, with the server's address, the body
	// compressed as sent and digests that hold.
	f, _ := os.Open(path)
	defer f.Close()
	wr, err := gowarc.NewWarcFileReaderFromStream(f, 0, gowarc.WithStrictValidation())
	if err != nil {
		t.Fatal(err)
	}
	var types []string
	ids := map[string]string{} // record ID -> concurrent-to
	gz := 0
	for r, err := range wr.Records() {
		if err != nil {
			t.Fatalf("gowarc strict read: %v", err)
		}
		h := r.WarcRecord.WarcHeader()
		types = append(types, h.Get(gowarc.WarcType))
		if r.WarcRecord.Type() != gowarc.Warcinfo {
			ids[h.GetId(gowarc.WarcRecordID)] = h.GetId(gowarc.WarcConcurrentTo)
			if h.Get(gowarc.WarcIPAddress) != "127.0.0.1" {
				t.Errorf("WARC-IP-Address %q", h.Get(gowarc.WarcIPAddress))
			}
			if h.Get(gowarc.WarcBlockDigest) == "" {
				t.Errorf("no block digest")
			}
		}
		if b, ok := r.WarcRecord.Block().(gowarc.HttpResponseBlock); ok && b.HttpHeader().Get("Content-Encoding") == "gzip" {
			gz++
			if h.Get(gowarc.WarcPayloadDigest) == "" {
				t.Errorf("no payload digest")
			}
		}
		r.Close()
	}
	if types[0] != "warcinfo" || len(types) != 1+2*len(paths) {
		t.Fatalf("records %v, want warcinfo then %d pairs", types[:min(5, len(types))], len(paths))
	}
	for id, other := range ids {
		if ids[other] != id {
			t.Errorf("record %s is concurrent to %s, which names %s", id, other, ids[other])
		}
	}
	if gz < len(bodies)/2 {
		t.Errorf("%d of %d responses kept gzip-encoded", gz, len(bodies))
	}

	// Read back: the records a crawl would make of the stories.
	got, rd := readAll(t, path)
	var e scoop.Extractor
	want := map[string]*scoop.Record{}
	for u, b := range bodies {
		if r, _, err := e.PageRecord(b, u, "text/html; charset=utf-8", time.Now()); err == nil {
			want[u] = r
		}
	}
	if len(want) < 10 {
		t.Fatalf("only %d stories among the pages", len(want))
	}
	for _, r := range got {
		w := want[r.FinalURL]
		if w == nil {
			t.Errorf("unexpected record %s", r.FinalURL)
			continue
		}
		delete(want, r.FinalURL)
		if r.ContentSHA256 != w.ContentSHA256 || r.URL != w.URL || r.Title != w.Title || r.Status != 200 {
			t.Errorf("%s: got %q %s, want %q %s", r.FinalURL, r.Title, r.ContentSHA256, w.Title, w.ContentSHA256)
		}
		if r.WARCFile != "crawl-00001.warc.gz" || r.WARCOffset == 0 || r.WARCRecordID == "" {
			t.Errorf("%s: location %+v", r.FinalURL, r.WARCLocation)
		}
		if time.Since(r.FetchedAt) > time.Minute {
			t.Errorf("%s: fetched_at %v", r.FinalURL, r.FetchedAt)
		}
	}
	for u := range want {
		t.Errorf("missing %s", u)
	}
	if st := rd.Stats(); st.Errors != 0 || st.NotArticle == 0 {
		t.Errorf("stats %+v", st)
	}
}

// TestRecorderLeavesLiveFile: a second Recorder on the same name
// leaves alone the file a live one is writing and starts its own.
func TestRecorderLeavesLiveFile(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "<html>hello</html>") }))
	defer srv.Close()
	dir := t.TempDir()
	name := filepath.Join(dir, "live.warc.gz")
	get := func(rec *Recorder) {
		resp, err := (&http.Client{Transport: rec}).Get(srv.URL)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	first, _ := NewRecorder(name, nil, RecorderOptions{})
	get(first)
	second, err := NewRecorder(name, nil, RecorderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	get(second)
	for _, n := range []string{"live-00001.warc.gz.open", "live-00002.warc.gz.open"} {
		if _, err := os.Stat(filepath.Join(dir, n)); err != nil {
			t.Errorf("%s: %v", n, err)
		}
	}
	first.Close()
	second.Close()
	if got := append(first.Files(), second.Files()...); len(got) != 2 || got[0] != "live-00001.warc.gz" || got[1] != "live-00002.warc.gz" {
		t.Errorf("files %v", got)
	}
}

// TestRecorderConcurrent records from many goroutines at once (run it
// with -race): every exchange is in the file, whole.
func TestRecorderConcurrent(t *testing.T) {
	site := newssite.New(newssite.Options{NoFaults: true})
	srv := httptest.NewServer(gzipped(site))
	defer srv.Close()
	dir := t.TempDir()
	rec, err := NewRecorder(filepath.Join(dir, "c.warc.gz"), nil, RecorderOptions{MaxFileSize: 256 << 10})
	if err != nil {
		t.Fatal(err)
	}
	c := &http.Client{Transport: rec}
	pages := site.Pages()
	const workers, each = 8, 15
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				resp, err := c.Get(srv.URL + pages[(w*each+i)%len(pages)])
				if err != nil {
					t.Error(err)
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		})
	}
	wg.Wait()
	rec.Close()
	responses := 0
	for _, name := range rec.Files() {
		f, _ := os.Open(filepath.Join(dir, name))
		wr, _ := gowarc.NewWarcFileReaderFromStream(f, 0, gowarc.WithStrictValidation())
		for r, err := range wr.Records() {
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if r.WarcRecord.Type() == gowarc.Response {
				responses++
			}
			r.Close()
		}
		f.Close()
	}
	if responses != workers*each || len(rec.Files()) < 2 {
		t.Errorf("%d responses in %d files, want %d in several", responses, len(rec.Files()), workers*each)
	}
}

// TestRecorderTakenSerial: a serial another writer took in between, open
// or finished, is skipped, never written into nor replaced.
func TestRecorderTakenSerial(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "<html>hello</html>") }))
	defer srv.Close()
	dir := t.TempDir()
	rec, err := NewRecorder(filepath.Join(dir, "s.warc.gz"), nil, RecorderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Taken after the Recorder chose its first serial.
	os.WriteFile(filepath.Join(dir, "s-00001.warc.gz"), []byte("another's"), 0o644)
	os.WriteFile(filepath.Join(dir, "s-00002.warc.gz.open"), []byte("another's"), 0o644)
	resp, err := (&http.Client{Transport: rec}).Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	rec.Close()
	if got := rec.Files(); len(got) != 1 || got[0] != "s-00003.warc.gz" {
		t.Errorf("files %v, want [s-00003.warc.gz]", got)
	}
	for _, n := range []string{"s-00001.warc.gz", "s-00002.warc.gz.open"} {
		if b, _ := os.ReadFile(filepath.Join(dir, n)); string(b) != "another's" {
			t.Errorf("%s was written to", n)
		}
	}
}
