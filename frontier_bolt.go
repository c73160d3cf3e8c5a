package scoop

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
)

var (
	bucketQueue   = []byte("queue")   // seq -> queueEntry
	bucketSeen    = []byte("seen")    // key -> 'q' queued, 'f' failed, 'd' done [+ revisit, 8 bytes]
	bucketFailed  = []byte("failed")  // key -> FrontierRequest that failed
	bucketEmitted = []byte("emitted") // key of a delivered record -> its url
	bucketContent = []byte("content") // content sha -> url of the first record with it
	bucketBody    = []byte("body")    // host + " " + body sha -> url
)

// stateFile is the name of the bbolt file inside a state directory.
const stateFile = "scoop-frontier.db"

// queueEntry is a queued request as stored.
type queueEntry struct {
	R  FrontierRequest `json:"r"`
	NB int64           `json:"nb,omitempty"` // not before, Unix nanoseconds
}

// boltFrontier is the default Frontier: one bbolt file, for one process.
// Requests stay in the file until acknowledged, so a killed process
// leases them again in its next run; the per-host queues, not-before
// times and leases are rebuilt in memory from the file at open.
type boltFrontier struct {
	db   *bolt.DB
	temp string // directory to remove on Close, for a state with no dir

	mu     sync.Mutex
	hosts  map[string]*hostQueue
	order  []*hostQueue // round robin over hosts
	rr     int
	leases map[string]*leaseRec
	nextID uint64
	queued int
}

type hostQueue struct {
	name   string
	seqs   []uint64  // FIFO of requests ready whenever the host is
	later  []delayed // requests with a not-before time (retries)
	next   time.Time // no start before this
	gap    time.Duration
	leased int
}

type delayed struct {
	seq uint64
	nb  time.Time
}

type leaseRec struct {
	seq      uint64
	host     *hostQueue
	deadline time.Time
}

func (f *boltFrontier) removeTemp() {
	if f.temp != "" {
		os.RemoveAll(f.temp)
	}
}

// host returns the queue of a host; f.mu must be held.
func (f *boltFrontier) host(name string) *hostQueue {
	h := f.hosts[name]
	if h == nil {
		h = &hostQueue{name: name}
		f.hosts[name] = h
		f.order = append(f.order, h)
	}
	return h
}

// enqueue adds a stored request to its host's queue; f.mu must be held.
func (f *boltFrontier) enqueue(host string, seq uint64, nb time.Time) {
	h := f.host(host)
	if nb.UnixNano() > 0 {
		h.later = append(h.later, delayed{seq, nb})
	} else {
		h.seqs = append(h.seqs, seq)
	}
	f.queued++
}

func (f *boltFrontier) Add(ctx context.Context, now time.Time, reqs []FrontierRequest) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var pushed []pushedReq
	err := f.db.Update(func(tx *bolt.Tx) error {
		var err error
		pushed, err = admit(tx, now, reqs, nil)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("scoop: state: %w", err)
	}
	for _, p := range pushed {
		f.enqueue(p.host, p.seq, time.Time{})
	}
	return len(pushed), nil
}

type pushedReq struct {
	host string
	seq  uint64
}

// admit stores the requests not seen, or due for a revisit.
func admit(tx *bolt.Tx, now time.Time, reqs []FrontierRequest, out []pushedReq) ([]pushedReq, error) {
	seen := tx.Bucket(bucketSeen)
	for i := range reqs {
		r := &reqs[i]
		v := seen.Get([]byte(r.Key))
		if v != nil && !(v[0] == 'd' && len(v) == 9 && int64(binary.BigEndian.Uint64(v[1:])) <= now.UnixNano()) {
			continue
		}
		if err := seen.Put([]byte(r.Key), []byte{'q'}); err != nil {
			return out, err
		}
		seq, err := put(tx, 0, &queueEntry{R: *r})
		if err != nil {
			return out, err
		}
		out = append(out, pushedReq{r.Host, seq})
	}
	return out, nil
}

// put stores a queue entry under seq, or a new sequence number for 0.
func put(tx *bolt.Tx, seq uint64, e *queueEntry) (uint64, error) {
	q := tx.Bucket(bucketQueue)
	if seq == 0 {
		var err error
		if seq, err = q.NextSequence(); err != nil {
			return 0, err
		}
	}
	v, err := json.Marshal(e)
	if err != nil {
		return 0, err
	}
	return seq, q.Put(seqKey(seq), v)
}

func (f *boltFrontier) Claim(ctx context.Context, now time.Time, perHost int, ttl time.Duration) (*Lease, time.Time, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for id, l := range f.leases {
		if l.deadline.Before(now) {
			// Expired: back to the head of its host's queue.
			delete(f.leases, id)
			l.host.leased--
			l.host.seqs = append([]uint64{l.seq}, l.host.seqs...)
			f.queued++
		}
	}
	for {
		l, wake, retry, err := f.claimOne(now, perHost, ttl)
		if !retry {
			return l, wake, err
		}
	}
}

// claimOne leases a request of the first free host; retry says that it
// dropped a finished request instead, and the caller should try again.
func (f *boltFrontier) claimOne(now time.Time, perHost int, ttl time.Duration) (*Lease, time.Time, bool, error) {
	var wake time.Time
	n := len(f.order)
	for i := range n {
		h := f.order[(f.rr+i)%n]
		if len(h.seqs) == 0 && len(h.later) == 0 || h.leased >= perHost {
			continue
		}
		due, j := h.next, -1
		if len(h.later) > 0 {
			j = 0
			for k, d := range h.later {
				if d.nb.Before(h.later[j].nb) {
					j = k
				}
			}
			if len(h.seqs) == 0 || !h.later[j].nb.After(now) {
				due = later(due, h.later[j].nb)
			} else {
				j = -1
			}
		}
		if due.After(now) {
			if wake.IsZero() || due.Before(wake) {
				wake = due
			}
			continue
		}
		var seq uint64
		if j >= 0 {
			seq = h.later[j].seq
			h.later = append(h.later[:j], h.later[j+1:]...)
		} else {
			seq, h.seqs = h.seqs[0], h.seqs[1:]
		}
		f.queued--
		e, drop, err := f.read(seq)
		if err != nil {
			return nil, time.Time{}, false, err
		}
		if drop {
			// Finished under another address while it waited.
			err := f.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketQueue).Delete(seqKey(seq)) })
			if err != nil {
				return nil, time.Time{}, false, fmt.Errorf("scoop: state: %w", err)
			}
			return nil, time.Time{}, true, nil
		}
		f.rr = (f.rr + i + 1) % n
		f.nextID++
		id := strconv.FormatUint(f.nextID, 10)
		l := &leaseRec{seq: seq, host: h, deadline: now.Add(ttl)}
		f.leases[id] = l
		h.leased++
		if h.gap > 0 {
			h.next = later(h.next, now.Add(h.gap))
		}
		return &Lease{ID: id, Request: e.R, Deadline: l.deadline}, time.Time{}, false, nil
	}
	return nil, wake, false, nil
}

// read returns a stored entry, and whether its key is done already.
func (f *boltFrontier) read(seq uint64) (e queueEntry, drop bool, err error) {
	err = f.db.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketQueue).Get(seqKey(seq))
		if v == nil {
			return fmt.Errorf("queue entry %d missing", seq)
		}
		if err := json.Unmarshal(v, &e); err != nil {
			return err
		}
		s := tx.Bucket(bucketSeen).Get([]byte(e.R.Key))
		drop = len(s) > 0 && s[0] == 'd'
		return nil
	})
	if err != nil {
		err = fmt.Errorf("scoop: state: %w", err)
	}
	return e, drop, err
}

func (f *boltFrontier) Ack(ctx context.Context, now time.Time, l *Lease, a *Ack) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	lr := f.leases[l.ID]
	if lr == nil {
		return ErrLeaseExpired
	}
	r := l.Request
	var pushed []pushedReq
	err := f.db.Update(func(tx *bolt.Tx) error {
		q, seen := tx.Bucket(bucketQueue), tx.Bucket(bucketSeen)
		var err error
		switch a.Outcome {
		case Done:
			v := []byte{'d'}
			if !a.Revisit.IsZero() {
				v = binary.BigEndian.AppendUint64(v, uint64(a.Revisit.UnixNano()))
			}
			err = errors.Join(q.Delete(seqKey(lr.seq)), seen.Put([]byte(r.Key), v))
		case Failed:
			r.Failures++
			r.Attempts = 0
			b, _ := json.Marshal(&r)
			err = errors.Join(q.Delete(seqKey(lr.seq)), seen.Put([]byte(r.Key), []byte{'f'}),
				tx.Bucket(bucketFailed).Put([]byte(r.Key), b))
		case Retry:
			r.Attempts++
			_, err = put(tx, lr.seq, &queueEntry{R: r, NB: a.RetryAt.UnixNano()})
		}
		if err != nil {
			return err
		}
		for _, k := range a.Finished {
			if k != r.Key {
				if err := seen.Put([]byte(k), []byte{'d'}); err != nil {
					return err
				}
			}
		}
		if pushed, err = admit(tx, now, a.Links, nil); err != nil {
			return err
		}
		if d := a.Delivery; d != nil {
			return errors.Join(tx.Bucket(bucketEmitted).Put([]byte(d.Key), []byte(d.URL)),
				putNew(tx.Bucket(bucketContent), d.ContentSHA, d.URL),
				putNew(tx.Bucket(bucketBody), d.Host+" "+d.BodySHA, d.URL))
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("scoop: state: %w", err)
	}
	delete(f.leases, l.ID)
	h := lr.host
	h.leased--
	h.next = later(h.next, a.HostNext)
	if a.HostGap > 0 {
		h.gap = a.HostGap
	}
	switch a.Outcome {
	case Retry:
		h.later = append(h.later, delayed{lr.seq, a.RetryAt})
		f.queued++
	case Release:
		h.seqs = append([]uint64{lr.seq}, h.seqs...)
		f.queued++
	}
	for _, p := range pushed {
		f.enqueue(p.host, p.seq, time.Time{})
	}
	return nil
}

func putNew(b *bolt.Bucket, k, v string) error {
	if k == "" || k == " " || b.Get([]byte(k)) != nil {
		return nil
	}
	return b.Put([]byte(k), []byte(v))
}

func (f *boltFrontier) Delivered(ctx context.Context, d *Delivery) (*Delivery, error) {
	var out *Delivery
	err := f.db.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketEmitted).Get([]byte(d.Key)); v != nil {
			out = &Delivery{Key: d.Key, URL: string(v)}
		} else if v := tx.Bucket(bucketBody).Get([]byte(d.Host + " " + d.BodySHA)); v != nil && d.BodySHA != "" {
			out = &Delivery{Host: d.Host, BodySHA: d.BodySHA, URL: string(v)}
		} else if v := tx.Bucket(bucketContent).Get([]byte(d.ContentSHA)); v != nil && d.ContentSHA != "" {
			out = &Delivery{ContentSHA: d.ContentSHA, URL: string(v)}
		}
		return nil
	})
	return out, err
}

func (f *boltFrontier) Requeue(ctx context.Context, maxFailures int) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var pushed []pushedReq
	err := f.db.Update(func(tx *bolt.Tx) error {
		failed, seen := tx.Bucket(bucketFailed), tx.Bucket(bucketSeen)
		var keys [][]byte
		var reqs []FrontierRequest
		err := failed.ForEach(func(k, v []byte) error {
			var r FrontierRequest
			if json.Unmarshal(v, &r) == nil && r.Failures < maxFailures {
				keys = append(keys, k)
				reqs = append(reqs, r)
			}
			return nil
		})
		for _, k := range keys {
			if err == nil {
				err = errors.Join(failed.Delete(k), seen.Delete(k))
			}
		}
		if err != nil {
			return err
		}
		pushed, err = admit(tx, time.Time{}, reqs, nil)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("scoop: state: %w", err)
	}
	for _, p := range pushed {
		f.enqueue(p.host, p.seq, time.Time{})
	}
	return len(pushed), nil
}

func (f *boltFrontier) Counts(ctx context.Context) (queued, leased int, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.queued, len(f.leases), nil
}

// Close syncs and closes the file; a state with no directory is removed.
func (f *boltFrontier) Close() error {
	err := f.db.Sync()
	if e := f.db.Close(); err == nil {
		err = e
	}
	f.removeTemp()
	return err
}

func seqKey(seq uint64) []byte { return binary.BigEndian.AppendUint64(make([]byte, 0, 8), seq) }

// later returns the later of a and b.
func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

