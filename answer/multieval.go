package answer

import (
	"errors"
	"fmt"
	"io"
)

// MultiCase is one line of a comparison or trend question set such as
// dev_real_compare.jsonl: a question and the points its answers must
// hold.
type MultiCase struct {
	ID       string     `json:"id"`
	Question string     `json:"question"`
	Points   []EvalCase `json:"points"`
}

// ReadMultiCases reads JSON lines; blank lines are skipped.
func ReadMultiCases(r io.Reader) ([]MultiCase, error) {
	return readJSONLines(r, func(c MultiCase) error {
		if c.Question == "" || len(c.Points) == 0 {
			return errors.New("no question or no points")
		}
		return nil
	})
}

// MultiReport is the outcome of a comparison or trend question set.
type MultiReport struct {
	Questions, Points, Found int
	// Missing lists each point not among its question's answers.
	Missing []string
}

// EvaluateMulti answers every case with Respond and counts the expected
// points found among the answers.
func EvaluateMulti(e *Engine, cases []MultiCase) (MultiReport, error) {
	var rep MultiReport
	for _, c := range cases {
		res, err := e.Respond(c.Question, Options{})
		if err != nil {
			return rep, fmt.Errorf("%s: %w", c.ID, err)
		}
		rep.Questions++
		for _, p := range c.Points {
			rep.Points++
			found := false
			for _, a := range res.Answers {
				if p.Correct(a) {
					found = true
					break
				}
			}
			if found {
				rep.Found++
			} else {
				rep.Missing = append(rep.Missing, fmt.Sprintf("%s %s: %s %s in %s [mode %s]", c.ID, c.Question, p.Value, p.Unit, p.File, res.Mode))
			}
		}
	}
	return rep, nil
}

// Write prints the report for a person.
func (r MultiReport) Write(w io.Writer) {
	pct := 0.0
	if r.Points > 0 {
		pct = 100 * float64(r.Found) / float64(r.Points)
	}
	fmt.Fprintf(w, "points found: %d/%d (%.1f%%) in %d questions\n", r.Found, r.Points, pct, r.Questions)
	for _, m := range r.Missing {
		fmt.Fprintf(w, "MISSING %s\n", m)
	}
}
