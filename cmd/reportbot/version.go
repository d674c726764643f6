package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"github.com/reportbot/reportbot/index"
)

// runVersion prints the module version, the commit it was built from
// (when the build recorded it), the Go version and the index schema, which
// says whether an index built by another version can be read.
func runVersion(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("version", "reportbot version", "Prints the version, the commit it was built from, and the index schema it reads and writes.")
	rest, err := fs.parse(args, stdout, stderr)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fs.fail(stderr, fmt.Sprintf("version takes no arguments (got %q)", rest[0]))
	}
	version, commit := "(unknown)", ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		version = bi.Main.Version
		var rev, when, dirty string
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				when = s.Value
			case "vcs.modified":
				if s.Value == "true" {
					dirty = ", with uncommitted changes"
				}
			}
		}
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if rev != "" {
			commit = fmt.Sprintf(" (commit %s %s%s)", rev, when, dirty)
		}
	}
	fmt.Fprintf(stdout, "reportbot %s%s, %s %s/%s, index schema %d\n", version, commit, runtime.Version(), runtime.GOOS, runtime.GOARCH, index.Schema)
	return nil
}
