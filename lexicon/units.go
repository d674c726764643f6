package lexicon

// UnitClass groups units by what they measure.
type UnitClass string

const (
	UnitPercent  UnitClass = "percent"  // %, ‰
	UnitPoints   UnitClass = "points"   // 个百分点
	UnitMoney    UnitClass = "money"    // 亿元
	UnitArea     UnitClass = "area"     // 亩
	UnitEnergy   UnitClass = "energy"   // 千瓦时
	UnitPower    UnitClass = "power"    // 千瓦
	UnitMass     UnitClass = "mass"     // 吨
	UnitVolume   UnitClass = "volume"   // 立方米
	UnitLength   UnitClass = "length"   // 公里
	UnitCounter  UnitClass = "counter"  // 户, 家, 个: the figure is a count
	UnitMultiple UnitClass = "multiple" // 倍
	UnitDuration UnitClass = "duration" // 天
	UnitBare     UnitClass = "bare"     // 万, 亿 alone
	UnitOrdinal  UnitClass = "ordinal"  // 位 of a rank
	UnitOther    UnitClass = "other"    // 期: counted, but not a count of things
)

// Unit is a unit a figure may carry.
type Unit struct {
	Text  string
	Class UnitClass
	// Base and Multiplier say what the unit is in a smaller one: 万户 is
	// 10,000 户, 亿元 is 100,000,000 元. Empty Base means the unit is its
	// own base.
	Base       string
	Multiplier float64
	// Example is a figure written with the unit.
	Example string
}

// IsCount reports whether a figure with this unit counts things.
func (u Unit) IsCount() bool { return u.Class == UnitCounter }

// Units are the units a figure may carry, longest first so that 万平方米
// wins over 万 and 个百分点 over 个.
var Units = longestFirst([]Unit{
	{"个百分点", UnitPoints, "", 0, "高于全省1.2个百分点"},
	{"百分点", UnitPoints, "", 0, "提高0.5百分点"},
	{"%", UnitPercent, "", 0, "增长8.4%"},
	{"‰", UnitPercent, "", 0, "自然增长率3.1‰"},
	{"万亿元", UnitMoney, "元", 1e12, "总额1.2万亿元"},
	{"亿美元", UnitMoney, "美元", 1e8, "出口3.5亿美元"},
	{"万美元", UnitMoney, "美元", 1e4, "到位外资850万美元"},
	{"亿元", UnitMoney, "元", 1e8, "完成投资76.8亿元"},
	{"万元", UnitMoney, "元", 1e4, "人均4.1万元"},
	{"千元", UnitMoney, "元", 1e3, "人均12千元"},
	{"美元", UnitMoney, "", 0, "单价12美元"},
	{"元", UnitMoney, "", 0, "收入32650元"},
	{"万平方米", UnitArea, "平方米", 1e4, "竣工面积85万平方米"},
	{"平方米", UnitArea, "", 0, "厂房1200平方米"},
	{"平方公里", UnitArea, "", 0, "面积12.6平方公里"},
	{"万亩", UnitArea, "亩", 1e4, "种植3.2万亩"},
	{"亩", UnitArea, "", 0, "用地560亩"},
	{"公顷", UnitArea, "", 0, "造林120公顷"},
	{"万千瓦时", UnitEnergy, "千瓦时", 1e4, "发电量960万千瓦时"},
	{"亿千瓦时", UnitEnergy, "千瓦时", 1e8, "用电量42.1亿千瓦时"},
	{"千瓦时", UnitEnergy, "", 0, "发电3000千瓦时"},
	{"万千瓦", UnitPower, "千瓦", 1e4, "装机容量120万千瓦"},
	{"千瓦", UnitPower, "", 0, "装机800千瓦"},
	{"兆瓦", UnitPower, "千瓦", 1e3, "光伏50兆瓦"},
	{"万吨", UnitMass, "吨", 1e4, "产量21万吨"},
	{"吨", UnitMass, "", 0, "产量900吨"},
	{"公斤", UnitMass, "", 0, "亩产450公斤"},
	{"立方米", UnitVolume, "", 0, "供水800立方米"},
	{"万立方米", UnitVolume, "立方米", 1e4, "供气2.4万立方米"},
	{"万人次", UnitCounter, "人次", 1e4, "接待游客35万人次"},
	{"人次", UnitCounter, "", 0, "培训1200人次"},
	{"万人", UnitCounter, "人", 1e4, "新增就业1.1万人"},
	{"人", UnitCounter, "", 0, "引进人才86人"},
	{"家次", UnitCounter, "", 0, "走访企业300家次"},
	{"批次", UnitCounter, "", 0, "抽检42批次"},
	{"批", UnitCounter, "", 0, "集中开工3批"},
	{"户次", UnitCounter, "", 0, "服务企业150户次"},
	{"万户", UnitCounter, "户", 1e4, "市场主体12.3万户"},
	{"户", UnitCounter, "", 0, "新增规上企业45户"},
	{"家", UnitCounter, "", 0, "高企达到210家"},
	{"个", UnitCounter, "", 0, "签约项目37个"},
	{"项", UnitCounter, "", 0, "获得专利18项"},
	{"位", UnitOrdinal, "", 0, "增速居全省第2位"},
	{"名", UnitCounter, "", 0, "排名第3名"},
	{"座", UnitCounter, "", 0, "建成基站5座"},
	{"条", UnitCounter, "", 0, "新建生产线4条"},
	{"台", UnitCounter, "", 0, "工业机器人60台"},
	{"套", UnitCounter, "", 0, "设备更新25套"},
	{"辆", UnitCounter, "", 0, "新能源汽车900辆"},
	{"万辆", UnitCounter, "辆", 1e4, "汽车产量3.6万辆"},
	{"口", UnitCounter, "", 0, "新打机井20口"},
	{"所", UnitCounter, "", 0, "新建学校6所"},
	{"次", UnitCounter, "", 0, "组织招商活动15次"},
	{"倍", UnitMultiple, "", 0, "增长1.5倍"},
	{"公里", UnitLength, "", 0, "新建道路36公里"},
	{"千米", UnitLength, "", 0, "管网12千米"},
	{"米", UnitLength, "", 0, "河道800米"},
	{"天", UnitDuration, "", 0, "缩短至15天"},
	{"场", UnitCounter, "", 0, "举办对接会8场"},
	{"件", UnitCounter, "", 0, "受理诉求340件"},
	{"款", UnitCounter, "", 0, "新产品12款"},
	{"种", UnitCounter, "", 0, "特色农产品9种"},
	{"份", UnitCounter, "", 0, "签订协议30份"},
	{"期", UnitOther, "", 0, "培训班4期"},
	{"万头", UnitCounter, "头", 1e4, "生猪存栏1700.6万头"},
	{"头", UnitCounter, "", 0, "出栏肉牛850头"},
	{"万只", UnitCounter, "只", 1e4, "家禽出栏2.3万只"},
	{"只", UnitCounter, "", 0, "存栏羊1200只"},
	{"万羽", UnitCounter, "羽", 1e4, "蛋鸡存栏45万羽"},
	{"羽", UnitCounter, "", 0, "出栏肉鸭800羽"},
	{"亿澳门元", UnitMoney, "澳门元", 1e8, "财政储备6580亿澳门元"},
	{"万澳门元", UnitMoney, "澳门元", 1e4, "补贴1.2万澳门元"},
	{"澳门元", UnitMoney, "", 0, "每人3000澳门元"},
	{"亿港元", UnitMoney, "港元", 1e8, "收入3.5亿港元"},
	{"万港元", UnitMoney, "港元", 1e4, "月薪2万港元"},
	{"港元", UnitMoney, "", 0, "月薪20000港元"},
	{"亿新台币", UnitMoney, "新台币", 1e8, "预算120亿新台币"},
	{"万新台币", UnitMoney, "新台币", 1e4, "补助5万新台币"},
	{"新台币", UnitMoney, "", 0, "补助5000新台币"},
	{"万", UnitBare, "", 1e4, "游客达到120万"},
	{"亿", UnitBare, "", 1e8, "产值超过3亿"},
}, func(u Unit) string { return u.Text })

// NonFigureUnits after a number make it a duration or a date, not a
// figure: 3年, 6个月, 15日.
var NonFigureUnits = []Word{
	{"年", "实施3年"}, {"个月", "提前6个月"}, {"月", "1-5月"}, {"日", "7月3日"}, {"号", "5号楼"},
	{"时", "24时"}, {"周", "第2周"}, {"岁", "60岁以上"}, {"届", "第十届"}, {"级", "3级"},
	{"大", "十大产业"}, {"期间", "十四五期间"},
}

// Word is a word of a plain table, with an example of its use.
type Word struct {
	Text    string
	Example string
}

// UnitByText returns the unit written as text.
func UnitByText(text string) (Unit, bool) {
	for _, u := range Units {
		if u.Text == text {
			return u, true
		}
	}
	return Unit{}, false
}
