package scoop

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TestDatePages reads the publication day of trimmed real-world page
// shapes in testdata/dates, each the shape one date rule reads. The days
// are the ones the pages show their readers; "" is a page that shows none.
func TestDatePages(t *testing.T) {
	for _, tc := range []struct{ file, url, want string }{
		// The dateline shares a small header with the headline and a
		// dek, which together make too long a line to be a dateline.
		{"hgroup-dek-dateline", "https://www.riversideledger.com/jdoe/council-approves-bike-lanes", "2016-03-03"},
		// The labelled date stands between <br>s in the block of the
		// headline.
		{"heading-br-published", "https://www.tonspur.example/music/nachtfalter-lichter", "2022-03-11"},
		// The story opens with its date, the month in words, and a dash.
		{"press-dateline-opening", "https://www.healthwire.example/allergies/news/kids-eat-eggs-early", "2018-06-11"},
		// A wiki shows no publication date: not the founding date in
		// its infobox, nor the first date its history tells of.
		{"wiki-infobox-history", "https://en.wikipedia.example/wiki/Larkspur_Foundation", ""},
		// A Japanese dateline without a year: the weekday picks it among
		// the page's years (its copyright line's).
		{"ja-weekday-no-year", "https://news.portal.example/hl?a=minato-library", "2017-06-14"},
		// Hungarian writes the year first and the month in words.
		{"hu-year-first-dateline", "https://dunapartihirek.example/belfold/megujul-a-varosi-uszoda", "2023-03-14"},
		// A bar above the headline holds the text-size buttons, the
		// section and the date in an element marked as the publication
		// date: too long a line to be a date kicker by its length alone.
		// The timestamp under the byline is filled by a script; the
		// URL holds the day in folders of their own, the section's
		// between the year and the month.
		{"url-section-folder-date", "http://www.networknews.example/2010/POLITICS/08/13/senators.pensions/index.html", "2010-08-13"},
		{"url-section-folder-date", "http://arabic.networknews.example/2013/middle_east/8/3/senators.pensions/index.html", "2013-08-03"},
		// The byline shows only "1 hr 4 mins ago"; the <abbr> around it
		// holds the instant, in UTC (no field gives another offset). The
		// comments' <abbr>s are the readers'.
		{"abbr-title-relative-byline", "https://news.dailywire.example/harbor-tech-founder-stepping-down-224628633.html", "2011-08-25"},
		// The byline bar under the headline is classed for comments; its
		// date is slashed, padded and two-digit, with a clock. The
		// metadata holds the next morning's update.
		{"byline-bar-comments-class", "http://www.dailypost.example/2011/10/06/farm-workers-labor-law_n_997793.html", "2011-10-05"},
		// The shown date is rendered by script ("Yesterday 11:04am"); the
		// element marked as the publish time keeps the instant in a data
		// attribute, inside a post whose class says it was "commented".
		{"script-rendered-publish-time", "https://gadgetry.example/the-gear-and-apps-you-need-to-survive-the-next-semester-1141460933", "2013-08-17"},
		// The Arab press pairs the month's Levantine and Egyptian names.
		{"ar-paired-month-dateline", "https://arabic.network.example/news/syria-clashes", "2013-08-04"},
		// "Sunday 4 August 2013, last updated 02:21": only a clock
		// follows the update label, so the date is the update's day; the
		// URL gives the first publication's.
		{"ar-date-last-updated-clock", "http://arabic.network.example/2013/middle_east/8/3/syria.clashes/index.html", "2013-08-03"},
		{"toolbar-date-above-headline", "https://www.weeklybusiness.example/management/five-lessons-answering-customers-online.html", "2011-09-20"},
		// The byline block runs long with an author card's menu; its
		// <time> still shows the US evening day that the metadata's UTC
		// instant has passed.
		{"byline-card-time", "https://www.ledger.example/articles/big-donors-stay-on-sidelines-1447375429", "2015-11-12"},
		// A press release dated in its opening after an upper-case
		// place; the microdata at the page's end holds the time the
		// page was generated, months later, and another metadata field
		// the release's day.
		{"press-release-template-date", "https://www.wiredesk.example/news-releases/harbor-capital-makes-lead-investment-in-signal-metrics-300074212.html", "2015-04-29"},
		// A Portuguese comment thread ("comentários") under a short
		// story: its dates are the readers', not the dateline.
		{"pt-comments-after-story", "https://esporteregional.example/sp/noticia/2014/12/zagueiro-treina-nas-ferias.html", "2014-12-26"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			page, err := os.ReadFile(filepath.Join("testdata", "dates", tc.file+".html"))
			if err != nil {
				t.Fatal(err)
			}
			a, err := Extract(strings.NewReader(string(page)), tc.url)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if a.Published != nil {
				got = a.Published.Format(time.DateOnly)
			}
			if got != tc.want {
				t.Errorf("published %q (%s), want %q", got, a.DateSource, tc.want)
			}
		})
	}
}

func TestPressDateline(t *testing.T) {
	always := func(time.Time) bool { return true }
	for s, want := range map[string]string{
		"Feb. 23, 2015 -- Life-threatening peanut allergies have been on the rise": "2015-02-23",
		"WASHINGTON, March 3, 2021 — The Senate voted on Wednesday to":             "2021-03-03",
		"LOS ANGELES, 4 May 2020 – The city will reopen its beaches":               "2020-05-04",
		"March 3, 2021 was the day the Senate voted on the bill, and":              "",
		"In a speech on May 4, 2020 - the day the beaches reopened - she said":     "",
		"The 2020 season – cut short in March – ended without a champion":          "",
	} {
		got := ""
		if d, ok := leadingDate(s, monthFirst, always); ok {
			got = d.Format(time.DateOnly)
		}
		if got != want {
			t.Errorf("leadingDate(%q) = %q, want %q", s, got, want)
		}
	}
}

// A date in a long paragraph is the story's, unless it opens the
// paragraph as a dateline.
func TestInParagraph(t *testing.T) {
	rest := " the ministry said in a statement on its website, adding that the program would run for three years and cover every region of the country, with a first review after twelve months."
	for text, want := range map[string]bool{
		"Pressemitteilung vom 25. Januar 2022 | Berlin – Deutschland":    false,
		"29.11.2022 – Mehrfach und vehement hatte die Branche":           false,
		"On January 23, 1998, Netscape made two announcements":           true,
		"Berlin, 4. Mai 2020. Die Bundesregierung hat beschlossen, dass": false,
	} {
		doc, err := html.Parse(strings.NewReader("<p>" + text + rest + "</p>"))
		if err != nil {
			t.Fatal(err)
		}
		var p *html.Node
		var find func(*html.Node)
		find = func(n *html.Node) {
			for ; n != nil && p == nil; n = n.NextSibling {
				if n.DataAtom == atom.P {
					p = n
				}
				find(n.FirstChild)
			}
		}
		find(doc)
		if got := inParagraph(p.FirstChild, text); got != want {
			t.Errorf("inParagraph(%q) = %v, want %v", text, got, want)
		}
	}
}

// A date set in its own element after a press dateline's upper-case
// place opens the paragraph; after words of a sentence it is the story's.
func TestInParagraphAfterPlace(t *testing.T) {
	rest := " -- The fund announced today that it has made a lead investment in a local start-up, which will use the capital to hire engineers and open a second office before the end of the year."
	for prefix, want := range map[string]bool{
		"TAMPA, Fla., ":                 false,
		"GENEVA, ":                      false,
		"The fund said in a filing on ": true,
	} {
		doc, err := html.Parse(strings.NewReader("<p>" + prefix + "<span>April 29, 2015</span>" + rest + "</p>"))
		if err != nil {
			t.Fatal(err)
		}
		var span *html.Node
		var find func(*html.Node)
		find = func(n *html.Node) {
			for ; n != nil && span == nil; n = n.NextSibling {
				if n.DataAtom == atom.Span {
					span = n
				}
				find(n.FirstChild)
			}
		}
		find(doc)
		if got := inParagraph(span, "April 29, 2015"); got != want {
			t.Errorf("inParagraph after %q = %v, want %v", prefix, got, want)
		}
	}
}
