package scoop

import (
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// testPage scans a document for the package's internal tests.
func testPage(t *testing.T, pageURL, doc string) *page {
	t.Helper()
	u, err := url.Parse(pageURL)
	if err != nil {
		t.Fatal(err)
	}
	root, err := html.Parse(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	return scanPage(root, u)
}
