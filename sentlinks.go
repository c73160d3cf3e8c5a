package scoop

import (
	"net/url"
	"strings"
	"sync"
)

// sentLinks remembers the links a run has handed to the frontier, by
// their text and what that text resolves against, so that the links every
// page of a site repeats (sections, navigation, footers) are cleaned,
// admitted and sent once instead of on every page. Skipping one changes
// nothing: the frontier ignores a key it has seen. The one exception is a
// finished key whose revisit time has come, which a run with Refresh may
// queue again; such a run remembers nothing.
//
// A link is remembered only once the Ack that carried it has been
// recorded: a lease that expired lost its links, and they must be sent
// again when its page is fetched again. Nor is one remembered before its
// host's robots.txt is read (rulesSettled): once the rules are known, a
// page that repeats it counts a robots skip, as it did without sentLinks.
type sentLinks struct {
	mu sync.RWMutex
	m  map[string]struct{}
}

// maxSentLinks bounds the memory of sentLinks (a few hundred kB), which
// forgets everything when full, so that a crawl's memory stays flat
// however large the site. The links worth remembering, those of a site's
// templates, are a few hundred; each story's own link fills it between
// two resets, and the template's links are sent again once after each.
const maxSentLinks = 1 << 12

// linkID is the identity of a link's text on a page with that base, or ""
// when it resolves against more of the base than is kept: only a path
// from the root ("/news") or an absolute http(s) address, which resolve
// against the base's scheme and host at most, and are what a site repeats
// on its pages.
func linkID(base *url.URL, href string) string {
	switch {
	case strings.HasPrefix(href, "/"):
		// NUL bytes keep these apart from each other and from absolute
		// addresses: neither a scheme nor a host holds one.
		return "\x00" + base.Scheme + "\x00" + base.Host + "\x00" + href
	case hasPrefixFold(href, "http://"), hasPrefixFold(href, "https://"):
		return href
	}
	return ""
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// has reports whether the link id was sent already.
func (s *sentLinks) has(id string) bool {
	if s == nil || id == "" {
		return false
	}
	s.mu.RLock()
	_, ok := s.m[id]
	s.mu.RUnlock()
	return ok
}

// add remembers the ids of links an Ack has recorded.
func (s *sentLinks) add(ids []string) {
	if s == nil || len(ids) == 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil || len(s.m)+len(ids) > maxSentLinks {
		s.m = make(map[string]struct{}, 256)
	}
	for _, id := range ids {
		s.m[id] = struct{}{}
	}
}

// rulesSettled reports whether admit's robots.txt decision for the host
// is final for the run: the rules are read once and kept.
func (cr *crawl) rulesSettled(host string) bool {
	if cr.cfg.IgnoreRobotsTxt {
		return true
	}
	_, ok := cr.knownRules(host)
	return ok
}
