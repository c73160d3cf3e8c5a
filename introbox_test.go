package scoop

import (
	"strings"
	"testing"
)

// A standfirst that the template sets in a box of its own under the
// headline, which readability drops with the furniture, comes back above
// the body when its class or itemprop names an intro, lead or summary, or
// when it opens as the description does. A box of links under the
// headline is no standfirst.
func TestIntroBoxRestored(t *testing.T) {
	body := strings.Repeat(`<p>Die Gemeinde hat das Vorhaben im Frühjahr beschlossen; die Arbeiten sollen im Herbst beginnen und bis zum Ende des kommenden Jahres dauern, wie die Verwaltung mitteilte.</p>`, 5)
	cases := []struct {
		name, desc, top, below, want string
		keep                         bool
	}{{
		name: "abstract box in the article's section, after the date line",
		below: `<div class="date">13.01.2022</div>` +
			`<article class="node"><section class="corpus"><div class="field field--name-field-abstract">Mit dem neuen Projekt wird an dem Fluss ein Biotopverbund von nationaler Bedeutung entwickelt. Dafür stehen bis 2031 rund 17 Millionen Euro bereit.</div></section></article>`,
		want: "Mit dem neuen Projekt wird an dem Fluss", keep: true,
	}, {
		name: "a list of key points in the header",
		desc: "Warum die neue Technik das Netz entlastet und was sie kostet: drei Punkte aus der Debatte im Ausschuss.",
		top:  `<ul class="head-points"><li>Warum die neue Technik das Netz entlastet und was sie kostet: drei Punkte aus der Debatte im Ausschuss.</li></ul>`,
		want: "Warum die neue Technik das Netz", keep: true,
	}, {
		name: "a teaser of other stories",
		top:  `<div class="teaser"><a href="/a">Neue Brücke über den Fluss wird im Mai eröffnet und für den Verkehr freigegeben</a> <a href="/b">Stadtrat berät über den Haushalt</a></div>`,
		want: "Neue Brücke über den Fluss", keep: false,
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			meta := ""
			if c.desc != "" {
				meta = `<meta name="description" content="` + c.desc + `">`
			}
			page := `<html lang="de"><head><title>Neues Vorhaben an der Aue</title>` + meta + `</head><body>` +
				`<main><div class="head"><h1>Neues Vorhaben an der Aue</h1>` + c.top + `</div>` + c.below +
				`<div class="article-body">` + body + `</div></main></body></html>`
			a, err := Extract(strings.NewReader(page), "https://www.example.de/presse/neues-vorhaben")
			if err != nil {
				t.Fatal(err)
			}
			at, first := strings.Index(a.Text, c.want), strings.Index(a.Text, "Die Gemeinde hat")
			switch {
			case c.keep && (at < 0 || at > first):
				t.Errorf("standfirst missing or below the body (%d, %d):\n%.300s", at, first, a.Text)
			case c.keep && strings.Count(a.Text, c.want) != 1:
				t.Errorf("standfirst appears %d times", strings.Count(a.Text, c.want))
			case !c.keep && at >= 0:
				t.Errorf("teaser links kept:\n%.300s", a.Text)
			}
		})
	}
}

// A description that runs on into the body's first paragraph confirms
// that paragraph as the lead, which readability kept; the standfirst in
// the page's header above it comes back all the same.
func TestIntroBoxBesideLead(t *testing.T) {
	standfirst := "Ungewöhnlicher Besuch: An der Herbstsynode trafen die Delegierten heute auf den Aussenminister und einen Gast aus Rom."
	first := "Seit hundert Jahren unterhalten die beiden Staaten wieder diplomatische Beziehungen, und das Jubiläum gab den Anlass zum Treffen."
	body := `<p>` + first + `</p>` + strings.Repeat(`<p>In seinem Grusswort sprach der Gast über den Dialog der Kirchen und die Rolle der Diplomatie in einer Zeit, in der Konflikte zunehmen.</p>`, 4)
	page := `<html lang="de"><head><title>Besuch an der Synode</title><meta property="og:description" content="` + standfirst + ` ` + first + `"></head><body>` +
		`<header class="page-header"><h1>Besuch an der Synode</h1><div class="uk-text-lead"><p>` + standfirst + `</p></div></header>` +
		`<main><div class="content">` + body + `</div></main></body></html>`
	a, err := Extract(strings.NewReader(page), "https://www.example.ch/besuch-an-der-synode/")
	if err != nil {
		t.Fatal(err)
	}
	at, firstAt := strings.Index(a.Text, standfirst[:40]), strings.Index(a.Text, first[:40])
	if at < 0 || firstAt < at || strings.Count(a.Text, first[:40]) != 1 {
		t.Errorf("standfirst missing, misplaced or lead doubled (%d, %d):\n%s", at, firstAt, a.Text)
	}
}
