package answer

import (
	"regexp"
	"strings"
	"time"

	"github.com/reportbot/reportbot/corpus"
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
	// Province is set when only a province is named.
	Province string `json:"province,omitempty"`
	// Indicator is the canonical indicator (规上工业增加值).
	Indicator string `json:"indicator"`
	// Want is the kind of figure asked for; empty means any.
	Want corpus.Kind `json:"want,omitempty"`
	// Period is the time asked about; zero when none is named.
	Period corpus.Period `json:"period"`
	// Modality is "target" or "forecast" when the question asks for one.
	Modality string   `json:"modality,omitempty"`
	Units    []string `json:"units,omitempty"`
	// search is the normalized text used for retrieval.
	search string
}

// howManyRe matches "how many" with its counter or unit: 多少个, 几家, 多少亿元.
var howManyRe = regexp.MustCompile(`(有|是|为|共|一共)?(多少|几)(个百分点|万平方米|平方米|亿元|万元|亿|万|元|个|家|户|项|座|条|名|人|吨|亩|次|批)?`)

// selfWords name the report's own place without naming it.
var selfWords = []string{"我市", "全市", "本市", "我县", "全县", "我区", "全区"}

// scopeStrip are comparison words that are not part of an indicator.
var scopeStrip = []string{"比上年同期", "比去年同期", "较上年同期", "比上年", "较上年", "同比", "比全省", "比全国", "比全市", "高于全省", "高于全国", "全省", "全国", "比", "较"}

// ParseQuestion reads a question in simplified, traditional or full-width
// form. now resolves 今年 and 去年.
func ParseQuestion(text string, g *corpus.Gazetteer, now time.Time) Question {
	q := Question{Text: text}
	norm := corpus.NormalizeText(text)
	norm = strings.TrimRight(norm, "?!。.,;: ")
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
			default:
				city := g.Prefecture(p)
				q.Region = city.Name
				if city.Code != p.Code {
					q.Place = p.Name
					q.placeShort = m.Text
				}
			}
			q.placeText = m.Text
			rest = strings.Replace(rest, m.Text, " ", 1)
		}
		if q.Region != "" {
			q.Province = ""
		}
	}
	for _, w := range selfWords {
		rest = strings.ReplaceAll(rest, w, " ")
	}

	// Period.
	for _, pm := range corpus.FindPeriods(rest) {
		if pm.Comparator || pm.Date {
			continue
		}
		q.Period = pm.Period
		if strings.Contains(pm.Period.Raw, "今年") || strings.Contains(pm.Period.Raw, "去年") || strings.Contains(pm.Period.Raw, "上年") {
			q.Period = pm.Period.Resolve(now.Format("2006-01-02"))
		}
		rest = rest[:pm.Start] + " " + rest[pm.End:]
		break
	}

	// What is wanted.
	for _, r := range wantRules {
		for _, w := range r.words {
			if strings.Contains(rest, w) {
				if q.Want == "" {
					q.Want = r.kind
				}
			}
		}
	}
	for _, r := range wantRules {
		if !r.strip {
			continue
		}
		for _, w := range r.words {
			rest = strings.ReplaceAll(rest, w, " ")
		}
	}
	for w, m := range modalityWords {
		if strings.Contains(rest, w) {
			q.Modality = m
			if w == "目标" || w == "预计" || w == "预期" || w == "预测" {
				rest = strings.ReplaceAll(rest, w, " ")
			}
		}
	}
	for _, h := range unitHints {
		if strings.Contains(norm, h.word) {
			q.Units = append(q.Units, h.units...)
		}
	}
	for _, w := range scopeStrip {
		if len(w) > len("比") {
			rest = strings.ReplaceAll(rest, w, " ")
		}
	}
	rest = howManyRe.ReplaceAllString(rest, " ")
	for _, w := range questionWords {
		rest = strings.ReplaceAll(rest, w, " ")
	}
	// Amount words that are not part of the indicator's name.
	for _, w := range []string{"多少亿", "多少万", "面积"} {
		rest = strings.ReplaceAll(rest, w, " ")
	}
	rest = strings.TrimSpace(rest)
	rest = strings.TrimPrefix(rest, "比")
	rest = strings.TrimSuffix(rest, "比")
	q.search = strings.Join(strings.Fields(rest), " ")
	q.Indicator = canonical(rest)
	// A rate is a share: 开复工率, 完成率.
	if q.Want == "" && strings.HasSuffix(q.Indicator, "率") && !strings.HasSuffix(q.Indicator, "增长率") {
		q.Want = corpus.KindShare
	}
	return q
}

// asName is the second reading of a question whose place name may be part
// of an indicator's name: no region, the place kept in the indicator.
func (q Question) asName() (Question, bool) {
	if q.placeText == "" || q.Region == "" && q.Province == "" {
		return q, false
	}
	r := q
	r.Region, r.Place, r.placeShort, r.Province = "", "", "", ""
	r.nameHint = canonical(q.placeText)
	r.Indicator = canonical(q.placeText + q.search)
	r.search = q.placeText + q.search
	return r, r.nameHint != ""
}

// pickPlace chooses among the places a name may mean: within the province
// already named, if any; a prefecture first, then a county, then a
// province.
func pickPlace(g *corpus.Gazetteer, cands []corpus.Place, provinceCode string) (corpus.Place, bool) {
	for _, inProvince := range []bool{true, false} {
		if inProvince && provinceCode == "" {
			continue
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
