package scoop

import (
	"maps"
	"sync"
	"time"
)

// counters are a crawl's Stats as they grow.
type counters struct {
	mu       sync.Mutex
	start    time.Time
	end      time.Time
	requests int64
	pages    int64
	articles int64
	bytes    int64
	skipped  map[string]int64
	errors   map[string]int64
	queued   func() int
}

func newCounters() *counters {
	return &counters{start: time.Now(), skipped: map[string]int64{}, errors: map[string]int64{}}
}

func (c *counters) add(f func(c *counters)) {
	c.mu.Lock()
	f(c)
	c.mu.Unlock()
}

func (c *counters) skip(why string)        { c.add(func(c *counters) { c.skipped[why]++ }) }
func (c *counters) fail(key string)        { c.add(func(c *counters) { c.errors[key]++ }) }
func (c *counters) request()               { c.add(func(c *counters) { c.requests++ }) }
func (c *counters) page(bytes int)         { c.add(func(c *counters) { c.pages++; c.bytes += int64(bytes) }) }
func (c *counters) delivered()             { c.add(func(c *counters) { c.articles++ }) }
func (c *counters) setQueued(f func() int) { c.add(func(c *counters) { c.queued = f }) }

func (c *counters) finish() {
	c.add(func(c *counters) {
		c.end = time.Now()
		if c.queued != nil {
			n := c.queued()
			c.queued = func() int { return n }
		}
	})
}

func (c *counters) snapshot() Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	end := c.end
	if end.IsZero() {
		end = time.Now()
	}
	st := Stats{
		Requests: c.requests, Pages: c.pages, Articles: c.articles, Bytes: c.bytes,
		Skipped: maps.Clone(c.skipped), Errors: maps.Clone(c.errors), Elapsed: end.Sub(c.start),
	}
	if c.queued != nil {
		st.Queued = c.queued()
	}
	return st
}
