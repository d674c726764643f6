package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/reportbot/reportbot/answer/socket"
	"github.com/reportbot/reportbot/index"
	"github.com/reportbot/reportbot/ingest"
	"github.com/reportbot/reportbot/sample"
)

// envIndex names the index directory when -index is not given.
const envIndex = "REPORTBOT_INDEX"

// indexLocation is where a command's index is, and who chose it: a path
// the user gave (-index or $REPORTBOT_INDEX) must exist for commands that
// read, while the default location may not exist yet on a first run.
type indexLocation struct {
	Dir string
	// Given names where Dir came from ("-index", "$REPORTBOT_INDEX"); ""
	// for the default location.
	Given string
}

// indexFlagValue is the -index flag. It remembers whether it was set, so
// that a mistyped path is told apart from no path at all.
type indexFlagValue struct {
	dir string
	set bool
}

func (v *indexFlagValue) String() string { return v.dir }

func (v *indexFlagValue) Set(s string) error {
	if s == "" {
		return errors.New("needs a directory")
	}
	v.dir, v.set = s, true
	return nil
}

// location resolves the flag: -index, else $REPORTBOT_INDEX, else the
// default location.
func (v *indexFlagValue) location() indexLocation {
	if v.set {
		return indexLocation{Dir: v.dir, Given: "-index"}
	}
	if d := os.Getenv(envIndex); d != "" {
		return indexLocation{Dir: d, Given: "$" + envIndex}
	}
	return indexLocation{Dir: defaultIndexDir()}
}

// indexFlag adds the -index flag every command that uses an index has.
func indexFlag(fs *flag.FlagSet) *indexFlagValue {
	v := &indexFlagValue{}
	fs.Var(v, "index", "index `DIR` (default $"+envIndex+", else "+defaultIndexDir()+")")
	return v
}

// defaultIndexDir is reportbot/index in the user's data directory
// ($XDG_DATA_HOME, ~/.local/share, or the platform's own).
func defaultIndexDir() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "reportbot", "index")
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return filepath.Join(os.TempDir(), "reportbot", "index")
	}
	switch runtime.GOOS {
	case "darwin":
		return filepath.Join(home, "Library", "Application Support", "reportbot", "index")
	case "windows":
		if d, err := os.UserConfigDir(); err == nil {
			return filepath.Join(d, "reportbot", "index")
		}
	}
	return filepath.Join(home, ".local", "share", "reportbot", "index")
}

// errNoIndex is a given index path that does not exist: a usage error,
// so that a typo is never answered from other data.
func errNoIndex(loc indexLocation) error {
	return usageError{fmt.Sprintf("no index at %s (from %s): check the path, or build one with: reportbot index -index %s PATH...", loc.Dir, loc.Given, loc.Dir)}
}

// openForQuestions opens the index at loc for reading. Only on a first
// run, with no index configured and none at the default location, does it
// open an in-memory index of the built-in sample data, and then it says
// so on stderr; a path that was given and does not exist is an error.
func openForQuestions(ctx context.Context, loc indexLocation, stderr io.Writer) (*index.Index, error) {
	_, err := os.Stat(loc.Dir)
	switch {
	case err == nil:
		return index.Open(loc.Dir, index.Options{ReadOnly: true})
	case !errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("open index: %w", err)
	case loc.Given != "":
		return nil, errNoIndex(loc)
	}
	ix, err := loadSample(ctx)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(stderr, "(no index at %s yet: answering from the built-in sample data; build an index with: reportbot index PATH...)\n", loc.Dir)
	return ix, nil
}

// loadSample builds an in-memory index of the embedded sample fact sheets.
func loadSample(ctx context.Context) (*index.Index, error) {
	ix, err := index.OpenMem()
	if err != nil {
		return nil, err
	}
	if err := ingest.New(ix).AddFS(ctx, sample.Files(), "sample/"); err != nil {
		ix.Close()
		return nil, fmt.Errorf("load sample data: %w", err)
	}
	return ix, nil
}

// since formats an elapsed time for summaries.
func since(t time.Time) string {
	d := time.Since(t)
	if d < time.Second {
		return d.Round(time.Millisecond).String()
	}
	return d.Round(10 * time.Millisecond).String()
}

// openOrDial opens the index for questions, or, when serve or index holds
// it, connects to the process that does (ask and check go through it).
// Exactly one of the two results is non-nil when err is nil.
func openOrDial(ctx context.Context, loc indexLocation, stderr io.Writer) (*index.Index, *socket.Client, error) {
	ix, err := openForQuestions(ctx, loc, stderr)
	if errors.Is(err, index.ErrLocked) {
		cl, dialErr := socket.Dial(loc.Dir)
		if dialErr != nil {
			return nil, nil, err
		}
		return nil, cl, nil
	}
	if err != nil {
		return nil, nil, err
	}
	return ix, nil, nil
}
