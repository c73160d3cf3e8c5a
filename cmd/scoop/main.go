// Command scoop extracts news articles from pages and crawls news sites
// into JSON Lines.
//
// Usage:
//
//	scoop extract [flags] FILE|DIR|URL|-...
//	scoop crawl [flags] SEED_URL...
//	scoop demo [-o FILE]
//	scoop version
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
	"strings"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, message(err))
		var ue usageError
		if errors.As(err, &ue) {
			cmd := "COMMAND"
			if len(os.Args) > 1 {
				cmd = os.Args[1]
			}
			fmt.Fprintf(os.Stderr, "run \"scoop %s -h\" for usage\n", cmd)
			os.Exit(2)
		}
		os.Exit(1)
	}
}

// message is err with one "scoop:" in front: the library's errors carry
// their own, also when wrapped.
func message(err error) string {
	return "scoop: " + strings.ReplaceAll(err.Error(), "scoop: ", "")
}
