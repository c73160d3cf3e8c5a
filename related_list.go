// Unlabelled lists of story links set in or just after the text, and the
// links of a block that are no story: pagers and media items.

package scoop

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// linkList reads a bulleted list set between paragraphs of the article,
// or right after its last one, whose every item is one link to a story on
// the same site and nothing more: the "see also" lines sites put in the
// text without a label. A bullet that says more than its link is a point
// of the article that cites a source, and a list of other sites' pages is
// a source list. n is a ul or ol.
func (p *page) linkList(n *html.Node) []story {
	if n.DataAtom != atom.Ul && n.DataAtom != atom.Ol {
		return nil
	}
	// Right after a paragraph: a list after a heading or an image is a
	// part of the article, a list in a sidebar has no prose beside it.
	// An empty slot between them (an ad) does not count. A list whose
	// every item has a kicker is a guide list however it is set off
	// (under a banner), when the text goes on after it.
	prev := prevElement(n)
	for prev != nil && blank(prev) {
		prev = prevElement(prev)
	}
	afterProse := prev != nil && (prev.DataAtom == atom.P && hasText(prev) || isProse(prev))
	// In the text: paragraphs of prose before it, or the text going on
	// after it. A sidebar's list under a line of description has
	// neither.
	if proseAround(n, func(n *html.Node) *html.Node { return n.PrevSibling }) < 2 && !textGoesOn(n) {
		return nil
	}
	items, kicked := 0, 0
	var links []link
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return nil
		}
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom != atom.Li || items == maxListItems {
			return nil
		}
		items++
		ls := p.links(c)
		// Without a label, an address shaped like a section's is one.
		if len(ls) == 1 && ls[0].section {
			ls = nil
		}
		if len(ls) == 0 && hasLink(c) && kickedItem(c) {
			// A kicker over a link to no story ("HOPE AND LOSS: Your
			// stories" to a readers' page): no story, the list stays.
			kicked++
			continue
		}
		if len(ls) != 1 || !p.sameSiteName(ls[0].url) || len(strings.Fields(ls[0].text)) < 3 {
			return nil
		}
		t, short := textUpTo(c, 300)
		if !short {
			return nil
		}
		kicker, ok := strings.CutSuffix(strings.TrimRight(t, ".;,"), ls[0].text)
		if !ok || !listKicker(kicker) {
			return nil
		}
		if strings.TrimSpace(kicker) != "" {
			kicked++
		}
		// A kicker may say the item is a video or a tool ("VIDEO:",
		// "LOOK-UP TOOL:"): the list stays, the item is no story.
		if kicker != "" && (mediaWords[strings.ToLower(trimLabel(kicker))] || rxCallToAction.MatchString(ls[0].text)) {
			continue
		}
		links = append(links, ls[0])
	}
	inBody := textGoesOn(n)
	if !afterProse && (kicked < items || !inBody) {
		return nil
	}
	// One link alone after the text is as likely a credit ("Originally
	// published on …") as a pointer.
	if len(links) == 0 || len(links) < 2 && !inBody {
		return nil
	}
	out := make([]story, len(links))
	for i, l := range links {
		out[i] = story{RelatedStory{Title: l.text, URL: l.url, Inline: inBody}, l.key}
	}
	return out
}

// listKicker reports whether k, the text of a list item before its
// link, is empty or a short kicker in capitals set off by a colon ("A
// SIMPLE GUIDE:"), as guide lists in the text put before each headline.
// A point of a fact box ("Cost: <a>forty million</a>") cites a source.
func listKicker(k string) bool {
	k = strings.TrimSpace(k)
	if k == "" {
		return true
	}
	head, ok := strings.CutSuffix(k, ":")
	return ok && len(head) <= 30 && len(strings.Fields(head)) <= 4 && capitals(head, 3)
}

// kickedItem reports whether list item li opens with a kicker before
// its one link.
func kickedItem(li *html.Node) bool {
	var a *html.Node
	for c := li.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.A {
			if a != nil {
				return false
			}
			a = c
		}
	}
	if a == nil {
		return false
	}
	t, short := textUpTo(li, 300)
	kicker, ok := strings.CutSuffix(strings.TrimRight(t, ".;,"), textOf(a))
	return short && ok && strings.TrimSpace(kicker) != "" && listKicker(kicker)
}

// textGoesOn reports whether the article's text goes on after list n, so
// that the list stands between its paragraphs: two paragraphs of prose
// follow it, at its level or its parent's. One paragraph alone after a
// list is as often a credit or an editor's note under the text.
func textGoesOn(n *html.Node) bool {
	for i := 0; i < 2 && n.Parent != nil; i++ {
		if proseAround(n, func(n *html.Node) *html.Node { return n.NextSibling }) >= 2 {
			return true
		}
		n = n.Parent
	}
	return false
}

// maxListItems is the most items a list of pointers holds; a longer list
// is an index.
const maxListItems = 12

// sameSiteName reports whether u is on the page's site or a sister site
// under the same name ("www.bbc.co.uk" beside "www.bbc.com").
func (p *page) sameSiteName(u string) bool {
	pu, err := url.Parse(u)
	return err == nil && siteLabel(pu.Hostname()) == siteLabel(p.url.Hostname())
}

// secondLevel are the second-level labels under which country domains
// register names ("co.uk", "com.br").
var secondLevel = wordSet(`co com net org gov ac edu ne or go gob`)

// siteLabel returns the name a host is registered under, without its
// subdomains and public suffix: "bbc" for "www.bbc.co.uk". It is a guess
// without the public suffix list, good enough to tell a sister site.
func siteLabel(host string) string {
	parts := strings.Split(strings.ToLower(strings.TrimSuffix(host, ".")), ".")
	if len(parts) < 2 {
		return host
	}
	parts = parts[:len(parts)-1]
	if len(parts) >= 2 && secondLevel[parts[len(parts)-1]] {
		parts = parts[:len(parts)-1]
	}
	return parts[len(parts)-1]
}

// rxPager is link text that steps to the previous or next article of the
// site ("Previous article", "Newer Story →"), whatever it is about.
var rxPager = regexp.MustCompile(`(?i)^[^\pL\pN]*(previous|next|prev|older|newer|earlier|later) (article|story|post|entry|item)\b|^[^\pL\pN]*(article|post|artículo|articolo|beitrag|artikel) (précédent|suivant|anterior|siguiente|precedente|successivo|vorheriger|nächster)\b|^[^\pL\pN]*(vorheriger|nächster) (artikel|beitrag)\b`)

// pagerWords are the first words of rxPager, checked first.
var pagerWords = wordSet(`previous next prev older newer earlier later article post artículo articolo beitrag artikel vorheriger nächster`)

// mediaWords are the words sites set alone before a card's headline to
// say it is a video, gallery or podcast, which are not stories.
var mediaWords = wordSet(`video videos watch gallery photos pictures slideshow audio podcast listen vidéo vídeo diaporama bildergalerie`)

// notStoryLink reports whether a link of a related block is a pager step
// or a media item rather than a story.
func notStoryLink(l link) bool {
	if mediaURL(l.url) {
		return true
	}
	if pagerWords[strings.ToLower(firstWord(l.text))] && rxPager.MatchString(l.text) {
		return true
	}
	// A headline that ends by saying it is pictures ("… in Bildern",
	// "… en images") names a gallery.
	if inPictures(l.text) {
		return true
	}
	// The kind stands alone in its own element before the headline: a
	// headline that starts with "Video shows…" is a story.
	first := strings.Trim(firstText(l.node), " :|-–—")
	if len(first) <= 16 && mediaWords[strings.ToLower(first)] && len(l.text) > len(first)+8 {
		return true
	}
	// Or after it, as an icon's caption ("Headline<span class=icon>
	// Watch</span>"): a headline that ends in the word "video" runs on
	// in the same text, so the word must stand alone in an element.
	last := strings.Trim(lastElementText(l.node), " :|-–—")
	return len(last) <= 16 && mediaWords[strings.ToLower(last)] && len(l.text) > len(last)+8
}

// lastElementText returns the text of the last element child of n when
// it comes after every other text of n, or "".
func lastElementText(n *html.Node) string {
	for c := n.LastChild; c != nil; c = c.PrevSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
			continue
		case c.Type == html.ElementNode && !isBlock(c):
			if t, short := textUpTo(c, 24); short {
				return t
			}
		}
		return ""
	}
	return ""
}

// mediaMarked reports whether one of a card's links to its page is
// nothing but a media word ("Video", "Bildergalerie"): the badge of a
// video or gallery, which is no story. "mit Video" marks a story.
func mediaMarked(group []link) bool {
	for _, l := range group {
		if mediaWords[strings.ToLower(strings.Trim(l.text, " :|-–—"))] || mediaActionWords[strings.ToLower(lastWord(l.text))] && rxMediaAction.MatchString(l.text) {
			return true
		}
	}
	return false
}

// mediaActionWords are the last words of rxMediaAction, checked first.
var mediaActionWords = wordSet(`graphic map interactive chart video gallery photos slideshow ansehen anschauen carte graphique vidéo diaporama gráfico mapa vídeo galería fotos`)

// lastWord returns the last run of letters of t.
func lastWord(t string) string {
	t = strings.TrimRightFunc(t, func(r rune) bool { return !unicode.IsLetter(r) })
	i := strings.LastIndexFunc(t, func(r rune) bool { return !unicode.IsLetter(r) })
	return t[i+1:]
}

// rxMediaAction is the end of a link that opens a graphic, map, video or
// gallery ("… View Graphic", "… Grafik ansehen", "… voir la vidéo").
var rxMediaAction = regexp.MustCompile(`(?i)\b(?:(?:view|see|watch|explore|open|play)\s+(?:the\s+)?(?:graphic|map|interactive|chart|video|gallery|photos|slideshow)|(?:grafik|karte|video|galerie|bilder)\s+(?:ansehen|anschauen)|voir\s+(?:la\s+|le\s+|les\s+)?(?:carte|graphique|vidéo|diaporama|photos)|ver\s+(?:el\s+|la\s+)?(?:gráfico|mapa|vídeo|video|galería|fotos))[^\pL\pN]*$`)

// rxMediaBadgeText is the text of a video's or gallery's badge: a running
// time ("0:46") or a count of pictures ("29 fotografií").
var rxMediaBadgeText = regexp.MustCompile(`(?i)^\s*(\d{1,2}:\d{2}(:\d{2})?|\d+\s+(photos?|pictures|images|fotos?|fotografi\pL*|bilder|immagini|imágenes|imagens|zdjęć|zdjęcia|фото\pL*|beelden))\s*$`)

// mediaBadgeClass are the class words of a badge that marks a video or a
// gallery.
var mediaBadgeClass = []string{"play", "video", "gallery", "galerie", "galeria", "slideshow", "diaporama", "fotostrecke", "photos", "fotos", "duration"}

// mediaBadgeClassed reports whether a class attribute holds one of the
// words of mediaBadgeClass, in any case.
func mediaBadgeClassed(cls string) bool {
	for _, w := range mediaBadgeClass {
		if containsFold(cls, w) {
			return true
		}
	}
	return false
}

// mediaBadge reports whether card holds a badge that marks it as a video
// or a gallery: a small element classed so ("box-label--play") whose
// whole text is a running time or a count of pictures. A time of day on
// a card is no such badge: it is not classed as media.
func mediaBadge(card *html.Node) bool {
	found := false
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil && !found; c = c.NextSibling {
			if c.Type != html.ElementNode || skipText(c) {
				continue
			}
			// The class is asked first: it costs no allocation, and
			// most elements of a card have none of these words.
			if cls := attr(c, "class"); cls != "" && mediaBadgeClassed(cls) {
				if t, short := textUpTo(c, 24); short && t != "" && isDigit(t[0]) && rxMediaBadgeText.MatchString(t) {
					found = true
					return
				}
			}
			if depth < 8 {
				walk(c, depth+1)
			}
		}
	}
	walk(card, 0)
	return found
}

// picturesEndings are the words that end a gallery's headline, in
// several languages.
var picturesEndings = []string{"in bildern", "in pictures", "in photos", "en images", "en photos", "en fotos",
	"en imágenes", "in foto", "in immagini", "em fotos", "em imagens", "in beeld", "in beelden", "w obrazach", "na zdjęciach"}

// picturesOpenings are the words that open a gallery's headline before a
// colon or bar ("Fotos: así se preparan…"), in several languages.
var picturesOpenings = wordSet(`fotos photos pictures galería galeria galerie gallery bildergalerie fotogalerie fotostrecke fotogallery fotogalería diaporama`)

// inPictures reports whether a headline ends, or opens, by saying it is a
// gallery.
func inPictures(t string) bool {
	t = strings.ToLower(strings.TrimRight(t, " .!?)»\"'"))
	for _, e := range picturesEndings {
		if strings.HasSuffix(t, e) {
			return true
		}
	}
	if i := strings.IndexAny(t, ":|"); i > 0 && i < 20 {
		return picturesOpenings[strings.TrimSpace(t[:i])]
	}
	return false
}

// mediaOnly reports whether n links to pages, all of them videos,
// playlists or galleries: a block of those is furniture, with no story.
func (p *page) mediaOnly(n *html.Node) bool {
	links := p.links(n)
	for _, l := range links {
		if !mediaURL(l.url) {
			return false
		}
	}
	return len(links) > 0
}

// hasText reports whether n holds a letter or digit.
func hasText(n *html.Node) bool { return firstText(n) != "" }
