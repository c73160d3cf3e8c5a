package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/scoopkit/scoop"
)

// usageError is a command line that makes no sense; main exits with 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

const usage = `scoop extracts news articles from pages and crawls news sites.

Usage:
  scoop extract [flags] FILE|DIR|URL|-...    write one JSON line per page's article
  scoop crawl [flags] SEED_URL...             crawl sites, write one JSON line per article
  scoop demo [-o FILE] [-full]                crawl a bundled fake news site, offline
  scoop extract -warc WARC_FILE...            re-extract the articles of WARC files
  scoop convert -format csv|parquet IN.jsonl... OUT
                                              turn records into a table
  scoop version                               print the version

Run "scoop COMMAND -h" for a command's flags.
`

// run is the whole program but for signals and the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usagef("no command given")
	}
	switch args[0] {
	case "extract":
		return runExtract(ctx, args[1:], stdout, stderr)
	case "crawl":
		return runCrawl(ctx, args[1:], stdout, stderr)
	case "demo":
		return runDemo(ctx, args[1:], stdout, stderr)
	case "convert":
		return runConvert(ctx, args[1:], stdout, stderr)
	case "version":
		v := scoop.Version
		if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			v = bi.Main.Version
		}
		fmt.Fprintln(stdout, "scoop", v)
		return nil
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	return usagef("unknown command %q", args[0])
}

// parse parses a command's flags, turning flag's errors into usage errors
// of one line; -h prints the command's usage.
func parse(fs *flag.FlagSet, args []string, stderr io.Writer) (done bool, err error) {
	fs.SetOutput(io.Discard)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stderr)
			fs.Usage()
			return true, nil
		}
		return true, usageError{err.Error()}
	}
	return false, nil
}
