// Package warc archives the pages a scoop crawl fetches as WARC files and
// reads articles back out of WARC files, Common Crawl's CC-NEWS among
// them. It is a package of its own so that a program using only scoop
// does not download a WARC library; it uses github.com/nlnwa/gowarc/v3
// for the format.
//
// # Writing
//
// A [Recorder] is an http.RoundTripper to give a crawl as its transport
// (scoop.Scraper's Transport): every exchange, robots.txt, sitemaps,
// feeds and redirect hops included, becomes a request record and a
// response record in a series of gzipped WARC/1.1 files, and each
// scoop.Record names its response record (its bodies are
// scoop.ResponseNoters; [Location] tells other callers).
//
// # Reading
//
// A [Reader] re-extracts the articles of the HTML responses in a WARC
// file as scoop.Records, naming the record each came from, and delivers
// each story once as a crawl would ([Seen]). Records it
// cannot read are reported as a [*RecordError] and skipped: [ErrCorrupt],
// [ErrTruncated], [ErrDigest], [ErrRecordTooLarge], [ErrEncoding].
//
// # Files
//
// recorder.go holds the transport, files.go the rolling files it
// writes (lock_*.go tell a live file from a killed run's), reader.go the
// reader, scan.go its walk over records and gzip members, and payload.go
// the decoding of the pages it reads; gowarc.go keeps gowarc's setup
// from racing.
package warc
