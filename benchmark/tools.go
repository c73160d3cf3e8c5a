//go:build tools

package benchmark

// GooseModule's real pages are read from the module cache (see
// goose.go); this import keeps the module in go.mod, so that `go mod
// download` fetches it. The package is never built.
import _ "github.com/advancedlogic/GoOse"
