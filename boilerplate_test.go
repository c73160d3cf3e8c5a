package scoop

import (
	"strings"
	"testing"
)

func TestBoilerplate(t *testing.T) {
	debris := map[string]string{
		"Sign up here to get the Morning Briefing in your inbox.":                        "signup",
		"Never miss the latest news by signing up for our newsletter":                    "signup",
		"Jetzt kostenlos anmelden und Newsletter abonnieren":                             "signup",
		"Zapraszamy też do subskrypcji naszego newslettera.":                             "signup",
		"Got a story? Email news@example.com":                                            "tips",
		"Puede escribirnos a cartas@example.com":                                         "tips",
		"Read the full story at The Daily Star":                                          "aggregator",
		"This is a summary of reporting by Reuters and AP.":                              "aggregator",
		"Click here to watch live":                                                       "promo",
		"Already a subscriber? Log in to continue reading.":                              "paywall",
		"Sie sind aktuell nicht eingeloggt.":                                             "paywall",
		"Fanden Sie diesen Artikel nützlich?":                                            "rating",
		"Was this article helpful?":                                                      "rating",
		"Read comments (3)":                                                              "comments",
		"Kommentare (12)":                                                                "comments",
		"Warning: Creating default object from empty value in /var/www/x.php on line 12": "warning",
		"Published 6:02 a.m.":                                                            "clock",
		"14:30 Uhr":                                                                      "clock",
		"Kommentare geschlossen":                                                         "comment-status",
		"Leave a comment":                                                                "comment-status",
		"Kommentare insgesamt: 4":                                                        "comment-status",
		"Artikel gefallen? Vergiss nicht zu teilen!":                                     "share",
		"If you enjoyed reading this post, please share it.":                             "share",
		"Aufrufe: 1.204":                                                                 "views",
		"2.530 Views":                                                                    "views",
		"Kategorie: News":                                                                "category",
		"Filed under: Politics, Elections":                                               "category",
		"Materiał chroniony prawem autorskim.":                                           "rights",
		"Alle Angaben ohne Gewähr":                                                       "rights",
		"(Noch keine Bewertungen)":                                                       "rating",
		"This entry was posted in Local News on May 3, 2021 by Jane Doe. Bookmark the permalink.":                                                                                                                             "postmeta",
		"Der Beitrag wurde am Mittwoch, den 27. November 2019 um 15:21 Uhr veröffentlicht und wurde unter Allgemein abgelegt.":                                                                                                "postmeta",
		"Erstellt am Dienstag 6. Mai 2014 um 23:30 und abgelegt unter Linux, Tutorials, Ubuntu. Kommentare zu diesen Eintrag im RSS 2.0 Feed. Kommentare und Pings sind derzeit nicht erlaubt.":                               "postmeta",
		"This entry was posted on Tuesday, May 6th, 2014 at 11:30 pm and is filed under Linux, Tutorials. You can follow any responses to this entry through the RSS 2.0 feed. Both comments and pings are currently closed.": "postmeta",
		"We recommend the best products through an independent review process, and advertisers do not influence our picks. We may receive compensation if you visit partners we recommend.":                                   "disclosure",
		"This post contains affiliate links, which means we earn a small commission at no cost to you.":                                                                                                                       "disclosure",
		"Solche Links kennzeichnen wir mit einem Sternchen (*). Kaufen Sie dort, erhalten wir eine Provision.":                                                                                                                "disclosure",
		"Help us continue to spread the magic of words to readers everywhere":                                                                                                                                                 "appeal",
		"Support our journalism: become a member today.":                              "appeal",
		"Unterstützen Sie unabhängigen Journalismus mit einem Abo.":                   "appeal",
		"[What you need to know to start the day: Get New York Today in your inbox.]": "signup",
		"Recevez chaque matin l'essentiel de l'actualité dans votre boîte mail":       "signup",
		"A version of this article appears in print on March 3, 2018, on Page A22 of the New York edition with the headline: Under the City’s Streets. Order Reprints | Today’s Paper | Subscribe": "print",
		"Dieser Artikel erschien zuerst in der Printausgabe vom 3. März.":                                                               "print",
		"Pokud jste v článku zaznamenali chybu nebo překlep, dejte nám, prosím, vědět prostřednictvím kontaktního formuláře. Děkujeme!": "errors",
		"If you spot an error in this article, please let us know.":                                                                     "errors",
		"Haben Sie einen Fehler im Text gefunden? Schreiben Sie uns.":                                                                   "errors",
		"Vous avez repéré une erreur ? Signalez-la à la rédaction.":                                                                     "errors",
		"¿Has visto algún error? Escríbenos.":                                                                                           "errors",
		"Met een nieuwe functie van Google bepaal je zelf welke bronnen je als eerste ziet wanneer je zoekt naar nieuws. Volg ons en mis nooit meer het laatste nieuws over zonne-energie.": "follow",
		"Add The Courier as a preferred source on Google":                                       "follow",
		"Sofern nicht anders ausgewiesen, stehen Inhalte dieser Website unter CC-BY":            "license",
		"This work is licensed under a Creative Commons Attribution 4.0 International License.": "license",
		"Gefällt Ihnen dieser Artikel?":                                                         "rating",
		"Did you enjoy this article?":                                                           "rating",
		"Jede kleine Spende hilft den notleidenden Menschen dieser Welt!":                       "appeal",
		"Every donation, no matter how small, helps.":                                           "appeal",
		"Verraten Sie gerne in den Kommentaren: Was bedeutet ein Preis der Leser für Ihr Büro?": "comment-prompt",
		"Tell us in the comments: what would you have done?":                                    "comment-prompt",
		"Weiterführender Link":                                                                  "label",
		"MORE FROM":                                                                             "label",
		"More from Salon":                                                                       "label",
		"Auskunft über vergangenes Wetter… mehr •••":                                            "more",
		"The council met on Tuesday to discuss the new budget... Read more »":                   "more",
		"Vergrößern Die neue Kamera sitzt in einer kleinen Aussparung im Display.":              "enlarge",
		"Enlarge A view of the harbour from the old lighthouse.":                                "enlarge",
		"Klicken Sie auf den unteren Button, um den Inhalt von www.example.com zu laden.":       "embed-consent",
		"Click on the button below to load the content of www.example.com.":                     "embed-consent",
		"Von:":    "empty-label",
		"Text: /": "empty-label",
		"Der Artikel wurde erfolgreich hinzugefügt.":                            "cart",
		"The item was successfully added to your cart.":                         "cart",
		"Quellen ausblenden":                                                    "toggle",
		"Show transcript":                                                       "toggle",
		"asked Mar 3, 2015 at 9:12":                                             "qa-meta",
		"Weitere Infos unter www.example-junioren.de.":                          "more-info",
		"More information at https://www.example.org/tournament":                "more-info",
		"Um die Anmeldung abzuschließen, klicken Sie auf den Link in der Mail.": "confirm",
	}
	for line, want := range debris {
		if got := boilerplate(line, strings.ToLower(line)); got != want {
			t.Errorf("boilerplate(%q) = %q, want %q", line, got, want)
		}
	}
	prose := []string{
		"More information on the vaccine is expected next week.",
		"Weitere Informationen gab die Polizei nicht bekannt.",
		"Von: Anna Berger, Hamburg",
		"Quelle: Statistisches Bundesamt",
		"Show more respect to the nurses, the union leader told the crowd.",
		"The drug was added to the cart of medicines the hospital keeps for emergencies, the nurse said.",
		"She asked Mar 3 to be moved to the night shift.",
		"Vergrößern Sie das Foto, sagte der Fotograf, dann sehen Sie die Risse im Putz.",
		"Enlarge the photo and you can see the cracks in the wall, the engineer said.",
		"Er zögerte… mehr wollte er dazu nicht sagen.",
		"Click the button below the screen to start the machine, the manual says.",
		"The mayor said residents who sign up for the program will get an email when the pool reopens in June.",
		"Subscribers to the service complained that the app logged them out every morning.",
		"Die Stimmen wurden am Abend ausgezählt; 14 Kommentare gingen beim Amt ein, sagte sie.",
		"He read the full report before the vote at 6:02 a.m. on Tuesday, officials said.",
		"Weitere Tipps gab es keine.",
		"Most read the statement as a retreat.",
		"Readers who leave a comment on the city's site will get an answer within a week, the office said.",
		"The category of the award was changed after 2,530 views were counted.",
		"Die Kategorie: ein Preis für junge Autorinnen, vergeben seit 1998 in der Stadt.",
		"The letter was posted in the town hall window on Monday, the mayor said.",
		"The agents earn a commission on each sale, and the company may receive compensation from insurers, the report found.",
		"Supporters of the plan said it would help the city keep its budget balanced through the winter.",
		"Spenden gingen vor allem aus dem Ausland ein, sagte der Vorsitzende des Vereins am Montag.",
		"Werbung im Fernsehen wird teurer, sagen die Sender.",
		"Werbung für Zigaretten ist seit 2007 verboten.",
		"Follow the money on this one, the senator said.",
		"The browser is out of date, the security researchers warned, and should be updated.",
		"Like us, the neighbours had no power for three days after the storm.",
		"Follow-up visits are planned for May, the ministry said.",
		"The company said it uses cookies from a bakery in Lyon for its in-flight snack.",
		"Der Newsletter des Ministeriums erscheint seit 2019 monatlich und erreicht rund 40.000 Leser.",
		"Anzeige gegen den Bürgermeister erstattet",
		"Das Gedicht wurde unter dem Titel „Herbst“ veröffentlicht und später vertont, wie die Herausgeberin im Nachwort des 2019 erschienenen Bandes schreibt, der auch viele ihrer Briefe enthält.",
		"Unless otherwise noted, the figures are from the city's 2019 budget, the council said.",
		"The software is licensed under the GPL, and anyone may change it, the developers said.",
		"Gefällt Ihnen dieser Artikel, fragte die Lehrerin, und die Klasse schwieg.",
		"Every donation to the campaign is published on the commission's website within a week.",
		"Readers told us in the comments that the bridge had been closed for years.",
		"The inspectors found an error in the accounts in March and reported it to the board, the company said.",
		"If you find a mistake on your tax return, you can file an amended return within three years, the agency said.",
		"Subscribers get the report in their inbox every morning, the company said, and 40,000 people read it.",
		"The story first appeared in print in 1962, the editor said.",
		"Follow the river and you will never miss the turn, the guide told the group.",
		"L'étude a été publiée dans la revue Nature en mars, et ses auteurs, une équipe de l'université de Lyon, ont publié dans la foulée un second article sur les mêmes données, a indiqué le laboratoire.",
	}
	for _, line := range prose {
		if got := boilerplate(line, strings.ToLower(line)); got != "" {
			t.Errorf("prose %q taken for %s", line, got)
		}
	}
}

// Photo credits whose source comes before "photo by" are credits; a
// sentence about a photo is prose.
func TestPhotoCredits(t *testing.T) {
	credits := []string{"Crédits photos : Bestimage", "Beitragsbild: Titelseite vom 2.4.2019", "Image illustrative : Lego by Ninja Brick", "Gazette photo by John Smith", "Staff photo by Jane Doe", "Courtesy photo", "Photo courtesy of the city of Boise", "(Photo by Mark Lennihan/AP)", "Foto: dpa", "Abbildung: Farblich codierte Schneehöhen für das Mattertal", "Grafik: Statistisches Bundesamt", "Roman Prymula, photo: Archives du Gouvernement tchèque", "Angela Merkel, Foto: dpa"}
	for _, s := range credits {
		if !photoCredit(strings.ToLower(s)) {
			t.Errorf("%q is a photo credit", s)
		}
	}
	prose := []string{"The photo by Smith won an award at the state fair in 2010.", "A photo by a reader shows the flooded street.", "Roman Prymula, the minister, said the photo: was taken in May."}
	for _, s := range prose {
		if photoCredit(strings.ToLower(s)) {
			t.Errorf("%q is prose, not a credit", s)
		}
	}
}

// App promotions name the app and where it goes; a sentence about an
// app update is prose.
func TestPromoLines(t *testing.T) {
	promo := []string{"Get the latest news straight to your phone with the Daily Courier app.", "Download the NBC News app for breaking news alerts", "Die Sport-App Jetzt kostenlos für iOS und Android!"}
	for _, s := range promo {
		if !mayPromo(strings.ToLower(s)) || !rxPromo.MatchString(s) {
			t.Errorf("%q is an app promotion", s)
		}
	}
	prose := []string{"The alerts go straight to your phone, the sheriff said.", "Residents can get the alerts through the county's app or by text message, officials said."}
	for _, s := range prose {
		if mayPromo(strings.ToLower(s)) && rxPromo.MatchString(s) {
			t.Errorf("prose %q taken for a promotion", s)
		}
	}
}

// Print, share and image buttons are labels; a sentence that starts
// with the verb is not.
func TestPrintLabels(t *testing.T) {
	for _, s := range []string{"Imprimer Imprimer cette page", "Drucken", "Artikel drucken", "Imprimir esta página", "Bild anzeigen Bild schließen", "Facebook", "auf Twitter", "twittern", "Mehr anzeigen", "Anmelden", "Log in", "Read More", "Advertise with Us", "Post Comment (+)", "Page load link", "REPORTE UN ERROR", "Fehler melden", "JaNein", "NEXT ARTICLE", "Watch video 02:17", "Iklan", "Text size", "Image 1 of 1", "RECENT ARTICLES", "Tell us what YOU think...", "Like this story? Share it with a friend!", "Tempo de leitura: 2 minutos", "1.234 letture", "Zum Inhalt springen", "Navigation öffnen Navigation schließen", "Wechseln zu: Navigation, Suche", "Estimated reading time: 6 minutes", "Hauptmenü", "Télécharger", "SEGUIR", "Registrieren kostenlos", "Found This Helpful", "Promoted By Zergnet", "Photo", "EXCLUSIVE", "Gallery: Xbox One X | 14 Photos"} {
		if !isLabel(s) {
			t.Errorf("%q is a print button", s)
		}
	}
	for _, s := range []string{"Drucken Sie das Formular aus.", "Imprimir cuesta dinero.", "Facebook wurde 2004 gegründet.", "Suche nach dem Täter dauert an."} {
		if isLabel(s) {
			t.Errorf("prose %q taken for a print button", s)
		}
	}
}

// A source credited on a line of its own is a credit; a sentence that
// starts with the word is prose.
func TestSourceLines(t *testing.T) {
	for _, s := range []string{"Źródło: ISBnews", "Quelle: dpa", "Source : AFP"} {
		if !rxSourceLine.MatchString(s) {
			t.Errorf("%q is a source credit", s)
		}
	}
	for _, s := range []string{"Source: a senior official. He spoke on condition of anonymity.", "Quelle: Die Stadt hat die Zahlen am Montag veröffentlicht, sagte sie."} {
		if rxSourceLine.MatchString(s) {
			t.Errorf("prose %q taken for a source credit", s)
		}
	}
}

// Links to the previous and next post, set apart with guillemets, are
// navigation; a quotation in guillemets is prose.
func TestPostNavigation(t *testing.T) {
	para := "<p>Die Stadt hat am Montag beschlossen, den alten Bahnhof bis zum Sommer zu einem Kulturzentrum umzubauen, wie die Bürgermeisterin sagte.</p>"
	page := `<html lang="de"><body><article><h1>Der Bahnhof wird Kulturzentrum</h1>` + strings.Repeat(para, 4) +
		`<p>« Das wird ein Ort für alle », sagte sie.</p>` +
		`<p><a href="/2019/05/willkommen/">« Willkommen, neue Mitbewohner!</a></p><p><a href="/2019/07/inbox/">Neues aus der Inbox »</a></p></article></body></html>`
	a, err := Extract(strings.NewReader(page), "https://blog.example.de/2019/06/bahnhof/")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Text, "Willkommen, neue") || strings.Contains(a.Text, "Neues aus der Inbox") || !strings.Contains(a.Text, "ein Ort für alle") {
		t.Errorf("post navigation kept or quotation lost:\n%s", a.Text)
	}
}

// The label patterns run on every short line: their start filters must
// build (a branch that may start anywhere would switch them off).
func TestLabelFilters(t *testing.T) {
	for name, f := range map[string]filteredRx{"rxLabel": rxLabel, "rxReadingLabel": rxReadingLabel} {
		if f.filter == nil {
			t.Errorf("%s has no start filter", name)
		}
	}
}

// Lines set apart by <br> inside one block are lines too: a social
// pitch or a photo credit after the last paragraph's <br> goes, and a
// block of only a date and a category line goes; a category line or a
// date among lines of prose stays.
func TestLinesBetweenBreaks(t *testing.T) {
	para := "<p>Die Tauchmesse in Tulln wurde wegen der steigenden Infektionszahlen abgesagt, wie der Veranstalter am Montag mitteilte.</p>"
	page := `<html lang="de"><body><article><h1>Tauchmesse abgesagt</h1>` +
		`<div class="meta">24.01.2022 11:38<br>Kategorie: News</div>` + strings.Repeat(para, 3) +
		`<p>Preis, 2008<br>Kategorie: Kurzfilm<br>für die Realisation der Kampagne zur Messe in Tulln</p>` +
		`<p>Die nächste Messe ist für den Herbst geplant, sagte ein Sprecher am Montag.<br>Foto © Peter Steiger</p>` +
		`<p><strong>Nutze die kleine rote Glocke, um informiert zu werden!</strong><br>Folge uns auf <a href="https://www.facebook.example/sw">Facebook</a> | <a href="https://www.instagram.example/sw">Instagram</a></p>` +
		`</article></body></html>`
	a, err := Extract(strings.NewReader(page), "https://www.taucher.example/news/tauchmesse-abgesagt")
	if err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{"Kategorie: News", "11:38", "Peter Steiger", "Folge uns"} {
		if strings.Contains(a.Text, gone) {
			t.Errorf("%q kept:\n%s", gone, a.Text)
		}
	}
	for _, kept := range []string{"Kategorie: Kurzfilm", "Preis, 2008", "für den Herbst geplant", "rote Glocke"} {
		if !strings.Contains(a.Text, kept) {
			t.Errorf("%q lost:\n%s", kept, a.Text)
		}
	}
}

// An app store named in a sentence is prose; a badge line that sends
// readers to the store is a promotion.
func TestAppStoreMentions(t *testing.T) {
	para := "<p>Developers upload a new version of their app, and the store works out what changed since the version already on the phone.</p>"
	page := `<html lang="en"><body><article><h1>Smaller app updates</h1>` + strings.Repeat(para, 3) +
		`<p>In order to get the new version of the app, Google Play sends your device a patch that describes the differences between the old and new versions of the app.</p>` +
		`<blockquote><p>The right context is Apple’s App Store policies. Other developers are not his responsibility.</p></blockquote>` +
		`<p>Get the Daily Courier app: <a href="https://apps.example/courier">Download on the App Store</a> | <a href="https://play.example/courier">Get it on Google Play</a></p>` +
		`<p><a href="https://play.example/courier">Available on Google Play</a></p>` +
		`</article></body></html>`
	a, err := Extract(strings.NewReader(page), "https://news.example.com/2024/05/02/smaller-app-updates")
	if err != nil {
		t.Fatal(err)
	}
	for _, kept := range []string{"Google Play sends your device", "App Store policies"} {
		if !strings.Contains(a.Text, kept) {
			t.Errorf("prose %q lost:\n%s", kept, a.Text)
		}
	}
	for _, gone := range []string{"Download on the App Store", "Available on Google Play"} {
		if strings.Contains(a.Text, gone) {
			t.Errorf("badge %q kept:\n%s", gone, a.Text)
		}
	}
}

// The lines a news template sets inside the article after or between
// its paragraphs: a newsletter pitch in brackets, a print-edition note,
// an error-report prompt, a follow pitch and a licence line go; the prose
// stays.
func TestTemplateLinesInArticle(t *testing.T) {
	para := "<p>The city’s aging pipes and cables are hard to keep up, and the rock salt and freeze-thaw cycles of winter make the work even harder, officials said.</p>"
	page := `<html lang="en"><body><article><h1>Under the streets, a battle against winter</h1>` +
		`<p>New York’s aging below-street infrastructure is tough to maintain, and winter makes it even worse.</p>` +
		`<p><a href="https://www.example.com/newsletters/today">[What you need to know to start the day: Get City Today in your inbox.]</a></p>` +
		strings.Repeat(para, 4) +
		`<p>If you spot an error in this article, please let us know through our contact form. Thank you!</p>` +
		`<p>Add The Courier as a preferred source on Google</p>` +
		`<p>This work is licensed under a <a href="https://creativecommons.org/licenses/by/4.0/">Creative Commons Attribution 4.0 International License</a>.</p>` +
		`<p>A version of this article appears in print on March 3, 2018, on Page A22 of the New York edition with the headline: Under the City’s Streets. <a href="/reprints">Order Reprints</a> | <a href="/paper">Today’s Paper</a> | <a href="/subscribe">Subscribe</a></p>` +
		`</article></body></html>`
	a, err := Extract(strings.NewReader(page), "https://www.example.com/2018/03/02/nyregion/winter-streets.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{"in your inbox", "spot an error", "preferred source", "appears in print", "licensed under"} {
		if strings.Contains(a.Text, gone) {
			t.Errorf("%q kept:\n%s", gone, a.Text)
		}
	}
	if !strings.Contains(a.Text, "tough to maintain") || strings.Count(a.Text, "freeze-thaw") != 4 {
		t.Errorf("prose lost:\n%s", a.Text)
	}
}

// Credits, captions and widget lines that stand alone in a story go:
// the closing lines of a reprinted Chinese story, captions that open
// "图为" or "图注：", credits in parentheses and a widget's "Powered
// by". Prose that starts with the same
// words stays.
func TestCreditLinesAlone(t *testing.T) {
	zh := `<html lang="zh-CN"><body><article><h1>宇航员在太空中喝酒会怎么样？</h1>` +
		strings.Repeat(`<p>翱翔于距地球数千公里的太空中，进入广袤漆黑的未知领域，是一项艰苦卓绝的工作。这让人感到巨大压力和极度恐慌。</p>`, 3) +
		`<p><img src="/a.jpg"></p><p>图注：测试表明，有关人在高空中喝酒更容易醉的传言是不正确的</p>` +
		`<p>图为李博灏在瑞士日内瓦联合国欧洲总部的近影。</p>` +
		`<p>作者认为，这将是未来一个可能产生冲突的领域，因为人们具有不同的文化背景，他们对饮酒的态度不同。</p>` +
		`<p>原标题：他晚于阿姆斯特朗登月 却是首个敢在月球喝酒的人</p><p>出品︱网易科学人栏目组 胖胖</p><p>作者︱春春</p>` +
		`</article></body></html>`
	a, err := Extract(strings.NewReader(zh), "https://tech.example.cn/2017/0301/story_123.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{"图注", "图为", "原标题", "出品", "作者︱"} {
		if strings.Contains(a.Text, gone) {
			t.Errorf("%q kept:\n%s", gone, a.Text)
		}
	}
	if !strings.Contains(a.Text, "作者认为") {
		t.Errorf("prose lost:\n%s", a.Text)
	}

	para := "<p>Picture a deck of tarot cards. Maybe the Magician in his rich red robes, right arm raised high above him, or the skeleton on horseback for Death.</p>"
	en := `<html lang="en"><body><article><h1>The deck of cards that made tarot</h1><p>(All photos: Atlas staff)</p>` +
		strings.Repeat(para, 3) + `<p><img src="/b.jpg"></p><p>(Artist: Jane Doe)</p>` +
		`<div><p>Powered by SmartAsset.com</p></div>` +
		`<p>The artist: a woman who drew all 78 cards in a few months, and was paid a flat fee for them.</p>` +
		strings.Repeat(para, 2) + `</article></body></html>`
	a, err = Extract(strings.NewReader(en), "https://www.example.com/articles/tarot-deck")
	if err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{"All photos", "Artist: Jane", "Powered by"} {
		if strings.Contains(a.Text, gone) {
			t.Errorf("%q kept:\n%s", gone, a.Text)
		}
	}
	if !strings.Contains(a.Text, "The artist: a woman") {
		t.Errorf("prose lost:\n%s", a.Text)
	}
}

// The prompts and captions a German article page sets between and after
// its paragraphs go: a figure's caption under its label, a name with the
// photo's source, a "did you like it" prompt, a donation appeal and a
// prompt to comment. The prose stays.
func TestPromptsAndCaptions(t *testing.T) {
	para := "<p>Die Schneehöhen in den Alpen lassen sich seit dem vergangenen Winter aus Satellitenbildern mit einer Auflösung von wenigen Metern berechnen, wie das Institut mitteilte.</p>"
	page := `<html lang="de"><body><article><h1>Schneehöhen in hoher Auflösung</h1>` + strings.Repeat(para, 2) +
		`<p><img src="/a.jpg"></p><p>Abbildung: Vergleich auf dem Aletschgletscher. Unsere Variationen der Schneehöhe passen optisch sehr gut zu den beobachteten Variationen des Schneeaufkommens.</p>` +
		strings.Repeat(para, 2) + `<p><img src="/b.jpg"></p><p>Roman Prymula, Foto: Archiv des Instituts</p>` + para +
		`<p>Gefällt Ihnen dieser Artikel?</p><p>Jede kleine Spende hilft den notleidenden Menschen dieser Welt!</p>` +
		`<p>Verraten Sie gerne in den Kommentaren: Was bedeutet der Schnee im Winter für Ihren Ort?</p>` +
		`</article></body></html>`
	a, err := Extract(strings.NewReader(page), "https://www.example.ch/de/news/schneehoehen-in-hoher-aufloesung")
	if err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{"Abbildung:", "Prymula", "Gefällt Ihnen", "Jede kleine Spende", "Verraten Sie"} {
		if strings.Contains(a.Text, gone) {
			t.Errorf("%q kept:\n%s", gone, a.Text)
		}
	}
	if strings.Count(a.Text, "Die Schneehöhen") != 5 {
		t.Errorf("prose lost:\n%s", a.Text)
	}
}

// A bar of short meta items is a post's meta line when one of its items
// is a line rule's on its own; a bar of dates or of facts is content.
func TestMetaBar(t *testing.T) {
	bars := []string{
		"Aufrufe: 845 | Hinzugefügt von: Lena | Tags: Gedichte, Herbst | Bewertung: 4.5/5",
		"Kommentar-Feed | Kommentare geschlossen | Trackback-URL",
		"Posted by admin | Leave a comment | Share",
		"12.450 views | 4 comments",
		"PDF | 38 KB | Datei ist nicht barrierefrei",
	}
	for _, l := range bars {
		if got := boilerplate(l, strings.ToLower(l)); got != "metabar" {
			t.Errorf("boilerplate(%q) = %q, want metabar", l, got)
		}
	}
	content := []string{
		"29 November 2018 | 20 January 2019",
		"Preis: 12 Euro | Dauer: 2 Stunden | Treffpunkt: Rathaus",
		"Berlin | Hamburg | München",
		"The council voted 7 | 2 to keep the library open, and the mayor said the views of readers had weighed on the decision.",
	}
	for _, l := range content {
		if got := boilerplate(l, strings.ToLower(l)); got != "" {
			t.Errorf("%q taken for %s", l, got)
		}
	}
}

// A video playlist's labels, a photo's button, links to the next and
// previous posts and a closing call to discuss the story on a social
// network stand as lines of their own once their widgets go; prose that
// names the same things stays.
func TestWidgetLinesInStory(t *testing.T) {
	para := "<p>The champion said he had been exhausted after the season and had a fever when the car made light contact with a stationary vehicle in Monaco.</p>"
	page := `<html lang="en"><body><div class="blog-nav"><a href="/2011/03/08/a/">See previous articles</a></div><article><h1>Exhausted champion crashes car on eve of Grand Prix</h1>` +
		`<p>After running away with the championship, the driver says he has run out of gas.</p>` + para +
		`<div class="player"><p>JUST WATCHED</p><p>MUST WATCH</p></div>` + para +
		`<figure><img src="/crash.jpg"><figcaption><span>ENLARGE</span></figcaption></figure>` + para +
		`<p>He said he just watched the replay of the race twice before going to bed.</p>` +
		`<p>Tell us what you think of the crash on our Sport Facebook page</p>` +
		`<p>Join us at Facebook/DailyOpinion</p></article>` +
		`<div class="blog-nav"><a href="/2011/03/10/b/">See next articles</a></div></body></html>`
	a, err := Extract(strings.NewReader(page), "https://www.example.com/2015/11/13/motorsport/champion-crashes-car/index.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{"JUST WATCHED", "MUST WATCH", "ENLARGE", "Tell us what you think", "Join us at Facebook", "previous articles", "next articles"} {
		if strings.Contains(a.Text, gone) {
			t.Errorf("%q kept:\n%s", gone, a.Text)
		}
	}
	if !strings.Contains(a.Text, "watched the replay") || strings.Count(a.Text, "light contact") != 3 {
		t.Errorf("prose lost:\n%s", a.Text)
	}
}
