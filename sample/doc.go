// Package sample holds the built-in sample data: short fact sheets written
// for reportbot that restate, in their own words and with attribution, a
// few figures reported by local newspapers. reportbot answers from them when
// no index has been built yet, so that a fresh checkout can be tried at once.
// They are sample data, not a source: each sheet names the report it
// restates, and the figures should be checked there.
package sample

import (
	"embed"
	"io/fs"
)

//go:embed files
var files embed.FS

// Files returns the sample fact sheets, as a file system rooted at their
// folder.
func Files() fs.FS {
	sub, err := fs.Sub(files, "files")
	if err != nil {
		// The folder is embedded at build time; its absence is a build
		// defect, and an empty file system says so to the caller.
		return embed.FS{}
	}
	return sub
}
