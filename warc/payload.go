package warc

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/zlib"
	"errors"
	"fmt"
	"github.com/klauspost/compress/gzip"
	"io"
	"mime"
	"net/http"
	"net/http/httputil"
	"strings"
	"sync"

	"github.com/klauspost/compress/zstd"
	gowarc "github.com/nlnwa/gowarc/v3"
	"github.com/scoopkit/scoop"
)

// ErrEncoding marks a page stored with a Content-Encoding the Reader
// cannot decode, or whose encoded bytes are damaged.
var ErrEncoding = errors.New("scoop: undecodable content encoding")

// gunzipPool keeps gzip readers, whose window is costly to allocate
// for every page.
var gunzipPool sync.Pool

// payload is the HTTP body of a page response and what its headers say
// about it.
type payload struct {
	status      int
	contentType string
	header      http.Header
	raw         io.Reader
	size        int64        // of the block: a bound on the raw payload's
	close       func() error // releases the record raw is read from, when it is not the one being read
}

// responsePayload returns the payload of a status 200 HTML response
// record, nil for any other record.
func responsePayload(wr gowarc.WarcRecord) (*payload, error) {
	b, ok := wr.Block().(gowarc.HttpResponseBlock)
	if !ok || b.HttpStatusCode() != http.StatusOK || b.HttpHeader() == nil {
		return nil, nil
	}
	h := *b.HttpHeader()
	ct := h.Get("Content-Type")
	if !htmlType(ct) {
		return nil, nil
	}
	raw, err := b.PayloadBytes()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	return &payload{status: http.StatusOK, contentType: ct, header: h, raw: raw, size: b.Size()}, nil
}

// htmlType reports whether a Content-Type may be a page.
func htmlType(ct string) bool {
	if strings.TrimSpace(ct) == "" {
		return true // sniffed by Extract
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt, _, _ = strings.Cut(strings.ToLower(ct), ";")
		mt = strings.TrimSpace(mt)
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// body decodes the payload as its headers say, reading at most limit
// bytes of it (scoop.DefaultMaxBytes when limit is zero); past that it
// fails with scoop.ErrTooLarge.
//
// The transfer coding is undone when the archive kept it (GNU Wget
// does), then the content coding. An archive that stored the payload
// decoded says so by renaming the headers, as Common Crawl does
// (X-Crawler-Content-Encoding), and then nothing is left to undo.
func (p *payload) body(limit int64) ([]byte, error) {
	if limit <= 0 {
		limit = scoop.DefaultMaxBytes
	}
	r := p.raw
	if te := strings.ToLower(p.header.Get("Transfer-Encoding")); strings.Contains(te, "chunked") {
		r = httputil.NewChunkedReader(bufio.NewReader(r))
	}
	var closer io.Closer
	ce := strings.ToLower(strings.TrimSpace(p.header.Get("Content-Encoding")))
	if ce == "gzip" || ce == "x-gzip" {
		// Some archives store the body decoded under its original
		// header; without the gzip magic it is taken as it is.
		br := bufio.NewReader(r)
		if head, _ := br.Peek(2); len(head) < 2 || head[0] != 0x1f || head[1] != 0x8b {
			ce = "identity"
		}
		r = br
	}
	switch ce {
	case "", "identity", "none":
	case "gzip", "x-gzip":
		zr, _ := gunzipPool.Get().(*gzip.Reader)
		var err error
		if zr == nil {
			zr, err = gzip.NewReader(r)
		} else {
			err = zr.Reset(r)
		}
		if err != nil {
			return nil, fmt.Errorf("%w: gzip: %v", ErrEncoding, err)
		}
		defer gunzipPool.Put(zr)
		r = zr
	case "deflate":
		// Servers send zlib streams or raw deflate under this name.
		br := bufio.NewReader(r)
		if head, _ := br.Peek(2); len(head) == 2 && head[0]&0x0f == 8 && (uint16(head[0])<<8|uint16(head[1]))%31 == 0 {
			zr, err := zlib.NewReader(br)
			if err != nil {
				return nil, fmt.Errorf("%w: deflate: %v", ErrEncoding, err)
			}
			r = zr
		} else {
			fr := flate.NewReader(br)
			closer = fr
			r = fr
		}
	case "zstd":
		zr, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(uint64(4*limit)))
		if err != nil {
			return nil, fmt.Errorf("%w: zstd: %v", ErrEncoding, err)
		}
		defer zr.Close()
		r = zr
	default:
		return nil, fmt.Errorf("%w: %q", ErrEncoding, ce)
	}
	if closer != nil {
		defer closer.Close()
	}
	var buf bytes.Buffer
	// Sized once for a body stored as it is; a compressed one grows.
	buf.Grow(int(min(p.size+bytes.MinRead, limit+1)))
	n, err := buf.ReadFrom(io.LimitReader(r, limit+1))
	if err != nil && buf.Len() == 0 {
		return nil, fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	// A body cut short (WARC-Truncated, or a damaged stream after some
	// text) is still extracted from what there is, as a crawl would.
	if n > limit {
		return nil, fmt.Errorf("%w: over %d bytes", scoop.ErrTooLarge, limit)
	}
	return buf.Bytes(), nil
}
