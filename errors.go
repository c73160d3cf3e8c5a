package scoop

import "errors"

// Errors returned by Extract, usable with errors.Is.
var (
	ErrEmpty      = errors.New("scoop: empty document")
	ErrNotHTML    = errors.New("scoop: not an HTML document")
	ErrInvalidURL = errors.New("scoop: invalid page URL")
	ErrNoArticle  = errors.New("scoop: no article found")
	ErrTooLarge   = errors.New("scoop: document too large") // over the size limit, or nested too deep
)
