package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedDir returns ../shared of the repository. Tests that need it fail
// under CI=true when it is missing, and skip elsewhere.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "shared"))
	if err == nil {
		if _, err = os.Stat(filepath.Join(dir, "corpus", "seeds")); err == nil {
			return dir
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("../shared is missing (%v): CI must provide it", err)
	}
	t.Skipf("../shared not available: %v", err)
	return ""
}

// seedFiles lists the real reports in ../shared/corpus/seeds.
func seedFiles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(sharedDir(t), "corpus", "seeds", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no seed reports: %v", err)
	}
	return files
}
