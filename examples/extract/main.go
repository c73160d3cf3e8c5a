// Command extract prints the article scoop extracts from one page as JSON.
//
// Usage:
//
//	go run ./examples/extract [-url PAGE_URL] FILE|URL|-
//
// A file or standard input needs -url, the address the page was fetched
// from, so that links resolve; a URL argument is fetched.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/scoopkit/scoop"
)

func main() {
	pageURL := flag.String("url", "", "address the page was fetched from (for a file or stdin)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: extract [-url PAGE_URL] FILE|URL|-")
		os.Exit(2)
	}
	a, err := extract(context.Background(), flag.Arg(0), *pageURL)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(a); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func extract(ctx context.Context, src, pageURL string) (*scoop.Article, error) {
	if strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://") {
		return fetch(ctx, src)
	}
	if pageURL == "" {
		return nil, fmt.Errorf("-url is needed with a file or stdin")
	}
	var r io.Reader = os.Stdin
	if src != "-" {
		f, err := os.Open(src)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	return scoop.Extract(r, pageURL)
}

func fetch(ctx context.Context, pageURL string) (*scoop.Article, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, pageURL, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", "scoop-example (+https://github.com/scoopkit/scoop)")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: %s", pageURL, resp.Status)
	}
	var e scoop.Extractor
	// The charset in the header decides how the page decodes, and links
	// resolve against the address after redirects.
	return e.ExtractWithContentType(resp.Body, resp.Request.URL.String(), resp.Header.Get("Content-Type"))
}
