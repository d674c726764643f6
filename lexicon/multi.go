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
