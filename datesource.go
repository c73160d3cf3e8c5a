package scoop

// Where a page's dates come from: structured data, meta tags, <time>
// elements, labelled and marked lines of text, the URL, then the dateline.

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// dateCandidate is one published or modified date found on the page.
type dateCandidate struct {
	t      time.Time
	source DateSource
}

// dates finds the page's publication and modification dates; now bounds
// what is plausible.
func (p *page) dates(now time.Time) (pub, mod dateCandidate) {
	latest := now.Add(24 * time.Hour)
	plausible := func(t time.Time) bool { return !t.Before(earliestDate) && !t.After(latest) }
	var pubRaw string
	take := func(c *dateCandidate, s string, src DateSource) {
		if c.source != "" {
			return
		}
		if t, ok := parseMachineDate(s); ok && plausible(t) {
			*c = dateCandidate{t, src}
			if c == &pub {
				pubRaw = s
			}
		}
	}

	a := p.article()
	if a != nil {
		take(&pub, ldString(a["datePublished"]), DateFromJSONLD)
		take(&mod, ldString(a["dateModified"]), DateFromJSONLD)
	}
	for _, k := range publishedMeta {
		take(&pub, p.meta[k], DateFromMeta)
	}
	if a != nil {
		// When the work was made, which a publication date elsewhere
		// on the page outranks.
		take(&pub, ldString(a["dateCreated"]), DateFromJSONLD)
	}
	for _, k := range modifiedMeta {
		take(&mod, p.meta[k], DateFromMeta)
	}
	wall := false // pub is the publisher's wall clock in a zone the page does not name
	if pub.source != "" && rxWallClock.MatchString(strings.TrimSpace(pubRaw)) {
		if loc := p.metadataZone(a, pub.t); loc != nil {
			y, mo, d := pub.t.Date()
			pub.t = time.Date(y, mo, d, pub.t.Hour(), pub.t.Minute(), pub.t.Second(), pub.t.Nanosecond(), loc)
		} else {
			wall = true
		}
	} else if _, off := pub.t.Zone(); pub.source != "" && off == 0 && pub.t.Hour()+pub.t.Minute()+pub.t.Second() != 0 {
		// A UTC instant, shown in the publisher's zone when another date
		// on the page names it: the day is the publisher's.
		if loc := p.metadataZone(a, pub.t); loc != nil {
			pub.t = pub.t.In(loc)
		} else if loc := p.wallClockZone(a, pub.t); loc != nil {
			pub.t = pub.t.In(loc)
		}
	}
	p.timeDates(&pub, &mod, plausible)
	// Pages with dates in structured data keep the modified one there
	// too; reading the text for it would cost more than it finds.
	if pub.source == "" || mod.source == "" && pub.source == DateFromTime {
		p.textDates(&pub, &mod, plausible)
	}
	if pub.source == "" {
		m := rxURLDate.FindStringSubmatch(p.url.Path)
		if m == nil {
			m = rxURLDateSplit.FindStringSubmatch(p.url.Path)
		}
		if m != nil {
			y, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			d, _ := strconv.Atoi(m[3])
			if t, ok := makeDate(y, mo, d, 0, 0, 0, time.UTC); ok && plausible(t) {
				pub = dateCandidate{t, DateFromURL}
			}
		}
	}
	dl, settled := p.dateline(plausible)
	if settled && dl.updated && pub.source != "" {
		settled = false // an update line says nothing of the day metadata gives
	}
	if settled && !dl.strong && pub.source != "" && p.otherPublished(a, pub.t, dl.t) {
		// Metadata fields that disagree by days, one of them the day
		// the page shows: that one is the publication's, the other a
		// template's (the time the page was generated).
		dl.strong = true
	}
	if settled {
		pub = publishersDay(pub, dl)
	}
	if pub.source == "" {
		if t, ok := leadingDate(p.titleTag, p.numericOrder(), plausible); ok {
			pub = dateCandidate{t, DateFromText}
		}
	} else if !settled && !wall {
		pub.t = localMidnight(pub.t)
	}
	if pub.source == "" && mod.source != "" && !p.modEdited {
		// A page that shows only "Updated …" was first published no later;
		// the update is the best date it gives. A wiki's "last edited"
		// line is not: the page may be years older.
		pub = mod
	}
	return pub, mod
}

// publishedFields returns the values of the metadata's publication
// fields: JSON-LD's and the meta tags'.
func (p *page) publishedFields(a map[string]any) []string {
	var values []string
	if a != nil {
		values = append(values, ldString(a["datePublished"]), ldString(a["dateCreated"]))
	}
	for _, k := range publishedMeta {
		values = append(values, p.meta[k])
	}
	return values
}

// otherPublished reports whether a publication field of the page's
// metadata other than the one that gave pub, days away from it, gives the
// dateline's day d (within a day, for the zone it is read in).
func (p *page) otherPublished(a map[string]any, pub, d time.Time) bool {
	for _, v := range p.publishedFields(a) {
		t, ok := parseMachineDate(strings.TrimSpace(v))
		if ok && t.Sub(pub).Abs() > 36*time.Hour && t.Sub(d).Abs() <= 36*time.Hour {
			return true
		}
	}
	return false
}

// rxWallClock is a metadata time without a zone ("2020-04-28T18:00:00"):
// the publisher's wall clock, not UTC.
var rxWallClock = regexp.MustCompile(`[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?$`)

// rxZoneOffset is a metadata time with a zone offset other than UTC.
var rxZoneOffset = regexp.MustCompile(`[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?\s*([+-]\d\d:?\d\d)$`)

// metadataZone returns the zone another date in the page's metadata or
// <time> elements is given in ("2020-04-28T18:30:00+02:00"), the one
// nearest near, which a date given without one or in UTC shares: the page
// keeps the publisher's own offset. Nil when none names an offset other
// than UTC.
func (p *page) metadataZone(a map[string]any, near time.Time) *time.Location {
	var values []string
	if a != nil {
		values = append(values, ldString(a["dateModified"]), ldString(a["datePublished"]), ldString(a["dateCreated"]))
	}
	for _, keys := range [][]string{publishedMeta, modifiedMeta} {
		for _, k := range keys {
			values = append(values, p.meta[k])
		}
	}
	head, _ := p.headlineAt()
	for _, n := range p.times {
		if !inRelated(n) && !inChrome(n) && !inComments(n, head) {
			values = append(values, attr(n, "datetime"))
		}
	}
	// The offset of the date nearest the publication: a modified date
	// months later may be on the other side of a clock change.
	var best *time.Location
	var bestGap time.Duration
	for _, v := range values {
		v = strings.TrimSpace(v)
		m := rxZoneOffset.FindStringSubmatch(v)
		if m == nil {
			continue
		}
		loc := offsetZone(m[1])
		t, ok := parseMachineDate(v)
		if loc == time.UTC || !ok {
			continue
		}
		if gap := t.Sub(near).Abs(); best == nil || gap < bestGap {
			best, bestGap = loc, gap
		}
	}
	return best
}

// rxTextWallClock is a written date that ends in a time of day and names
// no zone ("Monday, November 18, 2019, 08:19 PM").
var rxTextWallClock = regexp.MustCompile(`(?i)\d\d:\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?$`)

// wallClockZone returns the offset that a publication time given without
// a zone shows against the UTC instant near: "2019-11-18 20:58:46" in one
// field and 2019-11-19T04:58:46Z in another are one moment, the first the
// publisher's wall clock at UTC−8. Only publication fields count, and only
// a gap of a real offset to the minute: a modified time or a bare date
// hours away says nothing of the zone. Nil when no field shows one.
func (p *page) wallClockZone(a map[string]any, near time.Time) *time.Location {
	for _, v := range p.publishedFields(a) {
		v = strings.TrimSpace(v)
		if !rxWallClock.MatchString(v) && !rxTextWallClock.MatchString(v) {
			continue
		}
		t, ok := parseMachineDate(v)
		if _, off := t.Zone(); !ok || off != 0 || t.Location() != time.UTC {
			continue
		}
		gap := t.Sub(near)
		off := gap.Round(15 * time.Minute)
		if off == 0 || off.Abs() > 14*time.Hour || (gap-off).Abs() >= time.Minute || !realOffset(off) {
			continue
		}
		return time.FixedZone("", int(off.Seconds()))
	}
	return nil
}

var publishedMeta = []string{
	"article:published_time", "og:published_time", "og:article:published_time", "datepublished",
	"article.published", "article_date_original", "publish-date", "publish_date", "publishdate",
	"pubdate", "date.release", "parsely-pub-date", "sailthru.date", "dc.date.issued",
	"dcterms.issued", "dc.date.created", "dcterms.created", "dc.date", "dcterms.date",
	"citation_publication_date", "citation_date", "cxenseparse:recs:publishtime", "article:published",
	"published_time", "original-publish-date", "weibo:article:create_at", "date", "dcterms.available",
}

var modifiedMeta = []string{
	"article:modified_time", "og:updated_time", "og:modified_time", "datemodified", "article.updated",
	"last-modified", "dcterms.modified", "dc.date.modified", "sailthru.lastmodified", "article:modified",
}

// timeDates reads <time datetime> elements and microdata outside page
// chrome; the first one marked as the publication time wins over the first
// unmarked one.
func (p *page) timeDates(pub, mod *dateCandidate, plausible func(time.Time) bool) {
	var first, firstMarked, modified *time.Time
	head, _ := p.headlineAt()
	for _, n := range p.times {
		if inRelated(n) || inChrome(n) || inComments(n, head) {
			continue
		}
		v := attr(n, "datetime")
		if v == "" {
			v = attr(n, "content")
		}
		if v == "" && titleDate(n) {
			v = attr(n, "title")
		}
		if v == "" {
			v = publishDataValue(n)
		}
		t, ok := parseMachineDate(v)
		if v == "" && n.DataAtom != atom.Time {
			// The date is the element's text, as readers see it.
			if text, short := textUpTo(n, 80); short {
				t, ok = parseTextDate(text, p.numericOrder())
			}
		}
		if !ok || !plausible(t) {
			continue
		}
		h := hints(n) + " " + strings.ToLower(attr(n, "itemprop")+" "+attr(n, "property"))
		if n.Parent != nil {
			h += " " + hints(n.Parent)
		}
		switch {
		case strings.Contains(h, "modif") || strings.Contains(h, "update"):
			if modified == nil {
				modified = &t
			}
		case strings.Contains(h, "publish") || strings.Contains(h, "datepub") || hasAttr(n, "pubdate"):
			if firstMarked == nil {
				firstMarked = &t
			}
		default:
			if first == nil {
				first = &t
			}
		}
	}
	if firstMarked == nil {
		firstMarked = first
	}
	if pub.source == "" && firstMarked != nil {
		*pub = dateCandidate{*firstMarked, DateFromTime}
	}
	if mod.source == "" && modified != nil {
		*mod = dateCandidate{*modified, DateFromTime}
	}
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// textDates reads dates written in the page's visible text: a line
// labelled as published or updated, else a line in a date or byline
// element.
func (p *page) textDates(pub, mod *dateCandidate, plausible func(time.Time) bool) {
	order := p.numericOrder()
	var unlabeled *time.Time
	left := len(p.lines)
	for i, l := range p.lines {
		if pub.source != "" && mod.source != "" || left == 0 {
			return
		}
		left--
		if len(l.text) > 160 || inRelated(l.node) || inChrome(l.node) {
			continue
		}
		if pub.source != "" && p.updatedLabel(i) == nil {
			continue // only an "Updated …" line can still add something
		}
		t, ok := p.lineDate(i)
		if !ok || !plausible(t) || inReferences(l.node) || tableFact(l.node) {
			continue
		}
		pubAt, updAt := p.publishedLabel(i), p.updatedLabel(i)
		if (pubAt != nil || updAt != nil) && storySentence(l.text) {
			continue
		}
		switch {
		case updAt != nil && (pubAt == nil || updAt[0] < pubAt[0]):
			if mod.source == "" {
				*mod = dateCandidate{t, DateFromText}
				p.modEdited = rxEdited.MatchString(l.text)
			}
			// "Published 3 Feb, updated 4 Feb": read the published part too.
			if pubAt != nil && pub.source == "" {
				if t2, ok := parseTextDate(l.text[pubAt[0]:], order); ok && plausible(t2) {
					*pub = dateCandidate{t2, DateFromText}
				}
			}
		case pubAt != nil:
			if pub.source == "" {
				// The date after the label, when the line also holds
				// another ("Letzte Änderung: 31.10. Erschienen am: 01.11.").
				if t2, ok := parseTextDate(l.text[pubAt[0]:], order); ok && plausible(t2) {
					t = t2
				}
				*pub = dateCandidate{t, DateFromText}
			}
			left = 3 // an "Updated" line sits next to it, if anywhere
		case unlabeled == nil && dateish(l.node):
			unlabeled = &t
		}
	}
	if pub.source == "" && unlabeled != nil {
		*pub = dateCandidate{*unlabeled, DateFromText}
	}
}

// rxEdited is the line a wiki or forum prints under each page: when it
// was last edited, which says nothing of when it first appeared.
var rxEdited = regexp.MustCompile(`(?i)(last edited|last modified|page revision|zuletzt .{0,40}(bearbeitet|geändert)|letzte änderung|dernière modification|última (edición|modificación)|ultima modifica)`)

// rxSentenceBreak is the end of one sentence and the start of another.
var rxSentenceBreak = regexp.MustCompile(`(\p{Ll}|\d{4})[.!?] \p{Lu}`)

// storySentence reports whether a line is sentences of the story
// ("Python 3.0 was released on December 3, 2008. And it took…"), whose
// dates and words like "released" are no dateline or label.
func storySentence(s string) bool {
	return len(s) > 100 && rxSentenceBreak.MatchString(s)
}

// inComments reports whether n stands in a reader comment thread, whose
// dates are the readers', not the story's. A box that holds the headline
// head is the story's, whatever its class says (a post "commented" on).
func inComments(n, head *html.Node) bool {
	for a := n.Parent; a != nil && a.DataAtom != atom.Body; a = a.Parent {
		if commentHint(hints(a)) && !holds(a, head) {
			return true
		}
	}
	return false
}

// commentHint reports whether the classes and id h name a reader comment
// thread, in the languages whose words for it do not contain "comment"
// ("Kommentare", "comentários", "komentarze").
func commentHint(h string) bool {
	return h != "" && (strings.Contains(h, "comment") || strings.Contains(h, "kommentar") ||
		strings.Contains(h, "comentario") || strings.Contains(h, "komentarz"))
}

// inReferences reports whether n stands in a list of references or
// footnotes, whose dates ("[accessed 2014-05-19]", "Retrieved 3 May
// 2019") are those of the works cited.
func inReferences(n *html.Node) bool {
	for i := 0; n != nil && n.DataAtom != atom.Body && i < 6; i, n = i+1, n.Parent {
		if n.Type != html.ElementNode {
			continue
		}
		if h := hints(n); strings.Contains(h, "reference") && !strings.Contains(h, "preference") ||
			strings.Contains(h, "reflist") || strings.Contains(h, "footnote") || strings.Contains(h, "citation") {
			return true
		}
	}
	return false
}

// dateish reports whether n or a near ancestor is marked as a date, time,
// byline or article meta block.
func dateish(n *html.Node) bool {
	for i := 0; n != nil && i < 4; i, n = i+1, n.Parent {
		if n.Type != html.ElementNode {
			continue
		}
		if n.DataAtom == atom.Time {
			return true
		}
		h := hints(n)
		for _, w := range []string{"date", "time", "byline", "dateline", "meta", "publish", "posted", "info", "author", "fecha", "datum", "data", "zeit", "heure"} {
			if strings.Contains(h, w) {
				return true
			}
		}
	}
	return false
}

// publishData reports whether the attribute key=val is a data attribute
// naming the publication time and holding a machine date
// (data-publishtime="1376751840652", data-first-published="2015-03-18"):
// themes that render the shown date by script ("Yesterday 11:04am") keep
// the instant there.
func publishData(key, val string) bool {
	return strings.HasPrefix(key, "data-") && strings.Contains(key, "publish") && len(val) >= 8 && isDigit(val[0])
}

// publishDataValue returns n's publishData value, or "".
func publishDataValue(n *html.Node) string {
	for _, a := range n.Attr {
		if publishData(a.Key, a.Val) {
			return a.Val
		}
	}
	return ""
}

// titleDate reports whether n may carry its date in its title attribute:
// an hAtom or hCalendar date, or an <abbr>, the microformats' pattern for
// a machine date behind the words readers see ("<abbr
// title="2011-08-25T01:40:40Z">1 hr 4 mins ago</abbr>").
func titleDate(n *html.Node) bool {
	return n.DataAtom == atom.Abbr || hatomDate(n)
}
