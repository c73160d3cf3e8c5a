package scoop

import (
	"net/url"
	"testing"
)

// TestLinkID checks that two links with the same id resolve to the same
// address, whatever page they are on, and that links whose address
// depends on more of the page than its scheme and host get no id.
func TestLinkID(t *testing.T) {
	bases := []string{
		"http://news.example/", "http://news.example/world/2024/story.html?page=2",
		"https://news.example/world/", "http://NEWS.example:8080/a/b", "http://other.example/x/",
	}
	hrefs := []string{
		"/world", "/world?utm_source=x", "//cdn.example/world", "/world/../sport/",
		"http://news.example/world", "HTTPS://news.example/world", "https://news.example//cdn.example/world",
		"world", "../world", "?page=3", "#top", "", "mailto:desk@news.example", "javascript:void(0)",
	}
	resolved := map[string]string{}
	for _, b := range bases {
		base, err := url.Parse(b)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hrefs {
			id := linkID(base, h)
			switch h {
			case "world", "../world", "?page=3", "#top", "", "mailto:desk@news.example", "javascript:void(0)":
				if id != "" {
					t.Errorf("linkID(%s, %q) = %q, want none: it depends on the page's path", b, h, id)
				}
				continue
			}
			if id == "" {
				t.Errorf("linkID(%s, %q) is empty", b, h)
				continue
			}
			var got string
			if u, err := CleanURL(base, h); err == nil {
				got = u.String()
			}
			if prev, ok := resolved[id]; ok && prev != got {
				t.Errorf("id %q stands for %s and %s", id, prev, got)
			}
			resolved[id] = got
		}
	}
}

// TestSentLinksBounded checks that the memory of sent links forgets
// rather than grows past its bound, and remembers what it was given.
func TestSentLinksBounded(t *testing.T) {
	var s sentLinks
	if s.has("/a") {
		t.Fatal("an empty memory has a link")
	}
	s.add([]string{"/a", "/b"})
	if !s.has("/a") || !s.has("/b") || s.has("/c") || s.has("") {
		t.Fatal("remembers the wrong links")
	}
	ids := make([]string, 0, 100)
	for i := range maxSentLinks * 3 {
		ids = append(ids, url.PathEscape(string(rune(i))))
		if len(ids) == cap(ids) {
			s.add(ids)
			ids = ids[:0]
			if len(s.m) > maxSentLinks {
				t.Fatalf("%d links remembered, over %d", len(s.m), maxSentLinks)
			}
		}
	}
	var none *sentLinks
	none.add([]string{"/a"}) // a run with Refresh has none
	if none.has("/a") {
		t.Fatal("a nil memory has a link")
	}
}
