package scoop

import (
	"regexp"
	"strconv"
	"strings"
	"time"

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

// dateline returns the date shown just below the page's headline, and
// whether that line also gave a time of day.
func (p *page) dateline(plausible func(time.Time) bool) (t time.Time, clock, ok bool) {
	start := -1
	for i, h := range p.h1 {
		if !inRelated(h) && !inChrome(h) && textOf(h) != "" {
			start = p.h1At[i]
			break
		}
	}
	if start < 0 {
		return time.Time{}, false, false
	}
	order := p.numericOrder()
	var above *line // the last date-only line just above the headline
	for i := range p.lines {
		l := &p.lines[i]
		if l.at < start-datelineAbove {
			continue
		}
		if l.at > start+datelineReach {
			break
		}
		if len(l.text) > 120 || l.node.DataAtom == atom.H1 || !readerLine(l.node) {
			continue
		}
		if rxUpdatedLabel.MatchString(l.text) && !rxPublishedLabel.MatchString(l.text) {
			continue
		}
		d, found := parseTextDate(l.text, order)
		if !found {
			d, found = parseShortDate(l.text)
		}
		if !found || !plausible(d) {
			continue
		}
		if l.at < start {
			// Above the headline only a line that is nothing but the
			// date counts: a kicker, not a teaser of another story.
			if len(l.text) <= 24 {
				above = l
			}
			continue
		}
		return d, rxClockAnywhere.MatchString(l.text), true
	}
	if above != nil {
		d, found := parseTextDate(above.text, order)
		if !found {
			d, _ = parseShortDate(above.text)
		}
		return d, rxClockAnywhere.MatchString(above.text), true
	}
	return time.Time{}, false, false
}

// datelineAbove is how much text may stand between a date shown above
// the headline and the headline: a kicker or a section name.
const datelineAbove = 200

// rxShortDate is a dotted date with a two-digit year standing alone on its
// line ("28.01.22"), as German and Swiss pages print them.
var rxShortDate = regexp.MustCompile(`^\D{0,12}(\d{1,2})\.(\d{1,2})\.(\d\d)(?:\D|$)`)

// parseShortDate reads a line that is a dotted date with a two-digit year.
func parseShortDate(s string) (time.Time, bool) {
	m := rxShortDate.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false
	}
	d, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	y, _ := strconv.Atoi(m[3])
	t, ok := makeDate(2000+y, mo, d, 0, 0, 0, time.UTC)
	if !ok {
		return time.Time{}, false
	}
	return withClock(t, s[len(m[0])-1:]), true
}

// readerLine reports whether a line stands in the article's own flow: not
// in chrome, a related block, a comment thread, a sidebar or a link.
func readerLine(n *html.Node) bool {
	if inRelated(n) || inChrome(n) {
		return false
	}
	for a := n; a != nil; a = a.Parent {
		if a.Type != html.ElementNode {
			continue
		}
		if a.DataAtom == atom.A || a.DataAtom == atom.Aside {
			return false
		}
		if h := hints(a); strings.Contains(h, "comment") || strings.Contains(h, "sidebar") {
			return false
		}
	}
	return true
}

// publishersDay settles pub against the dateline d. The same day keeps
// pub. A day or so apart is one instant in two zones: pub keeps its
// instant, shown in the zone that gives the dateline's day (the dateline's
// own clock tells the offset when it shows one). Further apart, the page
// shows another date than its metadata and the dateline wins.
func publishersDay(pub dateCandidate, d time.Time, clock bool) dateCandidate {
	if pub.source == "" {
		return dateCandidate{d, DateFromText}
	}
	gap := d.Sub(pub.t)
	if gap < -36*time.Hour || gap > 36*time.Hour {
		return dateCandidate{d, DateFromText}
	}
	if _, off := pub.t.Zone(); clock && off == 0 {
		// A UTC instant and the publisher's wall clock: their
		// difference is the publisher's offset.
		wall := time.Date(d.Year(), d.Month(), d.Day(), d.Hour(), d.Minute(), 0, 0, time.UTC)
		off := wall.Sub(pub.t).Round(15 * time.Minute)
		if off >= -14*time.Hour && off <= 14*time.Hour {
			if t := pub.t.In(time.FixedZone("", int(off.Seconds()))); sameDay(t, d) {
				return dateCandidate{t, pub.source}
			}
		}
	}
	if sameDay(pub.t, d) {
		return pub
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

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}
