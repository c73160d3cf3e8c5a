package scoop

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// minContents is how many entries a list of links to the page's own
// sections needs to be its table of contents.
const minContents = 3

// dropContents removes the tables of contents: lists whose every entry
// is a link to a section of the page itself. The body has the sections'
// headings already; a list of footnotes, with text beside its links,
// stays.
func dropContents(root *html.Node, page *url.URL) {
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode {
				if (c.DataAtom == atom.Ul || c.DataAtom == atom.Ol) && contentsList(c, page) {
					detach(c)
				} else {
					walk(c)
				}
			}
			c = next
		}
	}
	walk(root)
}

// contentsList reports whether every text of list n sits in a link to
// a fragment of the page, with at least minContents such links.
func contentsList(n *html.Node, page *url.URL) bool {
	links := 0
	var ok func(*html.Node, bool) bool
	ok = func(n *html.Node, inLink bool) bool {
		switch n.Type {
		case html.TextNode:
			return inLink || strings.TrimSpace(n.Data) == ""
		case html.ElementNode:
			if n.DataAtom == atom.A {
				if inLink || !ownFragment(attr(n, "href"), page) {
					return false
				}
				links++
				inLink = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !ok(c, inLink) {
				return false
			}
		}
		return true
	}
	return ok(n, false) && links >= minContents
}

// ownFragment reports whether href points to a section of the page.
func ownFragment(href string, page *url.URL) bool {
	if strings.HasPrefix(href, "#") {
		return len(href) > 1
	}
	u, err := url.Parse(href)
	return err == nil && u.Fragment != "" && page != nil && u.Host == page.Host && strings.TrimSuffix(u.Path, "/") == strings.TrimSuffix(page.Path, "/")
}
