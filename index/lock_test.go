package index_test

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/reportbot/reportbot/index"
)

// TestConcurrentWritersOneIndex checks the in-process counterpart of a
// second writer: a second Open for writing of an open index fails at once
// with ErrLocked instead of waiting for bolt's lock.
func TestConcurrentWritersOneIndex(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	ix, err := index.Open(dir, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	t0 := time.Now()
	_, err = index.Open(dir, index.Options{})
	if err == nil {
		t.Fatal("a second writer opened the index")
	}
	if !errors.Is(err, index.ErrLocked) {
		t.Fatalf("second writer: %v, want ErrLocked", err)
	}
	if d := time.Since(t0); d > time.Second {
		t.Fatalf("second writer took %s to fail", d)
	}
}
