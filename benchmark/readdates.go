package benchmark

import (
	"hash/fnv"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// ReadabilityDateLabelsFile holds the hand-made publication days of the
// go-readability test pages that its own expected metadata leaves
// undated, relative to this module's root (see testdata/dates/README.md).
const ReadabilityDateLabelsFile = "testdata/dates/readability.json"

// ReadabilityPart is the part of the fixed split a go-readability test
// page belongs to, by the name of its folder: "tune" when the FNV-32a hash
// of the name is even, "check" when odd. testdata/bodyaudit splits the
// same pages the same way (its part A is tune).
func ReadabilityPart(name string) string {
	h := fnv.New32a()
	h.Write([]byte(name))
	if h.Sum32()%2 == 0 {
		return "tune"
	}
	return "check"
}

// ReadabilityPagesDir returns the test-pages folder that go-readability
// ships in its module, found in the module cache.
func ReadabilityPagesDir() (string, error) {
	dir, err := moduleDir("codeberg.org/readeck/go-readability/v2")
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "test-pages"), nil
}

// LoadReadabilityPages reads the source.html of each named test page in
// dir, sorted by name. A page's URL is its canonical link or og:url when
// it has one (the address a crawler would have fetched), else a neutral
// address that carries no date.
func LoadReadabilityPages(dir string, names []string) ([]Page, error) {
	return loadNamed(names, func(n string) (Page, error) {
		src, err := os.ReadFile(filepath.Join(dir, n, "source.html"))
		return Page{ID: n, URL: readabilityPageURL(src), HTML: src}, err
	})
}

// loadNamed reads the pages of names, sorted, each with read.
func loadNamed(names []string, read func(name string) (Page, error)) ([]Page, error) {
	names = slices.Sorted(slices.Values(names))
	pages := make([]Page, 0, len(names))
	for _, n := range names {
		p, err := read(n)
		if err != nil {
			return nil, err
		}
		pages = append(pages, p)
	}
	return pages, nil
}

// scoreLabelled scores the pages that load reads for the names labels
// holds, split into parts by the FNV-32a rule of [ReadabilityPart]
// applied to the page's name.
func scoreLabelled(labels map[string]DateLabel, load func(names []string) ([]Page, error)) (map[string][]DateResult, error) {
	pages, err := load(slices.Collect(maps.Keys(labels)))
	if err != nil {
		return nil, err
	}
	return scoreDates(pages, labels, ReadabilityPart)
}

var rxCanonical = regexp.MustCompile(`(?is)<link[^>]+rel=["']canonical["'][^>]+href=["']([^"']+)|<meta[^>]+property=["']og:url["'][^>]+content=["']([^"']+)`)

func readabilityPageURL(src []byte) string {
	if m := rxCanonical.FindSubmatch(src); m != nil {
		if u := string(m[1]) + string(m[2]); strings.HasPrefix(u, "http") {
			return u
		}
	}
	return "http://fakehost/test/page.html"
}

// ScoreReadabilityDates scores every page of the go-readability test
// pages labelled in labels, split into the parts of [ReadabilityPart].
func ScoreReadabilityDates(dir string, labels map[string]DateLabel) (map[string][]DateResult, error) {
	return scoreLabelled(labels, func(names []string) ([]Page, error) { return LoadReadabilityPages(dir, names) })
}
