package answer

import "fmt"

// Weights are the terms of a figure's score, in one place. A figure's
// score is the sum of the terms that apply to it; Explain shows each.
// Each field says what it rewards or punishes and the case that set it.
type Weights struct {
	// Base is given to every figure that may answer at all.
	Base float64
	// MetricCoverage × the share of the question's indicator bigrams in
	// the figure's own metric: 工业投资 asked, metric 工业投资 → 1.
	MetricCoverage float64
	// SentenceCoverage × the share found in the metric or the words before
	// the figure: "技改投资…,其中工业技改投资增长12%" finds 技改 in context.
	SentenceCoverage float64
	// ExactMetric when the metric is the asked indicator; ContainsShare and
	// WithinShare of it when the metric contains the indicator (全市工业投资
	// for 工业投资) or lies within it (投资 for 工业投资).
	ExactMetric, ContainsShare, WithinShare float64
	// ExtraWords × the share of the metric's bigrams the question did not
	// ask: 工业技改投资 is not 工业投资. Subtracted.
	ExtraWords float64
	// Narrower is subtracted when a sector narrows the asked indicator:
	// 工业投资 is no answer to 投资 (lexicon.Sectors).
	Narrower float64
	// SizeClassNarrower is subtracted instead when only a size class
	// narrows it (限额以上单位新能源汽车零售额 for 新能源汽车零售额):
	// statistics state many indicators only for the units above the
	// threshold, so it answers when nothing closer does.
	SizeClassNarrower float64
	// AnyKind rewards a growth, amount, count or share when the question
	// names no kind: 泰安工业投资 wants its main figures, not a rank.
	AnyKind float64
	// LevelFirst is taken from AnyKind for a rate: a question that names
	// no kind (江西上半年GDP) asks for the level, then its growth.
	LevelFirst float64
	// KindMatch rewards the kind asked (增速 → the growth, not the amount
	// of the same sentence); KindMismatch is subtracted otherwise.
	KindMatch, KindMismatch float64
	// PeriodMatch rewards a figure of the asked period; PeriodUnknown is
	// subtracted when neither the figure nor its report's date gives one.
	// A figure of another period is never an answer.
	PeriodMatch, PeriodUnknown float64
	// PeriodYearUnknown is subtracted when a year is asked and the
	// figure's period has none (前三季度 in an undated page) while another
	// report may state the year.
	PeriodYearUnknown float64
	// PeriodImplied is subtracted when the figure's year is only implied
	// by its report's date (an undated figure of a report published in
	// the spring is taken for the year before): a sentence that states
	// the year outranks it.
	PeriodImplied float64
	// PlaceNear rewards a figure that names the county asked about (or is
	// in its report); PlaceFar is subtracted when it does not: 安岳 asked,
	// the city's total is another number.
	PlaceNear, PlaceFar float64
	// OtherRegion is subtracted for a figure of another region than the
	// one asked.
	OtherRegion float64
	// ModalityMatch rewards a target for a question about a target;
	// ModalityUnasked is subtracted for a target when none was asked
	// (力争增长10% is not what was achieved).
	ModalityMatch, ModalityUnasked float64
	// ModalityMissing is subtracted for an achievement when a target is
	// asked: 2019年GDP增长目标 is the 9% planned, not the 9.3% achieved.
	ModalityMissing float64
	// ScopeMatch rewards a rank, difference or share against the scope
	// the question names (比全省高多少 → the 全省 difference, not the 全国
	// one); a figure against another scope is never an answer.
	ScopeMatch float64
	// Approximate is subtracted for a figure stated as a bound or an
	// estimate (突破6000亿元, 近3000户): 突破6000亿元,达6465亿元 answers
	// with the 6465.
	Approximate float64
	// UnitHint rewards the unit the question asks for: 多少户 → 户.
	UnitHint float64
	// EarlierContext is subtracted when the indicator was found only in
	// earlier sentences of the paragraph, which is weaker evidence.
	EarlierContext float64

	// Confident is the least score of an answer; below it the engine says
	// it found nothing and shows the closest sentences.
	Confident float64
	// MinMetricCoverage is the least share of the asked indicator's
	// bigrams that a figure's own metric must hold; MinSentenceCoverage
	// the least share found around the figure.
	MinMetricCoverage, MinSentenceCoverage float64
	// RunnerUpGap: further answers of another indicator must score within
	// this of the best.
	RunnerUpGap float64
}

// DefaultWeights were set on the seed reports and the style tests in
// styles_test.go; the ranking goldens in testdata/rank show what a change
// of them moves.
var DefaultWeights = Weights{
	Base:                0.1,
	MetricCoverage:      0.35,
	SentenceCoverage:    0.3,
	ExactMetric:         0.25,
	ContainsShare:       0.5,
	WithinShare:         0.3,
	ExtraWords:          0.2,
	Narrower:            0.5,
	SizeClassNarrower:   0.15,
	AnyKind:             0.1,
	LevelFirst:          0.02,
	KindMatch:           0.3,
	KindMismatch:        0.5,
	PeriodMatch:         0.1,
	PeriodUnknown:       0.1,
	PeriodYearUnknown:   0.05,
	PeriodImplied:       0.03,
	PlaceNear:           0.1,
	PlaceFar:            0.15,
	OtherRegion:         0.05,
	ModalityMatch:       0.15,
	ModalityUnasked:     0.05,
	ModalityMissing:     0.15,
	ScopeMatch:          0.1,
	UnitHint:            0.08,
	Approximate:         0.02,
	EarlierContext:      0.05,
	Confident:           0.62,
	MinMetricCoverage:   0.25,
	MinSentenceCoverage: 0.7,
	RunnerUpGap:         0.05,
}

// Term is one part of a score.
type Term struct {
	Name  string  `json:"name"`
	Value float64 `json:"value"`
	// Detail says what the term measured (a coverage, the periods
	// compared).
	Detail string `json:"detail,omitempty"`
}

// Score is a figure's score and, when explained, what it is made of.
type Score struct {
	Total float64
	Terms []Term
	// explain keeps the terms; without it a score is only summed, which
	// keeps ranking free of formatting.
	explain bool
}

// add adds a term. Terms are summed in the order they are added, so a
// score is the same number whether it is explained or not.
func (s *Score) add(name string, v float64, format string, args ...any) {
	s.Total += v
	if s.explain {
		detail := format
		if len(args) > 0 {
			detail = fmt.Sprintf(format, args...)
		}
		s.Terms = append(s.Terms, Term{Name: name, Value: round2(v), Detail: detail})
	}
}
