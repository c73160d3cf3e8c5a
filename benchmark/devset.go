package benchmark

import (
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// DevModule is the Go module whose comparison pages and labels form the
// extraction development set. It is required in this module's go.mod, so
// `go mod download` puts it in the module cache; the pages are never
// copied into this repository.
const DevModule = "github.com/markusmobius/go-trafilatura@v1.12.2"

// DevPage is one labelled page of the development set.
type DevPage struct {
	Path    string   // path inside DevModule, e.g. test-files/comparison/x.html
	URL     string   // the address the page was saved from
	File    string   // absolute path of the page in the module cache
	Title   string   // expected title; empty when not labelled
	Date    string   // expected publication day, YYYY-MM-DD; empty when not labelled
	With    []string // snippets the body must contain
	Without []string // snippets the body must not contain
	Check   bool     // in the check part of the fixed split: measure, never tune
}

// InCheckPart reports whether a file of DevModule is in the check part of
// the split fixed in shared/benchmarks/go-trafilatura-split: the first hex
// digit of the SHA-1 of its path in the module is 0–4.
func InCheckPart(path string) bool {
	sum := sha1.Sum([]byte(path))
	return hex.EncodeToString(sum[:1])[0] <= '4'
}

// DevModuleDir returns the module cache folder of DevModule, asking the
// go command, which answers from the cache without network access.
func DevModuleDir() (string, error) { return moduleDir(DevModule) }

// moduleDir returns the module cache folder of a module this module
// requires ("path" or "path@version").
func moduleDir(module string) (string, error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", strings.Split(module, "@")[0]).Output()
	if err != nil {
		return "", fmt.Errorf("finding %s (run `go mod download` in the benchmark module): %w", module, err)
	}
	dir := strings.TrimSpace(string(out))
	if dir == "" {
		// A module go.mod requires but no package imports (GooseModule)
		// is fetched by `go mod download`, as the build fetches the
		// others: from the module proxy, checked against go.sum.
		out, err = exec.Command("go", "mod", "download", "-json", strings.Split(module, "@")[0]).Output()
		var m struct{ Dir string }
		if err != nil || json.Unmarshal(out, &m) != nil || m.Dir == "" {
			return "", fmt.Errorf("%s is not in the module cache: run `go mod download` in the benchmark module", module)
		}
		dir = m.Dir
	}
	return dir, nil
}

// LoadDevSet reads the labels from the module's
// scripts/comparison/data.go, parsed as Go source rather than compiled
// (it is a main package), and returns the labelled pages sorted by path.
func LoadDevSet(dir string) ([]DevPage, error) {
	src := filepath.Join(dir, "scripts", "comparison", "data.go")
	f, err := parser.ParseFile(token.NewFileSet(), src, nil, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	var pages []DevPage
	ast.Inspect(f, func(n ast.Node) bool {
		kv, ok := n.(*ast.KeyValueExpr)
		if !ok {
			return true
		}
		lit, ok1 := kv.Key.(*ast.BasicLit)
		entry, ok2 := kv.Value.(*ast.CompositeLit)
		if !ok1 || !ok2 || lit.Kind != token.STRING {
			return true
		}
		p := DevPage{URL: unquote(lit.Value)}
		for _, e := range entry.Elts {
			field, ok := e.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			name, _ := field.Key.(*ast.Ident)
			if name == nil {
				continue
			}
			switch name.Name {
			case "File":
				p.File = stringOf(field.Value)
			case "Title":
				p.Title = stringOf(field.Value)
			case "Date":
				p.Date = stringOf(field.Value)
			case "With":
				p.With = stringsOf(field.Value)
			case "Without":
				p.Without = stringsOf(field.Value)
			}
		}
		if p.File != "" {
			pages = append(pages, p)
		}
		return false
	})
	for i := range pages {
		p := &pages[i]
		for _, sub := range []string{"comparison", "mock"} {
			rel := "test-files/" + sub + "/" + p.File
			if _, err := os.Stat(filepath.Join(dir, rel)); err == nil {
				p.Path, p.File = rel, filepath.Join(dir, rel)
				break
			}
		}
		if p.Path == "" {
			return nil, fmt.Errorf("%s: no file %s", src, p.File)
		}
		p.Check = InCheckPart(p.Path)
	}
	slices.SortFunc(pages, func(a, b DevPage) int { return strings.Compare(a.Path, b.Path) })
	return pages, nil
}

func unquote(s string) string {
	u, err := strconv.Unquote(s)
	if err != nil {
		return s
	}
	return u
}

func stringOf(e ast.Expr) string {
	if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.STRING {
		return unquote(lit.Value)
	}
	return ""
}

func stringsOf(e ast.Expr) []string {
	c, ok := e.(*ast.CompositeLit)
	if !ok {
		return nil
	}
	var out []string
	for _, el := range c.Elts {
		out = append(out, stringOf(el))
	}
	return out
}
