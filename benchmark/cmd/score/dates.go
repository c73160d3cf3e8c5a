package main

import (
	"fmt"
	"log"
	"path/filepath"

	"github.com/scoopkit/scoop/benchmark"
)

// datesMain prints the day figures of the corpus part and, for the tune
// part only, its misses: the check part is measured, never read.
func datesMain(dir, part string) {
	pages, err := benchmark.LoadCorpus(dir)
	if err != nil {
		log.Fatal(err)
	}
	labels, err := benchmark.LoadDateLabels(filepath.Join(dir, "..", "dates", "labels.json"))
	if err != nil {
		log.Fatal(err)
	}
	parts, err := benchmark.ScoreDates(pages, labels)
	if err != nil {
		log.Fatal(err)
	}
	for _, name := range []string{"tune", "check"} {
		if part != "all" && part != name {
			continue
		}
		s := benchmark.SummarizeDates(parts[name])
		fmt.Printf("%-5s %s\n", name, s)
		if name != "tune" {
			continue
		}
		for _, r := range s.Misses {
			fmt.Printf("  %s %-6s want %s got %q (%s) %s\n    %s\n    %s\n", r.Page.ID[:8], r.Verdict(),
				r.Label.Day, r.Day, r.Source, r.Refused, r.Page.URL, r.Label.Note)
		}
	}
}
