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
