package scoop

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	bolt "go.etcd.io/bbolt"
)

// OpenFrontier opens the default Frontier, a bbolt file in dir (created
// if needed); an empty dir gives a frontier in a temporary directory
// that Close removes. A directory held by another run gives
// ErrStateInUse, a damaged file ErrStateDamaged.
func OpenFrontier(dir string) (Frontier, error) { return openBolt(dir) }

func openBolt(dir string) (f *boltFrontier, err error) {
	f = &boltFrontier{hosts: map[string]*hostQueue{}, leases: map[string]*leaseRec{}}
	if dir == "" {
		tmp, err := os.MkdirTemp("", "scoop-state-")
		if err != nil {
			return nil, fmt.Errorf("scoop: state: %w", err)
		}
		dir, f.temp = tmp, tmp
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("scoop: state: %w", err)
	}
	path := filepath.Join(dir, stateFile)
	if err := checkFile(path); err != nil {
		// bbolt would map pages past the end of the file: SIGBUS, with
		// its lock held.
		f.removeTemp()
		return nil, fmt.Errorf("%w: %s: %v (remove %s to start over)", ErrStateDamaged, path, err, dir)
	}
	// A page of the mapped file past its end faults; made a panic, it
	// becomes ErrStateDamaged instead of a crash.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if p := recover(); p != nil {
			if f.db != nil {
				f.db.Close()
			}
			f.removeTemp()
			f, err = nil, fmt.Errorf("%w: %s: %v (remove %s to start over)", ErrStateDamaged, path, p, dir)
		}
	}()
	// NoSync: a killed process loses nothing the kernel has been handed,
	// and an fsync per page would cost more than fetching it. Close syncs.
	// NoGrowSync likewise: the file's size is the kernel's too.
	db, err := bolt.Open(path, 0o644, &bolt.Options{
		// The free list is kept in the file: rebuilt at open, it would be
		// read in a goroutine where a damaged page is a crash.
		Timeout: 500 * time.Millisecond, NoSync: true, NoGrowSync: true, FreelistType: bolt.FreelistMapType,
	})
	switch {
	case errors.Is(err, bolt.ErrTimeout):
		f.removeTemp()
		return nil, fmt.Errorf("%w: %s", ErrStateInUse, dir)
	case err != nil:
		f.removeTemp()
		return nil, fmt.Errorf("%w: %s: %v (remove %s to start over)", ErrStateDamaged, path, err, dir)
	}
	f.db = db
	if err := f.load(path); err != nil {
		db.Close()
		f.removeTemp()
		return nil, fmt.Errorf("%w: %s: %v (remove %s to start over)", ErrStateDamaged, path, err, dir)
	}
	return f, nil
}

// load checks the file and rebuilds the host queues from it.
func (f *boltFrontier) load(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	return f.db.Update(func(tx *bolt.Tx) error {
		if tx.Size() > fi.Size() {
			return fmt.Errorf("truncated to %d of %d bytes", fi.Size(), tx.Size())
		}
		// Every page read once, in this goroutine, where a damaged one
		// panics into the recover of openBolt (bbolt's own Check reads
		// them in a goroutine of its own, where a panic is a crash).
		if err := tx.ForEach(func(_ []byte, b *bolt.Bucket) error {
			return b.ForEach(func(_, _ []byte) error { return nil })
		}); err != nil {
			return err
		}
		for _, b := range [][]byte{bucketQueue, bucketSeen, bucketFailed, bucketEmitted, bucketContent, bucketBody} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketQueue).ForEach(func(k, v []byte) error {
			var e queueEntry
			if len(k) != 8 || json.Unmarshal(v, &e) != nil {
				return fmt.Errorf("bad queue entry %x", k)
			}
			f.enqueue(e.R.Host, binary.BigEndian.Uint64(k), time.Unix(0, e.NB))
			return nil
		})
	})
}

// checkFile checks what bbolt reads when it opens a file, which it
// trusts: the meta pages, the size they give the file and the free
// list's page. A damaged one would fault or panic inside bolt.Open, with
// the file's lock held.
func checkFile(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.Size() == 0 {
		return err
	}
	// Page header: id (8 bytes), flags (2), count (2), overflow (4).
	// Meta: magic, version, page size, flags (4 bytes each), root bucket
	// (16), free list page (8), high water mark (8), txid, checksum.
	var used, pageSize int64
	var freelist uint64
	var best uint64 // txid of the meta page bbolt will use
	for i := range 2 {
		var m [80]byte
		off := int64(i) * max(pageSize, 4096)
		if _, err := f.ReadAt(m[:], off); err != nil || binary.LittleEndian.Uint32(m[16:]) != 0xED0CDAED {
			continue
		}
		size := int64(binary.LittleEndian.Uint32(m[24:]))
		if pageSize == 0 {
			pageSize = size
		}
		if txid := binary.LittleEndian.Uint64(m[64:]); txid >= best {
			best, freelist = txid, binary.LittleEndian.Uint64(m[48:])
		}
		used = max(used, int64(binary.LittleEndian.Uint64(m[56:]))*size)
	}
	switch {
	case pageSize == 0:
		return errors.New("no valid meta page")
	case used > fi.Size():
		return fmt.Errorf("truncated to %d of %d bytes", fi.Size(), used)
	}
	var h [16]byte
	if _, err := f.ReadAt(h[:], int64(freelist)*pageSize); err != nil ||
		binary.LittleEndian.Uint64(h[:]) != freelist || binary.LittleEndian.Uint16(h[8:])&0x10 == 0 {
		return fmt.Errorf("free list page %d damaged", freelist)
	}
	return nil
}
