package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/reportbot/reportbot/index"
	"github.com/reportbot/reportbot/ingest"
)

func runRemove(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("remove", "reportbot remove [-index DIR] PATH...",
		"Drops reports from the index: a file, or a folder (every indexed file under it). The\n"+
			"files themselves are not touched; a file that is gone can be named as it was indexed.")
	dir := indexFlag(fs.FlagSet)
	paths, err := fs.parse(args, stdout, stderr)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return fs.fail(stderr, "remove needs the file or folder to drop")
	}
	ix, err := openForWriting(dir.location())
	if err != nil {
		return err
	}
	defer ix.Close()
	removed, unmatched, err := ingest.New(ix).Remove(paths)
	for _, r := range removed {
		fmt.Fprintf(stdout, "removed %s\n", r)
	}
	if err != nil {
		return err
	}
	st := ix.Stats()
	fmt.Fprintf(stdout, "index %s: %d files, %d sentences, %d figures\n", ix.Dir(), st.Files, st.Sentences, st.Figures)
	if len(unmatched) > 0 {
		return fmt.Errorf("not in the index: %s (see reportbot sources)", strings.Join(unmatched, ", "))
	}
	return nil
}

// openForWriting opens an existing index to change it; unlike "index", a
// command that only removes never creates one.
func openForWriting(loc indexLocation) (*index.Index, error) {
	if _, err := os.Stat(loc.Dir); errors.Is(err, fs.ErrNotExist) {
		if loc.Given != "" {
			return nil, errNoIndex(loc)
		}
		return nil, usageError{fmt.Sprintf("no index at %s: nothing to remove", loc.Dir)}
	}
	return index.Open(loc.Dir, index.Options{})
}
