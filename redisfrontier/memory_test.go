package redisfrontier_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/scoopkit/scoop"
	"github.com/scoopkit/scoop/internal/redistest"
	"github.com/scoopkit/scoop/redisfrontier"
)

// BenchmarkMemoryPerURL measures what Redis holds per URL: seen-B/url is
// the seen set alone (what stays for every URL once crawled), queued-B/url
// the whole of Redis's memory while the URLs wait in the queues, and
// delivered-B/rec what a delivered record adds. URLs are about 80
// characters, over 100 hosts. Each iteration is a new crawl of n URLs.
func BenchmarkMemoryPerURL(b *testing.B) {
	const n, batch, delivered = 100_000, 1000, 2000
	srv := redistest.Start(b)
	rdb := redis.NewClient(&redis.Options{Addr: srv.Addr})
	defer rdb.Close()
	used := func() int64 {
		info, err := rdb.Info(ctx, "memory").Result()
		if err != nil {
			b.Fatal(err)
		}
		for line := range strings.Lines(info) {
			if v, ok := strings.CutPrefix(line, "used_memory:"); ok {
				m, _ := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
				return m
			}
		}
		b.Fatal("no used_memory")
		return 0
	}
	var seen, queued, deliv float64
	crawl := 0
	for b.Loop() {
		crawl++
		id := fmt.Sprint("mem", crawl)
		f, err := redisfrontier.Open(ctx, srv.URL(0), redisfrontier.Options{CrawlID: id})
		if err != nil {
			b.Fatal(err)
		}
		before := used()
		reqs := make([]scoop.FrontierRequest, 0, batch)
		for i := range n {
			host := fmt.Sprintf("www.news-site-%03d.example.com", i%100)
			u := fmt.Sprintf("https://%s/2026/11/%02d/politics/story-headline-number-%07d", host, i%28+1, i)
			reqs = append(reqs, scoop.FrontierRequest{URL: u, Key: scoop.URLKey(u), Host: host, Depth: 2,
				FoundOn: "https://" + host + "/politics/"})
			if len(reqs) == batch {
				if _, err := f.Add(ctx, time.Now(), reqs); err != nil {
					b.Fatal(err)
				}
				reqs = reqs[:0]
			}
		}
		queued = float64(used()-before) / n
		mu, err := rdb.MemoryUsage(ctx, "scoop:{"+id+"}:seen", 0).Result()
		if err != nil {
			b.Fatal(err)
		}
		seen = float64(mu) / n
		// Deliver some: claim, ack with a record.
		for i := range delivered {
			l, _, err := f.Claim(ctx, time.Now(), 1<<20, time.Minute)
			if err != nil || l == nil {
				b.Fatal(l, err)
			}
			d := &scoop.Delivery{Key: l.Request.Key, URL: l.Request.URL, Host: l.Request.Host,
				ContentSHA: fmt.Sprintf("%064x", i), BodySHA: fmt.Sprintf("%064x", i+n)}
			if err := f.Ack(ctx, time.Now(), l, &scoop.Ack{Outcome: scoop.Done, Delivery: d}); err != nil {
				b.Fatal(err)
			}
		}
		var sum int64
		for _, k := range []string{"em", "ct", "bd"} {
			mu, err := rdb.MemoryUsage(ctx, "scoop:{"+id+"}:"+k, 0).Result()
			if err != nil {
				b.Fatal(err)
			}
			sum += mu
		}
		deliv = float64(sum) / delivered
		f.Close()
		rdb.FlushDB(ctx)
	}
	b.ReportMetric(seen, "seen-B/url")
	b.ReportMetric(queued, "queued-B/url")
	b.ReportMetric(deliv, "delivered-B/rec")
}
