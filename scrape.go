package scoop

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"regexp"
	"strconv"
	"sync"
	"time"
)

// Version is the scoop release that Records name as their extractor.
const Version = "v0.1.0-dev"

// Defaults used by a Scraper for the fields left zero.
const (
	DefaultMaxDepth    = 3
	DefaultParallelism = 2
	DefaultWorkers     = 16
	DefaultDelay       = time.Second
	DefaultTimeout     = 30 * time.Second
	DefaultRetries     = 3
	DefaultBackoff     = time.Second
	// DefaultUserAgent names the library and leaves a placeholder for the
	// contact address a site's operator should be able to reach: set
	// Scraper.UserAgent to your own.
	DefaultUserAgent = "scoop/" + Version + " (+https://github.com/scoopkit/scoop; contact: https://example.org/your-contact-page)"
)

// MaxRunFailures is how many runs may fail to fetch a page before later
// runs with the same state stop trying it.
const MaxRunFailures = 3

// maxRetryAfter is the longest Retry-After a Scraper waits for; a server
// asking for more is given up on and reported.
const maxRetryAfter = 5 * time.Minute

// ErrHTTPStatus is wrapped by the error of a page that answered with an
// HTTP status other than success, after any retries.
var ErrHTTPStatus = errors.New("scoop: unexpected HTTP status")

// errBusy is returned by Run while the same Scraper is running.
var errBusy = errors.New("scoop: scraper is already running")

// A Scraper crawls news sites from seed addresses and delivers one Record
// per article found. It is configuration: its zero value crawls politely
// with the documented defaults (robots.txt obeyed, Crawl-delay included;
// DefaultParallelism requests at a time and DefaultDelay between them per
// host; links followed DefaultMaxDepth hops from a seed on the seeds' own
// hosts; failed requests retried DefaultRetries times), and a copy is an
// independent Scraper with the same settings.
//
// For the numeric fields, zero means the default and a negative value
// means zero: MaxDepth -1 fetches the seeds only, Retries -1 never
// retries, Delay -1 does not wait.
//
// Seeds may be home or section pages, sitemaps (or sitemap indexes,
// gzipped or not, Google News ones included) and RSS, Atom or JSON feeds;
// the entries of a seed sitemap or feed, or of one that robots.txt lists,
// are at depth 0, like the seed; those of a feed found on a page are one
// hop further, like its links.
// Every HTML page has its links followed; a page is delivered when
// Extract finds an article on it, so the crawl delivers exactly what
// Extract accepts. Pages that need JavaScript to show their text are out
// of scope.
//
// A Scraper failing to fetch or read a page reports it and goes on: the
// callback gets a *PageError naming the page and the kind of failure,
// Stats counts failures by kind, and Logger gets a warning. Timeout bounds
// every request. Retry-After, backoff, Delay and Crawl-delay are times in
// the Frontier before which a host is not asked again, so a host that
// asks to wait holds up no worker and no other host.
//
// A Scraper's fields are read when Run starts. Stats may be called from
// any goroutine; a Run called while another Run of the same Scraper is in
// progress returns an error at once. Two runs cannot share a StateDir:
// the second gets ErrStateInUse.
type Scraper struct {
	// MaxDepth bounds how many links away from a seed a page may be.
	// Zero means DefaultMaxDepth; negative means the seeds only (and the
	// entries of seed sitemaps and feeds). math.MaxInt means no bound.
	MaxDepth int

	// MaxPages stops the crawl after this many page requests (retries
	// not counted); the rest of the frontier stays in the state for a
	// later run. Zero means no bound.
	MaxPages int

	// Workers is the most requests in flight at once, over all hosts.
	// Zero means DefaultWorkers.
	Workers int

	// Parallelism is the most requests in flight per host. Zero means
	// DefaultParallelism.
	Parallelism int

	// Delay is the pause after each request before the host is asked
	// again; a robots.txt Crawl-delay that is longer wins, and then
	// spaces the starts of requests. Zero means DefaultDelay; negative
	// means none.
	Delay time.Duration

	// AllowedDomains lists the host names that may be fetched. Empty
	// means the hosts of the seeds, each with and without "www.".
	AllowedDomains []string

	// URLFilters, when not empty, restricts fetching to addresses that
	// match one of them; DisallowedURLFilters excludes addresses matching
	// any of them. Seeds must pass both.
	URLFilters           []*regexp.Regexp
	DisallowedURLFilters []*regexp.Regexp

	// UserAgent identifies the crawler to sites; its product token (the
	// first word, or the one inside "compatible; …") picks the robots.txt
	// group. Empty means DefaultUserAgent.
	UserAgent string

	// Timeout bounds each HTTP request, body included. Zero means
	// DefaultTimeout.
	Timeout time.Duration

	// MaxBodySize bounds a response body in bytes; a larger page is
	// reported with ErrTooLarge, without downloading it when the server
	// says its length. Zero means DefaultMaxBytes.
	MaxBodySize int64

	// Retries is how many times a request failing with 429, a 5xx
	// status, a timeout, a refused, reset or truncated connection or a
	// temporary DNS failure is tried again in a run, after an exponential
	// backoff from Backoff with jitter, or after Retry-After when the
	// server gives one. A page still failing is tried again by later runs
	// with the same state, up to MaxRunFailures runs. Zero means
	// DefaultRetries; negative means none.
	Retries int

	// Backoff is the first retry's base delay, doubled at each attempt.
	// Zero means DefaultBackoff.
	Backoff time.Duration

	// Refresh, when set, fetches seeds, sitemaps, feeds and pages that
	// held no article again in a later run once this long has passed,
	// so that a daily run with the same state finds new stories without
	// fetching old ones again.
	Refresh time.Duration

	// IgnoreRobotsTxt fetches pages that a site's robots.txt disallows.
	IgnoreRobotsTxt bool

	// Sitemaps also crawls the sitemaps that the robots.txt of each host
	// lists. Seeds that are sitemaps are read either way.
	Sitemaps bool

	// Feeds also crawls the RSS and Atom feeds that pages announce with
	// <link rel="alternate">. Seeds that are feeds are read either way.
	Feeds bool

	// From and To bound the publication dates of delivered articles
	// (inclusive; a zero bound is open). Sitemap and feed entries dated
	// outside are not fetched; an article whose date Extract cannot find
	// is not delivered while either bound is set.
	From, To time.Time

	// Proxies are proxy addresses (http, https or socks5) used in turn,
	// one per request, by the default transport. Empty means a direct
	// connection, or the proxy named by the usual environment variables.
	Proxies []string

	// Transport, when set, sends the requests instead of the default
	// transport (and Proxies are not used): a test's, or one that
	// records what it sends and receives. Every request goes through it,
	// robots.txt included. When the Body of a response it returns
	// implements ResponseNoter, the Record of that response is passed to
	// it, so that it can say where it stored the response.
	Transport http.RoundTripper

	// CacheDir, when set, keeps every successful response on disk and
	// answers later requests for the same address from it, so that a
	// re-run gives the same records without touching the sites.
	CacheDir string

	// StateDir keeps the crawl's default Frontier on disk. A Run with the
	// StateDir of a stopped run goes on where it stopped, fetching
	// nothing it finished and delivering nothing twice (see OpenJSONL for
	// a process killed outright). Empty means a temporary state removed
	// after Run. Ignored when Frontier is set.
	StateDir string

	// Frontier, when set, holds the crawl's state instead of the bbolt
	// file in StateDir, for example a store shared by several processes.
	// Run does not close it.
	Frontier Frontier

	// Now, when set, is the clock of Record.FetchedAt, for reproducible
	// re-runs. Nil means time.Now.
	Now func() time.Time

	// Extractor turns pages into articles; its zero value is the default.
	Extractor Extractor

	// Logger receives progress, failures and (at debug level) each page
	// skipped with its reason. Nil discards them.
	Logger *slog.Logger

	run *runState // shared by copies: see Run
}

// runState is what a Scraper knows of its runs.
type runState struct {
	running bool
	stats   *counters
}

// runMu guards every Scraper's run field.
var runMu sync.Mutex

// ResponseNoter is implemented by the body of a response from a
// Scraper's Transport that wants to annotate the Record made from the
// response, for example with the WARCLocation where the transport
// stored it. Note is called after the body has been read and closed,
// before the record is delivered.
type ResponseNoter interface {
	Note(r *Record)
}

// Record is one article as a crawl delivers it: the Article Extract made
// of the page and where and how the page was fetched.
type Record struct {
	// ID is RecordID of the url: the same story has the same id in every
	// run and every output, so shards can be joined on it.
	ID string `json:"id"`

	Article

	// FetchedAt is when the response arrived, in UTC.
	FetchedAt time.Time `json:"fetched_at"`
	// Status is the HTTP status of the final response.
	Status int `json:"status"`
	// FinalURL is the address fetched after any redirects; URL is the
	// page's canonical address.
	FinalURL string `json:"final_url"`
	// ContentSHA256 is the hex SHA-256 of the article's title and text,
	// which is how the same story under two addresses is recognised.
	ContentSHA256 string `json:"content_sha256"`
	// DuplicateOf is the url of an earlier record with the same title
	// and text: a story republished under another address (syndication,
	// an aggregator's copy). Byte-identical pages of one site are not
	// delivered twice at all.
	DuplicateOf string `json:"duplicate_of,omitempty"`
	// Depth is the number of links followed from a seed to this page.
	Depth int `json:"depth"`
	// FoundOn is the page, sitemap or feed that linked here; empty for a
	// seed.
	FoundOn string `json:"found_on"`
	// Extractor names the scoop version that made the record.
	Extractor string `json:"extractor"`
	// WARCLocation names where a recording Transport stored the
	// response, when it says so (see ResponseNoter).
	WARCLocation
}

// WARCLocation names the WARC response record a Record's page is kept
// in: the file's name, the record's WARC-Record-ID and the offset of the
// record (or of the gzip member holding it) in the file. All are empty,
// and left out of the JSON, when the page was not archived.
type WARCLocation struct {
	WARCFile     string `json:"warc_file,omitempty"`
	WARCRecordID string `json:"warc_record_id,omitempty"`
	WARCOffset   int64  `json:"warc_offset,omitempty"`
}

// ErrorKind names what kind of failure a page met, as Stats.Errors
// counts it.
type ErrorKind string

// The kinds of failure.
const (
	KindHTTP        ErrorKind = "http"         // the server answered with a status that is not success (PageError.Status), after retries for 429 and 5xx
	KindTimeout     ErrorKind = "timeout"      // no complete answer within Timeout
	KindDNS         ErrorKind = "dns"          // the host name does not resolve
	KindRefused     ErrorKind = "refused"      // nothing listens at the address
	KindReset       ErrorKind = "reset"        // the connection was reset
	KindTruncated   ErrorKind = "truncated"    // the connection closed before the whole body came
	KindTLS         ErrorKind = "tls"          // TLS handshake failed or the certificate is not valid
	KindNetwork     ErrorKind = "network"      // another transport failure
	KindRedirect    ErrorKind = "redirect"     // too many redirects, or one to a scheme other than http and https
	KindTooLarge    ErrorKind = "too_large"    // the body, once decompressed, is over MaxBodySize
	KindContentType ErrorKind = "content_type" // the body is not what its Content-Type says
	KindSoft404     ErrorKind = "soft_404"     // a "page not found" served with status 200
	KindExtract     ErrorKind = "extract"      // Extract failed
	KindParse       ErrorKind = "parse"        // a sitemap or feed could not be parsed
	KindInvalidURL  ErrorKind = "invalid_url"  // a seed that is not an http or https address
)

// PageError records a page that could not be fetched or read, and why.
type PageError struct {
	Op     string    // "seed", "fetch", "extract", "sitemap" or "feed"
	URL    string    // the page
	Kind   ErrorKind // the kind of failure
	Status int       // the HTTP status, for KindHTTP
	Err    error
}

// Error formats the error as url.Error does: operation, quoted URL, cause.
func (e *PageError) Error() string { return e.Op + " " + strconv.Quote(e.URL) + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *PageError) Unwrap() error { return e.Err }

// statKey is the key of the error in Stats.Errors: the kind, with the
// status for KindHTTP ("http_404").
func (e *PageError) statKey() string {
	if e.Kind == KindHTTP && e.Status != 0 {
		return "http_" + strconv.Itoa(e.Status)
	}
	return string(e.Kind)
}

// ErrSeedsFailed is returned by Run when no seed could be crawled: each
// was invalid or failed, as reported to the callback.
var ErrSeedsFailed = errors.New("scoop: every seed failed")

// Stats counts what a crawl has done so far.
type Stats struct {
	Requests int64 // HTTP requests sent, retries included
	Pages    int64 // responses read: pages, sitemaps and feeds
	Articles int64 // records delivered
	Bytes    int64 // response body bytes read
	Queued   int   // addresses waiting in the frontier
	// Skipped counts addresses fetched or found and not delivered, by
	// reason: "listing" and "other" (pages Extract finds no article on),
	// "sitemap" and "feed" (read for their entries), "empty", "not_html",
	// "amp", "robots", "redirected", "out_of_window", "undated",
	// "duplicate_url", "duplicate_body". Logger gets a debug line for
	// each.
	Skipped map[string]int64
	// Errors counts pages that failed for good in this run, by
	// ErrorKind, with the status for KindHTTP: "http_404", "timeout"…
	//
	// Unless IgnoreRobotsTxt is set, no page is fetched before its
	// host's robots.txt has been read, on the host's first request. A
	// robots.txt that cannot be read (no answer, or 429 or 5xx) is asked
	// for again after each backoff step, Retries times, while the host's
	// pages wait; then each of them fails with the kind of that failure.
	Errors  map[string]int64
	Elapsed time.Duration
}

// PagesPerSecond is the rate of responses read.
func (s Stats) PagesPerSecond() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Pages) / s.Elapsed.Seconds()
}

// Stats returns the counts of the running crawl, or of the last one.
func (s *Scraper) Stats() Stats {
	runMu.Lock()
	var c *counters
	if s.run != nil {
		c = s.run.stats
	}
	runMu.Unlock()
	if c == nil {
		return Stats{Skipped: map[string]int64{}, Errors: map[string]int64{}}
	}
	return c.snapshot()
}

// Run crawls from seeds until the frontier is empty, MaxPages is reached
// or ctx is done. fn is called, from one goroutine at a time, with each
// article's Record and a nil error, or with a nil Record and a
// *PageError for a page that failed. Returning nil goes on; returning an
// error stops the crawl, and Run returns that error. The Record of a call
// that returned an error counts as not delivered.
//
// When ctx is done, requests in flight are abandoned and Run returns
// ctx's error at once; a later Run with the same state fetches what was
// left. Run returns ErrSeedsFailed when seeds were given to crawl and
// none could be.
//
// A delivery is recorded in the frontier after fn returns nil. A process
// killed outright between the two delivers that record again when
// resumed; a JSONL file opened with OpenJSONL skips it, so that the file
// holds every article once.
func (s *Scraper) Run(ctx context.Context, seeds []string, fn func(*Record, error) error) error {
	runMu.Lock()
	if s.run != nil && s.run.running {
		runMu.Unlock()
		return errBusy
	}
	st := newCounters()
	s.run = &runState{running: true, stats: st}
	rs := s.run
	runMu.Unlock()
	defer func() {
		st.finish()
		runMu.Lock()
		rs.running = false
		runMu.Unlock()
	}()
	cr, err := newCrawl(s, st, fn)
	if err != nil {
		return err
	}
	return cr.run(ctx, seeds)
}
