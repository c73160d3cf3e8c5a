package scoop_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/scoopkit/scoop"
	"github.com/scoopkit/scoop/internal/newssite"
)

// Crawl a news site from its science section, one link deep, and collect
// the headlines. The site here is scoop's fake one, served locally.
func ExampleScraper_Run() {
	site := httptest.NewServer(newssite.New(newssite.Options{}))
	defer site.Close()

	s := &scoop.Scraper{
		MaxDepth: 1,
		Delay:    10 * time.Millisecond, // the default, one second, suits real sites
	}
	var titles []string
	err := s.Run(context.Background(), []string{site.URL + "/section/science/"}, func(r *scoop.Record, err error) error {
		if err != nil {
			return nil // a page that failed: go on (Stats counts them)
		}
		titles = append(titles, r.Title)
		return nil
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	slices.Sort(titles)
	fmt.Println(len(titles), "articles, first:", titles[0])
	// Output:
	// 10 articles, first: Brackwater climate institute delays storm surge model
}

// Write what a crawl delivers as JSON Lines.
func ExampleRecordWriter() {
	w := scoop.NewRecordWriter(os.Stdout)
	w.WriteValue(map[string]string{"title": "Council approves harbour levy"})
	// Output:
	// {"title":"Council approves harbour levy"}
}

// Addresses that differ only in tracking parameters, fragments, trailing
// slashes or their AMP form name the same story.
func ExampleURLKey() {
	fmt.Println(scoop.URLKey("https://News.example.com/2024/05/01/story/amp/?utm_source=x#top"))
	fmt.Println(scoop.URLKey("https://news.example.com/2024/05/01/story?fbclid=abc"))
	// Output:
	// https://news.example.com/2024/05/01/story
	// https://news.example.com/2024/05/01/story
}

// A crawl's records file, opened again by a resumed run: a record it
// holds is not written twice.
func ExampleOpenJSONL() {
	dir, _ := os.MkdirTemp("", "scoop-example-")
	defer os.RemoveAll(dir)
	path, state := filepath.Join(dir, "articles.jsonl"), filepath.Join(dir, "state")
	story := &scoop.Record{Article: scoop.Article{URL: "https://news.example.com/2024/05/01/levy", Title: "Council approves harbour levy"}}
	for range 2 { // two runs, the first killed after writing the record
		w, err := scoop.OpenJSONL(path, state)
		if err != nil {
			fmt.Println(err)
			return
		}
		w.Write(story)
		w.Close()
	}
	b, _ := os.ReadFile(path)
	fmt.Println(strings.Count(string(b), "\n"), "line")
	// Output:
	// 1 line
}
