package corpus

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// processText analyses text as a report of region 泰安市 dated date.
func processText(text, date string) *Document {
	raw := &RawFile{Path: "t.txt", Format: "txt", Encoding: "utf-8", Text: text, Hash: "h", Size: int64(len(text))}
	return Process(raw, Options{Sidecar: Sidecar{Region: "泰安市", Date: date}})
}

func figuresOf(doc *Document) []Figure {
	var out []Figure
	for _, p := range doc.Paragraphs {
		for _, s := range p.Sentences {
			out = append(out, s.Figures...)
		}
	}
	return out
}

// fig renders the parts of a figure a table test pins.
func fig(f Figure) string {
	parts := []string{f.Value, f.Unit, string(f.Kind), f.Metric}
	if f.Number < 0 && !strings.HasPrefix(f.Value, "-") {
		parts[0] = "-" + f.Value
	}
	extra := []string{}
	if f.Period.Text != "" {
		extra = append(extra, "period="+f.Period.Text)
	}
	if f.Scope != "" {
		extra = append(extra, "scope="+f.Scope)
	}
	if f.Qualifier != "" {
		extra = append(extra, "q="+f.Qualifier)
	}
	if f.Modality != "" {
		extra = append(extra, f.Modality)
	}
	return strings.Join(append(parts, extra...), " ")
}

func TestExtractFigures(t *testing.T) {
	tests := []struct {
		text string
		date string
		want []string
	}{
		{"1-5月,全市工业投资同比增长12.5%,高于全省3.2个百分点,增速居全省第4位。", "2023-07-03", []string{
			"12.5 % growth 工业投资 period=2023年1-5月",
			"3.2 个百分点 diff 工业投资 period=2023年1-5月 scope=全省",
			"4 位 rank 工业投资 period=2023年1-5月 scope=全省",
		}},
		{"全市工业投资完成80.5亿元、增长20.3%,居全省第一位。", "", []string{
			"80.5 亿元 amount 工业投资",
			"20.3 % growth 工业投资",
			"1 位 rank 工业投资 scope=全省",
		}},
		{"工业用电量同比下降3.5%,低于全省1.2个百分点。", "", []string{
			"-3.5 % growth 工业用电量",
			"-1.2 个百分点 diff 工业用电量 scope=全省",
		}},
		{"工业投资占全部投资比重为30.1%,较上年同期提高2.5个百分点。", "", []string{
			"30.1 % share 工业投资占全部投资比重",
			"2.5 个百分点 diff 工业投资占全部投资比重",
		}},
		{"全市在建项目520个,比上年同期增加40个。", "", []string{
			"520 个 count 在建项目",
			"40 个 change 在建项目",
		}},
		{"聚焦15户省级重点培育企业,帮助企业节约成本300余万元。", "", []string{
			"15 户 count 省级重点培育企业",
			"300 万元 amount 企业节约成本 q=余",
		}},
		{"力争全年新增规上工业企业50户以上,高新技术企业突破90户。", "2023-03-01", []string{
			"50 户 count 新增规上工业企业 period=2023年 q=以上 target",
			"90 户 count 高新技术企业 period=2023年 q=突破 target",
		}},
		{"预计一季度规上工业增加值同比增长8%。", "2024-03-20", []string{
			"8 % growth 规上工业增加值 period=2024年一季度 forecast",
		}},
		{"产业集群实现产值300亿元(钢铁产业链120亿元,同比增长10%;化工产业链80亿元,同比增长5.5%)", "", []string{
			"300 亿元 amount 产业集群产值",
			"120 亿元 amount 钢铁产业链",
			"10 % growth 钢铁产业链",
			"80 亿元 amount 化工产业链",
			"5.5 % growth 化工产业链",
		}},
		// Not figures: years, dates, list markers, names, document titles.
		{"2023年7月3日,《2024年度工作计划》明确“2+4”产业和5G基站建设,第二批项目启动。", "", nil},
		{"1.加快建设30个项目。", "", []string{"30 个 count 项目"}},
		{"增长百分之五,累计建成基站二十个。", "", []string{
			"5 % growth ", // no indicator is named
			"20 个 count 建成基站",
		}},
		{"全市规模以上工业增加值增长 5.6%,完成 15.9 亿元。", "", []string{
			"5.6 % growth 规模以上工业增加值",
			"15.9 亿元 amount 规模以上工业增加值",
		}},
		{"全市工業投資同比增長１２．５％。", "", []string{"12.5 % growth 工业投资"}},
		{"直购电均价降低0.019元/千瓦时。", "", []string{"-0.019 元/千瓦时 change 直购电均价"}},
		{"规上工业增加值增长7.2%,增速位居全省第一方阵。", "", []string{"7.2 % growth 规上工业增加值"}},
		{"全市地区生产总值增长6.1%,增速全省排名第三。", "", []string{
			"6.1 % growth 地区生产总值",
			"3 位 rank 地区生产总值 scope=全省",
		}},
	}
	for _, tt := range tests {
		doc := processText(tt.text, tt.date)
		var got []string
		for _, f := range figuresOf(doc) {
			got = append(got, fig(f))
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s\ngot:\n  %s\nwant:\n  %s", tt.text, strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
		}
		checkSpans(t, doc)
	}
}

func TestFigureSpanQuotesOriginal(t *testing.T) {
	text := "全市工業投資同比增長(zhǎng)８３．７％,增速位列全省第一位。"
	doc := processText(text, "")
	figs := figuresOf(doc)
	if len(figs) != 2 {
		t.Fatalf("got %d figures: %+v", len(figs), figs)
	}
	if got := doc.Text[figs[0].Span.Start:figs[0].Span.End]; got != "８３．７％" {
		t.Errorf("span of growth = %q", got)
	}
	if figs[0].Value != "83.7" || figs[1].Value != "1" || figs[1].Raw != "一" {
		t.Errorf("values %q %q raw %q", figs[0].Value, figs[1].Value, figs[1].Raw)
	}
}

func TestCleaningDropsBoilerplate(t *testing.T) {
	text := strings.Join([]string{
		"首页 | 新闻 | 政务 | 投资 | 产业 | 联系",
		"您现在的位置: 首页 > 新闻",
		"某市工业经济稳中有进",
		"时间:2023-08-01 10:00 来源:某市日报",
		"(资料图片)",
		"新区产业园一期项目。某某管委会供图",
		"? ? ? ?1-7月,全市工业投资同比增长9.9%。",
		"---此处隐藏800字,下载后查看---",
		"全媒体记者 张三",
		"责任编辑:李四",
		"相关文章",
		"某市召开会议",
		"版权所有© 2023 某网",
		"京ICP备12345678号-1",
		"联系我们:12 34 56@qq.com",
	}, "\n")
	doc := processText(text, "")
	if doc.Title != "某市工业经济稳中有进" || doc.Date != "2023-08-01" || doc.Source != "某市日报" {
		t.Errorf("title %q date %q source %q", doc.Title, doc.Date, doc.Source)
	}
	var sents []string
	for _, p := range doc.Paragraphs {
		for _, s := range p.Sentences {
			sents = append(sents, s.Norm)
		}
	}
	if len(sents) != 1 || sents[0] != "1-7月,全市工业投资同比增长9.9%。" {
		t.Errorf("sentences = %q", sents)
	}
	if len(doc.Warnings) == 0 || !strings.Contains(strings.Join(doc.Warnings, ";"), "800") {
		t.Errorf("no hidden-text warning: %q", doc.Warnings)
	}
}

func TestMetadataFromFileNameAndSidecar(t *testing.T) {
	raw := &RawFile{Path: "archive/泰安_2023-07_工业推进.txt", Format: "txt", Text: "全市工业投资同比增长9.9%。", Hash: "x"}
	doc := Process(raw, Options{})
	if doc.Date != "2023-07" || doc.DateSource != "filename" || doc.Region.Name != "泰安市" || doc.Region.Via != "filename" {
		t.Errorf("date %q (%s) region %+v", doc.Date, doc.DateSource, doc.Region)
	}
	side := ParseSidecar("# comment\nregion: 资阳市\ndate: 2022年12月5日\ntitle: 年度总结\nsource: 资阳日报\n")
	doc = Process(raw, Options{Sidecar: side})
	if doc.Region.Name != "资阳市" || doc.Region.Via != "sidecar" || doc.Date != "2022-12-05" || doc.Title != "年度总结" || doc.Source != "资阳日报" {
		t.Errorf("sidecar ignored: %+v %q %q %q", doc.Region, doc.Date, doc.Title, doc.Source)
	}
}

func FuzzProcess(f *testing.F) {
	for _, s := range []string{
		"1-5月,全市工业投资同比增长31.9%,高于全省21.7个百分点,增速居全省第2位。",
		"嘉峪關(guān)市工業(yè)投資76.8億元。\n? ? ?據(jù)",
		"首页 | 新闻\n时间:2023-02-22 来源:某日报\n标签:\n",
		"第一位百分之五二十个(1)2+4《2024年》“十四五”",
		"\xff\xfe\x00",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc := processText(s, "2023-07-03")
		checkSpans(t, doc)
		for _, p := range doc.Paragraphs {
			for _, sent := range p.Sentences {
				if !utf8.ValidString(sent.Norm) {
					t.Fatalf("invalid UTF-8 in %q", sent.Norm)
				}
			}
		}
	})
}

// BenchmarkProcess measures corpus processing (cleaning, normalization,
// sentences, figures, region) in MB/s on one core.
func BenchmarkProcess(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("某市工业经济运行情况\n时间:2023-07-03 来源:某市日报\n")
	for i := 0; sb.Len() < 1<<20; i++ {
		fmt.Fprintf(&sb, "1-%d月,全市规上工业增加值同比增长%d.%d%%,增速居全省第%d位;工业投资完成%d.%d亿元、增长%d.%d%%,高于全省%d.%d个百分点。",
			i%12+1, i%30, i%10, i%16+1, i%500, i%10, i%40, i%10, i%20, i%10)
		sb.WriteString("坚持把项目建设作为稳增长的重要抓手,强化要素保障,推动重点项目早开工、早投产、早见效。")
		if i%3 == 0 {
			sb.WriteString("全市工業技改投資同比增長２５．６％,新增規上工業企業４８戶。\n")
		}
	}
	text := sb.String()
	raw := &RawFile{Path: "bench.txt", Format: "txt", Text: text, Hash: "b"}
	DefaultGazetteer()
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Process(raw, Options{})
	}
}

func TestRegionFromSiteName(t *testing.T) {
	raw := &RawFile{Path: "page.html", Format: "html", Text: "1-9月,全市规模以上工业增加值同比增长8.6%。",
		Title: "1-9月全市工业经济运行情况", Site: "德阳市经济和信息化局", Source: "市经信局", Hash: "x"}
	doc := Process(raw, Options{})
	if doc.Region.Name != "德阳市" {
		t.Errorf("region %+v, want 德阳市 from the site name", doc.Region)
	}
}

// The period that heads a report's lead holds for paragraphs that state
// none; a period that is a clause of its own heads what follows it.
func TestLeadPeriodHoldsForTheReport(t *testing.T) {
	doc := processText("据统计局发布的数据,上半年,全省地区生产总值增长5.1%。\n"+
		"全省规模工业增加值增长6.2%。\n", "2023-07-20")
	for _, f := range figuresOf(doc) {
		if f.Period.Text != "2023年上半年" {
			t.Errorf("%s: period %q, want 2023年上半年", fig(f), f.Period.Text)
		}
	}
}

func TestShareOfScope(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"全县社会消费品零售总额86.3亿元,比增7.1%,占全市比重12.4%。", "12.4 % share 社会消费品零售总额 scope=全市"},
		{"全市地区生产总值1200亿元,占全省地区生产总值的比重为21.7%。", "21.7 % share 地区生产总值 scope=全省"},
		{"全市工业投资增长9%,占全部投资比重34.7%。", "34.7 % share 工业投资占全部投资比重"},
	} {
		figs := figuresOf(processText(tt.text, ""))
		if got := fig(figs[len(figs)-1]); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.text, got, tt.want)
		}
	}
}

// A sentence that begins with its predicate continues the subject of the
// sentence before.
func TestSubjectContinuesIntoNextSentence(t *testing.T) {
	figs := figuresOf(processText("全市地区生产总值1200亿元。占全省的比重为21.7%,比上年提高0.6个百分点。", ""))
	got := figStrings(figs)
	want := []string{"1200 亿元 amount 地区生产总值", "21.7 % share 地区生产总值 scope=全省", "0.6 个百分点 diff 地区生产总值"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

// In a province's report a prefecture named before its figure is that
// figure's region.
func TestPrefectureFigureInProvinceReport(t *testing.T) {
	raw := &RawFile{Path: "r.txt", Format: "txt", Encoding: "utf-8", Hash: "h",
		Text: "上半年,全区规上工业增加值增长12.8%,银川市规上工业增加值增长16.8%。"}
	raw.Size = int64(len(raw.Text))
	doc := Process(raw, Options{Sidecar: Sidecar{Region: "宁夏回族自治区", Date: "2024-07"}})
	var regions []string
	for _, f := range figuresOf(doc) {
		regions = append(regions, f.Region)
	}
	if strings.Join(regions, ",") != "宁夏回族自治区,银川市" {
		t.Errorf("regions %v, want 宁夏回族自治区, 银川市", regions)
	}
}

func TestParallelListsDistribute(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"第一、二、三产业增加值分别增长3.1%、6.2%和5.4%。", []string{
			"3.1 % growth 第一产业增加值", "6.2 % growth 第二产业增加值", "5.4 % growth 第三产业增加值"}},
		{"城镇和农村居民人均可支配收入分别达到4.1万元、1.9万元。", []string{
			"4.1 万元 amount 城镇居民人均可支配收入", "1.9 万元 amount 农村居民人均可支配收入"}},
		{"钢材、水泥、平板玻璃产量分别增长3.1%、-2.4%、5.0%。", []string{
			"3.1 % growth 钢材产量", "-2.4 % growth 水泥产量", "5.0 % growth 平板玻璃产量"}},
		{"一般贸易、民营企业进出口占比分别提高4个和13.3个百分点。", []string{
			"4 个百分点 diff 一般贸易进出口占比", "13.3 个百分点 diff 民营企业进出口占比"}},
	} {
		got := figStrings(figuresOf(processText(tt.text, "")))
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s\n got %v\nwant %v", tt.text, got, tt.want)
		}
	}
}

func TestDateFromURL(t *testing.T) {
	for _, tt := range []struct{ url, want string }{
		{"http://x.gov.cn/art/2022/0915/art_1.html", "2022-09-15"},
		{"http://www.x.gov.cn/zwgk/t20200318_77.html", "2020-03-18"},
		{"https://szb.x.cn/pc/con/202407/23/content_1.html", "2024-07-23"},
		{"http://x.com.cn/jinrong/202007/0717217.html", "2020-07"},
		{"http://x.cn/2022-09/15/c_1.htm", "2022-09-15"},
		{"http://eyelogue.com/zwgk/sjfb/dssj/content/post_4519402.html", ""},
		{"http://www.20201231.com/news/1.html", ""},
	} {
		if got := dateFromURL(tt.url); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.url, got, tt.want)
		}
	}
}

// A measure that bounds a class of things (1000万吨以上企业) is no amount
// of the indicator; a count with 以上 is still a count.
func TestSizeClassIsNoAmount(t *testing.T) {
	figs := figuresOf(processText("原煤产量1000万吨以上企业有7户。推荐10户以上企业上市,完成投资120亿元以上。", ""))
	got := figStrings(figs)
	want := []string{"1000 万吨 other 原煤产量 q=以上", "7 户 count 以上企业", "10 户 count 企业 q=以上", "120 亿元 amount 投资 q=以上"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

// Things counted again after a size class are that class.
func TestCountedClassIsAPart(t *testing.T) {
	figs := figuresOf(processText("全市产量100万吨以上企业有5户,5户企业共生产原煤800万吨。", ""))
	got := figStrings(figs)
	want := []string{"100 万吨 other 产量 q=以上", "5 户 count 以上企业", "5 户 count 以上企业", "800 万吨 amount 以上企业原煤产量"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

// A footnote mark in brackets is no figure and does not part an indicator
// from its value.
func TestFootnoteMark(t *testing.T) {
	got := figStrings(figuresOf(processText("全年地区生产总值【1】6150.1亿元,按可比价格计算比上年增长13.5%。", "")))
	want := []string{"6150.1 亿元 amount 地区生产总值 period=全年", "13.5 % growth 地区生产总值 period=全年"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

// Without a title, the file name says the part of the year a report covers.
func TestFileNamePeriod(t *testing.T) {
	raw := &RawFile{Path: "dir/太原_2023-07_上半年经济运行.txt", Format: "txt", Encoding: "utf-8", Hash: "h",
		Text: "全市固定资产投资下降14.2%,但部分领域增长较快。\n"}
	raw.Size = int64(len(raw.Text))
	figs := figuresOf(Process(raw, Options{}))
	if len(figs) == 0 || figs[0].Period.Text != "2023年上半年" {
		t.Errorf("figures %v, want period 2023年上半年", figStrings(figs))
	}
}

// 今年以来 in a report whose title names a quarter is that quarter.
func TestSinceYearStartInQuarterReport(t *testing.T) {
	raw := &RawFile{Path: "r.txt", Format: "txt", Encoding: "utf-8", Hash: "h",
		Text: "某县一季度招商引资工作开门红\n今年以来,全县新签约项目26个。\n"}
	raw.Size = int64(len(raw.Text))
	figs := figuresOf(Process(raw, Options{Sidecar: Sidecar{Region: "蒙城县", Date: "2017-04-10"}}))
	if len(figs) != 1 || figs[0].Period.Text != "2017年一季度" {
		t.Errorf("figures %v, want 2017年一季度", figStrings(figs))
	}
}

func TestPairWordsAndEarlierSubjects(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"城乡居民人均可支配收入分别增长7%、8%左右。", []string{
			"7 % growth 城镇居民人均可支配收入", "8 % growth 农村居民人均可支配收入 q=左右"}},
		{"入境旅客2967万人次,其中国际旅客189万人次,分别增长14.5%和12.4%。", []string{
			"2967 万人次 count 入境旅客", "189 万人次 count 国际旅客", "14.5 % growth 入境旅客", "12.4 % growth 国际旅客"}},
	} {
		got := figStrings(figuresOf(processText(tt.text, "")))
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s\n got %v\nwant %v", tt.text, got, tt.want)
		}
	}
}

// In a province's report, a list of places sharing one indicator gives
// each value its place, and a subject carries its place to the clauses
// after it.
func TestPlaceListsInProvinceReport(t *testing.T) {
	raw := &RawFile{Path: "r.txt", Format: "txt", Encoding: "utf-8", Hash: "h",
		Text: "遵义、安顺地区生产总值保持两位数增长,分别增长11.7%、11.3%。遵义地区生产总值3037.87亿元,占全省的比重为21.7%。"}
	raw.Size = int64(len(raw.Text))
	doc := Process(raw, Options{Sidecar: Sidecar{Region: "贵州省", Date: "2021-11"}})
	var got []string
	for _, f := range figuresOf(doc) {
		got = append(got, f.Value+" "+f.Metric+" "+f.Region)
	}
	want := []string{"11.7 地区生产总值 遵义市", "11.3 地区生产总值 安顺市", "3037.87 地区生产总值 遵义市", "21.7 地区生产总值 遵义市"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

func TestListsOfWholeIndicators(t *testing.T) {
	got := figStrings(figuresOf(processText("全市原煤产量、粗钢产量、发电量分别为2500万吨、700万吨、160亿千瓦时,分别增长2.4%、5.5%、3%。企业家数增加了135家。", "")))
	want := []string{"2500 万吨 amount 原煤产量", "700 万吨 amount 粗钢产量", "160 亿千瓦时 amount 发电量",
		"2.4 % growth 原煤产量", "5.5 % growth 粗钢产量", "3 % growth 发电量", "135 家 change 企业家数"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

func TestTargetsInListsAndAfterFigures(t *testing.T) {
	figs := figuresOf(processText("经济社会发展的主要预期目标是:地区生产总值增长13%;财政总收入增长13%;全社会固定资产投资增长30%。会议明确了全年生产总值增长6.5%左右的目标。", "2019-02-10"))
	for _, f := range figs {
		if f.Modality != "target" {
			t.Errorf("%s: modality %q, want target", fig(f), f.Modality)
		}
	}
	if len(figs) != 4 {
		t.Errorf("%d figures, want 4: %v", len(figs), figStrings(figs))
	}
}

// A count of the things that grew keeps the growth in what it counts.
func TestCountsOfChange(t *testing.T) {
	got := figStrings(figuresOf(processText("全省有37个行业实现正增长,14个地州市工业生产全部实现增长。重点监测企业中,产值同比增长27户。", "")))
	want := []string{"37 个 count 行业正增长", "14 个 count 地州市工业生产增长", "27 户 count 产值增长"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

// A rank with no subject of its own ranks what the clause before it says.
func TestRankOfThePreviousClause(t *testing.T) {
	got := figStrings(figuresOf(processText("2008年8月,在全国县域经济评价中,该县首次进入全国百强,位居第92位。", "")))
	want := []string{"92 位 rank 首次进入全国百强 period=2008年8月"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

// A report whose title names a ranking lists places of anywhere: each rank
// is its place's, in that ranking.
func TestRankingList(t *testing.T) {
	raw := &RawFile{Path: "r.txt", Format: "txt", Encoding: "utf-8", Hash: "h",
		Text: "全国百强县排名出炉\n江苏昆山市位列第一,浙江慈溪市和义乌市分列第二、第三名。长沙县2004年位居65位、2008年排37位。\n"}
	raw.Size = int64(len(raw.Text))
	doc := Process(raw, Options{Sidecar: Sidecar{Region: "苏州市", Date: "2023-07"}})
	var got []string
	for _, f := range figuresOf(doc) {
		got = append(got, f.Value+f.Unit+" "+f.Metric+" "+f.Region)
	}
	want := []string{"1位 百强县 昆山市", "2位 百强县 慈溪市", "3名 百强县 义乌市", "65位 百强县 长沙县", "37位 百强县 长沙县"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

// A clause cut at ";" continues the statement before it: its figures
// without an indicator of their own take that one, and keep their places.
func TestIndicatorContinuesAfterSemicolon(t *testing.T) {
	raw := &RawFile{Path: "r.txt", Format: "txt", Encoding: "utf-8", Hash: "h",
		Text: "前三季度,东溪州、南岭州地区生产总值保持较快增长,分别增长8.1%、7.9%,位居前列;西原州、北川州分别增长6.5%、6.2%;全省工业投资增长4.4%。"}
	raw.Size = int64(len(raw.Text))
	g, err := NewGazetteer("52\t贵州省\t\n5291\t东溪州\t52\n5292\t南岭州\t52\n5293\t西原州\t52\n5294\t北川州\t52\n")
	if err != nil {
		t.Fatal(err)
	}
	doc := Process(raw, Options{Sidecar: Sidecar{Region: "贵州省", Date: "2023-10"}, Gazetteer: g})
	var got []string
	for _, f := range figuresOf(doc) {
		got = append(got, f.Value+" "+f.Metric+" "+f.Region)
	}
	want := "8.1 地区生产总值 东溪州|7.9 地区生产总值 南岭州|6.5 地区生产总值 西原州|6.2 地区生产总值 北川州|4.4 工业投资 贵州省"
	if strings.Join(got, "|") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, "|"), want)
	}
}

// A growth over a base year named in the sentence is a two-year growth,
// not the period's own, unless the base is the year before.
func TestBaseYearComparator(t *testing.T) {
	for _, tt := range []struct{ text, date, want string }{
		{"一季度,全市地区生产总值增长12.1%,比2019年同期增长7.2%。", "2021-04", "12.1:|7.2:2019年同期"},
		{"全年地区生产总值较2019年增长4.1%。", "2022-02", "4.1:2019年同期"},
		// Over the year before: the ordinary growth.
		{"2020年全市地区生产总值比2019年增长3.3%。", "2021-02", "3.3:"},
	} {
		var got []string
		for _, f := range figuresOf(processText(tt.text, tt.date)) {
			got = append(got, f.Value+":"+f.Comparator)
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("%s\n got %s\nwant %s", tt.text, strings.Join(got, "|"), tt.want)
		}
	}
}

// In a city's report, another city named as a figure's subject makes it
// that city's figure; named as what is compared with, it does not.
func TestOtherCityInCityReport(t *testing.T) {
	raw := &RawFile{Path: "r.txt", Format: "txt", Encoding: "utf-8", Hash: "h",
		Text: "上半年工业运行\n1-6月,全市工业投资增长12.5%,淄博工业投资增长30.2%;我市规上工业增加值增长6.6%,高于淄博1.1个百分点。\n"}
	raw.Size = int64(len(raw.Text))
	doc := Process(raw, Options{Sidecar: Sidecar{Region: "济宁市", Date: "2023-07"}})
	var got []string
	for _, f := range figuresOf(doc) {
		got = append(got, f.Value+" "+f.Region)
	}
	want := "12.5 济宁市|30.2 淄博市|6.6 济宁市|1.1 济宁市"
	if strings.Join(got, "|") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, "|"), want)
	}
}
