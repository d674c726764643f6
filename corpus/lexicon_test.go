package corpus

import (
	"strings"
	"testing"

	"github.com/reportbot/reportbot/lexicon"
)

// The examples of every lexicon table that reading reports uses, run
// through extraction: a broken rule is named by its table and row.

// exampleFigures extracts the figures of one example phrase, said of
// 泰安市 in a report of July 2023.
func exampleFigures(example string) []Figure {
	return figuresOf(processText("全市"+example+"。", "2023-07-03"))
}

func TestLexiconUnitExamples(t *testing.T) {
	for _, u := range lexicon.Units {
		found := false
		for _, f := range exampleFigures(u.Example) {
			found = found || f.Unit == u.Text
		}
		if !found {
			t.Errorf("unit %s: no figure with it in %q: %v", u.Text, u.Example, figStrings(exampleFigures(u.Example)))
		}
	}
}

func TestLexiconGrowthAndDeclineExamples(t *testing.T) {
	for _, tt := range []struct {
		table []lexicon.Word
		sign  float64
	}{{lexicon.GrowthWords, 1}, {lexicon.DeclineWords, -1}} {
		for _, w := range tt.table {
			figs := exampleFigures(w.Example)
			if len(figs) != 1 || figs[0].Kind != KindGrowth || figs[0].Number*tt.sign <= 0 {
				t.Errorf("%s in %q: %v, want one growth of sign %v", w.Text, w.Example, figStrings(figs), tt.sign)
			}
		}
	}
	for _, w := range lexicon.NotDeclineWords {
		for _, f := range exampleFigures(w.Example) {
			if f.Number < 0 {
				t.Errorf("%s in %q: read as a decline: %s", w.Text, w.Example, fig(f))
			}
		}
	}
	for _, w := range lexicon.BelowWords {
		figs := exampleFigures(w.Example)
		if len(figs) != 1 || figs[0].Kind != KindDiff || figs[0].Number >= 0 {
			t.Errorf("%s in %q: %v, want one negative difference", w.Text, w.Example, figStrings(figs))
		}
	}
}

func TestLexiconShareExamples(t *testing.T) {
	for _, w := range append(append([]lexicon.Word{}, lexicon.ShareWords...), lexicon.RateEndings...) {
		figs := exampleFigures(w.Example)
		if len(figs) != 1 || figs[0].Kind != KindShare {
			t.Errorf("%s in %q: %v, want one share", w.Text, w.Example, figStrings(figs))
		}
	}
}

func TestLexiconChangeExamples(t *testing.T) {
	for _, tt := range []struct {
		table []lexicon.Word
		sign  float64
	}{{lexicon.ChangeUpWords, 1}, {lexicon.ChangeDownWords, -1}} {
		for _, w := range tt.table {
			figs := exampleFigures(w.Example)
			if len(figs) != 1 || figs[0].Kind != KindChange || figs[0].Number*tt.sign <= 0 {
				t.Errorf("%s in %q: %v, want one change of sign %v", w.Text, w.Example, figStrings(figs), tt.sign)
			}
		}
	}
}

func TestLexiconQualifierExamples(t *testing.T) {
	for _, w := range lexicon.Qualifiers {
		figs := exampleFigures(w.Example)
		if len(figs) != 1 || figs[0].Qualifier != w.Text {
			t.Errorf("%s in %q: %v", w.Text, w.Example, figStrings(figs))
		}
	}
	for _, w := range lexicon.NotQualifiers {
		for _, f := range exampleFigures(w.Example) {
			if f.Qualifier != "" {
				t.Errorf("%s in %q: qualifier %q", w.Text, w.Example, f.Qualifier)
			}
		}
	}
}

func TestLexiconScopeAndBaselineExamples(t *testing.T) {
	for _, w := range lexicon.Scopes {
		found := false
		for _, f := range exampleFigures(w.Example) {
			found = found || f.Scope == w.Text || f.Comparator == w.Text
		}
		if !found {
			t.Errorf("scope %s in %q: %v", w.Text, w.Example, figStrings(exampleFigures(w.Example)))
		}
	}
	for _, b := range lexicon.Baselines {
		figs := exampleFigures(b.Example)
		if len(figs) == 0 || figs[0].Comparator != b.Means {
			t.Errorf("baseline %s in %q: %v, want comparator %s", b.Text, b.Example, figStrings(figs), b.Means)
		}
	}
	for _, w := range lexicon.AgainstWords {
		figs := exampleFigures(w.Example)
		if len(figs) != 1 || figs[0].Comparator == "" {
			t.Errorf("%s in %q: %v, want a comparator", w.Text, w.Example, figStrings(figs))
		}
	}
}

// Words that are not the indicator never stay in a figure's metric.
func TestLexiconMetricWordExamples(t *testing.T) {
	for _, tt := range []struct {
		name  string
		table []lexicon.Word
	}{{"MetricPrefixes", lexicon.MetricPrefixes}, {"MidPredicates", lexicon.MidPredicates}} {
		for _, w := range tt.table {
			for _, f := range exampleFigures(w.Example + "12.5亿元") {
				if strings.Contains(f.Metric, w.Text) {
					t.Errorf("%s %s: metric %q of %q keeps it", tt.name, w.Text, f.Metric, w.Example)
				}
			}
		}
	}
}

func TestLexiconNonFigureUnitExamples(t *testing.T) {
	for _, w := range lexicon.NonFigureUnits {
		for _, f := range exampleFigures(w.Example) {
			t.Errorf("%s in %q: read as a figure: %s", w.Text, w.Example, fig(f))
		}
	}
}

func TestLexiconCountNounExamples(t *testing.T) {
	for _, w := range append(append([]lexicon.Word{}, lexicon.HeadNouns...), lexicon.LeadingVerbs...) {
		figs := exampleFigures(w.Example)
		if len(figs) != 1 || figs[0].Metric == "" || figs[0].Metric == w.Text && isLeadingVerb(w.Text) {
			t.Errorf("%s in %q: %v, want one figure with a noun as its metric", w.Text, w.Example, figStrings(figs))
		}
	}
}

func TestLexiconRelativeYearExamples(t *testing.T) {
	for _, y := range lexicon.RelativeYears {
		ms := FindPeriods(y.Example)
		if len(ms) == 0 {
			t.Errorf("%s: no period in %q", y.Text, y.Example)
			continue
		}
		if p := ms[0].Period.Resolve("2023-07-03"); p.Year != 2023+y.Offset {
			t.Errorf("%s in %q: year %d, want %d", y.Text, y.Example, p.Year, 2023+y.Offset)
		}
	}
}

func isLeadingVerb(w string) bool {
	for _, v := range lexicon.LeadingVerbs {
		if v.Text == w {
			return true
		}
	}
	return false
}

func figStrings(fs []Figure) []string {
	var out []string
	for _, f := range fs {
		out = append(out, fig(f))
	}
	return out
}

// A figure after a method phrase or an empty word belongs to the subject
// stated before it.
func TestLexiconSubjectCarriedExamples(t *testing.T) {
	var rows []lexicon.Word
	rows = append(rows, lexicon.MethodPhrases...)
	rows = append(rows, lexicon.EmptyMetrics...)
	for _, w := range rows {
		phrase := w.Example
		if !strings.ContainsAny(phrase, "0123456789") {
			phrase += "7.1%"
		}
		figs := exampleFigures("社会消费品零售总额86.3亿元," + phrase)
		if len(figs) < 2 || figs[len(figs)-1].Metric != "社会消费品零售总额" {
			t.Errorf("%s in %q: %v, want the last figure to be 社会消费品零售总额's", w.Text, phrase, figStrings(figs))
		}
	}
}

func TestLexiconReportModalityExamples(t *testing.T) {
	for _, m := range lexicon.ReportModalities {
		figs := exampleFigures(m.Example)
		if len(figs) == 0 || figs[len(figs)-1].Modality != string(m.Modality) {
			t.Errorf("%s in %q: %v, want %s", m.Text, m.Example, figStrings(figs), m.Modality)
		}
	}
	// A heading that ends in a colon makes the list after it targets.
	figs := figuresOf(processText("2023年主要预期目标:\n地区生产总值增长6%左右;规模以上工业增加值增长7%。\n", "2023-02-10"))
	for _, f := range figs {
		if f.Modality != "target" {
			t.Errorf("%s: modality %q, want target", fig(f), f.Modality)
		}
	}
}

func TestLexiconRankVerbExamples(t *testing.T) {
	for _, w := range lexicon.RankVerbs {
		figs := exampleFigures(w.Example)
		if len(figs) != 1 || figs[0].Kind != KindRank {
			t.Errorf("%s in %q: %v, want one rank", w.Text, w.Example, figStrings(figs))
		}
	}
}
