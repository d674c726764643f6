// Package testshared holds what the tests of several reportbot packages
// share: finding the project's shared data, a TestMain that tears down
// fixtures built once for a whole test binary, and re-running a test
// binary as a child process.
//
// The shared data (real seed reports, the dev question sets) lives beside
// the repository, in ../shared from the module root, never inside it. A
// test that needs it must not pass silently where it is missing in CI, so
// Path fails under CI=true and skips elsewhere (a developer's checkout
// without it still runs every other test).
//
// Fixtures such as a benchmark index take seconds to build and serve many
// benchmarks, so they outlive any one testing.B and its Cleanup; AfterAll
// registers their teardown and Main runs it once the package's tests are
// done.
//
// Tests that need a process of their own (to kill it, to measure its peak
// memory, to run the command as a user would) start their own test binary
// again with an environment variable set; RunChild, first thing in
// TestMain, then runs the child's work instead of the tests.
package testshared

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// Path returns the absolute path of rel (slash-separated elements) inside
// the shared data directory, ../shared from the module root. When it does
// not exist the test fails under CI=true, where CI must provide it, and is
// skipped elsewhere.
func Path(t testing.TB, rel ...string) string {
	t.Helper()
	p, err := find(rel)
	if err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("../shared is missing (%v): CI must provide it", err)
	}
	t.Skipf("../shared not available: %v", err)
	return ""
}

func find(rel []string) (string, error) {
	root, err := moduleRoot()
	if err != nil {
		return "", err
	}
	p := filepath.Join(append([]string{filepath.Dir(root), "shared"}, rel...)...)
	if _, err := os.Stat(p); err != nil {
		return "", err
	}
	return p, nil
}

// moduleRoot is the nearest directory at or above the working directory
// (a test's package directory) that holds go.mod: packages sit at several
// depths, so ../shared cannot be a fixed relative path.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("find module root: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("find module root: no go.mod above the working directory")
		}
		dir = parent
	}
}

var (
	teardownMu sync.Mutex
	teardowns  []func()
)

// AfterAll registers f to run after all tests and benchmarks of the
// package, when its TestMain is Main. Teardowns run last registered first.
func AfterAll(f func()) {
	teardownMu.Lock()
	defer teardownMu.Unlock()
	teardowns = append(teardowns, f)
}

// Main is a TestMain: it runs the tests, then the AfterAll teardowns, and
// exits with the tests' status.
func Main(m *testing.M) {
	code := m.Run()
	teardownMu.Lock()
	fs := teardowns
	teardowns = nil
	teardownMu.Unlock()
	for i := len(fs) - 1; i >= 0; i-- {
		fs[i]()
	}
	os.Exit(code)
}

// RunChild makes this test binary a child process when the environment
// variable env is "1", as a test of the same package set it when it
// started the binary: it runs child and exits with its status. Otherwise
// it returns at once. Call it first in TestMain, before any test flag is
// parsed, so that the child's arguments are its own.
func RunChild(env string, child func() int) {
	if os.Getenv(env) == "1" {
		os.Exit(child())
	}
}

// Dir returns the absolute path of the shared data directory after
// checking that need, a slash-separated path inside it ("corpus/seeds"),
// exists; it fails or skips as Path does.
func Dir(t testing.TB, need string) string {
	t.Helper()
	p := Path(t, filepath.FromSlash(need))
	if p == "" {
		return ""
	}
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(filepath.Dir(root), "shared")
}
