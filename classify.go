package scoop

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
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
	if p.soft404() {
		return PageSoft404, "says not found"
	}
	declared := p.article() != nil || strings.EqualFold(p.meta["og:type"], "article")
	if !declared && listing(body) {
		return PageListing, "linked headlines"
	}
	if !declared {
		links, linked, letters := p.storyLinks(body)
		if links >= 3 && p.declaresListing() || links >= 5 && linked*2 >= letters {
			return PageListing, "story links"
		}
	}
	// Letters, not words: Chinese and Japanese do not separate words. A
	// Han or kana character says about what three Latin letters say, a
	// Hangul syllable two.
	n := 0
	for _, r := range text {
		switch {
		case r < 0x1100:
			if unicode.IsLetter(r) {
				n++
			}
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
			n += 3
		case unicode.Is(unicode.Hangul, r):
			n += 2
		case unicode.IsLetter(r):
			n++
		}
	}
	// A headline over a run of prose is a story whatever the metadata
	// says; a short post needs a headline and a date or declared type.
	// A brief of a hundred words may set its headline in <b> or <font>.
	headline := p.headline() || n >= 300 && n < 500 && p.titleShown()
	dated := declared || pub.source != ""
	if n >= 500 || n >= 120 && (dated || headline) || n >= 40 && headline && dated {
		return PageArticle, ""
	}
	if p.linkedHeadings() {
		return PageListing, "linked headlines"
	}
	return PageOther, "too little prose"
}

// headline reports whether the page shows a headline: an h1 with text
// outside page chrome and related blocks.
func (p *page) headline() bool {
	for _, h := range p.h1 {
		if !inRelated(h) && !inChrome(h) && strings.ContainsFunc(textOf(h), unicode.IsLetter) {
			return true
		}
	}
	return false
}

// titleShown reports whether the page shows its title as a line of its
// own outside page chrome: a headline set in <b> or <font> rather than
// an h1, as older and smaller sites set it. It walks the page, so it is
// asked only of pages short of prose.
func (p *page) titleShown() bool {
	var titles []string
	for _, t := range []string{p.meta["og:title"], p.titleTag} {
		if t = p.stripSiteName(collapse(t)); len(t) >= 10 {
			titles = append(titles, t)
		}
	}
	if len(titles) == 0 {
		return false
	}
	found := false
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && !found; c = c.NextSibling {
			if c.Type != html.ElementNode || skipText(c) || c.DataAtom == atom.A {
				continue
			}
			if text, short := textUpTo(c, 200); short {
				for _, t := range titles {
					if similarTitle(text, t) && !inChrome(c) && !inRelated(c) {
						found = true
						return
					}
				}
			}
			walk(c)
		}
	}
	for c := p.doc.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Html {
			for b := c.FirstChild; b != nil; b = b.NextSibling {
				if b.Type == html.ElementNode && b.DataAtom == atom.Body {
					walk(b)
				}
			}
		}
	}
	return found
}

// rxNotFound is "page not found" as error pages title themselves, in the
// languages scoop reads.
var rxNotFound = regexp.MustCompile(`(?i)(^|\W)(404|error 404|not found|page not found|can.t be found|cannot be found|does not exist|no longer exists|nothing found|seite nicht gefunden|nicht gefunden|page introuvable|page non trouvée|página no encontrada|no se encontró|pagina non trovata|página não encontrada|pagina niet gevonden|sidan hittades inte|siden blev ikke fundet|siden finnes ikke|sivua ei löytynyt|strona nie (istnieje|została znaleziona)|nie znaleziono|stránka nenalezena|stránka neexistuje|страница не найдена|sayfa bulunamadı|halaman tidak ditemukan|ページが見つかりません|页面不存在|找不到页面|页面未找到|페이지를 찾을 수 없습니다)($|\W)`)

// notFoundHints are substrings one of which every rxNotFound match holds:
// a cheap test before the expression.
var notFoundHints = []string{"404", "found", "exist", "gefunden", "introuvable", "trouvée", "encontr", "trovata",
	"gevonden", "hittades", "fundet", "finnes", "löytynyt", "znalez", "istnieje", "nenalezena", "neexistuje",
	"найдена", "bulunamadı", "ditemukan", "見つかりません", "不存在", "找不到", "未找到", "찾을 수 없"}

// soft404 reports whether the page says it was not found: its title or
// its first headline is short and mostly that phrase. A story about
// error pages has a longer headline.
func (p *page) soft404() bool {
	cands := []string{p.titleTag}
	if len(p.h1) > 0 {
		cands = append(cands, textOf(p.h1[0]))
	}
	for _, c := range cands {
		c = collapse(c)
		if len(c) > 80 || !containsAny(strings.ToLower(c), notFoundHints...) {
			continue
		}
		if m := rxNotFound.FindStringIndex(c); m != nil {
			rest := strings.TrimSpace(p.stripSiteName(c[:m[0]] + c[m[1]:]))
			if len([]rune(strings.Trim(rest, " -–—|:·!.,()\"'"))) <= 30 {
				return true
			}
		}
	}
	return false
}

// listing reports whether most headings of a body are links, as on a
// section front where each headline leads to a story.
func listing(body *html.Node) bool {
	var headings, linked int
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if isHeading(c) {
				headings++
				if t := textOf(c); t != "" && linkDensity(c, t) > 0.8 {
					linked++
				}
				continue
			}
			walk(c)
		}
	}
	walk(body)
	return linked >= 3 && linked*2 >= headings
}

// storyLinks counts the links of body that lead to other stories with a
// headline-length text, the letters of their text and the letters of all
// of body's text. On a listing such links carry much of the text; in an
// article they are a few citations in long prose.
func (p *page) storyLinks(body *html.Node) (links, linked, letters int) {
	seen := map[string]bool{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			letters += countLetters(n.Data)
			return
		case n.Type != html.ElementNode || skipText(n):
			return
		case n.DataAtom == atom.A:
			t := textOf(n)
			if len(t) >= 20 && strings.Count(t, " ") >= 2 {
				if u, _ := p.storyURL(attr(n, "href")); u != "" && !seen[u] {
					seen[u] = true
					links++
					linked += countLetters(t)
				}
			}
			letters += countLetters(textOf(n))
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(body)
	return links, linked, letters
}

// declaresListing reports whether the page's structured data calls it a
// collection of items: a section front, a search page, a list.
func (p *page) declaresListing() bool {
	for _, o := range p.jsonLD {
		if isType(o["@type"], "CollectionPage", "ItemList", "SearchResultsPage") {
			return true
		}
	}
	return false
}

// linkedHeadings reports whether most of the page's headings, as it was
// published, are links: a section front whose teasers readability did
// not keep.
func (p *page) linkedHeadings() bool {
	var headings, linked int
	for _, h := range p.headings {
		if inChrome(h) {
			continue
		}
		headings++
		if t := textOf(h); t != "" && linkDensity(h, t) > 0.8 {
			linked++
		}
	}
	return linked >= 3 && linked*2 >= headings
}
