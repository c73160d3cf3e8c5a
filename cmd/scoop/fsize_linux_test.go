package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// fsizeEnv asks the test binary to run the command in its arguments
// under a file size limit of that many bytes instead of testing.
const fsizeEnv = "SCOOP_TEST_FSIZE"

// execWithFileLimit becomes the command named by the arguments, under
// RLIMIT_FSIZE, when fsizeEnv is set. A write past the limit fails with
// EFBIG after writing what fits, as a write to a filling disk fails
// with ENOSPC; unlike a full disk, it needs no privilege to arrange and
// leaves the rest of the machine alone. (Go ignores the SIGXFSZ that
// comes with it.)
func execWithFileLimit() {
	v := os.Getenv(fsizeEnv)
	if v == "" {
		return
	}
	fail := func(err error) {
		fmt.Fprintln(os.Stderr, "execWithFileLimit:", err)
		os.Exit(3)
	}
	n, err := strconv.ParseUint(v, 10, 64)
	if err != nil || len(os.Args) < 2 {
		fail(fmt.Errorf("%s=%q, args %q", fsizeEnv, v, os.Args))
	}
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: n, Max: n}); err != nil {
		fail(err)
	}
	env := slices.DeleteFunc(os.Environ(), func(e string) bool { return strings.HasPrefix(e, fsizeEnv+"=") })
	fail(syscall.Exec(os.Args[1], os.Args[1:], env))
}

// TestCrawlOutputFillsUp lets the records file reach the end of the room
// it has during a crawl: the crawl stops with a clear error, the file
// ends with the last whole record, what was there before is untouched,
// and the same command run again once there is room completes the file
// with every article exactly once.
func TestCrawlOutputFillsUp(t *testing.T) {
	bin := buildCLI(t)
	self, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	site, srv := startSite(t)
	dir := t.TempDir()
	out, state := filepath.Join(dir, "out.jsonl"), filepath.Join(dir, "state")
	// Lines an earlier job wrote, which must survive; large enough that
	// the limit is far above what the crawl state needs.
	var before bytes.Buffer
	for i := 0; before.Len() < 2<<20; i++ {
		fmt.Fprintf(&before, "{\"padding\":%d,\"text\":%q}\n", i, strings.Repeat("x", 1000))
	}
	if err := os.WriteFile(out, before.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	limit := before.Len() + 48<<10
	args := []string{"crawl", "-o", out, "-state", state, "-delay", "-1ns", "-parallel", "2", "-sitemaps", "-progress", "1h", srv.URL + "/"}

	cmd := exec.Command(self, append([]string{bin}, args...)...)
	cmd.Env = append(os.Environ(), fsizeEnv+"="+strconv.Itoa(limit))
	stderr, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Fatalf("crawl under a file size limit: %v, want exit status 1\n%s", err, stderr)
	}
	for _, want := range []string{"file too large", "ends with the last whole record", "run again with -state"} {
		if !bytes.Contains(stderr, []byte(want)) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	t.Logf("stopped with:\n%s", stderr)
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, before.Bytes()) || len(b) > limit {
		t.Fatalf("the file has %d bytes (limit %d); the lines before are intact: %v", len(b), limit, bytes.HasPrefix(b, before.Bytes()))
	}
	st := readJSONL(t, out)
	if st.partial != 0 {
		t.Errorf("the file ends with %d bytes of a partial line", st.partial)
	}
	padding := bytes.Count(before.Bytes(), []byte("\n"))
	written := len(st.lines) - padding
	if written < 1 {
		t.Errorf("no record written before the limit")
	}
	t.Logf("%d records written before the limit, %d bytes unused", written, limit-len(b))

	// Room again: the rest comes, nothing twice.
	cmd = exec.Command(bin, args...)
	if stderr, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("second run: %v\n%s", err, stderr)
	}
	st = readJSONL(t, out)
	if st.partial != 0 {
		t.Errorf("the file ends with %d bytes of a partial line", st.partial)
	}
	count := map[string]int{}
	for _, l := range st.lines[padding:] {
		count[storyOf(t, l)]++
	}
	for _, s := range site.Emittable() {
		if count[s.Path] != 1 {
			t.Errorf("%s written %d times", s.Path, count[s.Path])
		}
	}
	if len(count) != len(site.Emittable()) {
		t.Errorf("%d stories written, the site has %d", len(count), len(site.Emittable()))
	}
}
