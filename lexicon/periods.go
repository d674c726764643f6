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

// PeriodForm rewrites a way people write a period in a question into the
// form reports use, before the period is read: 21年 is 2021年, 前5月 is
// 1-5月.
type PeriodForm struct {
	Name string
	// Pattern is a regular expression over the normalized question;
	// Rewrite its replacement ($1… are its groups). A two-digit year is
	// given its century by code, from the date a question is asked (see
	// YearOfTwoDigits).
	Pattern, Rewrite string
	// Example is a question and, after "|", the question rewritten.
	Example string
}

// QuestionPeriodForms are applied in order.
var QuestionPeriodForms = []PeriodForm{
	{"year-without-nian", `(^|[^0-9.\-])((?:19|20)[0-9]{2})([^0-9.\-年%亿万元个家户名位]|$)`, "${1}${2}年${3}",
		"湖南2020上半年GDP|湖南2020年上半年GDP"},
	{"first-n-months", `(?:前|首)([0-9]{1,2}|[一二三四五六七八九十]{1,3})(?:个)?月(?:份)?`, "前${1}个月",
		"湖南2016年前5月规上工业增速|湖南2016年前5个月规上工业增速"},
}

// YearOfTwoDigits gives a two-digit year (21年) its century: the latest
// year with those digits that is not after the year asked in.
func YearOfTwoDigits(yy, thisYear int) int {
	y := thisYear - thisYear%100 + yy
	if y > thisYear {
		y -= 100
	}
	return y
}

// TwoDigitYear finds a two-digit year in a question (21年, 14年上半年),
// not a count of years (近10年, 10年来).
var TwoDigitYear = PeriodForm{"two-digit-year", `(^|[^0-9近这过去前后第多余])([0-9]{2})年([^来间内度代均]|$)`, "",
	"江西21年一季度GDP增速|江西2021年一季度GDP增速"}
