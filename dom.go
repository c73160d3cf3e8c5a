package scoop

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// attr returns the value of the named attribute of n, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

// hints returns the lower-cased class and id of n, the words sites use to
// say what a block is.
func hints(n *html.Node) string {
	c, id := attr(n, "class"), attr(n, "id")
	if c == "" && id == "" {
		return ""
	}
	return strings.ToLower(c + " " + id)
}

// skipText reports whether an element holds no reader-visible text.
func skipText(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Iframe, atom.Head, atom.Select, atom.Button:
		return true
	}
	return false
}

// textOf returns the visible text of n with whitespace collapsed.
func textOf(n *html.Node) string {
	t, _ := textUpTo(n, -1)
	return t
}

// textUpTo is textOf for callers that only want short texts: it gives up
// once the text passes limit bytes, reporting false with the text so far,
// so that asking about every block of a page stays linear. A negative
// limit means none.
func textUpTo(n *html.Node, limit int) (string, bool) {
	// Most texts asked for are short: they are built on the stack and
	// copied once into the string, where a strings.Builder would grow
	// through several allocations.
	var buf [256]byte
	b, ok := appendText(buf[:0], n, limit, false)
	return string(bytes.TrimSpace(b)), ok
}

// fitsIn reports whether n's text is at most limit bytes, as textUpTo
// does, without building the text: most callers ask only that.
func fitsIn(n *html.Node, limit int) bool {
	var buf [512]byte
	_, ok := appendText(buf[:0], n, limit, false)
	return ok
}

// shownTextUpTo is textUpTo without the text of hidden elements, for
// lines read as what the page shows: a theme's hidden "updated" stamp
// beside the visible date is not the dateline.
func shownTextUpTo(n *html.Node, limit int) (string, bool) {
	var buf [256]byte
	b, ok := appendText(buf[:0], n, limit, true)
	return string(bytes.TrimSpace(b)), ok
}

func appendText(b []byte, n *html.Node, limit int, shown bool) ([]byte, bool) {
	if n.Type == html.TextNode {
		if shown && len(b) > 0 && isDigit(b[len(b)-1]) && n.Data != "" && isDigit(n.Data[0]) {
			// Two elements set side by side, "<time>19.11.2021</time><time>
			// 10:13</time>", read as two numbers, not "19.11.202110:13".
			b = append(b, ' ')
		}
		b = appendCollapsed(b, n.Data)
		return b, limit < 0 || len(b) <= limit+1
	}
	if n.Type == html.ElementNode && (skipText(n) || shown && len(n.Attr) > 0 && hiddenElement(n)) {
		return b, true
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.Br {
		b = appendCollapsed(b, " ")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		var ok bool
		if b, ok = appendText(b, c, limit, shown); !ok {
			return b, false
		}
	}
	return b, true
}

// hintBits returns the kinds of block n's class and id name, as the OR
// of the bits that vocab gives their words. Words are split at spaces,
// dashes, underscores and camelCase humps, and neighbours are also tried
// joined in pairs and triples, so "read-next" and "readNext" both give
// "readnext". It runs on every element, so it does not allocate (but
// for the rare class list that holds a flag it drops).
func hintBits(n *html.Node, vocab *wordBits) uint {
	var bits uint
	var buf [96]byte
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		if a.Key == "class" && strings.Contains(a.Val, flagPromoted) {
			a.Val = dropClass(a.Val, flagPromoted)
		}
		// ends[i] is where word i stops in buf; the words of one class
		// name are stored back to back, so joins are slices of buf.
		var ends [16]int
		words, w := 0, 0
		// negated is set when a class name opens with a word that
		// negates the rest ("hide-read-more-ad", "no-ads"): its words
		// say what the element lacks, not what it is. hook is set when
		// it opens with "js".
		negated, hook := false, false
		endWord := func() {
			if words == len(ends) || w == 0 || words > 0 && w == ends[words-1] {
				return
			}
			ends[words] = w
			words++
			if words == 1 && negationWord(buf[:w]) {
				negated = true
			}
			// A class name that opens with "js" is a script's hook
			// ("js-outbrain-anchor", where a widget will be appended):
			// the widget it names is not the element.
			if words == 1 && string(buf[:w]) == "js" {
				hook = true
			}
			if negated {
				return
			}
			for k := max(0, words-3); k < words; k++ {
				from := 0
				if k > 0 {
					from = ends[k-1]
				}
				b := vocab.bitsOf(buf[from:w])
				if hook {
					b &^= hintSponsored
				}
				bits |= b
			}
		}
		for i := 0; i < len(a.Val) && w < len(buf); i++ {
			switch c := a.Val[i]; {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r':
				endWord()
				words, w, negated, hook = 0, 0, false, false
			case c == '-' || c == '_' || c == '.' || c == ':' || c == '/':
				endWord()
			case c >= 'A' && c <= 'Z':
				if i > 0 && a.Val[i-1] >= 'a' && a.Val[i-1] <= 'z' {
					endWord()
				}
				buf[w] = c + 'a' - 'A'
				w++
			default:
				buf[w] = c
				w++
			}
		}
		endWord()
	}
	return bits
}

// negationWord reports whether w, the first word of a class name, negates
// the words after it: "hide", "no", "without", "disable", "sans".
func negationWord(w []byte) bool {
	switch string(w) { // no allocation: the conversion is only compared
	case "hide", "no", "without", "disable", "sans":
		return true
	}
	return false
}

// wordBits maps words to bits. Most class words and joins of them are
// not in it; a bit set indexed by length, first and last byte rules out
// nearly all of those before the map is asked, as hintBits asks several
// times per element.
type wordBits struct {
	bits  map[string]uint
	maybe [wordFilterSize / 64]uint64
}

const wordFilterSize = 4096

func wordFilterIndex(w []byte) uint {
	return (uint(len(w))*131 + uint(w[0])*31 + uint(w[len(w)-1])) % wordFilterSize
}

// bitsOf returns the bits of the word w, which is not empty.
func (v *wordBits) bitsOf(w []byte) uint {
	i := wordFilterIndex(w)
	if v.maybe[i/64]&(1<<(i%64)) == 0 {
		return 0
	}
	return v.bits[string(w)]
}

// vocabulary maps each word of the given lists to the bit of its list,
// the first list being bit 0.
func vocabulary(lists ...string) *wordBits {
	v := &wordBits{bits: map[string]uint{}}
	for i, l := range lists {
		for _, w := range strings.Fields(l) {
			v.bits[w] |= 1 << i
			j := wordFilterIndex([]byte(w))
			v.maybe[j/64] |= 1 << (j % 64)
		}
	}
	return v
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// appendCollapsed appends s to b with runs of white space as one space
// and no space at the start of b.
func appendCollapsed(b []byte, s string) []byte {
	space := len(b) > 0 && b[len(b)-1] != ' ' && b[len(b)-1] != '\n'
	pending := false
	for i := 0; i < len(s); {
		// HTML collapses ASCII white space; no-break spaces read as
		// spaces, but ideographic and other wide spaces are kept.
		// A run of ASCII words with single spaces between them is copied
		// at once: this runs on every text node of a page, several times.
		word := i
		for word < len(s) {
			if plainASCII[s[word]] {
				word++
			} else if s[word] == ' ' && word > i && word+1 < len(s) && plainASCII[s[word+1]] {
				word += 2
			} else {
				break
			}
		}
		if word > i {
			if pending && space {
				b = append(b, ' ')
			}
			pending, space = false, true
			b = append(b, s[i:word]...)
			i = word
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r < utf8.RuneSelf || r == '\u00a0' {
			pending = true
			continue
		}
		if r == '\u00ad' || r == '\u200b' || r == '\ufeff' {
			// Soft hyphens and zero-width spaces only hint where a line
			// may break: kept, they split words for every search.
			continue
		}
		if pending && space {
			b = append(b, ' ')
		}
		pending, space = false, true
		b = utf8.AppendRune(b, r)
	}
	if pending && space {
		b = append(b, ' ')
	}
	return b
}

// plainASCII holds the ASCII bytes other than white space: the bytes
// appendCollapsed copies as they are.
var plainASCII = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = !asciiSpace(byte(c))
	}
	return t
}()

func asciiSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'
}

// collapse returns s with runs of white space as one space, trimmed.
func collapse(s string) string {
	var buf [128]byte
	return string(bytes.TrimSpace(appendCollapsed(buf[:0], s)))
}

// detach removes n from its parent, if it has one.
func detach(n *html.Node) {
	if n.Parent != nil {
		n.Parent.RemoveChild(n)
	}
}

// isBlock reports whether an element starts a new line of text.
func isBlock(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Aside, atom.Header, atom.Footer,
		atom.Nav, atom.Main, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Ul, atom.Ol, atom.Li, atom.Dl, atom.Dt, atom.Dd, atom.Blockquote, atom.Pre,
		atom.Figure, atom.Figcaption, atom.Table, atom.Tr, atom.Td, atom.Th, atom.Tbody,
		atom.Thead, atom.Tfoot, atom.Caption, atom.Hr, atom.Form, atom.Fieldset, atom.Address,
		atom.Details, atom.Summary, atom.Body, atom.Html:
		return true
	}
	return false
}

// inChrome reports whether n sits in page furniture (navigation, header,
// footer) rather than content.
func inChrome(n *html.Node) bool { return chromeAncestor(n) != nil }

// chromeAncestor returns the outermost furniture element n sits in, or
// nil. One walk up and one down: whether a header or footer is furniture
// depends on an article or main element above it.
func chromeAncestor(n *html.Node) *html.Node {
	var buf [64]*html.Node
	chain := buf[:0]
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode {
			chain = append(chain, p)
		}
	}
	inArticle := false
	for i := len(chain) - 1; i >= 0; i-- {
		p := chain[i]
		if chromeElement(p, inArticle) {
			return p
		}
		if p.DataAtom == atom.Article || p.DataAtom == atom.Main {
			inArticle = true
		}
	}
	return nil
}

// chromeElement reports whether n is page furniture: navigation, or a
// header or footer outside an article (an article's own header and
// footer hold its headline, date and related links).
func chromeElement(n *html.Node, inArticle bool) bool {
	switch n.DataAtom {
	case atom.Nav:
		return true
	case atom.Header, atom.Footer:
		if !inArticle {
			return true
		}
	}
	switch attr(n, "role") {
	case "navigation", "contentinfo", "banner", "menu", "menubar":
		return true
	}
	return false
}

func hasAncestor(n *html.Node, atoms ...atom.Atom) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		for _, a := range atoms {
			if p.DataAtom == a {
				return true
			}
		}
	}
	return false
}

// flagPromoted is the class a CMS (Drupal) sets on every story it has
// promoted to the front page: a flag of the site's own stories, not of
// an advertisement, which "promoted" alone would say.
const flagPromoted = "node-promoted"

// dropClass returns the class list classes without the class name c.
func dropClass(classes, c string) string {
	f := strings.Fields(classes)
	kept := f[:0]
	for _, w := range f {
		if w != c {
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, " ")
}

// blank reports whether n shows no text, link or image.
func blank(n *html.Node) bool {
	return firstText(n) == "" && !hasLink(n) && !containsPicture(n)
}

// containsPicture reports whether n holds an image larger than a spacer:
// table layouts set rows of one-pixel images between a list's items.
func containsPicture(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom == atom.Img && !spacerImage(c) || c.Type == html.ElementNode && containsPicture(c) {
			return true
		}
	}
	return false
}

// spacerImage reports whether img is set a few pixels high or wide: a
// spacer or a rule, not a picture.
func spacerImage(img *html.Node) bool {
	for _, k := range []string{"height", "width"} {
		if v := attr(img, k); len(v) == 1 && v[0] >= '0' && v[0] <= '3' {
			return true
		}
	}
	return false
}
