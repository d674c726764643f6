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
