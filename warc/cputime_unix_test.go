//go:build unix

package warc

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the process has used, user and system; a
// shared machine's load disturbs it less than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
