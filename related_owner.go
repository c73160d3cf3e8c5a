// Blocks that look related but list something else: the site's or the
// author's latest stories, or the next story of an endless scroll.

package scoop

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// rxFromOwner is a label that names where the stories come from rather
// than what they are about: "More from X", "More by X".
var rxFromOwner = regexp.MustCompile(`(?i)^[^\pL\pN]*(more|other|recent|latest) (stories |articles |news )?(from|by)\s+(the\s+)?(.+?)[^\pL\pN]*$`)

// ownerLabel reports whether label names the site or the article's author
// ("More From the Los Angeles Times", "More from Jane Doe"): such a block
// lists their latest stories, not stories on this subject. "More from
// Politics" names a section and stays.
func (p *page) ownerLabel(label string) bool {
	m := rxFromOwner.FindStringSubmatch(label)
	if m == nil {
		return false
	}
	who := strings.ToLower(m[5])
	// The site's own name, as its host spells it ("More from The Hill"
	// on thehill.com), when the page does not declare it.
	squashed := strings.Join(strings.FieldsFunc(who, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }), "")
	if host := siteLabel(p.url.Hostname()); squashed == host || "the"+squashed == host {
		return true
	}
	names := []string{p.meta["og:site_name"], p.siteName(""), p.meta["application-name"], p.meta["apple-mobile-web-app-title"],
		strings.TrimPrefix(p.meta["twitter:site"], "@"), p.meta["author"], p.meta["article:author"], p.byline("")}
	for _, name := range names {
		name = strings.ToLower(collapse(name))
		if name != "" && (strings.Contains(name, who) || strings.Contains(who, name)) {
			return true
		}
	}
	return false
}

// inNotRelated reports whether an ancestor of n near it is a sponsored,
// sitewide or social widget, whose own labels ("You May Like") mimic
// related blocks.
func (p *page) inNotRelated(n *html.Node) bool {
	for i := 0; i < 5 && n.Parent != nil; i++ {
		n = n.Parent
		if hintBits(n, hintVocab)&hintSponsored != 0 && !p.holdsHeadline(n) {
			return true
		}
	}
	return false
}

// holdsHeadline reports whether n holds one of the page's first h1
// elements: a layout box around the article, which no class name makes
// a sponsored or sitewide widget ("fullpageAds" on the body).
func (p *page) holdsHeadline(n *html.Node) bool {
	if p.aboveHead == nil {
		p.aboveHead = map[*html.Node]bool{}
		for _, h := range p.h1[:min(len(p.h1), 4)] {
			for a := h.Parent; a != nil; a = a.Parent {
				p.aboveHead[a] = true
			}
		}
	}
	return p.aboveHead[n]
}

// rxNextLabel is the label of a pointer to the story that follows in an
// endless scroll ("Read next", "Up next").
var rxNextLabel = regexp.MustCompile(`(?i)^[^\pL\pN]*((what to )?read next|up next|next (story|article|up|read)|coming up( next)?|à suivre|nächster artikel|siguiente (artículo|noticia)|prossimo articolo|próximo artigo)[^\pL\pN]*$`)

// nextPager reports whether a block labelled "Read next" holds one story
// that shares no word with this article's title and description: the next
// story of an endless scroll, rather than one chosen for this article.
func (p *page) nextPager(label string, stories []story) bool {
	if len(stories) != 1 || !rxNextLabel.MatchString(label) {
		return false
	}
	return !p.onSubject(stories[0].Title)
}

// onSubject reports whether t shares a word of five letters or more with
// the article's title or description.
func (p *page) onSubject(t string) bool {
	if p.subject == nil {
		p.subject = map[string]bool{}
		for _, s := range []string{p.meta["og:title"], p.titleTag, p.meta["og:description"], p.meta["description"]} {
			for _, w := range stems(s) {
				p.subject[w] = true
			}
		}
	}
	for _, w := range stems(t) {
		if p.subject[w] {
			return true
		}
	}
	return false
}

// stopStems are the stems of common words of five letters or more, which
// say nothing of a subject.
var stopStems = wordSet(`about after again being could every first their there these those under where which while would other years`)

// stems returns the first five letters of each word of t of five letters
// or more, lower cased: a crude stem that matches "permit" with "permits".
func stems(t string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(t), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }) {
		r := []rune(w)
		if len(r) < 5 {
			continue
		}
		if s := string(r[:5]); !stopStems[s] {
			out = append(out, s)
		}
	}
	return out
}

// namesLinksSite reports whether a "More from X" label names the site its
// stories are on ("More From CNN" over links to cnn.com on a portal that
// reprints a CNN story), or a network whose stories come from three sites
// or more ("More from G/O Media"): the list is their latest stories.
func (p *page) namesLinksSite(label string, stories []story) bool {
	m := rxFromOwner.FindStringSubmatch(label)
	if m == nil || len(stories) == 0 {
		return false
	}
	if sites := siteCount(stories, 3); sites >= 3 {
		return true
	}
	if p.onReprintedSite(stories) {
		return true
	}
	who := strings.Join(strings.FieldsFunc(strings.ToLower(m[5]), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }), "")
	for _, s := range stories {
		u, err := url.Parse(s.URL)
		if err != nil {
			return false
		}
		if host := siteLabel(u.Hostname()); host != who && "the"+who != host {
			return false
		}
	}
	return true
}

// onReprintedSite reports whether the stories are all on the site that
// the page's canonical link names, when that is not the page's own site:
// a portal reprinting a publisher's story, whose "More from <its
// brand>" is the publisher's latest stories, however it names itself.
func (p *page) onReprintedSite(stories []story) bool {
	if p.canonical == "" {
		return false
	}
	c, err := url.Parse(p.resolve(p.canonical))
	if err != nil {
		return false
	}
	origin := siteLabel(c.Hostname())
	if origin == "" || origin == siteLabel(p.url.Hostname()) {
		return false
	}
	for _, s := range stories {
		host, _, _ := strings.Cut(s.key, "/")
		host, _, _ = strings.Cut(host, ":")
		if siteLabel(host) != origin {
			return false
		}
	}
	return true
}

// siteCount returns how many sites the stories come from, counting up
// to limit.
func siteCount(stories []story, limit int) int {
	sites := map[string]bool{}
	for _, s := range stories {
		host, _, _ := strings.Cut(s.key, "/")
		host, _, _ = strings.Cut(host, ":")
		sites[siteLabel(host)] = true
		if len(sites) >= limit {
			break
		}
	}
	return len(sites)
}

// rxMoreName is a label of "More" and one word, which may be the site's
// name ("More Buzz" on buzzfeed.com).
var rxMoreName = regexp.MustCompile(`(?i)^[^\pL\pN]*(?:more|mehr|plus de|más|mais|altro|meer)\s+(\pL[\pL\pN]{3,})[^\pL\pN]*$`)

// namesSite reports whether label is "More" and the site's name or the
// start of it, as its host spells it ("More Buzz" on buzzfeed.com): the
// site's latest stories.
func (p *page) namesSite(label string) bool {
	m := rxMoreName.FindStringSubmatch(label)
	if m == nil {
		return false
	}
	return strings.HasPrefix(siteLabel(p.url.Hostname()), strings.ToLower(m[1]))
}

// sourceList reports whether a block's stories are all on other sites,
// each on a different one: the article's sources ("Related links" to a
// report and to another outlet's story), not stories of this site or of
// one partner.
//
// Stories of other sites, even one, are sources when each title is
// its page's title copied whole ("Headline | UK | News | Evening
// Standard"): a list of the pages the article drew on names them as a
// browser does, while a related card shows the story's headline.
func (p *page) sourceList(stories []story) bool {
	own := siteLabel(p.url.Hostname())
	if len(stories) > 0 && pageTitled(stories, own) {
		return true
	}
	if len(stories) < 2 {
		return false
	}
	sites := map[string]bool{}
	for _, s := range stories {
		// The key starts with the host; most blocks end at their first
		// story, on the page's own site.
		host, _, _ := strings.Cut(s.key, "/")
		host, _, _ = strings.Cut(host, ":")
		site := siteLabel(host)
		if site == own || sites[site] {
			return false
		}
		sites[site] = true
	}
	return true
}

// pageTitled reports whether every story is on a site other than own
// and titled with its page's title: a headline, then its section and
// site after two bars or more.
func pageTitled(stories []story, own string) bool {
	for _, s := range stories {
		if strings.Count(s.Title, " | ") < 2 {
			return false
		}
		host, _, _ := strings.Cut(s.key, "/")
		host, _, _ = strings.Cut(host, ":")
		if siteLabel(host) == own {
			return false
		}
	}
	return true
}

// rxSponsoredBadge is the whole text of a badge that marks a card as paid
// for.
var rxSponsoredBadge = regexp.MustCompile(`(?i)^[^\pL\pN]*(sponsored|sponsorisé|gesponsert|anzeige|werbung|publicidad|publicidade|patrocinad[oa]|sponsorizzato|promoted|advertisement|publicité|reklama|ad)[^\pL\pN]*$`)

// sponsoredWords are the words of rxSponsoredBadge, checked first.
var sponsoredWords = wordSet(`sponsored sponsorisé gesponsert anzeige werbung publicidad publicidade patrocinado patrocinada sponsorizzato promoted advertisement publicité reklama ad`)

// adFeed reports whether the nodes of a block hold two cards badged as
// paid for or more: a feed that mixes ads with the site's stories ("What
// to Read Next" over an endless stream), not stories chosen for the
// article. One advertorial in a related list drops only itself; an
// empty ad slot labelled "Werbung" between cards is no card.
func adFeed(nodes []*html.Node) bool {
	count := 0
	var root *html.Node
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil && count < 2; c = c.NextSibling {
			if c.Type != html.ElementNode || skipText(c) {
				continue
			}
			if t, short := textUpTo(c, 24); short && t != "" && sponsoredWords[strings.ToLower(firstWord(t))] && rxSponsoredBadge.MatchString(t) {
				if badgedCard(c, root) {
					count++
				}
				continue
			}
			if depth < 12 {
				walk(c, depth+1)
			}
		}
	}
	for _, n := range nodes {
		root = n
		walk(n, 0)
	}
	return count >= 2
}

// badgedCard reports whether badge, a "Sponsored" mark, sits in a card:
// the nearest ancestor below stop, up to three levels up, that holds a
// link reading as a headline holds one such link, not a list of them
// (an ad slot labelled "Werbung" between the cards of a list).
func badgedCard(badge, stop *html.Node) bool {
	a := badge
	for i := 0; i < 3 && a.Parent != nil && a != stop; i++ {
		a = a.Parent
		hrefs := map[string]bool{}
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			for c := n.FirstChild; c != nil && len(hrefs) < 3; c = c.NextSibling {
				if c == badge || c.Type != html.ElementNode {
					continue
				}
				if c.DataAtom == atom.A {
					if len(strings.Fields(textOf(c))) >= 3 {
						hrefs[attr(c, "href")] = true
					}
					continue
				}
				walk(c)
			}
		}
		walk(a)
		if len(hrefs) > 0 {
			return len(hrefs) == 1
		}
	}
	return false
}

// inSelfFeed reports whether box n is one item of a list of boxes of
// its kind, two or more, that links the page itself: a feed that sets
// each story in a box of its own. Each list is read once.
func (p *page) inSelfFeed(n *html.Node) bool {
	item := n
	for item.Parent != nil && item.Parent.DataAtom != atom.Body && soleShown(item.Parent) == item {
		item = item.Parent
	}
	list := item.Parent
	if list == nil {
		return false
	}
	if v, ok := p.feedSelf[list]; ok {
		return v
	}
	items := 0
	for c := list.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || skipText(c) {
			continue
		}
		if !sameKind(c, item) {
			items = 0
			break
		}
		items++
	}
	v := items >= 2 && p.linksSelf([]*html.Node{list})
	if p.feedSelf == nil {
		p.feedSelf = map[*html.Node]bool{}
	}
	p.feedSelf[list] = v
	return v
}

// soleShown returns n's only element child that shows something, passing
// over scripts and empty elements, or nil.
func soleShown(n *html.Node) *html.Node {
	return onlyChildBut(n, func(c *html.Node) bool { return skipText(c) || blank(c) })
}

// pageFooter reports whether n is the page's footer by its class or id,
// named so whole ("footer", "site-footer"): an article's or entry's
// footer ("entry-footer") may hold its related posts.
func pageFooter(n *html.Node) bool {
	for _, a := range n.Attr {
		if (a.Key == "class" || a.Key == "id") && strings.Contains(a.Val, "footer") {
			for _, w := range strings.Fields(a.Val) {
				if footerNames[strings.ToLower(w)] {
					return true
				}
			}
		}
	}
	return false
}

// footerNames are the class and id names of a page's footer.
var footerNames = wordSet(`footer site-footer page-footer global-footer sitefooter pagefooter globalfooter site_footer page_footer`)

// unlabelled reports whether a block's stories carry no label.
func unlabelled(stories []story) bool { return len(stories) > 0 && stories[0].Block == "" }
