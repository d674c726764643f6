package answer

import (
	"strings"
	"testing"
)

// render shows segments with marks in brackets.
func render(segs []Segment) string {
	var b strings.Builder
	for _, s := range segs {
		if s.Mark {
			b.WriteString("[" + s.Text + "]")
		} else {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

func TestQuote(t *testing.T) {
	for _, tc := range []struct {
		name, source, figure string
		max                  int
		want                 string
	}{
		{"plain", "全市工业投资同比增长12.5%,高于全省。", "12.5%", 0, "全市工业投资同比增长[12.5%],高于全省。"},
		{"pinyin debris, figure verbatim", "全市工業(yè)增加值增長(zhǎng)１２．５%,居(jū)全省第4位。", "１２．５%", 0,
			"全市工業增加值增長[１２．５%],居全省第4位。"},
		{"an annotation right after the figure", "完成投資150.3億元(yuán)(說明)。", "150.3億元", 0, "完成投資[150.3億元](說明)。"},
		{"no figure", "全市工業(yè)运行平稳。", "", 0, "全市工業运行平稳。"},
		{"figure not in the sentence", "全市工业运行平稳。", "9.9%", 0, "全市工业运行平稳。"},
		{"cut around the figure", strings.Repeat("甲", 40) + "增长12.5%" + strings.Repeat("乙", 40), "12.5%", 20,
			"…" + strings.Repeat("甲", 3) + "增长[12.5%]" + strings.Repeat("乙", 10) + "…"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := Answer{SourceText: tc.source, Figure: tc.figure}
			if got := render(a.Quote(tc.max)); got != tc.want {
				t.Errorf("Quote = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestShortSource(t *testing.T) {
	for _, tc := range []struct {
		title, date, source, file string
		para                      int
		want                      string
	}{
		{"济宁市上半年工业经济运行情况", "2023-07-10", "", "r/jining_2023.txt", 1, "济宁市上半年工业经济运行情况 · 2023-07-10 · 第1段"},
		{"天天消息!同比增长31.9%,高于全省21.7个百分点", "2023-07-03", "中华泰山网", "r/a.html", 1, "中华泰山网 · 2023-07-03 · 第1段"},
		{"", "2023-07-10", "济宁日报", "r/3f9a0c1d2e3f4a5b6c7d8e9f00112233.html", 3, "济宁日报 · 2023-07-10 · 第3段"},
		{"", "", "", "reports/泰安_2023-07_工业.txt", 2, "泰安_2023-07_工业 · 第2段"},
		{"2023年上半年济宁市国民经济和社会发展统计公报", "2023-07", "", "a.txt", 0, "2023年上半年济宁市国民经济和社… · 2023-07"},
	} {
		got := ShortSource(tc.title, tc.date, tc.source, tc.file, tc.para)
		if got != tc.want {
			t.Errorf("ShortSource(%q, %q, %q, %q) = %q, want %q", tc.title, tc.date, tc.source, tc.file, got, tc.want)
		}
		if n := len([]rune(got)); n > 40 {
			t.Errorf("%q is %d characters: not one short line", got, n)
		}
	}
}

func TestHighlight(t *testing.T) {
	for _, tc := range []struct{ sentence, query, want string }{
		{"全市技改投资增长15%,技改投资占比提高。", "技改投资", "全市[技改投资]增长15%,[技改投资]占比提高。"},
		{"全市工業(yè)投資增長", "工业 投资", "全市[工業][投資]增長"},
		{"全市营商环境持续优化", "物流", "全市营商环境持续优化"},
		{"R&D经费突破20亿元", "r&d", "[R&D]经费突破20亿元"},
	} {
		if got := render(Highlight(tc.sentence, tc.query)); got != tc.want {
			t.Errorf("Highlight(%q, %q) = %q, want %q", tc.sentence, tc.query, got, tc.want)
		}
	}
	long := strings.Repeat("甲", 50) + "营商环境" + strings.Repeat("乙", 50)
	got := render(Excerpt(Highlight(long, "营商环境"), 30))
	if !strings.Contains(got, "[营商环境]") || len([]rune(got)) > 34 || !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") {
		t.Errorf("Excerpt = %q", got)
	}
}

func TestClipText(t *testing.T) {
	if got := ClipText("  济宁工业投资增速 ", 20); got != "济宁工业投资增速" {
		t.Errorf("short: %q", got)
	}
	if got := ClipText(strings.Repeat("问", 30), 10); got != strings.Repeat("问", 9)+"…" {
		t.Errorf("long: %q", got)
	}
}
