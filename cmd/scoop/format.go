package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/scoopkit/scoop"
)

// recordSink is where a command writes its records: JSON Lines or CSV.
type recordSink interface {
	Write(r *scoop.Record) error
	Close() error
}

// newSink returns the writer of format for w. A CSV sink writes its
// header row before its first record unless header is false (a file
// that has one already).
func newSink(format string, w io.Writer, header bool) (recordSink, error) {
	switch format {
	case "jsonl", "":
		return scoop.NewRecordWriter(w), nil
	case "csv":
		return &csvSink{w: w, header: header}, nil
	}
	return nil, usagef("unknown -format %q: want jsonl or csv", format)
}

// columns are the CSV columns: the JSON names of a Record's fields, in
// their order, embedded structs flattened, so that a field added to
// Record is a column without anyone listing it.
var columns = jsonNames(reflect.TypeFor[scoop.Record]())

func jsonNames(t reflect.Type) []string {
	var names []string
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch {
		case name == "-" || !f.IsExported():
		case f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct:
			names = append(names, jsonNames(f.Type)...)
		case name != "":
			names = append(names, name)
		default:
			names = append(names, f.Name)
		}
	}
	return names
}

// csvSink writes Records as CSV rows, one row per Write handed to w in
// one piece, as RecordWriter does with lines. Related stories are a
// JSON array in their cell, times are RFC 3339, absent values empty.
type csvSink struct {
	mu     sync.Mutex
	w      io.Writer
	f      *os.File        // the file of openCSV, closed by Close
	keys   map[string]bool // URL keys of the rows in the file: not written again
	header bool
	sync   bool // commit each row to stable storage
	buf    bytes.Buffer
	err    error
}

// Close closes the file of openCSV.
func (s *csvSink) Close() error {
	if s.f == nil {
		return nil
	}
	return s.f.Close()
}

func (s *csvSink) Write(r *scoop.Record) error {
	row, err := csvRow(r)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return s.err
	}
	k := scoop.URLKey(r.URL)
	if s.keys != nil && s.keys[k] {
		return nil // written by an earlier run killed before its state noted it
	}
	s.buf.Reset()
	cw := csv.NewWriter(&s.buf)
	if s.header {
		cw.Write(columns)
		s.header = false
	}
	cw.Write(row)
	cw.Flush()
	n, err := s.w.Write(s.buf.Bytes())
	if err == nil && s.sync {
		if f, ok := s.w.(*os.File); ok {
			err = f.Sync()
		}
	}
	if err != nil {
		if f, ok := s.w.(*os.File); ok && n > 0 {
			// Cut off the partial row, as RecordWriter does a line.
			if end, serr := f.Seek(0, io.SeekCurrent); serr == nil && end >= int64(n) && f.Truncate(end-int64(n)) == nil {
				f.Seek(end-int64(n), io.SeekStart)
			} else {
				err = fmt.Errorf("%w (a partial row of %d bytes is left)", err, n)
			}
		}
		s.err = err
		return err
	}
	if s.keys != nil {
		s.keys[k] = true
	}
	return nil
}

// openCSV opens a CSV records file for appending, as scoop.OpenJSONL
// does JSON Lines: a row a killed run left unfinished is cut off, the
// rows already there are indexed and not written again, and each row is
// on disk before the crawl's state counts it delivered. Rows span lines
// (texts hold newlines), so the file is read as CSV. A path that is not
// a regular file is written to as it is.
func openCSV(path string) (*csvSink, error) {
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
		if err != nil {
			return nil, err
		}
		return &csvSink{w: f, f: f, header: true}, nil
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	o := &csvSink{w: f, f: f, sync: true, keys: map[string]bool{}}
	cr := csv.NewReader(bufio.NewReaderSize(f, 1<<20))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	var good, prev int64
	urlCol := slices.Index(columns, "url")
	for n := 0; ; n++ {
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil || len(row) != len(columns) {
			break // an unfinished last row
		}
		if n == 0 {
			if !slices.Equal(row, columns) {
				f.Close()
				return nil, fmt.Errorf("%s is not a CSV file of scoop records: its header differs", path)
			}
		} else {
			o.keys[scoop.URLKey(row[urlCol])] = true
		}
		prev, good = good, cr.InputOffset()
	}
	if good > 0 {
		// A last row without its newline may still lack a field's end.
		var last [1]byte
		if _, err := f.ReadAt(last[:], good-1); err != nil || last[0] != '\n' {
			good = prev
		}
	}
	if err := f.Truncate(good); err != nil {
		f.Close()
		return nil, err
	}
	if _, err := f.Seek(good, io.SeekStart); err != nil {
		f.Close()
		return nil, err
	}
	o.header = good == 0
	return o, nil
}

// csvRow renders r through its JSON form, so that a cell holds what the
// JSON field would.
func csvRow(r *scoop.Record) ([]string, error) {
	b, err := json.Marshal(r)
	if err != nil {
		return nil, err
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	row := make([]string, len(columns))
	for i, c := range columns {
		v := m[c]
		switch {
		case len(v) == 0 || string(v) == "null":
		case v[0] == '"':
			s, err := strconv.Unquote(string(v))
			if err != nil {
				// JSON escapes Go does not read, such as \/: decode as JSON.
				if err := json.Unmarshal(v, &s); err != nil {
					return nil, fmt.Errorf("column %s: %w", c, err)
				}
			}
			row[i] = s
		default:
			row[i] = string(v)
		}
	}
	return row, nil
}
