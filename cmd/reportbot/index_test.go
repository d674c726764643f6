package main

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// TestIndexSpellingsAreOneFile indexes one folder as a relative path, an
// absolute one, through a link and from inside it: its files are indexed
// once, a copy is skipped with a line naming the original, an answer
// lists its figure once, and -prune from another directory removes
// nothing that exists.
func TestIndexSpellingsAreOneFile(t *testing.T) {
	dir := writeReports(t)
	base := filepath.Dir(dir)
	if err := os.Symlink(dir, filepath.Join(base, "link")); err != nil {
		t.Skipf("symlinks: %v", err)
	}
	ix := filepath.Join(t.TempDir(), "ix")
	t.Chdir(base)
	runs := [][]string{
		{filepath.Base(dir)},
		{dir},
		{"link"},
		{"./" + filepath.Base(dir) + "/../" + filepath.Base(dir)},
	}
	for i, paths := range runs {
		out, errOut, code := run(t, append([]string{"index", "-q", "-index", ix}, paths...)...)
		if code != exitOK {
			t.Fatalf("index %q: exit %d\n%s%s", paths, code, out, errOut)
		}
		if !strings.Contains(out, ": 2 files,") {
			t.Errorf("run %d (%q): the index does not hold 2 files:\n%s", i, paths, out)
		}
	}
	t.Chdir(dir)
	out, _, _ := run(t, "index", "-q", "-index", ix, ".")
	if !strings.Contains(out, "2 unchanged") || !strings.Contains(out, ": 2 files,") {
		t.Errorf("from inside the folder:\n%s", out)
	}

	// A copy under another name.
	data, _ := os.ReadFile(filepath.Join(dir, "泰安_2023-07_工业运行.txt"))
	os.WriteFile(filepath.Join(dir, "copy.txt"), data, 0o644)
	out, _, _ = run(t, "index", "-q", "-index", ix, dir)
	if !regexp.MustCompile(`skipped .*copy\.txt: the same content as .*泰安_2023-07_工业运行\.txt, which is indexed already`).MatchString(out) {
		t.Errorf("copy not skipped with a line naming the original:\n%s", out)
	}

	out, _, _ = run(t, "ask", "-index", ix, "-json", "泰安工业投资增速")
	if n := strings.Count(out, `"value":"12.5"`); n != 1 {
		t.Errorf("the figure is listed %d times:\n%s", n, out)
	}

	t.Chdir(t.TempDir())
	out, _, _ = run(t, "index", "-q", "-prune", "-index", ix, dir)
	if strings.Contains(out, "removed") || !strings.Contains(out, ": 2 files,") {
		t.Errorf("prune from another directory:\n%s", out)
	}
}

// cancelOnWrite cancels a context when a line it is written holds want:
// Ctrl-C at a known point of a run.
type cancelOnWrite struct {
	mu     sync.Mutex
	b      bytes.Buffer
	want   string
	cancel context.CancelFunc
}

func (c *cancelOnWrite) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.b.Write(p)
	if strings.Contains(c.b.String(), c.want) {
		c.cancel()
	}
	return len(p), nil
}

// TestIndexInterruptedSaysWhatItDid: Ctrl-C during index prints the
// summary of what was written, counts that add up, and exits 130.
func TestIndexInterruptedSaysWhatItDid(t *testing.T) {
	dir := t.TempDir()
	for i := range 40 {
		text := fmt.Sprintf("2023年,全市规模以上工业增加值增长%d.5%%。\n", i)
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("泰安_%02d.txt", i)), []byte(text), 0o644)
	}
	ix := filepath.Join(t.TempDir(), "ix")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stderr := &cancelOnWrite{want: "indexing: 1/", cancel: cancel}
	var stdout bytes.Buffer
	err := Run(ctx, []string{"index", "-workers", "1", "-index", ix, dir}, strings.NewReader(""), &stdout, stderr)
	code := exitCode(err, stderr)
	out := stdout.String()
	if code != exitInterrupted || !strings.Contains(stderr.b.String(), "interrupted") {
		t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, exitInterrupted, out, stderr.b.String())
	}
	m := regexp.MustCompile(`(\d+) files in \S+: (\d+) added, (\d+) replaced, (\d+) unchanged, (\d+) skipped, (\d+) not reached`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no summary with files not reached:\n%s", out)
	}
	n := make([]int, len(m))
	for i := 1; i < len(m); i++ {
		n[i], _ = strconv.Atoi(m[i])
	}
	if n[1] != 40 || n[2] < 1 || n[2]+n[3]+n[4]+n[5]+n[6] != n[1] {
		t.Errorf("counts do not add up: %s", m[0])
	}
	if !strings.Contains(out, fmt.Sprintf(": %d files,", n[2])) {
		t.Errorf("the index does not hold the %d files said added:\n%s", n[2], out)
	}
	// Running it again completes the index.
	out, _, code = run(t, "index", "-q", "-index", ix, dir)
	if code != exitOK || !strings.Contains(out, ": 40 files,") {
		t.Errorf("second run: exit %d\n%s", code, out)
	}
}

// TestSourcesStatsRemove: sources lists the reports with title, region,
// date and figures; stats counts them; remove drops a file (also one that
// is gone, and a folder), and names a path that matched nothing.
func TestSourcesStatsRemove(t *testing.T) {
	dir := writeReports(t)
	ix := filepath.Join(t.TempDir(), "ix")
	if out, errOut, code := run(t, "index", "-q", "-index", ix, dir); code != exitOK {
		t.Fatalf("index: exit %d\n%s%s", code, out, errOut)
	}
	out, _, code := run(t, "sources", "-index", ix)
	taian := filepath.Join(dir, "泰安_2023-07_工业运行.txt")
	if code != exitOK || !regexp.MustCompile(`2023-07-03\s+泰安市\s+\d+\s+工业运行情况\s+`+regexp.QuoteMeta(taian)).MatchString(out) || !strings.Contains(out, "2 reports") {
		t.Errorf("sources: exit %d\n%s", code, out)
	}
	out, _, _ = run(t, "sources", "-index", ix, "-json")
	if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) != 2 || !strings.Contains(out, `"region":"泰安市"`) || !strings.Contains(out, `"figures":`) {
		t.Errorf("sources -json:\n%s", out)
	}
	out, _, code = run(t, "stats", "-index", ix)
	for _, want := range []string{"reports:      2", "regions:      2", "report dates: 2022-12", "last indexed:"} {
		if !strings.Contains(out, want) {
			t.Errorf("stats lacks %q: exit %d\n%s", want, code, out)
		}
	}

	// A file that is gone is removed by the name it had.
	os.Remove(taian)
	out, _, code = run(t, "remove", "-index", ix, taian)
	if code != exitOK || !strings.Contains(out, "removed "+taian) || !strings.Contains(out, ": 1 files,") {
		t.Errorf("remove a file: exit %d\n%s", code, out)
	}
	// A folder, named relative to the working directory.
	t.Chdir(dir)
	out, _, code = run(t, "remove", "-index", ix, "sub")
	if code != exitOK || !strings.Contains(out, "removed "+filepath.Join(dir, "sub", "资阳_2022-12_总结.md")) || !strings.Contains(out, ": 0 files,") {
		t.Errorf("remove a folder: exit %d\n%s", code, out)
	}
	_, errOut, code := run(t, "remove", "-index", ix, "nothing.txt")
	if code != exitError || !strings.Contains(errOut, "not in the index: nothing.txt") {
		t.Errorf("remove what is not indexed: exit %d\n%s", code, errOut)
	}
	if _, _, code := run(t, "remove", "-index", filepath.Join(t.TempDir(), "typo"), "x"); code != exitUsage {
		t.Errorf("remove from a missing index: exit %d, want %d", code, exitUsage)
	}
}

// TestIndexBadInputsEachGetALine: an empty file, a .docx of deeply nested
// XML, a link loop and a link to itself are skipped, each with its line,
// and the summary's counts add up to the files found.
func TestIndexBadInputsEachGetALine(t *testing.T) {
	dir := writeReports(t) // 2 reports, a broken .docx, a .doc
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + strings.Repeat("<w:p>", 1_000_000)))
	zw.Close()
	os.WriteFile(filepath.Join(dir, "nested.docx"), zb.Bytes(), 0o644)
	if err := os.Symlink(".", filepath.Join(dir, "loop")); err != nil {
		t.Skipf("symlinks: %v", err)
	}
	os.Symlink("self.txt", filepath.Join(dir, "self.txt"))

	out, errOut, code := run(t, "index", "-q", "-index", filepath.Join(t.TempDir(), "ix"), dir)
	if code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if !strings.HasPrefix(out, "8 files in ") || !strings.Contains(out, ": 2 added, 0 replaced, 0 unchanged, 6 skipped\n") {
		t.Errorf("summary does not add up to 8 files, 2 added and 6 skipped:\n%s", out)
	}
	for _, want := range []string{
		"skipped " + filepath.Join(dir, "empty.txt") + ": empty file",
		"skipped " + filepath.Join(dir, "nested.docx") + ": read " + filepath.Join(dir, "nested.docx") + ": not a valid .docx (word/document.xml: XML nested more than 256 elements deep)",
		"skipped " + filepath.Join(dir, "loop") + ": read " + filepath.Join(dir, "loop") + ": folder already read",
		"skipped " + filepath.Join(dir, "self.txt") + ": ",
		"skipped " + filepath.Join(dir, "broken.docx") + ": ",
		"skipped " + filepath.Join(dir, "notes.doc") + ": ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no line %q:\n%s", want, out)
		}
	}
}
