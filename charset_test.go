package scoop

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

func TestToUTF8(t *testing.T) {
	const text = "Les élèves ont dû rentrer à pied – « c’est l’été », 5 €"
	latin, err := charmap.Windows1252.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	sjis, err := japanese.ShiftJIS.NewEncoder().String("市民会館の建て替え")
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("<p>" + text + "</p>")
	if err != nil {
		t.Fatal(err)
	}
	// A declaration after the first 1024 bytes, where browsers stop looking.
	padding := "<!--" + strings.Repeat("x", 2000) + "-->"
	tests := []struct {
		name, contentType, doc, want string
	}{
		{"utf-8 without declaration", "", "<p>" + text + "</p>", text},
		{"bom", "", "\xEF\xBB\xBF<p>" + text + "</p>", text},
		{"utf-16 bom", "", utf16, text},
		{"header charset", "text/html; charset=windows-1252", "<p>" + latin + "</p>", text},
		{"meta charset late", "", "<head>" + padding + `<meta charset="windows-1252"></head><p>` + latin, text},
		{"http-equiv", "", `<head><meta http-equiv="Content-Type" content="text/html; charset=shift_jis"></head><p>` + sjis, "市民会館の建て替え"},
		{"utf-8 despite stale declaration", "", `<meta charset="iso-8859-1"><p>` + text, text},
		{"undeclared legacy by language", "", `<html lang="ja"><p>` + sjis, "市民会館の建て替え"},
		{"undeclared latin", "", "<p>" + latin, text},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := toUTF8([]byte(tt.doc), tt.contentType)
			if !utf8.Valid(got) {
				t.Fatalf("output is not valid UTF-8: %q", got)
			}
			if !bytes.Contains(got, []byte(tt.want)) {
				t.Errorf("toUTF8 = %q, want it to contain %q", got, tt.want)
			}
		})
	}
}

func TestToUTF8Invalid(t *testing.T) {
	got := toUTF8([]byte("<meta charset=utf-8><p>caf\xe9 \xff\xfe ok</p>"), "")
	if !utf8.Valid(got) || !bytes.Contains(got, []byte("ok")) {
		t.Errorf("toUTF8 = %q, want valid UTF-8 keeping the text", got)
	}
}

// A UTF-16 page is all NUL bytes to a byte sniffer; its byte order mark
// must keep it from being refused as binary.
func TestExtractUTF16Page(t *testing.T) {
	prose := strings.Repeat("<p>Le conseil municipal a voté mardi soir la rénovation de la piscine, qui rouvrira en été après deux ans de travaux.</p>", 5)
	page, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("<html lang=fr><article><h1>La piscine rouvrira en été</h1>" + prose + "</article></html>")
	if err != nil {
		t.Fatal(err)
	}
	a, err := Extract(strings.NewReader(page), "https://news.example.fr/piscine")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "La piscine rouvrira en été" || !strings.Contains(a.Text, "deux ans de travaux") {
		t.Errorf("title %q, text %.80q", a.Title, a.Text)
	}
}
