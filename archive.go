package scoop

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// WARCLocation names the WARC response record a Record's page is kept
// in: the file's name, the record's WARC-Record-ID and the offset in
// the file of the gzip member (or, in an uncompressed file, the record)
// that holds it. All are empty when the page was not archived.
type WARCLocation struct {
	WARCFile     string `json:"warc_file,omitempty"`
	WARCRecordID string `json:"warc_record_id,omitempty"`
	WARCOffset   int64  `json:"warc_offset,omitempty"`
}

// WARCLocationHeader is the response header through which a recording
// transport (the warc package's Recorder) tells the crawl where it
// archived a response. The transport adds it to the response it returns
// once the body has been read and closed; it never goes on the wire.
const WARCLocationHeader = "Scoop-Warc-Location"

// String formats l as the value of a WARCLocationHeader.
func (l WARCLocation) String() string {
	return l.WARCFile + " " + strconv.FormatInt(l.WARCOffset, 10) + " " + l.WARCRecordID
}

// ParseWARCLocation reads the value of a WARCLocationHeader.
func ParseWARCLocation(s string) (WARCLocation, bool) {
	// The file name may hold spaces; the offset and the record ID do not.
	rest, id, ok := cutLast(s)
	if !ok {
		return WARCLocation{}, false
	}
	file, off, ok := cutLast(rest)
	if !ok {
		return WARCLocation{}, false
	}
	n, err := strconv.ParseInt(off, 10, 64)
	if err != nil || n < 0 || file == "" || id == "" {
		return WARCLocation{}, false
	}
	return WARCLocation{WARCFile: file, WARCRecordID: id, WARCOffset: n}, true
}

func cutLast(s string) (before, after string, ok bool) {
	i := strings.LastIndexByte(s, ' ')
	if i < 0 {
		return "", "", false
	}
	return s[:i], s[i+1:], true
}

// ContentSum is a Record's ContentSHA256: the hex SHA-256 of the
// article's title and text.
func ContentSum(a *Article) string {
	sum := sha256.Sum256([]byte(a.Title + "\n" + a.Text))
	return hex.EncodeToString(sum[:])
}

// PageRecord makes the Record of an HTML page as a crawl that fetched it
// from finalURL with a 200 status at fetchedAt would deliver it, for
// re-extracting archived pages. It decides as a crawl does whether the
// page is an article: a home, section, tag or author page, and the AMP
// rendering of a story whose canonical page is elsewhere, fail with
// ErrNoArticle. Depth and FoundOn, which only a crawl knows, are left
// empty. It fails as ExtractWithContentType does otherwise.
func (e *Extractor) PageRecord(body []byte, finalURL, contentType string, fetchedAt time.Time) (*Record, error) {
	final, err := url.Parse(finalURL)
	if err != nil || (final.Scheme != "http" && final.Scheme != "https") || final.Host == "" {
		return nil, fmt.Errorf("%w: %q", ErrInvalidURL, finalURL)
	}
	info := scanHTML(body)
	base := final
	if info.base != "" {
		if b, err := final.Parse(info.base); err == nil {
			base = b
		}
	}
	_, possible := articleEvidence(final, &info)
	if info.amp && info.canonical != "" {
		if cu, err := CleanURL(base, info.canonical); err == nil && keyOf(cu) != keyOfRaw(final) {
			return nil, fmt.Errorf("%w: %s is the AMP rendering of %s", ErrNoArticle, finalURL, cu)
		}
	}
	if !possible {
		return nil, fmt.Errorf("%w: %s is a listing page", ErrNoArticle, finalURL)
	}
	a, err := e.ExtractWithContentType(bytes.NewReader(body), final.String(), contentType)
	if err != nil {
		return nil, err
	}
	return &Record{
		Article:       *a,
		FetchedAt:     fetchedAt.UTC(),
		Status:        200,
		FinalURL:      final.String(),
		ContentSHA256: ContentSum(a),
		Extractor:     "scoop " + Version,
	}, nil
}
