package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/scoopkit/scoop"
	"github.com/scoopkit/scoop/redisfrontier"
)

// listFlag is a flag that may be given more than once.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// countFlag counts how often a flag is given: -v -v.
type countFlag int

func (c *countFlag) String() string   { return fmt.Sprint(int(*c)) }
func (c *countFlag) Set(string) error { *c++; return nil }
func (c *countFlag) IsBoolFlag() bool { return true }

// dateFlag reads a date or a time in RFC 3339.
type dateFlag struct {
	t     *time.Time
	endOf bool // a bare date means its last instant
}

func (d dateFlag) String() string {
	if d.t == nil || d.t.IsZero() {
		return ""
	}
	return d.t.Format(time.RFC3339)
}

func (d dateFlag) Set(v string) error {
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		*d.t = t
		return nil
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return errors.New("want a date like 2024-05-31 or a time in RFC 3339")
	}
	if d.endOf {
		t = t.Add(24*time.Hour - time.Nanosecond)
	}
	*d.t = t
	return nil
}

func runCrawl(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("scoop crawl", flag.ContinueOnError)
	var s scoop.Scraper
	var domains, proxies listFlag
	var now time.Time
	// Every number's 0 means zero: the defaults are the flags' defaults.
	out := fs.String("o", "", "append records to `FILE`, each article once across runs (standard output when absent)")
	depth := fs.Int("depth", scoop.DefaultMaxDepth, "follow links this many hops from a seed (0: the seeds only; -1: no limit)")
	maxPages := fs.Int("max-pages", -1, "stop after this many page requests (-1: no limit)")
	fs.IntVar(&s.Workers, "workers", scoop.DefaultWorkers, "requests in flight at once, over all hosts")
	fs.IntVar(&s.Parallelism, "parallel", scoop.DefaultParallelism, "requests in flight per host")
	delay := fs.Duration("delay", scoop.DefaultDelay, "pause between requests per host (robots.txt Crawl-delay wins if longer)")
	fs.Var(&domains, "allow-domain", "fetch only from this host name (repeatable; default: the seeds' hosts)")
	fs.StringVar(&s.StateDir, "state", "", "keep crawl state in `DIR`; run again with the same DIR to resume")
	redisURL := fs.String("redis", "", "share the crawl with other processes through the Redis at `URL` (redis://HOST:PORT/DB)")
	crawlID := fs.String("crawl-id", "default", "with -redis, the crawl's `NAME`: processes with the same name share it")
	lease := fs.Duration("lease", redisfrontier.DefaultLeaseTTL, "with -redis, how soon the requests of a killed process go to the others")
	fs.StringVar(&s.CacheDir, "cache", "", "keep responses in `DIR` and answer repeated requests from it")
	fs.StringVar(&s.UserAgent, "user-agent", scoop.DefaultUserAgent, "User-Agent header; put your contact address in it")
	fs.BoolVar(&s.Sitemaps, "sitemaps", false, "also crawl the sitemaps listed in each host's robots.txt")
	fs.BoolVar(&s.Feeds, "feeds", false, "also crawl the RSS and Atom feeds that pages announce")
	fs.Var(dateFlag{t: &s.From}, "from", "deliver articles published on or after this `DATE`")
	fs.Var(dateFlag{t: &s.To, endOf: true}, "to", "deliver articles published on or before this `DATE`")
	fs.Var(dateFlag{t: &now}, "now", "record this `TIME` as every record's fetched_at, for reproducible re-runs")
	fs.Var(&proxies, "proxy", "send requests through this proxy `URL`, in turn with the others (repeatable)")
	fs.DurationVar(&s.Timeout, "timeout", scoop.DefaultTimeout, "time limit of each request")
	retries := fs.Int("retries", scoop.DefaultRetries, "retries after a 429, a 5xx or a timeout")
	fs.DurationVar(&s.Refresh, "refresh", 0, "with -state, fetch seeds, listings, feeds and sitemaps again once this old")
	fs.BoolVar(&s.IgnoreRobotsTxt, "ignore-robots", false, "fetch pages robots.txt disallows")
	noHTML := fs.Bool("no-html", false, "leave the article's HTML out of the records")
	format := fs.String("format", "jsonl", "records as `jsonl` or csv")
	warcPath := fs.String("warc", "", "archive every HTTP exchange in WARC files named after `FILE`.warc.gz (FILE-00001.warc.gz, …)")
	warcMax := fs.Int64("warc-max-size", 1<<30, "start a new WARC file past this many `bytes`")
	every := fs.Duration("progress", 10*time.Second, "interval of the progress lines when standard error is not a terminal")
	var verbose countFlag
	fs.Var(&verbose, "v", "log each failed page; -v -v also each page skipped and why")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: scoop crawl [flags] SEED_URL...")
		fs.PrintDefaults()
	}
	if done, err := parse(fs, args, stderr); done {
		return err
	}
	switch {
	case fs.NArg() == 0:
		return usagef("crawl needs at least one SEED_URL")
	case !s.From.IsZero() && !s.To.IsZero() && s.To.Before(s.From):
		return usagef("-to is before -from")
	case s.Workers < 1 || s.Parallelism < 1:
		return usagef("-workers and -parallel must be at least 1")
	case *maxPages == 0:
		return usagef("-max-pages 0 would fetch nothing")
	case s.Timeout <= 0:
		return usagef("-timeout must be positive")
	case *redisURL != "" && s.StateDir != "":
		return usagef("-redis and -state exclude each other: the state is in Redis")
	case *format != "jsonl" && *format != "csv":
		return usagef("unknown -format %q: want jsonl or csv", *format)
	}
	s.MaxDepth = zeroMeansZero(*depth)
	if *depth < 0 {
		s.MaxDepth = math.MaxInt
	}
	s.Retries = zeroMeansZero(*retries)
	s.Delay = time.Duration(zeroMeansZero(int(*delay)))
	s.MaxPages = max(*maxPages, 0)
	s.AllowedDomains, s.Proxies = domains, proxies
	if !now.IsZero() {
		s.Now = func() time.Time { return now }
	}
	if verbose > 0 {
		level := slog.LevelWarn
		if verbose > 1 {
			level = slog.LevelDebug
		}
		s.Logger = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	}

	if *redisURL != "" {
		fr, err := openShared(ctx, *redisURL, *crawlID, *lease, fs.Args(), *out, stderr)
		if err != nil {
			return err
		}
		defer fr.Close()
		s.Frontier = fr
	}
	closeWARC := func() error { return nil }
	if *warcPath != "" {
		var err error
		if closeWARC, err = recordWARC(&s, *warcPath, *warcMax); err != nil {
			return err
		}
		defer closeWARC() // closed below; this is for the early returns
	}
	var rw recordSink = scoop.NewRecordWriter(stdout)
	switch {
	case *out != "" && *format == "csv":
		w, err := openCSV(*out)
		if err != nil {
			return err
		}
		rw = w
		defer rw.Close() // closed below; this is for the early returns
	case *out != "":
		w, err := scoop.OpenJSONL(*out, s.StateDir)
		if err != nil {
			return err
		}
		rw = w
		defer rw.Close()
	case *format == "csv":
		rw, _ = newSink("csv", stdout, true)
	}
	seeds := map[string]bool{}
	for _, a := range fs.Args() {
		seeds[a] = true
		seeds[scoop.URLKey(a)] = true
	}
	stopProgress := progress(&s, stderr, *every)
	err := s.Run(ctx, fs.Args(), func(r *scoop.Record, err error) error {
		var pe *scoop.PageError
		if errors.As(err, &pe) && (seeds[pe.URL] || seeds[scoop.URLKey(pe.URL)]) {
			// A seed that failed is said at once; other pages are
			// counted in the summary, and logged with -v.
			fmt.Fprintln(stderr, message(err))
		}
		if err != nil {
			return nil
		}
		if *noHTML {
			r.HTML = ""
		}
		if err := rw.Write(r); err != nil {
			return &outputError{err}
		}
		return nil
	})
	stopProgress()
	if e := rw.Close(); err == nil && e != nil {
		err = &outputError{e}
	}
	if e := closeWARC(); err == nil && e != nil {
		err = e
	}
	var oe *outputError
	switch {
	case errors.As(err, &oe) && *out != "":
		fmt.Fprintf(stderr, "stopped: records could not be written; %s ends with the last whole record\n", *out)
		if s.StateDir != "" {
			fmt.Fprintf(stderr, "once it can be written, run again with -state %s -o %s to go on\n", s.StateDir, *out)
		}
	case errors.Is(err, context.Canceled) && s.StateDir != "":
		fmt.Fprintf(stderr, "interrupted: run again with -state %s to resume\n", s.StateDir)
	case errors.Is(err, scoop.ErrStateDamaged):
		fmt.Fprintf(stderr, "remove %s to start the crawl over\n", s.StateDir)
	}
	return err
}

// zeroMeansZero maps a flag's value to the Scraper's field, whose zero
// means the default and a negative value zero.
func zeroMeansZero(n int) int {
	if n == 0 {
		return -1
	}
	return n
}

// outputError is a failure to write the records, which stops a crawl.
type outputError struct{ err error }

func (e *outputError) Error() string { return "writing records: " + e.err.Error() }
func (e *outputError) Unwrap() error { return e.err }

// progress reports the crawl's Stats on stderr until the returned func
// is called: a line redrawn in place on a terminal, a line every interval
// otherwise, and at the end a summary with the errors and skips by kind.
func progress(s *scoop.Scraper, stderr io.Writer, every time.Duration) (stop func()) {
	tty := isTerminal(stderr)
	if tty {
		every = 500 * time.Millisecond
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(max(every, 100*time.Millisecond))
		defer t.Stop()
		for {
			select {
			case <-done:
				if tty {
					fmt.Fprint(stderr, "\r\033[K")
				}
				st := s.Stats()
				fmt.Fprintln(stderr, summary(st))
				fmt.Fprintln(stderr, "errors:", counts(st.Errors))
				fmt.Fprintln(stderr, "skipped:", counts(st.Skipped))
				return
			case <-t.C:
				if tty {
					fmt.Fprint(stderr, "\r\033[K"+summary(s.Stats()))
				} else {
					fmt.Fprintln(stderr, summary(s.Stats()))
				}
			}
		}
	})
	return func() { close(done); wg.Wait() }
}

func summary(st scoop.Stats) string {
	var errs int64
	for _, n := range st.Errors {
		errs += n
	}
	return fmt.Sprintf("pages %d  articles %d  errors %d  queued %d  %.1f pages/s  elapsed %s",
		st.Pages, st.Articles, errs, st.Queued, st.PagesPerSecond(), st.Elapsed.Round(time.Second))
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
