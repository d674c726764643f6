package synth

import (
	"math/rand/v2"
)

// Question is one question of a benchmark mix.
type Question struct {
	Text string `json:"text"`
	// Fact is the known answer; nil for questions whose answer is not
	// known (Kind "open") or that must get none (Kind "negative").
	Fact *Fact  `json:"fact,omitempty"`
	Kind string `json:"kind"` // fact, open, negative
}

// Questions builds a fixed mix of n questions from a manifest: about half
// with a known answer (facts), a third open questions of the common shape
// ("<city>工业投资增速", "<city>规上工业增加值增速全省排第几") whose answer
// is whatever the newest report says, and the rest negatives (a held-out
// region, or an indicator no report states). The mix depends only on the
// manifest and seed.
func Questions(m Manifest, n int, seed uint64) []Question {
	r := rand.New(rand.NewPCG(seed, 0x9e57))
	open := []string{"工业投资增速", "规上工业增加值增速全省排第几", "固定资产投资增长多少", "社会消费品零售总额是多少亿元",
		"规上工业增加值增速", "工业技改投资增速", "一般公共预算收入增速", "地区生产总值增长多少"}
	out := make([]Question, 0, n)
	for i := 0; len(out) < n; i++ {
		switch k := i % 6; {
		case k <= 2 && len(m.Facts) > 0:
			f := m.Facts[r.IntN(len(m.Facts))]
			out = append(out, Question{Text: f.Question, Fact: &f, Kind: "fact"})
		case k <= 4 && len(m.Shorts) > 0:
			out = append(out, Question{Text: m.Shorts[r.IntN(len(m.Shorts))] + open[r.IntN(len(open))], Kind: "open"})
		default:
			if r.IntN(2) == 0 && len(m.HeldOut) > 0 {
				out = append(out, Question{Text: m.HeldOut[r.IntN(len(m.HeldOut))] + open[r.IntN(len(open))], Kind: "negative"})
			} else if len(m.Shorts) > 0 {
				out = append(out, Question{Text: m.Shorts[r.IntN(len(m.Shorts))] + negativeIndicators[r.IntN(len(negativeIndicators))], Kind: "negative"})
			} else {
				out = append(out, Question{Text: "工业投资增速", Kind: "open"})
			}
		}
	}
	return out
}
