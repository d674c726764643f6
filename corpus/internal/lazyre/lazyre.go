// Package lazyre compiles the corpus packages' regular expressions on
// first use rather than at program start: a start that never reads a
// report (reportbot ask, version) need not compile the patterns reading
// one takes.
package lazyre

import (
	"regexp"
	"sync"
)

// New returns a function that compiles expr on its first call and returns
// the same Regexp on every call. expr is a constant of the caller's that
// compiles (its tests use it), as regexp.MustCompile at package level
// would require; only the moment of compiling changes.
func New(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
