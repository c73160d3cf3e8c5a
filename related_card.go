// Reading the cards of a related block: title, image, date and teaser.

package scoop

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxBlockLinks is the most links a related block holds; more make a
// link farm, and would make finding cards quadratic.
const maxBlockLinks = 200

// cards reads the stories in a block. A card is the largest element
// around a link that points at no other story; it gives the title, image,
// date and teaser. The links under labelNode, the block's own label
// ("Next Up In <a>Science</a>"), are left out.
func (p *page) cards(block *html.Node, label string, labelNode *html.Node) []story {
	links := p.links(block)
	if len(links) == 0 || len(links) > maxBlockLinks {
		return nil
	}
	if labelNode != nil {
		kept := links[:0]
		for _, l := range links {
			if !under(l.node, labelNode) {
				kept = append(kept, l)
			}
		}
		links = kept
	}
	// owner maps each element between a link and the block to the one
	// story key under it, or to "" when it holds several; each climb
	// stops where an earlier one passed, so this is linear in the block.
	owner := map[*html.Node]string{}
	byKey := map[string][]link{}
	for _, l := range links {
		byKey[l.key] = append(byKey[l.key], l)
		for n := l.node; n != nil; n = n.Parent {
			k, seen := owner[n]
			if seen && k == "" {
				break
			}
			if seen && k == l.key {
				break
			}
			if seen {
				owner[n] = ""
			} else {
				owner[n] = l.key
			}
			if n == block {
				break
			}
		}
	}
	sub := p.subLabels(block)
	tags := tagLinks(links)
	parents := parentKeys(links)
	var out []story
	for _, l := range links {
		// A link to the page above another story of the block (a
		// series, "/emissions/lsd" over "/emissions/lsd/episode") names
		// the series, not a story.
		if tags[l.node] || parents[l.key] || notStoryLink(l) {
			continue
		}
		cardLabel := label
		if s, ok := sub[l.node]; ok {
			if s == "" {
				continue // under a heading such as "Most read"
			}
			cardLabel = s
		}
		group := byKey[l.key]
		if group == nil {
			continue
		}
		if mediaMarked(group) {
			// Dropped once the page is read: the card still tells
			// the block's shape.
			if p.mediaKeys == nil {
				p.mediaKeys = map[string]bool{}
			}
			p.mediaKeys[l.key] = true
		}
		delete(byKey, l.key)
		card := l.node
		for card != block && card.Parent != nil && card.Parent != block && owner[card.Parent] == l.key {
			card = card.Parent
		}
		if card != block && card.Parent == block && owner[block] == l.key {
			card = block
		}
		if mediaBadge(card) {
			if p.mediaKeys == nil {
				p.mediaKeys = map[string]bool{}
			}
			p.mediaKeys[l.key] = true
		}
		s, flagged := p.readCard(card, l, cardLabel, group)
		if flagged || !headlineLike(s.Title) && !(oneWordHeadline(s.Title, card, cardLabel) && numberedSlug(l.url)) {
			continue
		}
		if inPictures(s.Title) {
			// A gallery, whose card's first link is its image: dropped
			// once the page is read, as a badged card is.
			if p.mediaKeys == nil {
				p.mediaKeys = map[string]bool{}
			}
			p.mediaKeys[l.key] = true
		}
		out = append(out, story{s, l.key})
	}
	return out
}

// oneWordHeadline reports whether t, a title of one word, is a card's
// headline all the same: the card sets it as its heading, under a
// block label ("Coronadämmerung" in a labelled slider); elsewhere a lone
// word in a link is a section or a place.
func oneWordHeadline(t string, card *html.Node, label string) bool {
	return label != "" && t != "" && len(strings.Fields(t)) == 1 && !rxGenericLink.MatchString(t) && !namesLabel(t, label) && headline(card, label) == t
}

// numberedSlug reports whether the last segment of u's path holds a
// number, as an article's address does ("/coronadaemmerung-2452942")
// where a topic's does not ("/themen/wald/wald_node.html").
func numberedSlug(u string) bool {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	u = strings.TrimRight(u, "/")
	return strings.ContainsAny(u[strings.LastIndexByte(u, '/')+1:], "0123456789")
}

// namesLabel reports whether word t is named in the block's label ("More
// in Amsterdam" over a card "Amsterdam"): a link to the place or topic
// the block is about, not a story.
func namesLabel(t, label string) bool {
	return strings.Contains(strings.ToLower(label), strings.ToLower(t))
}

// parentKeys returns the keys of links that are the parent path of
// another link's key: each key's ancestors are listed once, so this is
// linear in the links' paths.
func parentKeys(links []link) map[string]bool {
	var parents map[string]bool
	for _, l := range links {
		k := strings.TrimRight(l.key, "/")
		// Only the path: the host (up to the first slash) stays.
		for i := strings.LastIndexByte(k, '/'); i > 0 && strings.IndexByte(k[:i], '/') >= 0; i = strings.LastIndexByte(k, '/') {
			k = k[:i]
			if parents == nil {
				parents = map[string]bool{}
			}
			if parents[k] {
				break
			}
			parents[k] = true
		}
	}
	if parents == nil {
		return nil
	}
	for _, l := range links {
		if t := strings.TrimRight(l.key, "/"); t != l.key && parents[t] {
			parents[l.key] = true
		}
	}
	return parents
}

// tagLinks returns the links of a block that sit in a keyword or tag
// list: three or more links side by side, each of one to three words
// and no image, as "Brexit", "Theresa May", "EU".
func tagLinks(links []link) map[*html.Node]bool {
	type count struct{ all, short int }
	list := func(a *html.Node) *html.Node {
		c := a.Parent
		if c != nil && c.DataAtom == atom.Li {
			c = c.Parent
		}
		return c
	}
	counts := map[*html.Node]*count{}
	for _, l := range links {
		c := counts[list(l.node)]
		if c == nil {
			c = &count{}
			counts[list(l.node)] = c
		}
		c.all++
		if tagLike(l.text) && !containsAtom(l.node, atom.Img) {
			c.short++
		}
	}
	var tags map[*html.Node]bool
	for _, l := range links {
		if c := counts[list(l.node)]; c.all >= 3 && c.short == c.all {
			if tags == nil {
				tags = map[*html.Node]bool{}
			}
			tags[l.node] = true
		}
	}
	return tags
}

// tagLike reports whether link text is as short as a tag: up to three
// words, or up to six characters in scripts written without spaces.
func tagLike(t string) bool {
	if len(strings.Fields(t)) > 3 {
		return false
	}
	for _, r := range t {
		if r >= 0x2E80 {
			return utf8.RuneCountInString(t) <= 6
		}
	}
	return true
}

// subLabels maps the links of a block that hold several labelled groups
// ("Related Stories", then "Recommended for you") to the label of their
// group: the last heading before them in related vocabulary (a heading
// may link to the section it names, "Plus en <a>Montréal</a>"), or ""
// after one that names a sitewide or sponsored list. Links before any
// such heading are left out, and keep the block's label.
func (p *page) subLabels(block *html.Node) map[*html.Node]string {
	var sub map[*html.Node]string
	cur, seen := "", false
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipText(c) {
				continue
			}
			if c.DataAtom == atom.A {
				if seen {
					if sub == nil {
						sub = map[*html.Node]string{}
					}
					sub[c] = cur
				}
				continue
			}
			if isHeading(c) && (!hasLink(c) || p.sectionHeading(c, labelText(c))) {
				if t := labelText(c); isRelatedLabel(t) {
					cur, seen = trimLabel(t), true
				} else if t != "" && rxNotRelated.MatchString(t) {
					cur, seen = "", true
				}
				continue
			}
			walk(c)
		}
	}
	walk(block)
	return sub
}

// linkNamed reports whether one of the links in group under card has the
// text t.
func linkNamed(group []link, card *html.Node, t string) bool {
	for _, x := range group {
		if x.text == t && under(x.node, card) {
			return true
		}
	}
	return false
}

// under reports whether n is root or one of its descendants.
func under(n, root *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == root {
			return true
		}
	}
	return false
}

// readCard reads the story of link l from its card; group holds the
// block's links to the same story. flagged reports a card marked as
// sponsored or trending by a kicker of its own ("Sponsored", "Trending"):
// an advertisement or a sitewide pick slipped into the block.
func (p *page) readCard(card *html.Node, l link, label string, group []link) (s RelatedStory, flagged bool) {
	s = RelatedStory{URL: l.url, Block: label}
	// The title is the longest text of a link to the story, else a heading.
	for _, x := range group {
		if under(x.node, card) && len(x.text) > len(s.Title) && !rxGenericLink.MatchString(x.text) {
			s.Title = x.text
		}
	}
	// A headline element inside the card leaves out kickers and labels,
	// and stands in for a link that holds only the time and kicker.
	// So does a headline that a link of its own names, over a longer
	// link on the teaser.
	h := headline(card, label)
	if h != "" && (strings.Contains(s.Title, h) || kickerTitle(s.Title) && !kickerTitle(h) || linkNamed(group, card, h)) {
		s.Title = h
	}
	// Without a headline the title is read from the card's text when the
	// link's own text was a time and kicker, or its title attribute was
	// broken by a quote.
	// A link that holds the card's age before its headline.
	if mayBeAge(s.Title) {
		if loc := rxAgePrefix.FindStringIndex(s.Title); loc != nil && len(strings.Fields(s.Title[loc[1]:])) >= 3 {
			s.Title = s.Title[loc[1]:]
		}
	}
	// A lone word is a kicker, unless a labelled block's card sets it
	// as its heading and links it ("Coronadämmerung").
	fallback := kickerTitle(s.Title) && !(label != "" && s.Title == h && linkNamed(group, card, h) && !capitals(h, 3) && !namesLabel(h, label))
	if fallback {
		s.Title = ""
	}
	for _, x := range group {
		fallback = fallback || x.broken && s.Title == ""
	}
	// Other links of the card (share buttons, a download) do not name
	// the story.
	ofStory := func(a *html.Node) bool {
		for _, x := range group {
			if x.node == a {
				return true
			}
		}
		return false
	}
	var texts []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			if t := collapse(n.Data); t != "" {
				texts = append(texts, t)
			}
			return
		case n.Type != html.ElementNode || skipText(n):
			return
		case n.DataAtom == atom.Img || n.DataAtom == atom.Source:
			if s.Image == "" {
				s.Image = p.imageURL(n)
			}
			if s.Title == "" && n.DataAtom == atom.Img {
				s.Title = collapse(attr(n, "alt"))
			}
		case n.DataAtom == atom.Time:
			if t, ok := parseMachineDate(attr(n, "datetime")); ok && s.Published == nil {
				s.Published = &t
			}
		}
		if (isHeading(n) || n.DataAtom == atom.A && ofStory(n)) && s.Title == "" {
			s.Title = textOf(n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(card)
	if fallback && (s.Title == "" || kickerTitle(s.Title)) {
		// No headline element: the longest run of text that reads as one.
		s.Title = ""
		for _, t := range texts {
			if len(t) > len(s.Title) && len(strings.Fields(t)) >= 4 && !strings.EqualFold(t, label) {
				s.Title = t
			}
		}
	}
	if s.Title == "" && !fallback {
		// A card whose link is an image with no alt text: the page's
		// address still names it.
		s.Title = slugTitle(l.url)
	}
	// Teaser and date come from the card's other text.
	order := p.numericOrder()
	// A date set inside the link before or after its headline ("17
	// december 2024" over the headline, in one link) is no part of the
	// title: it is the card's date.
	for _, t := range texts {
		if len(t) > 40 || len(s.Title) < len(t)+10 {
			continue
		}
		rest, cut := strings.CutPrefix(s.Title, t)
		if !cut {
			rest, cut = strings.CutSuffix(s.Title, t)
		}
		if !cut {
			continue
		}
		if d, ok := parseTextDate(t, order); ok {
			s.Title = strings.Trim(rest, " |·•–—-:")
			if s.Published == nil {
				s.Published = &d
			}
			break
		}
	}
	var summary []string
	for _, t := range texts {
		if strings.Contains(s.Title, t) || strings.EqualFold(t, label) {
			continue
		}
		if len(t) <= 40 { // longer runs are no date line
			if d, ok := parseTextDate(t, order); ok {
				if s.Published == nil {
					s.Published = &d
				}
				continue
			}
		}
		if len(t) <= 24 && cardFlagWords[strings.ToLower(firstWord(t))] && rxCardFlag.MatchString(t) {
			flagged = true
		}
		if len(t) >= 20 {
			summary = append(summary, t)
		}
	}
	s.Summary = trimEllipsis(strings.Join(summary, " "))
	return s, flagged
}

// cardFlagWords are the first words of rxCardFlag, checked first.
var cardFlagWords = wordSet(`sponsored promoted paid partner advertorial advertisement anzeige werbung publicidad publicité publicidade pubblicità trending most`)

// rxCardFlag is a card's kicker that marks it as an advertisement or a
// sitewide pick rather than a story chosen for the article.
var rxCardFlag = regexp.MustCompile(`(?i)^[^\pL\pN]*(sponsored( content| post| story)?|promoted|paid (content|post|partnership)|partner content|advertorial|advertisement|anzeige|werbung|publicidad|publicité|publicidade|pubblicità|trending( now)?|most (read|popular|viewed))[^\pL\pN]*$`)

// imageURL returns the absolute URL of an image, looking past lazy-load
// placeholders to data-src and srcset attributes.
func (p *page) imageURL(n *html.Node) string {
	for _, k := range []string{"data-src", "data-lazy-src", "data-original", "data-lazy", "data-url"} {
		if u := p.resolve(attr(n, k)); u != "" {
			return u
		}
	}
	src := attr(n, "src")
	if src != "" && !strings.HasPrefix(src, "data:") {
		if u := p.resolve(src); u != "" {
			return u
		}
	}
	for _, k := range []string{"data-srcset", "srcset", "data-lazy-srcset"} {
		if v := attr(n, k); v != "" {
			first := strings.Fields(strings.Split(v, ",")[0])
			if len(first) > 0 {
				if u := p.resolve(first[0]); u != "" {
					return u
				}
			}
		}
	}
	return ""
}
