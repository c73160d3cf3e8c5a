package scoop

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"

	"github.com/gocolly/colly/v2"
)

func marshalled(t *testing.T, raw string) queued {
	t.Helper()
	u, _ := url.Parse(raw)
	ctx := colly.NewContext()
	ctx.Put(ctxKey, keyOf(u))
	b, err := (&colly.Request{URL: u, Method: "GET", Depth: 1, Ctx: ctx}).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return queued{key: keyOf(u), data: b}
}

// TestStateResume stops with requests handed out and finds them queued
// again, fetchable, after reopening.
func TestStateResume(t *testing.T) {
	dir := t.TempDir()
	s, err := openState(dir)
	if err != nil {
		t.Fatal(err)
	}
	a, b, c := marshalled(t, "http://x.test/a"), marshalled(t, "http://x.test/b"), marshalled(t, "http://x.test/c")
	if _, fresh, err := s.finish(&finishing{links: []queued{a, b, c, a}}); err != nil || fresh != 3 {
		t.Fatalf("queued %d, %v; want 3 new", fresh, err)
	}
	if n, _ := s.QueueSize(); n != 3 {
		t.Fatalf("size %d", n)
	}
	for range 2 {
		if _, err := s.GetRequest(); err != nil {
			t.Fatal(err)
		}
	}
	probe := newIDProbe()
	idA, idB := probe.id("http://x.test/a"), probe.id("http://x.test/b")
	s.Visited(idA)
	s.Visited(idB)
	// a is finished; b was in flight when the run stopped.
	if _, _, err := s.finish(&finishing{key: a.key, emitKey: a.key, sha: []byte("sum-a")}); err != nil {
		t.Fatal(err)
	}
	if why, _ := s.duplicate(a.key, []byte("other")); why != skipDuplicateURL {
		t.Errorf("duplicate URL: %q", why)
	}
	if why, _ := s.duplicate("http://x.test/z", []byte("sum-a")); why != skipDuplicateContent {
		t.Errorf("duplicate content: %q", why)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s, err = openState(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, _ := s.QueueSize(); n != 2 {
		t.Errorf("size after reopening %d, want 2 (b and c)", n)
	}
	if v, _ := s.IsVisited(idB); v {
		t.Error("b, never finished, is still marked visited")
	}
	if v, _ := s.IsVisited(idA); !v {
		t.Error("a lost its visited mark")
	}
	if done, _ := s.isDone(a.key); !done {
		t.Error("a not done")
	}
	got, err := s.GetRequest()
	if err != nil {
		t.Fatal(err)
	}
	r, err := colly.NewCollector().UnmarshalRequest(got)
	if err != nil || r.URL.String() != "http://x.test/b" {
		t.Errorf("first request after reopening: %v, %v", r, err)
	}
	if _, fresh, _ := s.finish(&finishing{links: []queued{a, b}}); fresh != 0 {
		t.Errorf("%d known requests queued again", fresh)
	}
}

func TestStateCookies(t *testing.T) {
	dir := t.TempDir()
	s, err := openState(dir)
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse("http://x.test/")
	s.SetCookies(u, "a=1")
	s.Close()
	s, err = openState(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if c := s.Cookies(u); c != "a=1" {
		t.Errorf("cookies %q", c)
	}
}

func TestStateTemporary(t *testing.T) {
	s, err := openState("")
	if err != nil {
		t.Fatal(err)
	}
	dir := s.temp
	s.Close()
	if _, err := openState(dir); err != nil {
		t.Fatal(err)
	}
	if dir == "" {
		t.Error("no temporary directory")
	}
}

// BenchmarkStateGrowth crawls n addresses through the state the way a
// run does (queued in batches, handed out, marked visited, finished) and
// reports the Go heap and the disk it takes per address: the state lives
// in the bbolt file, so the heap stays flat as the visited set grows.
func BenchmarkStateGrowth(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				dir := b.TempDir()
				s, err := openState(dir)
				if err != nil {
					b.Fatal(err)
				}
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				probe := newIDProbe()
				const batch = 50 // links found on one page
				for i := 0; i < n; i += batch {
					links := make([]queued, 0, batch)
					for j := i; j < i+batch && j < n; j++ {
						raw := fmt.Sprintf("https://news%d.example.com/2024/05/%02d/story-number-%d-about-the-harbour/", j%7, j%28+1, j)
						u, _ := url.Parse(raw)
						ctx := colly.NewContext()
						ctx.Put(ctxKey, keyOf(u))
						ctx.Put(ctxFoundOn, "https://news.example.com/section/world/")
						data, _ := (&colly.Request{URL: u, Method: "GET", Depth: 2, Ctx: ctx}).Marshal()
						links = append(links, queued{key: keyOf(u), data: data})
					}
					if _, _, err := s.finish(&finishing{links: links}); err != nil {
						b.Fatal(err)
					}
					for range links {
						data, err := s.GetRequest()
						if err != nil {
							b.Fatal(err)
						}
						var head struct {
							URL string
							Ctx map[string]any
						}
						json.Unmarshal(data, &head)
						s.Visited(probe.id(head.URL))
						if _, _, err := s.finish(&finishing{key: head.Ctx[ctxKey].(string)}); err != nil {
							b.Fatal(err)
						}
					}
				}
				runtime.GC()
				runtime.ReadMemStats(&after)
				if err := s.Close(); err != nil {
					b.Fatal(err)
				}
				fi, err := os.Stat(filepath.Join(dir, oldStateFile))
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(int64(after.HeapInuse)-int64(before.HeapInuse))/float64(n), "heap-B/url")
				b.ReportMetric(float64(fi.Size())/float64(n), "disk-B/url")
			}
		})
	}
}
