package scoop_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/scoopkit/scoop"
	"github.com/scoopkit/scoop/internal/frontiertest"
)

func TestBoltFrontierContract(t *testing.T) {
	frontiertest.Run(t, func(t *testing.T) scoop.Frontier {
		f, err := scoop.OpenFrontier(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		return f
	})
}

// BenchmarkBoltClaim claims and acks requests spread over 10 and over
// 10,000 hosts: a claim finds a free host in about the same time either
// way, so a crawl of many sites is not quadratic.
func BenchmarkBoltClaim(b *testing.B) {
	for _, hosts := range []int{10, 10000} {
		b.Run(fmt.Sprintf("hosts=%d", hosts), func(b *testing.B) {
			f, err := scoop.OpenFrontier(b.TempDir())
			if err != nil {
				b.Fatal(err)
			}
			defer f.Close()
			ctx := context.Background()
			n := 0
			refill := func() {
				var reqs []scoop.FrontierRequest
				for range 20000 {
					h := fmt.Sprintf("h%d.test", n%hosts)
					u := fmt.Sprintf("http://%s/%d", h, n)
					reqs = append(reqs, scoop.FrontierRequest{URL: u, Key: u, Host: h})
					n++
				}
				if _, err := f.Add(ctx, time.Now(), reqs); err != nil {
					b.Fatal(err)
				}
			}
			refill()
			for b.Loop() {
				l, _, err := f.Claim(ctx, time.Now(), 1, time.Minute)
				if err != nil {
					b.Fatal(err)
				}
				if l == nil {
					b.StopTimer()
					refill()
					b.StartTimer()
					continue
				}
				if err := f.Ack(ctx, time.Now(), l, &scoop.Ack{Outcome: scoop.Done}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
