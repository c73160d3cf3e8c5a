package warc_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"

	"github.com/scoopkit/scoop/warc"
)

const page = `<!DOCTYPE html><html lang="en"><head><title>Council approves harbour plan</title>
<meta property="og:type" content="article"></head><body><article><h1>Council approves harbour plan</h1>
<p>The city council voted on Tuesday night to approve the long-debated redevelopment of the harbour front, after a four-hour meeting that ran well past midnight.</p>
<p>Fishing crews, who had demanded the work since last winter, welcomed a decision they called overdue. Construction is due to start in the summer.</p>
<p>The opposition criticised the timetable and asked for an independent study of the effect on the fish market, which must move for eighteen months.</p>
</article></body></html>`

// A Recorder archives what goes through it; a Reader gets the articles
// back out of the archive.
func Example() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, page)
	}))
	defer srv.Close()
	dir, _ := os.MkdirTemp("", "warc-example")
	defer os.RemoveAll(dir)

	rec, err := warc.NewRecorder(filepath.Join(dir, "news.warc.gz"), nil, warc.RecorderOptions{})
	if err != nil {
		panic(err)
	}
	client := &http.Client{Transport: rec} // or scoop.Scraper{Transport: rec}
	resp, err := client.Get(srv.URL + "/2024/03/05/harbour-plan/")
	if err != nil {
		panic(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close() // the exchange is written now
	rec.Close()
	fmt.Println(rec.Files())

	f, err := os.Open(filepath.Join(dir, "news-00001.warc.gz"))
	if err != nil {
		panic(err)
	}
	defer f.Close()
	r := warc.NewReader(f, "news-00001.warc.gz")
	for a, err := range r.All() {
		if err != nil {
			fmt.Println("skipped:", err)
			continue
		}
		fmt.Println(a.Title, a.Status, a.WARCFile)
	}
	fmt.Printf("%+v\n", r.Stats())
	// Output:
	// [news-00001.warc.gz]
	// Council approves harbour plan 200 news-00001.warc.gz
	// {Records:3 Pages:1 Articles:1 Duplicates:0 NotArticle:0 Revisits:0 Unresolved:0 Errors:0}
}
