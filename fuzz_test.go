package scoop

import (
	"bytes"
	"cmp"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// addPages seeds a fuzz target with the fixture pages.
func addPages(f *testing.F, add func([]byte)) {
	files, _ := filepath.Glob("testdata/pages/*.html")
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		add(b)
	}
}

func FuzzExtract(f *testing.F) {
	addPages(f, func(b []byte) { f.Add(b) })
	f.Add([]byte("<p>RELATED STORY | <a href=x>y</a></p>"))
	e := Extractor{Now: fixedNow}
	f.Fuzz(func(t *testing.T, doc []byte) {
		a, err := e.Extract(bytes.NewReader(doc), "https://news.example.com/2025/02/12/story")
		if err != nil {
			for _, known := range []error{ErrEmpty, ErrNotHTML, ErrNoArticle, ErrTooLarge} {
				if errors.Is(err, known) {
					return
				}
			}
			t.Fatalf("unexpected error %v", err)
		}
		if !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) {
			t.Fatalf("invalid UTF-8 in output")
		}
		for _, r := range a.Related {
			if u, err := url.Parse(r.URL); err != nil || !u.IsAbs() {
				t.Fatalf("related URL %q is not absolute", r.URL)
			}
		}
	})
}

func FuzzParseTextDate(f *testing.F) {
	for _, s := range []string{"Published on: 02/12/2025", "Updated Feb 3, 2025 10:14 AM MST", "3. März 2025, 14:30 Uhr",
		"2025年2月12日", "12 février 2025 à 09h15", "2025-02-12T10:14:00-07:00", "14/03/2025 10:05",
		"١٢ فيفري ٢٠٢٥", "14 Φεβρουαρίου 2025", "ngày 12 tháng 3 năm 2025", "２０２５年２月１２日", "28.01.22", "vor 3 Stunden",
		"2025. 05. 10. 14:30", "4.\u2009 2.\u2009 2025", "10-May-2025", "10 de mayo del 2025", "19. helmikuuta 2025"} {
		f.Add(s, false)
	}
	fetched := time.Date(2025, 3, 4, 15, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string, dmy bool) {
		order := monthFirst
		if dmy {
			order = dayFirst
		}
		d, ok := parseTextDate(s, order)
		if ok && (d.Year() < 1900 || d.Year() > 2099) {
			t.Fatalf("parseTextDate(%q) = %v", s, d)
		}
		parseMachineDate(s)
		parseShortDate(s, order)
		if d, ok := relativeDate(s, fetched); ok && d.After(fetched) {
			t.Fatalf("relativeDate(%q) = %v, after the fetch", s, d)
		}
	})
}

// FuzzDatePrefilters checks the cheap tests parseTextDate runs before
// its patterns: hasYear against its plain definition, and that no test
// skips a pattern that would match.
func FuzzDatePrefilters(f *testing.F) {
	for _, s := range []string{"Updated Feb 3, 2025 10:14 AM MST", "March 3rd 2024", "MARCH 2ſt 2024", "3. März 2025",
		"2025-02-12T10:14:00-07:00", "14/03/2025", "Φεβρουαρίου 14, 2025", "© 2024 Example", "May 12,\t\n2024", "1999", "x2020", "12019", "20",
		"Le 5 de mayo de 2024", "Posted (March 12, 2024)", "a b c d 12 كانون الأول 2024", "كانون الأول 12,  2024", "x(3rd Jan. 2024", "March 5, 2024th", "May 3 2024 and June 4 2025 tail", "2 mai 2024é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		year := false
		for i := 0; i+3 < len(s); i++ {
			year = year || yearAt(s, i)
		}
		if hasYear(s) != year {
			t.Fatalf("hasYear(%q) = %v", s, !year)
		}
		if (rxMonthDay.MatchString(s) || rxMonthDayOther.MatchString(s)) && !dayBeforeYear(s) {
			t.Fatalf("%q: month-day date skipped", s)
		}
		for _, rx := range []*regexp.Regexp{rxISO, rxNumeric, rxDayMonth, rxDayMonthOther, rxMonthDay, rxMonthDayOther} {
			if rx.MatchString(s) && !hasYear(s) {
				t.Fatalf("%q: %v skipped", s, rx)
			}
		}
		start, end := namedDateSpan(s, monthDayRuns)
		for _, rx := range []*regexp.Regexp{rxMonthDay, rxMonthDayOther} {
			if got, want := matchIn(start, end, rx, s), rx.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
				t.Fatalf("%q in [%d:%d]: %v, want %v", s, start, end, got, want)
			}
		}
	})
}

// FuzzAppendCollapsed checks appendCollapsed, which copies ASCII runs
// at once, against collapsing rune by rune by the same rules.
func FuzzAppendCollapsed(f *testing.F) {
	for _, s := range []string{"", " a  b\n\tc ", "x\u00a0\u00a0y", "日本\u3000語 ", "a \xff b", "  ", "soft\u00adhyphen a\u200b b"} {
		f.Add("x ", s)
	}
	f.Fuzz(func(t *testing.T, prefix, s string) {
		want := []byte(prefix)
		space := len(want) > 0 && want[len(want)-1] != ' ' && want[len(want)-1] != '\n'
		pending := false
		for _, r := range s {
			if r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' || r == '\u00a0' {
				pending = true
				continue
			}
			if r == '\u00ad' || r == '\u200b' || r == '\ufeff' {
				continue
			}
			if pending && space {
				want = append(want, ' ')
			}
			pending, space = false, true
			want = utf8.AppendRune(want, r)
		}
		if pending && space {
			want = append(want, ' ')
		}
		if got := appendCollapsed([]byte(prefix), s); !bytes.Equal(got, want) {
			t.Fatalf("appendCollapsed(%q, %q) = %q, want %q", prefix, s, got, want)
		}
	})
}

// FuzzMonthNameOrder checks that the month-name patterns, their names
// in sortMonthNames's order, match as with the longest names first.
func FuzzMonthNameOrder(f *testing.F) {
	for _, s := range []string{"5 Sept 2024", "Sep. 5, 2024", "5 SEPT. 2024", "3 de março de 2024", "12 ΜΑΡΤΙΟΥ 2024",
		"Μαρτίου 12, 2024", "5 janv. 2024", "10-May-2025", "1 мая 2024", "ſept 5, 2024", "4 Kasım 2024"} {
		f.Add(s)
	}
	var latin, other []string
	for w := range monthNames {
		if otherScript(w) {
			other = append(other, regexp.QuoteMeta(w))
		} else {
			latin = append(latin, regexp.QuoteMeta(w))
		}
	}
	longestFirst := func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) }
	slices.SortFunc(latin, longestFirst)
	slices.SortFunc(other, longestFirst)
	dm, md := monthPatterns(latin)
	dmOther, mdOther := monthPatterns(other)
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range [][2]*regexp.Regexp{{rxDayMonth, dm}, {rxMonthDay, md}, {rxDayMonthOther, dmOther}, {rxMonthDayOther, mdOther}} {
			if got, want := c[0].FindStringSubmatchIndex(s), c[1].FindStringSubmatchIndex(s); !slices.Equal(got, want) {
				t.Fatalf("%q: %v, want %v", s, got, want)
			}
		}
	})
}

// TestMonthDayShape pins the parts of the month-day patterns that
// namedDateSpan relies on: the year after white space, the day and the
// name before it, each a run of non-space. Change both together.
func TestMonthDayShape(t *testing.T) {
	const tail = `\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b`
	for _, rx := range []*regexp.Regexp{rxMonthDay, rxMonthDayOther} {
		if s := rx.String(); !strings.HasPrefix(s, `(?i)(?:^|[^\pL\d])(`) || !strings.HasSuffix(s, ")"+tail) {
			t.Errorf("rxMonthDay changed shape: %.40s…%s", s, s[max(0, len(s)-60):])
		}
	}
}

// FuzzPromoPrefilter checks that mayPromo skips no line that rxPromo
// matches and the rule's own word test lets through.
func FuzzPromoPrefilter(f *testing.F) {
	for _, s := range []string{"Download the NBC News app", "Get our free app today", "Available on the App ſtore",
		"Give shoutout", "ſhoutout to the app", "It could happen again", "For the best experience, open in app"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lower := strings.ToLower(s)
		if rxPromo.MatchString(s) && containsAny(lower, "app", "experience", "play", "shoutout") && !mayPromo(lower) {
			t.Fatalf("%q: promo skipped", s)
		}
	})
}

func FuzzStoryKey(f *testing.F) {
	for _, s := range []string{"https://www.Example.com/a/b/?utm_source=x&id=3#frag", "//cdn.example.org/x", "/relative", "http://[::1]:80/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := storyKey(s)
		if storyKey(k) != k {
			t.Fatalf("storyKey not idempotent: %q -> %q -> %q", s, k, storyKey(k))
		}
	})
}

func FuzzRelated(f *testing.F) {
	addPages(f, func(b []byte) { f.Add(string(b)) })
	f.Fuzz(func(t *testing.T, doc string) {
		root, err := html.Parse(strings.NewReader(doc))
		if err != nil {
			return
		}
		u, _ := url.Parse("https://news.example.com/a/story")
		p := scanPage(root, u)
		seen := map[string]bool{}
		for _, r := range p.relatedStories().list {
			k := storyKey(r.URL)
			if seen[k] {
				t.Fatalf("%s listed twice", r.URL)
			}
			seen[k] = true
		}
		p.dates(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	})
}

// FuzzStripSiteName checks that any title, separators in any order and
// overlap included, gives a part of itself without a panic.
func FuzzStripSiteName(f *testing.F) {
	for _, s := range []string{"Title | - Site", "Site | Title", "A : B | C | D", " | - | ", "x –  — y"} {
		f.Add(s)
	}
	doc, _ := html.Parse(strings.NewReader(`<html><head><meta property="og:site_name" content="Site"></head></html>`))
	u, _ := url.Parse("https://site.example.com/a")
	p := scanPage(doc, u)
	f.Fuzz(func(t *testing.T, s string) {
		if got := p.stripSiteName(s); !strings.Contains(s, strings.TrimSpace(got)) {
			t.Errorf("stripSiteName(%q) = %q, not a part of it", s, got)
		}
	})
}

// similarTitle slices the title around the headline it finds in it: no
// text may make it panic, and a long headline is its own title.
func FuzzSimilarTitle(f *testing.F) {
	for _, s := range [][2]string{{"Unser wahres Ich", "Rutger Bregman: Unser wahres Ich - brand eins"}, {"Editor’s Letter: bye", "Editor's Letter: bye | Site"}, {"ab: ab: ab: ab: ab", ": ab: ab: ab: ab: ab: "}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, h, title string) {
		similarTitle(h, title)
		if len(h) >= 40 && !similarTitle(h, h) {
			t.Errorf("similarTitle(%q, itself) = false", h)
		}
	})
}
