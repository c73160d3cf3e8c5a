// Recognising a related block or an inline callout, and whether it sits
// in the article body.

package scoop

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// callout reads an inline pointer such as "RELATED STORY | <a>Title</a>",
// "[Read more: <a>Title</a>]" or "MORE : <a>Title</a>", or a paragraph
// that is nothing but a story link set apart: "[<a>Title</a>]" or an
// all-caps headline. Outside the cleaned body (inBody false) n must be a
// leaf block.
func (p *page) callout(n *html.Node, inBody bool) []story {
	if !inBody && hasBlockChild(n) {
		return nil
	}
	if !calloutStart(firstText(n)) || !hasLink(n) {
		return nil
	}
	t, short := textUpTo(n, 400)
	if !short || len(t) < 8 {
		return nil
	}
	loc := calloutLabel(t)
	if loc == nil {
		if lead := leadText(n); isRelatedLabel(lead) && !inBody {
			return p.leadCallout(n, trimLabel(lead))
		}
		return p.bareCallout(n, t)
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
			title = strings.TrimSpace(strings.TrimRight(t[loc[1]:], "]）)"))
		}
		if !headlineLike(title) {
			continue
		}
		out = append(out, story{RelatedStory{Title: title, URL: l.url, Block: label, Inline: true}, l.key})
	}
	return out
}

// calloutStart reports whether a block whose text starts with t may be a
// callout: a callout or label word, a bracket or a word in capitals. It
// spares reading the text of every paragraph with a link.
func calloutStart(t string) bool {
	if strings.HasPrefix(t, "[") {
		return true
	}
	w := firstWord(t)
	lw := strings.ToLower(w)
	return startsCallout(t) || calloutMoreWords[lw] || mayBeLabel(lw) || w != lw && capitals(w, 1)
}

// firstText returns the first run of text under n that holds a letter or
// digit or opens a bracket, trimmed; bullets and icons before it are
// passed over.
func firstText(n *html.Node) string {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			t := strings.TrimSpace(c.Data)
			if strings.HasPrefix(t, "[") || strings.IndexFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) >= 0 {
				return t
			}
		case c.Type == html.ElementNode && !skipText(c):
			if t := firstText(c); t != "" {
				return t
			}
		}
	}
	return ""
}

// leadCallout reads a leaf block that starts with a related label but no
// separator ("Explore further <a>Title</a>"). It is inline only between
// paragraphs.
func (p *page) leadCallout(n *html.Node, label string) []story {
	if links := p.links(n); len(links) == 0 || len(links) > 3 {
		return nil
	}
	return inlineIf(amongProse(n), p.cards(n, label, nil))
}

// calloutLabel returns where the label of a callout ends in t, or nil.
func calloutLabel(t string) []int {
	head := t[:min(len(t), 40)]
	if startsCallout(head) {
		if loc := rxCallout.FindStringIndex(t); loc != nil {
			return loc
		}
	}
	if calloutMoreWords[firstWord(strings.ToLower(head))] {
		return rxCalloutMore.FindStringIndex(t)
	}
	return nil
}

// bareCallout reads a paragraph whose whole text is one story link, set
// apart as a pointer rather than cited in a sentence: in brackets, or in
// capitals. t is the paragraph's text.
func (p *page) bareCallout(n *html.Node, t string) []story {
	if n.DataAtom != atom.P {
		return nil
	}
	bracketed := strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]")
	if !bracketed && !(capitals(t, 12) && amongProse(n)) {
		return nil
	}
	links := p.links(n)
	if len(links) != 1 {
		return nil
	}
	title := links[0].text
	if strings.Trim(t, "[] ") != title || len(strings.Fields(title)) < 4 || rxPromo.MatchString(title) || rxGenericLink.MatchString(title) || rxCallToAction.MatchString(title) {
		return nil
	}
	return []story{{RelatedStory{Title: title, URL: links[0].url, Inline: true}, links[0].key}}
}

// anchorCard reads a link set as a block of its own between paragraphs
// of the text, holding a kicker and a headline ("Also on example.com
// <headline>"): an inline pointer to one story. The kicker is its label
// when it is related vocabulary. a is a child of an element that holds
// paragraphs; a link inside running text is a citation.
func (p *page) anchorCard(a *html.Node) []story {
	if !standsAlone(a) || !amongProse(a) {
		return nil
	}
	u, key := p.storyURL(attr(a, "href"))
	if u == "" {
		return nil
	}
	t, short := textUpTo(a, 300)
	if !short || len(strings.Fields(t)) < 4 || rxCallToAction.MatchString(t) || rxPromo.MatchString(t) {
		return nil
	}
	l := link{a, u, key, t, brokenAttrs(a)}
	label := ""
	if k := firstText(a); k != t && isRelatedLabel(k) {
		label = trimLabel(k)
	}
	s, flagged := p.readCard(a, l, label, []link{l})
	if label != "" {
		s.Title = strings.TrimSpace(strings.TrimPrefix(s.Title, firstText(a)))
	}
	if flagged || !headlineLike(s.Title) {
		return nil
	}
	s.Inline = true
	return []story{{s, key}}
}

// standsAlone reports whether n has elements, not running text, on both
// sides.
func standsAlone(n *html.Node) bool {
	for _, step := range []func(*html.Node) *html.Node{
		func(n *html.Node) *html.Node { return n.PrevSibling },
		func(n *html.Node) *html.Node { return n.NextSibling },
	} {
		for s := step(n); s != nil; s = step(s) {
			if s.Type == html.TextNode {
				if strings.TrimSpace(s.Data) != "" {
					return false
				}
				continue
			}
			break
		}
	}
	return true
}

// topicAside reads an aside set between paragraphs of the text under a
// heading that names the subject rather than saying "related" ("Brexit",
// "The bridge works"), listing stories of the site: an inline block
// labelled by its heading. A heading that names a sitewide, sponsored or
// newsletter box, or the site itself, is no such label.
func (p *page) topicAside(n *html.Node) ([]*html.Node, []story) {
	label, labelNode := p.innerLabel(n)
	if label == "" || labelNode == nil || rxNotRelated.MatchString(label) || p.ownerLabel(label) || !linkHeavy(n) || !amongProse(n) {
		return nil, nil
	}
	stories := p.cards(n, label, labelNode)
	if len(stories) == 0 || p.sourceList(stories) {
		return nil, nil
	}
	for _, s := range stories {
		if !p.sameSiteName(s.URL) {
			return nil, nil
		}
	}
	return []*html.Node{n}, inlineIf(true, stories)
}

// teaserAtom reports whether n can be a teaser box: a division, not a
// paragraph or list.
func teaserAtom(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Aside, atom.Section:
		return true
	}
	return false
}

// teaserBox reads an unlabelled box between paragraphs of the article
// that points at one other story: a kicker, a headline, a teaser and a
// "more" link, or an image and a headline, all linking to the same page.
// It reports whether n is such a box, and its story unless the box is a
// promotion.
func (p *page) teaserBox(n *html.Node) (bool, []story) {
	t, short := textUpTo(n, 300)
	if !short || !hasLink(n) || calloutLabel(t) != nil || isRelatedLabel(leadText(n)) || isRelatedLabel(p.innerLabelText(n)) {
		return false, nil // a labelled box is read with its label
	}
	links := p.links(n)
	if len(links) == 0 || len(links) > 4 {
		return false, nil
	}
	// A box has parts (a headline element, an image, a teaser); a
	// division of running text is a paragraph, and a link inside a
	// sentence is a citation.
	if !hasBlockChild(n) && !containsAtom(n, atom.Img) {
		return false, nil
	}
	headline := ""
	for _, l := range links {
		if l.key != links[0].key || inSentence(l, n) {
			return false, nil
		}
		if len(l.text) > len(headline) {
			headline = l.text
		}
	}
	if len(strings.Fields(headline)) < 4 || !amongProse(n) {
		return false, nil
	}
	// A box that points off the site without a label is a promotion
	// (a channel, an app, a partner's offer), not a story of this one;
	// it is cut all the same.
	if !p.sameSiteName(links[0].url) {
		return true, nil
	}
	stories := inlineIf(true, p.cards(n, "", nil))
	return len(stories) > 0, stories
}

// inSentence reports whether link l sits in a paragraph of box that says
// more than the link: a citation in running text.
func inSentence(l link, box *html.Node) bool {
	for n := l.node.Parent; n != nil && n != box; n = n.Parent {
		if n.DataAtom == atom.P {
			t, _ := textUpTo(n, 400)
			return len(t) > len(l.text)+30
		}
	}
	return false
}

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
// hints alone make no block.
func (p *page) relatedBlock(n *html.Node, hb uint, chrome, sitewide bool) ([]*html.Node, []story) {
	if chrome && hb&hintRelated == 0 {
		return nil, nil
	}
	// A label: a short heading-like element whose whole text is related
	// vocabulary. Its stories follow it as siblings.
	label := labelText(n)
	if label == "" && (n.DataAtom == atom.P || n.DataAtom == atom.Span) && mayBeLabel(firstTextWord(n)) {
		// A plain paragraph or span whose whole text is a label
		// ("Explore further"); rxRelatedLabel matches whole texts only.
		if t, short := textUpTo(n, 40); short && !hasLink(n) {
			label = t
		}
	}
	if isRelatedLabel(label) && !inNotRelated(n) && !p.ownerLabel(label) {
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
			if gap && !sameKind(s, last) {
				break
			}
			if isHeading(s) || (labelText(s) != "" && len(p.links(s)) == 0) {
				// A label in two headings ("You may also like" over
				// "Stories picked for you") goes on to the stories under
				// the second; a heading that names another list ends it.
				if t := labelText(s); len(stories) == 0 && t != "" && !rxNotRelated.MatchString(t) && p.filler(s) && !isRelatedLabel(t) {
					nodes = append(nodes, s)
					continue
				}
				break
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
		if p.namesLinksSite(label, stories) || p.sourceList(stories) {
			return append(nodes, head), nil
		}
		return append(nodes, head), inlineIf(amongProse(blockBox(head, nodes)), stories)
	}
	aria := collapse(attr(n, "aria-label"))
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
		label = leadText(n)
	}
	l, labelNode := p.innerLabel(n)
	if l != "" {
		sitewideList = sitewideList || rxNotRelated.MatchString(l) || p.ownerLabel(l)
		label = l
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
	if sitewideList || p.nextPager(label, stories) || p.namesLinksSite(label, stories) || p.sourceList(stories) {
		return []*html.Node{n}, nil
	}
	return []*html.Node{n}, inlineIf(amongProse(n), stories)
}

// sameKind reports whether a and b are elements of one tag and first
// class, as the items of one list are (later classes often carry an id:
// "postbox post-7816").
func sameKind(a, b *html.Node) bool {
	first := func(n *html.Node) string {
		f := strings.Fields(attr(n, "class"))
		if len(f) == 0 {
			return ""
		}
		return f[0]
	}
	return a.DataAtom == b.DataAtom && a.Data == b.Data && first(a) == first(b)
}

// filler reports whether n, beside a block label, is part of the label's
// header rather than a story: a subtitle, an icon or a "back to top"
// link, with no story link and little text.
func (p *page) filler(n *html.Node) bool {
	if blank(n) {
		return true
	}
	_, short := textUpTo(n, 60)
	return short && !containsAtom(n, atom.Img) && len(p.links(n)) == 0
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
		before := proseAround(n, func(n *html.Node) *html.Node { return n.PrevSibling })
		after := proseAround(n, func(n *html.Node) *html.Node { return n.NextSibling })
		// A box floated at the top of the text has no prose before
		// it, but the body goes on after it.
		if after > 0 && (before > 0 || after >= 3) {
			return true
		}
		n = n.Parent
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
	count := 0
	for s, seen := step(n), 0; s != nil && seen < proseWindow; s = step(s) {
		if s.Type != html.ElementNode {
			continue
		}
		seen++
		if isProse(s) && !referenceLine(s) {
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
		_, short := textUpTo(n, 80)
		return !short
	}
	switch n.DataAtom {
	case atom.P:
		return long(n)
	case atom.Div, atom.Section:
		if !hasBlockChild(n) {
			// A div used as a paragraph.
			return long(n) && !linkHeavy(n)
		}
		// Only paragraphs: a comments box or newsletter teaser has a
		// heading or form beside its paragraph.
		found := false
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom != atom.P {
				return false
			}
			found = found || long(c)
		}
		return found
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

// nextFilled returns the next sibling element of n that shows something,
// or nil: an empty placeholder (an ad slot, a spacer) beside a label does
// not part it from its stories.
func nextFilled(n *html.Node) *html.Node {
	for s := nextElement(n); s != nil; s = nextElement(s) {
		if !blank(s) {
			return s
		}
	}
	return nil
}

// blank reports whether n shows no text, link or image.
func blank(n *html.Node) bool {
	return firstText(n) == "" && !hasLink(n) && !containsAtom(n, atom.Img)
}
