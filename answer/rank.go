package answer

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/reportbot/reportbot/corpus"
	"github.com/reportbot/reportbot/index"
	"github.com/reportbot/reportbot/lexicon"
)

// Ranking scores figures, not sentences. A figure's score adds up the
// terms of Weights (weights.go):
//
//   - indicator: how much of the asked indicator its metric covers, how
//     much of it the sentence covers, and a penalty for metric words the
//     question did not ask (工业技改投资 is not 工业投资);
//   - kind: the wanted kind wins clearly over other figures of the same
//     sentence (增速 → the growth, not the amount);
//   - period: an asked period must match; a matching one wins;
//   - place, modality and unit hints as smaller terms.
//
// A figure is an answer only with Weights.Confident or more and with
// enough of the indicator covered; otherwise the engine says it found
// nothing.

type candidate struct {
	hit   index.Hit
	fig   corpus.Figure
	score float64
	terms []Term
}

func (c candidate) answer() Answer {
	f, h := c.fig, c.hit
	figText := ""
	if s := h.Sentence; f.Span.Start >= s.Span.Start && f.Span.End <= s.Span.End {
		figText = s.Text[f.Span.Start-s.Span.Start : f.Span.End-s.Span.Start]
	}
	return Answer{
		Value: f.Value, Number: f.Number, Unit: f.Unit, Kind: string(f.Kind), Metric: f.Metric,
		Region: f.Region, Period: f.Period.Text, Qualifier: f.Qualifier, Modality: f.Modality,
		Scope: f.Scope, Comparator: f.Comparator,
		Sentence: h.Sentence.Norm, SourceText: h.Sentence.Text, Figure: figText,
		File: h.File.Path, Title: h.File.Title, Date: h.File.Date, Source: h.File.Source,
		Paragraph: h.Sentence.Para, SentenceNo: h.Sentence.Index, Score: round2(c.score),
	}
}

// earlierText gives the canonical text of the sentences before a hit in
// its paragraph ("" when it is not known). fetch is told first which hits
// will be asked about, so that their paragraphs are read at once.
type earlierText interface {
	fetch(hs []index.Hit)
	text(h index.Hit) string
}

// rankFigures scores every figure of every hit against q, best first.
// earlier, if not nil, gives the paragraph's earlier sentences, which may
// name what a figure is about ("…137个工业项目…。…开复工率78.1%").
func rankFigures(w *Weights, q Question, hits []index.Hit, earlier earlierText) []candidate {
	if q.Indicator == "" {
		return nil
	}
	qb := bigrams(q.Indicator)
	// Many figures share a metric; its canonical form and bigrams are
	// worked out once per question.
	metrics := map[string]*metricInfo{}
	topics := titleBigrams{}
	var out []candidate
	type retry struct {
		h index.Hit
		f corpus.Figure
		m *metricInfo
	}
	var retries []retry
	for _, h := range hits {
		for _, f := range h.Sentence.Figures {
			m := metrics[f.Metric]
			if m == nil {
				m = newMetricInfo(qb, f.Metric)
				metrics[f.Metric] = m
			}
			// A figure whose metric shares too little with the question
			// cannot pass, whatever its context: skip the costlier part.
			if m.coverage < w.MinMetricCoverage || f.Kind == corpus.KindOther || otherBase(q, f) {
				continue
			}
			// Nor can one that fails even with every asked bigram around
			// it (the question's own indicator as its context): then
			// neither its sentence nor the ones before it can make it an
			// answer, and reading them is wasted.
			if _, ok := scoreFigure(w, q, qb, m, topics, f, h, q.Indicator); !ok {
				continue
			}
			s, ok := scoreFigure(w, q, qb, m, topics, f, h, contextBefore(h.Sentence, f))
			if !ok {
				// Earlier sentences can only help a figure that failed
				// for want of context: tried below, in one read.
				retries = append(retries, retry{h, f, m})
				continue
			}
			out = append(out, candidate{hit: h, fig: f, score: s.Total, terms: s.Terms})
		}
	}
	if earlier != nil && len(retries) > 0 {
		hs := make([]index.Hit, len(retries))
		for i, r := range retries {
			hs[i] = r.h
		}
		earlier.fetch(hs)
		for _, r := range retries {
			prev := earlier.text(r.h)
			if prev == "" {
				continue
			}
			if s, ok := scoreFigure(w, q, qb, r.m, topics, r.f, r.h, prev+contextBefore(r.h.Sentence, r.f)); ok {
				s.add("earlier-context", -w.EarlierContext, "indicator named only in earlier sentences")
				out = append(out, candidate{hit: r.h, fig: r.f, score: s.Total, terms: s.Terms})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].score != out[j].score {
			return out[i].score > out[j].score
		}
		// A whole sentence before a headline that restates it
		// ("上半年江西GDP达6465亿元增速高于全国…" with no full stop).
		if wi, wj := wholeSentence(out[i].hit.Sentence.Norm), wholeSentence(out[j].hit.Sentence.Norm); wi != wj {
			return wi
		}
		// The most recent report first, then the earlier sentence.
		if out[i].hit.File.Date != out[j].hit.File.Date {
			return out[i].hit.File.Date > out[j].hit.File.Date
		}
		return out[i].hit.Sentence.Index < out[j].hit.Sentence.Index
	})
	return out
}

// wholeSentence reports a sentence that ends as prose does, not a
// headline.
func wholeSentence(s string) bool {
	s = strings.TrimRight(s, " ")
	for _, end := range []string{"。", ";", "!", "?", "…", "”"} {
		if strings.HasSuffix(s, end) {
			return true
		}
	}
	return false
}

// contextBefore is the canonical text of the sentence up to the end of the
// figure. Words after a figure belong to the figures after it: in
// "制造业投资增长9.8%,工业民间投资增长7.7%" nothing says 9.8% is about 民间投资.
func contextBefore(s corpus.Sentence, f corpus.Figure) string {
	end := f.Span.End - s.Span.Start
	if end <= 0 || end > len(s.Text) {
		return canonical(s.Norm)
	}
	return canonical(s.Text[:end])
}

// metricInfo is a metric prepared for comparison with one question.
type metricInfo struct {
	canon    string
	bigrams  map[string]struct{}
	coverage float64 // share of the question's bigrams in the metric
}

func newMetricInfo(qb map[string]struct{}, metric string) *metricInfo {
	m := &metricInfo{canon: canonical(metric)}
	m.bigrams = bigrams(m.canon)
	n := 0
	for g := range m.bigrams {
		if _, ok := qb[g]; ok {
			n++
		}
	}
	if len(qb) > 0 {
		m.coverage = float64(n) / float64(len(qb))
	}
	return m
}

// titleBigrams holds the bigrams of report titles, worked out once per
// question: many figures share a report.
type titleBigrams map[string]map[string]struct{}

func (t titleBigrams) of(title string) map[string]struct{} {
	b, ok := t[title]
	if !ok {
		b = bigrams(canonical(title))
		t[title] = b
	}
	return b
}

// minMetricForTopic is how much of the asked indicator a figure's own
// metric must cover before its report's title may supply the rest.
const minMetricForTopic = 0.5

// scoreFigure returns the score of f as an answer to q, term by term; ok
// is false when f cannot be an answer at all.
func scoreFigure(w *Weights, q Question, qb map[string]struct{}, mi *metricInfo, topics titleBigrams, f corpus.Figure, h index.Hit, context string) (sc Score, ok bool) {
	sc.explain = q.explain
	if f.Kind == corpus.KindOther || f.Metric == "" {
		return sc, false
	}
	metric := mi.canon
	if q.nameHint != "" && !strings.Contains(metric, q.nameHint) {
		return sc, false
	}
	mb := mi.bigrams
	sb := bigrams(context)

	inMetric, inSentence := 0, 0
	for g := range qb {
		_, m := mb[g]
		_, s := sb[g]
		if m {
			inMetric++
		}
		if m || s {
			inSentence++
		}
	}
	extra := 0
	for g := range mb {
		if _, ok := qb[g]; !ok {
			extra++
		}
	}
	cm := float64(inMetric) / float64(len(qb))
	if cm >= minMetricForTopic && inSentence < len(qb) && h.File.Title != "" {
		// The report's topic, named in its title (玉屏县招商引资工作),
		// is said of every figure in it: 到位资金 there is 招商到位资金.
		tb := topics.of(h.File.Title)
		for g := range qb {
			_, m := mb[g]
			_, s := sb[g]
			if _, t := tb[g]; t && !m && !s {
				inSentence++
			}
		}
	}
	cs := float64(inSentence) / float64(len(qb))
	ex := 0.0
	if len(mb) > 0 {
		ex = float64(extra) / float64(len(mb))
	}
	// Every asked word must be found around the figure.
	if cs < w.MinSentenceCoverage || cm < w.MinMetricCoverage {
		return sc, false
	}
	if siblingIndicator(q.Indicator, metric) || partOfBareHead(q.Indicator, metric) || contributionUnasked(q, metric) {
		return sc, false
	}
	exact, exactWhy := 0.0, ""
	narrower := false
	switch {
	case metric == q.Indicator:
		exact, exactWhy = 1, "metric is the indicator"
	case narrows(metric, q.Indicator):
		// 工业投资 for 投资, 制造业技改投资 for 技改投资, 人均GDP for GDP:
		// a part of what was asked, or derived from it: another number.
		narrower = true
	case strings.Contains(metric, q.Indicator):
		exact, exactWhy = w.ContainsShare, "metric contains the indicator"
	case strings.Contains(q.Indicator, metric) && len([]rune(metric)) >= 2:
		exact, exactWhy = w.WithinShare, "metric within the indicator"
	}
	sc.add("metric-coverage", w.MetricCoverage*cm, "%d/%d bigrams in %q", inMetric, len(qb), metric)
	sc.add("sentence-coverage", w.SentenceCoverage*cs, "%d/%d bigrams around the figure", inSentence, len(qb))
	if exact != 0 {
		sc.add("exact-metric", w.ExactMetric*exact, "%s", exactWhy)
	}
	if ex != 0 {
		sc.add("extra-words", -w.ExtraWords*ex, "%d/%d metric bigrams not asked", extra, len(mb))
	}
	sc.add("base", w.Base, "")
	if narrower {
		if sizeClassOnly(metric, q.Indicator) {
			sc.add("size-class", -w.SizeClassNarrower, "%q is the part above a size threshold", metric)
		} else {
			sc.add("narrower", -w.Narrower, "%q narrows %q", metric, q.Indicator)
		}
	}

	// Kind.
	switch {
	case q.Want == "":
		switch f.Kind {
		case corpus.KindAmount, corpus.KindCount:
			sc.add("any-kind", w.AnyKind, "%s", string(f.Kind))
		case corpus.KindGrowth, corpus.KindShare:
			sc.add("any-kind", w.AnyKind-w.LevelFirst, "%s", string(f.Kind))
		}
	case kindMatches(q.Want, f):
		sc.add("kind-match", w.KindMatch, "%s", string(f.Kind))
	case compatibleKinds(q.Want, f.Kind):
		sc.add("kind-mismatch", -w.KindMismatch, "%s, asked %s", f.Kind, q.Want)
	default:
		// A count is no answer to 增速, whatever else fits: a number of
		// another kind is another number.
		return sc, false
	}

	// Period.
	if !q.Period.IsZero() {
		fp := f.Period
		implied := false
		if fp.IsZero() {
			fp, implied = impliedYear(h.File.Date, f.Modality), true
		}
		switch {
		case fp.IsZero():
			sc.add("period-unknown", -w.PeriodUnknown, "")
		case fp.Matches(q.Period) || sinceYearStart(fp, q.Period, h.File.Date) || rankOfYear(f, fp, q.Period):
			sc.add("period-match", w.PeriodMatch, "%s", fp.Text)
			if implied && q.Period.Year != 0 {
				sc.add("period-implied", -w.PeriodImplied, "%d from the report's date", fp.Year)
			}
			if q.Period.Year != 0 && fp.Year == 0 {
				sc.add("period-year-unknown", -w.PeriodYearUnknown, "%s has no year", fp.Text)
			}
		default:
			return sc, false
		}
	}

	// Scope: 比全省高多少 wants the 全省 difference.
	if q.Scope != "" && (f.Kind == corpus.KindRank || f.Kind == corpus.KindDiff || f.Kind == corpus.KindShare) {
		switch fs := figureScope(f); {
		case fs == q.Scope:
			sc.add("scope-match", w.ScopeMatch, "%s", fs)
		case fs != "" || f.Kind == corpus.KindShare:
			// A share of 全区 is asked: a share of nothing said is
			// another number.
			return sc, false
		}
	}

	// Place: a county asked about should be named near the figure.
	if q.Place != "" {
		if f.Region != q.Place && h.File.Region.Name != "" && h.File.Region.Name == q.regionProvince {
			return sc, false // the province's report, about another place
		}
		if f.Region != "" && f.Region != q.Place && f.Region != q.Region && f.Region != h.File.Region.Name {
			return sc, false // a figure of another named place (昆山市 beside 常熟市)
		}
		if f.Region == q.Place || strings.Contains(h.Sentence.Norm, q.placeShort) {
			sc.add("place-near", w.PlaceNear, "%s", q.Place)
		} else {
			sc.add("place-far", -w.PlaceFar, "%s not named", q.Place)
		}
	} else if q.Region != "" && f.Region != q.Region && f.Region != q.Place && h.File.Region.Name != "" && h.File.Region.Name == q.regionProvince {
		// A province's report answers a prefecture's question only with
		// a figure that names the prefecture.
		return sc, false
	} else if q.Region != "" && f.Region != "" && f.Region != q.Region {
		if f.Region != h.File.Region.Name {
			// A figure the report gives to another place than its own
			// (西夏区 in 银川's report) is that place's, never the
			// region's: a number of another place is another number.
			return sc, false
		}
		sc.add("other-region", -w.OtherRegion, "%s", f.Region)
	} else if q.Region == "" && q.Province != "" && f.Region != "" && f.Region != q.Province {
		// A province's question is answered by the province's own
		// figures: 遵义's growth is not 贵州's.
		return sc, false
	}

	// Modality.
	switch {
	case q.Modality != "" && f.Modality == q.Modality:
		sc.add("modality-match", w.ModalityMatch, "%s", f.Modality)
	case q.Modality == "" && f.Modality != "":
		sc.add("modality-unasked", -w.ModalityUnasked, "%s", f.Modality)
	case q.Modality != "" && f.Modality == "":
		if q.Modality == "target" {
			// 2022年GDP增长目标 answered with what was achieved is
			// another number.
			return sc, false
		}
		// A forecast (预计全年) may be stated as the figure itself once
		// the year is over.
		sc.add("modality-missing", -w.ModalityMissing, "asked %s", q.Modality)
	}

	if f.Qualifier != "" && f.Qualifier != "以上" && f.Qualifier != "余" {
		sc.add("approximate", -w.Approximate, "%s", f.Qualifier)
	}

	// Units.
	for _, u := range q.Units {
		if f.Unit == u {
			sc.add("unit-hint", w.UnitHint, "%s", u)
			break
		}
	}
	return sc, true
}

// contributionUnasked reports a metric that is what something else
// contributed to the indicator (酒业…拉动规上工业增加值增长30.5个百分点)
// when the question does not ask for a contribution.
func contributionUnasked(q Question, metric string) bool {
	for _, w := range lexicon.ContributionWords {
		if strings.Contains(metric, w.Text) && !strings.Contains(q.Text, w.Text) {
			return true
		}
	}
	return false
}

// partOfBareHead reports a metric that qualifies an indicator asked as a
// bare head (项目投资 for 固投, which is 投资 in canonical form): a part,
// not the whole.
func partOfBareHead(asked, metric string) bool {
	for _, h := range lexicon.BareHeads {
		if asked != h.Text {
			continue
		}
		prefix, ok := strings.CutSuffix(metric, h.Text)
		if !ok || prefix == "" {
			return false
		}
		for _, w := range lexicon.WholeQualifiers {
			if prefix == w.Text {
				return false
			}
		}
		return true
	}
	return false
}

// siblingIndicator reports a metric that fills the asked indicator's frame
// with another word: 集中开工项目总投资 for 集中签约项目总投资, 工业民间投资
// for 制造业民间投资, 规上工业利润总额 for 规上工业增加值. Whatever the
// sentence around it says, it is another number.
func siblingIndicator(asked, metric string) bool {
	a, m := []rune(asked), []rune(metric)
	p := 0
	for p < len(a) && p < len(m) && a[p] == m[p] {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(m)-p && a[len(a)-1-s] == m[len(m)-1-s] {
		s++
	}
	ac, mc := string(a[p:len(a)-s]), string(m[p:len(m)-s])
	if ac == "" || mc == "" {
		return false
	}
	for _, r := range ac {
		if strings.ContainsRune(mc, r) {
			return false
		}
	}
	if s == 0 {
		// A shared frame and two different heads (规上工业[增加值] and
		// 规上工业[利润总额]; 一般公共预算[收入] and [支出]): another
		// indicator of the same subject. One character apart is not enough
		// (进出口总额, 进出口总值).
		return p >= 2 && len(a)-p >= 2 && len(m)-p >= 2
	}
	// Within a shared frame (集中[签约]项目总投资) any other word makes
	// another indicator; before a shared head (制造业 or 工业 民间投资) only
	// another sector does: "平台已入驻企业" may be the 会客厅's.
	if p > 0 {
		return true
	}
	// The shared head may have taken a sector's last character (制造[业]
	// and 工[业] share 业民间投资).
	for k := 0; k <= 2 && k <= s; k++ {
		tail := string(a[len(a)-s : len(a)-s+k])
		if sectorQualified(ac+tail) && sectorQualified(mc+tail) {
			return true
		}
	}
	return false
}

// figureScope is the scope word a figure is measured against, if any.
func figureScope(f corpus.Figure) string {
	for _, s := range []string{f.Scope, f.Comparator} {
		for _, sc := range lexicon.Scopes {
			if s == sc.Text {
				return s
			}
		}
	}
	return ""
}

// sizeClassOnly reports a metric narrowed from the asked indicator only
// by a size class (限额以上单位): no sector, nothing derived.
func sizeClassOnly(metric, asked string) bool {
	i := strings.Index(metric, asked)
	if i <= 0 {
		return false
	}
	prefix := metric[:i]
	k := strings.Index(prefix, "以上")
	if k < 0 {
		return false
	}
	rest := prefix[:k] + prefix[k+len("以上"):]
	for _, w := range []string{"限额", "单位", "规模", "企业", "的"} {
		rest = strings.ReplaceAll(rest, w, "")
	}
	return rest == ""
}

// narrows reports whether metric is the asked indicator narrowed to a
// part (a sector before it: 教育业投资 for 投资) or derived from it (人均).
func narrows(metric, asked string) bool {
	i := strings.Index(metric, asked)
	if i <= 0 {
		return false
	}
	prefix := metric[:i]
	for _, d := range lexicon.Derived {
		if strings.Contains(prefix, d.Text) && !strings.Contains(asked, d.Text) {
			return true
		}
	}
	return sectorQualified(prefix)
}

// sectorQualified reports whether the words before an indicator narrow it
// to a part of the economy (lexicon.Sectors).
func sectorQualified(prefix string) bool {
	for _, q := range lexicon.Sectors {
		if strings.Contains(prefix, q.Word) {
			return true
		}
	}
	if utf8.RuneCountInString(prefix) >= 2 && strings.HasSuffix(prefix, lexicon.IndustrySuffix) {
		for _, w := range lexicon.QualifiedIndustries {
			if q, ok := strings.CutSuffix(prefix, w.Text); ok && utf8.RuneCountInString(q) >= 2 {
				return true
			}
		}
		for _, w := range lexicon.NotIndustries {
			if strings.HasSuffix(prefix, w.Text) {
				return false
			}
		}
		return true
	}
	return false
}

// compatibleKinds reports kinds that may stand for each other in a
// question's words: a rate asked as 增速 may be stated as a share (完成率),
// a difference as a change.
func compatibleKinds(want, got corpus.Kind) bool {
	switch want {
	case corpus.KindGrowth:
		return got == corpus.KindShare || got == corpus.KindDiff
	case corpus.KindShare:
		return got == corpus.KindGrowth
	case corpus.KindDiff:
		return got == corpus.KindChange || got == corpus.KindGrowth
	case corpus.KindChange:
		return got == corpus.KindDiff || got == corpus.KindAmount || got == corpus.KindCount
	case corpus.KindAmount:
		return got == corpus.KindCount || got == corpus.KindChange
	case corpus.KindCount:
		return got == corpus.KindAmount || got == corpus.KindChange
	}
	return false
}

// kindMatches reports whether a figure answers a question for kind want.
func kindMatches(want corpus.Kind, f corpus.Figure) bool {
	return f.Kind == want
}

// rankOfYear reports a rank dated by the month it was published (2020年5月,
// 神木位居第12位) asked for its year: a ranking is of the year, not of a
// part of it.
func rankOfYear(f corpus.Figure, fp, asked corpus.Period) bool {
	return f.Kind == corpus.KindRank && asked.Year != 0 && fp.Year == asked.Year &&
		asked.StartMonth == 1 && asked.EndMonth == 12
}

// sinceYearStart reports a figure "since the start of the year" (今年以来)
// in a report published in month M, asked for a period from January to
// M-1 or M of that year: the total to date is that period's.
func sinceYearStart(fp, asked corpus.Period, date string) bool {
	if !strings.HasSuffix(fp.Text, "以来") || asked.StartMonth != 1 || len(date) < 7 {
		return false
	}
	if asked.Year != 0 && fp.Year != 0 && asked.Year != fp.Year {
		return false
	}
	m := int(date[5]-'0')*10 + int(date[6]-'0')
	return asked.EndMonth == m || asked.EndMonth == m-1
}

// reviewMonths: a report published in the first months of a year (a
// government work report, a statistical communiqué) reviews the year
// before; its targets are for the year it is published in.
const reviewMonths = 4

// impliedYear is the year a report's date implies for a figure that
// states no period.
func impliedYear(date, modality string) corpus.Period {
	p := yearOnly(date)
	if p.Year == 0 || modality != "" || len(date) < 7 {
		return p
	}
	month := 0
	for _, c := range date[5:7] {
		if c < '0' || c > '9' {
			return p
		}
		month = month*10 + int(c-'0')
	}
	if month >= 1 && month <= reviewMonths {
		p.Year--
	}
	return p
}

// yearOnly is the year a report was published, as a period.
func yearOnly(date string) corpus.Period {
	if len(date) < 4 {
		return corpus.Period{}
	}
	y := 0
	for _, c := range date[:4] {
		if c < '0' || c > '9' {
			return corpus.Period{}
		}
		y = y*10 + int(c-'0')
	}
	return corpus.Period{Year: y}
}
