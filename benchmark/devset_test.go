package benchmark

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

// Development-set floors, per part of the fixed split, just under what
// scoop measures (tune: body 0.919, title 0.733, day 0.871; check: 0.904,
// 0.746, 0.878); go-trafilatura with fallback scores body F 0.910, title
// 0.570 and day 0.865 on all 983 pages (`go run ./cmd/score -dev none
// -part all -peer`).
var devFloors = map[string]struct{ body, title, day float64 }{
	"tune":  {body: 0.920, title: 0.74, day: 0.90},
	"check": {body: 0.905, title: 0.76, day: 0.88},
}

func TestDevSet(t *testing.T) {
	dir, err := DevModuleDir()
	if err != nil {
		t.Fatal(err)
	}
	pages, err := LoadDevSet(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 983 {
		t.Fatalf("%d labelled pages, want 983", len(pages))
	}
	results := make([]DevResult, len(pages))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				results[i] = ScoreScoop(&pages[i])
			}
		})
	}
	for i := range pages {
		next <- i
	}
	close(next)
	wg.Wait()

	parts := map[string][]DevResult{}
	for _, r := range results {
		part := "tune"
		if r.Page.Check {
			part = "check"
		}
		parts[part] = append(parts[part], r)
	}
	for _, part := range []string{"tune", "check"} {
		s := SummarizeDev(parts[part])
		t.Logf("%-5s %3d pages: body F %.3f (P %.3f R %.3f), refused %d, title %.3f, day %.3f (wrong %d, none %d of %d)",
			part, s.Pages, s.Body.F(), s.Body.Precision(), s.Body.Recall(), s.Refused,
			s.TitleRate(), s.DayRate(), s.DayWrong, s.DayNone, s.Dated)
		f := devFloors[part]
		if s.Body.F() < f.body || s.TitleRate() < f.title || s.DayRate() < f.day {
			t.Errorf("%s part under its floors %+v", part, f)
		}
	}
}

// TestInCheckPart checks the split rule against the list fixed in
// shared/, when that folder sits beside the checkout (as in CI).
func TestInCheckPart(t *testing.T) {
	raw, err := os.ReadFile("../../shared/benchmarks/go-trafilatura-split/split.json")
	if err != nil {
		t.Skip("shared/ split list not beside the checkout:", err)
	}
	var split struct{ Check []string }
	if err := json.Unmarshal(raw, &split); err != nil {
		t.Fatal(err)
	}
	dir, err := DevModuleDir()
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, p := range split.Check {
		listed[p] = true
		if !InCheckPart(p) {
			t.Errorf("%s is listed in the check part, InCheckPart says no", p)
		}
	}
	for _, sub := range []string{"comparison", "mock"} {
		entries, err := os.ReadDir(filepath.Join(dir, "test-files", sub))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			p := "test-files/" + sub + "/" + e.Name()
			if InCheckPart(p) != listed[p] {
				t.Errorf("%s: InCheckPart %v, listed %v", p, InCheckPart(p), listed[p])
			}
		}
	}
}
