package scoop

import (
	"strings"
	"testing"
)

// A table of contents, a list of links to the page's own sections, goes:
// the sections' headings are in the body already. A list of footnotes,
// with text beside its links, stays.
func TestTableOfContents(t *testing.T) {
	para := "<p>Anomaly in a data series is a significant deviation from some reasonable value, and a few lines of SQL are enough to find one.</p>"
	section := func(id, title string) string {
		return `<h2 id="` + id + `">` + title + `</h2>` + strings.Repeat(para, 2)
	}
	page := `<html lang="en"><body><article><h1>Simple anomaly detection using plain SQL</h1>` + para +
		`<details open><summary>Table of Contents</summary><ul>` +
		`<li><a href="#detecting">Detecting Anomalies</a><ul><li><a href="#zscore">Understanding Z-Score</a></li></ul></li>` +
		`<li><a href="https://blog.example.com/sql-anomaly-detection#backtesting">Backtesting</a></li>` +
		`<li><a href="#conclusion">Conclusion</a></li></ul></details>` +
		section("detecting", "Detecting Anomalies") + section("zscore", "Understanding Z-Score") +
		section("backtesting", "Backtesting") + section("conclusion", "Conclusion") +
		`<ol><li>Ayers, 2019, <a href="#ref-1">p. 12</a></li><li>Reed, 2020, <a href="#ref-2">p. 4</a></li><li>Kahn, 2021, <a href="#ref-3">p. 9</a></li></ol>` +
		`</article></body></html>`
	a, err := Extract(strings.NewReader(page), "https://blog.example.com/sql-anomaly-detection")
	if err != nil {
		t.Fatal(err)
	}
	for _, heading := range []string{"Detecting Anomalies", "Understanding Z-Score", "Backtesting", "Conclusion"} {
		if n := strings.Count(a.Text, heading); n != 1 {
			t.Errorf("%q stands %d times, want once (the heading):\n%s", heading, n, a.Text)
		}
	}
	if !strings.Contains(a.Text, "Reed, 2020") {
		t.Errorf("footnotes lost:\n%s", a.Text)
	}
}
