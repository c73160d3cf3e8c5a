//go:build !race

package scoop_test

const raceEnabled = false
