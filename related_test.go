package scoop

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// Floors for related-story detection over all fixtures; the measured
// figures are printed by the test.
const (
	minRelatedPrecision = 0.95
	minRelatedRecall    = 0.95
)

// TestRelatedFixtures compares the related stories of every fixture with
// the hand-written list: each field of each found story, and precision
// and recall of the URLs over all pages.
func TestRelatedFixtures(t *testing.T) {
	var tp, fp, fn int
	for _, f := range loadFixtures(t) {
		if f.want.Error != "" {
			continue
		}
		a, err := extractFixture(f)
		if err != nil {
			t.Errorf("%s: %v", f.name, err)
			fn += len(f.want.Related)
			continue
		}
		want := map[string]int{}
		for i, r := range f.want.Related {
			want[storyKey(r.URL)] = i
		}
		got := map[string]bool{}
		for i, r := range a.Related {
			k := storyKey(r.URL)
			if got[k] {
				t.Errorf("%s: %s listed twice", f.name, r.URL)
			}
			got[k] = true
			j, ok := want[k]
			if !ok {
				fp++
				t.Errorf("%s: unexpected related %q %s", f.name, r.Title, r.URL)
				continue
			}
			tp++
			w := f.want.Related[j]
			if i != j && len(a.Related) == len(f.want.Related) {
				t.Errorf("%s: %s at %d, want %d", f.name, r.URL, i, j)
			}
			check := func(field, got, want string) {
				if want != "" && got != want {
					t.Errorf("%s: %s %s = %q, want %q", f.name, r.URL, field, got, want)
				}
			}
			check("url", r.URL, w.URL)
			check("title", r.Title, w.Title)
			check("summary", r.Summary, w.Summary)
			check("image", r.Image, w.Image)
			check("block", r.Block, w.Block)
			if w.Published != "" && !sameDate(r.Published, w.Published) {
				t.Errorf("%s: %s published = %v, want %s", f.name, r.URL, r.Published, w.Published)
			}
			if r.Inline != w.Inline {
				t.Errorf("%s: %s inline = %v, want %v", f.name, r.URL, r.Inline, w.Inline)
			}
			for _, s := range []string{r.Title} {
				if len(s) > 20 && strings.Contains(a.Text, s) {
					t.Errorf("%s: related title %q leaks into the body", f.name, s)
				}
			}
		}
		for _, r := range f.want.Related {
			if !got[storyKey(r.URL)] {
				fn++
				t.Errorf("%s: missed related %q %s", f.name, r.Title, r.URL)
			}
		}
	}
	precision := float64(tp) / float64(max(tp+fp, 1))
	recall := float64(tp) / float64(max(tp+fn, 1))
	t.Logf("related URLs over fixtures: precision %.3f recall %.3f (tp %d, fp %d, fn %d)", precision, recall, tp, fp, fn)
	if precision < minRelatedPrecision || recall < minRelatedRecall {
		t.Errorf("precision %.3f / recall %.3f below floor %.2f / %.2f", precision, recall, minRelatedPrecision, minRelatedRecall)
	}
}

// TestHiddenElement checks which elements count as hidden from readers.
func TestHiddenElement(t *testing.T) {
	tests := []struct {
		tag  string
		want bool
	}{
		{`<section class="c-related hide">`, true},
		{`<div class="box hidden">`, true},
		{`<div class="hidden-xs box">`, false},
		{`<div class="d-none d-md-block">`, true},
		{`<div style="margin: 0; display : none">`, true},
		{`<div style="display:block">`, false},
		{`<div hidden>`, true},
		{`<div class="unhidden">`, false},
	}
	for _, tt := range tests {
		doc, err := html.Parse(strings.NewReader(tt.tag + "x</div>"))
		if err != nil {
			t.Fatal(err)
		}
		n := doc.FirstChild.LastChild.FirstChild // html > body > tag
		if got := hiddenElement(n); got != tt.want {
			t.Errorf("hiddenElement(%s) = %v, want %v", tt.tag, got, tt.want)
		}
	}
}
