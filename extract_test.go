package scoop

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/html"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the current output")

// fixedNow is the clock of the fixture tests, so goldens do not age.
var fixedNow = func() time.Time { return time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC) }

// expectation is a fixture's hand-written truth in testdata/expect,
// written by reading the page, not by running scoop.
type expectation struct {
	URL          string   `json:"url"`
	ContentType  string   `json:"content_type"`
	Error        string   `json:"error"`
	Title        string   `json:"title"`
	Published    string   `json:"published"`
	NoDate       bool     `json:"no_date"` // the page gives no date at all
	DateSource   string   `json:"date_source"`
	SourceURL    string   `json:"source_url"`
	Language     string   `json:"language"`
	Paragraphs   int      `json:"paragraphs"`
	TextFirst    string   `json:"text_first"`
	TextLast     string   `json:"text_last"`
	TextContains []string `json:"text_contains"`
	TextExcludes []string `json:"text_excludes"`
	Related      []struct {
		URL       string `json:"url"`
		Title     string `json:"title"`
		Published string `json:"published"`
		Summary   string `json:"summary"`
		Image     string `json:"image"`
		Block     string `json:"block"`
		Inline    bool   `json:"inline"`
	} `json:"related"`
}

type fixture struct {
	name string
	page []byte
	want expectation
}

func loadFixtures(t testing.TB) []fixture {
	t.Helper()
	files, err := filepath.Glob("testdata/expect/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	var out []fixture
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var want expectation
		if err := json.Unmarshal(b, &want); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		page, err := os.ReadFile(filepath.Join("testdata/pages", name+".html"))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fixture{name, page, want})
	}
	return out
}

func extractFixture(f fixture) (*Article, error) {
	e := Extractor{Now: fixedNow}
	return e.ExtractWithContentType(bytes.NewReader(f.page), f.want.URL, f.want.ContentType)
}

// TestFixtures checks every page in testdata/pages against its
// hand-written expectations, and its whole output against a golden file.
func TestFixtures(t *testing.T) {
	for _, f := range loadFixtures(t) {
		t.Run(f.name, func(t *testing.T) {
			a, err := extractFixture(f)
			w := f.want
			if w.Error != "" {
				if !errors.Is(err, ErrNoArticle) {
					t.Fatalf("err = %v, want ErrNoArticle", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a, w)
			checkGolden(t, f.name, a)
		})
	}
}

func checkArticle(t *testing.T, a *Article, w expectation) {
	t.Helper()
	if a.Title != w.Title {
		t.Errorf("title = %q, want %q", a.Title, w.Title)
	}
	if w.Published != "" {
		if !sameDate(a.Published, w.Published) {
			t.Errorf("published = %v, want %s", a.Published, w.Published)
		}
	}
	if w.NoDate && (a.Published != nil || a.DateSource != "") {
		t.Errorf("published = %v from %q, want none", a.Published, a.DateSource)
	}
	if w.DateSource != "" && string(a.DateSource) != w.DateSource {
		t.Errorf("date_source = %q, want %q", a.DateSource, w.DateSource)
	}
	if w.SourceURL != "" && a.SourceURL != w.SourceURL {
		t.Errorf("source_url = %q, want %q", a.SourceURL, w.SourceURL)
	}
	if w.Language != "" && !strings.EqualFold(a.Language, w.Language) && !strings.HasPrefix(strings.ToLower(a.Language), strings.ToLower(w.Language)+"-") {
		t.Errorf("language = %q, want %q", a.Language, w.Language)
	}
	paras := strings.Split(a.Text, "\n\n")
	// Expectations count prose paragraphs; subheadings are in the text
	// but not in the count.
	if n := len(paras) - len(headings(t, a.HTML)); w.Paragraphs > 0 && n != w.Paragraphs {
		t.Errorf("%d paragraphs besides headings, want %d:\n%s", n, w.Paragraphs, a.Text)
	}
	if w.TextFirst != "" && !strings.HasPrefix(paras[0], w.TextFirst) {
		t.Errorf("text starts %.80q, want %q", paras[0], w.TextFirst)
	}
	if w.TextLast != "" && !strings.HasSuffix(paras[len(paras)-1], w.TextLast) {
		t.Errorf("text ends %q, want %q", tail(paras[len(paras)-1], 80), w.TextLast)
	}
	for _, s := range w.TextContains {
		if !strings.Contains(a.Text, s) {
			t.Errorf("text lacks %q", s)
		}
	}
	for _, s := range w.TextExcludes {
		if strings.Contains(a.Text, s) {
			t.Errorf("text has %q", s)
		}
	}
}

// sameDate compares a time with a fixture's date: the calendar day for
// YYYY-MM-DD, else the instant and the UTC offset.
func sameDate(got *time.Time, want string) bool {
	if got == nil {
		return false
	}
	if len(want) == len(time.DateOnly) {
		return got.Format(time.DateOnly) == want
	}
	w, err := time.Parse(time.RFC3339, want)
	if err != nil {
		return false
	}
	_, off1 := got.Zone()
	_, off2 := w.Zone()
	return got.Equal(w) && off1 == off2
}

// headings returns the headings of an article body.
func headings(t *testing.T, body string) []string {
	t.Helper()
	root, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && isHeading(n) {
			out = append(out, textOf(n))
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return out
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[len(s)-n:]
}

func checkGolden(t *testing.T, name string, a *Article) {
	t.Helper()
	got, err := json.MarshalIndent(a, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata/golden", name+".json")
	if *update {
		if err := os.MkdirAll("testdata/golden", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (review, then go test -run TestFixtures -update):\n%s", path, got)
	}
}

// TestExtractConcurrent runs one Extractor from many goroutines over the
// fixtures and checks each result equals the sequential one; under -race
// it also shows Extract shares no state between calls.
func TestExtractConcurrent(t *testing.T) {
	fixtures := loadFixtures(t)
	want := make([][]byte, len(fixtures))
	for i, f := range fixtures {
		a, _ := extractFixture(f)
		want[i], _ = json.Marshal(a)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(fixtures))
	for range 8 {
		wg.Go(func() {
			for i, f := range fixtures {
				a, _ := extractFixture(f)
				if got, _ := json.Marshal(a); !bytes.Equal(got, want[i]) {
					errs <- f.name
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for name := range errs {
		t.Errorf("%s: concurrent result differs", name)
	}
}
