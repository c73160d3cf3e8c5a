package scoop

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
)

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, io.ErrUnexpectedEOF }

func TestExtractErrors(t *testing.T) {
	page, err := os.ReadFile("testdata/pages/rel-cards-grid.html")
	if err != nil {
		t.Fatal(err)
	}
	const u = "https://www.example.com/news/story"
	tests := []struct {
		name    string
		r       io.Reader
		url     string
		max     int64
		want    error
		wantMsg string
	}{
		{"empty", strings.NewReader(""), u, 0, ErrEmpty, ""},
		{"blank", strings.NewReader(" \n\t "), u, 0, ErrEmpty, ""},
		{"pdf", strings.NewReader("%PDF-1.7\n%âãÏÓ\n1 0 obj"), u, 0, ErrNotHTML, ""},
		{"png", bytes.NewReader([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")), u, 0, ErrNotHTML, ""},
		{"gzipped page", bytes.NewReader(gzipped(page)), u, 0, ErrNotHTML, ""},
		{"xz", bytes.NewReader(append([]byte("\xfd7zXZ\x00\x00\x04"), page...)), u, 0, ErrNotHTML, ""},
		{"zstd", bytes.NewReader(append([]byte("\x28\xb5\x2f\xfd\x04\x58"), page...)), u, 0, ErrNotHTML, ""},
		{"jpeg", bytes.NewReader(append([]byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), page...)), u, 0, ErrNotHTML, ""},
		{"webp", bytes.NewReader(append([]byte("RIFF\x24\x00\x00\x00WEBPVP8 "), page...)), u, 0, ErrNotHTML, ""},
		{"random bytes", bytes.NewReader(randomBytes(8192)), u, 0, ErrNotHTML, ""},
		{"json", strings.NewReader(`{"title": "not a page"}`), u, 0, ErrNotHTML, ""},
		{"plain text", strings.NewReader(strings.Repeat("just words ", 200)), u, 0, ErrNotHTML, ""},
		{"relative url", bytes.NewReader(page), "/news/story", 0, ErrInvalidURL, ""},
		{"ftp url", bytes.NewReader(page), "ftp://example.com/a", 0, ErrInvalidURL, ""},
		{"bad url", bytes.NewReader(page), "http://[::1", 0, ErrInvalidURL, ""},
		{"no article", strings.NewReader(`<html><head><title>Home</title></head><body><nav><a href="/a">A</a></nav></body></html>`), u, 0, ErrNoArticle, ""},
		{"too large", bytes.NewReader(page), u, 1000, ErrTooLarge, ""},
		{"read error", failingReader{}, u, 0, io.ErrUnexpectedEOF, "reading"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := Extractor{MaxBytes: tt.max}
			a, err := e.Extract(tt.r, tt.url)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if a != nil {
				t.Errorf("got an article with error %v", err)
			}
			if !strings.HasPrefix(err.Error(), "scoop: ") || !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("message %q lacks the scoop: prefix or %q", err, tt.wantMsg)
			}
		})
	}
}

// TestExtractNoDate checks that a page with an article and no date at all
// gives the article with no published time rather than an error.
func TestExtractNoDate(t *testing.T) {
	body := strings.Repeat("<p>The county board met on a cold evening to weigh a plan for the old mill, and residents filled the hall to speak for and against it at length.</p>", 8)
	a, err := Extract(strings.NewReader("<html><head><title>Mill plan</title></head><body><article><h1>Mill plan draws a crowd</h1>"+body+"</article></body></html>"), "https://example.com/mill-plan")
	if err != nil {
		t.Fatal(err)
	}
	if a.Published != nil || a.DateSource != "" {
		t.Errorf("published = %v from %q, want none", a.Published, a.DateSource)
	}
	if a.Title != "Mill plan draws a crowd" || len(strings.Split(a.Text, "\n\n")) != 8 {
		t.Errorf("title %q, text %q", a.Title, a.Text)
	}
}

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// randomBytes returns n bytes from a fixed seed; a '<' among them is
// likely, so only the byte statistics tell them from a page.
func randomBytes(n int) []byte {
	b := make([]byte, n)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}
