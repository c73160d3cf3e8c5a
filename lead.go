package scoop

import (
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
	for _, para := range p.paras {
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

// restoreLead puts the lead back at the top of body when readability left
// it out.
func restoreLead(body, lead *html.Node) {
	if lead == nil {
		return
	}
	t, _ := textUpTo(lead, leadProbe+20)
	if strings.Contains(collapse(textOf(body)), t[:leadProbe]) {
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
