package scoop

import (
	"regexp"
	"slices"
	"testing"
)

func TestLiteralSet(t *testing.T) {
	rx := regexp.MustCompile(`(?i)(update|updated|mis à jour|kelvin|日期)`)
	s := newLiteralSet(rx)
	if !s.plain {
		t.Fatal("a plain alternation not recognised")
	}
	for _, text := range []string{"", "Updated: 3 May", "last UPDATE", "mis à jour le", "KELVIN", "日期 2024", "nothing", "up-dated"} {
		if got, want := s.FindStringIndex(text), rx.FindStringIndex(text); !slices.Equal(got, want) {
			t.Errorf("FindStringIndex(%q) = %v, want %v", text, got, want)
		}
	}
	if newLiteralSet(regexp.MustCompile(`(?i)(a.b|c)`)).plain {
		t.Error("a pattern with a metacharacter taken for plain words")
	}
}

// FuzzLiteralSet checks the date labels' literal sets against their
// patterns.
func FuzzLiteralSet(f *testing.F) {
	for _, s := range []string{"Published: 3 May 2024", "Last UPDATED 4 June", "Posted by x, first published y", "ſubmitted", "Veröffentlicht am", "Créé le"} {
		f.Add(s)
	}
	sets := []*literalSet{pubLabels, updLabels}
	f.Fuzz(func(t *testing.T, text string) {
		for _, s := range sets {
			if got, want := s.FindStringIndex(text), s.rx.FindStringIndex(text); !slices.Equal(got, want) {
				t.Fatalf("%v on %q: %v, want %v", s.rx, text, got, want)
			}
		}
	})
}

// TestDateLabelsPlain fails when a date label pattern stops being plain
// words: it would still match, but at the pattern's cost on every line.
func TestDateLabelsPlain(t *testing.T) {
	for _, s := range []*literalSet{pubLabels, updLabels} {
		if !s.plain {
			t.Errorf("%v is not (?i)(word|word|…)", s.rx)
		}
	}
}
