package scoop

// The headline: the element the dateline stands under and the lead's
// paragraphs follow.

import (
	"strings"

	"golang.org/x/net/html"
)

// headlineAt returns the page's headline element and how much text came
// before it: the h1 that metadata's title confirms (even in a hero header),
// else an h2 or h3 the title confirms, else the first h1 in the content.
func (p *page) headlineAt() (*html.Node, int) {
	if !p.headFound {
		p.head, p.headAt = p.findHeadline()
		p.headFound = true
	}
	return p.head, p.headAt
}

func (p *page) findHeadline() (*html.Node, int) {
	var titles []string
	for _, t := range []string{p.meta["og:title"], p.titleTag} {
		if t = collapse(t); t != "" {
			titles = append(titles, t)
		}
	}
	confirmed := func(h *html.Node) bool {
		if inRelated(h) || unseen(h) {
			return false
		}
		t := textOf(h)
		for _, c := range titles {
			if similarTitle(t, c) {
				return true
			}
		}
		return false
	}
	for i, h := range p.h1[:min(len(p.h1), 4)] {
		if confirmed(h) {
			return h, p.h1At[i]
		}
	}
	for _, l := range p.subheads {
		if confirmed(l.node) && !inChrome(l.node) {
			return l.node, l.at
		}
	}
	// The story's first paragraph of some length, and the h2 or h3 just
	// above it: an h1 below the story is a box's title ("Quicklinks").
	proseAt := -1
	for _, l := range p.paras {
		if t, short := textUpTo(l.node, 150); !short && len(t) > 150 && !inChrome(l.node) && !inRelated(l.node) {
			proseAt = l.at
			break
		}
	}
	below := false
	for i, h := range p.h1 {
		if !inRelated(h) && !inChrome(h) && !unseen(h) && textOf(h) != "" {
			if proseAt >= 0 && p.h1At[i] > proseAt {
				below = true
				break
			}
			return h, p.h1At[i]
		}
	}
	if !below {
		return nil, 0
	}
	var above *line
	for i, l := range p.subheads {
		if l.at > proseAt {
			break
		}
		if !inChrome(l.node) && !inRelated(l.node) && proseAt-l.at <= datelineReach {
			above = &p.subheads[i]
		}
	}
	if above != nil {
		return above.node, above.at
	}
	return nil, 0
}

// unseen reports whether a heading is hidden from sight: a page that
// gives screen readers its own h1 ("<h1 class="visuallyhidden">Title |
// Site</h1>") shows readers another headline, with the dateline under it.
func unseen(h *html.Node) bool {
	if hiddenElement(h) {
		return true
	}
	for _, c := range strings.Fields(strings.ToLower(attr(h, "class"))) {
		if srOnlyClasses[c] {
			return true
		}
	}
	return false
}

// srOnlyClasses are the class names that keep an element off screen for
// screen readers only.
var srOnlyClasses = wordSet(`sr-only visuallyhidden visually-hidden screen-reader-text screenreader-only screen-reader-only element-invisible aural offscreen u-visually-hidden a11y-hidden`)
