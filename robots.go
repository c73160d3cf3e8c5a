package scoop

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// maxRobotsSize bounds the robots.txt read, as RFC 9309 allows: the
// rules past 500 KiB are ignored.
const maxRobotsSize = 500 << 10

// robotsRules is the group of a robots.txt that applies to the crawler
// (RFC 9309). A nil *robotsRules allows everything.
type robotsRules struct {
	rules      []robotsRule
	crawlDelay time.Duration
}

type robotsRule struct {
	allow   bool
	pattern string // percent-encoded as robotsNorm leaves it
}

// parseRobots reads a robots.txt: the rules of the groups that name
// agent (a product token, matched without case), or else of the "*"
// groups, and the sitemaps it lists.
func parseRobots(body []byte, agent string) (*robotsRules, []string) {
	agent = strings.ToLower(agent)
	var mine, star robotsRules
	var sitemaps []string
	var forMine, forStar, inAgents, sawMine bool
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 0, 4096), maxRobotsSize)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		k, v = strings.ToLower(strings.TrimSpace(k)), strings.TrimSpace(v)
		if k != "user-agent" {
			inAgents = false
		}
		switch k {
		case "user-agent":
			if !inAgents {
				forMine, forStar, inAgents = false, false, true
			}
			name, _, _ := strings.Cut(strings.ToLower(v), "/")
			name = strings.TrimSpace(name)
			forMine = forMine || name == agent && agent != ""
			sawMine = sawMine || forMine
			forStar = forStar || name == "*"
		case "allow", "disallow":
			if v == "" {
				continue // "Disallow:" with no path allows everything
			}
			r := robotsRule{allow: k == "allow", pattern: robotsNorm(v)}
			if forMine {
				mine.rules = append(mine.rules, r)
			}
			if forStar {
				star.rules = append(star.rules, r)
			}
		case "crawl-delay":
			if s, err := strconv.ParseFloat(v, 64); err == nil && s > 0 && s < 86400 {
				d := time.Duration(s * float64(time.Second))
				if forMine {
					mine.crawlDelay = d
				}
				if forStar {
					star.crawlDelay = d
				}
			}
		case "sitemap":
			sitemaps = append(sitemaps, v)
		}
	}
	// A group naming the crawler replaces the "*" groups entirely.
	if sawMine {
		return &mine, sitemaps
	}
	return &star, sitemaps
}

// productToken is the name of the crawler in a User-Agent, which picks
// its robots.txt group: "scoop" in "scoop/1.0 (+…)", "my-study" in
// "Mozilla/5.0 (compatible; my-study/1.0; +https://…)".
func productToken(ua string) string {
	if _, rest, ok := strings.Cut(ua, "compatible;"); ok {
		ua = rest
	}
	ua = strings.TrimSpace(ua)
	end := strings.IndexFunc(ua, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_')
	})
	if end >= 0 {
		ua = ua[:end]
	}
	return strings.ToLower(ua)
}

// allowed reports whether the rules allow u: the longest matching
// pattern wins, and of an Allow and a Disallow as long, the Allow.
func (g *robotsRules) allowed(u *url.URL) bool {
	if g == nil || u.Path == "/robots.txt" {
		return true
	}
	p := u.EscapedPath()
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	p = robotsNorm(p)
	best, allow := -1, true
	for _, r := range g.rules {
		if n := len(r.pattern); n >= best && robotsMatch(r.pattern, p) {
			if n > best || r.allow {
				allow = r.allow
			}
			best = n
		}
	}
	return allow
}

// robotsNorm percent-encodes what RFC 9309 compares encoded (octets
// outside ASCII, controls and spaces) with upper-case hex digits, and
// decodes escaped unreserved characters, so that "/café", "/caf%c3%a9"
// and "/caf%C3%A9" compare equal.
func robotsNorm(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%' && i+2 < len(s) && ishex(s[i+1]) && ishex(s[i+2]):
			v := unhex(s[i+1])<<4 | unhex(s[i+2])
			if v < 0x80 && (v >= 'a' && v <= 'z' || v >= 'A' && v <= 'Z' || v >= '0' && v <= '9' || strings.IndexByte("-._~", v) >= 0) {
				b.WriteByte(v)
			} else {
				b.WriteByte('%')
				b.WriteByte(hex[v>>4])
				b.WriteByte(hex[v&15])
			}
			i += 2
		case c >= 0x80 || c <= ' ' || c == 0x7f:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func ishex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

func unhex(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}

// robotsMatch matches a path against a pattern from its start: '*' is
// any run of characters, a final '$' the end of the path.
func robotsMatch(pattern, p string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	pattern = strings.TrimSuffix(pattern, "$")
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(p, parts[0]) {
		return false
	}
	p = p[len(parts[0]):]
	if len(parts) == 1 {
		return !anchored || p == ""
	}
	for i, part := range parts[1:] {
		last := i == len(parts)-2
		if last && anchored {
			return strings.HasSuffix(p, part)
		}
		j := strings.Index(p, part)
		if j < 0 {
			return false
		}
		p = p[j+len(part):]
	}
	return true
}

// hostInfo is what a crawl knows about one host's robots.txt.
type hostInfo struct {
	fetchMu sync.Mutex // one robots.txt request at a time

	mu       sync.Mutex
	read     bool
	rules    *robotsRules
	sitemaps []string
	taken    bool      // sitemaps handed to the frontier
	err      error     // the last attempt's failure
	fails    int       // attempts that failed in a row
	nextTry  time.Time // no attempt before this
	started  time.Time // the last request's start, for Crawl-delay
}

// tooSoonError refuses a request that a host's Crawl-delay does not
// allow yet.
type tooSoonError struct {
	until time.Time
	gap   time.Duration
}

func (e *tooSoonError) Error() string { return "scoop: too soon for the host's Crawl-delay" }

// spaced lets a request start if the host's last one started gap ago.
func (cr *crawl) spaced(host string, gap time.Duration) error {
	h := cr.host(host)
	h.mu.Lock()
	defer h.mu.Unlock()
	now := time.Now()
	if next := h.started.Add(gap); now.Before(next) {
		return &tooSoonError{until: next, gap: gap}
	}
	h.started = now
	return nil
}

// robotsError is the failure to read a host's robots.txt, which stands
// for the page that needed it.
type robotsError struct{ err error }

func (e *robotsError) Error() string { return "robots.txt unavailable: " + e.err.Error() }
func (e *robotsError) Unwrap() error { return e.err }

// errRobotsDisallowed stops a request that the host's robots.txt
// disallows.
var errRobotsDisallowed = errors.New("scoop: disallowed by robots.txt")

// robotsRequest marks the context of a robots.txt request, which the
// transport must not hold for the robots.txt itself.
type robotsRequest struct{}

// host returns what the crawl knows of a host.
func (cr *crawl) host(name string) *hostInfo {
	cr.hostMu.Lock()
	defer cr.hostMu.Unlock()
	h := cr.hosts[name]
	if h == nil {
		h = &hostInfo{}
		cr.hosts[name] = h
	}
	return h
}

// knownRules returns the host's rules if its robots.txt has been read,
// without fetching it.
func (cr *crawl) knownRules(host string) (*robotsRules, bool) {
	h := cr.host(host)
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.rules, h.read
}

// hostRules returns the rules of u's host, reading its robots.txt the
// first time, in the worker that holds the host's first request, so
// that a slow or dead host holds up no other. A failure is kept until
// the backoff allows a new attempt, and after Retries of them for the
// rest of the run, so a dead host costs one timeout per step, not one
// per page.
func (cr *crawl) hostRules(ctx context.Context, u *url.URL) (*robotsRules, error) {
	h := cr.host(u.Host)
	h.fetchMu.Lock()
	defer h.fetchMu.Unlock()
	h.mu.Lock()
	if h.read || h.err != nil && (time.Now().Before(h.nextTry) || h.fails > cr.cfg.Retries) {
		defer h.mu.Unlock()
		return h.rules, h.err
	}
	h.mu.Unlock()
	rules, sitemaps, err := cr.fetchRobots(ctx, u)
	h.mu.Lock()
	defer h.mu.Unlock()
	if err != nil {
		h.err = err
		h.nextTry = time.Now().Add(min(backoff(cr.cfg.Backoff, h.fails), maxRetryAfter))
		h.fails++
		cr.log.Warn("robots.txt unavailable", "host", u.Host, "err", err)
		return nil, err
	}
	h.read, h.rules, h.sitemaps, h.err = true, rules, sitemaps, nil
	return rules, nil
}

// takeSitemaps returns the sitemaps of a host's robots.txt once per run.
func (cr *crawl) takeSitemaps(host string) []string {
	h := cr.host(host)
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.read || h.taken {
		return nil
	}
	h.taken = true
	return h.sitemaps
}

// fetchRobots fetches and parses the robots.txt of u's host. It fails
// when the host cannot be reached or answers 429 or 5xx: the site is
// then unavailable rather than without rules. Any other answer gives
// rules (none for a 4xx).
func (cr *crawl) fetchRobots(ctx context.Context, u *url.URL) (*robotsRules, []string, error) {
	site := u.Scheme + "://" + u.Host
	rs, shared := cr.fr.(RobotsStore)
	if shared {
		status, body, ok, err := rs.Robots(ctx, site)
		if err != nil {
			return nil, nil, err
		}
		if ok {
			return cr.readRobots(status, body)
		}
	}
	status, body, err := cr.getRobots(ctx, u)
	if shared {
		if e := rs.SetRobots(ctx, site, status, body); e != nil && err == nil {
			err = e
		}
	}
	if err != nil {
		return nil, nil, err
	}
	return cr.readRobots(status, body)
}

// getRobots fetches the robots.txt of u's host: its status and, for a
// 2xx or 3xx answer, its body.
func (cr *crawl) getRobots(ctx context.Context, u *url.URL) (int, []byte, error) {
	ru := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	req, err := http.NewRequestWithContext(context.WithValue(ctx, robotsRequest{}, true), http.MethodGet, ru.String(), nil)
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("User-Agent", cr.cfg.UserAgent)
	cr.st.request()
	resp, err := cr.client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		return resp.StatusCode, nil, nil
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxRobotsSize))
	if err != nil {
		return 0, nil, err
	}
	return resp.StatusCode, body, nil
}

// readRobots turns a robots.txt answer into rules.
func (cr *crawl) readRobots(status int, body []byte) (*robotsRules, []string, error) {
	switch {
	case status == http.StatusTooManyRequests || status >= 500:
		return nil, nil, &statusError{status}
	case status >= 300:
		return nil, nil, nil // none for a 4xx; a redirect loop or one elsewhere: no rules
	}
	rules, sitemaps := parseRobots(body, productToken(cr.cfg.UserAgent))
	return rules, sitemaps, nil
}
