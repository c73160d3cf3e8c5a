package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/scoopkit/scoop"
	"github.com/scoopkit/scoop/internal/newssite"
)

// demoLine is the short form of a record that the demo prints.
type demoLine struct {
	Title     string     `json:"title"`
	URL       string     `json:"url"`
	Published *time.Time `json:"published,omitempty"`
	Source    string     `json:"source_url,omitempty"`
	Related   int        `json:"related"`
	Depth     int        `json:"depth"`
}

func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("scoop demo", flag.ContinueOnError)
	out := fs.String("o", "", "also write the full records to `FILE`")
	full := fs.Bool("full", false, "print full records instead of one short line per article")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: scoop demo [-o FILE] [-full]")
		fmt.Fprintln(fs.Output(), "Serves a bundled fake news site on a loopback port and crawls it.")
		fs.PrintDefaults()
	}
	if done, err := parse(fs, args, stderr); done {
		return err
	}
	if fs.NArg() != 0 {
		return usagef("demo takes no arguments")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: newssite.New(newssite.Options{}), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + ln.Addr().String()
	fmt.Fprintf(stderr, "demo: The Harbour Gazette is served at %s; crawling it with its sitemaps\n", base)

	var fullW *scoop.RecordWriter
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer f.Close()
		fullW = scoop.NewRecordWriter(f)
	}
	lines := scoop.NewRecordWriter(stdout)
	// Quicker than DefaultDelay, since the site is our own; everything
	// else is as a real crawl would have it.
	s := &scoop.Scraper{Parallelism: 4, Delay: 5 * time.Millisecond, Sitemaps: true, Backoff: 50 * time.Millisecond, MaxBodySize: 1 << 20}
	err = s.Run(ctx, []string{base + "/"}, func(r *scoop.Record, err error) error {
		if err != nil {
			return nil
		}
		if fullW != nil {
			if err := fullW.Write(r); err != nil {
				return err
			}
		}
		if *full {
			return lines.Write(r)
		}
		l := demoLine{Title: r.Title, URL: r.URL, Published: r.Published, Related: len(r.Related), Depth: r.Depth}
		if r.SourceURL != r.URL {
			l.Source = r.SourceURL
		}
		return lines.WriteValue(l)
	})
	st := s.Stats()
	fmt.Fprintf(stderr, "demo: %d articles from %d responses in %s (%.0f pages/s)\n", st.Articles, st.Pages, st.Elapsed.Round(10*time.Millisecond), st.PagesPerSecond())
	fmt.Fprintf(stderr, "demo: not delivered: %s\n", counts(st.Skipped))
	fmt.Fprintf(stderr, "demo: errors, as the site intends: %s\n", counts(st.Errors))
	return err
}

func counts(m map[string]int64) string {
	if len(m) == 0 {
		return "none"
	}
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(m)) {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	return strings.Join(parts, ", ")
}
