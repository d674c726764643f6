package answer

import (
	"sort"
	"strings"

	"github.com/reportbot/reportbot/corpus"
	"github.com/reportbot/reportbot/index"
	"github.com/reportbot/reportbot/lexicon"
)

// Ranking scores figures, not sentences. A figure's score adds up:
//
//   - indicator: how much of the asked indicator its metric covers, how
//     much of it the sentence covers, and a penalty for metric words the
//     question did not ask (工业技改投资 is not 工业投资);
//   - kind: the wanted kind wins clearly over other figures of the same
//     sentence (增速 → the growth, not the amount);
//   - period: an asked period must match; a matching one wins;
//   - place, modality and unit hints as smaller terms.
//
// A figure is an answer only with confidentScore or more and with enough
// of the indicator covered; otherwise the engine says it found nothing.

// confidentScore is the least score of an answer.
const confidentScore = 0.62

type candidate struct {
	hit   index.Hit
	fig   corpus.Figure
	score float64
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
func rankFigures(q Question, hits []index.Hit, earlier earlierText) []candidate {
	if q.Indicator == "" {
		return nil
	}
	qb := bigrams(q.Indicator)
	// Many figures share a metric; its canonical form and bigrams are
	// worked out once per question.
	metrics := map[string]*metricInfo{}
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
			if m.coverage < minMetricCoverage || f.Kind == corpus.KindOther {
				continue
			}
			s, ok := scoreFigure(q, qb, m, f, h, contextBefore(h.Sentence, f))
			if !ok {
				// Earlier sentences can only help a figure that failed
				// for want of context: tried below, in one read.
				retries = append(retries, retry{h, f, m})
				continue
			}
			out = append(out, candidate{hit: h, fig: f, score: s})
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
			if s, ok := scoreFigure(q, qb, r.m, r.f, r.h, prev+contextBefore(r.h.Sentence, r.f)); ok {
				// Context from another sentence is weaker.
				out = append(out, candidate{hit: r.h, fig: r.f, score: s - 0.05})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].score != out[j].score {
			return out[i].score > out[j].score
		}
		// The most recent report first, then the earlier sentence.
		if out[i].hit.File.Date != out[j].hit.File.Date {
			return out[i].hit.File.Date > out[j].hit.File.Date
		}
		return out[i].hit.Sentence.Index < out[j].hit.Sentence.Index
	})
	return out
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

// minMetricCoverage is the least share of the question's bigrams that a
// figure's own metric must hold.
const minMetricCoverage = 0.25

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

// scoreFigure returns the score of f as an answer to q; ok is false when f
// cannot be an answer at all.
func scoreFigure(q Question, qb map[string]struct{}, m *metricInfo, f corpus.Figure, h index.Hit, context string) (float64, bool) {
	if f.Kind == corpus.KindOther || f.Metric == "" {
		return 0, false
	}
	metric := m.canon
	if q.nameHint != "" && !strings.Contains(metric, q.nameHint) {
		return 0, false
	}
	mb := m.bigrams
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
	cs := float64(inSentence) / float64(len(qb))
	ex := 0.0
	if len(mb) > 0 {
		ex = float64(extra) / float64(len(mb))
	}
	// Every asked word must be found around the figure.
	if cs < 0.7 || cm < minMetricCoverage {
		return 0, false
	}
	if siblingIndicator(q.Indicator, metric) {
		return 0, false
	}
	exact := 0.0
	narrower := false
	switch {
	case metric == q.Indicator:
		exact = 1
	case strings.HasSuffix(metric, q.Indicator) && sectorQualified(strings.TrimSuffix(metric, q.Indicator)):
		// 工业投资 for 投资, 制造业技改投资 for 技改投资: a part of what was
		// asked, and another number.
		narrower = true
	case strings.Contains(metric, q.Indicator):
		exact = 0.5
	case strings.Contains(q.Indicator, metric) && len([]rune(metric)) >= 2:
		exact = 0.3
	}
	score := 0.35*cm + 0.3*cs + 0.25*exact - 0.2*ex + 0.1
	if narrower {
		score -= 0.5
	}

	// Kind.
	switch {
	case q.Want == "":
		if f.Kind == corpus.KindGrowth || f.Kind == corpus.KindAmount || f.Kind == corpus.KindCount || f.Kind == corpus.KindShare {
			score += 0.1
		}
	case kindMatches(q.Want, f):
		score += 0.3
	default:
		score -= 0.5
	}

	// Period.
	if !q.Period.IsZero() {
		fp := f.Period
		if fp.IsZero() {
			fp = yearOnly(h.File.Date)
		}
		switch {
		case fp.IsZero():
			score -= 0.1
		case fp.Matches(q.Period):
			score += 0.1
		default:
			return 0, false
		}
	}

	// Place: a county asked about should be named near the figure.
	if q.Place != "" {
		if f.Region == q.Place || strings.Contains(h.Sentence.Norm, q.placeShort) {
			score += 0.1
		} else {
			score -= 0.15
		}
	} else if q.Region != "" && f.Region != "" && f.Region != q.Region {
		score -= 0.05
	}

	// Modality.
	switch {
	case q.Modality != "" && f.Modality == q.Modality:
		score += 0.15
	case q.Modality == "" && f.Modality != "":
		score -= 0.05
	}

	// Units.
	if len(q.Units) > 0 {
		for _, u := range q.Units {
			if f.Unit == u {
				score += 0.08
				break
			}
		}
	}
	return score, true
}

// siblingIndicator reports a metric that fills the asked indicator's frame
// with another word: 集中开工项目总投资 for 集中签约项目总投资, 工业民间投资
// for 制造业民间投资. Whatever the sentence around it says, it is another
// number.
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
	if s == 0 {
		return false
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

// sectorQualified reports whether the words before an indicator narrow it
// to a part of the economy (lexicon.Sectors).
func sectorQualified(prefix string) bool {
	for _, q := range lexicon.Sectors {
		if strings.Contains(prefix, q.Word) {
			return true
		}
	}
	return false
}

// kindMatches reports whether a figure answers a question for kind want.
func kindMatches(want corpus.Kind, f corpus.Figure) bool {
	return f.Kind == want
}

// yearOnly is the period a report's date implies for a figure that states
// none: the year it was published.
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
