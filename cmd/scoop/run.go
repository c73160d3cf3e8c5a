package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/scoopkit/scoop"
	"github.com/scoopkit/scoop/internal/newssite"
)

// usageError is a command line that makes no sense; main exits with 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

const usage = `scoop extracts news articles from pages and crawls news sites.

Usage:
  scoop extract [-url PAGE_URL] FILE|URL|-   print a page's article as JSON
  scoop crawl [flags] SEED_URL...             crawl sites, write one JSON line per article
  scoop demo [-o FILE] [-full]                crawl a bundled fake news site, offline
  scoop extract -warc WARC_FILE...            re-extract the articles of WARC files
  scoop convert -format csv|parquet IN.jsonl... OUT
                                              turn records into a table

Run "scoop COMMAND -h" for a command's flags.
`

// run is the whole program but for signals and the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usagef("no command given")
	}
	switch args[0] {
	case "extract":
		return runExtract(ctx, args[1:], stdout, stderr)
	case "crawl":
		return runCrawl(ctx, args[1:], stdout, stderr)
	case "demo":
		return runDemo(ctx, args[1:], stdout, stderr)
	case "convert":
		return runConvert(ctx, args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	return usagef("unknown command %q", args[0])
}

// parse parses a command's flags, turning flag's errors into usage errors.
func parse(fs *flag.FlagSet, args []string, stderr io.Writer) (done bool, err error) {
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return true, nil
		}
		return true, usageError{err.Error()}
	}
	return false, nil
}

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("scoop extract", flag.ContinueOnError)
	pageURL := fs.String("url", "", "the page's address, for a FILE or standard input (required there)")
	fromWARC := fs.Bool("warc", false, "read the articles of the WARC `FILE`s given, one record per article")
	format := fs.String("format", "", "with -warc: jsonl or csv (default jsonl); for a page: json (default) or csv")
	verbose := fs.Bool("v", false, "with -warc: list the records that cannot be read")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: scoop extract [-url PAGE_URL] [-format json|csv] FILE|URL|-")
		fmt.Fprintln(fs.Output(), "       scoop extract -warc [-format jsonl|csv] [-v] WARC_FILE...")
		fs.PrintDefaults()
	}
	if done, err := parse(fs, args, stderr); done {
		return err
	}
	if *fromWARC {
		return extractWARC(ctx, fs.Args(), *format, *verbose, stdout, stderr)
	}
	if *format != "" && *format != "json" && *format != "csv" {
		return usagef("unknown -format %q: want json or csv", *format)
	}
	if fs.NArg() != 1 {
		return usagef("extract takes one FILE, URL or -, got %d", fs.NArg())
	}
	src := fs.Arg(0)
	var (
		body        []byte
		contentType string
		err         error
	)
	switch {
	case strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://"):
		body, contentType, src, err = fetch(ctx, src)
		if *pageURL == "" {
			*pageURL = src
		}
	case *pageURL == "":
		return usagef("-url is required to read %s", map[bool]string{true: "standard input", false: "a file"}[src == "-"])
	case src == "-":
		body, err = io.ReadAll(os.Stdin)
	default:
		body, err = os.ReadFile(src)
	}
	if err != nil {
		return err
	}
	var e scoop.Extractor
	a, err := e.ExtractWithContentType(bytes.NewReader(body), *pageURL, contentType)
	if err != nil {
		return err
	}
	if *format == "csv" {
		sink, _ := newSink("csv", stdout, true)
		return sink.Write(&scoop.Record{Article: *a, ContentSHA256: scoop.ContentSum(a)})
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(a)
}

// fetch gets one page, as politely as a single request can be.
func fetch(ctx context.Context, u string) (body []byte, contentType, final string, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, "", "", err
	}
	req.Header.Set("User-Agent", scoop.DefaultUserAgent)
	c := &http.Client{Timeout: scoop.DefaultTimeout}
	resp, err := c.Do(req)
	if err != nil {
		return nil, "", "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, "", "", fmt.Errorf("%w %s from %s", scoop.ErrHTTPStatus, resp.Status, u)
	}
	body, err = io.ReadAll(io.LimitReader(resp.Body, scoop.DefaultMaxBytes+1))
	return body, resp.Header.Get("Content-Type"), resp.Request.URL.String(), err
}

// listFlag is a flag that may be given more than once.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

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

func runCrawl(ctx context.Context, args []string, stdout, stderr io.Writer) (err error) {
	fs := flag.NewFlagSet("scoop crawl", flag.ContinueOnError)
	var s scoop.Scraper
	var domains, proxies listFlag
	out := fs.String("o", "", "append records to `FILE`, skipping those it holds already (standard output when absent)")
	fs.IntVar(&s.MaxDepth, "depth", scoop.DefaultMaxDepth, "follow links this many hops from a seed (-1: no limit)")
	fs.IntVar(&s.MaxPages, "max-pages", 0, "stop after this many page requests (0: no limit)")
	fs.IntVar(&s.Parallelism, "parallel", scoop.DefaultParallelism, "requests in flight per host")
	fs.DurationVar(&s.Delay, "delay", scoop.DefaultDelay, "pause between requests per host (robots.txt Crawl-delay wins if longer; -1ns: none)")
	fs.Var(&domains, "allow-domain", "fetch only from this host name (repeatable; default: the seeds' hosts)")
	fs.StringVar(&s.StateDir, "state", "", "keep crawl state in `DIR`; run again with the same DIR to resume")
	fs.StringVar(&s.CacheDir, "cache", "", "keep responses in `DIR` and answer repeated requests from it")
	fs.StringVar(&s.UserAgent, "user-agent", scoop.DefaultUserAgent, "User-Agent header; put your contact address in it")
	fs.BoolVar(&s.Sitemaps, "sitemaps", false, "also crawl the sitemaps listed in each host's robots.txt")
	fs.BoolVar(&s.Feeds, "feeds", false, "also crawl the RSS and Atom feeds that listing pages announce")
	fs.Var(dateFlag{t: &s.From}, "from", "deliver articles published on or after this `DATE`")
	fs.Var(dateFlag{t: &s.To, endOf: true}, "to", "deliver articles published on or before this `DATE`")
	fs.Var(&proxies, "proxy", "send requests through this proxy `URL`, in turn with the others (repeatable)")
	fs.DurationVar(&s.Timeout, "timeout", scoop.DefaultTimeout, "time limit of each request")
	fs.IntVar(&s.Retries, "retries", scoop.DefaultRetries, "retries after a 429, a 5xx or a timeout (-1: none)")
	fs.BoolVar(&s.IgnoreRobotsTxt, "ignore-robots", false, "fetch pages robots.txt disallows")
	format := fs.String("format", "jsonl", "records as `jsonl` or csv")
	warcPath := fs.String("warc", "", "archive every HTTP exchange in WARC files named after `FILE`.warc.gz (FILE-00001.warc.gz, …)")
	warcMax := fs.Int64("warc-max-size", 1<<30, "start a new WARC file past this many `bytes`")
	every := fs.Duration("progress", 10*time.Second, "interval of the summary lines when standard error is not a terminal")
	verbose := fs.Bool("v", false, "log each failed page")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: scoop crawl [flags] SEED_URL...")
		fs.PrintDefaults()
	}
	if done, err := parse(fs, args, stderr); done {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("crawl needs at least one SEED_URL")
	}
	if !s.From.IsZero() && !s.To.IsZero() && s.To.Before(s.From) {
		return usagef("-to is before -from")
	}
	s.AllowedDomains, s.Proxies = domains, proxies
	if *verbose {
		s.Logger = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}

	rw, err := newSink(*format, stdout, true)
	if err != nil {
		return err
	}
	if *warcPath != "" {
		closeWARC, err := recordWARC(&s, *warcPath, *warcMax)
		if err != nil {
			return err
		}
		defer func() {
			if e := closeWARC(); err == nil {
				err = e
			}
		}()
	}
	var o *output
	if *out != "" {
		var err error
		if o, err = openOutput(*out, *format); err != nil {
			return err
		}
		defer o.f.Close() // closed below; this is for the early returns
		if rw, err = o.sink(*format); err != nil {
			return err
		}
	}
	stopProgress := progress(&s, stderr, *every)
	err = s.Run(ctx, fs.Args(), func(r *scoop.Record, err error) error {
		if err != nil {
			return nil // counted in Stats; logged with -v
		}
		if o.has(r) {
			// Written by an earlier run killed after writing it and before
			// its state recorded it.
			return nil
		}
		if err := rw.Write(r); err != nil {
			return &outputError{err}
		}
		return nil
	})
	stopProgress()
	if o != nil {
		if e := o.f.Close(); err == nil && e != nil {
			err = &outputError{e}
		}
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
	}
	return err
}

// outputError is a failure to write the records, which stops a crawl.
type outputError struct{ err error }

func (e *outputError) Error() string { return "writing records: " + e.err.Error() }
func (e *outputError) Unwrap() error { return e.err }

// output is the records file of a crawl and what earlier runs wrote to
// it.
type output struct {
	f       *os.File
	regular bool            // a file, not a device or a pipe
	empty   bool            // a CSV file without its header row yet
	keys    map[string]bool // URL keys of the records in the file
	sums    map[string]bool // their content hashes
}

// has reports whether the file holds r already: the same story (URL
// key), or the same text under another address (content hash).
func (o *output) has(r *scoop.Record) bool {
	if o == nil {
		return false
	}
	k := scoop.URLKey(r.URL)
	return o.sums[r.ContentSHA256] || k != "" && o.keys[k]
}

// openOutput opens the records file for appending. A line that a
// killed run left unfinished is cut off, and the records already there
// are indexed so that none is written twice: a run killed between
// writing a record and recording it in its state fetches the page again
// on resume. Their URL keys catch a story whose text changed in between;
// their content hashes catch the same text reached under another
// address. A device or a pipe (/dev/stdout) is written to as it is.
func openOutput(path, format string) (*output, error) {
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		// Reading back /dev/full would never end, and there is nothing
		// to read back from a pipe.
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
		if err != nil {
			return nil, err
		}
		return &output{f: f}, nil
	}
	if format == "csv" {
		return openCSVOutput(path)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	o := &output{f: f, regular: true, keys: map[string]bool{}, sums: map[string]bool{}}
	var good int64
	br := bufio.NewReaderSize(f, 1<<20)
	for {
		line, err := br.ReadBytes('\n')
		if err == io.EOF {
			break // a last line without its newline is unfinished
		}
		if err != nil {
			// Not the end: cutting here would lose records.
			f.Close()
			return nil, err
		}
		good += int64(len(line))
		var r struct {
			URL string `json:"url"`
			SHA string `json:"content_sha256"`
		}
		if json.Unmarshal(line, &r) != nil {
			continue
		}
		if r.SHA != "" {
			o.sums[r.SHA] = true
		}
		if k := scoop.URLKey(r.URL); k != "" {
			o.keys[k] = true
		}
	}
	if err := f.Truncate(good); err != nil {
		f.Close()
		return nil, err
	}
	if _, err := f.Seek(good, io.SeekStart); err != nil {
		f.Close()
		return nil, err
	}
	return o, nil
}

// progress reports the crawl's Stats on stderr until the returned func
// is called: a line redrawn in place on a terminal, a line every interval
// otherwise, and a summary at the end.
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
				fmt.Fprintln(stderr, summary(s.Stats()))
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
