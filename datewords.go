package scoop

// The words and forms of dates in the languages scoop reads: month and
// weekday names, labels, zones, and the expressions built from them.

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
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
	// Austrian German; Croatian, Slovenian and Serbian (Latin) in the
	// forms dates use ("12. siječnja 2022.", "12. januarja 2022"; the
	// Croatian "listopada", October, is Polish and Ukrainian November and
	// stays so); Catalan; Hungarian; Hindi.
	for i, s := range [12]string{
		"jänner siječnja januarja gener január जनवरी",
		"feber veljače februarja febrer február febr फ़रवरी फरवरी",
		"ožujka marec marca març március márc मार्च",
		"travnja aprila április ápr अप्रैल",
		"svibnja maja maig május máj मई",
		"lipnja junij junija juny június jún जून",
		"srpnja julij julija juliol július júl जुलाई",
		"kolovoza avgust avgusta augusztus अगस्त",
		"rujna septembar septembra setembre szeptember szept सितंबर सितम्बर",
		"oktobar oktobra október अक्टूबर अक्तूबर",
		"studenoga studenog novembar novembra नवंबर नवम्बर",
		"prosinca decembar decembra desembre दिसंबर दिसम्बर",
	} {
		more[i] += " " + s
	}
	// Finnish, in the partitive dates use ("19. helmikuuta 2019").
	finnish := "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta syyskuuta lokakuuta marraskuuta joulukuuta"
	for i, w := range strings.Fields(finnish) {
		more[i] += " " + w
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
		sortMonthNames(names)
		return monthPatterns(names)
	}
	for w := range monthNames {
		monthDayRuns = max(monthDayRuns, strings.Count(w, " ")+2)
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

// monthPatterns returns the day-month and month-day patterns of the
// month names given, tried in their order.
func monthPatterns(names []string) (dm, md *regexp.Regexp) {
	m := "(" + strings.Join(names, "|") + ")"
	// "10 May 2022", "10. Mai 2022", "10 de mayo del 2022", "10-May-2022";
	// the Arab press pairs the month's Levantine and Egyptian names ("04
	// آب/أغسطس 2013", "12 تشرين الأول (أكتوبر) 2013"): the first is read.
	dm = regexp.MustCompile(`(?i)(?:^|[^\pL\d])(\d{1,2})(?:\.|er|º|st|nd|rd|th)?(?:\s+|-)(?:de\s+)?` + m + `(?:\s?/\s?\pL+|\s\(\pL+\))?\.?,?(?:\s+|-)(?:del?\s+)?((?:19|20)\d\d)\b`)
	md = regexp.MustCompile(`(?i)(?:^|[^\pL\d])` + m + `\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b`)
	return dm, md
}

// sortMonthNames orders month names for an alternation: a name before
// any name that is a prefix of it as (?i) reads them, so "sept" is not
// read as "sep", and names with a common start next to each other, which
// the regexp parser then factors into one branch: hundreds of branches
// each tried at every position made these patterns slow. Only names one
// of which is a prefix of the other can match at the same place, so no
// other order between them changes a match.
func sortMonthNames(names []string) {
	keys := make(map[string]string, len(names))
	for _, n := range names {
		keys[n] = foldKey(n)
	}
	slices.SortFunc(names, func(a, b string) int {
		return cmp.Or(strings.Compare(keys[b], keys[a]), strings.Compare(a, b))
	})
}

// foldKey maps each rune of s to the smallest of the runes (?i) matches
// it with, so that strings (?i) reads alike have the same key, and a
// prefix as (?i) reads it is a prefix of the key.
func foldKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		m := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			m = min(m, f)
		}
		b.WriteRune(m)
	}
	return b.String()
}

// monthDayRuns is how many runs of non-space a month-day date spans
// before its year: the words of the longest month name and the day.
var monthDayRuns int

var (
	rxDayMonth, rxMonthDay           *regexp.Regexp
	rxDayMonthOther, rxMonthDayOther *regexp.Regexp
	rxISO                            = regexp.MustCompile(`(?:^|\D)((?:19|20)\d\d)-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?\s*(Z|[+-]\d\d:?\d\d)?)?`)
	rxYearFirst                      = regexp.MustCompile(`(?:^|[^\d.:/-])((?:19|20)\d\d)([./])\s?(\d{1,2})([./])\s?(\d{1,2})(?:[^\d]|$)`)
	// rxYearMonthName is a year, then the month in words and the day, as
	// Hungarian writes dates ("2022. január 12.", "2021. márc. 3., szerda").
	rxYearMonthName = regexp.MustCompile(`(?i)(?:^|\D)((?:19|20)\d\d)\.\s*(január|február|febr|március|márc|április|ápr|május|máj|június|jún|július|júl|augusztus|aug|szeptember|szept|október|okt|november|nov|december|dec|jan|feb)\.?\s+(\d{1,2})\.`)
	rxNumeric       = regexp.MustCompile(`(?:^|[^\d.:/-])(\d{1,2})([/.-])[ \x{a0}\x{2009}\x{202f}]?(\d{1,2})([/.-])[ \x{a0}\x{2009}\x{202f}]?((?:19|20)\d\d)(?:[^\d]|$)`)
	rxVietnamese    = regexp.MustCompile(`(?i)(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*,\s*|\s+năm\s+|\s+)((?:19|20)\d\d)`)
	rxCJK           = regexp.MustCompile(`((?:19|20)\d\d)\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일](?:\s*(?:\([^)]*\)|（[^）]*）)?\s*(\d{1,2})[:：時时시](\d{2}))?`)
	rxClock         = regexp.MustCompile(`(?i)^\s*(?:,|at|um|à|a las|alle|às|om|kl\.?|--?|–|—|\||/|•|·)?\s*(\d{1,2})[:h.](\d{2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?\s*(?:uhr|h)?\s*(?:\(?([A-Z]{2,5}|[+-]\d\d:?\d\d|(?:GMT|UTC)[+-]\d{1,2}(?::?\d\d)?)\)?)?`)
	rxClockAnywhere = regexp.MustCompile(`\b\d{1,2}[:h]\d{2}(?:\b|[apAP]\.?[mM])`)
	rxURLDate       = regexp.MustCompile(`/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|[-_]|\.html|$)`)
	// rxURLDateSplit is a URL date whose parts are folders of their own,
	// unpadded or with a section's folder after the year
	// ("/2010/POLITICS/08/13/", "/2013/middle_east/8/3/", "/2014/6/26/").
	rxURLDateSplit = regexp.MustCompile(`/((?:19|20)\d\d)/(?:[A-Za-z][A-Za-z_-]{1,30}/)?(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])/`)
)

// Words that say a date is when the story went out, or when it was last changed.
var (
	rxPublishedLabel = regexp.MustCompile(`(?i)(published|posted|submitted|mis en ligne|mise en ligne|publication|released|first published|created|erstellt am|verfasst am|eingestellt am|gespeichert von|écrit le|escrito el|veröffentlich|erschienen|gepostet|publié|publie|publicado|publicada|pubblicato|gepubliceerd|geplaatst|publicerad|publisert|offentliggjort|opublikowano|publikováno|опубликовано|yayınlanma|diterbitkan|dipublikasikan|publiziert|publicat|objavljeno|julkaistu|közzétéve|опубліковано|δημοσιεύθηκε|δημοσίευση|ngày đăng|đăng lúc|تاريخ النشر|نشر في|تاریخ انتشار|פורסם|発行|公開|掲載|发布|發布|发表|日期|投稿|게시|입력)`)
	rxUpdatedLabel   = regexp.MustCompile(`(?i)(updated|update|modified|last edited|revised|aktualisiert|geändert|letzte änderung|zuletzt bearbeitet|mis à jour|mise à jour|modifié|actualizado|actualización|aggiornato|atualizado|bijgewerkt|uppdaterad|oppdatert|opdateret|zaktualizowano|aktualizováno|обновлено|güncelleme|diperbarui|actualizat|оновлено|ενημερώθηκε|päivitetty|ažurirano|frissítve|cập nhật|آخر تحديث|עודכן|更新|수정)`)
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
