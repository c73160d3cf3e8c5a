package scoop

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// rxRelatedLabel is the whole label of a block of related stories, in the
// languages scoop reads.
var rxRelatedLabel = regexp.MustCompile(`(?i)^[^\pL\pN]*(` +
	`(other |more )?related( news| stories| story| articles?| content| coverage| posts| links| reading| videos)?|` +
	`more (on|about) (this|this story|this topic|the topic|that|the story)|more from\b.*|more (stories|news|articles|coverage)( on| about| from| like this)?\b.*|` +
	`you (may|might) (also )?(like|enjoy|be interested in)|recommended( for you| stories| articles| reading)?|` +
	`(what to )?read next|up next|further reading|also read|read also|see also|read more|keep reading|more to read|` +
	`lesen sie auch|lesen sie mehr|mehr zum thema|mehr zu[mr]? .*|das könnte sie auch interessieren|auch interessant|weitere artikel|verwandte (artikel|themen)|ähnliche artikel|mehr aus .*|` +
	`à lire aussi|a lire aussi|lire aussi|à lire également|sur le même sujet|sur le meme sujet|articles similaires|vous aimerez aussi|vous aimerez aussi lire|à voir aussi|voir aussi|dans la même rubrique|` +
	`noticias relacionadas|artículos relacionados|contenido relacionado|relacionad[oa]s|leer más|lee también|lea también|te puede interesar|también te puede interesar|más sobre .*|más noticias|` +
	`leggi anche|articoli correlati|notizie correlate|correlati|potrebbe interessarti|ti potrebbe interessare|altri articoli|dello stesso argomento|` +
	`leia também|leia mais|veja também|notícias relacionadas|matérias relacionadas|você pode gostar|mais sobre .*|` +
	`lees ook|lees meer|gerelateerde artikelen|gerelateerd( nieuws)?|meer over .*|meer nieuws|zie ook|ook interessant|` +
	`läs också|läs mer|relaterade artiklar|læs også|les også|relaterte saker|relaterede artikler|` +
	`czytaj (też|także|również)|zobacz (też|także|również)|powiązane( artykuły)?|čtěte také|související články|` +
	`читайте также|по теме|похожие (новости|статьи)|другие новости|ilgili haberler|benzer haberler|` +
	`baca juga|berita terkait|artikel terkait|tin liên quan|xem thêm|bài liên quan|` +
	`اقرأ أيضا|اقرأ أيضاً|أخبار ذات صلة|मुख्य खबरें|यह भी पढ़ें|संबंधित खबरें|` +
	`関連記事|関連ニュース|関連リンク|あわせて読みたい|合わせて読みたい|おすすめ記事|` +
	`相关新闻|相关阅读|相关文章|相关报道|延伸阅读|推荐阅读|相關新聞|相關閱讀|延伸閱讀|관련\s?기사|관련\s?뉴스|함께 볼만한 기사` +
	`)[^\pL\pN]*$`)

// rxNotRelated marks blocks that look like related stories but are
// sitewide, sponsored or not stories at all.
var rxNotRelated = regexp.MustCompile(`(?i)(taboola|outbrain|sponsor|promoted|paid|partner|advert|\bads?\b|trending|popular|most[\s_-]?(read|viewed|shared|commented|popular)|meistgelesen|les plus lus|más leídas|más vistas|più lett|mais lidas|meest gelezen|around the web|from the web|tags\b|keywords|schlagworte|comments?\b|newsletter)`)

// rxSkipURL matches links that never point at a story.
var rxSkipURL = regexp.MustCompile(`(?i)^(mailto|javascript|tel|sms|whatsapp|data):|/(tags?|topics?|category|categories|author|authors|authors?/|search|login|signin|register|subscribe|newsletter|newsletters|page|privacy|terms|contact|about|sharer|share|intent)(/|\?|\.|$)|[?&](share|page|replytocom)=`)

// rxGenericLink is link text that is no title.
var rxGenericLink = regexp.MustCompile(`(?i)^[^\pL\pN]*(sponsored.*|(see|view|show) (all|more)\b.*|all .* (stories|news|articles)|more .* (stories|news|articles)|more|read more|read on|see (all|more)|view (all|more)|all (stories|news|articles)|next|previous|prev|continue( reading)?|weiterlesen|mehr|lire la suite|suite|leer más|ver más|leggi|leia mais|lees meer|\d+)[^\pL\pN]*$`)

// Kinds of block that class and id names tell, as bits of hintBits.
const (
	hintDebris uint = 1 << iota
	hintComment
	hintDek
	hintSponsored
	hintRelated
	hintNotRelated
)

// hintVocab gives the kind bits of each class and id word.
var hintVocab = vocabulary(debrisHints, commentHints, dekHints, sponsoredHints, relatedHints, notRelatedHints)

// Class and id words of the small blocks around an article that readers
// skip, of related-story blocks, and of look-alikes that are sitewide,
// sponsored or not stories at all.
const (
	debrisHints = `byline author authorby authorname authors authorinfo authorbio credit credits
		caption copyright newsletter signup subscribe subscription share sharing sharebar sharetools
		social promo apppromo appdownload shoutout ad ads adslot adunit advert advertisement sponsor
		sponsored breadcrumb breadcrumbs tags taglist updated timestamp print comments commentcount
		disclaimer rating reactions kicker eyebrow overline surtitre dachzeile rubric legend legende descr
		imgdescr bildunterschrift didascalia editor published publication publi dateline postmeta entrymeta
		articlemeta meta date dates publicidade publicidad publicite werbung anzeige reclame republish republishing donate donation membership support cta paywall`
	relatedHints = `related relatedlinks relatedarticles relatedstories relatedposts relatednews
		relatedcontent relatedcoverage morefrom moreon morestories morenews morearticles readnext
		recommended recommendations youmaylike youmayalsolike mayalsolike alsoread furtherreading seealso
		mehrzumthema lesensieauch alireaussi relacionados relacionadas correlati correlate leiatambem
		gerelateerd`
	// commentHints mark reader comments, cut whatever their length.
	commentHints = `comments commentlist commentsection disqus reacties kommentare commentaires
		comentarios comentários commenti komentarze kommentarer readercomments`
	// dekHints mark a standfirst under the headline.
	dekHints       = `standfirst dek sommario summary abstract resumen resumo chapeau`
	sponsoredHints = `taboola outbrain sponsor sponsored promoted paid partner partners advert ad ads
		adslot adunit advertisement`
	notRelatedHints = `taboola outbrain sponsor sponsored promoted paid partner partners advert ad
		ads trending popular mostread mostviewed mostshared mostpopular mostcommented tag tags taglist
		keywords breadcrumb breadcrumbs pagination comment comments share social newsletter menu`
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

// relatedStories finds the page's related stories, in page order: inline
// callouts and labelled blocks. The blocks are marked cut, so
// that they reach neither the body nor the date search. Stories named only
// in JSON-LD come last.
func (p *page) relatedStories() []RelatedStory {
	var out []RelatedStory
	var blocks []*html.Node
	// chrome and article say whether the walk is inside page furniture
	// or inside an article or main element, as inChrome would find by
	// climbing from each node.
	var walk func(n *html.Node, chrome, article bool)
	walk = func(n *html.Node, chrome, article bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipText(c) {
				continue
			}
			hb := hintBits(c, hintVocab)
			if debris(c, hb) {
				p.cut(c, cutDebris)
				continue
			}
			if !chrome && (c.DataAtom == atom.P || c.DataAtom == atom.Div || c.DataAtom == atom.Li || isHeading(c) || c.DataAtom == atom.Aside) {
				if stories := p.callout(c, false); len(stories) > 0 {
					out = p.mergeStories(out, stories)
					blocks = append(blocks, c)
					continue
				}
			}
			if nodes, stories := p.relatedBlock(c, hb, chrome); len(stories) > 0 {
				out = p.mergeStories(out, stories)
				blocks = append(blocks, nodes...)
				continue
			}
			walk(c, chrome || chromeElement(c, article), article || c.DataAtom == atom.Article || c.DataAtom == atom.Main)
		}
	}
	walk(p.doc, false, false)
	for _, n := range blocks {
		p.cut(n, cutRelated)
	}
	return p.mergeStories(out, p.jsonLDRelated())
}

// callout reads an inline pointer such as "RELATED STORY | <a>Title</a>".
// Outside the cleaned body (inBody false) n must be a leaf block.
func (p *page) callout(n *html.Node, inBody bool) []RelatedStory {
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
	var out []RelatedStory
	for _, l := range links {
		title := l.text
		if title == "" || rxGenericLink.MatchString(title) {
			title = strings.TrimSpace(t[loc[1]:])
		}
		out = append(out, RelatedStory{Title: title, URL: l.url, Block: label, Inline: true})
	}
	return out
}

// link is an anchor that may point at a story.
type link struct {
	node *html.Node
	url  string
	text string
}

// links returns the story links under n, skipping navigation-like targets
// and the page itself.
func (p *page) links(n *html.Node) []link {
	var out []link
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		if n.DataAtom == atom.A {
			if u := p.storyURL(attr(n, "href")); u != "" {
				t := textOf(n)
				if t == "" {
					t = collapse(attr(n, "title"))
				}
				out = append(out, link{n, u, t})
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// storyURL resolves href and returns it unless it cannot be a story:
// another scheme, the page itself, the site's home, a tag, author,
// search or share link.
func (p *page) storyURL(href string) string {
	u := p.resolve(href)
	if u == "" || rxSkipURL.MatchString(href) {
		return ""
	}
	pu, err := url.Parse(u)
	if err != nil || pu.Path == "" || pu.Path == "/" || rxSkipURL.MatchString(pu.Path) || !storyLike(pu) {
		return ""
	}
	if key := storyKey(u); key == storyKey(p.url.String()) || (p.canonical != "" && key == storyKey(p.resolve(p.canonical))) {
		return ""
	}
	return u
}

// storyLike reports whether a URL looks like a story rather than a
// section or guide ("/politics", "/guides/deals/"): stories have a slug
// with several words, a number, a file extension or a query.
func storyLike(u *url.URL) bool {
	if u.RawQuery != "" {
		return true
	}
	path := strings.TrimRight(u.EscapedPath(), "/")
	last := path[strings.LastIndexByte(path, '/')+1:]
	return strings.ContainsAny(last, "0123456789-_.%~") || strings.Count(path, "/") >= 3
}

// storyKey identifies a related story for de-duplication: the crawler's
// URLKey (no fragment, tracking parameters or AMP variant), also ignoring
// the scheme and a leading www.
func storyKey(s string) string {
	k := URLKey(s)
	if k == "" {
		return s
	}
	k = strings.TrimPrefix(strings.TrimPrefix(k, "https://"), "http://")
	return strings.TrimPrefix(k, "www.")
}

// relatedBlock reports whether n is a block of related stories, and if so
// the nodes it spans and its stories. A block is recognised by its label
// (a heading or aria-label in related vocabulary) or by class and id
// hints, and must not be sitewide, sponsored or navigation. hb holds the
// element's hint bits.
func (p *page) relatedBlock(n *html.Node, hb uint, chrome bool) ([]*html.Node, []RelatedStory) {
	if chrome && hb&hintRelated == 0 {
		return nil, nil
	}
	// A label: a short heading-like element whose whole text is related
	// vocabulary. Its stories follow it as siblings.
	if label := labelText(n); isRelatedLabel(label) && !inNotRelated(n) {
		label = trimLabel(label)
		var nodes []*html.Node
		var stories []RelatedStory
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

// labelWords are the first words of related-block labels, checked before
// the full pattern.
var labelWords = wordSet(`other more related you recommended what read up further also see keep lesen mehr
	das auch weitere verwandte ähnliche à a lire sur articles vous voir dans noticias artículos contenido
	relacionados relacionadas leer lee lea te también más leggi articoli notizie correlati potrebbe ti altri
	dello leia veja notícias matérias você mais lees gerelateerde gerelateerd meer zie ook läs læs les
	relaterade relaterte relaterede czytaj zobacz powiązane čtěte související ilgili benzer baca berita
	artikel tin xem bài`)

// isLatin reports whether a word is written in Latin letters; labels in
// other scripts skip the first-word check.
func isLatin(w string) bool {
	for _, r := range w {
		if r >= 0x250 {
			return false
		}
	}
	return true
}

// isRelatedLabel reports whether a block label announces related stories.
func isRelatedLabel(label string) bool {
	first := firstWord(strings.ToLower(label))
	return label != "" && (labelWords[first] || !isLatin(first)) &&
		rxRelatedLabel.MatchString(label) && !rxNotRelated.MatchString(label)
}

// labelText returns the text of n when n looks like a block label: a
// heading, or a short element of its own whose text holds no link.
func labelText(n *html.Node) string {
	if n.Type != html.ElementNode {
		return ""
	}
	heading := isHeading(n)
	if !heading {
		h := hints(n)
		if !(strings.Contains(h, "title") || strings.Contains(h, "head") || strings.Contains(h, "label")) && n.DataAtom != atom.Strong && n.DataAtom != atom.B {
			return ""
		}
	}
	if hasLink(n) && !heading {
		return ""
	}
	t, short := textUpTo(n, 60)
	if !short {
		return ""
	}
	return t
}

// innerLabel finds the label inside a block: its first heading-like
// element.
func (p *page) innerLabel(n *html.Node) string {
	var found string
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil && found == ""; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if t := labelText(c); t != "" && (isHeading(c) || isRelatedLabel(t)) {
				if !hasLink(c) || isRelatedLabel(t) {
					found = t
				}
				return
			}
			if depth < 3 && !hasLink(c) {
				walk(c, depth+1)
			}
		}
	}
	walk(n, 0)
	return trimLabel(found)
}

// leadText returns the short text a block starts with before its first
// link, such as "【関連記事】", as a label.
func leadText(n *html.Node) string {
	var b strings.Builder
	done := false
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && !done; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				appendCollapsed(&b, c.Data)
			case c.Type != html.ElementNode || skipText(c):
			case c.DataAtom == atom.A || c.DataAtom == atom.Img || isBlock(c):
				done = true
			default:
				walk(c)
			}
		}
	}
	walk(n)
	if t := trimLabel(b.String()); len(t) <= 40 {
		return t
	}
	return ""
}

// trimLabel drops the punctuation around a block label ("RELATED:").
func trimLabel(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r) && r != ')' && r != '?' && r != '!'
	})
}

// inlineIf marks the stories of a block that sits in the article body.
func inlineIf(inBody bool, stories []RelatedStory) []RelatedStory {
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

// maxBlockLinks is the most links a related block holds; more make a
// link farm, and would make finding cards quadratic.
const maxBlockLinks = 200

// cards reads the stories in a block. A card is the largest element
// around a link that points at no other story; it gives the title, image,
// date and teaser.
func (p *page) cards(block *html.Node, label string) []RelatedStory {
	links := p.links(block)
	if len(links) == 0 || len(links) > maxBlockLinks {
		return nil
	}
	var out []RelatedStory
	seen := map[string]bool{}
	for _, l := range links {
		if seen[l.url] {
			continue
		}
		seen[l.url] = true
		card := l.node
		for card != block && card.Parent != nil && card.Parent != block && onlyLinksTo(card.Parent, l.url, links) {
			card = card.Parent
		}
		if card != block && card.Parent == block && onlyLinksTo(block, l.url, links) {
			card = block
		}
		s := p.readCard(card, l, label, links)
		if s.Title == "" || rxGenericLink.MatchString(s.Title) {
			continue
		}
		out = append(out, s)
	}
	return out
}

// onlyLinksTo reports whether every link of a block's links that lies
// under n goes to u.
func onlyLinksTo(n *html.Node, u string, links []link) bool {
	for _, l := range links {
		if l.url != u && under(l.node, n) {
			return false
		}
	}
	return true
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

func (p *page) readCard(card *html.Node, l link, label string, links []link) RelatedStory {
	s := RelatedStory{URL: l.url, Block: label}
	// The title is the longest text of a link to the story, else a heading.
	for _, x := range links {
		if x.url == l.url && under(x.node, card) && len(x.text) > len(s.Title) && !rxGenericLink.MatchString(x.text) {
			s.Title = x.text
		}
	}
	// A headline element inside the card leaves out kickers and labels.
	if h := headline(card, label); h != "" && strings.Contains(s.Title, h) {
		s.Title = h
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
		if (isHeading(n) || n.DataAtom == atom.A) && s.Title == "" {
			s.Title = textOf(n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(card)
	// Teaser and date come from the card's other text.
	order := p.numericOrder()
	var summary []string
	for _, t := range texts {
		if strings.Contains(s.Title, t) || strings.EqualFold(t, label) {
			continue
		}
		if d, ok := parseTextDate(t, order); ok && len(t) <= 40 {
			if s.Published == nil {
				s.Published = &d
			}
			continue
		}
		if len(t) >= 20 {
			summary = append(summary, t)
		}
	}
	s.Summary = trimEllipsis(strings.Join(summary, " "))
	return s
}

var rxHeadlineHint = regexp.MustCompile(`(?i)(^|[\s_-])(headline|title|heading|hed)([\s_-]|$)`)

// headline returns the text of the first heading, or element marked as a
// headline, inside a card, other than the block's label.
func headline(card *html.Node, label string) string {
	var found string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && found == ""; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if isHeading(c) || rxHeadlineHint.MatchString(hints(c)) {
				if t := textOf(c); trimLabel(t) != label {
					found = t
					return
				}
				continue
			}
			walk(c)
		}
	}
	walk(card)
	return found
}

func trimEllipsis(s string) string {
	s = strings.TrimSpace(s)
	for _, suf := range []string{"...", "…", "[...]", "[…]"} {
		s = strings.TrimSpace(strings.TrimSuffix(s, suf))
	}
	return s
}

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

// jsonLDRelated returns the stories the page names in JSON-LD:
// relatedLink on the page or article, and lists of articles.
func (p *page) jsonLDRelated() []RelatedStory {
	var out []RelatedStory
	for _, o := range p.jsonLD {
		var refs []any
		switch v := o["relatedLink"].(type) {
		case []any:
			refs = v
		case string, map[string]any:
			refs = []any{v}
		}
		for _, r := range refs {
			if s, ok := p.ldStory(r); ok {
				out = append(out, s)
			}
		}
		if isType(o["@type"], "ItemList") && !rxNotRelated.MatchString(ldString(o["name"])) {
			items, _ := o["itemListElement"].([]any)
			for _, it := range items {
				if m, ok := it.(map[string]any); ok {
					if inner, ok := m["item"]; ok {
						if s, ok := p.ldStory(inner); ok {
							if s.Title == "" {
								s.Title = ldString(m["name"])
							}
							out = append(out, s)
							continue
						}
					}
				}
				if s, ok := p.ldStory(it); ok {
					out = append(out, s)
				}
			}
		}
	}
	return out
}

func (p *page) ldStory(v any) (RelatedStory, bool) {
	var s RelatedStory
	switch v := v.(type) {
	case string:
		s.URL = p.storyURL(v)
	case map[string]any:
		u := ""
		for _, k := range []string{"url", "@id", "mainEntityOfPage"} {
			if u = ldString(v[k]); u != "" {
				break
			}
		}
		s.URL = p.storyURL(u)
		s.Title = collapse(ldString(v["headline"]))
		if s.Title == "" {
			if n, ok := v["name"].(string); ok {
				s.Title = collapse(n)
			}
		}
		s.Summary = trimEllipsis(collapse(ldString(v["description"])))
		s.Image = p.resolve(ldString(v["image"]))
		if t, ok := parseMachineDate(ldString(v["datePublished"])); ok {
			s.Published = &t
		}
	}
	return s, s.URL != ""
}

// mergeStories appends stories to list, one per normalised URL: the first
// occurrence keeps its place and gains the fields it lacked.
func (p *page) mergeStories(list, stories []RelatedStory) []RelatedStory {
	for _, s := range stories {
		key := storyKey(s.URL)
		i := 0
		for i < len(list) && storyKey(list[i].URL) != key {
			i++
		}
		if i == len(list) {
			list = append(list, s)
			continue
		}
		e := &list[i]
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
	return list
}
