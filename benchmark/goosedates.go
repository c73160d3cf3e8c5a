package benchmark

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
)

// GooseDateLabelsFile holds the hand-made publication days of the news
// and blog articles among GooseModule's saved pages, relative to this
// module's root (see testdata/dates/README.md).
const GooseDateLabelsFile = "testdata/dates/goose.json"

// LoadGoosePages reads the named pages of dir (a name is a file's name
// without ".html"), sorted by name, each at its canonical link or og:url
// as go-readability's pages are.
func LoadGoosePages(dir string, names []string) ([]Page, error) {
	names = slices.Sorted(slices.Values(names))
	pages := make([]Page, 0, len(names))
	for _, n := range names {
		src, err := os.ReadFile(filepath.Join(dir, n+".html"))
		if err != nil {
			return nil, err
		}
		pages = append(pages, Page{ID: n, URL: readabilityPageURL(src), HTML: src})
	}
	return pages, nil
}

// ScoreGooseDates scores every page of GooseModule's sites/ folder
// labelled in labels, split into parts by the FNV-32a rule of
// [ReadabilityPart] applied to the page's name.
func ScoreGooseDates(dir string, labels map[string]DateLabel) (map[string][]DateResult, error) {
	pages, err := LoadGoosePages(dir, slices.Collect(maps.Keys(labels)))
	if err != nil {
		return nil, err
	}
	return scoreDates(pages, labels, ReadabilityPart)
}
