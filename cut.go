package scoop

// The blocks scoop takes out of the article before readability runs:
// marked in place, so that readability scores the page as published, and
// removed from its output.

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// cutAttr marks the blocks scoop takes out of the article (related
// stories, credit lines) before readability runs. Readability copies the
// document between attempts, so only an attribute follows a node into
// its output, and leaving the blocks in place keeps its scoring the same
// as on the page as published.
const cutAttr = "data-scoop-cut"

// Why a block was cut: it lists related stories, or it is page debris
// (bylines, captions, newsletter boxes) that may still carry a date.
const (
	cutRelated = "related"
	cutDebris  = "debris"
)

// cut marks n as a block that does not belong in the article. Readability
// rebuilds some elements without their attributes, so the texts of the
// block's lines are kept too, to find them again in its output.
func (p *page) cut(n *html.Node, why string) {
	if cutKind(n) != "" {
		return
	}
	n.Attr = append(n.Attr, html.Attribute{Key: cutAttr, Val: why})
	if p.cutTexts == nil {
		p.cutTexts = map[string]bool{}
	}
	// The lines of the block are its elements without a block below
	// them, as cleanBody reads them. One pass from the bottom, where
	// asking hasBlockChild at every level would walk deep boxes again
	// and again.
	record := func(n *html.Node) {
		if t := textOf(n); t != "" {
			p.cutTexts[t] = true
		}
	}
	var holds func(*html.Node) bool // whether n has a block element below it
	holds = func(n *html.Node) bool {
		var buf [16]bool
		free := buf[:0] // for each element child: holds no block
		any := false
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			var h bool
			if skipText(c) {
				h = hasBlockChild(c) // counted, as cleanBody counts it, never read
			} else {
				h = holds(c)
			}
			free = append(free, !h)
			any = any || h || isBlock(c)
		}
		if !any {
			return false
		}
		k := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if free[k] && !skipText(c) {
				record(c)
			}
			k++
		}
		return true
	}
	if !skipText(n) && !holds(n) {
		record(n)
	}
}

// cutKeep marks n for removal from the body without recording its text,
// for blocks whose text may also stand in the article.
func cutKeep(n *html.Node) {
	if cutKind(n) == "" {
		n.Attr = append(n.Attr, html.Attribute{Key: cutAttr, Val: cutDebris})
	}
}

// cutKind says why n or one of its ancestors was cut, or "".
func cutKind(n *html.Node) string {
	for ; n != nil; n = n.Parent {
		if n.Type != html.ElementNode {
			continue
		}
		for _, a := range n.Attr {
			if a.Key == cutAttr {
				return a.Val
			}
		}
	}
	return ""
}

// inRelated reports whether n sits in a block of related stories.
func inRelated(n *html.Node) bool { return cutKind(n) == cutRelated }

// removeCut deletes the cut blocks under root.
func removeCut(root *html.Node) {
	var next *html.Node
	for c := root.FirstChild; c != nil; c = next {
		next = c.NextSibling
		if c.Type == html.TextNode && root.DataAtom != atom.Pre && len(c.Data) > 1 && strings.TrimSpace(c.Data) == "" {
			// The indentation left around removed blocks only bloats
			// the html field.
			if prev := c.PrevSibling; prev != nil && prev.Type == html.TextNode && prev.Data == "\n" {
				root.RemoveChild(c)
				continue
			}
			c.Data = "\n"
		}
		if c.Type != html.ElementNode {
			continue
		}
		if hasAttr(c, cutAttr) {
			root.RemoveChild(c)
			continue
		}
		// Readability renames elements without updating their atom.
		if a := atom.Lookup([]byte(c.Data)); a != c.DataAtom {
			c.DataAtom = a
		}
		removeCut(c)
	}
}
