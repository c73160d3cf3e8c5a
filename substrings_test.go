package scoop

import (
	"strings"
	"testing"
)

func TestSubstringSet(t *testing.T) {
	groups := [][]string{{"sign up", "newsletter"}, {"écrivez", "got a"}, {":"}, {"read", "reader"}}
	s := newSubstringSet(groups)
	for _, text := range []string{
		"", "sign up for our newsletter", "écrivez-nous", "published 10:30", "got a story? read on",
		"nothing here", "sign u", "readers write", "re", "écriv",
	} {
		var want uint64
		for i, g := range groups {
			if containsAny(text, g...) {
				want |= 1 << i
			}
		}
		if got := s.find(text); got != want {
			t.Errorf("find(%q) = %b, want %b", text, got, want)
		}
	}
}

// FuzzSubstringSet checks find against a strings.Contains per needle, on
// the needles of the boilerplate rules.
func FuzzSubstringSet(f *testing.F) {
	for _, s := range []string{"sign up here", "already a subscriber?", "published 6:02 a.m.", "3 comments"} {
		f.Add(s)
	}
	var groups [][]string
	for _, r := range boilerplateRules {
		groups = append(groups, r.hints)
	}
	set := newSubstringSet(groups)
	f.Fuzz(func(t *testing.T, text string) {
		text = strings.ToLower(text)
		for i, g := range groups {
			if got, want := set.find(text)&(1<<i) != 0, containsAny(text, g...); got != want {
				t.Fatalf("find(%q) group %d = %v, want %v", text, i, got, want)
			}
		}
	})
}
