package scoop

// The lines of a body that blocks do not set apart: lines divided by <br>
// inside one block, and text loose between blocks.

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// brJunk returns the nodes of the lines of block c, set apart by <br>
// rather than in blocks of their own (older templates, forum and blog
// software), that junk rejects, each with the <br> that ends it, and
// whether one of the lines junk leaves is prose. Rules that read a line's
// form rather than its words (a date, a category, a label) take a line
// only when all of the block's lines go: beside prose, "Kategorie: Minis"
// or a date range is the text's own.
func brJunk(c *html.Node, normTitle string) (lines []*html.Node, prose bool) {
	if isHeading(c) || !hasChildAtom(c, atom.Br) {
		return nil, false
	}
	type line struct {
		nodes []*html.Node
		br    *html.Node
		rule  string
	}
	var ls []line
	all := true
	seg := &html.Node{Type: html.ElementNode, Data: "span", DataAtom: atom.Span}
	for n := c.FirstChild; n != nil; {
		var l line
		for ; n != nil && n.DataAtom != atom.Br; n = n.NextSibling {
			l.nodes = append(l.nodes, n)
		}
		if n != nil {
			l.br, n = n, n.NextSibling
		}
		if len(l.nodes) == 0 {
			continue
		}
		// Borrow the line's nodes into a span so that the rules that
		// look at its links see the line alone, then put them back.
		anchor := l.nodes[len(l.nodes)-1].NextSibling
		for _, m := range l.nodes {
			c.RemoveChild(m)
			seg.AppendChild(m)
		}
		if t := textOf(seg); t != "" {
			if len(t) <= 300 {
				l.rule = junk(seg, t, normTitle)
			}
			all = all && l.rule != ""
			prose = prose || l.rule == "" && len(t) >= 60
		}
		for _, m := range l.nodes {
			seg.RemoveChild(m)
			c.InsertBefore(m, anchor)
		}
		ls = append(ls, l)
	}
	for _, l := range ls {
		switch l.rule {
		case "", "callout", "kicker":
			// A callout is read as a whole block, for its stories; a lone
			// link among lines is a link of the text, not a kicker.
			continue
		case "title", "date", "clock", "category", "crumb", "label":
			if !all {
				continue
			}
		}
		lines = append(lines, l.nodes...)
		if l.br != nil {
			lines = append(lines, l.br)
		}
	}
	return lines, prose
}

// wrapLooseText wraps in a span each run of text and inline elements that
// stands between the blocks of n, so that the run is judged as the line
// it reads as ("Warning: … on line 407" or "- Anzeige -" set loose between
// paragraphs). The text renders as before: the run stood between blocks.
func wrapLooseText(n *html.Node) {
	if !hasBlockChild(n) {
		return
	}
	for c := n.FirstChild; c != nil; {
		if isBlock(c) || c.Type != html.TextNode || strings.TrimSpace(c.Data) == "" {
			c = c.NextSibling
			continue
		}
		// c is loose text: the run goes back to the block before it and
		// on to the block after it.
		first := c
		for first.PrevSibling != nil && !isBlock(first.PrevSibling) && (first.PrevSibling.Type != html.ElementNode || !hasBlockChild(first.PrevSibling)) {
			first = first.PrevSibling
		}
		last := c
		for last.NextSibling != nil && !isBlock(last.NextSibling) && (last.NextSibling.Type != html.ElementNode || !hasBlockChild(last.NextSibling)) {
			last = last.NextSibling
		}
		next := last.NextSibling
		span := &html.Node{Type: html.ElementNode, Data: "span", DataAtom: atom.Span}
		n.InsertBefore(span, first)
		for m := first; m != next; {
			after := m.NextSibling
			n.RemoveChild(m)
			span.AppendChild(m)
			m = after
		}
		c = next
	}
}

// hasChildAtom reports whether one of n's children is an element a.
func hasChildAtom(n *html.Node, a atom.Atom) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom == a {
			return true
		}
	}
	return false
}
