package scoop

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Bylines as pages and their metadata give them, and the names a reader
// would write down.
func TestCleanByline(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"By Jane Doe", "Jane Doe"},
		{"By MEG KINNARD and ERRIN HAINES, Associated Press", "MEG KINNARD and ERRIN HAINES, Associated Press"},
		{"Analysis by Chris Cillizza, CNN Editor-at-large", "Chris Cillizza, CNN Editor-at-large"},
		{"Autor: Petra Ruland", "Petra Ruland"},
		{"| Autor: gnaddrig", "gnaddrig"},
		{"Auteur: Anna Kubišta", "Anna Kubišta"},
		{"Von:Moritz Pieczewski-Freimuth", "Moritz Pieczewski-Freimuth"},
		{"Text und Interview: Harald Willenbrock", "Harald Willenbrock"},
		{"Текст: Лида Буслаева", "Лида Буслаева"},
		{"Un documentaire de Kristen Falc'hon", "Kristen Falc'hon"},
		{"Lindsey O&#039;Donnell", "Lindsey O'Donnell"},
		{"Carrie ArnoldNovember 15, 2019", "Carrie Arnold"},
		{"Jane Doe on March 3, 2020", "Jane Doe"},
		{"Jane Doe | 3. Mai 2021", "Jane Doe"},
		{"Lüder Hoppe info@buero-hoppe.de", "Lüder Hoppe"},
		{"Deutsche Welle (www.dw.com)", "Deutsche Welle"},
		{"Williams Perdomo @wperdomod", "Williams Perdomo"},
		{"@NatGeoUK", "@NatGeoUK"},
		{"Name (erforderlich)", ""},
		{"Your name *", ""},
		{"March 3, 2020", ""},
		// Names that only look like labels or dates stay whole.
		{"Anna di Stefano", "Anna di Stefano"},
		{"Marie de France", "Marie de France"},
		{"Michael Humpa | CHIP Software-Redaktion", "Michael Humpa | CHIP Software-Redaktion"},
		{"Verein: Historische Wehranlage in Horka e.V.", "Verein: Historische Wehranlage in Horka e.V."},
		{"Story Musgrave", "Story Musgrave"},
		{"Nomvula Dlamini", "Nomvula Dlamini"},
	} {
		if got := cleanByline(c.in); got != c.want {
			t.Errorf("cleanByline(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A blog post whose only "author" element is the comment form's name
// field, and a news page whose JSON-LD escapes the author's apostrophe.
func TestExtractBylineSources(t *testing.T) {
	post := `<!DOCTYPE html><html lang="de"><head><title>Frühling im Garten</title></head><body>
<article><h1>Frühling im Garten</h1>
<p>Endlich ist es so weit: Die ersten Tulpen blühen, und im Beet zeigen sich die Triebe der Stauden, die wir im Herbst gesetzt haben.</p>
<p>Wer jetzt schon säen möchte, sollte auf die Nachtfröste achten. Radieschen und Spinat vertragen die Kälte gut, Tomaten dagegen bleiben besser noch auf der Fensterbank.</p>
<p>In den nächsten Wochen zeige ich euch, wie wir das Hochbeet neu bepflanzen und welche Sorten sich im letzten Jahr bewährt haben.</p>
</article>
<div id="respond"><h3>Schreibe einen Kommentar</h3><form>
<p class="comment-form-author"><label for="author">Name (erforderlich)</label><input id="author" name="author"></p>
<p><label for="email">E-Mail</label><input id="email" name="email"></p></form></div>
</body></html>`
	a, err := Extract(strings.NewReader(post), "https://garten.example/2021/04/fruehling/")
	if err != nil {
		t.Fatal(err)
	}
	if a.Byline != "" {
		t.Errorf("byline from the comment form: %q", a.Byline)
	}

	news := `<!DOCTYPE html><html><head><title>Lawmakers weigh new rules for drones</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Lawmakers weigh new rules for drones",
"datePublished":"2019-07-02T10:00:00-04:00","author":{"@type":"Person","name":"Lindsey O&#039;Donnell"}}</script></head><body>
<article><h1>Lawmakers weigh new rules for drones</h1>
<p>Lawmakers on Tuesday weighed new rules for commercial drones, after a string of near misses at the country's busiest airports this spring.</p>
<p>The proposal would require operators to register each aircraft and to broadcast its position, a step that industry groups have long resisted.</p>
<p>A vote is expected before the summer recess, according to two aides familiar with the schedule.</p>
</article></body></html>`
	a, err = Extract(strings.NewReader(news), "https://news.example/2019/07/02/drones")
	if err != nil {
		t.Fatal(err)
	}
	if a.Byline != "Lindsey O'Donnell" {
		t.Errorf("byline %q, want the JSON-LD author unescaped", a.Byline)
	}
}

func FuzzCleanByline(f *testing.F) {
	for _, s := range []string{"By Jane Doe", "Carrie ArnoldNovember 15, 2019", "Autor: x@y.z", "Name (erforderlich)", "&amp;", "@a @b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := cleanByline(s)
		if !utf8.ValidString(got) && utf8.ValidString(s) {
			t.Errorf("cleanByline(%q) = %q, not UTF-8", s, got)
		}
		if got != strings.TrimSpace(got) {
			t.Errorf("cleanByline(%q) = %q, untrimmed", s, got)
		}
	})
}

// What a cut date leaves, and templates that print a name twice.
func TestCleanBylineLeftovers(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Mike Wuerthele and Malcolm Owen Monday, March 2, 2020", "Mike Wuerthele and Malcolm Owen"},
		{"Jeff FoustMonday, July 1, 2019", "Jeff Foust"},
		{"/ Cory Doctorow / 10:08 am Fri Jan 5, 2018", "Cory Doctorow"},
		{"By GILLIAN MOHNEY March 11, 2015 3:46 PM", "GILLIAN MOHNEY"},
		{"lupa am 26/10/13, 03:48 pm", "lupa"},
		{"Alex Dobuzinskis 2 hours ago", "Alex Dobuzinskis"},
		{"Max Muster vor 3 Stunden", "Max Muster"},
		{"Marie Dupont il y a 5 minutes", "Marie Dupont"},
		{"Houzz Deutschlandvor 5 StundenMehr", "Houzz Deutschland"},
		{"Last Updated: January 7, 2025", ""},
		{"Kristen Falc'honKristen Falc'hon", "Kristen Falc'hon"},
		{"Datum 12.03.2021", ""},
		// No date: the last word stays.
		{"Sunday Times Reporter", "Sunday Times Reporter"},
		{"By The Sun", "The Sun"},
		{"Bo2man", "Bo2man"},
	} {
		if got := cleanByline(c.in); got != c.want {
			t.Errorf("cleanByline(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Publisher names as og:site_name gives them on real pages.
func TestPublisherName(t *testing.T) {
	for _, c := range []struct{ name, title, want string }{
		{"Land zahlte rund 1,4 Millionen Euro Erlegungsprämie für Wildschweine | MLUK", "Land zahlte rund 1,4 Millionen Euro Erlegungsprämie für Wildschweine", "MLUK"},
		{"Achtsam durch die Krise | Die FURCHE", "Achtsam durch die Krise", "Die FURCHE"},
		{"☆☆☆☆☆ - Journalistenwatch e.V. - Aktuelle Geschehnisse", "Ladensterben immer dramatischer", "Journalistenwatch e.V. - Aktuelle Geschehnisse"},
		{"tdg.ch/", "Berne interdit désormais le chlorothalonil", "tdg.ch"},
		// Names that hold no title stay as they are.
		{"The GiveWell Blog", "The GiveWell Blog", "The GiveWell Blog"},
		{"Bundesministerium für Bildung und Forschung - BMBF", "Energiewende und nachhaltiges Wirtschaften", "Bundesministerium für Bildung und Forschung - BMBF"},
		{"Autoracing | F1 | Indy | MotoGP", "Calendário Stock Car 2018", "Autoracing | F1 | Indy | MotoGP"},
		{"20 Minuten", "Unfall auf der A1", "20 Minuten"},
	} {
		if got := publisherName(c.name, c.title); got != c.want {
			t.Errorf("publisherName(%q, %q) = %q, want %q", c.name, c.title, got, c.want)
		}
	}
}
