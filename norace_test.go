//go:build !race

package scoop

const raceEnabled = false
