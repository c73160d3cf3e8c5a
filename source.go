package scoop

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// rxCredit matches the start of a line that credits the original
// publisher of a story.
var rxCredit = regexp.MustCompile(`(?i)^[^\pL\pN]{0,3}(?:(?:news|original|story|article)\s+)?(?:source|quelle|fuente|fonte|bron)\s*:|^[^\pL\pN]{0,3}(?:this\s+(?:story|article|post|piece|report)\s+(?:was\s+|is\s+)?(?:(?:first|originally)\s+(?:published|appeared|ran)|(?:produced|reported|written|published)\s+(?:by|in\s+partnership\s+with)|republished|shared)|(?:first|originally)\s+(?:published|appeared|posted)\s+(?:by|at|in|on)|(?:read|view)\s+(?:the\s+)?original\s+(?:story|article)|republished\s+(?:with\s+permission\s+)?from|ursprünglich\s+erschienen|initialement\s+publié|publicado\s+originalmente|originariamente\s+pubblicato)`)

// rxBareSource is a credit line that says only "Source:", as charts do.
var rxBareSource = regexp.MustCompile(`(?i)^[^\pL\pN]{0,3}(?:source|quelle|fuente|fonte|bron)\s*:`)

var rxArticlePath = regexp.MustCompile(`/(?:19|20)\d\d[/-]|\d{5,}|[^/]*[-_][^/]*[-_][^/]*/?$`)

// articleLike reports whether a URL's path looks like a story's: a date,
// a long number, or a slug of three words or more.
func articleLike(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && rxArticlePath.MatchString(u.Path)
}

var rxBareURL = regexp.MustCompile(`https?://[^\s"'<>]+`)

// creditWords are the first words a credit line can start with; checking
// them first keeps the regular expression off most text.
var creditWords = wordSet(`news original story article source quelle fuente fonte bron this first
	originally read view republished ursprünglich initialement publicado originariamente`)

func creditPrefix(s string) bool {
	// ASCII white space and punctuation are skipped byte by byte: many
	// text nodes are only indentation.
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && !isASCIILetter(s[i]) {
		i++
	}
	s = strings.TrimLeftFunc(s[i:], func(r rune) bool { return !unicode.IsLetter(r) })
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(s)
	}
	// The longest credit word has 16 bytes; most text nodes start with
	// another word, told apart before any allocation: an ASCII word is
	// lower-cased on the stack.
	if end == 0 || end > 16 {
		return false
	}
	var buf [16]byte
	word := buf[:end]
	for i := range word {
		c := s[i]
		if c >= utf8.RuneSelf {
			return creditWords[strings.ToLower(s[:end])] && rxCredit.MatchString(s)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		word[i] = c
	}
	return creditWords[string(word)] && rxCredit.MatchString(s)
}

func isASCIILetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// credit is a line naming where a story was first published.
type credit struct {
	block *html.Node // the line's element, removed from the body
	url   string
}

// credits finds the source credits in the page's content: lines that
// start like "News Source :" or "Originally published at" and carry a
// link or a URL to another site. Their blocks are detached, so the credit
// line never reaches the body text.
func (p *page) sourceCredits() []credit {
	var out []credit
	for _, n := range p.credits {
		if inRelated(n) || inChrome(n) {
			continue
		}
		block := n
		for !isBlock(block) && block.Parent != nil && block.Parent.Type == html.ElementNode {
			block = block.Parent
		}
		text := textOf(block)
		if len(text) > 300 || !creditPrefix(text) {
			continue
		}
		// A credit whose only link is the publisher's home page still
		// leaves the body, but names no source story. A bare "Source:"
		// also labels charts and data, so its link must look like a story.
		u := p.creditURL(block, text)
		if u != "" && rxBareSource.MatchString(text) && !articleLike(u) {
			u = ""
		}
		out = append(out, credit{block, u})
	}
	return out
}

// creditURL returns the link of a credit line that leaves the page's site,
// else a URL written out in its text.
func (p *page) creditURL(block *html.Node, text string) string {
	var found string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if found != "" {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			if u := p.resolve(attr(n, "href")); u != "" && !sameSite(u, p.url) && !homePage(u) {
				found = u
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(block)
	if found == "" {
		if m := rxBareURL.FindString(text); m != "" {
			if u := p.resolve(strings.TrimRight(m, ".,;)")); !homePage(u) {
				found = u
			}
		}
	}
	return found
}

// homePage reports whether u is a site's front page, which credits a
// publisher but not a story.
func homePage(u string) bool {
	pu, err := url.Parse(u)
	return err != nil || strings.Trim(pu.Path, "/") == ""
}

// sameSite reports whether two URLs share a host, ignoring a leading www.
func sameSite(a string, b *url.URL) bool {
	u, err := url.Parse(a)
	if err != nil {
		return false
	}
	trim := func(h string) string { return strings.TrimPrefix(strings.ToLower(h), "www.") }
	return trim(u.Hostname()) == trim(b.Hostname())
}

// canonicalURL returns the page's own absolute canonical URL, else "".
func (p *page) canonicalURL() string {
	for _, s := range []string{p.canonical, p.meta["og:url"]} {
		if u := p.resolve(s); u != "" {
			return u
		}
	}
	return ""
}

// sourceURL decides where a story was first published: an explicit
// credit, then a canonical or og:url pointing at another site (the mark of
// a syndicated copy), then the JSON-LD isBasedOn, else the page itself,
// pageURL.
func (p *page) sourceURL(credits []credit, pageURL string) string {
	for _, c := range credits {
		if c.url != "" {
			return c.url
		}
	}
	for _, s := range []string{p.canonical, p.meta["og:url"]} {
		if u := p.resolve(s); u != "" && !sameSite(u, p.url) {
			return u
		}
	}
	if a := p.article(); a != nil {
		if u := p.resolve(ldString(a["isBasedOn"])); u != "" && !sameSite(u, p.url) {
			return u
		}
	}
	return pageURL
}
