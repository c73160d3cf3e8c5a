package scoop

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Bounds for hostile documents, generous for a shared two-core machine:
// each call ends within hostileTime and allocates at most hostileAlloc
// bytes per input byte plus hostileAllocBase.
const (
	hostileTime      = 10 * time.Second
	hostileAlloc     = 100
	hostileAllocBase = 64 << 20
)

// countingReader counts what Extract reads.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// prose is enough article text for readability to accept a page.
var prose = strings.Repeat("<p>The council met on Tuesday evening to weigh the plan for the old mill, and residents filled the hall to speak for and against it at length.</p>", 6)

func TestHostileDocuments(t *testing.T) {
	manyLinks := func(n int) string {
		var b strings.Builder
		b.WriteString("<html><body><article><h1>Council weighs mill plan</h1>" + prose + `<section class="related"><h2>Related</h2><ul>`)
		for i := range n {
			fmt.Fprintf(&b, `<li><a href="/news/story-%d">Story number %d about the mill</a></li>`, i, i)
		}
		b.WriteString("</ul></section></article></body></html>")
		return b.String()
	}
	latin, _ := charmap.Windows1252.NewEncoder().String("Les élèves ont dû rentrer à pied, dit-on à l’école.")
	tests := []struct {
		name    string
		doc     string
		want    error         // nil: an article
		related int           // most related stories allowed
		limit   time.Duration // bound on the call when tighter than hostileTime
	}{
		{"100000 nested elements", "<html><body>" + strings.Repeat("<div>", 100000) + "text" + strings.Repeat("</div>", 100000), ErrTooLarge, 0, 0},
		{"100000 links", manyLinks(100000), nil, 0, 0},
		{"link farm just over a block", manyLinks(maxBlockLinks + 1), nil, 0, 0},
		// 74 s when merging stories compared each with every earlier one.
		{"40 related blocks of 190 links", manyBlocksPage(40, 190), nil, 40 * 190, 2 * time.Second},
		{"nothing but scripts", "<html><head>" + strings.Repeat("<script>var x = 1;</script>", 50000) + "</head><body></body></html>", ErrNoArticle, 0, 0},
		{"enormous attribute", `<html><body><article class="` + strings.Repeat("a-", 5<<20) + `"><h1>Council weighs mill plan</h1>` + prose + `</article>`, nil, 0, 0},
		{"text only in noscript", "<html><body><noscript><h1>Council weighs mill plan</h1>" + prose + "</noscript><script>render()</script></body></html>", nil, 0, 0},
		{"nul bytes", "<html><body><article><h1>Council\x00 weighs mill plan</h1>" + strings.ReplaceAll(prose, "hall", "ha\x00ll") + "</article>", nil, 0, 0},
		{"invalid utf-8 and mixed charsets", `<html><head><meta charset="utf-8"></head><body><article><h1>Council weighs mill plan</h1>` + prose + "<p>" + latin + " \xff\xfe\xc3 broken</p></article>", nil, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m0, m1 runtime.MemStats
			runtime.ReadMemStats(&m0)
			start := time.Now()
			a, err := Extract(strings.NewReader(tt.doc), "https://news.example.com/a")
			took := time.Since(start)
			runtime.ReadMemStats(&m1)
			limit := hostileTime
			if tt.limit > 0 {
				limit = tt.limit
			}
			if took > limit && !raceEnabled {
				t.Errorf("took %v, bound %v", took, limit)
			}
			if alloc := m1.TotalAlloc - m0.TotalAlloc; alloc > uint64(hostileAlloc*len(tt.doc)+hostileAllocBase) && !raceEnabled {
				t.Errorf("allocated %d MB for %d KB", alloc>>20, len(tt.doc)>>10)
			}
			t.Logf("%d KB in %v, %d MB allocated", len(tt.doc)>>10, took, (m1.TotalAlloc-m0.TotalAlloc)>>20)
			if tt.want != nil {
				if !errors.Is(err, tt.want) {
					t.Fatalf("err = %v, want %v", err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(a.Text, "residents filled the") || !utf8.ValidString(a.Text) || strings.ContainsRune(a.Text, 0) {
				t.Errorf("text = %.200q", a.Text)
			}
			if len(a.Related) > tt.related {
				t.Errorf("%d related stories from a link farm", len(a.Related))
			}
		})
	}
}

// TestHostileSize checks that a 50 MB page fails fast on the size limit
// without being read whole.
func TestHostileSize(t *testing.T) {
	big := bytes.Repeat([]byte("<p>filler text for a very large page</p>\n"), 50<<20/42)
	r := &countingReader{r: bytes.NewReader(big)}
	start := time.Now()
	_, err := Extract(r, "https://news.example.com/a")
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	if r.n > DefaultMaxBytes+1 {
		t.Errorf("read %d bytes, limit %d", r.n, DefaultMaxBytes)
	}
	if took := time.Since(start); took > hostileTime {
		t.Errorf("took %v", took)
	}
}
