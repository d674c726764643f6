package ingest

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// CanonicalPath is the name a file is indexed under: its absolute path
// with every symbolic link resolved. One file reached as seeds/a.txt,
// ./seeds/a.txt, /home/u/seeds/a.txt, through a linked folder or from
// another working directory is one entry in the index, and checking
// whether it still exists (Options.Prune) does not depend on where the
// command runs.
func CanonicalPath(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

// canonicalOrGone is CanonicalPath for a file that may be gone: its
// folder resolved as far as it exists, then its name. "remove" names files
// that were deleted, through the same links they were indexed through.
func canonicalOrGone(path string) string {
	if c, err := CanonicalPath(path); err == nil {
		return c
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	if dir, err := CanonicalPath(filepath.Dir(abs)); err == nil {
		return filepath.Join(dir, filepath.Base(abs))
	}
	return abs
}

// absOrAsIs is path made absolute for a Skip line, so that every line of
// a report names its file the same way; path itself if that fails.
func absOrAsIs(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// gone reports whether path certainly does not exist.
func gone(path string) bool {
	_, err := os.Lstat(path)
	return errors.Is(err, fs.ErrNotExist)
}
