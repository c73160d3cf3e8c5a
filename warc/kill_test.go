package warc

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/scoopkit/scoop/internal/newssite"
)

// TestRecorderChild is the process TestRecorderKilled kills: it records
// the site's pages over and over until it is killed.
func TestRecorderChild(t *testing.T) {
	dir := os.Getenv("SCOOP_WARC_CHILD_DIR")
	if dir == "" {
		t.Skip("run by TestRecorderKilled")
	}
	site := newssite.New(newssite.Options{NoFaults: true})
	srv := httptest.NewServer(gzipped(site))
	defer srv.Close()
	rec, err := NewRecorder(filepath.Join(dir, "killed.warc.gz"), nil, RecorderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c := &http.Client{Transport: rec}
	pages := site.Pages()
	deadline := time.Now().Add(20 * time.Second)
	for i := 0; time.Now().Before(deadline); i++ {
		resp, err := c.Get(srv.URL + pages[i%len(pages)])
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
}

// TestRecorderKilled kills a recording process with SIGKILL while it
// writes, several times at different moments: the file it leaves, still
// named .open, reads to the end with every record but at most a torn
// last one.
func TestRecorderKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	for round, wait := range []int64{100 << 10, 400 << 10, 1 << 20} {
		dir := t.TempDir()
		cmd := exec.Command(os.Args[0], "-test.run=^TestRecorderChild$")
		cmd.Env = append(os.Environ(), "SCOOP_WARC_CHILD_DIR="+dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "killed-00001.warc.gz.open")
		deadline := time.Now().Add(15 * time.Second)
		for time.Now().Before(deadline) {
			if fi, err := os.Stat(path); err == nil && fi.Size() >= wait {
				break
			}
			time.Sleep(5 * time.Millisecond)
		}
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		fi, err := os.Stat(path)
		if err != nil || fi.Size() < wait {
			t.Fatalf("round %d: the child wrote no file of %d bytes: %v", round, wait, err)
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		rd := NewReader(f, "killed-00001.warc.gz")
		rd.Seen = nil // the child fetches pages over and over
		var articles, torn int
		for _, err := range rd.All() {
			switch {
			case err == nil:
				articles++
			case strings.Contains(err.Error(), "truncated"):
				torn++
			default:
				t.Errorf("round %d: %v", round, err)
			}
		}
		f.Close()
		st := rd.Stats()
		if torn > 1 || articles == 0 || st.Errors != int64(torn) {
			t.Errorf("round %d: %d articles, %d torn records, stats %+v", round, articles, torn, st)
		}
		t.Logf("round %d: killed at %d bytes: %d records, %d articles, %d torn", round, fi.Size(), st.Records, articles, torn)

		// A resumed run finishes the file: a torn last record (added
		// here, since a kill seldom leaves one) is cut off and the name
		// loses its suffix; the run writes a file of its own.
		member := gzipMember([]byte("WARC/1.1\r\nWARC-Type: resource\r\n"))
		if f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0); err == nil {
			f.Write(member[:len(member)/2])
			f.Close()
		}
		rec, err := NewRecorder(filepath.Join(dir, "killed.warc.gz"), nil, RecorderOptions{})
		if err != nil {
			t.Fatalf("round %d: resume: %v", round, err)
		}
		rec.Close()
		final := strings.TrimSuffix(path, openSuffix)
		fi2, err := os.Stat(final)
		if err != nil || fi2.Size() > fi.Size() || torn == 0 && fi2.Size() != fi.Size() {
			t.Fatalf("round %d: the file left open is not finished as %s, cut to its whole records: %v", round, final, err)
		}
		f, _ = os.Open(final)
		recs, skipped, fatal := readErrs(t, f)
		f.Close()
		if len(recs) != articles || len(skipped) != 0 || fatal != nil {
			t.Errorf("round %d: finished file: %d articles, skipped %v, %v", round, len(recs), skipped, fatal)
		}
	}
}
