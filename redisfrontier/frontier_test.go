package redisfrontier_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/scoopkit/scoop"
	"github.com/scoopkit/scoop/internal/frontiertest"
	"github.com/scoopkit/scoop/internal/redistest"
	"github.com/scoopkit/scoop/redisfrontier"
)

var ctx = context.Background()

// quiet keeps go-redis from logging the dial failures TestOpenErrors
// provokes.
type quiet struct{}

func (quiet) Printf(context.Context, string, ...any) {}

func init() { redis.SetLogger(quiet{}) }

func open(t *testing.T, url string, o redisfrontier.Options) *redisfrontier.Frontier {
	t.Helper()
	f, err := redisfrontier.Open(ctx, url, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestContract(t *testing.T) {
	srv := redistest.Start(t)
	n := 0
	frontiertest.Run(t, func(t *testing.T) scoop.Frontier {
		n++ // a crawl id per case: each starts empty
		return open(t, srv.URL(0), redisfrontier.Options{CrawlID: fmt.Sprint("case", n)})
	})
}

func TestOpenErrors(t *testing.T) {
	srv := redistest.Start(t)
	open(t, srv.URL(0), redisfrontier.Options{CrawlID: "c", Fingerprint: "seeds-a"})
	for _, c := range []struct {
		name, url string
		o         redisfrontier.Options
		want      error
	}{
		{"not a redis URL", "http://" + srv.Addr, redisfrontier.Options{}, redisfrontier.ErrBadURL},
		{"bad database", "redis://" + srv.Addr + "/x", redisfrontier.Options{}, redisfrontier.ErrBadURL},
		{"brace in crawl id", srv.URL(0), redisfrontier.Options{CrawlID: "a}b"}, redisfrontier.ErrBadURL},
		{"nothing listening", "redis://127.0.0.1:1/0", redisfrontier.Options{}, redisfrontier.ErrUnreachable},
		{"other seeds", srv.URL(0), redisfrontier.Options{CrawlID: "c", Fingerprint: "seeds-b"}, redisfrontier.ErrCrawlMismatch},
		{"other seeds, other database", srv.URL(1), redisfrontier.Options{CrawlID: "c", Fingerprint: "seeds-b"}, nil},
		{"same seeds", srv.URL(0), redisfrontier.Options{CrawlID: "c", Fingerprint: "seeds-a"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			f, err := redisfrontier.Open(ctx, c.url, c.o)
			if f != nil {
				f.Close()
			}
			if !errors.Is(err, c.want) || (c.want == nil) != (err == nil) {
				t.Errorf("Open: %v, want %v", err, c.want)
			}
			if time.Since(start) > 5*time.Second {
				t.Errorf("Open took %v", time.Since(start))
			}
		})
	}
}

func req(host, path string) scoop.FrontierRequest {
	u := "http://" + host + path
	return scoop.FrontierRequest{URL: u, Key: u, Host: host}
}

// A Redis that restarts without AOF comes back empty: every call of a
// process that was crawling fails with ErrStateLost, none starts over.
func TestRestartWithoutAOF(t *testing.T) {
	srv := redistest.Start(t)
	f := open(t, srv.URL(0), redisfrontier.Options{})
	if _, err := f.Add(ctx, time.Now(), []scoop.FrontierRequest{req("a.test", "/1"), req("a.test", "/2")}); err != nil {
		t.Fatal(err)
	}
	l, _, err := f.Claim(ctx, time.Now(), 1, time.Minute)
	if err != nil || l == nil {
		t.Fatalf("claim: %v %v", l, err)
	}
	srv.Restart()
	if _, _, err := f.Claim(ctx, time.Now(), 1, time.Minute); !errors.Is(err, redisfrontier.ErrStateLost) {
		t.Errorf("claim after restart: %v, want ErrStateLost", err)
	}
	if err := f.Ack(ctx, time.Now(), l, &scoop.Ack{Outcome: scoop.Done}); !errors.Is(err, redisfrontier.ErrStateLost) {
		t.Errorf("ack after restart: %v, want ErrStateLost", err)
	}
	if _, _, err := f.Counts(ctx); !errors.Is(err, redisfrontier.ErrStateLost) {
		t.Errorf("counts after restart: %v, want ErrStateLost", err)
	}
}

// With AOF (fsync always), a restarted Redis resumes the crawl: the
// queued request, the lease and its ack survive.
func TestRestartWithAOF(t *testing.T) {
	srv := redistest.Start(t, "--appendonly", "yes", "--appendfsync", "always")
	f := open(t, srv.URL(0), redisfrontier.Options{})
	if _, err := f.Add(ctx, time.Now(), []scoop.FrontierRequest{req("a.test", "/1"), req("a.test", "/2")}); err != nil {
		t.Fatal(err)
	}
	l, _, err := f.Claim(ctx, time.Now(), 2, time.Minute)
	if err != nil || l == nil {
		t.Fatalf("claim: %v %v", l, err)
	}
	srv.Restart()
	if err := f.Ack(ctx, time.Now(), l, &scoop.Ack{Outcome: scoop.Done}); err != nil {
		t.Fatalf("ack after restart: %v", err)
	}
	l2, _, err := f.Claim(ctx, time.Now(), 2, time.Minute)
	if err != nil || l2 == nil || l2.Request.URL != "http://a.test/2" {
		t.Fatalf("claim after restart: %+v, %v; want /2", l2, err)
	}
}

// A request whose lease keeps expiring (it kills its worker) goes to the
// dead letters after MaxKills expiries instead of killing workers forever.
func TestDeadLetter(t *testing.T) {
	srv := redistest.Start(t)
	f := open(t, srv.URL(0), redisfrontier.Options{MaxKills: 2})
	if _, err := f.Add(ctx, time.Now(), []scoop.FrontierRequest{req("a.test", "/poison"), req("b.test", "/ok")}); err != nil {
		t.Fatal(err)
	}
	var leased []string
	for range 4 {
		for {
			l, _, err := f.Claim(ctx, time.Now(), 1, 20*time.Millisecond)
			if err != nil {
				t.Fatal(err)
			}
			if l == nil {
				break
			}
			leased = append(leased, l.Request.URL)
			if l.Request.Host == "b.test" {
				if err := f.Ack(ctx, time.Now(), l, &scoop.Ack{Outcome: scoop.Done}); err != nil {
					t.Fatal(err)
				}
			} // the poison's worker dies: no ack
		}
		time.Sleep(30 * time.Millisecond)
	}
	poison := 0
	for _, u := range leased {
		if u == "http://a.test/poison" {
			poison++
		}
	}
	if poison != 2 {
		t.Errorf("poison leased %d times (%v), want 2", poison, leased)
	}
	dead, err := f.Dead(ctx)
	if err != nil || len(dead) != 1 || dead[0].URL != "http://a.test/poison" {
		t.Errorf("dead letters %+v, %v; want the poison", dead, err)
	}
	if q, l, err := f.Counts(ctx); q != 0 || l != 0 || err != nil {
		t.Errorf("counts %d, %d, %v; want 0, 0", q, l, err)
	}
	if n, _ := f.Add(ctx, time.Now(), []scoop.FrontierRequest{req("a.test", "/poison")}); n != 0 {
		t.Errorf("a dead letter was queued again")
	}
}

// Politeness times are Redis's: a worker whose clock is an hour off
// still keeps a host's delay for everyone, and reads wake times on its
// own clock.
func TestSkewedClocks(t *testing.T) {
	srv := redistest.Start(t)
	ahead := open(t, srv.URL(0), redisfrontier.Options{})
	right := open(t, srv.URL(0), redisfrontier.Options{})
	if _, err := ahead.Add(ctx, time.Now(), []scoop.FrontierRequest{req("a.test", "/1"), req("a.test", "/2")}); err != nil {
		t.Fatal(err)
	}
	skew := time.Now().Add(time.Hour)
	l, _, err := ahead.Claim(ctx, skew, 1, time.Minute)
	if err != nil || l == nil {
		t.Fatalf("claim: %v, %v", l, err)
	}
	if d := l.Deadline.Sub(skew); d < 59*time.Second || d > 61*time.Second {
		t.Errorf("deadline %v after the caller's now, want a minute", d)
	}
	before := time.Now()
	if err := ahead.Ack(ctx, skew, l, &scoop.Ack{Outcome: scoop.Done, HostNext: skew.Add(200 * time.Millisecond)}); err != nil {
		t.Fatal(err)
	}
	after := time.Now()
	got, wake, err := right.Claim(ctx, time.Now(), 1, time.Minute)
	if err != nil || got != nil {
		t.Fatalf("claimed %v, %v within the host's delay", got, err)
	}
	// 200ms after the ack, on this clock (to the millisecond).
	if wake.Before(before.Add(198*time.Millisecond)) || wake.After(after.Add(202*time.Millisecond)) {
		t.Errorf("wake %v after the ack began, %v after it ended; want 200ms", wake.Sub(before), wake.Sub(after))
	}
}

// A process renews the leases it holds, so a fetch may take longer than
// LeaseTTL; once it is gone (killed), its leases expire after LeaseTTL.
func TestLeaseRenewed(t *testing.T) {
	srv := redistest.Start(t)
	o := redisfrontier.Options{LeaseTTL: 300 * time.Millisecond}
	a := open(t, srv.URL(0), o)
	b := open(t, srv.URL(0), o)
	if _, err := a.Add(ctx, time.Now(), []scoop.FrontierRequest{req("a.test", "/1")}); err != nil {
		t.Fatal(err)
	}
	l, _, err := a.Claim(ctx, time.Now(), 1, time.Minute)
	if err != nil || l == nil {
		t.Fatalf("claim: %v, %v", l, err)
	}
	time.Sleep(time.Second)
	if got, _, err := b.Claim(ctx, time.Now(), 1, time.Minute); got != nil || err != nil {
		t.Fatalf("claimed a renewed lease: %v, %v", got, err)
	}
	a.Close() // as if killed: no more renewals
	time.Sleep(400 * time.Millisecond)
	got, _, err := b.Claim(ctx, time.Now(), 1, time.Minute)
	if err != nil || got == nil || got.Request.URL != l.Request.URL {
		t.Fatalf("after the owner stopped: %v, %v; want the request back", got, err)
	}
}

// A process restarted with its output adopts the records it wrote but
// could not record, and learns which ones another process delivered
// meanwhile.
func TestAdopt(t *testing.T) {
	srv := redistest.Start(t)
	a := open(t, srv.URL(0), redisfrontier.Options{Owner: "a"})
	b := open(t, srv.URL(0), redisfrontier.Options{Owner: "b"})
	if _, err := a.Add(ctx, time.Now(), []scoop.FrontierRequest{req("h.test", "/1"), req("h.test", "/2"), req("h.test", "/3")}); err != nil {
		t.Fatal(err)
	}
	deliver := func(f *redisfrontier.Frontier) scoop.Delivery {
		l, _, err := f.Claim(ctx, time.Now(), 9, time.Minute)
		if err != nil || l == nil {
			t.Fatalf("claim: %v, %v", l, err)
		}
		d := scoop.Delivery{Key: l.Request.Key, URL: l.Request.URL, Host: "h.test", ContentSHA: "c" + l.Request.URL}
		if err := f.Ack(ctx, time.Now(), l, &scoop.Ack{Outcome: scoop.Done, Delivery: &d}); err != nil {
			t.Fatal(err)
		}
		return d
	}
	d1 := deliver(a) // a's, recorded
	d2 := deliver(b) // b's: a wrote it too before it was killed
	l3, _, _ := a.Claim(ctx, time.Now(), 9, time.Minute)
	// a wrote /3 and was killed before its ack.
	d3 := scoop.Delivery{Key: l3.Request.Key, URL: l3.Request.URL, Host: "h.test", ContentSHA: "c3"}
	dup, err := a.Adopt(ctx, []scoop.Delivery{d1, d2, d3})
	if err != nil || len(dup) != 1 || dup[0] != 1 {
		t.Fatalf("adopt: %v, %v; want [1] (b's)", dup, err)
	}
	if got, _ := b.Delivered(ctx, &d3); got == nil || got.URL != d3.URL {
		t.Errorf("adopted record not delivered for others: %+v", got)
	}
	if err := a.Ack(ctx, time.Now(), l3, &scoop.Ack{Outcome: scoop.Release}); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := b.Claim(ctx, time.Now(), 9, time.Minute); got != nil {
		t.Errorf("claimed %s, which an adopted record finished", got.Request.URL)
	}
}

// A host's robots.txt is fetched by one process and read by the others,
// which wait while it is fetched; a failed fetch lets another try.
func TestRobotsShared(t *testing.T) {
	srv := redistest.Start(t)
	a := open(t, srv.URL(0), redisfrontier.Options{})
	b := open(t, srv.URL(0), redisfrontier.Options{})
	const site = "http://a.test"
	if _, _, ok, err := a.Robots(ctx, site); ok || err != nil {
		t.Fatalf("robots of a new host: %v, %v; want none, to fetch", ok, err)
	}
	got := make(chan string, 1)
	go func() {
		status, body, ok, err := b.Robots(ctx, site)
		got <- fmt.Sprint(status, " ", string(body), " ", ok, " ", err)
	}()
	time.Sleep(60 * time.Millisecond)
	select {
	case g := <-got:
		t.Fatalf("b read %q while a was fetching", g)
	default:
	}
	if err := a.SetRobots(ctx, site, 200, []byte("User-agent: *\nDisallow: /private/\n")); err != nil {
		t.Fatal(err)
	}
	if g, want := <-got, "200 User-agent: *\nDisallow: /private/\n true <nil>"; g != want {
		t.Errorf("b read %q, want %q", g, want)
	}
	// A failed fetch stores nothing and frees the host for b.
	if _, _, ok, _ := a.Robots(ctx, "http://b.test"); ok {
		t.Fatal("stored robots for a new host")
	}
	if err := a.SetRobots(ctx, "http://b.test", 503, nil); err != nil {
		t.Fatal(err)
	}
	if _, _, ok, err := b.Robots(ctx, "http://b.test"); ok || err != nil {
		t.Errorf("after a failed fetch: %v, %v; want b to fetch", ok, err)
	}
}

// A process whose lease expired while it wrote a record (it stalled)
// gets ErrLeaseExpired, but the delivery is kept, so that the process
// that leased the request again drops it instead of delivering it twice.
func TestExpiredAckKeepsDelivery(t *testing.T) {
	srv := redistest.Start(t)
	a := open(t, srv.URL(0), redisfrontier.Options{LeaseTTL: time.Minute})
	b := open(t, srv.URL(0), redisfrontier.Options{LeaseTTL: time.Minute})
	if _, err := a.Add(ctx, time.Now(), []scoop.FrontierRequest{req("h.test", "/1")}); err != nil {
		t.Fatal(err)
	}
	l, _, err := a.Claim(ctx, time.Now(), 1, 30*time.Millisecond)
	if err != nil || l == nil {
		t.Fatalf("claim: %v, %v", l, err)
	}
	time.Sleep(50 * time.Millisecond)
	// The lease expires; b's claim gives the request back to the queue
	// and leases it to b.
	lb, _, err := b.Claim(ctx, time.Now(), 1, time.Minute)
	if err != nil || lb == nil {
		t.Fatalf("b's claim: %v, %v", lb, err)
	}
	d := &scoop.Delivery{Key: l.Request.Key, URL: l.Request.URL, Host: "h.test", ContentSHA: "c1"}
	if err := a.Ack(ctx, time.Now(), l, &scoop.Ack{Outcome: scoop.Done, Delivery: d}); !errors.Is(err, scoop.ErrLeaseExpired) {
		t.Fatalf("late ack: %v, want ErrLeaseExpired", err)
	}
	if got, err := b.Delivered(ctx, d); err != nil || got == nil || got.Key == "" {
		t.Errorf("b sees %+v, %v; want the late delivery by key", got, err)
	}
}
