package warc

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"

	"github.com/klauspost/compress/gzip"
	gowarc "github.com/nlnwa/gowarc/v3"
)

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
		um := r.um
		if peekHeader(r.in) {
			if r.skim == nil {
				r.skim = newUnmarshaler(gowarc.WithNoValidation())
			}
			um = r.skim
		}
		// Where the record starts inside its gzip member, uncompressed:
		// a whole-file gzip has one member, and a revisit's original is
		// found again by inflating it up to there.
		r.recPos = r.budget.n - int64(r.in.Buffered())
		wr, skipped, validation, err := um.Unmarshal(r.in)
		if !r.gzipped {
			off += skipped
		} else {
			r.recPos += skipped
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
		r.budget.r, r.budget.n = r.zr, 0
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

// peekHeader looks at the header of the record about to be read, in
// the reader's buffer, and reports whether the record is one the Reader
// has no use for (a request, metadata, warcinfo…), which is then only
// skipped rather than parsed and checked in full.
//
// It also blanks out the angle brackets around a target URI in the
// buffer: WARC 1.0 writers such as Wget bracket it (<http://…>), and
// gowarc drops a value it cannot parse as a URL; padded with spaces, it
// parses.
func peekHeader(in *bufio.Reader) (skip bool) {
	head, _ := in.Peek(min(in.Size(), 4096))
	end := bytes.Index(head, []byte("\r\n\r\n"))
	if end < 0 {
		return false
	}
	typ := ""
	for line := range bytes.SplitSeq(head[:end], []byte("\r\n")) {
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			continue
		}
		switch n := string(bytes.TrimSpace(name)); {
		case strings.EqualFold(n, "WARC-Type"):
			typ = strings.ToLower(string(bytes.TrimSpace(value)))
		case strings.EqualFold(n, "WARC-Target-URI"), strings.EqualFold(n, "WARC-Refers-To-Target-URI"):
			v := bytes.TrimSpace(value)
			if len(v) >= 2 && v[0] == '<' && v[len(v)-1] == '>' {
				// The slice is the reader's own buffer, peeked, not yet read.
				v[0], v[len(v)-1] = ' ', ' '
			}
		}
	}
	if typ == "response" {
		return !mayBePage(head[end+4:])
	}
	return typ != "" && typ != "revisit"
}

// mayBePage reads the start of a response block and reports false when
// its HTTP header, whole in b, says it is no status 200 HTML page.
func mayBePage(b []byte) bool {
	end := bytes.Index(b, []byte("\r\n\r\n"))
	if end < 0 || !bytes.HasPrefix(b, []byte("HTTP/")) {
		return true
	}
	lines := bytes.Split(b[:end], []byte("\r\n"))
	if f := bytes.Fields(lines[0]); len(f) < 2 || string(f[1]) != "200" {
		return false
	}
	for _, line := range lines[1:] {
		if name, value, ok := bytes.Cut(line, []byte(":")); ok && strings.EqualFold(string(bytes.TrimSpace(name)), "Content-Type") {
			return htmlType(string(value))
		}
	}
	return true
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
	n       int64       // bytes read through it since the current gzip member began
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
	b.n += int64(n)
	return n, err
}

func isGzipError(err error) bool {
	return errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader)
}
