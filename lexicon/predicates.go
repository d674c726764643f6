package lexicon

// Predicates are the verbs after an indicator that say what kind of figure
// follows it. A percentage after a growth word is a growth; after a
// decline word it is a growth with a negative sign.

// GrowthWords before a percentage make it a growth.
var GrowthWords = []Word{
	{"增长", "工业投资同比增长31.9%"},
	{"增速", "增速6.2%"},
	{"增幅", "增幅4.5%"},
	{"上涨", "价格上涨2.1%"},
	{"提高", "比重提高3.4%"},
	{"提升", "产能提升12%"},
	{"增加", "税收增加9.3%"},
	{"增收", "农民增收7.7%"},
	{"增", "营收增18%"},
}

// DeclineWords before a percentage make it a growth with a negative sign.
var DeclineWords = []Word{
	{"下降", "能耗下降3.1%"},
	{"减少", "用地减少5%"},
	{"回落", "增速回落2.6%"},
	{"降低", "成本降低4.2%"},
	{"下滑", "产量下滑8%"},
	{"收窄", "降幅收窄1.3%"},
	{"减", "出口减6.4%"},
	{"降", "利润降11%"},
}

// NotDeclineWords contain a decline word but state no decline of the
// figure after them: 降低成本 is a policy, not a fall.
var NotDeclineWords = []Word{
	{"降低成本", "降低成本增效15%"},
}

// ShareWords before a percentage make it a share when no growth or
// decline word is nearer.
var ShareWords = []Word{
	{"占", "占全市比重12.4%"},
	{"比重", "比重达到35%"},
	{"占比", "占比41.2%"},
}

// RateEndings end the name of a rate, which is a share: 开复工率78.1%.
var RateEndings = []Word{
	{"率", "开复工率78.1%"},
	{"率为", "完成率为92%"},
	{"率达", "入库率达65%"},
}

// BelowWords before percentage points make a negative difference:
// 低于全省1.2个百分点.
var BelowWords = []Word{
	{"低于", "低于全省1.2个百分点"},
	{"慢于", "慢于全国0.4个百分点"},
	{"下降", "比重下降0.8个百分点"},
	{"回落", "增速回落2.1个百分点"},
	{"收窄", "降幅收窄3个百分点"},
	{"减少", "占比减少0.6个百分点"},
	{"降低", "负债率降低1.5个百分点"},
}

// ChangeUpWords and ChangeDownWords right before an amount or count make
// it an absolute change: 比上年同期增加65个.
var ChangeUpWords = []Word{
	{"增加", "比上年同期增加65个"},
	{"增加了", "企业家数增加了1335家"},
	{"净增", "市场主体净增1100户"},
}

// ChangeDownWords make a negative absolute change.
var ChangeDownWords = []Word{
	{"减少", "比上年减少12户"},
	{"减少了", "亏损企业减少了8家"},
	{"降低", "电价降低0.019元"},
	{"下降", "比上年下降3家"},
}

// Qualifiers stand right before a number and say how exact it is:
// 近, 超过, 突破 (余 and 以上 follow it). 达到 is a verb, not a qualifier.
var Qualifiers = longestFirst([]Word{
	{"超过", "超过100亿元"},
	{"突破", "突破50亿元"},
	{"接近", "接近30%"},
	{"将近", "将近200家"},
	{"近", "近3000户"},
	{"约", "约1.2万人"},
	{"逾", "逾60亿元"},
	{"超", "超40个"},
	{"过", "产值过100亿元"},
	{"不足", "不足5%"},
	{"不到", "不到10家"},
	{"最高", "最高500万元"},
	{"最低", "最低2%"},
}, func(w Word) string { return w.Text })

// NotQualifiers end with a qualifier's characters but are verbs: 达到.
var NotQualifiers = []Word{
	{"达到", "达到210家"},
}

// RankVerbs before a number of 位 or 名 make it a rank even without 第:
// 2004年位居65位, 2008年排37位.
var RankVerbs = longestFirst([]Word{
	{"位居", "2004年位居65位"},
	{"位列", "位列12位"},
	{"排名", "排名37位"},
	{"排在", "排在8名"},
	{"排", "2008年排37位"},
	{"居", "居25位"},
	{"列", "列13位"},
	{"升至", "升至8位"},
	{"跃居", "跃居5位"},
	{"跃升至", "跃升至3位"},
	{"降至", "降至9位"},
}, func(w Word) string { return w.Text })
