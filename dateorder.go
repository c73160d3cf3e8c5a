package scoop

// How a page writes numeric dates: whether 02/12/2025 is February or
// December, decided from the page's own evidence.

import (
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
)

// numericOrder decides whether the page writes numeric dates day first,
// from the page's own evidence: another numeric date that can only be read
// one way, then a weekday named in the text, then language and country.
func (p *page) numericOrder() dateOrder {
	if p.order == nil {
		o := p.decideOrder()
		p.order = &o
	}
	return *p.order
}

func (p *page) decideOrder() dateOrder {
	us := usEnglish(p.language(), p.url.Hostname())
	slashMonth := slashMonthFirst
	if us {
		slashMonth = monthFirst
	}
	var dayVotes, monthVotes int
	var ambiguous []line
	for _, l := range p.lines {
		if !numericDateLike(l.text) {
			continue
		}
		for _, m := range rxNumeric.FindAllStringSubmatch(l.text, -1) {
			if m[2] != m[4] || m[2] == "." && !us {
				// Outside the US dotted dates are day first whatever
				// the slashes do: they say nothing about slash order.
				continue
			}
			a, _ := strconv.Atoi(m[1])
			b, _ := strconv.Atoi(m[3])
			switch {
			case a > 12 && a <= 31 && b <= 12:
				dayVotes++
			case b > 12 && b <= 31 && a <= 12:
				monthVotes++
			case a <= 12 && b <= 12 && a != b:
				ambiguous = append(ambiguous, line{text: m[0]})
			}
		}
	}
	if dayVotes != monthVotes {
		if dayVotes > monthVotes {
			return dayFirst
		}
		return slashMonth
	}
	if o, ok := p.orderFromMetadata(ambiguous); ok {
		if o == dayFirst {
			return dayFirst
		}
		return slashMonth
	}
	if len(ambiguous) > 0 && p.weekdays() != nil {
		weekdays := p.weekdays()
		for _, l := range ambiguous {
			mf, ok1 := parseTextDate(l.text, monthFirst)
			df, ok2 := parseTextDate(l.text, dayFirst)
			if !ok1 || !ok2 {
				continue
			}
			inM, inD := weekdays[mf.Weekday().String()], weekdays[df.Weekday().String()]
			if inM != inD {
				if inD {
					return dayFirst
				}
				return slashMonth
			}
		}
	}
	if us {
		return monthFirst
	}
	return dayFirst
}

// orderFromMetadata reads the ambiguous dates both ways and keeps the
// reading that falls within a day of a date the page's metadata gives:
// the page's own machine-readable dates outweigh a weekday named anywhere.
func (p *page) orderFromMetadata(ambiguous []line) (dateOrder, bool) {
	if len(ambiguous) == 0 {
		return 0, false
	}
	var known []time.Time
	add := func(s string) {
		// Only ISO dates: "10/05/2022" in metadata is as ambiguous as the text.
		if len(s) < 10 || s[4] != '-' {
			return
		}
		if t, ok := parseMachineDate(s); ok {
			known = append(known, t)
		}
	}
	if a := p.article(); a != nil {
		for _, k := range []string{"datePublished", "dateCreated", "dateModified"} {
			add(ldString(a[k]))
		}
	}
	for _, k := range [...]string{"article:published_time", "article:modified_time", "og:updated_time"} {
		add(p.meta[k])
	}
	near := func(t time.Time) bool {
		for _, k := range known {
			if d := t.Sub(k); d > -36*time.Hour && d < 36*time.Hour {
				return true
			}
		}
		return false
	}
	for _, l := range ambiguous {
		mf, ok1 := parseTextDate(l.text, monthFirst)
		df, ok2 := parseTextDate(l.text, dayFirst)
		if !ok1 || !ok2 {
			continue
		}
		if inM, inD := near(mf), near(df); inM != inD {
			if inD {
				return dayFirst, true
			}
			return monthFirst, true
		}
	}
	return 0, false
}

// numericDateLike reports whether s has a digit, a date separator and a
// digit in a row, the least a numeric date needs.
func numericDateLike(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if c := s[i+1]; (c == '/' || c == '.' || c == '-') && isDigit(s[i]) && isDigit(s[i+2]) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// weekdays returns the weekday names the page's text mentions (in
// English), which settle whether 02/12/2025 means February or December.
// Only a page with an ambiguous date needs them, so they are found then.
func (p *page) weekdays() map[string]bool {
	found := map[string]bool{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			scanWeekdays(n.Data, found)
			return
		}
		if n.Type == html.ElementNode && skipText(n) {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(p.doc)
	if len(found) == 0 {
		return nil
	}
	return found
}

// usEnglish reports whether a page is American English, the one locale
// that writes the month first.
func usEnglish(lang, host string) bool {
	lang = strings.ToLower(lang)
	switch {
	case lang == "en-us":
		return true
	case lang != "" && lang != "en":
		return false
	}
	// English without a region, or no language at all: a country-code
	// domain other than .us means a non-US site.
	tld := host[strings.LastIndexByte(host, '.')+1:]
	return len(tld) != 2 || tld == "us"
}
