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
// [ErrNoArticle], to be tested with errors.Is. A page that holds no
// article gives a [*NotArticleError] saying what it holds ([PageKind]: a
// listing, a soft 404 ([ErrSoft404]), an empty shell) with what the page
// still says about itself, its dates included.
//
// # Crawling
//
// A [Scraper] crawls news sites with Colly from seed URLs, sitemaps and
// feeds, politely by default, and hands each article Extract accepts to a
// callback as a [Record]: the Article and where it came from. Failures
// come as a [*PageError] with an [ErrorKind]. The crawl's state is a
// [Frontier], by default a bbolt file ([OpenFrontier]) so that a stopped
// crawl resumes without refetching; [OpenJSONL] writes records as JSON
// Lines exactly once across runs, kill -9 included.
//
// # Files
//
// extract.go runs the steps; page.go reads the page before readability
// rewrites it; charset.go decodes; classify.go decides what a page holds
// (articles, listings, soft 404s); date.go parses dates, dateorder.go
// decides whether numeric ones are day first, datewords.go holds
// their words in many languages, datesource.go finds them in metadata,
// markup and text, dateplace.go tells from where a date stands whether
// it is the page's, pubdate.go settles the publisher's day from the
// dateline, daterelative.go reads "3 hours ago", dateyearless.go dates
// shown without a year but with a weekday, headline.go finds the
// headline both stand under; source.go finds source credits; related.go walks the page for
// related-story blocks, marks page debris and merges stories by URL,
// related_block.go recognises labelled blocks, related_extent.go how far
// one reaches, related_inline.go the
// pointers set in the text (callouts, teaser boxes, topic asides),
// related_place.go tells whether a block is in the text or beside it,
// related_card.go reads their cards, related_jsonld.go the stories named
// in JSON-LD, related_title.go a card's headline, related_list.go reads
// unlabelled lists of story links and
// drops pager and media links, related_owner.go tells the site's or
// author's lists, source lists and endless-scroll pointers, related_link.go
// decides which links are stories and related_vocab.go holds their
// vocabulary; lead.go restores a lead or standfirst readability left
// out and takes the prose under the headline when readability's body is
// another text or one of paragraphs each wrapped in boxes of their own,
// introbox.go the standfirst a template sets in a box its class names;
// title.go picks the title and byline.go the byline and publisher; clean.go cleans
// and renders the body, with boilerplate.go's line rules, dangling.go's
// trailing labels and author notes, contents.go's tables of contents and
// lines.go's lines that no block sets apart (divided by <br>, or loose
// between blocks);
// dom.go holds the DOM helpers they share, cut.go the marks on the
// blocks taken out before readability runs, hints.go the class and id
// words that say what a block is, substrings.go the one-pass test for many hint words, literals.go
// the fast path of the date-label patterns and rxstart.go the start
// filter of the related-label patterns.
//
// scrape.go holds the crawler's API; crawl.go runs a crawl (workers,
// seeds, admission), with sentlinks.go's memory of the links already
// sent to the frontier; fetch.go is the Colly wiring, the transport and what
// becomes of a request; retry.go classifies failures and times retries;
// robots.go reads robots.txt (RFC 9309); crawlpage.go handles a fetched
// page (sitemap, feed or HTML, classification by Extract, delivery);
// frontier.go is the Frontier interface, frontier_bolt.go its bbolt
// implementation and statefile.go opens and checks its file; discover.go
// parses links, sitemaps and feeds; urlnorm.go normalises URLs; jsonl.go
// writes the output; stats.go counts; recordid.go makes the records' id;
// robotsstore.go is what a Frontier shared by several processes
// implements to share robots.txt (package redisfrontier keeps one in
// Redis); archive.go makes the record of a page, for the crawl and for
// pages read back from an archive (package warc records and reads WARC
// files).
package scoop
