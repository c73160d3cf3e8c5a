package scoop

// Dates shown without a year but with their weekday ("3/9(木) 18:45配信",
// "3月9日（木）", as Japanese news pages print them under the headline).
// The weekday pins the year among those the page itself gives: its URL,
// its copyright line, the fetch.

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// rxWeekdayDate is a month and day followed by the weekday in brackets,
// with no year before them.
var rxWeekdayDate = regexp.MustCompile(`(?:^|[^\d/])(\d{1,2})(?:/|月)(\d{1,2})日?\s?[(（]([日月火水木金土])[)）]`)

var jaWeekdays = map[string]time.Weekday{
	"日": time.Sunday, "月": time.Monday, "火": time.Tuesday, "水": time.Wednesday,
	"木": time.Thursday, "金": time.Friday, "土": time.Saturday,
}

// weekdayDateLike reports whether a short text run may hold such a date:
// the test scanText makes on every text run without a year, so it looks
// for a closing bracket and the month's separator first, and runs the
// pattern on few runs.
func weekdayDateLike(s string) bool {
	return len(s) <= 80 && (strings.IndexByte(s, ')') >= 0 || strings.Contains(s, "）")) &&
		(strings.IndexByte(s, '/') >= 0 || strings.Contains(s, "月")) && rxWeekdayDate.MatchString(s)
}

// rxCopyrightYear is a copyright line's last year ("© 1998 - 2017",
// "Copyright (C) 2017").
var rxCopyrightYear = regexp.MustCompile(`(?i)(?:©|\(c\)|copyright)[^0-9]{0,20}(?:(?:19|20)\d\d\s*[-–]\s*)?((?:19|20)\d\d)\b`)

// rxYearInURL is a year standing alone in a URL, or opening a yyyymmdd
// run ("/2017/03/", "?a=20170309-35097838").
var rxYearInURL = regexp.MustCompile(`(?:^|\D)((?:19|20)\d\d)(?:[01]\d[0-3]\d)?(?:\D|$)`)

// yearlessDate reads a weekday date in s, in the latest year the page
// gives on which that day is that weekday; false when none is.
func (p *page) yearlessDate(s string, plausible func(time.Time) bool) (time.Time, bool) {
	m := rxWeekdayDate.FindStringSubmatchIndex(s)
	if m == nil {
		return time.Time{}, false
	}
	mo, _ := strconv.Atoi(s[m[2]:m[3]])
	d, _ := strconv.Atoi(s[m[4]:m[5]])
	wd := jaWeekdays[s[m[6]:m[7]]]
	for _, y := range p.pageYears() {
		if t, ok := makeDate(y, mo, d, 0, 0, 0, time.UTC); ok && t.Weekday() == wd && plausible(t) {
			return withClock(t, s[m[1]:]), true
		}
	}
	return time.Time{}, false
}

// pageYears returns the years the page gives for its own time, latest
// first: in its URL, in its copyright lines, and the fetch's year and the
// one before.
func (p *page) pageYears() []int {
	var years []int
	add := func(s string) {
		if y, err := strconv.Atoi(s); err == nil && !slices.Contains(years, y) {
			years = append(years, y)
		}
	}
	for _, m := range rxYearInURL.FindAllStringSubmatch(p.url.Path+"?"+p.url.RawQuery, -1) {
		add(m[1])
	}
	for _, l := range p.lines {
		if m := rxCopyrightYear.FindStringSubmatch(l.text); m != nil {
			add(m[1])
		}
	}
	if !p.fetched.IsZero() {
		add(strconv.Itoa(p.fetched.Year()))
		add(strconv.Itoa(p.fetched.Year() - 1))
	}
	slices.SortFunc(years, func(a, b int) int { return b - a })
	return years
}
