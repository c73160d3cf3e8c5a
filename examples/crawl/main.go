// Command crawl is a small program to adapt: it crawls the news sites
// given as arguments and appends one JSON line per article to
// articles.jsonl, with a summary on standard error. Stop it any way you
// like (Ctrl-C, kill -9, a power cut) and run it again to go on where it
// stopped: its state is kept in ./crawl-state, and the file ends up with
// every article exactly once.
//
//	go run ./examples/crawl https://news.example.com/
package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"time"

	"github.com/scoopkit/scoop"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: crawl SEED_URL...")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	s := &scoop.Scraper{
		// Tell site operators who you are.
		UserAgent: "my-research-crawler/0.1 (+https://example.org/about-my-crawler)",
		// Polite defaults apply to what is left out: robots.txt, one
		// second between requests, two at a time per host.
		MaxDepth: 2,
		Sitemaps: true,
		From:     time.Now().AddDate(0, 0, -30), // the last month only
		StateDir: "crawl-state",
		Logger:   slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})),
	}
	// Synced before the crawl counts a record delivered, and skipping
	// what an interrupted run wrote: each article once.
	w, err := scoop.OpenJSONL("articles.jsonl", s.StateDir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "crawl:", err)
		os.Exit(1)
	}
	err = s.Run(ctx, os.Args[1:], func(r *scoop.Record, err error) error {
		if err != nil {
			return nil // logged; a failed page does not stop the crawl
		}
		return w.Write(r) // an error here (a full disk) stops it
	})
	if e := w.Close(); err == nil {
		err = e
	}
	st := s.Stats()
	fmt.Fprintf(os.Stderr, "%d articles from %d pages in %s; skipped %v; errors %v\n",
		st.Articles, st.Pages, st.Elapsed.Round(time.Second), st.Skipped, st.Errors)
	if err != nil {
		fmt.Fprintln(os.Stderr, "crawl:", err)
		os.Exit(1)
	}
}
