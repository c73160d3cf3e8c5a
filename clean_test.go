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

// A figure that holds only a link, an embed whose script did not run,
// goes; a figure with an image and a caption stays.
func TestEmbedFallback(t *testing.T) {
	para := "<p>Whale whisperer Hori Parata was just seven years old when he attended his first mass stranding, a beaching of porpoises in Northland.</p>"
	page := `<html lang="en"><body><article><h1>What is the sea telling us?</h1>` + strings.Repeat(para, 3) +
		`<figure data-interactive="https://interactive.example.com/boot.js"><a href="https://interactive.example.com/embed/2019/01/stranded_whales/">whale strandings</a></figure>` +
		strings.Repeat(para, 2) +
		`<figure><img src="/whale.jpg" alt=""><figcaption><a href="/photos/whale">A stranded pilot whale on Farewell Spit</a></figcaption></figure>` +
		`</article></body></html>`
	a, err := Extract(strings.NewReader(page), "https://www.example.com/environment/2019/jan/03/whale-strandings")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Text, "whale strandings") || strings.Count(a.Text, "Whale whisperer") != 5 {
		t.Errorf("embed kept or prose lost:\n%s", a.Text)
	}
}
