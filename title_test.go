package scoop

import (
	"net/url"
	"strings"
	"testing"

	"codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

func TestTitleSiteNames(t *testing.T) {
	prose := strings.Repeat("<p>新华社北京3月4日电 国务院常务会议4日召开，部署进一步做好防汛抗旱工作，要求各地加强监测预警，落实责任。</p>", 6)
	tests := []struct{ name, head, want string }{
		{"chinese site suffix without spaces", `<title>国务院部署防汛抗旱工作-新华网</title>`, "国务院部署防汛抗旱工作"},
		{"japanese site suffix", `<title>防災対策を強化｜東京新聞</title>`, "防災対策を強化"},
		{"a dash inside the headline stays", `<title>中美关系-新阶段</title>`, "中美关系-新阶段"},
		{"site name followed by its slogan", `<meta property="og:site_name" content="Krimiblog-Archiv"><title>Das vermutlich schwulste Musikvideo der Welt : Krimiblog-Archiv | Ermittlungen zum Verfall eines Genres | Gegründet 2005</title>`, "Das vermutlich schwulste Musikvideo der Welt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Extract(strings.NewReader("<html>"+tt.head+"<body><article>"+prose+"</article></body></html>"), "https://news.example.cn/a/1.html")
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.want {
				t.Errorf("title %q, want %q", a.Title, tt.want)
			}
		})
	}
}

func TestSiteNameAndByline(t *testing.T) {
	prose := strings.Repeat("<p>The council voted on Tuesday to rebuild the harbour wall before winter storms, after engineers found cracks.</p>", 5)
	ld := `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[` +
		`{"@type":"NewsArticle","headline":"Harbour wall to be rebuilt","author":{"@id":"https://news.example.com/#org"},"publisher":{"@id":"https://news.example.com/#org"}},` +
		`{"@type":"NewsMediaOrganization","@id":"https://news.example.com/#org","name":"Harbour Times"}]}</script>`
	page := `<html><head>` + ld + `</head><body><article><h1>Harbour wall to be rebuilt</h1><p class="byline">By Jane Doe</p>` + prose + `</article></body></html>`
	a, err := Extract(strings.NewReader(page), "https://news.example.com/harbour")
	if err != nil {
		t.Fatal(err)
	}
	if a.SiteName != "Harbour Times" {
		t.Errorf("site_name %q, want the publisher's name, not its @id", a.SiteName)
	}
	if a.Byline != "Jane Doe" {
		t.Errorf("byline %q, want the visible one when metadata names only the publisher", a.Byline)
	}
}

// A kicker set inside the h1 is not part of the headline, and break hints
// (soft hyphens, zero-width spaces) never reach the record.
func TestHeadlineKickerAndSoftHyphens(t *testing.T) {
	page := `<html lang="de"><title>Bundesrat - Textarchiv - Erinnerung an die Opfer der NS-Verbrechen</title>` +
		`<meta property="og:title" content="Erinnerung an die Opfer der NS-Verbrechen">` +
		`<body><article><h1><em>Holocaust-Gedenktag </em>Er&shy;in&shy;ne&shy;rung an die Op&shy;fer der NS-Ver&shy;bre&shy;chen</h1>` +
		strings.Repeat(`<p>Mit einer Ge&shy;denk&shy;mi&shy;nu&shy;te er&shy;in&shy;ner&shy;te das Ple&shy;num an die Op&shy;fer des Na&shy;tio&shy;nal&shy;so&shy;zi&shy;a&shy;lis&shy;mus und an die Be&#x200b;freiung des La&shy;gers.</p>`, 5) +
		`</article></body></html>`
	a, err := Extract(strings.NewReader(page), "https://www.bundesrat.example/textarchiv/erinnerung.html")
	if err != nil {
		t.Fatal(err)
	}
	if want := "Erinnerung an die Opfer der NS-Verbrechen"; a.Title != want {
		t.Errorf("title %q, want %q", a.Title, want)
	}
	if strings.ContainsAny(a.Text, "\u00ad\u200b") || !strings.Contains(a.Text, "Gedenkminute erinnerte das Plenum") {
		t.Errorf("text keeps break hints: %q", a.Text)
	}
}

// A <title> that names only the site or a section gives way to the
// headline on the page; an empty one too.
func TestTitleOnlySiteName(t *testing.T) {
	prose := strings.Repeat("<p>The council voted on Tuesday to rebuild the harbour wall before winter storms, after engineers found cracks along its length.</p>", 5)
	heads := []string{
		`<title>Edmonton Sun</title><meta property="og:site_name" content="Edmonton Sun">`,
		`<title>NY1: Top Stories</title>`,
		`<title></title>`,
	}
	for _, head := range heads {
		page := "<html>" + head + `<body><nav><a href="/">Home</a></nav><article><h2>Council approves harbour wall budget</h2>` + prose + "</article></body></html>"
		a, err := Extract(strings.NewReader(page), "https://www.example.com/news/local/council-approves-harbour-wall-budget")
		if err != nil {
			t.Fatal(err)
		}
		if want := "Council approves harbour wall budget"; a.Title != want {
			t.Errorf("%s: title %q, want %q", head, a.Title, want)
		}
	}
	// A full headline in <title> stays, though the slug words differ.
	page := `<html><title>Bergisch Gladbach: die Stadt verklagt die Baufirma wegen schlechter Pflastersteine | Stadt-Anzeiger</title><meta property="og:site_name" content="Stadt-Anzeiger"><body><article><h1>Pflaster-Desaster: Gladbacher Fußgängerzone</h1>` + prose + "</article></body></html>"
	a, err := Extract(strings.NewReader(page), "https://www.example.de/region/pflaster-desaster-gladbacher-fussgaengerzone-33335514")
	if err != nil {
		t.Fatal(err)
	}
	if want := "Bergisch Gladbach: die Stadt verklagt die Baufirma wegen schlechter Pflastersteine"; a.Title != want {
		t.Errorf("title %q, want %q", a.Title, want)
	}
}

// Separators that share a space ("Title | - Site") are read once each,
// without overlapping.
func TestStripSiteNameSharedSpace(t *testing.T) {
	doc, _ := html.Parse(strings.NewReader(`<html><head><meta property="og:site_name" content="Krimiblog"></head><body></body></html>`))
	u, _ := url.Parse("https://blog.example.de/2895")
	p := scanPage(doc, u)
	for in, want := range map[string]string{
		"Das vermutlich schwulste Musikvideo der Welt | - Krimiblog": "Das vermutlich schwulste Musikvideo der Welt",
		"Krimiblog | - Das Musikvideo":                               "- Das Musikvideo",
		" | - | ":                                                    " | - | ",
	} {
		if got := p.stripSiteName(in); got != want {
			t.Errorf("stripSiteName(%q) = %q, want %q", in, got, want)
		}
	}
}

// The visible headline keeps the publisher's typography when metadata
// gives the same title with straight quotes, and a blog's name set in an
// h1 that links to its home page is not the post's headline.
func TestHeadlineTypographyAndBlogName(t *testing.T) {
	prose := strings.Repeat("<p>Die Netzwerkerinnen trafen sich am Dienstag im Rathaus, um über die neuen Regeln für die Märkte der Stadt zu sprechen.</p>", 5)
	tests := []struct{ name, head, body, want string }{
		{"curly quotes in the h1",
			`<title>Editor's Letter: bye "OC Baby" - Stadtblatt</title><meta property="og:title" content="Editor's Letter: bye &quot;OC Baby&quot;">`,
			`<h1>Editor’s Letter: bye „OC Baby“</h1>`,
			"Editor’s Letter: bye „OC Baby“"},
		{"a dash set as an en dash",
			`<title>Korsetts - Shops, Designer, online kaufen</title>`,
			`<h1>Korsetts – Shops, Designer, online kaufen</h1>`,
			"Korsetts – Shops, Designer, online kaufen"},
		{"blog name in the h1",
			`<title>Ratschläge geben | DaF Blog – MMF3 Frühling 08</title><meta property="og:title" content="Ratschläge geben">`,
			`<div id="site"><h1><a href="https://daf.example.org/">DaF Blog &#8211; MMF3 Frühling 08</a></h1></div><div class="post"><h2>Ratschläge geben</h2>`,
			"Ratschläge geben"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<html><head>" + tt.head + "</head><body>" + tt.body + "<div>" + prose + "</div></body></html>"
			a, err := Extract(strings.NewReader(page), "https://daf.example.org/2008/04/12/ratschlaege/")
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.want {
				t.Errorf("title %q, want %q", a.Title, tt.want)
			}
		})
	}
}

// A kicker set in the h1 that metadata words otherwise still leaves the
// headline after it, and a title that puts a name and a colon before the
// headline confirms the h1.
func TestHeadlineAfterKicker(t *testing.T) {
	prose := strings.Repeat("<p>Die Autohändler in Thüringen dürfen seit Montag wieder öffnen, doch die Kunden kommen nur langsam zurück in die Verkaufsräume.</p>", 5)
	tests := []struct{ name, head, h1, want string }{
		{"kicker in a span",
			`<title>Corona-Lockerungen: Autohäuser rechnen mit langsamem Anlaufen des Geschäfts | MDR.DE</title>`,
			`<h1><span class="dachzeile">Nach Corona-Lockerungen</span> <span class="headline">Autohäuser rechnen mit langsamem Anlaufen des Geschäfts</span></h1>`,
			"Autohäuser rechnen mit langsamem Anlaufen des Geschäfts"},
		{"kicker with a dash in metadata",
			`<title>Olympische Spiele in Paris - Getränke per Schiff ins Stadtzentrum - Handelsblatt</title><meta property="og:site_name" content="Handelsblatt"><meta property="og:title" content="Olympische Spiele in Paris - Getränke per Schiff ins Stadtzentrum - Handelsblatt">`,
			`<h1><span class="subtitle">Olympische Spiele in Paris</span> Getränke per Schiff ins Stadtzentrum</h1>`,
			"Getränke per Schiff ins Stadtzentrum"},
		{"a bold first word is the headline's",
			`<meta property="og:title" content="Thüringen öffnet die Autohäuser wieder">`,
			`<h1><strong>Thüringen</strong> öffnet die Autohäuser wieder</h1>`,
			"Thüringen öffnet die Autohäuser wieder"},
		{"the headline between a name and the site's",
			`<title>Rutger Bregman: Unser wahres Ich - brand eins online</title><meta property="og:title" content="Rutger Bregman: Unser wahres Ich - brand eins online">`,
			`<h1 class="title-headline">Unser wahres Ich</h1>`,
			"Unser wahres Ich"},
		{"name and colon before the headline",
			`<title>SONNENENERGIE: Der WindRebell</title>`,
			`<h1 class="pageTitel">Der WindRebell</h1>`,
			"Der WindRebell"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<html><head>" + tt.head + "</head><body><article>" + tt.h1 + prose + "</article></body></html>"
			a, err := Extract(strings.NewReader(page), "https://www.mdr.example/thueringen/autohaeuser-100.html")
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.want {
				t.Errorf("title %q, want %q", a.Title, tt.want)
			}
		})
	}
}

// Blog themes of the 2000s title a post "Blog » Blog Archive » Post" and
// set the blog's name in an h1 linked to its home page; readability's
// title keeps "Blog » Blog Archive". Other themes set the blog's name in
// an h1 that links nowhere, above the post's own h1.
func TestTitleBlogThemes(t *testing.T) {
	prose := `<p>Die Digitalisierung der Schweizer Kinos schreitet voran: Nach den grossen Sälen in Zürich und Genf stellen nun auch die kleineren Häuser auf digitale Projektion um.</p>
<p>Für viele Betreiber ist die Umstellung teuer. Ein digitaler Projektor kostet ein Vielfaches eines analogen Geräts, und die Verleiher liefern immer weniger Filmkopien aus.</p>
<p>Der Verband rechnet damit, dass bis Ende Jahr zwei Drittel aller Leinwände digital bespielt werden.</p>`
	for _, c := range []struct{ name, page, want string }{
		{"archive theme", `<html><head><title>Time 4 talks  &raquo; Blog Archiv   &raquo; Weitere Digitalisierung der Schweizer Kinos</title></head><body>
<div id="header"><h1><a href="http://blog.example.org/">Time 4 talks</a></h1></div>
<div id="content"><div class="post" id="post-2037"><h3 class="storytitle"><a href="http://blog.example.org/?p=2037" rel="bookmark">Weitere Digitalisierung der Schweizer Kinos</a></h3>` + prose + `</div></div></body></html>`,
			"Weitere Digitalisierung der Schweizer Kinos"},
		{"name h1 above the post's", `<html><head><title>Werkzeuge des Neandertalers und des Modernen Menschen | Steinzeit &amp; Co</title></head><body>
<div id="masthead"><h1 class="site-title">Steinzeit &amp; Co</h1></div>
<article><h1 class="entry-title">Werkzeuge des Neandertalers und des Modernen Menschen</h1>` + prose + `</article></body></html>`,
			"Werkzeuge des Neandertalers und des Modernen Menschen"},
	} {
		u, _ := url.Parse("http://blog.example.org/?p=2037")
		ra, err := readability.FromReader(strings.NewReader(c.page), u)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		doc, _ := html.Parse(strings.NewReader(c.page))
		if got := scanPage(doc, u).title(ra.Title()); got != c.want {
			t.Errorf("%s: title %q (readability's %q), want %q", c.name, got, ra.Title(), c.want)
		}
	}
}

// The parts of an archive theme's title: the blog's name (its home-linked
// h1), the theme's archive words, and the post's title.
func TestStripSiteNameArchiveTheme(t *testing.T) {
	doc, _ := html.Parse(strings.NewReader(`<html><body><div id="header"><h1><a href="http://blog.example.org/">Time 4 talks</a></h1></div></body></html>`))
	u, _ := url.Parse("http://blog.example.org/?p=2037")
	p := scanPage(doc, u)
	for in, want := range map[string]string{
		"Time 4 talks » Blog Archiv » Weitere Digitalisierung der Schweizer Kinos": "Weitere Digitalisierung der Schweizer Kinos",
		"Time 4 talks » Blog Archiv":                                 "",
		"Blog Archive » Weitere Digitalisierung der Schweizer Kinos": "Weitere Digitalisierung der Schweizer Kinos",
		"Weitere Digitalisierung der Schweizer Kinos | Time 4 talks": "Weitere Digitalisierung der Schweizer Kinos",
		"Weitere Digitalisierung - Schweizer Kinos":                  "Weitere Digitalisierung - Schweizer Kinos",
	} {
		if got := p.stripSiteName(in); got != want {
			t.Errorf("stripSiteName(%q) = %q, want %q", in, got, want)
		}
	}
}

// A forum or a small site titles a page "Headline | Section | Site" with
// no metadata to say which part the headline is; the heading on the page
// that repeats one part says it, the longest when a section heading
// repeats another. A <title> after stray text in the head still counts.
func TestTitlePartHeading(t *testing.T) {
	prose := `<p>Seit dem Update auf iOS 13 lädt der App Store bei mir keine Apps mehr über das Mobilfunknetz, auch wenn die Option in den Einstellungen aktiviert ist.</p>
<p>Über WLAN funktioniert alles wie gewohnt. Hat jemand eine Idee, woran das liegen könnte, oder ist das eine neue Beschränkung von Apple?</p>
<p>Ich habe das iPhone schon neu gestartet und die Netzwerkeinstellungen zurückgesetzt, leider ohne Erfolg.</p>`
	for _, c := range []struct{ name, page, want string }{
		{"forum thread", `<html><head><title>kein App Store mehr über Mobile Daten mit iOS 13 ? | iPhone | Forum | MacNews.example</title><meta property="og:title" content="kein App Store mehr über Mobile Daten mit iOS 13 ? | iPhone | Forum"></head><body>
<div id="logo"><h1><a href="https://www.macnews.example/"><img src="/logo.png" alt=""></a></h1></div>
<div class="thread"><h2>kein App Store mehr über Mobile Daten mit iOS 13 ?</h2>` + prose + `</div></body></html>`,
			"kein App Store mehr über Mobile Daten mit iOS 13 ?"},
		{"section heading and post heading", `<html><head>&nbsp;<title>deutsche zocker schinken e.V. - Neuigkeiten » Die Events der letzten Zeit</title></head><body>
<div id="main"><h2>Neuigkeiten</h2><div class="post"><h2>Die Events der letzten Zeit</h2>` + prose + `</div></div></body></html>`,
			"Die Events der letzten Zeit"},
	} {
		u, _ := url.Parse("https://www.macnews.example/forum/thread.php?t=51234")
		a, err := Extract(strings.NewReader(c.page), u.String())
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if a.Title != c.want {
			t.Errorf("%s: title %q, want %q", c.name, a.Title, c.want)
		}
	}
}

// Sites of the 2000s title a page with its breadcrumb ("Paper > Movies >
// Movie Review | 'Kicker': Headline") and show the headline alone.
func TestTitleBreadcrumbAndKicker(t *testing.T) {
	page := `<html><head><title>The Daily Planet &gt; Movies &gt; Movies Special &gt; Movie Review | 'Star Wars': A Trip to a Far Galaxy That's Fun and Funny</title></head><body>
<table><tr><td class="nav"><a href="/movies/">Movies</a></td><td>
<h2>A Trip to a Far Galaxy That's Fun and Funny</h2>
<p>"Star Wars," the director's first film since his enormously popular "American Graffiti," is the most elaborate, most expensive, most beautiful movie serial ever made.</p>
<p>It opened yesterday at three theaters, and it is both an apotheosis of the Saturday afternoon serial and a send-up of it.</p>
<p>The time, according to the opening credit card, is a long time ago, and the place is a galaxy far, far away.</p>
</td></tr></table></body></html>`
	a, err := Extract(strings.NewReader(page), "http://www.dailyplanet.example/library/film/052677star.html")
	if err != nil {
		t.Fatal(err)
	}
	if want := "A Trip to a Far Galaxy That's Fun and Funny"; a.Title != want {
		t.Errorf("title %q, want %q", a.Title, want)
	}
}
