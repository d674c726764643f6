// Package testshared locates the project's shared test data for the tests
// of several packages.
//
// The shared folder is not part of the repository: it lives beside it, at
// ../shared from the repository root (the directory holding go.mod), on
// the developers' machines and in CI. Tests find the root by walking up
// from their package directory, so a package may sit at any depth (corpus,
// corpus/geo) and the repository may be any checkout or worktree.
//
// A test that needs the folder calls Dir or Path. When what it needs is
// missing, the test fails under CI=true, because CI must provide the
// folder, and is skipped elsewhere. Only tests import this package.
package testshared

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the absolute path of the shared folder after checking that
// need, a slash-separated path inside it ("corpus/seeds"), exists.
func Dir(t testing.TB, need string) string {
	t.Helper()
	dir, err := find()
	if err == nil {
		_, err = os.Stat(filepath.Join(dir, filepath.FromSlash(need)))
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("../shared is missing (%v): CI must provide it", err)
			return ""
		}
		t.Skipf("../shared not available: %v", err)
		return ""
	}
	return dir
}

// Path returns the absolute path of rel, a slash-separated path inside
// the shared folder, which must exist (see Dir).
func Path(t testing.TB, rel string) string {
	t.Helper()
	dir := Dir(t, rel)
	if dir == "" {
		return ""
	}
	return filepath.Join(dir, filepath.FromSlash(rel))
}

// find returns ../shared of the repository that holds the working
// directory.
func find() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("locate repository root: %w", err)
	}
	for dir := wd; ; {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(filepath.Dir(dir), "shared"), nil
		} else if !errors.Is(err, os.ErrNotExist) {
			return "", fmt.Errorf("locate repository root: %w", err)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above %s", wd)
		}
		dir = parent
	}
}
