package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/scoopkit/scoop"
	"github.com/scoopkit/scoop/redisfrontier"
)

// openShared opens the Redis frontier of a crawl shared by several
// processes (-redis). The crawl id is refused if another crawl with other
// seeds uses it. When out is a file that a killed run of this process
// left, its records are reconciled with the crawl first: those the crawl
// does not know as delivered are recorded as this output's, and those
// another process delivered meanwhile are dropped from it, so that the
// union of the outputs holds each story once.
func openShared(ctx context.Context, rawURL, crawlID string, lease time.Duration, seeds []string, out string, stderr io.Writer) (*redisfrontier.Frontier, error) {
	o := redisfrontier.Options{CrawlID: crawlID, Fingerprint: seedsFingerprint(seeds), LeaseTTL: lease}
	if out != "" {
		abs, err := filepath.Abs(out)
		if err != nil {
			return nil, err
		}
		host, _ := os.Hostname()
		h := sha256.Sum256([]byte(host + "\x00" + abs))
		o.Owner = hex.EncodeToString(h[:8])
	}
	redis.SetLogger(quiet{}) // its errors reach the user as ours
	f, err := redisfrontier.Open(ctx, rawURL, o)
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(out); out != "" && err == nil && fi.Mode().IsRegular() {
		dropped, err := reconcile(ctx, f, out)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("scoop: output %s: %w", out, err)
		}
		if dropped > 0 {
			fmt.Fprintf(stderr, "%s: dropped %d records that another process delivered while this one was down\n", out, dropped)
		}
	}
	return f, nil
}

// quiet is a go-redis logger that says nothing.
type quiet struct{}

func (quiet) Printf(context.Context, string, ...any) {}

// seedsFingerprint identifies a crawl by its seeds, in any order.
func seedsFingerprint(seeds []string) string {
	s := slices.Clone(seeds)
	slices.Sort(s)
	h := sha256.Sum256([]byte(strings.Join(slices.Compact(s), "\n")))
	return hex.EncodeToString(h[:])
}

// reconcile adopts the records of the output at path and rewrites it
// without those another process delivered, and returns how many those
// were.
func reconcile(ctx context.Context, f *redisfrontier.Frontier, path string) (int, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	var lines [][]byte
	var ds []scoop.Delivery
	var at []int // line of each delivery
	br := bufio.NewReader(strings.NewReader(string(b)))
	for {
		line, err := br.ReadBytes('\n')
		if err == io.EOF {
			break // an unfinished last line: OpenJSONL cuts it
		}
		lines = append(lines, line)
		var r struct {
			URL string `json:"url"`
			SHA string `json:"content_sha256"`
		}
		if json.Unmarshal(line, &r) != nil || scoop.URLKey(r.URL) == "" {
			continue
		}
		ds = append(ds, scoop.Delivery{Key: scoop.URLKey(r.URL), URL: r.URL, ContentSHA: r.SHA})
		at = append(at, len(lines)-1)
	}
	dup, err := f.Adopt(ctx, ds)
	if err != nil || len(dup) == 0 {
		return 0, err
	}
	drop := map[int]bool{}
	for _, i := range dup {
		drop[at[i]] = true
	}
	tmp := path + ".tmp"
	w, err := os.Create(tmp)
	if err != nil {
		return 0, err
	}
	for i, line := range lines {
		if !drop[i] {
			w.Write(line)
		}
	}
	err = w.Sync()
	if e := w.Close(); err == nil {
		err = e
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return 0, err
	}
	return len(drop), nil
}
