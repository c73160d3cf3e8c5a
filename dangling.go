package scoop

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A heading with no prose under it is the label of something that is not
// the article: a reading list, an author box, a source list or a sign-up
// form whose content readability or the cleaner already dropped, or a
// list of links. "Weitere Artikel", "Über den Autor", "Schon gelesen?":
// the words vary with every site and language, the shape does not.

// danglingProse is how many letters of unlinked text a heading needs
// below it, before the next heading, to be the article's own.
const danglingProse = 60

// dropDanglingHeadings removes the headings that end the body with too
// little prose under them, with the link lists that follow them.
func dropDanglingHeadings(root *html.Node) {
	leaves := bodyLeaves(root)
	dropTailSections(leaves)
	leaves = dropAuthorNote(leaves)
	dropDangling(leaves)
}

// rxAuthorNote is the note on the author that ends many articles: a name
// and what the person does for a living ("Jane Doe is a Metro reporter
// covering…", "Jane Doe covers technology for the Business Journal.",
// "Hans Meier ist Redakteur im Ressort…"). Only the body's
// last lines are tested: inside the story, such a sentence is news.
var rxAuthorNote = regexp.MustCompile(`^(?:\p{Lu}[\pL.'’-]*\s+){1,3}(?:` +
	`(?:is|was) (?:a|an|the) (?:[\pL’'-]+\s+){0,5}(?:reporter|writer|correspondent|editor|journalist|columnist|contributor|critic|producer|photographer|blogger|historian|author|analyst)s?\b|` +
	`(?:covers|writes about|reports on) (?:[\pL’'&,-]+\s+){1,8}for (?:the )?\p{Lu}|(?:writes|reports) for (?:the )?\p{Lu}|` +
	`(?:ist|war) (?:\pL+\s+){0,4}(?i:redakteur|journalist|korrespondent|autor|reporter|volontär|kolumnist)(?:in)?\b|` +
	`(?:est|était) (?:\pL+\s+){0,4}(?:journaliste|rédact(?:eur|rice)|correspondante?|chroniqueu(?:r|se)|reporter)\b|` +
	`(?:es|fue) (?:\pL+\s+){0,4}(?:periodista|redactora?|corresponsal|columnista|reporter[oa])\b|` +
	`è (?:\pL+\s+){0,4}(?:giornalista|redattore|redattrice|corrispondente|inviat[oa])\b|` +
	`é (?:\pL+\s+){0,4}(?:jornalista|repórter|redator(?:a)?|correspondente|colunista)\b)`)

// rxAuthorGreeting is the blogger's box that ends a post, written in the
// first person ("Hallo, ich bin Foodbloggerin…", "Hi, I'm Jane and I
// cook…").
var rxAuthorGreeting = regexp.MustCompile(`^(?i:hallo|hi|hello|hey|bonjour|salut|hola|ciao|servus|moin),?\s+(?i:ich bin|i'm|i’m|i am|je suis|soy|sono)\s`)

// dropAuthorNote removes the author notes among the body's last two
// lines of text and returns the leaves left.
func dropAuthorNote(leaves []*html.Node) []*html.Node {
	seen := 0
	for i := len(leaves) - 1; i >= 0 && seen < 2; i-- {
		n := leaves[i]
		if rawTextLen(n) > 600 {
			break
		}
		t := textOf(n)
		if t == "" {
			continue // an image or an empty box between the lines
		}
		seen++
		if !(len(t) <= 400 && rxAuthorNote.MatchString(t) || len(t) <= 600 && rxAuthorGreeting.MatchString(t)) {
			break
		}
		detach(n)
		leaves = append(leaves[:i], leaves[i+1:]...)
	}
	return leaves
}

// bodyLeaves returns the body's leaf blocks in reading order.
func bodyLeaves(root *html.Node) []*html.Node {
	var leaves []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.Figure || c.DataAtom == atom.Table || c.DataAtom == atom.Pre {
				leaves = append(leaves, c) // content, whatever its text
				continue
			}
			if hasBlockChild(c) {
				walk(c)
				continue
			}
			if isBlock(c) {
				leaves = append(leaves, c)
			}
		}
	}
	walk(root)
	return leaves
}

// rxTailSection is the label of a section that ends many articles without
// being the article: the author's box, the press contact.
var rxTailSection = regexp.MustCompile(`(?i)^[^\pL\pN]*(about the authors?|über (den autor|die autorin|die autoren)|zur person|à propos de l'auteur|a propos de l'auteur|sobre (el|la) autora?|sull'autore|o autorze|об авторе|over de auteur|(press|media|presse)?\s?(contact|kontakt|contacto|contatti)s?|ansprechpartner(in)?( zum thema)?|für rückfragen|quellen(angaben|verzeichnis)?|literatur(verzeichnis|hinweise)?|einzelnachweise|sources|références|referencias|fuentes|fonti|bibliograf(ie|ía|ia|y))\s*:?[^\pL\pN]*$`)

// tailShare is how far into the body, by text, a tail section's label
// must stand: the label of one near the top is the article's subject.
const tailShare = 0.6

// dropTailSections removes, from the last part of the body, a tail
// section's label and everything after it.
func dropTailSections(leaves []*html.Node) {
	// Raw text lengths: only the few short lines past the threshold are
	// worth building the text of.
	sizes := make([]int, len(leaves))
	total := 0
	for i, n := range leaves {
		sizes[i] = rawTextLen(n)
		total += sizes[i]
	}
	seen := 0
	for i, n := range leaves {
		if seen >= int(tailShare*float64(total)) && sizes[i] <= 200 {
			if t := textOf(n); len(t) <= 40 && rxTailSection.MatchString(t) {
				for _, m := range leaves[i:] {
					detach(m)
				}
				return
			}
		}
		seen += sizes[i]
	}
}

// rawTextLen is the length of n's text as written, white space included.
func rawTextLen(n *html.Node) int {
	if n.Type == html.TextNode {
		return len(n.Data)
	}
	if n.Type == html.ElementNode && skipText(n) {
		return 0
	}
	size := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		size += rawTextLen(c)
	}
	return size
}

// dropDangling removes the headings that end the body with too little
// prose under them, with the link lists that follow them.
func dropDangling(leaves []*html.Node) {
	// Only the end of the body: a bold line or a heading with little
	// under it inside the story is often the story's own (a question in
	// an interview, a caption over a gallery).
	var remove []*html.Node
	end := len(leaves)
	for i := len(leaves) - 1; i >= 0; i-- {
		if !headingLike(leaves[i]) {
			continue
		}
		prose := 0
		var links []*html.Node
		for _, n := range leaves[i+1 : end] {
			t := textOf(n)
			switch {
			case n.DataAtom == atom.Figure || n.DataAtom == atom.Table || n.DataAtom == atom.Pre || hasImage(n):
				prose += danglingProse
			case t != "" && len(t) <= 120 && linkDensity(n, t) > 0.8:
				links = append(links, n)
			default:
				prose += countLetters(t)
			}
		}
		if prose >= danglingProse {
			break
		}
		remove = append(remove, leaves[i])
		remove = append(remove, links...)
		end = i
	}
	for _, n := range remove {
		detach(n)
	}
}

// headingLike reports whether a leaf block is a heading: a heading
// element, or a short line that is all bold.
func headingLike(n *html.Node) bool {
	// The shape first, which costs nothing; the text only for candidates.
	if !isHeading(n) {
		if n.DataAtom != atom.P && n.DataAtom != atom.Div {
			return false
		}
		var bold int
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
				return false
			case c.Type == html.ElementNode && (c.DataAtom == atom.Strong || c.DataAtom == atom.B):
				bold++
			case c.Type == html.ElementNode && c.DataAtom != atom.Br:
				return false
			}
		}
		if bold == 0 {
			return false
		}
	}
	t, short := textUpTo(n, 80)
	// A long line or a sentence set as a heading (one that trails off
	// with an ellipsis too) is prose.
	if t == "" || !short || strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") || strings.HasSuffix(t, "…") {
		return false
	}
	return isHeading(n) || len(t) <= 60
}

// unlinkedLetters counts the letters of n's text outside links.
func unlinkedLetters(n *html.Node) int {
	if n.Type == html.TextNode {
		return countLetters(n.Data)
	}
	if n.Type != html.ElementNode || n.DataAtom == atom.A || skipText(n) {
		return 0
	}
	c := 0
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c += unlinkedLetters(k)
	}
	return c
}

func countLetters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

func hasImage(n *html.Node) bool {
	if n.Type == html.ElementNode && (n.DataAtom == atom.Img || n.DataAtom == atom.Picture || n.DataAtom == atom.Video) {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasImage(c) {
			return true
		}
	}
	return false
}
