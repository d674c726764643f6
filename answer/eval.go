package answer

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// EvalCase is one line of a question set such as dev_qa.jsonl. A case
// with no Value is a negative: the right reply is no answer.
type EvalCase struct {
	ID               string `json:"id"`
	Question         string `json:"question"`
	File             string `json:"file"`
	Value            string `json:"value"`
	Unit             string `json:"unit"`
	Kind             string `json:"kind"`
	SentenceContains string `json:"sentence_contains"`
	Note             string `json:"note"`
}

// ReadEvalCases reads JSON lines; blank lines are skipped.
func ReadEvalCases(r io.Reader) ([]EvalCase, error) {
	var out []EvalCase
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimSpace(sc.Text())
		if t == "" {
			continue
		}
		var c EvalCase
		if err := json.Unmarshal([]byte(t), &c); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		if c.Question == "" {
			return nil, fmt.Errorf("line %d: no question", line)
		}
		out = append(out, c)
	}
	return out, sc.Err()
}

// EvalMiss is a question answered wrongly, or not at all.
type EvalMiss struct {
	Case EvalCase
	Got  []Answer
}

// EvalReport is the outcome of a question set.
type EvalReport struct {
	Questions, Top1, Top3 int
	Negatives, Answered   int // negatives, and how many of them got an answer
	Misses                []EvalMiss
	WrongNegatives        []EvalMiss
}

// Correct reports whether a answers c: same file, value and unit, and a
// source sentence that contains the expected words.
func (c EvalCase) Correct(a Answer) bool {
	return filepath.Base(a.File) == filepath.Base(c.File) &&
		a.Value == c.Value && a.Unit == c.Unit &&
		strings.Contains(a.SourceText, c.SentenceContains)
}

// Evaluate runs every case through e.
func Evaluate(e *Engine, cases []EvalCase) (EvalReport, error) {
	var rep EvalReport
	for _, c := range cases {
		res, err := e.Ask(c.Question, 3)
		if err != nil {
			return rep, fmt.Errorf("%s: %w", c.ID, err)
		}
		if c.Value == "" {
			rep.Negatives++
			if len(res.Answers) > 0 {
				rep.Answered++
				rep.WrongNegatives = append(rep.WrongNegatives, EvalMiss{c, res.Answers})
			}
			continue
		}
		rep.Questions++
		top1 := len(res.Answers) > 0 && c.Correct(res.Answers[0])
		top3 := false
		for i, a := range res.Answers {
			if i < 3 && c.Correct(a) {
				top3 = true
			}
		}
		if top1 {
			rep.Top1++
		}
		if top3 {
			rep.Top3++
		}
		if !top1 {
			rep.Misses = append(rep.Misses, EvalMiss{c, res.Answers})
		}
	}
	return rep, nil
}

// Write prints the report for a person.
func (r EvalReport) Write(w io.Writer) {
	pct := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return 100 * float64(a) / float64(b)
	}
	fmt.Fprintf(w, "top-1: %d/%d (%.1f%%)\n", r.Top1, r.Questions, pct(r.Top1, r.Questions))
	fmt.Fprintf(w, "top-3: %d/%d (%.1f%%)\n", r.Top3, r.Questions, pct(r.Top3, r.Questions))
	if r.Negatives > 0 {
		fmt.Fprintf(w, "negatives answered: %d/%d (should be 0)\n", r.Answered, r.Negatives)
	}
	for _, m := range r.Misses {
		fmt.Fprintf(w, "\nMISS %s %s\n  want: %s %s in %s («%s»)\n", m.Case.ID, m.Case.Question, m.Case.Value, m.Case.Unit, m.Case.File, m.Case.SentenceContains)
		writeGot(w, m.Got)
	}
	for _, m := range r.WrongNegatives {
		fmt.Fprintf(w, "\nANSWERED NEGATIVE %s %s\n", m.Case.ID, m.Case.Question)
		writeGot(w, m.Got)
	}
}

func writeGot(w io.Writer, got []Answer) {
	if len(got) == 0 {
		fmt.Fprintln(w, "  got:  no answer")
		return
	}
	for i, a := range got {
		fmt.Fprintf(w, "  got%d: %s %s %s [%s] in %s (score %.2f) «%s»\n", i+1, a.Value, a.Unit, a.Kind, a.Metric, filepath.Base(a.File), a.Score, a.Sentence)
	}
}
