package scoop

// CPUTime is cpuTime, for the benchmarks of package scoop_test.
var CPUTime = cpuTime
