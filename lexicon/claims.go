package lexicon

// Claims are texts that state figures (a draft speech, a briefing) rather
// than ask for them. These tables say how exactly a claim states a number
// and how to tell a claim from a question.

// Rounding says which report values a claimed number written with a
// rounding word stands for.
type Rounding string

const (
	// RoundAbout: the report value lies within half a step of the last
	// digit written on either side (约32% covers 31.5–32.5%).
	RoundAbout Rounding = "about"
	// RoundAtMost: the report value is the claimed one or a little below
	// (近32% covers 31–32%).
	RoundAtMost Rounding = "at-most"
	// RoundAtLeast: the report value is the claimed one or above (超过30%
	// is true of 31.9%).
	RoundAtLeast Rounding = "at-least"
)

// RoundingWord is a qualifier of a figure (as the figure extractor reads
// it, before or after the number) and the rounding it states.
type RoundingWord struct {
	Text     string
	Rounding Rounding
	// Example is a claim whose figure carries the word.
	Example string
}

// RoundingWords are the qualifiers that make a claimed figure a rounded
// or bounded one. A qualifier not listed (最高 in a rule's text) is no
// rounding: the number is compared as written.
var RoundingWords = []RoundingWord{
	{"约", RoundAbout, "全市工业投资约32亿元"},
	{"左右", RoundAbout, "地区生产总值增长6%左右"},
	{"近", RoundAtMost, "工业投资增长近32%"},
	{"接近", RoundAtMost, "外贸进出口增长接近20%"},
	{"将近", RoundAtMost, "新增市场主体将近3000户"},
	{"不足", RoundAtMost, "服务业增加值增长不足5%"},
	{"不到", RoundAtMost, "亏损企业不到10家"},
	{"以下", RoundAtMost, "单位GDP能耗下降3%以下"},
	{"以内", RoundAtMost, "城镇登记失业率4.5%以内"},
	{"超过", RoundAtLeast, "规上工业企业超过1900家"},
	{"突破", RoundAtLeast, "地区生产总值突破9000亿元"},
	{"逾", RoundAtLeast, "实际利用内资逾100亿元"},
	{"超", RoundAtLeast, "招商引资到位资金超50亿元"},
	{"余", RoundAtLeast, "新开工项目100余个"},
	{"多", RoundAtLeast, "新增就业1万多人"},
	{"以上", RoundAtLeast, "高新技术企业增长10%以上"},
}

// RoundingOf returns the rounding a qualifier states, if any.
func RoundingOf(qualifier string) (Rounding, bool) {
	for _, w := range RoundingWords {
		if w.Text == qualifier {
			return w.Rounding, true
		}
	}
	return "", false
}

// QuestionMarkers make a message a question rather than a claim, however
// many figures it states (2023年泰安工业投资增长多少). They are looked
// for in normalized text, where ？ is ?.
var QuestionMarkers = []Word{
	{"多少", "泰安工业投资增长多少"},
	{"几", "规上工业增加值增速排全省第几"},
	{"吗", "今年工业投资增长31.9%吗"},
	{"?", "GDP增长6.2%?"},
	{"是否", "工业投资是否增长31.9%"},
	{"哪", "哪个县增速最快"},
	{"如何", "1-5月工业投资增速如何"},
	{"怎么样", "上半年GDP增长怎么样"},
}

// MeasureWords, put in one indicator's name and not in another's, make
// them different measures: 新增就业人数 is not 就业人数, 年均增长 not a
// year's growth, 城镇居民收入 not 居民收入. A claim's indicator and a
// report's that differ by one of them never contradict each other.
var MeasureWords = []Word{
	{"新增", "新增就业人数"},
	{"净增", "净增市场主体"},
	{"新开工", "新开工项目"},
	{"新签约", "新签约项目"},
	{"新入库", "新入库四上单位"},
	{"在建", "在建项目"},
	{"年均", "工业投资年均增长"},
	{"两年平均", "规上工业增加值两年平均增长10.2%"},
	{"三年平均", "GDP三年平均增长6%"},
	{"城镇", "城镇居民人均可支配收入"},
	{"农村", "农村居民人均可支配收入"},
	{"外资", "外资企业进出口"},
	{"民营", "民营企业进出口"},
	{"国有", "国有企业利润"},
}

// Era is a span of years a text names instead of a period: a five-year
// plan, or the five years before the text was written.
type Era struct {
	Text string
	// From and To are the years of a plan; zero for a span counted back
	// from the text's date (过去五年).
	From, To int
	// Years is the length of a span counted back.
	Years   int
	Example string
}

// Eras are the spans of years figures are stated over: "十四五"时期
// 工业投资年均增长8.1%, 过去五年…提高13.3个百分点.
var Eras = []Era{
	{"十一五", 2006, 2010, 0, "“十一五”期间GDP年均增长12%"},
	{"十二五", 2011, 2015, 0, "“十二五”时期财政收入年均增长10%"},
	{"十三五", 2016, 2020, 0, "“十三五”以来工业投资年均增长9%"},
	{"十四五", 2021, 2025, 0, "“十四五”时期工业投资年均增长8.1%"},
	{"十五五", 2026, 2030, 0, "“十五五”期间GDP年均增长5%左右"},
	{"过去五年", 0, 0, 5, "过去五年,民营企业进出口占比提高13.3个百分点"},
	{"五年来", 0, 0, 5, "五年来,全市GDP年均增长6%"},
	{"近五年", 0, 0, 5, "近五年,城镇居民收入年均增长7%"},
	{"过去三年", 0, 0, 3, "过去三年,工业投资年均增长10%"},
	{"三年来", 0, 0, 3, "三年来,新增市场主体3万户"},
}

// Frame is a pair of words a claim wraps an indicator in (在…中: in the
// ranking of): the indicator is what lies between.
type Frame struct {
	Open, Close string
	Example     string
}

// ClaimFrames are the frames a claim's indicator may come in.
var ClaimFrames = []Frame{
	{"在", "中", "在2017年全国百强县排名中,长沙县位列第八名"},
	{"在", "里", "在全省十强县评比里排第三"},
}
