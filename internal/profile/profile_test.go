package profile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestOffWithoutDirectory(t *testing.T) {
	stop, err := StartCPU("", "x")
	if err != nil {
		t.Fatal(err)
	}
	stop()
	if err := WriteHeap("", "x"); err != nil {
		t.Error(err)
	}
	if err := Write("", "x", "block"); err != nil {
		t.Error(err)
	}
}

func TestWritesProfiles(t *testing.T) {
	dir := t.TempDir()
	stop, err := StartCPU(dir, "cpu.pprof")
	if err != nil {
		t.Fatal(err)
	}
	stop()
	if err := WriteHeap(dir, "heap.pprof"); err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, "block.pprof", "block"); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"cpu.pprof", "heap.pprof", "block.pprof"} {
		if st, err := os.Stat(filepath.Join(dir, name)); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", name, err)
		}
	}
	if err := Write(dir, "x.pprof", "no-such-profile"); err == nil {
		t.Error("an unknown profile was written")
	}
}
