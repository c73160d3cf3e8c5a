package redisfrontier_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/scoopkit/scoop"
	"github.com/scoopkit/scoop/internal/frontiertest"
	"github.com/scoopkit/scoop/internal/redistest"
	"github.com/scoopkit/scoop/redisfrontier"
)

var ctx = context.Background()

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
