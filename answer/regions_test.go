package answer

import "testing"

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
