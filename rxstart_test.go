package scoop

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestFilteredRx checks that the start filters of the label patterns
// leave their answers as they were: each says yes or no exactly as the
// plain pattern on every text and class name of the test pages, and on
// texts at the edges (word boundaries, runes that fold across scripts).
func TestFilteredRx(t *testing.T) {
	texts := []string{"", " ", "ads", "roads", "Ads:", "AD", "ad ", "the author", "THE AUTHOR.",
		"— Related", "«Lesen Sie auch»", "related\u212a", "\u212aeywords", "ſponsor", "most_read",
		"Most\tread", "i più letti", "À la une", "à lire aussi", "A lire aussi sur Brexit", "1 Related",
		"관련기사", "관련 기사", "Читайте также", "Reláted", "more", "More on", "More on ", "MORE ON BREXIT"}
	files, _ := filepath.Glob("testdata/*/*.html")
	if len(files) == 0 {
		t.Fatal("no test pages")
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := html.Parse(strings.NewReader(string(raw)))
		if err != nil {
			t.Fatal(err)
		}
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.TextNode && len(n.Data) < 300 {
				texts = append(texts, n.Data, strings.TrimSpace(n.Data))
			}
			for _, a := range n.Attr {
				if a.Key == "class" || a.Key == "id" || a.Key == "aria-label" {
					texts = append(texts, a.Val)
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
	}
	for _, c := range []struct {
		name  string
		rx    filteredRx
		plain *regexp.Regexp
	}{
		{"rxRelatedLabel", rxRelatedLabel, regexp.MustCompile(`(?i)^[^\pL\pN]*(` + relatedLabels + `)[^\pL\pN]*$`)},
		{"rxNotRelated", rxNotRelated, regexp.MustCompile(`(?i)(` + notRelated + `)`)},
	} {
		if c.rx.filter == nil {
			t.Errorf("%s: no start filter", c.name)
		}
		yes := 0
		for _, s := range texts {
			got, want := c.rx.MatchString(s), c.plain.MatchString(s)
			if got != want {
				t.Errorf("%s(%q) = %v, the plain pattern says %v", c.name, s, got, want)
			}
			if want {
				yes++
			}
		}
		if yes < 20 {
			t.Errorf("%s matched only %d of %d texts: too few to test the filter", c.name, yes, len(texts))
		}
		t.Logf("%s: %d of %d texts match", c.name, yes, len(texts))
	}
}
