// The words of related-story blocks: labels in many languages, class
// and id hints, and look-alikes that are not related stories.

package scoop

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// rxRelatedLabel is the whole label of a block of related stories, in the
// languages scoop reads. It runs on every label-like text of the page,
// so it is a filteredRx.
var rxRelatedLabel = newFilteredRx(relatedLabels, true)

// rxMoreOfLabel is the whole label of moreOfLabels alone, the weak
// labels.
var rxMoreOfLabel = newFilteredRx(moreOfLabels, true)

// weakLabel reports whether a related label is only one of moreOfLabels
// ("More business news"), which a section's feed of its latest stories
// wears as well as a list chosen for the article.
func weakLabel(label string) bool {
	return rxMoreOfLabel.MatchString(label) && !rxStrongLabel.MatchString(label)
}

// rxStrongLabel is rxRelatedLabel without moreOfLabels.
var rxStrongLabel = newFilteredRx(strings.TrimSuffix(relatedLabels, "|"+moreOfLabels), true)

// relatedLabels are the branches of rxRelatedLabel, by language.
const relatedLabels = `(other |more )?related( news| stories| story| articles?| content| coverage| posts| links| reading| reads| videos)?( (from|on|about|in) .*)?|related\s?[:|–—-] \S.*|people also read|read more (on|about) .*|you (may|might) (also )?want to read|other (stories|articles|posts) you (may|might) (also )?(like|enjoy)|` +
	`more (on|about)\b.*|more in \S.*|next up in \S.*|also on \S.*|on \S+\.\pL{2,}|plus sur .*|en savoir plus sur .*|mehr über .*|più su .*|altro su .*|más información|mas información|explore further|story timeline|don'?t miss|more from\b.*|more (stories|news|articles|coverage)( on| about| from| like this)?\b.*|` +
	`you (may|might) (also )?(like|enjoy|be interested in)|recommended( for you| stories| articles| reading)?|suggested( for you| stories| articles| posts| reading| reads)|articles suggérés|artículos sugeridos|artigos sugeridos|articoli suggeriti|vorgeschlagene (artikel|beiträge)|` +
	`(what to )?read (this |these )?next|up next|(picked|selected|chosen|curated) for you|further reading|also read|read also|see also|read more|keep reading|more to read|` +
	`lesen sie auch|lesen sie mehr|weiterlesen|mehr zum thema|mehr zu[mr]?:? .*|das könnte sie auch interessieren|auch interessant|weitere artikel|weitere beiträge( zum thema| zu .*)?|mehr beiträge( zum thema)?|ähnliche beiträge|verwandte beiträge|verwandte (artikel|themen|inhalte)( weiterlesen| zu .*)?|ähnliche artikel|mehr aus:? .*|(weitere )?(artikel|beiträge|meldungen|nachrichten) zum thema|weiterführende (links|artikel|beiträge)|` +
	`(à |a )?lire aussi( sur .*)?|articles? en relation|à lire également|sur le même sujet|sur le meme sujet|articles similaires|vous aimerez aussi|vous aimerez aussi lire|à voir aussi|voir aussi|dans la même rubrique|` +
	`noticias relacionadas|artículos relacionados|contenido relacionado|relacionad[oa]s|leer más|lee también|sigue leyendo|seguir leyendo|lea también|te puede interesar|también te puede interesar|más sobre .*|más noticias|` +
	`leggi anche|articoli correlati|notizie correlate|correlati|potrebbe interessarti|ti potrebbe interessare|altri articoli|dello stesso argomento|` +
	`leia também|leia mais|veja também|notícias relacionadas|matérias relacionadas|você pode gostar|mais sobre .*|` +
	`lees ook|lees meer|gerelateerde artikelen|gerelateerd( nieuws)?|meer over .*|meer nieuws|zie ook|ook interessant|` +
	`lue (myös|lisää|aiheesta( lisää)?)|läs också|läs mer|relaterade artiklar|læs også|les også|relaterte saker|relaterede artikler|` +
	`czytaj (też|także|również)|zobacz (też|także|również)|powiązane( artykuły)?|čtěte také|související články|` +
	`читайте также|читайте ещё|читайте еще|по теме|смотрите также|вам (также |тоже )?может (быть интересно|понравиться)|вас (также |тоже )?может заинтересовать|похожие (записи|материалы|публикации)|рекомендуем( прочитать)?|похожие (новости|статьи)|другие новости|ilgili haberler|benzer haberler|` +
	`baca juga|berita terkait|artikel terkait|artikel berkaitan|tin liên quan|xem thêm|bài liên quan|` +
	`similar (stories|articles|posts|news)|more like this|editors?[’']?s?[’']? recommendations?|recommended by (our )?editors|siehe auch|auch lesen|lies auch|(diese|weitere) (artikel|beiträge) könnten (sie|dich|euch) auch interessieren|das könnte (dich|euch) auch interessieren|noch mehr (infos|artikel|beiträge|lesestoff)( für (dich|euch|sie))?|interessante (artikel|beiträge)|passende (artikel|beiträge)|zum thema|passend zum thema|mehr dazu|lesen sie dazu( auch| mehr)?|auch lesenswert|lesetipps?|lese-tipps?|ebenfalls interessant|empfohlene artikel|das könnte dich auch interessieren|` +
	`pour aller plus loin|l['’]auteur vous recommande|nous vous recommandons|à écouter aussi|a écouter aussi|à voir également|plus en \S.*|материалы по теме|ces articles peuvent vous intéresser|vous pourriez aussi aimer|vous aimerez peut-être( aussi)?|sur le même thème|articles liés|à découvrir( aussi| également)?|lire également|` +
	`te recomendamos|más de \pL+( \pL+)?|mais de \pL+( \pL+)?|quizás? te interese|mira también|lee además|lea además|confira também|puede interesarte|también puede interesarte|mirá también|leé también|seguí leyendo|notas relacionadas|ver también|infórmate más|informate más|` +
	`per approfondire|approfondimenti|approfondisci|vedi anche|leggi pure|sullo stesso argomento|potrebbero interessarti|ti potrebbero interessare|` +
	`saiba mais|leia ainda|veja mais|conteúdos? relacionados?|artigos relacionados|você também pode gostar|bekijk ook|gerelateerde (berichten|artikels|verhalen)|` +
	`podobne artykuły|czytaj więcej|przeczytaj (też|także|również)|mohlo by vás zajímat|přečtěte si také|čítajte aj|súvisiace články|kapcsolódó cikkek|ezek is érdekelhetik|ajánlott cikkek|` +
	`citește și|citeste si|articole similare|vezi și|vezi si|pročitajte i|povezane vijesti|povezani članci|preberite še|povezane novice|relaterat|läs även|les mer|relaterte artikler|læs mere|relaterede artikler|` +
	`bunlar da ilginizi çekebilir|ilginizi çekebilir|ilgili içerikler|διαβάστε επίσης|διαβάστε ακόμη|σχετικά άρθρα|σχετικές ειδήσεις|читайте також|схожі новини|по темі|вас може зацікавити|` +
	`ข่าวที่เกี่ยวข้อง|บทความที่เกี่ยวข้อง|مطالب مرتبط|بیشتر بخوانید|مقالات ذات صلة|مواضيع ذات صلة|اقرأ المزيد|עוד בנושא|כתבות קשורות|כתבות נוספות בנושא|ये भी पढ़ें|इसे भी पढ़ें|` +
	`اقرأ أيضا|اقرأ أيضاً|أخبار ذات صلة|मुख्य खबरें|यह भी पढ़ें|संबंधित खबरें|` +
	`関連記事|関連ニュース|関連リンク|あわせて読みたい|合わせて読みたい|おすすめ記事|` +
	`相关新闻|相关阅读|相关文章|相关报道|延伸阅读|推荐阅读|相關新聞|相關閱讀|延伸閱讀|관련\s?기사|관련\s?뉴스|함께 볼만한 기사|` +
	moreOfLabels

// moreOfLabels are the labels made of "more" or "other", a word for
// stories and what they are about ("More news about the bridge",
// "Weitere Informationen zum Coronavirus in Thüringen", "Autres articles
// sur le pont"): a grammar rather than a list, since sites fill in their
// own topic. Bare "Other news", "Otras noticias", "Altre notizie", and
// a section's word alone in English ("More business news", the label of
// the section's feed on many news sites: it cost the check part's
// precision 0.893 → 0.753), are the site's latest stories as often as
// not, and are left out. rxNotRelated still vetoes "More top stories". Where
// the stories come from ("Weitere Meldungen aus dem Archiv", "… aus dem
// Magazin") is left to the stricter "mehr aus" branch. These labels are
// weaker than "Related": a list under one that holds the page itself is
// the section's feed (see weakLabel).
const moreOfLabels = `(more|other|further) (\pL+ )?(news|stories|articles|posts|reads|coverage|reading) (on|about) .+|more to (explore|discover|read)|` +
	`weitere themen|(weitere|mehr|andere) (\pL+ )?(themen|artikel|beiträge|meldungen|nachrichten|informationen|infos|texte|geschichten) (zu[mr]?|über|rund um) .*|` +
	`(autres|plus d['’]) ?(articles|actualités|actus|infos|sujets|contenus) (sur|à propos de) .+|` +
	`(más|otr[oa]s) (noticias|artículos|historias|notas|informaciones) (sobre|acerca de) .+|` +
	`altr[ei] (notizie|articoli|storie) (su|sull['’]|sulla|sul|sui) .+|` +
	`(mais|outr[oa]s) (notícias|artigos|matérias|histórias) (sobre|acerca de) .+|` +
	`(meer|andere) (nieuws|artikelen|verhalen|berichten) over .+|eerder( verschenen| gepubliceerd| op \S.*| in dit dossier)?|` +
	`související( články| zprávy)?|súvisiace( články| správy)?|další (články|zprávy)( z .*)?|podobné články`

// rxNotRelated marks blocks that look like related stories but are
// sitewide, sponsored or not stories at all.
var rxNotRelated = newFilteredRx(notRelated, false)

// notRelated are the branches of rxNotRelated.
const notRelated = `taboola|outbrain|sponsor|promoted|paid|partner|advert|\bads?\b|trending|popular|populaires?\b|populares\b|popolari\b|beliebteste|most[\s_-]?(read|viewed|shared|commented|popular)|meistgelesen|les (plus|\+) (lus|vus|partagés|commentés)|más leídas|más vistas|più lett|mais lidas|meest gelezen|around the web|from the web|tags\b|\btopics\b|\blatest\b|\brecent\b|\baktuell(es)?\b|新着|最新|\blaatste\b|\bnieuwste\b|najnowsze|nejnovější|\bsenaste\b|\bseneste\b|\bsiste\b|son dakika|mais recentes|последние|свежие|\bfriss\b|legfrissebb|ultimele|uusimmat|tuoreimmat|zubehör|accessories|\bterms\b|glossar|\bdownloads?\b|\binhalt(sverzeichnis)?\b|table of contents|sommaire|top (stories|news|headlines)|editor'?s'? (picks|choice)|neueste|dernières|últimas|ultime notizie|keywords|schlagworte|comments?\b|newsletter|today'?s\b|breaking news|\bheadlines\b|featured|spotlight|highlights|\bhot\b|must[- ](read|see|watch)|icymi|in case you missed|\bvideos?\b|\bphotos?\b|galler(y|ies)|podcasts?|\bdeals?\b|\bshop(ping)?\b|\bnetwork\b|elsewhere|best of|top picks|what'?s (hot|new|happening)|à la une|en ce moment|destacad|lo más|in evidenza|i più|\b(this|the|our) (author|writer|columnist|blogger)\b|\baus der redaktion\b`

// anyOf returns the alternation alts ("a|b(c|d)|e") with its top-level
// branches sorted as (?i) reads them, so that branches with a common
// start stand next to each other and the regexp parser factors them into
// one: the NFA then follows one thread per shared start instead of one
// per branch, which made these patterns the dearest part of the walk.
// The order of branches only decides which of two matches a submatch
// reports; the patterns built with it are only asked whether they match.
func anyOf(alts string) string {
	var branches []string
	depth, start := 0, 0
	for i := 0; i < len(alts); i++ {
		switch alts[i] {
		case '\\':
			i++ // an escaped character
		case '[':
			// A character class ends at the first ']' after its first
			// character; these patterns have no nested classes.
			if j := strings.IndexByte(alts[i+2:], ']'); j >= 0 {
				i += 2 + j
			}
		case '(':
			depth++
		case ')':
			depth--
		case '|':
			if depth == 0 {
				branches = append(branches, alts[start:i])
				start = i + 1
			}
		}
	}
	branches = append(branches, alts[start:])
	slices.SortFunc(branches, func(a, b string) int {
		return cmp.Or(strings.Compare(foldKey(a), foldKey(b)), strings.Compare(a, b))
	})
	return strings.Join(branches, "|")
}

// rxGenericLink is link text that is no title.
var rxGenericLink = regexp.MustCompile(`(?i)^[^\pL\pN]*(sponsored.*|ads?|advertisement|anzeige|what('s| is) .*|about (these|this) (links|ads|recommendations)|(see|view|show) (all|more)\b.*|all .* (stories|news|articles)|more .* (stories|news|articles)|more|read more|read on|see (all|more)|view (all|more)|all (stories|news|articles)|next|previous|prev|continue( reading)?|weiterlesen|mehr|mehr (news|nachrichten|artikel|beiträge)\b.*|alle (news|nachrichten|artikel|beiträge|meldungen|termine)\b.*|lire la suite|suite|leer más|ver más|leggi|leia mais|lees meer|load more|show more|mehr (anzeigen|laden)|weitere (inhalte|artikel|beiträge|meldungen|nachrichten) (laden|anzeigen)|alle anzeigen|(afficher|voir|charger) plus|(cargar|mostrar) más|(carica|mostra) altri|(carregar|mostrar) mais|(meer laden|toon meer)|\d+)[^\pL\pN]*$`)

// rxCallToAction is link text that asks the reader to do something
// ("CLICK FOR FULL RESULTS", "Watch the video") rather than names a story.
var rxCallToAction = regexp.MustCompile(`(?i)^[^\pL\pN]*(click|tap|check|see|view|watch|listen|download|get|sign up|subscribe|follow|join|read the full|full (results|story|coverage|text))\b`)

// rxCalloutMore is the label of an inline pointer that rxCallout leaves
// out: a bare "MORE :", "Read:", "Lire :", "Más información:", "Don't
// miss".
var rxCalloutMore = regexp.MustCompile(`(?i)^[^\pL\pN]{0,3}((more( news| coverage| stories| reading)?|previously|read|siehe auch|à lire|a lire|lire|relire|lisez|más información|mas información|más info|mehr dazu|mehr)\s*[:：|\-–—»>]|(mire|mira|vea|lea|lee)( más)?\s*[:：|]|(don'?t|don’t) miss\b\s*[:：|\-–—»>]?)`)

// calloutMoreWords are the first words of rxCalloutMore, checked first.
var calloutMoreWords = wordSet(`more previously read siehe mire mira vea lea lee à a lire relire lisez más mas don mehr`)

// labelWords are the first words of related-block labels, checked before
// the full pattern.
var labelWords = wordSet(`other more related you recommended what read up next further also see keep lesen mehr weiterführende
	das auch weitere verwandte ähnliche à a lire sur articles vous voir dans noticias artículos contenido
	relacionados relacionadas leer lee lea te también más seguir sigue leggi articoli notizie correlati potrebbe ti altri
	dello leia veja notícias matérias você mais lees gerelateerde gerelateerd meer zie ook läs læs les lue weiterlesen
	relaterade relaterte relaterede czytaj zobacz powiązane čtěte související ilgili benzer baca berita
	artikel tin xem bài explore story plus en on più don don't don’t picked selected chosen curated
	editors editor recommended siehe lies diese interessante passende noch l nous écouter people lesetipp lesetipps lese mira confira similar zum passend dazu ebenfalls empfohlene pour ces découvrir quizás quizá puede mirá leé seguí notas ver
	infórmate informate per approfondimenti approfondisci vedi sullo potrebbero saiba conteúdo conteúdos artigos
	bekijk polecamy podobne mohlo přečtěte čítajte súvisiace kapcsolódó ezek ajánlott citește citeste articole vezi
	pročitajte povezane povezani preberite relaterat bunlar ilginizi ilgili материалы
	autres otros otras otra otro altre outras outros andere ander eerder další podobné suggested vorgeschlagene`)

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
	if label == "" {
		return false
	}
	if v, ok := labelMemo.Load(label); ok {
		return v.(bool)
	}
	related := matchRelatedLabel(label)
	if len(label) <= 160 && labelMemo.size.Add(1) <= maxLabelMemo {
		labelMemo.Store(strings.Clone(label), related)
	}
	return related
}

// labelMemo remembers isRelatedLabel's answers, bounded: the same labels
// ("Share", "Advertisement", "Related stories") come back on every page
// and at every level of a block's boxes, and the pattern is the largest
// cost of the related walk.
var labelMemo struct {
	sync.Map
	size atomic.Int64
}

const maxLabelMemo = 1 << 14

// matchRelatedLabel is isRelatedLabel without the memo.
func matchRelatedLabel(label string) bool {
	first := firstWord(strings.ToLower(label))
	if latestWords[first] && rxTopicLatest.MatchString(label) {
		return true
	}
	return mayBeLabel(first) && rxRelatedLabel.MatchString(label) && !rxNotRelated.MatchString(label)
}

// latestWords are the first words of rxTopicLatest, its cheap test.
var latestWords = wordSet(`the latest dernières derniers últimas neueste ultime`)

// rxTopicLatest is a label of the latest stories on a named topic
// ("Dernières news sur : Jacques Chirac", "Latest on Brexit"): tied to the
// article by its topic, unlike the site's latest stories.
var rxTopicLatest = regexp.MustCompile(`(?i)^[^\pL\pN]*(the )?(latest|dernières|derniers|últimas|neueste|ultime)( (news|nouvelles|actus?|articles|infos|noticias|nachrichten|notizie|stories))? (on|about|sur|sobre|zu|über|su)\s?:?\s+\pL.{1,60}$`)

// notRelatedLabel reports whether a block's label names a sitewide,
// sponsored or non-story list.
func notRelatedLabel(label string) bool {
	return rxNotRelated.MatchString(label) && !rxTopicLatest.MatchString(label)
}

// mayBeLabel reports whether a label can start with the word first, the
// cheap test before rxRelatedLabel.
func mayBeLabel(first string) bool {
	return first != "" && (labelWords[first] || !isLatin(first))
}

// labelText returns the text of n when n looks like a block label: a
// heading, or a short element of its own whose text holds no link.
func labelText(n *html.Node) string {
	if n.Type != html.ElementNode {
		return ""
	}
	heading := isHeading(n)
	// A section's own header element, holding only the label's words
	// and no link, is its label even where headers are page chrome.
	if !heading && n.DataAtom != atom.Strong && n.DataAtom != atom.B && n.DataAtom != atom.Label && n.DataAtom != atom.Header && !labelHint(n) {
		return ""
	}
	if hasLink(n) && !heading && !sectionHead(n) {
		return ""
	}
	t, short := textUpTo(n, 60)
	if !short {
		return ""
	}
	if t == "" && heading {
		// A heading drawn as an image ("Related Articles" in a
		// lettered graphic) says its words in the alt text.
		t = imageAlt(n)
	}
	return t
}

// labelHint reports whether n's class or id says it is a title, head or
// label, in English or another language ("titulo", "titre", "titel",
// "entete"),
// without building the lower-cased hint string: this runs on every
// element of the page.
func labelHint(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "class" || a.Key == "id" {
			if titleWord(a.Val) || containsFold(a.Val, "head") || containsFold(a.Val, "label") || containsFold(a.Val, "entete") {
				return true
			}
		}
	}
	return false
}

// titleWord reports whether s holds, in any case, "tit" followed by l, u,
// o, r or e: title, titulo, titolo, titre, titel, in one pass.
func titleWord(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		if s[i]|0x20 != 't' || s[i+1]|0x20 != 'i' || s[i+2]|0x20 != 't' {
			continue
		}
		switch s[i+3] | 0x20 {
		case 'l', 'u', 'o', 'r', 'e':
			return true
		}
	}
	return false
}

// containsFold reports whether s contains the lower-case ASCII word sub,
// ignoring ASCII case.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		// sub starts with a letter, which |0x20 lower-cases; other
		// bytes never become it.
		if s[i]|0x20 != sub[0] {
			continue
		}
		j := 1
		for ; j < len(sub); j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != sub[j] {
				break
			}
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}

// firstTextWord returns the first word of the first text under n, lower
// cased: a cheap look at an element before reading its text.
func firstTextWord(n *html.Node) string {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			// The head of the text is enough for its first word.
			t := strings.TrimLeftFunc(c.Data, unicode.IsSpace)
			// Only the word is lower-cased, which allocates no copy of
			// the head (case mappings keep letters letters).
			if w := firstWord(t[:min(len(t), 64)]); w != "" {
				return strings.ToLower(w)
			}
		case c.Type == html.ElementNode && !skipText(c):
			if w := firstTextWord(c); w != "" {
				return w
			}
		}
	}
	return ""
}

// imageAlt returns the alt text of the first image under n, if short.
func imageAlt(n *html.Node) string {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.Img {
			if t := collapse(attr(c, "alt")); len(t) <= 60 {
				return t
			}
			return ""
		}
		if t := imageAlt(c); t != "" {
			return t
		}
	}
	return ""
}

// innerLabel finds the label inside a block, its first heading-like
// element, and returns its text and the element. A heading that links to
// the section it names ("Next Up In <a>Tech</a>", "<a>Tennis latest</a>")
// is a label; one that is all a story link is a card's headline.
func (p *page) innerLabel(n *html.Node) (string, *html.Node) {
	var found string
	var node *html.Node
	// The label comes before the block's first story link: the walk
	// stops at the first link or headline, which spares reading cards.
	stop := false
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil && found == "" && !stop; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			t := labelText(c)
			if t == "" && c.DataAtom != atom.A && onlyText(c) && mayBeLabel(firstTextWord(c)) {
				// A plain element styled as a heading ("<div
				// class=p-h3>Mehr zum Thema</div>") labels the box when
				// it says related.
				if l, short := textUpTo(c, 60); short && isRelatedLabel(l) {
					t = l
				}
			}
			if t == "" && isHeading(c) && hasLink(c) {
				// A label and then one link to the page of the topic it
				// lists ("More from this stream <a>WWDC 2023 news: …</a>"):
				// the link names the list and is no story of it.
				if l := leadText(c); l != "" && isRelatedLabel(l) && len(p.links(c)) == 1 {
					found, node = l, c
					stop = true
					return
				}
			}
			if t != "" && (isHeading(c) || isRelatedLabel(t)) {
				if !hasLink(c) || isRelatedLabel(t) || p.sectionHeading(c, t) {
					found, node = t, c
				}
				stop = true
				return
			}
			if c.DataAtom == atom.A {
				// A tab that links nowhere ("<a>Ähnliche Artikel</a>"
				// over the list it shows) labels the box.
				if href := strings.TrimSpace(attr(c, "href")); href == "" || href[0] == '#' {
					if l, short := textUpTo(c, 60); short && isRelatedLabel(l) {
						found, node = l, c
					}
				}
				stop = true
				return
			}
			if depth < 8 {
				walk(c, depth+1)
			}
		}
	}
	walk(n, 0)
	return trimLabel(found), node
}

// holdsRelatedLabel reports whether n, a small wrapper of page furniture
// by its class ("d-print-none"), starts with a related-block label (its
// first text, or its first heading), so that the walk reads it rather
// than cut it.
func (p *page) holdsRelatedLabel(n *html.Node) bool {
	return isRelatedLabel(trimLabel(firstText(n))) || isRelatedLabel(p.innerLabelText(n))
}

// innerLabelText is the text of innerLabel.
func (p *page) innerLabelText(n *html.Node) string {
	t, _ := p.innerLabel(n)
	return t
}

// sectionHeading reports whether heading h, whose text is t, names a list
// rather than a story: its links point at no story, or it says more than
// its links ("More in <a>White House</a>").
func (p *page) sectionHeading(h *html.Node, t string) bool {
	links := p.links(h)
	if len(links) == 0 {
		return true
	}
	n := 0
	for _, l := range links {
		// A section's name is short; a headline after a kicker is not.
		if len(strings.Fields(l.text)) > 4 {
			return false
		}
		n += len(l.text)
	}
	return len(t) > n+3
}

// leadText returns the short text a block starts with before its first
// link, such as "【関連記事】", as a label.
func leadText(n *html.Node) string {
	var b []byte
	done := false
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && !done; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b = appendCollapsed(b, c.Data)
			case c.Type != html.ElementNode || skipText(c):
			case c.DataAtom == atom.A || c.DataAtom == atom.Img || isBlock(c):
				done = true
			default:
				walk(c)
			}
		}
	}
	walk(n)
	if t := trimLabel(string(b)); len(t) <= 60 {
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
