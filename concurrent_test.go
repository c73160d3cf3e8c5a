package scoop_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/scoopkit/scoop"
	"github.com/scoopkit/scoop/internal/newssite"
)

// TestScraperConcurrentUse checks what the Scraper documents: Stats may
// be called from any goroutine while Run runs, a second Run of the same
// Scraper fails at once, and a Scraper with another's StateDir fails to
// open it rather than share it. Run it with -race.
func TestScraperConcurrentUse(t *testing.T) {
	t.Parallel()
	_, srv := startSite(t, newssite.Options{})
	state := t.TempDir()
	s := &scoop.Scraper{Delay: 5 * time.Millisecond, MaxPages: 40, StateDir: state}
	// The first delivery holds the crawl, so that it is still running
	// while the others try.
	started, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	done := make(chan error, 1)
	go func() {
		done <- s.Run(context.Background(), []string{srv.URL + "/"}, func(*scoop.Record, error) error {
			once.Do(func() {
				close(started)
				<-release
			})
			return nil
		})
	}()
	<-started

	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 50 {
				if st := s.Stats(); st.Pages < 0 || st.Errors == nil {
					t.Errorf("Stats %+v", st)
				}
			}
		})
	}
	if err := s.Run(context.Background(), []string{srv.URL + "/"}, func(*scoop.Record, error) error { return nil }); err == nil {
		t.Error("a second Run of a running Scraper succeeded")
	}
	other := &scoop.Scraper{StateDir: state}
	if err := other.Run(context.Background(), []string{srv.URL + "/"}, func(*scoop.Record, error) error { return nil }); err == nil {
		t.Error("a Run with the StateDir of a running crawl succeeded")
	}
	wg.Wait()
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if st := s.Stats(); st.Articles == 0 {
		t.Errorf("Stats after Run %+v", st)
	}
}
