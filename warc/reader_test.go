package warc

import (
	"bytes"
	"compress/gzip"
	"crypto/sha1"
	"encoding/base32"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/scoopkit/scoop"
	"golang.org/x/text/encoding/charmap"
)

// rawRecord is a WARC record written by hand, the way the files of
// other tools lay them out, so that the reader is not only tested on
// what gowarc writes.
type rawRecord struct {
	version string // "1.0" or "1.1"
	typ     string
	id      string
	uri     string
	date    string
	fields  []string // further "Name: value" lines
	block   []byte
	payload []byte // for the payload digest; nil for none
}

func sha1b32(b []byte) string {
	s := sha1.Sum(b)
	return "sha1:" + base32.StdEncoding.EncodeToString(s[:])
}

func (r rawRecord) bytes() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/%s\r\nWARC-Type: %s\r\n", r.version, r.typ)
	if r.uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", r.uri)
	}
	fmt.Fprintf(&b, "WARC-Date: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\n", r.date, r.id)
	for _, f := range r.fields {
		b.WriteString(f + "\r\n")
	}
	fmt.Fprintf(&b, "WARC-Block-Digest: %s\r\n", sha1b32(r.block))
	if r.payload != nil {
		fmt.Fprintf(&b, "WARC-Payload-Digest: %s\r\n", sha1b32(r.payload))
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(r.block))
	b.Write(r.block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

func gzipMember(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// httpResponse is an HTTP response as a WARC block.
func httpResponse(status string, headers []string, body []byte) []byte {
	return append([]byte("HTTP/1.1 "+status+"\r\n"+strings.Join(headers, "\r\n")+"\r\n\r\n"), body...)
}

// frenchStory is a news article in French, to be stored in ISO-8859-1.
func frenchStory(title string) string {
	return `<!DOCTYPE html><html lang="fr"><head><title>` + title + ` | Le Courrier du Port</title>
<meta property="og:type" content="article"><meta property="og:title" content="` + title + `">
<meta property="article:published_time" content="2024-03-05T08:30:00+01:00"></head><body>
<header><nav><a href="/">Accueil</a> <a href="/economie/">Économie</a></nav></header>
<article><h1>` + title + `</h1><p class="byline">Par Hélène Duprés</p>
<p>Le conseil municipal a voté mardi soir, après un débat de près de quatre heures, la rénovation complète des quais du port de pêche, un chantier estimé à douze millions d'euros.</p>
<p>Les pêcheurs, qui réclamaient ces travaux depuis l'hiver dernier, ont salué une décision « attendue et nécessaire ». Les premières pelleteuses arriveront à l'été, a précisé l'adjointe chargée des équipements.</p>
<p>L'opposition a dénoncé un calendrier trop serré et demandé une étude indépendante sur l'impact des travaux sur la criée, qui devra déménager pendant dix-huit mois.</p>
<p>Le préfet doit encore donner son accord au financement régional, attendu d'ici la fin du trimestre.</p>
</article><footer>© Le Courrier du Port</footer></body></html>`
}

func latin1(t *testing.T, s string) []byte {
	b, err := charmap.ISO8859_1.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// ccNews builds a small file laid out as early CC-NEWS files are:
// WARC/1.0, a warcinfo record, response records only, payloads stored
// decoded with the original Content-Encoding and Content-Length renamed
// X-Crawler-*, SHA-1 digests in base 32. Beside two stories it holds a
// 404, an image, a revisit of the first story under another address and
// a revisit of a page the file lacks.
func ccNews(t *testing.T) []rawRecord {
	story1 := latin1(t, frenchStory("Le port de pêche sera rénové dès l'été"))
	story2 := latin1(t, frenchStory("La criée déménagera pendant dix-huit mois"))
	resp := func(id, uri string, status, ct string, body []byte) rawRecord {
		return rawRecord{version: "1.0", typ: "response", id: id, uri: uri, date: "2024-03-05T09:12:44Z",
			fields: []string{"Content-Type: application/http; msgtype=response", "WARC-IP-Address: 192.0.2.7"},
			block: httpResponse(status, []string{"Content-Type: " + ct, "X-Crawler-Content-Encoding: gzip",
				fmt.Sprintf("X-Crawler-Content-Length: %d", len(body)/3), fmt.Sprintf("Content-Length: %d", len(body))}, body),
			payload: body}
	}
	r1 := resp("00000000-0000-4000-8000-000000000001", "https://courrier.example/2024/03/05/port-renove/", "200 OK", "text/html; charset=ISO-8859-1", story1)
	revisit := rawRecord{version: "1.0", typ: "revisit", id: "00000000-0000-4000-8000-000000000005",
		uri: "https://courrier.example/2024/03/05/port-renove/?utm_source=rss", date: "2024-03-06T10:00:00Z",
		fields: []string{"Content-Type: application/http; msgtype=response",
			"WARC-Profile: http://netpreserve.org/warc/1.0/revisit/identical-payload-digest",
			"WARC-Payload-Digest: " + sha1b32(story1)},
		block: []byte("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n")}
	orphan := revisit
	orphan.id = "00000000-0000-4000-8000-000000000006"
	orphan.fields = []string{"Content-Type: application/http; msgtype=response",
		"WARC-Profile: http://netpreserve.org/warc/1.0/revisit/identical-payload-digest",
		"WARC-Payload-Digest: sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}
	return []rawRecord{
		{version: "1.0", typ: "warcinfo", id: "00000000-0000-4000-8000-000000000000", date: "2024-03-05T09:00:00Z",
			fields: []string{"Content-Type: application/warc-fields", "WARC-Filename: CC-NEWS-20240305090000-00001.warc.gz"},
			block:  []byte("software: StormCrawler 1.18 https://stormcrawler.net/\r\nformat: WARC File Format 1.0\r\n")},
		r1,
		resp("00000000-0000-4000-8000-000000000002", "https://courrier.example/2024/03/05/criee/", "200 OK", "text/html;charset=iso-8859-1", story2),
		resp("00000000-0000-4000-8000-000000000003", "https://courrier.example/2024/03/05/gone/", "404 Not Found", "text/html", []byte("<html><body>Introuvable</body></html>")),
		resp("00000000-0000-4000-8000-000000000004", "https://courrier.example/logo.png", "200 OK", "image/png", []byte("\x89PNG\r\n\x1a\n")),
		revisit,
		orphan,
	}
}

// layouts writes records in the three layouts WARC files come in.
func layouts(recs []rawRecord) map[string][]byte {
	var plain, per bytes.Buffer
	for _, r := range recs {
		plain.Write(r.bytes())
		per.Write(gzipMember(r.bytes()))
	}
	return map[string][]byte{"plain": plain.Bytes(), "gzip per record": per.Bytes(), "gzip whole": gzipMember(plain.Bytes())}
}

func writeTemp(t *testing.T, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadCCNews(t *testing.T) {
	for name, data := range layouts(ccNews(t)) {
		t.Run(name, func(t *testing.T) {
			got, rd := readAll(t, writeTemp(t, "CC-NEWS-20240305090000-00001.warc.gz", data))
			st := rd.Stats()
			// The two stories and the revisit of the first, resolved in
			// every layout (in a whole-file gzip by inflating up to it).
			if len(got) != 3 {
				t.Fatalf("%d records, want 3; stats %+v", len(got), st)
			}
			r := got[0]
			if r.Title != "Le port de pêche sera rénové dès l'été" {
				t.Errorf("title %q: the ISO-8859-1 header charset was not applied", r.Title)
			}
			if !strings.Contains(r.Text, "douze millions d'euros") || r.Language != "fr" {
				t.Errorf("text %q, language %q", r.Text[:min(80, len(r.Text))], r.Language)
			}
			if r.FinalURL != "https://courrier.example/2024/03/05/port-renove/" || r.Status != 200 {
				t.Errorf("final_url %q status %d", r.FinalURL, r.Status)
			}
			if r.FetchedAt.Format("2006-01-02T15:04:05Z") != "2024-03-05T09:12:44Z" {
				t.Errorf("fetched_at %v, want the WARC-Date", r.FetchedAt)
			}
			if r.WARCFile != "CC-NEWS-20240305090000-00001.warc.gz" || r.WARCRecordID != "<urn:uuid:00000000-0000-4000-8000-000000000001>" || (r.WARCOffset == 0) != (name == "gzip whole") {
				t.Errorf("location %+v", r.WARCLocation)
			}
			if r.Published == nil || r.Published.Format("2006-01-02") != "2024-03-05" {
				t.Errorf("published %v", r.Published)
			}
			{
				rv := got[2]
				if rv.FinalURL != "https://courrier.example/2024/03/05/port-renove/?utm_source=rss" || rv.ContentSHA256 != r.ContentSHA256 ||
					rv.FetchedAt.Day() != 6 || rv.WARCRecordID != "<urn:uuid:00000000-0000-4000-8000-000000000005>" {
					t.Errorf("revisit %s %s %v %s", rv.FinalURL, rv.ContentSHA256, rv.FetchedAt, rv.WARCRecordID)
				}
				if st.Revisits != 2 || st.Unresolved != 1 {
					t.Errorf("revisits %d unresolved %d, want 2 and 1", st.Revisits, st.Unresolved)
				}
			}
			if st.Errors != 0 || st.Records != 7 {
				t.Errorf("stats %+v", st)
			}
		})
	}
}

// TestReadSeen reads the CC-NEWS-style file as a crawl delivers: the
// revisit of the first story under a tracking-parameter address is the
// same story and is not delivered again; the same file read a second
// time with the same Seen delivers nothing.
func TestReadSeen(t *testing.T) {
	data := layouts(ccNews(t))["gzip per record"]
	seen := &Seen{}
	for pass, want := range []int{2, 0} {
		rd := NewReader(bytes.NewReader(data), "cc.warc.gz")
		rd.Seen = seen
		n := 0
		for _, err := range rd.All() {
			if err != nil {
				t.Fatal(err)
			}
			n++
		}
		if st := rd.Stats(); n != want || st.Duplicates != int64(3-want) {
			t.Errorf("pass %d: %d articles, want %d; stats %+v", pass, n, want, st)
		}
	}
}

// TestReadStopEarly stops reading a site's archive after two articles:
// the reading ahead has stopped when All returns, and it read three
// batches of pages ahead of the extraction at most, not the whole file.
func TestReadStopEarly(t *testing.T) {
	path, pages := archiveSite(t, t.TempDir(), true)
	if len(pages) <= 4*batchPages {
		t.Fatalf("%d pages: too few to tell a bounded reading ahead", len(pages))
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rd := NewReader(f, "site.warc.gz")
	n := 0
	for _, err := range rd.All() {
		if err != nil {
			t.Fatal(err)
		}
		if n++; n == 2 {
			break
		}
	}
	select {
	case <-rd.done:
	default:
		t.Fatal("still reading ahead after All returned")
	}
	st := rd.Stats()
	if ahead := st.Pages - st.Articles - st.NotArticle - st.Duplicates; n != 2 || ahead > 3*batchPages || st.Pages == int64(len(pages)) {
		t.Errorf("%d articles; %d of %d pages read, %d of them not yet extracted: more than three batches ahead", n, st.Pages, len(pages), ahead)
	}
}

// readErrs reads a file and returns its records and the errors of the
// records skipped.
func readErrs(t *testing.T, r io.Reader) (recs []*scoop.Record, skipped []error, fatal error) {
	t.Helper()
	rd := NewReader(r, "bad.warc.gz")
	rd.Seen = nil
	for i := 0; i < 1000; i++ {
		rec, err := rd.Read()
		var re *RecordError
		switch {
		case err == io.EOF:
			return recs, skipped, nil
		case errors.As(err, &re):
			skipped = append(skipped, err)
		case err != nil:
			return recs, skipped, err
		default:
			recs = append(recs, rec)
		}
	}
	t.Fatal("the reader does not end")
	return
}

func TestReadBadInput(t *testing.T) {
	good := ccNews(t)
	per := layouts(good)["gzip per record"]
	plain := layouts(good)["plain"]
	lastMember := len(per) - len(gzipMember(good[len(good)-1].bytes()))

	badDigest := append([]rawRecord(nil), good...)
	badDigest[1].payload = []byte("not the payload")
	bd := layouts(badDigest)

	huge := rawRecord{version: "1.1", typ: "response", id: "00000000-0000-4000-8000-0000000000ff", uri: "https://courrier.example/x/", date: "2024-03-05T09:12:44Z",
		fields: []string{"Content-Type: application/http; msgtype=response"}, block: []byte("HTTP/1.1 200 OK\r\n\r\n<html>")}
	hugeBytes := bytes.Replace(huge.bytes(), []byte("Content-Length: 25"), []byte("Content-Length: 2147483648"), 1)
	var hugePer bytes.Buffer
	hugePer.Write(gzipMember(good[0].bytes()))
	hugePer.Write(gzipMember(hugeBytes))
	hugePer.Write(gzipMember(good[1].bytes()))

	cases := []struct {
		name      string
		data      []byte
		articles  int
		skipped   []error // in order
		wantFatal error
	}{
		{"truncated in the last record", per[:lastMember+40], 3, []error{ErrTruncated}, nil},
		{"truncated in a story", per[:len(gzipMember(good[0].bytes()))+300], 0, []error{ErrTruncated}, nil},
		{"truncated plain", plain[:len(plain)-200], 3, []error{ErrTruncated}, nil},
		{"wrong payload digest, gzip", bd["gzip per record"], 1, []error{ErrDigest}, nil},
		{"wrong payload digest, plain", bd["plain"], 1, []error{ErrDigest}, nil},
		{"2 GB length claim", hugePer.Bytes(), 1, []error{ErrDigest}, nil},
		{"junk between members", append(append(per[:lastMember:lastMember], "garbage"...), per[lastMember:]...), 3, []error{ErrCorrupt}, nil},
		{"HTML file", []byte("<!DOCTYPE html><html><body>hello</body></html>"), 0, nil, ErrNotWARC},
		{"gzipped text", gzipMember([]byte("hello, this is not a WARC file\n")), 0, nil, ErrNotWARC},
		{"empty", nil, 0, nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			recs, skipped, fatal := readErrs(t, bytes.NewReader(c.data))
			if !errors.Is(fatal, c.wantFatal) || (fatal == nil) != (c.wantFatal == nil) {
				t.Fatalf("fatal error %v, want %v", fatal, c.wantFatal)
			}
			if len(recs) != c.articles {
				t.Errorf("%d articles, want %d (skipped %v)", len(recs), c.articles, skipped)
			}
			if len(skipped) != len(c.skipped) {
				t.Fatalf("skipped %v, want %v", skipped, c.skipped)
			}
			for i, err := range skipped {
				if !errors.Is(err, c.skipped[i]) {
					t.Errorf("skipped %v, want %v", err, c.skipped[i])
				}
				if !strings.HasPrefix(err.Error(), "bad.warc.gz at offset ") {
					t.Errorf("error %q does not say where", err)
				}
			}
		})
	}
}

// endless is a plain WARC record header claiming 2 GB, followed by
// left bytes, made up as they are read.
type endless struct {
	head []byte
	left int64
}

var xs = bytes.Repeat([]byte{'x'}, 64<<10)

func (e *endless) Read(p []byte) (int, error) {
	if len(e.head) > 0 {
		n := copy(p, e.head)
		e.head = e.head[n:]
		return n, nil
	}
	if e.left <= 0 {
		return 0, io.EOF
	}
	n := copy(p[:min(int64(len(p)), e.left)], xs)
	e.left -= int64(n)
	return n, nil
}

// TestReadHugeRecordBounded reads a record whose header claims 2 GB,
// followed by 256 MB: it is refused at MaxRecordSize, and the rest is
// skipped to the end, without growing the heap.
func TestReadHugeRecordBounded(t *testing.T) {
	head := "WARC/1.1\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>\r\nWARC-Date: 2024-03-05T09:12:44Z\r\nContent-Type: text/html\r\nContent-Length: 2147483648\r\n\r\n"
	src := &endless{head: []byte(head), left: 256 << 20}
	rd := NewReader(src, "huge.warc")
	rd.MaxRecordSize = 8 << 20
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := rd.Read()
	if !errors.Is(err, ErrRecordTooLarge) {
		t.Fatalf("err %v, want ErrRecordTooLarge", err)
	}
	if _, err := rd.Read(); err != io.EOF {
		t.Errorf("then %v, want io.EOF", err)
	}
	runtime.ReadMemStats(&after)
	if grown := int64(after.HeapAlloc) - int64(before.HeapAlloc); grown > 8<<20 {
		t.Errorf("heap grew by %d MB", grown>>20)
	}
	if src.left != 0 {
		t.Errorf("%d bytes left unread", src.left)
	}
}

// TestReadCCNewsCurrent reads records laid out as current CC-NEWS files
// are: WARC/1.1, a request before each response, a payload cut at the
// crawler's limit and marked WARC-Truncated, which is still read; and a
// body stored decoded under its original Content-Encoding: gzip, as some
// archives do, which is read as it is.
func TestReadCCNewsCurrent(t *testing.T) {
	story := []byte(frenchStory("Le port de pêche sera rénové dès l'été"))
	cut := story[:bytes.Index(story, []byte("L'opposition"))]
	req := func(id, uri string) rawRecord {
		return rawRecord{version: "1.1", typ: "request", id: id, uri: uri, date: "2024-03-05T09:12:44Z",
			fields: []string{"Content-Type: application/http; msgtype=request"},
			block:  []byte("GET " + uri[len("https://courrier.example"):] + " HTTP/1.1\r\nHost: courrier.example\r\nUser-Agent: CCBot/2.0\r\n\r\n")}
	}
	resp := func(id, uri string, fields, headers []string, body []byte) rawRecord {
		return rawRecord{version: "1.1", typ: "response", id: id, uri: uri, date: "2024-03-05T09:12:45Z",
			fields:  append([]string{"Content-Type: application/http; msgtype=response", "WARC-Identified-Payload-Type: text/html"}, fields...),
			block:   httpResponse("200 OK", append([]string{"Content-Type: text/html; charset=utf-8"}, headers...), body),
			payload: body}
	}
	u1, u2 := "https://courrier.example/2024/03/05/port-renove/", "https://courrier.example/2024/03/05/port-renove-2/"
	recs := []rawRecord{
		req("00000000-0000-4000-8000-000000000011", u1),
		resp("00000000-0000-4000-8000-000000000012", u1, []string{"WARC-Truncated: length"}, []string{"X-Crawler-Content-Length: 999999"}, cut),
		req("00000000-0000-4000-8000-000000000013", u2),
		resp("00000000-0000-4000-8000-000000000014", u2, nil, []string{"Content-Encoding: gzip"}, story),
	}
	got, rd := readAll(t, writeTemp(t, "CC-NEWS-20240305091244-00002.warc.gz", layouts(recs)["gzip per record"]))
	if len(got) != 2 || rd.Stats().Errors != 0 {
		t.Fatalf("%d records, stats %+v", len(got), rd.Stats())
	}
	if !strings.Contains(got[0].Text, "douze millions") || strings.Contains(got[0].Text, "opposition") {
		t.Errorf("truncated page: text %q", got[0].Text)
	}
	if !strings.Contains(got[1].Text, "opposition a dénoncé") || got[1].FinalURL != u2 {
		t.Errorf("page stored decoded: %s %q", got[1].FinalURL, got[1].Text)
	}
}
