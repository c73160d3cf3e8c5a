package scoop

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// A lead set apart from the body (its own class, a bigger font, a box
// after the photo) that readability leaves out comes back, once.
func TestLeadRestored(t *testing.T) {
	lead := "Conductores de todo tipo de vehículos están invitados a la bendición anual que ofrecen mañana los Hermanos Franciscanos Capuchinos en la parroquia."
	body := strings.Repeat("<p>La ceremonia comenzará a las ocho de la mañana y se extenderá hasta el mediodía, con una misa al aire libre y la bendición de cada vehículo por orden de llegada.</p>", 4)
	page := `<html lang="es"><head><meta property="og:description" content="` + lead + `"></head><body>` +
		`<article><h1>Darán bendición a vehículos este sábado</h1>` +
		`<div class="hero"><figure><img src="/a.jpg"><figcaption><p>La bendición se realizará mañana. Foto: LN</p></figcaption></figure>` +
		`<p class="lead--lg"><span style="font-size:1.5em">` + lead + `</span></p></div>` +
		`<div class="entry-content">` + body + `</div></article></body></html>`
	a, err := Extract(strings.NewReader(page), "https://www.example.com.py/nacionales/bendicion")
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(a.Text, "Conductores de todo tipo"); n != 1 {
		t.Errorf("lead appears %d times in:\n%s", n, a.Text)
	}
	if !strings.HasPrefix(a.Text, "Conductores") {
		t.Errorf("lead is not first:\n%.200s", a.Text)
	}
}

// An intro set in its own box under the headline, apart from the body's
// sections, comes back above the body readability picks, in order.
func TestIntroRestored(t *testing.T) {
	intro := []string{
		"Die Nachfrage nach erneuerbaren Energien in Deutschland steigt; Alternativen zu fossilen Energieträgern werden gesucht.",
		"Verbraucher in Deutschland können bereits heute mit Flüssiggas heizen, das teilweise aus erneuerbaren Quellen stammt.",
	}
	section := func(h string) string {
		return `<div class="topic"><h3>` + h + `</h3>` + strings.Repeat(`<p>Dimethylether wird aus Methanol oder direkt aus Synthesegas hergestellt, in mehreren chemischen Prozessen, die heute in großen Anlagen laufen, und eignet sich zum Heizen, Kochen und für Mobilität.</p>`, 3) + `</div>`
	}
	page := `<html lang="de"><body><div class="post-hero"><h1>Dimethylether: Alternative für das Heizen</h1></div>` +
		`<div class="post-top"><div class="post-text"><p>` + intro[0] + `</p><p>` + intro[1] + `</p></div></div>` +
		`<div class="container">` + section("Herstellung") + section("Zusammenspiel mit Flüssiggas") + section("Ausblick") + `</div></body></html>`
	a, err := Extract(strings.NewReader(page), "https://www.example.de/aktuelles/dimethylether/")
	if err != nil {
		t.Fatal(err)
	}
	i0, i1, body := strings.Index(a.Text, intro[0][:40]), strings.Index(a.Text, intro[1][:40]), strings.Index(a.Text, "Dimethylether wird aus")
	if i0 < 0 || i1 < 0 || !(i0 < i1 && i1 < body) {
		t.Errorf("intro missing or out of order (%d, %d, %d):\n%s", i0, i1, body, a.Text)
	}
}

// A page that appends the next story below the article: readability
// takes the longer story, but the article is the prose under the headline.
func TestHeadlineBodyOverAppendedStory(t *testing.T) {
	story := `<article class="post"><h1>Darán bendición a vehículos este sábado</h1>` +
		`<p class="lead">Conductores de todo tipo de vehículos están invitados a la bendición anual.</p>` +
		`<p>Como parte del novenario de preparación para la fiesta de San Leopoldo, los hermanos realizarán la bendición anual de vehículos, incluyendo coches, motos, camiones y bicicletas.</p>` +
		`<p>La ceremonia será este sábado desde las 8:00 sobre la avenida, frente al templo, y se extenderá hasta el mediodía, según informaron los organizadores de la parroquia.</p>` +
		`<p>Será la ocasión también para entregar una guía sobre el cuidado que se debe tener con respecto a la seguridad vial.</p>` +
		`<p>Los organizadores pidieron a los conductores llegar temprano para evitar demoras en la zona.</p></article>`
	next := `<div class="next-story"><h2><a href="/nacionales/fiscal">El fiscal colombiano visitó el país</a></h2><div class="entry-text">` +
		strings.Repeat(`<p>Con la finalidad de encaminar alianzas en torno a la lucha contra el crimen transnacional entre ambos países, el fiscal general llegó al país y mantuvo un encuentro con su par, con quien ratificó los lazos de cooperación jurídica internacional entre ambas instituciones y habló de extradiciones, migración y narcotráfico.</p>`, 14) +
		`</div></div>`
	// Teasers between the two stories: the next story starts far below.
	var teasers strings.Builder
	for i := range 60 {
		fmt.Fprintf(&teasers, `<li><a href="/nacionales/nota-%d">Nota %d: vecinos de la zona reclaman mejoras en el servicio de agua potable y en la recolección de residuos desde hace meses</a></li>`, i, i)
	}
	page := `<html lang="es"><head><title>Darán bendición a vehículos este sábado</title></head><body><div id="content">` + story +
		`</div><ul class="teasers">` + teasers.String() + `</ul><div id="more"><section class="scroll"><div class="slot">` + next + `</div></section></div></body></html>`
	a, err := Extract(strings.NewReader(page), "https://news.example.com.py/nacionales/daran-bendicion")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "guía sobre el cuidado") || !strings.Contains(a.Text, "llegar temprano") {
		t.Errorf("the article's own paragraphs are missing:\n%s", a.Text)
	}
	if strings.Contains(a.Text, "fiscal general") {
		t.Errorf("the appended story is in the body:\n%s", a.Text)
	}
}

// A template that wraps each paragraph in boxes of its own, four deep
// (a trimmed real page): readability keeps the one paragraph whose box
// scores best, and the article is the box that holds them all. Its
// standfirst stands in a div of the page's header.
func TestHeadlineBodyWrappedParagraphs(t *testing.T) {
	page, err := os.ReadFile("testdata/pages/body-wrapped-paragraphs.html")
	if err != nil {
		t.Fatal(err)
	}
	a, err := Extract(bytes.NewReader(page), "https://www.example.de/pilotprojekt-heizen-mit-pellets-aus-laub-21677")
	if err != nil {
		t.Fatal(err)
	}
	// The standfirst, a div under the headline that the description
	// repeats, opens the text.
	if !strings.HasPrefix(a.Text, "In Reichenbach in der Lausitz wird eine neue Idee ausprobiert.") {
		t.Errorf("text does not open with the standfirst:\n%s", a.Text)
	}
	for _, want := range []string{
		"Norbert Döring, Chef der Forschungsgesellschaft",
		"Pilotprojekt: Aus Laub Brennstoff machen",
		"„Aktuell sind wir in einer Situation",
		"Ein Antrag für Fördermittel ist gestellt",
		"Die Bürgermeisterin von Reichenbach",
		"„Man kann diese Pellets genauso verheizen",
	} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("missing %q:\n%s", want, a.Text)
		}
	}
}

// A cookie notice, a log-in panel or a teaser's title inside its link is
// not prose under the headline, even where it is the only prose in
// paragraphs: the article below stands in headings and a quote, and the
// others come after it in the source.
func TestIntroSkipsDialogs(t *testing.T) {
	page := `<html lang="de"><body class="cookies-not-set"><article class="post">` +
		`<h1>Haltet unsere Gewässer sauber!</h1><blockquote><h2>Der Plakatwettbewerb für Kinder</h2>` +
		`<h3>findet in diesem Jahr bereits zum sechsten Mal statt. Kinder zwischen sechs und zwölf Jahren sind aufgerufen, sich mit ihren Ideen zu beteiligen.</h3></blockquote>` +
		`<p>Die Stadtwerke laden alle Schulen ein, die Plakate im Rathaus auszustellen, und danken den vielen Lehrerinnen und Lehrern für ihre Hilfe.</p></article>` +
		`<div id="gdpr_cookie_info_bar"><div class="gdpr-cookie-notice">` +
		`<p>Wir verwenden Cookies, um Dir die bestmögliche Erfahrung auf unserer Website zu bieten, und danken für Dein Verständnis.</p>` +
		`<p>Du kannst mehr darüber erfahren, welche Cookies wir verwenden, oder sie unter Einstellungen deaktivieren, wann immer Du willst.</p></div></div>` +
		`<div class="privacy-modal"><div class="tab-content"><p>Diese Website verwendet Cookies, damit wir Dir die bestmögliche Benutzererfahrung bieten können. Cookie-Informationen werden gespeichert.</p></div></div>` +
		`<div class="loginpanel"><div><p>Du erhältst in Kürze eine E-Mail von uns mit Infos, wie du dein Passwort zurücksetzen kannst, und einen Link zur Bestätigung.</p></div></div>` +
		`<ul class="stream"><li><a href="/a/1"><p class="title">Demograficzna przyszłość Polski. Gdzie ubędzie najwięcej mieszkańców w ciągu najbliższych trzydziestu lat? [MAPA]</p></a></li></ul>` +
		`<div class="teasers"><a href="/a/2"><div><p class="title">Militarne potęgi. Te państwa wydają na wojsko najwięcej na świecie, a Polska awansuje w rankingu [RANKING]</p></div></a></div>` +
		`</body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse("https://blog.example.de/haltet-unsere-gewaesser-sauber/")
	intro := scanPage(doc, u).intro()
	if len(intro) != 1 || !strings.HasPrefix(intro[0].probe, "Die Stadtwerke") {
		var got []string
		for _, c := range intro {
			got = append(got, c.probe)
		}
		t.Errorf("intro = %q, want only the article's paragraph", got)
	}
}

// A place dateline set in a span of its own opens the story's first
// sentence and stays with it; a date line under the headline is debris.
func TestPlaceDatelineStays(t *testing.T) {
	page := `<html lang="en"><head><title>Masks stolen from hospital</title></head><body><article><h1>Masks stolen from hospital</h1>` +
		`<div class="dateline">Feb 18, 2020</div><div class="entry">` +
		`<p><span class="dateline">KOBE – </span>A total of 6,000 surgical masks have been lost at a hospital in Kobe, it was learned Tuesday. Police are investigating the incident as a case of theft.</p>` +
		`<p>The masks had been kept in a machine room on the third floor of the hospital, officials at the institution said, and the room is usually locked.</p>` +
		`<p>Four of the 12 boxes of masks were gone. Each box had 30 packages, which each contained 50 masks, the officials said on Tuesday.</p></div></article></body></html>`
	a, err := Extract(strings.NewReader(page), "https://news.example.com/2020/02/18/national/masks-stolen/")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.Text, "KOBE – A total of 6,000") || strings.Contains(a.Text, "Feb 18, 2020") {
		t.Errorf("text should open with the dateline and drop the date line:\n%s", a.Text)
	}
}
