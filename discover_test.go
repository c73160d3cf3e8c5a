package scoop

import (
	"bytes"
	"compress/gzip"
	"slices"
	"testing"
	"time"
)

func TestScanHTML(t *testing.T) {
	page := `<!doctype html><html lang="en" amp><head>
<link rel="canonical" href="https://x.test/a"><link rel="alternate" type="application/rss+xml" href="/feed">
<meta property="og:type" content="Article"><base href="https://x.test/base/">
<script type="application/ld+json">{"@graph":[{"@type":"WebSite"},{"@type":["NewsArticle","Article"]}]}</script>
<script>var a = "<a href='/not-a-link'>";</script></head>
<body><a href="/one">1</a><A HREF="two">2</A><area href="/three"></body></html>`
	p := scanHTML([]byte(page))
	if !slices.Equal(p.links, []string{"/one", "two", "/three"}) {
		t.Errorf("links %q", p.links)
	}
	if p.canonical != "https://x.test/a" || p.base != "https://x.test/base/" || !p.amp {
		t.Errorf("%+v", p)
	}
	if !slices.Equal(p.feeds, []string{"/feed"}) {
		t.Errorf("feeds %q", p.feeds)
	}
}

const newsSitemap = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://x.test/a</loc><news:news><news:publication_date>2024-05-01T10:00:00+02:00</news:publication_date></news:news></url>
<url><loc> https://x.test/b </loc><lastmod>2024-03-01</lastmod></url>
<url><loc>https://x.test/c</loc></url>
</urlset>`

const sitemapIndex = `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://x.test/s1.xml.gz</loc><lastmod>2024-06-01</lastmod></sitemap>
</sitemapindex>`

func TestParseSitemap(t *testing.T) {
	es, err := parseSitemap([]byte(newsSitemap))
	if err != nil || len(es) != 3 {
		t.Fatalf("%v %v", es, err)
	}
	if es[0].loc != "https://x.test/a" || es[0].published.IsZero() || es[1].loc != "https://x.test/b" || es[1].modified.IsZero() || es[0].sitemap {
		t.Errorf("%+v", es)
	}
	from, to := time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 4, 30, 0, 0, 0, 0, time.UTC)
	if es[0].inWindow(from, to) || es[1].inWindow(from, to) || !es[2].inWindow(from, to) {
		t.Error("window")
	}
	if !es[0].inWindow(from, time.Time{}) || !es[1].inWindow(time.Time{}, to) {
		t.Error("open window")
	}
	idx, err := parseSitemap([]byte(sitemapIndex))
	if err != nil || len(idx) != 1 || !idx[0].sitemap {
		t.Errorf("%+v %v", idx, err)
	}
}

func TestSniffAndGunzip(t *testing.T) {
	var zb bytes.Buffer
	zw := gzip.NewWriter(&zb)
	zw.Write([]byte(sitemapIndex))
	zw.Close()
	body, err := gunzip(zb.Bytes(), 1<<20)
	if err != nil || sniffXML(body) != kindSitemap {
		t.Errorf("gunzip: %v", err)
	}
	if _, err := gunzip(zb.Bytes(), 10); err == nil {
		t.Error("limit not applied")
	}
	tests := map[string]docKind{
		newsSitemap: kindSitemap,
		`<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>`:       kindFeed,
		`<feed xmlns="http://www.w3.org/2005/Atom"></feed>`:                       kindFeed,
		`<!doctype html><html><body>x</body></html>`:                              kindHTML,
		`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"></html>`: kindHTML,
	}
	for in, want := range tests {
		if got := sniffXML([]byte(in)); got != want {
			t.Errorf("sniffXML(%.40q) = %v, want %v", in, got, want)
		}
	}
}

func TestParseFeed(t *testing.T) {
	rss := `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>A</title><link>https://x.test/a</link><pubDate>Wed, 01 May 2024 10:00:00 +0200</pubDate></item>
<item><title>B</title><guid>https://x.test/b</guid></item></channel></rss>`
	es, err := parseFeed([]byte(rss))
	if err != nil || len(es) != 2 || es[0].loc != "https://x.test/a" || es[0].published.IsZero() {
		t.Errorf("rss: %+v %v", es, err)
	}
	atom := `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>A</title><link rel="alternate" href="https://x.test/a"/><updated>2024-05-01T10:00:00Z</updated></entry></feed>`
	es, err = parseFeed([]byte(atom))
	if err != nil || len(es) != 1 || es[0].loc != "https://x.test/a" || es[0].modified.IsZero() {
		t.Errorf("atom: %+v %v", es, err)
	}
	if _, err := parseFeed([]byte("<html></html>")); err == nil {
		t.Error("HTML read as a feed")
	}
}
