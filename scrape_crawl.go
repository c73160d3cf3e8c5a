package scoop

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"mime"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/gocolly/colly/v2"
	"github.com/gocolly/colly/v2/proxy"
	"github.com/gocolly/colly/v2/queue"
	"github.com/temoto/robotstxt"
)

// Keys of the values a request carries in its colly.Context, which is
// stored with it in the frontier.
const (
	ctxKey      = "u" // URL key the request was queued under
	ctxFoundOn  = "f" // referrer
	ctxAttempts = "n" // retries so far
	ctxAbort    = "x" // why OnResponseHeaders aborted the transfer
	ctxRefollow = "r" // set once a redirect to a visited page was retried
	ctxSent     = "s" // attempts that reached OnRequest
)

// origContentType keeps a response's Content-Type while Colly sees only
// the media type: Colly would otherwise re-encode the body by the charset
// parameter, and the Extractor must see the bytes as sent. It is a
// header so that Colly's cache stores it with the response.
const origContentType = "X-Scoop-Content-Type"

// Reasons a page is skipped, as counted in Stats.Skipped.
const (
	skipListing          = "listing"
	skipNoArticle        = "no_article"
	skipDuplicateURL     = "duplicate_url"
	skipDuplicateContent = "duplicate_content"
	skipAMP              = "amp"
	skipRobots           = "robots"
	skipWindow           = "out_of_window"
	skipUndated          = "undated"
	skipNotHTML          = "not_html"
	skipRedirected       = "redirected"
)

// crawl is one Run: the Scraper's settings with defaults filled in, and
// everything that lives only while it runs.
type crawl struct {
	cfg      *Scraper // a copy of the settings, defaults filled in
	ctx      context.Context
	fn       func(*Record, error) error
	st       *counters
	log      *slog.Logger
	state    crawlState
	c        *colly.Collector
	q        *queue.Queue
	tr       *transport
	client   *http.Client // for robots.txt, through the same transport
	allowed  map[string]bool
	maxDepth int // -1: none

	stopping atomic.Bool
	started  atomic.Int64 // page requests sent, for MaxPages

	emitMu  sync.Mutex // one delivery at a time, duplicate check included
	stopErr error      // guarded by emitMu

	hostMu sync.Mutex
	hosts  map[string]*hostInfo
}

// hostInfo is what a crawl knows about one host.
type hostInfo struct {
	once     sync.Once  // first contact: robots.txt read, rate limit set
	robotsMu sync.Mutex // one robots.txt request at a time after that

	mu          sync.Mutex
	robots      *robotstxt.Group // nil: everything allowed
	robotsErr   error            // non-nil: robots.txt could not be read
	robotsFails int              // attempts that failed in a row
	robotsNext  time.Time        // no new attempt before this
	sitemaps    []string
	resume      time.Time     // no request before this: the host asked to slow down
	spacing     time.Duration // Crawl-delay of a robots.txt read after the rate limit was set
}

// maxRobotsSize bounds the robots.txt read, as Google does: the rules
// past 500 KiB are ignored.
const maxRobotsSize = 500 << 10

// robotsRequest marks the context of a robots.txt request, which the
// transport must not hold up for the robots.txt itself.
type robotsRequest struct{}

// robotsError is the failure to read a host's robots.txt, which stands
// for the page that needed it.
type robotsError struct{ err error }

func (e *robotsError) Error() string { return "robots.txt unavailable: " + e.err.Error() }
func (e *robotsError) Unwrap() error { return e.err }

// errRobotsDisallowed stops a request that the host's robots.txt, read
// after the request was queued, disallows.
var errRobotsDisallowed = errors.New("scoop: disallowed by robots.txt")

// errRedirect is wrapped by the error of a redirect the crawl does not
// follow.
var errRedirect = errors.New("scoop: redirect not followed")

// statusError is an HTTP status that is not success, as the error of a
// request that had no colly.Response to carry it (robots.txt).
type statusError struct{ code int }

func (e *statusError) Error() string {
	return ErrHTTPStatus.Error() + " " + strconv.Itoa(e.code) + " " + http.StatusText(e.code)
}

func (e *statusError) Is(target error) bool { return target == ErrHTTPStatus }

func (s *Scraper) newCrawl(ctx context.Context, st *counters, fn func(*Record, error) error) (*crawl, error) {
	cfg := &Scraper{
		MaxDepth: s.MaxDepth, MaxPages: s.MaxPages, Parallelism: s.Parallelism, Delay: s.Delay,
		AllowedDomains: s.AllowedDomains, URLFilters: s.URLFilters, DisallowedURLFilters: s.DisallowedURLFilters,
		UserAgent: s.UserAgent, Timeout: s.Timeout, MaxBodySize: s.MaxBodySize, Retries: s.Retries,
		Backoff: s.Backoff, IgnoreRobotsTxt: s.IgnoreRobotsTxt, Sitemaps: s.Sitemaps, Feeds: s.Feeds,
		From: s.From, To: s.To, Proxies: s.Proxies, CacheDir: s.CacheDir, StateDir: s.StateDir,
		Extractor: s.Extractor, Logger: s.Logger,
	}
	cr := &crawl{ctx: ctx, fn: fn, st: st, hosts: map[string]*hostInfo{}, allowed: map[string]bool{}}
	if cfg.MaxDepth == 0 {
		cfg.MaxDepth = DefaultMaxDepth
	}
	cr.maxDepth = max(cfg.MaxDepth, -1)
	if cfg.Parallelism <= 0 {
		cfg.Parallelism = DefaultParallelism
	}
	if cfg.Delay == 0 {
		cfg.Delay = DefaultDelay
	}
	cfg.Delay = max(cfg.Delay, 0)
	if cfg.UserAgent == "" {
		cfg.UserAgent = DefaultUserAgent
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.MaxBodySize <= 0 {
		cfg.MaxBodySize = DefaultMaxBytes
	}
	if cfg.Retries == 0 {
		cfg.Retries = DefaultRetries
	}
	cfg.Retries = max(cfg.Retries, 0)
	if cfg.Backoff <= 0 {
		cfg.Backoff = DefaultBackoff
	}
	if cfg.Extractor.MaxBytes <= 0 {
		cfg.Extractor.MaxBytes = cfg.MaxBodySize
	}
	cr.cfg = cfg
	cr.log = cfg.Logger
	if cr.log == nil {
		cr.log = slog.New(slog.DiscardHandler)
	}
	for _, d := range cfg.AllowedDomains {
		cr.allowed[strings.ToLower(d)] = true
	}

	dialer := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second, Resolver: s.resolver}
	base := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           dialer.DialContext,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   cfg.Parallelism + 1,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
		ForceAttemptHTTP2:     true,
	}
	if s.resolver != nil {
		base.Proxy = nil
	}
	if len(cfg.Proxies) > 0 {
		pf, err := proxy.RoundRobinProxySwitcher(cfg.Proxies...)
		if err != nil {
			return nil, fmt.Errorf("scoop: proxies: %w", err)
		}
		base.Proxy = func(r *http.Request) (*url.URL, error) {
			// The switcher rewrites the request it is given, which the
			// transport is still reading: give it a copy.
			c := *r
			return pf(&c)
		}
	}
	cr.tr = &transport{base: base}
	if !cfg.IgnoreRobotsTxt {
		cr.tr.gate = cr.gate
	}
	cr.client = &http.Client{Transport: cr.tr, Timeout: cfg.Timeout}
	return cr, nil
}

func (cr *crawl) run(seeds []string) (err error) {
	var seedURLs []*url.URL
	for _, s := range seeds {
		u, err := CleanURL(nil, s)
		if err != nil {
			return fmt.Errorf("%w: seed %q", ErrInvalidURL, s)
		}
		seedURLs = append(seedURLs, u)
		if len(cr.cfg.AllowedDomains) == 0 {
			h := u.Hostname()
			cr.allowed[h] = true
			if b, ok := strings.CutPrefix(h, "www."); ok {
				cr.allowed[b] = true
			} else if net.ParseIP(h) == nil {
				cr.allowed["www."+h] = true
			}
		}
	}
	if cr.state, err = openState(cr.cfg.StateDir); err != nil {
		return err
	}
	defer func() {
		if e := cr.state.Close(); err == nil && e != nil {
			err = fmt.Errorf("scoop: state: %w", e)
		}
	}()
	cr.st.add(func(c *counters) {
		c.queued = func() int { n, _ := cr.state.QueueSize(); return n }
	})
	cr.setupCollector()
	front := &frontier{crawlState: cr.state, cr: cr}
	threads := min(max(cr.cfg.Parallelism*len(cr.allowed), cr.cfg.Parallelism), 64)
	if cr.q, err = queue.New(threads, front); err != nil {
		return fmt.Errorf("scoop: queue: %w", err)
	}
	stop := context.AfterFunc(cr.ctx, func() { cr.stopping.Store(true) })
	defer stop()

	var links []queued
	for _, u := range seedURLs {
		if q, why := cr.admit(u, 0, ""); q != nil {
			links = append(links, *q)
		} else if why != "" {
			cr.st.skip(why)
			cr.log.Warn("seed not crawled", "url", u.String(), "reason", why)
		}
		links = append(links, cr.hostSitemaps(u)...)
	}
	if _, _, err := cr.state.finish(&finishing{links: links}); err != nil {
		return err
	}
	cr.log.Info("crawl started", "seeds", len(seeds), "queued", cr.st.snapshot().Queued)
	if err := cr.q.Run(cr.c); err != nil {
		return fmt.Errorf("scoop: queue: %w", err)
	}
	cr.c.Wait()
	if err := cr.state.abandon(); err != nil {
		return err
	}
	st := cr.st.snapshot()
	cr.log.Info("crawl ended", "pages", st.Pages, "articles", st.Articles, "queued", st.Queued, "elapsed", st.Elapsed.Round(time.Millisecond))
	cr.emitMu.Lock()
	defer cr.emitMu.Unlock()
	if cr.stopErr != nil {
		return cr.stopErr
	}
	return cr.ctx.Err()
}

// frontier is the queue.Storage the colly queue runs on: the state's,
// except that it looks empty once the crawl is stopping, which lets the
// queue finish the requests in flight and return.
type frontier struct {
	crawlState
	cr *crawl
}

func (f *frontier) QueueSize() (int, error) {
	if f.cr.stopping.Load() {
		return 0, nil
	}
	return f.crawlState.QueueSize()
}

func (cr *crawl) setupCollector() {
	c := &colly.Collector{}
	// Init rather than NewCollector: NewCollector lets COLLY_* environment
	// variables override the configuration.
	c.Init()
	c.UserAgent = cr.cfg.UserAgent
	c.AllowedDomains = keys(cr.allowed)
	c.URLFilters = cr.cfg.URLFilters
	c.DisallowedURLFilters = cr.cfg.DisallowedURLFilters
	if cr.maxDepth >= 0 {
		c.MaxDepth = cr.maxDepth + 1 // colly counts seeds as depth 1
	}
	c.MaxBodySize = int(min(cr.cfg.MaxBodySize+1, int64(^uint(0)>>1)))
	c.CacheDir = cr.cfg.CacheDir
	// scoop reads robots.txt itself, in the transport: Colly would turn
	// a robots.txt it cannot fetch into an error that its queue drops
	// without calling OnError, and the page would vanish unreported.
	c.IgnoreRobotsTxt = true
	c.DetectCharset = false
	c.ParseHTTPErrorResponse = false
	c.Context = cr.ctx
	c.SetStorage(cr.state)
	c.WithTransport(cr.tr)
	c.SetRequestTimeout(cr.cfg.Timeout)
	c.SetRedirectHandler(cr.checkRedirect)
	c.OnRequest(cr.onRequest)
	c.OnResponseHeaders(cr.onResponseHeaders)
	c.OnResponse(cr.onResponse)
	c.OnError(cr.onError)
	cr.c = c
}

// errFinishedRedirect stops a redirect to a page an earlier run finished.
var errFinishedRedirect = errors.New("scoop: redirect to a page already fetched")

func (cr *crawl) checkRedirect(req *http.Request, via []*http.Request) error {
	// Colly has checked the allowed hosts and URL filters.
	if s := req.URL.Scheme; s != "http" && s != "https" {
		return fmt.Errorf("%w: %s is not an HTTP address", errRedirect, req.URL.Redacted())
	}
	if len(via) >= 10 {
		return fmt.Errorf("%w: stopped after 10 redirects", errRedirect)
	}
	if done, _ := cr.state.isDone(keyOfRaw(req.URL)); done {
		return errFinishedRedirect
	}
	return nil
}

func keyOfRaw(u *url.URL) string {
	c, err := CleanURL(nil, u.String())
	if err != nil {
		return u.String()
	}
	return keyOf(c)
}

// host returns the crawl's knowledge of u's host, reading its robots.txt
// and setting its rate limit the first time.
func (cr *crawl) host(u *url.URL) *hostInfo {
	cr.hostMu.Lock()
	h := cr.hosts[u.Host]
	if h == nil {
		h = &hostInfo{}
		cr.hosts[u.Host] = h
	}
	cr.hostMu.Unlock()
	h.once.Do(func() { cr.setupHost(u, h) })
	return h
}

func (cr *crawl) setupHost(u *url.URL, h *hostInfo) {
	delay, parallel := cr.cfg.Delay, cr.cfg.Parallelism
	if !cr.cfg.IgnoreRobotsTxt || cr.cfg.Sitemaps {
		rd, err := cr.robots(cr.ctx, u)
		h.mu.Lock()
		if err != nil {
			cr.log.Warn("robots.txt unavailable", "host", u.Host, "err", err)
			if !cr.cfg.IgnoreRobotsTxt {
				// No page of the host is fetched until it can be read:
				// the transport tries again when one is sent.
				h.robotsFailed(err, cr.cfg.Backoff)
			}
		} else {
			g := rd.FindGroup(cr.cfg.UserAgent)
			if !cr.cfg.IgnoreRobotsTxt {
				h.robots = g
				// Colly's rate limit knows no Crawl-delay, which asks for
				// one request at a time, that far apart.
				if g.CrawlDelay > delay {
					delay, parallel = g.CrawlDelay, 1
				}
			}
			h.sitemaps = rd.Sitemaps
		}
		h.mu.Unlock()
	}
	err := cr.c.Limit(&colly.LimitRule{
		DomainRegexp: "^" + regexp.QuoteMeta(u.Host) + "$",
		Parallelism:  parallel,
		Delay:        delay,
	})
	if err != nil {
		cr.log.Error("rate limit", "host", u.Host, "err", err)
	}
}

// robotsFailed records a failed attempt to read robots.txt and when the
// next may be made; h.mu must be held.
func (h *hostInfo) robotsFailed(err error, base time.Duration) {
	h.robotsErr = err
	h.robotsNext = time.Now().Add(min(backoff(base, h.robotsFails), maxRetryAfter))
	h.robotsFails++
}

// robots fetches and parses the robots.txt of u's host. It fails when
// the host cannot be reached or answers 429 or 5xx: the site is then
// unavailable rather than without rules. Any other answer gives rules
// (none for a 4xx).
func (cr *crawl) robots(ctx context.Context, u *url.URL) (*robotstxt.RobotsData, error) {
	ru := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	req, err := http.NewRequestWithContext(context.WithValue(ctx, robotsRequest{}, true), http.MethodGet, ru.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", cr.cfg.UserAgent)
	resp, err := cr.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 {
		return nil, &statusError{resp.StatusCode}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxRobotsSize))
	if err != nil {
		return nil, err
	}
	rd, err := robotstxt.FromStatusAndBytes(resp.StatusCode, body)
	if err != nil {
		// The server answered: rules it cannot state are no rules.
		cr.log.Warn("robots.txt unreadable", "host", u.Host, "err", err)
		return robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
	}
	return rd, nil
}

// gate lets a request through the transport once its host's robots.txt
// has been read and allows it. It holds the robots.txt failure of a
// host that could not be read at first contact, trying again at most
// as often as the backoff allows, so that a dead host costs one timeout
// per backoff step rather than one per page.
func (cr *crawl) gate(req *http.Request) error {
	h := cr.host(req.URL)
	h.mu.Lock()
	g, err := h.robots, h.robotsErr
	h.mu.Unlock()
	if err != nil {
		g, err = cr.retryRobots(req.Context(), req.URL, h)
		if err != nil {
			return &robotsError{err}
		}
	}
	if g != nil && !g.Test(robotsPath(req.URL)) {
		return errRobotsDisallowed
	}
	return nil
}

func (cr *crawl) retryRobots(ctx context.Context, u *url.URL, h *hostInfo) (*robotstxt.Group, error) {
	h.robotsMu.Lock()
	defer h.robotsMu.Unlock()
	h.mu.Lock()
	if h.robotsErr == nil || time.Now().Before(h.robotsNext) {
		// Read while this request waited, or failed too recently.
		g, err := h.robots, h.robotsErr
		h.mu.Unlock()
		return g, err
	}
	h.mu.Unlock()
	rd, err := cr.robots(ctx, u)
	h.mu.Lock()
	defer h.mu.Unlock()
	if err != nil {
		h.robotsFailed(err, cr.cfg.Backoff)
		return nil, err
	}
	g := rd.FindGroup(cr.cfg.UserAgent)
	h.robots, h.robotsErr, h.robotsFails, h.sitemaps = g, nil, 0, rd.Sitemaps
	if g.CrawlDelay > cr.cfg.Delay {
		// The rate limit is set; onRequest spaces the requests instead.
		h.spacing = g.CrawlDelay
	}
	cr.log.Info("robots.txt read after all", "host", u.Host)
	return g, nil
}

// robotsPath is the part of u that robots.txt rules match.
func robotsPath(u *url.URL) string {
	p := u.EscapedPath()
	if u.RawQuery != "" {
		p += "?" + u.Query().Encode()
	}
	return p
}

// hostSitemaps returns the sitemaps that u's robots.txt lists, to be
// queued, when the crawl reads sitemaps.
func (cr *crawl) hostSitemaps(u *url.URL) []queued {
	if !cr.cfg.Sitemaps || !cr.allowed[u.Hostname()] {
		return nil
	}
	h := cr.host(u)
	h.mu.Lock()
	sitemaps := h.sitemaps
	h.mu.Unlock()
	var out []queued
	for _, s := range sitemaps {
		su, err := CleanURL(u, s)
		if err != nil {
			continue
		}
		if q, _ := cr.admit(su, 0, "robots.txt"); q != nil {
			out = append(out, *q)
		}
	}
	return out
}

// admit decides whether u, found at depth on the page foundOn, is to be
// fetched, and returns its frontier entry; otherwise it returns the
// reason to count, if any.
func (cr *crawl) admit(u *url.URL, depth int, foundOn string) (*queued, string) {
	if cr.maxDepth >= 0 && depth > cr.maxDepth {
		return nil, ""
	}
	if !cr.allowed[u.Hostname()] || skippedFile(u.Path) {
		return nil, ""
	}
	s := u.String()
	for _, f := range cr.cfg.DisallowedURLFilters {
		if f.MatchString(s) {
			return nil, ""
		}
	}
	if len(cr.cfg.URLFilters) > 0 && !matchesAny(cr.cfg.URLFilters, s) {
		return nil, ""
	}
	h := cr.host(u)
	h.mu.Lock()
	g := h.robots // nil while robots.txt is unavailable: the transport checks when it is sent
	h.mu.Unlock()
	if g != nil && !g.Test(robotsPath(u)) {
		return nil, skipRobots
	}
	key := keyOf(u)
	ctx := colly.NewContext()
	ctx.Put(ctxKey, key)
	ctx.Put(ctxFoundOn, foundOn)
	r := &colly.Request{URL: u, Method: http.MethodGet, Depth: depth + 1, Ctx: ctx}
	data, err := r.Marshal()
	if err != nil {
		return nil, ""
	}
	return &queued{key: key, data: data}, ""
}

func matchesAny(fs []*regexp.Regexp, s string) bool {
	for _, f := range fs {
		if f.MatchString(s) {
			return true
		}
	}
	return false
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func (cr *crawl) onRequest(r *colly.Request) {
	if cr.stopping.Load() {
		cr.state.release(r.Ctx.Get(ctxKey))
		r.Abort()
		return
	}
	if key := r.Ctx.Get(ctxKey); r.Ctx.Get(ctxSent) == "" {
		if done, _ := cr.state.isDone(key); done {
			// Finished under another address since it was queued: the
			// target of a redirect, or a story's canonical page. Within a
			// run Colly's visited mark stops it too, but a resumed run
			// has cleared the marks of what is queued.
			cr.st.skip(skipDuplicateURL)
			cr.commit(r, &finishing{key: key})
			r.Abort()
			return
		}
	}
	if r.Ctx.Get(ctxAttempts) == "" && cr.cfg.MaxPages > 0 && cr.started.Add(1) > int64(cr.cfg.MaxPages) {
		cr.stopping.Store(true)
		cr.state.release(r.Ctx.Get(ctxKey))
		r.Abort()
		return
	}
	h := cr.host(r.URL)
	h.mu.Lock()
	now := time.Now()
	wait := h.resume.Sub(now)
	if h.spacing > 0 {
		// Reserve this request's start; the next comes spacing later.
		h.resume = later(h.resume, now).Add(h.spacing)
	}
	h.mu.Unlock()
	if wait > 0 && !sleep(cr.ctx, wait) {
		cr.state.release(r.Ctx.Get(ctxKey))
		r.Abort()
		return
	}
	n, _ := strconv.Atoi(r.Ctx.Get(ctxSent))
	r.Ctx.Put(ctxSent, strconv.Itoa(n+1))
	cr.st.add(func(c *counters) { c.requests++ })
	cr.log.Debug("request", "url", r.URL.String(), "depth", r.Depth-1)
}

// acceptedType reports whether a response of this media type may be a
// page, a sitemap or a feed.
func acceptedType(mt string) bool {
	switch {
	case mt == "", mt == "text/html", mt == "application/xhtml+xml", mt == "text/plain",
		strings.Contains(mt, "xml"), strings.Contains(mt, "gzip"), mt == "application/octet-stream",
		mt == "application/feed+json", mt == "application/json":
		return true
	}
	return false
}

func (cr *crawl) onResponseHeaders(r *colly.Response) {
	h := r.Headers
	if h == nil {
		return
	}
	ct := h.Get(origContentType)
	if ct == "" {
		ct = h.Get("Content-Type")
		h.Set(origContentType, ct)
	}
	mt, _, _ := mime.ParseMediaType(ct)
	mt = strings.ToLower(mt)
	h.Set("Content-Type", mt)
	if r.StatusCode >= 300 {
		return
	}
	if !acceptedType(mt) {
		r.Ctx.Put(ctxAbort, skipNotHTML)
		r.Request.Abort()
		return
	}
	if n, err := strconv.ParseInt(h.Get("Content-Length"), 10, 64); err == nil && n > cr.cfg.MaxBodySize {
		r.Ctx.Put(ctxAbort, "too_large")
		r.Request.Abort()
	}
}

func (cr *crawl) onResponse(r *colly.Response) {
	key := r.Ctx.Get(ctxKey)
	final := r.Request.URL
	cr.st.add(func(c *counters) { c.pages++; c.bytes += int64(len(r.Body)) })
	if int64(len(r.Body)) > cr.cfg.MaxBodySize {
		cr.failed(r.Request, "too_large", &PageError{Op: "fetch", URL: final.String(), Err: fmt.Errorf("%w: over %d bytes", ErrTooLarge, cr.cfg.MaxBodySize)})
		return
	}
	body := r.Body
	ct := r.Headers.Get(origContentType)
	f := &finishing{key: key, hold: true}
	depth := r.Request.Depth - 1
	finalKey := keyOfRaw(final)
	if finalKey != key {
		f.done = append(f.done, finalKey)
	}
	body, err := gunzip(body, cr.cfg.MaxBodySize)
	if err != nil {
		kind := "parse"
		switch {
		case errors.Is(err, ErrTooLarge):
			kind = "too_large"
		case errors.Is(err, io.ErrUnexpectedEOF):
			kind = "truncated"
		}
		cr.failed(r.Request, kind, &PageError{Op: "fetch", URL: final.String(), Err: err})
		return
	}
	if sniffed, ok := binaryFormat(body); ok {
		mt := r.Headers.Get("Content-Type")
		if mt == "" || mt == "application/octet-stream" || strings.Contains(mt, "gzip") {
			// Sent as what it is, or as nothing in particular.
			cr.st.skip(skipNotHTML)
			cr.log.Debug("not a page", "url", final.String(), "type", sniffed)
			cr.commit(r.Request, f)
			return
		}
		cr.failed(r.Request, "content_type", &PageError{Op: "fetch", URL: final.String(),
			Err: fmt.Errorf("%w: served as %s, the body is %s", ErrNotHTML, mt, sniffed)})
		return
	}
	switch sniffXML(body) {
	case kindSitemap:
		cr.readListing(r, f, body, depth, parseSitemap, "sitemap")
	case kindFeed:
		cr.readListing(r, f, body, depth, parseFeed, "feed")
	default:
		cr.readPage(r, f, body, ct, depth, finalKey)
	}
}

// readListing queues the entries of a sitemap or feed whose dates are
// in the window.
func (cr *crawl) readListing(r *colly.Response, f *finishing, body []byte, depth int, parse func([]byte) ([]entry, error), op string) {
	final := r.Request.URL
	entries, err := parse(body)
	if err != nil && len(entries) == 0 {
		cr.failed(r.Request, "parse", &PageError{Op: op, URL: final.String(), Err: err})
		return
	}
	for i := range entries {
		e := &entries[i]
		u, err := CleanURL(final, e.loc)
		if err != nil {
			continue
		}
		if !e.inWindow(cr.cfg.From, cr.cfg.To) {
			cr.st.skip(skipWindow)
			f.done = append(f.done, keyOf(u))
			continue
		}
		d := depth + 1
		if e.sitemap {
			d = depth // an index's sitemaps are no further from the seed
		}
		cr.queueLink(f, u, d, final.String())
	}
	cr.commit(r.Request, f)
}

func (cr *crawl) queueLink(f *finishing, u *url.URL, depth int, foundOn string) {
	q, why := cr.admit(u, depth, foundOn)
	if q != nil {
		f.links = append(f.links, *q)
	} else if why != "" {
		// Counted once: the address is finished as far as the crawl goes.
		key := keyOf(u)
		if done, _ := cr.state.isDone(key); !done {
			cr.st.skip(why)
			f.done = append(f.done, key)
		}
	}
}

// readPage follows an HTML page's links and delivers its article, if it
// has one.
func (cr *crawl) readPage(r *colly.Response, f *finishing, body []byte, ct string, depth int, finalKey string) {
	final := r.Request.URL
	info := scanHTML(body)
	base := final
	if info.base != "" {
		if b, err := final.Parse(info.base); err == nil {
			base = b
		}
	}
	for _, l := range info.links {
		if u, err := CleanURL(base, l); err == nil {
			cr.queueLink(f, u, depth+1, final.String())
		}
	}
	strong, possible := articleEvidence(final, &info)
	if cr.cfg.Feeds && !strong {
		for _, l := range info.feeds {
			if u, err := CleanURL(base, l); err == nil {
				if q, _ := cr.admit(u, depth, final.String()); q != nil {
					f.links = append(f.links, *q)
				}
			}
		}
	}
	if info.amp && info.canonical != "" {
		if cu, err := CleanURL(base, info.canonical); err == nil && keyOf(cu) != finalKey {
			// The AMP rendering of a story: the story is fetched from
			// its canonical page instead.
			cr.st.skip(skipAMP)
			cr.queueLink(f, cu, depth, final.String())
			cr.commit(r.Request, f)
			return
		}
	}
	if !possible {
		cr.st.skip(skipListing)
		cr.commit(r.Request, f)
		return
	}
	a, err := cr.cfg.Extractor.ExtractWithContentType(bytes.NewReader(body), final.String(), ct)
	switch {
	case errors.Is(err, ErrNoArticle) || errors.Is(err, ErrEmpty):
		cr.st.skip(skipNoArticle)
		cr.commit(r.Request, f)
		return
	case errors.Is(err, ErrNotHTML):
		cr.st.skip(skipNotHTML)
		cr.commit(r.Request, f)
		return
	case errors.Is(err, ErrTooLarge):
		cr.failed(r.Request, "too_large", &PageError{Op: "extract", URL: final.String(), Err: err})
		return
	case err != nil:
		cr.failed(r.Request, "extract", &PageError{Op: "extract", URL: final.String(), Err: err})
		return
	}
	if why := cr.outOfWindow(a); why != "" {
		cr.st.skip(why)
		cr.commit(r.Request, f)
		return
	}
	sum := sha256.Sum256([]byte(a.Title + "\n" + a.Text))
	rec := &Record{
		Article:       *a,
		FetchedAt:     time.Now().UTC(),
		Status:        r.StatusCode,
		FinalURL:      final.String(),
		ContentSHA256: hex.EncodeToString(sum[:]),
		Depth:         depth,
		FoundOn:       r.Ctx.Get(ctxFoundOn),
		Extractor:     "scoop " + Version,
	}
	emitKey := URLKey(a.URL)
	if emitKey == "" {
		emitKey = finalKey
	}
	if emitKey != finalKey && emitKey != f.key {
		// Once delivered under its canonical address, the story need not
		// be fetched from there.
		f.done = append(f.done, emitKey)
	}
	cr.deliver(r.Request, f, rec, emitKey, sum[:])
}

func (cr *crawl) outOfWindow(a *Article) string {
	from, to := cr.cfg.From, cr.cfg.To
	if from.IsZero() && to.IsZero() {
		return ""
	}
	if a.Published == nil {
		return skipUndated
	}
	if !from.IsZero() && a.Published.Before(from) || !to.IsZero() && a.Published.After(to) {
		return skipWindow
	}
	return ""
}

// deliver hands rec to the caller unless the story was delivered before,
// and records the outcome; the check, the call and the record are one
// step, so that two copies of a story fetched at once are not both
// delivered.
func (cr *crawl) deliver(req *colly.Request, f *finishing, rec *Record, emitKey string, sha []byte) {
	cr.emitMu.Lock()
	defer cr.emitMu.Unlock()
	if cr.ctx.Err() != nil || cr.stopErr != nil {
		cr.state.release(f.key)
		return
	}
	why, err := cr.state.duplicate(emitKey, sha)
	if err != nil {
		cr.stop(err)
		return
	}
	if why != "" {
		cr.st.skip(why)
		cr.commitLocked(req, f)
		return
	}
	if err := cr.fn(rec, nil); err != nil {
		cr.stop(err)
		cr.state.release(f.key)
		return
	}
	cr.st.add(func(c *counters) { c.articles++ })
	f.emitKey, f.sha = emitKey, sha
	cr.commitLocked(req, f)
}

// stop ends the crawl with err; emitMu must be held.
func (cr *crawl) stop(err error) {
	if cr.stopErr == nil {
		cr.stopErr = err
	}
	cr.stopping.Store(true)
}

// commit records a handled page and queues what it found.
func (cr *crawl) commit(req *colly.Request, f *finishing) {
	cr.emitMu.Lock()
	defer cr.emitMu.Unlock()
	cr.commitLocked(req, f)
}

func (cr *crawl) commitLocked(req *colly.Request, f *finishing) {
	held, _, err := cr.state.finish(f)
	if err != nil {
		cr.stop(err)
		return
	}
	if held != nil {
		// Adding the last new request through the queue wakes it up;
		// the others went straight to the state in one transaction.
		r, err := cr.c.UnmarshalRequest(held.data)
		if err == nil {
			err = cr.q.AddRequest(r)
		}
		if err != nil {
			cr.stop(err)
		}
	}
}

// failed reports a page that failed for good.
func (cr *crawl) failed(req *colly.Request, kind string, err *PageError) {
	err.Kind = kind
	cr.st.fail(kind)
	cr.log.Warn("page failed", "url", err.URL, "kind", kind, "err", err.Err)
	cr.emitMu.Lock()
	defer cr.emitMu.Unlock()
	if cr.ctx.Err() != nil || cr.stopErr != nil {
		cr.state.release(req.Ctx.Get(ctxKey))
		return
	}
	if e := cr.fn(nil, err); e != nil {
		cr.stop(e)
		cr.state.release(req.Ctx.Get(ctxKey))
		return
	}
	cr.commitLocked(req, &finishing{key: req.Ctx.Get(ctxKey)})
}

func (cr *crawl) onError(r *colly.Response, err error) {
	req := r.Request
	key := req.Ctx.Get(ctxKey)
	u := req.URL.String()
	if cr.ctx.Err() != nil {
		cr.state.release(key)
		return
	}
	switch why := req.Ctx.Get(ctxAbort); {
	case errors.Is(err, colly.ErrAbortedAfterHeaders) && why == skipNotHTML:
		cr.st.skip(skipNotHTML)
		cr.commit(req, &finishing{key: key, done: []string{keyOfRaw(req.URL)}})
		return
	case errors.Is(err, colly.ErrAbortedAfterHeaders) && why == "too_large":
		cr.failed(req, "too_large", &PageError{Op: "fetch", URL: u, Err: fmt.Errorf("%w: over %d bytes", ErrTooLarge, cr.cfg.MaxBodySize)})
		return
	case errors.Is(err, errRobotsDisallowed):
		// Queued before its host's robots.txt could be read.
		cr.st.skip(skipRobots)
		cr.commit(req, &finishing{key: key, done: []string{keyOfRaw(req.URL)}})
		return
	}
	var visited *colly.AlreadyVisitedError
	if errors.As(err, &visited) || errors.Is(err, errFinishedRedirect) {
		target := req.URL
		if visited != nil && visited.Destination != nil {
			target = visited.Destination
		}
		tk := keyOfRaw(target)
		if done, _ := cr.state.isDone(tk); !done && visited != nil && req.Ctx.Get(ctxRefollow) == "" {
			// Marked visited by a request that never finished (a stopped
			// run): follow it after all, once.
			req.Ctx.Put(ctxRefollow, "1")
			cr.retry(req, "redirect")
			return
		}
		cr.st.skip(skipRedirected)
		cr.commit(req, &finishing{key: key})
		return
	}
	kind, retry := classify(r.StatusCode, err)
	n, _ := strconv.Atoi(req.Ctx.Get(ctxAttempts))
	if retry && n < cr.cfg.Retries {
		wait := backoff(cr.cfg.Backoff, n)
		if ra, ok := retryAfter(r); ok {
			if ra > maxRetryAfter {
				wait = -1
			} else {
				wait = max(wait, ra)
				if r.StatusCode == http.StatusTooManyRequests || r.StatusCode == http.StatusServiceUnavailable {
					h := cr.host(req.URL)
					h.mu.Lock()
					h.resume = time.Now().Add(ra)
					h.mu.Unlock()
				}
			}
		}
		if wait >= 0 {
			cr.log.Info("retrying", "url", u, "after", wait.Round(time.Millisecond), "err", err)
			if !sleep(cr.ctx, wait) {
				cr.state.release(key)
				return
			}
			req.Ctx.Put(ctxAttempts, strconv.Itoa(n+1))
			cr.retry(req, kind)
			return
		}
	}
	var re *robotsError
	switch {
	case r.StatusCode >= 300:
		err = &statusError{r.StatusCode}
	case errors.As(err, &re):
		err = re // without the page's url.Error around it, which repeats the URL
	}
	if n > 0 {
		err = fmt.Errorf("%w (gave up after %d attempts)", err, n+1)
	}
	cr.failed(req, kind, &PageError{Op: "fetch", URL: u, Err: err})
}

// retry sends req again. Colly reports the outcome of an attempt that
// is sent through the callbacks; one it refuses before sending is
// reported here.
func (cr *crawl) retry(req *colly.Request, kind string) {
	before := req.Ctx.Get(ctxSent)
	err := req.Retry()
	if err != nil && req.Ctx.Get(ctxSent) == before {
		cr.failed(req, kind, &PageError{Op: "fetch", URL: req.URL.String(), Err: err})
	}
}

// classify names the kind of a failed request, as Stats.Errors counts
// it, and says whether trying again may help.
func classify(status int, err error) (kind string, retry bool) {
	var se *statusError
	if status < 300 && errors.As(err, &se) {
		status = se.code
	}
	if status >= 300 {
		return "http_" + strconv.Itoa(status), status == http.StatusTooManyRequests ||
			status >= 500 && status != http.StatusNotImplemented && status != http.StatusHTTPVersionNotSupported
	}
	var dns *net.DNSError
	var ne net.Error
	switch {
	case errors.Is(err, errRedirect), errors.Is(err, colly.ErrForbiddenDomain),
		errors.Is(err, colly.ErrForbiddenURL), errors.Is(err, colly.ErrNoURLFiltersMatch):
		// Colly's filters fail only on redirects here: the frontier
		// holds nothing they refuse.
		return "redirect", false
	case errors.As(err, &dns):
		return "dns", dns.IsTimeout || dns.IsTemporary
	case errors.As(err, &ne) && ne.Timeout(), errors.Is(err, context.DeadlineExceeded):
		// Before TLS: a handshake that times out is a timeout.
		return "timeout", true
	case isTLSError(err):
		return "tls", false
	case errors.Is(err, syscall.ECONNREFUSED):
		return "refused", true
	case errors.Is(err, syscall.ECONNRESET), strings.Contains(err.Error(), "connection reset"):
		return "reset", true
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "truncated", true
	case errors.Is(err, io.EOF), errors.Is(err, net.ErrClosed), errors.Is(err, syscall.EPIPE):
		// Closed before an answer, which a restarting server does.
		return "network", true
	}
	return "network", false
}

// isTLSError reports whether err is a failed TLS handshake or a
// certificate that does not verify.
func isTLSError(err error) bool {
	var cv *tls.CertificateVerificationError
	var rh tls.RecordHeaderError
	var ua x509.UnknownAuthorityError
	var he x509.HostnameError
	var ci x509.CertificateInvalidError
	return errors.As(err, &cv) || errors.As(err, &rh) || errors.As(err, &ua) || errors.As(err, &he) ||
		errors.As(err, &ci) || strings.Contains(err.Error(), "tls: ")
}

// binaryFormat reports whether body is a file of a binary format (an
// image, a PDF, an archive...), which no page, sitemap or feed is, and
// which format. Bytes the sniffer cannot name are left to Extract: a
// page with odd bytes at its start is still worth a try.
func binaryFormat(body []byte) (sniffed string, ok bool) {
	sniffed = http.DetectContentType(body)
	return sniffed, !strings.HasPrefix(sniffed, "text/") && sniffed != "application/octet-stream"
}

// backoff is the wait before retry n+1: exponential from base, with
// "equal jitter" so that retries from many requests spread out.
func backoff(base time.Duration, n int) time.Duration {
	d := base << min(n, 16)
	return d/2 + rand.N(d/2+1)
}

// retryAfter reads a Retry-After header, in seconds or as an HTTP date.
func retryAfter(r *colly.Response) (time.Duration, bool) {
	if r.Headers == nil {
		return 0, false
	}
	v := strings.TrimSpace(r.Headers.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(time.Until(t), 0), true
	}
	return 0, false
}

// sleep waits for d or until ctx is done, and reports whether it waited
// the whole time.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// transport is the crawl's HTTP transport. It holds a page request
// until its host's robots.txt has been read (gate), which covers the
// hops of redirects too, and it keeps Colly from inflating bodies.
type transport struct {
	base http.RoundTripper
	gate func(*http.Request) error // nil: robots.txt ignored
}

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	if t.gate != nil && req.Context().Value(robotsRequest{}) == nil {
		if err := t.gate(req); err != nil {
			if req.Body != nil {
				req.Body.Close()
			}
			return nil, err
		}
	}
	resp, err := t.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	// Colly inflates a body served as gzip (by Content-Type or a .xml.gz
	// path) after its MaxBodySize cut, without a bound: a gzip bomb of a
	// megabyte would become a gigabyte in memory. Marked as inflated
	// already, the body reaches the crawl as sent, and gunzip inflates it
	// within MaxBodySize. (A Content-Encoding: gzip body the transport
	// asked for is inflated by it as read, before Colly's cut.)
	resp.Uncompressed = true
	return resp, nil
}
