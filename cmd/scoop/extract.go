package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/scoopkit/scoop"
)

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("scoop extract", flag.ContinueOnError)
	pageURL := fset.String("url", "", "the page's address, for one FILE or standard input")
	base := fset.String("base", "", "for files in a DIR or several FILEs: each page's address is `URL` joined with its path")
	noHTML := fset.Bool("no-html", false, "leave the article's HTML out")
	fromWARC := fset.Bool("warc", false, "read the articles of the WARC `FILE`s given, as a crawl would have delivered them")
	format := fset.String("format", "jsonl", "`jsonl` or csv")
	verbose := fset.Bool("v", false, "with -warc: list the records that cannot be read")
	fset.Usage = func() {
		fmt.Fprintln(fset.Output(), "Usage: scoop extract [flags] FILE|DIR|URL|-...")
		fmt.Fprintln(fset.Output(), "       scoop extract -warc [-format jsonl|csv] [-v] WARC_FILE...")
		fmt.Fprintln(fset.Output(), "Writes one JSON line per page; FILEs may be gzipped (.gz); a DIR is read for *.html, *.htm and their .gz.")
		fset.PrintDefaults()
	}
	if done, err := parse(fset, args, stderr); done {
		return err
	}
	if *format != "jsonl" && *format != "csv" {
		return usagef("unknown -format %q: want jsonl or csv", *format)
	}
	if *fromWARC {
		return extractWARC(ctx, fset.Args(), warcOptions{format: *format, verbose: *verbose, noHTML: *noHTML}, stdout, stderr)
	}
	if fset.NArg() == 0 {
		return usagef("extract takes at least one FILE, DIR, URL or -")
	}
	type input struct{ src, url string }
	var inputs []input
	for _, src := range fset.Args() {
		switch fi, err := os.Stat(src); {
		case strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://"):
			inputs = append(inputs, input{src, cmpStr(*pageURL, src)})
		case err == nil && fi.IsDir():
			if *base == "" {
				return usagef("-base is required to read a directory")
			}
			err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() || !isPageFile(p) {
					return err
				}
				rel, _ := filepath.Rel(src, p)
				inputs = append(inputs, input{p, joinURL(*base, rel)})
				return nil
			})
			if err != nil {
				return err
			}
		case *pageURL != "" && fset.NArg() == 1:
			inputs = append(inputs, input{src, *pageURL})
		case *base != "" && src != "-":
			inputs = append(inputs, input{src, joinURL(*base, filepath.Base(src))})
		default:
			return usagef("-url is required to read %s", map[bool]string{true: "standard input", false: "a file"}[src == "-"])
		}
	}
	w := scoop.NewRecordWriter(stdout)
	var csvw recordSink
	if *format == "csv" {
		csvw, _ = newSink("csv", stdout, true)
	}
	var e scoop.Extractor
	failed := 0
	for _, in := range inputs {
		a, err := extractOne(ctx, &e, in.src, in.url)
		if err != nil {
			failed++
			fmt.Fprintln(stderr, message(fmt.Errorf("%s: %w", in.src, err)))
			continue
		}
		if *noHTML {
			a.HTML = ""
		}
		if csvw != nil {
			// The article's columns of a record; a crawl's are empty.
			err = csvw.Write(&scoop.Record{ID: scoop.RecordID(a.URL), Article: *a, ContentSHA256: scoop.ContentSum(a)})
		} else {
			err = w.WriteValue(a)
		}
		if err != nil {
			return err
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d pages gave no article", failed, len(inputs))
	}
	return nil
}

func cmpStr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func isPageFile(p string) bool {
	p = strings.TrimSuffix(strings.ToLower(p), ".gz")
	return strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".htm")
}

func joinURL(base, rel string) string {
	u, err := url.Parse(base)
	if err != nil {
		return base
	}
	return u.JoinPath(filepath.ToSlash(strings.TrimSuffix(rel, ".gz"))).String()
}

// extractOne reads one page from a URL, a file (gzipped or not) or
// standard input and extracts its article.
func extractOne(ctx context.Context, e *scoop.Extractor, src, pageURL string) (*scoop.Article, error) {
	var (
		body        []byte
		contentType string
		err         error
	)
	switch {
	case strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://"):
		body, contentType, pageURL, err = fetch(ctx, src)
	case src == "-":
		body, err = io.ReadAll(os.Stdin)
	default:
		body, err = os.ReadFile(src)
	}
	if err != nil {
		return nil, err
	}
	if bytes.HasPrefix(body, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		if body, err = io.ReadAll(io.LimitReader(zr, scoop.DefaultMaxBytes+1)); err != nil {
			return nil, err
		}
	}
	return e.ExtractWithContentType(bytes.NewReader(body), pageURL, contentType)
}

// fetch gets one page, as politely as a single request can be.
func fetch(ctx context.Context, u string) (body []byte, contentType, final string, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, "", "", err
	}
	req.Header.Set("User-Agent", scoop.DefaultUserAgent)
	c := &http.Client{Timeout: scoop.DefaultTimeout}
	resp, err := c.Do(req)
	if err != nil {
		return nil, "", "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, "", "", fmt.Errorf("%w %s from %s", scoop.ErrHTTPStatus, resp.Status, u)
	}
	body, err = io.ReadAll(io.LimitReader(resp.Body, scoop.DefaultMaxBytes+1))
	return body, resp.Header.Get("Content-Type"), resp.Request.URL.String(), err
}
