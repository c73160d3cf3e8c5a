package scoop

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// RecordWriter writes Records as JSON Lines. Each record is encoded in
// full first and handed to the underlying writer in one Write, so that
// lines from concurrent writes never mix. It is safe for concurrent use.
//
// A write that fails (a full disk, a file grown past its limit) must not
// leave half a line behind: when the writer can be cut back, as an
// *os.File can (Seek and Truncate), RecordWriter cuts off what it wrote
// of the line, so that the output ends with the last whole record. After
// a failed write it writes nothing more and returns that error again:
// appending to a line it could not cut back would spoil the next record
// too. A process killed in the middle of a write can still leave a
// partial last line; a reader resuming the file should drop a last line
// that has no newline, as the scoop command does.
type RecordWriter struct {
	mu   sync.Mutex
	w    io.Writer
	buf  bytes.Buffer
	enc  *json.Encoder
	sync bool
	err  error // the first failed write's, returned from then on

	f    *os.File        // the file OpenJSONL opened, closed by Close
	keys map[string]bool // URL keys of records not to write again
}

// NewRecordWriter returns a RecordWriter writing to w.
func NewRecordWriter(w io.Writer) *RecordWriter {
	rw := &RecordWriter{w: w}
	rw.enc = json.NewEncoder(&rw.buf)
	rw.enc.SetEscapeHTML(false)
	return rw
}

// SetSync makes each write commit the record to stable storage before it
// returns, when the writer has a Sync method (an *os.File). A Scraper
// records a delivery in its state after the callback returns, so a
// callback that writes with SetSync(true) knows that a record the state
// counts as delivered is on disk, even if the machine goes down: the
// state can lag the file but never run ahead of it. It costs an fsync
// per record.
func (w *RecordWriter) SetSync(on bool) {
	w.mu.Lock()
	w.sync = on
	w.mu.Unlock()
}

// Write writes r as one line. A writer from OpenJSONL skips a record
// with the URL key of one its file holds, or of the last record of an
// earlier run's file.
func (w *RecordWriter) Write(r *Record) error {
	if w.keys == nil {
		return w.WriteValue(r)
	}
	k := URLKey(r.URL)
	w.mu.Lock()
	dup := w.keys[k]
	w.mu.Unlock()
	if dup {
		return nil
	}
	if err := w.WriteValue(r); err != nil {
		return err
	}
	w.mu.Lock()
	w.keys[k] = true
	w.mu.Unlock()
	return nil
}

// outputsFile, in a state directory, lists the files that OpenJSONL
// opened for the crawl, one path a line.
const outputsFile = "outputs.txt"

// OpenJSONL opens a JSON Lines file of records for appending, creating
// it if needed, for a crawl with the given StateDir, and returns a
// writer that makes the file hold every article of the crawl exactly
// once, across runs stopped in any way, kill -9 included:
//
//   - each record is synced to disk before Write returns, and so before
//     the Scraper records its delivery;
//   - an unfinished last line, left by a killed run, is cut off;
//   - a record whose URL key the file holds already is not written again
//     (a run killed between writing a record and recording its delivery
//     delivers it again when resumed);
//   - with stateDir set, the file is noted in it, and the last record of
//     each file an earlier run noted is not written again either, so that
//     a new file per run holds no record an earlier file has.
//
// A path that is not a regular file (/dev/stdout, a pipe) is written to
// as it is, without any of that. Close closes the file.
func OpenJSONL(path, stateDir string) (*RecordWriter, error) {
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		// Reading back /dev/full would never end, and there is nothing
		// to read back from a pipe.
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
		if err != nil {
			return nil, fmt.Errorf("scoop: output: %w", err)
		}
		w := NewRecordWriter(f)
		w.f = f
		return w, nil
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("scoop: output: %w", err)
	}
	w := NewRecordWriter(f)
	w.f, w.sync, w.keys = f, true, map[string]bool{}
	good, _, err := scanJSONL(f, func(key string) { w.keys[key] = true })
	if err == nil {
		err = f.Truncate(good)
	}
	if err == nil {
		_, err = f.Seek(good, io.SeekStart)
	}
	if err == nil && stateDir != "" {
		err = w.noteOutput(path, stateDir)
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("scoop: output %s: %w", path, err)
	}
	return w, nil
}

// noteOutput adds the last record of each file noted in stateDir to the
// keys not to write, and notes path there.
func (w *RecordWriter) noteOutput(path, stateDir string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(stateDir, 0o755); err != nil {
		return err
	}
	list := filepath.Join(stateDir, outputsFile)
	b, err := os.ReadFile(list)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	noted := false
	for p := range strings.SplitSeq(string(b), "\n") {
		if p == abs {
			noted = true
			continue
		}
		if p == "" {
			continue
		}
		if f, err := os.Open(p); err == nil {
			// Deliveries are one at a time: only a file's last record
			// can have been written and not recorded.
			_, last, _ := scanJSONL(f, nil)
			f.Close()
			if last != "" {
				w.keys[last] = true
			}
		}
	}
	if noted {
		return nil
	}
	lf, err := os.OpenFile(list, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	_, err = lf.WriteString(abs + "\n")
	if err == nil {
		err = lf.Sync()
	}
	return errors.Join(err, lf.Close())
}

// scanJSONL reads records from r, calling each with the URL key of each
// whole line, and returns the length of the whole lines and the key of
// the last one.
func scanJSONL(r io.Reader, each func(key string)) (good int64, last string, err error) {
	br := bufio.NewReaderSize(r, 1<<20)
	for {
		line, err := br.ReadBytes('\n')
		if err == io.EOF {
			return good, last, nil // a last line without its newline is unfinished
		}
		if err != nil {
			return good, last, err
		}
		good += int64(len(line))
		var rec struct {
			URL string `json:"url"`
		}
		if json.Unmarshal(line, &rec) != nil {
			continue
		}
		if k := URLKey(rec.URL); k != "" {
			last = k
			if each != nil {
				each(k)
			}
		}
	}
}

// Close closes the file that OpenJSONL opened; for a writer made by
// NewRecordWriter it does nothing.
func (w *RecordWriter) Close() error {
	if w.f == nil {
		return nil
	}
	return w.f.Close()
}

// WriteValue writes any JSON-encodable v as one line, for callers that
// write a reduced form of their records.
func (w *RecordWriter) WriteValue(v any) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err != nil {
		return w.err
	}
	w.buf.Reset()
	if err := w.enc.Encode(v); err != nil {
		return err // nothing written: a value that cannot be encoded spoils nothing
	}
	n, err := w.w.Write(w.buf.Bytes())
	if err == nil && n < w.buf.Len() {
		err = io.ErrShortWrite
	}
	if err != nil {
		if n > 0 {
			err = w.retract(int64(n), err)
		}
		w.err = err
		return err
	}
	if s, ok := w.w.(interface{ Sync() error }); ok && w.sync {
		if err := s.Sync(); err != nil {
			// Whether the line reached the disk is unknown; what follows
			// would be no better.
			w.err = err
			return err
		}
	}
	return nil
}

// retract cuts off the n bytes of a line that a failed write left, when
// the writer allows it, and returns the error to report.
func (w *RecordWriter) retract(n int64, werr error) error {
	f, ok := w.w.(interface {
		io.Seeker
		Truncate(size int64) error
	})
	if !ok {
		return fmt.Errorf("%w (a partial line of %d bytes is left)", werr, n)
	}
	// The offset is past the partial line, in append mode too.
	end, err := f.Seek(0, io.SeekCurrent)
	if err == nil && end < n {
		err = errors.New("the offset is not past it")
	}
	if err == nil {
		err = f.Truncate(end - n)
	}
	if err == nil {
		_, err = f.Seek(end-n, io.SeekStart)
	}
	if err != nil {
		return fmt.Errorf("%w (a partial line of %d bytes is left: %v)", werr, n, err)
	}
	return werr
}
