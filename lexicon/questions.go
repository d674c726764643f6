package lexicon

import (
	"regexp"
	"strings"
)

// Question words say what kind of figure a question wants and which words
// of it are not the indicator.

// WantRule maps the words of a question to the kind of figure wanted.
type WantRule struct {
	Kind  Kind
	Words []string
	// Strip says whether the words are removed from the indicator: 增速
	// is a question about 工业投资, not part of its name; 总数 is part of
	// 规上工业企业总数.
	Strip bool
	// Example is a question that wants this kind.
	Example string
}

// WantRules are tried in order; the first rule with a word in the
// question decides. A count comes before a growth: 实现增长的地州市有几个
// asks how many grew.
var WantRules = []WantRule{
	{KindRank, []string{"排第几", "排名第几", "第几位", "第几名", "居第几", "排第", "排名多少", "排名", "位次", "第几"}, true,
		"资阳技改投资全省排第几"},
	{KindDiff, []string{"提高多少", "提高了多少", "提升多少", "高多少", "高出多少", "高几个百分点", "低多少", "快多少", "慢多少", "差多少", "高于全省多少", "高于全国多少", "百分点"}, true,
		"泰安工业投资增速比全省高多少"},
	{KindChange, []string{"净增", "比上年同期增加", "比去年同期增加", "比上年增加", "较上年增加", "增加多少", "减少多少", "多了多少", "少了多少", "增加了多少"}, true,
		"泰安规上企业比上年同期增加多少"},
	{KindCount, []string{"多少个", "多少家", "多少户", "多少项", "多少座", "多少条", "多少名", "多少人", "几个", "几家", "几户", "几项", "数量", "总数", "有多少"}, false,
		"泰安新增规上企业多少户"},
	{KindGrowth, []string{"增速", "增幅", "增长率", "增长多少", "增长了多少", "增长几", "涨了多少", "涨幅", "同比增长", "增长", "下降多少", "降幅", "降了多少"}, true,
		"泰安工业投资增速"},
	{KindShare, []string{"占比", "比重", "比例", "占多少", "所占", "完成率"}, false,
		"泰安高新技术产业产值占比"},
	{KindAmount, []string{"多少亿", "多少万", "多少元", "多少钱", "金额", "总额", "面积", "产值", "产量", "完成多少", "投资额", "规模", "多少吨", "多少亩", "多少平方米", "总投资"}, false,
		"嘉峪关工业投资完成多少"},
}

// QuestionWords carry no meaning for matching once the kind wanted is
// known: 是多少, 请问, 呢.
var QuestionWords = []Word{
	{"是多少", "工业投资增速是多少"}, {"有多少", "高企有多少"}, {"为多少", "GDP为多少"},
	{"达到多少", "营收达到多少"}, {"完成多少", "投资完成多少"}, {"多少", "社零多少"},
	{"是几", "技改投资排名是几"}, {"几", "社零增长几"}, {"什么", "增速是什么水平"},
	{"怎么样", "工业投资怎么样"}, {"如何", "社零增速如何"}, {"情况", "招商引资情况"},
	{"吗", "有数据吗"}, {"呢", "技改投资呢"}, {"请问", "请问泰安GDP"},
	{"请告诉我", "请告诉我社零增速"}, {"时候", "首次进入百强的时候排第几"}, {"告诉我", "告诉我GDP"}, {"查一下", "查一下技改投资"},
	{"查询", "查询工业投资"}, {"一下", "看一下社零"}, {"了", "工业投资增长了多少"},
	{"是", "工业投资增速是"}, {"的", "泰安的GDP"}, {"分别", "泰安、济南的GDP增速分别是多少"},
	{"各自", "泰安和济南GDP增速各自是多少"},
}

// AmountWords ask for an amount without being part of the indicator.
var AmountWords = []Word{
	{"多少亿", "工业投资多少亿"}, {"多少万", "到位资金多少万"}, {"面积", "厂房面积"},
}

// UnitHint maps a word of a question to the units that answer it.
type UnitHint struct {
	Word    string
	Units   []string
	Example string
}

// UnitHints prefer figures with the units a question asks for.
var UnitHints = []UnitHint{
	{"多少亿", []string{"亿元", "亿美元", "万亿元"}, "工业投资完成多少亿"},
	{"多少万", []string{"万元", "万平方米", "万亩", "万吨", "万千瓦", "万人"}, "新增就业多少万"},
	{"面积", []string{"万平方米", "平方米", "亩", "万亩", "公顷", "平方公里"}, "竣工面积"},
	{"多少户", []string{"户"}, "新增规上企业多少户"},
	{"几户", []string{"户"}, "规上企业增加了几户"},
	{"多少家", []string{"家"}, "高企多少家"},
	{"几家", []string{"家"}, "新增几家高企"},
	{"多少个", []string{"个"}, "签约项目多少个"},
	{"几个", []string{"个"}, "签约了几个项目"},
	{"多少项", []string{"项"}, "专利多少项"},
	{"多少亩", []string{"亩", "万亩"}, "用地多少亩"},
	{"多少吨", []string{"吨", "万吨"}, "产量多少吨"},
	{"多少万吨", []string{"万吨"}, "原煤产量多少万吨"},
}

// Modality is what a figure states besides an achievement.
type Modality string

const (
	ModalityTarget   Modality = "target"
	ModalityForecast Modality = "forecast"
)

// ModalityWord in a question asks for a target or a forecast. Strip says
// whether the word is removed from the indicator (计划 may be part of an
// indicator's name: 计划投资).
type ModalityWord struct {
	Text     string
	Modality Modality
	Strip    bool
	Example  string
}

// QuestionModalities are the words of a question that ask for a target or
// a forecast rather than an achievement.
var QuestionModalities = []ModalityWord{
	{"目标", ModalityTarget, true, "泰安GDP增长目标"},
	{"力争", ModalityTarget, false, "力争工业投资增长多少"},
	{"计划", ModalityTarget, false, "计划投资多少"},
	{"任务", ModalityTarget, false, "招商引资任务"},
	{"预计", ModalityForecast, true, "预计全年GDP增速"},
	{"预期", ModalityForecast, true, "预期增长多少"},
	{"预测", ModalityForecast, true, "预测社零增速"},
}

// HowManyPattern matches "how many" with its counter or unit in a
// question: 多少个, 几家, 多少亿元. It is built from Units, so a new unit is
// asked about without a new pattern.
var HowManyPattern = func() *regexp.Regexp {
	var alts []string
	for _, u := range Units {
		switch u.Class {
		case UnitPercent, UnitMultiple, UnitOther, UnitOrdinal:
			continue
		}
		alts = append(alts, regexp.QuoteMeta(u.Text))
	}
	// Units are longest first, so the alternation prefers 万平方米 to 万.
	return regexp.MustCompile(`(有|是|为|共|一共)?(多少|几)(` + strings.Join(alts, "|") + `)?`)
}()

// AskingWord is how a question asks for a figure of a kind: the words put
// after its region and indicator (泰安 + 工业投资 + 增速).
type AskingWord struct {
	Kind    Kind
	Words   string
	Example string
}

// AskingWords build example questions from a report's figures, most asked
// kind first; a kind absent here makes no examples.
var AskingWords = []AskingWord{
	{KindGrowth, "增速", "泰安工业投资增速"},
	{KindRank, "全省排名", "资阳技改投资全省排名"},
	{KindShare, "占比", "泰安高新技术产业产值占比"},
	{KindAmount, "", "嘉峪关工业投资"},
	{KindCount, "", "金昌新增规上企业"},
}

// ShareOfScopePattern matches a question for a share of a larger scope's
// total: 占全省比重, 占全区的比例. The indicator is the one asked before it;
// the scope is its first group. Built from Scopes.
var ShareOfScopePattern = func() *regexp.Regexp {
	var alts []string
	for _, s := range Scopes {
		alts = append(alts, regexp.QuoteMeta(s.Text))
	}
	return regexp.MustCompile(`占(` + strings.Join(alts, "|") + `)[^占,。]{0,10}?的?(比重|比例|份额)`)
}()

// ReportModalities are the words of a report that make the figures after
// them targets or forecasts rather than achievements.
var ReportModalities = []ModalityWord{
	{"力争", ModalityTarget, false, "力争全年增长8%"},
	{"目标为", ModalityTarget, false, "增长目标为6%"},
	{"目标是", ModalityTarget, false, "主要目标是:增长6%"},
	{"预期目标", ModalityTarget, false, "主要预期目标:地区生产总值增长6%"},
	{"主要目标", ModalityTarget, false, "主要目标:规上工业增加值增长7%"},
	{"计划到", ModalityTarget, false, "计划到2025年达到100亿元"},
	{"预计", ModalityForecast, false, "预计全年增长5%"},
	{"预期", ModalityForecast, false, "预期增长5%"},
	{"有望", ModalityForecast, false, "有望突破100亿元"},
	{"将达", ModalityForecast, false, "将达到50亿元"},
	{"将突破", ModalityForecast, false, "将突破1000亿元"},
	{"将超过", ModalityForecast, false, "将超过30%"},
	{"将实现", ModalityForecast, false, "将实现营收20亿元"},
	{"将新增", ModalityForecast, false, "将新增企业10家"},
}
