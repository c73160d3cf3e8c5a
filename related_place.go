// Where a block sits: among the paragraphs of the text (inline) or
// beside it.

package scoop

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// inlineIf marks the stories of a block that sits in the article body.
func inlineIf(inBody bool, stories []story) []story {
	for i := range stories {
		stories[i].Inline = inBody
	}
	return stories
}

// amongProse reports whether n stands between paragraphs of prose, as a
// box inside the article body does; a list after the last paragraph is
// beside the article, not in it. It decides whether an unlabelled box or
// link is taken for a pointer at all, so it reads prose strictly.
func amongProse(n *html.Node) bool { return amongText(n, false) }

// placedInText is amongProse for a block already found, asked where it
// sits: here a section of text with a pull quote or figure between its
// paragraphs is text, and a box floated at the top of a text wrapped
// whole in one element stands in it.
func placedInText(n *html.Node) bool { return amongText(n, true) }

func amongText(n *html.Node, loose bool) bool {
	for i := 0; i < 2 && n.Parent != nil; i++ {
		// A box above the headline heads the page, not the text.
		if headlineAfter(n) {
			return false
		}
		before := proseAroundAs(n, func(n *html.Node) *html.Node { return n.PrevSibling }, loose)
		after := proseAroundAs(n, func(n *html.Node) *html.Node { return n.NextSibling }, loose)
		// A box floated at the top of the text has no prose before
		// it, but the body goes on after it.
		if after > 0 && (before > 0 || after >= 3 || loose && wrappedText(nextElement(n))) {
			return true
		}
		n = n.Parent
	}
	return false
}

// wrappedText reports whether n is a box of three paragraphs of prose or
// more: the body of a text wrapped whole in one element.
func wrappedText(n *html.Node) bool {
	if n == nil || n.DataAtom != atom.Div && n.DataAtom != atom.Section || !isProse(n) {
		return false
	}
	paras := 0
	for c := n.FirstChild; c != nil && paras < 3; c = c.NextSibling {
		if c.DataAtom == atom.P && isProse(c) {
			paras++
		}
	}
	return paras >= 3
}

// headlineAfter reports whether the headline (an h1, or a header that
// holds one) comes after n among the proseWindow siblings that follow it.
func headlineAfter(n *html.Node) bool {
	for s, seen := n.NextSibling, 0; s != nil && seen < proseWindow; s = s.NextSibling {
		if s.Type != html.ElementNode {
			continue
		}
		seen++
		if s.DataAtom == atom.H1 || s.DataAtom == atom.Header && containsAtom(s, atom.H1) {
			return true
		}
	}
	return false
}

// proseWindow is how many sibling elements on each side amongProse
// looks at, so that a parent with thousands of children costs no more
// per child than one with a few.
const proseWindow = 12

// proseAround counts the paragraphs of prose among the proseWindow
// sibling elements of n in one direction, step.
func proseAround(n *html.Node, step func(*html.Node) *html.Node) int {
	return proseAroundAs(n, step, false)
}

// proseAroundAs is proseAround, reading sections of text with insets as
// prose when loose is set (see isProseLoose).
func proseAroundAs(n *html.Node, step func(*html.Node) *html.Node, loose bool) int {
	count := 0
	for s, seen := step(n), 0; s != nil && seen < proseWindow; s = step(s) {
		if s.Type != html.ElementNode {
			continue
		}
		seen++
		if (isProse(s) || loose && isProseLoose(s)) && !referenceLine(s) && !noteLine(s) {
			count++
		}
	}
	return count
}

// referenceLine reports whether n is a reference under the text rather
// than a paragraph of it: it opens with a bold label such as "More
// information:", "Citation:" or "Provided by".
func referenceLine(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
			continue
		case c.Type == html.ElementNode && (c.DataAtom == atom.Strong || c.DataAtom == atom.B):
			t, short := textUpTo(c, 40)
			return short && referenceLabels[strings.ToLower(strings.TrimRight(t, " :"))]
		}
		return false
	}
	return false
}

// noteLine reports whether n is a note set under the text rather than a
// paragraph of it: all its text is in italics ("*This post was written
// in cooperation with …", "Additional reporting by …").
func noteLine(n *html.Node) bool {
	only := soleChild(n)
	return only != nil && (only.DataAtom == atom.Em || only.DataAtom == atom.I)
}

// soleChild returns n's one element child when n holds nothing else but
// white space, else nil.
func soleChild(n *html.Node) *html.Node {
	var only *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
		case c.Type == html.ElementNode && only == nil:
			only = c
		default:
			return nil
		}
	}
	return only
}

// referenceLabels are the bold labels of reference lines under a text.
var referenceLabels = map[string]bool{
	"more information": true, "journal information": true, "citation": true, "provided by": true,
	"source": true, "sources": true, "reference": true, "references": true, "quelle": true,
	"quellen": true, "fuente": true, "fonte": true, "plus d'informations": true,
}

// isProse reports whether n is a paragraph of prose (a p, or a div of
// running text), or a wrapper whose children are paragraphs only (sites that wrap each paragraph in a div, with boxes
// of links between the wrappers).
func isProse(n *html.Node) bool {
	long := func(n *html.Node) bool {
		return !fitsIn(n, 80)
	}
	switch n.DataAtom {
	case atom.P:
		// A paragraph that is one link is a list item of links set as
		// paragraphs ("Read more:" over headlines), not text.
		return long(n) && !soleLink(n)
	case atom.Div, atom.Section:
		// A text set in sections may wrap each run of paragraphs in one
		// more box, beside a hidden paywall notice: the box is what it
		// shows.
		if only := onlyShownChild(n); only != nil && (only.DataAtom == atom.Div || only.DataAtom == atom.Section) {
			return isProse(only)
		}
		if !hasBlockChild(n) {
			// A div used as a paragraph.
			return long(n) && !linkHeavy(n)
		}
		// Only paragraphs, and the subheadings of a text between them:
		// a comments box or newsletter teaser opens with a heading, or
		// has a form beside its paragraph.
		paras, subheads, first := 0, false, true
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || hiddenElement(c) {
				continue
			}
			switch {
			case c.DataAtom == atom.P:
				if long(c) {
					paras++
				}
			case isHeading(c) && !first:
				subheads = true
			default:
				return false
			}
			first = false
		}
		return paras > 0 && (!subheads || paras >= 2)
	}
	return false
}

// isProseLoose reports whether n, a division or section, is a run of two
// paragraphs of prose or more with figures, pull quotes or subheadings
// between them: text, where isProse asks for paragraphs alone.
func isProseLoose(n *html.Node) bool {
	if n.DataAtom != atom.Div && n.DataAtom != atom.Section || !hasBlockChild(n) {
		return false
	}
	paras := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || hiddenElement(c) {
			continue
		}
		switch {
		case c.DataAtom == atom.P:
			if !fitsIn(c, 80) {
				paras++
			}
		case isHeading(c), c.DataAtom == atom.Figure, c.DataAtom == atom.Blockquote, c.DataAtom == atom.Aside && !hasLink(c):
		default:
			return false
		}
	}
	return paras >= 2
}

// onlyShownChild returns n's element child when it has exactly one that
// is not hidden, else nil.
func onlyShownChild(n *html.Node) *html.Node { return onlyChildBut(n, hiddenElement) }

// onlyChildBut returns n's one element child that skip does not pass over,
// or nil when it has none or several.
func onlyChildBut(n *html.Node, skip func(*html.Node) bool) *html.Node {
	var only *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || skip(c) {
			continue
		}
		if only != nil {
			return nil
		}
		only = c
	}
	return only
}

// soleLink reports whether all n shows is one link, bare or wrapped in
// inline elements such as em or strong.
func soleLink(n *html.Node) bool {
	only := soleChild(n)
	if only == nil {
		return false
	}
	return only.DataAtom == atom.A || !isBlock(only) && soleLink(only)
}

// linkHeavy reports whether n reads as a list of links rather than prose,
// so a class name like "article-related-wrapper" on the whole article is
// not taken for a block.
func linkHeavy(n *html.Node) bool {
	if fitsIn(n, 200) {
		return true
	}
	return linkDensity(n, textOf(n)) >= 0.25
}

// arrowLead reports whether the text of n opens with an arrow mark
// ("» <a>Title</a>"), which firstText passes over.
func arrowLead(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			if t := strings.TrimSpace(c.Data); t != "" {
				return strings.TrimLeft(t, arrowMarks) != t
			}
		case c.Type == html.ElementNode:
			return arrowLead(c)
		}
	}
	return false
}

// arrowMarks are the marks that set a story link apart as a pointer
// ("» Title «", ">> Title <<", "→ Title").
const arrowMarks = "»«><→←►◄▶◀≫≪⇒ \u00a0"

// topicAside reads an aside set between paragraphs of the text under a
// heading that names the subject rather than saying "related" ("Brexit",
// "The bridge works"), listing stories of the site: an inline block
// labelled by its heading. A heading that names a sitewide, sponsored or
// newsletter box, or the site itself, is no such label.
// A division or section is such a box too, outside any article element
// (a 2010s template's topic box floated in the text, on a page that
// marks none), when a heading names it and it holds no paragraph.
func (p *page) topicAside(n *html.Node) ([]*html.Node, []story) {
	if n.DataAtom != atom.Aside && (!topicBoxShape(n) || !amongProse(n)) {
		return nil, nil
	}
	label, labelNode := p.innerLabel(n)
	if label == "" || labelNode == nil || notRelatedLabel(label) || p.ownerLabel(label) || rxIssue.MatchString(label) || !linkHeavy(n) || !amongProse(n) {
		return nil, nil
	}
	if n.DataAtom != atom.Aside && !isHeading(labelNode) {
		return nil, nil
	}
	stories := p.cards(n, label, labelNode)
	if len(stories) == 0 || p.sourceList(stories) {
		return nil, nil
	}
	for _, s := range stories {
		// A heading that is a story's own headline (a card whose link
		// lies over it) names no topic.
		if !p.sameSiteName(s.URL) || s.Title == label {
			return nil, nil
		}
	}
	return []*html.Node{n}, inlineIf(true, stories)
}

// topicBoxShape reports whether division n is shaped as a topic box: a
// heading and a list of links, within a few levels, and no paragraph,
// which a section of the text would hold. It is asked before the label,
// and first of all whether n holds a list, which most divisions of a
// page do not.
func topicBoxShape(n *html.Node) bool {
	return fitsIn(n, 1200) && containsAtom(n, atom.Ul) && !containsAtom(n, atom.P)
}

// rxIssue is a heading that names a magazine's issue ("TR 7/2019",
// "Ausgabe 12", "Issue 42") rather than a subject: the box lists the
// issue's contents, not stories on this article's topic.
var rxIssue = regexp.MustCompile(`(?i)\b\d{1,2}/\d{4}\b|\b(issue|ausgabe|heft|numéro|número|numero|nr\.?|no\.)\s*\d`)
