package benchmark

import (
	"bytes"
	"cmp"
	"fmt"
	"net/url"
	"slices"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"github.com/scoopkit/scoop"
	"golang.org/x/net/html"
)

// ScoopText returns the body text scoop.Extract finds in page.
func ScoopText(page []byte, pageURL string) (string, error) {
	a, err := scoop.Extract(bytes.NewReader(page), pageURL)
	if err != nil {
		return "", err
	}
	return a.Text, nil
}

// Readability runs go-readability alone on page, the way scoop feeds it
// (html.Parse, no charset sniffing, then ParseAndMutate), so that the
// baseline differs from scoop only by what scoop adds.
func Readability(page []byte, pageURL string) (readability.Article, error) {
	u, err := url.Parse(pageURL)
	if err != nil {
		return readability.Article{}, err
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return readability.Article{}, err
	}
	p := readability.NewParser()
	return p.ParseAndMutate(doc, u)
}

// ReadabilityText returns the body text go-readability alone finds in
// page, rendered as Article.RenderText does.
func ReadabilityText(page []byte, pageURL string) (string, error) {
	a, err := Readability(page, pageURL)
	if err != nil {
		return "", err
	}
	if a.Node == nil {
		return "", fmt.Errorf("readability: no article in %s", pageURL)
	}
	return render.InnerText(a.Node), nil
}

// Result is the score of both extractors on one page. A page an extractor
// fails on is scored as an empty prediction.
type Result struct {
	Page                *Page
	Scoop, Readability  PageScore
	ScoopErr, ReadErr   error
	ScoopText, ReadText string
}

// Delta is scoop's page F1 minus readability's: negative where scoop
// does worse than the library it builds on.
func (r Result) Delta() float64 { return r.Scoop.F1() - r.Readability.F1() }

// SortWorstFirst orders results by Delta, lowest first, then by scoop's
// page F1, so that pages where scoop loses to readability come first.
func SortWorstFirst(results []Result) {
	slices.SortStableFunc(results, func(a, b Result) int {
		return cmp.Or(cmp.Compare(a.Delta(), b.Delta()), cmp.Compare(a.Scoop.F1(), b.Scoop.F1()))
	})
}

// Compare runs both extractors on every page and scores them.
func Compare(pages []Page) []Result {
	results := make([]Result, len(pages))
	for i := range pages {
		p := &pages[i]
		r := Result{Page: p}
		r.ScoopText, r.ScoopErr = ScoopText(p.HTML, p.URL)
		r.ReadText, r.ReadErr = ReadabilityText(p.HTML, p.URL)
		r.Scoop = ScorePage(r.ScoopText, p.Truth)
		r.Readability = ScorePage(r.ReadText, p.Truth)
		results[i] = r
	}
	return results
}

// Summaries returns the corpus summaries of scoop and readability.
func Summaries(results []Result) (scoop, read Summary) {
	s := make([]PageScore, len(results))
	r := make([]PageScore, len(results))
	for i, res := range results {
		s[i], r[i] = res.Scoop, res.Readability
	}
	return Summarize(s), Summarize(r)
}
