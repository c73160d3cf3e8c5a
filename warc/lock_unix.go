//go:build unix

package warc

import (
	"os"
	"syscall"
)

// lockFile takes an exclusive lock on f without waiting, so that a later
// run can tell a file that a live process is writing from one that a
// killed run left. The lock goes with the process.
func lockFile(f *os.File) bool {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil
}
