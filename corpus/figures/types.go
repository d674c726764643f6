package figures

import (
	"github.com/reportbot/reportbot/corpus/text"
	"github.com/reportbot/reportbot/lexicon"
)

// Kind is what a figure measures (lexicon.Kind: questions ask for kinds
// in the same words).
type Kind = lexicon.Kind

const (
	KindGrowth = lexicon.KindGrowth
	KindAmount = lexicon.KindAmount
	KindShare  = lexicon.KindShare
	KindCount  = lexicon.KindCount
	KindRank   = lexicon.KindRank
	KindDiff   = lexicon.KindDiff
	KindChange = lexicon.KindChange
	KindOther  = lexicon.KindOther
)

// Figure is one number in a sentence, with its meaning.
type Figure struct {
	Raw    string  `json:"raw"`    // as written: 31.9, 第一位's 一, 百分之五
	Value  string  `json:"value"`  // Arabic digits: 31.9, 1, 5
	Number float64 `json:"number"` // signed: a decline is negative
	Unit   string  `json:"unit"`   // simplified: %, 个百分点, 亿元, 位
	Kind   Kind    `json:"kind"`
	// Metric is the indicator the figure belongs to (工业投资).
	Metric string `json:"metric"`
	// Scope is the comparison scope of ranks and differences: 全省, 全国.
	Scope string `json:"scope,omitempty"`
	// Comparator is what a growth or difference is measured against:
	// 同比, 上年同期, 全省.
	Comparator string `json:"comparator,omitempty"`
	// Qualifier softens or bounds the value: 余, 近, 超过, 突破, 以上.
	Qualifier string `json:"qualifier,omitempty"`
	// Modality is "target" (力争, 目标) or "forecast" (预计, 将); empty
	// for a reported fact.
	Modality string `json:"modality,omitempty"`
	Period   Period `json:"period"`
	Region   string `json:"region,omitempty"`
	// Span is the figure's text (number and unit) in Document.Text.
	Span text.Span `json:"span"`
}

// Period is the time a figure covers.
type Period struct {
	Year       int `json:"year,omitempty"`        // 0: not known
	StartMonth int `json:"start_month,omitempty"` // 1-12, 0: whole year or unknown
	EndMonth   int `json:"end_month,omitempty"`
	// Text is for display: 2023年1-5月, 一季度, 2022年.
	Text string `json:"text,omitempty"`
	// Raw is the expression as found in the sentence: 1-5月, 今年.
	Raw string `json:"raw,omitempty"`
}

// IsZero reports whether nothing is known of the period.
func (p Period) IsZero() bool { return p.Year == 0 && p.StartMonth == 0 && p.EndMonth == 0 }
