package corpus

import (
	"path/filepath"
	"testing"

	"github.com/reportbot/reportbot/internal/testshared"
)

// sharedDir returns ../shared of the repository. Tests that need it fail
// under CI=true when it is missing, and skip elsewhere.
func sharedDir(t testing.TB) string {
	t.Helper()
	return testshared.Dir(t, "corpus/seeds")
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
