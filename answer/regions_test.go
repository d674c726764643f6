package answer

import (
	"testing"

	"github.com/reportbot/reportbot/corpus"
)

// A province's question is answered from the province's own figures, not
// from one of its cities'; a city's from the city's, wherever they are
// stated.
func TestProvinceAndCityQuestions(t *testing.T) {
	e := memEngine(t,
		report(t, "p/湖南_2024-09_经济运行.txt", "", "",
			"湖南1至8月经济运行情况\n"+
				"1-8月,全省规模工业增加值同比增长7.2%,全省固定资产投资增长3.5%。\n"+
				"全省规模工业增加值增长较快的有郴州、衡阳。\n"),
		report(t, "c/郴州_2024-09_工业.txt", "", "",
			"郴州市1-8月工业经济\n"+
				"1-8月,全市规模工业增加值增长8.9%,全市社会消费品零售总额增长6.1%。\n"),
		report(t, "c/衡阳_2024-09_消费.txt", "", "",
			"衡阳市1-8月消费市场\n"+
				"1-8月,全市社会消费品零售总额增长5.4%。\n"),
	)
	for _, tt := range []struct{ q, want string }{
		{"湖南1-8月规上工业增速", "7.2"},
		{"郴州1-8月规上工业增速", "8.9"},
		{"湖南1-8月固投增速", "3.5"},
		{"湖南1-8月社零增速", ""}, // only its cities state one
		{"衡阳1-8月规上工业增速", ""},
	} {
		res, err := e.Ask(tt.q, 3)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if len(res.Answers) > 0 {
			got = res.Answers[0].Value
		}
		if got != tt.want {
			t.Errorf("%s = %q, want %q", tt.q, got, tt.want)
		}
	}
}

func TestImpliedYear(t *testing.T) {
	for _, tt := range []struct {
		date, modality string
		want           int
	}{
		{"2021-02-20", "", 2020}, // a work report reviews the year before
		{"2021-02-20", "target", 2021},
		{"2021-07-03", "", 2021},
		{"2021", "", 2021},
		{"", "", 0},
	} {
		if got := impliedYear(tt.date, tt.modality).Year; got != tt.want {
			t.Errorf("impliedYear(%q, %q) = %d, want %d", tt.date, tt.modality, got, tt.want)
		}
	}
}

// A figure of another kind is never an answer, however well its words fit.
func TestKindOfAnotherSortIsNoAnswer(t *testing.T) {
	e := memEngine(t, report(t, "r/沧州_2023-08_工业.txt", "", "",
		"沧州市上半年工业运行\n上半年,全市规模以上工业增加值增速位列全省13个市第2位。\n"))
	res, err := e.Ask("沧州上半年规上工业增速", 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Answers) > 0 {
		t.Errorf("answered %s%s (%s) to a question for a growth", res.Answers[0].Value, res.Answers[0].Unit, res.Answers[0].Kind)
	}
}

// A question that names no kind asks for the level; a bound (突破) loses to
// the precise value said with it.
func TestLevelAndPreciseValueFirst(t *testing.T) {
	e := memEngine(t, report(t, "r/泰州_2023-07_经济.txt", "", "",
		"泰州市上半年经济运行\n上半年,全市生产总值突破3000亿元,达3215亿元,增长6.5%。\n"))
	res, err := e.Ask("泰州上半年GDP", 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Answers) == 0 || res.Answers[0].Value != "3215" {
		t.Errorf("answers %+v, want 3215 first", res.Answers)
	}
}

func TestSinceYearStart(t *testing.T) {
	ytd := corpus.Period{Year: 2023, StartMonth: 1, EndMonth: 4, Text: "2023年以来"}
	for _, tt := range []struct {
		asked corpus.Period
		date  string
		want  bool
	}{
		{corpus.Period{StartMonth: 1, EndMonth: 3}, "2023-04-10", true},
		{corpus.Period{Year: 2023, StartMonth: 1, EndMonth: 4}, "2023-04-10", true},
		{corpus.Period{StartMonth: 1, EndMonth: 6}, "2023-04-10", false},
		{corpus.Period{Year: 2022, StartMonth: 1, EndMonth: 3}, "2023-04-10", false},
		{corpus.Period{StartMonth: 4, EndMonth: 6}, "2023-04-10", false},
	} {
		if got := sinceYearStart(ytd, tt.asked, tt.date); got != tt.want {
			t.Errorf("%+v in %s: %v, want %v", tt.asked, tt.date, got, tt.want)
		}
	}
}

// The report's topic, named in its title, is said of its figures.
func TestTitleTopic(t *testing.T) {
	e := memEngine(t, report(t, "r/玉屏_2022-04_招商.txt", "", "",
		"玉屏县一季度招商引资工作情况\n第一季度到位资金1.03亿元,新签约项目5个。\n"))
	res, err := e.Ask("玉屏一季度招商到位资金", 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Answers) == 0 || res.Answers[0].Value != "1.03" {
		t.Errorf("answers %+v, want 1.03", res.Answers)
	}
}

// A question for a target is never answered with what was achieved.
func TestTargetIsNotAchievement(t *testing.T) {
	e := memEngine(t, report(t, "r/秀洲_2022-02_报告.txt", "", "",
		"秀洲区政府工作报告\n过去一年,全区地区生产总值增长8.5%。\n"))
	res, err := e.Ask("秀洲2022年GDP增长目标", 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Answers) > 0 {
		t.Errorf("answered %s%s, an achievement, to a question for a target", res.Answers[0].Value, res.Answers[0].Unit)
	}
}
