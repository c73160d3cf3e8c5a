package warc

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/scoopkit/scoop/internal/newssite"
)

// warcio returns the directory whose node_modules holds webrecorder's
// warcio (SCOOP_WARCIO_DIR, which .ci/run sets), skipping the test when
// node or warcio is missing unless SCOOP_REQUIRE_TOOLS=1.
func warcio(t *testing.T) (node, dir string) {
	t.Helper()
	skip := func(format string, args ...any) {
		if os.Getenv("SCOOP_REQUIRE_TOOLS") == "1" {
			t.Fatalf("required (SCOOP_REQUIRE_TOOLS=1): "+format, args...)
		}
		t.Skipf(format, args...)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		skip("node not found: %v", err)
	}
	dir = os.Getenv("SCOOP_WARCIO_DIR")
	if dir == "" {
		skip("SCOOP_WARCIO_DIR not set; npm install --prefix DIR warcio@2.4.11 and set it to DIR")
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "warcio", "package.json")); err != nil {
		skip("no warcio in %s: %v", dir, err)
	}
	return node, dir
}

// TestWarcioDigests has an independent parser, webrecorder's warcio,
// read a WARC the Recorder wrote and recompute every block and payload
// digest from the bytes it parses.
func TestWarcioDigests(t *testing.T) {
	node, dir := warcio(t)
	site := newssite.New(newssite.Options{NoFaults: true})
	srv := httptest.NewServer(gzipped(site))
	defer srv.Close()
	path := filepath.Join(t.TempDir(), "scoop.warc.gz")
	rec, err := NewRecorder(path, nil, RecorderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c := &http.Client{Transport: rec}
	pages := append([]string{"/robots.txt", "/sitemap.xml"}, site.Pages()[:60]...)
	for _, p := range pages {
		resp, err := c.Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	rec.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "testdata/digests.mjs", filepath.Join(filepath.Dir(path), "scoop-00001.warc.gz"))
	cmd.Env = append(os.Environ(), "WARCIO_DIR="+dir)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	var sum struct {
		Records    int
		Types      map[string]int
		Block      int
		Payload    int
		Concurrent int
		Mismatches []map[string]string
	}
	if err := json.Unmarshal(out, &sum); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	t.Logf("warcio: %s", out)
	n := len(pages)
	if sum.Records != 1+2*n || sum.Types["warcinfo"] != 1 || sum.Types["request"] != n || sum.Types["response"] != n {
		t.Errorf("records %d %v, want a warcinfo and %d requests and responses", sum.Records, sum.Types, n)
	}
	if sum.Block != sum.Records || sum.Payload < n || len(sum.Mismatches) > 0 {
		t.Errorf("block digests %d of %d, payload digests %d, mismatches %v", sum.Block, sum.Records, sum.Payload, sum.Mismatches)
	}
	if sum.Concurrent != 2*n {
		t.Errorf("%d records name a record that names them back, want %d", sum.Concurrent, 2*n)
	}
}
