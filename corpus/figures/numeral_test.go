package figures

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseChineseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"一", 1, true},
		{"两", 2, true},
		{"十", 10, true},
		{"二十", 20, true},
		{"十二", 12, true},
		{"二十五", 25, true},
		{"一百", 100, true},
		{"一百零五", 105, true},
		{"一百一十", 110, true},
		{"一百五", 150, true},
		{"两千", 2000, true},
		{"一千零二十", 1020, true},
		{"一千零五", 1005, true},
		{"三千五", 3500, true},
		{"三万五千", 35000, true},
		{"三万五", 35000, true},
		{"十万", 100000, true},
		{"十万八千", 108000, true},
		{"一万零五百", 10500, true},
		{"一百五十万", 1500000, true},
		{"一亿", 1e8, true},
		{"三亿五千万", 3.5e8, true},
		{"一亿五", 1.5e8, true},
		{"一万亿", 1e12, true},
		{"一点五", 1.5, true},
		{"三点一四", 3.14, true},
		{"十二点五", 12.5, true},
		{"零点五", 0.5, true},
		{"一点五万", 15000, true},
		{"〇", 0, true},
		{"零", 0, true},
		{"二〇二三", 2023, true},
		{"二零二三", 2023, true},
		{"一九九八", 1998, true},
		{"〇五", 5, true},
		{"壹", 1, true},
		{"壹佰贰拾叁", 123, true},
		{"壹贰叁", 123, true},
		{"伍仟", 5000, true},
		{"百分之五", 5, true},
		{"百分之三点五", 3.5, true},
		{"百分之五十", 50, true},
		{"百分之百", 100, true},

		{"", 0, false},
		{"十几", 0, false},
		{"几十", 0, false},
		{"三四", 0, false}, // three or four
		{"五六", 0, false},
		{"十四五", 0, false},
		{"二十十", 0, false},
		{"十百", 0, false},
		{"一百零二十", 0, false},
		{"一百零", 0, false},
		{"一零零零零", 10000, true}, // digit by digit
		{"百", 0, false},
		{"千", 0, false},
		{"万", 0, false},
		{"亿", 0, false},
		{"千万", 0, false},
		{"万千", 0, false},
		{"百万", 0, false},
		{"一万万", 0, false},
		{"一点", 0, false},
		{"点五", 0, false},
		{"一点两", 0, false},
		{"两两", 0, false},
		{"百分之", 0, false},
		{"百分之几", 0, false},
		{"三个", 0, false},
		{"5", 0, false},
		{strings.Repeat("一", 50), 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseChineseNumber(tt.in)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("ParseChineseNumber(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseArabicNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"31.9", 31.9, true},
		{"1,296.22", 1296.22, true},
		{"1068", 1068, true},
		{"-3.5", -3.5, true},
		{"+2", 2, true},
		{"0", 0, true},
		{"-0", 0, true},
		{"0.019", 0.019, true},
		{"12,345,678", 12345678, true},
		{"007", 7, true},
		{"123456789012345678901234", 123456789012345678901234, true},
		{"1.23456789012345678", 1.23456789012345678, true},
		{"1,234,567.891", 1234567.891, true},

		{"", 0, false},
		{"-", 0, false},
		{"1.2.3", 0, false},
		{".5", 0, false},
		{"5.", 0, false},
		{"12,34", 0, false},
		{"1,2345", 0, false},
		{"1234,567", 0, false},
		{"1,", 0, false},
		{"1e5", 0, false},
		{"Inf", 0, false},
		{"0x10", 0, false},
		{"1_000", 0, false},
		{" 1", 0, false},
		{"5%", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseArabicNumber(tt.in)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("ParseArabicNumber(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
		if ok && math.Signbit(got) && got == 0 {
			t.Errorf("ParseArabicNumber(%q) returned negative zero", tt.in)
		}
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{31.9, "31.9"},
		{1296.22, "1296.22"},
		{45, "45"},
		{0.019, "0.019"},
		{0, "0"},
		{math.Copysign(0, -1), "0"},
		{-3.5, "-3.5"},
		{1e21, "1000000000000000000000"},
		{1.5e8, "150000000"},
		{0.1 * 3, "0.3"},
		{1.1 * 1.1, "1.21"},
		{0.000001, "0.000001"},
		{123456789.123, "123456789.123"},
	}
	for _, tt := range tests {
		if got := FormatNumber(tt.in); got != tt.want {
			t.Errorf("FormatNumber(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// tokSummary renders tokens compactly for table comparison: raw=value, with
// c for Chinese and p for percent.
func tokSummary(toks []NumberToken) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%s=%s", t.Raw, FormatNumber(t.Value))
		if t.Chinese {
			b.WriteString("c")
		}
		if t.Percent {
			b.WriteString("p")
		}
	}
	return b.String()
}

func TestScanNumbers(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		// Arabic numbers.
		{"1-5月,全市规上工业增加值同比增长11.4%,增速居全省第5位", "1=1 5=5 11.4=11.4 5=5"},
		{"集中开工项目242个,总投资1296.22亿元", "242=242 1296.22=1296.22"},
		{"总投资1,296.22亿元", "1,296.22=1296.22"},
		{"第8,11项", "8=8 11=11"},
		{"2023,123个项目", "2023=2023 123=123"},
		{"达到12,345,678元", "12,345,678=12345678"},
		{"分别提高10%、5%", "10=10 5=5"},
		{"31万平方米", "31=31"},
		{"1.2亿元", "1.2=1.2"},
		{"3.5万千瓦", "3.5=3.5"},
		{"同比增长-3.5%", "-3.5=-3.5"},
		{"增速为-2.1%", "-2.1=-2.1"},
		{"(-0.5%)", "-0.5=-0.5"},
		{"-7", "-7=-7"},
		{"1月-5月", "1=1 5=5"},
		{"20%-30%", "20=20 30=30"},
		{"2022-2026", "2022=2022 2026=2026"},
		{"增长5.6%.", "5.6=5.6"},
		{"达30口.", "30=30"},

		// Not figures: glued to letters, names, dotted runs.
		{"5G基站1200个", "1200=1200"},
		{"IPv6规模部署", ""},
		{"新增10GW光伏", ""},
		{"4N5无氧铜", ""},
		{"PM2.5浓度", ""},
		{"COVID-19疫情", ""},
		{"H2能源", ""},
		{"\"2+4\"产业集群", ""},
		{"1+N政策", ""},
		{"1#高炉", ""},
		{"第1.2.3条", ""},
		{"2023.07.03", ""},
		{"发布者:DN032", ""},

		// Chinese numerals after 第.
		{"增速位列全省第一位", "一=1c"},
		{"排名全省第二名", "二=2c"},
		{"居全省第十二位", "十二=12c"},
		{"增速全省第一,", "一=1c"},
		{"排名第一", "一=1c"},
		{"坚持产业第一、项目为王", ""},
		{"全省第一个商用火箭项目", ""},
		{"第一时间", ""},
		{"第一批", ""},
		{"第一季度", ""},
		{"第一书记", ""},

		// 百分之.
		{"增长百分之五", "百分之五=5cp"},
		{"下降百分之三点五", "百分之三点五=3.5cp"},
		{"达到百分之百", "百分之百=100cp"},
		{"百分之5.5", "百分之5.5=5.5cp"},
		{"百分之几", ""},

		// Runs before counters.
		{"新建二十个项目", "二十=20c"},
		{"三十户企业", "三十=30c"},
		{"一百二十家", "一百二十=120c"},
		{"十二个", "十二=12c"},
		{"二十余家", "二十=20c"},
		{"一千多家", "一千=1000c"},
		{"三十万元", "三十=30c"},
		{"五万人", "五=5c"},
		{"一点五倍", "一点五=1.5c"},
		{"提高一点五个百分点", "一点五=1.5c"},
		{"三万五千元", "三万五千=35000c"},

		// Single numerals.
		{"新增两家", "两=2c"},
		{"明确产业结构优化升级等八个方面", "八=8c"},
		{"建成三个", "三=3c"},
		{"提高一个百分点", "一=1c"},
		{"高出两个百分点", "两=2c"},
		{"再造一个工业强市", ""},
		{"一个中心", ""},
		{"四个全面", ""},
		{"\"三个一批\"", ""},
		{"实施三个一批", ""},
		{"这两个项目", ""},
		{"两手抓", ""},

		// Chinese numerals in prose that are no figures.
		{"一批重大产业项目引进落地", ""},
		{"坚持一手抓存量、一手抓增量", ""},
		{"事争一流", ""},
		{"统一部署", ""},
		{"一是重视程度空前。二是攻坚态势空前。三是支持力度空前", ""},
		{"一体化发展", ""},
		{"一号工程", ""},
		{"万千气象", ""},
		{"一季度", ""},
		{"二季度目标", ""},
		{"前三季度", ""},
		{"四季度", ""},
		{"上半年", ""},
		{"十四五规划", ""},
		{"十四五期间新增二十家", "二十=20c"},
		{"大干一百天", ""},
		{"党的二十大精神", ""},
		{"市委七届六次全会", ""},
		{"二〇二三年", ""},
		{"十几个", ""},
		{"几十个", ""},
		{"三四个", ""},
		{"三分之一", ""},
		{"千方百计", ""},
		{"千家万户", ""},
		{"百万千瓦级", ""},
		{"万元", ""},
		{"百亿级", ""},
		{"七大机制", ""},
		{"零部件", ""},
		{"一点一滴", ""},

		// Mixed.
		{"全市149户规上工业企业,预计一季度全市规上工业增加值同比增长26.1%", "149=149 26.1=26.1"},
		{"比上年同期增加65个", "65=65"},
	}
	for _, tt := range tests {
		toks := ScanNumbers(tt.in)
		if got := tokSummary(toks); got != tt.want {
			t.Errorf("ScanNumbers(%q) = %q, want %q", tt.in, got, tt.want)
		}
		checkTokens(t, tt.in, toks)
	}
}

func TestScanNumbersOffsets(t *testing.T) {
	s := "1-5月,全市工业投资同比增长31.9%,居全省第一位"
	toks := ScanNumbers(s)
	if len(toks) != 4 {
		t.Fatalf("got %d tokens: %s", len(toks), tokSummary(toks))
	}
	last := toks[3]
	if s[last.Start:last.End] != "一" || !last.Chinese || !strings.HasSuffix(s[:last.Start], "第") {
		t.Errorf("rank token = %+v", last)
	}
	if toks[2].Raw != "31.9" || s[toks[2].End:toks[2].End+1] != "%" {
		t.Errorf("percent token = %+v", toks[2])
	}
}

// checkTokens verifies the invariants every result of ScanNumbers keeps.
func checkTokens(t *testing.T, text string, toks []NumberToken) {
	t.Helper()
	prev := 0
	for _, tok := range toks {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > len(text) {
			t.Fatalf("ScanNumbers(%q): bad offsets %d:%d after %d", text, tok.Start, tok.End, prev)
		}
		if text[tok.Start:tok.End] != tok.Raw {
			t.Fatalf("ScanNumbers(%q): Raw %q != text[%d:%d] %q", text, tok.Raw, tok.Start, tok.End, text[tok.Start:tok.End])
		}
		if math.IsNaN(tok.Value) || math.IsInf(tok.Value, 0) {
			t.Fatalf("ScanNumbers(%q): value %v", text, tok.Value)
		}
		prev = tok.End
	}
}

func FuzzScanNumbers(f *testing.F) {
	for _, s := range []string{
		"1-5月,全市规上工业增加值同比增长11.4%,增速居全省第5位",
		"总投资1,296.22亿元,增长-3.5%",
		"居全省第一位,新增二十家,百分之三点五",
		"5G IPv6 4N5 2+4 1.2.3 三万五千元 一点五个百分点",
		"第8,11项 1,2345 百分之5. 十四五",
		"\xff\xfe一\xe4",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := ScanNumbers(s)
		checkTokens(t, s, toks)
		for _, tok := range toks {
			if !tok.Chinese && !tok.Percent {
				if v, ok := ParseArabicNumber(tok.Raw); !ok || v != tok.Value {
					t.Fatalf("Arabic token %q does not reparse: %v %v", tok.Raw, v, ok)
				}
			}
		}
		if utf8.ValidString(s) {
			for _, tok := range toks {
				if !utf8.ValidString(tok.Raw) {
					t.Fatalf("token %q splits a rune", tok.Raw)
				}
			}
		}
	})
}

func FuzzParseChineseNumber(f *testing.F) {
	for _, s := range []string{"三万五千", "一百零五", "一点五万", "百分之三点五", "二〇二三", "壹佰贰拾叁"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := ParseChineseNumber(s)
		if ok && (math.IsNaN(v) || math.IsInf(v, 0) || v < 0) {
			t.Fatalf("ParseChineseNumber(%q) = %v", s, v)
		}
		ParseArabicNumber(s)
	})
}

// benchText is a few KB of sentences in the style of a work report,
// written for this benchmark.
var benchText = strings.Repeat(
	"1-5月,全市规上工业增加值同比增长11.4%,增速居全省第5位;工业投资同比增长31.9%,高于全省21.7个百分点。"+
		"今年以来,我市坚持一手抓存量、一手抓增量,一批重大项目开工建设,新增规上企业二十家,总投资1,296.22亿元。"+
		"预计一季度全市5G基站达到1200个,产值突破百分之三点五,增速位列全省第一位,比上年同期增加65个。"+
		"十四五期间,全市将打造2+4现代化产业集群,建成标准厂房233.7万平方米,竣工70万平方米,力争年产值增长20%以上。",
	8)

func BenchmarkScanNumbers(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		ScanNumbers(benchText)
	}
}
