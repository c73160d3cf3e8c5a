// A quick test run before a large (?i) alternation: the runes every match
// of it starts with, so that most texts are ruled out without the pattern.

package scoop

import (
	"regexp"
	"regexp/syntax"
	"unicode"
)

// startRunes is how many runes of a match's start a startFilter reads.
const startRunes = 3

// startFilter holds the first runes (folded by foldRune) that every match
// of a pattern starts with. Go's regexp follows every branch of an
// alternation at every position of the text, and under (?i) each step
// folds the rune: a label of 20 letters cost rxNotRelated 20 µs, for a
// pattern that almost never matches. Looking the text's rune triples up
// in a map costs far less, and the pattern runs only where one is found.
type startFilter struct {
	starts map[[startRunes]rune]bool // a start shorter than startRunes ends in zeros
	short  bool                      // whether some start is shorter
}

// newStartFilter reads the starts of the pattern alts (Perl syntax, case
// folded). It returns nil, a filter that passes everything, when some
// match may start with an unknown rune (".*" or a wide class first).
func newStartFilter(alts string) *startFilter {
	re, err := syntax.Parse(alts, syntax.Perl|syntax.FoldCase)
	if err != nil {
		panic(err) // the pattern is a constant of this package
	}
	seqs, ok := starts(re, startRunes)
	if !ok {
		return nil
	}
	f := &startFilter{starts: map[[startRunes]rune]bool{}}
	for _, s := range seqs {
		if len(s.runes) == 0 {
			return nil
		}
		var key [startRunes]rune
		copy(key[:], s.runes)
		f.starts[key] = true
		f.short = f.short || len(s.runes) < startRunes
	}
	return f
}

// mayStartAt reports whether a match may start at byte i of s.
func (f *startFilter) mayStartAt(s string, i int) bool {
	if f == nil {
		return true
	}
	var w [startRunes]rune
	k := 0
	for _, r := range s[i:] {
		w[k] = foldRune(r)
		if k++; k == startRunes {
			break
		}
	}
	if f.starts[w] {
		return true
	}
	if f.short {
		for k := startRunes - 1; k > 0; k-- {
			w[k] = 0
			if f.starts[w] {
				return true
			}
		}
	}
	return false
}

// mayMatch reports whether the pattern may match somewhere in s.
func (f *startFilter) mayMatch(s string) bool {
	if f == nil {
		return true
	}
	for i := range s {
		if f.mayStartAt(s, i) {
			return true
		}
	}
	return false
}

// filteredRx is a case-folded alternation that asks its startFilter
// before it runs.
type filteredRx struct {
	rx     *regexp.Regexp
	filter *startFilter
	whole  bool // the pattern is the whole text but for non-letters around it
}

// newFilteredRx compiles the alternation alts, case folded and with its
// branches sorted (see anyOf): as `(?i)(alts)`, matching anywhere, or
// when whole is set as `(?i)^[^\pL\pN]*(alts)[^\pL\pN]*$`.
func newFilteredRx(alts string, whole bool) filteredRx {
	pattern := `(?i)(` + anyOf(alts) + `)`
	if whole {
		pattern = `(?i)^[^\pL\pN]*(` + anyOf(alts) + `)[^\pL\pN]*$`
	}
	return filteredRx{rx: regexp.MustCompile(pattern), filter: newStartFilter(alts), whole: whole}
}

// MatchString reports whether the pattern matches s.
func (f filteredRx) MatchString(s string) bool {
	if f.filter == nil {
		return f.rx.MatchString(s)
	}
	if !f.whole {
		return f.filter.mayMatch(s) && f.rx.MatchString(s)
	}
	// The branches start at the first letter or number, or before it
	// (where a rune (?i) reads as a letter is no letter itself).
	for i, r := range s {
		if f.filter.mayStartAt(s, i) {
			return f.rx.MatchString(s)
		}
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			return false
		}
	}
	return false
}

// startSeq is the start of a match: its first runes, and whether the
// expression ends after them (rather than goes on with runes unknown).
type startSeq struct {
	runes []rune
	ended bool
}

// maxStarts bounds the starts one pattern may have before the filter
// gives up, as a large class or many nested options would multiply them.
const maxStarts = 4096

// starts returns the first n runes, folded, of every match of re, as far
// as they are known; ok is false when they are too many to list.
// Zero-width assertions (\b, ^) are passed over: leaving out a condition
// only lets more texts through.
func starts(re *syntax.Regexp, n int) (seqs []startSeq, ok bool) {
	open := []startSeq{{runes: []rune{}}} // nothing known: any match
	switch re.Op {
	case syntax.OpLiteral:
		rs := make([]rune, 0, min(n, len(re.Rune)))
		for _, r := range re.Rune[:min(n, len(re.Rune))] {
			rs = append(rs, foldRune(r))
		}
		return []startSeq{{runes: rs, ended: len(re.Rune) <= n}}, true
	case syntax.OpCharClass:
		var seen map[rune]bool
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] > 64 {
				return open, true // a wide class such as \pL
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if f := foldRune(r); !seen[f] {
					if seen == nil {
						seen = map[rune]bool{}
					}
					seen[f] = true
					seqs = append(seqs, startSeq{runes: []rune{f}, ended: true})
				}
			}
		}
		return seqs, len(seqs) <= maxStarts
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary,
		syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText:
		return []startSeq{{runes: []rune{}, ended: true}}, true
	case syntax.OpCapture:
		return starts(re.Sub[0], n)
	case syntax.OpQuest:
		seqs, ok = starts(re.Sub[0], n)
		return append(seqs, startSeq{runes: []rune{}, ended: true}), ok
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			s, ok := starts(sub, n)
			if !ok {
				return nil, false
			}
			if seqs = append(seqs, s...); len(seqs) > maxStarts {
				return nil, false
			}
		}
		return seqs, true
	case syntax.OpConcat:
		seqs = []startSeq{{runes: []rune{}, ended: true}}
		for _, sub := range re.Sub {
			var next []startSeq
			for _, s := range seqs {
				if !s.ended || len(s.runes) == n {
					next = append(next, s)
					continue
				}
				tails, ok := starts(sub, n-len(s.runes))
				if !ok {
					return nil, false
				}
				for _, t := range tails {
					rs := append(append([]rune{}, s.runes...), t.runes...)
					next = append(next, startSeq{runes: rs, ended: t.ended})
				}
				if len(next) > maxStarts {
					return nil, false
				}
			}
			seqs = next
		}
		return seqs, true
	}
	// Repeats, any character: the runes from here on are unknown.
	return open, true
}

// foldRune maps r to the smallest of the runes (?i) matches it with, so
// that runes (?i) reads alike map to the same rune.
func foldRune(r rune) rune {
	if r < 0x80 {
		if 'a' <= r && r <= 'z' {
			r -= 'a' - 'A'
		}
		return r
	}
	m := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		m = min(m, f)
	}
	return m
}
