package lexicon

// Sector is a qualifier that narrows an indicator to a part of the
// economy: 工业投资 is a part of 投资, 制造业技改投资 a part of 技改投资.
// A metric that is the asked indicator with a sector before it is another
// number. (Other words before an indicator — a verb such as 兑现, a
// subject such as 企业获得, a grade such as 省市级 — do not change what is
// counted, and are not sectors.)
type Sector struct {
	Word string
	// Example is a narrowed indicator and, after "|", the indicator it
	// narrows.
	Example string
}

// Sectors narrow an indicator wherever they stand before it.
var Sectors = []Sector{
	{"工业", "工业投资|投资"},
	{"制造业", "制造业投资|投资"},
	{"民间", "民间投资|投资"},
	{"技改", "技改投资|投资"},
	{"服务业", "服务业增加值|增加值"},
	{"农业", "农业投资|投资"},
	{"建筑业", "建筑业增加值|增加值"},
	{"房地产", "房地产开发投资|开发投资"},
	{"基础设施", "基础设施投资|投资"},
	{"基建", "基建投资|投资"},
	{"高技术", "高技术制造业增加值|制造业增加值"},
	{"高新技术", "高新技术产业增加值|产业增加值"},
	{"战略性新兴", "战略性新兴产业产值|产业产值"},
	{"新兴产业", "新兴产业投资|投资"},
	{"外资", "外资企业进出口|企业进出口"},
	{"外商", "外商直接投资|直接投资"},
	{"国有", "国有企业营收|企业营收"},
	{"民营", "民营企业进出口|企业进出口"},
	{"第一产业", "第一产业增加值|增加值"},
	{"第二产业", "第二产业投资|投资"},
	{"第三产业", "第三产业增加值|增加值"},
	{"城镇", "城镇居民收入|居民收入"},
	{"农村", "农村居民收入|居民收入"},
	{"以上", "亿元以上项目投资|项目投资"}, // a size class: 限额以上, 500万吨以上企业
	{"重点", "重点项目投资|项目投资"},
	{"出口", "出口贸易额|贸易额"},
	{"进口", "进口贸易额|贸易额"},
	{"消费品", "消费品工业增加值|工业增加值"},
	{"装备", "装备制造业增加值|制造业增加值"},
	{"电子信息", "电子信息产业营收|产业营收"},
	{"新增", "新增规上企业|规上企业"}, // the new ones, not all of them
	{"园区", "产业园区规上工业增加值|规上工业增加值"},
	{"中央", "中央企业原煤产量|原煤产量"},
	{"私营", "私营企业进出口|进出口"},
	{"集体", "集体企业营收|营收"},
	{"港澳台", "港澳台投资企业进出口|进出口"},
	{"开发区", "开发区工业投资|工业投资"},
}

// IndustrySuffix ends the name of an industry (教育业, 卫生业, 文化体育业):
// an industry before an indicator narrows it like a sector.
const IndustrySuffix = "业"

// NotIndustries end with IndustrySuffix but name no industry: 企业营收 is
// all enterprises' 营收.
// QualifiedIndustries are NotIndustries words that do name an industry
// after a qualifier of two or more runes: 数字经济核心产业, 文化产业 (but
// 产业投资 alone is all industries').
var QualifiedIndustries = []Word{
	{"产业", "数字经济核心产业增加值"},
}

var NotIndustries = []Word{
	{"企业", "企业营收"}, {"行业", "全行业利润"}, {"产业", "产业投资"}, {"就业", "就业人数"},
	{"创业", "创业投资"}, {"专业", "专业市场"}, {"物业", "物业收入"}, {"作业", "作业面积"},
}
