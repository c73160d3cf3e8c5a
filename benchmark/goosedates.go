package benchmark

import (
	"os"
	"path/filepath"
)

// GooseDateLabelsFile holds the hand-made publication days of the news
// and blog articles among GooseModule's saved pages, relative to this
// module's root (see testdata/dates/README.md).
const GooseDateLabelsFile = "testdata/dates/goose.json"

// LoadGoosePages reads the named pages of dir (a name is a file's name
// without ".html"), sorted by name, each at its canonical link or og:url
// as go-readability's pages are.
func LoadGoosePages(dir string, names []string) ([]Page, error) {
	return loadNamed(names, func(n string) (Page, error) {
		src, err := os.ReadFile(filepath.Join(dir, n+".html"))
		return Page{ID: n, URL: readabilityPageURL(src), HTML: src}, err
	})
}

// ScoreGooseDates scores every page of GooseModule's sites/ folder
// labelled in labels, split into parts by the FNV-32a rule of
// [ReadabilityPart] applied to the page's name.
func ScoreGooseDates(dir string, labels map[string]DateLabel) (map[string][]DateResult, error) {
	return scoreLabelled(labels, func(names []string) ([]Page, error) { return LoadGoosePages(dir, names) })
}
