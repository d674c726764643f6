package answer

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reportbot/reportbot/corpus"
	"github.com/reportbot/reportbot/lexicon"
)

// Reading a claim: each figure with its value, kind, indicator, period,
// region and modality, as a report sentence is read.
func TestReadClaim(t *testing.T) {
	type fig struct {
		value    string
		number   float64
		kind     string
		metric   string // "" when the figure has no indicator
		region   string
		period   string
		modality string
		qual     string
	}
	cases := []struct {
		name  string
		claim string
		opt   CheckOptions
		want  []fig
	}{
		{"rounding word before", "2023年1-5月,泰安市工业投资增长约32%。", CheckOptions{},
			[]fig{{"32", 32, "growth", "工业投资", "泰安市", "2023年1-5月", "", "约"}}},
		{"rounding word after", "2023年泰安市地区生产总值增长6%左右。", CheckOptions{},
			[]fig{{"6", 6, "growth", "地区生产总值", "泰安市", "2023年", "", "左右"}}},
		{"near", "2023年1-5月泰安市工业投资增长近32%。", CheckOptions{},
			[]fig{{"32", 32, "growth", "工业投资", "泰安市", "2023年1-5月", "", "近"}}},
		{"decline is negative", "2022年,云和县生产总值比上年下降3.2%。", CheckOptions{},
			[]fig{{"3.2", -3.2, "growth", "生产总值", "云和县", "2022年", "", ""}}},
		{"target", "泰安市2024年地区生产总值预期目标是增长6%。", CheckOptions{},
			[]fig{{"6", 6, "growth", "地区生产总值", "泰安市", "2024年", "target", ""}}},
		{"forecast", "2025年,苏州市地区生产总值预计达到2.77万亿元。", CheckOptions{},
			[]fig{{"2.77", 2.77, "amount", "地区生产总值", "苏州市", "2025年", "forecast", ""}}},
		{"several figures, indicator carried", "2023年1-5月,泰安市工业投资同比增长31.9%,增速居全省第2位;规上工业增加值增长8.4%。", CheckOptions{},
			[]fig{
				{"31.9", 31.9, "growth", "工业投资", "泰安市", "2023年1-5月", "", ""},
				{"2", 2, "rank", "工业投资", "泰安市", "2023年1-5月", "", ""},
				{"8.4", 8.4, "growth", "规上工业增加值", "泰安市", "2023年1-5月", "", ""},
			}},
		{"region and date from the defaults", "今年1-5月全市工业投资增长31.9%。", CheckOptions{Region: "泰安", Date: "2023-07"},
			[]fig{{"31.9", 31.9, "growth", "工业投资", "泰安市", "2023年1-5月", "", ""}}},
		{"region carried to the next sentence", "泰安市2023年1-5月工业投资增长31.9%。规上工业增加值增长8.4%。", CheckOptions{},
			[]fig{
				{"31.9", 31.9, "growth", "工业投资", "泰安市", "2023年1-5月", "", ""},
				// The period heading the first sentence holds for the next.
				{"8.4", 8.4, "growth", "规上工业增加值", "泰安市", "2023年1-5月", "", ""},
			}},
		{"the place a rank is about, not its scope", "2014年上半年,南昌市财政总收入增速居江西全省第1位。", CheckOptions{},
			[]fig{{"1", 1, "rank", "财政总收入", "南昌市", "2014年上半年", "", ""}}},
		{"province then a city in it", "2017年,江苏常熟市地区生产总值2280亿元。", CheckOptions{},
			[]fig{{"2280", 2280, "amount", "地区生产总值", "常熟市", "2017年", "", ""}}},
		{"each figure is of the place named before it", "2023年1-6月,济宁工业投资增长12.5%,淄博工业投资增长31.2%。", CheckOptions{},
			[]fig{
				{"12.5", 12.5, "growth", "工业投资", "济宁市", "2023年1-6月", "", ""},
				{"31.2", 31.2, "growth", "工业投资", "淄博市", "2023年1-6月", "", ""},
			}},
		{"the place compared with is not the subject", "2023年,山东GDP增长6%,江苏GDP增长5.8%,高于浙江0.2个百分点。", CheckOptions{},
			[]fig{
				{"6", 6, "growth", "GDP", "山东省", "2023年", "", ""},
				{"5.8", 5.8, "growth", "GDP", "江苏省", "2023年", "", ""},
				{"0.2", 0.2, "diff", "GDP", "江苏省", "2023年", "", ""},
			}},
		{"the whole named after its parts", "2021年前三季度,遵义、安顺地区生产总值分别增长11.7%、11.3%,贵阳增长4.8%,全省地区生产总值增长8.7%。", CheckOptions{},
			[]fig{
				{"11.7", 11.7, "growth", "地区生产总值", "遵义市", "2021年前三季度", "", ""},
				{"11.3", 11.3, "growth", "地区生产总值", "安顺市", "2021年前三季度", "", ""},
				{"4.8", 4.8, "growth", "地区生产总值", "贵阳市", "2021年前三季度", "", ""},
				{"8.7", 8.7, "growth", "地区生产总值", "贵州省", "2021年前三季度", "", ""},
			}},
		{"the whole stays the subject; 全省 compared with is not", "2023年1-5月,肥城工业投资增长9.1%,全市工业投资增长31.9%,高于全省21.7个百分点。", CheckOptions{},
			[]fig{
				{"9.1", 9.1, "growth", "工业投资", "肥城市", "2023年1-5月", "", ""},
				{"31.9", 31.9, "growth", "工业投资", "泰安市", "2023年1-5月", "", ""},
				{"21.7", 21.7, "diff", "工业投资", "泰安市", "2023年1-5月", "", ""},
			}},
		{"a list distributed", "2021年前三季度,遵义、安顺地区生产总值分别增长11.7%、11.3%。", CheckOptions{},
			[]fig{
				{"11.7", 11.7, "growth", "地区生产总值", "遵义市", "2021年前三季度", "", ""},
				{"11.3", 11.3, "growth", "地区生产总值", "安顺市", "2021年前三季度", "", ""},
			}},
		{"no indicator nearby", "增长8.4%。", CheckOptions{},
			[]fig{{"8.4", 8.4, "growth", "", "", "", "", ""}}},
		{"no figure", "泰安市工业运行平稳向好。", CheckOptions{}, nil},
	}
	g := corpus.DefaultGazetteer()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ReadClaim(c.claim, g, c.opt)
			if len(got) != len(c.want) {
				t.Fatalf("%q: %d figures, want %d: %+v", c.claim, len(got), len(c.want), got)
			}
			for i, w := range c.want {
				f := got[i]
				if f.Value != w.value || f.Number != w.number || f.Kind != w.kind || f.Region != w.region ||
					f.Period != w.period || f.Modality != w.modality || f.Qualifier != w.qual {
					t.Errorf("%q figure %d: got %s %v %s region=%s period=%s modality=%s qualifier=%s, want %+v",
						c.claim, i, f.Value, f.Number, f.Kind, f.Region, f.Period, f.Modality, f.Qualifier, w)
				}
				if !strings.Contains(f.Metric, w.metric) || w.metric == "" && f.Metric != "" {
					t.Errorf("%q figure %d: metric %q, want %q", c.claim, i, f.Metric, w.metric)
				}
				if c.claim[f.Span.Start:f.Span.End] != f.Text || !strings.Contains(f.Text, strings.TrimPrefix(w.value, "-")) {
					t.Errorf("%q figure %d: text %q at %v", c.claim, i, f.Text, f.Span)
				}
			}
		})
	}
}

// Every rounding word of lexicon.RoundingWords is read from its example
// as the qualifier of its figure.
func TestRoundingWordsAreRead(t *testing.T) {
	g := corpus.DefaultGazetteer()
	for _, w := range lexicon.RoundingWords {
		figs := ReadClaim(w.Example, g, CheckOptions{})
		found := false
		for _, f := range figs {
			if r, ok := lexicon.RoundingOf(f.Qualifier); ok && r == w.Rounding && f.Qualifier == w.Text {
				found = true
			}
		}
		if !found {
			t.Errorf("RoundingWords %q: %q read as %+v", w.Text, w.Example, figs)
		}
	}
}

func TestStatesFigures(t *testing.T) {
	for _, c := range []struct {
		msg  string
		want bool
	}{
		{"今年1-5月,全市工业投资同比增长31.9%,增速居全省第2位", true},
		{"泰安市规上工业增加值增长8.4%。", true},
		{"泰安工业投资增速", false},         // a question with no figure
		{"2023年泰安工业投资增速是多少", false}, // a year is no figure
		{"泰安工业投资增长31.9%吗", false},
		{"泰安工业投资增长31.9%?", false},
		{"泰安工业投资增长31.9%?", false},
		{"泰安工业投资增速排全省第几", false},
	} {
		if got := StatesFigures(c.msg); got != c.want {
			t.Errorf("StatesFigures(%q) = %v, want %v", c.msg, got, c.want)
		}
	}
	for _, w := range lexicon.QuestionMarkers {
		if StatesFigures(w.Example) {
			t.Errorf("QuestionMarkers %q: %q is taken for a claim", w.Text, w.Example)
		}
	}
}

func checkEngine(t testing.TB) *Engine {
	return memEngine(t,
		report(t, "a/taian_2023.txt", "泰安市", "2023-07-10",
			"1-5月工业运行情况\n"+
				"1-5月,全市工业投资同比增长31.9%,增速居全省第2位;规上工业增加值增长8.4%。\n"+
				"全市工业技改投资增长20.1%。\n"+
				"2023年全市地区生产总值预期目标是增长6%左右。\n"),
		report(t, "a/jinan_2023.txt", "济南市", "2023-07-12",
			"1-5月工业运行情况\n"+
				"1-5月,全市工业投资同比增长12.5%。\n"),
	)
}

func TestCheckVerdicts(t *testing.T) {
	e := checkEngine(t)
	for _, c := range []struct {
		claim string
		opt   CheckOptions
		want  []Verdict
	}{
		{"2023年1-5月,泰安市工业投资同比增长31.9%。", CheckOptions{}, []Verdict{Confirmed}},
		{"2023年1-5月,泰安市工业投资同比增长31.90%。", CheckOptions{}, []Verdict{Confirmed}},
		{"2023年1-5月,泰安市工业投资同比增长约32%。", CheckOptions{}, []Verdict{Confirmed}},
		{"2023年1-5月,泰安市工业投资同比增长近32%。", CheckOptions{}, []Verdict{Confirmed}},
		{"2023年1-5月,泰安市工业投资同比增长35.9%。", CheckOptions{}, []Verdict{Contradicted}},
		{"2023年1-5月,泰安市工业投资同比下降31.9%。", CheckOptions{}, []Verdict{Contradicted}},
		{"今年1-5月,全市工业投资同比增长31.9%,增速居全省第3位;规上工业增加值增长8.4%。",
			CheckOptions{Region: "泰安", Date: "2023-07"}, []Verdict{Confirmed, Contradicted, Confirmed}},
		// Another region's number does not confirm: 济南's own report contradicts it.
		{"2023年1-5月,济南市工业投资同比增长31.9%。", CheckOptions{}, []Verdict{Contradicted}},
		// A part's number (技改投资 of 工业投资) does not confirm the whole.
		{"2023年1-5月,泰安市工业投资同比增长20.1%。", CheckOptions{}, []Verdict{Contradicted}},
		// A target is not an achievement, nor the other way round.
		{"2023年泰安市地区生产总值增长6.5%。", CheckOptions{}, []Verdict{Unverified}},
		{"2023年泰安市地区生产总值增长目标是6%左右。", CheckOptions{}, []Verdict{Confirmed}},
		// Without a region, a number is not contradicted.
		{"2023年1-5月,工业投资同比增长40%。", CheckOptions{}, []Verdict{Unverified}},
		{"2023年1-5月,泰安市服务业增加值增长7.2%。", CheckOptions{}, []Verdict{Unverified}},
		// Without a period, nor a date to give one, it may be of any year.
		{"泰安市工业投资同比增长40%。", CheckOptions{}, []Verdict{Unverified}},
		// The wrong period is no contradiction.
		{"2023年1-6月,泰安市工业投资同比增长35.9%。", CheckOptions{}, []Verdict{Unverified}},
	} {
		res, err := e.Check(c.claim, c.opt)
		if err != nil {
			t.Fatal(err)
		}
		var got []Verdict
		for _, f := range res.Figures {
			got = append(got, f.Verdict)
		}
		if len(got) != len(c.want) {
			t.Errorf("%q: verdicts %v, want %v", c.claim, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				f := res.Figures[i]
				t.Errorf("%q figure %s: %s (%s; looked for %s), want %s", c.claim, f.Claimed.Text, got[i], f.Why, f.LookedFor, c.want[i])
			}
		}
		if res.Contradicted() != (res.Count(Contradicted) > 0) {
			t.Errorf("%q: Contradicted() disagrees with the count", c.claim)
		}
	}
}

func TestWriteCheck(t *testing.T) {
	e := checkEngine(t)
	res, err := e.Check("2023年1-5月,泰安市工业投资同比增长35.9%,规上工业增加值增长8.4%,服务业增长7.2%。", CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	WriteCheck(&b, res)
	out := b.String()
	for _, want := range []string{"35.9%✗(报告为31.9%)", "8.4%✓", "7.2%?", "3个数字: 1个相符, 1个不符, 1个未能核实", "taian_2023.txt"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// The claim reader takes any text without panicking, and its spans point
// at the figures' text in the claim.
func FuzzReadClaim(f *testing.F) {
	for _, s := range []string{
		"今年1-5月,全市工业投资同比增长31.9%,增速居全省第2位;规上工业增加值增长8.4%",
		"2022年云和县生产总值比上年下降4.1%。",
		"增长约32%左右",
		"近3000户\n\n超过100亿元",
		"",
		"第一季度,外出招商考察9次",
	} {
		f.Add(s)
	}
	g := corpus.DefaultGazetteer()
	f.Fuzz(func(t *testing.T, s string) {
		for _, fig := range ReadClaim(s, g, CheckOptions{Region: "泰安", Date: "2023-07"}) {
			sp := fig.Span
			if sp.Start < 0 || sp.End > len(s) || sp.Start > sp.End {
				t.Fatalf("span %v outside %d bytes", sp, len(s))
			}
			if utf8.ValidString(s) && s[sp.Start:sp.End] != fig.Text {
				t.Fatalf("text %q, span says %q", fig.Text, s[sp.Start:sp.End])
			}
		}
	})
}

// Rounding and units: which report values a claimed figure matches.
func TestValueMatches(t *testing.T) {
	for _, c := range []struct {
		value, unit, qual string
		number            float64
		report            Answer
		want              bool
	}{
		{"31.9", "%", "", 31.9, Answer{Value: "31.90", Number: 31.9, Unit: "%"}, true},
		{"95.1435", "亿元", "", 95.1435, Answer{Value: "951435", Number: 951435, Unit: "万元"}, true},
		{"1620.3", "亿元", "", 1620.3, Answer{Value: "1620.3", Number: 1620.3, Unit: "億元"}, true},
		{"32", "%", "约", 32, Answer{Value: "31.9", Number: 31.9, Unit: "%"}, true},
		{"32", "%", "近", 32, Answer{Value: "31.9", Number: 31.9, Unit: "%"}, true},
		{"32", "%", "近", 32, Answer{Value: "32.4", Number: 32.4, Unit: "%"}, false},
		{"30", "%", "超过", 30, Answer{Value: "31.9", Number: 31.9, Unit: "%"}, true},
		{"35", "%", "约", 35, Answer{Value: "31.9", Number: 31.9, Unit: "%"}, false},
		{"32", "%", "", 32, Answer{Value: "31.9", Number: 31.9, Unit: "%"}, true}, // written to fewer digits
		{"31.8", "%", "", 31.8, Answer{Value: "31.9", Number: 31.9, Unit: "%"}, false},
		{"3.2", "%", "", -3.2, Answer{Value: "3.2", Number: 3.2, Unit: "%"}, false}, // a decline is not a growth
		{"7", "位", "", 7, Answer{Value: "七", Number: 7, Unit: "名"}, true},
		{"2", "个百分点", "", 2, Answer{Value: "2", Number: 2, Unit: "%"}, false},
	} {
		cf := ClaimedFigure{Value: c.value, Number: c.number, Unit: c.unit, Qualifier: c.qual, Text: c.qual + c.value + c.unit}
		if got, _ := valueMatches(cf, c.report); got != c.want {
			t.Errorf("%s%s%s against %s%s: %v, want %v", c.qual, c.value, c.unit, c.report.Value, c.report.Unit, got, c.want)
		}
	}
}

// The rows of lexicon's claim tables, each run on its example.
func TestClaimTablesRunOnTheirExamples(t *testing.T) {
	for _, w := range lexicon.MeasureWords {
		if !measureWords(canonical(w.Example))[w.Text] {
			t.Errorf("MeasureWords %q: not found in %q", w.Text, w.Example)
		}
	}
	for _, w := range lexicon.Eras {
		e, ok := findEra(w.Example, "2026-01")
		if !ok || e.text != w.Text || e.from == 0 {
			t.Errorf("Eras %q: %q read as %+v", w.Text, w.Example, e)
		}
	}
	for _, f := range lexicon.ClaimFrames {
		i := strings.Index(f.Example, f.Open)
		j := strings.LastIndex(f.Example, f.Close)
		if i < 0 || j < i {
			t.Errorf("ClaimFrames %s…%s: not in %q", f.Open, f.Close, f.Example)
			continue
		}
		framed := f.Example[i : j+len(f.Close)]
		if got := withoutFrame(framed); got != f.Example[i+len(f.Open):j] {
			t.Errorf("ClaimFrames %s…%s: %q → %q", f.Open, f.Close, framed, got)
		}
	}
}

func BenchmarkCheck(b *testing.B) {
	e := checkEngine(b)
	const draft = "今年1-5月,全市工业投资同比增长31.9%,增速居全省第3位;规上工业增加值增长8.4%,服务业增加值增长7.2%。"
	opt := CheckOptions{Region: "泰安", Date: "2023-07"}
	for b.Loop() {
		if _, err := e.Check(draft, opt); err != nil {
			b.Fatal(err)
		}
	}
}
