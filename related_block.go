// Recognising a related block or an inline callout, and whether it sits
// in the article body.

package scoop

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"strings"
)

// callout reads an inline pointer such as "RELATED STORY | <a>Title</a>".
// Outside the cleaned body (inBody false) n must be a leaf block.
func (p *page) callout(n *html.Node, inBody bool) []story {
	if !inBody && hasBlockChild(n) {
		return nil
	}
	if !hasLink(n) {
		return nil
	}
	if head, _ := textUpTo(n, 40); !startsCallout(head) {
		return nil
	}
	t, short := textUpTo(n, 250)
	if !short || len(t) < 8 {
		return nil
	}
	loc := rxCallout.FindStringIndex(t)
	if loc == nil {
		return nil
	}
	links := p.links(n)
	if len(links) == 0 || len(links) > 3 {
		return nil
	}
	label := trimLabel(t[:loc[1]])
	var out []story
	for _, l := range links {
		title := l.text
		if title == "" || rxGenericLink.MatchString(title) {
			title = strings.TrimSpace(t[loc[1]:])
		}
		out = append(out, story{RelatedStory{Title: title, URL: l.url, Block: label, Inline: true}, l.key})
	}
	return out
}

// relatedBlock reports whether n is a block of related stories, and if so
// the nodes it spans and its stories. A block is recognised by its label
// (a heading or aria-label in related vocabulary) or by class and id
// hints, and must not be sitewide, sponsored or navigation. hb holds the
// element's hint bits.
func (p *page) relatedBlock(n *html.Node, hb uint, chrome bool) ([]*html.Node, []story) {
	if chrome && hb&hintRelated == 0 {
		return nil, nil
	}
	// A label: a short heading-like element whose whole text is related
	// vocabulary. Its stories follow it as siblings.
	if label := labelText(n); isRelatedLabel(label) && !inNotRelated(n) {
		label = trimLabel(label)
		var nodes []*html.Node
		var stories []story
		for s := n.NextSibling; s != nil; s = s.NextSibling {
			if s.Type != html.ElementNode {
				continue
			}
			if isHeading(s) || (labelText(s) != "" && len(p.links(s)) == 0) {
				break
			}
			st := p.cards(s, label)
			if len(st) == 0 {
				break
			}
			nodes = append(nodes, s)
			stories = append(stories, st...)
		}
		if len(stories) == 0 {
			return nil, nil
		}
		return append(nodes, n), inlineIf(amongProse(n), stories)
	}
	aria := collapse(attr(n, "aria-label"))
	byHint := hb&hintRelated != 0 || (aria != "" && rxRelatedLabel.MatchString(aria))
	if !byHint || hb&hintNotRelated != 0 || rxNotRelated.MatchString(aria) {
		return nil, nil
	}
	label := aria
	if label == "" {
		label = leadText(n)
	}
	if l := p.innerLabel(n); l != "" {
		if rxNotRelated.MatchString(l) {
			return nil, nil
		}
		label = l
	}
	stories := p.cards(n, label)
	if len(stories) == 0 || !linkHeavy(n) {
		return nil, nil
	}
	return []*html.Node{n}, inlineIf(amongProse(n), stories)
}

// inNotRelated reports whether an ancestor of n near it is a sponsored,
// sitewide or social widget, whose own labels ("You May Like") mimic
// related blocks.
func inNotRelated(n *html.Node) bool {
	for i := 0; i < 5 && n.Parent != nil; i++ {
		n = n.Parent
		if hintBits(n, hintVocab)&hintSponsored != 0 {
			return true
		}
	}
	return false
}

// inlineIf marks the stories of a block that sits in the article body.
func inlineIf(inBody bool, stories []story) []story {
	for i := range stories {
		stories[i].Inline = inBody
	}
	return stories
}

// amongProse reports whether n stands between paragraphs of prose, as a
// box inside the article body does; a list after the last paragraph is
// beside the article, not in it.
func amongProse(n *html.Node) bool {
	for i := 0; i < 2 && n.Parent != nil; i++ {
		before, after := 0, 0
		seen := false
		for s := n.Parent.FirstChild; s != nil; s = s.NextSibling {
			if s == n {
				seen = true
				continue
			}
			if s.Type != html.ElementNode || s.DataAtom != atom.P {
				continue
			}
			if _, short := textUpTo(s, 80); !short {
				if seen {
					after++
				} else {
					before++
				}
			}
		}
		if before > 0 && after > 0 {
			return true
		}
		n = n.Parent
	}
	return false
}

// linkHeavy reports whether n reads as a list of links rather than prose,
// so a class name like "article-related-wrapper" on the whole article is
// not taken for a block.
func linkHeavy(n *html.Node) bool {
	_, short := textUpTo(n, 200)
	if short {
		return true
	}
	return linkDensity(n, textOf(n)) >= 0.25
}
