package scoop

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// PageKind is what a page holds, as Extract and the crawler both decide it.
type PageKind string

// The kinds of page. Only PageArticle pages give an Article.
const (
	PageArticle PageKind = "article"  // a story: a headline and a run of prose
	PageListing PageKind = "listing"  // a list of teasers linking to stories
	PageOther   PageKind = "other"    // an empty shell, a form, a page with too little prose
	PageSoft404 PageKind = "soft_404" // an error page served with status 200
)

// ErrSoft404 is the error of a page that says it was not found although
// its server answered 200. It matches ErrNoArticle too.
var ErrSoft404 = errors.New("scoop: page not found")

// NotArticleError is the error Extract returns for a page that holds no
// article. errors.Is(err, ErrNoArticle) holds for every kind, and
// errors.Is(err, ErrSoft404) for soft 404s.
//
// Page keeps what the refused page still says about itself (URL, title,
// dates, language, site name, related stories) with an empty body, so a
// caller who wants the dates of every page has them.
type NotArticleError struct {
	Kind   PageKind
	Reason string // why, in a few words: "linked headlines", "no prose", …
	URL    string
	Page   *Article
}

func (e *NotArticleError) Error() string {
	if e.Kind == PageSoft404 {
		return fmt.Sprintf("%v: %s (%s)", ErrSoft404, e.URL, e.Reason)
	}
	return fmt.Sprintf("%v: %s is %s (%s)", ErrNoArticle, e.URL, e.Kind, e.Reason)
}

// Is makes errors.Is match ErrNoArticle, and ErrSoft404 for soft 404s.
func (e *NotArticleError) Is(target error) bool {
	return target == ErrNoArticle || target == ErrSoft404 && e.Kind == PageSoft404
}

// refuse returns the error for a page of the given kind, keeping what
// the page says about itself in a.
func (p *page) refuse(a *Article, kind PageKind, reason string) error {
	if a.Related == nil {
		a.Related = []RelatedStory{}
	}
	return &NotArticleError{Kind: kind, Reason: reason, URL: p.url.String(), Page: a}
}

// classify decides what the page holds from readability's body and its
// plain text: enough prose, or less of it on a page that declares itself
// an article, and not a run of linked headlines.
func (p *page) classify(body *html.Node, text string, pub dateCandidate) (PageKind, string) {
	declared := p.article() != nil || strings.EqualFold(p.meta["og:type"], "article")
	if !declared && listing(body) {
		return PageListing, "linked headlines"
	}
	// Letters, not words: Chinese and Japanese do not separate words.
	n := 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			n++
		}
	}
	if n >= 500 || n >= 120 && (declared || pub.source != "") {
		return PageArticle, ""
	}
	return PageOther, "too little prose"
}
