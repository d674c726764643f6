package answer

import "testing"

// TestReportStyles runs questions against reports written in the styles
// that are common besides the seed reports: an annual government work
// report (a list of indicators separated by semicolons, Chinese-numeral
// ranks, next year's targets) and a half-year bulletin whose period is
// named only in its title.
func TestReportStyles(t *testing.T) {
	e := memEngine(t,
		report(t, "gov/report1.txt", "", "",
			"2024年南阳市政府工作报告\n发布时间:2024-01-30 来源:南阳日报\n"+
				"2023年,全市实现地区生产总值4921.2亿元,同比增长4.1%;规模以上工业增加值增长6.7%,增速居全省第三位;"+
				"固定资产投资增长9.2%,其中工业投资增长18.5%;社会消费品零售总额2463.9亿元,增长5.8%;一般公共预算收入238.5亿元,增长8.1%。\n"+
				"全年新增规上工业企业210家,总数达到2150家。进出口总额263.4亿元,下降3.2%。\n"+
				"2024年主要预期目标是:地区生产总值增长6%左右,规模以上工业增加值增长7%以上。\n"),
		report(t, "gov/信阳_2023-08_上半年经济.txt", "", "",
			"信阳市上半年经济运行情况\n"+
				"上半年,全市地区生产总值完成1478.6亿元,同比增长5.3%,高于全省1.5个百分点,增速位居全省第二。\n"+
				"1-6月,全市规上工业增加值同比增长6.2%,比全省高2.1个百分点;工业用电量同比下降2.4%。\n"+
				"全市社会消费品零售总额690.2亿元,同比增长7.1%。\n"),
	)
	tests := []struct{ q, value, unit string }{
		{"南阳GDP增速", "4.1", "%"},
		{"南阳地区生产总值是多少", "4921.2", "亿元"},
		{"南阳固定资产投资增速", "9.2", "%"}, // not 工业投资 18.5
		{"南阳工业投资增速", "18.5", "%"},
		{"南阳社零总额", "2463.9", "亿元"},
		{"南阳规上工业增加值全省排名", "3", "位"},
		{"南阳规上工业企业总数", "2150", "家"},
		{"南阳进出口增速", "3.2", "%"},
		{"南阳2024年GDP目标", "6", "%"},
		{"信阳GDP全省排第几", "2", "位"},
		{"信阳规上工业增加值比全省高多少", "2.1", "个百分点"},
		{"信阳上半年社会消费品零售总额", "690.2", "亿元"},
	}
	for _, tt := range tests {
		res, err := e.Ask(tt.q, 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Answers) == 0 {
			t.Errorf("%s: no answer (%s)", tt.q, res.Note)
			continue
		}
		if a := res.Answers[0]; a.Value != tt.value || a.Unit != tt.unit {
			t.Errorf("%s = %s %s (%s), want %s %s", tt.q, a.Value, a.Unit, a.Metric, tt.value, tt.unit)
		}
	}
	for _, q := range []string{"南阳工业用电量", "信阳一季度GDP增速", "南阳人均可支配收入"} {
		res, _ := e.Ask(q, 3)
		if len(res.Answers) > 0 {
			t.Errorf("%s: answered %s %s (%s), want none", q, res.Answers[0].Value, res.Answers[0].Unit, res.Answers[0].Metric)
		}
	}
}

// TestCountyReports: a county's own report answers questions about the
// county, and never questions about its city.
func TestCountyReports(t *testing.T) {
	e := memEngine(t,
		report(t, "county/安岳县2023年政府工作报告.txt", "", "",
			"安岳县2023年政府工作报告\n发布时间:2024-01-20\n2023年,全县地区生产总值增长6.8%,规模以上工业增加值增长9.1%。\n"),
		report(t, "city/资阳2023年经济运行.txt", "", "",
			"资阳市2023年经济运行情况\n发布时间:2024-01-25\n2023年,全市地区生产总值增长5.5%。\n"),
	)
	for _, tt := range []struct{ q, value string }{
		{"安岳GDP增速", "6.8"},
		{"安岳县规上工业增加值增速", "9.1"},
		{"资阳GDP增速", "5.5"},
		{"资阳规上工业增加值增速", ""}, // only the county states it
	} {
		res, err := e.Ask(tt.q, 3)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if len(res.Answers) > 0 {
			got = res.Answers[0].Value
		}
		if got != tt.value {
			t.Errorf("%s = %q, want %q", tt.q, got, tt.value)
		}
	}
}
