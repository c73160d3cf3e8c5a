package scoop

import (
	"strings"
	"testing"
	"time"
)

// TestPublishersDay runs whole pages through Extract: each shows its
// readers a date under or above the headline that metadata gives
// differently or not at all.
func TestPublishersDay(t *testing.T) {
	nav := `<nav><ul><li><a href="/a">Förderprogramm (bis 31.12.2018)</a></li><li><a href="/b">Heizen (bis 30.06.2021)</a></li></ul></nav>`
	prose := strings.Repeat(`<p>Die Gemeinde hat am Dienstagabend beschlossen, das alte Hallenbad bis zum Sommer zu sanieren und die Kosten mit dem Kanton zu teilen. Der Entscheid fiel einstimmig.</p>`, 4)
	tests := []struct {
		name string
		page string
		want string // RFC 3339, the publisher's wall clock and offset
	}{{
		name: "UTC instant in metadata, local clock under the headline",
		page: `<html lang="es"><meta property="article:published_time" content="2022-05-03T23:30:00Z">` +
			`<article><h1>Senado aprueba la reforma de pensiones</h1><p class="byline">Por Ana Ruiz | 03/05/2022 20:30</p>` + prose + `</article>`,
		want: "2022-05-03T20:30:00-03:00",
	}, {
		name: "UTC instant in metadata, date-only dateline the next day",
		page: `<html lang="de"><meta property="article:published_time" content="2020-04-28T22:15:00Z">` +
			`<article><h1>Rheinmetall baut Schutzmasken in Düsseldorf</h1><div class="meta">29. April 2020</div>` + prose + `</article>`,
		want: "2020-04-29T00:15:00+02:00",
	}, {
		name: "page shows another date than its template's metadata",
		page: `<meta name="date" content="2021-12-20T11:02:44+01:00">` + nav +
			`<article><h1>Riesling feiert Geburtstag</h1><span class="date">27.01.2022</span>` + prose + `</article>`,
		want: "2022-01-27T00:00:00Z",
	}, {
		name: "date kicker above the headline, menu dates before it ignored",
		page: nav + `<main><span class="blue">01.02.2022</span><h1>Synchronschwimmer fahren zur EM</h1>` + prose + `</main>`,
		want: "2022-02-01T00:00:00Z",
	}, {
		name: "two-digit year standing alone under the headline",
		page: `<main><h1>Wachstum im Weinhandel hält an</h1><span class="post-created"> 28.01.22</span>` + prose + `</main>`,
		want: "2022-01-28T00:00:00Z",
	}, {
		name: "a date in a link under the headline is another story's",
		page: `<meta property="article:published_time" content="2022-03-09T10:00:00+01:00">` +
			`<main><h1>Wärmepumpen im Altbau</h1><a href="/other-story-2022"><span>vom 11. Oktober 2022</span></a>` + prose + `</main>`,
		want: "2022-03-09T10:00:00+01:00",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := Extractor{Now: func() time.Time { return time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC) }}
			a, err := e.Extract(strings.NewReader(tt.page), "https://news.example.org/story")
			if err != nil {
				t.Fatal(err)
			}
			if a.Published == nil {
				t.Fatalf("no date, want %s", tt.want)
			}
			if got := a.Published.Format(time.RFC3339); got != tt.want {
				t.Errorf("published %s, want %s", got, tt.want)
			}
		})
	}
}

func TestDottedDatesAreDayFirst(t *testing.T) {
	// On a US-English page slashes read month first, dots never do.
	got, ok := parseTextDate("Posted 06.11.2023 | 14:10", monthFirst)
	if want := time.Date(2023, 11, 6, 14, 10, 0, 0, time.UTC); !ok || !got.Equal(want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
