package scoop

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// DefaultMaxBytes is the document size Extract reads when Extractor.MaxBytes is zero.
const DefaultMaxBytes = 16 << 20

// Extractor turns news pages into Articles. Its zero value is ready to use
// with the documented defaults. An Extractor is safe for concurrent use:
// each call keeps its state to itself.
type Extractor struct {
	// MaxBytes bounds how much of a document is read; a larger one fails
	// with ErrTooLarge. Zero means DefaultMaxBytes.
	MaxBytes int64

	// Now returns the current time, which bounds plausible dates: a date
	// after tomorrow is refused. Nil means time.Now; set it to make
	// re-runs over archived pages give the same output. Only when it is
	// set are relative datelines ("3 hours ago", "vor 2 Tagen") read,
	// against its time: set it to the time the page was fetched.
	Now func() time.Time
}

var defaultExtractor Extractor

// Extract reads an HTML page and returns its article, using a zero
// Extractor. pageURL is the absolute http(s) address the page came from;
// relative links resolve against it.
//
// Extract fails with ErrInvalidURL, ErrEmpty, ErrNotHTML, ErrTooLarge or
// ErrNoArticle (test with errors.Is). A page with an article but no date
// gives an Article whose Published is nil.
func Extract(r io.Reader, pageURL string) (*Article, error) {
	return defaultExtractor.Extract(r, pageURL)
}

// Extract reads an HTML page and returns its article, as the package-level Extract.
func (e *Extractor) Extract(r io.Reader, pageURL string) (*Article, error) {
	return e.ExtractWithContentType(r, pageURL, "")
}

// ExtractWithContentType is Extract for a page whose HTTP Content-Type
// header is known: its charset parameter decides the decoding unless the
// document starts with a byte order mark.
func (e *Extractor) ExtractWithContentType(r io.Reader, pageURL, contentType string) (*Article, error) {
	return e.extract(r, pageURL, contentType, nil)
}

// extract is ExtractWithContentType that also fills info, when not nil,
// with the page's links from the same parse, so that a crawl reads each
// page once. info stays empty when the page is not parsed.
func (e *Extractor) extract(r io.Reader, pageURL, contentType string, info *pageInfo) (*Article, error) {
	u, err := url.Parse(pageURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%w: %q", ErrInvalidURL, pageURL)
	}
	limit := e.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	raw, err := readAll(r, limit+1)
	if err != nil {
		return nil, fmt.Errorf("scoop: reading %s: %w", pageURL, err)
	}
	if int64(len(raw)) > limit {
		return nil, fmt.Errorf("%w: %s is over %d bytes", ErrTooLarge, pageURL, limit)
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, ErrEmpty
	}
	if !looksLikeHTML(raw) {
		return nil, fmt.Errorf("%w: %s", ErrNotHTML, pageURL)
	}
	body := toUTF8(raw, contentType)
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		// Reading from memory cannot fail, so the parser's one refusal
		// is elements nested deeper than it allows (512).
		return nil, fmt.Errorf("%w: %s: %v", ErrTooLarge, pageURL, err)
	}
	now := time.Now
	if e.Now != nil {
		now = e.Now
	}
	// "3 hours ago" means something only against the clock the page was
	// fetched by, which a caller who sets Now gives.
	relative := e.Now != nil
	a, err := extractDoc(doc, u, now(), relative, info)
	if errors.Is(err, ErrNoArticle) && bytes.Contains(bytes.ToLower(body), []byte("<noscript")) {
		// Some pages show their article only to readers without
		// JavaScript. Parsed as a browser with scripting off would, the
		// <noscript> text becomes markup readability can read.
		doc, perr := html.ParseWithOptions(bytes.NewReader(body), html.ParseOptionEnableScripting(false))
		if perr == nil {
			renameAll(doc, atom.Noscript, "div")
			if a2, err2 := extractDoc(doc, u, now(), relative, nil); err2 == nil {
				return a2, nil
			}
		}
	}
	return a, err
}

// renameAll gives every element with the atom from the tag name to.
func renameAll(n *html.Node, from atom.Atom, to string) {
	if n.Type == html.ElementNode && n.DataAtom == from {
		n.Data, n.DataAtom = to, atom.Lookup([]byte(to))
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		renameAll(c, from, to)
	}
}

func extractDoc(doc *html.Node, u *url.URL, now time.Time, relative bool, info *pageInfo) (*Article, error) {
	// Everything that needs the page as published is read before
	// readability rewrites the tree. Related blocks, credit lines and
	// debris are marked there and removed from readability's output.
	p := &page{relative: relative, info: info}
	p.scan(doc, u)
	if info != nil {
		info.scanned = true
	}
	credits := p.sourceCredits()
	for _, c := range credits {
		p.cut(c.block, cutDebris)
	}
	related := p.relatedStories()
	if relative {
		p.fetched = now
	}
	pub, mod := p.dates(now)

	pageURL := u.String()
	a := &Article{
		URL:        pageURL,
		Language:   p.language(),
		DateSource: pub.source,
		Related:    related.list,
	}
	if c := p.canonicalURL(); c != "" && sameSite(c, u) {
		a.URL = c
	}
	if pub.source != "" {
		a.Published = &pub.t
	}
	if mod.source != "" && !mod.t.Equal(pub.t) {
		a.Modified = &mod.t
	}
	// A page whose structured data calls it a collection (a section
	// front, an archive) and names no article is refused before the
	// costly part: crawls meet many of them.
	if p.article() == nil && p.declaresListing() {
		a.Title = p.title("")
		return nil, p.refuse(a, PageListing, "declared collection")
	}

	// scoop reads JSON-LD itself; readability parsing it again would
	// double the cost of large @graph blocks.
	parser := readability.NewParser()
	parser.DisableJSONLD = true
	// Its default logger formats each pass's Info record for io.Discard.
	parser.Logger = slog.New(slog.DiscardHandler)
	lead, intro := p.leadParagraph(), p.intro()
	if lead == nil {
		lead = p.standfirst()
	}
	// A standfirst box may stand above the lead the description
	// confirms, when the description runs on into the body.
	box := p.introBox()
	if lead == nil {
		lead, box = box, nil
	}
	ra, err := parser.ParseAndMutate(doc, u)
	if err != nil || ra.Node == nil {
		a.Title = p.title("")
		if p.soft404() {
			return nil, p.refuse(a, PageSoft404, "says not found")
		}
		return nil, p.refuse(a, PageOther, "no readable content")
	}
	removeCut(ra.Node)
	if b := headlineBody(ra.Node, intro); b != nil {
		ra.Node = b
	}
	if !restoreIntro(ra.Node, intro) {
		restoreLead(ra.Node, lead)
		restoreLead(ra.Node, box)
	}
	a.Title = p.title(ra.Title())
	for _, n := range cleanBody(ra.Node, a.Title, p) {
		related.add(p.callout(n, true)...)
	}
	a.Related = related.list
	a.SiteName = publisherName(p.siteName(ra.SiteName()), a.Title)
	if a.Language == "" {
		a.Language = ra.Language()
	}
	text := plainText(ra.Node)
	if kind, reason := p.classify(ra.Node, text, pub); kind != PageArticle {
		return nil, p.refuse(a, kind, reason)
	}
	var hb strings.Builder
	if err := html.Render(&hb, ra.Node); err != nil {
		return nil, fmt.Errorf("scoop: rendering %s: %w", u, err)
	}
	a.Byline = p.byline(ra.Byline())
	a.Excerpt = p.excerpt(ra.Excerpt())
	a.Image = p.resolve(ra.ImageURL())
	a.Text = text
	a.HTML = hb.String()
	a.SourceURL = p.sourceURL(credits, a.URL)
	if a.Related == nil {
		a.Related = []RelatedStory{}
	}
	return a, nil
}

// readAll reads up to limit bytes of r, in one allocation when r can
// tell its length (bytes.Reader, strings.Reader, bytes.Buffer).
func readAll(r io.Reader, limit int64) ([]byte, error) {
	size := int64(512)
	if l, ok := r.(interface{ Len() int }); ok {
		size = min(int64(l.Len())+1, limit)
	}
	buf := make([]byte, 0, size)
	r = io.LimitReader(r, limit)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// looksLikeHTML rejects documents that are plainly something else:
// compressed or binary files, JSON, or text without a single tag near the
// start. It looks at the bytes as received, before any decoding.
func looksLikeHTML(b []byte) bool {
	head := bytes.TrimLeft(b[:min(len(b), 1024)], " \t\r\n\f")
	for _, magic := range binaryMagic {
		if bytes.HasPrefix(head, []byte(magic)) {
			return false
		}
	}
	if len(head) >= 12 && string(head[:4]) == "RIFF" && string(head[8:12]) == "WEBP" {
		return false
	}
	// Text has almost no control bytes; compressed or random bytes have
	// one in eight. A stray NUL is a parse error browsers survive; many
	// are a binary file (or UTF-16 without a byte order mark).
	var ctl, nul int
	for _, c := range head {
		switch {
		case c == 0:
			nul++
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b:
			ctl++
		}
	}
	utf16 := bytes.HasPrefix(head, []byte("\xff\xfe")) || bytes.HasPrefix(head, []byte("\xfe\xff"))
	if !utf16 && (nul > len(head)/64 || ctl > len(head)/50) {
		return false
	}
	if head = bytes.TrimSpace(head); len(head) > 0 && (head[0] == '{' || head[0] == '[') {
		return false
	}
	return bytes.IndexByte(b[:min(len(b), 4096)], '<') >= 0
}

// binaryMagic are the first bytes of files that are not HTML: PDF,
// images, archives and compressed streams (a page saved gzipped is
// decompressed by the caller, as HTTP clients do).
var binaryMagic = []string{
	"%PDF", "\x89PNG", "GIF8", "\xff\xd8\xff", "PK\x03\x04", "\x1f\x8b", "\xfd7zXZ\x00",
	"BZh", "\x28\xb5\x2f\xfd", "7z\xbc\xaf\x27\x1c", "Rar!", "\x00\x00\x01\x00", "OggS", "ID3",
}

// siteName returns the publisher's name: og:site_name as readability
// reads it, else the JSON-LD publisher.
func (p *page) siteName(found string) string {
	if found = collapse(found); found != "" && !strings.Contains(found, "://") {
		return found
	}
	if s := collapse(p.meta["og:site_name"]); s != "" && !strings.Contains(s, "://") {
		return s
	}
	if a := p.article(); a != nil {
		return collapse(p.ldName(a["publisher"]))
	}
	return ""
}

// excerpt returns the JSON-LD description, else readability's excerpt.
func (p *page) excerpt(found string) string {
	if a := p.article(); a != nil {
		if d := collapse(ldString(a["description"])); d != "" {
			return d
		}
	}
	return found
}
