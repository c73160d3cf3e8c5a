package scoop

import (
	"bytes"
	"encoding/json"
	"io"
	"sync"
)

// RecordWriter writes Records as JSON Lines. Each record is encoded in
// full first and handed to the underlying writer in one Write, so that a
// crash leaves whole lines behind, never half of one. It is safe for
// concurrent use.
type RecordWriter struct {
	mu  sync.Mutex
	w   io.Writer
	buf bytes.Buffer
	enc *json.Encoder
}

// NewRecordWriter returns a RecordWriter writing to w.
func NewRecordWriter(w io.Writer) *RecordWriter {
	rw := &RecordWriter{w: w}
	rw.enc = json.NewEncoder(&rw.buf)
	rw.enc.SetEscapeHTML(false)
	return rw
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
	w.buf.Reset()
	if err := w.enc.Encode(v); err != nil {
		return err
	}
	_, err := w.w.Write(w.buf.Bytes())
	return err
}
