package scoop_test

import (
	"bytes"
	"encoding/json"
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
