package main

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"

	"github.com/gocolly/colly/v2/proxy"
	"github.com/scoopkit/scoop"
	"github.com/scoopkit/scoop/warc"
)

// warcOptions are the flags of extract -warc.
type warcOptions struct {
	format          string
	verbose, noHTML bool
}

// extractWARC re-extracts the articles of WARC files: one record per
// article, delivered once over all the files as a crawl would (see
// warc.Seen).
// Records that cannot be read are reported on stderr and skipped; a
// file that cannot be read at all fails the command after the others
// are read.
func extractWARC(ctx context.Context, files []string, o warcOptions, stdout, stderr io.Writer) error {
	if len(files) == 0 {
		return usagef("extract -warc needs at least one FILE")
	}
	sink, err := newSink(o.format, stdout, true)
	if err != nil {
		return err
	}
	seen := &warc.Seen{} // each story once over all the files
	var total warc.Stats
	var failed []error
	for _, name := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		f, err := os.Open(name)
		if err != nil {
			failed = append(failed, err)
			continue
		}
		rd := warc.NewReader(f, filepath.Base(name))
		rd.Seen = seen
		var fatal error
		for rec, err := range rd.All() {
			if err != nil {
				var re *warc.RecordError
				if !errors.As(err, &re) {
					fatal = err
				} else if o.verbose {
					fmt.Fprintln(stderr, "skipped:", err)
				}
				continue
			}
			if o.noHTML {
				rec.HTML = ""
			}
			if err := sink.Write(rec); err != nil {
				f.Close()
				return &outputError{err}
			}
			if ctx.Err() != nil {
				break
			}
		}
		f.Close()
		if fatal != nil {
			failed = append(failed, fatal)
		}
		st := rd.Stats()
		total.Records += st.Records
		total.Pages += st.Pages
		total.Articles += st.Articles
		total.Duplicates += st.Duplicates
		total.NotArticle += st.NotArticle
		total.Revisits += st.Revisits
		total.Unresolved += st.Unresolved
		total.Errors += st.Errors
	}
	fmt.Fprintf(stderr, "records %d  pages %d  articles %d  duplicates %d  not articles %d  revisits %d (unresolved %d)  unreadable records %d\n",
		total.Records, total.Pages, total.Articles, total.Duplicates, total.NotArticle, total.Revisits, total.Unresolved, total.Errors)
	if total.Errors > 0 && !o.verbose {
		fmt.Fprintln(stderr, "run with -v to list the unreadable records")
	}
	return errors.Join(failed...)
}

// recordWARC has the crawl s archive its exchanges in WARC files named
// after path, and returns the function that closes the last file.
func recordWARC(s *scoop.Scraper, path string, maxSize int64) (func() error, error) {
	if maxSize <= 0 {
		return nil, usagef("-warc-max-size must be positive")
	}
	base := http.DefaultTransport.(*http.Transport).Clone()
	base.MaxIdleConnsPerHost = max(s.Parallelism, 1) + 1
	// HTTP/1.1 only: WARC has no agreed form for HTTP/2 exchanges, and
	// readers expect an HTTP/1.x status line.
	base.ForceAttemptHTTP2 = false
	base.TLSNextProto = map[string]func(string, *tls.Conn) http.RoundTripper{}
	if len(s.Proxies) > 0 {
		// A Scraper's Transport replaces the one its Proxies apply to, so
		// they are applied here, in turn as the crawl would.
		pf, err := proxy.RoundRobinProxySwitcher(s.Proxies...)
		if err != nil {
			return nil, usagef("-proxy: %v", err)
		}
		base.Proxy = func(r *http.Request) (*url.URL, error) {
			c := *r // the switcher rewrites the request it is given
			return pf(&c)
		}
	}
	rec, err := warc.NewRecorder(path, base, warc.RecorderOptions{MaxFileSize: maxSize, MaxBodySize: s.MaxBodySize})
	if err != nil {
		return nil, err
	}
	s.Transport = rec
	return rec.Close, nil
}
