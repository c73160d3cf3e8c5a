package scoop

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
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

// Write writes r as one line.
func (w *RecordWriter) Write(r *Record) error {
	return w.WriteValue(r)
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
