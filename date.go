package scoop

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// parseMachineDate reads the dates found in metadata: ISO 8601 and its
// common variants, RFC 1123 and Unix timestamps. Such values carry their
// own zone; a value without one is taken as UTC.
func parseMachineDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04Z07:00",
		"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 -0700",
		"2006-01-02 15:04:05", "2006-01-02", time.RFC1123, time.RFC1123Z, time.RFC850, time.ANSIC,
		"Mon, 2 Jan 2006 15:04:05 MST", "Mon, 2 Jan 2006 15:04:05 -0700", "20060102", "2006/01/02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return knownZone(t), true
		}
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && len(s) >= 9 && len(s) <= 13 {
		if len(s) > 10 {
			return time.UnixMilli(n).UTC(), true
		}
		return time.Unix(n, 0).UTC(), true
	}
	if m := rxISO.FindStringSubmatch(s); m != nil {
		return isoMatch(m)
	}
	// Dotted dates are day first wherever they are written; slashed ones
	// in metadata follow the US form.
	return parseTextDate(s, slashMonthFirst)
}

// knownZone gives t the offset of the zone abbreviation it was parsed
// with: time.Parse reads "EST" in "Thu, 06 Oct 2011 08:10:27 EST" as a
// zone of offset zero unless the machine's own zone names it.
func knownZone(t time.Time) time.Time {
	name, off := t.Zone()
	if known, ok := zoneOffsets[name]; ok && off == 0 && known != 0 {
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.FixedZone(name, known))
	}
	return t
}

func isoMatch(m []string) (time.Time, bool) {
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	hh, _ := strconv.Atoi(m[4])
	mm, _ := strconv.Atoi(m[5])
	ss, _ := strconv.Atoi(m[6])
	loc := time.UTC
	if z := m[7]; z != "" && z != "Z" {
		loc = offsetZone(z)
	}
	return makeDate(y, mo, d, hh, mm, ss, loc)
}

// makeDate builds a time, refusing dates that do not exist (31 February).
func makeDate(y, mo, d, hh, mm, ss int, loc *time.Location) (time.Time, bool) {
	if mo < 1 || mo > 12 || d < 1 || d > 31 || hh > 23 || mm > 59 || ss > 60 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(mo), d, hh, mm, ss, 0, loc)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// offsetZone turns "+05:30", "-0700" or "GMT+2" into a fixed zone.
func offsetZone(z string) *time.Location {
	z = strings.TrimPrefix(strings.TrimPrefix(strings.ToUpper(z), "GMT"), "UTC")
	if z == "" {
		return time.UTC
	}
	sign := 1
	if z[0] == '-' {
		sign = -1
	}
	z = strings.ReplaceAll(z[1:], ":", "")
	h, m := z, ""
	if len(z) > 2 {
		h, m = z[:len(z)-2], z[len(z)-2:]
	}
	hh, _ := strconv.Atoi(h)
	mm, _ := strconv.Atoi(m)
	off := sign * (hh*3600 + mm*60)
	if off == 0 {
		return time.UTC
	}
	return time.FixedZone("", off)
}

// parseTextDate finds the first date written out in s, in any of the
// languages scoop knows, with the time of day and zone when they follow.
// order settles numeric dates such as 02/12/2025.
func parseTextDate(s string, order dateOrder) (time.Time, bool) {
	if ascii, ok := asciiDigits(s); ok {
		s = ascii
	}
	best, bestAt := time.Time{}, -1
	try := func(t time.Time, ok bool, at, end int) {
		if !ok || (bestAt >= 0 && at >= bestAt) {
			return
		}
		best, bestAt = withClock(t, s[end:]), at
	}
	// Each pattern runs only when s has the characters it needs. All but
	// the Vietnamese and CJK ones need a year standing alone as four
	// digits, which most lines with a number lack ("3 comments").
	hasLetter := strings.ContainsFunc(s, unicode.IsLetter)
	year := hasYear(s)
	if !strings.ContainsAny(s, "-/.年년") && !hasLetter {
		return time.Time{}, false
	}
	if m := matchIf(strings.Contains(s, "tháng"), rxVietnamese, s); m != nil {
		v := submatches(s, m)
		d, _ := strconv.Atoi(v[1])
		mo, _ := strconv.Atoi(v[2])
		y, _ := strconv.Atoi(v[3])
		t, ok := makeDate(y, mo, d, 0, 0, 0, time.UTC)
		try(t, ok, m[0], m[1])
	}
	if m := matchIf(year && strings.Contains(s, "-"), rxISO, s); m != nil {
		t, ok := isoMatch(submatches(s, m))
		if ok && m[8] >= 0 {
			try(t, true, m[2], len(s)) // a time is already in the match
			bestAt = m[2]
		} else {
			try(t, ok, m[2], m[1])
		}
	}
	if m := matchIf(strings.ContainsAny(s, "./"), rxYearFirst, s); m != nil {
		// Year first is year, month, day wherever it is written
		// ("2022. 05. 10.", "2022/05/10").
		v := submatches(s, m)
		if v[2] == v[4] {
			y, _ := strconv.Atoi(v[1])
			mo, _ := strconv.Atoi(v[3])
			d, _ := strconv.Atoi(v[5])
			t, ok := makeDate(y, mo, d, 0, 0, 0, time.UTC)
			end := m[11]
			if end < len(s) && s[end] == '.' {
				end++ // Korean and Hungarian dates end with a dot
			}
			try(t, ok, m[2], end)
		}
	}
	if m := matchIf(year && hasLetter && strings.Contains(s, ". "), rxYearMonthName, s); m != nil {
		v := submatches(s, m)
		y, _ := strconv.Atoi(v[1])
		d, _ := strconv.Atoi(v[3])
		t, ok := makeDate(y, int(monthNames[strings.ToLower(v[2])]), d, 0, 0, 0, time.UTC)
		try(t, ok, m[2], m[1])
	}
	if m := matchIf(strings.Contains(s, "年") || strings.Contains(s, "년"), rxCJK, s); m != nil {
		v := submatches(s, m)
		y, _ := strconv.Atoi(v[1])
		mo, _ := strconv.Atoi(v[2])
		d, _ := strconv.Atoi(v[3])
		hh, _ := strconv.Atoi(v[4])
		mm, _ := strconv.Atoi(v[5])
		t, ok := makeDate(y, mo, d, hh, mm, 0, time.UTC)
		try(t, ok, m[0], m[1])
	}
	dayMonth, monthDay := rxDayMonth, rxMonthDay
	if otherScript(s) {
		dayMonth, monthDay = rxDayMonthOther, rxMonthDayOther
	}
	if m := matchIf(year && hasLetter, dayMonth, s); m != nil {
		v := submatches(s, m)
		d, _ := strconv.Atoi(v[1])
		y, _ := strconv.Atoi(v[3])
		t, ok := makeDate(y, int(monthNames[strings.ToLower(v[2])]), d, 0, 0, 0, time.UTC)
		try(t, ok, m[2], m[1])
	}
	start, end := -1, 0
	if year && hasLetter && dayBeforeYear(s) {
		start, end = namedDateSpan(s, monthDayRuns)
	}
	if m := matchIn(start, end, monthDay, s); m != nil {
		v := submatches(s, m)
		d, _ := strconv.Atoi(v[2])
		y, _ := strconv.Atoi(v[3])
		t, ok := makeDate(y, int(monthNames[strings.ToLower(v[1])]), d, 0, 0, 0, time.UTC)
		try(t, ok, m[2], m[1])
	}
	if m := matchIf(year && strings.ContainsAny(s, "-/."), rxNumeric, s); m != nil {
		v := submatches(s, m)
		// Czech and German pages space their dotted dates ("4. 2. 2022");
		// spaced slashes or dashes are a range or a score, not a date.
		spaced := v[2] != "." && strings.ContainsAny(s[m[2]:m[10]], " \u00a0\u2009\u202f")
		if v[2] == v[4] && !spaced {
			a, _ := strconv.Atoi(v[1])
			b, _ := strconv.Atoi(v[3])
			y, _ := strconv.Atoi(v[5])
			mo, d := a, b
			dayFirstHere := order == dayFirst || order == slashMonthFirst && v[2] == "."
			if a > 12 || (b <= 12 && dayFirstHere) {
				mo, d = b, a
			}
			t, ok := makeDate(y, mo, d, 0, 0, 0, time.UTC)
			try(t, ok, m[2], m[11])
		}
	}
	return best, bestAt >= 0
}

// dayBeforeYear reports whether a year in s follows white space that
// follows a digit a few bytes before ("12, 2024", "3rd 2024", "2ſt 2024"
// as (?i) reads it): the shape rxMonthDay needs, which is slow to run
// on every dated line.
func dayBeforeYear(s string) bool {
	for i := 0; i+3 < len(s); i++ {
		if !yearAt(s, i) {
			continue
		}
		j := i
		for j > 0 && asciiSpace(s[j-1]) {
			j--
		}
		if j < i && strings.ContainsAny(s[max(0, j-5):j], "0123456789") {
			return true
		}
	}
	return false
}

// namedDateSpan returns the part of s, from start to end, that holds any
// month-day date (rxMonthDay and rxMonthDayOther), or start -1 when none
// can match. Such a date ends in a year after white space and one more
// character for the pattern's \b, and before the year it spans at most
// runs runs of non-space. Their hundreds of month names make those
// patterns slow, so they run on that part only. The start is white space
// or 0, where the patterns' "^" can match nothing s does not.
// TestMonthDayShape fails when the patterns change shape.
func namedDateSpan(s string, runs int) (start, end int) {
	start = -1
	for y := 1; y+3 < len(s); y++ {
		if !asciiSpace(s[y-1]) || !yearAt(s, y) {
			continue
		}
		end = min(len(s), y+5)
		if start >= 0 {
			continue
		}
		// Back over white space and the run before it, once per run
		// the date can span.
		i := y
		for k := 0; k < runs && i > 0; k++ {
			for i > 0 && asciiSpace(s[i-1]) {
				i--
			}
			for i > 0 && !asciiSpace(s[i-1]) {
				i--
			}
		}
		// The white space before the first run can be the pattern's
		// leading non-letter.
		start = max(0, i-1)
	}
	return start, end
}

// matchIn is rx.FindStringSubmatchIndex(s) for a pattern whose matches
// all lie in s[start:end], where start is white space or 0; a negative
// start means no match.
func matchIn(start, end int, rx *regexp.Regexp, s string) []int {
	if start < 0 {
		return nil
	}
	m := rx.FindStringSubmatchIndex(s[start:end])
	for i := range m {
		if m[i] >= 0 {
			m[i] += start
		}
	}
	return m
}

func matchIf(ok bool, rx *regexp.Regexp, s string) []int {
	if !ok {
		return nil
	}
	return rx.FindStringSubmatchIndex(s)
}

func submatches(s string, idx []int) []string {
	out := make([]string, len(idx)/2)
	for i := range out {
		if idx[2*i] >= 0 {
			out[i] = s[idx[2*i]:idx[2*i+1]]
		}
	}
	return out
}

// withClock adds the time of day written right after a date ("10:14 AM
// MST", "14:30 Uhr", "à 09h15") and its zone when one is named.
func withClock(t time.Time, rest string) time.Time {
	m := rxClock.FindStringSubmatch(rest)
	if m == nil {
		return t
	}
	hh, _ := strconv.Atoi(m[1])
	mm, _ := strconv.Atoi(m[2])
	ss, _ := strconv.Atoi(m[3])
	switch ampm := strings.ToLower(strings.ReplaceAll(m[4], ".", "")); ampm {
	case "pm":
		if hh < 12 {
			hh += 12
		}
	case "am":
		if hh == 12 {
			hh = 0
		}
	}
	loc := t.Location()
	if z := m[5]; z != "" {
		if off, ok := zoneOffsets[z]; ok {
			loc = time.FixedZone(z, off)
		} else if z[0] == '+' || z[0] == '-' || strings.HasPrefix(z, "GMT") || strings.HasPrefix(z, "UTC") {
			loc = offsetZone(z)
		}
	}
	out, ok := makeDate(t.Year(), int(t.Month()), t.Day(), hh, mm, ss, loc)
	if !ok {
		return t
	}
	return out
}

// rxShortDate is a dotted date with a two-digit year standing alone on its
// line ("28.01.22"), as German and Swiss pages print them.
var rxShortDate = regexp.MustCompile(`^\D{0,40}?(?:^|\D)(\d{1,2})\.(\d{1,2})\.(\d\d)(?:\D|$)`)

// rxShortSlashDate is a slashed date with a two-digit year and a clock
// after it, the digits maybe padded with a space ("| 10/ 5/11 09:19 PM
// ET"): without the clock, "3/4/11" may be anything.
var rxShortSlashDate = regexp.MustCompile(`^\D{0,40}?(?:^|[^\d/])(\d{1,2})/ ?(\d{1,2})/(\d\d)\s+\d{1,2}:\d\d`)

// parseShortDate reads a line that is a dotted date with a two-digit year,
// or a slashed one followed by a clock.
func parseShortDate(s string, order dateOrder) (time.Time, bool) {
	m := rxShortDate.FindStringSubmatch(s)
	slashed := false
	if m == nil {
		if m = rxShortSlashDate.FindStringSubmatch(s); m == nil {
			return time.Time{}, false
		}
		slashed = true
		// The clock is the rest of the line: m[0] ends in its digits.
		m[0] = m[0][:strings.LastIndexAny(m[0], " \t\n")+1]
	}
	d, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	if (order == monthFirst || slashed && order == slashMonthFirst) && d <= 12 && mo <= 12 {
		d, mo = mo, d
	}
	y, _ := strconv.Atoi(m[3])
	t, ok := makeDate(2000+y, mo, d, 0, 0, 0, time.UTC)
	if !ok {
		return time.Time{}, false
	}
	return withClock(t, s[len(m[0])-1:]), true
}

// clockOnly reports whether s, the text after an update label, opens
// with a time of day and holds no date.
func clockOnly(s string) bool {
	if !rxClock.MatchString(s) || !strings.ContainsFunc(s, unicode.IsDigit) {
		return false
	}
	_, dated := parseTextDate(s, dayFirst)
	return !dated
}
