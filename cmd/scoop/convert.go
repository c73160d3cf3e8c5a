package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/zstd"
	"github.com/scoopkit/scoop"
)

// runConvert turns JSON Lines files of records into one CSV or Parquet
// file. A crawl writes JSON Lines, which survive a kill; Parquet cannot
// be read until it is closed, so it is made afterwards.
func runConvert(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("scoop convert", flag.ContinueOnError)
	format := fs.String("format", "", "csv or parquet (required)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: scoop convert -format csv|parquet IN.jsonl... OUT")
		fs.PrintDefaults()
	}
	if done, err := parse(fs, args, stderr); done {
		return err
	}
	if *format != "csv" && *format != "parquet" {
		return usagef("convert needs -format csv or parquet, got %q", *format)
	}
	if fs.NArg() < 2 {
		return usagef("convert takes IN.jsonl... OUT")
	}
	ins, outPath := fs.Args()[:fs.NArg()-1], fs.Arg(fs.NArg()-1)
	for _, in := range ins {
		if in == outPath {
			return usagef("%s is both an input and the output", in)
		}
	}
	// Written under a temporary name and renamed when whole, so that OUT
	// is never a half-written file.
	tmp, err := os.CreateTemp(dirOf(outPath), ".scoop-convert-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	bw := bufio.NewWriterSize(tmp, 1<<20)
	var write func(*scoop.Record) error
	var finish func() error
	switch *format {
	case "csv":
		sink, _ := newSink("csv", bw, true)
		write, finish = sink.Write, func() error { return nil }
	case "parquet":
		pw := parquet.NewGenericWriter[parquetRow](bw, parquet.Compression(&zstd.Codec{}))
		write = func(r *scoop.Record) error {
			_, err := pw.Write([]parquetRow{toParquet(r)})
			return err
		}
		finish = pw.Close
	}
	var n int64
	for _, in := range ins {
		c, err := eachRecord(ctx, in, write)
		n += c
		if err != nil {
			return err
		}
	}
	if err := errors.Join(finish(), bw.Flush(), tmp.Sync(), tmp.Close()); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), outPath); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "%d records written to %s\n", n, outPath)
	return nil
}

func dirOf(path string) string {
	for i := len(path) - 1; i >= 0; i-- {
		if os.IsPathSeparator(path[i]) {
			return path[:i+1]
		}
	}
	return "."
}

// eachRecord calls fn with each record of a JSON Lines file. A last line
// without its newline, which a killed crawl leaves, is dropped; any
// other line that is not a record is an error naming it.
func eachRecord(ctx context.Context, path string, fn func(*scoop.Record) error) (int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<20)
	var n int64
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		if len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		var r scoop.Record
		if err := json.Unmarshal(b, &r); err != nil {
			return n, fmt.Errorf("%s:%d: not a record: %w", path, line, err)
		}
		if err := fn(&r); err != nil {
			return n, err
		}
		n++
		if n%1024 == 0 && ctx.Err() != nil {
			return n, ctx.Err()
		}
	}
}

// parquetRow is a Record as a Parquet row: related stories are a list
// column, times are timestamps and optional ones may be null.
type parquetRow struct {
	URL           string           `parquet:"url"`
	FinalURL      string           `parquet:"final_url"`
	Status        int32            `parquet:"status"`
	FetchedAt     time.Time        `parquet:"fetched_at,timestamp(millisecond)"`
	Title         string           `parquet:"title"`
	Byline        string           `parquet:"byline"`
	SiteName      string           `parquet:"site_name"`
	Language      string           `parquet:"language"`
	Published     *time.Time       `parquet:"published,optional,timestamp(millisecond)"`
	Modified      *time.Time       `parquet:"modified,optional,timestamp(millisecond)"`
	DateSource    string           `parquet:"date_source"`
	Excerpt       string           `parquet:"excerpt"`
	Image         string           `parquet:"image"`
	Text          string           `parquet:"text"`
	HTML          string           `parquet:"html"`
	SourceURL     string           `parquet:"source_url"`
	Related       []parquetRelated `parquet:"related,list"`
	ContentSHA256 string           `parquet:"content_sha256"`
	Depth         int32            `parquet:"depth"`
	FoundOn       string           `parquet:"found_on"`
	Extractor     string           `parquet:"extractor"`
	WARCFile      string           `parquet:"warc_file"`
	WARCRecordID  string           `parquet:"warc_record_id"`
	WARCOffset    int64            `parquet:"warc_offset"`
}

type parquetRelated struct {
	Title     string     `parquet:"title"`
	URL       string     `parquet:"url"`
	Published *time.Time `parquet:"published,optional,timestamp(millisecond)"`
	Summary   string     `parquet:"summary"`
	Image     string     `parquet:"image"`
	Block     string     `parquet:"block"`
	Inline    bool       `parquet:"inline"`
}

func toParquet(r *scoop.Record) parquetRow {
	p := parquetRow{
		URL: r.URL, FinalURL: r.FinalURL, Status: int32(r.Status), FetchedAt: r.FetchedAt,
		Title: r.Title, Byline: r.Byline, SiteName: r.SiteName, Language: r.Language,
		Published: r.Published, Modified: r.Modified, DateSource: string(r.DateSource),
		Excerpt: r.Excerpt, Image: r.Image, Text: r.Text, HTML: r.HTML, SourceURL: r.SourceURL,
		ContentSHA256: r.ContentSHA256, Depth: int32(r.Depth), FoundOn: r.FoundOn, Extractor: r.Extractor,
		WARCFile: r.WARCFile, WARCRecordID: r.WARCRecordID, WARCOffset: r.WARCOffset,
	}
	for _, s := range r.Related {
		p.Related = append(p.Related, parquetRelated(s))
	}
	return p
}
