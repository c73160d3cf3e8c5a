package scoop

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Templates often set the standfirst, the paragraph that sums the story
// up, in a box of its own between the headline and the body, which
// readability drops with the page's furniture. lead.go finds it when it
// repeats the description in a div or a span; this file when the box's
// class names it, or when it is a paragraph, a list or a box of
// paragraphs.

// maxStandfirst is the longest text a standfirst may have: a paragraph
// or two, not the article.
const maxStandfirst = 800

// introBox returns a copy of the block that stands right under the
// headline and sums the story up, which readability drops with the page's
// furniture when the template sets it in a box of its own: a block whose
// class, id or itemprop names an intro, lead, teaser or summary, or that
// opens as the description does, set in a p or a box of paragraphs or
// list items, where standfirst reads only a div or span before the first
// paragraph. It returns nil when the prose under the headline begins
// without one. A standfirst the related walk cut from beside the
// headline, or one set as a heading, is left out, as the benchmark's
// ground truth leaves it out.
func (p *page) introBox() *html.Node {
	head, _ := p.headlineAt()
	if head == nil {
		return nil
	}
	var descs []string
	for _, k := range []string{"og:description", "description"} {
		if d := collapse(p.meta[k]); len(d) >= leadProbe {
			descs = append(descs, d)
		}
	}
	headChrome := chromeAncestor(head)
	var chromeOf, chrome *html.Node
	seen := 0
	for n := nextInOrder(head, true); n != nil && seen < standfirstReach; {
		if n.Type != html.ElementNode {
			n = nextInOrder(n, false)
			continue
		}
		seen++
		if skipText(n) || inRelated(n) || n.DataAtom == atom.Form || n.DataAtom == atom.Figure || n.DataAtom == atom.Nav || n.DataAtom == atom.Aside {
			n = nextInOrder(n, true)
			continue
		}
		// Furniture is passed over, unless the headline stands in it too
		// (a header that holds the headline and its standfirst).
		// Siblings share their furniture: the answer for the last
		// parent is kept.
		if n.Parent != chromeOf {
			chromeOf, chrome = n.Parent, chromeAncestor(n)
		}
		if chrome != nil && chrome != headChrome {
			n = nextInOrder(n, true)
			continue
		}
		hinted := standfirstHint(n)
		// Boxes that only wrap the article are walked into.
		if !hinted && hasBlockChild(n) {
			n = nextInOrder(n, false)
			continue
		}
		t, short := textUpTo(n, maxStandfirst)
		if len(t) < leadProbe {
			n = nextInOrder(n, true)
			continue
		}
		described := false
		for _, d := range descs {
			described = described || strings.Contains(d, t[:leadProbe])
		}
		if !short || countLetters(t) < 60 || linkDensity(n, t) > 0.3 || !described && !hinted ||
			cutKind(n) != "" || isHeading(n) || holdsCut(n) {
			if n.DataAtom == atom.P && len(t) > leadProbe+10 && !hinted {
				// Prose under the headline that sums nothing up: the
				// body has begun.
				return nil
			}
			// A box too long or too linked to be the standfirst is walked
			// into, where the body's first paragraph ends the search; so
			// is one that holds a cut line beside its standfirst (a date
			// in the intro's paragraph).
			n = nextInOrder(n, !hasBlockChild(n) && !holdsCut(n))
			continue
		}
		if hasBlockChild(n) {
			c := cloneText(n)
			c.Data, c.DataAtom = "div", atom.Div
			return c
		}
		para := &html.Node{Type: html.ElementNode, DataAtom: atom.P, Data: "p"}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			para.AppendChild(cloneText(c))
		}
		return para
	}
	return nil
}

// holdsCut reports whether a block under n was cut: a lead box that
// holds a video's caption or a byline is the template's media lead, not
// a standfirst.
func holdsCut(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (hasAttr(c, cutAttr) || holdsCut(c)) {
			return true
		}
	}
	return false
}

// standfirstWords name a standfirst in class and id tokens, in the
// languages of the templates met: intro, lead, teaser, summary, the
// French chapô, the Spanish bajada and entradilla, the German Vorspann.
var standfirstWords = map[string]bool{
	"intro": true, "introduction": true, "lead": true, "lede": true, "leadin": true, "teaser": true,
	"standfirst": true, "dek": true, "summary": true, "abstract": true, "description": true,
	"subheadline": true, "subhead": true, "subtitle": true, "excerpt": true, "chapeau": true,
	"chapo": true, "sommario": true, "resumen": true, "resumo": true, "bajada": true,
	"entradilla": true, "vorspann": true, "einleitung": true, "anriss": true,
}

// standfirstHint reports whether n's itemprop, class or id names a
// standfirst. Tokens split at hyphens and underscores ("uk-text-lead",
// "field--name-field-abstract"); camel case ("articleIntro") at its
// capitals.
func standfirstHint(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "itemprop":
			if a.Val == "description" {
				return true
			}
		case "class", "id":
			for tok := range strings.FieldsFuncSeq(a.Val, classSep) {
				if standfirstWords[strings.ToLower(tok)] || standfirstWords[strings.ToLower(camelTail(tok))] {
					return true
				}
			}
		}
	}
	return false
}

// classSep splits class and id values into words.
func classSep(r rune) bool { return r == '-' || r == '_' || unicode.IsSpace(r) }

// camelTail returns the last word of a camel-case token ("articleIntro"
// gives "Intro"), or "" when it has none.
func camelTail(tok string) string {
	for i := len(tok) - 1; i > 0; i-- {
		if tok[i] >= 'A' && tok[i] <= 'Z' && tok[i-1] >= 'a' && tok[i-1] <= 'z' {
			return tok[i:]
		}
	}
	return ""
}
