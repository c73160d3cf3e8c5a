package scoop_test

import (
	"testing"

	"github.com/scoopkit/scoop"
	"github.com/scoopkit/scoop/internal/frontiertest"
)

func TestBoltFrontierContract(t *testing.T) {
	frontiertest.Run(t, func(t *testing.T) scoop.Frontier {
		f, err := scoop.OpenFrontier(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		return f
	})
}
