// The title of a related story's card: its headline rather than its
// kicker, age or address.

package scoop

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// headlineLike reports whether a card's title can be a story's headline:
// not empty, not a generic link ("Read more", "Ad"), not a bare address
// ("http://po.st/TP_615"), in Latin script more than one word ("Baixar",
// "Amsterdam" name a download or a place page, not a story), and more
// words than figures.
func headlineLike(t string) bool {
	if t == "" || rxGenericLink.MatchString(t) {
		return false
	}
	for _, p := range []string{"http://", "https://", "www."} {
		if len(t) >= len(p) && strings.EqualFold(t[:len(p)], p) {
			return false
		}
	}
	if len(strings.Fields(t)) == 1 && isLatin(t) {
		return false
	}
	// A quote ticker ("DAX 16.105,83 +0,14%") is more figures than
	// words, or ends with a signed change in percent.
	if strings.HasSuffix(t, "%") && rxSignedPercent.MatchString(t) {
		return false
	}
	letters, digits := 0, 0
	for _, r := range t {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
			digits++
		}
	}
	return digits <= letters
}

// rxSignedPercent is a quote's change at the end of a ticker line.
var rxSignedPercent = regexp.MustCompile(`[+\-−]\s?\d+([.,]\d+)?\s?%$`)

// slugTitle reads a title from the last segment of a story's address
// ("/palavra-de-deus-para-hoje" gives "Palavra de deus para hoje"), when it
// is three words or more of letters; "" otherwise.
func slugTitle(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	seg := strings.TrimRight(u.Path, "/")
	seg = seg[strings.LastIndexByte(seg, '/')+1:]
	if i := strings.LastIndexByte(seg, '.'); i > 0 {
		seg = seg[:i]
	}
	words := strings.FieldsFunc(seg, func(r rune) bool { return r == '-' || r == '_' || r == '+' })
	if len(words) < 3 {
		return ""
	}
	for _, w := range words {
		for _, r := range w {
			if !unicode.IsLetter(r) {
				return "" // an id or a date: not words
			}
		}
	}
	t := strings.Join(words, " ")
	r, n := utf8.DecodeRuneInString(t)
	return string(unicode.ToUpper(r)) + t[n:]
}

// rxKickerTitle is link text that starts with a card's time ("10:09 |
// BILAN", "2 hours ago", "14h", "vor 3 Stunden") rather than its headline.
var rxKickerTitle = regexp.MustCompile(`(?i)^[^\pL\pN]*(\d{1,2}[:h.]\d{2}\b|` + relativeTime + `)`)

// relativeTime is a card's age: "2 hours ago", "14h", "5 min", "vor 3
// Stunden", "il y a 2 jours", "hace 1 hora", "há 3 dias".
const relativeTime = `\d{1,3}\s?(h|hr|hrs|hours?|m|min|mins|minutes?|d|days?|w|wks?|weeks?|mo|months?|std\.?|stunden?|tage?n?|minuten?|heures?|jours?|horas?|días?|dias?)\b(\s+ago)?|(vor|il y a|hace|há)\s+\d{1,3}\s+\pL+`

// mayBeAge reports whether t may start with a time or age, the cheap test
// before rxKickerTitle and rxAgePrefix: a digit, or a word that starts
// an age in German, French, Spanish or Portuguese.
func mayBeAge(t string) bool {
	t = strings.TrimLeftFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
	if t == "" {
		return false
	}
	if t[0] >= '0' && t[0] <= '9' {
		return true
	}
	for _, w := range []string{"vor ", "il y a ", "hace ", "há "} {
		if len(t) >= len(w) && strings.EqualFold(t[:len(w)], w) {
			return true
		}
	}
	return false
}

// rxAgePrefix is a card's age, and a count that may follow it (of
// comments), before its headline in one link: "14h 261 Star Wars…".
var rxAgePrefix = regexp.MustCompile(`(?i)^\s*(` + relativeTime + `)\s+(\d+\s+)?`)

// kickerTitle reports whether a would-be title is a card's time and
// kicker, or a kicker alone (one or two words), rather than a headline.
func kickerTitle(t string) bool {
	if t == "" {
		return false
	}
	if mayBeAge(t) && rxKickerTitle.MatchString(t) {
		return len(strings.Fields(t)) <= 4
	}
	// A single word ("Politics") is a kicker or section link, whatever
	// its case.
	return len(strings.Fields(t)) <= 2 && capitals(t, 3) || len(strings.Fields(t)) == 1 && isLatin(t)
}

var rxHeadlineHint = regexp.MustCompile(`(?i)(^|[\s_-])(headline|title|heading|hed)([\s_-]|$)`)

// headlineHint reports whether lower-cased class and id words name a
// headline. Its words all hold "he" or "title", tested first: this runs
// on every element of every card.
func headlineHint(h string) bool {
	return (strings.Contains(h, "he") || strings.Contains(h, "title")) && rxHeadlineHint.MatchString(h)
}

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
			if isHeading(c) || headlineHint(hints(c)) {
				t := textOf(c)
				// A heading that holds a kicker beside an element
				// marked as the headline ("<span class=overline>Syrien
				// </span><span class=headline>…") is that element.
				if isHeading(c) {
					if h := markedHeadline(c); h != "" {
						t = h
					}
				}
				if trimLabel(t) != label {
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

// markedHeadline returns the text of the first element under n whose
// class or id names a headline, or "".
func markedHeadline(n *html.Node) string {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if headlineHint(hints(c)) {
			return textOf(c)
		}
		if t := markedHeadline(c); t != "" {
			return t
		}
	}
	return ""
}

func trimEllipsis(s string) string {
	s = strings.TrimSpace(s)
	for _, suf := range []string{"...", "…", "[...]", "[…]"} {
		s = strings.TrimSpace(strings.TrimSuffix(s, suf))
	}
	return s
}
