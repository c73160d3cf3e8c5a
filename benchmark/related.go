package benchmark

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/scoopkit/scoop"
)

// RelatedDir holds the related-story development set, relative to this
// module's root.
const RelatedDir = "testdata/related"

// RelatedPage is one labelled page of the related-story development set.
type RelatedPage struct {
	ID     string
	Part   string // "tune" to "tune12": may shape rules; "check" to "check5": only measured
	Second bool   // labelled a second time, independently
	URL    string
}

// DevPrefix starts the ID of a related-story page that is a file of
// DevModule rather than a benchmark page:
// "dev:test-files/comparison/x.html".
const DevPrefix = "dev:"

// ReadabilityModule is the Go module whose test pages (real pages saved
// whole, each test-pages/NAME/source.html) hold the related-story part
// tune9. It is required in this module's go.mod, so `go mod download`
// puts it in the module cache; the pages are never copied here.
const ReadabilityModule = "codeberg.org/readeck/go-readability/v2"

// ReadabilityPrefix starts the ID of a related-story page that is a file
// of ReadabilityModule: "rdb:test-pages/aclu/source.html".
const ReadabilityPrefix = "rdb:"

// GoosePrefix starts the ID of a related-story page that is a file of
// GooseModule: "goose:sites/bbc.co.uk.html".
const GoosePrefix = "goose:"

// ModuleDirs maps an ID prefix (DevPrefix, ReadabilityPrefix, GoosePrefix)
// to the module cache folder that the pages of IDs so prefixed are read
// from.
type ModuleDirs map[string]string

// RelatedModuleDirs finds the module cache folders of DevModule,
// ReadabilityModule and GooseModule.
func RelatedModuleDirs() (ModuleDirs, error) {
	dev, err := DevModuleDir()
	if err != nil {
		return nil, err
	}
	rdb, err := moduleDir(ReadabilityModule)
	if err != nil {
		return nil, err
	}
	goose, err := moduleDir(GooseModule)
	if err != nil {
		return nil, err
	}
	return ModuleDirs{DevPrefix: dev, ReadabilityPrefix: rdb, GoosePrefix: goose}, nil
}

// RelatedHTML reads the HTML of a labelled page: a page whose ID has a
// prefix of dirs from that module's folder (refusing a dev page of the
// split's check part as a tuning page, since no rule may be tuned on
// it), any other from corpus, keyed by benchmark ID.
func RelatedHTML(p RelatedPage, corpus map[string][]byte, dirs ModuleDirs) ([]byte, error) {
	for prefix, dir := range dirs {
		path, ok := strings.CutPrefix(p.ID, prefix)
		if !ok {
			continue
		}
		if prefix == DevPrefix && strings.HasPrefix(p.Part, "tune") && InCheckPart(path) {
			return nil, fmt.Errorf("%s: in the check part of the split, not a tuning page", p.ID)
		}
		return os.ReadFile(filepath.Join(dir, filepath.FromSlash(path)))
	}
	html, ok := corpus[p.ID]
	if !ok {
		return nil, fmt.Errorf("%s: not a benchmark page", p.ID)
	}
	return html, nil
}

// RelatedLabel is one hand-labelled related story.
type RelatedLabel struct {
	URL    string `json:"url"`
	Title  string `json:"title"`
	Block  string `json:"block"`
	Inline bool   `json:"inline"`
	// Published is the day the card shows (YYYY-MM-DD), when it shows an
	// absolute one.
	Published string `json:"published,omitempty"`
}

// RelatedLabels maps a page ID to the related stories labelled on it.
type RelatedLabels map[string][]RelatedLabel

// LoadRelatedPages reads pages.tsv in dir.
func LoadRelatedPages(dir string) ([]RelatedPage, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "pages.tsv"))
	if err != nil {
		return nil, err
	}
	var pages []RelatedPage
	for i, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		f := strings.Split(line, "\t")
		if i == 0 {
			continue
		}
		if len(f) != 4 {
			return nil, fmt.Errorf("pages.tsv line %d: %d fields, want 4", i+1, len(f))
		}
		pages = append(pages, RelatedPage{ID: f[0], Part: f[1], Second: f[2] == "yes", URL: f[3]})
	}
	return pages, nil
}

// LoadRelatedLabels reads labels files such as labels.json into one set;
// a page labelled in two of them is an error.
func LoadRelatedLabels(paths ...string) (RelatedLabels, error) {
	labels := RelatedLabels{}
	for _, path := range paths {
		raw, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		var file map[string]struct {
			Stories []RelatedLabel `json:"stories"`
		}
		if err := json.Unmarshal(raw, &file); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		for id, p := range file {
			if _, dup := labels[id]; dup {
				return nil, fmt.Errorf("%s: page %s labelled twice", path, id)
			}
			labels[id] = p.Stories
		}
	}
	return labels, nil
}

// RelatedTally counts how well found stories match labelled ones: URLs by
// the crawler's URLKey, then the block label and inline flag of the
// stories found in both.
type RelatedTally struct {
	TP, FP, FN        int
	BlockOK, InlineOK int // among the TP
	Dated, DateOK     int // matched stories whose card shows a date; those read on the right day
	Pages, EmptyPages int
}

// Add scores the stories got against the labels want of one page.
func (t *RelatedTally) Add(want []RelatedLabel, got []scoop.RelatedStory) {
	t.Pages++
	if len(want) == 0 {
		t.EmptyPages++
	}
	byKey := map[string]RelatedLabel{}
	for _, w := range want {
		byKey[scoop.URLKey(w.URL)] = w
	}
	matched := map[string]bool{}
	for _, g := range got {
		k := scoop.URLKey(g.URL)
		w, ok := byKey[k]
		if !ok || matched[k] {
			t.FP++
			continue
		}
		matched[k] = true
		t.TP++
		if SameLabel(w.Block, g.Block) {
			t.BlockOK++
		}
		if w.Inline == g.Inline {
			t.InlineOK++
		}
		if w.Published != "" {
			t.Dated++
			if g.Published != nil && g.Published.Format(time.DateOnly) == w.Published {
				t.DateOK++
			}
		}
	}
	t.FN += len(byKey) - len(matched)
}

// AddLabels scores a second labelling against the first, the first
// taken as reference.
func (t *RelatedTally) AddLabels(first, second []RelatedLabel) {
	got := make([]scoop.RelatedStory, len(second))
	for i, s := range second {
		got[i] = scoop.RelatedStory{URL: s.URL, Title: s.Title, Block: s.Block, Inline: s.Inline}
		if d, err := time.Parse(time.DateOnly, s.Published); err == nil {
			got[i].Published = &d
		}
	}
	t.Add(first, got)
}

// Precision is the share of found stories that are labelled.
func (t RelatedTally) Precision() float64 { return fraction(t.TP, t.TP+t.FP) }

// Recall is the share of labelled stories that are found.
func (t RelatedTally) Recall() float64 { return fraction(t.TP, t.TP+t.FN) }

// F1 is the harmonic mean of precision and recall.
func (t RelatedTally) F1() float64 { return f1(t.Precision(), t.Recall()) }

// BlockAccuracy is the share of matched stories whose block label agrees.
func (t RelatedTally) BlockAccuracy() float64 { return fraction(t.BlockOK, t.TP) }

// InlineAccuracy is the share of matched stories whose inline flag agrees.
func (t RelatedTally) InlineAccuracy() float64 { return fraction(t.InlineOK, t.TP) }

// DateAccuracy is the share of matched stories with a card date whose
// date is read on the right day.
func (t RelatedTally) DateAccuracy() float64 { return fraction(t.DateOK, t.Dated) }

// String is one line of the development-set table.
func (t RelatedTally) String() string {
	return fmt.Sprintf("pages %2d (%2d empty)  P %.3f  R %.3f  F1 %.3f  block %.3f  inline %.3f  date %d/%d  (tp %d, fp %d, fn %d)",
		t.Pages, t.EmptyPages, t.Precision(), t.Recall(), t.F1(), t.BlockAccuracy(), t.InlineAccuracy(), t.DateOK, t.Dated, t.TP, t.FP, t.FN)
}

// SameLabel reports whether two block labels agree, ignoring case,
// punctuation and spacing ("READ MORE:" and "Read more").
func SameLabel(a, b string) bool {
	norm := func(s string) string {
		return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsNumber(r)
		}), " ")
	}
	return norm(a) == norm(b)
}

// fraction is n/of, and 1 when there is nothing to count: no story
// found is no wrong story.
func fraction(n, of int) float64 {
	if of == 0 {
		return 1
	}
	return float64(n) / float64(of)
}
