package scoop

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// literalSet answers FindStringIndex for a pattern of the form
// (?i)(word|word|…), an alternation of plain words. On ASCII text it
// looks for each word with strings.Index instead of running the
// pattern, whose hundreds of case-folded branches cost tens of
// microseconds a line; other text goes to the pattern.
type literalSet struct {
	rx     *regexp.Regexp
	plain  bool     // rx has that form
	simple []string // lower-case ASCII forms of its words that ASCII text can hold, in order
}

func newLiteralSet(rx *regexp.Regexp) *literalSet {
	s := &literalSet{rx: rx}
	inner, ok := strings.CutPrefix(rx.String(), "(?i)(")
	inner, ok2 := strings.CutSuffix(inner, ")")
	if !ok || !ok2 {
		return s
	}
	for _, w := range strings.Split(inner, "|") {
		if w == "" || regexp.QuoteMeta(w) != w {
			return s
		}
		if a, ok := asciiFold(w); ok {
			s.simple = append(s.simple, a)
		}
	}
	s.plain = true
	return s
}

// asciiFold returns the lower-case ASCII text that w matches under
// (?i), or false when w holds a letter that no ASCII letter matches.
func asciiFold(w string) (string, bool) {
	var b strings.Builder
	for _, r := range w {
		if r >= utf8.RuneSelf {
			// The Kelvin sign and the long s match k and s.
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				if f < utf8.RuneSelf {
					r = f
					break
				}
			}
			if r >= utf8.RuneSelf {
				return "", false
			}
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String(), true
}

// FindStringIndex is s.rx.FindStringIndex(text).
func (s *literalSet) FindStringIndex(text string) []int {
	if !s.plain || !isASCII(text) {
		return s.rx.FindStringIndex(text)
	}
	lower := strings.ToLower(text)
	// The leftmost match; at one place, the first word in the pattern,
	// as leftmost-first matching picks.
	at, end := -1, 0
	for _, w := range s.simple {
		if i := strings.Index(lower, w); i >= 0 && (at < 0 || i < at) {
			at, end = i, i+len(w)
		}
	}
	if at < 0 {
		return nil
	}
	return []int{at, end}
}

// MatchString is s.rx.MatchString(text).
func (s *literalSet) MatchString(text string) bool {
	return s.FindStringIndex(text) != nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// pubLabels and updLabels are rxPublishedLabel and rxUpdatedLabel, which
// several passes run on every dated line.
var pubLabels, updLabels = newLiteralSet(rxPublishedLabel), newLiteralSet(rxUpdatedLabel)
