package answer

import (
	"testing"

	"github.com/reportbot/reportbot/index"
)

func TestIndexDir(t *testing.T) {
	dir := t.TempDir()
	ix, err := index.Open(dir, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if got := New(ix).IndexDir(); got != dir {
		t.Errorf("IndexDir = %q, want %q", got, dir)
	}
	mem, err := index.OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer mem.Close()
	if got := New(mem).IndexDir(); got != "" {
		t.Errorf("in memory: IndexDir = %q", got)
	}
}
