package redisfrontier_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/scoopkit/scoop"
	"github.com/scoopkit/scoop/redisfrontier"
)

// Each process of a shared crawl opens the same crawl id with the same
// seeds and writes its own file. A process restarted after a kill would
// first pass its file's records to Adopt, as the scoop command does.
// (Not run: it needs a Redis server.)
func ExampleOpen() {
	ctx := context.Background()
	seeds := []string{"https://news.example.com/"}
	host, _ := os.Hostname()
	fr, err := redisfrontier.Open(ctx, "redis://localhost:6379/0", redisfrontier.Options{
		CrawlID:     "elections",
		Fingerprint: fmt.Sprint(seeds), // refuses another crawl under "elections"
		Owner:       host + ":part1.jsonl",
	})
	if err != nil {
		log.Fatal(err)
	}
	defer fr.Close()
	out, err := scoop.OpenJSONL("part1.jsonl", "")
	if err != nil {
		log.Fatal(err)
	}
	defer out.Close()
	s := scoop.Scraper{Frontier: fr, Parallelism: 2}
	err = s.Run(ctx, seeds, func(r *scoop.Record, err error) error {
		if err != nil {
			return nil // counted in s.Stats()
		}
		return out.Write(r)
	})
	if err != nil {
		log.Fatal(err)
	}
}
