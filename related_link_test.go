package scoop

import (
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestStoryURL checks addresses that are no story: a like button, a
// shop on a subdomain, a section.
func TestStoryURL(t *testing.T) {
	doc, err := html.Parse(strings.NewReader("<p>x</p>"))
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse("https://www.flussbote.example/lokales/stadtrat-beschliesst-neubau-101.html")
	p := scanPage(doc, u)
	for _, tt := range []struct {
		href  string
		story bool
	}{
		{"/lokales/haendler-fuerchten-lange-sperrung-102.html", true},
		{"/flag/flag/like/121533?destination&token=jDlYzunLsp2", false},
		{"https://shop.flussbote.example/katalog/magazin-07-2019", false},
		{"/news/have_your_say", false},
		{"/autorin/jana-mueller", false},
		{"/lokales/album1368777/die-bruecke-im-wandel-0.html", true}, // a story link; notStoryLink tells the album
	} {
		if got, _ := p.storyURL(tt.href); (got != "") != tt.story {
			t.Errorf("storyURL(%q) = %q, want a story: %v", tt.href, got, tt.story)
		}
	}
	for _, tt := range []struct {
		url  string
		want bool
	}{
		{"https://www.flussbote.example/lokales/album1368777/die-bruecke-im-wandel-0.html", true},
		{"https://fotos.flussbote.example/p/2116073", true},
		{"https://www.flussbote.example/lokales/gallery-owner-opens-on-the-bridge-102.html", false},
	} {
		if got := mediaURL(tt.url); got != tt.want {
			t.Errorf("mediaURL(%q) = %v, want %v", tt.url, got, tt.want)
		}
	}
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Mehr News von Flussbote", false},
		{"Alle Termine", false},
		{"Händler fürchten die lange Sperrung", true},
		{"DAX ® 16.105,83 +0,14%", false},
		{"Dow falls 500 points as oil drops 2%", true},
		{"Deutsche Telekom 17,08 +2,24%", false},
	} {
		if got := headlineLike(tt.text); got != tt.want {
			t.Errorf("headlineLike(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestJSONLDMenu checks that an ItemList of the site's menu entries in
// JSON-LD gives no related story, nor a list that holds the page itself
// (the section's feed), while a list of articles does.
func TestJSONLDMenu(t *testing.T) {
	const page = `<html><head><script type="application/ld+json">
{"@context":"http://schema.org","@type":"ItemList","itemListElement":[
 {"@type":"SiteNavigationElement","position":1,"name":"Último Momento","url":"https://www.diariodelvalle.example/ultimo-momento/"},
 {"@type":"SiteNavigationElement","position":2,"name":"Mercado Inmobiliario","url":"https://www.diariodelvalle.example/mercado-inmobiliario/"}]}
</script><script type="application/ld+json">
{"@context":"http://schema.org","@type":"ItemList","itemListElement":[
 {"@type":"ListItem","position":1,"item":{"@type":"NewsArticle","headline":"Los comerciantes temen un cierre de catorce meses","url":"https://www.diariodelvalle.example/local/2025/01/10/comerciantes-temen-cierre.html"}}]}
</script><script type="application/ld+json">
{"@context":"https://schema.org","@type":"ItemList","itemListElement":[
 {"@type":"ListItem","position":1,"url":"https://www.diariodelvalle.example/local/2025/01/14/aprobado-puente-del-rio.html"},
 {"@type":"ListItem","position":2,"url":"https://www.diariodelvalle.example/local/2025/01/14/gana-el-club-del-puerto.html"}]}
</script></head><body><h1>Aprobado el nuevo puente del río</h1></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse("https://www.diariodelvalle.example/local/2025/01/14/aprobado-puente-del-rio.html")
	var got []string
	for _, s := range scanPage(doc, u).jsonLDRelated() {
		got = append(got, s.URL)
	}
	want := "https://www.diariodelvalle.example/local/2025/01/10/comerciantes-temen-cierre.html"
	if len(got) != 1 || got[0] != want {
		t.Errorf("JSON-LD related = %q, want [%s]", got, want)
	}
}
