package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"math/rand/v2"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/scoopkit/scoop/internal/newssite"
)

var killSeed = flag.Uint64("killseed", 20250605, "seed of the kill times in TestCrawlKilledAndResumed")

func TestMain(m *testing.M) {
	execWithFileLimit() // returns unless a test started this binary to run the CLI under a limit
	code := m.Run()
	if cli.dir != "" {
		os.RemoveAll(cli.dir)
	}
	os.Exit(code)
}

// cli is the scoop command, built once for the tests that run it as a
// process of its own.
var cli struct {
	once      sync.Once
	dir, path string
	err       error
}

func buildCLI(t testing.TB) string {
	t.Helper()
	cli.once.Do(func() {
		gocmd, err := exec.LookPath("go")
		if err != nil {
			cli.err = err
			return
		}
		if cli.dir, cli.err = os.MkdirTemp("", "scoop-cli-"); cli.err != nil {
			return
		}
		cli.path = filepath.Join(cli.dir, "scoop")
		if runtime.GOOS == "windows" {
			cli.path += ".exe"
		}
		start := time.Now()
		out, err := exec.Command(gocmd, "build", "-o", cli.path, ".").CombinedOutput()
		if err != nil {
			cli.err = &buildError{err, out}
			return
		}
		t.Logf("built the scoop command in %v", time.Since(start).Round(time.Millisecond))
	})
	if cli.err != nil {
		if _, ok := cli.err.(*buildError); ok {
			t.Fatal(cli.err)
		}
		t.Skipf("cannot build the scoop command: %v", cli.err)
	}
	return cli.path
}

type buildError struct {
	err error
	out []byte
}

func (e *buildError) Error() string { return "go build: " + e.err.Error() + "\n" + string(e.out) }

// storyOf returns the path of a record's story, which identifies it
// across servers of the same site.
func storyOf(t *testing.T, line []byte) string {
	t.Helper()
	var r struct {
		URL string `json:"url"`
	}
	if err := json.Unmarshal(line, &r); err != nil {
		t.Fatalf("line is not a record: %v: %.80q", err, line)
	}
	u, err := url.Parse(r.URL)
	if err != nil || r.URL == "" {
		t.Fatalf("record URL %q: %v", r.URL, err)
	}
	return u.RequestURI()
}

// jsonlState is what a records file holds: its whole lines, and the
// bytes after the last newline.
type jsonlState struct {
	lines   [][]byte
	partial int
}

func readJSONL(t *testing.T, path string) jsonlState {
	t.Helper()
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return jsonlState{}
	}
	if err != nil {
		t.Fatal(err)
	}
	var st jsonlState
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			st.partial = len(b)
			break
		}
		st.lines = append(st.lines, b[:i])
		b = b[i+1:]
	}
	for n, l := range st.lines {
		if !json.Valid(l) {
			t.Errorf("%s line %d is not whole JSON: %.80q", path, n+1, l)
		}
	}
	return st
}

// TestCrawlKilledAndResumed runs "scoop crawl" as a process, kills it
// with SIGKILL at random points several times, and runs it to the end
// with the same -state: with the same -o each time, and with a new -o
// per run. The file, or the files together, must hold every article of
// a clean crawl exactly once, in whole lines.
func TestCrawlKilledAndResumed(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the fake site eleven times over")
	}
	bin := buildCLI(t)
	dir := t.TempDir()
	args := func(srvURL, out, state string, extra ...string) []string {
		a := []string{"crawl", "-o", out, "-state", state, "-sitemaps", "-progress", "1h"}
		return append(append(a, extra...), srvURL+"/")
	}
	runCLI := func(ctx context.Context, a []string) (string, error) {
		var stderr bytes.Buffer
		cmd := exec.CommandContext(ctx, bin, a...)
		cmd.Stderr = &stderr
		err := cmd.Run()
		return stderr.String(), err
	}

	// The reference: a clean crawl of the site, as fast as it goes.
	cleanSite := newssite.New(newssite.Options{})
	cleanSrv := httptest.NewServer(cleanSite)
	defer cleanSrv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cleanOut := filepath.Join(dir, "clean.jsonl")
	start := time.Now()
	if stderr, err := runCLI(ctx, args(cleanSrv.URL, cleanOut, filepath.Join(dir, "clean-state"), "-delay", "0", "-parallel", "4")); err != nil {
		t.Fatalf("clean crawl: %v\n%s", err, stderr)
	}
	t.Logf("clean crawl: %v", time.Since(start).Round(time.Millisecond))
	want := map[string]bool{}
	for _, l := range readJSONL(t, cleanOut).lines {
		want[storyOf(t, l)] = true
	}
	var emittable []string
	for _, st := range cleanSite.Emittable() {
		emittable = append(emittable, st.Path)
	}
	if got := slices.Sorted(maps.Keys(want)); !slices.Equal(got, slices.Sorted(slices.Values(emittable))) {
		// What the crawl delivers is what Extract accepts; the kills are
		// judged against the clean crawl.
		t.Errorf("the clean crawl found %d stories, the site has %d", len(got), len(emittable))
	}

	for _, sameOut := range []bool{true, false} {
		name := map[bool]string{true: "same -o", false: "new -o per run"}[sameOut]
		t.Run(name, func(t *testing.T) {
			killAndResume(t, bin, dir, sameOut, want, args, runCLI, ctx)
		})
	}
}

func killAndResume(t *testing.T, bin, dir string, sameOut bool, want map[string]bool,
	args func(srvURL, out, state string, extra ...string) []string,
	runCLI func(context.Context, []string) (string, error), ctx context.Context) {
	// The same site on another server, with its faults fresh (a 500, a
	// 429 with Retry-After, a slow page), crawled slowly enough that
	// every kill lands in the middle: about three seconds in all.
	site := newssite.New(newssite.Options{})
	srv := httptest.NewServer(site)
	defer srv.Close()
	dir = filepath.Join(dir, fmt.Sprint(sameOut))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	state := filepath.Join(dir, "state")
	var outs []string
	nextOut := func() string {
		if len(outs) == 0 || !sameOut {
			outs = append(outs, filepath.Join(dir, fmt.Sprintf("out-%d.jsonl", len(outs))))
		}
		return outs[len(outs)-1]
	}
	rng := rand.New(rand.NewPCG(*killSeed, *killSeed))
	t.Logf("kill seed %d (-killseed to change)", *killSeed)
	const rounds = 5
	killed, partials := 0, 0
	for round := 1; round <= rounds; round++ {
		out := nextOut()
		a := args(srv.URL, out, state, "-delay", "20ms", "-parallel", "2")
		delay := 50*time.Millisecond + time.Duration(rng.Int64N(int64(750*time.Millisecond)))
		cmd := exec.Command(bin, a...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		timer := time.AfterFunc(delay, func() { cmd.Process.Kill() })
		err := cmd.Wait()
		timer.Stop()
		st := readJSONL(t, out)
		how := "killed"
		if cmd.ProcessState.ExitCode() != -1 {
			how = "finished first"
			if err != nil {
				t.Fatalf("round %d: %v\n%s", round, err, stderr.String())
			}
		} else {
			killed++
		}
		if st.partial > 0 {
			partials++
		}
		t.Logf("round %d: %s after %v: %d records in %s, %d bytes of a partial line", round, how, delay.Round(time.Millisecond), len(st.lines), filepath.Base(out), st.partial)
	}
	start := time.Now()
	if stderr, err := runCLI(ctx, args(srv.URL, nextOut(), state, "-delay", "20ms", "-parallel", "2")); err != nil {
		t.Fatalf("final run: %v\n%s", err, stderr)
	}
	t.Logf("final run: %v", time.Since(start).Round(time.Millisecond))

	count := map[string]int{}
	lines := 0
	for i, out := range outs {
		st := readJSONL(t, out)
		if st.partial != 0 && (sameOut || i == len(outs)-1) {
			t.Errorf("%s ends with %d bytes of a partial line", out, st.partial)
		}
		for _, l := range st.lines {
			count[storyOf(t, l)]++
			lines++
		}
	}
	lost, dup, extra := 0, 0, 0
	for s := range want {
		if count[s] == 0 {
			lost++
			t.Errorf("lost: %s", s)
		}
	}
	for s, n := range count {
		if n > 1 {
			dup += n - 1
			t.Errorf("%s written %d times", s, n)
		}
		if !want[s] {
			extra++
			t.Errorf("not in the clean crawl: %s", s)
		}
	}
	t.Logf("%d rounds, %d killed mid-crawl, %d partial lines; %d records in %d files for %d stories: %d lost, %d duplicated, %d unexpected",
		rounds, killed, partials, lines, len(outs), len(want), lost, dup, extra)
	if killed < rounds-1 {
		t.Errorf("only %d of %d rounds were killed before the crawl ended", killed, rounds)
	}
}
