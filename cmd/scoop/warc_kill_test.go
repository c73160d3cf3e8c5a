package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math/rand/v2"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gowarc "github.com/nlnwa/gowarc/v3"
	"github.com/scoopkit/scoop"
	"github.com/scoopkit/scoop/internal/newssite"
)

// TestCrawlWARCKilledAndResumed runs "scoop crawl -warc" as a process,
// kills it with SIGKILL three times and runs it to the end: no file is
// left open, every record of the JSON Lines names a WARC record that is
// where it says, and every file reads without an unreadable record.
func TestCrawlWARCKilledAndResumed(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the fake site four times over")
	}
	bin := buildCLI(t)
	site := newssite.New(newssite.Options{NoFaults: true})
	srv := httptest.NewServer(site)
	defer srv.Close()
	dir := t.TempDir()
	out := filepath.Join(dir, "out.jsonl")
	a := []string{"crawl", "-o", out, "-state", filepath.Join(dir, "state"), "-sitemaps", "-progress", "1h",
		"-delay", "10ms", "-parallel", "2", "-warc", filepath.Join(dir, "crawl.warc.gz"), "-warc-max-size", "300000", srv.URL + "/"}
	rng := rand.New(rand.NewPCG(7, 7))
	for round := 1; round <= 3; round++ {
		cmd := exec.Command(bin, a...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		delay := 200*time.Millisecond + time.Duration(rng.Int64N(int64(500*time.Millisecond)))
		timer := time.AfterFunc(delay, func() { cmd.Process.Kill() })
		cmd.Wait()
		timer.Stop()
		open, _ := filepath.Glob(filepath.Join(dir, "*.open"))
		t.Logf("round %d: killed after %v, %d files open", round, delay.Round(time.Millisecond), len(open))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var stderr bytes.Buffer
	final := exec.CommandContext(ctx, bin, a...)
	final.Stderr = &stderr
	if err := final.Run(); err != nil {
		t.Fatalf("final run: %v\n%s", err, stderr.String())
	}

	if open, _ := filepath.Glob(filepath.Join(dir, "*.open")); len(open) > 0 {
		t.Errorf("files left open: %v", open)
	}
	lines := readJSONL(t, out).lines
	if len(lines) < 20 {
		t.Fatalf("only %d records", len(lines))
	}
	for _, l := range lines {
		var r scoop.Record
		json.Unmarshal(l, &r)
		wf, err := gowarc.NewWarcFileReader(filepath.Join(dir, r.WARCFile), r.WARCOffset)
		if err != nil {
			t.Errorf("%s: %s: %v", r.URL, r.WARCFile, err)
			continue
		}
		rec, err := wf.Next()
		if err != nil || rec.WarcRecord.WarcHeader().Get(gowarc.WarcRecordID) != r.WARCRecordID ||
			rec.WarcRecord.WarcHeader().Get(gowarc.WarcTargetURI) != r.FinalURL {
			t.Errorf("%s: no record %s at %s:%d (%v)", r.URL, r.WARCRecordID, r.WARCFile, r.WARCOffset, err)
		}
		if err == nil {
			rec.Close()
		}
		wf.Close()
	}
	files, _ := filepath.Glob(filepath.Join(dir, "crawl-*.warc.gz"))
	_, summary := extractWARCFiles(t, files...)
	if strings.Contains(summary, "skipped:") || !strings.Contains(summary, "unreadable records 0") {
		t.Errorf("%d files: %s", len(files), summary)
	}
	t.Logf("%d records, %d files: %s", len(lines), len(files), strings.TrimSpace(summary))
}
