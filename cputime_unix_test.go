//go:build unix

package scoop

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time the test process has used, user and
// system, which other processes on a shared machine do not inflate the
// way they inflate wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return time.Duration(time.Now().UnixNano())
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
