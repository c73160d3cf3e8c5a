package scoop

import (
	"container/heap"
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

	mu      sync.Mutex
	hosts   map[string]*hostQueue
	ready   readyHeap // hosts with requests and a free slot, by when they may start
	perHost int       // the limit of the last Claim, which decides who is in ready
	claims  uint64    // claims so far, to take turns among hosts free at once
	leases  map[string]*leaseRec
	nextID  uint64
	queued  int
}

type hostQueue struct {
	name   string
	front  []uint64  // requests given back (released, expired), taken first
	seqs   []uint64  // FIFO of requests ready whenever the host is
	later  []delayed // requests with a not-before time (retries)
	next   time.Time // no start before this
	gap    time.Duration
	leased int

	index int       // in ready; -1 when not there
	due   time.Time // ready's key: when the host may start its next request
	turn  uint64    // claims when it was last claimed: ready's second key
}

// readyHeap is a min-heap of hosts by due time, then by turn.
type readyHeap []*hostQueue

func (r readyHeap) Len() int { return len(r) }
func (r readyHeap) Less(i, j int) bool {
	if !r[i].due.Equal(r[j].due) {
		return r[i].due.Before(r[j].due)
	}
	return r[i].turn < r[j].turn
}
func (r readyHeap) Swap(i, j int) {
	r[i], r[j] = r[j], r[i]
	r[i].index, r[j].index = i, j
}
func (r *readyHeap) Push(x any) {
	h := x.(*hostQueue)
	h.index = len(*r)
	*r = append(*r, h)
}
func (r *readyHeap) Pop() any {
	old := *r
	h := old[len(old)-1]
	old[len(old)-1] = nil
	*r = old[:len(old)-1]
	h.index = -1
	return h
}

// update puts h in ready, or takes it out, by whether it has requests
// and a free slot, and sets when it may start; f.mu must be held.
func (f *boltFrontier) update(h *hostQueue) {
	if len(h.front)+len(h.seqs)+len(h.later) == 0 || h.leased >= f.perHost {
		if h.index >= 0 {
			heap.Remove(&f.ready, h.index)
		}
		return
	}
	h.due = h.next
	if len(h.front)+len(h.seqs) == 0 {
		h.due = later(h.due, h.later[h.firstLater()].nb)
	}
	if h.index >= 0 {
		heap.Fix(&f.ready, h.index)
	} else {
		heap.Push(&f.ready, h)
	}
}

// firstLater is the index of the earliest of h.later, which is not
// empty.
func (h *hostQueue) firstLater() int {
	j := 0
	for k, d := range h.later {
		if d.nb.Before(h.later[j].nb) {
			j = k
		}
	}
	return j
}

// take removes and returns the request h starts next: a retry whose time
// has come, else one given back, else the oldest.
func (h *hostQueue) take(now time.Time) uint64 {
	if len(h.later) > 0 {
		if j := h.firstLater(); !h.later[j].nb.After(now) || len(h.front)+len(h.seqs) == 0 {
			seq := h.later[j].seq
			h.later = append(h.later[:j], h.later[j+1:]...)
			return seq
		}
	}
	if n := len(h.front); n > 0 {
		seq := h.front[n-1]
		h.front = h.front[:n-1]
		return seq
	}
	seq := h.seqs[0]
	h.seqs = h.seqs[1:]
	return seq
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
		h = &hostQueue{name: name, index: -1}
		f.hosts[name] = h
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
	f.update(h)
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
	if perHost != f.perHost {
		f.perHost = perHost
		for _, h := range f.hosts {
			f.update(h)
		}
	}
	for id, l := range f.leases {
		if l.deadline.Before(now) {
			// Expired: back to the head of its host's queue.
			delete(f.leases, id)
			l.host.leased--
			l.host.front = append(l.host.front, l.seq)
			f.queued++
			f.update(l.host)
		}
	}
	for len(f.ready) > 0 {
		h := f.ready[0]
		if h.due.After(now) {
			return nil, h.due, nil
		}
		seq := h.take(now)
		f.queued--
		e, drop, err := f.read(seq)
		if err == nil && drop {
			// Finished under another address while it waited.
			err = f.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketQueue).Delete(seqKey(seq)) })
		}
		if err != nil {
			return nil, time.Time{}, fmt.Errorf("scoop: state: %w", err)
		}
		if drop {
			f.update(h)
			continue
		}
		f.nextID++
		f.claims++
		id := strconv.FormatUint(f.nextID, 10)
		l := &leaseRec{seq: seq, host: h, deadline: now.Add(ttl)}
		f.leases[id] = l
		h.leased++
		// Hosts free at the same time take turns.
		h.next, h.turn = later(h.next, now.Add(h.gap)), f.claims
		f.update(h)
		return &Lease{ID: id, Request: e.R, Deadline: l.deadline}, time.Time{}, nil
	}
	return nil, time.Time{}, nil
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
		h.front = append(h.front, lr.seq)
		f.queued++
	}
	f.update(h)
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
