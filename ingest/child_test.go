//go:build linux

package ingest_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/gob"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/reportbot/reportbot/index"
	"github.com/reportbot/reportbot/ingest"
	"github.com/reportbot/reportbot/internal/testshared"
)

// Some tests run the pipeline in a child process: to kill it with SIGKILL
// (no deferred Close, no flush: what a power cut or the OOM killer does),
// and to bound its peak memory (getrusage ru_maxrss of the child). The
// child is this test binary, started with childEnv set; TestMain then runs
// one pipeline instead of the tests: progress on stderr, the report on
// stdout.

const childEnv = "REPORTBOT_INGEST_TEST_CHILD"

func TestMain(m *testing.M) {
	testshared.RunChild(childEnv, func() int { return runChild(os.Args[1:]) })
	testshared.Main(m)
}

// childReport is what a child prints of its run, gob-encoded: gob keeps a
// path as the bytes it is, where JSON would alter a name that is not
// UTF-8.
type childReport struct {
	Files, Added, Replaced, Unchanged int
	Skipped                           []ingest.Skip
}

// runChild indexes the paths of args into -index, as "reportbot index"
// does, and returns the exit status.
func runChild(args []string) int {
	fs := flag.NewFlagSet("child", flag.ContinueOnError)
	dir := fs.String("index", "", "index directory")
	quiet := fs.Bool("q", false, "no progress on stderr")
	maxTextMB := fs.Float64("max-text-mb", 0, "Options.MaxTextBytes in MiB")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	ix, err := index.Open(*dir, index.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer ix.Close()
	opts := ingest.Options{MaxTextBytes: int(*maxTextMB * (1 << 20))}
	if !*quiet {
		opts.Progress = os.Stderr
	}
	rep, err := ingest.New(ix).Run(context.Background(), fs.Args(), opts)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	out := childReport{Files: rep.Files, Added: rep.Added, Replaced: rep.Replaced, Unchanged: rep.Unchanged, Skipped: rep.Skipped}
	if err := gob.NewEncoder(os.Stdout).Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// childCommand is a child process that will index with args.
func childCommand(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	if testing.Short() {
		t.Skip("runs the pipeline in child processes; skipped with -short")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	c := exec.Command(exe, args...)
	c.Env = append(os.Environ(), childEnv+"=1")
	return c
}

// decodeReport reads a child's report from its stdout.
func decodeReport(t *testing.T, stdout []byte) childReport {
	t.Helper()
	var r childReport
	if err := gob.NewDecoder(bytes.NewReader(stdout)).Decode(&r); err != nil {
		t.Fatalf("child report: %v", err)
	}
	return r
}

// runIndex runs a child to completion with -q and returns its report and
// peak RSS in MiB.
func runIndex(t *testing.T, dir string, paths ...string) (rep childReport, rssMiB int64) {
	t.Helper()
	c := childCommand(t, append([]string{"-q", "-index", dir}, paths...)...)
	var o, e bytes.Buffer
	c.Stdout, c.Stderr = &o, &e
	if err := c.Run(); err != nil {
		t.Fatalf("child: %v\nstderr:\n%s", err, e.String())
	}
	if ru, ok := c.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rssMiB = ru.Maxrss / 1024 // kB on Linux
	}
	return decodeReport(t, o.Bytes()), rssMiB
}

// skipReason is the reason path was skipped for, and whether it was.
func (r childReport) skipReason(path string) (string, bool) {
	for _, s := range r.Skipped {
		if s.Path == path {
			return s.Reason, true
		}
	}
	return "", false
}

// summary is the counts of a report, for messages.
func (r childReport) summary() string {
	return fmt.Sprintf("%d files: %d added, %d replaced, %d unchanged, %d skipped", r.Files, r.Added, r.Replaced, r.Unchanged, len(r.Skipped))
}

// proc is a running child whose stderr is read line by line (progress
// lines end in \r, others in \n).
type proc struct {
	cmd    *exec.Cmd
	lines  chan string
	stdout bytes.Buffer
	stderr bytes.Buffer // everything read from stderr, for failure messages
}

func start(t *testing.T, args ...string) *proc {
	t.Helper()
	p := &proc{cmd: childCommand(t, args...), lines: make(chan string, 1024)}
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
