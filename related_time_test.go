package scoop

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// manyBlocksPage is an article followed by n related blocks of links
// links each, every link to a different story, as some portals print.
func manyBlocksPage(n, links int) string {
	var b strings.Builder
	b.WriteString("<html><body><article><h1>Council weighs mill plan</h1>" + prose + "</article>")
	for i := range n {
		fmt.Fprintf(&b, `<section class="related"><h2>Related</h2><ul>`)
		for j := range links {
			fmt.Fprintf(&b, `<li><a href="/news/%d/story-%d-%d?utm_source=rel">Story %d of block %d about the mill</a></li>`, i, i, j, j, i)
		}
		b.WriteString("</ul></section>")
	}
	b.WriteString("</body></html>")
	return b.String()
}

// leastTimes returns the least CPU time of a few runs of f on each
// document, run in turns so that a busy spell of the shared machine falls
// on both. Each run repeats f a few times: the process's CPU clock ticks
// in milliseconds, as coarse as the small page's whole time.
func leastTimes(docs []string, runs int, f func(doc string)) []time.Duration {
	const reps = 4
	best := make([]time.Duration, len(docs))
	for r := range runs {
		for i, doc := range docs {
			runtime.GC()
			start := cpuTime()
			for range reps {
				f(doc)
			}
			if d := (cpuTime() - start) / reps; r == 0 || d < best[i] {
				best[i] = d
			}
		}
	}
	return best
}

// TestRelatedLinearTime checks that the cost of related blocks grows with
// the page, not with the square of its stories: 40 blocks of 190 links
// take at most 200 ms and at most 10 times 4 such blocks. Parsing alone
// grows a little more than tenfold on this machine (caches), so the ratio
// may reach that of html.Parse on the same two pages.
func TestRelatedLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	docs := []string{manyBlocksPage(4, 190), manyBlocksPage(40, 190)}
	n := make([]int, len(docs))
	took := leastTimes(docs, 5, func(doc string) {
		a, err := Extract(strings.NewReader(doc), "https://news.example.com/a")
		if err != nil {
			t.Fatal(err)
		}
		n[len(doc)/len(docs[1])] = len(a.Related)
	})
	parse := leastTimes(docs, 5, func(doc string) { html.Parse(strings.NewReader(doc)) })
	small, big := took[0], took[1]
	ratio, parseRatio := float64(big)/float64(small), float64(parse[1])/float64(parse[0])
	t.Logf("4 blocks: %v (%d stories); 40 blocks: %v (%d stories); ratio %.1f (html.Parse alone %.1f)", small, n[0], big, n[1], ratio, parseRatio)
	if n[0] != 4*190 || n[1] != 40*190 {
		t.Errorf("stories = %d and %d, want %d and %d", n[0], n[1], 4*190, 40*190)
	}
	if raceEnabled {
		return
	}
	if big > 200*time.Millisecond {
		t.Errorf("40 blocks took %v, bound 200ms", big)
	}
	// 15% is for the noise of a shared machine between the two series.
	if ratio > 1.15*max(10, parseRatio) {
		t.Errorf("40 blocks took %.1f× 4 blocks, bound 10× (or html.Parse's %.1f×)", ratio, parseRatio)
	}
}
