//go:build !unix

package warc

import "os"

// lockFile reports false where file locks are not available: leftover
// open files are then left as they are.
func lockFile(f *os.File) bool { return false }
