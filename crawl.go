package scoop

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gocolly/colly/v2"
)

// crawl is one Run: the Scraper's settings with defaults filled in, and
// everything that lives only while it runs.
type crawl struct {
	cfg      Scraper // a copy, defaults filled in
	fn       func(*Record, error) error
	st       *counters
	log      *slog.Logger
	fr       Frontier
	c        *colly.Collector
	client   *http.Client // robots.txt, through the same transport
	notes    sync.Map     // *url.URL of a response -> ResponseNoter
	allowed  map[string]bool
	maxDepth int
	ttl      time.Duration

	started  atomic.Int64 // page requests sent, for MaxPages
	stopping atomic.Bool

	emitMu sync.Mutex // one callback at a time; a delivery's check, call and ack are one step

	stopMu  sync.Mutex
	stopErr error // the first error that stopped the crawl

	wake     chan struct{} // a token for one waiting worker: a lease was acked or claimed
	done     chan struct{} // closed when the frontier is found empty
	doneOnce sync.Once

	hostMu sync.Mutex
	hosts  map[string]*hostInfo

	sent *sentLinks // nil when Refresh may queue a seen key again

	seedOK     atomic.Bool  // a seed was fetched
	seedFailed atomic.Int64 // seeds invalid or failed
}

func newCrawl(s *Scraper, st *counters, fn func(*Record, error) error) (*crawl, error) {
	cfg := *s
	cfg.run = nil
	switch {
	case cfg.MaxDepth == 0:
		cfg.MaxDepth = DefaultMaxDepth
	case cfg.MaxDepth < 0:
		cfg.MaxDepth = 0
	}
	if cfg.Workers <= 0 {
		cfg.Workers = DefaultWorkers
	}
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
	if cfg.Now == nil {
		cfg.Now = time.Now
	} else if cfg.Extractor.Now == nil {
		cfg.Extractor.Now = cfg.Now // relative dates ("2 hours ago") read the same on a re-run
	}
	cr := &crawl{cfg: cfg, fn: fn, st: st, log: cfg.Logger, hosts: map[string]*hostInfo{}, allowed: map[string]bool{},
		maxDepth: cfg.MaxDepth, wake: make(chan struct{}, 1), done: make(chan struct{})}
	if cr.log == nil {
		cr.log = slog.New(slog.DiscardHandler)
	}
	if cfg.Refresh <= 0 {
		cr.sent = &sentLinks{}
	}
	// A lease outlives its request: robots.txt and the page, each
	// bounded by Timeout, and the callback.
	cr.ttl = 2*cfg.Timeout + 5*time.Minute
	for _, d := range cfg.AllowedDomains {
		cr.allowed[strings.ToLower(d)] = true
	}
	tr, err := cr.transport()
	if err != nil {
		return nil, err
	}
	cr.client = &http.Client{Transport: tr, Timeout: cfg.Timeout}
	cr.setupCollector(tr)
	return cr, nil
}

func (cr *crawl) run(ctx context.Context, seeds []string) (err error) {
	var reqs []FrontierRequest
	for _, raw := range seeds {
		u, err := CleanURL(nil, raw)
		if err != nil {
			cr.seedFailed.Add(1)
			pe := &PageError{Op: "seed", URL: raw, Kind: KindInvalidURL, Err: err}
			cr.st.fail(pe.statKey())
			cr.log.Warn("seed not crawled", "url", raw, "kind", pe.Kind, "err", err)
			if err := cr.report(pe); err != nil {
				return err
			}
			continue
		}
		if len(cr.cfg.AllowedDomains) == 0 {
			h := u.Hostname()
			cr.allowed[h] = true
			if b, ok := strings.CutPrefix(h, "www."); ok {
				cr.allowed[b] = true
			} else if net.ParseIP(h) == nil {
				cr.allowed["www."+h] = true
			}
		}
		if r, why := cr.admit(u, 0, "", true); r != nil {
			reqs = append(reqs, *r)
		} else {
			cr.seedFailed.Add(1)
			cr.log.Warn("seed not crawled", "url", u.String(), "reason", why)
		}
	}
	cr.fr = cr.cfg.Frontier
	if cr.fr == nil {
		if cr.fr, err = openBolt(cr.cfg.StateDir); err != nil {
			return err
		}
		defer func() {
			if e := cr.fr.Close(); err == nil && e != nil {
				err = fmt.Errorf("scoop: state: %w", e)
			}
		}()
	}
	cr.st.setQueued(func() int { n, _, _ := cr.fr.Counts(context.Background()); return n })
	if _, err := cr.fr.Requeue(ctx, MaxRunFailures); err != nil {
		return err
	}
	if _, err := cr.fr.Add(ctx, time.Now(), reqs); err != nil {
		return err
	}
	cr.c.Context = ctx
	cr.log.Info("crawl started", "seeds", len(seeds), "queued", cr.st.snapshot().Queued)
	var wg sync.WaitGroup
	for range cr.cfg.Workers {
		wg.Go(func() { cr.worker(ctx) })
	}
	wg.Wait()
	st := cr.st.snapshot()
	cr.log.Info("crawl ended", "pages", st.Pages, "articles", st.Articles, "queued", st.Queued, "elapsed", st.Elapsed.Round(time.Millisecond))
	switch {
	case cr.stopped() != nil:
		return cr.stopped()
	case ctx.Err() != nil:
		return ctx.Err()
	case !cr.seedOK.Load() && cr.seedFailed.Load() > 0:
		return ErrSeedsFailed
	}
	return nil
}

// idlePoll is the longest a worker with nothing to lease waits before
// asking again: acks of other processes sharing the frontier, which free
// hosts and queue links, wake no one here.
const idlePoll = 50 * time.Millisecond

// worker leases requests and handles them until nothing is left, the
// crawl stops or ctx is done. With nothing ready, it waits for an ack
// (which may queue links), for the earliest host to become free, or
// idlePoll at most.
func (cr *crawl) worker(ctx context.Context) {
	for !cr.stopping.Load() && ctx.Err() == nil {
		l, next, err := cr.fr.Claim(ctx, time.Now(), cr.cfg.Parallelism, cr.ttl)
		if err != nil {
			cr.stop(err)
			return
		}
		if l != nil {
			cr.signal() // there may be more: let another worker look
			cr.work(ctx, l)
			continue
		}
		queued, leased, err := cr.fr.Counts(ctx)
		if err != nil {
			cr.stop(err)
			return
		}
		if queued == 0 && leased == 0 {
			cr.doneOnce.Do(func() { close(cr.done) })
			return
		}
		d := idlePoll
		if !next.IsZero() {
			d = min(d, max(time.Until(next), time.Millisecond))
		}
		t := time.NewTimer(d)
		select {
		case <-cr.wake:
		case <-cr.done:
		case <-t.C:
		case <-ctx.Done():
		}
		t.Stop()
	}
}

// signal wakes one waiting worker, if any: one token at most waits, so
// an ack wakes one worker, not all.
func (cr *crawl) signal() {
	select {
	case cr.wake <- struct{}{}:
	default:
	}
}

// ack ends a lease and wakes a waiting worker. It reports whether the
// frontier recorded the ack.
func (cr *crawl) ack(l *Lease, a *Ack) bool {
	err := cr.fr.Ack(context.Background(), time.Now(), l, a)
	if errors.Is(err, ErrLeaseExpired) {
		cr.log.Warn("lease expired before its ack", "url", l.Request.URL)
	} else if err != nil {
		cr.stop(err)
	}
	cr.signal()
	return err == nil
}

// stop ends the crawl with err.
func (cr *crawl) stop(err error) {
	cr.stopMu.Lock()
	if cr.stopErr == nil {
		cr.stopErr = err
	}
	cr.stopMu.Unlock()
	cr.stopping.Store(true)
	cr.doneOnce.Do(func() { close(cr.done) })
}

// stopped returns the error that stopped the crawl, if any.
func (cr *crawl) stopped() error {
	cr.stopMu.Lock()
	defer cr.stopMu.Unlock()
	return cr.stopErr
}

// admit decides whether u, found at depth on the page foundOn, is to be
// fetched, and returns its frontier request; otherwise it returns the
// reason to count, if any. Robots.txt rules are applied here when known;
// the transport applies them to the others.
func (cr *crawl) admit(u *url.URL, depth int, foundOn string, seed bool) (*FrontierRequest, string) {
	if depth > cr.maxDepth {
		return nil, ""
	}
	if !cr.allowed[u.Hostname()] || skippedFile(u.Path) {
		return nil, ""
	}
	s := u.String()
	if matchesAny(cr.cfg.DisallowedURLFilters, s) || len(cr.cfg.URLFilters) > 0 && !matchesAny(cr.cfg.URLFilters, s) {
		return nil, ""
	}
	if !cr.cfg.IgnoreRobotsTxt {
		if g, ok := cr.knownRules(u.Host); ok && !g.allowed(u) {
			return nil, skipRobots
		}
	}
	return &FrontierRequest{URL: s, Key: keyOf(u), Host: u.Host, Depth: depth, FoundOn: foundOn, Seed: seed}, ""
}

func matchesAny(fs []*regexp.Regexp, s string) bool {
	for _, f := range fs {
		if f.MatchString(s) {
			return true
		}
	}
	return false
}
