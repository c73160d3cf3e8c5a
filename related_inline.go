// Inline pointers to other stories set in the text: callouts ("Read
// more: …"), links set as cards, teaser boxes and asides named by their
// subject.

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
	if n.DataAtom == atom.Blockquote {
		// An embedded post's card, or a callout set as a quote
		// ("<blockquote><b>MIRA |</b> <a>Title</a></blockquote>").
		if stories := p.embedCard(n); len(stories) > 0 {
			return stories
		}
	}
	if !inBody && hasBlockChild(n) {
		return nil
	}
	// The link first: most leaf blocks have none, and it is the cheaper
	// test.
	if !hasLink(n) || !calloutStart(firstText(n)) && !(n.DataAtom == atom.P && arrowLead(n)) {
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
	// The link follows the label: a label that opens a sentence which
	// cites a page in passing ("Read: the county <a>published its
	// report</a> in December, …") is prose. A teaser after the link, or
	// a generic link ("here") after a headline, is the pointer's all
	// the same.
	if rest := strings.TrimSpace(t[loc[1]:]); links[0].text != "" && !rxGenericLink.MatchString(links[0].text) {
		if at := strings.Index(rest, links[0].text); at > 0 && inPassing(rest[:at]) {
			return nil
		}
	}
	var out []story
	for _, l := range links {
		title := l.text
		if title == "" || rxGenericLink.MatchString(title) {
			title = strings.TrimSpace(strings.TrimRight(t[loc[1]:], "]）)"))
		}
		// A label set inside the link ("<a>Read: Title</a>") is no
		// part of the headline.
		if lead := strings.TrimLeft(t[:loc[1]], "[(（ "); lead != "" && strings.HasPrefix(title, lead) {
			title = strings.TrimSpace(title[len(lead):])
		}
		if !headlineLike(title) {
			continue
		}
		out = append(out, story{RelatedStory{Title: title, URL: l.url, Block: label, Inline: placedInText(ownBox(n))}, l.key})
	}
	return out
}

// tailItem is a story a callout's list goes on with, and the paragraph
// that holds it.
type tailItem struct {
	node  *html.Node
	story story
}

// calloutTail reads the paragraphs right after callout n that are each
// one link to a story of the site ("Diese Artikel könnten euch auch
// interessieren: <a>…</a>" then "<p><a>…</a></p>"): more items of its
// list, with its label and placement. last is the callout's story.
func (p *page) calloutTail(n *html.Node, last RelatedStory) []tailItem {
	var out []tailItem
	for s := nextElement(n); s != nil && len(out) < maxListItems; s = nextElement(s) {
		if s.DataAtom != n.DataAtom || !soleLink(s) {
			break
		}
		links := p.links(s)
		if len(links) != 1 || !p.sameSiteName(links[0].url) || !headlineLike(links[0].text) || len(strings.Fields(links[0].text)) < 3 {
			break
		}
		out = append(out, tailItem{s, story{RelatedStory{Title: links[0].text, URL: links[0].url, Block: last.Block, Inline: last.Inline}, links[0].key}})
	}
	return out
}

// inPassing reports whether before, the text between a callout's label
// and its link, is the start of a sentence ("the county") rather than a
// kicker set off by a separator ("Analysis:", "Opinion |").
func inPassing(before string) bool {
	before = strings.TrimSpace(before)
	if before == "" || strings.ContainsAny(before[len(before)-1:], ":|-»>") || strings.HasSuffix(before, "–") || strings.HasSuffix(before, "—") {
		return false
	}
	return len(strings.Fields(before)) >= 2
}

// calloutStart reports whether a block whose text starts with t may be a
// callout: a callout or label word, a bracket or a word in capitals. It
// spares reading the text of every paragraph with a link.
func calloutStart(t string) bool {
	if strings.HasPrefix(t, "[") || strings.TrimLeft(t, arrowMarks) != t {
		return true
	}
	w := firstWord(t)
	lw := strings.ToLower(w)
	// startsCallout(t), without lower-casing the word again.
	starts := lw != "" && (calloutWords[lw] || !isLatin(lw))
	return starts || calloutMoreWords[lw] || mayBeLabel(lw) || w != lw && capitals(w, 1)
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
	links := p.links(n)
	if len(links) == 0 || len(links) > 3 {
		return nil
	}
	// A sentence that opens as a label does ("More from the minister
	// on <a>Today</a> about …") links a word or two in passing and runs
	// on: a citation, not a pointer to a headline.
	if len(strings.Fields(links[0].text)) < 3 {
		t, _ := textUpTo(n, 400)
		if i := strings.Index(t, links[0].text); i >= 0 && len(strings.Fields(t[i+len(links[0].text):])) >= 3 {
			return nil
		}
	}
	return inlineIf(placedInText(ownBox(n)), p.cards(n, label, nil))
}

// calloutLabel returns where the label of a callout ends in t, or nil.
func calloutLabel(t string) []int {
	head := t[:min(len(t), 40)]
	// A callout's label ends with a separator within its first words,
	// which few paragraphs that open with "le" or "per" have.
	if startsCallout(head) && strings.ContainsAny(t[:min(len(t), 64)], ":：|-–—»>】]）)") {
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
// apart as a pointer rather than cited in a sentence: in brackets, between
// arrows ("» Title «", ">> Title <<") or in capitals. t is the
// paragraph's text.
func (p *page) bareCallout(n *html.Node, t string) []story {
	if n.DataAtom != atom.P {
		return nil
	}
	bracketed := strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]")
	arrowed := strings.TrimLeft(t, arrowMarks) != t
	if !bracketed && !arrowed && !(capitals(t, 12) && amongProse(n)) {
		return nil
	}
	links := p.links(n)
	// A line in capitals that links off the site is an appeal
	// ("JETZT MIT PAYPAL SPENDEN!"), not a pointer to a story.
	if len(links) != 1 || !bracketed && !p.sameSiteName(links[0].url) {
		return nil
	}
	title := strings.TrimSpace(strings.Trim(links[0].text, arrowMarks))
	if strings.TrimSpace(strings.Trim(t, "[] "+arrowMarks)) != title || len(strings.Fields(title)) < 4 || rxPromo.MatchString(title) || rxGenericLink.MatchString(title) || rxCallToAction.MatchString(title) {
		return nil
	}
	return []story{{RelatedStory{Title: title, URL: links[0].url, Inline: true}, links[0].key}}
}

// embedCard reads the card WordPress puts in a post for a link to
// another post (its oEmbed markup, a blockquote classed
// wp-embedded-content): an inline pointer to one story.
func (p *page) embedCard(n *html.Node) []story {
	if !strings.Contains(attr(n, "class"), "wp-embedded-content") {
		return nil
	}
	links := p.links(n)
	if len(links) != 1 || !headlineLike(links[0].text) {
		return nil
	}
	return []story{{RelatedStory{Title: links[0].text, URL: links[0].url, Inline: true}, links[0].key}}
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
	if !short || len(strings.Fields(t)) < 4 || rxCallToAction.MatchString(t) || rxPromo.MatchString(t) || creditedPhoto(a, t) {
		return nil
	}
	l := link{a, u, key, t, brokenAttrs(a), false}
	label := ""
	if k := firstText(a); k != t && isRelatedLabel(k) {
		label = trimLabel(k)
	}
	s, flagged := p.readCard(a, l, label, []link{l})
	if label != "" {
		s.Title = strings.TrimSpace(strings.TrimPrefix(s.Title, firstText(a)))
	}
	// Without a label, a link off the site is a promotion (a partner's
	// offer, a petition), as an unlabelled teaser box off the site is.
	if flagged || !headlineLike(s.Title) || label == "" && !p.sameSiteName(u) {
		return nil
	}
	s.Inline = true
	return []story{{s, key}}
}

// creditedPhoto reports whether a, a link of text t, is a photo that
// opens a picture page: it holds an image and its text ends with the
// photo's credit ("Declan Rice after the win. | Foto: Reuters").
func creditedPhoto(a *html.Node, t string) bool {
	i := strings.LastIndexAny(t, "|/")
	return i >= 0 && containsAtom(a, atom.Img) && photoCredit(strings.ToLower(t[i+1:]))
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

// teaserAtom reports whether n can be a teaser box: a division, not a
// paragraph or list; some sites set the box as a figure, its teaser as
// the caption.
func teaserAtom(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Aside, atom.Section, atom.Figure:
		return true
	}
	return false
}

// teaserBox reads an unlabelled box between paragraphs of the article
// that points at one other story: a kicker, a headline, a teaser and a
// "more" link, or an image and a headline, all linking to the same page.
// It reports whether n is such a box, and its story unless the box is a
// promotion. known says that a box of n's kind stood between paragraphs
// earlier on the page: then n may also follow the last one.
func (p *page) teaserBox(n *html.Node, known bool) (bool, []story) {
	t, short := textUpTo(n, 300)
	if !short || !hasLink(n) || calloutLabel(t) != nil || isRelatedLabel(leadText(n)) || isRelatedLabel(p.innerLabelText(n)) {
		return false, nil // a labelled box is read with its label
	}
	// Image, kicker, headline, teaser and "more" may each link to the
	// story: up to five links, all to one page.
	links := p.links(n)
	if len(links) == 0 || len(links) > 5 || links[0].section {
		return false, nil
	}
	// A figure is a teaser when its link holds it whole; a photo whose
	// caption links to a gallery says more than its link.
	if n.DataAtom == atom.Figure && linkDensity(n, t) < 0.8 {
		return false, nil
	}
	// A box has parts (a headline element, an image, a teaser); a
	// division of running text is a paragraph, and a link inside a
	// sentence is a citation.
	// A division that holds one story link and nothing else is a box
	// too: a callout set between paragraphs, not a sentence.
	if !hasBlockChild(n) && !containsAtom(n, atom.Img) && !(n.DataAtom == atom.Div && soleLink(n)) {
		return false, nil
	}
	headline := ""
	for _, l := range links {
		// A "more" link after the teaser is no citation in a sentence.
		if l.key != links[0].key || inSentence(l, n) && !rxGenericLink.MatchString(l.text) {
			return false, nil
		}
		if len(l.text) > len(headline) {
			headline = l.text
		}
	}
	if len(strings.Fields(headline)) < 4 || !amongProse(n) && !(known && proseAround(n, func(n *html.Node) *html.Node { return n.PrevSibling }) >= 2) || creditedPhoto(n, headline) {
		return false, nil
	}
	// A box that points off the site without a label is a promotion
	// (a channel, an app, a partner's offer), not a story of this one;
	// a box classed as a gallery or video teaser points at no story;
	// both are cut all the same.
	if !p.sameSiteName(links[0].url) || mediaClass(n) {
		return true, nil
	}
	stories := inlineIf(true, p.cards(n, eyebrowLabel(n), nil))
	return len(stories) > 0, stories
}

// citedCards reads an unlabelled box set after a paragraph of the text
// whose cards, up to four, point at stories of the site that the
// paragraph links in its sentences: an embed of the stories the text
// cites ("your brain is falling for their tricks" over a card of that
// story). The citation, not the box's look, ties it to the article.
func (p *page) citedCards(n *html.Node) []story {
	// The citing paragraph comes right before the box; a box of up to
	// four cards is short, and the text of a whole section is no such
	// box. These cheap tests spare the others on most boxes of a page.
	prev := prevElement(n)
	if prev == nil || prev.DataAtom != atom.P || !hasBlockChild(n) && !containsAtom(n, atom.Img) {
		return nil
	}
	if !fitsIn(n, 1500) || !isProse(prev) {
		return nil
	}
	links := p.links(n)
	if len(links) == 0 || len(links) > 20 {
		return nil
	}
	keys := map[string]bool{}
	for _, l := range links {
		if !p.sameSiteName(l.url) {
			return nil
		}
		keys[l.key] = true
	}
	if len(keys) > 4 {
		return nil
	}
	cited := false
	for _, l := range p.links(prev) {
		if keys[l.key] && inSentence(l, prev.Parent) {
			cited = true
			break
		}
	}
	if !cited {
		return nil
	}
	stories := p.cards(n, "", nil)
	if len(stories) != len(keys) {
		return nil
	}
	return inlineIf(true, stories)
}

// mediaWordsInClass are the words a class or id uses for a gallery
// teaser ("video" is left out: related boxes that hold videos among
// stories say it as often).
var mediaWordsInClass = []string{"gallery", "galerie", "slideshow", "fotostrecke", "diaporama"}

// mediaClass reports whether n, or a wrapper of its own inside it, is
// classed as a gallery teaser.
func mediaClass(n *html.Node) bool {
	for i := 0; n != nil && i < 3; i++ {
		h := hints(n)
		for _, w := range mediaWordsInClass {
			if strings.Contains(h, w) {
				return true
			}
		}
		n = onlyShownChild(n)
	}
	return false
}

// eyebrowLabel returns a related label set inside a card or its link,
// above its headline ("Related") or under it as a button ("Read more"
// beside an arrow), or "". Inside a card, a plain element that holds
// nothing but the label's words says it as well as a heading does.
func eyebrowLabel(box *html.Node) string {
	found := ""
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && found == ""; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			t := labelText(c)
			// A kicker may be a link of its own ("Informate más" over
			// the headline, both to the story).
			if t == "" && onlyText(c) {
				if l, short := textUpTo(c, 40); short {
					t = l
				}
			}
			if t != "" && isRelatedLabel(t) {
				found = trimLabel(t)
				return
			}
			walk(c)
		}
	}
	walk(box)
	return found
}

// onlyText reports whether n holds only text: no element inside, so no
// headline; a link whose text is a label is a kicker.
func onlyText(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return false
		}
	}
	return n.FirstChild != nil
}

// inSentence reports whether link l sits in a paragraph of box (a p, or
// a division of text) that says more than the link: a citation in
// running text.
func inSentence(l link, box *html.Node) bool {
	for n := l.node.Parent; n != nil && n != box; n = n.Parent {
		// Some sites set each paragraph as a division of text.
		if n.DataAtom == atom.P || n.DataAtom == atom.Div && !hasBlockChild(n) {
			t, _ := textUpTo(n, 400)
			return len(t) > len(l.text)+30
		}
	}
	return false
}
