package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckCommand(t *testing.T) {
	dir := writeReports(t)
	ix := filepath.Join(t.TempDir(), "ix")
	if out, errOut, code := run(t, "index", "-q", "-index", ix, dir); code != exitOK {
		t.Fatalf("index: exit %d\n%s%s", code, out, errOut)
	}

	// Confirmed: exit 0, the figure marked.
	out, errOut, code := run(t, "check", "-index", ix, "2023年1-5月,泰安市工业投资同比增长12.5%。")
	if code != exitOK || !strings.Contains(out, "12.5%✓") || !strings.Contains(out, "泰安_2023-07_工业运行.txt") {
		t.Errorf("check confirmed: exit %d\n%s%s", code, out, errOut)
	}
	// Contradicted: exit 4, the report's number shown; the defaults give
	// the region and the year.
	out, errOut, code = run(t, "check", "-index", ix, "-region", "泰安", "-date", "2023-07", "今年1-5月,全市工业投资同比增长15.5%。")
	if code != exitContradicted || !strings.Contains(out, "15.5%✗(报告为12.5%)") {
		t.Errorf("check contradicted: exit %d\n%s%s", code, out, errOut)
	}
	// Unverified from stdin, as JSON.
	out, errOut, code = runWithStdin(t, "2023年1-5月,泰安市服务业增加值增长7.2%。\n", "check", "-index", ix, "-json", "-")
	var res struct {
		Claim   string `json:"claim"`
		Figures []struct {
			Claimed struct {
				Value string `json:"value"`
				Text  string `json:"text"`
				Span  struct{ Start, End int }
			} `json:"claimed"`
			Verdict string          `json:"verdict"`
			Answer  json.RawMessage `json:"answer"`
			Why     string          `json:"why"`
		} `json:"figures"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != exitOK || len(res.Figures) != 1 ||
		res.Figures[0].Verdict != "unverified" || res.Figures[0].Claimed.Value != "7.2" || res.Figures[0].Why == "" ||
		string(res.Figures[0].Answer) != "null" || res.Claim[res.Figures[0].Claimed.Span.Start:res.Figures[0].Claimed.Span.End] != "7.2%" {
		t.Errorf("check -json -: exit %d (%v)\n%s%s", code, err, out, errOut)
	}
	// A draft file.
	draft := filepath.Join(t.TempDir(), "draft.txt")
	if err := os.WriteFile(draft, []byte("泰安市今年1-5月工业投资同比增长12.5%,高于全省3.2个百分点。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code = run(t, "check", "-index", ix, "-date", "2023-07", "-file", draft)
	if code != exitOK || !strings.Contains(out, "12.5%✓") || !strings.Contains(out, "3.2个百分点✓") {
		t.Errorf("check -file: exit %d\n%s%s", code, out, errOut)
	}
	// Mistakes in the command line.
	for _, args := range [][]string{{"check", "-index", ix}, {"check", "-index", ix, ""}, {"check", "-index", ix, "-date", "July", "x"}} {
		if _, _, code := run(t, args...); code != exitUsage {
			t.Errorf("reportbot %q: exit %d, want %d", args, code, exitUsage)
		}
	}
	// A fact-check set is scored.
	set := filepath.Join(t.TempDir(), "fc.jsonl")
	lines := `{"id":"t","claim":"2023年1-5月,泰安市工业投资同比增长12.5%。","verdict":"confirmed","claimed_value":"12.5","file":"泰安_2023-07_工业运行.txt","value":"12.5","unit":"%"}
{"id":"f","claim":"2023年1-5月,泰安市工业投资同比增长15.5%。","verdict":"contradicted","claimed_value":"15.5","file":"泰安_2023-07_工业运行.txt","value":"12.5","unit":"%"}
{"id":"u","claim":"2023年1-5月,泰安市服务业增加值增长7.2%。","verdict":"unverified","claimed_value":"7.2"}
`
	if err := os.WriteFile(set, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code = run(t, "check", "-index", ix, "-eval", set)
	if code != exitOK || !strings.Contains(out, "expected verdict: 3 (100.0%)") || !strings.Contains(out, "true claims called contradicted: 0") {
		t.Errorf("check -eval: exit %d\n%s%s", code, out, errOut)
	}
}
