package redisfrontier

import (
	"cmp"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/scoopkit/scoop"
)

// Errors of Open and of the Frontier's calls, besides scoop.ErrLeaseExpired.
var (
	// ErrBadURL is returned by Open for an address that is not a
	// redis:// or rediss:// URL.
	ErrBadURL = errors.New("scoop: bad redis URL")
	// ErrUnreachable is returned by Open when Redis does not answer.
	ErrUnreachable = errors.New("scoop: redis unreachable")
	// ErrCrawlMismatch is returned by Open when the crawl id is already
	// used by a crawl with other seeds (another Options.Fingerprint).
	ErrCrawlMismatch = errors.New("scoop: another crawl (other seeds) already uses this crawl id")
	// ErrStateLost is returned by every call once the crawl's keys are
	// gone from Redis, as after a restart without AOF: the processes stop
	// rather than start the crawl over.
	ErrStateLost = errors.New("scoop: crawl state lost from redis (restarted without appendonly?)")
)

// DefaultMaxKills is how many times a request's lease may expire (its
// worker killed, its machine lost) before it goes to the dead letters.
const DefaultMaxKills = 3

// Options configure Open. The zero value is the documented default.
type Options struct {
	// CrawlID names the crawl: its keys are under "scoop:{CrawlID}:".
	// Empty means "default".
	CrawlID string
	// Fingerprint identifies the crawl's seeds; Open refuses a crawl id
	// already opened with another one. Empty skips the check.
	Fingerprint string
	// MaxKills is how many lease expiries send a request to the dead
	// letters. Zero means DefaultMaxKills.
	MaxKills int
	// LeaseTTL is how long a lease lasts in Redis unless renewed: the
	// process renews the leases it holds every LeaseTTL/3, up to the
	// time the caller of Claim asked for, so a killed process's requests
	// come back after LeaseTTL however long a fetch may take. Zero means
	// DefaultLeaseTTL.
	LeaseTTL time.Duration
	// RobotsTTL is how long a host's robots.txt is shared before it is
	// fetched again. Zero means DefaultRobotsTTL.
	RobotsTTL time.Duration
	// Owner names the output the process's records go to, so that a
	// process restarted with the same output can tell its own deliveries
	// from others' (see Adopt). Empty means a random name.
	Owner string
}

// DefaultLeaseTTL is the lease lifetime in Redis between renewals.
const DefaultLeaseTTL = 30 * time.Second

// Frontier is a scoop.Frontier kept in Redis and shared by every process
// that opens the same crawl. Each call is one Lua script, so it is atomic
// across processes; times are Redis's clock, so the machines' clocks need
// not agree. It is safe for concurrent use.
type Frontier struct {
	rdb       *redis.Client
	prefix    string
	epoch     string
	maxKills  int
	leaseTTL  time.Duration
	robotsTTL time.Duration
	owner     string

	mu        sync.Mutex
	held      map[string]time.Time // lease id -> the caller's deadline, on this clock
	stop      chan struct{}
	closed    sync.WaitGroup
	closeOnce sync.Once
}

var _ scoop.Frontier = (*Frontier)(nil)

// Open connects to the Redis at rawURL (redis://[user:pass@]host:port/db)
// and opens the crawl named by o.CrawlID, creating it if new. It checks
// that Redis answers before returning.
func Open(ctx context.Context, rawURL string, o Options) (*Frontier, error) {
	if !strings.HasPrefix(rawURL, "redis://") && !strings.HasPrefix(rawURL, "rediss://") {
		return nil, fmt.Errorf("%w: %q (want redis://host:port/db)", ErrBadURL, rawURL)
	}
	opt, err := redis.ParseURL(rawURL)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadURL, err)
	}
	// Few retries: a Redis that went away should stop the crawl, not
	// stall it.
	opt.DialTimeout, opt.MaxRetries = 2*time.Second, 2
	if o.CrawlID == "" {
		o.CrawlID = "default"
	}
	if strings.ContainsAny(o.CrawlID, "{}\n") {
		return nil, fmt.Errorf("%w: crawl id %q has a brace or newline", ErrBadURL, o.CrawlID)
	}
	f := &Frontier{rdb: redis.NewClient(opt), prefix: "scoop:{" + o.CrawlID + "}:", maxKills: o.MaxKills,
		leaseTTL: o.LeaseTTL, owner: o.Owner, held: map[string]time.Time{}, stop: make(chan struct{})}
	if f.maxKills <= 0 {
		f.maxKills = DefaultMaxKills
	}
	if f.leaseTTL <= 0 {
		f.leaseTTL = DefaultLeaseTTL
	}
	f.robotsTTL = cmp.Or(o.RobotsTTL, DefaultRobotsTTL)
	if f.owner == "" {
		f.owner = rand.Text()
	}
	if strings.Contains(f.owner, "\n") {
		return nil, fmt.Errorf("%w: owner %q has a newline", ErrBadURL, f.owner)
	}
	if err := f.rdb.Ping(ctx).Err(); err != nil {
		f.rdb.Close()
		return nil, fmt.Errorf("%w: %s: %v", ErrUnreachable, opt.Addr, err)
	}
	epoch := rand.Text()
	got, err := initScript.Run(ctx, f.rdb, []string{f.prefix}, epoch, o.Fingerprint).Text()
	if err != nil {
		f.rdb.Close()
		return nil, f.err(err)
	}
	f.epoch = got
	f.closed.Go(f.renew)
	return f, nil
}

// renew pushes the Redis deadlines of the leases this process holds,
// every LeaseTTL/3, until their callers' deadlines.
func (f *Frontier) renew() {
	tick := time.NewTicker(f.leaseTTL / 3)
	defer tick.Stop()
	for {
		select {
		case <-f.stop:
			return
		case <-tick.C:
		}
		now := time.Now()
		var args []any
		f.mu.Lock()
		for id, end := range f.held {
			if left := end.Sub(now); left > 0 {
				args = append(args, id, ms(min(left, f.leaseTTL)))
			} else {
				delete(f.held, id)
			}
		}
		f.mu.Unlock()
		if len(args) > 0 {
			ctx, cancel := context.WithTimeout(context.Background(), f.leaseTTL/3)
			f.run(ctx, renewScript, args...) // a failure shows in the next call
			cancel()
		}
	}
}

// sid is what the seen set stores for a key: its SHA-256, cut to 12
// bytes (a collision among 10^8 keys has odds of 10^-13).
func sid(key string) string {
	h := sha256.Sum256([]byte(key))
	return string(h[:12])
}

// entry is a request as queued: its sid, then its JSON.
func entry(r *scoop.FrontierRequest) (string, error) {
	b, err := json.Marshal(r)
	if err != nil {
		return "", err
	}
	return sid(r.Key) + string(b), nil
}

func decode(e string) (scoop.FrontierRequest, error) {
	var r scoop.FrontierRequest
	if len(e) < 12 {
		return r, errors.New("short entry")
	}
	err := json.Unmarshal([]byte(e[12:]), &r)
	return r, err
}

// err turns a script's error into the package's.
func (f *Frontier) err(err error) error {
	var re redis.Error
	if errors.As(err, &re) {
		switch msg := re.Error(); {
		case strings.HasPrefix(msg, "SCOOPLOST"):
			return fmt.Errorf("%w (crawl %s)", ErrStateLost, f.prefix)
		case strings.HasPrefix(msg, "SCOOPEXPIRED"):
			return scoop.ErrLeaseExpired
		case strings.HasPrefix(msg, "SCOOPMISMATCH"):
			return fmt.Errorf("%w: %s", ErrCrawlMismatch, f.prefix)
		}
	}
	return fmt.Errorf("scoop: redis: %w", err)
}

func (f *Frontier) run(ctx context.Context, s *redis.Script, args ...any) *redis.Cmd {
	return s.Run(ctx, f.rdb, []string{f.prefix}, append([]any{f.epoch}, args...)...)
}

// ms is d in whole milliseconds, rounded up so that a not-before time is
// never early.
func ms(d time.Duration) int64 { return int64((d + time.Millisecond - 1) / time.Millisecond) }

func appendLinks(args []any, reqs []scoop.FrontierRequest) ([]any, error) {
	for i := range reqs {
		e, err := entry(&reqs[i])
		if err != nil {
			return nil, err
		}
		args = append(args, e[:12], reqs[i].Host, e)
	}
	return args, nil
}

// Add implements scoop.Frontier.
func (f *Frontier) Add(ctx context.Context, now time.Time, reqs []scoop.FrontierRequest) (int, error) {
	if len(reqs) == 0 {
		return 0, nil
	}
	args, err := appendLinks(nil, reqs)
	if err != nil {
		return 0, err
	}
	n, err := f.run(ctx, addScript, args...).Int()
	if err != nil {
		return 0, f.err(err)
	}
	return n, nil
}

// Claim implements scoop.Frontier. It also gives back the leases that
// expired, and sends a request whose lease expired MaxKills times to the
// dead letters.
func (f *Frontier) Claim(ctx context.Context, now time.Time, perHost int, ttl time.Duration) (*scoop.Lease, time.Time, error) {
	res, err := f.run(ctx, claimScript, max(perHost, 1), ms(min(ttl, f.leaseTTL)), f.maxKills).Slice()
	if err != nil {
		return nil, time.Time{}, f.err(err)
	}
	if len(res) != 5 {
		return nil, time.Time{}, fmt.Errorf("scoop: redis: claim answered %v", res)
	}
	id, _ := res[0].(string)
	e, _ := res[2].(string)
	at, _ := res[3].(int64)
	rnow, _ := res[4].(int64)
	// Redis's times as the caller's: the same distance from now.
	local := func(t int64) time.Time { return now.Add(time.Duration(t-rnow) * time.Millisecond) }
	if id == "" {
		if at < 0 {
			return nil, time.Time{}, nil
		}
		return nil, local(at), nil
	}
	r, err := decode(e)
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("scoop: redis: bad queue entry: %w", err)
	}
	l := &scoop.Lease{ID: id, Request: r, Deadline: now.Add(ttl)}
	if ttl > f.leaseTTL {
		f.mu.Lock()
		f.held[id] = time.Now().Add(ttl)
		f.mu.Unlock()
	} else {
		l.Deadline = local(at)
	}
	return l, time.Time{}, nil
}

// Ack implements scoop.Frontier.
func (f *Frontier) Ack(ctx context.Context, now time.Time, l *scoop.Lease, a *scoop.Ack) error {
	r := l.Request
	outcome := "release"
	switch a.Outcome {
	case scoop.Done:
		outcome = "done"
	case scoop.Failed:
		outcome = "failed"
		r.Failures++
		r.Attempts = 0
	case scoop.Retry:
		outcome = "retry"
		r.Attempts++
	}
	e, err := entry(&r)
	if err != nil {
		return err
	}
	revisit, hostNext := "", ""
	if !a.Revisit.IsZero() {
		revisit = strconv.FormatInt(ms(a.Revisit.Sub(now)), 10)
	}
	if !a.HostNext.IsZero() {
		hostNext = strconv.FormatInt(ms(a.HostNext.Sub(now)), 10)
	}
	args := []any{l.ID, outcome, e[:12], r.Host, e, ms(a.RetryAt.Sub(now)), revisit, hostNext, ms(a.HostGap)}
	if d := a.Delivery; d != nil {
		content, body := deliveryKeys(d)
		args = append(args, sid(d.Key), d.URL, content, body)
	} else {
		args = append(args, "", "", "", "")
	}
	args = append(args, len(a.Finished), f.owner)
	for _, k := range a.Finished {
		args = append(args, sid(k))
	}
	if args, err = appendLinks(args, a.Links); err != nil {
		return err
	}
	f.mu.Lock()
	delete(f.held, l.ID)
	f.mu.Unlock()
	if err := f.run(ctx, ackScript, args...).Err(); err != nil {
		return f.err(err)
	}
	return nil
}

// deliveryKeys returns the sids under which a delivery's content and
// body (on its host) are recorded, empty for an empty sha.
func deliveryKeys(d *scoop.Delivery) (content, body string) {
	if d.ContentSHA != "" {
		content = sid(d.ContentSHA)
	}
	if d.BodySHA != "" {
		body = sid(d.Host + " " + d.BodySHA)
	}
	return content, body
}

// Delivered implements scoop.Frontier.
func (f *Frontier) Delivered(ctx context.Context, d *scoop.Delivery) (*scoop.Delivery, error) {
	content, body := deliveryKeys(d)
	res, err := f.run(ctx, deliveredScript, sid(d.Key), content, body).StringSlice()
	if err != nil {
		return nil, f.err(err)
	}
	if len(res) != 2 {
		return nil, fmt.Errorf("scoop: redis: delivered answered %v", res)
	}
	switch res[0] {
	case "key":
		return &scoop.Delivery{Key: d.Key, URL: res[1]}, nil
	case "body":
		return &scoop.Delivery{Host: d.Host, BodySHA: d.BodySHA, URL: res[1]}, nil
	case "content":
		return &scoop.Delivery{ContentSHA: d.ContentSHA, URL: res[1]}, nil
	}
	return nil, nil
}

// Requeue implements scoop.Frontier. In a crawl shared by several
// processes the first to call it requeues for all.
func (f *Frontier) Requeue(ctx context.Context, maxFailures int) (int, error) {
	n, err := f.run(ctx, requeueScript, maxFailures).Int()
	if err != nil {
		return 0, f.err(err)
	}
	return n, nil
}

// Counts implements scoop.Frontier; the counts are the whole crawl's,
// over every process. A lease past its deadline counts as leased until
// a Claim gives it back.
func (f *Frontier) Counts(ctx context.Context) (queued, leased int, err error) {
	res, err := f.run(ctx, countsScript).Int64Slice()
	if err != nil {
		return 0, 0, f.err(err)
	}
	if len(res) != 2 {
		return 0, 0, fmt.Errorf("scoop: redis: counts answered %v", res)
	}
	return int(res[0]), int(res[1]), nil
}

// Dead returns the requests sent to the dead letters: their leases
// expired MaxKills times, as when fetching them kills the worker.
func (f *Frontier) Dead(ctx context.Context) ([]scoop.FrontierRequest, error) {
	vals, err := f.rdb.HVals(ctx, f.prefix+"dead").Result()
	if err != nil {
		return nil, f.err(err)
	}
	out := make([]scoop.FrontierRequest, 0, len(vals))
	for _, v := range vals {
		r, err := decode(v)
		if err != nil {
			return nil, fmt.Errorf("scoop: redis: bad dead letter: %w", err)
		}
		out = append(out, r)
	}
	return out, nil
}

// Close closes the connection; the crawl stays in Redis, and leases not
// acknowledged expire back to the queue.
func (f *Frontier) Close() error {
	var err error
	f.closeOnce.Do(func() {
		close(f.stop)
		f.closed.Wait()
		err = f.rdb.Close()
	})
	return err
}

// Adopt records as delivered by this process's owner the records of its
// output that the crawl does not know as delivered: those written by a
// run of the same owner killed before it could record them. It returns
// the indexes of those that another process delivered meanwhile, which
// the output should drop so that the union of all outputs holds each
// record once. Call it before Run.
func (f *Frontier) Adopt(ctx context.Context, ds []scoop.Delivery) ([]int, error) {
	var dup []int
	const batch = 500
	for start := 0; start < len(ds); start += batch {
		part := ds[start:min(start+batch, len(ds))]
		args := []any{f.owner}
		at := map[string]int{}
		for i := range part {
			d := &part[i]
			content, _ := deliveryKeys(d)
			s := sid(d.Key)
			at[s] = start + i
			args = append(args, s, d.URL, content)
		}
		res, err := f.run(ctx, adoptScript, args...).StringSlice()
		if err != nil {
			return nil, f.err(err)
		}
		for _, s := range res {
			dup = append(dup, at[s])
		}
	}
	return dup, nil
}
