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

func TestFractions(t *testing.T) {
	for _, tt := range []struct {
		text string
		raw  string
		frac bool
	}{
		{"占全市比重超1/3", "1/3", true},
		{"约2/5的企业", "2/5", true},
		{"2023/7/3发布", "2023", false},
		{"7/3", "7", false}, // not below one: no share
	} {
		toks := ScanNumbers(tt.text)
		if len(toks) == 0 || toks[0].Raw != tt.raw || toks[0].Fraction != tt.frac {
			t.Errorf("%s: %+v, want %s fraction=%v", tt.text, toks, tt.raw, tt.frac)
		}
	}
}

func TestROCYear(t *testing.T) {
	ms := FindPeriods("民国111年招商金额")
	if len(ms) == 0 || ms[0].Period.Year != 2022 {
		t.Errorf("民国111年: %+v, want 2022", ms)
	}
}
