package testshared

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// recorder is a testing.TB that records Fatalf and Skipf instead of
// stopping the test.
type recorder struct {
	testing.TB
	fatal, skip string
}

func (r *recorder) Helper() {}

func (r *recorder) Fatalf(format string, args ...any) { r.fatal = fmt.Sprintf(format, args...) }

func (r *recorder) Skipf(format string, args ...any) { r.skip = fmt.Sprintf(format, args...) }

func TestMissingFailsUnderCI(t *testing.T) {
	t.Setenv("CI", "true")
	r := &recorder{TB: t}
	if got := Dir(r, "no/such/folder"); got != "" {
		t.Errorf("Dir = %q, want \"\"", got)
	}
	if r.fatal == "" || r.skip != "" {
		t.Errorf("under CI=true: fatal %q, skip %q; want a failure", r.fatal, r.skip)
	}
}

func TestMissingSkipsElsewhere(t *testing.T) {
	t.Setenv("CI", "")
	r := &recorder{TB: t}
	if got := Path(r, "no/such/folder"); got != "" {
		t.Errorf("Path = %q, want \"\"", got)
	}
	if r.skip == "" || r.fatal != "" {
		t.Errorf("without CI: fatal %q, skip %q; want a skip", r.fatal, r.skip)
	}
}

func TestFindsSharedBesideRoot(t *testing.T) {
	dir, err := find()
	if err != nil {
		t.Fatal(err)
	}
	// The package is internal/testshared: the root is two levels up.
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(filepath.Dir(filepath.Dir(filepath.Dir(wd))), "shared"); dir != want {
		t.Errorf("find = %s, want %s", dir, want)
	}
}
