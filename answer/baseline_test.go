package answer

import (
	"testing"

	"github.com/reportbot/reportbot/corpus"
)

func TestOtherBase(t *testing.T) {
	twoYear := corpus.Figure{Kind: corpus.KindGrowth, Comparator: "2019年同期"}
	for _, tt := range []struct {
		q    string
		f    corpus.Figure
		want bool
	}{
		{"郑州一季度GDP增速", twoYear, true},
		{"郑州一季度GDP比2019年同期增长多少", twoYear, false},
		{"郑州一季度GDP较2019年增长多少", twoYear, false},
		{"郑州一季度GDP增速", corpus.Figure{Kind: corpus.KindGrowth, Comparator: "上年同期"}, false},
		{"郑州一季度GDP增速", corpus.Figure{Kind: corpus.KindGrowth, Comparator: "全省"}, false},
	} {
		if got := otherBase(Question{Text: tt.q}, tt.f); got != tt.want {
			t.Errorf("%s with comparator %q: %v, want %v", tt.q, tt.f.Comparator, got, tt.want)
		}
	}
}
