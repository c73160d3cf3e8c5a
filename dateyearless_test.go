package scoop

import (
	"os"
	"strings"
	"testing"
	"time"
)

// A weekday date whose weekday falls on none of the page's years gives
// no date: a year is never guessed.
func TestYearlessDateNeedsItsWeekday(t *testing.T) {
	page, err := os.ReadFile("testdata/dates/ja-weekday-no-year.html")
	if err != nil {
		t.Fatal(err)
	}
	for years, want := range map[string]string{
		"2017": "2017-06-14", // a Wednesday
		"2018": "",           // a Thursday
	} {
		src := strings.ReplaceAll(string(page), "Copyright (C) 2017", "Copyright (C) "+years)
		a, err := Extract(strings.NewReader(src), "https://news.portal.example/hl?a=minato-library")
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if a.Published != nil {
			got = a.Published.Format(time.DateOnly)
		}
		if got != want {
			t.Errorf("copyright %s: published %q, want %q", years, got, want)
		}
	}
	// The URL's year counts as the page's too.
	src := strings.ReplaceAll(string(page), "Copyright (C) 2017", "Copyright (C)")
	a, err := Extract(strings.NewReader(src), "https://news.portal.example/hl?a=20170614-00000012-minato")
	if err != nil {
		t.Fatal(err)
	}
	if a.Published == nil || a.Published.Format(time.DateOnly) != "2017-06-14" {
		t.Errorf("year from the URL: published %v, want 2017-06-14", a.Published)
	}
}
