package scoop_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/scoopkit/scoop"
	"github.com/scoopkit/scoop/internal/newssite"
)

// fullFile is a file on a disk with room for so many bytes more: the
// write that does not fit writes what fits and fails with ENOSPC, as a
// filling disk does. Seek, Truncate and Sync are the file's.
type fullFile struct {
	*os.File
	room int64
}

func (f *fullFile) Write(p []byte) (int, error) {
	if int64(len(p)) <= f.room {
		f.room -= int64(len(p))
		return f.File.Write(p)
	}
	n, err := f.File.Write(p[:f.room])
	f.room -= int64(n)
	if err == nil {
		err = &os.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
	}
	return n, err
}

// partialWriter takes room bytes, then fails: a pipe or socket whose
// reader went away, which cannot be cut back.
type partialWriter struct {
	bytes.Buffer
	room int
}

func (w *partialWriter) Write(p []byte) (int, error) {
	n := min(len(p), w.room)
	w.Buffer.Write(p[:n])
	w.room -= n
	if n < len(p) {
		return n, syscall.EPIPE
	}
	return n, nil
}

func testRecord(i int) *scoop.Record {
	return &scoop.Record{Article: scoop.Article{
		URL:   "http://news.test/story/" + strings.Repeat("x", i%7),
		Title: "Story " + strings.Repeat("t", i),
		Text:  strings.Repeat("Some words of the story. ", 40),
	}, Depth: i}
}

// checkLines reads path and checks that it holds only whole lines of
// JSON, returning how many.
func checkLines(t *testing.T, path string) int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) == 0 {
		return 0
	}
	if b[len(b)-1] != '\n' {
		t.Errorf("%s ends in a partial line: %q", path, b[max(0, len(b)-40):])
	}
	n := 0
	for l := range strings.SplitSeq(strings.TrimSuffix(string(b), "\n"), "\n") {
		n++
		if !json.Valid([]byte(l)) {
			t.Errorf("line %d is not JSON: %.60q", n, l)
		}
	}
	return n
}

func TestRecordWriterDiskFull(t *testing.T) {
	t.Run("file", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "out.jsonl")
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		line, _ := json.Marshal(testRecord(0))
		// Room for ten lines and a half.
		w := scoop.NewRecordWriter(&fullFile{File: f, room: int64(len(line)+1)*10 + int64(len(line))/2})
		w.SetSync(true)
		written := 0
		for i := range 20 {
			err = w.Write(testRecord(0))
			if err != nil {
				break
			}
			written = i + 1
		}
		if !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), "no space left on device") {
			t.Fatalf("Write = %v after %d records, want ENOSPC", err, written)
		}
		if written != 10 {
			t.Errorf("%d records written, want 10", written)
		}
		if n := checkLines(t, path); n != written {
			t.Errorf("%d lines in the file, want %d", n, written)
		}
		// The writer stays failed, and writes nothing more.
		size := fileSize(t, path)
		if err2 := w.Write(testRecord(1)); !errors.Is(err2, syscall.ENOSPC) {
			t.Errorf("Write after a failure = %v, want the same error", err2)
		}
		if fileSize(t, path) != size {
			t.Errorf("the file changed after the failure")
		}
	})

	t.Run("stream", func(t *testing.T) {
		pw := &partialWriter{room: 100}
		w := scoop.NewRecordWriter(pw)
		err := w.Write(testRecord(0))
		if !errors.Is(err, syscall.EPIPE) || !strings.Contains(err.Error(), "partial line of 100 bytes") {
			t.Errorf("Write = %v, want EPIPE naming the partial line", err)
		}
		pw.room = 1 << 20
		if err := w.Write(testRecord(1)); !errors.Is(err, syscall.EPIPE) || pw.Len() != 100 {
			t.Errorf("Write after a failure = %v, %d bytes in all; want the error and nothing more", err, pw.Len())
		}
	})

	t.Run("dev-full", func(t *testing.T) {
		f, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
		if err != nil {
			t.Skipf("no /dev/full here: %v", err)
		}
		defer f.Close()
		w := scoop.NewRecordWriter(f)
		w.SetSync(true)
		if err := w.Write(testRecord(0)); !errors.Is(err, syscall.ENOSPC) {
			t.Errorf("Write to /dev/full = %v, want ENOSPC", err)
		}
	})
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// TestScraperDiskFull fills the disk under a crawl's output: the crawl
// stops with the write's error, the file holds whole records only, and
// a run with the same state once there is room again delivers the rest,
// so that the file ends with every story exactly once.
func TestScraperDiskFull(t *testing.T) {
	t.Parallel()
	site, srv := startSite(t, newssite.Options{})
	dir := t.TempDir()
	path := filepath.Join(dir, "out.jsonl")
	state := filepath.Join(dir, "state")
	run := func(room int64) (scoop.Stats, error) {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		w := scoop.NewRecordWriter(&fullFile{File: f, room: room})
		w.SetSync(true)
		s := &scoop.Scraper{Delay: -1, Parallelism: 4, Sitemaps: true, Backoff: 10 * time.Millisecond, MaxBodySize: 1 << 20, StateDir: state}
		err = s.Run(context.Background(), []string{srv.URL + "/"}, func(r *scoop.Record, err error) error {
			if err != nil {
				return nil
			}
			return w.Write(r)
		})
		return s.Stats(), err
	}

	st, err := run(60 << 10)
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("Run on a full disk = %v, want ENOSPC", err)
	}
	first := checkLines(t, path)
	if first == 0 || st.Articles != int64(first) {
		t.Errorf("%d lines written, %d articles counted as delivered", first, st.Articles)
	}
	t.Logf("disk full after %d records: %v", first, err)

	if _, err := run(1 << 40); err != nil {
		t.Fatal(err)
	}
	checkLines(t, path)
	b, _ := os.ReadFile(path)
	var recs []*scoop.Record
	for l := range strings.SplitSeq(strings.TrimSuffix(string(b), "\n"), "\n") {
		var r scoop.Record
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatal(err)
		}
		recs = append(recs, &r)
	}
	diffKeys(t, recordKeys(t, recs), storyKeys(srv.URL, site.Emittable()))
}
