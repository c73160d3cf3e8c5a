// Which links may point at a story, and the key that identifies one.

package scoop

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// link is an anchor that may point at a story.
type link struct {
	node *html.Node
	url  string // as CleanURL makes it: absolute, no tracking parameters
	key  string // storyKey of url, computed once
	text string
	// broken is set when the anchor's attributes were cut up by an
	// unescaped quote, so its title attribute is a fragment.
	broken bool
	// section is set when the address is shaped like a section's, and
	// only the headline the link reads makes it a story.
	section bool
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
			// A link classed as an advertisement or a self-promotion
			// points at no story.
			r := p.pageAt(attr(n, "href"))
			if r.url == "" || hintBits(n, hintVocab)&hintSponsored != 0 {
				return
			}
			t, broken := textOf(n), brokenAttrs(n)
			if t == "" && !broken {
				t = collapse(attr(n, "title"))
			}
			if t == "" {
				// An empty link laid over a whole card names the
				// story for screen readers only.
				t = collapse(attr(n, "aria-label"))
			}
			// An address shaped like a section's ("/blog/natronsoda/")
			// is a story when its link reads as a headline: a
			// section's name is a word or two. At the root of the site
			// ("/lebensfreude/") it names a topic hub as often as a
			// post, unless its link reads as a whole sentence.
			if words := len(strings.Fields(t)); r.sectionLike && (words < 4 || !p.sameSiteName(r.url) || !belowSection(r.url) && words < 6) {
				return
			}
			out = append(out, link{n, r.url, r.key, t, broken, r.sectionLike})
			return
		}
		// A third-party widget inside a block links to its own pages
		// ("What is Outbrain") and to sponsors.
		if hintBits(n, hintVocab)&hintSponsored != 0 {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// brokenAttrs reports whether an element's attributes were cut up by an
// unescaped quote (title="Trump says "no" to deal"), leaving its title a
// fragment and the rest as attribute names holding quotes.
func brokenAttrs(n *html.Node) bool {
	for _, a := range n.Attr {
		if strings.ContainsAny(a.Key, `"'“”`) {
			return true
		}
	}
	return false
}

// pageURL is a link's address as the crawler would fetch it, with its
// storyKey; sectionLike says that the address looks like a section's
// rather than a story's (see storyLike).
type pageURL struct {
	url, key    string
	sectionLike bool
}

// storyURL resolves href as the crawler would fetch it (CleanURL: no
// fragment, tracking parameters or AMP variant) and returns it with its
// storyKey, unless it cannot be a story: another scheme, the page itself,
// the site's home, a section, a tag, author, search or share link.
func (p *page) storyURL(href string) (string, string) {
	r := p.pageAt(href)
	if r.sectionLike {
		return "", ""
	}
	return r.url, r.key
}

// pageAt is storyURL that also answers for addresses shaped like a
// section's ("/blog/beilhart/"), marked sectionLike.
func (p *page) pageAt(href string) pageURL {
	// Parsing and cleaning cost microseconds, and nested candidate
	// blocks read the same links again: each href is read once.
	if r, ok := p.storyURLs[href]; ok {
		return r
	}
	r := p.readPageURL(href)
	if p.storyURLs == nil {
		p.storyURLs = map[string]pageURL{}
	}
	p.storyURLs[href] = r
	return r
}

// readPageURL is pageAt without the memo.
func (p *page) readPageURL(href string) pageURL {
	href = strings.TrimSpace(href)
	if href == "" || href[0] == '#' {
		return pageURL{}
	}
	raw, err := url.Parse(href)
	if err != nil || raw.Scheme != "" && raw.Scheme != "http" && raw.Scheme != "https" || skipURL(raw) {
		return pageURL{}
	}
	u, err := CleanURL(p.base, href)
	if err != nil || u.Path == "" || u.Path == "/" {
		return pageURL{}
	}
	key := trimKey(keyOf(u))
	if p.isSelf(key) {
		return pageURL{}
	}
	return pageURL{u.String(), key, !storyLike(u) || topicPage(u.Path)}
}

// isSelf reports whether key is the storyKey of the page itself, under
// its address or its canonical one.
func (p *page) isSelf(key string) bool {
	if p.selfKeys == nil {
		p.selfKeys = []string{storyKey(p.url.String())}
		if p.canonical != "" {
			p.selfKeys = append(p.selfKeys, storyKey(p.resolve(p.canonical)))
		}
	}
	for _, k := range p.selfKeys {
		if key == k {
			return true
		}
	}
	return false
}

// linksSelf reports whether a link under the nodes points at the page
// itself: a section's feed of its latest stories lists the article among
// them, a list chosen for the article does not.
func (p *page) linksSelf(nodes []*html.Node) bool {
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.A {
				if u, err := CleanURL(p.base, strings.TrimSpace(attr(c, "href"))); err == nil && u.Path != "" && u.Path != "/" && p.isSelf(trimKey(keyOf(u))) {
					return true
				}
				continue
			}
			if walk(c) {
				return true
			}
		}
		return false
	}
	for _, n := range nodes {
		if walk(n) {
			return true
		}
	}
	return false
}

// belowSection reports whether the path of u, an absolute address, has
// two segments or more: a post under a section or blog
// ("/blog/natronsoda/"), where a single segment ("/coronavirus") names a
// topic hub as often as a post.
func belowSection(u string) bool {
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	}
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	return strings.Count(strings.Trim(u, "/"), "/") >= 2
}

// storyLike reports whether a URL looks like a story rather than a
// section or guide ("/politics", "/guides/deals/"): stories have a slug
// with several words, a number, a file extension or a query. Words
// joined by underscores alone, near the root, name a section
// ("/news/have_your_say", "/sport/rugby_union").
func storyLike(u *url.URL) bool {
	if u.RawQuery != "" {
		return true
	}
	path := strings.TrimRight(u.EscapedPath(), "/")
	last := path[strings.LastIndexByte(path, '/')+1:]
	return strings.ContainsAny(last, "0123456789-.%~") || strings.Count(path, "/") >= 3
}

// topicPage reports whether a path names a topic's page, one slug under
// a topic folder ("/thema/landtagswahl", "/tema/alberto-fernandez.html"):
// the list of a tag's stories, where a story under such a folder has a
// date or a section between ("/themen/laien/2021-11-11/…").
func topicPage(path string) bool {
	dir, slug, ok := strings.Cut(strings.Trim(path, "/"), "/")
	return ok && slug != "" && !strings.Contains(slug, "/") && topicFolders[strings.ToLower(dir)]
}

// topicFolders are the folders of topic pages, in several languages.
var topicFolders = wordSet(`thema themen tema temas temi sujet sujets onderwerp onderwerpen aihe`)

// storyKey identifies a related story for de-duplication: the crawler's
// URLKey (no fragment, tracking parameters or AMP variant), also ignoring
// the scheme and a leading www.
func storyKey(s string) string {
	k := URLKey(s)
	if k == "" {
		return s
	}
	return trimKey(k)
}

// trimKey drops the scheme and a leading www. from a URLKey.
func trimKey(k string) string {
	k = strings.TrimPrefix(strings.TrimPrefix(k, "https://"), "http://")
	return strings.TrimPrefix(k, "www.")
}

// skipSegments are path segments (before any extension) of pages that
// are never stories: tags and authors (in several languages), search,
// accounts, legal, share and the site's shop.
var skipSegments = wordSet(`tag tags tagi schlagwort schlagworte etiqueta etiquetas motcle mot-cle mots-cles topic topics category categories author authors search login signin
	register subscribe newsletter newsletters page privacy terms contact about sharer share intent guides like
	advertorial advertorials sponsored promoted auteur autor autore autoren autorin autorinnen shop boutique store product products`)

// mediaSegments are path segments of video, playlist and gallery pages:
// links to them make a block of page furniture, but they are no stories.
var mediaSegments = wordSet(`video videos playlist playlists gallery galleries`)

// mediaURL reports whether a story link's address (absolute, as CleanURL
// makes it) is a video, playlist or gallery page. It runs on every link of
// a block, so it reads the path in place.
func mediaURL(raw string) bool {
	if i := strings.Index(raw, "://"); i >= 0 {
		raw = raw[i+3:]
	}
	if i := strings.IndexAny(raw, "?#"); i >= 0 {
		raw = raw[:i]
	}
	host := strings.IndexByte(raw, '/')
	if host < 0 {
		return false
	}
	// A photo or video subdomain ("fotos.example.com/p/2116073").
	if sub, _, ok := strings.Cut(raw[:host], "."); ok && mediaHosts[strings.ToLower(sub)] {
		return true
	}
	path := strings.TrimRight(raw[host+1:], "/")
	for path != "" {
		seg, rest, more := strings.Cut(path, "/")
		path = rest
		if len(seg) >= 5 && len(seg) <= 9 {
			for w := range mediaSegments {
				if strings.EqualFold(seg, w) {
					return true
				}
			}
		}
		// A folder named as an album or picture series, with its
		// number ("/album1368777/…"); the last segment is a slug,
		// which may well start with "gallery".
		if !more {
			break
		}
		if stem := strings.TrimRight(seg, "0123456789-_"); len(stem) >= 5 && len(stem) <= 13 && albumFolders[strings.ToLower(stem)] {
			return true
		}
	}
	return false
}

// mediaHosts are the first labels of subdomains that serve photos and
// videos.
var mediaHosts = wordSet(`foto fotos photo photos video videos gallery galerie`)

// albumFolders are folder names, with or without a number after them, of
// galleries and picture series.
var albumFolders = wordSet(`album albums diaporama fotostrecke bildergalerie galerie galleries gallery photos fotos`)

// skipQuery are query keys of share links, pagination and comment replies.
var skipQuery = wordSet(`share page replytocom token`)

// skipURL reports whether a link, as written in the page, never points
// at a story. It splits the path instead of running a pattern, since it
// runs on every link of the page.
func skipURL(u *url.URL) bool {
	// A shop on a subdomain of the site ("shop.example.com") sells the
	// magazine, it tells no story.
	if h := u.Hostname(); len(h) > 5 && strings.EqualFold(h[:5], "shop.") {
		return true
	}
	for seg := range strings.SplitSeq(u.Path, "/") {
		if i := strings.IndexByte(seg, '.'); i >= 0 {
			seg = seg[:i]
		}
		if seg != "" && skipSegments[strings.ToLower(seg)] {
			return true
		}
	}
	for kv := range strings.SplitSeq(u.RawQuery, "&") {
		if k, _, ok := strings.Cut(kv, "="); ok && skipQuery[strings.ToLower(k)] {
			return true
		}
	}
	// A file to download or view (an image, a PDF, a recording) is no
	// page.
	if i := strings.LastIndexByte(u.Path, '.'); i >= 0 && strings.IndexByte(u.Path[i:], '/') < 0 {
		return fileExtensions[strings.ToLower(u.Path[i+1:])]
	}
	return false
}

// fileExtensions are the extensions of files that are not pages.
var fileExtensions = wordSet(`jpg jpeg png gif webp svg pdf mp3 mp4 m4a zip doc docx xls xlsx ppt pptx`)
