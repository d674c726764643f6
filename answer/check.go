package answer

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/reportbot/reportbot/corpus"
	"github.com/reportbot/reportbot/corpus/figures"
	"github.com/reportbot/reportbot/corpus/text"
	"github.com/reportbot/reportbot/lexicon"
)

// Checking a draft reverses asking: the text states figures, and each is
// read as a report sentence is (indicator carried across clauses, kind,
// period, region, modality, comparator), looked up as the question its
// meaning asks, and marked confirmed, contradicted or unverified.
//
// A contradiction is as serious as a wrong answer, so it needs more than
// a confident answer with another number: the report's figure must have
// the claimed figure's very meaning — the same kind, indicator, region,
// period length and modality, stated exactly. Anything less is
// unverified, with what was looked for.

// Verdict is the outcome of checking one claimed figure.
type Verdict string

const (
	// Confirmed: a report states the same number (after unit
	// normalization, or within a rounding the claim states).
	Confirmed Verdict = "confirmed"
	// Contradicted: a report states the same indicator for the same
	// region and period with another number.
	Contradicted Verdict = "contradicted"
	// Unverified: no report states it with confidence.
	Unverified Verdict = "unverified"
)

// CheckOptions say what a claim leaves unsaid.
type CheckOptions struct {
	// Region is the region of figures whose claim names none (泰安).
	Region string
	// Date (YYYY-MM or YYYY-MM-DD) is when the claim is made: it gives
	// 今年 and a year-less 1-5月 their year. Empty leaves them open.
	Date string
	// N is how many confident answers are looked at per figure; 0 means 5.
	N int
}

// ClaimedFigure is one figure of a claim, as read.
type ClaimedFigure struct {
	Value  string  `json:"value"`
	Number float64 `json:"number"`
	Unit   string  `json:"unit"`
	// Text is the figure as written in the claim; Span is its byte range
	// in the claim.
	Text       string    `json:"text"`
	Span       text.Span `json:"span"`
	Kind       string    `json:"kind"`
	Metric     string    `json:"metric"`
	Region     string    `json:"region,omitempty"`
	Period     string    `json:"period,omitempty"`
	Modality   string    `json:"modality,omitempty"`
	Qualifier  string    `json:"qualifier,omitempty"`
	Comparator string    `json:"comparator,omitempty"`
	Scope      string    `json:"scope,omitempty"`
	// Era is the span of years the figure is stated over, when the claim
	// names one instead of a period (“十四五”时期, 过去五年).
	Era string `json:"era,omitempty"`

	period corpus.Period
	era    era
}

// CheckedFigure is a claimed figure with its verdict.
type CheckedFigure struct {
	Claimed ClaimedFigure `json:"claimed"`
	Verdict Verdict       `json:"verdict"`
	// Answer is the report figure the verdict rests on (as "ask -json"
	// gives it); nil for an unverified figure.
	Answer *Answer `json:"answer"`
	// Why says in a sentence how the verdict was reached.
	Why string `json:"why"`
	// LookedFor is the figure's meaning as it was looked up.
	LookedFor string `json:"looked_for"`
	// Closest is, for an unverified figure, the best report figure found
	// that did not have the same meaning, for the reader to judge.
	Closest *Answer `json:"closest,omitempty"`
}

// CheckResult is the check of one text.
type CheckResult struct {
	Claim   string          `json:"claim"`
	Figures []CheckedFigure `json:"figures"`
}

// Contradicted reports whether a report contradicts any figure.
func (r CheckResult) Contradicted() bool {
	for _, f := range r.Figures {
		if f.Verdict == Contradicted {
			return true
		}
	}
	return false
}

// Count returns how many figures got verdict v.
func (r CheckResult) Count(v Verdict) int {
	n := 0
	for _, f := range r.Figures {
		if f.Verdict == v {
			n++
		}
	}
	return n
}

// StatesFigures reports a message that states figures rather than asks
// for them: it has a figure and no question word (多少, 几, 吗, ?). Front
// ends check such a message instead of answering it.
func StatesFigures(msg string) bool {
	norm := corpus.NormalizeText(msg)
	for _, w := range lexicon.QuestionMarkers {
		if strings.Contains(norm, w.Text) {
			return false
		}
	}
	return len(ReadClaim(msg, corpus.DefaultGazetteer(), CheckOptions{})) > 0
}

// ReadClaim reads the figures a text states, with the machinery that
// reads report sentences. A figure's region is the place named before it
// in its sentence, else the last place named in an earlier sentence, else
// opt.Region; its period is the one the text states, resolved by
// opt.Date.
func ReadClaim(claim string, g *corpus.Gazetteer, opt CheckOptions) []ClaimedFigure {
	if g == nil {
		g = corpus.DefaultGazetteer()
	}
	defaultPlace, _ := placeOf(g, opt.Region)
	// The extractor reads places within its region (a county of the
	// city) as the figures' own: it is given the first place the claim
	// names.
	first := defaultPlace
	for _, l := range text.SplitLines(claim) {
		n := text.NormalizeSpan(claim[l.Start:l.End], l.Start)
		if p, ok := firstPlace(g, g.Find(n.Text)); ok {
			first = p
			break
		}
	}
	region := corpus.Region{Name: first.Name, Code: first.Code}
	if prov, ok := g.ByCode(first.ProvinceCode); ok && first.Code != "" {
		region.Province = prov.Name
	}
	ex := figures.NewExtractor(region, opt.Date, g, corpus.Period{})

	var out []ClaimedFigure
	carried := defaultPlace
	for _, l := range text.SplitLines(claim) {
		n := text.NormalizeSpan(claim[l.Start:l.End], l.Start)
		for _, r := range text.SplitSentences(n.Text) {
			s := n.Text[r.Start:r.End]
			places := g.Find(s)
			figs := ex.Extract(&n, r.Start, r.End)
			prevPos := 0
			prevMetric := ""
			for _, f := range figs {
				if f.Kind == corpus.KindOther {
					continue
				}
				if withoutMeasureWords(f.Metric) == "" && f.Metric != "" && prevMetric != "" {
					// 增长29.4%,两年平均增长10.2%: a measure alone is of
					// the indicator before it.
					f.Metric = prevMetric + f.Metric
				}
				if withoutMeasureWords(f.Metric) != "" {
					prevMetric = f.Metric
				}
				cf := claimedFigure(claim, f)
				// Where the figure sits in the sentence, to find the place
				// named before it.
				pos := len(s)
				if at := strings.Index(s[prevPos:], corpus.NormalizeText(cf.Text)); at >= 0 {
					pos = prevPos + at
				}
				place := carried
				var listed []string
				placeEnd := 0
				if p, l, e, ok := lastPlaceBefore(g, s, places, pos); ok {
					place, listed, placeEnd = p, l, e
				}
				// 全省地区生产总值增长8.7% after figures of its cities: the
				// whole named by its scope word since the last place is
				// the subject.
				wholeNamed := false
				if whole, ok := wholeOf(g, place, s[placeEnd:pos]); ok {
					place, listed, wholeNamed = whole, nil, true
				}
				prevPos = min(len(s), pos+len(corpus.NormalizeText(cf.Text)))
				if e, ok := findEra(s[:pos], opt.Date); ok {
					cf.era, cf.Era = e, e.text
				}
				cf.Region = place.Name
				if !wholeNamed && f.Region != "" && (f.Region != region.Name || len(listed) > 1 && slices.Contains(listed, f.Region)) {
					// A place the extractor gave the figure: a county
					// of the city, another city named as the subject, or
					// one of a list (遵义、安顺…分别增长…).
					cf.Region = f.Region
				}
				out = append(out, cf)
			}
			if p, _, _, ok := lastPlaceBefore(g, s, places, len(s)); ok {
				carried = p
			}
		}
		ex.EndParagraph()
	}
	return out
}

func claimedFigure(claim string, f corpus.Figure) ClaimedFigure {
	cf := ClaimedFigure{
		Value: f.Value, Number: f.Number, Unit: f.Unit, Span: f.Span,
		Kind: string(f.Kind), Metric: f.Metric, Period: f.Period.Text,
		Modality: f.Modality, Qualifier: f.Qualifier, Comparator: f.Comparator,
		Scope: figureScope(f), period: f.Period,
	}
	if f.Span.Start >= 0 && f.Span.End <= len(claim) && f.Span.Start < f.Span.End {
		cf.Text = claim[f.Span.Start:f.Span.End]
	}
	return cf
}

// placeOf resolves a region the user names (泰安, 泰安市, 安岳).
func placeOf(g *corpus.Gazetteer, name string) (corpus.Place, bool) {
	name = strings.TrimSpace(name)
	if name == "" {
		return corpus.Place{}, false
	}
	if p, ok := pickPlace(g, g.Lookup(name), ""); ok {
		return p, true
	}
	return firstPlace(g, g.Find(corpus.NormalizeText(name)))
}

func firstPlace(g *corpus.Gazetteer, ms []corpus.PlaceMention) (corpus.Place, bool) {
	for _, m := range ms {
		if p, ok := pickPlace(g, m.Candidates, ""); ok {
			return p, true
		}
	}
	return corpus.Place{}, false
}

// lastPlaceBefore is the place the text before byte pos is about: the
// last place it names as a subject, narrowed by a place within it named
// right after it (山东泰安, 江苏常熟市). A place named as what is compared
// against or ranked within (高于济南, 居江西全省第1位) is no subject. list
// holds the names of the places listed with it (遵义、安顺…分别), whose
// figures the extractor has distributed.
func lastPlaceBefore(g *corpus.Gazetteer, s string, ms []corpus.PlaceMention, pos int) (best corpus.Place, list []string, end int, found bool) {
	end = -1
	for _, m := range ms {
		if m.End > pos {
			break
		}
		if found && m.Start == end && best.Level == corpus.LevelProvince {
			if p, ok := pickPlace(g, m.Candidates, best.Code); ok {
				best, end = p, m.End
				list[len(list)-1] = p.Name
				continue
			}
		}
		if corpus.ObjectPlace(s, m) {
			continue
		}
		p, ok := pickPlace(g, m.Candidates, "")
		if !ok {
			continue
		}
		if !found || !joinedList(s[end:m.Start]) {
			list = nil
		}
		best, found, end = p, true, m.End
		list = append(list, p.Name)
	}
	return best, list, end, found
}

// joinedList tells the text between two places that lists them.
func joinedList(between string) bool {
	t := strings.TrimSpace(between)
	return t == "," || lexicon.IsListJoiner(t)
}

// wholeOf reads a scope word that makes the whole above a place the
// subject of a clause (全省 after its cities' figures is the province);
// a scope named as what is compared with or ranked within (高于全省,
// 居全省第2位) is not.
func wholeOf(g *corpus.Gazetteer, place corpus.Place, clause string) (corpus.Place, bool) {
	if place.Code == "" {
		return corpus.Place{}, false
	}
	for _, w := range lexicon.WholeScopes {
		subject := false
		for rest, off := clause, 0; ; {
			i := strings.Index(rest, w.Text)
			if i < 0 {
				break
			}
			before := strings.TrimRight(clause[:off+i], " ")
			if ms := g.Find(before); len(ms) > 0 && ms[len(ms)-1].End == len(before) {
				// 居江西全省第1位: the place before the scope word is
				// part of the object.
				before = before[:ms[len(ms)-1].Start]
			}
			if !objectBefore(before) {
				subject = true
				break
			}
			off += i + len(w.Text)
			rest = clause[off:]
		}
		if !subject {
			continue
		}
		var whole corpus.Place
		switch w.Tier {
		case lexicon.TierProvince:
			whole = g.Province(place)
		case lexicon.TierPrefecture:
			whole = g.Prefecture(place)
		}
		if whole.Code != "" && whole.Code != place.Code {
			return whole, true
		}
	}
	return corpus.Place{}, false
}

// objectBefore tells text that ends in a word making what follows an
// object (高于, 居).
func objectBefore(before string) bool {
	before = strings.TrimRight(before, " ")
	for _, m := range lexicon.PlaceObjectMarkers {
		if strings.HasSuffix(before, m.Text) {
			return true
		}
	}
	return false
}

// Check checks every figure a text states against the reports.
func (e *Engine) Check(claim string, opt CheckOptions) (CheckResult, error) {
	res := CheckResult{Claim: claim, Figures: []CheckedFigure{}}
	n := opt.N
	if n <= 0 {
		n = 5
	}
	for _, cf := range ReadClaim(claim, e.Gazetteer, opt) {
		checked, err := e.checkFigure(cf, n)
		if err != nil {
			return res, fmt.Errorf("check %q: %w", cf.Text, err)
		}
		res.Figures = append(res.Figures, checked)
	}
	return res, nil
}

// claimQuestion is the question a claimed figure's meaning asks.
func (e *Engine) claimQuestion(cf ClaimedFigure) (Question, string) {
	now := time.Now
	if e.Now != nil {
		now = e.Now
	}
	text := cf.Region + cf.period.Text + cf.Metric + kindNames[cf.Kind]
	// The metric goes through the question normalizer, which drops what
	// names no indicator (a comparator's 比, 排名); what is left must
	// still name something.
	// Where the metric does not say its kind, the kind's question word
	// does, and keeps what the kind needs (a count of those that grew
	// keeps 增长).
	// A comma keeps the region's name apart from the metric (苏州市,民营…
	// is not 苏州 and 市民).
	metric := withoutFrame(cf.Metric)
	q := ParseQuestion(cf.Region+","+metric, e.Gazetteer, now())
	if q.Want != corpus.Kind(cf.Kind) {
		q = ParseQuestion(cf.Region+","+metric+claimKindWords[cf.Kind], e.Gazetteer, now())
	}
	if strings.HasSuffix(cf.Metric, "占比") && strings.HasSuffix(q.Indicator, "占") {
		// The change of a share (占比提高4个百分点): 占比 is the indicator's
		// head, not a comparison's 比.
		q.Indicator += "比"
		q.search += "比"
	}
	q.Text = text
	if q.Indicator == "" {
		q.Indicator = canonical(cf.Metric)
		q.search = cf.Metric
	}
	q.Want = corpus.Kind(cf.Kind)
	q.Period = cf.period
	q.Modality = cf.Modality
	// The whole of a share (占全区的比重) is checked on the answer, not
	// asked of the ranking, which takes a share that names no whole for
	// another number; reports often name it in words the extractor
	// leaves in the sentence.
	shareScope := q.Scope
	q.Scope = ""
	switch corpus.Kind(cf.Kind) {
	case corpus.KindRank, corpus.KindDiff:
		q.Scope = cf.Scope
	case corpus.KindShare:
		if shareScope == "" {
			shareScope = cf.Scope
		}
	}
	if corpus.Kind(cf.Kind) != corpus.KindShare {
		shareScope = ""
	}
	q.Units = nil
	return q, shareScope
}

// withoutFrame takes a claimed metric out of its frame (在全国百强县排名中
// → 全国百强县排名).
func withoutFrame(metric string) string {
	for _, f := range lexicon.ClaimFrames {
		if strings.HasPrefix(metric, f.Open) && strings.HasSuffix(metric, f.Close) && len(metric) > len(f.Open)+len(f.Close) {
			return metric[len(f.Open) : len(metric)-len(f.Close)]
		}
	}
	return metric
}

// metricCore is a claimed metric as its name alone: without its frame,
// the scope it is ranked or compared in, and the words that ask for its
// kind (全国百强县排名 → 百强县). The question reader may take more away
// (百强); both readings are compared with a report's metric.
func metricCore(metric, kind string) string {
	m := withoutFrame(metric)
	for _, s := range lexicon.Scopes {
		m = strings.ReplaceAll(m, s.Text, "")
	}
	for _, r := range lexicon.WantRules {
		if string(r.Kind) == kind && r.Strip {
			for _, w := range r.Words {
				m = strings.ReplaceAll(m, w, "")
			}
		}
	}
	return canonical(m)
}

// claimMetricMatches applies a metric test to both readings of a claimed
// indicator: the question reader's and metricCore.
func claimMetricMatches(test func(claimed, claimMetric string, a Answer) bool, q Question, cf ClaimedFigure, a Answer) bool {
	if test(q.Indicator, cf.Metric, a) {
		return true
	}
	core := metricCore(cf.Metric, cf.Kind)
	return core != q.Indicator && core != "" && test(core, cf.Metric, a)
}

// claimKindWords ask for a kind of figure, as a question would.
var claimKindWords = map[string]string{
	"growth": "增速", "share": "占比", "rank": "排名", "diff": "高多少",
	"change": "增加多少", "count": "多少个", "amount": "多少",
}

func (e *Engine) checkFigure(cf ClaimedFigure, n int) (CheckedFigure, error) {
	out := CheckedFigure{Claimed: cf, Verdict: Unverified, LookedFor: lookedFor(cf)}
	if cf.Metric == "" {
		out.Why = "读不出这个数字说的是什么指标"
		return out, nil
	}
	q, shareScope := e.claimQuestion(cf)
	res, err := e.answer(q.Text, q, n)
	if err != nil {
		return out, err
	}
	if len(res.Answers) == 0 {
		if res, err = e.shorterReading(q, cf.Metric, n, res); err != nil {
			return out, err
		}
	}
	// A report that states the claimed number confirms it.
	for i := range res.Answers {
		a := res.Answers[i]
		if a.Kind != cf.Kind || !sameModality(cf.Modality, a.Modality) || !e.sameRegion(cf, a) ||
			!claimMetricMatches(statesIndicator, q, cf, a) {
			continue
		}
		if ok, how := valueMatches(cf, a); ok {
			out.Verdict, out.Answer = Confirmed, &a
			out.Why = "报告相同"
			if how != "" {
				out.Why = strings.TrimPrefix(how, ",")
			}
			if cf.period.IsZero() && cf.era.text == "" && a.Period != "" {
				out.Why += "(报告所说时期: " + a.Period + ")"
			}
			return out, nil
		}
	}
	// One that states another number for the very same meaning
	// contradicts it; anything less leaves it unverified.
	for i := range res.Answers {
		a := res.Answers[i]
		if why, same := e.sameMeaning(cf, q, shareScope, a); !same {
			if out.Closest == nil {
				out.Closest = &a
				out.Why = fmt.Sprintf("报告有相近的数字(%s),但%s,不能判定", a.Headline(), why)
			}
			continue
		}
		if outsideRounding(cf, a) {
			out.Verdict, out.Answer, out.Closest = Contradicted, &a, nil
			out.Why = "报告为" + a.ValueText()
			return out, nil
		}
		out.Closest = &a
		out.Why = fmt.Sprintf("报告为%s,与所说的约数相差不大,不能判定", a.ValueText())
		return out, nil
	}
	if out.Why == "" {
		out.Why = "报告里没有足够确定的这项数字"
		if res.Note != "" && !strings.HasPrefix(res.Note, "没有关于") {
			out.Why = res.Note
		}
		if strings.HasPrefix(res.Note, "没有关于") && !e.hasRegion(cf.Region) {
			out.Why = res.Note
		}
	}
	return out, nil
}

// shorterReading asks again, when a claim's indicator found nothing,
// with one two-character word of it left out: a claim words an
// indicator in its own way (拟签约招商项目 for the report's 拟签约项目,
// 两会确定生产总值 for 生产总值). Only answers whose indicator is still the
// claimed one (sameMetric) are kept; without any, res is returned.
func (e *Engine) shorterReading(q Question, claimMetric string, n int, res Result) (Result, error) {
	rs := []rune(q.Indicator)
	if len(rs) < minShortenedRunes+2 {
		return res, nil
	}
	// One word left out anywhere, then words the claim puts before the
	// indicator (两会确定生产总值).
	var alts []string
	for i := 0; i+2 <= len(rs); i++ {
		alts = append(alts, string(rs[:i])+string(rs[i+2:]))
	}
	for i := 3; len(rs)-i >= minShortenedRunes; i++ {
		alts = append(alts, string(rs[i:]))
	}
	seen := map[string]bool{}
	for _, alt := range alts {
		if seen[alt] {
			continue
		}
		seen[alt] = true
		q2 := q
		q2.Indicator, q2.search = alt, alt
		r2, err := e.answer(q.Text, q2, n)
		if err != nil {
			return res, err
		}
		var kept []Answer
		for _, a := range r2.Answers {
			if sameMetric(q.Indicator, claimMetric, a) {
				kept = append(kept, a)
			}
		}
		if len(kept) > 0 {
			r2.Answers = kept
			return r2, nil
		}
	}
	return res, nil
}

// minShortenedRunes is the shortest indicator a shorter reading asks
// for: shorter ones (投资, 产值) name too much.
const minShortenedRunes = 3

// hasRegion reports whether any indexed report is about region (true
// when the index cannot tell).
func (e *Engine) hasRegion(region string) bool {
	regions := e.Regions()
	if len(regions) == 0 {
		return true
	}
	for _, r := range regions {
		if r == region {
			return true
		}
	}
	return false
}

// lookedFor names a claimed figure's meaning: 泰安市 · 2023年1-5月 · 工业投资 增速.
func lookedFor(cf ClaimedFigure) string {
	var parts []string
	if cf.Region != "" {
		parts = append(parts, cf.Region)
	} else {
		parts = append(parts, "(未指明地区)")
	}
	switch {
	case cf.Era != "":
		parts = append(parts, cf.Era)
	case cf.Period != "":
		parts = append(parts, cf.Period)
	default:
		parts = append(parts, "(未指明时期)")
	}
	what := cf.Metric
	if k := kindNames[cf.Kind]; k != "" && !strings.HasSuffix(what, k) {
		what = strings.TrimSpace(what + " " + k)
	}
	if cf.Scope != "" {
		what += "(" + cf.Scope + ")"
	}
	parts = append(parts, what)
	switch cf.Modality {
	case "target":
		parts = append(parts, "目标")
	case "forecast":
		parts = append(parts, "预计")
	}
	return strings.Join(parts, " · ")
}

// sameRegion reports a report figure of the claimed figure's region; a
// claim that names none is about any. A county's or town's page may be
// filed under its city: the city's figure is the county's when the
// report's title or the figure's sentence names the county.
func (e *Engine) sameRegion(cf ClaimedFigure, a Answer) bool {
	if cf.Region == "" || a.Region == cf.Region {
		return true
	}
	for _, p := range e.Gazetteer.Lookup(cf.Region) {
		if p.Level != corpus.LevelCounty || e.Gazetteer.Prefecture(p).Name != a.Region {
			continue
		}
		short := p.Short
		if short == "" {
			short = p.Name
		}
		if strings.Contains(corpus.NormalizeText(a.Title), short) || strings.Contains(a.Sentence, short) {
			return true
		}
	}
	return false
}

// sameMeaning reports whether a report figure states exactly what the
// claimed figure states, so that another number contradicts it; when not,
// why says what differs.
func (e *Engine) sameMeaning(cf ClaimedFigure, q Question, shareScope string, a Answer) (why string, same bool) {
	switch {
	case cf.Region == "":
		return "说法没有指明地区", false
	case !e.sameRegion(cf, a):
		return "报告说的是" + a.Region, false
	case a.Kind != cf.Kind:
		return "报告的是" + kindWord(a.Kind), false
	case !sameModality(cf.Modality, a.Modality):
		return modalityWord(a.Modality) + "与" + modalityWord(cf.Modality) + "不同", false
	case !claimMetricMatches(sameMetric, q, cf, a):
		return "报告的指标是" + a.Metric, false
	case (a.Kind == string(corpus.KindRank) || a.Kind == string(corpus.KindDiff)) && q.Scope != figureScopeOf(a):
		return "比较范围不同", false
	case shareScope != "" && figureScopeOf(a) != shareScope && !(figureScopeOf(a) == "" && strings.Contains(a.Sentence, "占"+shareScope)):
		return "占比的总体不同", false
	case !e.samePeriod(cf, a):
		return "时期不同", false
	case !sameComparator(cf.Comparator, a.Comparator):
		return "比较基期不同", false
	case !comparableUnits(cf.Unit, a.Unit):
		return "单位不同", false
	}
	if r, ok := lexicon.RoundingOf(a.Qualifier); ok && r != "" {
		return "报告只给了约数", false
	}
	return "", true
}

// figureScopeOf is the scope a report figure is measured against.
func figureScopeOf(a Answer) string {
	return figureScope(corpus.Figure{Scope: a.Scope, Comparator: a.Comparator})
}

// sameModality: a target is never an achievement, while a forecast (预计)
// is the expected achievement, stated before the final count.
func sameModality(claimed, reported string) bool {
	if claimed == "forecast" {
		claimed = ""
	}
	if reported == "forecast" {
		reported = ""
	}
	return claimed == reported
}

func kindWord(k string) string {
	if w := kindNames[k]; w != "" {
		return w
	}
	return map[string]string{"amount": "总量", "count": "数量"}[k]
}

func modalityWord(m string) string {
	switch m {
	case "target":
		return "目标"
	case "forecast":
		return "预计"
	}
	return "实绩"
}

// sameMetric reports a report's indicator that is the claimed one: the
// same canonical name, or one name within the other with nothing that
// narrows it to a part (工业投资 is not 投资) or fills its frame with
// another word.
//
// The report's words just before its figure may name the figure's
// measure better than a metric carried from an earlier clause
// (新入库“四上”单位1943家、净增556家). The claim's measure words are read
// in its metric as written (claimMetric), before the question reader
// takes 净增 for the kind asked.
func sameMetric(claimed, claimMetric string, a Answer) bool {
	c, r := canonical(claimed), canonical(a.Metric)
	before := sentenceBefore(a)
	if !sameMeasure(canonical(claimMetric), r, figureClause(before)) {
		return false
	}
	// The measures agree: the names are compared without them; a
	// measure alone (两年平均) names no indicator.
	c, r = withoutMeasureWords(c), withoutMeasureWords(r)
	if utf8.RuneCountInString(c) < 2 || r == "" {
		return false // one character (区) is a reading's debris, no indicator
	}
	if c == r {
		return true
	}
	if narrows(c, r) && strings.HasSuffix(c, r) && strings.Contains(canonical(before), strings.TrimSuffix(c, r)) {
		// The report's metric lost the words that narrow it, which its
		// sentence states before the figure (畜牧业总产值…占农林牧渔业总产值).
		return true
	}
	if narrows(r, c) || narrows(c, r) || siblingIndicator(c, r) {
		return false
	}
	if strings.Contains(r, c) || strings.Contains(c, r) {
		return true
	}
	// A claim may add or drop a word the report does not write (外出开展
	// 招商考察 for 外出招商考察, 规上工业企业增加值 for 规上工业增加值): one
	// name within the other but for a word of at most two characters
	// that narrows nothing.
	return insertedWord(c, r) || insertedWord(r, c)
}

// minConfirmCoverage is the share of a claimed indicator's bigrams a
// report's sentence must state, up to its figure, for the same number
// to confirm the claim.
const minConfirmCoverage = 0.8

// statesIndicator reports a report figure whose sentence states the
// claimed indicator, loosely enough for the same number to confirm it:
// the same indicator (sameMetric), or most of the claim's words around
// the figure, with nothing that makes it a part or another measure. An
// indicator of a single bigram (区, 还拥: words the reader took for one)
// confirms nothing but by sameMetric.
func statesIndicator(claimed, claimMetric string, a Answer) bool {
	if sameMetric(claimed, claimMetric, a) {
		return true
	}
	c, r := canonical(claimed), canonical(a.Metric)
	before := sentenceBefore(a)
	if !sameMeasure(canonical(claimMetric), r, figureClause(before)) || narrows(r, c) {
		return false
	}
	cb := bigrams(c)
	if len(cb) < 2 {
		return false
	}
	around := bigrams(r + canonical(before))
	n := 0
	for g := range cb {
		if _, ok := around[g]; ok {
			n++
		}
	}
	return float64(n) >= minConfirmCoverage*float64(len(cb))
}

// sameMeasure reports indicators that do not differ by a word that
// makes another measure (lexicon.MeasureWords: 新增就业人数 is not
// 就业人数). The report figure's measure words are those of its own
// clause when it has any, else those of its metric.
func sameMeasure(claimed, reported, clause string) bool {
	own := map[string]bool{}
	if !strings.Contains(clause, "分别") {
		// In a 分别 list the clause names every subject, not this one's.
		own = measureWords(canonical(clause))
	}
	if len(own) == 0 {
		own = measureWords(reported)
	}
	want := measureWords(claimed)
	if len(own) != len(want) {
		return false
	}
	for w := range want {
		if !own[w] {
			return false
		}
	}
	return true
}

func withoutMeasureWords(s string) string {
	for _, w := range lexicon.MeasureWords {
		s = strings.ReplaceAll(s, w.Text, "")
	}
	return s
}

func measureWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range lexicon.MeasureWords {
		if strings.Contains(s, w.Text) {
			out[w.Text] = true
		}
	}
	return out
}

// sentenceBefore is a report figure's sentence up to the figure; ""
// when the figure is not found in it.
func sentenceBefore(a Answer) string {
	fig := corpus.NormalizeText(a.Figure)
	if fig == "" {
		return ""
	}
	i := strings.Index(a.Sentence, fig)
	if i < 0 {
		return ""
	}
	return a.Sentence[:i]
}

// figureClause is the last clause of before: from the last mark that
// parts clauses.
func figureClause(before string) string {
	if j := strings.LastIndexAny(before, ",;:、(。"); j >= 0 {
		return before[j+1:]
	}
	return before
}

// maxInsertedRunes bounds the word a claim may add to a report's
// indicator, or drop from it, and still name it.
const maxInsertedRunes = 2

// insertedWord reports whether long is short with one word of at most
// maxInsertedRunes inserted, not at its start (that would narrow it:
// 工业投资) and not a sector or a derived measure (人均).
func insertedWord(long, short string) bool {
	l, s := []rune(long), []rune(short)
	if len(l) <= len(s) || len(l)-len(s) > maxInsertedRunes || len(s) < 2 {
		return false
	}
	p := 0
	for p < len(s) && l[p] == s[p] {
		p++
	}
	if p == 0 || string(l[p+len(l)-len(s):]) != string(s[p:]) {
		return false
	}
	word := string(l[p : p+len(l)-len(s)])
	if sectorQualified(word) {
		return false
	}
	for _, d := range lexicon.Derived {
		if strings.Contains(word, d.Text) || strings.Contains(d.Text, word) {
			return false
		}
	}
	return true
}

// samePeriod reports a report figure of the claimed period, or of the
// claimed span of years (“十四五”时期, 过去五年), which the report may name
// in its figure's sentence or earlier in its paragraph.
func (e *Engine) samePeriod(cf ClaimedFigure, a Answer) bool {
	re, _ := e.reportEra(a)
	if cf.era.text == "" && re.text == "" {
		return samePeriodLength(cf, a)
	}
	return sameEra(cf.era, re)
}

// era is a span of years named by a text (lexicon.Eras); from and to
// are zero when it is counted back from a date that is not known.
type era struct {
	text     string
	years    int
	from, to int
}

// findEra finds the last span of years named in s, resolved by date
// (YYYY-MM…): 过去五年 in a text of early 2026 is 2021–2025.
func findEra(s, date string) (era, bool) {
	best, at := era{}, -1
	for _, w := range lexicon.Eras {
		i := strings.LastIndex(s, w.Text)
		if i < 0 || i < at {
			continue
		}
		at = i
		best = era{text: w.Text, years: w.Years, from: w.From, to: w.To}
		if w.Years > 0 {
			best.years = w.Years
			best.from, best.to = 0, 0
			if y, m, ok := yearMonth(date); ok {
				end := y
				if m <= reviewMonths {
					end = y - 1 // a report early in a year reviews the years before
				}
				best.from, best.to = end-w.Years+1, end
			}
		} else {
			best.years = w.To - w.From + 1
		}
	}
	return best, at >= 0
}

func yearMonth(date string) (y, m int, ok bool) {
	if len(date) < 7 {
		return 0, 0, false
	}
	for _, c := range date[:4] {
		if c < '0' || c > '9' {
			return 0, 0, false
		}
		y = y*10 + int(c-'0')
	}
	for _, c := range date[5:7] {
		if c < '0' || c > '9' {
			return 0, 0, false
		}
		m = m*10 + int(c-'0')
	}
	return y, m, m >= 1 && m <= 12
}

// reportEra is the span of years a report figure is stated over, named
// before it in its sentence or earlier in its paragraph, with no period
// stated between (过去五年,…。2011年,…: the figure is of 2011).
func (e *Engine) reportEra(a Answer) (era, bool) {
	var b strings.Builder
	if sents, err := e.Paragraph(a.File, a.Paragraph); err == nil {
		for _, s := range sents {
			if s.Index < a.SentenceNo {
				b.WriteString(s.Norm)
			}
		}
	}
	b.WriteString(sentenceBefore(a))
	text := b.String()
	r, ok := findEra(text, a.Date)
	if !ok {
		return era{}, false
	}
	after := text[strings.LastIndex(text, r.text)+len(r.text):]
	for _, pm := range corpus.FindPeriods(after) {
		if !pm.Comparator && !pm.Date {
			return era{}, false
		}
	}
	return r, true
}

// sameEra: two resolved spans are the same years; a span counted back
// from a date not known (过去五年 in a claim without -date) is the same
// as one counted back as far, never a plan's years.
func sameEra(c, r era) bool {
	if c.text == "" || r.text == "" {
		return false
	}
	if c.from != 0 && r.from != 0 {
		return c.from == r.from && c.to == r.to
	}
	return c.years == r.years && countedBack(c) && countedBack(r)
}

func countedBack(e era) bool {
	for _, w := range lexicon.Eras {
		if w.Text == e.text {
			return w.Years > 0
		}
	}
	return false
}

// samePeriodLength reports a report figure of the claimed period: the
// same months (a whole year stated with no months is a whole year) and
// no other year.
func samePeriodLength(cf ClaimedFigure, a Answer) bool {
	cp := cf.period
	if cp.IsZero() {
		// A claim that names no period (and was given no date) may be of
		// any year: another number is not a contradiction.
		return false
	}
	if strings.HasSuffix(a.Period, "以来") {
		// 今年以来 in a report of April: the engine has read it as the
		// months to date, which is what it matched the claim's period to.
		return !cp.IsZero() && !wholeYear(cp)
	}
	if a.Period == "" {
		// A figure dated by its report only: a whole year, as a claim
		// of a whole year is.
		return wholeYear(cp)
	}
	ap := parseAnswerPeriod(a)
	if cp.IsZero() || ap.IsZero() {
		return false
	}
	if cp.Year != 0 && ap.Year != 0 && cp.Year != ap.Year {
		return false
	}
	if wholeYear(cp) || wholeYear(ap) {
		return wholeYear(cp) && wholeYear(ap)
	}
	return cp.StartMonth == ap.StartMonth && cp.EndMonth == ap.EndMonth
}

func wholeYear(p corpus.Period) bool {
	return p.StartMonth == 0 && p.EndMonth == 0 || p.StartMonth == 1 && p.EndMonth == 12
}

// sameComparator: a growth 同比 and one 比上年 (or one that names no
// base) are the same; a growth against a named year (比2019年同期) is
// another, unless both name it.
func sameComparator(a, b string) bool {
	if a == b {
		return true
	}
	return !containsDigit(a) && !containsDigit(b)
}

func containsDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

// unitScale is a unit's multiplier to its base and the base's name.
func unitScale(u string) (base string, mult float64) {
	switch u {
	case "名":
		return "位", 1
	case "百分点":
		return "个百分点", 1
	}
	if lu, ok := lexicon.UnitByText(u); ok && lu.Base != "" && lu.Multiplier != 0 {
		return lu.Base, lu.Multiplier
	}
	return u, 1
}

func comparableUnits(a, b string) bool {
	ba, _ := unitScale(corpus.NormalizeText(a))
	bb, _ := unitScale(corpus.NormalizeText(b))
	return ba == bb
}

// inBase is a figure's signed value in its unit's base (亿元 → 元).
func inBase(number float64, unit string) float64 {
	_, m := unitScale(corpus.NormalizeText(unit))
	return number * m
}

// step is the size of the last digit written in value, in its unit's base:
// 31.9 → 0.1, 32 → 1, 3000 → 1000 (at most a tenth of the value).
func step(value, unit string) float64 {
	v := strings.TrimPrefix(strings.ReplaceAll(value, ",", ""), "-")
	var s float64
	if i := strings.IndexByte(v, '.'); i >= 0 {
		s = math.Pow(10, -float64(len(v)-i-1))
	} else {
		zeros := len(v) - len(strings.TrimRight(v, "0"))
		if zeros == len(v) {
			zeros = 0
		}
		s = math.Pow(10, float64(zeros))
		if f, ok := parseValue(v); ok && s > f/10 && f >= 10 {
			s = math.Max(1, math.Pow(10, math.Floor(math.Log10(f/10))))
		}
	}
	_, m := unitScale(corpus.NormalizeText(unit))
	return s * m
}

// decimalStep is the size of the last decimal written in value (31.9 →
// 0.1, 32 → 1), in its unit's base.
func decimalStep(value, unit string) float64 {
	v := strings.TrimPrefix(strings.ReplaceAll(value, ",", ""), "-")
	s := 1.0
	if i := strings.IndexByte(v, '.'); i >= 0 {
		s = math.Pow(10, -float64(len(v)-i-1))
	}
	_, m := unitScale(corpus.NormalizeText(unit))
	return s * m
}

// valueMatches reports whether a report figure states the claimed number;
// how says so when the match is a rounding.
func valueMatches(cf ClaimedFigure, a Answer) (ok bool, how string) {
	if !comparableUnits(cf.Unit, a.Unit) {
		return false, ""
	}
	c, r := inBase(cf.Number, cf.Unit), inBase(a.Number, a.Unit)
	if nearlyEqual(c, r) {
		return true, ""
	}
	st := step(cf.Value, cf.Unit)
	rounding, stated := lexicon.RoundingOf(cf.Qualifier)
	if !stated {
		// A claim may round a figure without saying so (32% for 31.9%):
		// only to fewer decimals than the report writes; 4900 for 4907 is
		// another number.
		ds := decimalStep(cf.Value, cf.Unit)
		if math.Abs(r-c) <= ds/2+1e-9*math.Max(1, math.Abs(c)) && ds > decimalStep(a.Value, a.Unit)*(1+1e-9) {
			return true, fmt.Sprintf("“%s”是取整的数(报告为%s)", cf.Text, a.ValueText())
		}
		return false, ""
	}
	// Bounds are read on the magnitude: 近32% of a decline of 31.9%.
	ac, ar := math.Abs(c), math.Abs(r)
	eps := 1e-9 * math.Max(1, ac)
	switch rounding {
	case lexicon.RoundAbout:
		ok = math.Abs(ar-ac) <= st/2+eps
	case lexicon.RoundAtMost:
		ok = ar <= ac+eps && ar >= ac-st-eps
	case lexicon.RoundAtLeast:
		ok = ar >= ac-eps
	}
	if ok && (c < 0) != (r < 0) && c != 0 && r != 0 {
		ok = false
	}
	if ok {
		if rounding == lexicon.RoundAbout {
			return true, fmt.Sprintf(",“%s”是约数(报告为%s)", cf.Text, a.ValueText())
		}
		return true, fmt.Sprintf(",“%s”属实(报告为%s)", cf.Text, a.ValueText())
	}
	return false, ""
}

// outsideRounding reports a report value clearly not what the claim
// states: any other value for an exact claim, and for a rounded one a
// value beyond twice its tolerance.
func outsideRounding(cf ClaimedFigure, a Answer) bool {
	rounding, stated := lexicon.RoundingOf(cf.Qualifier)
	if !stated {
		return true
	}
	c, r := inBase(cf.Number, cf.Unit), inBase(a.Number, a.Unit)
	if (c < 0) != (r < 0) && c != 0 && r != 0 {
		return true
	}
	ac, ar := math.Abs(c), math.Abs(r)
	st := step(cf.Value, cf.Unit)
	switch rounding {
	case lexicon.RoundAbout:
		return math.Abs(ar-ac) > st
	case lexicon.RoundAtMost:
		return ar > ac+st/2 || ar < ac-2*st
	default:
		return ar < ac-st/2
	}
}

func nearlyEqual(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// Mark is the sign a verdict is shown with: ✓, ✗ or ?.
func (v Verdict) Mark() string {
	switch v {
	case Confirmed:
		return "✓"
	case Contradicted:
		return "✗"
	}
	return "?"
}

// Marked is the claim with each checked figure followed by its mark,
// and a contradicted one by the report's number: "…增长31.9%✓,…增长8.4%✗(报告为8.2%)".
func (r CheckResult) Marked() string {
	var b strings.Builder
	at := 0
	for _, f := range r.Figures {
		sp := f.Claimed.Span
		if sp.Start < at || sp.End > len(r.Claim) || sp.End < sp.Start {
			continue
		}
		b.WriteString(r.Claim[at:sp.End])
		b.WriteString(f.Verdict.Mark())
		if f.Verdict == Contradicted && f.Answer != nil {
			b.WriteString("(报告为" + f.Answer.ValueText() + ")")
		}
		at = sp.End
	}
	b.WriteString(r.Claim[at:])
	return b.String()
}

// WriteCheck prints a check for a terminal: the claim marked, a count of
// verdicts, then each figure with its verdict, why, and the report
// sentence it rests on.
func WriteCheck(w io.Writer, r CheckResult) {
	fmt.Fprintln(w, r.Marked())
	if len(r.Figures) == 0 {
		fmt.Fprintln(w, "  (没有读到可核对的数字)")
		return
	}
	fmt.Fprintf(w, "  %d个数字: %d个相符, %d个不符, %d个未能核实\n",
		len(r.Figures), r.Count(Confirmed), r.Count(Contradicted), r.Count(Unverified))
	for _, f := range r.Figures {
		fmt.Fprintf(w, "  %s %s  %s\n", f.Verdict.Mark(), f.Claimed.Text, f.LookedFor)
		fmt.Fprintf(w, "    %s\n", f.Why)
		a := f.Answer
		if a == nil {
			a = f.Closest
		}
		if a != nil {
			fmt.Fprintf(w, "    「%s」\n", a.SourceText)
			fmt.Fprintf(w, "    来源: %s\n", SourceLine(a.Title, a.Date, a.Source, a.File, a.Paragraph))
		}
	}
}
