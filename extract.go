package scoop

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

// DefaultMaxBytes is the document size Extract reads when Extractor.MaxBytes is zero.
const DefaultMaxBytes = 16 << 20

// Extractor turns news pages into Articles. Its zero value is ready to use
// with the documented defaults, and it is safe for concurrent use: every
// call keeps its state to itself.
type Extractor struct {
	// MaxBytes bounds how much of a document is read; a larger one fails
	// with ErrTooLarge. Zero means DefaultMaxBytes.
	MaxBytes int64
}

var defaultExtractor Extractor

// Extract reads an HTML page and returns its article. pageURL is the
// address the page was fetched from; relative links resolve against it.
// It uses a zero Extractor.
func Extract(r io.Reader, pageURL string) (*Article, error) {
	return defaultExtractor.Extract(r, pageURL)
}

// Extract reads an HTML page and returns its article, as the package-level Extract.
func (e *Extractor) Extract(r io.Reader, pageURL string) (*Article, error) {
	return e.ExtractWithContentType(r, pageURL, "")
}

// ExtractWithContentType is Extract for a page whose HTTP Content-Type
// header is known; its charset parameter decides the decoding unless the
// document starts with a byte order mark.
func (e *Extractor) ExtractWithContentType(r io.Reader, pageURL, contentType string) (*Article, error) {
	u, err := url.Parse(pageURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%w: %q", ErrInvalidURL, pageURL)
	}
	limit := e.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	raw, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("scoop: reading %s: %w", pageURL, err)
	}
	if int64(len(raw)) > limit {
		return nil, fmt.Errorf("%w: over %d bytes", ErrTooLarge, limit)
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, ErrEmpty
	}
	doc, err := html.Parse(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotHTML, err)
	}
	p := readability.NewParser()
	ra, err := p.ParseAndMutate(doc, u)
	if err != nil || ra.Node == nil {
		return nil, ErrNoArticle
	}
	var sb strings.Builder
	ra.RenderText(&sb)
	var hb strings.Builder
	ra.RenderHTML(&hb)
	return &Article{URL: pageURL, Title: ra.Title(), Text: sb.String(), HTML: hb.String(), Related: []RelatedStory{}}, nil
}
