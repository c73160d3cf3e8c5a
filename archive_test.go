package scoop

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"testing"
	"time"
)

// TestPageRecord: a page read back from an archive gives the record and
// delivery a crawl would make of it, and pages a crawl would not deliver
// are not records.
func TestPageRecord(t *testing.T) {
	story := `<html lang="en"><head><title>Council approves harbour plan</title><meta property="og:type" content="article"></head><body><article><h1>Council approves harbour plan</h1>
<p>The city council voted on Tuesday night to approve the long-debated redevelopment of the harbour front, after a four-hour meeting that ran well past midnight.</p>
<p>Fishing crews, who had demanded the work since last winter, welcomed a decision they called overdue. Construction is due to start in the summer.</p>
<p>The opposition criticised the timetable and asked for an independent study of the effect on the fish market, which must move for eighteen months.</p></article></body></html>`
	amp := `<html amp><head><title>Council approves harbour plan</title><link rel="canonical" href="/2024/03/05/harbour-plan/"></head><body><article><h1>Council approves harbour plan</h1><p>Short.</p></article></body></html>`
	var e Extractor
	fetched := time.Date(2024, 3, 5, 9, 0, 0, 0, time.FixedZone("", 3600))
	page := "https://news.example/2024/03/05/harbour-plan/?utm_source=rss"
	r, d, err := e.PageRecord([]byte(story), page, "text/html", fetched)
	if err != nil {
		t.Fatal(err)
	}
	if r.Title != "Council approves harbour plan" || r.Status != 200 || r.ContentSHA256 != ContentSum(&r.Article) || len(r.ContentSHA256) != 64 ||
		r.FetchedAt != fetched.UTC() || r.FinalURL != page || r.ID != RecordID(r.URL) {
		t.Errorf("record %+v", r)
	}
	body := sha256.Sum256([]byte(story))
	if d.Key != URLKey(r.URL) || d.URL != r.URL || d.Host != "news.example" || d.ContentSHA != r.ContentSHA256 || d.BodySHA != hex.EncodeToString(body[:]) {
		t.Errorf("delivery %+v", d)
	}
	if _, _, err := e.PageRecord([]byte(amp), "https://news.example/2024/03/05/harbour-plan/amp/", "text/html", fetched); !errors.Is(err, ErrNoArticle) {
		t.Errorf("AMP copy: %v, want ErrNoArticle", err)
	}
	if _, _, err := e.PageRecord([]byte(story), "ftp://news.example/x", "text/html", fetched); !errors.Is(err, ErrInvalidURL) {
		t.Errorf("ftp: %v, want ErrInvalidURL", err)
	}
}
