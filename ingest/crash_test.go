//go:build linux

package ingest_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/reportbot/reportbot/answer"
	"github.com/reportbot/reportbot/index"
	"github.com/reportbot/reportbot/internal/synth"
)

// These tests kill a pipeline run in a child process (child_test.go)
// with SIGKILL: no deferred Close, no flush, exactly what a power cut or
// the OOM killer does to the process (the kernel still writes what was
// written to the page cache, so this does not test torn disk writes).
// Ordering comes from the child's own progress output on stderr, read
// from a pipe, never from sleeping.
//
//	go test -run 'TestIndexKilled|TestSecondWriter' -v ./ingest

// writeCorpus generates sentences sentences of synthetic reports under a
// new temporary directory.
func writeCorpus(t *testing.T, sentences int, seed uint64) synth.Manifest {
	t.Helper()
	m, err := synth.Write(context.Background(), filepath.Join(t.TempDir(), "reports"), sentences, synth.Config{Seed: seed}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// checkConsistent opens the index read-only and checks that it answers and
// that every file in it is whole: its sentence count is the generator's
// and all of its sentences load.
func checkConsistent(t *testing.T, dir string, m synth.Manifest) (files, sentences int) {
	t.Helper()
	ix, err := index.Open(dir, index.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("index does not open after the kill: %v", err)
	}
	defer ix.Close()
	want := map[string]int{}
	for _, f := range m.Files {
		want[f.Path] = f.Sentences
	}
	for _, fi := range ix.Files() {
		n, ok := want[fi.Path]
		if !ok {
			t.Errorf("index holds %s, which the corpus does not", fi.Path)
			continue
		}
		if fi.Sentences != n {
			t.Errorf("%s: %d sentences indexed, the report has %d", fi.Path, fi.Sentences, n)
		}
		ss, err := ix.Sentences(fi.Path)
		if err != nil {
			t.Errorf("Sentences(%s): %v", fi.Path, err)
		} else if len(ss) != n {
			t.Errorf("%s: %d sentences load, want %d: half a report", fi.Path, len(ss), n)
		}
	}
	eng := answer.New(ix)
	for _, f := range m.Facts[:min(5, len(m.Facts))] {
		if _, err := eng.Ask(f.Question, 3); err != nil {
			t.Errorf("Ask(%s) after the kill: %v", f.Question, err)
		}
	}
	st := ix.Stats()
	return st.Files, st.Sentences
}

// checkComplete checks a finished index: every sentence exactly once.
func checkComplete(t *testing.T, dir string, m synth.Manifest) {
	t.Helper()
	files, sentences := checkConsistent(t, dir, m)
	if files != m.Reports || sentences != m.Sentences {
		t.Fatalf("after the re-run: %d files, %d sentences; want %d files, %d sentences", files, sentences, m.Reports, m.Sentences)
	}
	ix, err := index.Open(dir, index.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	// A sentence indexed twice (a batch applied again on top of its
	// half-persisted self) would show as two hits of a unique phrase.
	step := max(1, len(m.Files)/25)
	for i := 0; i < len(m.Files); i += step {
		f := m.Files[i]
		hits, err := ix.Search(index.Query{Text: f.Unique, Limit: 20})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, h := range hits {
			if strings.Contains(h.Sentence.Norm, f.Unique) {
				n++
				if h.File.Path != f.Path {
					t.Errorf("%q found in %s, want %s", f.Unique, h.File.Path, f.Path)
				}
			}
		}
		if n != 1 {
			t.Errorf("%q: %d hits, want exactly 1", f.Unique, n)
		}
	}
}

// TestIndexKilledAndRerun kills a pipeline run at several points of one
// run after another on the same index: right after it starts, after its
// first progress line, after its third. After each kill the index must
// open and answer with whole files only; running the same command again
// must complete it, with every sentence exactly once.
func TestIndexKilledAndRerun(t *testing.T) {
	m := writeCorpus(t, 40_000, 21)
	dir := filepath.Join(t.TempDir(), "ix")
	args := []string{"-index", dir, m.Dir}

	type killPoint struct {
		name     string
		progress int // progress lines to wait for; 0: kill at once
	}
	for _, k := range []killPoint{{"at start", 0}, {"after first progress", 1}, {"after third progress", 3}} {
		p := start(t, args...)
		finished := false
		if k.progress > 0 {
			finished = !p.waitProgress(t, k.progress)
		}
		p.kill()
		t.Logf("killed %s (finished first: %v)", k.name, finished)
		if _, err := os.Stat(filepath.Join(dir, "reportbot-index.json")); errors.Is(err, os.ErrNotExist) {
			continue // killed before the index existed: nothing to check
		}
		files, sentences := checkConsistent(t, dir, m)
		t.Logf("after kill %s: %d/%d files, %d/%d sentences", k.name, files, m.Reports, sentences, m.Sentences)
	}

	p := start(t, args...)
	if err := p.wait(); err != nil {
		t.Fatalf("re-run: %v\n%s", err, p.stderr.String())
	}
	t.Logf("re-run: %s", decodeReport(t, p.stdout.Bytes()).summary())
	checkComplete(t, dir, m)

	// A further run finds nothing to do.
	p = start(t, args...)
	if err := p.wait(); err != nil {
		t.Fatalf("third run: %v\n%s", err, p.stderr.String())
	}
	if r := decodeReport(t, p.stdout.Bytes()); r.Added != 0 || r.Replaced != 0 || r.Unchanged != m.Reports {
		t.Errorf("third run: %s; want 0 added, 0 replaced, %d unchanged", r.summary(), m.Reports)
	}
}

// TestSecondWriterRefused starts a second pipeline run, and opens the
// index read-only as "reportbot ask" does, while a first run writes it:
// both must fail at once with a clear message, and the first run must
// finish a complete index.
func TestSecondWriterRefused(t *testing.T) {
	m := writeCorpus(t, 40_000, 22)
	dir := filepath.Join(t.TempDir(), "ix")

	first := start(t, "-index", dir, m.Dir)
	if !first.waitProgress(t, 1) {
		t.Fatalf("the first writer ended before its first progress line:\n%s", first.stderr.String())
	}
	const want = "is being written by another reportbot process (pid "

	c := childCommand(t, "-index", dir, m.Dir)
	var stderr bytes.Buffer
	c.Stderr, c.Stdout = &stderr, io.Discard
	t0 := time.Now()
	err := c.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Errorf("second writer: %v, want exit status 1\n%s", err, stderr.String())
	}
	if msg := stderr.String(); !strings.Contains(msg, want) {
		t.Errorf("second writer: unclear message %q", msg)
	}
	if d := time.Since(t0); d > 10*time.Second {
		t.Errorf("second writer took %s to fail: it waited for the lock", d)
	}
	t.Logf("second writer: %s", strings.TrimSpace(stderr.String()))

	t0 = time.Now()
	ix, err := index.Open(dir, index.Options{ReadOnly: true})
	if err == nil {
		ix.Close()
		t.Error("a reader opened the index while it was written")
	} else if !errors.Is(err, index.ErrLocked) || !strings.Contains(err.Error(), want) {
		t.Errorf("reader: %v, want ErrLocked saying %q", err, want)
	}
	if d := time.Since(t0); d > 10*time.Second {
		t.Errorf("reader took %s to fail: it waited for the lock", d)
	}

	if err := first.wait(); err != nil {
		t.Fatalf("first writer: %v\n%s", err, first.stderr.String())
	}
	checkComplete(t, dir, m)
}
