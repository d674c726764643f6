package lexicon

// Scopes and comparators say what a figure is measured against: 居全省第2位
// is a rank within 全省, 高于全国1.2个百分点 a difference from 全国, 比上年同期
//增长 a growth over the same period a year before.

// Scopes are the wholes a rank, share or difference refers to.
var Scopes = []Word{
	{"全国", "居全国第7位"},
	{"全省", "增速居全省第2位"},
	{"全市", "居全市第3位"},
	{"全州", "居全州第1位"},
	{"全区", "高于全区0.8个百分点"},
	{"全县", "居全县第1位"},
	{"西部", "居西部第3位"},
	{"中部", "居中部第4位"},
	{"东部", "居东部第5位"},
	{"同类城市", "居同类城市第2位"},
	{"同级城市", "居同级城市第2位"},
}

// Baseline is a comparison base written in a report and the base it
// means.
type Baseline struct {
	Text, Means string
	Example     string
}

// Baselines are read in this order: the longest of a family first.
var Baselines = []Baseline{
	{"比上年同期", "上年同期", "比上年同期增长5.6%"},
	{"较上年同期", "上年同期", "较上年同期提高2个百分点"},
	{"比去年同期", "上年同期", "比去年同期增加12户"},
	{"较去年同期", "上年同期", "较去年同期下降3.2%"},
	{"上年同期", "上年同期", "增速高于上年同期1.5个百分点"},
	{"同比", "同比", "同比增长8.4%"},
	{"环比", "环比", "环比增长1.1%"},
	{"比上年", "比上年", "比上年增长7%"},
	{"较上年", "较上年", "较上年提高0.6个百分点"},
}

// AgainstWords put a figure against a scope: 高于全省, 快于全国.
var AgainstWords = []Word{
	{"高于", "高于全省1.2个百分点"},
	{"低于", "低于全国0.3个百分点"},
	{"快于", "快于全市2.1个百分点"},
	{"慢于", "慢于全省0.5个百分点"},
	{"领先", "领先全省4个百分点"},
}

// QuestionComparators are comparison words in a question that are not part
// of the indicator asked: 比全省高多少 asks about the indicator alone.
var QuestionComparators = longestFirst([]Word{
	{"比上年同期", "工业投资比上年同期增长多少"},
	{"比去年同期", "社零比去年同期增长多少"},
	{"较上年同期", "技改投资较上年同期增速"},
	{"比上年", "GDP比上年增长多少"},
	{"较上年", "营收较上年增长多少"},
	{"同比", "规上工业增加值同比增速"},
	{"比全省", "工业投资增速比全省高多少"},
	{"比全国", "GDP增速比全国高多少"},
	{"比全市", "技改投资增速比全市高多少"},
	{"高于全省", "工业投资增速高于全省多少"},
	{"高于全国", "GDP增速高于全国多少"},
	{"全省", "工业投资增速全省排第几"},
	{"全国", "GDP增速全国排第几"},
}, func(w Word) string { return w.Text })

// PlaceObjectMarkers stand right before a place that a figure is compared
// with or ranked within, not about: 高于济南, 居江西全省第1位.
var PlaceObjectMarkers = []Word{
	{"高于", "增速高于济南2个百分点"}, {"低于", "低于济南"}, {"快于", "快于济南"}, {"慢于", "慢于济南"},
	{"超过", "超过济南"}, {"领先", "领先济南"}, {"比", "比济南高"}, {"较", "较济南高"},
	{"居", "居江西全省第1位"}, {"位居", "位居山东第2"}, {"位列", "位列江苏第3"}, {"排", "排山东第4"},
	{"在", "在山东排第2"}, {"与", "与济南持平"}, {"占", "占山东的12%"},
}

// PlaceScopeMarkers stand right after a place named as the whole a rank
// is within: 山东第2, 山东省内. (江西全省 is either: 居江西全省第1位 is
// marked by 居 before it; 江西全省地区生产总值 is about 江西.)
var PlaceScopeMarkers = []Word{
	{"第", "位列山东第2"}, {"省内", "在山东省内排第2"}, {"市内", "在泰安市内排第1"},
}

// WholeScope is a word that names, as a clause's subject, the whole a
// place belongs to: 全省 after figures of its cities is the province.
type WholeScope struct {
	Text    string
	Tier    string
	Example string
}

// TierProvince is the tier of a province, for WholeScopes.
const TierProvince = "province"

// WholeScopes name the province or the prefecture above the place a text
// was about.
var WholeScopes = []WholeScope{
	{"全省", TierProvince, "贵阳增长4.8%,全省地区生产总值增长8.7%"},
	{"全区", TierProvince, "银川增长7.5%,全区地区生产总值增长6.1%"},
	{"全市", TierPrefecture, "肥城增长9.1%,全市工业投资增长31.9%"},
}
