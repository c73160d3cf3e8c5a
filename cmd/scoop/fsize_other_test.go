//go:build !linux

package main

// execWithFileLimit is a no-op where the tests do not set file size
// limits.
func execWithFileLimit() {}
