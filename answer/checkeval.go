package answer

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// CheckCase is one line of a fact-check set such as
// dev_real_factcheck.jsonl: a claim, the verdict it should get, the
// claimed number that verdict is about and, for a confirmed or
// contradicted claim, the report (file) and the value it states.
type CheckCase struct {
	ID               string `json:"id"`
	Claim            string `json:"claim"`
	Verdict          string `json:"verdict"`
	ClaimedValue     string `json:"claimed_value"`
	File             string `json:"file"`
	Value            string `json:"value"`
	Unit             string `json:"unit"`
	SentenceContains string `json:"sentence_contains"`
	Note             string `json:"note"`
	// Region and Date are defaults for the claim, as the user gives them
	// (check -region, -date); usually absent.
	Region string `json:"region"`
	Date   string `json:"date"`
}

// ReadCheckCases reads JSON lines; blank lines are skipped.
func ReadCheckCases(r io.Reader) ([]CheckCase, error) {
	return readJSONLines(r, func(c CheckCase) error {
		if c.Claim == "" || c.Verdict == "" {
			return errors.New("no claim or verdict")
		}
		switch Verdict(c.Verdict) {
		case Confirmed, Contradicted, Unverified:
			return nil
		}
		return fmt.Errorf("unknown verdict %q", c.Verdict)
	})
}

// CheckMiss is a claim that did not get its expected verdict.
type CheckMiss struct {
	Case CheckCase
	// Got is the check of the claimed figure; Verdict is empty when the
	// claimed number was not read as a figure at all.
	Got CheckedFigure
	// Serious marks the misses that must never happen: a true claim
	// called contradicted, a false one confirmed, or a claim no report
	// states given a verdict from one.
	Serious bool
}

// CheckReport is the outcome of a fact-check set.
type CheckReport struct {
	Claims, Right int
	// ByVerdict counts claims and right verdicts per expected verdict.
	Expected, RightBy map[Verdict]int
	// TrueContradicted and FalseConfirmed count the worst misses;
	// Unstated counts claims no report states that got a verdict from
	// one.
	TrueContradicted, FalseConfirmed, Unstated int
	Misses                                     []CheckMiss
}

// Serious counts the misses that must never happen.
func (r CheckReport) Serious() int { return r.TrueContradicted + r.FalseConfirmed + r.Unstated }

// EvaluateCheck checks every claim of cases with e. A claim counts as
// right when its claimed figure gets the expected verdict and, for a
// confirmed or contradicted one, rests on the expected report's figure.
func EvaluateCheck(e *Engine, cases []CheckCase) (CheckReport, error) {
	rep := CheckReport{Expected: map[Verdict]int{}, RightBy: map[Verdict]int{}}
	for _, c := range cases {
		res, err := e.Check(c.Claim, CheckOptions{Region: c.Region, Date: c.Date})
		if err != nil {
			return rep, fmt.Errorf("%s: %w", c.ID, err)
		}
		want := Verdict(c.Verdict)
		rep.Claims++
		rep.Expected[want]++
		got, found := claimedFigureOf(res, c.ClaimedValue)
		if found && c.right(got) {
			rep.Right++
			rep.RightBy[want]++
			continue
		}
		miss := CheckMiss{Case: c, Got: got}
		switch {
		case want == Confirmed && got.Verdict == Contradicted:
			rep.TrueContradicted++
			miss.Serious = true
		case want == Contradicted && got.Verdict == Confirmed:
			rep.FalseConfirmed++
			miss.Serious = true
		case want == Unverified && got.Verdict != Unverified && found:
			rep.Unstated++
			miss.Serious = true
		}
		rep.Misses = append(rep.Misses, miss)
	}
	return rep, nil
}

// claimedFigureOf is the checked figure whose claimed value is v (the
// first, if several); without v, the first figure.
func claimedFigureOf(res CheckResult, v string) (CheckedFigure, bool) {
	for _, f := range res.Figures {
		if v == "" || sameValue(f.Claimed.Value, v) || sameValue(strings.TrimPrefix(f.Claimed.Value, "-"), v) {
			return f, true
		}
	}
	return CheckedFigure{}, false
}

func (c CheckCase) right(got CheckedFigure) bool {
	if string(got.Verdict) != c.Verdict {
		return false
	}
	if got.Verdict == Unverified {
		return true
	}
	a := got.Answer
	if a == nil {
		return false
	}
	if c.File != "" && filepath.Base(a.File) != filepath.Base(c.File) {
		return false
	}
	return c.Value == "" || sameValue(a.Value, c.Value) || sameValue(strings.TrimPrefix(a.Value, "-"), c.Value)
}

// Write prints the report: the score, the serious misses, then every
// miss with what was read and found.
func (r CheckReport) Write(w io.Writer) {
	pct := 0.0
	if r.Claims > 0 {
		pct = 100 * float64(r.Right) / float64(r.Claims)
	}
	fmt.Fprintf(w, "claims: %d, expected verdict: %d (%.1f%%)\n", r.Claims, r.Right, pct)
	for _, v := range []Verdict{Confirmed, Contradicted, Unverified} {
		fmt.Fprintf(w, "  %-12s %d/%d\n", v, r.RightBy[v], r.Expected[v])
	}
	fmt.Fprintf(w, "true claims called contradicted: %d\n", r.TrueContradicted)
	fmt.Fprintf(w, "false claims confirmed: %d\n", r.FalseConfirmed)
	fmt.Fprintf(w, "claims no report states given a verdict: %d\n", r.Unstated)
	if len(r.Misses) == 0 {
		return
	}
	fmt.Fprintln(w, "\nmisses:")
	for _, m := range r.Misses {
		mark := ""
		if m.Serious {
			mark = " SERIOUS"
		}
		fmt.Fprintf(w, "- %s%s: %s\n", m.Case.ID, mark, m.Case.Claim)
		want := m.Case.Verdict
		if m.Case.File != "" {
			want += fmt.Sprintf(" (%s %s%s)", filepath.Base(m.Case.File), m.Case.Value, m.Case.Unit)
		}
		fmt.Fprintf(w, "    expected %s\n", want)
		if m.Got.Verdict == "" {
			fmt.Fprintf(w, "    got: the claimed number %s was not read as a figure\n", m.Case.ClaimedValue)
			continue
		}
		fmt.Fprintf(w, "    got %s: %s [%s]\n", m.Got.Verdict, m.Got.Why, m.Got.LookedFor)
		for _, a := range []*Answer{m.Got.Answer, m.Got.Closest} {
			if a != nil {
				fmt.Fprintf(w, "      %s — %s\n", a.Headline(), filepath.Base(a.File))
			}
		}
	}
}
