package figures

import (
	"strings"
	"testing"

	"github.com/reportbot/reportbot/lexicon"
)

func TestLexiconMetricSuffixExamples(t *testing.T) {
	for _, w := range lexicon.MetricSuffixes {
		if got := cleanMetric(w.Example); strings.HasSuffix(got, w.Text) {
			t.Errorf("suffix %s: metric of %q is %q", w.Text, w.Example, got)
		}
	}
}

func TestLexiconVerbObjectExamples(t *testing.T) {
	for _, vo := range lexicon.VerbObjects {
		in, want, _ := strings.Cut(vo.Example, "|")
		if got := cleanMetric(in); got != want {
			t.Errorf("%s: cleanMetric(%q) = %q, want %q", vo.Verb, in, got, want)
		}
	}
}

func TestFirstMonthsAndQuarters(t *testing.T) {
	for _, tt := range []struct {
		text       string
		start, end int
	}{
		{"首三季本地生产总值", 1, 9},
		{"首季度旅客", 1, 3},
		{"首十个月博彩毛收入", 1, 10},
		{"前5月工业投资", 1, 5},
		{"前三季GDP", 1, 9},
	} {
		ms := FindPeriods(tt.text)
		if len(ms) == 0 || ms[0].Period.StartMonth != tt.start || ms[0].Period.EndMonth != tt.end {
			t.Errorf("%s: %+v, want months %d-%d", tt.text, ms, tt.start, tt.end)
		}
	}
}
