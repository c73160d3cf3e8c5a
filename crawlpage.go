package scoop

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
)

// Reasons a page is skipped, as counted in Stats.Skipped. Pages Extract
// refuses are counted by their PageKind.
const (
	skipEmpty         = "empty"
	skipNotHTML       = "not_html"
	skipAMP           = "amp"
	skipRobots        = "robots"
	skipRedirected    = "redirected"
	skipWindow        = "out_of_window"
	skipUndated       = "undated"
	skipDuplicateURL  = "duplicate_url"
	skipDuplicateBody = "duplicate_body"
)

// result is what a fetched page gave.
type result struct {
	links    []FrontierRequest
	sent     []string // linkID of the page's links in links, for sentLinks
	finished []string
	revisit  bool // a seed, listing, sitemap or feed: worth a refresh
	rec      *Record
	del      *Delivery
	fail     *PageError
	skip     string
	detail   []any // for the skip's log line
}

// handle reads a fetched body: a sitemap or a feed gives its entries, an
// HTML page its links and perhaps an article.
func (cr *crawl) handle(j *job) *result {
	r := j.resp
	final := r.Request.URL
	res := &result{}
	cr.st.page(len(r.Body))
	if k := keyOfRaw(final); k != j.req.Key {
		res.finished = append(res.finished, k)
	}
	failf := func(kind ErrorKind, err error) *result {
		res.fail = &PageError{Op: "fetch", URL: final.String(), Kind: kind, Err: err}
		return res
	}
	if int64(len(r.Body)) > cr.cfg.MaxBodySize {
		return failf(KindTooLarge, fmt.Errorf("%w: over %d bytes", ErrTooLarge, cr.cfg.MaxBodySize))
	}
	body, err := gunzip(r.Body, cr.cfg.MaxBodySize)
	switch {
	case errors.Is(err, ErrTooLarge):
		return failf(KindTooLarge, err)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return failf(KindTruncated, err)
	case err != nil:
		return failf(KindParse, err)
	}
	ct := r.Headers.Get(declaredType)
	mt, _, _ := mime.ParseMediaType(ct)
	mt = strings.ToLower(mt)
	sniffed := http.DetectContentType(body)
	switch {
	case !textual(sniffed):
		if pageType(mt) {
			return failf(KindContentType, fmt.Errorf("%w: served as %s, the body is %s", ErrNotHTML, mt, sniffed))
		}
		res.skip, res.detail = skipNotHTML, []any{"type", mt, "sniffed", sniffed}
		return res
	case !pageType(mt) && mt != "" && mt != "application/octet-stream":
		if strings.HasPrefix(sniffed, "text/html") || strings.HasPrefix(sniffed, "text/xml") {
			return failf(KindContentType, fmt.Errorf("served as %s, the body is %s", mt, sniffed))
		}
		res.skip, res.detail = skipNotHTML, []any{"type", mt, "sniffed", sniffed}
		return res
	}
	switch sniffXML(body) {
	case kindSitemap:
		cr.readListing(j, res, body, parseSitemap, "sitemap")
	case kindFeed:
		cr.readListing(j, res, body, parseFeed, "feed")
	default:
		cr.readPage(j, res, body, ct)
	}
	return res
}

// textual reports whether a sniffed type may be a page, a sitemap or a
// feed: text, or bytes the sniffer cannot name, which are left to
// Extract.
func textual(sniffed string) bool {
	return strings.HasPrefix(sniffed, "text/") || sniffed == "application/octet-stream"
}

// pageType reports whether a declared media type may be a page, a
// sitemap or a feed.
func pageType(mt string) bool {
	switch {
	case mt == "", mt == "text/html", mt == "application/xhtml+xml", mt == "text/plain",
		strings.Contains(mt, "xml"), strings.Contains(mt, "gzip"),
		mt == "application/feed+json", mt == "application/json":
		return true
	}
	return false
}

// readListing queues the entries of a sitemap or feed whose dates are in
// the window. They are one hop from a listing found on a page, like a
// page's links, but at the depth of a seed listing (or of one that
// robots.txt names), so that MaxDepth -1 fetches exactly what the seeds
// list. The sitemaps of a sitemap index are at the index's depth.
func (cr *crawl) readListing(j *job, res *result, body []byte, parse func([]byte) ([]entry, error), op string) {
	final := j.resp.Request.URL
	res.revisit = true
	entries, err := parse(body)
	if err != nil && len(entries) == 0 {
		res.fail = &PageError{Op: op, URL: final.String(), Kind: KindParse, Err: err}
		return
	}
	for i := range entries {
		e := &entries[i]
		u, err := CleanURL(final, e.loc)
		if err != nil {
			continue
		}
		if !e.inWindow(cr.cfg.From, cr.cfg.To) {
			cr.skip(skipWindow, u.String())
			continue
		}
		depth, seed := j.req.Depth+1, false
		switch {
		case e.sitemap:
			depth, seed = j.req.Depth, j.req.Seed
		case j.req.Seed:
			depth = j.req.Depth
		}
		cr.queueLink(res, u, depth, final.String(), seed)
	}
	res.skip, res.detail = op, []any{"entries", len(entries)}
}

// queueLink adds u to the links of res if it is to be fetched, and
// reports whether it was.
func (cr *crawl) queueLink(res *result, u *url.URL, depth int, foundOn string, seed bool) bool {
	q, why := cr.admit(u, depth, foundOn, seed)
	if q != nil {
		res.links = append(res.links, *q)
	} else if why != "" {
		cr.skip(why, u.String())
	}
	return q != nil
}

// readPage follows an HTML page's links and makes its record, if Extract
// finds an article on it.
func (cr *crawl) readPage(j *job, res *result, body []byte, ct string) {
	final := j.resp.Request.URL
	finalURL := final.String()
	depth := j.req.Depth
	rec, del, info, err := cr.cfg.Extractor.pageRecord(body, final, ct, cr.cfg.Now())
	base := info.baseURL
	if depth < cr.maxDepth {
		var here map[string]bool // ids sent from this page, which repeats links too
		for _, l := range info.links {
			id := ""
			if cr.sent != nil {
				if id = linkID(base, l); id != "" && (here[id] || cr.sent.has(id)) {
					continue
				}
			}
			if u, err := CleanURL(base, l); err == nil && cr.queueLink(res, u, depth+1, finalURL, false) && id != "" && cr.rulesSettled(u.Host) {
				res.sent = append(res.sent, id)
				if here == nil {
					here = map[string]bool{}
				}
				here[id] = true
			}
		}
	}
	if cr.cfg.Feeds {
		for _, l := range info.feeds {
			if u, err := CleanURL(base, l); err == nil {
				cr.queueLink(res, u, depth, finalURL, false)
			}
		}
	}
	var amp *ampError
	var na *NotArticleError
	switch {
	case errors.As(err, &amp):
		// The AMP rendering of a story: the story is fetched from its
		// canonical page instead.
		cr.queueLink(res, amp.canonical, depth, final.String(), false)
		res.skip = skipAMP
		return
	case errors.As(err, &na) && na.Kind == PageSoft404:
		res.fail = &PageError{Op: "extract", URL: final.String(), Kind: KindSoft404, Err: err}
		return
	case errors.As(err, &na):
		res.revisit = true
		res.skip, res.detail = string(na.Kind), []any{"why", na.Reason}
		return
	case errors.Is(err, ErrEmpty):
		res.skip = skipEmpty
		return
	case errors.Is(err, ErrNotHTML):
		mt, _, _ := mime.ParseMediaType(ct)
		if mt == "" || mt == "application/octet-stream" || mt == "text/plain" {
			res.skip = skipNotHTML
			return
		}
		res.fail = &PageError{Op: "extract", URL: final.String(), Kind: KindContentType, Err: err}
		return
	case errors.Is(err, ErrTooLarge):
		res.fail = &PageError{Op: "extract", URL: final.String(), Kind: KindTooLarge, Err: err}
		return
	case err != nil:
		res.fail = &PageError{Op: "extract", URL: final.String(), Kind: KindExtract, Err: err}
		return
	}
	if why := cr.outOfWindow(&rec.Article); why != "" {
		res.skip = why
		return
	}
	rec.Status, rec.Depth, rec.FoundOn = j.resp.StatusCode, depth, j.req.FoundOn
	if del.Key != j.req.Key {
		// Once delivered under its canonical address, the story need not
		// be fetched from there.
		res.finished = append(res.finished, del.Key)
	}
	res.rec, res.del = rec, del
}

func (cr *crawl) outOfWindow(a *Article) string {
	from, to := cr.cfg.From, cr.cfg.To
	if from.IsZero() && to.IsZero() {
		return ""
	}
	if a.Published == nil {
		return skipUndated
	}
	if !from.IsZero() && a.Published.Before(from) || !to.IsZero() && a.Published.After(to) {
		return skipWindow
	}
	return ""
}

// deliver hands a record to the callback unless it repeats one delivered
// before, and acks the lease with it; it reports whether the frontier
// took the ack. The check, the call and the ack are one step, so that two
// copies of a story fetched at once are not both delivered.
func (cr *crawl) deliver(l *Lease, j *job, a *Ack, res *result) bool {
	cr.emitMu.Lock()
	defer cr.emitMu.Unlock()
	if cr.stopped() != nil {
		a.Outcome = Release
		return cr.ack(l, a)
	}
	prior, err := cr.fr.Delivered(context.Background(), res.del)
	if err != nil {
		cr.stop(err)
		a.Outcome = Release
		return cr.ack(l, a)
	}
	switch {
	case prior == nil:
	case prior.Key != "":
		cr.skip(skipDuplicateURL, res.rec.FinalURL, "of", prior.URL)
		return cr.ack(l, a)
	case prior.BodySHA != "":
		cr.skip(skipDuplicateBody, res.rec.FinalURL, "of", prior.URL)
		return cr.ack(l, a)
	default:
		res.rec.DuplicateOf = prior.URL
	}
	if err := cr.fn(res.rec, nil); err != nil {
		cr.stop(err)
		a.Outcome = Release
		return cr.ack(l, a)
	}
	cr.st.delivered()
	a.Delivery = res.del
	return cr.ack(l, a)
}

// keyOfRaw is the URL key of an address as fetched.
func keyOfRaw(u *url.URL) string {
	c, err := CleanURL(nil, u.String())
	if err != nil {
		return u.String()
	}
	return keyOf(c)
}
