package answer

import (
	"testing"
	"time"

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
		noAnswer(t, e, q)
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

func TestSiblingIndicator(t *testing.T) {
	for _, tt := range []struct {
		asked, metric string
		want          bool
	}{
		{"服务业增加值", "数字经济核心产业增加值", true},
		{"制造业民间投资", "工业民间投资", true},
		{"工业投资", "制造业投资", true},
		{"规上工业增加值", "规上工业利润总额总量", true},
		{"规上工业营业收入", "规上工业利润总额", true},
		{"城镇居民人均可支配收入", "城镇居民人均消费支出", true},
		{"工业投资", "工业用电量", true},
		// One character apart, or a shared character: not told apart.
		{"进出口总额", "进出口总值", false},
		{"社会消费品零售总额", "社会消费品零售额", false},
		{"工业技改投资", "工业投资增速", false},
		// A narrower or the same indicator is no sibling.
		{"工业增加值", "规模以上工业增加值", false},
		{"固定资产投资", "工业固定资产投资", false},
		{"服务业增加值", "服务业增加值", false},
	} {
		if got := siblingIndicator(canonical(tt.asked), canonical(tt.metric)); got != tt.want {
			t.Errorf("siblingIndicator(%s, %s) = %v, want %v", tt.asked, tt.metric, got, tt.want)
		}
	}
}

// Another industry's figure is no answer, even with the asked industry
// named in the sentence before it.
func TestOtherIndustryIsNoAnswer(t *testing.T) {
	e := memEngine(t, report(t, "r/w.txt", "芜湖市", "2022-05-24", "芜湖市经济运行\n二是全面落实服务业扩容提质。预计全年全市数字经济核心产业增加值将突破332亿元。\n"))
	noAnswer(t, e, "芜湖2022年服务业增加值完成多少亿元")
}

// A question with a target word asks for the target, whatever forecast
// word it also has; what was achieved is never its answer.
func TestTargetQuestions(t *testing.T) {
	g := corpus.DefaultGazetteer()
	for _, q := range []string{"泰安地区生产总值预期增长目标", "泰安GDP增长目标", "泰安今年预期目标GDP增速"} {
		if m := ParseQuestion(q, g, time.Date(2023, 7, 1, 0, 0, 0, 0, time.UTC)).Modality; m != "target" {
			t.Errorf("%s: modality %q, want target", q, m)
		}
	}
	if m := ParseQuestion("泰安预计全年GDP增速", g, time.Now()).Modality; m != "forecast" {
		t.Errorf("预计全年: modality %q, want forecast", m)
	}
	e := memEngine(t, report(t, "r/ta.txt", "泰安市", "2023-07-20", "上半年经济运行\n上半年,全市地区生产总值增长6.1%。\n"))
	noAnswer(t, e, "泰安地区生产总值预期增长目标")
}

// 固投 asked is all fixed-asset investment: a part of it (项目投资) is
// another number; the whole named as 全社会 is not.
func TestBareHeadIsTheWhole(t *testing.T) {
	if !partOfBareHead(canonical("固投"), canonical("项目投资")) || partOfBareHead(canonical("固投"), canonical("全社会固定资产投资")) ||
		partOfBareHead(canonical("工业投资"), canonical("工业技改投资")) {
		t.Errorf("partOfBareHead")
	}
	e := memEngine(t, report(t, "r/yc.txt", "银川市", "2023-07-27", "上半年经济运行\n上半年,全市项目投资增长13.2%,高于房地产开发投资。\n"))
	noAnswer(t, e, "银川上半年固投增速")
}

// What something contributed to an indicator is not the indicator's value.
func TestContributionIsNoValue(t *testing.T) {
	e := memEngine(t, report(t, "r/zy.txt", "遵义市", "2021-08-01", "上半年工业运行\n其中,饮料制造业增长49.3%,强力拉动全市规模以上工业增加值增长30.5个百分点。\n"))
	noAnswer(t, e, "遵义规上工业增加值多少")
	if !contributionUnasked(Question{Text: "遵义规上工业增加值多少"}, "拉动规上工业增加值") || contributionUnasked(Question{Text: "酒业拉动规上工业增加值多少"}, "拉动规上工业增加值") {
		t.Errorf("contributionUnasked")
	}
}

// noAnswer fails for every answer e gives to q: q's figure is not stated,
// and any number would be another one.
func noAnswer(t *testing.T, e *Engine, q string) {
	t.Helper()
	res, err := e.Ask(q, 3)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range res.Answers {
		t.Errorf("%s: answered %s%s of %s (%s)", q, a.Value, a.Unit, a.Metric, a.Region)
	}
}
