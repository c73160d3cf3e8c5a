package scoop

import (
	"testing"
	"time"
)

func TestParseTextDate(t *testing.T) {
	mst := time.FixedZone("MST", -7*3600)
	cet := time.FixedZone("", 3600)
	tests := []struct {
		name  string
		in    string
		order dateOrder
		want  time.Time
	}{
		{"seed month first", "Published on: 02/12/2025", monthFirst, time.Date(2025, 2, 12, 0, 0, 0, 0, time.UTC)},
		{"seed day first", "Published on: 02/12/2025", dayFirst, time.Date(2025, 12, 2, 0, 0, 0, 0, time.UTC)},
		{"unambiguous day first", "14/03/2025 10:05", monthFirst, time.Date(2025, 3, 14, 10, 5, 0, 0, time.UTC)},
		{"english with zone", "Updated Feb 3, 2025 10:14 AM MST", monthFirst, time.Date(2025, 2, 3, 10, 14, 0, 0, mst)},
		{"arabic paired month names", "الأحد، 04 آب/أغسطس 2013", dayFirst, time.Date(2013, 8, 4, 0, 0, 0, 0, time.UTC)},
		{"arabic paired month names in brackets", "12 تشرين الأول (أكتوبر) 2013", dayFirst, time.Date(2013, 10, 12, 0, 0, 0, 0, time.UTC)},
		{"english pm", "February 3rd, 2025 at 4:05 p.m.", monthFirst, time.Date(2025, 2, 3, 16, 5, 0, 0, time.UTC)},
		{"day month english", "Published 4 February 2025", monthFirst, time.Date(2025, 2, 4, 0, 0, 0, 0, time.UTC)},
		{"german", "Veröffentlicht am 3. März 2025, 14:30 Uhr", dayFirst, time.Date(2025, 3, 3, 14, 30, 0, 0, time.UTC)},
		{"french", "Publié le 12 février 2025 à 09h15", dayFirst, time.Date(2025, 2, 12, 9, 15, 0, 0, time.UTC)},
		{"spanish", "13 de febrero de 2025", dayFirst, time.Date(2025, 2, 13, 0, 0, 0, 0, time.UTC)},
		{"italian", "Pubblicato il 7 gennaio 2025", dayFirst, time.Date(2025, 1, 7, 0, 0, 0, 0, time.UTC)},
		{"portuguese", "18 de fevereiro de 2025", dayFirst, time.Date(2025, 2, 18, 0, 0, 0, 0, time.UTC)},
		{"dutch", "Gepubliceerd op 25 februari 2025", dayFirst, time.Date(2025, 2, 25, 0, 0, 0, 0, time.UTC)},
		{"dotted german", "27.01.2025", dayFirst, time.Date(2025, 1, 27, 0, 0, 0, 0, time.UTC)},
		{"spaced dotted czech", "Publikováno 4. 2. 2025", dayFirst, time.Date(2025, 2, 4, 0, 0, 0, 0, time.UTC)},
		{"korean year first", "입력 2025. 05. 10. 14:30", dayFirst, time.Date(2025, 5, 10, 14, 30, 0, 0, time.UTC)},
		{"slashed year first", "2025/05/10 14:30", monthFirst, time.Date(2025, 5, 10, 14, 30, 0, 0, time.UTC)},
		{"spanish del", "10 de mayo del 2025", dayFirst, time.Date(2025, 5, 10, 0, 0, 0, 0, time.UTC)},
		{"dashed month name", "Updated: 10-May-2025", dayFirst, time.Date(2025, 5, 10, 0, 0, 0, 0, time.UTC)},
		{"finnish", "Julkaistu 19. helmikuuta 2025", dayFirst, time.Date(2025, 2, 19, 0, 0, 0, 0, time.UTC)},
		{"japanese", "2025年2月12日（水）", dayFirst, time.Date(2025, 2, 12, 0, 0, 0, 0, time.UTC)},
		{"chinese with time", "2025年03月01日 08:30", dayFirst, time.Date(2025, 3, 1, 8, 30, 0, 0, time.UTC)},
		{"korean", "입력 2025년 2월 12일 09:30", dayFirst, time.Date(2025, 2, 12, 9, 30, 0, 0, time.UTC)},
		{"polish", "Opublikowano: 12 lutego 2025", dayFirst, time.Date(2025, 2, 12, 0, 0, 0, 0, time.UTC)},
		{"russian", "Опубликовано 12 февраля 2025", dayFirst, time.Date(2025, 2, 12, 0, 0, 0, 0, time.UTC)},
		{"swedish", "Publicerad 3 mars 2025", dayFirst, time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC)},
		{"iso with offset", "2025-03-03T14:30:00+01:00", dayFirst, time.Date(2025, 3, 3, 14, 30, 0, 0, cet)},
		{"earliest of two", "Published 3 Feb 2025, updated 4 Feb 2025", monthFirst, time.Date(2025, 2, 3, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := parseTextDate(tt.in, tt.order)
			if !ok {
				t.Fatalf("parseTextDate(%q) found no date", tt.in)
			}
			_, gotOff := got.Zone()
			_, wantOff := tt.want.Zone()
			if !got.Equal(tt.want) || gotOff != wantOff {
				t.Errorf("parseTextDate(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseTextDateRejects(t *testing.T) {
	for _, in := range []string{"", "no date here", "31/02/2025", "© 2025 Example Media", "Call 555-12-2025", "page 3 of 12", "13/13/2025"} {
		if got, ok := parseTextDate(in, monthFirst); ok {
			t.Errorf("parseTextDate(%q) = %v, want none", in, got)
		}
	}
}

func TestParseMachineDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2025-02-12T10:14:00-07:00", "2025-02-12T10:14:00-07:00"},
		{"2025-02-12T17:14:00Z", "2025-02-12T17:14:00Z"},
		{"2025-02-12T10:14:00.000+0100", "2025-02-12T10:14:00+01:00"},
		{"2025-02-12 10:14:00", "2025-02-12T10:14:00Z"},
		{"2025-02-12", "2025-02-12T00:00:00Z"},
		{"Wed, 12 Feb 2025 10:14:00 GMT", "2025-02-12T10:14:00Z"},
		{"Thu, 06 Oct 2011 08:10:27 EST", "2011-10-06T08:10:27-05:00"}, // not a zone of offset zero
		{"1739355240", "2025-02-12T10:14:00Z"},
		{"20250212", "2025-02-12T00:00:00Z"},
		{"10.12.2022 07:00:03", "2022-12-10T07:00:03Z"}, // dotted: day first
		{"02/12/2025", "2025-02-12T00:00:00Z"},          // slashed metadata: the US form
	}
	for _, tt := range tests {
		got, ok := parseMachineDate(tt.in)
		if !ok || got.Format(time.RFC3339) != tt.want {
			t.Errorf("parseMachineDate(%q) = %v, %v; want %s", tt.in, got.Format(time.RFC3339), ok, tt.want)
		}
	}
}

// TestNumericOrder checks each kind of evidence that settles how a page
// writes 02/12/2025.
func TestNumericOrder(t *testing.T) {
	tests := []struct {
		name, url, html string
		want            dateOrder
	}{
		{"other date has day over 12", "https://example.com/a", `<html lang="en"><p class="date">02/12/2025</p><p>Comment 14/03/2025</p>`, dayFirst},
		{"other date has month first", "https://example.org/a", `<html lang="fr"><p class="date">02/12/2025</p><ul><li>12/31/2025</li></ul>`, slashMonthFirst},
		{"weekday named", "https://example.co.uk/a", `<html lang="en-GB"><p class="date">02/12/2025</p><p>Speaking Wednesday, the minister said.</p>`, slashMonthFirst},
		{"us english", "https://example.com/a", `<html lang="en-US"><p class="date">03/04/2025</p>`, monthFirst},
		{"english on a uk domain", "https://example.co.uk/a", `<html lang="en"><p class="date">03/04/2025</p>`, dayFirst},
		{"german", "https://example.com/a", `<html lang="de"><p class="date">03/04/2025</p>`, dayFirst},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := testPage(t, tt.url, tt.html)
			if got := p.numericOrder(); got != tt.want {
				t.Errorf("numericOrder = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestDatePriority checks that the published date comes from the most
// reliable place the page offers, and that impossible dates are refused.
func TestDatePriority(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, url, html string
		want            string
		source          DateSource
	}{
		{"json-ld graph beats meta", "https://example.com/a",
			`<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2025-02-12T10:14:00-07:00"}]}</script><meta property="article:published_time" content="2025-02-11T00:00:00Z">`,
			"2025-02-12T10:14:00-07:00", DateFromJSONLD},
		{"meta beats time", "https://example.com/a",
			`<meta name="parsely-pub-date" content="2025-02-11T08:00:00Z"><article><time datetime="2025-02-10">x</time></article>`,
			"2025-02-11T08:00:00Z", DateFromMeta},
		{"marked time beats first time", "https://example.com/a",
			`<article><time datetime="2025-02-13" class="updated">x</time><time datetime="2025-02-10T09:00:00+01:00" itemprop="datePublished">y</time></article>`,
			"2025-02-10T09:00:00+01:00", DateFromTime},
		{"text label", "https://example.com/a", `<html lang="en-US"><p>Posted February 9, 2025</p>`, "2025-02-09T00:00:00Z", DateFromText},
		{"url", "https://example.com/2024/11/08/story-slug/", `<p>text</p>`, "2024-11-08T00:00:00Z", DateFromURL},
		{"future refused", "https://example.com/a", `<meta property="article:published_time" content="2031-01-01T00:00:00Z"><p>Published 3 March 2025</p>`, "2025-03-03T00:00:00Z", DateFromText},
		{"before 1995 refused", "https://example.com/a", `<meta property="article:published_time" content="1970-01-01T00:00:00Z">`, "", ""},
		{"updated only", "https://example.com/a", `<html lang="en-US"><p>Updated Feb 3, 2025 10:14 AM MST</p>`, "2025-02-03T10:14:00-07:00", DateFromText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pub, _ := testPage(t, tt.url, tt.html).dates(now)
			got := ""
			if pub.source != "" {
				got = pub.t.Format(time.RFC3339)
			}
			if got != tt.want || pub.source != tt.source {
				t.Errorf("published = %q from %q, want %q from %q", got, pub.source, tt.want, tt.source)
			}
		})
	}
}

func TestParseTextDateScripts(t *testing.T) {
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name, in string
		want     time.Time
	}{
		{"ukrainian", "Опубліковано 12 лютого 2025", day(2025, 2, 12)},
		{"romanian", "Publicat: 3 martie 2025", day(2025, 3, 3)},
		{"greek", "Δημοσίευση: 14 Φεβρουαρίου 2025", day(2025, 2, 14)},
		{"greek without accents", "14 ΦΕΒΡΟΥΑΡΙΟΥ 2025", day(2025, 2, 14)},
		{"hebrew with prefix", "פורסם ב-12 בפברואר 2025", day(2025, 2, 12)},
		{"arabic levantine", "12 كانون الثاني 2025", day(2025, 1, 12)},
		{"arabic egyptian", "الأربعاء 12 فبراير 2025", day(2025, 2, 12)},
		{"arabic maghreb", "12 فيفري 2025", day(2025, 2, 12)},
		{"arabic moroccan", "5 غشت 2025", day(2025, 8, 5)},
		{"arabic-indic digits", "١٢ فبراير ٢٠٢٥", day(2025, 2, 12)},
		{"persian", "۱۲ فوریه ۲۰۲۵", day(2025, 2, 12)},
		{"vietnamese", "Thứ Tư, ngày 12 tháng 3 năm 2025", day(2025, 3, 12)},
		{"chinese full-width digits", "２０２５年２月１２日", day(2025, 2, 12)},
		{"austrian german", "Veröffentlicht am 4. Jänner 2025, 06:00", day(2025, 1, 4).Add(6 * time.Hour)},
		{"croatian", "Objavljeno: 12. veljače 2025.", day(2025, 2, 12)},
		{"slovenian", "12. februarja 2025 ob 10.30", day(2025, 2, 12)},
		{"serbian latin", "Objavljeno 3. septembar 2025.", day(2025, 9, 3)},
		{"catalan", "Publicat el 12 de febrer de 2025", day(2025, 2, 12)},
		{"hungarian", "2025. február 12., szerda", day(2025, 2, 12)},
		{"hungarian abbreviated", "Frissítve: 2025. márc. 3.", day(2025, 3, 3)},
		{"hindi", "प्रकाशित: 12 फरवरी 2025", day(2025, 2, 12)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := parseTextDate(tt.in, dayFirst)
			if !ok || !got.Equal(tt.want) {
				t.Errorf("parseTextDate(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
			}
		})
	}
}
