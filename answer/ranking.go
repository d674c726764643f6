package answer

import (
	"fmt"
	"sort"

	"github.com/reportbot/reportbot/corpus"
	"github.com/reportbot/reportbot/lexicon"
)

// A ranking (贵州各市州GDP增速, 南充哪个县GDP增长最快) is a comparison of
// the places of one tier under the place named, over what the reports
// state: every such place is asked the same question, and the places with
// a figure are ranked. Only figures of one period are ranked together:
// the period most places state (the latest among equals); a place whose
// figure is of another period follows the ranking, marked, and is never
// ranked among the others.

// ranking answers a ranking question.
func (e *Engine) ranking(question string, mq multiQuestion, opt Options) (Result, error) {
	res := Result{Question: question, Mode: ModeCompare, Answers: []Answer{}, Related: []Related{}}
	parent := mq.places[0].place
	type placeFigures struct {
		place   corpus.Place
		label   string
		answers []Answer
	}
	var found []placeFigures
	missing := 0
	for _, p := range placesUnder(e.Gazetteer, parent, mq.tier) {
		name := p.Short
		if name == "" {
			name = p.Name
		}
		r, err := e.AskWith(name+mq.core, Options{N: 10})
		if err != nil {
			return res, err
		}
		if res.Understood.Text == "" {
			res.Understood = r.Understood
		}
		var own []Answer
		for _, a := range r.Answers {
			// A figure of the parent or of a neighbour is never a row.
			if a.Region == p.Name {
				own = append(own, a)
			}
		}
		if len(own) == 0 {
			missing++
			continue
		}
		found = append(found, placeFigures{p, name, own})
	}
	if len(found) == 0 {
		res.Note = fmt.Sprintf("%s下属%s都没有找到这项数字", mq.places[0].text, tierName(mq.tier))
		return res, nil
	}
	asked := !res.Understood.Period.IsZero()
	period := ""
	if !asked {
		period = mostStatedPeriod(func(yield func([]Answer) bool) {
			for _, f := range found {
				if !yield(f.answers) {
					return
				}
			}
		})
	}
	var ranked, apart []Row
	for _, f := range found {
		pick := f.answers[0]
		inPeriod := period == "" || pick.Period == period
		for _, a := range f.answers {
			if period != "" && a.Period == period {
				pick, inPeriod = a, true
				break
			}
		}
		row := Row{Label: f.label, Answer: &pick}
		if inPeriod && (len(ranked) == 0 || pick.Unit == ranked[0].Answer.Unit) {
			ranked = append(ranked, row)
			continue
		}
		row.Note = "时期或单位不同,未参与排序"
		apart = append(apart, row)
	}
	sort.SliceStable(ranked, func(i, j int) bool {
		if mq.lowest {
			return ranked[i].Answer.Number < ranked[j].Answer.Number
		}
		return ranked[i].Answer.Number > ranked[j].Answer.Number
	})
	res.Rows = append(ranked, apart...)
	for _, r := range res.Rows {
		res.Answers = append(res.Answers, *r.Answer)
	}
	note := fmt.Sprintf("%d个%s有这项数字", len(ranked), tierName(mq.tier))
	if period != "" {
		note = "按" + period + "排序," + note
	}
	if len(apart) > 0 {
		note += fmt.Sprintf(";%d个时期或单位不同,列在后面", len(apart))
	}
	if missing > 0 {
		note += fmt.Sprintf(";%d个没有找到", missing)
	}
	res.Note = note
	return res, nil
}

// placesUnder lists the places of a tier under parent: a province's
// prefectures (and the county-level cities it governs directly), or the
// counties and districts of a province or a prefecture.
func placesUnder(g *corpus.Gazetteer, parent corpus.Place, tier string) []corpus.Place {
	var out []corpus.Place
	for _, p := range g.Places() {
		if p.ProvinceCode != parent.ProvinceCode || p.Code == parent.Code {
			continue
		}
		switch {
		case tier == lexicon.TierPrefecture:
			if p.Level == corpus.LevelPrefecture || (p.Level == corpus.LevelCounty && p.CityCode == "") {
				out = append(out, p)
			}
		case parent.Level == corpus.LevelPrefecture:
			if p.Level == corpus.LevelCounty && p.CityCode == parent.Code {
				out = append(out, p)
			}
		default:
			if p.Level == corpus.LevelCounty {
				out = append(out, p)
			}
		}
	}
	return out
}

func tierName(tier string) string {
	if tier == lexicon.TierCounty {
		return "县(市、区)"
	}
	return "市(州)"
}

// mostStatedPeriod is the period that the most lists have an answer of,
// the latest among equals; "" when no answer has a period.
func mostStatedPeriod(lists func(yield func([]Answer) bool)) string {
	count := map[string]int{}
	sample := map[string]Answer{}
	for as := range lists {
		seen := map[string]bool{}
		for _, a := range as {
			if a.Period == "" || seen[a.Period] {
				continue
			}
			seen[a.Period] = true
			count[a.Period]++
			sample[a.Period] = a
		}
	}
	best := ""
	for p, n := range count {
		switch {
		case best == "", n > count[best]:
			best = p
		case n == count[best] && (periodBefore(sample[best], sample[p]) || (!periodBefore(sample[p], sample[best]) && p > best)):
			best = p
		}
	}
	return best
}
