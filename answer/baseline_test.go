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

// A figure the city's report gives to one of its districts is never the
// city's answer, however well its words fit.
func TestDistrictFigureIsNotTheCitys(t *testing.T) {
	e := memEngine(t, report(t, "r/yc.txt", "银川市", "2023-07-20",
		"上半年经济运行\n另外,多个县区指标增速靠前,西夏区(13.0%)和灵武市(8.2%)地区生产总值增速分别位列全区第2位和第6位。\n"))
	for _, q := range []string{"银川GDP增速", "银川的GDP增速分别是多少", "银川地区生产总值增速"} {
		res, err := e.Ask(q, 3)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range res.Answers {
			t.Errorf("%s: answered %s%s of %s", q, a.Value, a.Unit, a.Region)
		}
	}
	// The district itself is answered.
	res, err := e.Ask("西夏区GDP增速", 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Answers) == 0 || res.Answers[0].Value != "13.0" {
		t.Errorf("西夏区GDP增速: %+v", res.Answers)
	}
}
