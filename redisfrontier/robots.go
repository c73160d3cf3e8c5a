package redisfrontier

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/scoopkit/scoop"
)

// DefaultRobotsTTL is how long a host's robots.txt is kept: a day, as
// RFC 9309 suggests.
const DefaultRobotsTTL = 24 * time.Hour

var _ scoop.RobotsStore = (*Frontier)(nil)

// Robots implements scoop.RobotsStore. While another process fetches the
// host's robots.txt (for at most LeaseTTL), it waits for the answer.
func (f *Frontier) Robots(ctx context.Context, host string) (status int, body []byte, ok bool, err error) {
	key, lock := f.prefix+"robots:"+host, f.prefix+"robotslock:"+host
	for {
		v, err := f.rdb.Get(ctx, key).Result()
		if err == nil {
			code, b, _ := strings.Cut(v, "\n")
			status, _ := strconv.Atoi(code)
			return status, []byte(b), true, nil
		}
		if !errors.Is(err, redis.Nil) {
			return 0, nil, false, f.err(err)
		}
		won, err := f.rdb.SetNX(ctx, lock, f.owner, f.leaseTTL).Result()
		if err != nil {
			return 0, nil, false, f.err(err)
		}
		if won {
			return 0, nil, false, nil
		}
		t := time.NewTimer(25 * time.Millisecond)
		select {
		case <-ctx.Done():
			t.Stop()
			return 0, nil, false, ctx.Err()
		case <-t.C:
		}
	}
}

// SetRobots implements scoop.RobotsStore; the answer is kept for
// Options.RobotsTTL.
func (f *Frontier) SetRobots(ctx context.Context, host string, status int, body []byte) error {
	_, err := f.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		if status > 0 && status != 429 && status < 500 {
			p.Set(ctx, f.prefix+"robots:"+host, strconv.Itoa(status)+"\n"+string(body), f.robotsTTL)
		}
		p.Del(ctx, f.prefix+"robotslock:"+host)
		return nil
	})
	if err != nil {
		return f.err(err)
	}
	return nil
}
