package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportbot/reportbot/corpus"
	"github.com/reportbot/reportbot/index"
	"github.com/reportbot/reportbot/ingest"
)

func indexedPaths(ix *index.Index) []string {
	var ps []string
	for _, f := range ix.Files() {
		ps = append(ps, f.Path)
	}
	return ps
}

func mustRun(t *testing.T, pl *ingest.Pipeline, opts ingest.Options, paths ...string) ingest.Report {
	t.Helper()
	rep, err := pl.Run(context.Background(), paths, opts)
	if err != nil {
		t.Fatal(err)
	}
	if sum := rep.Added + rep.Replaced + rep.Unchanged + len(rep.Skipped) + rep.Pending; sum != rep.Files {
		t.Errorf("counts do not add up to %d files: %+v", rep.Files, rep)
	}
	return rep
}

// TestOneFileUnderManySpellings: relative, absolute, through a linked
// folder and from another working directory, a file is one entry, under
// its canonical path.
func TestOneFileUnderManySpellings(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "reports")
	writeFiles(t, dir, map[string]string{"泰安_2023-07_工业运行.txt": taian, "资阳_2022-12_总结.md": ziyang})
	if err := os.Symlink("reports", filepath.Join(base, "link")); err != nil {
		t.Skipf("symlinks: %v", err)
	}
	ix := memIndex(t)
	pl := ingest.New(ix)
	t.Chdir(base)
	rep := mustRun(t, pl, ingest.Options{}, "reports")
	if rep.Added != 2 {
		t.Fatalf("first run: %+v", rep)
	}
	mustRun(t, pl, ingest.Options{}, dir)
	mustRun(t, pl, ingest.Options{}, "link", "./reports/../reports")
	t.Chdir(dir)
	rep = mustRun(t, pl, ingest.Options{}, ".")
	if rep.Unchanged != 2 || rep.Added != 0 {
		t.Errorf("from inside the folder: %+v", rep)
	}
	real, _ := filepath.EvalSymlinks(dir)
	want := filepath.Join(real, "泰安_2023-07_工业运行.txt")
	if got := indexedPaths(ix); len(got) != 2 || (got[0] != want && got[1] != want) {
		t.Errorf("indexed %q, want 2 files under %s", got, real)
	}

	// One run given the same file twice reads it once, and says so.
	rep = mustRun(t, pl, ingest.Options{}, "泰安_2023-07_工业运行.txt", filepath.Join(base, "link", "泰安_2023-07_工业运行.txt"))
	if rep.Files != 2 || rep.Unchanged != 1 || len(rep.Skipped) != 1 || !strings.Contains(rep.Skipped[0].Reason, "same file as") {
		t.Errorf("same file twice: %+v", rep)
	}

	// Pruning from elsewhere removes nothing that exists.
	t.Chdir(t.TempDir())
	rep = mustRun(t, pl, ingest.Options{Prune: true}, dir)
	if len(rep.Removed) != 0 || len(ix.Files()) != 2 {
		t.Errorf("prune from another folder removed %q", rep.Removed)
	}
}

// TestSameContentUnderAnotherPath: a copy is skipped with a line naming
// the indexed one; a moved file takes its old entry's place; a file
// changed into a copy of another loses its earlier version; the first of
// two copies in one run is the one kept.
func TestSameContentUnderAnotherPath(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a/泰安.txt": taian})
	ix := memIndex(t)
	pl := ingest.New(ix)
	mustRun(t, pl, ingest.Options{}, dir)
	orig := filepath.Join(dir, "a", "泰安.txt")

	writeFiles(t, dir, map[string]string{"b/泰安-副本.txt": taian})
	rep := mustRun(t, pl, ingest.Options{}, dir)
	if len(rep.Skipped) != 1 || !strings.Contains(rep.Skipped[0].Reason, "same content as "+orig) || rep.Unchanged != 1 {
		t.Errorf("copy: %+v", rep)
	}

	// Moved: the old entry gives way.
	moved := filepath.Join(dir, "c", "泰安.txt")
	os.MkdirAll(filepath.Dir(moved), 0o755)
	if err := os.Rename(orig, moved); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "b", "泰安-副本.txt"))
	rep = mustRun(t, pl, ingest.Options{}, dir)
	if rep.Added != 1 || len(rep.Removed) != 1 || rep.Removed[0] != orig {
		t.Errorf("moved: %+v", rep)
	}
	if got := indexedPaths(ix); len(got) != 1 || got[0] != moved {
		t.Errorf("after the move the index holds %q", got)
	}

	// A file changed into a copy of another: its old version goes.
	writeFiles(t, dir, map[string]string{"d/资阳.md": ziyang})
	mustRun(t, pl, ingest.Options{}, dir)
	writeFiles(t, dir, map[string]string{"d/资阳.md": taian})
	rep = mustRun(t, pl, ingest.Options{}, dir)
	if len(rep.Skipped) != 1 || !strings.Contains(rep.Skipped[0].Reason, "earlier version was removed") {
		t.Errorf("changed into a copy: %+v", rep)
	}
	if got := indexedPaths(ix); len(got) != 1 {
		t.Errorf("index holds %q, want only %s", got, moved)
	}

	// Two new copies in one run: the first in walk order is kept.
	two := t.TempDir()
	writeFiles(t, two, map[string]string{"1.txt": ziyang, "2.txt": ziyang})
	for range 3 {
		ix2 := memIndex(t)
		rep = mustRun(t, ingest.New(ix2), ingest.Options{Workers: 4}, two)
		if got := indexedPaths(ix2); rep.Added != 1 || len(got) != 1 || filepath.Base(got[0]) != "1.txt" {
			t.Errorf("two copies: kept %q; %+v", got, rep)
		}
	}
}

// TestOlderSpellingsGiveWay: an index written under a relative path (as
// before paths were canonical) is cleaned up by the next run over the
// same file, and pruning never judges a relative path by the working
// directory.
func TestOlderSpellingsGiveWay(t *testing.T) {
	base := t.TempDir()
	writeFiles(t, base, map[string]string{"reports/泰安.txt": taian, "reports/资阳.md": ziyang})
	t.Chdir(base)
	ix := memIndex(t)
	// What an older version stored: the path as given.
	for _, rel := range []string{"reports/泰安.txt", "reports/资阳.md"} {
		doc, err := corpus.ReadDocument(rel)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ix.Put(doc); err != nil {
			t.Fatal(err)
		}
	}
	pl := ingest.New(ix)
	// From elsewhere, prune keeps them: their files may well exist.
	t.Chdir(t.TempDir())
	rep := mustRun(t, pl, ingest.Options{Prune: true}, filepath.Join(base, "reports", "资阳.md"))
	if len(rep.Removed) != 1 || rep.Removed[0] != "reports/资阳.md" {
		t.Errorf("prune: removed %q; want only the relative twin of the file indexed now", rep.Removed)
	}
	rep = mustRun(t, pl, ingest.Options{}, filepath.Join(base, "reports"))
	if len(rep.Removed) != 1 || rep.Removed[0] != "reports/泰安.txt" || rep.Added != 1 {
		t.Errorf("re-run: %+v", rep)
	}
	for _, p := range indexedPaths(ix) {
		if !filepath.IsAbs(p) {
			t.Errorf("%s is still indexed", p)
		}
	}
}

// TestEmptyFileIsSkipped: a 0-byte file is skipped with its line, not
// counted as added.
func TestEmptyFileIsSkipped(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"empty.txt": "", "泰安.txt": taian})
	rep := mustRun(t, ingest.New(memIndex(t)), ingest.Options{}, dir)
	if rep.Added != 1 || len(rep.Skipped) != 1 || !strings.Contains(rep.Skipped[0].Reason, "empty file") {
		t.Errorf("%+v", rep)
	}
}
