package answer

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Outcome names how a question ended, so that misses can be grouped by
// cause.
type Outcome string

const (
	OutcomeAnswered        Outcome = "answered"
	OutcomeNoReports       Outcome = "no-reports-for-region" // the region has no report
	OutcomeNoFigure        Outcome = "no-figure-of-indicator"
	OutcomeOtherPeriods    Outcome = "other-periods-only" // the indicator, but not for the period asked
	OutcomeBelowConfidence Outcome = "below-confidence"
)

// Explanation is how an answer was reached: the question as understood,
// what was retrieved, and the score terms of the best candidates.
type Explanation struct {
	Outcome Outcome `json:"outcome"`
	// Reading is set when the answer comes from a second reading of the
	// question.
	Reading    string         `json:"reading,omitempty"`
	Retrieved  int            `json:"retrieved"` // sentences retrieved
	Scored     int            `json:"scored"`    // figures that could answer
	Confident  float64        `json:"confident"` // the least score of an answer
	Candidates []ScoredFigure `json:"candidates"`
}

// ScoredFigure is one candidate figure and its score, term by term.
type ScoredFigure struct {
	Value    string  `json:"value"`
	Unit     string  `json:"unit"`
	Kind     string  `json:"kind"`
	Metric   string  `json:"metric"`
	Period   string  `json:"period,omitempty"`
	Region   string  `json:"region,omitempty"`
	File     string  `json:"file"`
	Sentence int     `json:"sentence_no"`
	Score    float64 `json:"score"`
	Terms    []Term  `json:"terms"`
}

// explainedCandidates is how many candidates an explanation shows.
const explainedCandidates = 5

func explain(w *Weights, q Question, retrieved int, cands, related []candidate, outcome Outcome) *Explanation {
	x := &Explanation{Outcome: outcome, Retrieved: retrieved, Scored: len(cands), Confident: w.Confident}
	list := cands
	if len(list) == 0 {
		// Nothing for the asked period: show what other periods hold.
		list = related
	}
	for i, c := range list {
		if i == explainedCandidates {
			break
		}
		x.Candidates = append(x.Candidates, ScoredFigure{
			Value: c.fig.Value, Unit: c.fig.Unit, Kind: string(c.fig.Kind), Metric: c.fig.Metric,
			Period: c.fig.Period.Text, Region: c.fig.Region, File: c.hit.File.Path,
			Sentence: c.hit.Sentence.Index, Score: round2(c.score), Terms: c.terms,
		})
	}
	return x
}

// WriteExplanation prints the question as understood and the score terms
// of the top candidates, for a reader working out why an answer won.
func WriteExplanation(w io.Writer, res Result) {
	u := res.Understood
	fmt.Fprintf(w, "understood: indicator=%q", u.Indicator)
	for _, f := range [][2]string{{"want", string(u.Want)}, {"region", u.Region}, {"place", u.Place},
		{"province", u.Province}, {"period", u.Period.Text}, {"modality", u.Modality}} {
		if f[1] != "" {
			fmt.Fprintf(w, " %s=%s", f[0], f[1])
		}
	}
	if len(u.Units) > 0 {
		fmt.Fprintf(w, " units=%s", strings.Join(u.Units, ","))
	}
	fmt.Fprintln(w)
	x := res.Why
	if x == nil {
		return
	}
	fmt.Fprintf(w, "outcome: %s; %d sentences retrieved, %d figures scored, answers need %.2f\n",
		x.Outcome, x.Retrieved, x.Scored, x.Confident)
	if x.Reading != "" {
		fmt.Fprintf(w, "reading: %s\n", x.Reading)
	}
	for i, c := range x.Candidates {
		fmt.Fprintf(w, "#%d %.2f  %s%s %s [%s] %s %s  %s#%d\n", i+1, c.Score, c.Value, c.Unit, c.Kind,
			c.Metric, c.Period, c.Region, filepath.Base(c.File), c.Sentence)
		for _, t := range c.Terms {
			fmt.Fprintln(w, strings.TrimRight(fmt.Sprintf("     %+.2f %-18s %s", t.Value, t.Name, t.Detail), " "))
		}
	}
}
