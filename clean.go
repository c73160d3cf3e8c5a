package scoop

import (
	"bytes"
	"net/url"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Lines readers skip. Each rule applies only to a short block, so prose
// that merely mentions these words is never touched.
var (
	// rxLabel is a block that is only a section label or an ad marker.
	rxLabel = newFilteredRx(labelAlts, true)
	// rxCountLabel is a label that opens with a number: a read counter or
	// a reading time.
	rxCountLabel = regexp.MustCompile(`(?i)^[^\pL\pN]*([\d.,]+ ?letture|\d+ min(ute)?s? read)[^\pL\pN]*$`)
	// rxCallout is an inline pointer to another story.
	rxCallout = regexp.MustCompile(`(?i)^[^\pL\pN]{0,3}(延伸阅读|相关阅读|相关新闻|推荐阅读|相关链接|相关报道|延伸閱讀|相關閱讀|相關報導|関連記事|関連ニュース|関連|あわせて読みたい|관련\s?기사|читайте также|читайте ещё|читайте еще|смотрите также|по теме|baca juga|czytaj (też|także|również)|przeczytaj (też|także|również)|zobacz (też|także|również)|dowiedz się więcej|läs också|les også|læs også|ilgili haber|xem thêm|اقرأ أيضاً|اقرأ أيضا|यह भी पढ़ें|related(\s+(story|stories|article|articles|coverage|content|news|link|links|reading))?|read more|read also|also read|see also|more on this|learn more|en savoir plus|mehr erfahren|scopri di più|more:|watch|watch:|listen|lesen sie auch|lesen sie mehr|mehr zum thema|auch interessant|weiterlesen|à lire aussi|a lire aussi|lire aussi|voir aussi|sur le même sujet|leer más|lee también|lea también|ver también|relacionad[ao]s?|leggi anche|leggi pure|potrebbe interessarti|leia também|leia mais|veja também|lees ook|lees meer|zie ook|bekijk ook|lesetipps?|lese-tipps?|vea también|mira también|puedes ver|lea aquí|lee aquí|lee además|lea además|puede interesarte|confira também|čtěte také|přečtěte si také|mohlo by vás zajímat|čítajte aj|pročitajte još|zum thema|mehr (dazu|darüber) lesen sie( hier)?|lesen sie hier|mehr dazu|lesen sie dazu|pour aller plus loin|à lire également|lire également|mirá también|leé también|(también )?(le|te) puede interesar|(te|le) recomendamos|infórmate más|informate más|saiba mais|veja mais|leia ainda|vedi anche|per approfondire|approfondisci|czytaj więcej|citește și|citeste si|vezi și|vezi si|pročitajte i|preberite še|lue myös|lue lisää|läs mer|läs även|les mer|læs mere|διαβάστε επίσης|читайте також|bunlar da ilginizi çekebilir|ये भी पढ़ें|इसे भी पढ़ें|اقرأ المزيد|עוד בנושא)\s*[:：|\-–—»>】\]）)]`)
	rxPromo   = regexp.MustCompile(`(?i)(` + appPitch + `|app store|google play|play store)`)
	// rxAppPitch is rxPromo but for the bare name of an app store, which
	// prose mentions too ("Google Play sends your device a patch"): a
	// store named after "download", "get it" or "available" is a badge.
	rxAppPitch = regexp.MustCompile(`(?i)(` + appPitch + `|(download|get it|available|disponible|erhältlich|verfügbar|scarica|baixe)\b.{0,40}\b(app store|google play|play store))`)
	rxCrumb    = regexp.MustCompile(`(?i)^[^\pL\pN]*(skip to( main)? (content|navigation)|jump to|share( this( story| article)?)?( on)?|tweet|e-?mail|print|copy link|copy url|follow us( on)?|sign up( for)?|subscribe( to)?|newsletter|click here to|join (our|the)|get (our|the) (free )?newsletter|related topics|tags?|topics|filed under|comments?|leave a comment|jetzt teilen|teilen|partager|compartir|condividi|compartilhar|delen)\b`)
	rxPhoto    = regexp.MustCompile(`^[^\pL\pN]*(all )?(artist|artwork|photo|photos|image|images|picture|pictures|foto|fotos|bild|credit|credits|crédits?( photos?)?|photo credits?|image illustrative|beitragsbild|titelbild|symbolbild|aufmacherbild|bildquelle|abbildung|grafik|photograph|illustration|video)\s*(by|:|/|©|credit)|\((ap|afp|reuters|getty|photo|photos|foto|fotos|crédit|credit|image|bild|picture)( photo| images)?[^)]*\)$`)
	// rxPhotoBy is a credit whose source comes first ("Gazette photo by
	// Jane Doe", "Courtesy photo"): a few words before "photo by" and a
	// name after it, not a sentence about a photo.
	rxPhotoBy = regexp.MustCompile(`^[^\pL\pN]*((?:[\pL.'’&-]+\s+){0,3}(photo|photos|picture|image|illustration|foto|fotos)\s+(by|courtesy of|courtesy)\b\s*(\S+\s*){0,5}|(courtesy|file|staff|submitted|contributed|handout)\s+(photo|image|picture)s?[^\pL\pN]*|(?:[\pL.'’-]+\s+){0,3}[\pL.'’-]+,\s*(photo|foto|photos|fotos|bild|image)\s*:\s*[^.!?]{2,60})$`)
	// rxFigureLabel opens a figure's caption: "Abbildung 2: …", "Fig. 3:".
	rxFigureLabel = regexp.MustCompile(`(?i)^[^\pL\pN]*(abbildung|abb\.|figure|fig\.|figura|illustration|grafik|schaubild)\s*\d*\s*:`)
	// rxBodyByline is an author line ("By Staff Writer", "Von Hans
	// Meier | 03.02.2022"): "by" and capitalised names, nothing else but
	// a date or a place after a bar or a dash.
	rxBodyByline = regexp.MustCompile(`^(?:[Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or|[Dd]oor|[Pp]rzez)\s*:?\s+(?:\p{Lu}[\pL.'’-]*\.?\s*){1,4}(?:[|·•–-].{0,40})?$`)
	// rxEditorLine is an editor or source credit as Chinese and Japanese
	// sites end articles with: "（责任编辑：王敏）".
	// The original title, the producer, the author and the picture note
	// ("原标题：", "出品︱", "图注：") close reprinted Chinese stories the
	// same way, with a colon or a bar.
	rxEditorLine = regexp.MustCompile(`^[^\pL\pN]*(责任编辑|責任編輯|编辑|編輯|来源|來源|記者|记者|原标题|原標題|出品|作者|图注|圖註|图片来源|圖片來源|摄影|攝影|文|图|圖)\s*[:：︱丨|]`)
	// rxPictured is a caption that opens "Pictured is" (图为), as no
	// sentence of a Chinese story's prose does.
	rxPictured = regexp.MustCompile(`^[^\pL\pN]*(图为|圖為)\S`)
	// rxSourceLine credits an agency or a source on a line of its own:
	// "Źródło: ISBnews", "Quelle: dpa".
	rxSourceLine = regexp.MustCompile(`(?i)^[^\pL\pN]*(źródło|quelle|source|fuente|fonte|bron|kilde|källa|lähde)\s*:\s*[^.!?:]{2,40}$`)
	rxReadTime   = regexp.MustCompile(`(?i)(temps de lecture|lesezeit|reading time|read time|tiempo de lectura|tempo di lettura|tempo de leitura|leestijd)\s*:?\s*\d+\s*min\w*\.?|\d+\s*(min|mins|minute|minutes|minuten|minutos|minuti|minuut|minuten)\.?\s*(read|reading|lesezeit|de lecture|de lectura|di lettura|de leitura|leestijd)?`)
	rxCounter    = regexp.MustCompile(`^\d+\s*/\s*\d+$`)
)

// appPitch are the branches of rxPromo that pitch an app in any line.
const appPitch = `download (the|our) .{0,40}\bapps?\b|(^|[.!:] )[^\pL]*get (the|our) .{0,60}\bapp\b|for the best experience|\bios (und|and|et|y|e) android\b|open in app|give shoutout|^shoutout`

// labelAlts are the branches of rxLabel: a block that is only a section
// label, an ad marker or a button.
const labelAlts = `publicidade|reklama|reklam|annons|mainos|werbeanzeige|description|summary|advertisement|advertisements|advertising|ad|ads|sponsored|sponsored content|paid content|anzeige|werbung|publicité|publicidad|pubblicità|advertentie|reclame|back to top|nach oben|(bild|foto) (anzeigen|schließen|vergrößern)( (bild|foto) (anzeigen|schließen|vergrößern))?|(show|view|enlarge|close) (image|photo|picture)|mehr anzeigen|show more|see more|registrieren kostenlos|télécharger|herunterladen|descargar|scarica|seguir|suivre|segui|found this helpful|promoted by \pL+|photos?|images?|reuse content|more about:|exclusive|exklusiv|exclusif|exclusiva|gallery: .{1,60}\| \d+ photos|zum inhalt springen|springe zum inhalt|direkt zum inhalt|aller au contenu|ir al contenido|salta al contenuto|wechseln zu: navigation, suche|navigation (öffnen|schließen)( navigation (öffnen|schließen))?|hauptinhalt|hauptmenü|men[üu]|suche|search|beitragsnavigation|rezept bewerten|speichern|enviar fotos|click to enlarge|estimated reading time: \d+ minutes?|lesezeit( von)? \d+ minuten|keine suchergebnisse gefunden!?|feedback|inhalt|startseite|iklan|advert|text ?size|textgröße|disclaimer|image \d+ of \d+|learn more|recent articles|popular this week|tell us what you think\.*|like this story\? share it with a friend!?|letture|(tempo de leitura|lesezeit|reading time|temps de lecture|tiempo de lectura|tempo di lettura)\s*:?\s*\d+\s*\pL*|page load link|start typing to see results.*|teile mich|next article|previous article|nächster artikel|vorheriger artikel|zurück zum inhaltsverzeichnis|bildrechte|nächste vorherige|vorherige nächste|(reportar|reporte|report|melden|signaler)( un| an| a)? (error|fehler|erreur|problem)|fehler melden|agregar información|watch video( \d+:\d+)?|ja ?nein|yes ?no|read more|advertise with us|post (a )?comment( \(\+\))?|anmelden|einloggen|registrieren|log ?in|sign ?in|connexion|iniciar sesión|(auf |on |sur |en )?(facebook|twitter|twittern|instagram|whatsapp|telegram|linkedin|xing|pinterest|reddit|flipboard|threads|bluesky|mastodon)( \| (facebook|twitter|instagram|whatsapp|telegram|linkedin|xing|pinterest))*|(imprimer|imprimir|stampa|drucken)( (imprimer|imprimir|stampa|drucken))?( (cette page|l'article|la page|esta página|la pagina|artikel|seite))?|(artikel|seite) drucken|zurück|zurück zur übersicht|retour en haut( de la page)?|haut de page|volver arriba|torna su|voltar ao topo|story continues below( this)? (advertisement|ad)|(article|story) continues below|continue reading( below)?|scroll to continue( with content)?|skip advertisement|skip ad|loading\.*|listen to (this )?(article|story)|powered by [\pL\pN.&'’-]+( [\pL\pN.&'’-]+){0,2}`

// isLabel reports whether the short line t is only a label, an ad marker,
// a button or a counter.
func isLabel(t string) bool {
	return rxLabel.MatchString(t) || hasDigit(t) && (rxCountLabel.MatchString(t) || rxCounter.MatchString(t))
}

// hasDigit reports whether s holds an ASCII digit.
func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

// cleanBody removes from the article body what readers skip: labels,
// callouts, promos, share and subscribe crumbs, credit debris, a repeated
// headline and lone date lines. It returns the inline callouts it removed,
// for the related-story parser.
func cleanBody(root *html.Node, title string, p *page) []*html.Node {
	var callouts []*html.Node
	normTitle := strings.ToLower(collapse(title))
	// A subheading that repeats the page description is the standfirst.
	desc := strings.ToLower(collapse(p.meta["og:description"]))
	if desc == "" {
		desc = strings.ToLower(collapse(p.meta["description"]))
	}
	dropContents(root, p.url)
	var remove []*html.Node
	prose := false // whether a paragraph of the story came yet
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		wrapLooseText(n)
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			// Leaf blocks are lines; so are inline elements that sit
			// between blocks, like a caption span beside a paragraph.
			if hasBlockChild(c) {
				walk(c)
				continue
			}
			if !isBlock(c) && !hasBlockChild(n) {
				continue
			}
			t := textOf(c)
			switch {
			case t == "":
			case !prose && len(t) <= 80 && rxBodyByline.MatchString(t):
				// The author line above the story's first paragraph:
				// the record has it as its byline.
				remove = append(remove, c)
			case isHeading(c) || len(t) <= 300:
				j := junk(c, t, normTitle)
				if j != "" && j != "callout" {
					// A rule that fits the first or last of several lines
					// must not take the prose beside it.
					if lines, prose := brJunk(c, normTitle); prose {
						remove = append(remove, lines...)
						break
					}
				}
				if j != "" || p.cutTexts[t] || isHeading(c) && desc != "" && strings.ToLower(t) == desc {
					if j == "callout" {
						callouts = append(callouts, c)
					}
					remove = append(remove, c)
				} else {
					lines, _ := brJunk(c, normTitle)
					remove = append(remove, lines...)
					prose = prose || len(t) >= 150
				}
			case len(t) <= maxPostFooter && postFooterWords[strings.ToLower(firstWord(t))] && rxPostFooter.MatchString(t):
				remove = append(remove, c)
			default:
				prose = true
				lines, _ := brJunk(c, normTitle)
				remove = append(remove, lines...)
			}
		}
	}
	walk(root)
	for _, n := range remove {
		detach(n)
	}
	dropDanglingHeadings(root)
	return callouts
}

func isHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (isBlock(c) || hasBlockChild(c)) {
			return true
		}
	}
	return false
}

// junk names why a short block is not article prose, or returns "".
// Cheap word and length checks come before each regular expression, as
// this runs on every short block of every body.
func junk(n *html.Node, t, normTitle string) string {
	if len(t) > 400 && len(t) > 3*len(normTitle) {
		return "" // every rule but the repeated title is for shorter lines
	}
	lower := strings.ToLower(t)
	first := firstWord(lower)
	switch {
	case normTitle != "" && lower == normTitle:
		return "title"
	case len(t) <= 80 && isLabel(t):
		return "label"
	case len(t) <= 250 && calloutLabel(t) != nil && hasLink(n):
		return "callout"
	case len(t) <= 200 && mayPromo(lower) && rxPromo.MatchString(t) && !storeMention(n, t):
		return "promo"
	case len(t) <= 100 && crumbWords[first] && rxCrumb.MatchString(t) && (len(t) <= 40 || linkDensity(n, t) > 0.5):
		return "crumb"
	case len(t) <= 120 && !isHeading(n) && photoCredit(lower):
		return "credit"
	case len(t) <= 300 && figureWords[first] && !isHeading(n) && rxFigureLabel.MatchString(t):
		return "caption"
	case len(t) <= 80 && hasDigit(t) && dateLine(t):
		return "date"
	case len(t) <= 40 && sectionLink(n, t):
		return "kicker"
	case n.DataAtom == atom.Figure && len(t) <= 120 && !hasImage(n) && linkDensity(n, t) > 0.8:
		// An embed (a chart, a map, an interactive) whose script did not
		// run leaves a figure of one link: its name, not the story's.
		return "embed"
	case len(t) <= 100 && (strings.HasPrefix(t, "« ") || strings.HasSuffix(t, " »")) && linkDensity(n, t) > 0.8:
		return "postnav" // "« Previous post", "Next post »"
	case len(t) <= 200 && breadcrumb(n, t):
		return "crumb"
	case len(t) <= 200 && hanFirst(t) && (len(t) <= 150 && rxEditorLine.MatchString(t) || rxPictured.MatchString(t)):
		return "credit"
	case len(t) <= 50 && rxSourceLine.MatchString(t):
		return "credit"
	}
	if len(t) <= 400 && !isHeading(n) || len(t) <= 80 {
		return boilerplate(t, lower)
	}
	return ""
}

// hanFirst reports whether the first letter of t is a Chinese character,
// the cheap test before the patterns of Chinese credit lines.
func hanFirst(t string) bool {
	for _, r := range t {
		if unicode.IsLetter(r) {
			return unicode.Is(unicode.Han, r)
		}
	}
	return false
}

// mayPromo is the cheap test before rxPromo. The first list is the
// rule's own; the second holds a word from each branch of the pattern
// (for "app store" as (?i) reads it, with a long s), as "app" alone is in
// "happen" and "approach" and lets the pattern run on much prose.
func mayPromo(lower string) bool {
	return containsAny(lower, "app", "experience", "play", "shoutout") &&
		containsAny(lower, "download the", "download our", "get the", "get our", "experience", "app s", "app ſ", "play", "open in app", "houtout", "ios ")
}

// storeMention reports whether a line rxPromo takes is a sentence that
// only names an app store: a line of prose, not a short badge or a line
// of links, and no pitch around the name.
func storeMention(n *html.Node, t string) bool {
	return len(t) > 80 && linkDensity(n, t) <= 0.5 && !rxAppPitch.MatchString(t)
}

// sectionLink reports whether a short line is only a link to a site
// section, the kicker many templates print above a headline.
func sectionLink(n *html.Node, t string) bool {
	if countLinks(n) != 1 || linkDensity(n, t) < 0.9 {
		return false
	}
	var href string
	var find func(*html.Node)
	find = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			href = attr(n, "href")
		}
		for c := n.FirstChild; c != nil && href == ""; c = c.NextSibling {
			find(c)
		}
	}
	find(n)
	u, err := url.Parse(href)
	return err == nil && strings.Trim(u.Path, "/") != "" && !storyLike(u)
}

// breadcrumb reports whether a line is a trail of links like
// "Home > Region > Story".
func breadcrumb(n *html.Node, t string) bool {
	seps := strings.Count(t, " > ") + strings.Count(t, "›") + strings.Count(t, "»") + strings.Count(t, " / ")
	return seps >= 2 && countLinks(n) >= 2
}

// photoCredit reports whether a lower-cased short line credits a photo:
// "Photo: …", "(AP Photo/…)", "… / Getty Images", "© …".
func photoCredit(lower string) bool {
	lower = strings.TrimSpace(lower)
	if strings.Contains(lower, "©") {
		return true
	}
	for _, s := range []string{"getty images", "shutterstock", "reuters", "afp", "ap photo", "dpa", "epa"} {
		if strings.HasSuffix(lower, s) {
			return true
		}
	}
	return containsAny(lower, "photo", "artist", "artwork", "image", "picture", "foto", "bild", "grafik", "credit", "crédit", "illustration", "video", "(ap", "(afp", "(reuters", "(getty") &&
		(rxPhoto.MatchString(lower) || len(lower) <= 80 && rxPhotoBy.MatchString(lower))
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// startsCallout reports whether t begins with a word a callout can
// begin with, a cheap test before rxCallout.
func startsCallout(t string) bool {
	// Lower-casing the first word only: t may be a whole paragraph.
	first := strings.ToLower(firstWord(t))
	return first != "" && (calloutWords[first] || !isLatin(first))
}

// firstWord returns the first run of letters in s.
func firstWord(s string) string {
	s = strings.TrimLeftFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }); end >= 0 {
		return s[:end]
	}
	return s
}

// The first words of callouts and crumbs, to test before their patterns.
var (
	calloutWords = wordSet(`related read also see more watch listen lesen mehr auch weiterlesen à a lire voir
		sur leer lee lea ver vea mira le te puedes también relacionado relacionada relacionados relacionadas leggi potrebbe leia veja lees zie
		baca czytaj przeczytaj zobacz dowiedz läs les læs ilgili xem zum pour mirá leé infórmate informate
		saiba vedi per approfondisci citește citeste vezi pročitajte preberite lue bunlar bekijk lesetipp lesetipps lese
		puede confira čtěte přečtěte mohlo čítajte learn en scopri`)
	figureWords = wordSet(`abbildung abb figure fig figura illustration grafik schaubild`)
	crumbWords  = wordSet(`skip jump share tweet email e mail print copy follow sign subscribe newsletter
		click join get related tags tag topics filed comments comment leave jetzt teilen partager compartir
		condividi compartilhar delen`)
)

// dateLine reports whether t is a date with at most a label around it,
// such as "Published on: 02/12/2025".
func dateLine(t string) bool {
	if _, ok := parseTextDate(t, monthFirst); !ok {
		return false
	}
	n := 0
	for _, w := range strings.Fields(rxReadTime.ReplaceAllString(t, "")) {
		if !strings.ContainsFunc(w, unicode.IsLetter) {
			continue
		}
		if _, month := monthNames[strings.ToLower(strings.Trim(w, ".,"))]; month {
			continue
		}
		if strings.ContainsAny(w, "0123456789") {
			continue
		}
		n++
	}
	if pubLabels.MatchString(t) || updLabels.MatchString(t) {
		return n <= 5
	}
	return n <= 1
}

func countLinks(n *html.Node) int {
	c := 0
	if n.Type == html.ElementNode && n.DataAtom == atom.A {
		c++
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c += countLinks(k)
	}
	return c
}

func hasLink(n *html.Node) bool {
	if n.Type == html.ElementNode && n.DataAtom == atom.A && attr(n, "href") != "" {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasLink(c) {
			return true
		}
	}
	return false
}

// linkDensity is the share of n's text that sits inside links.
func linkDensity(n *html.Node, text string) float64 {
	if text == "" {
		return 0
	}
	linked := 0
	var walk func(*html.Node, bool)
	walk = func(n *html.Node, in bool) {
		if n.Type == html.TextNode && in {
			linked += len(strings.TrimSpace(n.Data))
		}
		in = in || (n.Type == html.ElementNode && n.DataAtom == atom.A)
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, in)
		}
	}
	walk(n, false)
	return float64(linked) / float64(len(text))
}

// plainText renders the body as paragraphs separated by a blank line.
func plainText(root *html.Node) string {
	var out strings.Builder
	var para []byte
	flush := func() {
		if s := bytes.TrimSpace(para); len(s) > 0 {
			if out.Len() > 0 {
				out.WriteString("\n\n")
			}
			out.Write(s)
		}
		para = para[:0]
	}
	var walk func(*html.Node, bool)
	walk = func(n *html.Node, pre bool) {
		switch n.Type {
		case html.TextNode:
			if pre {
				para = append(para, n.Data...)
			} else {
				para = appendCollapsed(para, n.Data)
			}
			return
		case html.ElementNode:
			if skipText(n) {
				return
			}
			switch n.DataAtom {
			case atom.Br:
				para = append(bytes.TrimRight(para, " "), '\n')
				return
			case atom.Td, atom.Th:
				para = appendCollapsed(para, " ")
			}
		}
		block := n.Type == html.ElementNode && isBlock(n) && n.DataAtom != atom.Td && n.DataAtom != atom.Th
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, pre || n.DataAtom == atom.Pre)
		}
		if block {
			flush()
		}
	}
	walk(root, false)
	flush()
	return out.String()
}
