// Related stories: the walk that finds related-story blocks and inline
// callouts, marks them cut, and merges their stories by URL.

package scoop

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// debris reports whether n is a small block of page furniture inside or
// beside the article: a byline, credit, caption, share bar, newsletter
// box or ad label. hb holds the element's hint bits.
func debris(n *html.Node, hb uint) bool {
	if n.DataAtom == atom.Figcaption || hb&hintComment != 0 && !containsAtom(n, atom.H1) {
		return true
	}
	// A standfirst beside the headline repeats the description; one in
	// the body (a German intro, a French chapô) is the first paragraph.
	if (hb&hintDek != 0 || attr(n, "itemprop") == "description") && nearHeadline(n) {
		if _, short := textUpTo(n, 400); short {
			// Not debris: its text often repeats the first paragraph,
			// which must stay.
			cutKeep(n)
			return false
		}
	}
	if hb&hintDebris == 0 {
		return false
	}
	_, short := textUpTo(n, 300)
	return short && !containsAtom(n, atom.H1)
}

// nearHeadline reports whether the article's h1 shares n's parent or
// grandparent: the header area of an article.
func nearHeadline(n *html.Node) bool {
	for i := 0; i < 2 && n.Parent != nil; i++ {
		n = n.Parent
		if containsAtom(n, atom.H1) {
			return true
		}
	}
	return false
}

func containsAtom(n *html.Node, a atom.Atom) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom == a || containsAtom(c, a) {
			return true
		}
	}
	return false
}

// story is a related story with its storyKey, computed once from its
// link.
type story struct {
	RelatedStory
	key string
}

// storyList holds the related stories found so far in page order, indexed
// by storyKey so that merging costs one map lookup per story.
type storyList struct {
	list []RelatedStory
	at   map[string]int
}

// add appends stories, one per key: the first occurrence keeps its place
// and gains the fields it lacked.
func (l *storyList) add(stories ...story) {
	if l.at == nil {
		l.at = map[string]int{}
	}
	for _, s := range stories {
		i, ok := l.at[s.key]
		if !ok {
			l.at[s.key] = len(l.list)
			l.list = append(l.list, s.RelatedStory)
			continue
		}
		e := &l.list[i]
		if e.Title == "" {
			e.Title = s.Title
		}
		if e.Summary == "" {
			e.Summary = s.Summary
		}
		if e.Image == "" {
			e.Image = s.Image
		}
		if e.Published == nil {
			e.Published = s.Published
		}
		if e.Block == "" {
			e.Block = s.Block
		}
	}
}

// relatedStories finds the page's related stories, in page order: inline
// callouts and labelled blocks. The blocks are marked cut, so
// that they reach neither the body nor the date search. Stories named only
// in JSON-LD come last.
func (p *page) relatedStories() *storyList {
	out := &storyList{}
	var blocks []*html.Node
	// done holds the siblings a block took after its label, which the
	// walk reaches later.
	done := map[*html.Node]bool{}
	// chrome and article say whether the walk is inside page furniture
	// or inside an article or main element, as inChrome would find by
	// climbing from each node.
	// proseAbove says whether n's parent holds paragraphs of prose: a
	// teaser box is looked for only there or one level down, which
	// spares the test on every division of the page.
	var walk func(n *html.Node, chrome, article, proseAbove bool)
	walk = func(n *html.Node, chrome, article, proseAbove bool) {
		prose := -1 // whether n holds prose, once asked
		proseHere := func() bool {
			if prose < 0 {
				prose = 0
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.Type == html.ElementNode && isProse(c) {
						prose = 1
						break
					}
				}
			}
			return prose == 1
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipText(c) || done[c] {
				continue
			}
			hb := hintBits(c, hintVocab)
			if debris(c, hb) {
				p.cut(c, cutDebris)
				continue
			}
			if !chrome && (c.DataAtom == atom.P || c.DataAtom == atom.Div || c.DataAtom == atom.Li || isHeading(c) || c.DataAtom == atom.Aside) {
				if stories := p.callout(c, false); len(stories) > 0 {
					out.add(stories...)
					blocks = append(blocks, c)
					continue
				}
			}
			if !chrome && (c.DataAtom == atom.Ul || c.DataAtom == atom.Ol) {
				if stories := p.linkList(c); len(stories) > 0 {
					out.add(stories...)
					blocks = append(blocks, c)
					continue
				}
			}
			if nodes, stories := p.relatedBlock(c, hb, chrome); len(nodes) > 0 {
				// A pager's nodes, with no story, are cut and not
				// looked into: its card would pass for a block.
				out.add(stories...)
				blocks = append(blocks, nodes...)
				for _, n := range nodes {
					done[n] = true
				}
				continue
			}
			box := !chrome && article && teaserAtom(c) && hb&(hintNotRelated|hintDebris) == 0
			if box && (proseAbove || proseHere()) {
				if stories := p.teaserBox(c); len(stories) > 0 {
					out.add(stories...)
					blocks = append(blocks, c)
					continue
				}
			}
			walk(c, chrome || chromeElement(c, article), article || c.DataAtom == atom.Article || c.DataAtom == atom.Main, box && prose == 1)
		}
	}
	walk(p.doc, false, false, false)
	for _, n := range blocks {
		p.cut(n, cutRelated)
	}
	out.add(p.jsonLDRelated()...)
	return out
}
