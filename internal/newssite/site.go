// Package newssite serves a fake news site, The Harbour Gazette, for
// scoop's tests and its offline demo. The pages are generated from the
// hand-written templates embedded from templates/ and from word banks,
// deterministically, so that the module stays small and every run sees
// the same site.
//
// Beside its home, section (paginated), tag and author pages and stories
// of several templates (JSON-LD, minimal, related-news blocks, inline
// "RELATED STORY |" lines, aggregator pages with "News Source :", pages
// with no metadata), the site has what a crawler meets in the wild: a
// robots.txt disallowing a section, a sitemap index with a Google News
// sitemap and a gzipped archive sitemap, RSS and Atom feeds, redirects,
// links with tracking parameters, AMP versions, a 404, a 500 that works
// on the second try, a 429 with Retry-After, a slow page, a page too
// large to fetch, and a PDF.
package newssite

import (
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	htmltemplate "html/template"
	"io"
	"math/rand/v2"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	texttemplate "text/template"
	"time"
)

//go:embed templates
var templateFS embed.FS

var (
	htmlT = htmltemplate.Must(htmltemplate.ParseFS(templateFS, "templates/*.html"))
	textT = texttemplate.Must(texttemplate.New("").Funcs(texttemplate.FuncMap{}).ParseFS(templateFS, "templates/*.xml", "templates/*.txt"))
)

// Templates of story pages.
const (
	Classic = "classic" // og:type, JSON-LD NewsArticle, AMP version
	Minimal = "minimal" // only a dated address and a <time>
	Related = "related" // an "Other Related News" block
	Inline  = "inline"  // "RELATED STORY |" lines in the body
	Wire    = "wire"    // aggregator page crediting its source
	Bare    = "bare"    // no metadata, no date in the address
)

// Faults some stories are served with.
const (
	Flaky     = "flaky"     // 500 on the first request
	RateLimit = "ratelimit" // 429 with Retry-After: 1 on the first request
	Slow      = "slow"      // answers after Options.SlowDelay
)

// Section is a section of the site, or a tag or an author.
type Section struct {
	Slug, Name string
}

// Story is one article of the site.
type Story struct {
	Path       string // canonical path
	Title      string
	Teaser     string
	Published  time.Time
	Section    Section
	Author     Section
	Tags       []Section
	Template   string
	Paragraphs []string
	SourceURL  string // the original of a wire story
	Private    bool   // under a path robots.txt disallows
	Fault      string
	Listed     bool // on section, tag and author pages
	News       bool // in the news sitemap rather than the archive
	related    []*Story
}

// ISO is the publication time in RFC 3339.
func (s *Story) ISO() string { return s.Published.Format(time.RFC3339) }

// Display is the publication date as the page shows it.
func (s *Story) Display() string { return s.Published.Format("January 2, 2006") }

// RFC1123 is the publication time as RSS writes it.
func (s *Story) RFC1123() string { return s.Published.Format(time.RFC1123Z) }

// Href is the story's link.
func (s *Story) Href() string { return s.Path }

// Options change how the site behaves.
type Options struct {
	// CrawlDelay, in seconds, is announced in robots.txt when set.
	CrawlDelay int
	// SlowDelay is how long the slow page takes. Zero means 400ms.
	SlowDelay time.Duration
	// NoFaults serves the flaky, rate-limited and slow stories like the
	// others, for measuring speed.
	NoFaults bool
}

// Hit is one request the site answered.
type Hit struct {
	Path       string // with the query
	UserAgent  string
	Start, End time.Time
	Status     int
}

// Site is the fake news site. It is an http.Handler, safe for
// concurrent use, that logs every request.
type Site struct {
	opts     Options
	stories  []*Story
	byPath   map[string]*Story
	sections []Section
	tags     []Section
	authors  []Section

	mu    sync.Mutex
	hits  []Hit
	tries map[string]int
}

var zone = time.FixedZone("CET", 3600)

// New generates the site.
func New(opts Options) *Site {
	if opts.SlowDelay == 0 {
		opts.SlowDelay = 400 * time.Millisecond
	}
	s := &Site{opts: opts, byPath: map[string]*Story{}, tries: map[string]int{}}
	for _, n := range []string{"World", "Politics", "Business", "Science", "Sport"} {
		s.sections = append(s.sections, Section{strings.ToLower(n), n})
	}
	for _, n := range []string{"Harbour", "Housing", "Climate", "Transport", "Education", "Health", "Fisheries", "Elections"} {
		s.tags = append(s.tags, Section{strings.ToLower(n), n})
	}
	ar := rand.New(rand.NewPCG(7, 7))
	seen := map[string]bool{}
	for len(s.authors) < 6 {
		n := person(ar)
		if !seen[n] {
			seen[n] = true
			s.authors = append(s.authors, Section{slug(n), n})
		}
	}

	taken := map[string]bool{}
	start := time.Date(2024, 1, 2, 8, 30, 0, 0, zone)
	add := func(i int, sec Section, tmpl string, when time.Time) *Story {
		r := rand.New(rand.NewPCG(uint64(i), 2024))
		title, place, actor, thing := headline(r, sec.Slug, taken)
		st := &Story{
			Title:     title,
			Teaser:    fmt.Sprintf("The %s in %s has become the talk of the harbour. Here is what happens next.", thing, place),
			Published: when,
			Section:   sec,
			Author:    s.authors[i%len(s.authors)],
			Tags:      []Section{s.tags[i%len(s.tags)], s.tags[(i*3+1)%len(s.tags)]},
			Template:  tmpl,
			Listed:    true,
		}
		if st.Tags[0] == st.Tags[1] {
			st.Tags = st.Tags[:1]
		}
		st.Paragraphs = prose(r, place, actor, thing, when)
		s.stories = append(s.stories, st)
		return st
	}
	templates := []string{Classic, Minimal, Related, Inline}
	for i := range 140 {
		when := start.Add(time.Duration(i) * 31 * time.Hour)
		st := add(i, s.sections[i%len(s.sections)], templates[i%len(templates)], when)
		st.Path = fmt.Sprintf("/%s/%s/", when.Format("2006/01/02"), slug(st.Title))
		st.News = i >= 125
		switch i {
		case 7:
			st.Fault = Flaky
		case 13:
			st.Fault = RateLimit
		case 21:
			st.Fault = Slow
		}
		// Orphans: only the sitemaps and feeds know them.
		st.Listed = i%9 != 4 || st.Template == Classic || st.Fault != ""
	}
	for i := range 10 {
		when := start.Add(time.Duration(i)*17*24*time.Hour + 5*time.Hour)
		st := add(200+i, s.sections[i%len(s.sections)], Wire, when)
		st.Path = "/wire/" + slug(st.Title) + ".html"
		st.SourceURL = "https://www.coastal-courier.example/news/" + slug(st.Title)
		st.Listed = false
	}
	for i := range 4 {
		when := start.Add(time.Duration(i)*40*24*time.Hour + 2*time.Hour)
		st := add(300+i, s.sections[i%len(s.sections)], Bare, when)
		st.Path = "/stories/" + slug(st.Title)
		st.Listed = false
	}
	for i := range 4 {
		when := start.Add(time.Duration(i)*30*24*time.Hour + 9*time.Hour)
		st := add(400+i, s.sections[i%len(s.sections)], Classic, when)
		st.Path = fmt.Sprintf("/private/%s/", slug(st.Title))
		st.Private, st.Listed = true, false
	}
	for i, st := range s.stories {
		s.byPath[st.Path] = st
		for d := 7; len(st.related) < 4; d += 7 {
			if o := s.stories[(i+d)%140]; o != st && o.Listed {
				st.related = append(st.related, o)
			}
		}
	}
	return s
}

// Stories returns every story of the site, including those that cannot
// be crawled (private ones).
func (s *Site) Stories() []*Story { return slices.Clone(s.stories) }

// Emittable returns the stories a polite crawl that reads the sitemaps
// must deliver: all but the private ones.
func (s *Site) Emittable() []*Story {
	var out []*Story
	for _, st := range s.stories {
		if !st.Private {
			out = append(out, st)
		}
	}
	return out
}

// Pages returns the paths of the site's HTML pages (stories, listings,
// AMP versions and the rest), each once.
func (s *Site) Pages() []string {
	p := []string{"/", "/about/", "/contact/", "/privacy/"}
	for _, sec := range s.sections {
		for n := 1; n <= s.pageCount(s.listed(func(st *Story) bool { return st.Section == sec })); n++ {
			p = append(p, sectionPage(sec.Slug, n))
		}
	}
	for _, t := range s.tags {
		p = append(p, "/tag/"+t.Slug+"/")
	}
	for _, a := range s.authors {
		p = append(p, "/author/"+a.Slug+"/")
	}
	for _, st := range s.stories {
		p = append(p, st.Path)
		if st.Template == Classic && !st.Private {
			p = append(p, st.Path+"amp/")
		}
	}
	return p
}

// Hits returns the requests answered so far.
func (s *Site) Hits() []Hit {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.hits)
}

const perPage = 10

func sectionPage(sec string, n int) string {
	if n == 1 {
		return "/section/" + sec + "/"
	}
	return fmt.Sprintf("/section/%s/page/%d/", sec, n)
}

func (s *Site) pageCount(n int) int { return max(1, (n+perPage-1)/perPage) }

// listed returns the listed stories that keep, newest first.
func (s *Site) listedStories(keep func(*Story) bool) []*Story {
	var out []*Story
	for _, st := range s.stories {
		if st.Listed && keep(st) {
			out = append(out, st)
		}
	}
	slices.SortFunc(out, func(a, b *Story) int { return b.Published.Compare(a.Published) })
	return out
}

func (s *Site) listed(keep func(*Story) bool) int { return len(s.listedStories(keep)) }

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(c int) {
	if w.status == 0 {
		w.status = c
	}
	w.ResponseWriter.WriteHeader(c)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// ServeHTTP serves the site.
func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	sw := &statusWriter{ResponseWriter: w}
	start := time.Now()
	s.serve(sw, r)
	s.mu.Lock()
	s.hits = append(s.hits, Hit{Path: r.URL.RequestURI(), UserAgent: r.UserAgent(), Start: start, End: time.Now(), Status: sw.status})
	s.mu.Unlock()
}

func (s *Site) try(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tries[path]++
	return s.tries[path]
}

// view is what the templates are given.
type view struct {
	Base, Title, OGType, Canonical, AMPURL, Description string
	AMP                                                 bool
	Sections                                            []Section
	// listings
	Heading, Intro, Prev, Next string
	Items, Extra               []*Story
	// stories
	A                 *Story
	JSONLD            htmltemplate.JS
	TimeTag           bool
	Inline            map[int]*Story
	Related, MostRead []*Story
	Attachment        bool
	Paragraphs        []string
	CrawlDelay        int
	Sitemaps          []sitemapRef
	News              bool
	Self, Updated     string
}

type sitemapRef struct{ Path, Lastmod string }

func (s *Site) serve(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	base := "http://" + r.Host
	v := &view{Base: base, Sections: s.sections}
	p := r.URL.Path
	switch {
	case p == "/robots.txt":
		v.CrawlDelay = s.opts.CrawlDelay
		s.text(w, "robots.txt", "text/plain; charset=utf-8", v)
	case p == "/":
		s.home(w, v)
	case p == "/about/" || p == "/contact/" || p == "/privacy/":
		v.Title = map[string]string{"/about/": "About us", "/contact/": "Contact", "/privacy/": "Privacy"}[p]
		v.Heading, v.OGType, v.Canonical = v.Title, "website", base+p
		v.Paragraphs = []string{"The Harbour Gazette has covered the harbour towns since 1921.", "Write to the newsroom at the address below."}
		s.html(w, "page.html", v)
	case strings.HasPrefix(p, "/section/") && strings.HasSuffix(p, "/feed.atom"):
		s.sectionFeed(w, v, strings.TrimSuffix(strings.TrimPrefix(p, "/section/"), "/feed.atom"))
	case strings.HasPrefix(p, "/section/"):
		s.section(w, r, v, strings.TrimPrefix(p, "/section/"))
	case strings.HasPrefix(p, "/tag/"):
		s.byGroup(w, v, "tag", strings.Trim(strings.TrimPrefix(p, "/tag/"), "/"))
	case strings.HasPrefix(p, "/author/"):
		s.byGroup(w, v, "author", strings.Trim(strings.TrimPrefix(p, "/author/"), "/"))
	case p == "/feed/":
		v.Items = s.latest(20)
		s.text(w, "rss.xml", "application/rss+xml; charset=utf-8", v)
	case p == "/sitemap_index.xml":
		v.Sitemaps = []sitemapRef{{"/sitemaps/news.xml", "2024-06-28"}, {"/sitemaps/archive-2024.xml.gz", "2024-06-20"}, {"/sitemaps/old-2019.xml", "2019-12-31"}}
		s.text(w, "sitemap_index.xml", "application/xml; charset=utf-8", v)
	case p == "/sitemaps/news.xml":
		v.News = true
		v.Items = s.filter(func(st *Story) bool { return st.News && !st.Private })
		s.text(w, "sitemap.xml", "application/xml; charset=utf-8", v)
	case p == "/sitemaps/archive-2024.xml.gz":
		v.Items = s.filter(func(st *Story) bool { return !st.News && !st.Private })
		var buf bytes.Buffer
		if err := textT.ExecuteTemplate(&buf, "sitemap.xml", v); err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		w.Header().Set("Content-Type", "application/x-gzip")
		zw := gzip.NewWriter(w)
		zw.Write(buf.Bytes())
		zw.Close()
	case p == "/sitemaps/old-2019.xml":
		// Listed with a lastmod before any date window a test uses, so a
		// windowed crawl never asks for it; an open one finds it gone.
		http.NotFound(w, r)
	case strings.HasPrefix(p, "/go/"):
		n, err := strconv.Atoi(strings.TrimPrefix(p, "/go/"))
		if err != nil || n < 0 || n >= len(s.stories) || s.stories[n].Private {
			http.NotFound(w, r)
			return
		}
		http.Redirect(w, r, s.stories[n].Path, http.StatusMovedPermanently)
	case p == "/downloads/annual-report":
		w.Header().Set("Content-Type", "application/pdf")
		io.WriteString(w, "%PDF-1.4\n% The Harbour Gazette annual report\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
	case p == "/files/press-kit.pdf":
		w.Header().Set("Content-Type", "application/pdf")
		io.WriteString(w, "%PDF-1.4\n%%EOF\n")
	case p == "/2024/05/05/harbour-in-pictures-a-photo-essay/":
		// Far larger than any body limit: a crawler should stop at the
		// Content-Length.
		const size = 20 << 20
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Length", strconv.Itoa(size))
		chunk := bytes.Repeat([]byte("<p>photo</p>\n"), 4096)
		for sent := 0; sent < size; {
			n, err := w.Write(chunk[:min(len(chunk), size-sent)])
			if err != nil {
				return
			}
			sent += n
		}
	case strings.HasSuffix(p, "/amp/"):
		st := s.byPath[strings.TrimSuffix(p, "amp/")]
		if st == nil || st.Template != Classic || st.Private {
			http.NotFound(w, r)
			return
		}
		s.story(w, v, st, true)
	default:
		st := s.byPath[p]
		if st == nil {
			if alt := s.byPath[p+"/"]; alt != nil {
				http.Redirect(w, r, alt.Path, http.StatusMovedPermanently)
				return
			}
			http.NotFound(w, r)
			return
		}
		fault := st.Fault
		if s.opts.NoFaults {
			fault = ""
		}
		switch fault {
		case Flaky:
			if s.try(p) == 1 {
				http.Error(w, "upstream timeout", http.StatusInternalServerError)
				return
			}
		case RateLimit:
			if s.try(p) == 1 {
				w.Header().Set("Retry-After", "1")
				http.Error(w, "slow down", http.StatusTooManyRequests)
				return
			}
		case Slow:
			select {
			case <-time.After(s.opts.SlowDelay):
			case <-r.Context().Done():
				return
			}
		}
		s.story(w, v, st, false)
	}
}

func (s *Site) html(w http.ResponseWriter, name string, v *view) {
	var buf bytes.Buffer
	if err := htmlT.ExecuteTemplate(&buf, name, v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(buf.Bytes())
}

func (s *Site) text(w http.ResponseWriter, name, ctype string, v *view) {
	var buf bytes.Buffer
	if err := textT.ExecuteTemplate(&buf, name, v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Write(buf.Bytes())
}

func (s *Site) filter(keep func(*Story) bool) []*Story {
	var out []*Story
	for _, st := range s.stories {
		if keep(st) {
			out = append(out, st)
		}
	}
	return out
}

func (s *Site) latest(n int) []*Story {
	l := s.listedStories(func(*Story) bool { return true })
	return l[:min(n, len(l))]
}

func (s *Site) home(w http.ResponseWriter, v *view) {
	v.Title, v.Heading, v.OGType, v.Canonical = "News from the harbour and beyond", "Top stories", "website", v.Base+"/"
	v.Items = s.latest(12)
	link := func(title, href string) *Story { return &Story{Title: title, Path: href} }
	v.Extra = []*Story{
		link("Members only: the editor's briefing", "/private/members/"),
		link("Breaking: ferry timetable changes", "/go/3"),
		link("Harbour in pictures", "/2024/05/05/harbour-in-pictures-a-photo-essay/"),
		link("This story was removed", "/2024/02/14/deleted-story/"),
		link("World news", "/section/world"),
	}
	for _, st := range s.stories {
		switch {
		case st.Template == Wire || st.Template == Bare:
			v.Extra = append(v.Extra, st)
		case st.Private:
			v.Extra = append(v.Extra, st)
		case st.Fault != "":
			v.Extra = append(v.Extra, st)
		}
	}
	// The same stories again, the way shares and newsletters link them.
	l := s.latest(12)
	v.Extra = append(v.Extra,
		link(l[0].Title+" (newsletter)", l[0].Path+"?utm_source=newsletter&utm_medium=email&utm_campaign=daily"),
		link(l[1].Title+" (shared)", l[1].Path+"?fbclid=IwAR0abc123"),
		link(l[2].Title+" (ad)", strings.TrimSuffix(l[2].Path, "/")+"?gclid=Cj0KCQ#comments"),
	)
	n := 0
	for _, st := range s.stories {
		if st.Template == Classic && !st.Private && n < 3 {
			v.Extra = append(v.Extra, link(st.Title+" (mobile)", st.Path+"amp/"))
			n++
		}
	}
	s.html(w, "listing.html", v)
}

func (s *Site) section(w http.ResponseWriter, r *http.Request, v *view, rest string) {
	secSlug, pageRest, _ := strings.Cut(rest, "/")
	var sec Section
	for _, c := range s.sections {
		if c.Slug == secSlug {
			sec = c
		}
	}
	if sec.Slug == "" {
		http.NotFound(w, r)
		return
	}
	if !strings.Contains(rest, "/") {
		http.Redirect(w, r, "/section/"+secSlug+"/", http.StatusMovedPermanently)
		return
	}
	n := 1
	if pageRest != "" {
		num, ok := strings.CutPrefix(strings.TrimSuffix(pageRest, "/"), "page/")
		var err error
		if n, err = strconv.Atoi(num); !ok || err != nil {
			http.NotFound(w, r)
			return
		}
	}
	all := s.listedStories(func(st *Story) bool { return st.Section == sec })
	pages := s.pageCount(len(all))
	if n < 1 || n > pages {
		http.NotFound(w, r)
		return
	}
	v.Title, v.Heading, v.OGType, v.Canonical = sec.Name, sec.Name, "website", v.Base+sectionPage(sec.Slug, n)
	v.Intro = "The latest " + strings.ToLower(sec.Name) + " news from the harbour towns."
	v.Items = all[(n-1)*perPage : min(n*perPage, len(all))]
	if n > 1 {
		v.Prev = sectionPage(sec.Slug, n-1)
	}
	if n < pages {
		v.Next = sectionPage(sec.Slug, n+1)
	}
	if n == 1 && sec.Slug == "business" {
		st := v.Items[0]
		v.Extra = []*Story{{Title: st.Title + " (via social)", Path: st.Path + "?utm_source=twitter&fbclid=xyz"}}
	}
	s.html(w, "listing.html", v)
}

func (s *Site) sectionFeed(w http.ResponseWriter, v *view, secSlug string) {
	var sec Section
	for _, c := range s.sections {
		if c.Slug == secSlug {
			sec = c
		}
	}
	items := s.filter(func(st *Story) bool {
		return st.Section == sec && !st.Private && st.Template != Wire && st.Template != Bare
	})
	slices.SortFunc(items, func(a, b *Story) int { return b.Published.Compare(a.Published) })
	v.Items = items[:min(10, len(items))]
	v.Heading, v.Self = sec.Name, "/section/"+secSlug+"/feed.atom"
	if len(v.Items) > 0 {
		v.Updated = v.Items[0].ISO()
	}
	s.text(w, "atom.xml", "application/atom+xml; charset=utf-8", v)
}

func (s *Site) byGroup(w http.ResponseWriter, v *view, kind, slugName string) {
	var g Section
	list := s.authors
	if kind == "tag" {
		list = s.tags
	}
	for _, c := range list {
		if c.Slug == slugName {
			g = c
		}
	}
	if g.Slug == "" {
		w.WriteHeader(http.StatusNotFound)
		return
	}
	items := s.listedStories(func(st *Story) bool {
		if kind == "tag" {
			return slices.Contains(st.Tags, g)
		}
		return st.Author == g
	})
	v.Items = items[:min(15, len(items))]
	v.Title, v.Heading, v.OGType = g.Name, g.Name, "profile"
	if kind == "tag" {
		v.OGType = "website"
		v.Heading = "Stories tagged " + g.Name
	}
	v.Canonical = v.Base + "/" + kind + "/" + g.Slug + "/"
	s.html(w, "listing.html", v)
}

func (s *Site) story(w http.ResponseWriter, v *view, st *Story, amp bool) {
	v.A, v.Title, v.Description = st, st.Title, st.Teaser
	v.Canonical = v.Base + st.Path
	v.AMP = amp
	v.MostRead = s.latest(5)
	v.Inline = map[int]*Story{}
	switch st.Template {
	case Classic, Related, Inline, Wire:
		v.OGType = "article"
		v.TimeTag = true
		v.JSONLD = htmltemplate.JS(fmt.Sprintf(`{"@context":"https://schema.org","@type":"NewsArticle","headline":%q,"datePublished":%q,"author":{"@type":"Person","name":%q},"publisher":{"@type":"Organization","name":"The Harbour Gazette"}}`,
			st.Title, st.ISO(), st.Author.Name))
	case Minimal:
		v.TimeTag = true
	case Bare:
	}
	if st.Template == Classic && !amp && !st.Private {
		v.AMPURL = v.Base + st.Path + "amp/"
	}
	if st.Template == Related || st.Template == Wire {
		v.Related = st.related
	}
	if st.Template == Inline || st.Template == Wire {
		v.Inline[1] = st.related[0]
		v.Inline[3] = st.related[1]
	}
	v.Attachment = st.Template == Minimal
	s.html(w, "article.html", v)
}
