package scoop

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// byline returns the article's authors from JSON-LD, else what
// readability found in meta tags and the page.
func (p *page) byline(found string) string {
	if a := p.article(); a != nil {
		var names []string
		authors, ok := a["author"].([]any)
		if !ok {
			authors = []any{a["author"]}
		}
		for _, au := range authors {
			if n := cleanByline(p.ldName(au)); n != "" && !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
		// Metadata that names only the publisher as author says less
		// than the visible "By …" line.
		if site := p.siteName(""); len(names) == 1 && site != "" && strings.EqualFold(names[0], site) {
			if b := cleanByline(found); b != "" && !strings.EqualFold(b, site) {
				return b
			}
		}
		if len(names) > 0 {
			return strings.Join(names, ", ")
		}
	}
	return cleanByline(found)
}

// rxBylineLead is the "By" before a byline, in the languages scoop reads,
// with the kind of piece that may come first ("Analysis by", "Un
// documentaire de", "Text und Interview:"). "de" and "di" open surnames
// too, so they count only after such a word.
var rxBylineLead = regexp.MustCompile(`(?i)^(?:(?:(?:an?|une?|una|uno|ein|eine)\s+)?(?:analysis|analyse|story|words|reporting|report|written|posted|compiled|text|texte|texto|testo|tekst|текст|interview|beitrag|artikel|article|articolo|artículo|documentaire|documental|reportage|photos?|fotos?|video|commentary|kommentar|column|kolumne|opinion)(?:\s+(?:und|and|et|y|e)\s+\p{L}+)?\s*(?::\s*|\s+(?:by|von|par|por|di|de|door|av|af|przez|от)\s*:?\s+)|(?:by|von|par|por|door|av|af|przez|от)\s*:\s*|(?:by|von|par|por|door|av|af|przez|от)\s+)`)

// bylineLeadWords are the first words rxBylineLead can match without a
// colon, tested before it.
var bylineLeadWords = wordSet(`a an un une una uno ein eine analysis analyse story words reporting report written posted compiled
	text texte texto testo tekst текст interview beitrag artikel article articolo artículo documentaire documental reportage
	photo photos foto fotos video commentary kommentar column kolumne opinion by von par por door av af przez от`)

// rxAuthorLabel is a label naming the author before a colon ("Autor:",
// "Auteur :", "Автор:").
var rxAuthorLabel = regexp.MustCompile(`(?i)^(?:author|authors|autor|autorin|autoren|auteur|auteurs|autore|autori|autora|autores|autorka|auteur\(e\)|автор|авторы|redakteur|redakteurin|reporter)\s*:\s*`)

// rxFormLabel is a comment form's name field ("Name (required)"), which
// readability takes for a byline on pages whose form field is classed
// "author".
var rxFormLabel = regexp.MustCompile(`(?i)^(?:your\s+)?(?:name|nom|nombre|nome|naam|imię|имя|ihr name|votre nom|tu nombre)\s*(?:\*|\(?\s*(?:required|erforderlich|obligatoire|requis|obligatorio|obbligatorio|verplicht|wymagane|pflichtfeld|pflicht)\s*\)?)?\s*\*?$`)

// cleanByline trims a byline found in the page text or metadata to the
// names: no "By" or "Author:" before them; no date, "Updated", e-mail or
// web address after them; nothing if it was only a date or a form's
// name field.
func cleanByline(s string) string {
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s) // JSON-LD names often come escaped
	}
	s = collapse(s)
	if loc := pubLabels.FindStringIndex(s); loc != nil {
		s = s[:loc[0]]
	}
	if loc := updLabels.FindStringIndex(s); loc != nil {
		s = dropJoiner(strings.TrimRight(s[:loc[0]], bylinePunct)) // "Last updated"
	}
	s = cutBylineDate(s)
	s = dropContacts(s)
	s = strings.TrimLeft(s, bylinePunct)
	if strings.IndexByte(s, ':') >= 0 || bylineLeadWords[strings.ToLower(firstWord(s))] {
		s = rxBylineLead.ReplaceAllString(s, "")
		s = rxAuthorLabel.ReplaceAllString(s, "")
	}
	s = undouble(strings.TrimRight(s, bylinePunct+"("))
	if _, isDate := parseTextDate(s, monthFirst); isDate || !strings.ContainsFunc(s, unicode.IsLetter) || rxFormLabel.MatchString(s) || rxDateWord.MatchString(s) {
		return ""
	}
	return s
}

// bylinePunct is what separates a byline from what templates set beside it.
const bylinePunct = " ,;|/-–—·•:»«"

// rxDateWord is a date's label left alone once its date is cut.
var rxDateWord = regexp.MustCompile(`(?i)^(?:date|datum|fecha|data|date de publication|publication date|veröffentlichungsdatum)$`)

// dropWeekday removes a weekday name ending what a cut date leaves of a
// byline ("Jane Doe Monday, March 2", "Jane DoeMonday, March 2"); a
// byline with no date keeps its last word ("The Sun").
func dropWeekday(s string) string {
	i := strings.LastIndexByte(s, ' ') + 1
	last := s[i:]
	if weekdayNames[strings.ToLower(strings.TrimSuffix(last, "."))] != "" || shortWeekdays[strings.ToLower(strings.TrimSuffix(last, "."))] {
		return strings.TrimRight(s[:i], bylinePunct)
	}
	// Glued: the weekday opens with a capital after a lower-case letter.
	for j := len(last) - 1; j > 0; j-- {
		if 'A' <= last[j] && last[j] <= 'Z' && 'a' <= last[j-1] && last[j-1] <= 'z' {
			if weekdayNames[strings.ToLower(last[j:])] != "" {
				return s[:i+j]
			}
			break
		}
	}
	return s
}

// shortWeekdays are the abbreviations of weekday names in English.
var shortWeekdays = wordSet(`mon tue tues wed thu thur thurs fri sat sun`)

// undouble returns one copy of a name a template printed twice, glued or
// with a space ("Kristen Falc'honKristen Falc'hon").
func undouble(s string) string {
	n := len(s)
	if n%2 == 0 && n >= 8 && s[:n/2] == s[n/2:] {
		return s[:n/2]
	}
	if n%2 == 1 && n >= 9 && s[n/2] == ' ' && s[:n/2] == s[n/2+1:] {
		return s[:n/2]
	}
	return s
}

// cutBylineDate drops a date that follows the names, set apart by a space
// or glued to the last name by a template that joins two elements
// ("Carrie ArnoldNovember 15, 2019"). The date starts at the last word
// boundary from which a date still reads.
func cutBylineDate(s string) string {
	// Each word boundary is read for a date: a line longer than any
	// byline (metadata can hold anything) is left as it is.
	if len(s) > maxBylineScan || !strings.ContainsFunc(s, unicode.IsDigit) {
		return s
	}
	// So does a relative time ("Jane Doe 2 hours ago", "vor 3 Stunden").
	if relativeHint(s) {
		if loc := rxRelative.FindStringSubmatchIndex(s); loc != nil {
			head := strings.TrimRight(s[:loc[2]], bylinePunct)
			for _, w := range agoBefore {
				// (or glued to the name by a template: "Houzz Deutschlandvor")
				if len(head) > len(w) && strings.EqualFold(head[len(head)-len(w):], w) {
					head = strings.TrimRight(head[:len(head)-len(w)], bylinePunct)
					break
				}
			}
			if strings.ContainsFunc(head, unicode.IsLetter) {
				s = head
			}
		}
	}
	// A time of day, which no name holds, ends the names.
	if loc := rxClockAnywhere.FindStringIndex(s); loc != nil && strings.ContainsFunc(s[:loc[0]], unicode.IsLetter) {
		s = strings.TrimRight(s[:loc[0]], bylinePunct)
	}
	// The whole line may not read as a date: a month name glued to a
	// name has no word boundary before it.
	cut := -1
	var prev rune
	for i, r := range s {
		boundary := i == 0 || (unicode.IsLetter(r) || unicode.IsDigit(r)) && (prev == ' ' || unicode.IsLower(prev) && unicode.IsUpper(r))
		if boundary {
			if _, ok := parseTextDate(s[i:], monthFirst); ok {
				cut = i
			}
		}
		prev = r
	}
	if cut == 0 {
		return "" // only a date
	}
	if cut < 0 {
		// A short numeric date scoop does not read as one, before the
		// time ("am 26/10/13, 03:48").
		if i := strings.LastIndexByte(s, ' '); i > 0 && strings.ContainsAny(s[i+1:], "./-") && strings.Trim(s[i+1:], "0123456789./-") == "" {
			cut = i
		}
	}
	if cut <= 0 || !strings.ContainsFunc(s[:cut], unicode.IsLetter) {
		return s
	}
	return dropWeekday(dropJoiner(strings.TrimRight(s[:cut], bylinePunct)))
}

// agoBefore are the words for "ago" that come before the number.
var agoBefore = []string{"vor", "il y a", "hace", "há", "för", "před", "πριν", "לפני", "منذ", "acum"}

// maxBylineScan bounds the byline cutBylineDate reads word by word.
const maxBylineScan = 200

// dropJoiner removes a last word that joined the names to a date cut
// after them.
func dropJoiner(s string) string {
	i := strings.LastIndexByte(s, ' ')
	if bylineJoiners[strings.ToLower(s[i+1:])] {
		return strings.TrimRight(s[:max(i, 0)], bylinePunct)
	}
	return s
}

// bylineJoiners are the words that join a name to the date after it
// (and the "Last" of "Last updated").
var bylineJoiners = wordSet(`on am le el il em at um den der du del op på last zuletzt`)

// dropContacts removes e-mail addresses, web addresses and, when a name
// stands beside them, social handles from a byline.
func dropContacts(s string) string {
	if !strings.ContainsAny(s, "@.") {
		return s
	}
	words := strings.Fields(s)
	kept := words[:0]
	handles := 0
	for _, w := range words {
		bare := strings.Trim(w, "()[]<>,;|")
		switch {
		case strings.Contains(bare, "@") && strings.Contains(bare[strings.IndexByte(bare, '@'):], "."):
			continue // an e-mail address
		case strings.HasPrefix(bare, "www.") || strings.Contains(bare, "://"):
			continue
		case strings.HasPrefix(bare, "@") && utf8.RuneCountInString(bare) > 1:
			handles++
		}
		kept = append(kept, w)
	}
	if handles > 0 && handles < len(kept) {
		names := kept[:0]
		for _, w := range kept {
			if !strings.HasPrefix(strings.Trim(w, "()[]<>,;|"), "@") {
				names = append(names, w)
			}
		}
		kept = names
	}
	return strings.Join(kept, " ")
}

// publisherName cleans the publisher's name as a page states it: no rating
// stars or bullets before it, no slash after a bare host name ("tdg.ch/"),
// and not the article's title, which some pages set in og:site_name
// beside the name ("<title> | MLUK").
func publisherName(name, title string) string {
	name = strings.TrimLeftFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	name = strings.TrimLeft(name, " -–—|•·:")
	if !strings.Contains(name, " ") {
		name = strings.TrimRight(name, "/")
	}
	if title == "" || strings.EqualFold(name, title) {
		return name
	}
	if !strings.ContainsAny(name, "|•·–—-:") {
		return name
	}
	var rest []string
	dropped := false
	for _, seg := range siteSeparators.Split(name, -1) {
		if similarTitle(seg, title) || similarTitle(title, seg) {
			dropped = true
			continue
		}
		rest = append(rest, seg)
	}
	if dropped && len(rest) == 1 {
		return rest[0]
	}
	return name
}

// siteSeparators part a site's name from what a page sets beside it.
var siteSeparators = regexp.MustCompile(`\s+[|•·–—-]\s+|\s+::\s+`)
