package scoop

import "net"

// SetTestResolver makes s resolve host names with r, and not use the
// proxies that the environment names, so that a test crawling a host
// that does not exist reaches no name server and no proxy.
func SetTestResolver(s *Scraper, r *net.Resolver) { s.resolver = r }
