package answer

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/reportbot/reportbot/corpus"
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
	return readJSONLines(r, func(c EvalCase) error {
		if c.Question == "" {
			return errors.New("no question")
		}
		return nil
	})
}

// readJSONLines reads one T per line of r, skipping blank lines; valid
// says what a line lacks, if anything.
func readJSONLines[T any](r io.Reader, valid func(T) error) ([]T, error) {
	var out []T
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimSpace(sc.Text())
		if t == "" {
			continue
		}
		var c T
		if err := json.Unmarshal([]byte(t), &c); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		if err := valid(c); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		out = append(out, c)
	}
	return out, sc.Err()
}

// EvalMiss is a question answered wrongly, or not at all.
type EvalMiss struct {
	Case EvalCase
	Got  []Answer
	// Cause is CauseWrong when a first answer was given and is not the
	// expected one, else the engine's outcome (no figure of the indicator,
	// other periods only, below confidence, no reports for the region).
	Cause string
	// Result is the whole answer, with its explanation.
	Result Result
}

// CauseWrong is a miss whose first answer is another figure: the worst
// outcome, a confident wrong number.
const CauseWrong = "wrong-first-answer"

// CauseOtherSentence is a miss whose first answer is the expected number
// of the expected report, quoted from another sentence than the one
// expected.
const CauseOtherSentence = "same-figure-other-sentence"

// EvalReport is the outcome of a question set.
type EvalReport struct {
	Questions, Top1, Top3 int
	// Wrong counts questions whose first answer is not the expected one.
	Wrong               int
	Negatives, Answered int // negatives, and how many of them got an answer
	Misses              []EvalMiss
	WrongNegatives      []EvalMiss
	// Explain prints each miss's explanation.
	Explain bool
}

// Correct reports whether a answers c: same file, value and unit, and a
// source sentence that contains the expected words. A question set may
// write the value and unit as the report does (一百一十七, 億元) or in
// Arabic digits and simplified script (117, 亿元): both mean the same
// figure, so values are compared as numbers and units and sentences in
// normalized script.
func (c EvalCase) Correct(a Answer) bool {
	return filepath.Base(a.File) == filepath.Base(c.File) &&
		sameValue(a.Value, c.Value) && c.sameUnit(a.Unit) &&
		(strings.Contains(a.SourceText, c.SentenceContains) ||
			strings.Contains(corpus.NormalizeText(a.SourceText), corpus.NormalizeText(c.SentenceContains)))
}

// sameFigure reports an answer with the expected file, value and unit,
// whatever its sentence.
func (c EvalCase) sameFigure(a Answer) bool {
	return filepath.Base(a.File) == filepath.Base(c.File) && sameValue(a.Value, c.Value) && c.sameUnit(a.Unit)
}

// sameUnit compares units in normalized script; a rank's 位 and 名 are
// the same place (第八位, 第八名).
func (c EvalCase) sameUnit(got string) bool {
	g, w := corpus.NormalizeText(got), corpus.NormalizeText(c.Unit)
	if c.Kind == "rank" && (g == "位" || g == "名") && (w == "位" || w == "名") {
		return true
	}
	return g == w
}

func sameValue(got, want string) bool {
	if got == want {
		return true
	}
	g, ok1 := parseValue(got)
	w, ok2 := parseValue(want)
	return ok1 && ok2 && g == w
}

func parseValue(s string) (float64, bool) {
	s = strings.ReplaceAll(corpus.NormalizeText(s), ",", "")
	if v, ok := corpus.ParseArabicNumber(s); ok {
		return v, true
	}
	return corpus.ParseChineseNumber(s)
}

// Evaluate runs every case through e.
func Evaluate(e *Engine, cases []EvalCase) (EvalReport, error) {
	var rep EvalReport
	for _, c := range cases {
		res, err := e.AskWith(c.Question, Options{N: 3, Explain: true})
		if err != nil {
			return rep, fmt.Errorf("%s: %w", c.ID, err)
		}
		if c.Value == "" {
			rep.Negatives++
			if len(res.Answers) > 0 {
				rep.Answered++
				rep.WrongNegatives = append(rep.WrongNegatives, EvalMiss{Case: c, Got: res.Answers, Cause: CauseWrong, Result: res})
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
			m := EvalMiss{Case: c, Got: res.Answers, Result: res}
			switch {
			case len(res.Answers) > 0 && c.sameFigure(res.Answers[0]):
				// The number asked, from the same report, quoted from
				// another of its sentences: not a wrong number.
				m.Cause = CauseOtherSentence
			case len(res.Answers) > 0:
				m.Cause = CauseWrong
				rep.Wrong++
			case res.Why != nil:
				m.Cause = string(res.Why.Outcome)
			}
			rep.Misses = append(rep.Misses, m)
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
	fmt.Fprintf(w, "wrong first answers: %d/%d (%.1f%%)\n", r.Wrong, r.Questions, pct(r.Wrong, r.Questions))
	if r.Negatives > 0 {
		fmt.Fprintf(w, "negatives answered: %d/%d (should be 0)\n", r.Answered, r.Negatives)
	}
	if causes := r.Causes(); len(causes) > 0 {
		fmt.Fprint(w, "misses by cause:")
		for _, c := range causes {
			fmt.Fprintf(w, " %s %d;", c.Cause, c.N)
		}
		fmt.Fprintln(w)
	}
	for _, m := range r.Misses {
		fmt.Fprintf(w, "\nMISS %s %s [%s]\n  want: %s %s in %s («%s»)\n", m.Case.ID, m.Case.Question, m.Cause, m.Case.Value, m.Case.Unit, m.Case.File, m.Case.SentenceContains)
		writeGot(w, m.Got)
		if r.Explain {
			writeIndented(w, m.Result)
		}
	}
	for _, m := range r.WrongNegatives {
		fmt.Fprintf(w, "\nANSWERED NEGATIVE %s %s\n", m.Case.ID, m.Case.Question)
		writeGot(w, m.Got)
		if r.Explain {
			writeIndented(w, m.Result)
		}
	}
}

// CauseCount is how many misses share a cause.
type CauseCount struct {
	Cause string
	N     int
}

// Causes counts the misses by cause, most first.
func (r EvalReport) Causes() []CauseCount {
	n := map[string]int{}
	for _, m := range r.Misses {
		n[m.Cause]++
	}
	var out []CauseCount
	for c, k := range n {
		out = append(out, CauseCount{c, k})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		return out[i].Cause < out[j].Cause
	})
	return out
}

// writeIndented prints an explanation four spaces in.
func writeIndented(w io.Writer, res Result) {
	var b strings.Builder
	WriteExplanation(&b, res)
	for _, line := range strings.SplitAfter(b.String(), "\n") {
		if line != "" {
			io.WriteString(w, "    "+line)
		}
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
