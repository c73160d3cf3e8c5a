package scoop_test

import (
	"context"
	"slices"
	"testing"

	"github.com/scoopkit/scoop"
	"github.com/scoopkit/scoop/internal/fleet"
)

func TestRecordID(t *testing.T) {
	// printf %s https://example.com/news/story | sha256sum
	const want = "906074d8fb3ef840e7804b45f5be9eaadc6f2908310da75e8d5d62855c3edf6d"
	for _, u := range []string{"https://example.com/news/story", "https://example.com/news/story/#top", "https://EXAMPLE.com/news/story"} {
		if got := scoop.RecordID(u); got != want {
			t.Errorf("RecordID(%q) = %s, want %s (the same story)", u, got, want)
		}
	}
	if got := scoop.RecordID("https://example.com/news/other"); got == want {
		t.Errorf("two stories share the id %s", got)
	}
}

// Every record of a crawl carries its id, with the default frontier too.
func TestCrawlRecordsCarryID(t *testing.T) {
	f := fleet.Start(fleet.Options{Hosts: 1, Articles: 3})
	defer f.Close()
	var got []string
	s := scoop.Scraper{Delay: -1}
	err := s.Run(context.Background(), f.Seeds(), func(r *scoop.Record, err error) error {
		if err == nil {
			if r.ID != scoop.RecordID(r.URL) {
				t.Errorf("%s: id %q, want %q", r.URL, r.ID, scoop.RecordID(r.URL))
			}
			got = append(got, r.URL)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := f.Stories(); !slices.Equal(slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))) {
		t.Errorf("delivered %v, want %v", got, want)
	}
}
