package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/scoopkit/scoop"
)

// testRecords are records with what makes tables hard: newlines and
// quotes in text, a missing date, related stories with and without
// dates, and a WARC location.
func testRecords() []*scoop.Record {
	pub := time.Date(2024, 3, 5, 8, 30, 0, 0, time.UTC)
	return []*scoop.Record{
		{
			Article: scoop.Article{URL: "https://a.example/2024/03/05/port/", Title: `Port "renewal" approved`, Byline: "Hélène Duprés",
				Language: "en", Published: &pub, Text: "First paragraph, with a comma.\n\nSecond paragraph; \"quoted\".", HTML: "<p>First</p>",
				DateSource: scoop.DateFromJSONLD, SourceURL: "https://a.example/2024/03/05/port/",
				Related: []scoop.RelatedStory{{Title: "Older story", URL: "https://a.example/old/", Published: &pub, Block: "Related"}, {Title: "Inline", URL: "https://a.example/in/", Inline: true}}},
			FetchedAt: time.Date(2024, 3, 5, 9, 0, 0, 0, time.UTC), Status: 200, FinalURL: "https://a.example/2024/03/05/port/?x=1",
			ContentSHA256: "ab12", Depth: 2, FoundOn: "https://a.example/", Extractor: "scoop test",
			WARCLocation: scoop.WARCLocation{WARCFile: "crawl-00001.warc.gz", WARCRecordID: "<urn:uuid:1>", WARCOffset: 1234},
		},
		{
			Article:   scoop.Article{URL: "https://b.example/story", Title: "No date", Text: "Only text."},
			FetchedAt: time.Date(2024, 3, 6, 9, 0, 0, 0, time.UTC), Status: 200, FinalURL: "https://b.example/story", ContentSHA256: "cd34",
		},
	}
}

func writeJSONL(t *testing.T, recs []*scoop.Record) string {
	t.Helper()
	var buf bytes.Buffer
	rw := scoop.NewRecordWriter(&buf)
	for _, r := range recs {
		rw.Write(r)
	}
	buf.WriteString(`{"url":"https://torn.example/","tit`) // a killed crawl's last line
	p := filepath.Join(t.TempDir(), "in.jsonl")
	os.WriteFile(p, buf.Bytes(), 0o644)
	return p
}

func TestConvertParquet(t *testing.T) {
	recs := testRecords()
	in := writeJSONL(t, recs)
	out := filepath.Join(t.TempDir(), "out.parquet")
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"convert", "-format", "parquet", in, out}, &stdout, &stderr); err != nil {
		t.Fatalf("convert: %v\n%s", err, stderr.String())
	}
	rows, err := parquet.ReadFile[parquetRow](out)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(recs) {
		t.Fatalf("%d rows, want %d", len(rows), len(recs))
	}
	for i, r := range recs {
		got := rows[i]
		if got.URL != r.URL || got.Title != r.Title || got.Text != r.Text || got.Status != 200 || got.WARCOffset != r.WARCOffset ||
			!got.FetchedAt.Equal(r.FetchedAt) || got.DateSource != string(r.DateSource) || got.Byline != r.Byline {
			t.Errorf("row %d: %+v", i, got)
		}
		if (got.Published == nil) != (r.Published == nil) || got.Published != nil && !got.Published.Equal(*r.Published) {
			t.Errorf("row %d: published %v, want %v", i, got.Published, r.Published)
		}
		if len(got.Related) != len(r.Related) {
			t.Fatalf("row %d: %d related, want %d", i, len(got.Related), len(r.Related))
		}
		for j, s := range r.Related {
			g := got.Related[j]
			if g.Title != s.Title || g.URL != s.URL || g.Inline != s.Inline || g.Block != s.Block || (g.Published == nil) != (s.Published == nil) {
				t.Errorf("row %d related %d: %+v, want %+v", i, j, g, s)
			}
		}
	}
}

func TestConvertCSV(t *testing.T) {
	recs := testRecords()
	in := writeJSONL(t, recs)
	out := filepath.Join(t.TempDir(), "out.csv")
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"convert", "-format", "csv", in, out}, &stdout, &stderr); err != nil {
		t.Fatalf("convert: %v\n%s", err, stderr.String())
	}
	f, _ := os.Open(out)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+len(recs) {
		t.Fatalf("%d rows, want a header and %d", len(rows), len(recs))
	}
	col := func(name string) int {
		i := slices.Index(rows[0], name)
		if i < 0 {
			t.Fatalf("no column %s in %v", name, rows[0])
		}
		return i
	}
	r0 := rows[1]
	if r0[col("title")] != `Port "renewal" approved` || r0[col("text")] != recs[0].Text || r0[col("published")] != "2024-03-05T08:30:00Z" ||
		r0[col("status")] != "200" || r0[col("warc_offset")] != "1234" || r0[col("depth")] != "2" {
		t.Errorf("row 1: %q", r0)
	}
	var related []scoop.RelatedStory
	if err := json.Unmarshal([]byte(r0[col("related")]), &related); err != nil || !reflect.DeepEqual(related[1], recs[0].Related[1]) {
		t.Errorf("related cell %q: %v", r0[col("related")], err)
	}
	if r1 := rows[2]; r1[col("published")] != "" || r1[col("related")] != "" || r1[col("warc_file")] != "" {
		t.Errorf("row 2: absent values should be empty: %q", r1)
	}
	if off, _ := strconv.Atoi(r0[col("warc_offset")]); off != 1234 {
		t.Errorf("offset %d", off)
	}
}

// TestCrawlCSVResume appends to a CSV records file that a killed run
// left with a torn last row: the row is cut off, the header is not
// repeated and the records there are not written again.
func TestCrawlCSVResume(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.csv")
	f, _ := os.Create(out)
	sink, _ := newSink("csv", f, true)
	recs := testRecords()
	sink.Write(recs[0])
	f.WriteString(`"https://b.example/story","No date","`) // torn
	f.Close()
	o, err := openCSV(out)
	if err != nil {
		t.Fatal(err)
	}
	if !o.keys[scoop.URLKey(recs[0].URL)] || o.keys[scoop.URLKey(recs[1].URL)] || o.header {
		t.Errorf("index %v, header to write %v", o.keys, o.header)
	}
	o.Write(recs[0]) // there already: not written again
	o.Write(recs[1])
	o.Close()
	f, _ = os.Open(out)
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil || len(rows) != 3 || rows[2][1] != "https://b.example/story" {
		t.Errorf("rows %q: %v", rows, err)
	}
}
