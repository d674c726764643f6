package lexicon

// TrendWords make a question about one region a trend over periods:
// 大庆GDP增速走势, 泰安历年规上工业增速.
var TrendWords = longestFirst([]Word{
	{"走势", "大庆GDP增速走势"}, {"历年", "泰安历年规上工业增速"}, {"变化情况", "泰安工业投资变化情况"},
	{"变化", "湖南规上工业增速变化"}, {"这几年", "湖南规上工业增加值增速这几年怎么样"},
	{"近几年", "泰安近几年GDP增速"}, {"近年来", "近年来泰安工业投资增速"}, {"趋势", "郑州GDP增速趋势"},
	{"每年", "泰安每年GDP增速"}, {"各季度", "江西各季度GDP增速"}, {"各年", "江西各年GDP增速"},
	{"逐年", "泰安逐年工业投资"},
}, func(w Word) string { return w.Text })

// CompareWords join the regions of a comparison or ask it to compare:
// 泰安和济南工业投资增速对比, 哪个高.
var CompareWords = longestFirst([]Word{
	{"对比", "泰安和济南工业投资增速对比"}, {"比较", "遵义、安顺GDP增速比较"},
	{"哪个高", "泰安和济南GDP增速哪个高"}, {"哪个快", "泰安和济南工业投资哪个快"},
	{"谁快", "泰安济南谁快"}, {"谁高", "泰安济南GDP增速谁高"}, {"相比", "泰安与济南相比"},
	{"怎么样", "这几年怎么样"}, {"如何", "走势如何"},
}, func(w Word) string { return w.Text })

// RankingWord asks for the regions below one (贵州各市州, 泰安哪个县): a
// comparison over the places of one tier under the region named.
type RankingWord struct {
	Text string
	// Tier is the tier compared: "prefecture" (市, 州, 地区) or "county"
	// (县, 区, 县级市).
	Tier    string
	Example string
}

// Tiers of RankingWord.
const (
	TierPrefecture = "prefecture"
	TierCounty     = "county"
)

// RankingWords, longest first.
var RankingWords = longestFirst([]RankingWord{
	{"各市州", TierPrefecture, "贵州各市州GDP增速"}, {"各州市", TierPrefecture, "云南各州市GDP增速"},
	{"各地市", TierPrefecture, "山东各地市工业投资增速"}, {"各市", TierPrefecture, "山东各市工业投资增速"},
	{"各盟市", TierPrefecture, "内蒙古各盟市规上工业增加值增速"}, {"哪个盟市", TierPrefecture, "内蒙古哪个盟市规上工业增速最快"},
	{"各地州市", TierPrefecture, "云南各地州市GDP增速"}, {"各市(州)", TierPrefecture, "四川各市(州)GDP增速"},
	{"哪个市", TierPrefecture, "贵州哪个市GDP增速最快"}, {"哪个州", TierPrefecture, "贵州哪个州GDP增速最高"},
	{"哪些市", TierPrefecture, "贵州哪些市GDP增速最快"}, {"哪个地市", TierPrefecture, "山东哪个地市工业投资增速最快"},
	{"各县市区", TierCounty, "泰安各县市区工业投资增速"}, {"各县区", TierCounty, "南充各县区GDP增速"},
	{"各区县", TierCounty, "南充各区县GDP增速"}, {"各县市", TierCounty, "泰安各县市工业投资增速"},
	{"各县", TierCounty, "南充各县GDP增速"}, {"哪个县", TierCounty, "南充哪个县GDP增长最快"},
	{"哪个区", TierCounty, "成都哪个区GDP增速最高"}, {"哪些县", TierCounty, "南充哪些县GDP增速最快"},
}, func(w RankingWord) string { return w.Text })

// RankingOrders say which end of a ranking is asked for: Lowest puts the
// lowest value first (哪个县增长最慢); a ranking without one puts the
// highest first.
var RankingOrders = longestFirst([]RankingOrder{
	{"最快", false, "贵州哪个市GDP增速最快"}, {"最高", false, "贵州哪个州GDP增速最高"},
	{"最多", false, "泰安哪个县工业投资最多"}, {"最大", false, "泰安哪个县工业投资最大"},
	{"最慢", true, "南充哪个县GDP增长最慢"}, {"最低", true, "贵州哪个市GDP增速最低"},
	{"最少", true, "泰安哪个县工业投资最少"}, {"最小", true, "泰安哪个县工业投资最小"},
	{"排名", false, "贵州各市州GDP增速排名"}, {"排行", false, "贵州各市州GDP增速排行"},
}, func(o RankingOrder) string { return o.Text })

// RankingOrder is a word of RankingOrders.
type RankingOrder struct {
	Text    string
	Lowest  bool
	Example string
}

// FollowUpFillers are the words of a short follow-up that carry no
// meaning of their own once the previous question is known: 那济南呢?,
// 去年的呢.
var FollowUpFillers = longestFirst([]Word{
	{"那么", "那么济南呢"}, {"那", "那济南呢"}, {"呢", "去年呢"}, {"吗", "有济南的吗"},
	{"的", "去年的呢"}, {"又", "济南又是多少"}, {"是多少", "济南是多少"}, {"多少", "济南多少"},
	{"情况", "济南情况呢"}, {"再看", "再看济南"}, {"看看", "看看济南"}, {"换成", "换成济南"},
	{"如何", "走势如何"}, {"怎么样", "这几年怎么样"}, {"有", "有济南的吗"},
}, func(w Word) string { return w.Text })

// FollowUpCompare words turn the places of a follow-up into a comparison
// with the previous question's: 和济南比呢, 跟济南对比.
var FollowUpCompare = longestFirst([]Word{
	{"对比", "和济南对比"}, {"相比", "与济南相比呢"}, {"比较", "跟济南比较"}, {"比", "和济南比呢"},
}, func(w Word) string { return w.Text })

// FollowUpJoiners stand before the place a comparison adds: 和济南比呢.
var FollowUpJoiners = []Word{
	{"和", "和济南比呢"}, {"跟", "跟济南比呢"}, {"与", "与济南相比呢"}, {"同", "同济南比"},
}

// ListJoiners join the items of a list: places (遵义、安顺和贵阳) or the
// values a 分别 distributes (11.7%、11.5%和11.2%).
var ListJoiners = []Word{
	{"、", "遵义、安顺"}, {"和", "遵义和安顺"}, {"与", "遵义与安顺"}, {"及", "遵义及安顺"}, {"以及", "遵义以及安顺"},
}

// IsListJoiner tells whether s (trimmed) is one of ListJoiners.
func IsListJoiner(s string) bool {
	for _, w := range ListJoiners {
		if s == w.Text {
			return true
		}
	}
	return false
}
