package lexicon

// Abbreviation is a long form of an indicator word and the short form that
// reports and officials use for it. Indicators are compared in their short
// form, so 规模以上工业增加值 meets 规上工业增加值.
type Abbreviation struct {
	Long, Short string
	// Example is an indicator written with the long form.
	Example string
}

// Abbreviations are applied longest long form first.
var Abbreviations = longestFirst([]Abbreviation{
	{"规模以上", "规上", "规模以上工业增加值"},
	{"规模以下", "规下", "规模以下工业企业"},
	{"规模工业", "规上工业", "规模工业增加值"},
	{"技术改造", "技改", "工业技术改造投资"},
	{"固定资产投资", "投资", "工业固定资产投资"},
	{"固投", "投资", "全社会固投"},
	{"社会消费品零售总额", "社零", "社会消费品零售总额"},
	{"社零总额", "社零", "社零总额"},
	{"社消零", "社零", "社消零"},
	{"地区生产总值", "gdp", "全市地区生产总值"},
	{"国内生产总值", "gdp", "国内生产总值"},
	{"生产总值", "gdp", "全县生产总值"},
	{"一般公共预算收入", "公共预算收入", "地方一般公共预算收入"},
	{"高新技术企业", "高企", "国家高新技术企业"},
	{"专精特新中小企业", "专精特新企业", "省级专精特新中小企业"},
	{"招商引资", "招商", "招商引资到位资金"},
	{"实际到位资金", "到位资金", "招商项目实际到位资金"},
	{"营业收入", "营收", "规上服务业营业收入"},
	{"利润总额", "利润", "规上工业企业利润总额"},
	{"进出口总额", "进出口", "外贸进出口总额"},
	{"外贸进出口", "进出口", "外贸进出口"},
	{"城镇居民人均可支配收入", "城镇居民收入", "城镇居民人均可支配收入"},
	{"农村居民人均可支配收入", "农村居民收入", "农村居民人均可支配收入"},
	{"百强县", "百强", "全国百强县"},
	{"百县", "百强", "全国百县"},
}, func(a Abbreviation) string { return a.Long })

// Completion is an indicator named by its sector alone, and the indicator
// it means: 规上工业增速 asks for the growth of 规上工业增加值.
type Completion struct {
	Short, Full string
	Example     string
}

// Completions apply only when the whole indicator is the short form.
var Completions = []Completion{
	{"规上工业", "规上工业增加值", "规上工业"},
	{"工业", "工业增加值", "工业"},
	{"服务业", "服务业增加值", "服务业"},
	{"第一产业", "第一产业增加值", "第一产业"},
	{"第二产业", "第二产业增加值", "第二产业"},
	{"第三产业", "第三产业增加值", "第三产业"},
	{"外贸", "进出口", "外贸"},
}

// Derived words make another indicator of the same name: 人均地区生产总值
// is not 地区生产总值, 户均 not the total.
var Derived = []Word{
	{"人均", "人均地区生产总值"},
	{"户均", "户均存款"},
	{"平均", "平均工资"},
}

// IndicatorHeads are the words an indicator ends in (产量, 增加值, 收入):
// in a list of subjects sharing one ("钢材、水泥、平板玻璃产量"), the
// shared part of the last subject begins at its first head word.
var IndicatorHeads = []Word{
	{"产业增加值", "第一、二、三产业增加值"}, {"增加值", "工业、建筑业增加值"},
	{"产量", "钢材、水泥、平板玻璃产量"}, {"产值", "农业、林业产值"},
	{"居民人均可支配收入", "城镇和农村居民人均可支配收入"}, {"居民收入", "城乡居民收入"},
	{"进出口", "一般贸易、民营企业进出口占比"}, {"投资", "工业、民间投资"},
	{"收入", "税收、非税收入"}, {"营业收入", "批发业、零售业营业收入"},
	{"零售额", "汽车、家电零售额"}, {"销售额", "商品房、二手房销售额"},
	{"利润", "国有、民营企业利润"}, {"出口", "机电、高新技术产品出口"},
	{"失业率", "总体失业率和本地居民失业率"}, {"存栏", "生猪、牛存栏"},
	{"用电量", "工业、居民用电量"}, {"产能", "光伏、风电产能"},
}

// VerbObject is a verb before a product that names an indicator of it:
// 生产原煤50108万吨 states 原煤产量.
type VerbObject struct {
	Verb, Head string
	// Anywhere lets a subject stand before the verb (煤炭企业生产原煤);
	// otherwise the verb must begin the words.
	Anywhere bool
	// Example is the words before a figure and, after "|", the indicator.
	Example string
}

// VerbObjects turn a verb and its object into the indicator.
var VerbObjects = []VerbObject{
	{"生产", "产量", true, "煤炭企业生产原煤|煤炭企业原煤产量"},
	{"累计生产", "产量", false, "累计生产钢材|钢材产量"},
	{"发电", "发电量", false, "发电|发电量"},
	{"完成引资", "招商引资", false, "完成引资|招商引资"},
	{"引资", "招商引资", false, "引资|招商引资"},
}

// PairWord names two subjects at once: 城乡 is 城镇 and 农村, as a 分别
// list distributes them.
type PairWord struct {
	Text    string
	Parts   []string
	Example string
}

// PairWords are read in 分别 lists.
var PairWords = []PairWord{
	{"城乡", []string{"城镇", "农村"}, "城乡居民人均可支配收入分别增长7%、8%"},
	{"进出口", []string{"进口", "出口"}, "进出口分别增长5%、8%"},
	{"中小", []string{"中型", "小型"}, "中小企业分别增长3%、4%"},
}

// BareHeads are indicators that, asked alone, mean the whole: 固投增速 (投资
// after canonical form) is all fixed-asset investment, and a qualified
// metric (项目投资, 国有经济投资) is a part of it, another number.
var BareHeads = []Word{
	{"投资", "全市固定资产投资增速"},
}

// WholeQualifiers before a bare head still name the whole: 全社会投资.
var WholeQualifiers = []Word{
	{"全社会", "全社会固定资产投资"}, {"全部", "全部投资"}, {"社会", "社会投资"},
}

// ContributionWords make a figure what something contributed to an
// indicator, not the indicator's value: 拉动规上工业增加值增长30.5个百分点.
var ContributionWords = []Word{
	{"拉动", "强力拉动规模以上工业增加值增长30.5个百分点"}, {"带动", "带动全市GDP增长1.2个百分点"},
	{"贡献率", "对GDP增长的贡献率达40%"},
}
