package scoop

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"time"
)

// ContentSum is a Record's ContentSHA256: the hex SHA-256 of the
// article's title and text.
func ContentSum(a *Article) string {
	sum := sha256.Sum256([]byte(a.Title + "\n" + a.Text))
	return hex.EncodeToString(sum[:])
}

// PageRecord makes the Record of an HTML page as a crawl that fetched it
// from finalURL with status 200 at fetchedAt would, for re-extracting
// archived pages (the warc package's Reader), and the Delivery the crawl
// would note to deliver each story once. It decides as a crawl does: the
// AMP rendering of a story whose canonical page is elsewhere fails with
// ErrNoArticle, and so does a page Extract refuses (a *NotArticleError).
// Depth and FoundOn, which only a crawl knows, are left empty; the date
// window of a crawl is not applied.
func (e *Extractor) PageRecord(body []byte, finalURL, contentType string, fetchedAt time.Time) (*Record, *Delivery, error) {
	final, err := url.Parse(finalURL)
	if err != nil || (final.Scheme != "http" && final.Scheme != "https") || final.Host == "" {
		return nil, nil, fmt.Errorf("%w: %q", ErrInvalidURL, finalURL)
	}
	rec, del, _, err := e.pageRecord(body, final, contentType, fetchedAt)
	if err != nil {
		return nil, nil, err
	}
	rec.Status = 200
	return rec, del, nil
}

// pageBase is the address a page's links are relative to.
func pageBase(final *url.URL, info *pageInfo) *url.URL {
	if info.base != "" {
		if b, err := final.Parse(info.base); err == nil {
			return b
		}
	}
	return final
}

// ampError is the error of the AMP rendering of a story whose canonical
// page is elsewhere: a crawl fetches that page instead.
type ampError struct {
	page      string
	canonical *url.URL
}

func (e *ampError) Error() string {
	return fmt.Sprintf("%v: %s is the AMP rendering of %s", ErrNoArticle, e.page, e.canonical)
}

func (e *ampError) Is(target error) bool { return target == ErrNoArticle }

// pageRecord is the one place that turns a fetched HTML page into a
// Record and its Delivery, for the crawl (readPage) and for archives
// (PageRecord). It also returns the page's links and base, read in the
// same parse as the article (or by scanHTML when the page was not
// parsed), for the crawl to follow whatever became of the page. The
// Record's Status, Depth and FoundOn are the caller's to set.
func (e *Extractor) pageRecord(body []byte, final *url.URL, ct string, fetchedAt time.Time) (*Record, *Delivery, *pageInfo, error) {
	info := &pageInfo{}
	a, err := e.extract(bytes.NewReader(body), final.String(), ct, info)
	if !info.scanned {
		*info = scanHTML(body)
	}
	base := pageBase(final, info)
	info.baseURL = base
	if info.amp && info.canonical != "" {
		if cu, err := CleanURL(base, info.canonical); err == nil && keyOf(cu) != keyOf(final) {
			return nil, nil, info, &ampError{page: final.String(), canonical: cu}
		}
	}
	if err != nil {
		return nil, nil, info, err
	}
	bodySum := sha256.Sum256(body)
	rec := &Record{
		Article:       *a,
		FetchedAt:     fetchedAt.UTC(),
		FinalURL:      final.String(),
		ContentSHA256: ContentSum(a),
		Extractor:     "scoop " + Version,
	}
	key := URLKey(a.URL)
	if key == "" {
		key = keyOf(final)
	}
	rec.ID = keyID(key)
	return rec, &Delivery{Key: key, URL: a.URL, Host: final.Host, ContentSHA: rec.ContentSHA256, BodySHA: hex.EncodeToString(bodySum[:])}, info, nil
}
