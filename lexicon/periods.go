package lexicon

// RelativeYear is a word that names a year by its distance from the
// report's own year.
type RelativeYear struct {
	Text   string
	Offset int
	// NotAfter lists the characters that, right before the word, make it
	// part of another word: 以上年产值 is not 上年, 成本年度 not 本年.
	NotAfter string
	Example  string
}

// RelativeYears resolve against the report's date (and, in a question,
// against today).
var RelativeYears = []RelativeYear{
	{"今年", 0, "", "今年1-5月"},
	{"本年", 0, "基根资成样版文书课日剧", "本年累计"},
	{"去年", -1, "过失除离回出进", "去年全年"},
	{"上年", -1, "以", "上年同期"},
	{"明年", 1, "光文聪清说证透鲜分表声阐简发", "明年目标"},
}
