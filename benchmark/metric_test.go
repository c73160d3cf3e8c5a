package benchmark

import (
	"math"
	"slices"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty", "", nil},
		{"punctuation only", " -- ,. ", nil},
		{"ascii words", "Hello, world! it's 2019_v2.", []string{"Hello", "world", "it", "s", "2019_v2"}},
		{"unicode letters and numbers", "Café «naïve» ½ Ⅻ 東京", []string{"Café", "naïve", "½", "Ⅻ", "東京"}},
		// Python's \w does not match combining marks: "e" + U+0301 splits.
		{"combining mark splits", "cafe\u0301s", []string{"cafe", "s"}},
		{"curly apostrophe splits", "We’d", []string{"We", "d"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Tokenize(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("Tokenize(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestScorePage(t *testing.T) {
	tests := []struct {
		name        string
		pred, truth string
		want        PageScore
		p, r        float64
	}{
		{
			name: "identical", pred: "a b c d e", truth: "a  b, c\n\nd e",
			want: PageScore{TP: 2, Exact: true}, p: 1, r: 1,
		},
		{
			name: "disjoint", pred: "v w x y z", truth: "a b c d",
			want: PageScore{FP: 2, FN: 1}, p: 0, r: 0,
		},
		{
			// truth shingles: abcd bcde cdef; pred: abcd bcdx.
			name: "partial overlap", pred: "a b c d x", truth: "a b c d e f",
			want: PageScore{TP: 1, FP: 1, FN: 2}, p: 0.5, r: 1.0 / 3,
		},
		{
			// truth "a b c d a b c d": abcd×2 bcda cdab dabc;
			// pred "a b c d a b c d a b c d": abcd×3 bcda×2 cdab×2 dabc×2.
			name: "repeated shingles count as a multiset",
			pred: "a b c d a b c d a b c d", truth: "a b c d a b c d",
			want: PageScore{TP: 5, FP: 4}, p: 5.0 / 9, r: 1,
		},
		{
			name: "case is kept", pred: "Hello world", truth: "hello world",
			want: PageScore{FP: 1, FN: 1}, p: 0, r: 0,
		},
		{
			name: "short texts match as one shingle", pred: "a b c", truth: "a b c",
			want: PageScore{TP: 1, Exact: true}, p: 1, r: 1,
		},
		{
			// The short text's one shingle (a b c) is not a full shingle.
			name: "short prediction against long truth", pred: "a b c", truth: "a b c d",
			want: PageScore{FP: 1, FN: 1}, p: 0, r: 0,
		},
		{
			name: "empty prediction", pred: "", truth: "a b c d e",
			want: PageScore{FN: 2}, p: 0, r: 0,
		},
		{
			name: "both empty", pred: " ", truth: "",
			want: PageScore{Exact: true}, p: 1, r: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ScorePage(tt.pred, tt.truth)
			if got != tt.want {
				t.Fatalf("ScorePage = %+v, want %+v", got, tt.want)
			}
			if p, r := got.Precision(), got.Recall(); !near(p, tt.p) || !near(r, tt.r) {
				t.Errorf("P, R = %.4f, %.4f, want %.4f, %.4f", p, r, tt.p, tt.r)
			}
		})
	}
}

func TestSummarize(t *testing.T) {
	tests := []struct {
		name   string
		scores []PageScore
		want   Summary
	}{
		{"no pages", nil, Summary{}},
		{
			name:   "perfect",
			scores: []PageScore{{TP: 3, Exact: true}, {TP: 1, Exact: true}},
			want:   Summary{Pages: 2, Precision: 1, Recall: 1, F1: 1, Accuracy: 1},
		},
		{
			// Page 1: P 0.5, R 1/3. Page 2 predicts nothing: no precision,
			// recall 0. Page 3: P 1, R 1. Page 4 has empty texts: neither.
			// P = (0.5+1)/2 = 0.75, R = (1/3+0+1)/3 = 4/9,
			// F1 = 2·0.75·4/9 / (0.75+4/9) = 24/43.
			name: "means skip empty sides",
			scores: []PageScore{
				{TP: 1, FP: 1, FN: 2},
				{FN: 5},
				{TP: 4, Exact: true},
				{Exact: true},
			},
			want: Summary{Pages: 4, Precision: 0.75, Recall: 4.0 / 9, F1: 24.0 / 43, Accuracy: 0.5},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Summarize(tt.scores)
			if got.Pages != tt.want.Pages || !near(got.Precision, tt.want.Precision) ||
				!near(got.Recall, tt.want.Recall) || !near(got.F1, tt.want.F1) ||
				!near(got.Accuracy, tt.want.Accuracy) {
				t.Errorf("Summarize = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
