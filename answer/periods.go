package answer

import (
	"fmt"
	"sort"
	"strings"

	"github.com/reportbot/reportbot/corpus"
)

// otherPeriodsAsked is how many answers OtherPeriods looks through.
const otherPeriodsAsked = 30

// OtherPeriods finds the indicator of a result's first answer in other
// periods and reports of its region, newest report first, as officials
// read them: the question is asked again without its period, and answers
// of the same indicator, kind and region are kept, besides the result's
// own further answers. The same figure restated in the same report is no
// other period. A result without answers has none.
func (e *Engine) OtherPeriods(res Result) ([]Answer, error) {
	if len(res.Answers) == 0 {
		return nil, nil
	}
	first := res.Answers[0]
	q := corpus.NormalizeText(res.Question)
	if raw := res.Understood.Period.Raw; raw != "" {
		q = strings.Replace(q, raw, " ", 1)
	}
	again, err := e.Ask(q, otherPeriodsAsked)
	if err != nil {
		return nil, fmt.Errorf("ask: %w", err)
	}
	seen := map[string]bool{figureKey(first): true}
	var out []Answer
	for _, a := range append(again.Answers, res.Answers[1:]...) {
		if seen[figureKey(a)] || a.Kind != first.Kind || a.Region != first.Region ||
			!SameIndicator(a.Metric, first.Metric) {
			continue
		}
		if a.Period == first.Period && a.File == first.File {
			continue
		}
		seen[figureKey(a)] = true
		out = append(out, a)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date > out[j].Date })
	return out, nil
}

// figureKey identifies the figure an answer gives: the same value in the
// same sentence of the same file is the same answer.
func figureKey(a Answer) string {
	return fmt.Sprintf("%s#%d#%s%s", a.File, a.SentenceNo, a.Value, a.Unit)
}
