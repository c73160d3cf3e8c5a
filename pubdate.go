package scoop

import (
	"strings"
	"time"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The dateline is the date a reader sees under the headline. Metadata can
// disagree with it: a UTC instant whose calendar day is not the
// publisher's, or a template's creation date months before the story. What
// the page shows its readers is what researchers cite, so the dateline
// settles the day.

// datelineReach is how much visible text may stand between the headline
// and its dateline: a kicker, a dek, a byline, an image caption.
const datelineReach = 1500

// datelineDate is a date shown near the headline.
type datelineDate struct {
	t       time.Time
	clock   bool // the line also showed a time of day
	strong  bool // labelled or marked as a date, not just a date in the text
	updated bool // labelled as an update: the day only when nothing else gives one
}

// dateline returns the date shown just below the page's headline, else a
// date standing alone just above it.
func (p *page) dateline(plausible func(time.Time) bool) (datelineDate, bool) {
	head, start := p.headlineAt()
	if head == nil {
		return p.loneDate(plausible)
	}
	// A hero header outside the article holds the headline and its
	// dateline together: it is not chrome here.
	hero := chromeAncestor(head)
	// The box of the story's text: the first paragraph of some length
	// after the headline.
	var prose *html.Node
	proseAt := -1
	for _, l := range p.paras {
		if l.at > start {
			if t, short := textUpTo(l.node, 150); !short && len(t) > 150 {
				prose, proseAt = l.node, l.at
				break
			}
		}
	}
	order := p.numericOrder()
	var above, weak, updated *datelineDate
	seen := 0
	for i, l := range p.lines {
		if l.at < start-datelineAbove {
			continue
		}
		// A dateline is among the first few dated lines near the
		// headline; the rest are the story's own dates.
		if l.at > start+datelineReach || seen == datelineLines {
			break
		}
		seen++
		if l.node == head {
			if d, ok := leadingDate(l.text, order, plausible); ok {
				return datelineDate{t: d, clock: rxClockAnywhere.MatchString(l.text), strong: true}, true
			}
			if d, ok := headlineTag(head, order, plausible); ok {
				return d, true
			}
			continue
		}
		// No comment thread stands between the headline and the story's
		// first paragraph: a byline bar there is the story's, whatever
		// its class ("comments_datetime").
		byHead := l.at > start && l.at < proseAt
		if !readerLine(l.node, hero, head, prose, byHead) {
			continue
		}
		if len(l.text) > datelineLong {
			// A paragraph below the headline that opens with the date
			// ("01.02.2022 – The labour market…") is a press dateline.
			if d, ok := leadingDate(l.text, order, plausible); ok && l.at > start && weak == nil {
				weak = &datelineDate{t: d}
			}
			continue
		}
		if storySentence(l.text) {
			continue
		}
		d, found := p.lineDate(i)
		if !found {
			d, found = parseShortDate(l.text, order)
		}
		if !found {
			d, found = p.yearlessDate(l.text, plausible)
		}
		if !found && !p.fetched.IsZero() {
			d, found = relativeDate(l.text, p.fetched)
		}
		if !found || !plausible(d) {
			continue
		}
		// The labels are looked for only on lines that hold a date.
		pubAt := p.publishedLabel(i)
		published := pubAt != nil
		if published {
			// The date after the label, when the line also holds another.
			if d2, ok := parseTextDate(l.text[pubAt[0]:], order); ok && plausible(d2) {
				d = d2
			}
		}
		dd := datelineDate{t: d, clock: rxClockAnywhere.MatchString(l.text), strong: published || dateish(l.node)}
		withLineTime(&dd, l.node, plausible)
		// An update label after a date ("19.2.2020 16:20 päivitetty
		// 19.2.2020 16:20") follows the publication's date, unless only
		// a clock follows the label: then the date is the update's day
		// ("Sunday 04 August 2013, last updated 02:21").
		upd := p.updatedLabel(i)
		if upd != nil {
			if _, ok := parseTextDate(l.text[:upd[0]], order); ok && !clockOnly(l.text[upd[1]:]) {
				upd = nil
			}
		}
		if !published && (upd != nil || updateStamp(l.node, d)) {
			if updated == nil && !rxEdited.MatchString(l.text) {
				dd.updated = true
				updated = &dd
			}
			continue
		}
		switch {
		case l.at < start:
			// Above the headline only a line that is nothing but the
			// date, opens with it or says it is the publication date
			// counts: a kicker, not a teaser of another story.
			if _, lead := leadingDate(l.text, order, plausible); len(l.text) <= 24 || published || lead && len(l.text) <= 80 || shortLabelled(l.text) ||
				len(l.text) <= 80 && markedDateIn(l.node, d, order) {
				above = &dd
			}
		case dd.strong:
			return dd, true
		case weak == nil && !dateInSentence(l.text) && !inParagraph(l.node, l.text):
			weak = &dd
		}
	}
	for _, dd := range []*datelineDate{weak, above, updated} {
		if dd != nil {
			return *dd, true
		}
	}
	return datelineDate{}, false
}

// lineTimes holds the <time datetime> instants standing in a date line.
type lineTimes struct {
	published, plain time.Time // the first marked as the publication, the first unmarked
	updated          time.Time // the first marked as the update and not also as the publication
}

// timesWithin reads the <time datetime> elements that are n or stand at
// most depth levels below it. A theme that prints "updated" and
// "published" times side by side marks which is which.
func timesWithin(n *html.Node, depth int, lt *lineTimes) {
	if n.Type != html.ElementNode {
		return
	}
	if n.DataAtom == atom.Time {
		t, ok := parseMachineDate(attr(n, "datetime"))
		if !ok {
			return
		}
		h := hints(n) + " " + strings.ToLower(attr(n, "itemprop"))
		switch {
		case strings.Contains(h, "modif") || strings.Contains(h, "update"):
			if lt.updated.IsZero() && markedUpdate(h) {
				lt.updated = t
			}
		case strings.Contains(h, "publish") || strings.Contains(h, "datepub") || hasAttr(n, "pubdate"):
			if lt.published.IsZero() {
				lt.published = t
			}
		case lt.plain.IsZero():
			lt.plain = t
		}
		return
	}
	if depth == 0 {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		timesWithin(c, depth-1, lt)
	}
}

// withLineTime gives dd the instant of its line's own <time>: the one
// marked as the publication, else an unmarked one, with its clock and
// offset. A UTC instant says less than the wall clock the line shows
// ("12:10" beside 11:10Z is the publisher's offset), and is taken only
// on the line's day when the line shows none.
func withLineTime(dd *datelineDate, n *html.Node, plausible func(time.Time) bool) {
	var lt lineTimes
	timesWithin(n, 2, &lt)
	t, marked := lt.published, true
	if t.IsZero() {
		t, marked = lt.plain, false
	}
	if t.IsZero() || !plausible(t) {
		return
	}
	if _, off := t.Zone(); off != 0 && (marked || sameDay(t, dd.t)) || off == 0 && !dd.clock && sameDay(t, dd.t) {
		dd.t, dd.clock = t, true
	}
}

// markedUpdate reports whether the classes and itemprop h mark a time as
// the last update alone: "entry-updated", "dateModified". A bare
// "updated" is hAtom's class, which themes put on the publication date
// too, and "published updated" is WordPress's mark of the publication.
func markedUpdate(h string) bool {
	if strings.Contains(h, "publish") {
		return false
	}
	for _, w := range strings.Fields(h) {
		if strings.Contains(w, "modif") || strings.Contains(w, "update") && w != "updated" {
			return true
		}
	}
	return false
}

// updateStamp reports whether the date d of line n is a <time> the page
// marks as the last update ("entry-updated", itemprop="dateModified"),
// with no time of the line marked or left as the publication: a date
// shown without a word but set as the update.
func updateStamp(n *html.Node, d time.Time) bool {
	var lt lineTimes
	timesWithin(n, 2, &lt)
	return !lt.updated.IsZero() && lt.published.IsZero() && lt.plain.IsZero() && sameDay(lt.updated, d)
}

// dateInSentence reports whether s is a sentence that mentions a date
// ("The next meeting is on Wed. 5 February 2020 at 7 pm at the café."): an
// event the story tells of, not when it went out. Bylines and datelines
// are not sentences: they end in the date, a name or a section.
func dateInSentence(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || !strings.ContainsRune(".!?", rune(s[len(s)-1])) || s[len(s)-1] == '.' && len(s) > 1 && isDigit(s[len(s)-2]) {
		return false
	}
	// A press dateline opens with its place and date ("WASHINGTON, March
	// 3, 2021 — The Senate…").
	for i := 0; i+4 <= len(s) && i < 40; i++ {
		if yearAt(s, i) {
			return false
		}
	}
	return len(strings.Fields(s)) >= 8
}

// shortLabelled reports whether s is a date behind a one-word label
// ("Stand: 19.10.2019 11:05 Uhr", "Datum: 3. März 2021").
func shortLabelled(s string) bool {
	colon := strings.IndexByte(s, ':')
	return colon > 0 && colon <= 12 && len(s) <= 48 && !strings.Contains(s[:colon], " ") &&
		strings.IndexFunc(s[colon+1:], unicode.IsDigit) <= 2
}

// headlineTag reads a date set in a tag inside the headline element,
// as in "<h1>Title<br><small>02.02.2022 • Section</small></h1>".
func headlineTag(head *html.Node, order dateOrder, plausible func(time.Time) bool) (datelineDate, bool) {
	for c := head.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom == atom.A {
			continue
		}
		text, short := textUpTo(c, 120)
		if !short || !hasYear(text) {
			continue
		}
		if d, ok := parseTextDate(text, order); ok && plausible(d) {
			return datelineDate{t: d, clock: rxClockAnywhere.MatchString(text), strong: true}, true
		}
	}
	return datelineDate{}, false
}

// loneDate is the dateline of a page without a headline element: the
// first line in the page's flow that is nothing but a date, or a date at
// the start of the title ("23.01.2022 - Wierer wins in Antholz").
func (p *page) loneDate(plausible func(time.Time) bool) (datelineDate, bool) {
	order := p.numericOrder()
	for i, l := range p.lines {
		if len(l.text) > 24 || !readerLine(l.node, nil, nil, nil, false) {
			continue
		}
		d, found := p.lineDate(i)
		if !found {
			d, found = parseShortDate(l.text, order)
		}
		if found && plausible(d) {
			dd := datelineDate{t: d, clock: rxClockAnywhere.MatchString(l.text), strong: dateish(l.node)}
			withLineTime(&dd, l.node, plausible)
			return dd, true
		}
	}
	return datelineDate{}, false
}

// leadingDate reads a date that s starts with ("23.01.2022 - Wierer
// wins", "27.01.2022MineralölINFO"), as press releases and event pages
// title themselves.
func leadingDate(s string, order dateOrder, plausible func(time.Time) bool) (time.Time, bool) {
	s = strings.TrimSpace(s)
	head := s[:min(len(s), 24)]
	if head != "" && !isDigit(head[0]) {
		head = pressDateline(s)
	}
	if strings.IndexFunc(head, unicode.IsDigit) < 0 || !isDigit(head[0]) && !unicode.IsLetter(rune(head[0])) || !hasYear(head) {
		return time.Time{}, false
	}
	if d, ok := parseTextDate(head, order); ok && plausible(d) {
		return d, true
	}
	return time.Time{}, false
}

// datelineLong is the length past which a line near the headline is a
// paragraph, not a dateline.
const datelineLong = 120

// datelineLines is how many lines holding a year near the headline are
// read for its dateline.
const datelineLines = 12

// datelineAbove is how much text may stand between a date shown above
// the headline and the headline: a kicker or a section name.
const datelineAbove = 200

// readerLine reports whether a line stands in the article's own flow: not
// in chrome (but for the headline's hero header), a related block, a
// comment thread, a sidebar or a link. A box that holds the headline or
// the story's first paragraph (head, prose, when known) is the article's,
// whatever its class says: themes wrap the article and its sidebar in
// "content-sidebar-wrap", or name the main column "sidebar__main". A line
// byHead, between the headline and the story's first paragraph, is in no
// comment thread.
func readerLine(n, hero, head, prose *html.Node, byHead bool) bool {
	if inRelated(n) || chromeAncestor(n) != hero {
		return false
	}
	// The body's classes describe the page's layout ("no-sidebars",
	// "comments-open"), not where the line stands.
	for a := n; a != nil && a.DataAtom != atom.Body; a = a.Parent {
		if a.Type != html.ElementNode {
			continue
		}
		if a.DataAtom == atom.A || a.DataAtom == atom.Aside {
			return false
		}
		if h := hints(a); (commentHint(h) && !byHead || strings.Contains(h, "sidebar")) && !holds(a, head) && !holds(a, prose) {
			return false
		}
	}
	return !inReferences(n) && !tableFact(n)
}

// holds reports whether d stands inside n.
func holds(n, d *html.Node) bool {
	for ; d != nil; d = d.Parent {
		if d.Parent == n {
			return true
		}
	}
	return false
}

// publishersDay settles pub against the dateline d. The same day keeps
// pub. A day or so apart is one instant in two zones: pub keeps its
// instant, shown in the zone that gives the dateline's day (the dateline's
// own clock tells the offset when it shows one). Further apart, the page
// shows another date than its metadata and the dateline wins.
func publishersDay(pub dateCandidate, dl datelineDate) dateCandidate {
	d, clock := dl.t, dl.clock
	if pub.source == "" {
		return dateCandidate{d, DateFromText}
	}
	if gap := d.Sub(pub.t); gap < -36*time.Hour || gap > 36*time.Hour {
		// Only a date the page marks as its date overrules metadata
		// that far away.
		if dl.strong {
			return dateCandidate{d, DateFromText}
		}
		return pub
	}
	if clock && bareDate(pub.t) && sameDay(pub.t, d) {
		// A date without a time: the dateline's clock is all there is
		// to read, not an offset from midnight.
		return dateCandidate{d, pub.source}
	}
	if _, off := pub.t.Zone(); clock && off == 0 {
		// A UTC instant and the publisher's wall clock: their
		// difference is the publisher's offset.
		wall := time.Date(d.Year(), d.Month(), d.Day(), d.Hour(), d.Minute(), 0, 0, time.UTC)
		off := wall.Sub(pub.t).Round(15 * time.Minute)
		if off >= -14*time.Hour && off <= 14*time.Hour && realOffset(off) {
			if t := pub.t.In(time.FixedZone("", int(off.Seconds()))); sameDay(t, d) {
				return dateCandidate{t, pub.source}
			}
		}
	}
	if sameDay(pub.t, d) {
		return pub
	}
	if _, off := pub.t.Zone(); clock && off != 0 {
		// An instant in a named zone that falls on another day than
		// the dateline's clock: another moment (the update), not the
		// same one in another zone.
		return dateCandidate{d, DateFromText}
	}
	// Without a clock, the smallest whole-hour offset that puts the
	// instant on the shown day.
	for h := 1; h <= 14; h++ {
		for _, sign := range []int{1, -1} {
			if t := pub.t.In(time.FixedZone("", sign*h*3600)); sameDay(t, d) {
				return dateCandidate{t, pub.source}
			}
		}
	}
	return dateCandidate{d, DateFromText}
}

// bareDate reports whether t is a date given without a time: midnight UTC.
func bareDate(t time.Time) bool {
	_, off := t.Zone()
	return off == 0 && t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0
}

// realOffset reports whether off is a zone offset in use: whole or half
// hours, or Nepal's, Eucla's and the Chatham Islands' quarter hours.
func realOffset(off time.Duration) bool {
	switch off {
	case 5*time.Hour + 45*time.Minute, 8*time.Hour + 45*time.Minute, 12*time.Hour + 45*time.Minute:
		return true
	}
	return off%(30*time.Minute) == 0
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// localMidnight reads a UTC instant at a whole hour late in the day
// (22:00:00Z) as what it almost always is: a date without a time, stored
// as midnight in the publisher's zone east of UTC. The instant stays; it
// is shown in that zone, so its day is the publisher's.
func localMidnight(t time.Time) time.Time {
	_, off := t.Zone()
	if off != 0 || t.Minute() != 0 || t.Second() != 0 || t.Nanosecond() != 0 || t.Hour() < 20 {
		return t
	}
	return t.In(time.FixedZone("", (24-t.Hour())*3600))
}

// foreignDigits are the digits other than ASCII that dates are written
// in: Arabic-Indic, Persian and full width.
const foreignDigits = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３４５６７８９"

// asciiDigits returns s with Arabic-Indic, Persian and full-width digits
// as ASCII ones, and whether it had any.
func asciiDigits(s string) (string, bool) {
	// Their UTF-8 encodings start with one of three bytes; looking for
	// those is cheap enough for every text node of a page.
	if strings.IndexByte(s, 0xd9) < 0 && strings.IndexByte(s, 0xdb) < 0 && strings.IndexByte(s, 0xef) < 0 ||
		!strings.ContainsAny(s, foreignDigits) {
		return s, false
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '٠' && r <= '٩':
			return '0' + r - '٠'
		case r >= '۰' && r <= '۹':
			return '0' + r - '۰'
		case r >= '０' && r <= '９':
			return '0' + r - '０'
		}
		return r
	}, s), true
}
