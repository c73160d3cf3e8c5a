package scoop

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// earliestDate is the first plausible publication date of a web page.
var earliestDate = time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)

var monthNames = map[string]time.Month{}

func init() {
	// Full names and the abbreviations sites print, in the languages scoop
	// reads; words shared by two languages name the same month.
	names := [12]string{
		"january jan janvier janv januar jän enero ene gennaio gen janeiro januari",
		"february feb février févr fevrier februar febrero febbraio fevereiro fev februari",
		"march mar mars märz maerz marzo março marco maart mrt",
		"april apr avril abril aprile abr",
		"may mai mayo maggio mag maio mei",
		"june jun juin juni junio giugno giu junho",
		"july jul juillet juil juli julio luglio lug julho",
		"august aug août aout agosto ago augustus",
		"september sep sept septembre septiembre settembre set setembro",
		"october oct octobre oktober okt octubre ottobre ott outubro out",
		"november nov novembre noviembre novembro",
		"december dec décembre déc decembre dezember dez diciembre dic dicembre dezembro",
	}
	// Nordic, Polish, Czech, Russian, Turkish and Indonesian months, in
	// the forms dates use ("12 lutego 2025", "12 февраля 2025").
	more := [12]string{
		"januar jan. stycznia ledna января январь ocak",
		"februar februari lutego února февраля февраль şubat subat",
		"marts mars marca března марта март maret",
		"april kwietnia dubna апреля апрель nisan",
		"maj mai maja května мая май mayıs mayis",
		"juni czerwca června июня июнь haziran",
		"juli lipca července июля июль temmuz",
		"augusti august sierpnia srpna августа август ağustos agustus",
		"september września zari září сентября сентябрь eylül eylul",
		"oktober października října октября октябрь ekim",
		"november listopada listopadu ноября ноябрь kasım kasim",
		"december desember grudnia prosince декабря декабрь aralık aralik desember",
	}
	// Ukrainian, Romanian, Greek (genitive, with and without accents),
	// Hebrew (also with the prefix ב), Arabic as written in the Levant,
	// Egypt and the Gulf, the Maghreb and Morocco, and Persian.
	for i, s := range [12]string{
		"січня ianuarie ian ιανουαρίου ιανουαριου ιανουάριος ינואר בינואר كانون_الثاني يناير جانفي ژانویه",
		"лютого februarie φεβρουαρίου φεβρουαριου φεβρουάριος פברואר בפברואר شباط فبراير فيفري فوریه",
		"березня martie μαρτίου μαρτιου μάρτιος מרץ במרץ آذار مارس",
		"квітня aprilie απριλίου απριλιου απρίλιος אפריל באפריל نيسان أبريل ابريل أفريل افريل آوریل",
		"травня μαΐου μαιου μάιος מאי במאי أيار ايار مايو ماي مه",
		"червня iunie iun ιουνίου ιουνιου ιούνιος יוני ביוני حزيران يونيو يونيه جوان ژوئن",
		"липня iulie iul ιουλίου ιουλιου ιούλιος יולי ביולי تموز يوليو يوليه جويلية يوليوز ژوئیه",
		"серпня αυγούστου αυγουστου αύγουστος אוגוסט באוגוסט آب أغسطس اغسطس أوت اوت غشت",
		"вересня septembrie σεπτεμβρίου σεπτεμβριου σεπτέμβριος ספטמבר בספטמבר أيلول ايلول سبتمبر شتنبر سپتامبر",
		"жовтня octombrie οκτωβρίου οκτωβριου οκτώβριος אוקטובר באוקטובר تشرين_الأول أكتوبر اكتوبر اکتبر",
		"листопада noiembrie noi νοεμβρίου νοεμβριου νοέμβριος נובמבר בנובמבר تشرين_الثاني نوفمبر نونبر نوامبر",
		"грудня decembrie δεκεμβρίου δεκεμβριου δεκέμβριος דצמבר בדצמבר كانون_الأول ديسمبر دجنبر دسامبر",
	} {
		for _, w := range strings.Fields(s) {
			if w = strings.ReplaceAll(w, "_", " "); monthNames[w] == 0 {
				monthNames[w] = time.Month(i + 1)
			}
		}
	}
	for i, s := range more {
		for _, w := range strings.Fields(s) {
			if _, taken := monthNames[w]; !taken {
				monthNames[w] = time.Month(i + 1)
			}
		}
	}
	for i, s := range names {
		for _, w := range strings.Fields(s) {
			monthNames[w] = time.Month(i + 1)
		}
	}
	// Two sets of expressions: the names in Greek, Hebrew and Arabic
	// letters run only on lines that hold such letters, so that the
	// common case pays for the names it can meet.
	var alt, other []string
	for w := range monthNames {
		if otherScript(w) {
			other = append(other, regexp.QuoteMeta(w))
		} else {
			alt = append(alt, regexp.QuoteMeta(w))
		}
	}
	build := func(names []string) (dm, md *regexp.Regexp) {
		// Longest first, so "sept" is not read as "sep".
		sortByLenDesc(names)
		m := "(" + strings.Join(names, "|") + ")"
		dm = regexp.MustCompile(`(?i)(?:^|[^\pL\d])(\d{1,2})(?:\.|er|º|st|nd|rd|th)?\s+(?:de\s+)?` + m + `\.?,?\s+(?:de\s+)?((?:19|20)\d\d)\b`)
		md = regexp.MustCompile(`(?i)(?:^|[^\pL\d])` + m + `\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b`)
		return dm, md
	}
	rxDayMonth, rxMonthDay = build(alt)
	rxDayMonthOther, rxMonthDayOther = build(other)
}

// otherScript reports whether s holds Greek, Hebrew or Arabic letters,
// by the first bytes of their UTF-8 encodings (U+0370–U+06FF).
func otherScript(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0xcd && c <= 0xdb && c != 0xd0 && c != 0xd1 && c != 0xd2 && c != 0xd3 {
			return true
		}
	}
	return false
}

func sortByLenDesc(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && (len(s[j]) > len(s[j-1]) || len(s[j]) == len(s[j-1]) && s[j] < s[j-1]); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

var (
	rxDayMonth, rxMonthDay           *regexp.Regexp
	rxDayMonthOther, rxMonthDayOther *regexp.Regexp
	rxISO                            = regexp.MustCompile(`(?:^|\D)((?:19|20)\d\d)-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?\s*(Z|[+-]\d\d:?\d\d)?)?`)
	rxNumeric                        = regexp.MustCompile(`(?:^|[^\d.:/-])(\d{1,2})([/.-])(\d{1,2})([/.-])((?:19|20)\d\d)(?:[^\d]|$)`)
	rxVietnamese                     = regexp.MustCompile(`(?i)(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*,\s*|\s+năm\s+|\s+)((?:19|20)\d\d)`)
	rxCJK                            = regexp.MustCompile(`((?:19|20)\d\d)\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일](?:\s*(?:\([^)]*\)|（[^）]*）)?\s*(\d{1,2})[:：時时시](\d{2}))?`)
	rxClock                          = regexp.MustCompile(`(?i)^\s*(?:,|at|um|à|a las|alle|às|om|kl\.?|-|–|—|\||/)?\s*(\d{1,2})[:h.](\d{2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?\s*(?:uhr|h)?\s*(?:\(?([A-Z]{2,5}|[+-]\d\d:?\d\d|(?:GMT|UTC)[+-]\d{1,2}(?::?\d\d)?)\)?)?`)
	rxClockAnywhere                  = regexp.MustCompile(`\b\d{1,2}[:h]\d{2}\b`)
	rxURLDate                        = regexp.MustCompile(`/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|[-_]|\.html|$)`)
)

// Words that say a date is when the story went out, or when it was last changed.
var (
	rxPublishedLabel = regexp.MustCompile(`(?i)(published|posted|submitted|mis en ligne|publication|released|first published|created|erstellt am|verfasst am|eingestellt am|gespeichert von|écrit le|escrito el|veröffentlicht|erschienen|publié|publie|publicado|publicada|pubblicato|gepubliceerd|geplaatst|publicerad|publisert|offentliggjort|opublikowano|publikováno|опубликовано|yayınlanma|diterbitkan|dipublikasikan|発行|公開|掲載|发布|發布|发表|日期|投稿|게시|입력)`)
	rxUpdatedLabel   = regexp.MustCompile(`(?i)(updated|update|modified|last edited|revised|aktualisiert|geändert|mis à jour|mise à jour|modifié|actualizado|actualización|aggiornato|atualizado|bijgewerkt|uppdaterad|oppdatert|opdateret|zaktualizowano|aktualizováno|обновлено|güncelleme|diperbarui|更新|수정)`)
)

var weekdayNames = map[string]string{}

func init() {
	days := [7]string{
		"sunday sonntag dimanche domingo domenica zondag",
		"monday montag lundi lunes lunedì lunedi segunda-feira maandag",
		"tuesday dienstag mardi martes martedì martedi terça-feira dinsdag",
		"wednesday mittwoch mercredi miércoles miercoles mercoledì mercoledi quarta-feira woensdag",
		"thursday donnerstag jeudi jueves giovedì giovedi quinta-feira donderdag",
		"friday freitag vendredi viernes venerdì venerdi sexta-feira vrijdag",
		"saturday samstag samedi sábado sabado sabato zaterdag",
	}
	for i, s := range days {
		for _, w := range strings.Fields(s) {
			weekdayNames[w] = time.Weekday(i).String()
		}
	}
}

// zoneOffsets are the time-zone abbreviations news sites print after a
// time, in seconds east of UTC.
var zoneOffsets = map[string]int{
	"UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "BST": 3600, "IST": 3600, "CET": 3600, "CEST": 7200,
	"MEZ": 3600, "MESZ": 7200, "EET": 7200, "EEST": 10800, "MSK": 10800,
	"EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600, "MST": -7 * 3600,
	"MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600, "AKST": -9 * 3600, "AKDT": -8 * 3600,
	"HST": -10 * 3600, "AST": -4 * 3600, "ADT": -3 * 3600, "NZST": 12 * 3600, "NZDT": 13 * 3600,
	"AEST": 10 * 3600, "AEDT": 11 * 3600, "ACST": 9*3600 + 1800, "AWST": 8 * 3600,
	"JST": 9 * 3600, "KST": 9 * 3600, "HKT": 8 * 3600, "SGT": 8 * 3600,
}

// dateOrder says how to read a numeric date whose first two numbers are
// both 12 or under.
type dateOrder int

const (
	monthFirst dateOrder = iota
	dayFirst
	// slashMonthFirst: slashes read month first, dots day first, as on
	// pages outside the US that embed US-written dates.
	slashMonthFirst
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
			return t, true
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
	return parseTextDate(s, monthFirst)
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
	// Each pattern runs only when s has the characters it needs.
	hasLetter := strings.ContainsFunc(s, unicode.IsLetter)
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
	if m := matchIf(strings.Contains(s, "-"), rxISO, s); m != nil {
		t, ok := isoMatch(submatches(s, m))
		if ok && m[8] >= 0 {
			try(t, true, m[2], len(s)) // a time is already in the match
			bestAt = m[2]
		} else {
			try(t, ok, m[2], m[1])
		}
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
	if m := matchIf(hasLetter, dayMonth, s); m != nil {
		v := submatches(s, m)
		d, _ := strconv.Atoi(v[1])
		y, _ := strconv.Atoi(v[3])
		t, ok := makeDate(y, int(monthNames[strings.ToLower(v[2])]), d, 0, 0, 0, time.UTC)
		try(t, ok, m[2], m[1])
	}
	if m := matchIf(hasLetter, monthDay, s); m != nil {
		v := submatches(s, m)
		d, _ := strconv.Atoi(v[2])
		y, _ := strconv.Atoi(v[3])
		t, ok := makeDate(y, int(monthNames[strings.ToLower(v[1])]), d, 0, 0, 0, time.UTC)
		try(t, ok, m[2], m[1])
	}
	if m := matchIf(strings.ContainsAny(s, "-/."), rxNumeric, s); m != nil {
		v := submatches(s, m)
		if v[2] == v[4] {
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
	take := func(c *dateCandidate, s string, src DateSource) {
		if c.source != "" {
			return
		}
		if t, ok := parseMachineDate(s); ok && plausible(t) {
			*c = dateCandidate{t, src}
		}
	}

	if a := p.article(); a != nil {
		take(&pub, ldString(a["datePublished"]), DateFromJSONLD)
		take(&pub, ldString(a["dateCreated"]), DateFromJSONLD)
		take(&mod, ldString(a["dateModified"]), DateFromJSONLD)
	}
	for _, k := range publishedMeta {
		take(&pub, p.meta[k], DateFromMeta)
	}
	for _, k := range modifiedMeta {
		take(&mod, p.meta[k], DateFromMeta)
	}
	p.timeDates(&pub, &mod, plausible)
	// Pages with dates in structured data keep the modified one there
	// too; reading the text for it would cost more than it finds.
	if pub.source == "" || mod.source == "" && pub.source == DateFromTime {
		p.textDates(&pub, &mod, plausible)
	}
	if pub.source == "" {
		if m := rxURLDate.FindStringSubmatch(p.url.Path); m != nil {
			y, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			d, _ := strconv.Atoi(m[3])
			if t, ok := makeDate(y, mo, d, 0, 0, 0, time.UTC); ok && plausible(t) {
				pub = dateCandidate{t, DateFromURL}
			}
		}
	}
	dl, settled := p.dateline(plausible)
	if settled {
		pub = publishersDay(pub, dl)
	}
	if pub.source == "" {
		if t, ok := leadingDate(p.titleTag, p.numericOrder(), plausible); ok {
			pub = dateCandidate{t, DateFromText}
		}
	} else if !settled {
		pub.t = localMidnight(pub.t)
	}
	if pub.source == "" && mod.source != "" {
		// A page that shows only "Updated …" was first published no later;
		// the update is the best date it gives.
		pub = mod
	}
	return pub, mod
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
	for _, n := range p.times {
		if inRelated(n) || inChrome(n) {
			continue
		}
		v := attr(n, "datetime")
		if v == "" {
			v = attr(n, "content")
		}
		if v == "" && hatomDate(n) {
			v = attr(n, "title")
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
		if pub.source != "" && !rxUpdatedLabel.MatchString(l.text) {
			continue // only an "Updated …" line can still add something
		}
		t, ok := p.lineDate(i)
		if !ok || !plausible(t) {
			continue
		}
		pubAt := rxPublishedLabel.FindStringIndex(l.text)
		updAt := rxUpdatedLabel.FindStringIndex(l.text)
		switch {
		case updAt != nil && (pubAt == nil || updAt[0] < pubAt[0]):
			if mod.source == "" {
				*mod = dateCandidate{t, DateFromText}
			}
			// "Published 3 Feb, updated 4 Feb": read the published part too.
			if pubAt != nil && pub.source == "" {
				if t2, ok := parseTextDate(l.text[pubAt[0]:], order); ok && plausible(t2) {
					*pub = dateCandidate{t2, DateFromText}
				}
			}
		case pubAt != nil:
			if pub.source == "" {
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
