// Package fleet serves a fleet of small news sites on loopback ports for
// the tests and the benchmark of crawls shared by several processes. Each
// host has a home page, a section page and Articles stories, answers
// every request after Latency, disallows /private/ in its robots.txt (and
// links there), and logs every request with its start and end, so that a
// test can check what the crawlers did to it.
package fleet

import (
	"fmt"
	"html/template"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"time"
)

// Hit is one request a host answered.
type Hit struct {
	Host, Path string
	Start, End time.Time
	Status     int
}

// Options say what the fleet is like.
type Options struct {
	Hosts, Articles int
	Latency         time.Duration // before each answer
	// CrawlDelay, when set, is the first host's robots.txt Crawl-delay.
	CrawlDelay time.Duration
	// RetryAfter, when set, is the Retry-After of a 429 that the second
	// host answers to the first request for its first story.
	RetryAfter time.Duration
}

// Fleet is the running hosts.
type Fleet struct {
	Hosts    []string // host:port of each
	Articles int
	opts     Options
	servers  []*httptest.Server

	mu      sync.Mutex
	hits    []Hit
	limited bool // the 429 was answered
}

// Start serves the fleet; Close stops it.
func Start(o Options) *Fleet {
	f := &Fleet{Articles: o.Articles, opts: o}
	for range o.Hosts {
		srv := httptest.NewServer(http.HandlerFunc(f.serve))
		f.servers = append(f.servers, srv)
		f.Hosts = append(f.Hosts, strings.TrimPrefix(srv.URL, "http://"))
	}
	return f
}

// Close stops the servers.
func (f *Fleet) Close() {
	for _, s := range f.servers {
		s.CloseClientConnections()
		s.Close()
	}
}

// Seeds returns the home page of each host.
func (f *Fleet) Seeds() []string {
	var out []string
	for _, h := range f.Hosts {
		out = append(out, "http://"+h+"/")
	}
	return out
}

// Stories returns the URL of every public story, which a polite crawl
// must deliver.
func (f *Fleet) Stories() []string {
	var out []string
	for _, h := range f.Hosts {
		for i := range f.Articles {
			out = append(out, "http://"+h+storyPath(i))
		}
	}
	return out
}

// Hits returns the requests answered so far.
func (f *Fleet) Hits() []Hit {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.hits)
}

// limit reports whether this is the request to answer with a 429.
func (f *Fleet) limit() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	first := !f.limited
	f.limited = true
	return first
}

func storyPath(i int) string { return fmt.Sprintf("/2026/11/%02d/story-%d/", i%28+1, i) }

func (f *Fleet) serve(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	status := http.StatusOK
	defer func() {
		f.mu.Lock()
		f.hits = append(f.hits, Hit{Host: r.Host, Path: r.URL.Path, Start: start, End: time.Now(), Status: status})
		f.mu.Unlock()
	}()
	time.Sleep(f.opts.Latency)
	p := r.URL.Path
	var i int
	switch {
	case p == "/robots.txt":
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
		if f.opts.CrawlDelay > 0 && r.Host == f.Hosts[0] {
			fmt.Fprintf(w, "Crawl-delay: %g\n", f.opts.CrawlDelay.Seconds())
		}
	case f.opts.RetryAfter > 0 && len(f.Hosts) > 1 && r.Host == f.Hosts[1] && p == storyPath(0) && f.limit():
		status = http.StatusTooManyRequests
		w.Header().Set("Retry-After", fmt.Sprint(int(f.opts.RetryAfter.Seconds())))
		w.WriteHeader(status)
	case p == "/":
		page.Execute(w, listing{Title: "Home", Links: []link{{"/news/", "All the news"}, {"/private/leak/", "Staff only"},
			{storyPath(0), write(r.Host, 0).Title}}})
	case p == "/news/":
		var links []link
		for i := range f.Articles {
			links = append(links, link{storyPath(i), write(r.Host, i).Title})
		}
		page.Execute(w, listing{Title: "News", Links: links})
	case strings.HasPrefix(p, "/private/"):
		story.Execute(w, write(r.Host, 9999))
	case sscan(p, &i) && i < f.Articles:
		story.Execute(w, write(r.Host, i))
	default:
		http.NotFound(w, r)
	}
}

func sscan(p string, i *int) bool {
	var m, d int
	n, _ := fmt.Sscanf(p, "/2026/%d/%d/story-%d/", &m, &d, i)
	return n == 3 && p == storyPath(*i)
}

type listing struct {
	Title string
	Links []link
}

type link struct{ Href, Text string }

var page = template.Must(template.New("").Parse(`<!DOCTYPE html><html lang="en"><head><title>{{.Title}} - Fleet News</title><meta property="og:type" content="website"></head>
<body><h1>{{.Title}}</h1>{{range .Links}}<h2><a href="{{.Href}}">{{.Text}}</a></h2>{{end}}</body></html>`))

type article struct {
	Title, Date string
	Paras       []string
}

var story = template.Must(template.New("").Parse(`<!DOCTYPE html><html lang="en"><head>
<title>{{.Title}}</title><meta property="og:type" content="article">
<meta property="article:published_time" content="{{.Date}}"></head>
<body><nav><a href="/">Home</a> <a href="/news/">News</a></nav>
<article><h1>{{.Title}}</h1><time datetime="{{.Date}}">{{.Date}}</time>
{{range .Paras}}<p>{{.}}</p>
{{end}}</article></body></html>`))

var (
	places = []string{"Port Aldwin", "Kestrel Bay", "Marrow Point", "Eastfield", "Saltmarsh", "Greyhaven"}
	actors = []string{"the council", "the harbour board", "the fishing cooperative", "the regional bank", "the university", "the ferry company"}
	things = []string{"sea wall repairs", "a housing plan", "the ferry timetable", "a school budget", "a tidal energy trial", "the market hall"}
	verbs  = []string{"approved", "delayed", "questioned", "defended", "reviewed", "rejected"}
)

// write makes story i of a host: its words depend on both, so no two
// stories of the fleet have the same text.
func write(host string, i int) article {
	var seed uint64
	for _, c := range host {
		seed = seed*31 + uint64(c)
	}
	r := rand.New(rand.NewPCG(seed, uint64(i)))
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	place, actor, thing := pick(places), pick(actors), pick(things)
	a := article{
		Title: fmt.Sprintf("In %s, %s %s %s (report %d)", place, actor, pick(verbs), thing, i),
		Date:  fmt.Sprintf("2026-11-%02dT09:30:00Z", i%28+1),
	}
	for range 6 {
		a.Paras = append(a.Paras, fmt.Sprintf("%s said on %d November that %s had been %s after a long debate in %s, "+
			"and that residents would hear more about %s at a public meeting. Officials from %s, who asked for figure %d "+
			"to be checked again, told reporters that the plan would be %s before the end of the year, whatever the cost.",
			strings.ToUpper(actor[:1])+actor[1:], i%28+1, thing, pick(verbs), place, pick(things), pick(actors), r.IntN(1000), pick(verbs)))
	}
	return a
}
