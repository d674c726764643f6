package answer

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportbot/reportbot/corpus"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata")

// TestRankingGolden ranks a fixed list of questions against the reports in
// testdata/rank and compares the top candidates, with their score terms,
// to testdata/rank/ranking.golden. A change of the ranking shows in the
// diff of that file: review it, then rewrite it with -update.
func TestRankingGolden(t *testing.T) {
	dir := filepath.Join("testdata", "rank")
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var docs []*corpus.Document
	var questions []string
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Base(name) == "questions.txt" {
			sc := bufio.NewScanner(bytes.NewReader(b))
			for sc.Scan() {
				if q := strings.TrimSpace(sc.Text()); q != "" && !strings.HasPrefix(q, "#") {
					questions = append(questions, q)
				}
			}
			continue
		}
		docs = append(docs, report(t, filepath.Base(name), "", "", string(b)))
	}
	if len(docs) == 0 || len(questions) == 0 {
		t.Fatalf("no reports or questions in %s", dir)
	}
	e := memEngine(t, docs...)

	var body bytes.Buffer
	answered := 0
	top := 0.0
	for _, q := range questions {
		res, err := e.AskWith(q, Options{N: 3, Explain: true})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&body, "\n== %s\n", q)
		if len(res.Answers) > 0 {
			answered++
			a := res.Answers[0]
			top += a.Score
			fmt.Fprintf(&body, "answer: %s%s [%s] %s\n", a.Value, a.Unit, a.Metric, a.Period)
		} else {
			fmt.Fprintf(&body, "answer: none (%s)\n", res.Note)
		}
		res.Why.Candidates = firstN(res.Why.Candidates, 3)
		WriteExplanation(&body, res)
	}
	var got bytes.Buffer
	mean := 0.0
	if answered > 0 {
		mean = top / float64(answered)
	}
	fmt.Fprintf(&got, "summary: %d questions, %d answered, %d not found, mean first score %.3f\n",
		len(questions), answered, len(questions)-answered, mean)
	got.Write(body.Bytes())

	golden := filepath.Join(dir, "ranking.golden")
	if *update {
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./answer -run TestRankingGolden -update)", err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("ranking changed; review the diff and rerun with -update:\n%s", lineDiff(string(want), got.String()))
	}
}

func firstN[T any](s []T, n int) []T {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// lineDiff lists the lines that differ, for a failing golden test.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  - %s\n  + %s\n", i+1, wl, gl)
		}
	}
	return b.String()
}
