package answer

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/reportbot/reportbot/corpus"
	"github.com/reportbot/reportbot/internal/testshared"
)

// sharedEngine indexes, in memory, the reports of a folder of ../shared
// (corpus/seeds, corpus/dev-real).
func sharedEngine(t *testing.T, folder string) *Engine {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(testshared.Path(t, "corpus", folder), "*.txt"))
	if len(files) == 0 {
		t.Fatalf("no reports in ../shared/corpus/%s", folder)
	}
	var docs []*corpus.Document
	for _, f := range files {
		d, err := corpus.ReadDocument(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return memEngine(t, docs...)
}

// readShared reads question sets of ../shared/eval with read.
func readShared[C any](t *testing.T, read func(io.Reader) ([]C, error), names ...string) []C {
	t.Helper()
	var cases []C
	for _, name := range names {
		f, err := os.Open(testshared.Path(t, "eval", name))
		if err != nil {
			t.Fatal(err)
		}
		cs, err := read(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		cases = append(cases, cs...)
	}
	return cases
}
