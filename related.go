// Related stories: the walk that finds related-story blocks and inline
// callouts, marks them cut, and merges their stories by URL.

package scoop

import (
	"strings"

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
		if fitsIn(n, 400) {
			// Not debris: its text often repeats the first paragraph,
			// which must stay.
			cutKeep(n)
			return false
		}
	}
	if hb&hintDebris == 0 || placeDateline(n) || paywalledProse(n) {
		return false
	}
	return fitsIn(n, 300) && !containsAtom(n, atom.H1)
}

// paywalledProse reports whether n is a paragraph of prose that its class
// marks as behind the paywall ("<p class="paywall">"): the article's own
// text, hidden by script from readers who do not subscribe, not the
// paywall's message, whose pitch the body's line rules take.
func paywalledProse(n *html.Node) bool {
	if n.DataAtom != atom.P || !containsFold(attr(n, "class"), "paywall") {
		return false
	}
	t, short := textUpTo(n, 100)
	return !short && linkDensity(n, t) < 0.3
}

// placeDateline reports whether n is the dateline that opens a story's
// first sentence ("<span class=dateline>KOBE – </span>A total of…"): a
// span classed so inside a paragraph of prose, part of the text.
func placeDateline(n *html.Node) bool {
	if n.DataAtom != atom.Span || n.Parent == nil || n.Parent.DataAtom != atom.P || !strings.Contains(strings.ToLower(attr(n, "class")), "dateline") {
		return false
	}
	return !fitsIn(n.Parent, 120)
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
		// The story keeps the block it was first listed in, even an
		// unlabelled one: a later block's label is not its own.
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
	}
}

// drop removes the stories of the given keys.
func (l *storyList) drop(keys map[string]bool) {
	keyAt := make([]string, len(l.list))
	for k, i := range l.at {
		keyAt[i] = k
	}
	kept := l.list[:0]
	for i, s := range l.list {
		if k := keyAt[i]; keys[k] {
			delete(l.at, k)
		} else {
			l.at[k] = len(kept)
			kept = append(kept, s)
		}
	}
	l.list = kept
}

// bareText reports whether n holds only text and elements without
// attributes: no link, class, id or style for a rule to read.
func bareText(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (len(c.Attr) > 0 || !bareText(c)) {
			return false
		}
	}
	return true
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
	// Unlabelled teaser boxes are kept aside: many of them in one text
	// are a feed of the site's latest stories, not pointers chosen for
	// this article.
	var furniture []*html.Node   // debris wrappers read for a block inside
	teasers := map[string]bool{} // keys first listed by a teaser box
	teaserBoxes := 0
	// teaserKinds holds the kinds (tag and first class) of the teaser
	// boxes read so far: one more of a kind after the last paragraph
	// closes the text with the same pointer.
	teaserKinds := map[string]bool{}
	// afterComments says that the walk has passed the readers' comments:
	// an unlabelled list further down is the site's, not the article's.
	afterComments := false
	// beforeHeadline says that the walk has not reached the page's h1:
	// a labelled list above the headline ("Up Next") heads the page, it
	// was not chosen for the article.
	beforeHeadline := len(p.h1) > 0
	// lastBlock is the last block of related stories found by its label
	// or class, and lastLabel its label: a box of the same kind right
	// after it, with no label of its own, goes on with its stories.
	var lastBlock *html.Node
	lastLabel := ""
	// calloutLabels holds, by parent, the label of an inline callout
	// read there.
	calloutLabels := map[*html.Node]string{}
	// found records the stories of a block, unless the block is hidden
	// (a duplicate box shown only by script): its nodes are cut all the
	// same.
	found := func(hidden bool, stories []story) {
		if !hidden {
			out.add(stories...)
		}
	}
	// The walk's state, as inChrome would find by climbing from each
	// node: chrome and article say whether it is inside page furniture
	// or inside an article or main element; proseAbove whether n's
	// parent holds paragraphs of prose (a teaser box is looked for only
	// there or one level down, which spares the test on every division
	// of the page); hidden whether an ancestor is hidden; sitewide
	// whether an ancestor is named as a sitewide or sponsored list, in
	// which class names alone do not make a related block.
	// headArticle whether an ancestor is the article element
	// that holds the page's headline, above which a block is the
	// article's own (a topic dossier's slider).
	// bar whether an ancestor is named as a bar, whose text was looked
	// through once already; author whether an ancestor is a small box
	// classed as the author's, whose unlabelled cards are the author's
	// other articles, sitewide.
	type state struct{ chrome, article, headArticle, proseAbove, hidden, sitewide, bar, author bool }
	var walk func(n *html.Node, st state)
	walk = func(n *html.Node, st state) {
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
			if c.DataAtom == atom.H1 {
				beforeHeadline = false
			}
			hb := hintBits(c, hintVocab)
			hidden := st.hidden || hiddenElement(c)
			if debris(c, hb) {
				if hb&hintComment != 0 {
					afterComments = afterComments || !fitsIn(c, 200)
				}
				// A related block inside a small print-only or furniture
				// wrapper is read before the wrapper goes.
				if hb&hintRelated == 0 && !p.holdsRelatedLabel(c) {
					p.cut(c, cutDebris)
					continue
				}
				furniture = append(furniture, c)
			}
			if !st.chrome && (c.DataAtom == atom.P || c.DataAtom == atom.Div || c.DataAtom == atom.Li || isHeading(c) || c.DataAtom == atom.Aside || c.DataAtom == atom.Blockquote) {
				if stories := p.callout(c, false); len(stories) > 0 {
					// A text's callouts share their form: one after the
					// last paragraph, labelled as those set between
					// paragraphs of the same text, is one of them.
					if label := strings.ToLower(stories[0].Block); label != "" {
						if stories[0].Inline {
							calloutLabels[c.Parent] = label
						} else if calloutLabels[c.Parent] == label {
							inlineIf(true, stories)
						}
					}
					found(hidden || st.author && unlabelled(stories), stories)
					blocks = append(blocks, c)
					// Paragraphs of one link each right after it go
					// on with its list.
					for _, n := range p.calloutTail(c, stories[len(stories)-1].RelatedStory) {
						found(hidden, []story{n.story})
						blocks = append(blocks, n.node)
						done[n.node] = true
					}
					continue
				}
			}
			if !st.chrome && c.DataAtom == atom.A && (prose == 1 || proseHere()) {
				if stories := p.anchorCard(c); len(stories) > 0 {
					found(hidden || st.author && unlabelled(stories), stories)
					blocks = append(blocks, c)
					continue
				}
			}
			if !st.chrome && (c.DataAtom == atom.Ul || c.DataAtom == atom.Ol) {
				if stories := p.linkList(c); len(stories) > 0 {
					found(hidden || st.author && unlabelled(stories), stories)
					blocks = append(blocks, c)
					continue
				}
			}
			// In the page's footer, class names alone make no related
			// block: its "related" columns list the site's services and
			// sister sites.
			footer := !st.article && pageFooter(c)
			if nodes, stories := p.relatedBlock(c, hb, st.chrome, st.sitewide || footer, afterComments); len(nodes) > 0 {
				// A pager's nodes, with no story, are cut and not
				// looked into: its card would pass for a block.
				if len(stories) > 0 {
					if stories[0].Block == "" && lastBlock != nil && sameKind(c, lastBlock) && prevFilled(c) == lastBlock {
						for i := range stories {
							stories[i].Block = lastLabel
						}
					}
					lastBlock, lastLabel = c, stories[0].Block
				}
				// Inside the headline's own article, a block above it
				// may be the article's (a topic dossier), but not an
				// "Up next" pointer to the site's next stories.
				above := beforeHeadline && !containsAtom(c, atom.H1)
				if above && st.headArticle && len(stories) > 0 && !rxNextLabel.MatchString(stories[0].Block) {
					above = false
				}
				found(hidden || above || st.author && unlabelled(stories), stories)
				blocks = append(blocks, nodes...)
				for _, n := range nodes {
					done[n] = true
				}
				continue
			}
			if !st.chrome && (st.article && c.DataAtom == atom.Aside || !st.article && (c.DataAtom == atom.Div || c.DataAtom == atom.Section) && (st.proseAbove || proseHere())) && hb&(hintNotRelated|hintDebris|hintSponsored) == 0 {
				if nodes, stories := p.topicAside(c); len(nodes) > 0 {
					found(hidden || st.author && unlabelled(stories), stories)
					blocks = append(blocks, nodes...)
					continue
				}
			}
			box := !st.chrome && teaserAtom(c) && hb&(hintNotRelated|hintDebris) == 0
			// Outside an article element, a box must stand well inside
			// the text (paragraphs on both sides), unless one of its
			// kind already did.
			if box && (st.proseAbove || proseHere()) {
				kind := kindKey(c)
				known := teaserKinds[kind]
				ok, stories := false, []story(nil)
				if st.article || known || wellInText(c) {
					ok, stories = p.teaserBox(c, known)
				}
				if !ok {
					// Cards of the stories that the paragraph just before
					// cites are chosen for the text, however many boxes
					// of them it holds: no feed.
					if stories := p.citedCards(c); len(stories) > 0 {
						found(hidden || st.author && unlabelled(stories), stories)
						blocks = append(blocks, c)
						continue
					}
				}
				if ok {
					teaserBoxes++
					teaserKinds[kind] = true
					if !hidden {
						for _, s := range stories {
							if _, ok := out.at[s.key]; !ok {
								teasers[s.key] = true
							}
						}
						out.add(stories...)
					}
					blocks = append(blocks, c)
					continue
				}
			}
			if c.DataAtom == atom.P && bareText(c) {
				continue // nothing in it is a story, a label or debris
			}
			walk(c, state{
				chrome:      st.chrome || chromeElement(c, st.article),
				article:     st.article || c.DataAtom == atom.Article || c.DataAtom == atom.Main,
				headArticle: st.headArticle || c.DataAtom == atom.Article && p.holdsHeadline(c),
				proseAbove:  box && prose == 1,
				hidden:      hidden,
				// A top bar outside the article is chrome even where it
				// holds the site's name as the page's first h1, unless
				// an unclosed tag put the text inside it.
				sitewide: st.sitewide || footer || hb&(hintSponsored|hintSitewide) != 0 && c.DataAtom != atom.Body && !p.holdsHeadline(c) ||
					hb&hintBar != 0 && !st.bar && !st.article && !holdsProse(c),
				bar:    st.bar || hb&hintBar != 0,
				author: st.author || hb&hintAuthor != 0 && fitsIn(c, 2000) && !containsAtom(c, atom.H1),
			})
		}
	}
	walk(p.doc, state{})
	for _, n := range blocks {
		p.cut(n, cutRelated)
	}
	for _, n := range furniture {
		p.cut(n, cutDebris)
	}
	if teaserBoxes > maxTeaserBoxes {
		out.drop(teasers)
	}
	out.drop(p.ownTitled(out))
	out.drop(p.mediaKeys)
	out.add(p.jsonLDRelated()...)
	return out
}

// ownTitled returns the keys of the stories titled as the article itself:
// a related list that names the page under another address (a changed
// slug, a campaign parameter) lists the article, not a story beside it.
func (p *page) ownTitled(l *storyList) map[string]bool {
	own := map[string]bool{}
	for _, t := range []string{p.meta["og:title"], p.meta["twitter:title"], p.stripSiteName(collapse(p.titleTag))} {
		if t = strings.ToLower(collapse(t)); len(t) >= 10 {
			own[t] = true
		}
	}
	if a := p.article(); a != nil {
		if t := strings.ToLower(collapse(ldString(a["headline"]))); len(t) >= 10 {
			own[t] = true
		}
	}
	keys := map[string]bool{}
	for k, i := range l.at {
		if own[strings.ToLower(collapse(l.list[i].Title))] {
			keys[k] = true
		}
	}
	return keys
}

// wellInText reports whether n has at least two paragraphs of prose on
// each side among its siblings: a box set in the running text of a page
// that marks no article element.
func wellInText(n *html.Node) bool {
	return proseAround(n, func(n *html.Node) *html.Node { return n.PrevSibling }) >= 2 &&
		proseAround(n, func(n *html.Node) *html.Node { return n.NextSibling }) >= 2
}

// maxTeaserBoxes is the most unlabelled teaser boxes a text holds when
// they point at stories chosen for it; a site that sets a box of its
// latest headlines after every few paragraphs sets more.
const maxTeaserBoxes = 3

// hiddenElement reports whether n is hidden from readers until a script
// shows it: the hidden attribute, display:none, or a class that says so.
func hiddenElement(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "style":
			if strings.Contains(a.Val, "none") && displayNone(a.Val) {
				return true
			}
		case "class":
			// Whole class names only ("hidden", not "hidden-xs"); this
			// runs on every element, so it looks for the letters first
			// and does not allocate.
			if !strings.Contains(a.Val, "hid") && !strings.Contains(a.Val, "d-none") {
				continue
			}
			for rest := a.Val; rest != ""; {
				rest = strings.TrimLeft(rest, " \t\n")
				end := strings.IndexAny(rest, " \t\n")
				if end < 0 {
					end = len(rest)
				}
				if w := rest[:end]; w != "" && hiddenClasses[w] {
					return true
				}
				rest = rest[end:]
			}
		}
	}
	return false
}

// holdsProse reports whether a paragraph of prose stands anywhere inside
// n. It is asked of the few elements named as bars.
func holdsProse(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.P && isProse(c) || holdsProse(c)) {
			return true
		}
	}
	return false
}

// displayNone reports whether a style attribute says display:none,
// spaces allowed around the colon.
func displayNone(style string) bool {
	for i := strings.Index(style, "display"); i >= 0; {
		rest := strings.TrimLeft(style[i+len("display"):], " ")
		if strings.HasPrefix(rest, ":") && strings.HasPrefix(strings.TrimLeft(rest[1:], " "), "none") {
			return true
		}
		next := strings.Index(style[i+1:], "display")
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return false
}

// hiddenClasses are whole class names that hide an element.
var hiddenClasses = wordSet(`hide hidden d-none is-hidden js-hidden rich-snippet-hidden`)
