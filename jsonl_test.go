package scoop_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/scoopkit/scoop"
)

func TestRecordWriter(t *testing.T) {
	var buf bytes.Buffer
	w := scoop.NewRecordWriter(&buf)
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Go(func() {
			r := &scoop.Record{Article: scoop.Article{Title: strings.Repeat("x", i), Text: "a <b> & c\nline"}, Depth: i}
			if err := w.Write(r); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 50 {
		t.Fatalf("%d lines", len(lines))
	}
	for _, l := range lines {
		var r scoop.Record
		if err := json.Unmarshal([]byte(l), &r); err != nil || len(r.Title) != r.Depth {
			t.Errorf("line %q: %v", l, err)
		}
		if !strings.Contains(l, "<b>") || !strings.Contains(l, `"fetched_at"`) {
			t.Errorf("line %q", l)
		}
	}
}

// TestOpenJSONL resumes into files as runs killed at the worst moments
// leave them: a partial last line is cut, a record the file holds is not
// written again, and a new file for the same state does not repeat the
// last record of an earlier run's file.
func TestOpenJSONL(t *testing.T) {
	dir := t.TempDir()
	state := filepath.Join(dir, "state")
	first := filepath.Join(dir, "first.jsonl")
	rec := func(path string) *scoop.Record {
		return &scoop.Record{Article: scoop.Article{URL: "https://news.test" + path, Title: path}}
	}
	w, err := scoop.OpenJSONL(first, state)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/a", "/b"} {
		if err := w.Write(rec(p)); err != nil {
			t.Fatal(err)
		}
	}
	w.Close()
	// A killed run's half line.
	f, _ := os.OpenFile(first, os.O_WRONLY|os.O_APPEND, 0)
	f.WriteString(`{"url":"https://news.test/c","ti`)
	f.Close()

	w, err = scoop.OpenJSONL(first, state)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/b", "/c", "/a/?utm_source=x"} { // /b and /a are there already
		if err := w.Write(rec(p)); err != nil {
			t.Fatal(err)
		}
	}
	w.Close()
	if got := titles(t, first); !slices.Equal(got, []string{"/a", "/b", "/c"}) {
		t.Errorf("first file holds %q", got)
	}

	// A new file for the same state: /c, the last record of the first,
	// may be delivered again by the resumed run and is skipped; /a is
	// not delivered again by a crawl, and would be written.
	second := filepath.Join(dir, "second.jsonl")
	w, err = scoop.OpenJSONL(second, state)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/c", "/d"} {
		if err := w.Write(rec(p)); err != nil {
			t.Fatal(err)
		}
	}
	w.Close()
	if got := titles(t, second); !slices.Equal(got, []string{"/d"}) {
		t.Errorf("second file holds %q", got)
	}
}

func titles(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for l := range strings.SplitSeq(strings.TrimSuffix(string(b), "\n"), "\n") {
		var r scoop.Record
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		out = append(out, r.Title)
	}
	return out
}
