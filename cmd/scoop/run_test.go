package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scoopkit/scoop"
	"github.com/scoopkit/scoop/internal/newssite"
)

func TestRunUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string // in the error
	}{
		{"no command", nil, "no command"},
		{"unknown command", []string{"fetch"}, "unknown command"},
		{"extract without source", []string{"extract"}, "one FILE"},
		{"extract file without url", []string{"extract", "page.html"}, "-url is required"},
		{"crawl without seeds", []string{"crawl", "-depth", "2"}, "SEED_URL"},
		{"crawl bad flag", []string{"crawl", "-depth", "x", "http://a.test/"}, "invalid value"},
		{"crawl bad date", []string{"crawl", "-from", "May", "http://a.test/"}, "2024-05-31"},
		{"crawl reversed window", []string{"crawl", "-from", "2024-05-02", "-to", "2024-05-01", "http://a.test/"}, "before -from"},
		{"demo with arguments", []string{"demo", "x"}, "no arguments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), tt.args, &stdout, &stderr)
			var ue usageError
			if !errors.As(err, &ue) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("run(%q) = %v, want a usage error about %q", tt.args, err, tt.want)
			}
		})
	}
}

func TestRunHelp(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"help"}, &stdout, &stderr); err != nil || !strings.Contains(stdout.String(), "scoop crawl") {
		t.Errorf("help: %v, %q", err, stdout.String())
	}
	if err := run(context.Background(), []string{"crawl", "-h"}, &stdout, &stderr); err != nil || !strings.Contains(stderr.String(), "-max-pages") {
		t.Errorf("crawl -h: %v, %q", err, stderr.String())
	}
}

func TestRunExtract(t *testing.T) {
	site := newssite.New(newssite.Options{})
	srv := httptest.NewServer(site)
	defer srv.Close()
	st := site.Emittable()[0]

	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"extract", srv.URL + st.Path}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	var a scoop.Article
	if err := json.Unmarshal(stdout.Bytes(), &a); err != nil || a.Title != st.Title {
		t.Errorf("extract URL: %v, title %q, want %q", err, a.Title, st.Title)
	}

	file := filepath.Join(t.TempDir(), "page.html")
	if err := os.WriteFile(file, []byte(a.HTML), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout.Reset()
	err := run(context.Background(), []string{"extract", "-url", srv.URL + st.Path, file}, &stdout, &stderr)
	if err != nil || !strings.Contains(stdout.String(), `"text"`) {
		t.Errorf("extract FILE: %v, %q", err, stdout.String())
	}
}

func TestRunCrawl(t *testing.T) {
	site := newssite.New(newssite.Options{})
	srv := httptest.NewServer(site)
	defer srv.Close()
	dir := t.TempDir()
	out := filepath.Join(dir, "out.jsonl")
	// A line cut short by a killed run, which must go.
	if err := os.WriteFile(out, []byte(`{"url":"http://a.test/x","content_sha256":"ab`), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"crawl", "-o", out, "-state", filepath.Join(dir, "state"), "-delay", "-1ns", "-parallel", "4",
		"-sitemaps", "-from", "2024-03-01", "-to", "2024-03-31", "-progress", "100ms", srv.URL + "/"}
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), args, &stdout, &stderr); err != nil {
		t.Fatal(err, stderr.String())
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout: %q", stdout.String())
	}
	if !strings.Contains(stderr.String(), "articles ") {
		t.Errorf("no summary on stderr: %q", stderr.String())
	}
	want := 0
	for _, st := range site.Emittable() {
		if st.Published.Month() == 3 {
			want++
		}
	}
	lines := readLines(t, out)
	if len(lines) != want {
		t.Errorf("%d records, want %d", len(lines), want)
	}
	for _, l := range lines {
		var r scoop.Record
		if err := json.Unmarshal([]byte(l), &r); err != nil || r.Published.Month() != 3 || r.ContentSHA256 == "" {
			t.Errorf("record %v: %.80s", err, l)
		}
	}

	// Resumed with nothing left to do: nothing is written twice.
	if err := run(context.Background(), args, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if n := len(readLines(t, out)); n != want {
		t.Errorf("%d records after a second run, want %d", n, want)
	}
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) > 0 && b[len(b)-1] != '\n' {
		t.Errorf("%s ends in a partial line", path)
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

func TestRunDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the whole demo site")
	}
	full := filepath.Join(t.TempDir(), "full.jsonl")
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"demo", "-o", full}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	n := len(newssite.New(newssite.Options{}).Emittable())
	if got := strings.Count(stdout.String(), "\n"); got != n {
		t.Errorf("%d lines on stdout, want %d", got, n)
	}
	if got := len(readLines(t, full)); got != n {
		t.Errorf("%d full records, want %d", got, n)
	}
	if !strings.Contains(stderr.String(), "articles from") {
		t.Errorf("stderr: %q", stderr.String())
	}
}
