package scoop_test

import (
	"testing"

	"github.com/scoopkit/scoop"
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
