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
	}, {
		name: "hero header outside the article holds headline and date",
		page: `<title>Haltet unsere Gewässer sauber! – SeglerBlog</title><header class="page-header"><h1 class="entry-title">Haltet unsere Gewässer sauber!</h1>` +
			`<h4 class="author">Veröffentlicht von <a href="/author/a">SeglerBlog</a> am <time datetime="2020-02-23T10:07:02+01:00">23. Februar 2020</time></h4></header>` +
			`<div class="content">` + prose + `</div>`,
		want: "2020-02-23T10:07:02+01:00",
	}, {
		name: "the h1 the title confirms, not a site box's h1",
		page: `<title>Synchronschwimmer fahren zur EM</title><div class="links"><h1>Quicklinks</h1><p>Termine <span>19.12.2021</span></p></div>` + strings.Repeat(`<p>Ausschreibungen, Ergebnisse und Kader.</p>`, 30) +
			`<div class="news"><h2>Synchronschwimmer fahren zur EM</h2><span class="blue">01.02.2022</span>` + prose + `</div>`,
		want: "2022-02-01T00:00:00Z",
	}, {
		name: "a screen-reader h1 is not the headline readers see",
		page: `<title>Mineralölabsatz November 2021 | BAFA</title><header><h1 class="aural">Bundesamt für Wirtschaft und Ausfuhrkontrolle</h1></header>` + nav +
			`<main><h1 class="withHeader"><span class="topline"><span class="date">27.01.2022</span></span>Mineralölabsatz November 2021</h1>` + prose + `</main>`,
		want: "2022-01-27T00:00:00Z",
	}, {
		name: "a layout class on the body is not a sidebar",
		page: `<html lang="de"><title>EU-Taxonomie: Erdgas ist nicht nachhaltig | Umweltbundesamt</title><meta name="dcterms.date" content="2022-01-21T09:43+01:00"><body class="html not-front no-sidebars">` +
			`<h1 class="visuallyhidden">EU-Taxonomie: Erdgas ist nicht nachhaltig | Umweltbundesamt</h1>` +
			`<article><h2 class="title aka-h1">EU-Taxonomie: Erdgas ist nicht nachhaltig</h2>` + prose[:300] +
			`<div class="article-meta"><time class="date-display-single" datetime="2022-01-25T08:00:00+01:00">25.01.2022</time></div>` + prose + `</article>`,
		want: "2022-01-25T08:00:00+01:00",
	}, {
		name: "a hidden update stamp beside the shown date",
		page: `<html lang="de"><title>Ann Kiessling und ihre Forschung</title><script type="application/ld+json">{"@type":"Article","datePublished":"2022-12-25T11:00:02+00:00","dateModified":"2022-12-07T09:10:52+00:00"}</script>` +
			`<article><h1 class="entry-title">Ann Kiessling und ihre Forschung</h1><div class="fusion-meta-info"><span class="vcard"><a href="/author/isabell/" rel="author">Isabell Angele</a></span>` +
			`<span class="updated rich-snippet-hidden">2022-12-07T10:10:52+01:00</span><span>25. Dezember 2022</span><span class="fusion-inline-sep">|</span></div>` + prose + `</article>`,
		want: "2022-12-25T11:00:02Z",
	}, {
		name: "a post's footer says when it was posted, in German",
		page: `<html lang="de"><div class="post"><h2>Literatur und Animated Typography</h2>` + prose +
			`<p>Literatur und Animated Typography wurde am <nobr>19. Mai 2010</nobr> um <nobr>23:03</nobr> Uhr gepostet und unter <a href="/lesenswert">Lesenswert</a> abgelegt.</p></div>`,
		want: "2010-05-19T23:03:00Z",
	}, {
		name: "the label and its date in two blocks side by side",
		page: `<html lang="fr"><title>La voix des nuls</title><main><h1>La voix des nuls</h1>` + strings.Repeat(prose, 3) +
			`<ul class="credits"><li><p class="title">Réalisation</p><p class="content">Marie Dupont</p></li>` +
			`<li><p class="title">Mise en ligne</p><p class="content">23 mai 2019</p></li></ul></main>`,
		want: "2019-05-23T00:00:00Z",
	}, {
		name: "updated and published times side by side in the byline",
		page: `<html lang="de"><title>Fünf HR-Trends 2023</title><article><h1>Fünf HR-Trends 2023</h1><p class="post-meta"><span class="author">Arne Sjöström</span> | ` +
			`<time class="updated" datetime="2022-12-29T15:36:19+01:00" itemprop="dateModified">29. Dezember 2022</time><time class="entry-date published" datetime="2022-12-30T07:00:40+01:00" itemprop="datePublished">30. Dezember 2022</time> | HR-Welt</p>` +
			prose + `</article>`,
		want: "2022-12-30T07:00:40+01:00",
	}, {
		name: "date and clock in two elements with no space between",
		page: `<html lang="es"><title>Jugada del oficialismo en Diputados</title><article><h1>Jugada del oficialismo en Diputados</h1>` +
			`<span class="mod-date"><time class="com-date">3 de mayo de 2022</time><time class="com-hour">21:25</time></span>` + prose + `</article>`,
		want: "2022-05-03T21:25:00Z",
	}, {
		name: "a wrapper named for the sidebar beside the article holds the article",
		page: `<html lang="de"><title>Bundeswehr übt in Nordhessen</title><meta property="article:published_time" content="2023-11-06T13:03:04Z">` +
			`<div class="content-sidebar-wrap"><main class="content"><article><h1 class="entry-title">Bundeswehr übt in Nordhessen</h1>` +
			`<p class="entry-meta">Von Redaktion | 06.11.2023 14:03 Uhr</p>` + prose + `</article></main><aside class="sidebar"><p>Termine 12.11.2023</p></aside></div>`,
		want: "2023-11-06T14:03:04+01:00",
	}, {
		name: "the main column of a layout named for its sidebar",
		page: `<html lang="es"><title>Jugada del oficialismo en Diputados</title><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-05-04T00:25:56Z"}</script>` +
			`<div class="lay --apertura"><h1 class="com-title">Jugada del oficialismo en Diputados</h1></div>` +
			`<div class="lay-sidebar"><div class="sidebar__main"><span class="mod-date"><time class="com-date">3 de mayo de 2022</time><time class="com-hour">21:25</time></span>` +
			`<p>El oficialismo buscará evitar que Juntos por el Cambio avance con el proyecto de boleta única en la Cámara de Diputados, según fuentes parlamentarias consultadas por este medio.</p>` +
			prose + `</div><div class="sidebar__aside"><p>Lo más leído 4 de mayo de 2022</p></div></div>`,
		want: "2022-05-03T21:25:56-03:00",
	}, {
		name: "a UTC datetime beside the wall clock the page shows",
		page: `<html lang="de"><title>So erkennen Sie Echtpelz</title><article><h1>So erkennen Sie Echtpelz</h1>` +
			`<div class="metadata"><time datetime="2022-02-01T11:10:00Z" class="datetime">Dienstag, 01. Februar 2022 12:10</time></div>` + prose + `</article>`,
		want: "2022-02-01T12:10:00+01:00",
	}, {
		name: "a clock after a bullet, with pm",
		page: `<title>Mugabe insists he finishes his term</title><meta property="article:published_time" content="2017-11-16T19:15:00Z">` +
			`<article><h1>Mugabe insists he finishes his term</h1><footer class="byline">Our Foreign Staff 16 November 2017 • 2:15pm</footer>` + prose + `</article>`,
		want: "2017-11-16T14:15:00-05:00",
	}, {
		name: "the record's creation date gives way to a publication date",
		page: `<title>Mugabe insists he finishes his term</title><script type="application/ld+json">{"@type":"NewsArticle","dateCreated":"2017-11-17T10:41:09Z"}</script>` +
			`<meta itemprop="datePublished" content="2017-11-16T14:15+0000"><article><h1>Mugabe insists he finishes his term</h1>` + prose + `</article>`,
		want: "2017-11-16T14:15:00Z",
	}, {
		name: "an h1 below the story is a box's title; the heading above the story leads it",
		page: `<title>Synchronschwimmen - Aktuelles | Schwimm-Verband</title>` + nav +
			`<div class="news"><h2>Levelpässe können ab sofort bestellt werden</h2><div class="newsSingleHeader"><b>Synchronschwimmen</b><br><span class="blue">01.02.2022</span> Kategorie: Verband</div>` +
			prose + `</div><div class="links"><h1>Quicklinks</h1><p>Termine <span>19.12.2021</span></p></div>`,
		want: "2022-02-01T00:00:00Z",
	}, {
		name: "no headline element: a line that is only a date",
		page: `<html lang="de"><div class="textbox"><span class="textbox__box-date">03.02.2022</span><p><b>Auf den Spuren der Weltmeister</b></p>` + prose + `</div>`,
		want: "2022-02-03T00:00:00Z",
	}, {
		name: "headline starting with its date",
		page: `<title>Mineralölabsatz November 2021</title><main><h1><span class="date">27.01.2022</span>Mineralölabsatz November 2021</h1>` + prose + `</main>`,
		want: "2022-01-27T00:00:00Z",
	}, {
		name: "metadata in a named zone on the day after the dateline's clock is the update",
		page: `<meta name="publish_date" content="Thu, 06 Oct 2011 08:10:27 EST"><main><h1>Farm workers leave the state</h1>` +
			`<div class="byline">By Sam Rawlings | 10/ 5/11 09:19 PM ET</div>` + prose + `</main>`,
		want: "2011-10-05T21:19:00Z",
	}, {
		name: "press release titled with its date",
		page: `<title>23.01.2022 - Wierer darf beim Heimrennen jubeln</title><div>` + prose + `</div>`,
		want: "2022-01-23T00:00:00Z",
	}, {
		name: "short date after the byline",
		page: `<html lang="de"><main><h1 class="page-title">Grab-Bote fliegt nach Singapur</h1><div class="article-meta-wrapper">Von: Björn Jahner <span>|</span> <span>31.10.23</span></div>` + prose + `</main>`,
		want: "2023-10-31T00:00:00Z",
	}, {
		name: "a line above the headline opening with the date",
		page: `<html lang="de"><article><p class="category"> 24. April 2020 | <a href="/nachrichten">Nachrichten und Service</a></p><h1>Eliasson wird neuer Präsident</h1>` + prose + `</article>`,
		want: "2020-04-24T00:00:00Z",
	}, {
		name: "hAtom published date in a title attribute",
		page: `<article><h1>Schulnoten abschaffen?</h1>` + prose + `<footer><abbr class="published" title="2013-04-04T18:52:11+00:00">vor langer Zeit</abbr></footer></article>`,
		want: "2013-04-04T18:52:11Z",
	}, {
		name: "press dateline opening the first paragraph",
		page: `<html lang="de"><main><h1>Arbeitslosenzahlen 2022</h1><p><strong>01.02.2022</strong> „Der Arbeitsmarkt ist gut in das Jahr 2022 gestartet. Die Zahl der arbeitslosen Menschen ist im Januar zwar gestiegen, aber bei Weitem nicht so stark wie sonst.“</p>` + prose + `</main>`,
		want: "2022-02-01T00:00:00Z",
	}, {
		name: "dotted date spaced with thin spaces",
		page: `<html lang="de"><main><h1>Kohlmann nominiert zwei Neulinge</h1><div class="att-publish-date">Von <span>Tennis Bund</span> 4.&thinsp;2.&thinsp;2022.</div>` + prose + `</main>`,
		want: "2022-02-04T00:00:00Z",
	}, {
		name: "date in a small tag inside the headline",
		page: `<main><div class="news-single"><h1>Zuschauerrückkehr bei den Proficlubs<br><small>02.02.2022 • <span class="cat">Verband</span></small></h1>` + prose + `</div></main>`,
		want: "2022-02-02T00:00:00Z",
	}, {
		name: "labelled date just above the headline",
		page: `<html lang="de"><main><div class="kicker">Stand: 19.10.2019 11:05 Uhr</div><h1>Ein Remis als Mutmacher</h1>` + prose + `</main>`,
		want: "2019-10-19T11:05:00Z",
	}, {
		name: "metadata settles how a slashed date reads",
		page: `<script type="application/ld+json">{"@type":"NewsArticle","dateModified":"2022-05-03T20:37:00-04:00"}</script>` +
			`<main><h1>Adolescente encontrada em vala</h1><p class="autor">Por Adriano Fernandes | 03/05/2022 20:36</p>` + prose +
			`<aside>Sábado é dia de feira</aside></main>`,
		want: "2022-05-03T20:36:00Z",
	}, {
		name: "a comment's time is not the story's",
		page: `<main><h1>Tomaten richtig schneiden</h1><div class="userbox">von Marianne am 20.09.2020</div>` + prose +
			`<div id="comments"><div class="comment"><time datetime="2020-09-23T18:19:06+02:00">23.09.20 | 18:19</time> Stimmt!</div></div></main>`,
		want: "2020-09-20T00:00:00Z",
	}, {
		name: "update named before publication on one line",
		page: `<html lang="de"><main><h1>Vom Boden aus gedacht</h1>` + prose + `<p class="info">Letzte Änderung: 31.10.2023 - 14:49:39 Erschienen am: 01.11.2023 Lesungen: 61</p></main>`,
		want: "2023-11-01T00:00:00Z",
	}, {
		name: "a sentence of the story that says \"released on\" is no label",
		page: `<main><h1>Mercurial's Journey to Python 3</h1><div class="sub">January 13, 2020 at 08:45 AM | categories: Python</div>` + prose +
			`<p>Python 3.0 was released on December 3, 2008. And it took the better part of a decade for the community to embrace it.</p></main>`,
		want: "2020-01-13T08:45:00Z",
	}, {
		name: "midnight east of UTC stored as 23:00Z",
		page: `<meta property="article:published_time" content="2022-11-06T23:00:00.000Z"><div>` + prose + `</div>`,
		want: "2022-11-07T00:00:00+01:00",
	}, {
		name: "a real UTC time stays as it is",
		page: `<meta property="article:published_time" content="2022-11-06T23:14:09Z"><div>` + prose + `</div>`,
		want: "2022-11-06T23:14:09Z",
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

// Outside the US a dotted date is day first, even on a page whose slash
// dates (an embedded US widget's) read month first.
func TestDottedDatesAreDayFirst(t *testing.T) {
	page := `<html lang="de-CH"><article><h1>Unfall auf der Autobahn bei Bern</h1><p class="article-date">06.11.2023 | 14:10</p>` +
		strings.Repeat(`<p>Ein Auto ist am Montagnachmittag auf der A1 mit einem Lastwagen zusammengestossen. Die Strecke blieb zwei Stunden gesperrt.</p>`, 4) +
		`</article><div class="widget"><span>Posted 12/25/2022</span><span>Posted 12/31/2022</span></div></html>`
	a, err := Extract(strings.NewReader(page), "https://news.example.ch/unfall")
	if err != nil {
		t.Fatal(err)
	}
	if a.Published == nil || a.Published.Format("2006-01-02 15:04") != "2023-11-06 14:10" {
		t.Errorf("published %v, want 2023-11-06 14:10", a.Published)
	}
}

// Microdata and RDFa dates given as the element's text.
func TestTextMicrodataDates(t *testing.T) {
	// Far below the headline, where no dateline is looked for.
	prose := strings.Repeat(`<p>Der Gemeinderat hat am Dienstag beschlossen, das Hallenbad bis zum Sommer zu sanieren und die Kosten zu teilen.</p>`, 20)
	for _, attr := range []string{`itemprop="datePublished"`, `property="dc:date"`} {
		page := `<html lang="de"><article><h1>Hallenbad wird saniert</h1>` + prose + `<footer>Stand: <span ` + attr + `>12. März 2025</span></footer></article>`
		a, err := Extract(strings.NewReader(page), "https://news.example.de/bad")
		if err != nil {
			t.Fatal(err)
		}
		if a.Published == nil || a.Published.Format("2006-01-02") != "2025-03-12" {
			t.Errorf("%s: published %v, want 2025-03-12", attr, a.Published)
		}
	}
}

// A wiki's "last edited" line is no publication date; a news page that
// shows only "Updated …" was published no later than that.
func TestLastEditedIsNoPublication(t *testing.T) {
	prose := strings.Repeat(`<p>Die Rueda ist eine Form des Salsa, bei der mehrere Paare im Kreis tanzen und die Partner auf Zuruf wechseln.</p>`, 4)
	wiki := `<html lang="de"><main><h1>Salsa-Figuren</h1>` + prose + `<div class="page-info">page revision: 8, last edited: 17 Jun 2018 15:15</div></main></html>`
	a, err := Extract(strings.NewReader(wiki), "https://rueda.example.org/enchufla")
	if err != nil {
		t.Fatal(err)
	}
	if a.Published != nil {
		t.Errorf("published %v, want none", a.Published)
	}
	news := `<html lang="de"><main><h1>Salsa-Festival abgesagt</h1><p class="meta">Aktualisiert am 3. Februar 2025</p>` + prose + `</main></html>`
	a, err = Extract(strings.NewReader(news), "https://news.example.org/salsa-festival")
	if err != nil {
		t.Fatal(err)
	}
	if a.Published == nil || a.Published.Format(time.DateOnly) != "2025-02-03" {
		t.Errorf("published %v, want 2025-02-03", a.Published)
	}
}

// Pages whose only dates are not when they went out get no date rather
// than a guess.
func TestNoGuessedDate(t *testing.T) {
	prose := strings.Repeat(`<p>Der Stammtisch ist offen für alle, die sich für Politik vor Ort interessieren, ob Mitglied oder nicht.</p>`, 4)
	tests := []struct{ name, page string }{{
		name: "the dates of works cited in the references",
		page: `<html lang="zh"><main><h1>蔡健雅</h1>` + prose +
			`<ul class="reference-list"><li class="reference-item">1. 第十七届台湾金曲奖完全入围名单 ．新浪[引用日期2014-05-19]</li>` +
			`<li class="reference-item">2. Award list. Retrieved 19 May 2014.</li></ul></main></html>`,
	}, {
		name: "an event date in a sentence under the headline",
		page: `<html lang="de"><main><h1>HE:Kassel/Stammtisch</h1><p>Der nächste Stammtisch findet am Mi. 5. Februar 2020 ab 19 Uhr im Cafe Hurricane statt.</p>` +
			prose + `</main></html>`,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Extract(strings.NewReader(tt.page), "https://wiki.example.org/stammtisch")
			if err != nil {
				t.Fatal(err)
			}
			if a.Published != nil {
				t.Errorf("published %v, want none", a.Published)
			}
		})
	}
}

// A metadata time without a zone is the publisher's wall clock: it takes
// the offset another date on the page gives, and is never moved to
// another day as a UTC instant would be. A UTC instant is shown in the
// offset another date gives, which makes its day the publisher's.
func TestMetadataOffset(t *testing.T) {
	prose := strings.Repeat(`<p>Der Konzern stellt ab Mai in Düsseldorf Schutzmasken her und will damit Kliniken in der Region beliefern.</p>`, 4)
	tests := []struct{ name, ld, want string }{
		{"offset from the modified date", `"datePublished":"2020-04-28T18:00:00","dateModified":"2020-04-28T18:30:00+02:00"`, "2020-04-28T18:00:00+02:00"},
		{"late evening, no offset anywhere", `"datePublished":"2020-04-28T23:00:00"`, "2020-04-28T23:00:00Z"},
		{"a UTC instant in the offset of the modified date", `"datePublished":"2020-04-28T22:30:00Z","dateModified":"2020-04-29T09:00:00+02:00"`, "2020-04-29T00:30:00+02:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := `<html lang="de"><script type="application/ld+json">{"@type":"NewsArticle",` + tt.ld + `}</script>` +
				`<article><h1>Rheinmetall baut Schutzmasken</h1>` + prose + `</article></html>`
			a, err := Extract(strings.NewReader(page), "https://news.example.de/masken")
			if err != nil {
				t.Fatal(err)
			}
			if a.Published == nil || a.Published.Format(time.RFC3339) != tt.want {
				t.Errorf("published %v, want %s", a.Published, tt.want)
			}
		})
	}
}

// A byline above the headline that says the story was published on a
// date, in the languages whose label words scoop knows.
func TestPublishedLabelAboveHeadline(t *testing.T) {
	prose := strings.Repeat(`<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p>`, 4)
	for lang, line := range map[string]string{
		"de": "Von Moritz Bachmann publiziert am 25. September 2018",
		"ro": "Autor Ion Popescu, publicat la 25.09.2018",
		"uk": "Олена Коваль, опубліковано 25.09.2018",
		"el": "Μαρία Παππά | Δημοσίευση 25.09.2018",
		"he": "מאת דנה כהן, פורסם 25.09.2018",
		"ar": "بقلم أحمد علي - تاريخ النشر 25.09.2018",
		"vi": "Nguyễn Văn An - Ngày đăng 25/09/2018",
		"fi": "Matti Virtanen, julkaistu 25.9.2018",
	} {
		page := `<html lang="` + lang + `"><div class="hero"><p class="about">` + line + `</p><h1>Die elektronische Patientenakte</h1></div><div class="body">` + prose + `</div></html>`
		a, err := Extract(strings.NewReader(page), "https://blog.example.com/patientenakte")
		if err != nil {
			t.Fatal(err)
		}
		if a.Published == nil || a.Published.Format(time.DateOnly) != "2018-09-25" {
			t.Errorf("%s %q: published %v, want 2018-09-25", lang, line, a.Published)
		}
	}
}

// An update line under the headline does not overrule the metadata's
// publication date, in the languages whose update words scoop knows.
func TestUpdatedLabelUnderHeadline(t *testing.T) {
	prose := strings.Repeat(`<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p>`, 4)
	for lang, line := range map[string]string{
		"ro": "Actualizat 28.09.2018",
		"uk": "Оновлено 28.09.2018",
		"el": "Ενημερώθηκε 28.09.2018",
		"fi": "Päivitetty 28.9.2018",
		"hr": "Ažurirano 28.09.2018.",
		"hu": "Frissítve 2018. 09. 28.",
		"vi": "Cập nhật 28/09/2018",
		"ar": "آخر تحديث 28.09.2018",
		"he": "עודכן 28.09.2018",
	} {
		page := `<html lang="` + lang + `"><meta property="article:published_time" content="2018-09-25T10:00:00+03:00"><article><h1>Die elektronische Patientenakte</h1>` +
			`<p class="meta">` + line + `</p>` + prose + `</article></html>`
		a, err := Extract(strings.NewReader(page), "https://news.example.com/patientenakte")
		if err != nil {
			t.Fatal(err)
		}
		if a.Published == nil || a.Published.Format(time.DateOnly) != "2018-09-25" {
			t.Errorf("%s %q: published %v, want 2018-09-25", lang, line, a.Published)
		}
	}
}

// A UTC publication instant takes the offset that a zone-less publication
// time of the same moment shows: the publisher's wall clock. Bare dates
// and modified times hours away are no such evidence.
func TestWallClockOffset(t *testing.T) {
	prose := strings.Repeat(`<p>The state attorney general is looking into whether the company's former chief executive broke any laws.</p>`, 4)
	tests := []struct{ name, head, want string }{{
		name: "zone-less sailthru.date beside a UTC datePublished",
		head: `<meta name="sailthru.date" content="2019-11-18 20:58:46"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-11-19T04:58:46Z"}</script>`,
		want: "2019-11-18T20:58:46-08:00",
	}, {
		name: "written wall clock without seconds beside a UTC instant",
		head: `<meta name="article_date_original" content="Monday, November 18, 2019, 08:19 PM"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-11-19T01:19:34.819Z"}</script>`,
		want: "2019-11-18T20:19:34-05:00",
	}, {
		name: "a bare date is no wall clock",
		head: `<meta name="date" content="2019-11-19"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-11-19T03:00:00Z"}</script>`,
		want: "2019-11-19T03:00:00Z",
	}, {
		name: "a zone-less modified time is not the publication's clock",
		head: `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-11-19T03:00:00Z","dateModified":"2019-11-18 22:00:00"}</script>`,
		want: "2019-11-19T03:00:00Z",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := `<html lang="en">` + tt.head + `<article><h1>Attorney general investigating WeWork</h1>` + prose + `</article></html>`
			a, err := Extract(strings.NewReader(page), "https://news.example.com/wework")
			if err != nil {
				t.Fatal(err)
			}
			if a.Published == nil || a.Published.Format(time.RFC3339) != tt.want {
				t.Errorf("published %v, want %s", a.Published, tt.want)
			}
		})
	}
}

// A date under the headline that the page marks as the last update, in a
// <time> with no word beside it, does not overrule the publication date
// in metadata; a time marked as the publication, or hAtom's bare
// "updated", still does.
func TestUpdateStampUnderHeadline(t *testing.T) {
	prose := strings.Repeat(`<p>Meal prep saves time on busy weeknights: cook the grains and roast the vegetables on Sunday, then mix and match.</p>`, 4)
	tests := []struct{ name, stamp, want string }{{
		name:  "entry-updated with itemprop dateUpdated",
		stamp: `<time class="entry-updated updated" datetime="2018-11-12T17:36:26-08:00" itemprop="dateUpdated">November 12, 2018</time>`,
		want:  "2018-10-07",
	}, {
		name:  "itemprop dateModified",
		stamp: `<time itemprop="dateModified" datetime="2018-11-12T17:36:26-08:00">November 12, 2018</time>`,
		want:  "2018-10-07",
	}, {
		name:  "WordPress's published updated is the publication",
		stamp: `<time class="entry-date published updated" datetime="2018-11-12T17:36:26-08:00">November 12, 2018</time>`,
		want:  "2018-11-12",
	}, {
		name:  "hAtom's bare updated class",
		stamp: `<time class="updated" datetime="2018-11-12T17:36:26-08:00">November 12, 2018</time>`,
		want:  "2018-11-12",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := `<html lang="en"><meta property="article:published_time" content="2018-10-07T09:00:35-08:00"><article class="entry"><h1>Meal Prep for A Little More Obsessed</h1>` +
				`<div class="entry__meta">` + tt.stamp + ` | BY: <a href="/author/beachbody">Beachbody</a></div>` + prose + `</article></html>`
			a, err := Extract(strings.NewReader(page), "https://blog.example.com/meal-prep")
			if err != nil {
				t.Fatal(err)
			}
			if a.Published == nil || a.Published.Format(time.DateOnly) != tt.want {
				t.Errorf("published %v, want %s", a.Published, tt.want)
			}
		})
	}
}

// An update label after the line's first date leaves that date the
// publication's: "6:18 p.m. | Updated …" still gives the day.
func TestUpdateLabelAfterDate(t *testing.T) {
	prose := strings.Repeat(`<p>Advertising agencies in the city were divided on whether the campaign's slogan helps or hurts the state.</p>`, 4)
	for _, line := range []string{
		"Nov. 19, 2019, 6:18 p.m. | Updated Nov. 20, 2019, 9:10 a.m.",
		"19.11.2019 18:18 päivitetty 20.11.2019 09:10",
	} {
		page := `<html lang="en"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-11-20T02:18:00Z"}</script>` +
			`<article><h1>Spokane ad agencies divided on the campaign</h1><p class="meta">` + line + `</p>` + prose + `</article></html>`
		a, err := Extract(strings.NewReader(page), "https://news.example.com/meth-campaign")
		if err != nil {
			t.Fatal(err)
		}
		if a.Published == nil || a.Published.Format(time.RFC3339) != "2019-11-19T18:18:00-08:00" {
			t.Errorf("%q: published %v, want 2019-11-19T18:18:00-08:00", line, a.Published)
		}
	}
}

// A date given without a time in metadata takes the dateline's clock as
// it is: the gap from midnight is no zone offset.
func TestBareDateTakesDatelineClock(t *testing.T) {
	prose := strings.Repeat(`<p>Die Gesundheitsämter verfolgen jede Infektionskette, solange die Zahl der Fälle klein bleibt.</p>`, 4)
	page := `<html lang="de"><meta name="date" content="2020-02-26"><article><h1>Lässt sich die Ausbreitung kontrollieren?</h1>` +
		`<p class="meta">26.02.2020, 12:30 Uhr</p>` + prose + `</article></html>`
	a, err := Extract(strings.NewReader(page), "https://news.example.de/coronavirus")
	if err != nil {
		t.Fatal(err)
	}
	if a.Published == nil || a.Published.Format(time.RFC3339) != "2020-02-26T12:30:00Z" {
		t.Errorf("published %v, want 2020-02-26T12:30:00Z", a.Published)
	}
}
