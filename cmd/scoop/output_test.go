package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/scoopkit/scoop/internal/newssite"
)

// startSite serves the fake news site for the test.
func startSite(t *testing.T) (*newssite.Site, *httptest.Server) {
	t.Helper()
	site := newssite.New(newssite.Options{})
	srv := httptest.NewServer(site)
	t.Cleanup(srv.Close)
	return site, srv
}

// TestCrawlOutputDeviceFull writes the records to /dev/full, where every
// write fails with ENOSPC: the crawl stops at the first record with the
// error, having fetched little of the site.
func TestCrawlOutputDeviceFull(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skipf("no /dev/full here: %v", err)
	}
	site, srv := startSite(t)
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"crawl", "-o", "/dev/full", "-state", t.TempDir(),
		"-delay", "-1ns", "-progress", "1h", srv.URL + "/"}, &stdout, &stderr)
	if !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), "writing records: write /dev/full: no space left on device") {
		t.Fatalf("crawl -o /dev/full = %v, want ENOSPC\n%s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "run again with -state") {
		t.Errorf("stderr does not say how to go on: %q", stderr.String())
	}
	if n, all := len(site.Hits()), len(site.Pages()); n > all/4 {
		t.Errorf("%d requests of %d pages: the crawl went on after the failure", n, all)
	}
}

// TestCrawlOutputUnwritable gives the crawl an output it cannot write:
// a path under a file, a file in a read-only directory, and a read-only
// file holding records. Each fails before anything is fetched, with a
// clear error naming the file, and leaves what was there as it was.
func TestCrawlOutputUnwritable(t *testing.T) {
	dir := t.TempDir()
	notDir := filepath.Join(dir, "plain")
	if err := os.WriteFile(notDir, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	ro := filepath.Join(dir, "ro")
	if err := os.Mkdir(ro, 0o755); err != nil {
		t.Fatal(err)
	}
	kept := filepath.Join(ro, "kept.jsonl")
	content := []byte("{\"url\":\"http://a.test/x\",\"content_sha256\":\"ab\"}\n")
	if err := os.WriteFile(kept, content, 0o444); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(ro, 0o755) })
	enforced := true
	if f, err := os.Create(filepath.Join(ro, "probe")); err == nil {
		f.Close()
		enforced = false
	}

	tests := []struct {
		name, out string
		is        error
		needPerms bool
	}{
		{"under a file", filepath.Join(notDir, "out.jsonl"), syscall.ENOTDIR, false},
		{"read-only directory", filepath.Join(ro, "new.jsonl"), fs.ErrPermission, true},
		{"read-only file", kept, fs.ErrPermission, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.needPerms && !enforced {
				t.Skip("permissions are not enforced for this user (root, or CAP_DAC_OVERRIDE): a read-only directory cannot be made")
			}
			site, srv := startSite(t)
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), []string{"crawl", "-o", tt.out, "-state", t.TempDir(), "-delay", "-1ns", srv.URL + "/"}, &stdout, &stderr)
			if !errors.Is(err, tt.is) || !strings.Contains(err.Error(), tt.out) {
				t.Errorf("crawl -o %s = %v, want %v naming the file", tt.out, err, tt.is)
			}
			if n := len(site.Hits()); n != 0 {
				t.Errorf("%d requests sent", n)
			}
		})
	}
	if b, err := os.ReadFile(kept); err != nil || !bytes.Equal(b, content) {
		t.Errorf("the read-only file changed: %q, %v", b, err)
	}
}

// TestCrawlSkipsRecordsInOutput resumes into a file that holds a record
// the state does not know of, as a run killed between writing it and
// recording it leaves, of a story whose text has changed since: the
// story is not written again.
func TestCrawlSkipsRecordsInOutput(t *testing.T) {
	site, srv := startSite(t)
	var march []string
	for _, st := range site.Emittable() {
		if st.Published.Month() == 3 {
			march = append(march, st.Path)
		}
	}
	out := filepath.Join(t.TempDir(), "out.jsonl")
	old := fmt.Sprintf("{\"url\":%q,\"title\":\"An earlier version\",\"content_sha256\":\"%064d\"}\n", srv.URL+march[0], 0)
	if err := os.WriteFile(out, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"crawl", "-o", out, "-state", t.TempDir(), "-delay", "-1ns", "-parallel", "4",
		"-sitemaps", "-from", "2024-03-01", "-to", "2024-03-31", "-progress", "1h", srv.URL + "/"}, &stdout, &stderr)
	if err != nil {
		t.Fatal(err, stderr.String())
	}
	st := readJSONL(t, out)
	count := map[string]int{}
	for _, l := range st.lines {
		count[storyOf(t, l)]++
	}
	for _, p := range march {
		if count[p] != 1 {
			t.Errorf("%s written %d times", p, count[p])
		}
	}
	if len(st.lines) != len(march) || !bytes.Equal(st.lines[0], []byte(strings.TrimSpace(old))) {
		t.Errorf("%d lines for %d stories; first %.80q", len(st.lines), len(march), st.lines[0])
	}
}
