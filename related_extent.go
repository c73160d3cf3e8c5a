// How far a labelled block reaches: the label that opens another list
// and ends it, the unlabelled lists that go on with it, and the places
// (a rail) and links (a word or two) that a weak label does not make
// related.

package scoop

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// leadLabel returns the text of the label that opens box n before any
// link, heading or text of another kind: an element classed as a label
// or title, or a heading, holding no link. "" when n opens otherwise.
func leadLabel(n *html.Node) string {
	for depth := 0; depth < 6; depth++ {
		c := firstShown(n)
		if c == nil || c.DataAtom == atom.A {
			return ""
		}
		if t := labelText(c); t != "" && !hasLink(c) {
			return t
		}
		if onlyText(c) {
			return ""
		}
		n = c
	}
	return ""
}

// headsOwnLink reports whether t, the text that opens box n, is the
// headline its first link repeats: a card's own headline set over its
// link, not a label over another list.
func headsOwnLink(n *html.Node, t string) bool {
	a := firstAnchor(n)
	return a != nil && strings.HasPrefix(strings.ToLower(textOf(a)), strings.ToLower(t))
}

// firstShown returns n's first element child that shows something and
// is not hidden.
func firstShown(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && !blank(c) && !hiddenElement(c) {
			return c
		}
	}
	return nil
}

// restOfBox returns the lists that follow box, the box of a labelled
// block, to the end of its parent, and their stories: when the label's
// box opens its parent and every element after it is an unlabelled list
// of cards ("Sur le même thème" over a list of large cards, then one of
// small cards), the label heads them all. Any element after the box that
// is not such a list, of two headlines or more, leaves the block as it
// is.
func (p *page) restOfBox(box *html.Node, label string) ([]*html.Node, []story) {
	if box.Parent == nil || box.Parent.DataAtom == atom.Body || firstShown(box.Parent) != box {
		return nil, nil
	}
	var nodes []*html.Node
	var stories []story
	for s := nextElement(box); s != nil; s = nextElement(s) {
		if blank(s) {
			continue
		}
		if hiddenElement(s) || hintBits(s, hintVocab)&(hintNotRelated|hintSponsored|hintSitewide) != 0 {
			return nil, nil
		}
		if t, _ := p.innerLabel(s); t != "" {
			return nil, nil
		}
		if t := leadLabel(s); t != "" && !headsOwnLink(s, t) {
			return nil, nil
		}
		// A list of headlines, each a sentence long: author and
		// section links under a card ("Jane Doe in Engineering") are
		// no list of stories.
		st := p.cards(s, label, nil)
		if len(st) < 2 {
			return nil, nil
		}
		for _, x := range st {
			if len(strings.Fields(x.Title)) < 4 {
				return nil, nil
			}
		}
		nodes = append(nodes, s)
		stories = append(stories, st...)
	}
	return nodes, stories
}

// inRail reports whether n stands in a sidebar: an aside element, or a
// box classed as a sidebar or rail. A section's feed of its latest
// stories lives there under a label such as "More business news", which
// after the text names stories chosen for the article.
func inRail(n *html.Node) bool {
	for a := n; a != nil && a.Type == html.ElementNode; a = a.Parent {
		if a.DataAtom == atom.Aside {
			return true
		}
		h := hints(a)
		if strings.Contains(h, "sidebar") || strings.Contains(h, "rail") {
			return true
		}
	}
	return false
}

// headlines returns the stories whose titles are a sentence long, four
// words or more.
func headlines(stories []story) []story {
	kept := stories[:0]
	for _, s := range stories {
		if len(strings.Fields(s.Title)) >= 4 {
			kept = append(kept, s)
		}
	}
	return kept
}

// sectionHead reports whether n's whole text is one link to a section's
// front page or to nothing ("<div class=block-title><a
// href="/sociedad/">Más de Sociedad</a></div>"): a block's heading that
// leads to the section its stories come from, where a card's title links
// its story.
func sectionHead(n *html.Node) bool {
	var a *html.Node
	var walk func(*html.Node) bool
	walk = func(c *html.Node) bool {
		for c := c.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				if strings.TrimSpace(c.Data) != "" {
					return false
				}
			case c.Type != html.ElementNode || icon(c):
			case c.DataAtom == atom.A:
				if a != nil {
					return false
				}
				a = c
			default:
				if !walk(c) {
					return false
				}
			}
		}
		return true
	}
	if !walk(n) || a == nil {
		return false
	}
	href := strings.TrimSpace(attr(a, "href"))
	if href == "" || href[0] == '#' {
		return true
	}
	u, err := url.Parse(href)
	return err == nil && u.RawQuery == "" && strings.Trim(u.Path, "/") != "" && !storyLike(u)
}

// headlineHeading reports whether heading n is a card's headline: its
// whole text one link to a story, of three words or more ("Lesen Sie
// auch" over "<h2><a>Killer- oder Grippevirus</a></h2>"), where a heading
// that names another list links a section or nothing.
func (p *page) headlineHeading(n *html.Node) bool {
	if !soleLink(n) {
		return false
	}
	links := p.links(n)
	return len(links) == 1 && len(strings.Fields(links[0].text)) >= 3 && headlineLike(links[0].text)
}
