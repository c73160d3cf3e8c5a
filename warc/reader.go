package warc

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"github.com/klauspost/compress/gzip"
	"io"
	"iter"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	gowarc "github.com/nlnwa/gowarc/v3"
	"github.com/scoopkit/scoop"
)

// Errors of the records a Reader skips, usable with errors.Is on the
// *RecordError that reports them.
var (
	// ErrNotWARC is returned when the input does not start with a WARC
	// record, gzipped or not. It ends the reading.
	ErrNotWARC = errors.New("scoop: not a WARC file")
	// ErrCorrupt marks a record that cannot be parsed or whose gzip
	// member is damaged.
	ErrCorrupt = errors.New("scoop: corrupt WARC record")
	// ErrTruncated marks a record cut short by the end of the input, as
	// a process killed while writing leaves the last one.
	ErrTruncated = errors.New("scoop: truncated WARC record")
	// ErrDigest marks a record whose block or payload does not match its
	// digest, or whose length is not the one its header gives.
	ErrDigest = errors.New("scoop: WARC record digest mismatch")
	// ErrRecordTooLarge marks a record longer than Reader.MaxRecordSize.
	ErrRecordTooLarge = errors.New("scoop: WARC record too large")
)

// DefaultMaxRecordSize is the longest record a Reader reads when
// MaxRecordSize is zero.
const DefaultMaxRecordSize = 64 << 20

// A RecordError reports a record that a Reader skipped: where it is and
// why. The Reader goes on with the next record.
type RecordError struct {
	File     string
	Offset   int64
	RecordID string // empty when the header could not be read
	URL      string
	Err      error
}

func (e *RecordError) Error() string {
	s := fmt.Sprintf("%s at offset %d", e.File, e.Offset)
	if e.URL != "" {
		s += " (" + e.URL + ")"
	}
	return s + ": " + e.Err.Error()
}

// Unwrap returns the cause.
func (e *RecordError) Unwrap() error { return e.Err }

// Stats counts what a Reader has read.
type Stats struct {
	Records    int64 // WARC records read, skipped ones included
	Pages      int64 // status 200 HTML responses and revisits of them
	Articles   int64 // records returned
	NotArticle int64 // pages that are not articles (listings, AMP copies, no article body)
	Revisits   int64 // revisit records of pages
	Unresolved int64 // revisits whose original is not in the input before them
	Errors     int64 // records skipped with a RecordError
}

// A Reader reads the articles of a WARC file: it re-extracts every
// status 200 HTML response, and every revisit of one whose original came
// earlier in the same file, as a crawl that fetched it would have
// delivered it. It reads WARC 1.0 and 1.1, gzipped per record, gzipped
// whole or not at all, validating digests. It streams: memory does not
// grow with the file, except for a small index of the pages seen, which
// revisits refer to.
//
// A Reader is not safe for concurrent use.
type Reader struct {
	// Extractor extracts the pages; its zero value is Extract's.
	Extractor scoop.Extractor
	// MaxRecordSize bounds the bytes of one record; a longer one is
	// skipped with ErrRecordTooLarge. Zero means DefaultMaxRecordSize.
	MaxRecordSize int64

	name   string
	ra     io.ReaderAt // to re-read the original of a revisit; nil if the input cannot
	cr     *countingReader
	br     *bufio.Reader // over cr
	budget budgetReader  // over br (plain) or the gzip member (gzipped)
	in     *bufio.Reader // what gowarc reads: over budget
	um     gowarc.Unmarshaler

	started  bool
	gzipped  bool
	zr       *gzip.Reader
	inMember bool
	member   int64 // offset of the current gzip member
	first    bool  // the next record starts its member
	curFirst bool  // the record last returned by next started its member
	parsed   int64 // records parsed
	attempts int64 // records tried, parsed or not

	byID     map[string]int64 // record ID of a page -> its offset
	byDigest map[string]int64 // payload digest of a page -> its offset

	items chan item     // pages read ahead; closed at the end
	stop  chan struct{} // closed by Close
	done  chan struct{} // closed when the reading ahead has stopped
	err   error         // io.EOF or a fatal error, returned from then on

	mu    sync.Mutex
	stats Stats
}

// NewReader returns a Reader of the WARC file r, whose name goes into
// the records' WARCFile. When r is an io.ReaderAt (an *os.File),
// revisit records are resolved by re-reading their original.
func NewReader(r io.Reader, name string) *Reader {
	rd := &Reader{name: name, cr: &countingReader{r: r}}
	rd.ra, _ = r.(io.ReaderAt)
	rd.br = bufio.NewReaderSize(rd.cr, 64<<10)
	rd.um = gowarc.NewUnmarshaler(readOptions...)
	rd.byID, rd.byDigest = map[string]int64{}, map[string]int64{}
	return rd
}

// readOptions validate digests and lengths without failing the parse,
// so that the Reader can name what is wrong.
var readOptions = []gowarc.WarcRecordOption{
	gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
	gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn),
	gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
}

// Stats returns the counts so far.
func (r *Reader) Stats() Stats {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.stats
}

// All returns the records of Read as an iterator. It yields a
// *RecordError for each record skipped and goes on; it stops at the end
// of the input, after yielding any error that ends the reading.
func (r *Reader) All() iter.Seq2[*scoop.Record, error] {
	return func(yield func(*scoop.Record, error) bool) {
		defer r.Close()
		for {
			rec, err := r.Read()
			if err == io.EOF {
				return
			}
			var re *RecordError
			if !yield(rec, err) || (err != nil && !errors.As(err, &re)) {
				return
			}
		}
	}
}

// Read returns the next article. At the end of the input it returns
// io.EOF. A record that cannot be read or extracted is reported as a
// *RecordError, after which Read may be called again for the next one;
// any other error ends the reading and is returned again by later calls.
//
// While the caller extracts one page, a goroutine reads the next records
// ahead (a few pages at most), so that reading the file overlaps with
// extraction. A caller that stops before io.EOF calls Close.
func (r *Reader) Read() (*scoop.Record, error) {
	if r.items == nil {
		r.items, r.stop, r.done = make(chan item, 4), make(chan struct{}), make(chan struct{})
		go r.readAhead()
	}
	for {
		if r.err != nil {
			return nil, r.err
		}
		it, ok := <-r.items
		if !ok {
			r.err = io.EOF
			return nil, io.EOF
		}
		if it.err != nil {
			var re *RecordError
			if !errors.As(it.err, &re) {
				r.err = it.err
			}
			return nil, it.err
		}
		rec, err := r.Extractor.PageRecord(it.body, it.url, it.contentType, it.date)
		switch {
		case errors.Is(err, scoop.ErrNoArticle), errors.Is(err, scoop.ErrEmpty), errors.Is(err, scoop.ErrNotHTML):
			r.count(func(s *Stats) { s.NotArticle++ })
			continue
		case err != nil:
			r.count(func(s *Stats) { s.Errors++ })
			return nil, &RecordError{File: r.name, Offset: it.loc.WARCOffset, RecordID: it.loc.WARCRecordID, URL: it.url, Err: err}
		}
		rec.Status = it.status
		rec.WARCLocation = it.loc
		r.count(func(s *Stats) { s.Articles++ })
		return rec, nil
	}
}

// Close stops the reading ahead of a Reader not read to the end and
// waits for it, after which the input may be closed. It is a no-op once
// Read has returned io.EOF or a fatal error.
func (r *Reader) Close() error {
	if r.items != nil && r.stop != nil {
		r.budget.stopped.Store(true)
		close(r.stop)
		r.stop = nil
		<-r.done
	}
	return nil
}

// item is a page read ahead, or an error, for Read.
type item struct {
	body        []byte
	url         string
	contentType string
	status      int
	date        time.Time
	loc         scoop.WARCLocation
	err         error
}

// readAhead reads the pages and errors of the input into r.items until
// the end of the input, a fatal error, or Close.
func (r *Reader) readAhead() {
	defer close(r.done)
	defer close(r.items)
	send := func(it item) bool {
		select {
		case r.items <- it:
			return true
		case <-r.stop:
			return false
		}
	}
	for {
		wr, off, err := r.next()
		if err == io.EOF {
			return
		}
		if err != nil {
			var re *RecordError
			fatal := !errors.As(err, &re)
			if !fatal {
				r.count(func(s *Stats) { s.Errors++ })
			}
			if !send(item{err: err}) || fatal {
				return
			}
			continue
		}
		it, err := r.page(wr, off)
		wr.Close()
		if err != nil {
			r.count(func(s *Stats) { s.Errors++ })
			it = &item{err: err}
		}
		if it != nil && !send(*it) {
			return
		}
	}
}

// count updates the stats, which Read's caller and the reading ahead
// share.
func (r *Reader) count(f func(*Stats)) {
	r.mu.Lock()
	f(&r.stats)
	r.mu.Unlock()
}

// page decodes the page one WARC record holds, or returns nil when the
// record is not a page.
func (r *Reader) page(wr gowarc.WarcRecord, off int64) (*item, error) {
	h := wr.WarcHeader()
	// WARC 1.0 writers such as Wget put the address in angle brackets.
	target := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(h.Get(gowarc.WarcTargetURI)), "<"), ">")
	fail := func(err error) error {
		return &RecordError{File: r.name, Offset: off, RecordID: h.Get(gowarc.WarcRecordID), URL: target, Err: err}
	}
	var p *payload
	switch wr.Type() {
	case gowarc.Response:
		var err error
		p, err = responsePayload(wr)
		if err != nil || p == nil {
			return nil, errOr(err, fail)
		}
		r.count(func(s *Stats) { s.Pages++ })
		if r.curFirst || !r.gzipped {
			r.byID[h.Get(gowarc.WarcRecordID)] = off
			if d := h.Get(gowarc.WarcPayloadDigest); d != "" {
				r.byDigest[d] = off
			}
		}
	case gowarc.Revisit:
		orig, ok := r.byID[h.Get(gowarc.WarcRefersTo)]
		if !ok {
			orig, ok = r.byDigest[h.Get(gowarc.WarcPayloadDigest)]
		}
		if !ok || r.ra == nil {
			if isHTMLRevisit(wr) {
				r.count(func(s *Stats) { s.Revisits++; s.Unresolved++ })
			}
			return nil, nil
		}
		r.count(func(s *Stats) { s.Revisits++; s.Pages++ })
		var err error
		p, err = r.original(orig)
		if err != nil || p == nil {
			return nil, errOr(err, fail)
		}
	default:
		return nil, nil
	}
	if p.close != nil {
		defer p.close()
	}
	date, err := wr.Date()
	if err != nil {
		return nil, fail(fmt.Errorf("%w: WARC-Date: %v", ErrCorrupt, err))
	}
	body, err := p.body(r.Extractor.MaxBytes)
	if err != nil {
		return nil, fail(err)
	}
	return &item{body: body, url: target, contentType: p.contentType, status: p.status, date: date,
		loc: scoop.WARCLocation{WARCFile: r.name, WARCRecordID: h.Get(gowarc.WarcRecordID), WARCOffset: off}}, nil
}

func errOr(err error, fail func(error) error) error {
	if err == nil {
		return nil
	}
	return fail(err)
}

// original reads the page a revisit refers to, from its offset.
func (r *Reader) original(off int64) (*payload, error) {
	sub := &Reader{name: r.name, cr: &countingReader{r: io.NewSectionReader(r.ra, off, 1<<62)}, MaxRecordSize: r.MaxRecordSize}
	sub.br = bufio.NewReaderSize(sub.cr, 64<<10)
	sub.um = gowarc.NewUnmarshaler(readOptions...)
	wr, _, err := sub.next()
	if err != nil {
		return nil, err
	}
	p, err := responsePayload(wr)
	if p == nil {
		wr.Close()
		return nil, err
	}
	p.close = wr.Close
	return p, nil
}

// next returns the next WARC record and its offset: that of its gzip
// member, or of the record in a file not gzipped.
func (r *Reader) next() (gowarc.WarcRecord, int64, error) {
	max := r.MaxRecordSize
	if max <= 0 {
		max = DefaultMaxRecordSize
	}
	if !r.started {
		if err := r.start(); err != nil {
			return nil, 0, err
		}
	}
	for {
		var off int64
		if r.gzipped {
			if !r.inMember {
				ok, err := r.openMember()
				if !ok || err != nil {
					return nil, 0, err
				}
			}
			off = r.member
		} else {
			off = r.cr.n - int64(r.br.Buffered()) - int64(r.in.Buffered())
		}
		r.budget.left = max + int64(r.in.Size())
		unbracket(r.in)
		wr, skipped, validation, err := r.um.Unmarshal(r.in)
		if !r.gzipped {
			off += skipped
		}
		if err == io.EOF && skipped == 0 {
			if !r.gzipped {
				return nil, 0, io.EOF
			}
			if err := r.closeMember(); err != nil {
				return nil, 0, err
			}
			continue
		}
		r.attempts++
		r.count(func(s *Stats) { s.Records++ })
		if err != nil {
			if wr != nil {
				wr.Close()
			}
			return nil, 0, r.recordError(off, err)
		}
		r.parsed++
		r.curFirst, r.first = r.first, false
		if r.gzipped {
			// Read to the member's end now, so that a damaged member is
			// reported before its record is used.
			if _, perr := r.in.Peek(1); perr == io.EOF {
				if err := r.closeMember(); err != nil {
					wr.Close()
					return nil, 0, err
				}
			} else if perr != nil {
				wr.Close()
				return nil, 0, r.recordError(off, perr)
			}
		}
		if err := r.damaged(wr, off, validation); err != nil {
			wr.Close()
			return nil, 0, err
		}
		for _, v := range validation {
			var de *gowarc.DigestError
			var le *gowarc.ContentLengthError
			if errors.As(v, &de) || errors.As(v, &le) {
				kind := ErrDigest
				if le != nil && le.Actual < le.Expected && !r.gzipped {
					if _, perr := r.in.Peek(1); perr == io.EOF {
						kind = ErrTruncated
					}
				}
				err := &RecordError{File: r.name, Offset: off, RecordID: wr.WarcHeader().Get(gowarc.WarcRecordID),
					URL: wr.WarcHeader().Get(gowarc.WarcTargetURI), Err: fmt.Errorf("%w: %v", kind, v)}
				wr.Close()
				return nil, 0, err
			}
		}
		return wr, off, nil
	}
}

// damaged reports a record whose header is broken: cut by the end of a
// file not gzipped (where nothing else marks the cut), or missing its
// length.
func (r *Reader) damaged(wr gowarc.WarcRecord, off int64, validation []error) error {
	var syntax bool
	for _, v := range validation {
		var se *gowarc.SyntaxError
		var he *gowarc.HeaderFieldError
		if errors.As(v, &se) || errors.As(v, &he) || strings.Contains(v.Error(), "end of record") {
			syntax = true
		}
	}
	kind := ErrCorrupt
	if !r.gzipped {
		if _, perr := r.in.Peek(1); perr == io.EOF {
			kind = ErrTruncated
		}
	}
	if syntax && (kind == ErrTruncated || !wr.WarcHeader().Has(gowarc.ContentLength)) {
		return &RecordError{File: r.name, Offset: off, RecordID: wr.WarcHeader().Get(gowarc.WarcRecordID),
			Err: fmt.Errorf("%w: %v", kind, errors.Join(validation...))}
	}
	return nil
}

// start reads the first bytes to tell a gzipped file from a plain one
// and a WARC file from anything else.
func (r *Reader) start() error {
	r.started = true
	head, err := r.br.Peek(5)
	if len(head) == 0 && err == io.EOF {
		return io.EOF
	}
	switch {
	case len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b:
		r.gzipped = true
		r.in = bufio.NewReaderSize(&r.budget, 64<<10)
	case string(head) == "WARC/":
		r.budget.r = r.br
		r.in = bufio.NewReaderSize(&r.budget, 64<<10)
	default:
		return fmt.Errorf("%w: %s starts with %q", ErrNotWARC, r.name, head)
	}
	return nil
}

// openMember starts the next gzip member, skipping any junk before it.
// It reports false at the end of the input.
func (r *Reader) openMember() (bool, error) {
	for {
		off := r.cr.n - int64(r.br.Buffered())
		head, err := r.br.Peek(3)
		if len(head) == 0 && err == io.EOF {
			return false, io.EOF
		}
		if err != nil && err != io.EOF {
			return false, err
		}
		if len(head) < 3 || head[0] != 0x1f || head[1] != 0x8b || head[2] != 8 {
			n := r.skipToMember()
			return false, &RecordError{File: r.name, Offset: off, Err: fmt.Errorf("%w: %d bytes that are no gzip member", ErrCorrupt, n)}
		}
		if r.zr == nil {
			r.zr, err = gzip.NewReader(r.br)
		} else {
			err = r.zr.Reset(r.br)
		}
		if err != nil {
			r.br.Discard(1)
			r.skipToMember()
			return false, &RecordError{File: r.name, Offset: off, Err: fmt.Errorf("%w: %v", ErrCorrupt, err)}
		}
		r.zr.Multistream(false)
		r.budget.r = r.zr
		r.in.Reset(&r.budget)
		r.inMember, r.member, r.first = true, off, true
		return true, nil
	}
}

// skipToMember discards bytes up to the next gzip header and returns
// how many.
func (r *Reader) skipToMember() int64 {
	var n int64
	for {
		head, _ := r.br.Peek(3)
		if len(head) < 3 || head[0] == 0x1f && head[1] == 0x8b && head[2] == 8 {
			if len(head) < 3 {
				d, _ := r.br.Discard(len(head))
				n += int64(d)
			}
			return n
		}
		r.br.Discard(1)
		n++
	}
}

// closeMember reads the current member to its end, which checks its
// CRC, so that the next one can start.
func (r *Reader) closeMember() error {
	r.inMember = false
	r.budget.left = 1 << 62
	if _, err := io.Copy(io.Discard, r.in); err != nil {
		off := r.member
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return &RecordError{File: r.name, Offset: off, Err: fmt.Errorf("%w: %v", ErrTruncated, err)}
		}
		r.skipToMember()
		return &RecordError{File: r.name, Offset: off, Err: fmt.Errorf("%w: %v", ErrCorrupt, err)}
	}
	return nil
}

// recordError reports a record that could not be parsed and moves past
// it.
func (r *Reader) recordError(off int64, err error) error {
	kind := ErrCorrupt
	switch {
	case errors.Is(err, errBudget):
		kind = ErrRecordTooLarge
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		kind = ErrTruncated
	}
	if r.parsed == 0 && r.attempts == 1 && kind == ErrCorrupt && !isGzipError(err) {
		return fmt.Errorf("%w: %s: %v", ErrNotWARC, r.name, err)
	}
	if r.gzipped && r.inMember {
		r.inMember = false
		r.budget.left = 1 << 62
		if _, cerr := io.Copy(io.Discard, r.in); cerr != nil && kind != ErrTruncated {
			r.skipToMember()
		}
	}
	if !r.gzipped && kind != ErrTruncated {
		r.skipToRecord()
	}
	return &RecordError{File: r.name, Offset: off, Err: fmt.Errorf("%w: %v", kind, err)}
}

// skipToRecord discards the rest of a record that could not be read, in
// a file not gzipped, up to what looks like the start of the next one.
// (gowarc would look for it a byte at a time.)
func (r *Reader) skipToRecord() {
	r.budget.left = 1 << 62
	magic := []byte("WARC/1.")
	for !r.budget.stopped.Load() {
		buf, err := r.in.Peek(r.in.Size())
		if i := bytes.Index(buf, magic); i >= 0 {
			r.in.Discard(i)
			return
		}
		if err != nil {
			r.in.Discard(len(buf))
			return
		}
		r.in.Discard(len(buf) - len(magic))
	}
}

// isHTMLRevisit reports whether a revisit record is of a status 200
// page or a 304 of one; a revisit of an image is not counted.
func isHTMLRevisit(wr gowarc.WarcRecord) bool {
	b, ok := wr.Block().(interface {
		HttpHeader() *http.Header
	})
	if !ok || b.HttpHeader() == nil {
		return true // headerless revisits are counted as pages
	}
	mt := strings.ToLower((*b.HttpHeader()).Get("Content-Type"))
	return mt == "" || strings.Contains(mt, "html")
}

// unbracket blanks out the angle brackets around the WARC-Target-URI
// of the record about to be read, in the reader's buffer. WARC 1.0
// writers such as Wget bracket it (<http://…>), and gowarc drops a
// value it cannot parse as a URL; padded with spaces, it parses.
func unbracket(in *bufio.Reader) {
	head, _ := in.Peek(min(in.Size(), 4096))
	end := bytes.Index(head, []byte("\r\n\r\n"))
	if end < 0 {
		return
	}
	head = head[:end+2]
	for _, name := range [][]byte{[]byte("\nWARC-Target-URI:"), []byte("\nWARC-Refers-To-Target-URI:")} {
		i := bytes.Index(head, name)
		if i < 0 {
			continue
		}
		line := head[i+len(name):]
		line = line[:bytes.IndexByte(line, '\r')]
		v := bytes.TrimSpace(line)
		if len(v) >= 2 && v[0] == '<' && v[len(v)-1] == '>' {
			// The slice is the reader's own buffer, peeked, not yet read.
			v[0], v[len(v)-1] = ' ', ' '
		}
	}
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// errBudget stops gowarc reading a record longer than allowed.
var errBudget = errors.New("record over the size limit")

// budgetReader fails once more than left bytes have been read through
// it, so that a header claiming gigabytes cannot keep the reader busy.
type budgetReader struct {
	r       io.Reader
	left    int64
	stopped atomic.Bool // set by Close: stop reading at once
}

// errStopped ends a read that Close interrupted.
var errStopped = errors.New("scoop: WARC reader closed")

func (b *budgetReader) Read(p []byte) (int, error) {
	if b.stopped.Load() {
		return 0, errStopped
	}
	if b.left <= 0 {
		return 0, errBudget
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.r.Read(p)
	b.left -= int64(n)
	return n, err
}

func isGzipError(err error) bool {
	return errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader)
}
