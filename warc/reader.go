package warc

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"
	"sync"
	"time"

	"github.com/klauspost/compress/gzip"

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
	Duplicates int64 // articles not returned: a story Seen already
	NotArticle int64 // pages that are not articles (listings, AMP copies, no article body)
	Revisits   int64 // revisit records of pages
	Unresolved int64 // revisits whose original is not in the input before them
	Errors     int64 // records skipped with a RecordError
}

// A Reader reads the articles of a WARC file: it re-extracts every
// status 200 HTML response, and every revisit of one whose original came
// earlier in the same file, as a crawl that fetched it would have
// delivered it, each story once (see Seen). It reads WARC 1.0 and 1.1, gzipped per record, gzipped
// whole or not at all, validating digests. It streams: memory does not
// grow with the file, except for a small index of the pages seen, which
// revisits refer to.
//
// A Reader is not safe for concurrent use, except for Stats.
type Reader struct {
	// Extractor extracts the pages; its zero value is Extract's.
	Extractor scoop.Extractor
	// MaxRecordSize bounds the bytes of one record; a longer one is
	// skipped with ErrRecordTooLarge. Zero means DefaultMaxRecordSize.
	MaxRecordSize int64
	// Seen holds the stories delivered so far; NewReader makes an empty
	// one. Readers of several files that share one deliver each story
	// once over all of them. Nil delivers every article read.
	Seen *Seen

	name   string
	ra     io.ReaderAt // to re-read the original of a revisit; nil if the input cannot
	cr     *countingReader
	br     *bufio.Reader // over cr
	budget budgetReader  // over br (plain) or the gzip member (gzipped)
	in     *bufio.Reader // what gowarc reads: over budget
	um     gowarc.Unmarshaler
	skim   gowarc.Unmarshaler // for records of no use, without keeping or checking their blocks

	started  bool
	gzipped  bool
	zr       *gzip.Reader
	inMember bool
	member   int64 // offset of the current gzip member
	first    bool  // the next record starts its member
	curFirst bool  // the record last returned by next started its member
	parsed   int64 // records parsed
	attempts int64 // records tried, parsed or not

	byID     map[string]recordAt // record ID of a page -> where it is
	byDigest map[string]recordAt // payload digest of a page -> where it is
	recPos   int64               // where the record next returned starts in its gzip member, uncompressed

	items   chan []item   // batches of pages read ahead; closed at the end
	pending []item        // the rest of the batch Read is taking from
	stop    chan struct{} // closed by Close
	done    chan struct{} // closed when the reading ahead has stopped
	err     error         // io.EOF or a fatal error, returned from then on

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
	rd.um = newUnmarshaler(readOptions...)
	rd.byID, rd.byDigest = map[string]recordAt{}, map[string]recordAt{}
	rd.Seen = &Seen{}
	return rd
}

// Seen is what a crawl's frontier remembers of the stories it delivered,
// for reading archives as a crawl delivers: a story (the same URL key)
// is delivered once, a page byte for byte identical to one delivered
// from the same host is not delivered again, and the same title and
// text under another address is delivered with DuplicateOf naming the
// first. It grows with the stories delivered (about 200 bytes each),
// not with the bytes read. Its zero value is empty; it is not safe for
// concurrent use.
type Seen struct {
	keys, bodies map[string]bool
	content      map[string]string // content hash -> url of the first
}

// deliver reports whether a crawl would deliver rec, noting it.
func (s *Seen) deliver(rec *scoop.Record, d *scoop.Delivery) bool {
	if s.keys == nil {
		s.keys, s.bodies, s.content = map[string]bool{}, map[string]bool{}, map[string]string{}
	}
	body := d.Host + " " + d.BodySHA
	if s.keys[d.Key] || s.bodies[body] {
		return false
	}
	if first, ok := s.content[d.ContentSHA]; ok {
		rec.DuplicateOf = first
	} else {
		s.content[d.ContentSHA] = d.URL
	}
	s.keys[d.Key], s.bodies[body] = true, true
	return true
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
// While the caller extracts pages, a goroutine reads the next records
// ahead (a few batches of pages at most), so that reading the file
// overlaps with extraction. A caller that stops before io.EOF calls
// Close.
func (r *Reader) Read() (*scoop.Record, error) {
	if r.items == nil {
		r.items, r.stop, r.done = make(chan []item, 1), make(chan struct{}), make(chan struct{})
		go r.readAhead(r.stop)
	}
	for {
		if r.err != nil {
			return nil, r.err
		}
		if len(r.pending) == 0 {
			batch, ok := <-r.items
			if !ok {
				r.err = io.EOF
				return nil, io.EOF
			}
			r.pending = batch
		}
		it := r.pending[0]
		r.pending[0] = item{} // let the page go once extracted
		r.pending = r.pending[1:]
		if it.err != nil {
			var re *RecordError
			if !errors.As(it.err, &re) {
				r.err = it.err
			}
			return nil, it.err
		}
		rec, del, err := r.Extractor.PageRecord(it.body, it.url, it.contentType, it.date)
		switch {
		case errors.Is(err, scoop.ErrNoArticle), errors.Is(err, scoop.ErrEmpty), errors.Is(err, scoop.ErrNotHTML):
			r.count(func(s *Stats) { s.NotArticle++ })
			continue
		case err != nil:
			r.count(func(s *Stats) { s.Errors++ })
			return nil, &RecordError{File: r.name, Offset: it.loc.WARCOffset, RecordID: it.loc.WARCRecordID, URL: it.url, Err: err}
		}
		if r.Seen != nil && !r.Seen.deliver(rec, del) {
			r.count(func(s *Stats) { s.Duplicates++ })
			continue
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

// Batches of read-ahead pages: a batch is handed over when it holds
// batchPages pages or batchBytes bytes of them. Handed over one at a
// time, every page woke the reading goroutine and the two goroutines
// took turns page by page, which cost about a fifth more CPU time than
// reading and extracting the same pages one after the other
// (BenchmarkReadRatio). Batches of 32 pages cut that by about half;
// 64 did no better, and the whole file at once was worse (nothing
// overlaps). At most three batches are held at once: the one being
// read, one in the channel and the one Read takes from.
const (
	batchPages = 32
	batchBytes = 2 << 20
)

// readAhead reads the pages and errors of the input into r.items, in
// batches, until the end of the input, a fatal error, or Close, which
// closes stop. (It is given stop rather than reading r.stop, which
// Close sets to nil: a receive from nil would never end.)
func (r *Reader) readAhead(stop <-chan struct{}) {
	defer close(r.done)
	defer close(r.items)
	var batch []item
	size := 0
	send := func() bool {
		if len(batch) == 0 {
			return true
		}
		select {
		case r.items <- batch:
			batch, size = make([]item, 0, batchPages), 0
			return true
		case <-stop:
			return false
		}
	}
	defer func() { send() }()
	for {
		select {
		case <-stop:
			return
		default:
		}
		wr, off, err := r.next()
		if err == io.EOF {
			return
		}
		var it *item
		if err != nil {
			var re *RecordError
			if !errors.As(err, &re) {
				batch = append(batch, item{err: err})
				return
			}
			r.count(func(s *Stats) { s.Errors++ })
			it = &item{err: err}
		} else {
			it, err = r.page(wr, off)
			wr.Close()
			if err != nil {
				r.count(func(s *Stats) { s.Errors++ })
				it = &item{err: err}
			}
			if it == nil {
				continue
			}
		}
		// Errors count towards a batch too, so that a file of nothing
		// but damaged records is not held whole.
		batch = append(batch, *it)
		if size += len(it.body); (len(batch) >= batchPages || size >= batchBytes) && !send() {
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
		at := recordAt{off: off}
		if r.gzipped && !r.curFirst {
			at.inflated = r.recPos
		}
		r.byID[h.Get(gowarc.WarcRecordID)] = at
		if d := h.Get(gowarc.WarcPayloadDigest); d != "" {
			r.byDigest[d] = at
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

// recordAt is where a record is: the offset of its gzip member (or of
// the record, in a file not gzipped) and, for a record that does not
// start its member (a whole-file gzip), how far into the inflated member.
type recordAt struct {
	off, inflated int64
}

// original reads the page a revisit refers to, from where it is.
func (r *Reader) original(at recordAt) (*payload, error) {
	var src io.Reader = io.NewSectionReader(r.ra, at.off, 1<<62)
	if at.inflated > 0 {
		// A record inside a gzip member: inflate the member up to it.
		zr, err := gzip.NewReader(src)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
		}
		zr.Multistream(false)
		if _, err := io.CopyN(io.Discard, zr, at.inflated); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrTruncated, err)
		}
		src = zr
	}
	sub := &Reader{name: r.name, cr: &countingReader{r: src}, MaxRecordSize: r.MaxRecordSize}
	sub.br = bufio.NewReaderSize(sub.cr, 64<<10)
	sub.um = newUnmarshaler(readOptions...)
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
