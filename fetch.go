package scoop

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gocolly/colly/v2"
	"github.com/gocolly/colly/v2/proxy"
)

// declaredType keeps a response's Content-Type while Colly sees only the
// media type. Colly would otherwise decode the body by the header's
// charset before anyone sees it, trusting the label over the bytes: a
// page in UTF-8 labelled ISO-8859-1, which is common, would become
// mojibake, where Extract sees that the bytes are UTF-8. It is a header,
// not a field of the job, so that Colly's cache (CacheDir) keeps it with
// the response.
const declaredType = "X-Scoop-Content-Type"

// jobKey is the key of a request's *job in its colly.Context.
const jobKey = "scoop.job"

// job is one leased request on its way through Colly: what the
// callbacks saw, for the worker to turn into an Ack.
type job struct {
	req      *FrontierRequest
	resp     *colly.Response // a success
	status   int             // the failed response's status, if any
	headers  http.Header     // the failed response's headers
	final    *url.URL        // the failed request's address, after redirects
	err      error           // the failure
	tooLarge bool            // its Content-Length is over MaxBodySize
	failed   bool            // reported as failed
}

func jobOf(ctx *colly.Context) *job {
	j, _ := ctx.GetAny(jobKey).(*job)
	return j
}

// transport returns the crawl's HTTP transport: the Scraper's, or one of
// its own, behind the robots.txt gate.
func (cr *crawl) transport() (http.RoundTripper, error) {
	base := cr.cfg.Transport
	if base == nil {
		t := &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           (&net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
			MaxIdleConns:          100,
			MaxIdleConnsPerHost:   cr.cfg.Parallelism + 1,
			IdleConnTimeout:       90 * time.Second,
			TLSHandshakeTimeout:   10 * time.Second,
			ExpectContinueTimeout: time.Second,
			ForceAttemptHTTP2:     true,
		}
		if len(cr.cfg.Proxies) > 0 {
			pf, err := proxy.RoundRobinProxySwitcher(cr.cfg.Proxies...)
			if err != nil {
				return nil, fmt.Errorf("scoop: proxies: %w", err)
			}
			t.Proxy = func(r *http.Request) (*url.URL, error) {
				// The switcher rewrites the request it is given, which the
				// transport is still reading: give it a copy.
				c := *r
				return pf(&c)
			}
		}
		base = t
	}
	return &transport{base: base, cr: cr}, nil
}

// transport holds a page request until its host's robots.txt has been
// read and allows it, keeps Colly from inflating bodies, and keeps the
// ResponseNoter of a response for its record.
type transport struct {
	base http.RoundTripper
	cr   *crawl
}

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	cr := t.cr
	if req.Context().Value(robotsRequest{}) == nil && (!cr.cfg.IgnoreRobotsTxt || cr.cfg.Sitemaps) {
		g, err := cr.hostRules(req.Context(), req.URL)
		switch {
		case err != nil && !cr.cfg.IgnoreRobotsTxt:
			err = &robotsError{err}
		case !cr.cfg.IgnoreRobotsTxt && !g.allowed(req.URL):
			err = errRobotsDisallowed
		case !cr.cfg.IgnoreRobotsTxt && g != nil && g.crawlDelay > cr.cfg.Delay:
			err = cr.spaced(req.URL.Host, g.crawlDelay)
		default:
			err = nil
		}
		if err != nil {
			if req.Body != nil {
				req.Body.Close()
			}
			return nil, err
		}
	}
	cr.st.request()
	resp, err := t.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if n, ok := resp.Body.(ResponseNoter); ok && resp.StatusCode < 300 && req.Context().Value(robotsRequest{}) == nil {
		// Only a page can become a record; work takes the note back.
		cr.notes.Store(req.URL, n)
	}
	// Colly inflates a body served as gzip (by Content-Type or a .xml.gz
	// path) after its MaxBodySize cut, without a bound: a gzip bomb of a
	// megabyte would become a gigabyte in memory. Marked as inflated
	// already, the body reaches the crawl as sent, and gunzip inflates it
	// within MaxBodySize.
	resp.Uncompressed = true
	return resp, nil
}

func (cr *crawl) setupCollector(tr http.RoundTripper) {
	c := &colly.Collector{}
	// Init rather than NewCollector: NewCollector lets COLLY_* environment
	// variables override the configuration.
	c.Init()
	c.UserAgent = cr.cfg.UserAgent
	// The frontier decides what is fetched, once: Colly's visited set
	// would refuse a retry, and its filters apply to the frontier's
	// admissions instead.
	c.AllowURLRevisit = true
	// robots.txt is read by the transport on a host's first request,
	// with its failures reported and retried like a page's.
	c.IgnoreRobotsTxt = true
	c.MaxBodySize = int(min(cr.cfg.MaxBodySize+1, int64(^uint(0)>>1)))
	c.CacheDir = cr.cfg.CacheDir
	c.DetectCharset = false
	c.WithTransport(tr)
	c.SetRequestTimeout(cr.cfg.Timeout)
	// Each redirect hop goes back to the frontier as a request of its
	// own, so that it waits for its host like any other; but one hop to
	// the same URL key (a trailing slash added) is followed at once,
	// since the frontier would take it for the request itself.
	c.SetRedirectHandler(func(req *http.Request, via []*http.Request) error {
		if len(via) == 1 && keyOfRaw(req.URL) == keyOfRaw(via[0].URL) {
			return nil
		}
		return http.ErrUseLastResponse
	})
	c.OnRequest(func(r *colly.Request) {
		if cr.log.Enabled(context.Background(), slog.LevelDebug) { // spares the URL's string otherwise
			cr.log.Debug("request", "url", r.URL.String(), "depth", jobOf(r.Ctx).req.Depth)
		}
	})
	c.OnResponseHeaders(func(r *colly.Response) {
		h := r.Headers
		if h == nil || r.StatusCode >= 300 {
			return
		}
		ct := h.Get(declaredType)
		if ct == "" {
			ct = h.Get("Content-Type")
			h.Set(declaredType, ct)
		}
		mt, _, _ := mime.ParseMediaType(ct)
		h.Set("Content-Type", strings.ToLower(mt))
		if n, err := strconv.ParseInt(h.Get("Content-Length"), 10, 64); err == nil && n > cr.cfg.MaxBodySize {
			jobOf(r.Ctx).tooLarge = true
			r.Request.Abort()
		}
	})
	c.OnResponse(func(r *colly.Response) { jobOf(r.Ctx).resp = r })
	c.OnError(func(r *colly.Response, err error) {
		j := jobOf(r.Ctx)
		j.err, j.status, j.final = err, r.StatusCode, r.Request.URL
		if r.Headers != nil {
			j.headers = *r.Headers
		}
	})
	cr.c = c
}

// work fetches a leased request through Colly and acks the lease.
func (cr *crawl) work(ctx context.Context, l *Lease) {
	r := &l.Request
	if r.Attempts == 0 && cr.cfg.MaxPages > 0 && cr.started.Add(1) > int64(cr.cfg.MaxPages) {
		cr.stopping.Store(true)
		cr.doneOnce.Do(func() { close(cr.done) })
		cr.ack(l, &Ack{Outcome: Release})
		return
	}
	j := &job{req: r}
	cctx := colly.NewContext()
	cctx.Put(jobKey, j)
	err := cr.c.Request(http.MethodGet, r.URL, nil, cctx, nil)
	if j.resp == nil && j.err == nil {
		j.err = cmp.Or(err, errNotSent)
	}
	var noter ResponseNoter
	if j.resp != nil {
		if n, ok := cr.notes.LoadAndDelete(j.resp.Request.URL); ok {
			noter = n.(ResponseNoter)
		}
	}
	if j.final != nil {
		cr.notes.Delete(j.final) // a page refused at its headers
	}
	now := time.Now()
	a := &Ack{Outcome: Done, HostNext: now.Add(cr.cfg.Delay)}
	if g, ok := cr.knownRules(r.Host); ok && g != nil && g.crawlDelay > cr.cfg.Delay {
		a.HostGap = g.crawlDelay
	}
	if cr.cfg.Sitemaps {
		for _, s := range cr.takeSitemaps(r.Host) {
			if u, err := CleanURL(nil, s); err == nil {
				// Listed by the site itself: its entries are at depth 0.
				if q, _ := cr.admit(u, 0, "robots.txt", true); q != nil {
					a.Links = append(a.Links, *q)
				}
			}
		}
	}
	switch {
	case ctx.Err() != nil:
		a.Outcome = Release
		cr.ack(l, a)
	case j.err != nil:
		cr.failedFetch(l, j, a)
	default:
		res := cr.handle(j)
		a.Links = append(a.Links, res.links...)
		a.Finished = res.finished
		if res.revisit || r.Seed {
			if cr.cfg.Refresh > 0 {
				a.Revisit = now.Add(cr.cfg.Refresh)
			}
		}
		var acked bool
		switch {
		case res.fail != nil:
			acked = cr.fail(l, j, a, res.fail)
		case res.rec != nil:
			if noter != nil {
				noter.Note(res.rec)
			}
			acked = cr.deliver(l, j, a, res)
		default:
			cr.skip(res.skip, r.URL, res.detail...)
			acked = cr.ack(l, a)
		}
		if acked {
			cr.sent.add(res.sent)
		}
	}
	switch {
	case !r.Seed:
	case j.failed:
		cr.seedFailed.Add(1)
	case a.Outcome == Done:
		cr.seedOK.Store(true)
	}
}

// errNotSent stands for a request Colly dropped without saying why.
var errNotSent = errors.New("scoop: request not sent")

// skip counts a page not delivered, with a debug line saying why.
func (cr *crawl) skip(why, u string, detail ...any) {
	if why == "" {
		return
	}
	cr.st.skip(why)
	cr.log.Debug("skipped", append([]any{"url", u, "reason", why}, detail...)...)
}

// failedFetch acks a request that got no page: a redirect to follow, a
// retry, or a failure.
func (cr *crawl) failedFetch(l *Lease, j *job, a *Ack) {
	r := &l.Request
	now := time.Now()
	var soon *tooSoonError
	switch {
	case errors.As(j.err, &soon):
		// Leased before the host's Crawl-delay was known: back to the
		// frontier, which spaces the host from now on.
		if r.Attempts == 0 && cr.cfg.MaxPages > 0 {
			cr.started.Add(-1)
		}
		a.Outcome, a.HostNext, a.HostGap = Release, soon.until, soon.gap
		cr.ack(l, a)
		return
	case errors.Is(j.err, errRobotsDisallowed):
		cr.skip(skipRobots, r.URL)
		cr.ack(l, a)
		return
	case j.tooLarge:
		cr.fail(l, j, a, &PageError{Op: "fetch", URL: r.URL, Kind: KindTooLarge, Err: fmt.Errorf("%w: over %d bytes", ErrTooLarge, cr.cfg.MaxBodySize)})
		return
	case j.status >= 300 && j.status < 400 && j.headers.Get("Location") != "":
		if pe := cr.redirect(r, j, a); pe != nil {
			cr.fail(l, j, a, pe)
			return
		}
		cr.skip(skipRedirected, r.URL, "to", j.headers.Get("Location"))
		cr.ack(l, a)
		return
	}
	kind, retry := classify(j.status, j.err)
	if re := (*robotsError)(nil); errors.As(j.err, &re) {
		// Retries are the host's: its robots.txt is asked for again after
		// each backoff step, Retries times, and its pages wait for it
		// without spending attempts of their own.
		h := cr.host(r.Host)
		h.mu.Lock()
		next, fails := h.nextTry, h.fails
		h.mu.Unlock()
		if retry && fails <= cr.cfg.Retries {
			if r.Attempts == 0 && cr.cfg.MaxPages > 0 {
				cr.started.Add(-1)
			}
			a.Outcome, a.HostNext = Release, later(a.HostNext, next)
			cr.ack(l, a)
			return
		}
		retry = false
	}
	if retry && r.Attempts < cr.cfg.Retries {
		wait := backoff(cr.cfg.Backoff, r.Attempts)
		ra, ok := retryAfter(j.headers, now)
		if !ok || ra <= maxRetryAfter {
			if ok && (j.status == http.StatusTooManyRequests || j.status == http.StatusServiceUnavailable) {
				// The host asked everyone to wait.
				a.HostNext = later(a.HostNext, now.Add(ra))
			}
			a.Outcome, a.RetryAt = Retry, now.Add(max(wait, ra))
			cr.log.Info("retrying", "url", r.URL, "after", a.RetryAt.Sub(now).Round(time.Millisecond), "err", j.err)
			cr.ack(l, a)
			return
		}
	}
	err := j.err
	var re *robotsError
	switch {
	case j.status >= 300:
		err = &statusError{j.status}
	case errors.As(err, &re):
		err = re // without the page's url.Error around it, which repeats the URL
	}
	if r.Attempts > 0 {
		err = fmt.Errorf("%w (gave up after %d attempts)", err, r.Attempts+1)
	}
	pe := &PageError{Op: "fetch", URL: r.URL, Kind: kind, Err: err}
	if kind == KindHTTP {
		pe.Status = j.status
		var se *statusError
		if errors.As(j.err, &se) {
			pe.Status = se.code
		}
	}
	cr.fail(l, j, a, pe)
}

// redirect queues the target of a redirect as a request of its own, at
// the depth of the request that led there.
func (cr *crawl) redirect(r *FrontierRequest, j *job, a *Ack) *PageError {
	to, err := CleanURL(j.final, j.headers.Get("Location"))
	var why error
	switch {
	case err != nil:
		why = fmt.Errorf("%w: to %q", errRedirect, j.headers.Get("Location"))
	case r.Redirects >= maxRedirects:
		why = fmt.Errorf("%w: stopped after %d redirects", errRedirect, r.Redirects)
	case keyOf(to) == r.Key:
		why = fmt.Errorf("%w: to itself", errRedirect)
	case !cr.allowed[to.Hostname()]:
		why = fmt.Errorf("%w: to %s, a host not allowed", errRedirect, to.Host)
	}
	if why != nil {
		return &PageError{Op: "fetch", URL: r.URL, Kind: KindRedirect, Err: why}
	}
	if q, why := cr.admit(to, r.Depth, r.FoundOn, r.Seed); q != nil {
		q.Redirects = r.Redirects + 1
		a.Links = append(a.Links, *q)
	} else if why != "" {
		cr.skip(why, to.String())
	}
	return nil
}

// maxRedirects is the longest chain of redirects followed.
const maxRedirects = 10

// errRedirect is wrapped by the error of a redirect the crawl does not
// follow.
var errRedirect = errors.New("scoop: redirect not followed")

// fail reports a page that failed for good and acks it as failed, for a
// later run to try again. It reports whether the frontier took the ack.
func (cr *crawl) fail(l *Lease, j *job, a *Ack, pe *PageError) bool {
	j.failed = true
	cr.st.fail(pe.statKey())
	cr.log.Warn("page failed", "url", pe.URL, "kind", pe.Kind, "status", pe.Status, "err", pe.Err)
	if err := cr.report(pe); err != nil {
		a.Outcome = Release
		return cr.ack(l, a)
	}
	a.Outcome = Failed
	if pe.Kind == KindSoft404 || pe.Kind == KindHTTP && pe.Status >= 400 && pe.Status < 500 && pe.Status != 429 {
		// An answer, not an outage: trying again in a later run would
		// give the same.
		a.Outcome = Done
	}
	return cr.ack(l, a)
}

// report hands a failure to the callback; an error from it stops the
// crawl.
func (cr *crawl) report(pe *PageError) error {
	cr.emitMu.Lock()
	defer cr.emitMu.Unlock()
	if err := cr.stopped(); err != nil {
		return err
	}
	if err := cr.fn(nil, pe); err != nil {
		cr.stop(err)
		return err
	}
	return nil
}
