package synth

// The vocabulary of the generator. Every phrase here was written for this
// package: the shapes (an indicator, a period, a growth rate, a comparison
// with the province, a rank) are those of real work reports, the wording is
// our own.

// indicator is one economic indicator as reports write it and as a person
// asks for it.
type indicator struct {
	// id is the canonical name used for the ground truth and as the
	// reservation key.
	id string
	// forms are how reports spell it; the first is the long form.
	forms []string
	// ask is how a question names it.
	ask string
	// amount tells whether a level in 亿元 makes sense for it.
	amount bool
}

var indicators = []indicator{
	{"规上工业增加值", []string{"规模以上工业增加值", "规上工业增加值"}, "规上工业增加值", false},
	{"工业投资", []string{"工业固定资产投资", "工业投资"}, "工业投资", true},
	{"工业技改投资", []string{"工业技术改造投资", "工业技改投资"}, "工业技改投资", true},
	{"固定资产投资", []string{"固定资产投资", "全社会固定资产投资"}, "固定资产投资", true},
	{"制造业投资", []string{"制造业投资"}, "制造业投资", true},
	{"民间投资", []string{"民间投资"}, "民间投资", true},
	{"社零", []string{"社会消费品零售总额"}, "社会消费品零售总额", true},
	{"公共预算收入", []string{"一般公共预算收入", "地方一般公共预算收入"}, "一般公共预算收入", true},
	{"进出口", []string{"外贸进出口总额", "进出口总额"}, "进出口总额", true},
	{"gdp", []string{"地区生产总值"}, "地区生产总值", true},
	{"服务业增加值", []string{"服务业增加值"}, "服务业增加值", true},
	{"高新技术产业产值", []string{"高新技术产业产值"}, "高新技术产业产值", true},
	{"城镇居民收入", []string{"城镇居民人均可支配收入"}, "城镇居民人均可支配收入", false},
	{"农村居民收入", []string{"农村居民人均可支配收入"}, "农村居民人均可支配收入", false},
	{"工业用电量", []string{"工业用电量"}, "工业用电量", false},
	{"实际使用外资", []string{"实际使用外资"}, "实际使用外资", true},
	{"规上工业营收", []string{"规上工业营业收入", "规模以上工业企业营业收入"}, "规上工业营业收入", true},
	{"规上工业利润", []string{"规上工业利润总额"}, "规上工业利润总额", true},
	{"建筑业总产值", []string{"建筑业总产值"}, "建筑业总产值", true},
	{"数字经济核心产业增加值", []string{"数字经济核心产业增加值"}, "数字经济核心产业增加值", true},
	{"税收收入", []string{"税收收入"}, "税收收入", true},
	{"网络零售额", []string{"网络零售额"}, "网络零售额", true},
	{"旅游总收入", []string{"旅游总收入"}, "旅游总收入", true},
	{"农业总产值", []string{"农林牧渔业总产值"}, "农林牧渔业总产值", true},
}

// countIndicators are figures counted in 户, 个 or 家.
var countIndicators = []struct{ name, unit string }{
	{"规上工业企业", "户"},
	{"在建工业项目", "个"},
	{"省级专精特新企业", "家"},
	{"高新技术企业", "家"},
	{"亿元以上项目", "个"},
	{"市场主体", "户"},
	{"省级技术中心", "家"},
	{"重点技改项目", "个"},
}

// Prose: most sentences of a report state what was done, not a number.
var (
	proseOpen = []string{
		"今年以来", "近年来", "一年来", "过去一年", "新的一年", "下一步", "当前", "与此同时", "总的来看", "从全年看",
	}
	proseVerb = []string{
		"坚持", "加快", "持续推进", "深入实施", "着力抓好", "扎实推进", "大力推动", "积极稳妥推进", "统筹推进",
		"全面落实", "聚焦", "围绕", "突出抓好", "不断深化", "巩固提升", "优化完善", "用心用情做好", "精准实施",
	}
	proseObject = []string{
		"新型工业化", "制造强市战略", "重点项目建设", "营商环境优化", "招大引强", "产业链延链补链强链",
		"数字化转型", "绿色低碳发展", "企业梯度培育", "科技创新平台建设", "园区提档升级", "要素保障",
		"安全生产专项整治", "民生实事", "乡村振兴", "城市更新行动", "人才引育工程", "对外开放合作",
		"县域经济发展", "服务业扩容提质", "现代农业园区建设", "老旧小区改造", "文旅融合发展", "财源建设",
		"稳岗就业", "助企纾困", "中小企业成长", "技术改造提升", "能耗双控", "项目前期手续办理",
	}
	proseResult = []string{
		"取得明显成效", "迈出坚实步伐", "实现良好开局", "不断取得新突破", "形成强大合力", "提供有力支撑",
		"呈现良好态势", "持续走深走实", "基础更加牢固", "发展后劲不断增强", "质量效益稳步提升",
		"群众获得感明显增强", "整体水平显著提高", "工作格局基本形成", "成势见效",
	}
	proseMeans = []string{
		"日监测、周调度、月分析的工作机制", "领导包联重点企业制度", "“一企一策”帮扶措施", "专班推进机制",
		"挂图作战、压茬推进的工作方法", "清单化管理、项目化推进", "督查考核和通报排名制度",
		"“三个一批”项目滚动推进机制", "政银企对接长效机制", "重点项目首席服务员制度",
	}
	proseProblem = []string{
		"总量偏小、结构不优", "创新能力不强", "要素保障压力较大", "部分企业经营困难", "项目接续不足",
		"产业链条较短", "市场需求恢复偏慢", "融资难融资贵",
	}
	docTopics = []string{
		"工业经济运行情况的汇报", "推进新型工业化工作情况报告", "上半年经济运行情况分析", "政府工作报告",
		"前三季度工业发展情况", "制造业高质量发展工作汇报", "重点项目建设推进情况", "经济运行调度会议材料",
		"工业和信息化工作总结", "全年工作总结及下一步打算", "招商引资工作汇报", "稳增长工作情况的报告",
	}
	webHeads = []string{
		"工业经济稳中有进", "项目建设提速增效", "奋力推进新型工业化", "经济运行持续向好", "跑出发展加速度",
		"实体经济根基更牢", "产业升级步伐加快", "主要指标好于预期",
	}
	navItems = []string{
		"首页", "新闻", "政务", "经济", "民生", "专题", "视频", "图片", "评论", "财经", "产业", "投资", "公司", "行情",
	}
	reporters = []string{"王海", "李明", "张晓丽", "刘洋", "陈静", "赵磊", "孙悦", "周强", "吴婷", "郑凯"}
	icpProv   = []string{"鲁", "川", "甘", "皖", "豫", "苏", "浙", "粤", "冀", "晋", "湘", "鄂", "琼", "黔"}
)

// cnDigits spells small numbers the way ranks are often written (第一位).
var cnDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六"}

// halves and quarters of the year as reports name them, with their
// months.
var subPeriods = []struct {
	text       string
	start, end int
}{
	{"一季度", 1, 3}, {"上半年", 1, 6}, {"前三季度", 1, 9},
	{"1-2月", 1, 2}, {"1-4月", 1, 4}, {"1-5月", 1, 5}, {"1-7月", 1, 7}, {"1-8月", 1, 8}, {"1-10月", 1, 10}, {"1-11月", 1, 11},
}

// negativeIndicators never occur in generated text: questions about them
// must get no answer.
var negativeIndicators = []string{
	"海洋捕捞量增速", "航天发射次数是多少", "冰雪旅游人次增长多少", "极地科考经费是多少",
}
