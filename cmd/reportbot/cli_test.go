package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run calls Run as main does and returns stdout, stderr and the exit code.
func run(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	return runWithStdin(t, "", args...)
}

// runWithStdin is run with stdin.
func runWithStdin(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	err := Run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	code := exitCode(err, &errb)
	return out.String(), errb.String(), code
}

// writeReports writes a small folder of reports written for the test, and
// a few files that cannot be read.
func writeReports(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"泰安_2023-07_工业运行.txt":  "工业运行情况\n时间:2023-07-03 来源:某日报\n1-5月,全市工业投资同比增长12.5%,高于全省3.2个百分点,增速居全省第4位。\n",
		"sub/资阳_2022-12_总结.md": "2022年,全市规模以上工业增加值增长5.6%。\n",
		"broken.docx":          "PK\x03\x04 not really a zip",
		"notes.doc":            "old format",
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{nil, {"nosuch"}, {"ask"}, {"index"}, {"figures"}, {"eval"}, {"ask", "-bogus", "x"},
		{"ask", ""}, {"ask", "泰安工业投资增速", "  "}, {"ask", "-n", "0", "泰安工业投资增速"}, {"ask", "-n=-2", "泰安工业投资增速"},
		{"ask", "-index", "", "x"}, {"version", "x"}, {"serve", "x"}} {
		if _, _, code := run(t, args...); code != exitUsage {
			t.Errorf("reportbot %q: exit %d, want %d", args, code, exitUsage)
		}
	}
}

func TestFiguresCommand(t *testing.T) {
	dir := writeReports(t)
	out, errOut, code := run(t, "figures", "-json", dir)
	if code != exitError {
		t.Errorf("exit %d with unreadable files, want %d", code, exitError)
	}
	if !strings.Contains(errOut, "broken.docx") || !strings.Contains(errOut, "not a valid .docx") {
		t.Errorf("no clear line for the broken docx:\n%s", errOut)
	}
	var recs []figureRecord
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r figureRecord
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("bad JSON line %q: %v", line, err)
		}
		recs = append(recs, r)
	}
	if len(recs) != 4 {
		t.Fatalf("got %d figures, want 4: %+v", len(recs), recs)
	}
	var r figureRecord
	for _, x := range recs {
		if x.Value == "12.5" {
			r = x
		}
	}
	if r.Value != "12.5" || r.Kind != "growth" || r.Metric != "工业投资" || r.Period != "2023年1-5月" || r.Region != "泰安市" {
		t.Errorf("first figure %+v", r)
	}
}

func TestIndexAskEval(t *testing.T) {
	dir := writeReports(t)
	ix := filepath.Join(t.TempDir(), "ix")

	out, errOut, code := run(t, "index", "-q", "-index", ix, dir)
	if code != exitOK {
		t.Fatalf("index: exit %d\n%s%s", code, out, errOut)
	}
	for _, want := range []string{"2 added", "2 skipped", "broken.docx", "notes.doc"} {
		if !strings.Contains(out, want) {
			t.Errorf("index summary lacks %q:\n%s", want, out)
		}
	}
	// A second run changes nothing.
	out, _, _ = run(t, "index", "-q", "-index", ix, dir)
	if !strings.Contains(out, "2 unchanged") {
		t.Errorf("second run not idempotent:\n%s", out)
	}

	out, _, code = run(t, "ask", "-index", ix, "-json", "泰安工业投资增速", "泰安GDP增速")
	if code != exitOK {
		t.Fatalf("ask: exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("want one JSON line per question, got %d:\n%s", len(lines), out)
	}
	var first, second struct {
		Question string `json:"question"`
		Answers  []struct {
			Value      string `json:"value"`
			SourceText string `json:"source_text"`
		} `json:"answers"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(lines[1]), &second); err != nil {
		t.Fatal(err)
	}
	if len(first.Answers) == 0 || first.Answers[0].Value != "12.5" || !strings.Contains(first.Answers[0].SourceText, "同比增长12.5%") {
		t.Errorf("first answer %+v", first)
	}
	if len(second.Answers) != 0 {
		t.Errorf("GDP answered: %+v", second)
	}

	_, _, code = run(t, "ask", "-index", ix, "泰安GDP增速")
	if code != exitNotFound {
		t.Errorf("unanswered question: exit %d, want %d", code, exitNotFound)
	}

	qa := filepath.Join(t.TempDir(), "qa.jsonl")
	os.WriteFile(qa, []byte(`{"id":"q1","question":"泰安工业投资全省排第几","file":"泰安_2023-07_工业运行.txt","value":"4","unit":"位","sentence_contains":"增速居全省第4位"}
{"id":"n1","question":"北京工业投资增速"}
`), 0o644)
	out, _, code = run(t, "eval", "-index", ix, qa)
	if code != exitOK || !strings.Contains(out, "top-1: 1/1") || !strings.Contains(out, "negatives answered: 0/1") {
		t.Errorf("eval: exit %d\n%s", code, out)
	}
}

// TestSampleOnlyOnFirstRun: the built-in sample answers only when no
// index is configured at all (no -index, no $REPORTBOT_INDEX, nothing at
// the default location); a given path that does not exist is a usage
// error naming it, for ask and eval alike, and nothing is created.
func TestSampleOnlyOnFirstRun(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	t.Setenv("REPORTBOT_INDEX", "")
	out, errOut, code := run(t, "ask", "泰安工业投资增速")
	if code != exitOK || !strings.Contains(out, "31.9%") || !strings.Contains(errOut, "sample") {
		t.Errorf("first run: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(data, "reportbot")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("asking created the default index: %v", err)
	}

	missing := filepath.Join(t.TempDir(), "typo")
	qa := filepath.Join(t.TempDir(), "qa.jsonl")
	os.WriteFile(qa, []byte(`{"question":"泰安工业投资增速","value":"31.9","unit":"%"}`+"\n"), 0o644)
	tests := []struct {
		name string
		env  string
		args []string
	}{
		{"ask -index", "", []string{"ask", "-index", missing, "泰安工业投资增速"}},
		{"ask $REPORTBOT_INDEX", missing, []string{"ask", "泰安工业投资增速"}},
		{"eval -index", "", []string{"eval", "-index", missing, qa}},
		{"eval $REPORTBOT_INDEX", missing, []string{"eval", qa}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("REPORTBOT_INDEX", tt.env)
			out, errOut, code := run(t, tt.args...)
			if code != exitUsage || out != "" {
				t.Errorf("exit %d, want %d; stdout:\n%s", code, exitUsage, out)
			}
			if lines := strings.Split(strings.TrimSpace(errOut), "\n"); len(lines) != 1 || !strings.Contains(errOut, missing) || strings.Contains(errOut, "sample") {
				t.Errorf("want one line naming %s, got:\n%s", missing, errOut)
			}
			if _, err := os.Stat(missing); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("%s was created", missing)
			}
		})
	}
}

// TestCommandLineConventions: -h is a request, not a mistake; flags may
// follow the arguments; a mistyped command gets a suggestion; "ask -"
// reads questions from stdin; version says what was built.
func TestCommandLineConventions(t *testing.T) {
	t.Setenv("REPORTBOT_INDEX", "")
	t.Setenv("XDG_DATA_HOME", t.TempDir()) // no index: the sample answers
	for _, args := range [][]string{{"ask", "-h"}, {"index", "-help"}, {"eval", "-h"}, {"figures", "-h"}, {"serve", "-h"},
		{"bench", "-h"}, {"version", "-h"}, {"help", "ask"}, {"-h"}, {"ask", "泰安工业投资增速", "-h"}} {
		out, errOut, code := run(t, args...)
		if code != exitOK || !strings.Contains(out, "Usage:") || errOut != "" {
			t.Errorf("reportbot %q: exit %d, want 0 with the usage on stdout\nstdout:\n%s\nstderr:\n%s", args, code, out, errOut)
		}
	}

	_, errOut, code := run(t, "asq", "泰安工业投资增速")
	if code != exitUsage || !strings.Contains(errOut, `did you mean "ask"?`) {
		t.Errorf("asq: exit %d\n%s", code, errOut)
	}
	if _, errOut, _ := run(t, "zzzzzz"); strings.Contains(errOut, "did you mean") {
		t.Errorf("a guess for a word like no command:\n%s", errOut)
	}

	// Flags after the question are flags, not questions.
	out, errOut, code := run(t, "ask", "泰安工业投资增速", "-json", "-n", "1")
	var res struct {
		Question string            `json:"question"`
		Answers  []json.RawMessage `json:"answers"`
	}
	if code != exitOK || json.Unmarshal([]byte(out), &res) != nil || res.Question != "泰安工业投资增速" || len(res.Answers) != 1 {
		t.Errorf("flags after the question: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	// After --, an argument that looks like a flag is a question.
	out, _, _ = run(t, "ask", "-json", "--", "-n")
	if !strings.Contains(out, `"question":"-n"`) {
		t.Errorf("ask -- -n: %s", out)
	}

	// ask - reads one question a line; blank lines are no questions.
	out, errOut, code = runWithStdin(t, "泰安工业投资增速\n\n  \n泰安工业投资全省排第几\n", "ask", "-json", "-")
	if lines := strings.Split(strings.TrimSpace(out), "\n"); code != exitOK || len(lines) != 2 ||
		!strings.Contains(lines[0], `"question":"泰安工业投资增速"`) || !strings.Contains(lines[1], `"question":"泰安工业投资全省排第几"`) {
		t.Errorf("ask -: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	if _, _, code := runWithStdin(t, "\n", "ask", "-"); code != exitUsage {
		t.Errorf("ask - with nothing on stdin: exit %d, want %d", code, exitUsage)
	}

	out, _, code = run(t, "version")
	if code != exitOK || !strings.HasPrefix(out, "reportbot ") || !strings.Contains(out, "index schema") {
		t.Errorf("version: exit %d: %s", code, out)
	}
}

// TestAskWithoutRegionSaysWhichItChose: a question that names no region
// says which region it answered for, or asks which is meant; JSON carries
// it as region_note, and no made-up numbers.
func TestAskWithoutRegionSaysWhichItChose(t *testing.T) {
	dir := writeReports(t)
	os.WriteFile(filepath.Join(dir, "资阳_2023-01_投资.txt"), []byte("2022年,全市工业投资增长9.1%。\n"), 0o644)
	ix := filepath.Join(t.TempDir(), "ix")
	if out, errOut, code := run(t, "index", "-q", "-index", ix, dir); code != exitOK {
		t.Fatalf("index: exit %d\n%s%s", code, out, errOut)
	}
	out, _, code := run(t, "ask", "-index", ix, "规上工业增加值增速")
	if code != exitOK || !strings.Contains(out, "(未指明地区,按资阳市回答)") {
		t.Errorf("one region: exit %d\n%s", code, out)
	}
	out, _, _ = run(t, "ask", "-index", ix, "-json", "工业投资增速")
	var res struct {
		RegionNote string `json:"region_note"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || !strings.Contains(res.RegionNote, "请写明要哪个地区") ||
		!strings.Contains(res.RegionNote, "泰安市") || !strings.Contains(res.RegionNote, "资阳市") {
		t.Errorf("two regions: %v\n%s", err, out)
	}
	out, _, _ = run(t, "ask", "-index", ix, "-json", "泰安工业投资增速")
	if strings.Contains(out, "region_note") || strings.Contains(out, `"score":0,`) || strings.Contains(out, `"score":0}`) {
		t.Errorf("region named, or a made-up score:\n%s", out)
	}
}

func TestFeedbackCommand(t *testing.T) {
	dir := t.TempDir()
	line := `{"time":"2026-12-01T10:00:00Z","user":42,"chat":42,"question":"泰安工业投资增速","answer":"31.9%","vote":"up"}` + "\n"
	if err := os.WriteFile(filepath.Join(dir, "feedback.jsonl"), []byte(line), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if err := Run(context.Background(), []string{"feedback", "-index", dir}, strings.NewReader(""), &out, &errb); err != nil {
		t.Fatalf("%v: %s", err, errb.String())
	}
	if !strings.Contains(out.String(), "泰安工业投资增速") {
		t.Errorf("feedback printed %q", out.String())
	}
}

// Questions asked in a row are read as a conversation: a follow-up takes
// the indicator of the last answered question, and says so.
func TestAskFollowUps(t *testing.T) {
	dir := writeReports(t)
	ix := filepath.Join(t.TempDir(), "ix")
	if out, errOut, code := run(t, "index", "-q", "-index", ix, dir); code != exitOK {
		t.Fatalf("index: exit %d\n%s%s", code, out, errOut)
	}
	out, _, code := runWithStdin(t, "泰安工业投资增速\n资阳呢?\n", "ask", "-index", ix, "-")
	if code != exitOK || !strings.Contains(out, "接上题:资阳呢? → 按「资阳工业投资增速」回答") {
		t.Errorf("follow-up: exit %d\n%s", code, out)
	}
	// 资阳 states no 工业投资: the follow-up is not answered with 泰安's.
	if i := strings.Index(out, "接上题"); i < 0 || strings.Contains(out[i:], "12.5%") {
		t.Errorf("the follow-up answered with the first question's figure:\n%s", out)
	}
}
