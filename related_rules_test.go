package scoop

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRelatedRules checks each rule for related stories on a small page
// trimmed from the kind of site that needs it (testdata/related). The
// expected stories are written from the page: URL (as the crawler
// normalises it), title, block label and inline flag, in page order.
// Titles must not stay in the body.
func TestRelatedRules(t *testing.T) {
	type want struct{ url, title, block string }
	const courier = "https://www.riversidecourier.example"
	traders := courier + "/news/2025/01/10/mill-street-traders-fear-closure/"
	report := courier + "/news/2024/12/02/bridge-inspection-report/"
	grant := courier + "/news/2024/11/20/state-grant-for-bridge/"
	const (
		tradersTitle = "Mill Street traders fear a fourteen-month bridge closure"
		reportTitle  = "Inspection report finds the bridge deck near the end of its life"
		grantTitle   = "State grant covers two thirds of bridge cost"
	)
	tests := []struct {
		page   string
		url    string
		inline bool // all stories of the page
		want   []want
		body   []string // text that must stay out of the body
	}{
		{"carousel-broken-title", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", false, []want{
			{traders, "Mill Street traders fear a fourteen-month bridge closure", "More Related Stories"},
			{report, "Inspection report finds the bridge deck near the end of its life", "More Related Stories"},
			{grant, "State grant covers two thirds of bridge cost", "More Related Stories"},
		}, nil},
		{"bracketed-read", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", true, []want{
			{traders, tradersTitle, "Read"},
			{report, reportTitle, "Read more"},
			{grant, grantTitle, ""},
		}, []string{"[Read", tradersTitle, grantTitle}},
		{"more-callout", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", true, []want{
			{traders, tradersTitle, "MORE"},
			{report, reportTitle, "MORE"},
		}, []string{"MORE :", tradersTitle}},
		{"allcaps-inline", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", true, []want{
			{traders, "MILL STREET TRADERS FEAR A FOURTEEN-MONTH BRIDGE CLOSURE", ""},
		}, []string{"MILL STREET TRADERS"}},
		{"protocol-relative-es", "https://www.diariodelvalle.example/local/2025/01/14/aprobado-puente-del-rio.html", false, []want{
			{"https://www.diariodelvalle.example/local/2025/01/10/comerciantes-temen-cierre.html?rel=mas", "Los comerciantes temen un cierre de catorce meses", "Más información"},
			{"https://www.diariodelvalle.example/local/2024/12/02/informe-tablero-puente.html?rel=mas", "Un informe da por agotado el tablero del puente", "Más información"},
			{"https://www.diariodelvalle.example/local/2024/11/20/subvencion-puente.html", "La subvención cubre dos tercios del coste del puente", "Noticias relacionadas"},
		}, []string{"Más información", "Los comerciantes temen"}},
		{"teaser-box-de", "https://www.flussbote.example/lokales/stadtrat-beschliesst-neubau-der-flussbruecke-a-100231.html", true, []want{
			{"https://www.flussbote.example/lokales/haendler-fuerchten-lange-sperrung-a-100187.html", "Händler fürchten die lange Sperrung der Brücke", ""},
		}, []string{"Händler fürchten", "Mühlenstraße\n"}},
		{"topic-aside-fr", "https://www.lecourrierdelariviere.example/ville/le-conseil-approuve-la-reconstruction-du-pont-8812345.php", true, []want{
			{"https://www.lecourrierdelariviere.example/ville/les-commercants-craignent-la-fermeture-8809876.php", "Les commerçants craignent une fermeture de quatorze mois", "Plus sur le pont de la rivière"},
			{"https://www.lecourrierdelariviere.example/ville/le-tablier-du-pont-en-fin-de-vie-8801234.php", "Le tablier du pont en fin de vie selon un rapport", "Plus sur le pont de la rivière"},
			{"https://www.lecourrierdelariviere.example/region/la-region-finance-les-deux-tiers-du-pont-8799001.php", "La région finance les deux tiers du nouveau pont", "Lire aussi"},
			{"https://www.lecourrierdelariviere.example/ville/un-parking-gratuit-pour-les-riverains-8812001.php", "Un parking gratuit pour les riverains pendant les travaux", "Lire"},
		}, []string{"Lire aussi", "Lire :", "Les commerçants craignent"}},
		{"widget-and-tags", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", false, []want{
			{traders, tradersTitle, "Related stories"},
			{report, reportTitle, "Related stories"},
		}, nil},
		// A script hook's class ("js-outbrain-anchor") on the site's own
		// list names the widget appended after it, not the list.
		{"script-hook-aside-en", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", false, []want{
			{traders, tradersTitle, "more on this story"},
			{report, reportTitle, "more on this story"},
			{grant, grantTitle, "more on this story"},
		}, []string{tradersTitle}},
		// A portal's fixed top bar offers other blogs' posts by topic on
		// every page; its logo is the page's first h1.
		{"topbar-menu-en", "https://steven.blogville.example/blog/post/39926056", false, []want{
			{"https://csam.blogville.example/blog/post/165122302?from=related", "The Yufeng road in the maple season", "You may also like"},
			{"https://oblu.blogville.example/blog/post/76200255?from=related", "Camping at the plum blossom lodge", "You may also like"},
		}, nil},
		// A portal's copy of a publisher's story: "More from <its brand>"
		// over the publisher's links, the site its canonical link names.
		{"reprint-provider-en", "https://news.portal.example/en-us/news/local/council-approves-river-bridge-rebuild/ar-AAkm7Xj", false, []want{
			{"https://news.portal.example/en-us/news/local/mill-street-traders-fear-closure/ar-AAkj8XR", tradersTitle, "Related stories"},
			{"https://news.portal.example/en-us/news/local/bridge-inspection-report/ar-AAk0TC6", reportTitle, "Related stories"},
		}, nil},
		// A heading of a label and a link to the stream's own page over
		// the stream's stories: the link names the list.
		{"stream-heading-en", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", false, []want{
			{traders, tradersTitle, "More from this stream"},
			{report, reportTitle, "More from this stream"},
			{grant, grantTitle, "More from this stream"},
		}, nil},
		{"kicker-title-fr", "https://www.lecourrierdelariviere.example/ville/le-conseil-approuve-la-reconstruction-du-pont-8812345.php", false, []want{
			{"https://www.lecourrierdelariviere.example/ville/les-commercants-craignent-la-fermeture-8809876.php", "Les commerçants craignent une fermeture de quatorze mois", "Sur le même sujet"},
			{"https://www.lecourrierdelariviere.example/ville/le-tablier-du-pont-en-fin-de-vie-8801234.php", "Le tablier du pont en fin de vie selon un rapport", "Sur le même sujet"},
		}, nil},
		{"label-variants", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", false, []want{
			{traders, tradersTitle, "Related Articles"},
			{report, reportTitle, "Related Articles"},
			{grant, grantTitle, "MORE STORIES LIKE THIS ONE"},
			{courier + "/news/2025/01/13/ferry-service-to-run-during-works/", "Ferry service to run across the river during the works", "Explore further"},
		}, nil},
		{"grouped-block", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", false, []want{
			{traders, tradersTitle, "Related Stories"},
			{report, reportTitle, "Related Stories"},
			{grant, grantTitle, "Recommended for you"},
		}, nil},
		{"wrapped-paragraphs", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", true, []want{
			{traders, tradersTitle, "Related articles"},
			{report, reportTitle, "Related articles"},
			{grant, grantTitle, "DON'T MISS"},
			{courier + "/news/2025/01/13/library-extends-opening-hours/", "Central library extends its opening hours on weekends", "DON'T MISS"},
		}, []string{"DON'T MISS", tradersTitle}},
		{"link-lists", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", true, []want{
			{"https://www.riversidecourier.co.uk/news/2025/01/10/mill-street-traders-fear-closure/", tradersTitle, ""},
			{report, reportTitle, ""},
			// The list after the last paragraph, above a credit line,
			// is beside the text (inline false, see after below).
			{grant, grantTitle, ""},
			{courier + "/news/2025/01/13/ferry-service-to-run-during-works/", "Ferry service to run across the river during the works", ""},
		}, []string{tradersTitle, reportTitle}},
		// Pager steps, a video, an advertisement marked "Sponsored" and a
		// sitewide list under a "related" class are no related stories.
		{"pager-and-media", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", false, []want{
			{traders, tradersTitle, "More on this story"},
			{courier + "/news/2025/01/11/video-shows-bridge-queue/", "Video shows the morning queue on the bridge", "More on this story"},
		}, nil},
		{"linked-label-de", "https://www.flussbote.example/lokales/stadtrat-beschliesst-neubau-der-flussbruecke-a-100231.html", false, []want{
			{"https://www.flussbote.example/lokales/haendler-fuerchten-lange-sperrung-a-100187.html", "Händler fürchten die lange Sperrung der Brücke", "Weitere Beiträge zum Thema"},
			{"https://www.flussbote.example/lokales/gutachten-brueckendeck-am-ende-a-99876.html", "Gutachten sieht das Brückendeck am Ende", "Weitere Beiträge zum Thema"},
			{"https://www.flussbote.example/lokales/faehre-faehrt-waehrend-der-bauzeit-a-100201.html", "Eine Fähre fährt während der Bauzeit über den Fluss", "Ähnliche Beiträge"},
		}, nil},
		// A lone "Read next" story on another subject is the next page
		// of an endless scroll; one that shares the article's subject
		// is related.
		{"read-next-scroll", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", false, []want{
			{traders, tradersTitle, "Up next"},
		}, []string{"Rowing club"}},
		// A list named after the site, which the page names only in its
		// host, is the site's latest stories.
		{"owner-list", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", false, []want{
			{traders, tradersTitle, "More from News"},
			{report, reportTitle, "More from News"},
		}, nil},
		// A box in the text whose label sits two wrappers down is
		// inline; a heading that links to the section it names is the
		// label, and its link no story ("More in Bridges", "Next Up In
		// River Towns"); a story listed twice keeps its first block. A
		// hidden duplicate box, a section's latest list and a most-read
		// list under "related" class names give nothing.
		{"section-headings", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", true, []want{
			{traders, tradersTitle, "related news"},
			{report, reportTitle, "More in Bridges"},
			{courier + "/news/2025/01/13/ferry-service-to-run-during-works/", "Ferry service to run across the river during the works", "Next Up In River Towns"},
		}, []string{"Central library extends", "Ferry service to run"}},
		// An empty ad slot between the stories of a list does not end
		// it; a list of other outlets' reports under "Related links" is
		// a source list; a block inside a print-only wrapper is read.
		{"ad-slot-and-sources", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", false, []want{
			{traders, tradersTitle, "You may also like"},
			{report, reportTitle, "You may also like"},
			{grant, grantTitle, "You may also like"},
			{courier + "/news/2025/01/13/ferry-service-to-run-during-works/", "Ferry service to run across the river during the works", "Related Stories"},
		}, []string{"State grant covers"}},
		// A link set as a block between paragraphs, with a kicker, is an
		// inline story, unless it has no label and points off the site
		// (a partner's offer); four boxes of the site's latest headlines
		// set through the text are a feed, and no story; a list after
		// the text follows an empty ad paragraph.
		{"anchor-card-and-feed", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", true, []want{
			{traders, tradersTitle, "Also on riversidecourier.example"},
			{report, reportTitle, ""},
			{grant, grantTitle, ""},
		}, []string{"Also on", "Zoo welcomes twin otters", reportTitle}},
		// On a portal that reprints a story: the label beside a "back to
		// top" link; no download, ad link, partner's "More From" list or
		// sidebar guide list.
		{"portal-reprint", "https://www.portal.example/en-us/news/local/council-approves-river-bridge-rebuild/ar-AAB1234", false, []want{
			{"https://www.portal.example/en-us/news/local/bridge-closure-plan-explained/ar-AAB0999", "Bridge closure plan explained in five maps", "Related Articles"},
		}, nil},
		// A label in two parts, a title over a subtitle, heads the list
		// that follows its header.
		{"label-split-ja", "https://www.kawabe-news.example/blog/local/index-2726.html", false, []want{
			{"https://www.kawabe-news.example/blog/local/index-2701.html", "商店街が十四か月の通行止めに懸念", "関連記事"},
			{"https://www.kawabe-news.example/blog/local/index-2655.html", "点検報告書、橋の床版は寿命に近いと指摘", "関連記事"},
		}, []string{"商店街が"}},
		// A card's title is its headline, not its age ("2 hours ago",
		// "14h 261"); an image-only card is named by its address; a
		// label over a subtitle heading heads the cards below both; a
		// block in a print-only wrapper, with only a reference line after it,
		// is beside the text, not in it; a box in the text that
		// points off the site is a promotion; videos under a label are
		// no stories, but leave the body all the same.
		{"card-titles", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", false, []want{
			{courier + "/news/2025/01/13/ferry-service-to-run-during-works/", "Ferry service to run across the river during the works", "Explore further"},
			{traders, tradersTitle, "You may also like"},
			{report, reportTitle, "You may also like"},
			{grant, "State grant for bridge", "You may also like"},
		}, []string{"Explore further", "Stories picked for you", "Rowing club crews"}},
		// An aside in the text named by its subject lists related
		// stories; one named as a newsletter box, or one of other sites'
		// reports, does not.
		{"topic-aside-en", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", true, []want{
			{traders, tradersTitle, "The bridge works"},
			{report, reportTitle, "The bridge works"},
		}, []string{"The bridge works", tradersTitle}},
		// After an ad slot, a row that opens with a section's heading
		// is the next list, not more of the block ("DEPORTES").
		{"section-feeds-es", "https://www.diariodelvalle.example/local/2025/01/14/aprobado-puente-del-rio/", false, []want{
			{"https://www.diariodelvalle.example/local/2025/01/10/comerciantes-temen-cierre/", "Los comerciantes temen un cierre de catorce meses", "Seguir leyendo"},
			{"https://www.diariodelvalle.example/local/2024/12/02/informe-tablero-puente/", "Un informe da por agotado el tablero del puente", "Seguir leyendo"},
			{"https://www.diariodelvalle.example/local/2024/11/20/subvencion-puente/", "La subvención cubre dos tercios del coste del puente", "TE PUEDE INTERESAR"},
			{"https://www.diariodelvalle.example/local/2025/01/13/ferry-durante-las-obras/", "Un ferry cruzará el río durante las obras del puente", "TE PUEDE INTERESAR"},
		}, []string{"Seguir leyendo", "Los comerciantes temen"}},
		// Headlines set as paragraphs of one link under a label after the
		// last paragraph are no text: the list is after it.
		{"link-paragraphs-fi", "https://www.jokilaaksonsanomat.example/uutiset/3-11212601", false, []want{
			{"https://www.jokilaaksonsanomat.example/uutiset/3-11183605", "Myllykadun kauppiaat pelkäävät neljäntoista kuukauden sulkua – osa harkitsee jo muuttoa toiselle puolelle kaupunkia", "Lue aiheesta lisää"},
			{"https://www.jokilaaksonsanomat.example/uutiset/3-11214356", "Tarkastusraportti: sillan kansi on käyttöikänsä lopussa ja pilareiden korjaus maksaisi miljoonia euroja vuosittain", "Lue aiheesta lisää"},
		}, []string{"Lue aiheesta lisää", "Myllykadun kauppiaat"}},
		// Labels made of "more" or "other", a word for stories and their
		// topic count ("More news about the bridge", "More to explore");
		// under such a label, a sidebar that lists the article itself, or
		// any list in a rail, is the section's feed.
		{"more-of-labels", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", false, []want{
			{traders, tradersTitle, "More news about the bridge"},
			{report, reportTitle, "More news about the bridge"},
			{grant, grantTitle, "More to explore"},
		}, []string{"More news about the bridge", tradersTitle, "Bakery chain", "Rowing club"}},
		// "Weitere Themen" heads the cards of the next row; a row that
		// opens with a label of another kind ("Kurse und Finanzdaten
		// zum Artikel") ends the block.
		{"more-of-labels-de", "https://www.flussbote.example/lokales/stadtrat-beschliesst-neubau-der-flussbruecke-a-100231.html", false, []want{
			{"https://www.flussbote.example/lokales/haendler-fuerchten-lange-sperrung-a-100187.html", "Händler fürchten die lange Sperrung der Brücke", "Weitere Themen"},
			{"https://www.flussbote.example/lokales/gutachten-zur-flussbruecke-liegt-vor-a-99001.html", "Die Pfeiler der Brücke sind am Ende", "Weitere Themen"},
		}, nil},
		// A class name that opens with a negation ("hide-read-more-ad")
		// says what the box lacks: its cards are no advertisement.
		{"negated-class", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", false, []want{
			{traders, tradersTitle, "Read More"},
			{report, reportTitle, "Read More"},
		}, nil},
		// A related-classed box headed "More" and the start of the
		// site's name ("More Riverside"), and "More from" a network
		// whose stories come from three sites, list no related story.
		{"network-lists", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", false, []want{
			{traders, tradersTitle, "Related stories"},
		}, nil},
		// One advertorial in a related list drops only itself, and ad
		// slots labelled "Advertisement" between stories are no cards;
		// a "What to Read Next" stream with two cards badged "Sponsored"
		// is an ad-driven feed and lists no story.
		{"ad-feed", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", false, []want{
			{traders, tradersTitle, "Related stories"},
			{report, reportTitle, "More on this story"},
			{grant, grantTitle, "More on this story"},
		}, nil},
		// Cards set after a paragraph that cites their stories in a
		// sentence are chosen for the text: kept however many boxes of
		// them it holds (four boxes of the site's latest headlines would
		// be a feed).
		{"cited-cards", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", true, []want{
			{traders, tradersTitle, ""},
			{report, reportTitle, ""},
			{grant, grantTitle, ""},
			{courier + "/news/2025/01/13/ferry-service-to-run-during-works/", "Ferry service to run across the river during the works", ""},
		}, []string{tradersTitle, "Ferry service to run"}},
		// A box classed "same subject" in French ("meme_sujet") lists
		// related stories; the header that opens it, outside its cards,
		// names the subject and labels it.
		{"topic-class-fr", "https://www.lecourrierdelariviere.example/ville/le-conseil-approuve-la-reconstruction-du-pont-8812345.php", false, []want{
			{"https://www.lecourrierdelariviere.example/ville/les-commercants-craignent-la-fermeture-8809876.php", "Les commerçants craignent une fermeture de quatorze mois", "Le pont de la rivière"},
			{"https://www.lecourrierdelariviere.example/ville/le-tablier-du-pont-en-fin-de-vie-8801234.php", "Le tablier du pont en fin de vie selon un rapport", "Le pont de la rivière"},
		}, nil},
		// A section's own header element holding only a related label
		// labels it on a page with no article element, where headers
		// are otherwise page chrome.
		{"section-header-de", "https://www.flussbote.example/lokales/stadtrat-beschliesst-neubau-der-flussbruecke-a-100231.html", false, []want{
			{"https://www.flussbote.example/lokales/haendler-fuerchten-lange-sperrung-a-100187.html", "Händler fürchten die lange Sperrung der Brücke", "Weiterführende Links"},
			{"https://www.flussbote.example/lokales/gutachten-zur-flussbruecke-liegt-vor-a-99001.html", "Gutachten: Die Pfeiler der Brücke sind am Ende", "Weiterführende Links"},
		}, nil},
		// A label whose box opens its parent heads the unlabelled lists
		// of cards that fill the rest of it.
		{"rest-of-box-fr", "https://www.lecourrierdelariviere.example/ville/le-conseil-approuve-la-reconstruction-du-pont-8812345.php", false, []want{
			{"https://www.lecourrierdelariviere.example/ville/les-commercants-craignent-la-fermeture-8809876.php", "Les commerçants craignent une fermeture de quatorze mois", "Sur le même thème"},
			{"https://www.lecourrierdelariviere.example/ville/le-tablier-du-pont-en-fin-de-vie-8801234.php", "Le tablier du pont en fin de vie selon un rapport", "Sur le même thème"},
			{"https://www.lecourrierdelariviere.example/region/la-region-finance-les-deux-tiers-du-pont-8799001.php", "La région finance les deux tiers du nouveau pont", "Sur le même thème"},
			{"https://www.lecourrierdelariviere.example/ville/un-parking-gratuit-pour-les-riverains-8812001.php", "Un parking gratuit pour les riverains pendant les travaux", "Sur le même thème"},
		}, nil},
		// Sections of text that hold a pull quote or a figure between
		// their paragraphs are text: a box between two of them is inline.
		{"sectioned-inset-en", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", true, []want{
			{traders, tradersTitle, "Recommended"},
			{report, reportTitle, "Recommended"},
		}, []string{tradersTitle}},
		// A box floated at the top of a text wrapped whole in one
		// element is inline.
		{"float-top-fr", "https://www.lecourrierdelariviere.example/ville/le-conseil-approuve-la-reconstruction-du-pont-8812345.php", true, []want{
			{"https://www.lecourrierdelariviere.example/ville/les-commercants-craignent-la-fermeture-8809876.php", "Les commerçants craignent une fermeture de quatorze mois", "Sur le même sujet"},
			{"https://www.lecourrierdelariviere.example/ville/le-tablier-du-pont-en-fin-de-vie-8801234.php", "Le tablier du pont en fin de vie selon un rapport", "Sur le même sujet"},
		}, nil},
		// "Související" (Czech "related") heads its cards; a card badged
		// with a running time or a count of pictures, in a badge classed
		// as play or gallery, is a video or a gallery; a photo between
		// paragraphs whose link ends with its credit opens a picture.
		{"media-badges-cs", "https://zpravy.ricninoviny.example/mesto/rada-schvalila-stavbu-noveho-mostu/r~8fa032ba3add11ec8a900cc47ab5f122/", false, []want{
			{"https://zpravy.ricninoviny.example/mesto/obchodnici-se-boji-dlouhe-uzavirky/r~a0bdceac3a5d11ec9322ac1f6b220ee8/", "Obchodníci se bojí dlouhé uzavírky mostu přes řeku", "Související"},
		}, nil},
		// A bar of stories classed as the navigation's "related"
		// ("context-nav__related"), here below the article, is page
		// furniture.
		{"nav-related-en", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", false, []want{
			{traders, tradersTitle, "Related stories"},
		}, nil},
		// A link whose text ends "View Graphic" opens a graphic, no
		// story; a "Read:" label set inside the link is no part of the
		// headline.
		{"graphic-link-en", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", true, []want{
			{traders, tradersTitle, "Read"},
		}, []string{tradersTitle}},
		// "Learn More:" before a story's headline between paragraphs is
		// a callout.
		{"learn-more-callout", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", true, []want{
			{traders, tradersTitle, "Learn More"},
			{report, reportTitle, "Learn more"},
		}, []string{"Learn More:", tradersTitle}},
		// "Eerder" (Dutch "earlier") over same-subject stories after the
		// text; the date each link sets before its headline is the card's
		// date, not part of its title (see TestRelatedDateInLink).
		{"date-in-link-nl", "https://www.rivierbode.example/nieuws/i44727/gemeenteraad-stemt-in-met-nieuwe-brug", false, []want{
			{"https://www.rivierbode.example/nieuws/i44601/winkeliers-vrezen-lange-afsluiting-van-de-brug", "Winkeliers vrezen lange afsluiting van de brug", "Eerder"},
			{"https://www.rivierbode.example/nieuws/i43911/rapport-brugdek-aan-einde-van-levensduur", "Rapport: brugdek aan het einde van zijn levensduur", "Eerder"},
		}, nil},
		// Under a weak label ("Weitere Themen:"), links of a word or two
		// are sections or tags, not stories.
		{"weak-tags-de", "https://www.flussbote.example/lokales/stadtrat-beschliesst-neubau-der-flussbruecke-a-100231.html", false, []want{
			{"https://www.flussbote.example/lokales/haendler-fuerchten-lange-sperrung-a-100187.html", "Händler fürchten die lange Sperrung der Brücke", "Weitere Artikel zum Thema"},
		}, nil},
		// A post at the root of the site ("/pfeilergutachten/") is a
		// story when its link reads as a whole sentence; a one-word
		// link there ("/bruecke/") names a topic hub.
		{"root-slug-de", "https://www.flussbote.example/lokales/stadtrat-beschliesst-neubau-der-flussbruecke-a-100231.html", false, []want{
			{"https://www.flussbote.example/haendler-fuerchten-die-lange-sperrung-der-bruecke/", "Händler fürchten die lange Sperrung der Brücke über den Fluss", "Das könnte dich auch interessieren"},
			{"https://www.flussbote.example/pfeilergutachten/", "Gutachten: Die Pfeiler der alten Brücke sind am Ende", "Das könnte dich auch interessieren"},
		}, nil},
		// "Read also on <site>" in the text; beside it a sidebar of the
		// magazine, the shop and "Les + lus" under a related class.
		{"read-also-site-fr", "https://www.lecourrierdelariviere.example/ville/article/le-conseil-approuve-la-reconstruction-du-pont", true, []want{
			{"https://www.lecourrierdelariviere.example/ville/article/les-commercants-craignent-la-fermeture", "Les commerçants craignent une fermeture de quatorze mois", "LIRE AUSSI SUR LECOURRIERDELARIVIERE.EXAMPLE"},
		}, []string{"LIRE AUSSI", "Les commerçants craignent"}},
		// "Up Next" above the headline and an unlabelled grid below the
		// comments are the site's; the labelled list after the text is
		// the article's.
		{"up-next-and-comments", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", false, []want{
			{traders, tradersTitle, "Related Stories"},
			{report, reportTitle, "Related Stories"},
		}, nil},
		// Polish callouts in the text: "Dowiedz się więcej:" (find out
		// more) and "Przeczytaj również:" (read also).
		{"callout-pl", "https://www.kurier-nadrzeczny.example/kraj/305049888-Rada-miasta-zatwierdza-przebudowe-mostu.html", true, []want{
			{"https://www.kurier-nadrzeczny.example/kraj/210509843-Kupcy-z-ulicy-Mlynskiej-boja-sie-zamkniecia.html", "Kupcy z ulicy Młyńskiej boją się długiego zamknięcia mostu", "Dowiedz się więcej"},
			{"https://www.kurier-nadrzeczny.example/kraj/210498001-Raport-z-przegladu-mostu.html", "Raport z przeglądu: płyta mostu jest u kresu wytrzymałości", "Przeczytaj również"},
		}, []string{"Dowiedz się", "Kupcy z ulicy", "Przeczytaj również"}},
		// Spanish callouts in the text: "PUEDES VER:" (you can see), "Le
		// puede interesar:" (you may be interested in) and "Lea aquí:"
		// (read here).
		{"callout-es", "https://www.diariodelvalle.example/sociedad/2025/01/14/concejo-aprueba-reconstruccion-del-puente-12400", true, []want{
			{"https://www.diariodelvalle.example/sociedad/2025/01/10/comerciantes-temen-cierre-del-puente-12345", "¿Cuánto durará el cierre del puente y qué rutas quedan abiertas?", "PUEDES VER"},
			{"https://www.diariodelvalle.example/sociedad/2025/01/12/informe-de-inspeccion-del-puente-12377", "Informe de inspección: la losa del puente llegó al límite de su resistencia", "Le puede interesar"},
			{"https://www.diariodelvalle.example/sociedad/2025/01/13/transbordador-durante-las-obras-12390", "Un transbordador cruzará el río durante las obras", "Lea aquí"},
		}, []string{"PUEDES VER", "¿Cuánto durará", "Le puede interesar", "Lea aquí", "Un transbordador"}},
		// WordPress's embed cards for other posts of the site (its oEmbed
		// markup); a quotation in the text is no card.
		{"wp-embed", "https://www.flussbote.example/luftfahrt/bremen-bildet-hubschrauberpiloten-aus/", true, []want{
			{"https://www.flussbote.example/luftfahrt/piloten-werden-in-italien-ausgebildet/", "Piloten werden künftig auch in Italien ausgebildet", ""},
			{"https://www.flussbote.example/luftfahrt/erster-langstreckenjet-fuer-die-flugbereitschaft/", "Erster Langstreckenjet für die Flugbereitschaft übergeben", ""},
		}, []string{"Piloten werden künftig", "Erster Langstreckenjet"}},
		// A box between two runs of paragraphs, each wrapped in one more
		// box than the paragraphs need, stands in the text.
		{"sectioned-text-en", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", true, []want{
			{traders, tradersTitle, "Related"},
			{report, reportTitle, "Related"},
		}, []string{tradersTitle}},
		// A card whose only link is an empty overlay named by its
		// aria-label, its headline a heading over a "Read more" button
		// that labels it; a reading time in the same place is no label.
		{"overlay-link-en", "https://www.riversidecourier.example/news/2025/jan/14/council-approves-bridge-rebuild", true, []want{
			{"https://www.riversidecourier.example/news/2025/jan/10/mill-street-traders-fear-closure", tradersTitle, "Read more"},
			{"https://www.riversidecourier.example/news/2025/jan/13/ferry-service-to-run-during-works", "Ferry service to run across the river during the works", ""},
		}, []string{tradersTitle, "Read more", "Ferry service to run"}},
		// A teaser set as a figure inside one link, and a teaser box
		// whose image, kicker, headline, teaser and "mehr" all link, on a
		// page with no article element; a photo whose caption links to a
		// gallery is no teaser. After the last paragraph, one more figure
		// of the first one's kind is a teaser too; a box of another kind
		// there (an offer) is not.
		{"teaser-figure-de", "https://www.flussbote.example/lokales/stadtrat-beschliesst-neubau-der-flussbruecke-101.html", true, []want{
			{"https://www.flussbote.example/lokales/haendler-fuerchten-lange-sperrung-102.html", "Händler fürchten die lange Sperrung der Brücke", ""},
			{"https://www.flussbote.example/lokales/gutachten-brueckendeck-am-ende-103.html", "Gutachten sieht das Brückendeck am Ende", ""},
			{"https://www.flussbote.example/lokales/faehre-faehrt-waehrend-der-bauzeit-105.html", "Eine Fähre fährt während der Bauzeit", ""},
		}, []string{"Händler fürchten", "Gutachten sieht", "Die Prüfer fanden", "Eine Fähre fährt"}},
		// A second box of the same kind after an ad slot, with no label,
		// goes on with the first box's label.
		{"continued-block-de", "https://www.flussbote.example/news/stadtrat-beschliesst-neubau-der-flussbruecke-713266", false, []want{
			{"https://www.flussbote.example/news/haendler-fuerchten-lange-sperrung-712731", "Händler fürchten die lange Sperrung der Brücke", "Das könnte Sie auch interessieren"},
			{"https://www.flussbote.example/news/gutachten-brueckendeck-am-ende-712866", "Gutachten sieht das Brückendeck am Ende", "Das könnte Sie auch interessieren"},
			{"https://www.flussbote.example/news/faehre-faehrt-waehrend-der-bauzeit-712840", "Eine Fähre fährt während der Bauzeit über den Fluss", "Das könnte Sie auch interessieren"},
		}, nil},
		// "Related" set inside an inline card's link over its headline;
		// after the text, cards under a heading of tabs whose first tab
		// names the list shown.
		{"tabs-and-eyebrow-en", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", false, []want{
			{traders, tradersTitle, "Related"},
			{report, reportTitle, "RELATED ARTICLES"},
			{grant, grantTitle, "RELATED ARTICLES"},
		}, []string{tradersTitle}},
		// A box's label marked as its title by a class in Spanish
		// ("lee-tambien-titulo").
		{"label-class-es", "https://www.diariodelvalle.example/noticias/local/2025/01/14/aprobado-puente-del-rio.shtml", true, []want{
			{"https://www.diariodelvalle.example/noticias/local/2025/01/10/comerciantes-temen-cierre.shtml", "Los comerciantes temen un cierre de catorce meses", "Lee también"},
		}, []string{"Lee también", "Los comerciantes temen"}},
		// A guide list between paragraphs, under a banner, each item a
		// kicker in capitals and a headline: stories, but not the
		// readers' page, the look-up tool or the video; a fact box's
		// points ("Cost: <a>…</a>") cite sources.
		{"guide-list-en", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", true, []want{
			{"https://www.riversidecourier.co.uk/news/local-51048366", "What the closure means for your commute", ""},
			{courier + "/news/local-51506729", tradersTitle, ""},
		}, []string{"A SIMPLE GUIDE", tradersTitle}},
		// A one-story box between two runs of the text, each wrapped in
		// sections (the second beside a hidden paywall notice, with a
		// subheading), whose kicker is a link of its own.
		{"kicker-link-es", "https://www.diariodelvalle.example/local/puente/aprobado-el-nuevo-puente-del-rio-n5431248", true, []want{
			{"https://www.diariodelvalle.example/local/comercio/los-comerciantes-temen-un-cierre-de-catorce-meses-n5431012", "Los comerciantes temen un cierre de catorce meses", "Infórmate más"},
		}, []string{"Infórmate más", "Los comerciantes temen"}},
		// A box named by its class, two empty wrappers down between
		// paragraphs, is in the text; after the text, a heading of its
		// own over such a box names it (by the topic), or makes it a
		// sitewide list ("Latest posts"). A kicker before a box's first
		// link ("Traffic") is no label; a box named by a magazine's
		// issue ("Magazine 7/2019") lists the issue, not this topic.
		{"class-box-heading-en", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", true, []want{
			{courier + "/news/2025/01/10/mill-street-traders-fear-closure/", tradersTitle, ""},
			{report, reportTitle, ""},
			{courier + "/news/2025/01/12/detour-signs-go-up/", "Detour signs go up on both banks before the closure", ""},
			{grant, grantTitle, "The bridge rebuild"},
			{courier + "/news/2025/01/13/ferry-service-to-run-during-works/", "Ferry service to run across the river during the works", "The bridge rebuild"},
		}, []string{tradersTitle, "Zoo welcomes", "The bridges of the future"}},
		// "PREVIOUSLY:" and "MORE NEWS:" callouts; a callout label that
		// opens a sentence citing a page in passing is prose; a plain
		// division holding only "Related stories" labels the list after
		// it, one holding "Read More" is a button over the rest of the
		// text.
		{"callout-previously-en", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", true, []want{
			{courier + "/news/2025/01/10/mill-street-traders-fear-closure/", tradersTitle, "PREVIOUSLY"},
			{grant, grantTitle, "MORE NEWS"},
			{courier + "/news/2025/01/13/ferry-service-to-run-during-works/", "Ferry service to run across the river during the works", "Related stories"},
			{courier + "/news/2025/01/12/detour-signs-go-up/", "Detour signs go up on both banks before the closure", "Related stories"},
		}, []string{"PREVIOUSLY", tradersTitle, "Related stories"}},
		// A page whose body is classed for its ads ("fullpageAds") is
		// no sponsored widget: the labelled box after the text counts;
		// a sidebar classed for ads does not.
		{"ads-layout-de", "https://www.flussbote.example/lokales/stadtrat-beschliesst-neubau-der-flussbruecke/497533355", false, []want{
			{"https://www.flussbote.example/lokales/haendler-fuerchten-lange-sperrung/497039969", "Händler fürchten die lange Sperrung der Brücke", "Lesen Sie auch"},
			{"https://www.flussbote.example/lokales/gutachten-brueckendeck-am-ende/495304536", "Gutachten sieht das Brückendeck am Ende", "Lesen Sie auch"},
		}, []string{"Händler fürchten"}},
		// A labelled list after the last paragraph, with only a note in
		// italics under it, is beside the text; a link there whose
		// address is shaped like a section's ("/blog/suedufer/") is a
		// story when it reads as a headline, but a topic page at the
		// root ("/flussbruecke/") is not.
		{"note-after-block-de", "https://www.flussbote.example/blog/die-schoensten-wege-an-der-flussbruecke/", false, []want{
			{"https://www.flussbote.example/blog/ein-tag-am-faehranleger/", "Ein Tag am Fähranleger mit Picknick und Bootsfahrt", "Weiterlesen"},
			{"https://www.flussbote.example/blog/suedufer/", "Herbstlicher Wochenend-Ausflug ans Südufer", "Weiterlesen"},
		}, []string{"Ein Tag am Fähranleger"}},
		// Cards flagged as promoted to the front page ("node-promoted")
		// are the site's stories; a label in a paragraph of its own
		// ("Diese Artikel könnten dich auch interessieren:"); a gallery
		// teaser, by its class or by a headline "… in Bildern", is no
		// story.
		{"drupal-teasers-de", "https://www.flussbote.example/lokales/stadtrat-beschliesst-neubau-der-flussbruecke-62276.html", false, []want{
			{"https://www.flussbote.example/lokales/haendler-fuerchten-lange-sperrung-62257.html", "Händler fürchten die lange Sperrung der Brücke", "Diese Artikel könnten dich auch interessieren"},
			{"https://www.flussbote.example/lokales/gutachten-brueckendeck-am-ende-62245.html", "Gutachten sieht das Brückendeck am Ende", "Diese Artikel könnten dich auch interessieren"},
			{"https://www.flussbote.example/lokales/faehre-faehrt-waehrend-der-bauzeit-63415.html", "Eine Fähre fährt während der Bauzeit", "Mehr zum Thema"},
		}, []string{"Händler fürchten", "Die Flussbrücke im Wandel"}},
		// Inside one labelled block: a group under a heading that links
		// to its section ("Plus en <a>Ville</a>") takes that label; tag
		// pages ("/motcle/") and a most-read list beside the cards give
		// no story.
		{"section-in-block-fr", "https://www.lecourrierdelariviere.example/ville/573100/le-conseil-approuve-la-reconstruction-du-pont", false, []want{
			{"https://www.lecourrierdelariviere.example/ville/562591/les-commercants-craignent-la-fermeture", "Les commerçants craignent une fermeture de quatorze mois", "À lire aussi"},
			{"https://www.lecourrierdelariviere.example/ville/572708/un-traversier-pendant-les-travaux", "Un traversier pendant les travaux du pont", "Plus en Ville"},
		}, nil},
		// A heading that names the topic after its label ("Mehr zu:
		// <title>") is longer than a label alone; a card's headline is
		// the element marked as such inside its heading, not the kicker
		// beside it; a paywall class on the body marks no sponsor.
		{"long-heading-de", "https://www.flussbote.example/lokales/stadtrat-beschliesst-neubau-der-flussbruecke/25776812.html", false, []want{
			{"https://www.flussbote.example/lokales/muehlenstrasse/haendler-fuerchten-lange-sperrung/25615584.html?nlayer=Themen_11804704", "Händler fürchten die lange Sperrung der Brücke", "Mehr zu: Stadtrat beschließt Neubau der Flussbrücke – und die Stadt streitet weiter über die Kosten"},
			{"https://www.flussbote.example/lokales/gutachten/gutachten-sieht-brueckendeck-am-ende/25522258.html?nlayer=Themen_11804704", "Gutachten sieht das Brückendeck am Ende", "Mehr zu: Stadtrat beschließt Neubau der Flussbrücke – und die Stadt streitet weiter über die Kosten"},
		}, nil},
		// A plain division styled as a heading labels its box; "Mehr
		// dazu lesen Sie hier:" is a callout; a long label before a link
		// is a callout too, and the paragraphs of one link each after
		// it go on with its list.
		{"styled-label-de", "https://www.flussbote.example/lokales/stadtrat-beschliesst-neubau-der-flussbruecke/7610000.html", true, []want{
			{"https://www.flussbote.example/lokales/haendler-fuerchten-lange-sperrung/7483986.html", "Händler fürchten die lange Sperrung der Brücke", "Mehr zum Thema"},
			{"https://www.flussbote.example/lokales/gutachten-brueckendeck-am-ende/3139238.html", "Gutachten sieht das Brückendeck am Ende", "Mehr dazu lesen Sie hier"},
			{"https://www.flussbote.example/lokales/faehre-faehrt-waehrend-der-bauzeit/7610001.html", "Eine Fähre fährt während der Bauzeit über den Fluss", "Diese Artikel könnten euch auch interessieren"},
			{"https://www.flussbote.example/lokales/umleitung-ueber-die-nordbruecke/7610002.html", "Die Umleitung führt über die Nordbrücke", "Diese Artikel könnten euch auch interessieren"},
		}, []string{"Mehr dazu lesen", "Händler fürchten", "Die Umleitung führt"}},
		// A pointer to a picture album ("/album1368777/…") and a link
		// classed as the site's self-promotion are no stories; "Lesetipp:"
		// is a callout.
		{"album-promo-de", "https://www.flussbote.example/lokales/stadtrat-beschliesst-neubau-der-flussbruecke-s4054800.html", true, []want{
			{"https://www.flussbote.example/lokales/haendler-fuerchten-lange-sperrung-s4054813.html", "Händler fürchten die lange Sperrung der Brücke", "Lesetipp"},
		}, []string{"Lesetipp", "Händler fürchten"}},
		// "A lire aussi :" over other publishers' journals is a source
		// list; the box after it with a label of its own ("À ÉCOUTER
		// AUSSI") is a block of its own, where the link to the series
		// above the episode is no story.
		{"series-aside-fr", "https://www.radioriviere.example/emissions/le-journal-des-idees/le-pont-de-la-riviere-une-histoire-de-debats", false, []want{
			{"https://www.radioriviere.example/emissions/la-serie-documentaire/les-ponts-de-la-riviere-24-le-vieux-pont", "Les ponts de la rivière (2/4) : le vieux pont", "À ÉCOUTER AUSSI"},
		}, nil},
		// Inside the headline's article, a topic dossier's slider above
		// the headline is the article's, named by the heading over it;
		// a one-word headline set as a card's heading is a story there;
		// an "Up Next" list above the headline stays the site's. A box
		// above the headline is not in the text.
		{"dossier-slider-de", "https://www.flussbote.example/lokales/stadtrat-beschliesst-neubau-der-flussbruecke-2497954", false, []want{
			{"https://www.flussbote.example/meinung/zugespitzt/brueckendaemmerung-2452942", "Brückendämmerung", "Brücke"},
			{"https://www.flussbote.example/lokales/haendler-fuerchten-lange-sperrung-3195758", "Händler fürchten die lange Sperrung der Brücke", "Brücke"},
			{"https://www.flussbote.example/lokales/gutachten-brueckendeck-am-ende-3197781", "Gutachten sieht das Brückendeck am Ende", "Brücke"},
		}, nil},
		// A box classed for similar articles, labelled by a tab that
		// links nowhere; Matomo's campaign parameters leave the URLs.
		{"similar-tab-de", "https://www.flussbote.example/artikel/1136100.stadtrat-beschliesst-neubau-der-flussbruecke.html", false, []want{
			{"https://www.flussbote.example/artikel/1136087.haendler-fuerchten-lange-sperrung.html", "Händler fürchten die lange Sperrung der Brücke", "Ähnliche Artikel"},
			{"https://www.flussbote.example/artikel/1136090.gutachten-brueckendeck-am-ende.html", "Gutachten sieht das Brückendeck am Ende", "Ähnliche Artikel"},
		}, []string{"Händler fürchten"}},
		// A related list that names the article under another slug.
		{"own-title-de", "https://www.flussbote.example/lokales/stadtrat-beschliesst-neubau-der-flussbruecke-a-100231.html", false, []want{
			{"https://www.flussbote.example/lokales/haendler-fuerchten-lange-sperrung-a-100187.html", "Händler fürchten die lange Sperrung der Brücke", "Ähnliche Artikel"},
			{"https://www.flussbote.example/lokales/gutachten-zur-flussbruecke-liegt-vor-a-99001.html", "Gutachten: Die Pfeiler der Brücke sind am Ende", "Ähnliche Artikel"},
		}, nil},
		// "Artikel zum Thema" and "Mehr aus: <section>" label blocks.
		{"topic-label-de", "https://www.flussbote.example/lokales/stadtrat-beschliesst-neubau-der-flussbruecke-a-100231.html", false, []want{
			{"https://www.flussbote.example/lokales/haendler-fuerchten-lange-sperrung-a-100187.html", "Händler fürchten die lange Sperrung der Brücke", "Artikel zum Thema"},
			{"https://www.flussbote.example/lokales/gutachten-zur-flussbruecke-liegt-vor-a-99001.html", "Gutachten: Die Pfeiler der Brücke sind am Ende", "Artikel zum Thema"},
			{"https://www.flussbote.example/lokales/faehre-soll-waehrend-der-bauzeit-fahren-a-100210.html", "Eine Fähre soll während der Bauzeit über den Fluss fahren", "Mehr aus: Lokales"},
			{"https://www.flussbote.example/lokales/umleitung-ueber-die-hafenstrasse-a-100199.html", "Umleitung über die Hafenstraße: Anwohner fürchten Staus", "Mehr aus: Lokales"},
		}, nil},
		// Callouts set as quotes, labelled "MIRA |" and "LEE MÁS |".
		{"callout-quote-es", "https://www.diariodelvalle.example/sociedad/2025/01/14/el-concejo-aprueba-la-reconstruccion-del-puente-12400", true, []want{
			{"https://www.diariodelvalle.example/sociedad/2025/01/10/comerciantes-temen-cierre-del-puente-12345", "Los comerciantes temen un cierre de catorce meses", "MIRA"},
			{"https://www.diariodelvalle.example/sociedad/2025/01/12/informe-de-inspeccion-del-puente-12377", "Informe de inspección: la losa del puente llegó al límite", "LEE MÁS"},
		}, []string{"MIRA |", "Los comerciantes temen"}},
		// "Weiterführende Links" over a list of the site's stories.
		{"further-links-de", "https://www.flussbote.example/lokales/stadtrat-beschliesst-neubau-der-flussbruecke-a-100231.html", false, []want{
			{"https://www.flussbote.example/lokales/haendler-fuerchten-lange-sperrung-a-100187.html", "Händler fürchten die lange Sperrung der Brücke", "Weiterführende Links"},
			{"https://www.flussbote.example/lokales/gutachten-zur-flussbruecke-liegt-vor-a-99001.html", "Gutachten: Die Pfeiler der Brücke sind am Ende", "Weiterführende Links"},
		}, nil},
		// Cards badged "Video" or "Bildergalerie" are no stories; "mit
		// Video" marks a story.
		{"media-badge-de", "https://www.flussbote.example/lokales/stadtrat-beschliesst-neubau-der-flussbruecke-a-100231.html", false, []want{
			{"https://www.flussbote.example/lokales/faehre-soll-waehrend-der-bauzeit-fahren-a-100210.html", "Eine Fähre soll während der Bauzeit über den Fluss fahren", "Mehr aus Flussstadt"},
			{"https://www.flussbote.example/lokales/umleitung-ueber-die-hafenstrasse-a-100199.html", "Umleitung über die Hafenstraße: Anwohner fürchten Staus", "Mehr aus Flussstadt"},
		}, nil},
		// The latest stories on a named topic, not the site's latest.
		{"topic-latest-fr", "https://www.lecourrierdelariviere.example/ville/le-conseil-approuve-la-reconstruction-du-pont-8812345.php", false, []want{
			{"https://www.lecourrierdelariviere.example/ville/les-commercants-craignent-la-fermeture-8809876.php", "Les commerçants craignent une fermeture de quatorze mois", "Dernières News sur : Le pont de la rivière"},
			{"https://www.lecourrierdelariviere.example/ville/le-tablier-du-pont-en-fin-de-vie-8801234.php", "Le tablier du pont en fin de vie selon un rapport", "Dernières News sur : Le pont de la rivière"},
		}, nil},
		{"load-more-de", "https://www.flussbote.example/lokales/stadtrat-beschliesst-neubau-der-flussbruecke-a-100231.html", false, []want{
			{"https://www.flussbote.example/lokales/faehre-soll-waehrend-der-bauzeit-fahren-100-a-100210.html", "Eine Fähre soll während der Bauzeit über den Fluss fahren", "Mehr aus Flussstadt"},
			{"https://www.flussbote.example/lokales/umleitung-ueber-die-hafenstrasse-a-100199.html", "Umleitung über die Hafenstraße: Anwohner fürchten Staus", "Mehr aus Flussstadt"},
			{"https://www.flussbote.example/lokales/radweg-bleibt-offen-a-100205.html", "Der Radweg über die Brücke bleibt offen", "Mehr aus Flussstadt"},
		}, nil},
		// A block's heading that is a link to its section's front page
		// labels it; the gallery among its cards is no story.
		{"section-link-label-es", "https://www.diariodelvalle.example/sociedad/el-concejo-aprueba-la-reconstruccion-del-puente/", false, []want{
			{"https://www.diariodelvalle.example/sociedad/los-comerciantes-temen-un-cierre-largo/", "Los comerciantes temen un cierre de catorce meses", "MÁS DE SOCIEDAD"},
			{"https://www.diariodelvalle.example/sociedad/un-informe-da-por-agotado-el-tablero/", "Un informe da por agotado el tablero del puente", "MÁS DE SOCIEDAD"},
		}, nil},
		// "Suggested articles", its heading a link to nothing.
		{"suggested-articles-en", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", false, []want{
			{traders, tradersTitle, "Suggested articles"},
			{report, reportTitle, "Suggested articles"},
		}, nil},
		// A card's tags link topic pages ("/thema/…"), not stories.
		{"topic-tags-de", "https://www.flussbote.example/lokales/stadtrat-beschliesst-neubau-der-flussbruecke-a-100231.html", false, []want{
			{"https://www.flussbote.example/lokales/haendler-fuerchten-lange-sperrung", "Händler fürchten die lange Sperrung der Brücke", "Das könnte Sie auch interessieren"},
			{"https://www.flussbote.example/lokales/gutachten-brueckendeck-am-ende", "Gutachten sieht das Brückendeck am Ende", "Das könnte Sie auch interessieren"},
		}, nil},
		// Story links set apart by arrows between paragraphs ("» …",
		// ">> … <<") are inline pointers; a line that introduces what
		// follows with a colon is none.
		{"arrow-callouts-de", "https://www.flussbote.example/lokales/stadtrat-beschliesst-neubau-der-flussbruecke-a-100231.html", true, []want{
			{"https://www.flussbote.example/lokales/haendler-fuerchten-lange-sperrung-a-100187.html", "Händler fürchten die lange Sperrung der Brücke", ""},
			{"https://www.flussbote.example/lokales/gutachten-brueckendeck-am-ende-a-99876.html", "Gutachten sieht das Brückendeck am Ende seiner Lebensdauer", ""},
		}, []string{"Händler fürchten", "Brückendeck am Ende"}},
		// A label over a heading that is the story's headline link: the
		// heading is the card, not the next list's name.
		{"label-over-headline-de", "https://www.flussbote.example/lokales/Stadtrat-beschliesst-Neubau;art4886,100231", true, []want{
			{"https://www.flussbote.example/lokales/Haendler-fuerchten-lange-Sperrung;art4886,100187", "Händler fürchten die Sperrung", "Lesen Sie auch"},
		}, []string{"Lesen Sie auch", "Händler fürchten"}},
		// Boxes that only their class calls related, one per story, in a
		// list that holds the article itself: the section's feed.
		{"self-feed-es", "https://www.diariodelvalle.example/local/el-concejo-aprueba-la-reconstruccion-del-puente-EN1740", false, []want{
			{"https://www.diariodelvalle.example/local/los-comerciantes-temen-un-cierre-largo-EN1712", "Los comerciantes temen un cierre de catorce meses", "Noticias relacionadas"},
			{"https://www.diariodelvalle.example/local/un-informe-da-por-agotado-el-tablero-EN1698", "Un informe da por agotado el tablero del puente", "Noticias relacionadas"},
		}, nil},
		// "Mehr aus der Redaktion" lists the newsroom's latest, as a list
		// named after the site does.
		{"newsroom-list-de", "https://www.flussbote.example/lokales/stadtrat-beschliesst-neubau-der-flussbruecke", false, []want{
			{"https://www.flussbote.example/lokales/haendler-fuerchten-lange-sperrung", "Händler fürchten die lange Sperrung", "Das könnte Sie auch interessieren"},
			{"https://www.flussbote.example/lokales/gutachten-brueckendeck-am-ende", "Gutachten sieht das Brückendeck am Ende", "Das könnte Sie auch interessieren"},
		}, nil},
		// A topic box floated at the top of the text, a division under
		// a heading that names the subject, on a page with no article
		// element; items whose icon says "Watch" after the headline are
		// videos, there and in the block after the text.
		{"topic-box-en", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", true, []want{
			{traders, "Traders fear closure", "Mill Street bridge"},
			{report, "What the inspectors found", "Mill Street bridge"},
			{grant, grantTitle, "More on this story"},
		}, []string{"Traders fear closure", "What the inspectors found", "in 60 seconds"}},
		// Unlabelled cards in the author's box are the author's other
		// articles; a callout after the last paragraph, labelled as
		// those between paragraphs of the same text, is one of them.
		{"author-box-en", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", true, []want{
			{traders, tradersTitle, "Related"},
			{report, reportTitle, "Related"},
			{grant, grantTitle, "Related"},
		}, []string{"Related:", grantTitle, "Library hours cut"}},
		// A division that holds nothing but a story link, between
		// paragraphs, is an unlabelled callout; one to a section or to
		// another site is none.
		{"link-div-callouts-en", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", true, []want{
			{traders, tradersTitle, ""},
			{report, reportTitle, ""},
		}, []string{tradersTitle, reportTitle}},
		// A link to another site titled with that page's whole title
		// ("Headline | Local | News | Valley Gazette") is a source, even
		// alone under "Read more:".
		{"page-title-source-en", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", false, []want{
			{traders, tradersTitle, "Related articles"},
			{report, reportTitle, "Related articles"},
		}, nil},
		// Columns that their class calls related in the page's footer
		// ("related-services", "news-related-sites") list the site's
		// services and pages, not stories.
		{"footer-related-en", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", false, []want{
			{traders, tradersTitle, "Related Stories"},
			{report, reportTitle, "Related Stories"},
		}, nil},
		// A sentence that opens as a label ("More from the mayor on …")
		// and links a name in passing is no callout.
		{"lead-sentence-en", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", false, []want{
			{traders, tradersTitle, "Related Stories"},
		}, nil},
		// A table layout's rows of spacer images between a list's items
		// do not end the list.
		{"table-spacers-en", courier + "/news/2025/01/14/council-approves-bridge-rebuild/", false, []want{
			{traders, tradersTitle, "RELATED ARTICLES"},
			{report, reportTitle, "RELATED ARTICLES"},
		}, nil},
	}
	// Text that must stay in the body: a citation in a short wrapped
	// paragraph is no teaser box, a call to action in capitals no story.
	keep := map[string][]string{
		"teaser-box-de": {"das Gutachten zur Brücke aus dem Vorjahr"},
		// The invitation to discuss closes the text; the photo stays.
		"link-paragraphs-fi": {"Voit keskustella aiheesta"},
		"teaser-figure-de":   {"Die Bauarbeiten sollen im April beginnen"},
		"wp-embed":           {"Wir können jetzt Lagen üben"},
		"allcaps-inline":     {"CLICK FOR THE FULL BRIDGE PLANS", "SUPPORT OUR RIVER REPORTING"},
		// A list of other sites' reports is part of the article.
		"link-lists":            {"Transport institute paper on repair costs"},
		"guide-list-en":         {"about forty million dollars"},
		"callout-previously-en": {"published its inspection report", "backed a rebuild since September"},
	}
	// Stories of a page that sit after the text, not in it, unlike the
	// page's others.
	// "MORE :" callouts after the last paragraph are beside the text,
	// as the dev set's labels have it.
	after := map[string]map[int]bool{"more-callout": {0: true, 1: true}, "class-box-heading-en": {3: true, 4: true}, "callout-previously-en": {2: true, 3: true}, "tabs-and-eyebrow-en": {0: true}, "link-lists": {2: true, 3: true}, "section-headings": {1: true, 2: true}, "anchor-card-and-feed": {1: true, 2: true}, "topic-box-en": {2: true}}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			page, err := os.ReadFile(filepath.Join("testdata/related", tt.page+".html"))
			if err != nil {
				t.Fatal(err)
			}
			a, err := Extract(strings.NewReader(string(page)), tt.url)
			if err != nil {
				t.Fatal(err)
			}
			for i, r := range a.Related {
				if i >= len(tt.want) {
					t.Errorf("extra story %q %s [%s]", r.Title, r.URL, r.Block)
					continue
				}
				w := tt.want[i]
				inline := tt.inline != after[tt.page][i]
				if r.URL != w.url || r.Title != w.title || r.Block != w.block || r.Inline != inline {
					t.Errorf("story %d = %q %s [%s] inline %v\nwant %q %s [%s] inline %v", i, r.Title, r.URL, r.Block, r.Inline, w.title, w.url, w.block, inline)
				}
			}
			if len(a.Related) < len(tt.want) {
				t.Errorf("%d stories, want %d", len(a.Related), len(tt.want))
			}
			for _, s := range tt.body {
				if strings.Contains(a.Text, s) {
					t.Errorf("body keeps %q", s)
				}
			}
			for _, s := range keep[tt.page] {
				if !strings.Contains(a.Text, s) {
					t.Errorf("body lost %q", s)
				}
			}
			if !strings.Contains(a.Text, "1938") {
				t.Errorf("body lost the article: %.200q", a.Text)
			}
		})
	}
}

// TestRelatedDateInLink checks that a date set inside a card's link, in
// its own element before the headline, is read as the card's date.
func TestRelatedDateInLink(t *testing.T) {
	page, err := os.ReadFile("testdata/related/date-in-link-nl.html")
	if err != nil {
		t.Fatal(err)
	}
	a, err := Extract(strings.NewReader(string(page)), "https://www.rivierbode.example/nieuws/i44727/gemeenteraad-stemt-in-met-nieuwe-brug")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"2025-01-10", "2024-12-02"}
	if len(a.Related) != len(want) {
		t.Fatalf("%d stories, want %d", len(a.Related), len(want))
	}
	for i, s := range a.Related {
		if s.Published == nil || s.Published.Format("2006-01-02") != want[i] {
			t.Errorf("story %d (%q) published %v, want %s", i, s.Title, s.Published, want[i])
		}
	}
}
