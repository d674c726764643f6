package main

import (
	"os"
	"runtime/debug"
)

// bulkGCPercent is the garbage collector's target while a folder is
// indexed: the heap may grow to three times what is live instead of
// twice. Indexing allocates about 150 bytes per byte of text, nearly all
// short-lived, so collecting half as often cut the CPU of indexing a
// million sentences by about a sixth, for about a third more memory at
// the peak (BENCHMARKS.md).
const bulkGCPercent = 200

// bulkGC sets bulkGCPercent for the duration of a bulk indexing run and
// returns what restores the previous setting. A GOGC in the environment
// is the user's choice and is left alone.
func bulkGC() (restore func()) {
	if _, set := os.LookupEnv("GOGC"); set {
		return func() {}
	}
	old := debug.SetGCPercent(bulkGCPercent)
	return func() { debug.SetGCPercent(old) }
}

// gcPercent reads the garbage collector's current target.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}
