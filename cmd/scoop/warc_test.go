package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	gowarc "github.com/nlnwa/gowarc/v3"
	"github.com/scoopkit/scoop"
	"github.com/scoopkit/scoop/internal/newssite"
)

// needTool skips a test when an outside program is missing, unless
// SCOOP_REQUIRE_TOOLS=1 (which .ci/run sets) makes that a failure.
func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("SCOOP_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s is required (SCOOP_REQUIRE_TOOLS=1) but not found: %v", name, err)
		}
		t.Skipf("%s not found; install it to run this test", name)
	}
	return p
}

// records parses JSON Lines output.
func records(t *testing.T, b []byte) []*scoop.Record {
	t.Helper()
	var out []*scoop.Record
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var r scoop.Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("bad line %q: %v", sc.Text(), err)
		}
		out = append(out, &r)
	}
	return out
}

func readRecords(t *testing.T, path string) []*scoop.Record {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return records(t, b)
}

// crawlSite crawls the whole site, all depths, as fast as it answers,
// with extra flags, and returns the records.
func crawlSite(t *testing.T, base string, extra ...string) []*scoop.Record {
	t.Helper()
	out := filepath.Join(t.TempDir(), "crawl.jsonl")
	args := append([]string{"crawl", "-depth", "-1", "-delay", "-1ns", "-parallel", "4", "-progress", "1h", "-o", out}, extra...)
	var stdout, stderr bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := run(ctx, append(args, base+"/"), &stdout, &stderr); err != nil {
		t.Fatalf("crawl: %v\n%s", err, stderr.String())
	}
	return readRecords(t, out)
}

func extractWARCFiles(t *testing.T, files ...string) ([]*scoop.Record, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), append([]string{"extract", "-warc", "-v"}, files...), &stdout, &stderr); err != nil {
		t.Fatalf("extract -warc: %v\n%s", err, stderr.String())
	}
	return records(t, stdout.Bytes()), stderr.String()
}

// sameArticles compares two sets of records by URL in every Article
// field and in url, final_url, status and content_sha256.
func sameArticles(t *testing.T, got, want []*scoop.Record, finalURL bool) {
	t.Helper()
	byURL := map[string]*scoop.Record{}
	for _, r := range want {
		byURL[r.URL] = r
	}
	for _, g := range got {
		w := byURL[g.URL]
		if w == nil {
			t.Errorf("extra article %s", g.URL)
			continue
		}
		delete(byURL, g.URL)
		if !reflect.DeepEqual(g.Article, w.Article) {
			gb, _ := json.Marshal(g.Article)
			wb, _ := json.Marshal(w.Article)
			t.Errorf("%s: article differs:\n got %.300s\nwant %.300s", g.URL, gb, wb)
		}
		if g.ContentSHA256 != w.ContentSHA256 || g.Status != w.Status || (finalURL && g.FinalURL != w.FinalURL) {
			t.Errorf("%s: sha %s status %d final %s, want %s %d %s", g.URL, g.ContentSHA256, g.Status, g.FinalURL, w.ContentSHA256, w.Status, w.FinalURL)
		}
	}
	for u := range byURL {
		t.Errorf("missing article %s", u)
	}
}

// TestExtractWARCFromWget reads a WARC that GNU Wget wrote of the fake
// site, crawling it recursively: the articles are those scoop's crawl
// of the same site delivers. Wget keeps chunked transfer coding in its
// records, so this reads what scoop's own writer never produces.
func TestExtractWARCFromWget(t *testing.T) {
	wget := needTool(t, "wget")
	site := newssite.New(newssite.Options{NoFaults: true})
	srv := httptest.NewServer(site)
	defer srv.Close()
	want := crawlSite(t, srv.URL)

	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, wget, "--recursive", "--level=inf", "--no-verbose", "--delete-after", "--no-host-directories",
		"--directory-prefix="+filepath.Join(dir, "mirror"), "--warc-file="+filepath.Join(dir, "wget"), srv.URL+"/")
	if out, err := cmd.CombinedOutput(); err != nil {
		// Wget exits with 8 when some page answered with an error (the
		// site's 404 and its PDF link).
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 8 {
			t.Fatalf("wget: %v\n%s", err, out[:min(len(out), 2000)])
		}
	}
	got, summary := extractWARCFiles(t, filepath.Join(dir, "wget.warc.gz"))
	t.Logf("wget WARC: %s", strings.TrimSpace(summary))
	for _, l := range strings.Split(summary, "\n") {
		// The site's page too large to fetch fails the crawl too.
		if strings.HasPrefix(l, "skipped:") && !strings.Contains(l, scoop.ErrTooLarge.Error()) {
			t.Errorf("record skipped in wget's WARC: %s", l)
		}
	}
	if len(want) < 20 {
		t.Fatalf("the crawl delivered only %d articles", len(want))
	}
	// Wget fetches addresses as linked, tracking parameters included,
	// where the crawl cleans them, so final_url may differ.
	sameArticles(t, got, want, false)
}

// TestCrawlWARCRoundTrip crawls the site with -warc, rolling over to a
// new file every 200 KB, and re-extracts the files: the same records in
// every Article field and in url, final_url, status and content_sha256,
// each found where the crawl's record says it is. A second crawl into
// the same name starts a new file.
func TestCrawlWARCRoundTrip(t *testing.T) {
	site := newssite.New(newssite.Options{NoFaults: true})
	srv := httptest.NewServer(site)
	defer srv.Close()
	dir := t.TempDir()
	prefix := filepath.Join(dir, "crawl.warc.gz")
	want := crawlSite(t, srv.URL, "-sitemaps", "-warc", prefix, "-warc-max-size", "200000")
	files, _ := filepath.Glob(filepath.Join(dir, "crawl-*"))
	if len(files) < 3 {
		t.Fatalf("files %v: want a rollover every 200 KB", files)
	}
	for i, f := range files {
		if filepath.Base(f) != fmt.Sprintf("crawl-%05d.warc.gz", i+1) {
			t.Errorf("file %d is %s", i+1, filepath.Base(f))
		}
		if fi, _ := os.Stat(f); fi.Size() > 200000+300000 {
			t.Errorf("%s is %d bytes", f, fi.Size())
		}
	}
	got, summary := extractWARCFiles(t, files...)
	t.Logf("%d files: %s", len(files), strings.TrimSpace(summary))

	// Everything the crawl fetched is there: robots.txt, sitemaps and
	// redirect hops too.
	var robots, sitemaps, redirects int
	for _, f := range files {
		wf, err := gowarc.NewWarcFileReader(f, 0)
		if err != nil {
			t.Fatal(err)
		}
		for r, err := range wf.Records() {
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			if b, ok := r.WarcRecord.Block().(gowarc.HttpResponseBlock); ok {
				u := r.WarcRecord.WarcHeader().Get(gowarc.WarcTargetURI)
				switch {
				case strings.HasSuffix(u, "/robots.txt"):
					robots++
				case strings.Contains(u, "sitemap"):
					sitemaps++
				case b.HttpStatusCode()/100 == 3:
					redirects++
				}
			}
			r.Close()
		}
		wf.Close()
	}
	if robots != 1 || sitemaps < 2 || redirects < 1 {
		t.Errorf("archived: %d robots.txt, %d sitemaps, %d redirects", robots, sitemaps, redirects)
	}
	sameArticles(t, got, want, true)
	byURL := map[string]*scoop.Record{}
	for _, r := range got {
		byURL[r.URL] = r
	}
	for _, w := range want {
		g := byURL[w.URL]
		if w.WARCFile == "" || w.WARCRecordID == "" || w.WARCOffset == 0 {
			t.Errorf("%s: the crawl's record names no WARC record: %+v", w.URL, w.WARCLocation)
		} else if g != nil && g.WARCLocation != w.WARCLocation {
			t.Errorf("%s: the crawl says %+v, the archive has it at %+v", w.URL, w.WARCLocation, g.WARCLocation)
		}
		if g != nil && g.FetchedAt.Sub(w.FetchedAt).Abs() > 2*time.Second {
			t.Errorf("%s: fetched_at %v in the archive, %v in the crawl", w.URL, g.FetchedAt, w.FetchedAt)
		}
	}

	crawlSite(t, srv.URL, "-max-pages", "3", "-warc", prefix)
	if _, err := os.Stat(filepath.Join(dir, fmt.Sprintf("crawl-%05d.warc.gz", len(files)+1))); err != nil {
		t.Errorf("a second crawl did not start a new file: %v", err)
	}
}

// TestExtractWARCCSV writes the articles of a crawl's WARC as CSV: one
// row per article, under the header, the same stories as JSON Lines.
func TestExtractWARCCSV(t *testing.T) {
	site := newssite.New(newssite.Options{NoFaults: true})
	srv := httptest.NewServer(site)
	defer srv.Close()
	dir := t.TempDir()
	crawlSite(t, srv.URL, "-max-pages", "40", "-warc", filepath.Join(dir, "c.warc.gz"))
	files, _ := filepath.Glob(filepath.Join(dir, "c-*.warc.gz"))
	want, _ := extractWARCFiles(t, files...)
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), append([]string{"extract", "-warc", "-format", "csv"}, files...), &stdout, &stderr); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	rows, err := csv.NewReader(&stdout).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(want) == 0 || len(rows) != 1+len(want) || rows[0][0] != "id" || rows[0][1] != "url" {
		t.Fatalf("%d rows for %d articles; header %q", len(rows), len(want), rows[0])
	}
	for i, row := range rows[1:] {
		if row[1] != want[i].URL || row[0] != want[i].ID {
			t.Errorf("row %d is %s %s, the JSON line %s %s", i+1, row[0], row[1], want[i].ID, want[i].URL)
		}
	}
}
