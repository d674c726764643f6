package figures

import (
	"fmt"
	"strings"
	"testing"
)

// pmSummary renders mentions compactly: raw{year,start-end,flags}.
func pmSummary(ms []PeriodMention) string {
	var b strings.Builder
	for i, m := range ms {
		if i > 0 {
			b.WriteByte(' ')
		}
		p := m.Period
		fmt.Fprintf(&b, "%s{%d,%d-%d", p.Raw, p.Year, p.StartMonth, p.EndMonth)
		if m.Comparator {
			b.WriteString(",cmp")
		}
		if m.Span {
			fmt.Fprintf(&b, ",span-%d", m.EndYear)
		}
		if m.Date {
			b.WriteString(",date")
		}
		b.WriteString("}")
	}
	return b.String()
}

func TestFindPeriods(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		// Years.
		{"2022年,我市工业项目投资增速高位运行", "2022年{2022,1-12}"},
		{"2022年全年实现产值", "2022年全年{2022,1-12}"},
		{"制定实施2024年度工作计划", "2024年度{2024,1-12}"},
		{"2022年以来,市委大力实施工业强市战略", "2022年以来{2022,0-0}"},
		{"2022年来,我市设立重大产业基金", "2022年来{2022,0-0}"},
		{"从2022年来看", "2022年{2022,1-12}"},
		{"截至2023年底", "截至2023年底{2023,1-12}"},
		{"2023年初", "2023年初{2023,0-0}"},
		{"二〇二三年全市", "二〇二三年{2023,1-12}"},
		{"到2050年", "2050年{2050,1-12}"},

		// Months.
		{"1-10月完成工业固定资产投资76.8亿元", "1-10月{0,1-10}"},
		{"2023年1-5月,全市", "2023年1-5月{2023,1-5}"},
		{"1-5月,全市规上工业增加值同比增长11.4%", "1-5月{0,1-5}"},
		{"1—3月", "1—3月{0,1-3}"},
		{"1–3月", "1–3月{0,1-3}"},
		{"1~3月", "1~3月{0,1-3}"},
		{"1至10月", "1至10月{0,1-10}"},
		{"1到5月", "1到5月{0,1-5}"},
		{"1月-5月", "1月-5月{0,1-5}"},
		{"1月份至5月份", "1月份至5月份{0,1-5}"},
		{"1-5月份", "1-5月份{0,1-5}"},
		{"一至五月", "一至五月{0,1-5}"},
		{"5月份", "5月份{0,5-5}"},
		{"5月,全市", "5月{0,5-5}"},
		{"五月份", "五月份{0,5-5}"},
		{"2023年十月", "2023年十月{2023,10-10}"},
		{"5月底前完成", "5月底{0,5-5}"},
		{"截至5月底", "截至5月底{0,1-5}"},
		{"13个重点产业链二季度目标完成83.2%(截至5月底)", "二季度{0,4-6} 截至5月底{0,1-5}"},
		{"截止5月", "截止5月{0,1-5}"},
		{"截至目前", "截至目前{0,0-0}"},
		{"截至今年5月底", "截至今年5月底{0,1-5}"},
		{"前5个月", "前5个月{0,1-5}"},
		{"今年前五个月", "今年前五个月{0,1-5}"},
		{"预计今年6月开建", "今年6月{0,6-6}"},
		{"历时3个月", ""},
		{"三个月内", ""},
		{"一月一次", ""},

		// Quarters and halves.
		{"预计一季度全市规上工业增加值同比增长26.1%", "一季度{0,1-3}"},
		{"第一季度", "第一季度{0,1-3}"},
		{"1季度", "1季度{0,1-3}"},
		{"第3季度", "第3季度{0,7-9}"},
		{"二季度", "二季度{0,4-6}"},
		{"决战四季度", "四季度{0,10-12}"},
		{"前两季度", "前两季度{0,1-6}"},
		{"前三季度", "前三季度{0,1-9}"},
		{"1-3季度", "1-3季度{0,1-9}"},
		{"截至一季度末", "截至一季度末{0,1-3}"},
		{"2023年上半年重点攻坚", "2023年上半年{2023,1-6}"},
		{"上半年", "上半年{0,1-6}"},
		{"下半年", "下半年{0,7-12}"},
		{"力争全年新增升规企业100户以上", "全年{0,1-12}"},

		// Relative years.
		{"今年安岳天然气打井数将达30口", "今年{0,0-0}"},
		{"今年以来,我市", "今年以来{0,0-0}"},
		{"年初以来", "年初以来{0,0-0}"},
		{"去年全市工业增加值增长5%", "去年{0,1-12}"},
		{"上年全市", "上年{0,1-12}"},
		{"本年度", "本年度{0,1-12}"},
		{"明年力争", "明年{0,0-0}"},
		{"今年上半年", "今年上半年{0,1-6}"},
		{"今年1-5月", "今年1-5月{0,1-5}"},

		// Comparators.
		{"比上年同期增加65个", "上年同期{0,0-0,cmp}"},
		{"较去年同期增长", "去年同期{0,0-0,cmp}"},
		{"去年同期", "去年同期{0,0-0,cmp}"},
		{"2022年同期", "2022年同期{2022,0-0,cmp}"},
		{"比上年增长5%", "上年{0,1-12,cmp}"},
		{"与2022年相比", "2022年{2022,1-12,cmp}"},
		{"高于上年", "上年{0,1-12,cmp}"},
		{"于2023年建成", "2023年{2023,1-12}"},
		{"占比较上年同期提高5.1个百分点", "上年同期{0,0-0,cmp}"},

		// Spans and dates.
		{"《产业园区高质量发展规划(20222026)》", "20222026{2022,0-0,span-2026}"},
		{"2022-2026年", "2022-2026年{2022,0-0,span-2026}"},
		{"2021—2025年", "2021—2025年{2021,0-0,span-2025}"},
		{"版权所有 2011-2023 产业研究网", "2011-2023{2011,0-0,span-2023}"},
		{"2022年至2026年", "2022年至2026年{2022,0-0,span-2026}"},
		{"时间:2023-02-22 12:01:52", "2023-02-22{2023,2-2,date}"},
		{"2023-07-03", "2023-07-03{2023,7-7,date}"},
		{"更新时间:2024-05 来源", "2024-05{2024,5-5,date}"},
		{"2023.07.03", "2023.07.03{2023,7-7,date}"},
		{"2023/7/3", "2023/7/3{2023,7-7,date}"},
		{"2023年7月3日", "2023年7月3日{2023,7-7,date}"},
		{"7月1日起施行", "7月1日{0,7-7,date}"},
		{"截至7月3日", "截至7月3日{0,1-7}"},

		// Not periods.
		{"打造2+4现代化产业集群", ""},
		{"明确30项具体任务", ""},
		{"十四五时期", ""},
		{"领先全省幅度创造近4年以来最好成绩", ""},
		{"近3年来", ""},
		{"投资2000万元", ""},
		{"1068.7亿元", ""},
		{"增长2023.5", ""},
		{"营业收入1000万元以上的企业", ""},
		{"规模以上年产值", ""},
		{"过去年均增长", ""},
		{"v2023年", ""},
		{"12345年", ""},
		{"0.5月", ""},
		{"13-15月", ""},
		{"5-3月", ""},

		// Several in one sentence.
		{"2022年全市规模以上工业增加值增长5.6%,2023年1-5月增长6.1%,比上年同期提高0.5个百分点",
			"2022年{2022,1-12} 2023年1-5月{2023,1-5} 上年同期{0,0-0,cmp}"},
	}
	for _, tt := range tests {
		ms := FindPeriods(tt.in)
		if got := pmSummary(ms); got != tt.want {
			t.Errorf("FindPeriods(%q) = %q, want %q", tt.in, got, tt.want)
		}
		checkMentions(t, tt.in, ms)
	}
}

func checkMentions(t *testing.T, text string, ms []PeriodMention) {
	t.Helper()
	prev := 0
	for _, m := range ms {
		if m.Start < prev || m.End <= m.Start || m.End > len(text) {
			t.Fatalf("FindPeriods(%q): bad offsets %d:%d after %d", text, m.Start, m.End, prev)
		}
		if text[m.Start:m.End] != m.Period.Raw {
			t.Fatalf("FindPeriods(%q): Raw %q != text[%d:%d]", text, m.Period.Raw, m.Start, m.End)
		}
		p := m.Period
		if p.StartMonth < 0 || p.StartMonth > 12 || p.EndMonth < 0 || p.EndMonth > 12 || p.StartMonth > p.EndMonth {
			t.Fatalf("FindPeriods(%q): bad months %+v", text, p)
		}
		prev = m.End
	}
}

func TestPeriodResolve(t *testing.T) {
	tests := []struct {
		raw, date string
		year      int
		text      string
	}{
		{"1-5月", "2023-07-03", 2023, "2023年1-5月"},
		{"1-10月", "2023-03", 2022, "2022年1-10月"},
		{"1-10月", "2023-12-19", 2023, "2023年1-10月"},
		{"1-10月", "2023", 2023, "2023年1-10月"},
		{"1-5月", "", 0, "1-5月"},
		{"一季度", "2024-03-20", 2024, "2024年一季度"},
		{"第一季度", "2024-04", 2024, "2024年一季度"},
		{"二季度", "2023-07-03", 2023, "2023年二季度"},
		{"上半年", "2023-07-03", 2023, "2023年上半年"},
		{"下半年", "2023-12", 2023, "2023年下半年"},
		{"前三季度", "2023-10-20", 2023, "2023年前三季度"},
		{"前两季度", "2023-08", 2023, "2023年前两季度"},
		{"全年", "2023-02-22", 2022, "2022年"},
		{"全年", "2023-12-30", 2023, "2023年"},
		{"截至5月底", "2023-07-03", 2023, "2023年1-5月"},
		{"截至目前", "2023-07-03", 2023, "2023年以来"},
		{"截至目前", "", 0, "截至目前"},
		{"今年", "2023-02-22", 2023, "2023年"},
		{"今年", "", 0, "今年"},
		{"今年以来", "2023-07-03", 2023, "2023年以来"},
		{"今年以来", "", 0, "今年以来"},
		{"年初以来", "2023-07-03", 2023, "2023年以来"},
		{"去年", "2023-07-03", 2022, "2022年"},
		{"上年", "2023", 2022, "2022年"},
		{"去年同期", "2023-07-03", 2022, "2022年同期"},
		{"上年同期", "", 0, "上年同期"},
		{"今年1-5月", "2023-03", 2023, "2023年1-5月"},
		{"今年1-5月", "", 0, "今年1-5月"},
		{"今年上半年", "2023-07", 2023, "2023年上半年"},
		{"明年", "2023-12", 2024, "2024年"},
		{"2022年", "2023-07-03", 2022, "2022年"},
		{"2022年全年", "", 2022, "2022年"},
		{"2024年度", "2024-03", 2024, "2024年"},
		{"2023年1-5月", "2024-01", 2023, "2023年1-5月"},
		{"2023年上半年", "", 2023, "2023年上半年"},
		{"2022年以来", "2023-02-22", 2022, "2022年以来"},
		{"5月份", "2023-07", 2023, "2023年5月"},
		{"1-3月", "2023-04", 2023, "2023年1-3月"},
		{"前5个月", "2023-06", 2023, "2023年1-5月"},
		{"截至2023年底", "2024-01", 2023, "2023年"},
		{"2023年初", "", 2023, "2023年初"},
	}
	for _, tt := range tests {
		ms := FindPeriods(tt.raw)
		if len(ms) != 1 || ms[0].Period.Raw != tt.raw {
			t.Errorf("FindPeriods(%q) = %s, want the whole string", tt.raw, pmSummary(ms))
			continue
		}
		got := ms[0].Period.Resolve(tt.date)
		if got.Year != tt.year || got.Text != tt.text || got.Raw != tt.raw {
			t.Errorf("%q.Resolve(%q) = year %d text %q raw %q; want %d %q", tt.raw, tt.date, got.Year, got.Text, got.Raw, tt.year, tt.text)
		}
		if got.StartMonth != ms[0].Period.StartMonth || got.EndMonth != ms[0].Period.EndMonth {
			t.Errorf("%q.Resolve changed the months: %+v", tt.raw, got)
		}
	}
}

func TestPeriodResolveForward(t *testing.T) {
	p, _ := ParsePeriod("下半年")
	if got := p.Resolve("2023-05-10"); got.Year != 2022 {
		t.Errorf("Resolve: year %d, want 2022 (months after the report month are last year's)", got.Year)
	}
	if got := p.ResolveForward("2023-05-10"); got.Year != 2023 || got.Text != "2023年下半年" {
		t.Errorf("ResolveForward: %+v, want 2023 下半年", got)
	}
	q, _ := ParsePeriod("去年")
	if got := q.ResolveForward("2023-05-10"); got.Year != 2022 {
		t.Errorf("ResolveForward(去年): year %d", got.Year)
	}
	// A period built by hand, without Raw, follows the month rule.
	if got := (Period{StartMonth: 1, EndMonth: 5}).Resolve("2023-07-03"); got.Year != 2023 || got.Text != "2023年1-5月" {
		t.Errorf("bare months: %+v", got)
	}
	if got := (Period{}).Resolve("2023-07-03"); !got.IsZero() {
		t.Errorf("zero period resolved to %+v", got)
	}
}

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in         string
		ok         bool
		year, s, e int
		text       string
	}{
		{"2022年", true, 2022, 1, 12, "2022年"},
		{"2022", true, 2022, 1, 12, "2022年"},
		{" 2022年 ", true, 2022, 1, 12, "2022年"},
		{"一季度", true, 0, 1, 3, "一季度"},
		{"第一季度", true, 0, 1, 3, "一季度"},
		{"二季度", true, 0, 4, 6, "二季度"},
		{"前三季度", true, 0, 1, 9, "前三季度"},
		{"上半年", true, 0, 1, 6, "上半年"},
		{"下半年", true, 0, 7, 12, "下半年"},
		{"全年", true, 0, 1, 12, "全年"},
		{"1-5月", true, 0, 1, 5, "1-5月"},
		{"1至5月", true, 0, 1, 5, "1-5月"},
		{"5月", true, 0, 5, 5, "5月"},
		{"2023年1-5月", true, 2023, 1, 5, "2023年1-5月"},
		{"2023年一季度", true, 2023, 1, 3, "2023年一季度"},
		{"2023年上半年", true, 2023, 1, 6, "2023年上半年"},
		{"2024年度", true, 2024, 1, 12, "2024年"},
		{"今年", true, 0, 0, 0, "今年"},
		{"今年以来", true, 0, 0, 0, "今年以来"},
		{"今年一季度", true, 0, 1, 3, "今年一季度"},
		{"截至5月底", true, 0, 1, 5, "1-5月"},

		{"", false, 0, 0, 0, ""},
		{"2022年工业投资", false, 0, 0, 0, ""},
		{"泰安一季度", false, 0, 0, 0, ""},
		{"一季度增速", false, 0, 0, 0, ""},
		{"2022-2026", false, 0, 0, 0, ""},
		{"3个月", false, 0, 0, 0, ""},
		{"十四五", false, 0, 0, 0, ""},
		{"1068", false, 0, 0, 0, ""},
		{"30项", false, 0, 0, 0, ""},
	}
	for _, tt := range tests {
		p, ok := ParsePeriod(tt.in)
		if ok != tt.ok {
			t.Errorf("ParsePeriod(%q) ok = %v, want %v (%+v)", tt.in, ok, tt.ok, p)
			continue
		}
		if !ok {
			continue
		}
		if p.Year != tt.year || p.StartMonth != tt.s || p.EndMonth != tt.e || p.Text != tt.text {
			t.Errorf("ParsePeriod(%q) = %+v, want %d %d-%d %q", tt.in, p, tt.year, tt.s, tt.e, tt.text)
		}
	}
}

func TestPeriodMatches(t *testing.T) {
	P := func(y, s, e int) Period { return Period{Year: y, StartMonth: s, EndMonth: e} }
	tests := []struct {
		fig, asked Period
		want       bool
	}{
		{P(2022, 1, 12), P(2022, 1, 12), true},
		{P(2022, 0, 0), P(2022, 1, 12), true},  // 2022年 figure without months
		{P(2022, 1, 5), P(2022, 1, 12), false}, // part of the year
		{P(2023, 1, 12), P(2022, 1, 12), false},
		{P(2023, 1, 3), P(0, 1, 3), true}, // 一季度, any year
		{P(2023, 1, 3), P(2023, 1, 3), true},
		{P(2023, 1, 3), P(2022, 1, 3), false},
		{P(2023, 1, 5), P(2023, 1, 3), false},
		{P(0, 1, 3), P(2023, 1, 3), true}, // figure year unknown
		{P(2023, 1, 5), P(2023, 0, 0), true},
		{P(2023, 1, 5), P(0, 0, 0), true},
		{P(0, 0, 0), P(2023, 1, 3), false},
		{P(2023, 4, 6), P(0, 1, 6), false},
	}
	for _, tt := range tests {
		if got := tt.fig.Matches(tt.asked); got != tt.want {
			t.Errorf("%+v.Matches(%+v) = %v, want %v", tt.fig, tt.asked, got, tt.want)
		}
	}
	// End to end: a question's period against a figure's resolved period.
	asked, _ := ParsePeriod("2023年一季度")
	fig := FindPeriods("预计一季度全市规上工业增加值同比增长26.1%")[0].Period.Resolve("2023-03-28")
	if !fig.Matches(asked) {
		t.Errorf("%+v should match %+v", fig, asked)
	}
	whole, _ := ParsePeriod("2022年")
	if !FindPeriods("2022年,我市")[0].Period.Resolve("2023-02-22").Matches(whole) {
		t.Errorf("2022年 should match 2022年")
	}
}

func FuzzFindPeriods(f *testing.F) {
	for _, s := range []string{
		"2023年1-5月,全市规上工业增加值同比增长11.4%,比上年同期提高0.5个百分点",
		"截至5月底,今年以来,前三季度,上半年,一至五月,前5个月,2022年全年",
		"《产业园区高质量发展规划(20222026)》 2023-07-03 2023年7月3日 2+4 30项 3个月",
		"截至2023年底 2024-05 1-3季度 第一季度 二〇二三年十月",
		"\xe5\xb9\xb4\xff截至",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ms := FindPeriods(s)
		checkMentions(t, s, ms)
		for _, m := range ms {
			p := m.Period.Resolve("2023-07-03")
			if p.Text == "" {
				t.Fatalf("empty Text for %+v", m)
			}
			p.Matches(m.Period)
		}
		if p, ok := ParsePeriod(s); ok {
			if p.StartMonth > p.EndMonth || p.EndMonth > 12 {
				t.Fatalf("ParsePeriod(%q) = %+v", s, p)
			}
		}
	})
}

func BenchmarkFindPeriods(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		FindPeriods(benchText)
	}
}

func TestFindPeriodsText(t *testing.T) {
	tests := []struct{ in, text string }{
		{"(20222026)", "2022-2026年"},
		{"2023年1-5月", "2023年1-5月"},
		{"1—3月", "1-3月"},
		{"第一季度", "一季度"},
		{"今年前三季度", "今年前三季度"},
		{"上年同期", "上年同期"},
		{"截至5月底", "1-5月"},
		{"年初以来", "年初以来"},
		{"2023年7月3日", "2023年7月"},
	}
	for _, tt := range tests {
		ms := FindPeriods(tt.in)
		if len(ms) != 1 || ms[0].Period.Text != tt.text {
			t.Errorf("FindPeriods(%q) = %+v, want Text %q", tt.in, ms, tt.text)
		}
	}
}
