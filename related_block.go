// Recognising a labelled block of related stories, or one named by its
// class, and the siblings that belong to it.

package scoop

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// nextElement returns the next sibling element of n other than an icon,
// or nil.
func nextElement(n *html.Node) *html.Node {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode && !icon(s) {
			return s
		}
	}
	return nil
}

// prevElement returns the previous sibling element of n other than an
// icon, or nil.
func prevElement(n *html.Node) *html.Node {
	for s := n.PrevSibling; s != nil; s = s.PrevSibling {
		if s.Type == html.ElementNode && !icon(s) {
			return s
		}
	}
	return nil
}

// prevFilled returns the previous sibling element of n that shows
// something, passing over empty ad slots, or nil.
func prevFilled(n *html.Node) *html.Node {
	for s := prevElement(n); s != nil; s = prevElement(s) {
		if !blank(s) {
			return s
		}
	}
	return nil
}

// icon reports whether n is an icon beside a label: an svg or image
// outside any link.
func icon(n *html.Node) bool {
	return n.DataAtom == atom.Svg || n.DataAtom == atom.Img || n.DataAtom == atom.I && !hasLink(n)
}

// capitals reports whether the letters of t, at least min of them, are
// upper case, as headlines set between paragraphs are on some sites.
func capitals(t string, min int) bool {
	letters := 0
	for _, r := range t {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			letters++
		}
	}
	return letters >= min
}

// relatedBlock reports whether n is a block of related stories, and if so
// the nodes it spans and its stories; a "Read next" pointer to the next
// story of an endless scroll gives its nodes and no story. A block is
// recognised by its label (a heading or aria-label in related vocabulary)
// or by class and id hints, and must not be sitewide, sponsored or
// navigation. hb holds the element's hint bits; sitewide says that an
// ancestor is named as a sitewide or sponsored list, inside which class
// hints alone make no block; afterComments that the readers' comments
// came before n, after which class hints without a label make none.
func (p *page) relatedBlock(n *html.Node, hb uint, chrome, sitewide, afterComments bool) ([]*html.Node, []story) {
	if chrome && hb&hintRelated == 0 {
		return nil, nil
	}
	// A label: a short heading-like element whose whole text is related
	// vocabulary. Its stories follow it as siblings.
	label := labelText(n)
	if label == "" && (n.DataAtom == atom.P || n.DataAtom == atom.Span || n.DataAtom == atom.Div && onlyText(n)) && mayBeLabel(firstTextWord(n)) {
		// A plain paragraph, span or division of text alone whose
		// whole text is a label ("Explore further"); rxRelatedLabel
		// matches whole texts only.
		// A division that says only "Read More" is a button that
		// unfolds the rest of the text.
		if t, short := textUpTo(n, 60); short && !hasLink(n) && (n.DataAtom != atom.Div || !rxGenericLink.MatchString(t)) {
			label = t
		}
	}
	if label == "" && isHeading(n) && !hasLink(n) && mayBeLabel(firstTextWord(n)) {
		// A heading that names the topic after its label ("Mehr zu:
		// <the article's title>") is longer than a label alone.
		if t, short := textUpTo(n, 160); short && isRelatedLabel(t) {
			label = t
		}
	}
	if isRelatedLabel(label) && !p.inNotRelated(n) && !p.ownerLabel(label) {
		label = trimLabel(label)
		var nodes []*html.Node
		var stories []story
		// A label wrapped alone in its own header boxes is followed by
		// the header's siblings; a subtitle or a "back to top" link
		// beside it in the header does not part it from them.
		head := n
		for i := 0; i < 4 && head.Parent != nil && p.nextStories(head) == nil && p.prevStories(head) == nil && head.Parent.DataAtom != atom.Body; i++ {
			head = head.Parent
		}
		var last *html.Node // the last node that gave stories
		gap := false        // whether an empty slot followed it
		media := false      // whether videos or galleries were passed over
		for s := head.NextSibling; s != nil; s = s.NextSibling {
			if s.Type != html.ElementNode {
				continue
			}
			// An empty slot (an ad) between stories of one kind does
			// not end the block; after it, only more of the same kind
			// belongs to it.
			if blank(s) {
				gap = last != nil
				continue
			}
			if gap && (!sameKind(s, last) || p.opensList(s, last)) {
				break
			}
			if isHeading(s) && !p.headlineHeading(s) || (labelText(s) != "" && len(p.links(s)) == 0) {
				// A label in two headings ("You may also like" over
				// "Stories picked for you") goes on to the stories under
				// the second; a heading that names another list ends it.
				if t := labelText(s); len(stories) == 0 && t != "" && !rxNotRelated.MatchString(t) && p.filler(s) && !isRelatedLabel(t) {
					nodes = append(nodes, s)
					continue
				}
				break
			}
			// A box with a related label of its own ("À écouter
			// aussi") after the block's stories is a block of its own;
			// one that opens with a label of another kind ("Kurse und
			// Finanzdaten zum Artikel") is another list.
			if len(stories) > 0 && teaserAtom(s) {
				if t, _ := p.innerLabel(s); t != "" && isRelatedLabel(t) && !strings.EqualFold(t, label) {
					break
				}
				if t := leadLabel(s); t != "" && !isRelatedLabel(t) && !headsOwnLink(s, t) {
					break
				}
			}
			st := p.cards(s, label, nil)
			if len(st) == 0 {
				if len(stories) == 0 && p.filler(s) {
					continue
				}
				if p.mediaOnly(s) {
					media = true
					nodes = append(nodes, s)
					last, gap = s, false
					continue
				}
				// A first card that links to no story (only to share
				// buttons) is passed over when more like it follow.
				if next := nextElement(s); len(stories) == 0 && next != nil && sameKind(s, next) && len(p.links(s)) == 0 {
					nodes = append(nodes, s)
					continue
				}
				break
			}
			nodes = append(nodes, s)
			stories = append(stories, st...)
			last, gap = s, false
		}
		if len(stories) == 0 {
			if media {
				// Videos under a related label: cut, with no story.
				return append(nodes, head), nil
			}
			return nil, nil
		}
		if p.nextPager(label, stories) {
			return append(nodes, head), nil
		}
		if p.namesLinksSite(label, stories) || p.sourceList(stories) || weakLabel(label) && (p.linksSelf(nodes) || inRail(head)) || len(stories) >= 2 && adFeed(nodes) {
			return append(nodes, head), nil
		}
		if weakLabel(label) {
			// Under a weak label ("Weitere Themen:"), links of a word
			// or two name sections or tags, not stories.
			stories = headlines(stories)
			if len(stories) == 0 {
				return append(nodes, head), nil
			}
		}
		box := blockBox(head, nodes)
		if more, moreStories := p.restOfBox(box, label); len(more) > 0 {
			nodes = append(nodes, more...)
			stories = append(stories, moreStories...)
		}
		return append(nodes, head), inlineIf(placedInText(box), stories)
	}
	aria := attr(n, "aria-label")
	if aria != "" { // missing on nearly every element
		aria = collapse(aria)
	}
	byHint := hb&hintRelated != 0 || (aria != "" && rxRelatedLabel.MatchString(aria))
	if !byHint || hb&hintNotRelated != 0 || rxNotRelated.MatchString(aria) {
		return nil, nil
	}
	// A list named as sitewide ("Tennis latest", "Most popular"), or set
	// in one, is no related block; it is cut all the same, as page
	// furniture that neither the body nor the date search wants.
	sitewideList := sitewide
	label = aria
	if label == "" {
		// Text before the first link labels the box when it says
		// related ("Related: …") or sitewide ("most popular"); other
		// words there are the first card's kicker ("China").
		switch lead := leadText(n); {
		case isRelatedLabel(lead):
			label = lead
		case lead != "" && rxNotRelated.MatchString(lead):
			sitewideList = true
		}
	}
	l, labelNode := p.innerLabel(n)
	if l == "" && label == "" {
		// A row of cards under a heading of tabs that stands before it
		// (or before the wrapper it opens), not in it.
		at := n
		prev := prevElement(at)
		for i := 0; prev == nil && i < 2 && at.Parent != nil && at.Parent.DataAtom != atom.Body; i++ {
			at = at.Parent
			prev = prevElement(at)
		}
		if prev != nil {
			if t := firstTab(prev); isRelatedLabel(t) {
				label = t
			} else if t := p.headingOver(prev); t != "" {
				// A heading of its own over the box names it: the
				// article's topic ("Coronavirus outbreak"), or a
				// sitewide list ("Latest posts") that the box's class
				// does not make related.
				if notRelatedLabel(t) || p.ownerLabel(t) {
					sitewideList = true
				} else {
					label = trimLabel(t)
				}
			}
		}
	}
	if l == "" && label == "" {
		// A label set inside the first card's link, over its headline;
		// in a box of one story, anywhere in the box.
		if a := firstAnchor(n); a != nil {
			label = eyebrowLabel(a)
		}
		if label == "" && p.oneStory(n) {
			label = eyebrowLabel(n)
		}
	}
	if l != "" {
		sitewideList = sitewideList || notRelatedLabel(l) || p.ownerLabel(l) || rxIssue.MatchString(l)
		label = l
	} else if t := leadLabel(n); t != "" && !headsOwnLink(n, t) && label == "" {
		// A box classed as related opens with its own header: the
		// subject it lists ("Loi sur le renseignement"), or the site
		// ("More Buzz") or a sitewide list, whose latest stories it is.
		if p.namesSite(t) || notRelatedLabel(t) || p.ownerLabel(t) {
			sitewideList = true
		} else {
			label = trimLabel(t)
		}
	} else if afterComments && label == "" {
		// Unlabelled, below the comments: far from the article, the
		// site's own picks ("recommended-posts").
		sitewideList = true
	}
	if !linkHeavy(n) {
		return nil, nil
	}
	stories := p.cards(n, label, labelNode)
	if len(stories) == 0 {
		if p.mediaOnly(n) {
			return []*html.Node{n}, nil
		}
		return nil, nil
	}
	if weakLabel(label) {
		if stories = headlines(stories); len(stories) == 0 {
			return []*html.Node{n}, nil
		}
	}
	// A box classed as a gallery or video teaser ("related_gallery_teaser")
	// lists no story. A box that only its class calls related, with no
	// label, that lists the article itself, or is one item of a list of
	// such boxes that does, is the section's feed of its latest ("Notas
	// de la sección").
	if sitewideList || mediaClass(n) || p.nextPager(label, stories) || p.namesLinksSite(label, stories) || p.sourceList(stories) || (weakLabel(label) || label == "" && labelNode == nil) && p.linksSelf([]*html.Node{n}) || label == "" && labelNode == nil && p.inSelfFeed(n) || weakLabel(label) && inRail(n) {
		return []*html.Node{n}, nil
	}
	return []*html.Node{n}, inlineIf(placedInText(ownBox(n)), stories)
}

// ownBox returns the outermost of n and the wrappers around it that show
// nothing else (an embed slot around a related box): whether the block
// stands among paragraphs is asked of it.
func ownBox(n *html.Node) *html.Node {
	for n.Parent != nil && n.Parent.DataAtom != atom.Body && onlyShownChild(n.Parent) == n {
		n = n.Parent
	}
	return n
}

// oneStory reports whether every story link under n points at one
// story.
func (p *page) oneStory(n *html.Node) bool {
	links := p.links(n)
	for _, l := range links {
		if l.key != links[0].key {
			return false
		}
	}
	return len(links) > 0
}

// firstAnchor returns the first link element under n, or nil.
func firstAnchor(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.A && attr(c, "href") != "" {
			return c
		}
		if a := firstAnchor(c); a != nil {
			return a
		}
	}
	return nil
}

// headingOver returns the text of h when h is a heading (or an element
// classed as a title) that links to no story: a label over the box that
// follows it. "" otherwise.
func (p *page) headingOver(h *html.Node) string {
	// A header box that ends with the heading ("#Corona" over "Corona")
	// is named by it.
	if !isHeading(h) {
		if last := lastElement(h); last != nil && isHeading(last) {
			h = last
		}
	}
	if !isHeading(h) && !labelHint(h) {
		return ""
	}
	t := labelText(h)
	if t == "" || !isHeading(h) && hasLink(h) {
		return ""
	}
	if isHeading(h) && len(p.links(h)) > 0 && !p.sectionHeading(h, t) {
		return "" // a story's headline
	}
	return t
}

// lastElement returns n's last element child, or nil.
func lastElement(n *html.Node) *html.Node {
	for c := n.LastChild; c != nil; c = c.PrevSibling {
		if c.Type == html.ElementNode {
			return c
		}
	}
	return nil
}

// firstTab returns the name of the first tab of a heading made of tabs
// ("RELATED ARTICLES" then "MORE FROM AUTHOR", each a link to "#"): the
// list shown first, under the heading.
func firstTab(h *html.Node) string {
	if !isHeading(h) && !labelHint(h) {
		return ""
	}
	var tabs []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && len(tabs) < 8; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.A {
				tabs = append(tabs, c)
				continue
			}
			walk(c)
		}
	}
	walk(h)
	if len(tabs) < 2 {
		return ""
	}
	for _, a := range tabs {
		if href := strings.TrimSpace(attr(a, "href")); href != "" && href[0] != '#' {
			return ""
		}
	}
	return trimLabel(textOf(tabs[0]))
}

// sameKind reports whether a and b are elements of one tag and first
// class, as the items of one list are (later classes often carry an id:
// "postbox post-7816").
func sameKind(a, b *html.Node) bool {
	return a.DataAtom == b.DataAtom && a.Data == b.Data && firstClass(a) == firstClass(b)
}

// kindKey names the kind that sameKind compares: the tag and first class.
func kindKey(n *html.Node) string {
	return n.Data + " " + firstClass(n)
}

// firstClass returns n's first class name, or "".
func firstClass(n *html.Node) string {
	f := strings.Fields(attr(n, "class"))
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// opensList reports whether s, after an empty slot, opens with a heading
// of its own (a section's name, "VENEZUELA") where last, the block's
// stories before the slot, opened with a story: s is the next list of a
// page of section feeds, not more of the block.
func (p *page) opensList(s, last *html.Node) bool {
	if t, _ := p.innerLabel(s); t == "" {
		return false
	}
	t, _ := p.innerLabel(last)
	return t == ""
}

// filler reports whether n, beside a block label, is part of the label's
// header rather than a story: a subtitle, an icon or a "back to top"
// link, with no story link and little text.
func (p *page) filler(n *html.Node) bool {
	if blank(n) {
		return true
	}
	return fitsIn(n, 60) && !containsAtom(n, atom.Img) && len(p.links(n)) == 0
}

// nextStories returns the next sibling element of n that is not filler,
// or nil.
func (p *page) nextStories(n *html.Node) *html.Node {
	for s := nextElement(n); s != nil; s = nextElement(s) {
		if !p.filler(s) {
			return s
		}
	}
	return nil
}

// prevStories returns the previous sibling element of n that is not
// filler, or nil.
func (p *page) prevStories(n *html.Node) *html.Node {
	for s := prevElement(n); s != nil; s = prevElement(s) {
		if !p.filler(s) {
			return s
		}
	}
	return nil
}

// blockBox returns the element that holds a labelled block: the label's
// parent when the label and its stories fill it, and the wrappers around
// that which hold nothing else. Whether the block stands among
// paragraphs is asked of the box, not of its label.
func blockBox(head *html.Node, nodes []*html.Node) *html.Node {
	box := head.Parent
	if box == nil || box.DataAtom == atom.Body {
		return head
	}
	in := map[*html.Node]bool{head: true}
	for _, n := range nodes {
		in[n] = true
	}
	for c := box.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && !in[c] && !blank(c) {
			return head
		}
	}
	for box.Parent != nil && box.Parent.DataAtom != atom.Body && nextElement(box) == nil && prevElement(box) == nil {
		box = box.Parent
	}
	return box
}
