package scoop

import (
	"context"
	"errors"
	"log/slog"
	"maps"
	"net"
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
	DefaultDelay       = time.Second
	DefaultTimeout     = 30 * time.Second
	DefaultRetries     = 3
	DefaultBackoff     = time.Second
	// DefaultUserAgent names the library and leaves a placeholder for the
	// contact address a site's operator should be able to reach: set
	// Scraper.UserAgent to your own.
	DefaultUserAgent = "scoop/" + Version + " (+https://github.com/scoopkit/scoop; contact: https://example.org/your-contact-page)"
)

// maxRetryAfter is the longest Retry-After a Scraper waits for; a server
// asking for more is given up on and reported.
const maxRetryAfter = 5 * time.Minute

// ErrHTTPStatus is wrapped by the error of a page that answered with an
// HTTP status other than success, after any retries.
var ErrHTTPStatus = errors.New("scoop: unexpected HTTP status")

// errBusy is returned by Run while the same Scraper is running.
var errBusy = errors.New("scoop: scraper is already running")

// A Scraper crawls news sites from seed addresses and delivers one Record
// per article found. Its zero value crawls politely with the documented
// defaults: robots.txt obeyed (Crawl-delay included), DefaultParallelism
// requests at a time and DefaultDelay between them per host, links
// followed DefaultMaxDepth hops from a seed on the seeds' own hosts, and
// failed requests retried DefaultRetries times.
//
// Seeds may be home or section pages, sitemaps (or sitemap indexes,
// gzipped or not, Google News ones included) and RSS, Atom or JSON feeds.
// Listing pages are crawled for links; a page is delivered only on
// evidence that it is an article (og:type, JSON-LD NewsArticle and kin, a
// dated slug address, or an article body Extract finds on a page that is
// not a listing). Pages that need JavaScript to show their text are out of
// scope.
//
// A Scraper failing to fetch or read a page reports it and goes on: the
// callback gets a *PageError naming the page and the kind of failure,
// Stats counts failures by kind, and Logger gets a warning with the URL
// and the kind. Timeout bounds every request, so an unresponsive server
// cannot hold up the crawl for longer than Timeout per attempt.
//
// A Scraper is safe for concurrent use in this sense: Stats may be
// called from any goroutine at any time, and a Run called while another
// Run of the same Scraper is in progress returns an error at once rather
// than crawl. The fields are read when Run starts and must not be
// changed while it runs. Separate Scrapers may run at the same time, but
// not with the same StateDir: the state is locked by the Run that holds
// it, and a second Run fails to open it.
type Scraper struct {
	// MaxDepth bounds how many links away from a seed a page may be.
	// Entries of a sitemap or feed are one hop from it. Zero means
	// DefaultMaxDepth; negative means no bound.
	MaxDepth int

	// MaxPages stops the crawl after this many page requests (retries
	// not counted); the rest of the frontier stays in the state for a
	// later run. Zero means no bound.
	MaxPages int

	// Parallelism is the number of requests in flight per host. Zero
	// means DefaultParallelism.
	Parallelism int

	// Delay is the pause after each request before its slot takes the
	// next one for the same host; a robots.txt Crawl-delay that is longer
	// wins. Zero means DefaultDelay; negative means none.
	Delay time.Duration

	// AllowedDomains lists the host names that may be fetched. Empty
	// means the hosts of the seeds, each with and without "www.".
	AllowedDomains []string

	// URLFilters, when not empty, restricts fetching to addresses that
	// match one of them; DisallowedURLFilters excludes addresses matching
	// any of them. Seeds must pass both.
	URLFilters           []*regexp.Regexp
	DisallowedURLFilters []*regexp.Regexp

	// UserAgent identifies the crawler to sites. Empty means
	// DefaultUserAgent, which has a placeholder contact address.
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
	// temporary DNS failure is tried again, after an exponential backoff
	// from Backoff with jitter, or after Retry-After when the server
	// gives one. Zero means DefaultRetries; negative means none.
	Retries int

	// Backoff is the first retry's base delay, doubled at each attempt.
	// Zero means DefaultBackoff.
	Backoff time.Duration

	// IgnoreRobotsTxt fetches pages that a site's robots.txt disallows.
	IgnoreRobotsTxt bool

	// Sitemaps also crawls the sitemaps that the robots.txt of each host
	// lists. Seeds that are sitemaps are read either way.
	Sitemaps bool

	// Feeds also crawls the RSS and Atom feeds that listing pages
	// announce with <link rel="alternate">. Seeds that are feeds are read
	// either way.
	Feeds bool

	// From and To bound the publication dates of delivered articles
	// (inclusive; a zero bound is open). Sitemap and feed entries dated
	// outside are not fetched; an article whose date Extract cannot find
	// is not delivered while either bound is set.
	From, To time.Time

	// Proxies are proxy addresses (http, https or socks5) used in turn,
	// one per request. Empty means a direct connection, or the proxy
	// named by the usual environment variables.
	Proxies []string

	// CacheDir, when set, keeps every successful response on disk and
	// answers later requests for the same address from it, so that a
	// re-run gives the same records without touching the sites.
	CacheDir string

	// StateDir keeps the crawl's state on disk: pages fetched, frontier,
	// articles delivered. A Run with the StateDir of a stopped run goes
	// on where it stopped, fetching nothing it finished and delivering
	// nothing twice (but see Run for a process killed outright). Empty
	// means a temporary state removed after Run.
	StateDir string

	// Extractor turns pages into articles; its zero value is the default.
	Extractor Extractor

	// Logger receives progress and failures. Nil discards them.
	Logger *slog.Logger

	// Transport, when set, carries the crawl's requests in place of the
	// HTTP transport scoop makes (Proxies then do not apply): a
	// recording transport such as the warc package's Recorder, wrapping
	// a transport of its own. A response whose header carries a
	// WARCLocationHeader gives its Record that WARCLocation.
	Transport http.RoundTripper

	// resolver, set by tests only, resolves host names instead of the
	// system's resolver, and proxies named by the environment are then
	// not used: a test that crawls a host that does not exist must not
	// depend on, or reach, a real name server.
	resolver *net.Resolver

	mu      sync.Mutex
	running bool
	stats   *counters
}

// Record is one article as a crawl delivers it: the Article Extract made
// of the page and where and how the page was fetched.
type Record struct {
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
	// Depth is the number of links followed from a seed to this page.
	Depth int `json:"depth"`
	// FoundOn is the page, sitemap or feed that linked here; empty for a
	// seed.
	FoundOn string `json:"found_on"`
	// Extractor names the scoop version that made the record.
	Extractor string `json:"extractor"`
	// WARCLocation names the WARC record of the page, when it has one.
	WARCLocation
}

// PageError records a page that could not be fetched or read, and why.
type PageError struct {
	Op   string // "fetch", "extract", "sitemap" or "feed"
	URL  string
	Kind string // the failure's kind, as counted in Stats.Errors
	Err  error
}

// Error formats the error as url.Error does: operation, quoted URL, cause.
func (e *PageError) Error() string { return e.Op + " " + strconv.Quote(e.URL) + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *PageError) Unwrap() error { return e.Err }

// Stats counts what a crawl has done so far.
type Stats struct {
	Requests int64 // HTTP requests sent, retries included
	Pages    int64 // responses read: pages, sitemaps and feeds
	Articles int64 // records delivered
	Bytes    int64 // response body bytes read
	Queued   int   // addresses waiting in the frontier
	// Skipped counts addresses not delivered, by reason: "listing",
	// "no_article", "duplicate_url", "duplicate_content", "amp",
	// "robots", "out_of_window", "undated", "not_html", "redirected".
	Skipped map[string]int64
	// Errors counts pages that failed for good, by kind:
	//
	//	http_NNN      the server answered with status NNN (after retries
	//	              for 429 and 5xx)
	//	timeout       no complete answer within Timeout: a server that
	//	              never answers, or one that sends too slowly
	//	dns           the host name does not resolve
	//	refused       nothing listens at the address
	//	reset         the connection was reset
	//	truncated     the connection closed before the whole body came
	//	tls           TLS handshake failed or the certificate is not valid
	//	              (it is never skipped)
	//	network       another transport failure
	//	redirect      a redirect loop, or a redirect to a scheme other
	//	              than http and https or to a host not allowed
	//	too_large     the body, once decompressed, is over MaxBodySize
	//	content_type  the body is not what its Content-Type says (a
	//	              binary file served as a page)
	//	extract       Extract failed
	//	parse         a sitemap or feed could not be parsed
	//
	// Unless IgnoreRobotsTxt is set, no page is fetched before its host's
	// robots.txt has been read, and a robots.txt that cannot be read (no
	// answer, or 429 or 5xx) fails each page of the host with the kind of
	// that failure. It is tried again at most once per backoff step, so a
	// dead host costs one timeout per step, not one per page.
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
	s.mu.Lock()
	c := s.stats
	s.mu.Unlock()
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
// ctx's error; no record is delivered after that, and a later Run with
// the same StateDir fetches what was left.
//
// A delivery is recorded in the state after fn returns nil. A process
// killed outright (SIGKILL, a crash) between the two has delivered a
// record the state does not know of, and the resumed Run calls fn with
// that article again. A callback writing records to a file should make
// each write durable before it returns (RecordWriter.SetSync), so that
// the state never counts a record the file lacks, and on resume skip
// the articles the file holds already, by URL key and content hash, as
// "scoop crawl -o" does; the file then has every article exactly once.
func (s *Scraper) Run(ctx context.Context, seeds []string, fn func(*Record, error) error) error {
	s.mu.Lock()
	if s.running {
		s.mu.Unlock()
		return errBusy
	}
	s.running = true
	st := newCounters()
	s.stats = st
	s.mu.Unlock()
	defer func() {
		st.finish()
		s.mu.Lock()
		s.running = false
		s.mu.Unlock()
	}()
	cr, err := s.newCrawl(ctx, st, fn)
	if err != nil {
		return err
	}
	return cr.run(seeds)
}

// counters are a crawl's Stats as they grow.
type counters struct {
	mu       sync.Mutex
	start    time.Time
	end      time.Time
	requests int64
	pages    int64
	articles int64
	bytes    int64
	skipped  map[string]int64
	errors   map[string]int64
	queued   func() int
}

func newCounters() *counters {
	return &counters{start: time.Now(), skipped: map[string]int64{}, errors: map[string]int64{}}
}

func (c *counters) add(f func(c *counters)) {
	c.mu.Lock()
	f(c)
	c.mu.Unlock()
}

func (c *counters) skip(why string)  { c.add(func(c *counters) { c.skipped[why]++ }) }
func (c *counters) fail(kind string) { c.add(func(c *counters) { c.errors[kind]++ }) }

func (c *counters) finish() {
	c.add(func(c *counters) {
		c.end = time.Now()
		if c.queued != nil {
			n := c.queued()
			c.queued = func() int { return n }
		}
	})
}

func (c *counters) snapshot() Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	end := c.end
	if end.IsZero() {
		end = time.Now()
	}
	st := Stats{
		Requests: c.requests, Pages: c.pages, Articles: c.articles, Bytes: c.bytes,
		Skipped: maps.Clone(c.skipped), Errors: maps.Clone(c.errors), Elapsed: end.Sub(c.start),
	}
	if c.queued != nil {
		st.Queued = c.queued()
	}
	return st
}
