package warc

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"github.com/klauspost/compress/gzip"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"strings"
	"sync"
	"time"

	gowarc "github.com/nlnwa/gowarc/v3"
	"github.com/scoopkit/scoop"
)

// RecorderOptions configure a Recorder. The zero value is the default.
type RecorderOptions struct {
	// MaxFileSize is the size at which a new file is started. Zero means
	// DefaultMaxFileSize.
	MaxFileSize int64
	// MaxBodySize bounds the bytes of a response body kept in its
	// record; a longer body is passed on whole but recorded cut, with
	// WARC-Truncated: length. Zero means scoop.DefaultMaxBytes.
	MaxBodySize int64
	// Sync commits each record to stable storage before the response
	// body's Close returns. It costs an fsync per response.
	Sync bool
}

// A Recorder is an http.RoundTripper that archives every exchange that
// goes through it as a WARC/1.1 request record and response record,
// linked by WARC-Concurrent-To, with block and payload digests and the
// server's IP address. It is safe for concurrent use.
//
// The response is recorded as it came on the wire: the Recorder asks
// for gzip itself (Accept-Encoding), keeps the compressed bytes in the
// record and inflates them for its caller, as http.Transport would. The
// records are written when the caller closes the response body, with
// the bytes the caller read: a body closed before its end, or longer
// than MaxBodySize, is recorded cut and marked WARC-Truncated. The
// body then knows the record's place: it is a scoop.ResponseNoter, which
// puts it in the crawl's Record, and Location reports it.
//
// Files are named after the path given to NewRecorder (crawl.warc.gz
// gives crawl-00001.warc.gz, crawl-00002.warc.gz, …), begin with a
// warcinfo record, and carry the suffix ".open" until they are full or
// the Recorder is closed. Each record is its own gzip member, written in
// one write: a process killed while writing leaves a file whose every
// record but a torn last one can be read.
type Recorder struct {
	base    http.RoundTripper
	files   *fileSet
	maxBody int64
}

// NewRecorder returns a Recorder sending requests through base
// (http.DefaultTransport when nil) and writing files named after path.
// The first file is created with the first record.
func NewRecorder(path string, base http.RoundTripper, opts RecorderOptions) (*Recorder, error) {
	fs, err := newFileSet(path, opts.MaxFileSize, softwareName)
	if err != nil {
		return nil, err
	}
	fs.sync = opts.Sync
	if base == nil {
		base = http.DefaultTransport
	}
	if opts.MaxBodySize <= 0 {
		opts.MaxBodySize = scoop.DefaultMaxBytes
	}
	return &Recorder{base: base, files: fs, maxBody: opts.MaxBodySize}, nil
}

// Close closes the file being written. Responses whose bodies are
// closed later are not recorded.
func (rec *Recorder) Close() error { return rec.files.close() }

// Files lists the files the Recorder has finished, by base name.
func (rec *Recorder) Files() []string {
	rec.files.mu.Lock()
	defer rec.files.mu.Unlock()
	return append([]string(nil), rec.files.done...)
}

// RoundTrip sends req and returns its response, recording both when
// the response body is closed.
func (rec *Recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	x := &exchange{rec: rec}
	trace := &httptrace.ClientTrace{GotConn: func(ci httptrace.GotConnInfo) {
		if a, ok := ci.Conn.RemoteAddr().(*net.TCPAddr); ok {
			x.ip = a.IP.String()
		}
	}}
	out := req.Clone(httptrace.WithClientTrace(req.Context(), trace))
	if out.Header.Get("Accept-Encoding") == "" && out.Header.Get("Range") == "" && out.Method != http.MethodHead {
		// Asked for by the transport, gzip would be inflated before we
		// see it; asked for here, the body stays as the server sent it.
		out.Header.Set("Accept-Encoding", "gzip")
		x.inflate = true
	}
	x.req = out
	resp, err := rec.base.RoundTrip(out)
	if err != nil {
		return nil, err
	}
	// The response is to the caller's request, not to our copy of it.
	resp.Request = req
	x.date = time.Now().UTC()
	x.resp = resp
	x.header = resp.Header.Clone()
	body := &recordedBody{x: x, raw: resp.Body}
	resp.Body = body
	if x.inflate && strings.EqualFold(resp.Header.Get("Content-Encoding"), "gzip") {
		resp.Header.Del("Content-Encoding")
		resp.Header.Del("Content-Length")
		resp.ContentLength = -1
		resp.Uncompressed = true
		resp.Body = &gunzipBody{body: body}
	}
	return resp, nil
}

// exchange is one request and its response, until recorded.
type exchange struct {
	rec     *Recorder
	req     *http.Request
	resp    *http.Response
	header  http.Header // the response's, as received
	date    time.Time
	ip      string
	inflate bool
}

// recordedBody keeps the bytes read from a response body and records the
// exchange when closed.
type recordedBody struct {
	x         *exchange
	raw       io.ReadCloser
	buf       bytes.Buffer
	total     int64 // bytes read, recorded or not
	eof       bool
	truncated string // the WARC-Truncated reason, if any
	once      sync.Once
	loc       scoop.WARCLocation // where it was recorded, once closed
}

func (b *recordedBody) Read(p []byte) (int, error) {
	n, err := b.raw.Read(p)
	if n > 0 {
		b.total += int64(n)
		if room := b.x.rec.maxBody - int64(b.buf.Len()); room > 0 {
			b.buf.Write(p[:min(int64(n), room)])
		}
		if b.total > b.x.rec.maxBody && b.truncated == "" {
			b.truncated = "length"
		}
	}
	switch {
	case err == io.EOF:
		b.eof = true
	case err != nil && b.truncated == "":
		b.truncated = "disconnect"
		if errors.Is(err, context.DeadlineExceeded) || isTimeout(err) {
			b.truncated = "time"
		}
	}
	return n, err
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// Close records the exchange, then closes the body.
func (b *recordedBody) Close() error {
	var werr error
	b.once.Do(func() {
		if !b.eof && b.truncated == "" {
			// The reader may have stopped exactly at the end: a body cut
			// at a limit of its own length is whole.
			var one [1]byte
			if n, err := b.raw.Read(one[:]); n > 0 || err != io.EOF {
				b.truncated = "length"
			}
		}
		b.loc, werr = b.x.record(b.buf.Bytes(), b.truncated)
	})
	err := b.raw.Close()
	if werr != nil {
		return werr
	}
	return err
}

// Note gives a crawl's record of the response the place of its WARC
// record; it implements scoop.ResponseNoter.
func (b *recordedBody) Note(r *scoop.Record) { r.WARCLocation = b.loc }

// Location returns where the Recorder stored a response, once its body
// has been closed.
func Location(resp *http.Response) (scoop.WARCLocation, bool) {
	var b *recordedBody
	switch v := resp.Body.(type) {
	case *recordedBody:
		b = v
	case *gunzipBody:
		b = v.body
	default:
		return scoop.WARCLocation{}, false
	}
	return b.loc, b.loc.WARCFile != ""
}

// record writes the request and response records and returns where the
// response record is.
func (x *exchange) record(body []byte, truncated string) (scoop.WARCLocation, error) {
	reqRec, err := x.requestRecord()
	if err != nil {
		return scoop.WARCLocation{}, err
	}
	respRec, err := x.responseRecord(body, truncated)
	if err != nil {
		reqRec.Close()
		return scoop.WARCLocation{}, err
	}
	reqID := reqRec.WarcHeader().GetId(gowarc.WarcRecordID)
	respID := respRec.WarcHeader().GetId(gowarc.WarcRecordID)
	reqRec.WarcHeader().AddId(gowarc.WarcConcurrentTo, respID)
	respRec.WarcHeader().AddId(gowarc.WarcConcurrentTo, reqID)
	var buf bytes.Buffer
	// Compressed here, outside the file's lock, so that responses are
	// compressed in parallel.
	if err := marshalGzip(&buf, reqRec); err != nil {
		respRec.Close()
		return scoop.WARCLocation{}, err
	}
	reqLen := int64(buf.Len())
	if err := marshalGzip(&buf, respRec); err != nil {
		return scoop.WARCLocation{}, err
	}
	name, off, err := x.rec.files.write(buf.Bytes())
	if err != nil {
		return scoop.WARCLocation{}, err
	}
	return scoop.WARCLocation{WARCFile: name, WARCRecordID: "<" + respID + ">", WARCOffset: off + reqLen}, nil
}

func (x *exchange) requestRecord() (gowarc.WarcRecord, error) {
	r := x.req
	b := newBuilder(gowarc.Request)
	b.AddWarcHeader(gowarc.WarcTargetURI, r.URL.String())
	b.AddWarcHeaderTime(gowarc.WarcDate, x.date)
	b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=request")
	if x.ip != "" {
		b.AddWarcHeader(gowarc.WarcIPAddress, x.ip)
	}
	uri := r.URL.RequestURI()
	if r.URL.Opaque != "" {
		uri = r.URL.Opaque
	}
	fmt.Fprintf(b, "%s %s HTTP/1.1\r\n", r.Method, uri)
	host := r.Host
	if host == "" {
		host = r.URL.Host
	}
	fmt.Fprintf(b, "Host: %s\r\n", host)
	h := r.Header
	if h.Get("User-Agent") == "" {
		h = h.Clone()
		h.Set("User-Agent", "Go-http-client/1.1") // what the transport sends
	}
	h.Write(b)
	b.WriteString("\r\n")
	rec, _, err := b.Build()
	return rec, err
}

func (x *exchange) responseRecord(body []byte, truncated string) (gowarc.WarcRecord, error) {
	b := newBuilder(gowarc.Response)
	b.AddWarcHeader(gowarc.WarcTargetURI, x.req.URL.String())
	b.AddWarcHeaderTime(gowarc.WarcDate, x.date)
	b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=response")
	if x.ip != "" {
		b.AddWarcHeader(gowarc.WarcIPAddress, x.ip)
	}
	if truncated != "" {
		b.AddWarcHeader(gowarc.WarcTruncated, truncated)
	}
	proto := x.resp.Proto
	if proto == "" {
		proto = "HTTP/1.1"
	}
	status := x.resp.Status
	if status == "" {
		status = fmt.Sprintf("%d %s", x.resp.StatusCode, http.StatusText(x.resp.StatusCode))
	}
	fmt.Fprintf(b, "%s %s\r\n", proto, status)
	x.header.Write(b)
	b.WriteString("\r\n")
	b.Write(body)
	rec, _, err := b.Build()
	return rec, err
}

// gunzipBody inflates a gzip body for the caller, opening the gzip
// stream on the first read so that RoundTrip does not wait for it.
type gunzipBody struct {
	body *recordedBody
	zr   *gzip.Reader
	err  error
}

func (g *gunzipBody) Read(p []byte) (int, error) {
	if g.zr == nil && g.err == nil {
		g.zr, g.err = gzip.NewReader(g.body)
	}
	if g.err != nil {
		return 0, g.err
	}
	return g.zr.Read(p)
}

func (g *gunzipBody) Close() error { return g.body.Close() }

// Note implements scoop.ResponseNoter.
func (g *gunzipBody) Note(r *scoop.Record) { g.body.Note(r) }
