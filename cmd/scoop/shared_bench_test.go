package main

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/scoopkit/scoop/internal/fleet"
	"github.com/scoopkit/scoop/internal/redistest"
)

// BenchmarkSharedCrawl crawls 16 hosts of 8 articles, each answering
// after 200ms, with -parallel 2 -delay 10ms -workers 2 per process: one
// process on the default bbolt frontier, then 1, 2 and 4 processes on
// one Redis. The per-host limits allow about 150 requests/s, so the
// processes' workers, not politeness, bound the speed. It reports
// pages/s and, for N > 1, the speed-up over N = 1 of the same run.
//
//	go test -run XXX -bench SharedCrawl -benchtime 1x ./cmd/scoop
func BenchmarkSharedCrawl(b *testing.B) {
	srv := redistest.Start(b)
	bin := buildCLI(b)
	flags := []string{"-parallel", "2", "-delay", "10ms", "-workers", "2", "-timeout", "10s", "-progress", "1h", "-no-html"}
	var single time.Duration // N=1 on Redis, per crawl
	crawl := 0
	for _, c := range []struct {
		name  string
		procs int
		redis bool
	}{{"bbolt", 1, false}, {"redis/N=1", 1, true}, {"redis/N=2", 2, true}, {"redis/N=4", 4, true}} {
		b.Run(c.name, func(b *testing.B) {
			var pages int
			var took time.Duration
			for b.Loop() {
				b.StopTimer()
				f := fleet.Start(fleet.Options{Hosts: 16, Articles: 8, Latency: 200 * time.Millisecond})
				crawl++
				args := append([]string(nil), flags...)
				if c.redis {
					args = append(args, "-redis", srv.URL(0), "-crawl-id", fmt.Sprint("bench", crawl), "-lease", "5s")
				}
				args = append(args, f.Seeds()...)
				dir := b.TempDir()
				b.StartTimer()
				start := time.Now()
				var ps []*proc
				for i := range c.procs {
					ps = append(ps, startProc(b, bin, args, filepath.Join(dir, fmt.Sprintf("out%d.jsonl", i))))
				}
				for _, p := range ps {
					p.wait(b, 2*time.Minute)
				}
				took += time.Since(start)
				b.StopTimer()
				pages += len(f.Hits())
				f.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(pages)/took.Seconds(), "pages/s")
			per := took / time.Duration(b.N)
			if c.name == "redis/N=1" {
				single = per
			} else if c.redis && single > 0 {
				b.ReportMetric(float64(single)/float64(per), "speedup")
			}
		})
	}
}
