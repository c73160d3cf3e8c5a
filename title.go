package scoop

// The article's title: the visible headline when metadata confirms it,
// else a metadata title without the site's name.

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// title returns the headline once: the visible h1 when it agrees with a
// metadata title, else the metadata title without the site name.
func (p *page) title(readTitle string) string {
	var cands []string
	if a := p.article(); a != nil {
		cands = append(cands, collapse(ldString(a["headline"])))
	}
	for _, s := range []string{p.meta["og:title"], p.meta["twitter:title"], readTitle, p.titleTag} {
		cands = append(cands, collapse(s))
	}
	checked := 0
	for _, h := range p.h1 {
		if checked == 4 {
			break
		}
		if inRelated(h) || inChrome(h) {
			continue
		}
		checked++
		t := textOf(h)
		for _, c := range cands {
			if similarTitle(t, c) {
				if k := kicker(h); k != "" && c != t && strings.HasPrefix(t, k) && strings.HasSuffix(t, c) {
					return c // "<h1><em>Kicker</em> Headline</h1>": the headline alone
				}
				return t
			}
		}
	}
	// Without a visible headline, trust a title another source confirms:
	// some sites put a description in JSON-LD headline.
	for i, c := range cands {
		for j, d := range cands {
			if c != "" && i != j && similarTitle(c, d) {
				return p.stripSiteName(c)
			}
		}
	}
	for _, c := range cands {
		if c != "" {
			return p.stripSiteName(c)
		}
	}
	return ""
}

// kicker returns the text of the element that opens the headline h, when
// other text follows it: the kicker some sites set inside their h1.
func kicker(h *html.Node) string {
	c := h.FirstChild
	for c != nil && c.Type == html.TextNode && strings.TrimSpace(c.Data) == "" {
		c = c.NextSibling
	}
	if c == nil || c.Type != html.ElementNode || c.NextSibling == nil {
		return ""
	}
	return textOf(c)
}

// similarTitle reports whether the headline h is title t, or t with a
// site name or section around it.
func similarTitle(h, t string) bool {
	h, t = strings.ToLower(h), strings.ToLower(t)
	if len(h) < 10 || t == "" {
		return false
	}
	if h == t || strings.Contains(h, t) && len(t)*2 >= len(h) {
		return true
	}
	if !strings.Contains(t, h) {
		return false
	}
	if len(h)*2 >= len(t) {
		return true
	}
	for _, sep := range titleSeparators {
		if strings.HasPrefix(t, h+sep) || strings.HasSuffix(t, sep+h) {
			return true
		}
	}
	return false
}

var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / "}

// stripSiteName removes "| Site" and "Site |" parts of a title that name
// the site, its publisher or its host.
func (p *page) stripSiteName(t string) string {
	names := []string{p.meta["og:site_name"], p.meta["application-name"], p.meta["apple-mobile-web-app-title"]}
	if a := p.article(); a != nil {
		names = append(names, p.ldName(a["publisher"]))
	}
	host := strings.TrimPrefix(strings.ToLower(p.url.Hostname()), "www.")
	if i := strings.IndexByte(host, '.'); i > 0 {
		names = append(names, host[:i])
	}
	isSite := func(part string) bool {
		part = strings.ToLower(strings.TrimSpace(part))
		squashed := strings.ReplaceAll(part, " ", "")
		for _, n := range names {
			n = strings.ToLower(strings.TrimSpace(n))
			if n != "" && (part == n || strings.Contains(part, n) && len(part) < 2*len(n)+8 || squashed == strings.ReplaceAll(n, " ", "")) {
				return true
			}
		}
		return false
	}
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(t, sep); i > 0 && isSite(t[i+len(sep):]) {
			return strings.TrimSpace(t[:i])
		}
		if i := strings.Index(t, sep); i > 0 && isSite(t[:i]) {
			return strings.TrimSpace(t[i+len(sep):])
		}
	}
	return stripCJKSite(t, isSite)
}

// cjkSiteWords end the names of Chinese, Japanese and Korean news sites,
// which titles append without spaces: "…-新华网", "…｜東京新聞".
var cjkSiteWords = []string{"网", "網", "报", "報", "新闻", "新聞", "在线", "频道", "頻道", "ニュース", "新聞社", "뉴스", "일보", "신문"}

// stripCJKSite removes a site name appended to a CJK title with a
// separator and no spaces, when it is the site's name or reads as one.
func stripCJKSite(t string, isSite func(string) bool) string {
	i := strings.LastIndexAny(t, "-_|｜－—–")
	if i <= 0 || !strings.ContainsFunc(t[:i], isCJK) {
		return t
	}
	_, w := utf8.DecodeRuneInString(t[i:])
	suffix := strings.TrimSpace(t[i+w:])
	if n := utf8.RuneCountInString(suffix); n == 0 || n > 12 {
		return t
	}
	for _, word := range cjkSiteWords {
		if strings.HasSuffix(suffix, word) {
			return strings.TrimSpace(t[:i])
		}
	}
	if isSite(suffix) {
		return strings.TrimSpace(t[:i])
	}
	return t
}

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}
