package scoop

import (
	"regexp"
	"testing"
)

// TestAnyOf checks that anyOf sorts only top-level branches, keeping
// groups and character classes whole, and that rxRelatedLabel built
// with it says yes or no exactly as the branches in their written order.
func TestAnyOf(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`b|a`, `a|b`},
		{`more (on|about)\b.*|Lesen sie|[|]x|also`, `also|Lesen sie|more (on|about)\b.*|[|]x`},
		{`z\||y`, `y|z\|`},
	} {
		if got := anyOf(c.in); got != c.want {
			t.Errorf("anyOf(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	written := regexp.MustCompile(`(?i)^[^\pL\pN]*(` + relatedLabels + `)[^\pL\pN]*$`)
	for _, label := range []string{
		"Related", "Related Stories", "MORE ON BREXIT", "More in White House", "Read more",
		"Lesen Sie auch:", "À lire aussi", "Más información", "Leia também", "Читайте также",
		"関連記事", "관련 기사", "Read Later", "More", "Next", "See it now", "Related Topics",
		"You may like these posts", "More from Space...", "Read these next", "More Coverage",
		"Comments", "Аккаунт", "More Stories", "Plus sur ce sujet", "mehr zum Thema",
	} {
		if got, want := rxRelatedLabel.MatchString(label), written.MatchString(label); got != want {
			t.Errorf("%q: sorted pattern says %v, written order %v", label, got, want)
		}
	}
}

// TestRelatedLabels checks block labels in several languages, and labels
// of lists that look related but are sitewide or the author's.
func TestRelatedLabels(t *testing.T) {
	tests := []struct {
		label string
		want  bool
	}{
		{"Related coverage from How to Do Everything: Money:", true},
		// moreOfLabels: "more"/"other", a section's word, a story word.
		// A section's word alone: on news sites the section's feed as
		// often as a list chosen for the article.
		{"More games news:", false},
		{"More to explore", true},
		{"Weitere Themen", true},
		{"Weitere Informationen zum Coronavirus in Thüringen:", true},
		{"Autres articles sur le pont", true},
		{"Otras noticias sobre el puente", true},
		{"Altre notizie", false},
		{"Other news", false},
		{"Meer nieuws over de brug", true},
		{"Související", true},
		{"More top stories", false},
		{"Weitere Meldungen aus dem Archiv vom 28.04.2020", false},
		{"More latest news", false},
		{"Read this next", true},
		{"Picked For You", true},
		{"Related reads", true},
		{"Weitere Beiträge zum Thema", true},
		{"Ähnliche Beiträge", true},
		{"Вам также может быть интересно", true},
		{"Смотрите также", true},
		{"Lue aiheesta lisää:", true},
		{"Seguir leyendo:", true},
		{"Weiterlesen", true},
		{"Articles en relation", true},
		{"Lire aussi sur lecourrier.example >>", true},
		{"Les + lus", false},
		{"Today's Headlines", false},
		{"Latest Headlines", false},
		{"More from this author", false},
		{"Breaking news", false},
		{"Featured", false},
		{"Related videos", false},
		{"Top Deals", false},
		{"Zum Thema", true},
		{"Pour aller plus loin", true},
		{"Per approfondire", true},
		{"Saiba mais", true},
		{"Mirá también", true},
		{"Citește și", true},
		{"Διαβάστε επίσης", true},
		{"Similar stories", true},
		{"Материалы по теме", true},
		{"On riversidecourier.example", true},
		// "We recommend" heads the site's picks as often as this
		// article's.
		{"Polecamy", false},
		{"Les plus populaires", false},
		{"Flussbote Aktuell", false},
		{"Friss", false},
		{"新着記事", false},
		{"Nieuwste artikelen", false},
		{"Related Terms", false},
		{"Alternative Downloads", false},
		{"Inhaltsverzeichnis", false},
		{"À découvrir", true},
	}
	// Twice: the second answer comes from the memo.
	for range 2 {
		for _, tt := range tests {
			if got := isRelatedLabel(tt.label); got != tt.want {
				t.Errorf("isRelatedLabel(%q) = %v, want %v", tt.label, got, tt.want)
			}
		}
	}
}

// TestCalloutLabel checks where the label of an inline pointer ends, in
// several languages and scripts, and that prose is no callout.
func TestCalloutLabel(t *testing.T) {
	tests := []struct{ text, label string }{
		{"Lesetipp: Händler fürchten die Sperrung", "Lesetipp:"},
		{"Mira también: Los comerciantes temen un cierre", "Mira también:"},
		{"Čtěte také: Obchodníci se bojí uzavírky", "Čtěte také:"},
		{"【関連】商店街が通行止めに懸念", "【関連】"},
		{"اقرأ أيضاً: التجار يخشون الإغلاق", "اقرأ أيضاً:"},
		{"À lire : Les commerçants craignent la fermeture", "À lire :"},
		{"Читайте ещё: Торговцы боятся закрытия моста", "Читайте ещё:"},
		{"PREVIOUSLY: Mill Street traders fear closure", "PREVIOUSLY:"},
		{"Also: the county published its report", ""},
		{"Previously, the council had delayed the vote", ""},
		{"MIRA: Los comerciantes temen un cierre", "MIRA:"},
		{"MIRA-Award Nominierung für den Film", ""},
	}
	for _, tt := range tests {
		got := ""
		if loc := calloutLabel(tt.text); loc != nil {
			got = tt.text[:loc[1]]
		}
		if got != tt.label {
			t.Errorf("calloutLabel(%q) ends after %q, want %q", tt.text, got, tt.label)
		}
	}
}
