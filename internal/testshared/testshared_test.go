package testshared

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// recorder is a testing.TB that records how a helper ended the test
// instead of ending it.
type recorder struct {
	testing.TB
	ended string // "fatal" or "skip", the first of them
}

func (r *recorder) Helper() {}
func (r *recorder) Fatalf(format string, args ...any) {
	if r.ended == "" {
		r.ended = "fatal: " + fmt.Sprintf(format, args...)
	}
}
func (r *recorder) Skipf(format string, args ...any) {
	if r.ended == "" {
		r.ended = "skip: " + fmt.Sprintf(format, args...)
	}
}

func TestPathFindsSharedData(t *testing.T) {
	p := Path(t, "corpus", "seeds")
	if filepath.Base(p) != "seeds" || !filepath.IsAbs(p) {
		t.Errorf("Path = %q", p)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(filepath.Dir(p)), "..", filepath.Base(mustModuleRoot(t)), "go.mod")); err != nil {
		t.Errorf("%s is not in ../shared of the module root: %v", p, err)
	}
}

// TestMissingSharedData: a missing path fails the test under CI=true,
// where CI must provide the data, and skips it elsewhere.
func TestMissingSharedData(t *testing.T) {
	for _, ci := range []string{"true", ""} {
		t.Setenv("CI", ci)
		r := &recorder{TB: t}
		Path(r, "no-such-thing", "here")
		want := "skip: "
		if ci == "true" {
			want = "fatal: "
		}
		if len(r.ended) < len(want) || r.ended[:len(want)] != want {
			t.Errorf("CI=%q: ended %q, want %q...", ci, r.ended, want)
		}
	}
}

func TestRunChildReturnsWhenNotAChild(t *testing.T) {
	t.Setenv("REPORTBOT_TESTSHARED_CHILD", "")
	RunChild("REPORTBOT_TESTSHARED_CHILD", func() int {
		t.Fatal("ran the child in the parent")
		return 1
	})
}

func mustModuleRoot(t *testing.T) string {
	t.Helper()
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func TestDirChecksWhatIsNeeded(t *testing.T) {
	if d := Dir(t, "corpus/seeds"); filepath.Base(d) != "shared" {
		t.Errorf("Dir = %q, want the shared folder", d)
	}
	t.Setenv("CI", "true")
	r := &recorder{TB: t}
	Dir(r, "no/such/folder")
	if len(r.ended) < 6 || r.ended[:6] != "fatal:" {
		t.Errorf("under CI=true: ended %q, want a failure", r.ended)
	}
}
