package scoop_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/scoopkit/scoop"
)

const examplePage = `<!doctype html>
<html lang="en"><head><title>Hegseth rules out Ukraine NATO membership | Aggregator</title></head>
<body>
<nav><a href="/">Home</a> <a href="/politics/">Politics</a></nav>
<div class="promo">For the best experience <a href="/app">Download the Mobile App</a></div>
<article>
  <h1>Hegseth rules out Ukraine NATO membership</h1>
  <p><span>Published on: 02/12/2025</span></p>
  <p>In the first overseas meeting involving NATO and a member of the new Trump administration, U.S. Secretary of Defense Pete Hegseth said NATO membership for Ukraine is unrealistic.</p>
  <p><strong>RELATED STORY |</strong> <a href="https://www.kbzk.com/news/trump-spoke-with-putin">Trump says he spoke with Putin about ending the war in Ukraine</a></p>
  <p>Speaking Wednesday at the 26th Ukraine Defense Contact Group meeting in Brussels, Hegseth said Ukraine should prepare to negotiate a settlement with the Kremlin.</p>
  <p>"We want, like you, a sovereign and prosperous Ukraine," said Hegseth, adding that any security guarantee must be backed by capable European and non-European troops.</p>
  <p>News Source : <a href="https://www.kbzk.com/politics/hegseth-rules-out-ukraine-nato-membership">https://www.kbzk.com/politics/hegseth-rules-out-ukraine-nato-membership</a></p>
</article>
<section>
  <h3>Other Related News</h3>
  <div><a href="/news/wallace-shooting"><img src="/img/wallace.jpg" alt="Motive remains unknown in Wallace shooting"></a>
    <h4><a href="/news/wallace-shooting">Motive remains unknown in Wallace shooting</a></h4>
    <span>12/31/2025</span><p>Kootenai County Sheriffs Office Undersheriff Brett Nelson said Monday tha...</p></div>
</section>
</body></html>`

func ExampleExtract() {
	a, err := scoop.Extract(strings.NewReader(examplePage), "https://news.example.com/us/hegseth-nato")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.Title)
	fmt.Println(a.Published.Format("2006-01-02"), "from", a.DateSource)
	fmt.Println("source:", a.SourceURL)
	fmt.Println("paragraphs:", len(strings.Split(a.Text, "\n\n")))
	for _, r := range a.Related {
		fmt.Printf("%s: %s <%s> inline=%v\n", r.Block, r.Title, r.URL, r.Inline)
	}
	// Output:
	// Hegseth rules out Ukraine NATO membership
	// 2025-02-12 from text
	// source: https://www.kbzk.com/politics/hegseth-rules-out-ukraine-nato-membership
	// paragraphs: 3
	// RELATED STORY: Trump says he spoke with Putin about ending the war in Ukraine <https://www.kbzk.com/news/trump-spoke-with-putin> inline=true
	// Other Related News: Motive remains unknown in Wallace shooting <https://news.example.com/news/wallace-shooting> inline=false
}

func ExampleExtractor() {
	e := scoop.Extractor{MaxBytes: 1 << 20}
	_, err := e.Extract(strings.NewReader(""), "https://news.example.com/a")
	fmt.Println(err)
	// Output:
	// scoop: empty document
}
