package scoop

import (
	"context"
	"errors"
	"time"
)

// A Frontier holds a crawl's addresses: those waiting, those leased to a
// worker, those finished, and the records delivered. A Scraper keeps
// nothing else between runs, so a Frontier shared by several processes
// (over a network store) lets them crawl together, each page fetched by
// one of them and each record delivered once.
//
// Each method is one step: an implementation shared by several processes
// must make each call atomic (one transaction, one script), so that two
// workers never hold more requests of a host than allowed, and an
// acknowledgement either records everything it carries or nothing.
//
// Times are the caller's clock. An implementation shared by machines may
// read its own clock instead; the contract test in
// internal/frontiertest only uses times near time.Now.
//
// OpenFrontier returns the default implementation, kept in a bbolt file.
type Frontier interface {
	// Add queues each request whose Key the frontier has not seen, and
	// each finished one whose revisit time (Ack.Revisit) has come; it
	// ignores the others and returns how many it queued. Seeds go in
	// this way.
	Add(ctx context.Context, now time.Time, reqs []FrontierRequest) (int, error)

	// Claim leases the next queued request whose host is free at now:
	// fewer than perHost of the host's requests are leased, and the
	// host's not-before time (Ack.HostNext, Ack.HostGap) has passed. The
	// lease lasts until now+ttl; one not acknowledged by then is given
	// back to the queue, and its Ack refused with ErrLeaseExpired.
	//
	// With nothing to lease, Claim returns a nil Lease and the time when a
	// queued request's host becomes free, or the zero time when none is
	// queued (though leased requests may still queue more when acked).
	// A request whose Key was finished while it waited is dropped, not
	// leased.
	Claim(ctx context.Context, now time.Time, perHost int, ttl time.Duration) (*Lease, time.Time, error)

	// Ack ends a lease with its outcome, in one step: the request's fate,
	// the other keys now finished, the links found (queued as Add
	// would), the host's next allowed start and the delivered record.
	Ack(ctx context.Context, now time.Time, l *Lease, a *Ack) error

	// Delivered reports whether a record like d was delivered already,
	// and which: by Key (the same story), by BodySHA on the same Host
	// (the same bytes under another address of the site) or by
	// ContentSHA (the same text anywhere). It returns nil when d is new.
	Delivered(ctx context.Context, d *Delivery) (*Delivery, error)

	// Requeue queues again the requests that failed in earlier runs
	// fewer than maxFailures times, and returns how many.
	Requeue(ctx context.Context, maxFailures int) (int, error)

	// Counts returns how many requests are queued and leased.
	Counts(ctx context.Context) (queued, leased int, err error)

	// Close releases the frontier; leases not acknowledged come back in
	// the next run.
	Close() error
}

// FrontierRequest is an address waiting in a Frontier.
type FrontierRequest struct {
	URL       string `json:"url"`                 // the address to fetch, from CleanURL
	Key       string `json:"key"`                 // its URLKey: one request per key
	Host      string `json:"host"`                // the host whose limits it obeys
	Depth     int    `json:"depth"`               // links followed from a seed
	FoundOn   string `json:"found_on,omitempty"`  // the page, sitemap or feed that linked here
	Attempts  int    `json:"attempts,omitempty"`  // attempts that failed in this run, counted by Ack
	Failures  int    `json:"failures,omitempty"`  // runs in which it failed, counted by Ack
	Redirects int    `json:"redirects,omitempty"` // redirect hops that led here
	Seed      bool   `json:"seed,omitempty"`      // a seed, or what a seed redirected to
}

// Lease is a request handed to one worker until Deadline.
type Lease struct {
	ID       string
	Request  FrontierRequest
	Deadline time.Time
}

// Outcome is what became of a leased request.
type Outcome int

const (
	// Done: fetched and handled; the key is finished.
	Done Outcome = iota
	// Failed: given up in this run; Requeue brings it back in a later one.
	Failed
	// Retry: queued again, not before Ack.RetryAt, with one more attempt.
	Retry
	// Release: queued again as it was, for a worker that stopped before
	// finishing it (a cancelled crawl).
	Release
)

// Ack is the outcome of a lease and everything it changes.
type Ack struct {
	Outcome Outcome
	// RetryAt is the not-before time of a Retry.
	RetryAt time.Time
	// Revisit, when not zero, lets Add or a later Ack queue the finished
	// key again from this time on (seeds and listings, for Refresh).
	Revisit time.Time
	// Finished are more keys that are now done: the final address of a
	// redirect, the canonical address of a story.
	Finished []string
	// Links are the requests found, queued unless seen.
	Links []FrontierRequest
	// HostNext, when later than the host's current not-before time,
	// replaces it: the delay after this request, or a Retry-After.
	HostNext time.Time
	// HostGap, when positive, is kept as the host's least spacing
	// between the starts of two requests (a robots.txt Crawl-delay);
	// Claim pushes the host's not-before time by it.
	HostGap time.Duration
	// Delivery is the record delivered from this page, if any.
	Delivery *Delivery
}

// Delivery identifies a delivered record.
type Delivery struct {
	Key        string `json:"key"`         // URLKey of the record's url
	URL        string `json:"url"`         // the record's url
	Host       string `json:"host"`        // the host it was fetched from
	ContentSHA string `json:"content_sha"` // Record.ContentSHA256
	BodySHA    string `json:"body_sha"`    // hex SHA-256 of the response body
}

// Errors of a Frontier.
var (
	// ErrLeaseExpired is returned by Ack for a lease that is not (or no
	// longer) held: it expired and may have been leased again.
	ErrLeaseExpired = errors.New("scoop: frontier lease expired")
	// ErrStateInUse is returned when a state directory is held by
	// another run.
	ErrStateInUse = errors.New("scoop: state directory in use by another run")
	// ErrStateDamaged is returned for a state file that is truncated or
	// damaged; removing the state directory starts the crawl over.
	ErrStateDamaged = errors.New("scoop: state file damaged")
)
