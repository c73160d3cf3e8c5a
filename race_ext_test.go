//go:build race

package scoop_test

// raceEnabled loosens the timing tests: the race detector makes the
// crawler's own work several times slower.
const raceEnabled = true
