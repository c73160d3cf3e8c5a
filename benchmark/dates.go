package benchmark

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/scoopkit/scoop"
)

// DateLabelsFile holds the hand-made publication days of the corpus
// pages, relative to this module's root (see its README).
const DateLabelsFile = "testdata/dates/labels.json"

// NoDate is the label of a page that shows no publication date.
const NoDate = "none"

// DateLabel is one corpus page's publication day as its publisher shows it.
type DateLabel struct {
	Day   string `json:"day"`   // YYYY-MM-DD in the publisher's time, or NoDate
	Shown string `json:"shown"` // dateline, updated, relative, metadata or none
	Note  string `json:"note"`  // where the day was read; "DOUBT" marks a disputable label
}

// LoadDateLabels reads the labels in path, keyed by page ID.
func LoadDateLabels(path string) (map[string]DateLabel, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var labels map[string]DateLabel
	if err := json.Unmarshal(raw, &labels); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return labels, nil
}

// DatePart is the part of the fixed split a corpus page belongs to:
// "tune" for IDs starting 0–7, "check" for 8–f.
func DatePart(id string) string {
	if id != "" && id[0] <= '7' {
		return "tune"
	}
	return "check"
}

// DateResult is scoop's day for one labelled page.
type DateResult struct {
	Page    *Page
	Label   DateLabel
	Day     string // YYYY-MM-DD in the offset scoop gave; empty when none
	Source  string // scoop's DateSource
	Refused string // the refusal, when Extract did not accept the page
}

// ScoreDate extracts p and returns its day. A refused page keeps the
// date its NotArticleError reports, as in ScoreScoop.
func ScoreDate(p *Page, l DateLabel) DateResult {
	r := DateResult{Page: p, Label: l}
	a, err := scoop.Extract(bytes.NewReader(p.HTML), p.URL)
	var na *scoop.NotArticleError
	switch {
	case err == nil:
	case errors.As(err, &na):
		r.Refused, a = string(na.Kind)+": "+na.Reason, na.Page
	default:
		r.Refused = err.Error()
	}
	if a != nil && a.Published != nil {
		r.Day = a.Published.Format("2006-01-02")
		r.Source = string(a.DateSource)
	}
	return r
}

// Verdict is "right", "wrong" or "none": none when scoop gave no day for
// a dated page; a day given for a page labelled NoDate is wrong.
func (r DateResult) Verdict() string {
	switch {
	case r.Label.Day == NoDate && r.Day == "":
		return "right"
	case r.Day == r.Label.Day:
		return "right"
	case r.Day == "":
		return "none"
	}
	return "wrong"
}

// DateSummary adds up date results.
type DateSummary struct {
	Pages, Right, Wrong, None int
	Misses                    []DateResult // wrong first, then none
}

// SummarizeDates adds up results.
func SummarizeDates(results []DateResult) DateSummary {
	var s DateSummary
	var none []DateResult
	for _, r := range results {
		s.Pages++
		switch r.Verdict() {
		case "right":
			s.Right++
		case "wrong":
			s.Wrong++
			s.Misses = append(s.Misses, r)
		default:
			s.None++
			none = append(none, r)
		}
	}
	s.Misses = append(s.Misses, none...)
	return s
}

// RightRate and WrongRate are shares of all pages.
func (s DateSummary) RightRate() float64 { return devRatio(s.Right, s.Pages) }
func (s DateSummary) WrongRate() float64 { return devRatio(s.Wrong, s.Pages) }

// String is the summary on one line.
func (s DateSummary) String() string {
	return fmt.Sprintf("%3d pages: day right %.3f (%d), wrong %.3f (%d), none %d",
		s.Pages, s.RightRate(), s.Right, s.WrongRate(), s.Wrong, s.None)
}

// ScoreDates scores every labelled page of pages, split into the parts.
func ScoreDates(pages []Page, labels map[string]DateLabel) (map[string][]DateResult, error) {
	return scoreDates(pages, labels, DatePart)
}

// scoreDates scores pages, one label each, split into parts by part.
func scoreDates(pages []Page, labels map[string]DateLabel, part func(string) string) (map[string][]DateResult, error) {
	parts := map[string][]DateResult{}
	for i := range pages {
		p := &pages[i]
		l, ok := labels[p.ID]
		if !ok {
			return nil, fmt.Errorf("page %s has no date label", p.ID)
		}
		parts[part(p.ID)] = append(parts[part(p.ID)], ScoreDate(p, l))
	}
	if len(labels) != len(pages) {
		return nil, fmt.Errorf("%d date labels for %d pages", len(labels), len(pages))
	}
	return parts, nil
}

// ShortID is a page ID for listings: a corpus page's 64-digit hash cut to
// eight digits, any other name whole.
func ShortID(id string) string {
	if len(id) == 64 {
		return id[:8]
	}
	return id
}
