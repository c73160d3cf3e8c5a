package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/scoopkit/scoop"
	"github.com/scoopkit/scoop/internal/fleet"
	"github.com/scoopkit/scoop/internal/redistest"
)

// proc is one "scoop crawl -redis" process.
type proc struct {
	cmd    *exec.Cmd
	out    string
	stderr bytes.Buffer
	done   chan error
}

func startProc(t testing.TB, bin string, args []string, out string) *proc {
	t.Helper()
	p := &proc{out: out, done: make(chan error, 1)}
	p.cmd = exec.Command(bin, append([]string{"crawl", "-o", out}, args...)...)
	p.cmd.Stderr = &p.stderr
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.done <- p.cmd.Wait() }()
	t.Cleanup(func() { p.cmd.Process.Kill() })
	return p
}

// wait waits for the process to exit, failing the test unless it exits
// 0 within d.
func (p *proc) wait(t testing.TB, d time.Duration) {
	t.Helper()
	select {
	case err := <-p.done:
		if err != nil {
			t.Errorf("%s: %v\n%s", filepath.Base(p.out), err, p.stderr.String())
		}
	case <-time.After(d):
		p.cmd.Process.Kill()
		t.Fatalf("%s still running after %v\n%s", filepath.Base(p.out), d, p.stderr.String())
	}
}

// sharedArgs are the flags of every process of a shared crawl.
func sharedArgs(srv *redistest.Server, id string, f *fleet.Fleet, parallel int, delay time.Duration) []string {
	return append([]string{"-redis", srv.URL(0), "-crawl-id", id, "-lease", "1500ms", "-workers", "2",
		"-parallel", fmt.Sprint(parallel), "-delay", delay.String(), "-timeout", "5s", "-progress", "1h", "-no-html"}, f.Seeds()...)
}

// checkCrawl checks the union of the outputs against the fleet's stories
// (each once, with its id) and the fleet's log against politeness: per
// host at most parallel requests at once, no robots-disallowed fetch,
// and with one request at a time at least delay between the end of one
// and the start of the next (robots.txt, fetched as part of the host's
// first request, aside).
func checkCrawl(t *testing.T, f *fleet.Fleet, hits []fleet.Hit, outs []string, parallel int, delay time.Duration) {
	t.Helper()
	count := map[string]int{}
	records := 0
	for _, out := range outs {
		st := readJSONL(t, out)
		for _, l := range st.lines {
			var r struct{ ID, URL string }
			if err := json.Unmarshal(l, &r); err != nil {
				t.Fatal(err)
			}
			if r.ID != scoop.RecordID(r.URL) {
				t.Errorf("%s: id %q, want RecordID of the url", r.URL, r.ID)
			}
			count[r.URL]++
			records++
		}
	}
	lost, dup := 0, 0
	for _, u := range f.Stories() {
		switch n := count[u]; {
		case n == 0:
			lost++
			t.Errorf("lost: %s", u)
		case n > 1:
			dup += n - 1
			t.Errorf("%s delivered %d times", u, n)
		}
		delete(count, u)
	}
	for u := range count {
		t.Errorf("not a story: %s", u)
	}
	byHost := map[string][]fleet.Hit{}
	for _, h := range hits {
		if strings.HasPrefix(h.Path, "/private/") {
			t.Errorf("robots.txt disallows %s%s, fetched", h.Host, h.Path)
		}
		byHost[h.Host] = append(byHost[h.Host], h)
	}
	worstGap, most := time.Hour, 0
	for host, hs := range byHost {
		// Requests in flight: +1 at each start, -1 at each end.
		type ev struct {
			at time.Time
			d  int
		}
		var evs []ev
		for _, h := range hs {
			evs = append(evs, ev{h.Start, 1}, ev{h.End, -1})
		}
		slices.SortFunc(evs, func(a, b ev) int {
			if c := a.at.Compare(b.at); c != 0 {
				return c
			}
			return a.d - b.d // an end before a start at the same instant
		})
		n := 0
		for _, e := range evs {
			n += e.d
			most = max(most, n)
			if n > parallel {
				t.Errorf("%s: %d requests in flight at %v, limit %d", host, n, e.at.Format("15:04:05.000"), parallel)
				break
			}
		}
		if parallel > 1 {
			continue
		}
		slices.SortFunc(hs, func(a, b fleet.Hit) int { return a.Start.Compare(b.Start) })
		for i := 1; i < len(hs); i++ {
			if hs[i-1].Path == "/robots.txt" {
				continue
			}
			gap := hs[i].Start.Sub(hs[i-1].End)
			worstGap = min(worstGap, gap)
			if gap < delay {
				t.Errorf("%s: %s started %v after %s ended, delay %v", host, hs[i].Path, gap, hs[i-1].Path, delay)
			}
		}
	}
	gaps := fmt.Sprintf("shortest gap %v (delay %v)", worstGap, delay)
	if parallel > 1 {
		gaps = "gaps checked with parallel 1 only"
	}
	t.Logf("%d records for %d stories: %d lost, %d duplicated; %d requests; most in flight on a host %d (limit %d); %s",
		records, len(f.Stories()), lost, dup, len(hits), most, parallel, gaps)
}

// checkHostRules checks that the processes together kept the first
// host's Crawl-delay between the starts of its pages (from the second
// page on: the first is fetched with the robots.txt that announces it)
// and that, once the second host answered 429 with Retry-After, none of
// them asked it anything before that time.
func checkHostRules(t *testing.T, f *fleet.Fleet, o fleet.Options) {
	t.Helper()
	var starts []time.Time
	var limited time.Time
	for _, h := range f.Hits() {
		switch {
		case h.Host == f.Hosts[0] && h.Path != "/robots.txt":
			starts = append(starts, h.Start)
		case h.Host == f.Hosts[1] && h.Status == 429:
			limited = h.End
		}
	}
	slices.SortFunc(starts, time.Time.Compare)
	shortest := time.Hour
	for i := 2; i < len(starts); i++ {
		gap := starts[i].Sub(starts[i-1])
		shortest = min(shortest, gap)
		if gap < o.CrawlDelay {
			t.Errorf("%s: a page started %v after the previous one, Crawl-delay %v", f.Hosts[0], gap, o.CrawlDelay)
		}
	}
	if limited.IsZero() {
		t.Fatalf("%s never answered 429", f.Hosts[1])
	}
	first := time.Duration(0)
	for _, h := range f.Hits() {
		if h.Host == f.Hosts[1] && h.Start.After(limited) {
			if d := h.Start.Sub(limited); first == 0 || d < first {
				first = d
			}
		}
	}
	if first < o.RetryAfter {
		t.Errorf("%s asked again %v after its 429 with Retry-After %v", f.Hosts[1], first, o.RetryAfter)
	}
	t.Logf("Crawl-delay %v: shortest spacing %v over %d pages; Retry-After %v: next request after %v", o.CrawlDelay, shortest, len(starts), o.RetryAfter, first)
}

// TestSharedCrawl runs 1, 2 and 4 processes on one crawl of 8 hosts.
func TestSharedCrawl(t *testing.T) {
	srv := redistest.Start(t)
	bin := buildCLI(t)
	for _, c := range []struct {
		procs, parallel int
		hostRules       bool // a Crawl-delay on one host, a Retry-After on another
	}{{1, 1, false}, {2, 1, true}, {4, 1, false}, {4, 2, true}} {
		t.Run(fmt.Sprintf("N=%d,parallel=%d", c.procs, c.parallel), func(t *testing.T) {
			o := fleet.Options{Hosts: 8, Articles: 10, Latency: 30 * time.Millisecond}
			if c.hostRules {
				o.CrawlDelay, o.RetryAfter = 150*time.Millisecond, time.Second
			}
			f := fleet.Start(o)
			defer f.Close()
			const delay = 20 * time.Millisecond
			dir := t.TempDir()
			args := sharedArgs(srv, t.Name(), f, c.parallel, delay)
			var ps []*proc
			var outs []string
			start := time.Now()
			for i := range c.procs {
				out := filepath.Join(dir, fmt.Sprintf("out%d.jsonl", i))
				ps = append(ps, startProc(t, bin, args, out))
				outs = append(outs, out)
			}
			for _, p := range ps {
				p.wait(t, time.Minute)
			}
			t.Logf("%d processes: %v", c.procs, time.Since(start).Round(time.Millisecond))
			checkCrawl(t, f, f.Hits(), outs, c.parallel, delay)
			robots := map[string]int{}
			for _, h := range f.Hits() {
				if h.Path == "/robots.txt" {
					robots[h.Host]++
				}
			}
			for _, h := range f.Hosts {
				if robots[h] != 1 {
					t.Errorf("%s: robots.txt fetched %d times, want once for all processes", h, robots[h])
				}
			}
			if c.hostRules {
				checkHostRules(t, f, o)
			}
			// Every process printed its own summary.
			for _, p := range ps {
				if !strings.Contains(p.stderr.String(), "articles") {
					t.Errorf("%s: no summary: %q", filepath.Base(p.out), p.stderr.String())
				}
			}
		})
	}
}

// TestSharedCrawlKilled kills processes of a shared crawl with SIGKILL
// at random moments and restarts them with their own -o: the union of
// the outputs must hold every story once, and the hosts must have seen
// no impoliteness, kills or not.
func TestSharedCrawlKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("kills crawls ten times")
	}
	srv := redistest.Start(t)
	bin := buildCLI(t)
	rng := rand.New(rand.NewPCG(*killSeed, 11))
	procsOf := []int{1, 2, 4, 2, 4} // processes in each round, in turn
	const wantKills, maxRounds, killsPerRound = 10, 10, 2
	const delay = 20 * time.Millisecond
	kills, dropped := 0, 0
	for round := 0; kills < wantKills && round < maxRounds; round++ {
		f := fleet.Start(fleet.Options{Hosts: 8, Articles: 16, Latency: 40 * time.Millisecond})
		dir := t.TempDir()
		procs := procsOf[round%len(procsOf)]
		args := sharedArgs(srv, fmt.Sprint("kill", round), f, 1, delay)
		var ps []*proc
		var outs []string
		for i := range procs {
			out := filepath.Join(dir, fmt.Sprintf("out%d.jsonl", i))
			ps = append(ps, startProc(t, bin, args, out))
			outs = append(outs, out)
		}
		for range killsPerRound {
			time.Sleep(100*time.Millisecond + time.Duration(rng.Int64N(int64(700*time.Millisecond))))
			i := rng.IntN(procs)
			p := ps[i]
			if p.cmd.ProcessState != nil || p.cmd.Process.Signal(syscall.SIGKILL) != nil {
				continue // it had finished
			}
			<-p.done
			kills++
			// Back before or after its leases expire (1.5s).
			time.Sleep(time.Duration(rng.Int64N(int64(2 * time.Second))))
			ps[i] = startProc(t, bin, args, p.out)
		}
		for _, p := range ps {
			p.wait(t, time.Minute)
			if strings.Contains(p.stderr.String(), "another process delivered") {
				dropped++
			}
		}
		t.Logf("round %d, %d processes:", round, procs)
		checkCrawl(t, f, f.Hits(), outs, 1, delay)
		f.Close()
	}
	t.Logf("%d kills with SIGKILL mid-crawl (seed %d, -killseed to change); %d restarted processes dropped records others had delivered",
		kills, *killSeed, dropped)
	if kills < wantKills {
		t.Errorf("only %d kills landed mid-crawl in %d rounds", kills, maxRounds)
	}
}

// Bad input is refused before any fetch.
func TestSharedCrawlRefused(t *testing.T) {
	srv := redistest.Start(t)
	f := fleet.Start(fleet.Options{Hosts: 2, Articles: 2})
	defer f.Close()
	ctx := context.Background()
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	out := filepath.Join(dir, "a.jsonl")
	if err := run(ctx, []string{"crawl", "-redis", srv.URL(0), "-crawl-id", "c", "-o", out, "-delay", "1ms", f.Seeds()[0]}, &stdout, &stderr); err != nil {
		t.Fatalf("first crawl: %v\n%s", err, stderr.String())
	}
	before := len(f.Hits())
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"other seeds, same id", []string{"-redis", srv.URL(0), "-crawl-id", "c", f.Seeds()[1]}, "another crawl (other seeds)"},
		{"not a redis URL", []string{"-redis", "localhost:6379", f.Seeds()[1]}, "bad redis URL"},
		{"nothing listening", []string{"-redis", "redis://127.0.0.1:1/0", f.Seeds()[1]}, "redis unreachable"},
		{"with -state", []string{"-redis", srv.URL(0), "-state", dir, f.Seeds()[1]}, "-redis and -state"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := run(ctx, append([]string{"crawl", "-o", filepath.Join(dir, "b.jsonl")}, c.args...), &stdout, &stderr)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one saying %q", err, c.want)
			}
		})
	}
	if n := len(f.Hits()); n != before {
		t.Errorf("%d requests sent by refused crawls", n-before)
	}
	if st := readJSONL(t, out); len(st.lines) != 2 {
		t.Errorf("first crawl wrote %d records, want 2", len(st.lines))
	}
}

// A Redis that restarts empty (no AOF) stops the processes with an error
// saying so, rather than let them crawl again from scratch.
func TestSharedCrawlRedisLost(t *testing.T) {
	srv := redistest.Start(t)
	bin := buildCLI(t)
	f := fleet.Start(fleet.Options{Hosts: 4, Articles: 20, Latency: 50 * time.Millisecond})
	defer f.Close()
	p := startProc(t, bin, sharedArgs(srv, "lost", f, 1, 20*time.Millisecond), filepath.Join(t.TempDir(), "out.jsonl"))
	time.Sleep(400 * time.Millisecond)
	srv.Restart()
	select {
	case err := <-p.done:
		if err == nil || !strings.Contains(p.stderr.String(), "crawl state lost") {
			t.Errorf("exit %v, stderr %q; want a failure saying the state was lost", err, p.stderr.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("still running 30s after Redis lost the crawl\n%s", p.stderr.String())
	}
	_ = os.Getpid
}

// With AOF, a Redis restarted mid-crawl resumes it: the processes ride
// out the restart and the union of their outputs holds every story once.
func TestSharedCrawlRedisRestartAOF(t *testing.T) {
	srv := redistest.Start(t, "--appendonly", "yes", "--appendfsync", "always")
	bin := buildCLI(t)
	f := fleet.Start(fleet.Options{Hosts: 8, Articles: 10, Latency: 40 * time.Millisecond})
	defer f.Close()
	const delay = 20 * time.Millisecond
	args := sharedArgs(srv, "aof", f, 1, delay)
	dir := t.TempDir()
	var ps []*proc
	var outs []string
	for i := range 2 {
		out := filepath.Join(dir, fmt.Sprintf("out%d.jsonl", i))
		ps = append(ps, startProc(t, bin, args, out))
		outs = append(outs, out)
	}
	time.Sleep(500 * time.Millisecond)
	srv.Restart()
	for _, p := range ps {
		p.wait(t, time.Minute)
	}
	checkCrawl(t, f, f.Hits(), outs, 1, delay)
}
