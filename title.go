package scoop

// The article's title: the visible headline when metadata confirms it,
// else a metadata title without the site's name.

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
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
	// An h1 that is a short part of a title ("Steinzeit & Co" of
	// "Werkzeuge des Neandertalers | Steinzeit & Co") may be the site's
	// name: an h1 below that is more of the title is the headline.
	part := ""
h1s:
	for _, h := range p.h1 {
		if checked == 4 {
			break
		}
		if inRelated(h) || inChrome(h) || p.homeLink(h) {
			continue
		}
		checked++
		t := textOf(h)
		for _, c := range cands {
			if similarTitle(t, c) {
				if k := kicker(h); k != "" && c != t && strings.HasPrefix(t, k) && strings.HasSuffix(t, c) {
					return c // "<h1><em>Kicker</em> Headline</h1>": the headline alone
				}
				if 2*len(t) < len(c) && !strings.HasPrefix(c, t) {
					if part == "" {
						part = t
					}
					continue h1s
				}
				return t
			}
		}
		// A kicker the metadata words otherwise ("<h1><span>Nach
		// Corona-Lockerungen</span> Autohäuser …</h1>" against
		// "Corona-Lockerungen: Autohäuser …"): the headline after it.
		if k := kicker(h); k != "" && strings.HasPrefix(t, k) {
			rest := strings.TrimSpace(t[len(k):])
			for _, c := range cands {
				if len(rest) >= 20 && (similarTitle(rest, c) || similarTitle(rest, p.stripSiteName(c))) {
					return rest
				}
			}
		}
	}
	// A heading that repeats one part of a title with separators
	// ("Site - Section » Headline") names the story, the longest such
	// part when a section heading repeats another.
	if h := p.titlePartHeading(metaTitle(cands), collapse(p.titleTag)); len(h) > len(part) {
		return h
	}
	if part != "" {
		return part
	}
	t := metaTitle(cands)
	if t != "" {
		// A title cut down to the site's name by a source that split the
		// <title> ("Site » Blog Archive") leaves nothing: <title> has it.
		if t = p.stripSiteName(t); t == "" {
			t = p.stripSiteName(collapse(p.titleTag))
		}
	}
	// A <title> that holds only the site's or a section's name ("Edmonton
	// Sun", "NY1: Top Stories") is short and shares no word with the
	// story's address; the headline on the page does.
	if h := p.visibleHeadline(t); h != "" {
		return h
	}
	return t
}

// titlePartHeading returns the text of an h1, h2 or h3 outside chrome and
// related blocks that is the longest part, between separators, of one of
// the titles given (the metadata's and <title>), other than a part that
// names the site.
func (p *page) titlePartHeading(titles ...string) string {
	isSite := p.siteParts()
	// Each part by its lower-cased text, and the text after its kicker
	// ("'Star Wars': A Trip to a Far Galaxy"), which a heading may show
	// alone as the headline.
	parts := map[string]string{}
	for _, c := range titles {
		seps := separatorsIn(c)
		from := 0
		for k := 0; k <= len(seps) && len(seps) > 0; k++ {
			to := len(c)
			if k < len(seps) {
				to = seps[k][0]
			}
			if seg := strings.TrimSpace(c[from:to]); utf8.RuneCountInString(seg) >= 12 && !isSite(seg) {
				parts[strings.ToLower(seg)] = seg
				if _, rest, ok := strings.Cut(seg, ": "); ok && utf8.RuneCountInString(rest) >= 12 {
					parts[strings.ToLower(rest)] = rest
				}
			}
			if k < len(seps) {
				from = seps[k][1]
			}
		}
	}
	if len(parts) == 0 {
		return ""
	}
	best := ""
	try := func(h *html.Node) {
		if inRelated(h) || inChrome(h) || p.homeLink(h) {
			return
		}
		if t, short := textUpTo(h, 300); short {
			if seg, ok := parts[strings.ToLower(t)]; ok && len(seg) > len(best) {
				best = seg
			}
		}
	}
	for _, h := range p.h1 {
		try(h)
	}
	for _, l := range p.subheads {
		try(l.node)
	}
	return best
}

// homeLink reports whether all the heading h shows is a link to a site's
// home page: a blog's name set in its h1 above every post.
func (p *page) homeLink(h *html.Node) bool {
	if !soleLink(h) {
		return false
	}
	a := h
	for a.DataAtom != atom.A {
		a = soleChild(a)
	}
	u, err := url.Parse(p.resolve(attr(a, "href")))
	return err == nil && u.Host != "" && strings.Trim(u.Path, "/") == "" && u.RawQuery == ""
}

// metaTitle returns the title metadata gives. Without a visible headline
// to confirm, a title another source confirms comes first: some sites put
// a description in JSON-LD headline.
func metaTitle(cands []string) string {
	for i, c := range cands {
		for j, d := range cands {
			if c != "" && i != j && similarTitle(c, d) {
				return c
			}
		}
	}
	for _, c := range cands {
		if c != "" {
			return c
		}
	}
	return ""
}

// visibleHeadline returns the page's h1, or else its first h2 or h3, when
// the address's slug confirms it and does not confirm the metadata title
// t; without a title, an h1 needs no confirmation.
func (p *page) visibleHeadline(t string) string {
	noTitle := t == ""
	slug := slugWords(p.url.Path)
	confirms := func(s string) int {
		n := 0
		for _, w := range titleWords(s) {
			if slug[w] {
				n++
			}
		}
		return n
	}
	// A name is a few words; a headline the slug does not echo is still
	// a headline.
	if !noTitle && (len(slug) < 3 || len(strings.Fields(t)) > 4 || confirms(t) > 0) {
		return ""
	}
	for _, h := range p.h1 {
		if inRelated(h) || inChrome(h) || p.homeLink(h) {
			continue
		}
		if text := textOf(h); text != "" && len(text) <= 300 && (noTitle || confirms(text) >= 2) {
			return text
		}
		break
	}
	for _, l := range p.subheads {
		if inRelated(l.node) || inChrome(l.node) {
			continue
		}
		if text := textOf(l.node); len(text) <= 300 && len(slug) >= 3 && confirms(text) >= 2 {
			return text
		}
	}
	return ""
}

// slugWords returns the words of three letters or more in the last
// segment of an address's path ("council-approves-harbour-wall").
func slugWords(path string) map[string]bool {
	path = strings.TrimRight(path, "/")
	seg := path[strings.LastIndexByte(path, '/')+1:]
	if dot := strings.LastIndexByte(seg, '.'); dot > 0 {
		seg = seg[:dot]
	}
	words := map[string]bool{}
	for _, w := range titleWords(seg) {
		words[w] = true
	}
	return words
}

// titleWords splits s into lower-case words of three letters or more,
// with Latin accents folded as slugs fold them.
func titleWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if utf8.RuneCountInString(w) >= 3 {
			out = append(out, foldAccents(w))
		}
	}
	return out
}

// foldAccents maps accented Latin letters to the ASCII letters slugs use.
func foldAccents(w string) string {
	if utf8.RuneCountInString(w) == len(w) {
		return w
	}
	return accentFolder.Replace(w)
}

var accentFolder = strings.NewReplacer("á", "a", "à", "a", "â", "a", "ä", "a", "ã", "a", "å", "a", "é", "e", "è", "e", "ê", "e", "ë", "e",
	"í", "i", "ì", "i", "î", "i", "ï", "i", "ó", "o", "ò", "o", "ô", "o", "ö", "o", "õ", "o", "ø", "o", "ú", "u", "ù", "u", "û", "u", "ü", "u",
	"ñ", "n", "ç", "c", "ß", "ss", "ł", "l", "ś", "s", "ź", "z", "ż", "z", "ć", "c", "ń", "n", "ę", "e", "ą", "a", "č", "c", "ř", "r", "š", "s", "ž", "z", "ý", "y", "ě", "e", "ů", "u")

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
	if strings.ContainsAny(h+t, typoMarks) {
		// A title written with straight quotes ("Editor's Letter") is
		// the headline set with typographic ones ("Editor’s Letter").
		h, t = typoFolder.Replace(h), typoFolder.Replace(t)
	}
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
	// The headline shown is one part of the title, between separators
	// or its ends: "Kicker: Headline - Site", "Headline | Section | Site".
	i := strings.Index(t, h)
	before, after := t[:i], t[i+len(h):]
	colon := strings.HasSuffix(before, ": ") && len(before) > 2
	return (before == "" || colon || separatorEnds(before, strings.HasSuffix)) && (after == "" || separatorEnds(after, strings.HasPrefix))
}

// separatorEnds reports whether s ends (or starts, with HasPrefix) with a
// title separator.
func separatorEnds(s string, at func(s, sep string) bool) bool {
	for _, sep := range titleSeparators {
		if at(s, sep) {
			return true
		}
	}
	return false
}

// typoMarks are the typographic quotes and dashes typoFolder folds.
const typoMarks = "‘’‚‛“”„‟«»‹›–—"

var typoFolder = strings.NewReplacer("‘", "'", "’", "'", "‚", "'", "‛", "'", "“", `"`, "”", `"`, "„", `"`, "‟", `"`,
	"«", `"`, "»", `"`, "‹", "'", "›", "'", "–", "-", "—", "-")

var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " : ", " · ", " » ", " > ", " / ", " • "}

// stripSiteName removes "| Site" and "Site |" parts of a title that name
// the site, its publisher or its host, and the archive words of blog
// themes ("Site » Blog Archive » Title"). A title that is all such parts
// comes back empty; one without separators comes back whole.
func (p *page) stripSiteName(t string) string {
	isSite := p.siteParts()
	seps := separatorsIn(t)
	if len(seps) == 0 {
		return stripCJKSite(t, isSite)
	}
	// Segment k runs from segStart(k) to segEnd(k).
	segStart := func(k int) int {
		if k == 0 {
			return 0
		}
		return seps[k-1][1]
	}
	segEnd := func(k int) int {
		if k == len(seps) {
			return len(t)
		}
		return seps[k][0]
	}
	first := 0
	for first < len(seps) && isSite(t[segStart(first):segEnd(first)]) {
		first++
	}
	// The site may be followed by its slogan ("Title : Site | Slogan |
	// Since 2005"): the title ends where the first segment that names
	// the site begins.
	last := first
	for last < len(seps) && !isSite(t[segStart(last+1):segEnd(last+1)]) {
		last++
	}
	if first == 0 && last == len(seps) {
		return stripCJKSite(t, isSite)
	}
	out := strings.TrimSpace(t[segStart(first):segEnd(last)])
	if first == len(seps) && isSite(out) {
		return ""
	}
	return out
}

// siteParts returns a test of whether a part of a title names the site,
// its publisher or its host, or is a blog theme's archive words.
func (p *page) siteParts() func(string) bool {
	names := []string{p.meta["og:site_name"], p.meta["application-name"], p.meta["apple-mobile-web-app-title"]}
	if a := p.article(); a != nil {
		names = append(names, p.ldName(a["publisher"]))
	}
	host := strings.TrimPrefix(strings.ToLower(p.url.Hostname()), "www.")
	if i := strings.IndexByte(host, '.'); i > 0 {
		names = append(names, host[:i])
	}
	// A blog's name set in its h1 as a link to its home page.
	for _, h := range p.h1 {
		if p.homeLink(h) {
			names = append(names, textOf(h))
		}
	}
	return func(part string) bool {
		part = strings.ToLower(strings.TrimSpace(part))
		if archiveWords[part] {
			return true
		}
		squashed := strings.ReplaceAll(part, " ", "")
		for _, n := range names {
			n = strings.ToLower(strings.TrimSpace(n))
			if n != "" && (part == n || strings.Contains(part, n) && len(part) < 2*len(n)+8 || squashed == strings.ReplaceAll(n, " ", "")) {
				return true
			}
		}
		return false
	}
}

// archiveWords are the parts blog themes add to a post's title.
var archiveWords = map[string]bool{"blog archive": true, "blog archiv": true, "blog archives": true, "archives": true, "archive": true, "archiv": true}

// separatorsIn returns the start and end of each title separator in t,
// in order.
func separatorsIn(t string) [][2]int {
	var out [][2]int
	for i := 0; i < len(t); i++ {
		if t[i] != ' ' {
			continue
		}
		for _, sep := range titleSeparators {
			if strings.HasPrefix(t[i:], sep) {
				out = append(out, [2]int{i, i + len(sep)})
				i += len(sep) - 1 // separators do not overlap
				break
			}
		}
	}
	return out
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
