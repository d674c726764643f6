package ingest_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/reportbot/reportbot/index"
	"github.com/reportbot/reportbot/ingest"
)

// Reports written for these tests (figures invented), and files that
// cannot be read.
const (
	taian  = "泰安市工业运行情况\n时间:2023-07-03 来源:某日报\n1-5月,全市工业投资同比增长12.5%,高于全省3.2个百分点,增速居全省第4位。\n"
	ziyang = "2022年,全市规模以上工业增加值增长5.6%。\n"
)

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func memIndex(t *testing.T) *index.Index {
	t.Helper()
	ix, err := index.OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// TestRunAddsSkipsAndPrunes runs the pipeline over a folder three times:
// it indexes the reports and says why the rest were skipped; an unchanged
// folder is unchanged; a changed file is replaced and a deleted one pruned.
func TestRunAddsSkipsAndPrunes(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"泰安_2023-07_工业运行.txt":  taian,
		"sub/资阳_2022-12_总结.md": ziyang,
		"broken.docx":          "PK\x03\x04 not really a zip",
		"notes.doc":            "old format",
		".hidden.txt":          taian,
	})
	ix := memIndex(t)
	pl := ingest.New(ix)
	var progress bytes.Buffer
	rep, err := pl.Run(context.Background(), []string{dir}, ingest.Options{Progress: &progress, KeepDocs: true, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	// notes.doc and broken.docx are found and skipped: 4 files, 2 added.
	if rep.Files != 4 || rep.Added != 2 || len(rep.Skipped) != 2 || rep.Sentences == 0 || rep.Figures < 4 || rep.Bytes == 0 {
		t.Errorf("first run: %+v", rep)
	}
	reasons := map[string]string{}
	for _, s := range rep.Skipped {
		reasons[filepath.Base(s.Path)] = s.Reason
	}
	if !strings.Contains(reasons["broken.docx"], "not a valid .docx") || !strings.Contains(reasons["notes.doc"], "unsupported") {
		t.Errorf("skip reasons: %q", reasons)
	}
	if len(rep.Docs) != 2 {
		t.Errorf("KeepDocs: %d documents kept, want 2", len(rep.Docs))
	}
	if p := progress.String(); !strings.Contains(p, "indexing: 3/3 files") || !strings.HasSuffix(p, "\n") {
		t.Errorf("progress %q: want a final line for 3/3 files ending the run", p)
	}

	rep, err = pl.Run(context.Background(), []string{dir}, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 0 || rep.Replaced != 0 || rep.Unchanged != 2 || rep.Docs != nil {
		t.Errorf("second run: %+v", rep)
	}

	writeFiles(t, dir, map[string]string{"sub/资阳_2022-12_总结.md": ziyang + "2022年,全市工业投资增长9.1%。\n"})
	gone := filepath.Join(dir, "泰安_2023-07_工业运行.txt")
	if err := os.Remove(gone); err != nil {
		t.Fatal(err)
	}
	rep, err = pl.Run(context.Background(), []string{dir}, ingest.Options{Prune: true})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Replaced != 1 || len(rep.Removed) != 1 || rep.Removed[0] != gone {
		t.Errorf("third run: %+v", rep)
	}
	if st := ix.Stats(); st.Files != 1 {
		t.Errorf("index holds %d files after pruning, want 1", st.Files)
	}
}

// TestRunRefusesTooMuchText: a file over MaxTextBytes is skipped with a
// reason that says how to get it indexed, before it is analysed.
func TestRunRefusesTooMuchText(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"big.txt": taian, "small.txt": ziyang})
	rep, err := ingest.New(memIndex(t)).Run(context.Background(), []string{dir}, ingest.Options{MaxTextBytes: len(ziyang) + 1})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 1 || len(rep.Skipped) != 1 || filepath.Base(rep.Skipped[0].Path) != "big.txt" ||
		!strings.Contains(rep.Skipped[0].Reason, "too large to index as one report") {
		t.Errorf("%+v", rep)
	}
}

// TestRunCancelled: a cancelled run returns the context's error and
// writes nothing after it.
func TestRunCancelled(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": taian})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ingest.New(memIndex(t)).Run(ctx, []string{dir}, ingest.Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled run: %v, want context.Canceled", err)
	}
}

func TestAddFS(t *testing.T) {
	ix := memIndex(t)
	fsys := fstest.MapFS{"泰安_2023-07_工业运行.txt": {Data: []byte(taian)}}
	if err := ingest.New(ix).AddFS(context.Background(), fsys, "sample/"); err != nil {
		t.Fatal(err)
	}
	if _, ok := ix.File("sample/泰安_2023-07_工业运行.txt"); !ok {
		t.Errorf("not indexed under its prefixed path: %+v", ix.Files())
	}
	bad := fstest.MapFS{"x.doc": {Data: []byte("old")}}
	if err := ingest.New(ix).AddFS(context.Background(), bad, ""); err == nil {
		t.Error("an unreadable file was not an error")
	}
}

func TestExtract(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": taian, "b.md": ziyang})
	n, err := ingest.Extract(context.Background(), []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.md")}, 2)
	if err != nil || n != int64(len(taian)+len(ziyang)) {
		t.Errorf("Extract = %d, %v; want %d bytes", n, err, len(taian)+len(ziyang))
	}
	if _, err := ingest.Extract(context.Background(), []string{filepath.Join(dir, "missing.txt")}, 1); err == nil {
		t.Error("a missing file was not an error")
	}
}
