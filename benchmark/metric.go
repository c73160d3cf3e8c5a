// Package benchmark measures scoop's article extraction against the
// article-extraction-benchmark corpus in testdata, with the corpus's own
// shingle metric, and against go-readability used alone as a baseline.
package benchmark

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// ShingleSize is the number of consecutive tokens in a shingle.
const ShingleSize = 4

// Tokenize splits text into words as Python's re.findall(r"\w+", text)
// does: maximal runs of letters, numbers and underscores, case kept.
//
// Python's \w does not match combining marks (Mn, Mc), so a word with one,
// such as decomposed "é" or most Devanagari, splits there; Tokenize does
// the same so that scores match the corpus's reference scorer.
func Tokenize(text string) []string {
	var tokens []string
	start := -1
	for i, r := range text {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			tokens = append(tokens, text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		tokens = append(tokens, text[start:])
	}
	return tokens
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// PageScore is the comparison of one page's predicted text with its truth:
// counts of shingles in both (TP), only predicted (FP) and only true (FN),
// counted as multisets.
type PageScore struct {
	TP, FP, FN int
	// Exact reports whether both texts have the same token sequence.
	Exact bool
}

// ScorePage compares a predicted text with the true one.
func ScorePage(pred, truth string) PageScore {
	pt, tt := Tokenize(pred), Tokenize(truth)
	// Shingles are keyed by token ids rather than joined strings: cheaper
	// to build and hash, and no separator can collide with a token.
	ids := make(map[string]int32, len(tt))
	counts := make(map[shingle]int, len(tt))
	for _, s := range shingles(tt, ids) {
		counts[s]++
	}
	var sc PageScore
	for _, s := range shingles(pt, ids) {
		if counts[s] > 0 {
			counts[s]--
			sc.TP++
		} else {
			sc.FP++
		}
	}
	for _, n := range counts {
		sc.FN += n
	}
	sc.Exact = slices.Equal(pt, tt)
	return sc
}

// shingle holds the token ids of up to ShingleSize tokens; -1 pads the
// single shingle of a text shorter than ShingleSize, which thus never
// equals a full one.
type shingle [ShingleSize]int32

// shingles returns the shingles of tokens, assigning new ids in ids.
func shingles(tokens []string, ids map[string]int32) []shingle {
	if len(tokens) == 0 {
		return nil
	}
	seq := make([]int32, len(tokens))
	for i, t := range tokens {
		id, ok := ids[t]
		if !ok {
			id = int32(len(ids))
			ids[t] = id
		}
		seq[i] = id
	}
	if len(seq) < ShingleSize {
		s := shingle{-1, -1, -1, -1}
		copy(s[:], seq)
		return []shingle{s}
	}
	out := make([]shingle, 0, len(seq)-ShingleSize+1)
	for i := range len(seq) - ShingleSize + 1 {
		out = append(out, shingle(seq[i:i+ShingleSize]))
	}
	return out
}

// Precision is TP/(TP+FP); 1 when there is nothing to get wrong (FP and
// FN both zero), and 0 when the prediction is empty but the truth is not.
func (s PageScore) Precision() float64 { return ratio(s.TP, s.FP, s.FN) }

// Recall is TP/(TP+FN), with the same conventions as Precision.
func (s PageScore) Recall() float64 { return ratio(s.TP, s.FN, s.FP) }

// F1 is the harmonic mean of Precision and Recall, 0 when both are.
func (s PageScore) F1() float64 { return f1(s.Precision(), s.Recall()) }

func ratio(tp, wrong, other int) float64 {
	switch {
	case wrong == 0 && other == 0:
		return 1
	case tp == 0:
		return 0
	}
	return float64(tp) / float64(tp+wrong)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Summary is the corpus-level result of a set of pages.
type Summary struct {
	Pages int
	// Precision is the mean page precision over pages with a non-empty
	// prediction, Recall the mean page recall over pages with a non-empty
	// truth, and F1 the harmonic mean of those two means, as the
	// benchmark defines them.
	Precision, Recall, F1 float64
	// Accuracy is the share of pages whose token sequences match exactly.
	Accuracy float64
}

// Summarize aggregates page scores the way the benchmark does.
func Summarize(scores []PageScore) Summary {
	var sum Summary
	var np, nr, exact int
	for _, s := range scores {
		if s.TP+s.FP > 0 {
			sum.Precision += s.Precision()
			np++
		}
		if s.TP+s.FN > 0 {
			sum.Recall += s.Recall()
			nr++
		}
		if s.Exact {
			exact++
		}
	}
	if np > 0 {
		sum.Precision /= float64(np)
	}
	if nr > 0 {
		sum.Recall /= float64(nr)
	}
	sum.Pages = len(scores)
	sum.F1 = f1(sum.Precision, sum.Recall)
	if len(scores) > 0 {
		sum.Accuracy = float64(exact) / float64(len(scores))
	}
	return sum
}
