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

// lineDiff shows the lines removed (-) and added (+) between want and
// got, from their longest common subsequence.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	// lcs[i][j] is the LCS length of w[i:] and g[j:].
	lcs := make([][]int, len(w)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(g)+1)
	}
	for i := len(w) - 1; i >= 0; i-- {
		for j := len(g) - 1; j >= 0; j-- {
			if w[i] == g[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var b strings.Builder
	i, j := 0, 0
	for i < len(w) || j < len(g) {
		switch {
		case i < len(w) && j < len(g) && w[i] == g[j]:
			i++
			j++
		case j < len(g) && (i == len(w) || lcs[i][j+1] >= lcs[i+1][j]):
			fmt.Fprintf(&b, "+ %s\n", g[j])
			j++
		default:
			fmt.Fprintf(&b, "- %s\n", w[i])
			i++
		}
	}
	return b.String()
}
