package answer

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/reportbot/reportbot/corpus"
	"github.com/reportbot/reportbot/lexicon"
)

// Question is what a question asks, once understood.
type Question struct {
	Text string `json:"text"`
	// Region is the prefecture-level region the answer must be about
	// (泰安市); empty when the question names none.
	Region string `json:"region,omitempty"`
	// Place is the county or district asked about (安岳县), whose figures
	// are found in its city's reports.
	Place      string `json:"place,omitempty"`
	placeShort string
	// placeText is the place as written in the question; nameHint is set
	// when a second reading takes it as part of the indicator's name
	// (贡嘎培优企业), which the figure's metric must then contain.
	placeText string
	nameHint  string
	// regionProvince is the province of a prefecture asked about: its
	// reports may state the prefecture's figures (分市看,郴州增长8.9%).
	regionProvince string
	// Province is set when only a province is named.
	Province string `json:"province,omitempty"`
	// Indicator is the canonical indicator (规上工业增加值).
	Indicator string `json:"indicator"`
	// Want is the kind of figure asked for; empty means any.
	Want corpus.Kind `json:"want,omitempty"`
	// Period is the time asked about; zero when none is named.
	Period corpus.Period `json:"period"`
	// Modality is "target" or "forecast" when the question asks for one.
	Modality string `json:"modality,omitempty"`
	// Scope is the whole a rank, share or difference is asked against
	// (全省 in 比全省高多少); empty when none is named.
	Scope string   `json:"scope,omitempty"`
	Units []string `json:"units,omitempty"`
	// search is the normalized text used for retrieval.
	search string
	// explain keeps the terms of every score, for Explain.
	explain bool
}

// ParseQuestion reads a question in simplified, traditional or full-width
// form. now resolves 今年 and 去年.
func ParseQuestion(text string, g *corpus.Gazetteer, now time.Time) Question {
	q := Question{Text: text}
	norm := normalizeQuestion(text)
	rest := norm

	// Region: the first place named.
	if g != nil {
		// A province may come first (山东泰安): it is kept, and the place
		// after it, read within it, is the region.
		provinceCode := ""
		for _, m := range g.Find(norm) {
			if q.Region != "" {
				break
			}
			p, ok := pickPlace(g, m.Candidates, provinceCode)
			if !ok {
				continue
			}
			switch p.Level {
			case corpus.LevelProvince:
				if q.Province != "" {
					continue
				}
				q.Province, provinceCode = p.Name, p.Code
			case corpus.LevelPrefecture:
				q.Region = p.Name
				if prov, ok := g.ByCode(p.ProvinceCode); ok {
					q.regionProvince = prov.Name
				}
			default:
				city := g.Prefecture(p)
				q.Region = city.Name
				if prov, ok := g.ByCode(p.ProvinceCode); ok && prov.Code != city.Code {
					q.regionProvince = prov.Name
				}
				if city.Code != p.Code {
					q.Place = p.Name
					q.placeShort = m.Text
				}
			}
			q.placeText = m.Text
			name := m.Text
			// 斗门镇: a town named like its county or district is read as
			// that place.
			for _, town := range []string{"镇", "乡", "街道"} {
				if strings.HasPrefix(norm[m.End:], town) {
					name += town
					break
				}
			}
			rest = strings.Replace(rest, name, " ", 1)
		}
		if q.Region != "" {
			q.Province = ""
		}
	}
	// 占全省比重: a share, of the scope's total.
	if m := lexicon.ShareOfScopePattern.FindStringSubmatchIndex(rest); m != nil {
		q.Want, q.Scope = corpus.KindShare, rest[m[2]:m[3]]
		rest = rest[:m[0]] + " " + rest[m[1]:]
	}
	for _, w := range lexicon.SelfWords {
		rest = strings.ReplaceAll(rest, w.Text, " ")
	}

	// Period: a year and a part of it may be written apart ("1-8月…
	// 2024"); they make one period.
	rest = rewritePeriods(rest, now)
	var periods []corpus.Period
	for _, pm := range corpus.FindPeriods(rest) {
		if pm.Comparator || pm.Date {
			continue
		}
		p := pm.Period
		if strings.Contains(p.Raw, "今年") || strings.Contains(p.Raw, "去年") || strings.Contains(p.Raw, "上年") {
			p = p.Resolve(now.Format("2006-01-02"))
		}
		periods = append(periods, p)
		rest = rest[:pm.Start] + strings.Repeat(" ", pm.End-pm.Start) + rest[pm.End:]
		if len(periods) == 2 {
			break
		}
	}
	q.Period = mergePeriods(periods)

	// What is wanted.
	for _, r := range lexicon.WantRules {
		for _, w := range r.Words {
			if strings.Contains(rest, w) && q.Want == "" && q.Scope == "" {
				q.Want = corpus.Kind(r.Kind)
			}
		}
	}
	for _, r := range lexicon.WantRules {
		if !r.Strip || q.Want == corpus.KindCount && r.Kind == lexicon.KindGrowth {
			// 实现增长的地州市有几个 counts the ones that grew: the growth
			// is part of what is counted.
			continue
		}
		for _, w := range r.Words {
			rest = strings.ReplaceAll(rest, w, " ")
		}
	}
	for _, w := range lexicon.QuestionModalities {
		if strings.Contains(rest, w.Text) {
			// A target word wins over a forecast word: 预期增长目标 asks
			// for the target.
			if q.Modality != string(lexicon.ModalityTarget) {
				q.Modality = string(w.Modality)
			}
			if w.Strip {
				rest = strings.ReplaceAll(rest, w.Text, " ")
			}
		}
	}
	for _, h := range lexicon.UnitHints {
		if strings.Contains(norm, h.Word) {
			q.Units = append(q.Units, h.Units...)
		}
	}
	for _, w := range lexicon.QuestionComparators {
		if strings.Contains(rest, w.Text) && q.Scope == "" {
			for _, sc := range lexicon.Scopes {
				if strings.Contains(w.Text, sc.Text) {
					q.Scope = sc.Text
				}
			}
		}
		rest = strings.ReplaceAll(rest, w.Text, " ")
	}
	rest = lexicon.HowManyPattern.ReplaceAllString(rest, " ")
	// 38个工业大类几个正增长: a stated count is the whole the question
	// picks from, not part of what it asks.
	rest = statedCount.ReplaceAllString(rest, " ")
	for _, w := range lexicon.QuestionWords {
		rest = strings.ReplaceAll(rest, w.Text, " ")
	}
	// How a figure is computed is not what it measures: 实质增长 is 增长.
	for _, w := range lexicon.MethodPhrases {
		rest = strings.ReplaceAll(rest, w.Text, " ")
	}
	// Amount words that are not part of the indicator's name.
	for _, w := range lexicon.AmountWords {
		rest = strings.ReplaceAll(rest, w.Text, " ")
	}
	rest = strings.TrimSpace(rest)
	rest = strings.TrimPrefix(rest, "比")
	// 首次进入百强时排第几: "when" is no part of what was ranked.
	rest = strings.TrimSuffix(strings.TrimSpace(rest), "时")
	rest = strings.TrimSuffix(rest, "比")
	q.search = strings.Join(strings.Fields(rest), " ")
	q.Indicator = canonical(rest)
	// A rate is a share: 开复工率, 完成率.
	if q.Want == "" && strings.HasSuffix(q.Indicator, "率") && !strings.HasSuffix(q.Indicator, "增长率") {
		q.Want = corpus.KindShare
	}
	return q
}

// periodForms are lexicon.QuestionPeriodForms, compiled.
var periodForms = func() []*regexp.Regexp {
	var out []*regexp.Regexp
	for _, f := range lexicon.QuestionPeriodForms {
		out = append(out, regexp.MustCompile(f.Pattern))
	}
	return out
}()

var twoDigitYear = regexp.MustCompile(lexicon.TwoDigitYear.Pattern)

// statedCount is a number with a counter in a question (38个).
var statedCount = regexp.MustCompile(`[0-9]+(个|家|户|项|名)`)

// rewritePeriods puts the periods of a question in the form reports use.
func rewritePeriods(s string, now time.Time) string {
	s = twoDigitYear.ReplaceAllStringFunc(s, func(m string) string {
		g := twoDigitYear.FindStringSubmatch(m)
		yy := int(g[2][0]-'0')*10 + int(g[2][1]-'0')
		return fmt.Sprintf("%s%d年%s", g[1], lexicon.YearOfTwoDigits(yy, now.Year()), g[3])
	})
	for i, re := range periodForms {
		s = re.ReplaceAllString(s, lexicon.QuestionPeriodForms[i].Rewrite)
	}
	return s
}

// mergePeriods makes one period of a year and a part of a year named
// apart; otherwise the first period named wins.
func mergePeriods(ps []corpus.Period) corpus.Period {
	switch len(ps) {
	case 0:
		return corpus.Period{}
	case 1:
		return ps[0]
	}
	a, b := ps[0], ps[1]
	if a.Year != 0 && b.Year != 0 || a.Year == 0 && b.Year == 0 {
		return a
	}
	year, part := a, b
	if a.Year == 0 {
		year, part = b, a
	}
	if !(year.StartMonth <= 1 && (year.EndMonth == 12 || year.EndMonth == 0)) {
		return a // the year named already has its part
	}
	merged := part
	merged.Year = year.Year
	if p, ok := corpus.ParsePeriod(fmt.Sprintf("%d年%s", year.Year, part.Text)); ok {
		p.Raw = year.Raw + part.Raw
		return p
	}
	merged.Text = fmt.Sprintf("%d年%s", year.Year, part.Text)
	return merged
}

// normalizeQuestion puts a question in normalized script without its
// closing punctuation. Spaces part a question's pieces ("…占比 2016年1-5月"),
// which normalizing would join: they become commas first.
func normalizeQuestion(text string) string {
	norm := corpus.NormalizeText(strings.Join(strings.Fields(text), ","))
	return strings.TrimRight(norm, "?!。.,;: ")
}

// asName is the second reading of a question whose place name may be part
// of an indicator's name: no region, the place kept in the indicator.
func (q Question) asName() (Question, bool) {
	if q.placeText == "" || q.Region == "" && q.Province == "" {
		return q, false
	}
	r := q
	r.Region, r.Place, r.placeShort, r.Province, r.regionProvince = "", "", "", "", ""
	r.nameHint = canonical(q.placeText)
	r.Indicator = canonical(q.placeText + q.search)
	r.search = q.placeText + q.search
	return r, r.nameHint != ""
}

// pickPlace chooses among the places a name may mean: within the province
// already named, if any (a name outside it is then no place); a
// prefecture first, then a county, then a province.
func pickPlace(g *corpus.Gazetteer, cands []corpus.Place, provinceCode string) (corpus.Place, bool) {
	for _, inProvince := range []bool{true, false} {
		if inProvince && provinceCode == "" {
			continue
		}
		if !inProvince && provinceCode != "" {
			// After 澳门, 惠民 is a word (惠民措施), not a county of 山东.
			break
		}
		for _, lvl := range []corpus.Level{corpus.LevelPrefecture, corpus.LevelCounty, corpus.LevelProvince} {
			for _, p := range cands {
				if p.Level == lvl && (!inProvince || p.ProvinceCode == provinceCode) {
					return p, true
				}
			}
		}
	}
	return corpus.Place{}, false
}
