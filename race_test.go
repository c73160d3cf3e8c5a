//go:build race

package scoop

// raceEnabled scales the hostile-document bounds: the race detector
// makes code several times slower and heavier.
const raceEnabled = true
