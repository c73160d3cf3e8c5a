package scoop

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/gocolly/colly/v2"
	"github.com/gocolly/colly/v2/queue"
	"github.com/gocolly/colly/v2/storage"
	bolt "go.etcd.io/bbolt"
)

// crawlState is everything a crawl remembers: Colly's visited set and
// cookies (storage.Storage), its frontier (queue.Storage), and what scoop
// adds on top: which pages are finished and which stories were emitted.
// The Scraper talks to its state only through this interface, so that a
// shared network store can replace the embedded one for crawls spread
// over several machines.
type crawlState interface {
	storage.Storage
	queue.Storage
	// seenKeys reports which of keys have been queued or finished.
	// finish records the outcome of the request queued under key (if
	// any), in one transaction.
	finish(f *finishing) (held *queued, fresh int, err error)
	// duplicate reports why an article with this URL key and content
	// hash must not be emitted again, or "" if it may be.
	duplicate(urlKey string, sha []byte) (string, error)
	// isDone reports whether the page with this key has been finished.
	isDone(key string) (bool, error)
	// release gives back a request handed out in this run and not
	// finished, for a later run to fetch.
	release(key string)
	// abandon forgets the requests handed out and never finished in
	// this run, such as those Colly refused to send.
	abandon() error
	Close() error
}

// queued is a request waiting in the frontier, under its URL key.
type queued struct {
	key  string
	data []byte // colly.Request.Marshal output
}

// finishing is what one handled page changes in the state.
type finishing struct {
	key   string   // the request being finished; "" for none
	done  []string // more keys now fetched: final URL, canonical URL
	links []queued // discovered requests, queued unless seen before
	hold  bool     // return the last fresh link instead of queuing it
	// emitKey and sha are set when an article was emitted.
	emitKey string
	sha     []byte
}

var (
	oldBucketQueue   = []byte("queue")   // seq -> request
	oldBucketSeen    = []byte("seen")    // url key -> 'q' queued, 'd' done
	bucketVisited = []byte("visited") // colly request id -> nil
	oldBucketEmitted = []byte("emitted") // url key of an emitted article -> sha256
	bucketSHA     = []byte("sha")     // sha256 of an emitted article -> url key
	bucketCookies = []byte("cookies") // host -> cookies
)

// oldStateFile is the name of the bbolt file inside a state directory.
const oldStateFile = "scoop-state.db"

var errEmptyQueue = errors.New("scoop: frontier is empty")

// boltState is the embedded crawlState: one bbolt file in a directory.
// Queued requests stay in the file until their page is finished, so a
// killed crawl hands them out again; visited marks and cookies are kept
// in memory until the next write, since a lost mark only means a request
// is sent again. It is safe for concurrent use.
type boltState struct {
	db   *bolt.DB
	temp string // directory to remove on Close, for a state with no dir

	mu      sync.Mutex
	cursor  uint64            // highest queue sequence handed out this run
	pending int               // queued requests not yet handed out
	handed  map[string]uint64 // key -> sequence of requests handed out, unfinished
	visited map[uint64]bool   // visited marks not yet written
	cookies map[string]string
	dirty   map[string]bool // hosts whose cookies are not yet written
}

// openState opens or creates the state in dir; an empty dir gives a
// state in a temporary directory that Close removes.
func openState(dir string) (*boltState, error) {
	s := &boltState{handed: map[string]uint64{}, visited: map[uint64]bool{}, cookies: map[string]string{}, dirty: map[string]bool{}}
	if dir == "" {
		tmp, err := os.MkdirTemp("", "scoop-state-")
		if err != nil {
			return nil, fmt.Errorf("scoop: state: %w", err)
		}
		dir, s.temp = tmp, tmp
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("scoop: state: %w", err)
	}
	// NoSync: a killed process loses nothing the kernel has been handed,
	// and an fsync per page would cost more than fetching it. Close syncs.
	db, err := bolt.Open(filepath.Join(dir, oldStateFile), 0o644, &bolt.Options{
		Timeout:        time.Second,
		NoSync:         true,
		NoFreelistSync: true,
		FreelistType:   bolt.FreelistMapType,
	})
	if err != nil {
		s.removeTemp()
		return nil, fmt.Errorf("scoop: state %s: %w", dir, err)
	}
	s.db = db
	if err := s.recover(); err != nil {
		db.Close()
		s.removeTemp()
		return nil, err
	}
	return s, nil
}

// recover creates the buckets and makes every request still queued
// fetchable again: one handed out by a run that was stopped may carry a
// visited mark, and Colly would refuse to send it.
func (s *boltState) recover() error {
	probe := newIDProbe()
	return s.db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{oldBucketQueue, oldBucketSeen, bucketVisited, oldBucketEmitted, bucketSHA, bucketCookies} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return fmt.Errorf("scoop: state: %w", err)
			}
		}
		visited := tx.Bucket(bucketVisited)
		anyVisited, _ := visited.Cursor().First()
		var head struct{ URL string }
		n := 0
		err := tx.Bucket(oldBucketQueue).ForEach(func(_, v []byte) error {
			n++
			if anyVisited == nil || json.Unmarshal(v, &head) != nil {
				return nil
			}
			return visited.Delete(idKey(probe.id(head.URL)))
		})
		s.pending = n
		return err
	})
}

func (s *boltState) removeTemp() {
	if s.temp != "" {
		os.RemoveAll(s.temp)
	}
}

// Init implements storage.Storage and queue.Storage; openState has done
// the work.
func (s *boltState) Init() error { return nil }

// Visited implements storage.Storage.
func (s *boltState) Visited(id uint64) error {
	s.mu.Lock()
	s.visited[id] = true
	s.mu.Unlock()
	return nil
}

// IsVisited implements storage.Storage.
func (s *boltState) IsVisited(id uint64) (bool, error) {
	s.mu.Lock()
	v := s.visited[id]
	s.mu.Unlock()
	if v {
		return true, nil
	}
	err := s.db.View(func(tx *bolt.Tx) error {
		v = tx.Bucket(bucketVisited).Get(idKey(id)) != nil
		return nil
	})
	return v, err
}

// Cookies implements storage.Storage.
func (s *boltState) Cookies(u *url.URL) string {
	s.mu.Lock()
	c, ok := s.cookies[u.Host]
	s.mu.Unlock()
	if ok {
		return c
	}
	s.db.View(func(tx *bolt.Tx) error {
		c = string(tx.Bucket(bucketCookies).Get([]byte(u.Host)))
		return nil
	})
	s.mu.Lock()
	s.cookies[u.Host] = c
	s.mu.Unlock()
	return c
}

// SetCookies implements storage.Storage.
func (s *boltState) SetCookies(u *url.URL, cookies string) {
	s.mu.Lock()
	if s.cookies[u.Host] != cookies {
		s.cookies[u.Host] = cookies
		s.dirty[u.Host] = true
	}
	s.mu.Unlock()
}

// AddRequest implements queue.Storage. It queues without deduplication,
// as Colly's own storages do; scoop deduplicates before.
func (s *boltState) AddRequest(r []byte) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		return s.push(tx, r)
	})
}

func (s *boltState) push(tx *bolt.Tx, r []byte) error {
	q := tx.Bucket(oldBucketQueue)
	seq, err := q.NextSequence()
	if err != nil {
		return err
	}
	if err := q.Put(idKey(seq), r); err != nil {
		return err
	}
	s.mu.Lock()
	s.pending++
	s.mu.Unlock()
	return nil
}

// GetRequest implements queue.Storage. The request stays stored until
// its page is finished.
func (s *boltState) GetRequest() ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []byte
	err := s.db.View(func(tx *bolt.Tx) error {
		k, v := tx.Bucket(oldBucketQueue).Cursor().Seek(idKey(s.cursor + 1))
		if k == nil {
			return errEmptyQueue
		}
		s.cursor = binary.BigEndian.Uint64(k)
		out = bytes.Clone(v)
		return nil
	})
	if err != nil {
		return nil, err
	}
	s.pending--
	var head struct{ Ctx map[string]any }
	if json.Unmarshal(out, &head) == nil {
		if key, ok := head.Ctx[ctxKey].(string); ok {
			s.handed[key] = s.cursor
		}
	}
	return out, nil
}

// QueueSize implements queue.Storage: the requests not yet handed out.
func (s *boltState) QueueSize() (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pending, nil
}

func (s *boltState) finish(f *finishing) (held *queued, fresh int, err error) {
	err = s.db.Update(func(tx *bolt.Tx) error {
		held, fresh = nil, 0
		s.mu.Lock()
		seq, handed := s.handed[f.key]
		s.mu.Unlock()
		if handed {
			if err := tx.Bucket(oldBucketQueue).Delete(idKey(seq)); err != nil {
				return err
			}
		}
		seen := tx.Bucket(oldBucketSeen)
		for _, k := range append(f.done, f.key) {
			if k != "" {
				if err := seen.Put([]byte(k), []byte{'d'}); err != nil {
					return err
				}
			}
		}
		var last *queued
		for i := range f.links {
			l := &f.links[i]
			if seen.Get([]byte(l.key)) != nil {
				continue
			}
			if err := seen.Put([]byte(l.key), []byte{'q'}); err != nil {
				return err
			}
			fresh++
			if last != nil {
				if err := s.push(tx, last.data); err != nil {
					return err
				}
			}
			last = l
		}
		if last != nil {
			if f.hold {
				held = last
			} else if err := s.push(tx, last.data); err != nil {
				return err
			}
		}
		if f.emitKey != "" {
			if err := tx.Bucket(oldBucketEmitted).Put([]byte(f.emitKey), f.sha); err != nil {
				return err
			}
			if err := tx.Bucket(bucketSHA).Put(f.sha, []byte(f.emitKey)); err != nil {
				return err
			}
		}
		return s.flush(tx)
	})
	if err == nil && f.key != "" {
		s.mu.Lock()
		delete(s.handed, f.key)
		s.mu.Unlock()
	}
	if err != nil {
		err = fmt.Errorf("scoop: state: %w", err)
	}
	return held, fresh, err
}

// flush writes the visited marks and cookies kept in memory.
func (s *boltState) flush(tx *bolt.Tx) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	vb := tx.Bucket(bucketVisited)
	for id := range s.visited {
		if err := vb.Put(idKey(id), nil); err != nil {
			return err
		}
	}
	cb := tx.Bucket(bucketCookies)
	for h := range s.dirty {
		if err := cb.Put([]byte(h), []byte(s.cookies[h])); err != nil {
			return err
		}
	}
	clear(s.visited)
	clear(s.dirty)
	return nil
}

func (s *boltState) duplicate(urlKey string, sha []byte) (string, error) {
	why := ""
	err := s.db.View(func(tx *bolt.Tx) error {
		switch {
		case tx.Bucket(oldBucketEmitted).Get([]byte(urlKey)) != nil:
			why = skipDuplicateURL
		case tx.Bucket(bucketSHA).Get(sha) != nil:
			why = skipDuplicateContent
		}
		return nil
	})
	return why, err
}

func (s *boltState) isDone(key string) (bool, error) {
	done := false
	err := s.db.View(func(tx *bolt.Tx) error {
		done = bytes.Equal(tx.Bucket(oldBucketSeen).Get([]byte(key)), []byte{'d'})
		return nil
	})
	return done, err
}

func (s *boltState) release(key string) {
	s.mu.Lock()
	delete(s.handed, key)
	s.mu.Unlock()
}

func (s *boltState) abandon() error {
	s.mu.Lock()
	keys := make([]string, 0, len(s.handed))
	for k := range s.handed {
		keys = append(keys, k)
	}
	s.mu.Unlock()
	for _, k := range keys {
		if _, _, err := s.finish(&finishing{key: k}); err != nil {
			return err
		}
	}
	return nil
}

// Close writes what is kept in memory and closes the file; a state with
// no directory is removed.
func (s *boltState) Close() error {
	err := s.db.Update(s.flush)
	if e := s.db.Sync(); err == nil {
		err = e
	}
	if e := s.db.Close(); err == nil {
		err = e
	}
	s.removeTemp()
	return err
}

func idKey(id uint64) []byte {
	return binary.BigEndian.AppendUint64(make([]byte, 0, 8), id)
}

// idProbe learns the request id Colly gives a URL by asking a collector
// whether the URL was visited and recording the question: the hash is
// Colly's business, and copying it would break silently if it changed.
type idProbe struct {
	c    *colly.Collector
	last uint64
}

func newIDProbe() *idProbe {
	p := &idProbe{c: &colly.Collector{}}
	p.c.Init()
	p.c.SetStorage(p)
	return p
}

func (p *idProbe) id(u string) uint64 {
	p.last = 0
	p.c.HasVisited(u)
	return p.last
}

func (p *idProbe) Init() error                       { return nil }
func (p *idProbe) Visited(uint64) error              { return nil }
func (p *idProbe) IsVisited(id uint64) (bool, error) { p.last = id; return false, nil }
func (p *idProbe) Cookies(*url.URL) string           { return "" }
func (p *idProbe) SetCookies(*url.URL, string)       {}
