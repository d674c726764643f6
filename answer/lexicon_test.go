package answer

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/reportbot/reportbot/corpus"
	"github.com/reportbot/reportbot/lexicon"
)

// The examples of every lexicon table that questions and metrics use, run
// through the code that applies the table.

func parseExample(t *testing.T, q string) Question {
	t.Helper()
	return ParseQuestion(q, corpus.DefaultGazetteer(), time.Date(2023, 7, 1, 0, 0, 0, 0, time.UTC))
}

func TestLexiconAbbreviationExamples(t *testing.T) {
	for _, a := range lexicon.Abbreviations {
		got := canonical(a.Example)
		if !strings.Contains(got, a.Short) || strings.Contains(got, a.Long) && !strings.Contains(a.Short, a.Long) {
			t.Errorf("abbreviation %s→%s: canonical(%q) = %q", a.Long, a.Short, a.Example, got)
		}
	}
}

func TestLexiconFillerExamples(t *testing.T) {
	for _, f := range lexicon.IndicatorFillers {
		got := canonical(f.Example)
		if strings.Contains(got, f.Text) != f.Keep {
			t.Errorf("filler %s (keep %v): canonical(%q) = %q", f.Text, f.Keep, f.Example, got)
		}
	}
}

func TestLexiconSectorExamples(t *testing.T) {
	for _, s := range lexicon.Sectors {
		narrow, whole, _ := strings.Cut(s.Example, "|")
		n, w := canonical(narrow), canonical(whole)
		if !strings.HasSuffix(n, w) || !sectorQualified(strings.TrimSuffix(n, w)) {
			t.Errorf("sector %s: %q is not read as a part of %q", s.Word, n, w)
		}
	}
}

func TestLexiconWantRuleExamples(t *testing.T) {
	for _, r := range lexicon.WantRules {
		if q := parseExample(t, r.Example); string(q.Want) != string(r.Kind) {
			t.Errorf("%q wants %q, the rule says %s", r.Example, q.Want, r.Kind)
		}
	}
}

func TestLexiconUnitHintExamples(t *testing.T) {
	for _, h := range lexicon.UnitHints {
		q := parseExample(t, h.Example)
		for _, u := range h.Units {
			if !slices.Contains(q.Units, u) {
				t.Errorf("%q: units %v lack %s", h.Example, q.Units, u)
			}
		}
	}
}

func TestLexiconModalityExamples(t *testing.T) {
	for _, m := range lexicon.QuestionModalities {
		q := parseExample(t, m.Example)
		if q.Modality != string(m.Modality) {
			t.Errorf("%q: modality %q, want %s", m.Example, q.Modality, m.Modality)
		}
		if m.Strip && strings.Contains(q.Indicator, m.Text) {
			t.Errorf("%q: indicator %q keeps %s", m.Example, q.Indicator, m.Text)
		}
	}
}

// Words a question may carry that must not reach its indicator.
func TestLexiconStrippedQuestionWords(t *testing.T) {
	var rows []lexicon.Word
	rows = append(rows, lexicon.QuestionWords...)
	rows = append(rows, lexicon.QuestionComparators...)
	rows = append(rows, lexicon.AmountWords...)
	rows = append(rows, lexicon.SelfWords...)
	for _, w := range rows {
		q := parseExample(t, w.Example)
		if strings.Contains(q.Indicator, w.Text) {
			t.Errorf("%q: indicator %q keeps %s", w.Example, q.Indicator, w.Text)
		}
		if q.Indicator == "" {
			t.Errorf("%q: no indicator left", w.Example)
		}
	}
}

func TestLexiconPeriodFormExamples(t *testing.T) {
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	for _, f := range append([]lexicon.PeriodForm{lexicon.TwoDigitYear}, lexicon.QuestionPeriodForms...) {
		in, want, _ := strings.Cut(f.Example, "|")
		if got := rewritePeriods(in, now); got != want {
			t.Errorf("%s: %q → %q, want %q", f.Name, in, got, want)
		}
	}
}

func TestQuestionPeriods(t *testing.T) {
	for _, tt := range []struct{ q, period, indicator string }{
		{"江西21年一季度GDP增速全国排第几", "2021年一季度", "gdp"},
		{"湖南2020上半年社零下降多少", "2020年上半年", "社零"},
		{"湖南1-8月规上工业增速 2024", "2024年1-8月", "规上工业增加值"},
		{"湖南2016年前5月规上工业增速", "2016年1-5月", "规上工业增加值"},
		{"新疆前三季度GDP增速 2021", "2021年前三季度", "gdp"},
		{"大庆户籍人口城镇化率 2020", "2020年", "户籍人口城镇化率"},
		{"近10年GDP增速", "", "-"}, // a count of years, not a year
		{"湖南产业园区规模工业占比 2024年1-8月", "2024年1-8月", "产业园区规上工业占比"},
	} {
		q := parseExample(t, tt.q)
		if q.Period.Text != tt.period || tt.indicator != "-" && q.Indicator != tt.indicator {
			t.Errorf("%s: period %q indicator %q, want %q %q", tt.q, q.Period.Text, q.Indicator, tt.period, tt.indicator)
		}
	}
}

func TestLexiconAskingWordExamples(t *testing.T) {
	for _, w := range lexicon.AskingWords {
		q := parseExample(t, w.Example)
		if w.Words != "" && string(q.Want) != string(w.Kind) {
			t.Errorf("%q wants %q, the table says %s", w.Example, q.Want, w.Kind)
		}
		if q.Indicator == "" {
			t.Errorf("%q: no indicator", w.Example)
		}
	}
}

func TestLexiconCompletionAndDerivedExamples(t *testing.T) {
	for _, c := range lexicon.Completions {
		if got := canonical(c.Example); got != canonical(c.Full) {
			t.Errorf("completion %s: canonical(%q) = %q, want %q", c.Short, c.Example, got, canonical(c.Full))
		}
	}
	for _, d := range lexicon.Derived {
		base := strings.TrimPrefix(d.Example, d.Text)
		if !narrows(canonical(d.Example), canonical(base)) {
			t.Errorf("derived %s: %q is taken for %q", d.Text, d.Example, base)
		}
	}
	for _, w := range lexicon.NotIndustries {
		if sectorQualified(w.Text) {
			t.Errorf("%s in %q is read as an industry", w.Text, w.Example)
		}
	}
	if !sectorQualified("文化体育业") {
		t.Error("文化体育业 is an industry")
	}
}

func TestQuestionShareOfScope(t *testing.T) {
	for _, tt := range []struct{ q, indicator, scope string }{
		{"银川上半年GDP占全区比重", "gdp", "全区"},
		{"遵义前三季度GDP占全省的比重", "gdp", "全省"},
		{"临沂社零占全省比例", "社零", "全省"},
	} {
		q := parseExample(t, tt.q)
		if q.Indicator != tt.indicator || q.Scope != tt.scope || q.Want != "share" {
			t.Errorf("%s: indicator %q scope %q want %q", tt.q, q.Indicator, q.Scope, q.Want)
		}
	}
}

// After a province or Macau is named, a name outside it is a word.
func TestPlaceOutsideNamedProvinceIsAWord(t *testing.T) {
	q := parseExample(t, "澳门惠民措施合计多少亿")
	if q.Region != "" || q.Place != "" || q.Province != "澳门特别行政区" {
		t.Errorf("region %q place %q province %q", q.Region, q.Place, q.Province)
	}
	if q2 := parseExample(t, "山东泰安工业投资增速"); q2.Region != "泰安市" {
		t.Errorf("山东泰安: region %q", q2.Region)
	}
}

func TestTownIsItsPlace(t *testing.T) {
	q := parseExample(t, "斗门镇2005年固定资产投资增长")
	if q.Place != "斗门区" || strings.Contains(q.Indicator, "镇") {
		t.Errorf("place %q indicator %q", q.Place, q.Indicator)
	}
}

func TestCountOfGrowthQuestion(t *testing.T) {
	q := parseExample(t, "新疆前三季度工业生产实现增长的地州市有几个")
	if q.Want != corpus.KindCount || !strings.Contains(q.Indicator, "增长") {
		t.Errorf("want %q indicator %q", q.Want, q.Indicator)
	}
}

func TestQuestionStatedCountAndWhen(t *testing.T) {
	for _, tt := range []struct{ q, indicator string }{
		{"江西一季度38个工业大类几个正增长", "工业大类正增长"},
		{"神木首次进入全国百强时排第几", "首次进入百强"},
	} {
		if q := parseExample(t, tt.q); q.Indicator != tt.indicator {
			t.Errorf("%s: indicator %q, want %q", tt.q, q.Indicator, tt.indicator)
		}
	}
}
