package scoop

import "time"

// Article is the record Extract makes of one news page.
//
// Times keep the zone the page gave; a date shown without a time of day
// is midnight UTC. Fields the page does not provide are empty.
type Article struct {
	URL        string         `json:"url"`
	Title      string         `json:"title"`
	Byline     string         `json:"byline"`
	SiteName   string         `json:"site_name"`
	Language   string         `json:"language"`
	Published  *time.Time     `json:"published,omitempty"`
	Modified   *time.Time     `json:"modified,omitempty"`
	Excerpt    string         `json:"excerpt"`
	Image      string         `json:"image"`
	Text       string         `json:"text"`
	HTML       string         `json:"html"`
	SourceURL  string         `json:"source_url"`
	DateSource DateSource     `json:"date_source,omitempty"`
	Related    []RelatedStory `json:"related"`
}

// DateSource names the kind of evidence an article's published date came from.
type DateSource string

// The places a published date can come from, most reliable first.
const (
	DateFromJSONLD DateSource = "json-ld"
	DateFromMeta   DateSource = "meta"
	DateFromTime   DateSource = "time"
	DateFromText   DateSource = "text"
	DateFromURL    DateSource = "url"
)

// RelatedStory is one story a page presents as related to its article,
// either inline in the body or in a block near it.
type RelatedStory struct {
	Title     string     `json:"title"`
	URL       string     `json:"url"`
	Published *time.Time `json:"published,omitempty"`
	Summary   string     `json:"summary,omitempty"`
	Image     string     `json:"image,omitempty"`
	Block     string     `json:"block,omitempty"`
	Inline    bool       `json:"inline"`
}
