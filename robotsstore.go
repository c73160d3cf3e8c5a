package scoop

import "context"

// A RobotsStore keeps each host's robots.txt for the processes that
// share a crawl, so that it is fetched once per crawl rather than once
// per process. A Scraper uses it when its Frontier implements it.
type RobotsStore interface {
	// Robots returns the robots.txt stored for host (scheme and port
	// included): the status and body of its answer. With none stored it
	// returns ok false, and the caller fetches the file and then calls
	// SetRobots; meanwhile Robots may make other callers wait for it.
	Robots(ctx context.Context, host string) (status int, body []byte, ok bool, err error)

	// SetRobots stores the answer to a host's robots.txt request. A
	// status of 0 (no answer), 429 or 5xx stores nothing and lets
	// another caller try.
	SetRobots(ctx context.Context, host string, status int, body []byte) error
}
