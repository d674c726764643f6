package formats

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// htmlTestPageText is the main text of testdata/read/page.html.
const htmlTestPageText = "我市上半年工业经济稳中有进\n" +
	"发布时间：2023-07-05 10:30 来源：示范日报 作者：本报记者\n" +
	"今年上半年，全市规模以上工业增加值同比增长7.8%，高于全省平均水平1.6个百分点。\n" +
	"其中，高技术制造业增加值增长12.3%，占规模以上工业的比重达到21.5%。\n" +
	"分行业看：\n" +
	"行业 | 增加值增速\n" +
	"装备制造业 | 9.1%\n" +
	"新材料产业 | 11.4%\n" +
	"下一步，全市将继续推进重点项目建设。\n" +
	"力争全年工业投资增长10%以上。"

func TestReadHTMLFixture(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("testdata", "read", "page.html"))
	if err != nil {
		t.Fatal(err)
	}
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(strings.Replace(string(page), `charset="utf-8"`, `charset="gb2312"`, 1)))
	if err != nil {
		t.Fatal(err)
	}
	httpEquiv := strings.Replace(string(page), `<meta charset="utf-8">`,
		`<meta http-equiv="Content-Type" content="text/html; charset=GBK">`, 1)
	gbkEquiv, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(httpEquiv))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, enc string
		data      []byte
		warn      bool
	}{
		{"utf-8", encUTF8, page, false},
		{"gbk declared gb2312", encGB18030, gbk, false},
		{"gbk declared by http-equiv", encGB18030, gbkEquiv, false},
		// Saved pages are often re-encoded without fixing the <meta>.
		{"utf-8 declared gb2312", encUTF8, []byte(strings.Replace(string(page), `charset="utf-8"`, `charset="gb2312"`, 1)), true},
		{"gbk declared utf-8", encGB18030, mustGBK(t, string(page)), true},
		{"no declaration", encGB18030, mustGBK(t, strings.Replace(string(page), `<meta charset="utf-8">`, "", 1)), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rf, err := ReadBytes("page.html", tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if rf.Text != htmlTestPageText {
				t.Errorf("text:\n%s\nwant:\n%s", rf.Text, htmlTestPageText)
			}
			if rf.Encoding != tt.enc {
				t.Errorf("encoding = %s, want %s", rf.Encoding, tt.enc)
			}
			if got := len(rf.Warnings) > 0; got != tt.warn {
				t.Errorf("warnings = %q, want some: %v", rf.Warnings, tt.warn)
			}
			if rf.Title != "我市上半年工业经济稳中有进" || rf.Date != "2023-07-05" || rf.DateSource != "html-meta" || rf.Source != "示范日报" {
				t.Errorf("title %q, date %q (%s), source %q", rf.Title, rf.Date, rf.DateSource, rf.Source)
			}
			for _, junk := range []string{"首页", "统计", "相关新闻", "ICP", "版权", "分享", "color"} {
				if strings.Contains(rf.Text, junk) {
					t.Errorf("text contains %q", junk)
				}
			}
		})
	}
}

func mustGBK(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestHTMLExtract(t *testing.T) {
	tests := []struct {
		name                       string
		page                       string
		text, title, date, dateSrc string
		source                     string
	}{
		{
			name: "article element with its own header",
			page: `<html><head><title>全区一季度经济运行情况 - 示范区人民政府</title>
<meta property="article:published_time" content="2024-04-18T09:00:00+08:00"></head><body>
<nav><ul><li><a href="/">首页</a></li><li><a href="/a">政务公开</a></li></ul></nav>
<article><header><h1>全区一季度经济运行情况</h1><time datetime="2024-04-18">4月18日</time></header>
<p>一季度，全区实现地区生产总值156.2亿元，同比增长5.9%。</p>
<p>农林牧渔业总产值增长3.4%，社会消费品零售总额增长8.8%。</p>
<footer>责任编辑：示例</footer></article>
<footer><p>示ICP备00000000号</p></footer></body></html>`,
			text:  "全区一季度经济运行情况\n4月18日\n一季度，全区实现地区生产总值156.2亿元，同比增长5.9%。\n农林牧渔业总产值增长3.4%，社会消费品零售总额增长8.8%。",
			title: "全区一季度经济运行情况", date: "2024-04-18", dateSrc: "html-meta", source: "示范区人民政府",
		},
		{
			name: "text density without class hints",
			page: `<html><head><title>示范县招商引资成效明显|示范在线</title></head><body>
<div class="c1"><a href="/1">首页</a><a href="/2">要闻</a><a href="/3">县区</a><a href="/4">部门</a><a href="/5">视频</a></div>
<div class="c2"><div class="c3">
<p>發佈時間：2022年3月8日　來源：示範日報</p>
<p>今年以来，示范县新签约项目32个，总投资达到215亿元，同比增长18.6%。</p>
<p>到位资金45.3亿元，完成年度目标任务的52.1%，招商引资工作取得明显成效。</p>
<p>全县将进一步优化营商环境，推动项目早落地、早投产、早见效。</p>
</div><div class="c4"><a href="/x">上一篇：全县召开春季农业生产工作会议</a><a href="/y">下一篇：县领导调研重点项目建设情况</a></div></div>
</body></html>`,
			text: "發佈時間：2022年3月8日 來源：示範日報\n今年以来，示范县新签约项目32个，总投资达到215亿元，同比增长18.6%。\n" +
				"到位资金45.3亿元，完成年度目标任务的52.1%，招商引资工作取得明显成效。\n全县将进一步优化营商环境，推动项目早落地、早投产、早见效。",
			title: "示范县招商引资成效明显", date: "2022-03-08", dateSrc: "line", source: "示範日報",
		},
		{
			name: "layout table and a form around everything",
			page: `<html><head><title>关于2023年财政预算执行情况的报告_示范市财政局</title></head><body><form id="form1" action="x.aspx">
<table width="1000"><tr><td width="200"><a href="/1">机构设置</a><br><a href="/2">政策法规</a><br><a href="/3">财政数据</a></td>
<td><p>2023年，全市一般公共预算收入完成86.5亿元，增长6.1%。</p><p>一般公共预算支出完成210.3亿元，增长4.2%，民生支出占比达到80.2%。</p>
<p>政府性基金预算收入完成52.8亿元，下降11.7%，主要是国有土地使用权出让收入减少。</p></td></tr></table>
</form></body></html>`,
			text: "2023年，全市一般公共预算收入完成86.5亿元，增长6.1%。\n一般公共预算支出完成210.3亿元，增长4.2%，民生支出占比达到80.2%。\n" +
				"政府性基金预算收入完成52.8亿元，下降11.7%，主要是国有土地使用权出让收入减少。",
			title: "关于2023年财政预算执行情况的报告", source: "示范市财政局",
		},
		{
			name: "logo h1 outside content is not the title",
			page: `<html><head><title>示范市经济运行简况</title><meta name="ArticleTitle" content="示范市2023年经济运行简况"></head><body>
<div id="header"><h1><a href="/"><img alt="示范网"></a></h1></div>
<div id="content"><p>2023年，全市经济运行总体平稳，主要指标好于预期，地区生产总值增长5.5%。</p></div></body></html>`,
			text:  "2023年，全市经济运行总体平稳，主要指标好于预期，地区生产总值增长5.5%。",
			title: "示范市2023年经济运行简况",
		},
		{
			name:  "no body, text only",
			page:  `增长  5.6%`,
			text:  "增长 5.6%",
			title: "",
		},
		{
			name: "pre keeps its lines",
			page: `<html><body><div class="content"><pre>第一行 增长1%
第二行 增长2%</pre></div></body></html>`,
			text: "第一行 增长1%\n第二行 增长2%",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := htmlExtract(tt.page)
			if r.text != tt.text {
				t.Errorf("text:\n%s\nwant:\n%s", r.text, tt.text)
			}
			if r.title != tt.title {
				t.Errorf("title = %q, want %q", r.title, tt.title)
			}
			if r.date != tt.date || r.dateSource != tt.dateSrc {
				t.Errorf("date = %q (%s), want %q (%s)", r.date, r.dateSource, tt.date, tt.dateSrc)
			}
			if r.source != tt.source {
				t.Errorf("source = %q, want %q", r.source, tt.source)
			}
		})
	}
}

func TestHTMLBig5(t *testing.T) {
	page := `<html><head><meta charset="big5"><title>經濟運行穩中向好_示範新聞網</title></head><body>
<div class="detail"><p>` + decTestTraditional + `</p></div></body></html>`
	data, err := traditionalchinese.Big5.NewEncoder().Bytes([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	rf, err := ReadBytes("x.HTM", data)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.ReplaceAll(decTestTraditional, "\n", "")
	if rf.Encoding != encBig5 || rf.Text != want || rf.Title != "經濟運行穩中向好" || rf.Source != "示範新聞網" {
		t.Errorf("got %s %q title %q source %q", rf.Encoding, rf.Text, rf.Title, rf.Source)
	}
}

func TestHTMLSplitTitle(t *testing.T) {
	tests := []struct{ in, title, site string }{
		{"我市上半年工业经济稳中有进_示范新闻网", "我市上半年工业经济稳中有进", "示范新闻网"},
		{"全市经济运行情况 - 要闻 - 示范日报", "全市经济运行情况", "示范日报"},
		{"泰山区1-5月工业投资增长12%", "泰山区1-5月工业投资增长12%", ""},
		{"蓄势谋远 再造一个“工业强市” ——我市推动工业高质量发展|每日看点", "蓄势谋远 再造一个“工业强市” ——我市推动工业高质量发展", "每日看点"},
		{"工作报告-示范市人民政府门户网站", "工作报告", "示范市人民政府门户网站"},
		{"中-老铁路货运量增长", "中-老铁路货运量增长", ""},
		{"首页", "首页", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		title, site := htmlSplitTitle(tt.in)
		if title != tt.title || site != tt.site {
			t.Errorf("htmlSplitTitle(%q) = %q, %q; want %q, %q", tt.in, title, site, tt.title, tt.site)
		}
	}
}

func TestHTMLNormDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2023-07-05 10:30", "2023-07-05"},
		{"2024-04-18T09:00:00+08:00", "2024-04-18"},
		{"2022年3月8日", "2022-03-08"},
		{"2021/12/1", "2021-12-01"},
		{"20230222", "2023-02-22"},
		{"2023年5月", "2023-05"},
		{"2023-13-01", ""},
		{"1900-01-01", ""},
		{"昨天", ""},
	}
	for _, tt := range tests {
		if got := htmlNormDate(tt.in); got != tt.want {
			t.Errorf("htmlNormDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// The parser refuses nesting deeper than 512 elements; the text must
// still come out.
func TestHTMLDeepNesting(t *testing.T) {
	page := "<html><body>" + strings.Repeat("<div>", 2000) + "<p>增长5.6%</p>" + strings.Repeat("</div>", 2000) +
		"<script>x()</script></body></html>"
	r := htmlExtract(page)
	if r.text != "增长5.6%" || len(r.warnings) == 0 {
		t.Errorf("text %q, warnings %q", r.text, r.warnings)
	}
}

func FuzzHTMLText(f *testing.F) {
	if page, err := os.ReadFile(filepath.Join("testdata", "read", "page.html")); err == nil {
		f.Add(string(page))
	}
	f.Add(`<html><head><title>a_b</title><meta name="pubdate" content="2023-01-02"></head><body><table><tr><td>1</td><td>2</td></tr></table></body></html>`)
	f.Add("<div>" + strings.Repeat("<p>", 600) + "x")
	f.Add("<pre>\n\n</pre><br><hr><img>来源：")
	f.Add("\x00<\xff>\u3000\u00a0")
	f.Fuzz(func(t *testing.T, page string) {
		r := htmlExtract(page)
		for _, s := range []string{r.text, r.title, r.date, r.source} {
			if utf8.ValidString(page) && !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in %q", s)
			}
		}
		if strings.Contains(r.text, "\n\n") || strings.HasPrefix(r.text, "\n") {
			t.Fatalf("empty line in %q", r.text)
		}
	})
}
