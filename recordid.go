package scoop

import (
	"crypto/sha256"
	"encoding/hex"
)

// RecordID is the id a Record carries: the lowercase hex SHA-256 of
// URLKey of its url. The same story gets the same id in every run and
// every process, so that the outputs of several crawls (the shards of a
// shared crawl) can be joined or de-duplicated on it.
func RecordID(rawURL string) string { return keyID(URLKey(rawURL)) }

// keyID is the id of a record whose url has the given URL key.
func keyID(key string) string {
	h := sha256.Sum256([]byte(key))
	return hex.EncodeToString(h[:])
}
