// Package frontiertest is the contract test of scoop.Frontier: any
// implementation runs it with
//
//	func TestFrontierContract(t *testing.T) {
//		frontiertest.Run(t, func(t *testing.T) scoop.Frontier { return openMine(t) })
//	}
//
// Each case gets a new, empty frontier from open and closes it. Times are
// taken near time.Now, so an implementation that reads its own clock
// passes too; waits are tens of milliseconds.
package frontiertest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/scoopkit/scoop"
)

// Run runs every case of the contract against frontiers made by open.
func Run(t *testing.T, open func(t *testing.T) scoop.Frontier) {
	cases := []struct {
		name string
		fn   func(t *testing.T, f scoop.Frontier)
	}{
		{"AddOncePerKey", addOncePerKey},
		{"HostLimitDoesNotBlockOthers", hostLimit},
		{"AckDoneFinishesAndQueuesLinks", ackDone},
		{"FinishedWhileQueuedIsDropped", finishedDropped},
		{"HostNextAndGap", hostNext},
		{"RetryNotBefore", retryNotBefore},
		{"ExpiredLeaseComesBack", expiredLease},
		{"ReleaseKeepsAttempts", release},
		{"FailedRequeuedWithCap", failedRequeue},
		{"Delivered", delivered},
		{"Revisit", revisit},
		{"ConcurrentWorkers", concurrent},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := open(t)
			defer f.Close()
			c.fn(t, f)
		})
	}
}

var ctx = context.Background()

const ttl = time.Minute

func req(host, path string) scoop.FrontierRequest {
	u := "http://" + host + path
	return scoop.FrontierRequest{URL: u, Key: u, Host: host}
}

func add(t *testing.T, f scoop.Frontier, reqs ...scoop.FrontierRequest) int {
	t.Helper()
	n, err := f.Add(ctx, time.Now(), reqs)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func claim(t *testing.T, f scoop.Frontier, perHost int) (*scoop.Lease, time.Time) {
	t.Helper()
	l, wake, err := f.Claim(ctx, time.Now(), perHost, ttl)
	if err != nil {
		t.Fatal(err)
	}
	return l, wake
}

func mustClaim(t *testing.T, f scoop.Frontier, perHost int) *scoop.Lease {
	t.Helper()
	l, _ := claim(t, f, perHost)
	if l == nil {
		t.Fatal("nothing to claim")
	}
	return l
}

func ack(t *testing.T, f scoop.Frontier, l *scoop.Lease, a *scoop.Ack) {
	t.Helper()
	if err := f.Ack(ctx, time.Now(), l, a); err != nil {
		t.Fatal(err)
	}
}

func counts(t *testing.T, f scoop.Frontier, queued, leased int) {
	t.Helper()
	q, l, err := f.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if q != queued || l != leased {
		t.Errorf("counts: %d queued, %d leased; want %d, %d", q, l, queued, leased)
	}
}

func addOncePerKey(t *testing.T, f scoop.Frontier) {
	if n := add(t, f, req("a.test", "/1"), req("a.test", "/2"), req("a.test", "/1")); n != 2 {
		t.Errorf("added %d, want 2", n)
	}
	if n := add(t, f, req("a.test", "/2")); n != 0 {
		t.Errorf("added a queued key again: %d", n)
	}
	counts(t, f, 2, 0)
	l := mustClaim(t, f, 1)
	if l.Request.URL != "http://a.test/1" || l.Request.Host != "a.test" || l.ID == "" || l.Deadline.IsZero() {
		t.Errorf("first lease %+v, want the first request added", l)
	}
	counts(t, f, 1, 1)
}

func hostLimit(t *testing.T, f scoop.Frontier) {
	add(t, f, req("a.test", "/1"), req("a.test", "/2"), req("a.test", "/3"), req("b.test", "/1"))
	first := mustClaim(t, f, 1)
	second := mustClaim(t, f, 1)
	if first.Request.Host == second.Request.Host {
		t.Fatalf("two leases of %s with perHost 1", first.Request.Host)
	}
	if l, wake := claim(t, f, 1); l != nil || !wake.IsZero() {
		t.Errorf("claimed %v (wake %v) while every host with requests is at its limit", l, wake)
	}
	// With two per host, a.test has a second slot.
	if l := mustClaim(t, f, 2); l.Request.Host != "a.test" {
		t.Errorf("claimed %s, want a.test", l.Request.Host)
	}
}

func ackDone(t *testing.T, f scoop.Frontier) {
	add(t, f, req("a.test", "/"))
	l := mustClaim(t, f, 1)
	link := req("a.test", "/story")
	link.Depth, link.FoundOn = 1, l.Request.URL
	ack(t, f, l, &scoop.Ack{Outcome: scoop.Done, Links: []scoop.FrontierRequest{link, link, req("a.test", "/")}})
	counts(t, f, 1, 0)
	if n := add(t, f, req("a.test", "/")); n != 0 {
		t.Errorf("a finished key was queued again")
	}
	got := mustClaim(t, f, 1)
	if got.Request != link {
		t.Errorf("claimed %+v, want the link %+v", got.Request, link)
	}
	if err := f.Ack(ctx, time.Now(), l, &scoop.Ack{Outcome: scoop.Done}); !errors.Is(err, scoop.ErrLeaseExpired) {
		t.Errorf("second ack of a lease: %v, want ErrLeaseExpired", err)
	}
}

func finishedDropped(t *testing.T, f scoop.Frontier) {
	add(t, f, req("a.test", "/go"), req("a.test", "/story"), req("a.test", "/other"))
	l := mustClaim(t, f, 1)
	// /go redirected to /story, which is now done.
	ack(t, f, l, &scoop.Ack{Outcome: scoop.Done, Finished: []string{"http://a.test/story"}})
	if got := mustClaim(t, f, 1); got.Request.URL != "http://a.test/other" {
		t.Errorf("claimed %s, want the finished /story dropped", got.Request.URL)
	}
	counts(t, f, 0, 1)
}

func hostNext(t *testing.T, f scoop.Frontier) {
	add(t, f, req("a.test", "/1"), req("a.test", "/2"), req("a.test", "/3"), req("b.test", "/1"), req("b.test", "/2"), req("b.test", "/3"))
	la := mustClaim(t, f, 1)
	lb := mustClaim(t, f, 1)
	if la.Request.Host == lb.Request.Host {
		t.Fatal("same host twice")
	}
	next := time.Now().Add(150 * time.Millisecond)
	ack(t, f, la, &scoop.Ack{Outcome: scoop.Done, HostNext: next})
	ack(t, f, lb, &scoop.Ack{Outcome: scoop.Done, HostGap: 150 * time.Millisecond})
	// b.test has no not-before yet: its gap starts with its next claim.
	l := mustClaim(t, f, 1)
	if l.Request.Host != lb.Request.Host {
		t.Fatalf("claimed %s, want %s, whose host is free", l.Request.Host, lb.Request.Host)
	}
	gapped := time.Now().Add(150 * time.Millisecond) // b.test's next start, at the earliest
	ack(t, f, l, &scoop.Ack{Outcome: scoop.Done})
	got, wake := claim(t, f, 1)
	if got != nil {
		t.Fatalf("claimed %s before its host's not-before time", got.Request.URL)
	}
	if wake.IsZero() || wake.Before(next.Add(-20*time.Millisecond)) || wake.After(time.Now().Add(time.Second)) {
		t.Errorf("wake %v, want about %v", wake, next)
	}
	// Each host comes back once its time has come, not before.
	notBefore := map[string]time.Time{la.Request.Host: next, lb.Request.Host: gapped.Add(-20 * time.Millisecond)}
	for deadline := time.Now().Add(2 * time.Second); len(notBefore) > 0 && time.Now().Before(deadline); {
		l, _ := claim(t, f, 1)
		if l == nil {
			time.Sleep(5 * time.Millisecond)
			continue
		}
		nb, ok := notBefore[l.Request.Host]
		switch {
		case !ok:
			t.Errorf("claimed %s twice after the wait, want both hosts", l.Request.Host)
		case time.Now().Before(nb):
			t.Errorf("claimed %s %v before its not-before time", l.Request.Host, nb.Sub(time.Now()))
		}
		delete(notBefore, l.Request.Host)
	}
	if len(notBefore) > 0 {
		t.Errorf("hosts never free again: %v", notBefore)
	}
}

func retryNotBefore(t *testing.T, f scoop.Frontier) {
	add(t, f, req("a.test", "/1"), req("b.test", "/1"))
	l := mustClaim(t, f, 1)
	at := time.Now().Add(100 * time.Millisecond)
	ack(t, f, l, &scoop.Ack{Outcome: scoop.Retry, RetryAt: at})
	other := mustClaim(t, f, 1)
	if other.Request.Host == l.Request.Host {
		t.Fatalf("claimed the retry before its time")
	}
	got, wake := claim(t, f, 1)
	if got != nil || wake.Before(at.Add(-20*time.Millisecond)) {
		t.Fatalf("claimed %v, wake %v; want nothing before %v", got, wake, at)
	}
	time.Sleep(time.Until(at) + 10*time.Millisecond)
	got = mustClaim(t, f, 1)
	if got.Request.URL != l.Request.URL || got.Request.Attempts != 1 {
		t.Errorf("retry: %+v, want %s with 1 attempt", got.Request, l.Request.URL)
	}
}

func expiredLease(t *testing.T, f scoop.Frontier) {
	add(t, f, req("a.test", "/1"))
	l, _, err := f.Claim(ctx, time.Now(), 1, 50*time.Millisecond)
	if err != nil || l == nil {
		t.Fatalf("claim: %v, %v", l, err)
	}
	if got, _ := claim(t, f, 1); got != nil {
		t.Fatalf("leased twice")
	}
	time.Sleep(80 * time.Millisecond)
	again := mustClaim(t, f, 1)
	if again.Request.URL != l.Request.URL || again.ID == l.ID {
		t.Errorf("after expiry: %+v, want the same request under a new lease", again)
	}
	if err := f.Ack(ctx, time.Now(), l, &scoop.Ack{Outcome: scoop.Done}); !errors.Is(err, scoop.ErrLeaseExpired) {
		t.Errorf("ack of an expired lease: %v, want ErrLeaseExpired", err)
	}
	ack(t, f, again, &scoop.Ack{Outcome: scoop.Done})
	counts(t, f, 0, 0)
}

func release(t *testing.T, f scoop.Frontier) {
	add(t, f, req("a.test", "/1"), req("a.test", "/2"))
	l := mustClaim(t, f, 1)
	ack(t, f, l, &scoop.Ack{Outcome: scoop.Release})
	got := mustClaim(t, f, 1)
	if got.Request.URL != l.Request.URL || got.Request.Attempts != 0 {
		t.Errorf("after release: %+v, want %s first, no attempt counted", got.Request, l.Request.URL)
	}
}

func failedRequeue(t *testing.T, f scoop.Frontier) {
	add(t, f, req("a.test", "/1"))
	fail := func() {
		l := mustClaim(t, f, 1)
		ack(t, f, l, &scoop.Ack{Outcome: scoop.Failed})
		counts(t, f, 0, 0)
	}
	fail()
	if n := add(t, f, req("a.test", "/1")); n != 0 {
		t.Errorf("a failed key was queued again by Add")
	}
	if n, err := f.Requeue(ctx, 2); n != 1 || err != nil {
		t.Fatalf("requeue: %d, %v; want 1", n, err)
	}
	l := mustClaim(t, f, 1)
	if l.Request.Failures != 1 || l.Request.Attempts != 0 {
		t.Errorf("requeued %+v, want 1 failure, 0 attempts", l.Request)
	}
	ack(t, f, l, &scoop.Ack{Outcome: scoop.Failed})
	if n, err := f.Requeue(ctx, 2); n != 0 || err != nil {
		t.Errorf("requeue after 2 failures: %d, %v; want 0", n, err)
	}
}

func delivered(t *testing.T, f scoop.Frontier) {
	add(t, f, req("a.test", "/1"))
	l := mustClaim(t, f, 1)
	d := &scoop.Delivery{Key: "k1", URL: "http://a.test/1", Host: "a.test", ContentSHA: "c1", BodySHA: "b1"}
	if got, err := f.Delivered(ctx, d); got != nil || err != nil {
		t.Fatalf("new delivery reported as %+v, %v", got, err)
	}
	ack(t, f, l, &scoop.Ack{Outcome: scoop.Done, Delivery: d})
	for _, c := range []struct {
		name string
		d    scoop.Delivery
		want string // which field must match
	}{
		{"same key", scoop.Delivery{Key: "k1", Host: "b.test", ContentSHA: "x", BodySHA: "y"}, "key"},
		{"same bytes, same host", scoop.Delivery{Key: "k2", Host: "a.test", ContentSHA: "x", BodySHA: "b1"}, "body"},
		{"same text elsewhere", scoop.Delivery{Key: "k3", Host: "b.test", ContentSHA: "c1", BodySHA: "b1"}, "content"},
		{"new", scoop.Delivery{Key: "k4", Host: "a.test", ContentSHA: "x", BodySHA: "y"}, ""},
	} {
		got, err := f.Delivered(ctx, &c.d)
		if err != nil {
			t.Fatal(err)
		}
		which := ""
		switch {
		case got == nil:
		case got.Key != "":
			which = "key"
		case got.BodySHA != "":
			which = "body"
		case got.ContentSHA != "":
			which = "content"
		}
		if which != c.want || got != nil && got.URL != d.URL {
			t.Errorf("%s: %+v, want a match by %q naming %s", c.name, got, c.want, d.URL)
		}
	}
}

func revisit(t *testing.T, f scoop.Frontier) {
	add(t, f, req("a.test", "/"), req("a.test", "/story"))
	for range 2 {
		l := mustClaim(t, f, 2)
		a := &scoop.Ack{Outcome: scoop.Done}
		if l.Request.URL == "http://a.test/" {
			a.Revisit = time.Now().Add(60 * time.Millisecond)
		}
		ack(t, f, l, a)
	}
	if n := add(t, f, req("a.test", "/"), req("a.test", "/story")); n != 0 {
		t.Errorf("queued %d before the revisit time", n)
	}
	time.Sleep(80 * time.Millisecond)
	if n := add(t, f, req("a.test", "/"), req("a.test", "/story")); n != 1 {
		t.Errorf("queued %d after the revisit time, want only the page with one", n)
	}
}

func concurrent(t *testing.T, f scoop.Frontier) {
	const hosts, per, workers, perHost = 4, 25, 8, 2
	var reqs []scoop.FrontierRequest
	for h := range hosts {
		for i := range per {
			reqs = append(reqs, req(fmt.Sprintf("h%d.test", h), fmt.Sprintf("/%d", i)))
		}
	}
	add(t, f, reqs...)
	var mu sync.Mutex
	inFlight, leased := map[string]int{}, map[string]int{}
	var wg sync.WaitGroup
	deadline := time.Now().Add(10 * time.Second)
	for range workers {
		wg.Go(func() {
			for time.Now().Before(deadline) {
				l, _, err := f.Claim(ctx, time.Now(), perHost, ttl)
				if err != nil {
					t.Error(err)
					return
				}
				if l == nil {
					q, n, _ := f.Counts(ctx)
					if q == 0 && n == 0 {
						return
					}
					time.Sleep(time.Millisecond)
					continue
				}
				mu.Lock()
				inFlight[l.Request.Host]++
				leased[l.Request.URL]++
				if inFlight[l.Request.Host] > perHost {
					t.Errorf("%d leases of %s at once", inFlight[l.Request.Host], l.Request.Host)
				}
				mu.Unlock()
				time.Sleep(time.Millisecond)
				mu.Lock()
				inFlight[l.Request.Host]--
				mu.Unlock()
				if err := f.Ack(ctx, time.Now(), l, &scoop.Ack{Outcome: scoop.Done}); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	if len(leased) != hosts*per {
		t.Errorf("%d requests leased, want %d", len(leased), hosts*per)
	}
	for u, n := range leased {
		if n != 1 {
			t.Errorf("%s leased %d times", u, n)
		}
	}
}
