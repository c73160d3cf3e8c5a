package scoop

// Where a date stands on the page, which says whether it is the page's
// date: the line a reader sees it on, a press dateline opening the story,
// a table row about the subject, a sentence of the story.

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// lineIn returns the line a reader sees the text node n on inside its
// block b: the run of b's children around n up to a block, a <br> or a
// heading on either side. A date set in a long block or beside the
// headline (<hgroup><h1>…</h1><p>dek</p><span>posted on …</span></hgroup>,
// <h1>…</h1><br>Published: <a>04.02.2022</a><br>) is read with its label
// and without the headline, the dek or the story. The node is the one
// element the run is, else b; ok is false when the run is long (the date
// is in a sentence).
func lineIn(b, n *html.Node) (node *html.Node, text string, ok bool) {
	ch := n
	for ch.Parent != b {
		ch = ch.Parent
	}
	if ch != n && holdsHeading(ch) {
		// An inline wrapper of the headline and its dateline (<hgroup>,
		// a link around the whole header).
		return lineIn(ch, n)
	}
	first, last := ch, ch
	for s := first.PrevSibling; s != nil && !breaksLine(s); s = s.PrevSibling {
		first = s
	}
	for s := last.NextSibling; s != nil && !breaksLine(s); s = s.NextSibling {
		last = s
	}
	var buf [256]byte
	t := buf[:0]
	alone := true // ch is the run's only text
	for s := first; ; s = s.NextSibling {
		if s != first && s.Type == html.ElementNode && len(t) > 0 && t[len(t)-1] != ' ' {
			// Elements set side by side are apart on screen, or one is
			// hidden ("<time>Published on May 2, 2019</time><time
			// class="mobile">May 2, 2019 • 31 Likes</time>").
			t = append(t, ' ')
		}
		k := len(t)
		if t, ok = appendText(t, s, 200, true); !ok {
			return nil, "", false
		}
		if s != ch && strings.TrimSpace(string(t[k:])) != "" {
			alone = false
		}
		if s == last {
			break
		}
	}
	node = b
	if alone && ch.Type == html.ElementNode {
		node = ch
	}
	return node, strings.TrimSpace(string(t)), true
}

// lineOfDate returns the line the text node n, whose text s holds a date,
// is read on, at text offset at.
func lineOfDate(n *html.Node, s string, at int) line {
	// A label such as "Published on:" often sits in a sibling element,
	// so the line is the text of the nearest short enclosing block;
	// in a long block, or one that also holds a heading, the run
	// around the date between blocks and <br>s (lineIn).
	inline := n.Parent
	el := n.Parent
	for el.Parent != nil && !isBlock(el) && el.Parent.Type == html.ElementNode {
		inline = el
		el = el.Parent
	}
	l := line{node: n.Parent, text: collapse(s), at: at}
	whole := false // the line is el's whole text
	if t, short := shownTextUpTo(el, 200); short && (!holdsHeading(el) || inHeading(n, el)) {
		l.node, l.text, whole = el, t, true
	} else if node, t, ok := lineIn(el, n); ok {
		l.node, l.text = node, t
	} else if t, short := shownTextUpTo(inline, 200); short {
		l.node, l.text = inline, t
	}
	if len(l.text) > datelineLong && n.Parent.DataAtom == atom.Time {
		// A <time> in a block that runs long (a byline with an
		// author card's menu) is a line of its own: its date is
		// what the block shows.
		if t, short := shownTextUpTo(n.Parent, 80); short {
			l.node, l.text = n.Parent, t
		}
	}
	if ascii, ok := asciiDigits(l.text); ok {
		l.text = ascii
	}
	if whole && len(l.text) <= 40 {
		l.text = siblingLabel(el) + l.text
	}
	return l
}

// breaksLine reports whether n starts a new line: a block, a <br>, or an
// inline element that holds a heading.
func breaksLine(n *html.Node) bool {
	return n.Type == html.ElementNode && (isBlock(n) || n.DataAtom == atom.Br || holdsHeading(n))
}

// inHeading reports whether n stands in a heading that is b or inside b.
func inHeading(n, b *html.Node) bool {
	for a := n.Parent; a != nil; a = a.Parent {
		if isHeading(a) {
			return true
		}
		if a == b {
			return false
		}
	}
	return false
}

// holdsHeading reports whether n is or holds an h1–h6 element.
func holdsHeading(n *html.Node) bool {
	if isHeading(n) {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && holdsHeading(c) {
			return true
		}
	}
	return false
}

// tableFact reports whether n stands in a table cell whose row is headed
// by a label other than a publication or update label ("Founded",
// "Born", "Term ends"): a fact about the subject of an infobox or a data
// table, not the page's date.
func tableFact(n *html.Node) bool {
	for i := 0; n != nil && i < 5; i, n = i+1, n.Parent {
		if n.DataAtom != atom.Td {
			continue
		}
		row := n.Parent
		if row == nil || row.DataAtom != atom.Tr {
			return false
		}
		for c := row.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom == atom.Th {
				t, _ := shownTextUpTo(c, 40)
				return !pubLabels.MatchString(t) && !updLabels.MatchString(t)
			}
		}
		return false
	}
	return false
}

// inParagraph reports whether the line n, reading text, is part of a
// paragraph of prose and not a dateline opening it: its nearest block is
// a <p> of some length, and the date neither opens the paragraph nor
// stands apart from the sentence after it ("On January 23, 1998, Netscape
// made two announcements…"). A date in the story's sentences is what it
// tells of, not when it went out; "Pressemitteilung vom 25. Januar 2022 |
// Berlin – …" and "29.11.2022 – Mehrfach …" are press datelines.
func inParagraph(n *html.Node, text string) bool {
	for ; n != nil && !isBlock(n); n = n.Parent {
	}
	if n == nil || n.DataAtom != atom.P {
		return false
	}
	t, short := textUpTo(n, 200)
	if short {
		return false
	}
	if i := strings.Index(t, text[:min(len(text), 24)]); i != 0 && (i < 0 || !rxDatelinePlace.MatchString(t[:i])) {
		return true
	}
	// The paragraph opens with the line: a dateline when its year is
	// followed by the end of the line, a mark or a time, not a comma or
	// words.
	y := -1
	for i := 0; i+4 <= len(text) && i < 48; i++ {
		if yearAt(text, i) {
			y = i
			break
		}
	}
	if y < 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(text[y+4:], " \u00a0"))
	return r == ',' || unicode.IsLetter(r)
}

// rxDatelinePlace is the upper-case place a press dateline opens with,
// its region after it ("TAMPA, Fla., ", "GENEVA, "): the date that
// follows opens the paragraph.
var rxDatelinePlace = regexp.MustCompile(`^[\p{Lu}][\p{Lu}.' -]{1,30}(?:, [\p{Lu}][\p{L}.' ]{1,20})?, ?$`)

// rxPressDateline is a story's opening that names its date with the month
// in words and a dash after it, behind an upper-case place or not
// ("Feb. 23, 2015 -- Life-threatening…", "WASHINGTON, March 3, 2021 — The
// Senate…"); group 1 is the date.
var rxPressDateline = regexp.MustCompile(`^(?:[\p{Lu}][\p{Lu}.' ]{1,30}, )?(\p{L}[^-–—:]{6,24}?) ?(?:--|[-–—]) `)

// pressDateline returns the date a line opens with in the form of
// rxPressDateline, or "".
func pressDateline(s string) string {
	if m := rxPressDateline.FindStringSubmatch(s[:min(len(s), 64)]); m != nil {
		return m[1]
	}
	return ""
}

// markedDateIn reports whether the date d of line n stands in an element
// of its own that the page marks as the publication date ("Section ·
// <span class="published_date">September 20, 2011</span>" in a bar above
// the headline): a teaser of another story carries no such mark.
func markedDateIn(n *html.Node, d time.Time, order dateOrder) bool {
	found := false
	var walk func(*html.Node, int)
	walk = func(e *html.Node, depth int) {
		for c := e.FirstChild; c != nil && !found; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if h := hints(c); strings.Contains(h, "publish") || strings.Contains(h, "pubdate") || strings.Contains(h, "posted") {
				if text, short := textUpTo(c, 60); short {
					if t, ok := parseTextDate(text, order); ok && sameDay(t, d) {
						found = true
						return
					}
				}
			}
			if depth > 0 {
				walk(c, depth-1)
			}
		}
	}
	walk(n, 2)
	return found
}
