package scoop

// Relative datelines ("3 hours ago"), read against the time the page was
// fetched.

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// relativeUnits are the units of a relative dateline ("3 hours ago", "vor
// 2 Tagen", "il y a 5 minutes", "hace 1 hora", "2 ore fa", "há 3 dias",
// "4 uur geleden", "3 часа назад", "2 години тому", "5 minut temu", "3
// saat önce", "2 giờ trước", "3小时前", "منذ 3 ساعات", "2 jam lalu", "för 3
// timmar sedan", "πριν 2 ώρες", "לפני 3 שעות", "acum 2 ore", "3時間前",
// "2일 전"), by how long each is.
var relativeUnits = map[time.Duration]string{
	time.Minute:    "minute minutes min mins minuten minuti minutos minuto minuut minuten минуту минуты минут хвилину хвилини хвилин minutę minuty minut dakika phút 分 分钟 分鐘 دقيقة دقائق menit minuter minutter λεπτά λεπτό דקות דקה 분",
	time.Hour:      "hour hours hr hrs stunde stunden std std. heure heures hora horas ora ore uur час часа часов годину години годин godzinę godziny godzin saat giờ 小时 小時 時間 ساعة ساعات jam timme timmar time timer ώρα ώρες שעה שעות 시간",
	24 * time.Hour: "day days tag tagen jour jours día días dia dias giorno giorni dag dagen день дня дней дні днів dzień dni gün ngày 天 日 يوم أيام hari dagar dage dager μέρα μέρες ημέρες יום ימים zi zile 일",
}

// rxRelative is a relative dateline: a number and a unit of
// relativeUnits, with the word for "ago" before or after them.
var rxRelative, relativeUnit = func() (*regexp.Regexp, map[string]time.Duration) {
	unit := map[string]time.Duration{}
	var words []string
	for d, ws := range relativeUnits {
		for _, w := range strings.Fields(ws) {
			unit[w] = d
			words = append(words, regexp.QuoteMeta(w))
		}
	}
	// Longest first, so that "minutes" is not read as "min"; no word
	// boundary after the unit, which Chinese and Korean do not write.
	slices.SortFunc(words, func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) })
	return regexp.MustCompile(`(?i)(?:^|\D)(\d{1,3})\s*(` + strings.Join(words, "|") + `)`), unit
}()

// agoWords say that a number of units is counted back from now.
var agoWords = []string{"ago", "vor ", "il y a", "hace ", " fa", "há ", "geleden", "назад", "тому", "temu", "önce", "trước",
	"前", "전", "منذ", "lalu", "sedan", "siden", "před", "πριν", "לפני", "acum "}

// relativeHint is the cheap test for a line that may hold a relative date.
func relativeHint(s string) bool {
	return strings.IndexFunc(s, unicode.IsDigit) >= 0 && containsAny(strings.ToLower(s), agoWords...)
}

// relativeDate reads a relative dateline against the fetch time.
func relativeDate(s string, fetched time.Time) (time.Time, bool) {
	if !relativeHint(s) {
		return time.Time{}, false
	}
	m := rxRelative.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false
	}
	n, _ := strconv.Atoi(m[1])
	return fetched.Add(-time.Duration(n) * relativeUnit[strings.ToLower(m[2])]), true
}
