//go:build linux

package index_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/reportbot/reportbot/answer"
	"github.com/reportbot/reportbot/index"
	"github.com/reportbot/reportbot/internal/synth"
)

// These tests run the real command, "reportbot index", as a subprocess and
// kill it with SIGKILL: no deferred Close, no flush, exactly what a power
// cut or the OOM killer does to the process (the kernel still writes what
// was written to the page cache, so this does not test torn disk writes).
// Ordering comes from the subprocess's own progress output on stderr,
// read from a pipe, never from sleeping.
//
//	go test -run 'TestIndexKilled|TestSecondWriter' -v ./index

// buildReportbot builds cmd/reportbot into a temporary directory of t.
// (The package's TestMain belongs to the benchmarks; building per test
// costs a link, about a second, and leaves nothing behind.)
func buildReportbot(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs cmd/reportbot; skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "reportbot")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/reportbot/reportbot/cmd/reportbot")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build cmd/reportbot: %v\n%s", err, out)
	}
	return bin
}

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

// proc is a running reportbot whose stderr is read line by line
// (progress lines end in \r, others in \n).
type proc struct {
	cmd    *exec.Cmd
	lines  chan string
	stdout bytes.Buffer
	stderr bytes.Buffer // everything read from stderr, for failure messages
}

func start(t *testing.T, bin string, args ...string) *proc {
	t.Helper()
	p := &proc{cmd: exec.Command(bin, args...), lines: make(chan string, 1024)}
	p.cmd.Stdout = &p.stdout
	pipe, err := p.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		defer close(p.lines)
		r := bufio.NewReader(pipe)
		var line []byte
		for {
			b, err := r.ReadByte()
			if err != nil {
				if len(line) > 0 {
					p.lines <- string(line)
				}
				return
			}
			p.stderr.WriteByte(b)
			if b == '\r' || b == '\n' {
				if len(line) > 0 {
					select {
					case p.lines <- string(line):
					default: // nobody is listening any more; keep draining the pipe
					}
				}
				line = line[:0]
				continue
			}
			line = append(line, b)
		}
	}()
	return p
}

// waitProgress waits for the n-th progress line; false if the process
// ended first.
func (p *proc) waitProgress(t *testing.T, n int) bool {
	t.Helper()
	timeout := time.After(2 * time.Minute)
	for n > 0 {
		select {
		case l, ok := <-p.lines:
			if !ok {
				return false
			}
			if strings.HasPrefix(l, "indexing:") {
				n--
			}
		case <-timeout:
			t.Fatalf("no progress from %v within 2 minutes; stderr:\n%s", p.cmd.Args, p.stderr.String())
		}
	}
	return true
}

// kill sends SIGKILL and reaps the process.
func (p *proc) kill() {
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
	_ = p.cmd.Wait()
	for range p.lines { // the reader ends at EOF
	}
}

// wait waits for a normal exit and returns the error of the process.
func (p *proc) wait() error {
	err := p.cmd.Wait()
	for range p.lines {
	}
	return err
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

// TestIndexKilledAndRerun kills "reportbot index" at several points of one
// run after another on the same index: right after it starts, after its
// first progress line, after its third. After each kill the index must
// open and answer with whole files only; running the same command again
// must complete it, with every sentence exactly once.
func TestIndexKilledAndRerun(t *testing.T) {
	bin := buildReportbot(t)
	m := writeCorpus(t, 40_000, 21)
	dir := filepath.Join(t.TempDir(), "ix")
	args := []string{"index", "-index", dir, m.Dir}

	type killPoint struct {
		name     string
		progress int // progress lines to wait for; 0: kill at once
	}
	for _, k := range []killPoint{{"at start", 0}, {"after first progress", 1}, {"after third progress", 3}} {
		p := start(t, bin, args...)
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

	p := start(t, bin, args...)
	if err := p.wait(); err != nil {
		t.Fatalf("re-run: %v\n%s", err, p.stderr.String())
	}
	t.Logf("re-run: %s", strings.TrimSpace(p.stdout.String()))
	checkComplete(t, dir, m)

	// A further run finds nothing to do.
	p = start(t, bin, args...)
	if err := p.wait(); err != nil {
		t.Fatalf("third run: %v\n%s", err, p.stderr.String())
	}
	if want := fmt.Sprintf("0 added, 0 replaced, %d unchanged", m.Reports); !strings.Contains(p.stdout.String(), want) {
		t.Errorf("third run: want %q in\n%s", want, p.stdout.String())
	}
}

// TestSecondWriterRefused starts a second "reportbot index" and an "ask"
// on an index that one is writing: both must fail at once with a clear
// message, and the first must finish a complete index.
func TestSecondWriterRefused(t *testing.T) {
	bin := buildReportbot(t)
	m := writeCorpus(t, 40_000, 22)
	dir := filepath.Join(t.TempDir(), "ix")

	first := start(t, bin, "index", "-index", dir, m.Dir)
	if !first.waitProgress(t, 1) {
		t.Fatalf("the first writer ended before its first progress line:\n%s", first.stderr.String())
	}
	for _, args := range [][]string{
		{"index", "-index", dir, m.Dir},
		{"ask", "-index", dir, "泰安工业投资增速"},
	} {
		c := exec.Command(bin, args...)
		var stderr bytes.Buffer
		c.Stderr, c.Stdout = &stderr, io.Discard
		t0 := time.Now()
		err := c.Run()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 1 {
			t.Errorf("%v while another process writes: %v, want exit status 1\n%s", args, err, stderr.String())
		}
		msg := stderr.String()
		if !strings.Contains(msg, "is being written by another reportbot process (pid ") {
			t.Errorf("%v: unclear message %q", args, msg)
		}
		if d := time.Since(t0); d > 10*time.Second {
			t.Errorf("%v took %s to fail: it waited for the lock", args, d)
		}
		t.Logf("%s: %s", args[0], strings.TrimSpace(msg))
	}
	if err := first.wait(); err != nil {
		t.Fatalf("first writer: %v\n%s", err, first.stderr.String())
	}
	checkComplete(t, dir, m)
}
