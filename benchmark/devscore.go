package benchmark

import (
	"bytes"
	"errors"
	"os"
	"strings"

	"github.com/scoopkit/scoop"
)

// DevResult is what one extractor gave for one development-set page.
type DevResult struct {
	Page    *DevPage
	Text    string // body text; empty when refused
	Title   string
	Day     string // publication day in the offset the extractor gave, YYYY-MM-DD
	Refused string // the refusal's kind ("listing", "other", …), or the error; empty when accepted
	Snippets
}

// Snippets counts a page's With/Without snippets found and missed, the
// way go-trafilatura's comparison script does, except that a refused
// page counts as empty text rather than being left out.
type Snippets struct{ TP, FN, FP, TN int }

// Add accumulates s into t.
func (t *Snippets) Add(s Snippets) { t.TP += s.TP; t.FN += s.FN; t.FP += s.FP; t.TN += s.TN }

// Precision, Recall and F are the script's figures.
func (t Snippets) Precision() float64 { return devRatio(t.TP, t.TP+t.FP) }
func (t Snippets) Recall() float64    { return devRatio(t.TP, t.TP+t.FN) }
func (t Snippets) F() float64         { return devRatio(2*t.TP, 2*t.TP+t.FP+t.FN) }

func devRatio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// ScoreScoop extracts p with scoop and scores it. A refused page keeps the
// title and date its NotArticleError reports.
func ScoreScoop(p *DevPage) DevResult {
	raw, err := os.ReadFile(p.File)
	if err != nil {
		return DevResult{Page: p, Refused: err.Error()}
	}
	// No clock: the pages' fetch times are unknown, so relative
	// datelines ("3 hours ago") must not be read against any.
	a, err := scoop.Extract(bytes.NewReader(raw), p.URL)
	r := DevResult{Page: p}
	var na *scoop.NotArticleError
	switch {
	case err == nil:
		r.Text = a.Text
	case errors.As(err, &na):
		r.Refused, a = string(na.Kind)+": "+na.Reason, na.Page
	default:
		r.Refused = err.Error()
	}
	if a != nil {
		r.Title = a.Title
		if a.Published != nil {
			r.Day = a.Published.Format("2006-01-02")
		}
	}
	r.Snippets = ScoreSnippets(p, r.Text)
	return r
}

// ScoreSnippets scores text against p's snippets. Whitespace runs count as
// one space on both sides, so a line break inside a snippet is no miss.
func ScoreSnippets(p *DevPage, text string) Snippets {
	var s Snippets
	text = normalize(text)
	for _, w := range p.With {
		if text != "" && strings.Contains(text, normalize(w)) {
			s.TP++
		} else {
			s.FN++
		}
	}
	for _, w := range p.Without {
		if text != "" && strings.Contains(text, normalize(w)) {
			s.FP++
		} else {
			s.TN++
		}
	}
	return s
}

// DevSummary is the figures of a set of results.
type DevSummary struct {
	Pages, Refused              int
	Body                        Snippets
	Titled, TitleRight          int
	Dated, DayRight, DayWrong   int
	DayNone                     int
	WrongDays, MissedDays       []*DevResult
	WrongTitles, RefusedResults []*DevResult
}

// SummarizeDev adds up development-set results.
func SummarizeDev(results []DevResult) DevSummary {
	var s DevSummary
	for i := range results {
		r := &results[i]
		s.Pages++
		s.Body.Add(r.Snippets)
		if r.Refused != "" {
			s.Refused++
			s.RefusedResults = append(s.RefusedResults, r)
		}
		if r.Page.Title != "" {
			s.Titled++
			if normalize(r.Title) == normalize(r.Page.Title) {
				s.TitleRight++
			} else {
				s.WrongTitles = append(s.WrongTitles, r)
			}
		}
		if r.Page.Date != "" {
			s.Dated++
			switch r.Day {
			case r.Page.Date:
				s.DayRight++
			case "":
				s.DayNone++
				s.MissedDays = append(s.MissedDays, r)
			default:
				s.DayWrong++
				s.WrongDays = append(s.WrongDays, r)
			}
		}
	}
	return s
}

// TitleRate and DayRate are the shares of labelled pages got right.
func (s DevSummary) TitleRate() float64 { return devRatio(s.TitleRight, s.Titled) }
func (s DevSummary) DayRate() float64   { return devRatio(s.DayRight, s.Dated) }

// invisible are the characters that only hint where a line may break;
// labels copied them from some pages and not from others.
var invisible = strings.NewReplacer("\u00ad", "", "\u200b", "", "\ufeff", "")

// normalize makes two texts that read the same compare equal: white-space
// runs count as one space and invisible break hints as nothing.
func normalize(s string) string {
	return strings.Join(strings.Fields(invisible.Replace(s)), " ")
}
