package scoop

import (
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageInfo is what one pass of the tokenizer learns about an HTML page:
// where it links to, and whether it is the AMP rendering of another.
// Whether it holds an article is Extract's decision alone.
type pageInfo struct {
	baseURL   *url.URL // base resolved against the page's address, set by pageRecord
	scanned   bool     // filled from a parse of the page
	base      string
	links     []string
	canonical string
	amp       bool
	feeds     []string
}

// add records what element n says about the page's links, as scanHTML
// does for a document not otherwise parsed.
func (p *pageInfo) add(n *html.Node) {
	switch n.DataAtom {
	case atom.A, atom.Area:
		if h := attr(n, "href"); h != "" {
			p.links = append(p.links, h)
		}
	case atom.Link:
		rel := " " + strings.ToLower(attr(n, "rel")) + " "
		switch {
		case strings.Contains(rel, " canonical "):
			if p.canonical == "" {
				p.canonical = attr(n, "href")
			}
		case strings.Contains(rel, " alternate "):
			t := strings.ToLower(attr(n, "type"))
			if strings.Contains(t, "rss") || strings.Contains(t, "atom") {
				p.feeds = append(p.feeds, attr(n, "href"))
			}
		}
	case atom.Html:
		p.amp = hasAttr(n, "amp") || hasAttr(n, "⚡")
	case atom.Base:
		if p.base == "" {
			p.base = attr(n, "href")
		}
	}
}

// scanHTML reads the links of an HTML document.
func scanHTML(body []byte) pageInfo {
	var p pageInfo
	z := html.NewTokenizer(bytes.NewReader(body))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return p
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		a := atom.Lookup(name)
		switch {
		case !hasAttr:
			continue
		case a != atom.A && a != atom.Area && a != atom.Link && a != atom.Html && a != atom.Base:
			continue // read no attributes of the many tags that hold no link
		}
		// The first value of each attribute counts, as in a browser.
		var href, rel, typ string
		var seenHref, seenRel, seenType, amp bool
		for more := true; more; {
			var k, v []byte
			k, v, more = z.TagAttr()
			switch string(k) {
			case "href":
				if !seenHref {
					href, seenHref = string(v), true
				}
			case "rel":
				if !seenRel {
					rel, seenRel = string(v), true
				}
			case "type":
				if !seenType {
					typ, seenType = string(v), true
				}
			case "amp", "⚡":
				amp = true
			}
		}
		switch a {
		case atom.A, atom.Area:
			if href != "" {
				p.links = append(p.links, href)
			}
		case atom.Link:
			rel = " " + strings.ToLower(rel) + " "
			switch {
			case strings.Contains(rel, " canonical "):
				if p.canonical == "" {
					p.canonical = href
				}
			case strings.Contains(rel, " alternate "):
				t := strings.ToLower(typ)
				if strings.Contains(t, "rss") || strings.Contains(t, "atom") {
					p.feeds = append(p.feeds, href)
				}
			}
		case atom.Html:
			p.amp = amp
		case atom.Base:
			if p.base == "" {
				p.base = href
			}
		}
	}
}

// skipExt lists file name endings that are never news pages, so links to
// them are not followed at all.
var skipExt = []string{
	".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".ico", ".bmp", ".tif", ".tiff", ".avif",
	".css", ".js", ".json", ".woff", ".woff2", ".ttf", ".eot", ".pdf", ".zip", ".gz", ".tgz", ".rar", ".7z",
	".mp3", ".mp4", ".m4a", ".m4v", ".mov", ".avi", ".wav", ".ogg", ".webm", ".flv",
	".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".csv", ".exe", ".dmg", ".apk", ".iso",
}

func skippedFile(p string) bool {
	p = strings.ToLower(p)
	for _, e := range skipExt {
		if strings.HasSuffix(p, e) && !strings.HasSuffix(p, ".xml.gz") {
			return true
		}
	}
	return false
}

// docKind is what a fetched body turned out to be.
type docKind int

const (
	kindHTML docKind = iota
	kindSitemap
	kindFeed
)

// sniffXML tells sitemaps and feeds from HTML by their first element.
func sniffXML(body []byte) docKind {
	head := bytes.TrimLeft(body[:min(len(body), 512)], "\xef\xbb\xbf \t\r\n")
	if !bytes.HasPrefix(head, []byte("<?xml")) && !bytes.HasPrefix(head, []byte("<urlset")) &&
		!bytes.HasPrefix(head, []byte("<sitemapindex")) && !bytes.HasPrefix(head, []byte("<rss")) &&
		!bytes.HasPrefix(head, []byte("<feed")) && !bytes.HasPrefix(head, []byte("<rdf:RDF")) && !bytes.HasPrefix(head, []byte("<!--")) {
		return kindHTML
	}
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = false
	for range 32 {
		t, err := d.RawToken()
		if err != nil {
			return kindHTML
		}
		if se, ok := t.(xml.StartElement); ok {
			switch strings.ToLower(se.Name.Local) {
			case "urlset", "sitemapindex":
				return kindSitemap
			case "rss", "feed", "rdf":
				return kindFeed
			}
			return kindHTML
		}
	}
	return kindHTML
}

// gunzip inflates a gzip body, for sitemaps served as .xml.gz without a
// Content-Encoding; limit bounds the result.
func gunzip(body []byte, limit int64) ([]byte, error) {
	if !bytes.HasPrefix(body, []byte{0x1f, 0x8b}) {
		return body, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	out, err := io.ReadAll(io.LimitReader(zr, limit+1))
	if int64(len(out)) > limit {
		// A gzip bomb stops here, whatever follows.
		return nil, fmt.Errorf("%w: over %d bytes once decompressed", ErrTooLarge, limit)
	}
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	return out, nil
}

// entry is one address listed by a sitemap or a feed, with the date the
// listing gives for it.
type entry struct {
	loc       string
	published time.Time // news:publication_date, or a feed item's date
	modified  time.Time // lastmod, or a feed item's update date
	sitemap   bool      // a child sitemap of a sitemap index
}

// parseSitemap reads a sitemap or sitemap index (plain or Google News),
// streaming, since one may list 50,000 addresses.
func parseSitemap(body []byte) ([]entry, error) {
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = false
	var out []entry
	var cur *entry
	var field string
	for {
		t, err := d.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, fmt.Errorf("sitemap: %w", err)
		}
		switch t := t.(type) {
		case xml.StartElement:
			switch name := strings.ToLower(t.Name.Local); name {
			case "url", "sitemap":
				out = append(out, entry{sitemap: name == "sitemap"})
				cur = &out[len(out)-1]
			default:
				field = name
			}
		case xml.EndElement:
			field = ""
		case xml.CharData:
			if cur == nil {
				continue
			}
			s := strings.TrimSpace(string(t))
			switch field {
			case "loc":
				cur.loc += s
			case "lastmod":
				cur.modified = parseW3CDate(s)
			case "publication_date":
				cur.published = parseW3CDate(s)
			}
		}
	}
}

// parseW3CDate reads the W3C datetime profile that sitemaps use.
func parseW3CDate(s string) time.Time {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04Z07:00", "2006-01-02T15:04:05", "2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// parseFeed reads an RSS, Atom or JSON feed's item links and dates.
func parseFeed(body []byte) ([]entry, error) {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("feed: %w", err)
	}
	out := make([]entry, 0, len(f.Items))
	for _, it := range f.Items {
		e := entry{loc: it.Link}
		if e.loc == "" && len(it.Links) > 0 {
			e.loc = it.Links[0]
		}
		if e.loc == "" && (strings.HasPrefix(it.GUID, "http://") || strings.HasPrefix(it.GUID, "https://")) {
			e.loc = it.GUID // an RSS permalink guid
		}
		if it.PublishedParsed != nil {
			e.published = *it.PublishedParsed
		}
		if it.UpdatedParsed != nil {
			e.modified = *it.UpdatedParsed
		}
		if e.loc != "" {
			out = append(out, e)
		}
	}
	return out, nil
}

// inWindow reports whether a listed address may hold an article
// published between from and to (either may be zero for no bound). A
// publication date must fall inside; a modification date only shows that
// the page is not newer than it.
func (e *entry) inWindow(from, to time.Time) bool {
	if !e.published.IsZero() {
		return (from.IsZero() || !e.published.Before(from)) && (to.IsZero() || !e.published.After(to))
	}
	if !e.modified.IsZero() {
		return from.IsZero() || !e.modified.Before(from)
	}
	return true
}
