// Package scoop extracts news articles from web pages and crawls news
// sites for them, for research data sets.
//
// # Extracting
//
// [Extract] turns one HTML page into an [Article]: its title, publication
// date and where that date came from ([DateSource]), plain-text body, the
// original publisher's URL when the page republishes a story, and the
// related stories it links to ([RelatedStory]). The body comes from
// go-readability and is then cleaned of callouts, promos, bylines,
// captions and credit lines. An [Extractor] sets limits; its zero value is
// what Extract uses.
//
// Errors are [ErrInvalidURL], [ErrEmpty], [ErrNotHTML], [ErrTooLarge] and
// [ErrNoArticle], to be tested with errors.Is.
//
// # Crawling
//
// A [Scraper] crawls news sites with Colly from seed URLs, sitemaps and
// feeds, politely by default, and hands each article to a callback as a
// [Record]: the Article and where it came from. Its state can live on
// disk so that a stopped crawl resumes without refetching or duplicating.
// [RecordWriter] writes records as JSON Lines.
//
// # Files
//
// extract.go runs the steps; page.go reads the page before readability
// rewrites it; charset.go decodes; date.go finds dates; source.go finds
// source credits; related.go walks the page for related-story blocks,
// marks page debris and merges stories by URL, related_block.go
// recognises blocks and inline callouts, related_card.go reads their
// cards and JSON-LD, related_link.go decides which links are stories and
// related_vocab.go holds their vocabulary; clean.go cleans and renders the body; dom.go holds the DOM
// helpers they share. scrape.go holds the crawler's API, scrape_crawl.go
// its Colly wiring, discover.go link, sitemap and feed discovery, store.go
// the resumable state, urlnorm.go URL normalisation and jsonl.go the
// output.
package scoop
