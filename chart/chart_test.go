package chart

import (
	"bytes"
	"errors"
	"image/png"
	"io"
	"strings"
	"testing"

	"github.com/reportbot/reportbot/answer"
)

func row(label, value string, number float64, unit, file string) answer.Row {
	return answer.Row{Label: label, Answer: &answer.Answer{Value: value, Number: number, Unit: unit, File: file}}
}

func TestFromResult(t *testing.T) {
	cmp := answer.Result{Question: "甲市和乙市GDP增速对比", Mode: answer.ModeCompare, Rows: []answer.Row{
		row("甲市", "5.7", 5.7, "%", "a.txt"), row("乙市", "-1.2", -1.2, "%", "b.txt"),
		{Label: "丙市", Note: "没有找到这项数字"}, row("丁市", "300", 300, "亿元", "c.txt"),
	}}
	c, err := FromResult(cmp)
	if err != nil {
		t.Fatal(err)
	}
	if c.Kind != Bars || c.Unit != "%" || strings.Join(c.Labels, ",") != "甲市,乙市" || len(c.Values) != 2 || c.Values[1] != -1.2 {
		t.Errorf("chart %+v", c)
	}
	if !strings.Contains(c.Footnote, "2份报告") || !strings.Contains(c.Footnote, "1项单位不同") {
		t.Errorf("footnote %q", c.Footnote)
	}
	if _, err := FromResult(answer.Result{Mode: answer.ModeSingle}); !errors.Is(err, ErrNoChart) {
		t.Errorf("single answer charted: %v", err)
	}
	trend := answer.Result{Mode: answer.ModeTrend, Rows: []answer.Row{row("2021年", "8", 8, "%", "a.txt")}}
	if _, err := FromResult(trend); !errors.Is(err, ErrNoChart) {
		t.Errorf("a trend of one point charted: %v", err)
	}
}

func TestShortLabels(t *testing.T) {
	got := shortLabels([]string{"泰安", "黔西南布依族苗族自治州"})
	if got[0] != "泰安" || len([]rune(got[1])) != maxLabelRunes {
		t.Errorf("labels %q", got)
	}
}

// One PNG is drawn and decoded: it has the size a phone needs.
func TestRenderPNG(t *testing.T) {
	if err := loadFont(); err != nil {
		t.Skip(err) // .ci/run installs fonts-wqy-microhei; TestFontInCI checks it is there
	}
	for _, c := range []Chart{
		{Kind: Bars, Title: "甲市和乙市GDP增速对比", Unit: "%", Labels: []string{"甲市", "乙市"}, Values: []float64{5.7, -1.2}, Footnote: "数据来自2份报告"},
		{Kind: Line, Title: "甲市GDP增速走势", Unit: "%", Labels: []string{"2021年", "2022年", "2023年上半年"}, Values: []float64{8, 3.1, 5.5}, Footnote: "数据来自3份报告"},
	} {
		var b bytes.Buffer
		if err := Render(&b, c); err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(&b)
		if err != nil {
			t.Fatal(err)
		}
		if s := img.Bounds().Size(); s.X != Width || s.Y != Height {
			t.Errorf("%s: %v, want %dx%d", c.Kind, s, Width, Height)
		}
	}
}

func TestTrendOfSeveralSeries(t *testing.T) {
	point := func(label, series string, v float64) answer.Row {
		return answer.Row{Label: label, Series: series, Answer: &answer.Answer{Value: trimNumber(v), Number: v, Unit: "%", File: label + ".txt", Period: label}}
	}
	res := answer.Result{Question: "甲市GDP增速走势", Mode: answer.ModeTrend, Rows: []answer.Row{
		point("2021年一季度", "一季度", 6.1), point("2023年一季度", "一季度", 4.2),
		point("2022年", "全年", 5.0), point("一季度", "一季度", 3.3), // no year: not on the axis
	}}
	c, err := FromResult(res)
	if err != nil {
		t.Fatal(err)
	}
	if !c.onTimeAxis() || strings.Join(c.seriesNames(), ",") != "一季度,全年" || len(c.X) != 3 {
		t.Fatalf("chart %+v", c)
	}
	if c.X[0] >= c.X[2] || c.X[2] >= c.X[1] {
		t.Errorf("time positions %v: 2021Q1 < 2022 < 2023Q1", c.X)
	}
	if !strings.Contains(c.Footnote, "1项没有年份") {
		t.Errorf("footnote %q", c.Footnote)
	}
	// One series alone is drawn with its periods as labels.
	one := answer.Result{Mode: answer.ModeTrend, Rows: res.Rows[:2]}
	if c, err := FromResult(one); err != nil || c.onTimeAxis() {
		t.Errorf("one series: %+v %v", c, err)
	}
	if err := loadFont(); err != nil {
		t.Skip(err)
	}
	var b bytes.Buffer
	if err := Render(&b, c); err != nil {
		t.Fatal(err)
	}
	if _, err := png.Decode(&b); err != nil {
		t.Fatal(err)
	}
}

// The phone variant decodes at its own size, for a bar chart, a line and
// a trend of several series; a size out of bounds is refused.
func TestRenderSize(t *testing.T) {
	if err := loadFont(); err != nil {
		t.Skip(err) // .ci/run installs fonts-wqy-microhei; TestFontInCI checks it is there
	}
	for _, c := range []Chart{
		{Kind: Bars, Title: "甲市、乙市、丙市和丁市规模以上工业增加值增速对比", Unit: "%", Labels: []string{"甲市", "乙市", "丙市", "丁市"}, Values: []float64{5.7, -1.2, 3, 4.4}, Footnote: "数据来自4份报告"},
		{Kind: Line, Title: "甲市GDP增速走势", Unit: "%", Labels: []string{"2021年", "2022年", "2023年上半年"}, Values: []float64{8, 3.1, 5.5}, Footnote: "数据来自3份报告"},
		{Kind: Line, Title: "甲市GDP增速走势", Unit: "%", Labels: []string{"2021年一季度", "2022年", "2023年一季度"}, Values: []float64{6.1, 5, 4.2},
			Series: []string{"一季度", "全年", "一季度"}, X: []float64{2021.1, 2022.5, 2023.1}, Footnote: "数据来自3份报告"},
	} {
		var b bytes.Buffer
		if err := RenderSize(&b, c, PhoneWidth, PhoneHeight); err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(&b)
		if err != nil {
			t.Fatal(err)
		}
		if s := img.Bounds().Size(); s.X != PhoneWidth || s.Y != PhoneHeight {
			t.Errorf("%s: %v, want %dx%d", c.Kind, s, PhoneWidth, PhoneHeight)
		}
	}
	for _, size := range [][2]int{{0, 640}, {640, MaxSide + 1}, {MinSide - 1, MinSide}} {
		if err := RenderSize(io.Discard, Chart{Kind: Line, Labels: []string{"a", "b"}, Values: []float64{1, 2}}, size[0], size[1]); err == nil {
			t.Errorf("size %v drawn", size)
		}
	}
}

func TestWrapTitle(t *testing.T) {
	for _, tc := range []struct {
		title string
		width int
		lines int
	}{
		{"甲市GDP增速走势", 640, 1},
		{"甲市、乙市、丙市和丁市规模以上工业增加值增速对比", 640, 2},
		{"甲市、乙市、丙市和丁市规模以上工业增加值增速对比", 1000, 1},
		{"", 640, 1},
	} {
		got := wrapTitle(tc.title, tc.width)
		if n := strings.Count(got, "\n") + 1; n != tc.lines || strings.ReplaceAll(got, "\n", "") != tc.title {
			t.Errorf("wrapTitle(%q, %d) = %q, want %d lines", tc.title, tc.width, got, tc.lines)
		}
	}
}

// Bars of different periods say so: each names its period, and the
// footnote too.
func TestBarsOfDifferentPeriods(t *testing.T) {
	bar := func(label, period string, v float64) answer.Row {
		return answer.Row{Label: label, Answer: &answer.Answer{Value: trimNumber(v), Number: v, Unit: "%", File: label, Period: period}}
	}
	res := answer.Result{Mode: answer.ModeCompare, Rows: []answer.Row{bar("甲市", "2023年1-5月", 31.9), bar("乙市", "2023年1-10月", 8.3)}}
	res.Answers = []answer.Answer{*res.Rows[0].Answer, *res.Rows[1].Answer}
	c, err := FromResult(res)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(c.Labels, "|") != "甲市\n2023年1-5月|乙市\n2023年1-10月" || !strings.Contains(c.Footnote, "时期不同") {
		t.Errorf("labels %q, footnote %q", c.Labels, c.Footnote)
	}
	if got := shortLabels(c.Labels); got[1] != "乙市\n2023年1-10月" {
		t.Errorf("short labels %q: the period must stay whole", got)
	}
	// One period for all: said once, in the footnote.
	res.Rows[1].Answer.Period, res.Answers[1].Period = "2023年1-5月", "2023年1-5月"
	if c, _ := FromResult(res); strings.Contains(c.Labels[0], "\n") || !strings.HasPrefix(c.Footnote, "2023年1-5月") {
		t.Errorf("labels %q, footnote %q", c.Labels, c.Footnote)
	}
}
