package scoop

import (
	"encoding/json"
	"net/url"
	"strings"
	"time"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// page holds what one walk over the parsed document finds before
// readability rewrites it: metadata, structured data and the short
// text lines that may carry a date or a source credit.
type page struct {
	doc       *html.Node
	url       *url.URL // the address given by the caller
	base      *url.URL // <base href>, else url
	lang      string
	titleTag  string
	canonical string
	meta      map[string]string // lower-cased name/property/itemprop -> first content
	jsonLD    []map[string]any  // every object found in JSON-LD, @graph flattened
	h1        []*html.Node
	times     []*html.Node
	lines     []line     // short text runs holding a year: date candidates
	h1At      []int      // for each h1, how much text came before it
	subheads  []line     // the first h2 and h3 elements and where they stand
	paras     []line     // the first paragraphs and where they stand, where a lead may be
	fetched   time.Time  // the fetch time relative dates count from; zero: not read
	relative  bool       // whether to collect relative date lines, read against fetched
	info      *pageInfo  // when not nil, the links the crawler follows, read in the same walk
	head      *html.Node // the headline, once headlineAt found it
	headAt    int
	headFound bool
	headings  []*html.Node // the first h2–h4, read only for refused pages
	textSeen  int          // visible text bytes walked so far
	credits   []*html.Node
	cutTexts  map[string]bool     // lines of the blocks cut from the article
	selfKeys  []string            // storyKeys of the page itself, once a link needs them
	mediaKeys map[string]bool     // stories whose card wears a video or gallery badge
	storyURLs map[string]pageURL  // storyURL's answers by href: blocks nest, and a link is read once per block around it
	subject   map[string]bool     // stems of the title and description, once a label needs them
	aboveHead map[*html.Node]bool // the elements that hold an h1, once the related walk asks
	feedSelf  map[*html.Node]bool // whether a list of boxes links the page itself, asked once per list
	order     *dateOrder          // how numeric dates read, once decided
	modEdited bool                // the modified date is a "last edited" line
}

// dateAttrs reports whether n carries a date in microdata, RDFa or
// hAtom, in an attribute or as its own text ("<span property="dc:date">
// 12.03.2025</span>", <abbr class="published" title="2013-04-04">), in
// one pass over its attributes: this runs on every element.
func dateAttrs(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "itemprop":
			if a.Val == "datePublished" || a.Val == "dateModified" || a.Val == "dateCreated" {
				return true
			}
		case "property":
			if rdfaDates[strings.ToLower(a.Val)] {
				return true
			}
		case "title":
			if t := a.Val; len(t) >= 10 && isDigit(t[0]) && t[4] == '-' && titleDate(n) {
				return true
			}
		default:
			if publishData(a.Key, a.Val) {
				return true
			}
		}
	}
	return false
}

// hatomDate reports whether n is an hAtom or hCalendar date element.
func hatomDate(n *html.Node) bool {
	for _, c := range strings.Fields(strings.ToLower(attr(n, "class"))) {
		switch c {
		case "published", "updated", "dtstart", "dtreviewed", "entry-date":
			return true
		}
	}
	return false
}

// rdfaDates are the RDFa properties that name a page's dates.
var rdfaDates = map[string]bool{
	"dc:date": true, "dcterms:date": true, "dc:created": true, "dcterms:created": true, "dcterms:issued": true,
	"dc:modified": true, "dcterms:modified": true, "schema:datepublished": true, "schema:datemodified": true,
	"schema:datecreated": true, "article:published_time": true, "article:modified_time": true,
}

// line is a short run of visible text and the element that holds it.
type line struct {
	node *html.Node
	text string
	at   int // visible text bytes before it, a position in reading order

	// The date the text reads as, parsed once in the page's numeric
	// order: several passes look at the same lines.
	date   time.Time
	dated  bool
	parsed bool

	// Where its published and updated labels are, found once each.
	pubAt, updAt     []int
	pubSeen, updSeen bool
}

// publishedLabel returns rxPublishedLabel.FindStringIndex of line i.
func (p *page) publishedLabel(i int) []int {
	l := &p.lines[i]
	if !l.pubSeen {
		l.pubAt, l.pubSeen = pubLabels.FindStringIndex(l.text), true
	}
	return l.pubAt
}

// updatedLabel returns rxUpdatedLabel.FindStringIndex of line i.
func (p *page) updatedLabel(i int) []int {
	l := &p.lines[i]
	if !l.updSeen {
		l.updAt, l.updSeen = updLabels.FindStringIndex(l.text), true
	}
	return l.updAt
}

// lineDate returns the date line i reads as.
func (p *page) lineDate(i int) (time.Time, bool) {
	l := &p.lines[i]
	if !l.parsed {
		l.date, l.dated = parseTextDate(l.text, p.numericOrder())
		l.parsed = true
	}
	return l.date, l.dated
}

func scanPage(doc *html.Node, u *url.URL) *page {
	p := &page{}
	p.scan(doc, u)
	return p
}

// scan walks the document once, recording what the page says about itself.
func (p *page) scan(doc *html.Node, u *url.URL) {
	p.doc, p.url, p.base, p.meta = doc, u, u, map[string]string{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			p.scanText(n)
			return
		case html.ElementNode:
			if !p.scanElement(n) {
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

// scanElement records what n says about the page and reports whether its
// children are worth visiting.
func (p *page) scanElement(n *html.Node) bool {
	if p.info != nil {
		p.info.add(n)
	}
	switch n.DataAtom {
	case atom.Html:
		p.lang = attr(n, "lang")
	case atom.Base:
		if b, err := p.url.Parse(strings.TrimSpace(attr(n, "href"))); err == nil && p.base == p.url {
			p.base = b
		}
	case atom.Title:
		// The document's title is its first <title>, in the head or
		// where stray text before it closed the head (svg titles are
		// never reached).
		if p.titleTag == "" && n.Namespace == "" {
			p.titleTag = textOf(n)
		}
		return false
	case atom.Link:
		if strings.EqualFold(attr(n, "rel"), "canonical") && p.canonical == "" {
			p.canonical = strings.TrimSpace(attr(n, "href"))
		}
	case atom.Meta:
		content := attr(n, "content")
		if content == "" {
			content = attr(n, "datetime")
		}
		for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
			if key := strings.ToLower(strings.TrimSpace(attr(n, k))); key != "" {
				if _, seen := p.meta[key]; !seen && content != "" {
					p.meta[key] = strings.TrimSpace(content)
				}
			}
		}
	case atom.Script:
		if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
			p.addJSONLD(n.FirstChild.Data)
		}
		return false
	case atom.Style, atom.Template, atom.Svg, atom.Noscript:
		return false
	case atom.H1:
		p.h1 = append(p.h1, n)
		p.h1At = append(p.h1At, p.textSeen)
	case atom.Time:
		p.times = append(p.times, n)
	case atom.P:
		if len(p.paras) < maxLeadParas {
			p.paras = append(p.paras, line{node: n, at: p.textSeen})
		}
	case atom.H2, atom.H3, atom.H4:
		if n.DataAtom != atom.H4 && len(p.subheads) < 30 {
			p.subheads = append(p.subheads, line{node: n, at: p.textSeen})
		}
		if len(p.headings) < 100 {
			p.headings = append(p.headings, n)
		}
	}
	if n.DataAtom != atom.Time && n.DataAtom != atom.Meta && len(n.Attr) > 0 && dateAttrs(n) {
		p.times = append(p.times, n)
	}
	return true
}

func (p *page) scanText(n *html.Node) {
	s := n.Data
	at := p.textSeen
	p.textSeen += len(strings.TrimSpace(s))
	if len(s) > 400 || n.Parent == nil {
		return
	}
	if ascii, ok := asciiDigits(s); ok {
		s = ascii
	}
	if p.relative && len(s) <= 60 && relativeHint(s) {
		p.lines = append(p.lines, line{node: n.Parent, text: collapse(s), at: at})
		return
	}
	// Every date form scoop reads has a four-digit year, but for a short
	// dotted date standing alone ("28.01.22").
	if hasYear(s) || len(s) <= 40 && strings.Count(s, ".") >= 2 && rxShortDate.MatchString(strings.TrimSpace(s)) || weekdayDateLike(s) ||
		len(s) <= 40 && strings.Count(s, "/") == 2 && rxShortSlashDate.MatchString(strings.TrimSpace(s)) {
		p.lines = append(p.lines, lineOfDate(n, s, at))
	}
	if creditPrefix(s) {
		p.credits = append(p.credits, n.Parent)
	}
}

// siblingLabel returns the label a date's block follows, with a space,
// or "": pages set "Mise en ligne" and its date in two blocks side by side
// (<dt>Published</dt><dd>3 May 2019</dd>, <p class="title">…</p><p
// class="content">…</p>).
func siblingLabel(el *html.Node) string {
	prev := prevElement(el)
	if prev == nil {
		return ""
	}
	t, short := shownTextUpTo(prev, 32)
	if !short || t == "" || strings.IndexFunc(t, unicode.IsDigit) >= 0 || !pubLabels.MatchString(t) && !updLabels.MatchString(t) {
		return ""
	}
	return t + " "
}

// hasYear reports whether s holds a year from 1900 to 2099 standing
// alone as four digits.
func hasYear(s string) bool {
	// This runs on every text node of a page: the second digit of
	// "19xx" and "20xx" is looked for with IndexByte, which is fast on
	// prose that has none.
	return yearAfter(s, '2', '0') || yearAfter(s, '1', '9')
}

// yearAfter reports whether s holds a year that hasYear counts whose
// first two digits are first and second.
func yearAfter(s string, first, second byte) bool {
	for k := 1; k+2 < len(s); k++ {
		j := strings.IndexByte(s[k:len(s)-2], second)
		if j < 0 {
			return false
		}
		k += j
		if s[k-1] == first && yearAt(s, k-1) {
			return true
		}
	}
	return false
}

// yearAt reports whether s holds at i a year that hasYear counts.
func yearAt(s string, i int) bool {
	return (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigit(s[i+2]) && isDigit(s[i+3]) &&
		(i == 0 || !isDigit(s[i-1])) && (i+4 == len(s) || !isDigit(s[i+4]))
}

// scanWeekdays adds the weekday names s mentions to found.
func scanWeekdays(s string, found map[string]bool) {
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && isWordByte(s[j]) {
			j++
		}
		if j > i {
			if j-i >= 5 && j-i <= 10 {
				if wd, ok := weekdayNames[strings.ToLower(s[i:j])]; ok {
					found[wd] = true
				}
			}
			i = j
			continue
		}
		i++
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func (p *page) addJSONLD(s string) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "<![CDATA[")
	s = strings.TrimSuffix(s, "]]>")
	var v any
	if json.Unmarshal([]byte(s), &v) != nil {
		return
	}
	var add func(any, int)
	add = func(v any, depth int) {
		if depth > 4 {
			return
		}
		switch v := v.(type) {
		case []any:
			for _, e := range v {
				add(e, depth+1)
			}
		case map[string]any:
			if g, ok := v["@graph"]; ok {
				add(g, depth+1)
			}
			if _, ok := v["@type"]; ok {
				p.jsonLD = append(p.jsonLD, v)
			}
		}
	}
	add(v, 0)
}

// article returns the JSON-LD object that describes the page's article:
// the first of an article type, else the first with a headline or date.
func (p *page) article() map[string]any {
	for _, o := range p.jsonLD {
		if isArticleType(o["@type"]) {
			return o
		}
	}
	for _, o := range p.jsonLD {
		if _, ok := o["datePublished"]; ok {
			if !isType(o["@type"], "ItemList", "ListItem", "BreadcrumbList", "Organization", "Person", "WebSite", "ImageObject") {
				return o
			}
		}
	}
	return nil
}

func isArticleType(t any) bool {
	return isType(t, "Article", "NewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
		"ReportageNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "BlogPosting",
		"LiveBlogPosting", "Report", "TechArticle", "ScholarlyArticle", "SocialMediaPosting",
		"SatiricalArticle", "AskPublicNewsArticle", "Review")
}

// isType reports whether a JSON-LD @type, a string or a list, names one of types.
func isType(t any, types ...string) bool {
	switch t := t.(type) {
	case string:
		t = strings.TrimPrefix(strings.TrimPrefix(t, "http://schema.org/"), "https://schema.org/")
		for _, x := range types {
			if strings.EqualFold(t, x) {
				return true
			}
		}
	case []any:
		for _, e := range t {
			if isType(e, types...) {
				return true
			}
		}
	}
	return false
}

// ldString returns a JSON-LD value as text: a string, the first string of
// a list, or the name/url/@id of an object.
func ldString(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case []any:
		for _, e := range v {
			if s := ldString(e); s != "" {
				return s
			}
		}
	case map[string]any:
		for _, k := range []string{"name", "url", "@id"} {
			if s, ok := v[k].(string); ok && s != "" {
				return strings.TrimSpace(s)
			}
		}
	}
	return ""
}

// ldName returns the name of a JSON-LD person or organization: its own
// "name", else the name of the node its "@id" points to elsewhere on the
// page (a @graph's publisher is often only a reference). It never returns
// an address or an identifier.
func (p *page) ldName(v any) string {
	switch v := v.(type) {
	case string:
		if v = strings.TrimSpace(v); !strings.Contains(v, "://") && !strings.HasPrefix(v, "#") && !strings.HasPrefix(v, "/") {
			return v
		}
	case []any:
		for _, e := range v {
			if s := p.ldName(e); s != "" {
				return s
			}
		}
	case map[string]any:
		if s := p.ldName(v["name"]); s != "" {
			return s
		}
		if id, ok := v["@id"].(string); ok && id != "" {
			for _, o := range p.jsonLD {
				if o["@id"] == id {
					if s, ok := o["name"]; ok {
						return p.ldName(s)
					}
				}
			}
		}
	}
	return ""
}

// resolve returns ref as an absolute http(s) URL against the page base,
// or "" when it is not one.
func (p *page) resolve(ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.HasPrefix(ref, "#") {
		return ""
	}
	u, err := p.base.Parse(ref)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// language returns the page's language tag: the html lang attribute, else
// what its metadata declares.
func (p *page) language() string {
	for _, s := range []string{p.lang, p.meta["content-language"], p.meta["og:locale"], p.meta["language"], p.meta["inlanguage"]} {
		if s = strings.TrimSpace(s); s != "" {
			return strings.ReplaceAll(s, "_", "-")
		}
	}
	if a := p.article(); a != nil {
		return ldString(a["inLanguage"])
	}
	return ""
}
