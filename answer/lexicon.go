package answer

import (
	"strings"

	"github.com/reportbot/reportbot/corpus"
)

// The lexicon says how people shorten and rephrase the indicators of work
// reports. Both questions and extracted metrics are put in canonical form
// before they are compared, so 规模以上工业增加值 meets 规上工业增加值 and
// 工业固定资产投资 meets 工业投资.

// abbreviations maps a long form to the short form reports and officials
// use interchangeably. Order matters: longer forms first.
var abbreviations = [][2]string{
	{"规模以上", "规上"},
	{"规模以下", "规下"},
	{"规模工业", "规上工业"},
	{"技术改造", "技改"},
	{"固定资产投资", "投资"},
	{"固投", "投资"},
	{"社会消费品零售总额", "社零"},
	{"社零总额", "社零"},
	{"社消零", "社零"},
	{"地区生产总值", "gdp"},
	{"国内生产总值", "gdp"},
	{"生产总值", "gdp"},
	{"一般公共预算收入", "公共预算收入"},
	{"高新技术企业", "高企"},
	{"专精特新中小企业", "专精特新企业"},
	{"招商引资", "招商"},
	{"实际到位资金", "到位资金"},
	{"营业收入", "营收"},
	{"利润总额", "利润"},
	{"进出口总额", "进出口"},
	{"外贸进出口", "进出口"},
	{"城镇居民人均可支配收入", "城镇居民收入"},
	{"农村居民人均可支配收入", "农村居民收入"},
}

// canonical puts an indicator in the form used for comparison: normalized,
// abbreviated, without punctuation or spaces, Latin letters lowercased.
func canonical(s string) string {
	s = strings.ToLower(corpus.NormalizeText(s))
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r >= 0x3400 || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r == '+' || r == '.' || r == '%' {
			if strings.ContainsRune("“”‘’《》〈〉「」『』【】、。・·…—", r) {
				continue
			}
			b.WriteRune(r)
		}
	}
	s = b.String()
	for _, ab := range abbreviations {
		s = strings.ReplaceAll(s, ab[0], ab[1])
	}
	return fillers.Replace(s)
}

// fillers are words that do not tell indicators apart: predicates
// (完成投资 is 投资), 领域 (工业领域资金 is 工业资金) and 数量 (技改项目数量 is
// the count of 技改项目). 完成率 keeps its 完成.
var fillers = strings.NewReplacer(
	"完成率", "完成率",
	"累计完成", "", "共完成", "", "完成", "", "实现", "", "累计", "", "达到", "", "争取", "",
	"领域", "", "的", "", "数量", "",
)

// SameIndicator reports whether two metrics name the same indicator once
// abbreviations and synonyms are taken into account (规模以上工业增加值 and
// 规上工业增加值, 工业固定资产投资 and 工业投资).
func SameIndicator(a, b string) bool { return canonical(a) == canonical(b) }

// expansions returns the long forms of the abbreviations in a canonical
// indicator, so that a search for 规上工业增加值 also finds sentences that
// spell out 规模以上.
func expansions(canon string) []string {
	var out []string
	for _, ab := range abbreviations {
		if strings.Contains(canon, ab[1]) {
			out = append(out, strings.Replace(canon, ab[1], ab[0], 1))
		}
	}
	return out
}

// wantRule maps question words to the kind of figure wanted.
type wantRule struct {
	words []string
	kind  corpus.Kind
	// strip says whether the words are removed from the indicator: 增速 is
	// a question about 工业投资, not part of its name; 总数 is part of
	// 规上工业企业总数.
	strip bool
}

// wantRules are tried in order; the first that matches decides.
var wantRules = []wantRule{
	{[]string{"排第几", "排名第几", "第几位", "第几名", "居第几", "排第", "排名多少", "排名", "位次", "第几"}, corpus.KindRank, true},
	{[]string{"高多少", "高出多少", "高几个百分点", "低多少", "快多少", "慢多少", "差多少", "高于全省多少", "高于全国多少", "百分点"}, corpus.KindDiff, true},
	{[]string{"比上年同期增加", "比去年同期增加", "比上年增加", "较上年增加", "增加多少", "减少多少", "多了多少", "少了多少", "增加了多少"}, corpus.KindChange, true},
	{[]string{"增速", "增幅", "增长率", "增长多少", "增长了多少", "增长几", "涨了多少", "涨幅", "同比增长", "增长", "下降多少", "降幅", "降了多少"}, corpus.KindGrowth, true},
	{[]string{"占比", "比重", "占多少", "所占", "完成率"}, corpus.KindShare, false},
	{[]string{"多少个", "多少家", "多少户", "多少项", "多少座", "多少条", "多少名", "多少人", "几个", "几家", "几户", "几项", "数量", "总数", "有多少"}, corpus.KindCount, false},
	{[]string{"多少亿", "多少万", "多少元", "多少钱", "金额", "总额", "面积", "产值", "产量", "完成多少", "投资额", "规模", "多少吨", "多少亩", "多少平方米", "总投资"}, corpus.KindAmount, false},
}

// questionWords carry no meaning for matching once the want is known.
var questionWords = []string{
	"是多少", "有多少", "为多少", "达到多少", "完成多少", "多少", "是几", "几", "什么", "怎么样", "如何", "情况", "吗", "呢",
	"请问", "请告诉我", "告诉我", "查一下", "查询", "一下", "了", "是", "的",
}

// unitHints map question words to the units that answer them.
var unitHints = []struct {
	word  string
	units []string
}{
	{"多少亿", []string{"亿元", "亿美元", "万亿元"}},
	{"多少万", []string{"万元", "万平方米", "万亩", "万吨", "万千瓦", "万人"}},
	{"面积", []string{"万平方米", "平方米", "亩", "万亩", "公顷", "平方公里"}},
	{"户", []string{"户"}},
	{"家", []string{"家"}},
	{"个", []string{"个"}},
	{"项", []string{"项"}},
	{"亩", []string{"亩", "万亩"}},
	{"吨", []string{"吨", "万吨"}},
}

// modalityWords in a question ask for a target or a forecast.
var modalityWords = map[string]string{
	"目标": "target", "力争": "target", "计划": "target", "任务": "target",
	"预计": "forecast", "预期": "forecast", "预测": "forecast",
}

// bigrams returns the set of adjacent rune pairs of s (the single rune for
// a one-rune string).
func bigrams(s string) map[string]struct{} {
	rs := []rune(s)
	set := make(map[string]struct{}, len(rs))
	if len(rs) == 1 {
		set[s] = struct{}{}
	}
	for i := 0; i+1 < len(rs); i++ {
		set[string(rs[i:i+2])] = struct{}{}
	}
	return set
}
