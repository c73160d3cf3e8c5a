package scoop

import (
	"net/url"
	"testing"
	"time"
)

func TestProductToken(t *testing.T) {
	for ua, want := range map[string]string{
		DefaultUserAgent: "scoop",
		"Mozilla/5.0 (compatible; my-study/1.0; +https://example.org/study)":       "my-study",
		"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)": "googlebot",
		"research_bot": "research_bot",
	} {
		if got := productToken(ua); got != want {
			t.Errorf("productToken(%q) = %q, want %q", ua, got, want)
		}
	}
}

// TestRobotsRules checks the matching of RFC 9309 on the cases a
// careless matcher gets wrong.
func TestRobotsRules(t *testing.T) {
	const robots = `# groups
User-agent: *
Disallow: /

User-agent: My-Study
User-agent: other
Disallow: /login?next=/
Disallow: /caf%c3%a9
Disallow: /page
Allow: /page
Disallow: /*.php$
Allow: /private/open
Disallow: /private
Crawl-delay: 2.5
Sitemap: https://x.test/sitemap.xml
`
	g, sitemaps := parseRobots([]byte(robots), "my-study")
	if g.crawlDelay != 2500*time.Millisecond || len(sitemaps) != 1 {
		t.Errorf("crawl delay %v, sitemaps %q", g.crawlDelay, sitemaps)
	}
	tests := []struct {
		url   string
		allow bool
	}{
		{"https://x.test/login?next=/account", false},
		{"https://x.test/login?next=x", true},
		{"https://x.test/café/menu", false},
		{"https://x.test/caf%C3%A9", false},
		{"https://x.test/page", true}, // Allow as long as Disallow wins
		{"https://x.test/index.php", false},
		{"https://x.test/index.php?x=1", true},
		{"https://x.test/private/open/door", true},
		{"https://x.test/private/closed", false},
		{"https://x.test/news", true},
		{"https://x.test/robots.txt", true},
	}
	for _, tt := range tests {
		u, err := url.Parse(tt.url)
		if err != nil {
			t.Fatal(err)
		}
		if got := g.allowed(u); got != tt.allow {
			t.Errorf("%s: allowed %v, want %v", tt.url, got, tt.allow)
		}
	}
	// An agent no group names gets the "*" group.
	star, _ := parseRobots([]byte(robots), "someone-else")
	if u, _ := url.Parse("https://x.test/news"); star.allowed(u) {
		t.Error("the * group does not apply")
	}
}
