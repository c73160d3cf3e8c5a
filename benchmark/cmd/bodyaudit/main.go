// Command bodyaudit prints scoop's body of the go-readability test pages
// listed in testdata/bodyaudit/pages.txt, one part of the split at a time,
// for reading against the pages, and checks the audit made that way:
//
//	go run ./cmd/bodyaudit -part A            # print part A's bodies
//	go run ./cmd/bodyaudit -part A -check     # count the audited debris left and prose missing
//
// A page is in part A when the FNV-32a hash of its name is even, in B
// when odd.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/scoopkit/scoop"
	"github.com/scoopkit/scoop/benchmark"
)

func main() {
	log.SetFlags(0)
	part := flag.String("part", "A", "part of the split: A|B")
	page := flag.String("page", "", "only the page of this `name`")
	check := flag.Bool("check", false, "check the audit in testdata/bodyaudit/audit-PART.tsv instead of printing")
	flag.Parse()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "codeberg.org/readeck/go-readability/v2").Output()
	if err != nil {
		log.Fatal(err)
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "test-pages")
	names, err := pageNames("testdata/bodyaudit/pages.txt")
	if err != nil {
		log.Fatal(err)
	}
	bodies := map[string]string{}
	var order []string
	for _, n := range names {
		if Part(n) != *part || *page != "" && n != *page {
			continue
		}
		src, err := os.ReadFile(filepath.Join(dir, n, "source.html"))
		if err != nil {
			log.Fatal(err)
		}
		text := ""
		a, err := scoop.Extract(bytes.NewReader(src), PageURL(n, src))
		switch {
		case err == nil:
			text = a.Text
		case errors.Is(err, scoop.ErrNoArticle):
			text = "[refused: " + err.Error() + "]"
		default:
			log.Fatalf("%s: %v", n, err)
		}
		bodies[n] = text
		order = append(order, n)
	}
	if *check {
		checkAudit(filepath.Join("testdata/bodyaudit", "audit-"+*part+".tsv"), bodies, order)
		return
	}
	for _, n := range order {
		fmt.Printf("=================== %s\n", n)
		for i, l := range strings.Split(bodies[n], "\n\n") {
			fmt.Printf("%3d| %s\n", i+1, l)
		}
	}
}

// checkAudit counts, per page, the audited debris lines still in the
// body and the audited prose paragraphs not in it.
func checkAudit(path string, bodies map[string]string, order []string) {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	type tally struct{ debris, missing int }
	per := map[string]*tally{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 3 || cols[0] == "page" || strings.HasPrefix(cols[0], "#") {
			continue
		}
		name, kind, line := cols[0], cols[1], cols[2]
		body, ok := bodies[name]
		if !ok {
			continue
		}
		t := per[name]
		if t == nil {
			t = &tally{}
			per[name] = t
		}
		// A fourth column says how many times a line stands in a body
		// that keeps the debris, for lines that are also the article's
		// own (a table of contents repeats the headings).
		times := 1
		if len(cols) > 3 {
			fmt.Sscan(cols[3], &times)
		}
		has := countLine(body, line) >= times
		switch {
		case kind == "missing" && !has:
			t.missing++
			fmt.Printf("%s\tmissing\t%s\n", name, line)
		case kind != "missing" && kind != "clean" && has:
			t.debris++
			fmt.Printf("%s\t%s\t%s\n", name, kind, line)
		}
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	var withDebris, withMissing int
	for _, n := range order {
		if t := per[n]; t != nil {
			if t.debris > 0 {
				withDebris++
			}
			if t.missing > 0 {
				withMissing++
			}
		}
	}
	fmt.Printf("%d pages: %d with audited debris left, %d with audited prose missing\n", len(order), withDebris, withMissing)
}

var space = regexp.MustCompile(`\s+`)

// countLine counts the paragraphs or lines of the body that are line,
// white space normalised; a line ending in "…" is a prefix.
func countLine(body, line string) int {
	line = strings.TrimSpace(space.ReplaceAllString(line, " "))
	prefix := strings.HasSuffix(line, "…")
	line = strings.TrimSuffix(line, "…")
	n := 0
	for _, p := range strings.FieldsFunc(body, func(r rune) bool { return r == '\n' }) {
		p = strings.TrimSpace(space.ReplaceAllString(p, " "))
		if p == line || prefix && strings.HasPrefix(p, line) {
			n++
		}
	}
	return n
}

// Part is the part of the split a page belongs to: A is the tune part
// of [benchmark.ReadabilityPart], which the date labels share.
func Part(name string) string {
	if benchmark.ReadabilityPart(name) == "tune" {
		return "A"
	}
	return "B"
}

var rxCanonical = regexp.MustCompile(`(?is)<link[^>]+rel=["']canonical["'][^>]+href=["']([^"']+)|<meta[^>]+property=["']og:url["'][^>]+content=["']([^"']+)`)

// PageURL is the page's own URL from its canonical link or og:url, or a
// plausible article URL.
func PageURL(name string, src []byte) string {
	if m := rxCanonical.FindSubmatch(src); m != nil {
		u := string(m[1]) + string(m[2])
		if strings.HasPrefix(u, "http") {
			return u
		}
	}
	return "https://www.example.com/2020/01/02/" + name + "-story"
}

func pageNames(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			names = append(names, l)
		}
	}
	return names, nil
}
