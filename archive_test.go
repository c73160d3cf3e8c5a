package scoop

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestWARCLocationRoundTrip(t *testing.T) {
	for _, l := range []WARCLocation{
		{WARCFile: "crawl-00001.warc.gz", WARCRecordID: "<urn:uuid:0f8c5b3e-1c6e-4a59-9e4b-1d2c3b4a5f60>", WARCOffset: 1234},
		{WARCFile: "my crawl 2.warc.gz", WARCRecordID: "<urn:uuid:1>", WARCOffset: 0},
	} {
		got, ok := ParseWARCLocation(l.String())
		if !ok || got != l {
			t.Errorf("%q parsed as %+v, %v", l.String(), got, ok)
		}
	}
	for _, bad := range []string{"", "file", "file x <id>", "file -1 <id>", " 12 <id>"} {
		if l, ok := ParseWARCLocation(bad); ok {
			t.Errorf("%q parsed as %+v", bad, l)
		}
	}
}

// TestPageRecord: pages a crawl would not deliver are not records when
// read back from an archive either.
func TestPageRecord(t *testing.T) {
	story := `<html lang="en"><head><title>Council approves harbour plan</title><meta property="og:type" content="article"></head><body><article><h1>Council approves harbour plan</h1>
<p>The city council voted on Tuesday night to approve the long-debated redevelopment of the harbour front, after a four-hour meeting that ran well past midnight.</p>
<p>Fishing crews, who had demanded the work since last winter, welcomed a decision they called overdue. Construction is due to start in the summer.</p>
<p>The opposition criticised the timetable and asked for an independent study of the effect on the fish market, which must move for eighteen months.</p></article></body></html>`
	amp := `<html amp><head><title>Council approves harbour plan</title><link rel="canonical" href="/2024/03/05/harbour-plan/"></head><body><article><h1>Council approves harbour plan</h1><p>Short.</p></article></body></html>`
	var e Extractor
	fetched := time.Date(2024, 3, 5, 9, 0, 0, 0, time.FixedZone("", 3600))
	r, err := e.PageRecord([]byte(story), "https://news.example/2024/03/05/harbour-plan/", "text/html", fetched)
	if err != nil {
		t.Fatal(err)
	}
	if r.Title != "Council approves harbour plan" || r.Status != 200 || r.ContentSHA256 != ContentSum(&r.Article) || len(r.ContentSHA256) != 64 ||
		r.FetchedAt != fetched.UTC() || r.FinalURL != "https://news.example/2024/03/05/harbour-plan/" {
		t.Errorf("record %+v", r)
	}
	if _, err := e.PageRecord([]byte(amp), "https://news.example/2024/03/05/harbour-plan/amp/", "text/html", fetched); !errors.Is(err, ErrNoArticle) {
		t.Errorf("AMP copy: %v, want ErrNoArticle", err)
	}
	// Without a claim to be an article, a home page is a listing.
	home := strings.Replace(story, `<meta property="og:type" content="article">`, "", 1)
	if _, err := e.PageRecord([]byte(home), "https://news.example/", "text/html", fetched); !errors.Is(err, ErrNoArticle) {
		t.Errorf("home page: %v, want ErrNoArticle", err)
	}
	if _, err := e.PageRecord([]byte(story), "ftp://news.example/x", "text/html", fetched); !errors.Is(err, ErrInvalidURL) {
		t.Errorf("ftp: %v, want ErrInvalidURL", err)
	}
}
