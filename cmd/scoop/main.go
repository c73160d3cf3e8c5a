// Command scoop extracts news articles from pages and crawls news sites
// into JSON Lines.
//
// Usage:
//
//	scoop extract [-url PAGE_URL] FILE|URL|-
//	scoop crawl [flags] SEED_URL...
//	scoop demo [-o FILE]
//
// Run "scoop help" or "scoop crawl -h" for the flags. The exit code is 0
// when the job is done, 1 when it failed and 2 for a usage error.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "scoop:", err)
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintln(os.Stderr, `run "scoop help" for usage`)
			os.Exit(2)
		}
		os.Exit(1)
	}
}
