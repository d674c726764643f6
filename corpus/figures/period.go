package figures

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/reportbot/reportbot/lexicon"
)

// This file finds the time expressions of a normalized sentence (2023年1-5月,
// 一季度, 今年以来, 截至5月底), parses questions' periods, fills in the year
// from the report's date, and compares periods. It is a hand-written scanner
// rather than regular expressions: it runs over every sentence of the corpus
// and most positions are rejected on their first byte.

// PeriodMention is a time expression found in a sentence.
type PeriodMention struct {
	Start, End int // byte offsets; Period.Raw = text[Start:End]
	Period     Period
	// Comparator marks the period a figure is compared against, not the
	// period it covers: 上年同期, 去年同期, 2022年同期, and a year after 比,
	// 较, 与, 同, 高于, 低于 … (比上年增长). The caller ignores it as a period.
	Comparator bool
	// Span marks a multi-year plan span: 2022-2026, 2021—2025年, and the
	// 20222026 a lost dash leaves in titles. Period.Year is the first year
	// (months 0), EndYear the last, Period.Text "2022-2026年". Period cannot
	// hold a span (Resolve would show only the first year), so the caller
	// should not take it as a figure's period.
	Span    bool
	EndYear int
	// Date marks a calendar day or a timestamp (2023-07-03, 2023-07,
	// 2023.07.03, 2023年7月3日, 7月3日): a publication date or a deadline,
	// not the period of a figure. Period holds its year and month
	// (StartMonth = EndMonth). Under 截至 a date is a cumulative period
	// instead (截至7月3日 = months 1-7), not a Date.
	Date bool
}

// FindPeriods finds the time expressions of a normalized sentence, in order
// and not overlapping:
//
//	2022年, 2022年全年, 2024年度, 2022年以来/2022年来, 2023年底   year (1-12; 以来: months 0)
//	2023年1-5月, 1-5月, 1—3月, 1至10月, 1月-5月, 一至五月, 1-5月份     months
//	5月, 5月份, 5月底, 2023年十月          one month (5月底 too: only 截至 makes it 1-5;
//	                                      a Chinese numeral needs 年 before or 份 after)
//	前5个月 → 1-5; 3个月 is a duration and is skipped
//	一季度, 第一季度, 1季度, 二季度 … 四季度, 前两季度 → 1-6, 前三季度 → 1-9, 1-3季度
//	上半年, 下半年, 全年
//	今年, 本年, 去年, 上年, 明年, 今年以来, 年初以来, 今年1-5月, 去年同期 …
//	截至5月底 → 1-5, 截至2023年底 → 1-12, 截至目前 (a cumulative total)
//
// Relative years (今年, 去年) and year-less months get their year from
// Resolve. 今年 and 明年 alone leave the months 0 (a year in progress or a
// target); 去年/上年 alone are the whole year. 2+4, 30项, 3个月, 近3年,
// 十四五 are not periods and yield nothing.
func FindPeriods(text string) []PeriodMention {
	var out []PeriodMention
	flags := scanRuneFlags()
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if !numIsDigit(c) {
				i++
				continue
			}
			// A period starts at the first digit of a number that is not
			// glued to a decimal point or a Latin letter (0.5月, v2023), nor
			// the second number of a range that did not match (5-3月).
			ok := true
			if i > 0 {
				p := text[i-1]
				ok = p != '.' && !numIsLetter(p) &&
					!((p == '-' || p == '~') && i > 1 && numIsDigit(text[i-2]))
			}
			if ok {
				if m, found := perMatch(text, i); found && m.End > i {
					out = append(out, perFinish(text, m))
					i = m.End
					continue
				}
			}
			for i < len(text) && numIsDigit(text[i]) {
				i++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if hasScanFlag(flags, r, flagPerLead) {
			if m, found := perMatch(text, i); found && m.End > i {
				out = append(out, perFinish(text, m))
				i = m.End
				continue
			}
		}
		i += size
	}
	return out
}

// perLead reports whether a period expression can start with r.
func perLead(r rune) bool {
	switch r {
	case '截', '今', '去', '上', '本', '明', '前', '第', '全', '下', '年', '十', '首', '民':
		return true
	}
	return numCNDigit(r) >= 0 && r != '两'
}

// perFinish sets Raw, Text and Comparator of a matched mention.
func perFinish(text string, m PeriodMention) PeriodMention {
	m.Period.Raw = text[m.Start:m.End]
	if !m.Span && !m.Date && (strings.Contains(m.Period.Raw, "同期") || perComparatorBefore(text, m.Start)) {
		m.Comparator = true
	}
	m.Period.Text = perDisplay(m.Period)
	if m.Span {
		m.Period.Text = strconv.Itoa(m.Period.Year) + "-" + strconv.Itoa(m.EndYear) + "年"
	}
	return m
}

// perComparatorBefore reports a comparison word right before a period:
// 比上年, 较去年底, 与2022年, 同上年, 高于上年.
func perComparatorBefore(text string, start int) bool {
	r, size := numRuneBefore(text, start)
	switch r {
	case '比':
		// 占比2016年1-5月: the 比 of 占比 compares nothing.
		r2, _ := numRuneBefore(text, start-size)
		return r2 != '占'
	case '较', '与', '同':
		return true
	case '于':
		r2, _ := numRuneBefore(text, start-size)
		switch r2 {
		case '高', '低', '快', '慢', '好', '多', '少', '大', '小', '超':
			return true
		}
	}
	return false
}

func perHas(text string, i int, lit string) bool {
	return i <= len(text) && strings.HasPrefix(text[i:], lit)
}

// perMatch matches a period expression starting at text[i], with 截至.
func perMatch(text string, i int) (PeriodMention, bool) {
	for _, lead := range [...]string{"截至", "截止"} {
		if !perHas(text, i, lead) {
			continue
		}
		j := i + len(lead)
		for _, now := range [...]string{"目前", "当前", "至今"} {
			if perHas(text, j, now) {
				return PeriodMention{Start: i, End: j + len(now)}, true
			}
		}
		m, ok := perCore(text, j)
		if !ok || m.Span {
			return m, ok
		}
		// As of a month, quarter or day: a cumulative total from January.
		if m.Period.EndMonth > 0 {
			m.Period.StartMonth = 1
			m.Date = false
		}
		m.Start = i
		return m, true
	}
	return perCore(text, i)
}

// perCore matches a period expression without 截至 at text[i].
func perCore(text string, i int) (PeriodMention, bool) {
	if i >= len(text) {
		return PeriodMention{}, false
	}
	if numIsDigit(text[i]) {
		if m, ok := perSpanOrDate(text, i); ok {
			return m, true
		}
	}
	if y, rel, end, ok := perYear(text, i); ok {
		return perAfterYear(text, i, y, rel, end), true
	}
	if perHas(text, i, "年初以来") || perHas(text, i, "年初至今") {
		return PeriodMention{Start: i, End: i + len("年初以来")}, true
	}
	if b, ok := perBody(text, i, false); ok {
		return PeriodMention{Start: i, End: b.end, Period: Period{StartMonth: b.from, EndMonth: b.to}, Date: b.date}, true
	}
	return PeriodMention{}, false
}

// perDigits reads a run of ASCII digits at text[i]: its value (capped) and
// length.
func perDigits(text string, i int) (v, n int) {
	for i+n < len(text) && numIsDigit(text[i+n]) {
		if n < 9 {
			v = v*10 + int(text[i+n]-'0')
		}
		n++
	}
	return v, n
}

func perPlausibleYear(y int) bool { return y >= 1900 && y <= 2100 }

func perValidSpan(y1, y2 int) bool {
	return perPlausibleYear(y1) && perPlausibleYear(y2) && y2 > y1 && y2-y1 <= 30
}

// perSep matches a range separator at text[i]: - — – ~ 至 到.
func perSep(text string, i int) (int, bool) {
	if i >= len(text) {
		return 0, false
	}
	switch text[i] {
	case '-', '~':
		return i + 1, true
	}
	for _, s := range [...]string{"—", "–", "至", "到", "~"} {
		if perHas(text, i, s) {
			return i + len(s), true
		}
	}
	return 0, false
}

// perSpanOrDate matches what starts with a four- or eight-digit number and
// is no ordinary year: a plan span (2022-2026, 2022年至2026年, 20222026) or
// a date (2023-07-03, 2023-07, 2023.07.03, 2023/07/03).
func perSpanOrDate(text string, i int) (PeriodMention, bool) {
	y, n := perDigits(text, i)
	end := i + n
	if end < len(text) && text[end] == '.' && end+1 < len(text) && numIsDigit(text[end+1]) && n != 4 {
		return PeriodMention{}, false // a decimal number
	}
	if n == 8 {
		y1, y2 := y/10000, y%10000
		if perValidSpan(y1, y2) {
			if perHas(text, end, "年") {
				end += len("年")
			}
			return PeriodMention{Start: i, End: end, Period: Period{Year: y1}, Span: true, EndYear: y2}, true
		}
		return PeriodMention{}, false
	}
	if n != 4 || !perPlausibleYear(y) {
		return PeriodMention{}, false
	}
	k := end
	if perHas(text, k, "年") {
		k += len("年")
	}
	if s, ok := perSep(text, k); ok {
		if y2, n2 := perDigits(text, s); n2 == 4 && perValidSpan(y, y2) {
			e := s + 4
			if perHas(text, e, "年") {
				e += len("年")
			}
			return PeriodMention{Start: i, End: e, Period: Period{Year: y}, Span: true, EndYear: y2}, true
		}
	}
	if end < len(text) {
		switch sep := text[end]; sep {
		case '-', '.', '/':
			mo, n2 := perDigits(text, end+1)
			if n2 < 1 || n2 > 2 || mo < 1 || mo > 12 {
				break
			}
			e := end + 1 + n2
			if e+1 < len(text) && text[e] == sep {
				if d, n3 := perDigits(text, e+1); n3 >= 1 && n3 <= 2 && d >= 1 && d <= 31 {
					return PeriodMention{Start: i, End: e + 1 + n3, Period: Period{Year: y, StartMonth: mo, EndMonth: mo}, Date: true}, true
				}
			}
			// 2023-07 alone is a timestamp; 2023.7 is a decimal number.
			if sep == '-' && (e == len(text) || (!numIsDigit(text[e]) && text[e] != '-' && text[e] != '.')) {
				return PeriodMention{Start: i, End: e, Period: Period{Year: y, StartMonth: mo, EndMonth: mo}, Date: true}, true
			}
		}
	}
	return PeriodMention{}, false
}

// perRelYears are lexicon.RelativeYears: words that name a year by its
// offset from the report's year, with the runes before them that make
// them part of another word (以上年产值, 成本年度).
var perRelYears = lexicon.RelativeYears

// perYear matches a year at text[i]: 2023年, 二〇二三年, or a relative year.
// rel reports a relative year (y is then the offset).
func perYear(text string, i int) (y int, rel bool, end int, ok bool) {
	if numIsDigit(text[i]) {
		v, n := perDigits(text, i)
		if n == 4 && perPlausibleYear(v) && perHas(text, i+4, "年") {
			return v, false, i + 4 + len("年"), true
		}
		return 0, false, 0, false
	}
	// 民国111年 (Taiwan's calendar): 1911 + 111 = 2022.
	if perHas(text, i, "民国") {
		j := i + len("民国")
		if j < len(text) && numIsDigit(text[j]) {
			v, n := perDigits(text, j)
			if n >= 1 && n <= 3 && perHas(text, j+n, "年") && perPlausibleYear(1911+v) {
				return 1911 + v, false, j + n + len("年"), true
			}
		}
		return 0, false, 0, false
	}
	for _, ry := range perRelYears {
		if !perHas(text, i, ry.Text) {
			continue
		}
		if ry.NotAfter != "" {
			if p, _ := numRuneBefore(text, i); p >= 0 && strings.ContainsRune(ry.NotAfter, p) {
				return 0, false, 0, false
			}
		}
		return ry.Offset, true, i + len(ry.Text), true
	}
	// 二〇二三年: four Chinese digits read one by one.
	j, v := i, 0
	for k := 0; k < 4; k++ {
		r, size := numRuneAt(text, j)
		d := numCNDigit(r)
		if d < 0 || r == '两' {
			return 0, false, 0, false
		}
		v = v*10 + d
		j += size
	}
	if perPlausibleYear(v) && perHas(text, j, "年") {
		return v, false, j + len("年"), true
	}
	return 0, false, 0, false
}

// perAfterYear completes a mention that starts with a year (text[i:end]).
func perAfterYear(text string, i, y int, rel bool, end int) PeriodMention {
	m := PeriodMention{Start: i, End: end}
	if !rel {
		m.Period.Year = y
	}
	whole := func(e int) PeriodMention {
		m.End = e
		m.Period.StartMonth, m.Period.EndMonth = 1, 12
		return m
	}
	switch {
	case perHas(text, end, "以来"), perHas(text, end, "至今"):
		m.End = end + len("以来")
		return m
	case perHas(text, end, "来") && !perHas(text, end, "来看") && !perHas(text, end, "来说"):
		m.End = end + len("来") // 2022年来: since 2022
		return m
	case perHas(text, end, "同期"):
		m.End = end + len("同期")
		return m
	case perHas(text, end, "初以来"), perHas(text, end, "初至今"):
		m.End = end + len("初以来")
		return m
	case perHas(text, end, "初"):
		m.End = end + len("初")
		return m
	case perHas(text, end, "全年"):
		return whole(end + len("全年"))
	case perHas(text, end, "度"), perHas(text, end, "底"), perHas(text, end, "末"):
		return whole(end + len("度"))
	}
	if b, ok := perBody(text, end, true); ok {
		m.End = b.end
		m.Period.StartMonth, m.Period.EndMonth = b.from, b.to
		m.Date = b.date
		return m
	}
	// A bare year. 今年 and 明年 may be a year in progress or a target, so
	// their months stay unknown; a past or numbered year is the whole year.
	if !rel || y < 0 {
		return whole(end)
	}
	return m
}

// perBodyMatch is the month part of a period: months from-to, ending at end.
type perBodyMatch struct {
	from, to, end int
	date          bool
}

// perBody matches the month part of a period at text[i]: months, quarters,
// halves, 全年. afterYear allows a lone Chinese-numeral month (2023年十月),
// which in prose without a year is too often something else.
func perBody(text string, i int, afterYear bool) (perBodyMatch, bool) {
	quarterEnd := func(e int) int {
		if perHas(text, e, "末") {
			e += len("末")
		}
		return e
	}
	switch {
	case perHas(text, i, "上半年"):
		return perBodyMatch{1, 6, i + len("上半年"), false}, true
	case perHas(text, i, "下半年"):
		return perBodyMatch{7, 12, i + len("下半年"), false}, true
	case perHas(text, i, "全年"):
		return perBodyMatch{1, 12, i + len("全年"), false}, true
	case perHas(text, i, "首季"):
		// 首季, 首季度 (Macau and Hong Kong: the first quarter).
		end := i + len("首季")
		if perHas(text, end, "度") {
			end += len("度")
		}
		return perBodyMatch{1, 3, end, false}, true
	case perHas(text, i, "前"), perHas(text, i, "首"):
		// 前三季度, 首三季 (1-9); 前5个月, 首十个月, 前5月 (1-5).
		n, e, _, ok := perSmallNum(text, i+len("前"))
		switch {
		case !ok:
		case perHas(text, e, "季度") && n >= 1 && n <= 4:
			return perBodyMatch{1, 3 * n, quarterEnd(e + len("季度")), false}, true
		case perHas(text, e, "季") && n >= 1 && n <= 4:
			return perBodyMatch{1, 3 * n, e + len("季"), false}, true
		case perHas(text, e, "个月") && n >= 1 && n <= 12:
			return perBodyMatch{1, n, e + len("个月"), false}, true
		case perHas(text, e, "月") && n >= 2 && n <= 12:
			return perBodyMatch{1, n, e + len("月"), false}, true
		}
		return perBodyMatch{}, false
	case perHas(text, i, "第"):
		n, e, _, ok := perSmallNum(text, i+len("第"))
		if ok && n >= 1 && n <= 4 && perHas(text, e, "季度") {
			return perBodyMatch{3*n - 2, 3 * n, quarterEnd(e + len("季度")), false}, true
		}
		return perBodyMatch{}, false
	}
	n, e, cn, ok := perSmallNum(text, i)
	if !ok || n < 1 || n > 12 {
		return perBodyMatch{}, false
	}
	if perHas(text, e, "季度") {
		if n > 4 {
			return perBodyMatch{}, false
		}
		return perBodyMatch{3*n - 2, 3 * n, quarterEnd(e + len("季度")), false}, true
	}
	monthEnd := func(k int) int { // after 月: 份, or 底/末/初
		for _, s := range [...]string{"份", "底", "末"} {
			if perHas(text, k, s) {
				return k + len(s)
			}
		}
		return k
	}
	// rangeTo matches "-5月" / "至5月份" / "-3季度" after the first number.
	rangeTo := func(k int, quarters bool) (perBodyMatch, bool) {
		s, ok := perSep(text, k)
		if !ok {
			return perBodyMatch{}, false
		}
		m, e2, _, ok := perSmallNum(text, s)
		if !ok || m <= n {
			return perBodyMatch{}, false
		}
		if quarters && m <= 4 && perHas(text, e2, "季度") {
			return perBodyMatch{3*n - 2, 3 * m, quarterEnd(e2 + len("季度")), false}, true
		}
		if m <= 12 && perHas(text, e2, "月") {
			e3 := e2 + len("月")
			if perHas(text, e3, "份") {
				e3 += len("份")
			}
			return perBodyMatch{n, m, e3, false}, true
		}
		return perBodyMatch{}, false
	}
	if !perHas(text, e, "月") {
		// 1-5月, 一至五月, 1-3季度
		return rangeTo(e, n <= 4)
	}
	k := e + len("月")
	// 7月3日: a date.
	if d, e2, _, ok := perSmallNum(text, k); ok && d >= 1 && d <= 31 && (perHas(text, e2, "日") || perHas(text, e2, "号")) {
		return perBodyMatch{n, n, e2 + len("日"), true}, true
	}
	k2 := k
	if perHas(text, k2, "份") {
		k2 += len("份")
	}
	if b, ok := rangeTo(k2, false); ok { // 1月-5月, 1月份至5月份
		return b, true
	}
	if cn && !afterYear && !perHas(text, k, "份") {
		return perBodyMatch{}, false // 一月 alone: too ambiguous in prose
	}
	return perBodyMatch{n, n, monthEnd(k), false}, true
}

// perSmallNum reads a small number at text[i]: one or two ASCII digits (not
// part of a longer number or a decimal), or up to three Chinese numerals
// (一, 十二, 三十一, 两).
func perSmallNum(text string, i int) (n, end int, cn, ok bool) {
	if i >= len(text) {
		return 0, 0, false, false
	}
	if numIsDigit(text[i]) {
		v, l := perDigits(text, i)
		e := i + l
		if l > 2 || (e+1 < len(text) && text[e] == '.' && numIsDigit(text[e+1])) {
			return 0, 0, false, false
		}
		return v, e, false, true
	}
	j, runes := i, 0
	for j < len(text) && runes <= 3 {
		r, size := utf8.DecodeRuneInString(text[j:])
		if numCNDigit(r) < 0 && r != '十' {
			break
		}
		j += size
		runes++
	}
	if runes == 0 || runes > 3 {
		return 0, 0, false, false
	}
	v, ok := numParseCN(text[i:j])
	if !ok || v < 0 || v > 99 {
		return 0, 0, false, false
	}
	return int(v), j, true, true
}

// ParsePeriod parses a whole string that is only a period expression, as a
// question states it: "2022年", "2022", "一季度", "1-5月", "今年上半年",
// "截至5月底". ok is false if s is anything else, or a plan span.
func ParsePeriod(s string) (Period, bool) {
	s = strings.TrimSpace(s)
	if len(s) == 0 {
		return Period{}, false
	}
	if v, n := perDigits(s, 0); n == 4 && n == len(s) {
		if !perPlausibleYear(v) {
			return Period{}, false
		}
		p := Period{Year: v, StartMonth: 1, EndMonth: 12, Raw: s}
		p.Text = perDisplay(p)
		return p, true
	}
	m, ok := perMatch(s, 0)
	if !ok || m.End != len(s) || m.Span {
		return Period{}, false
	}
	m = perFinish(s, m)
	return m.Period, true
}

// Resolve fills in the year of a relative or year-less period from the
// report's date (YYYY-MM-DD, YYYY-MM or YYYY; "" if unknown) and sets Text.
// 今年 → the report's year, 去年/上年 → the year before, 明年 → the year
// after. Year-less months (1-5月, 一季度, 截至5月底, 全年) take the report's
// year, or the year before when they end after the report's month: data for
// 1-10月 in a report of 2023-03 are 2022's. That holds for reported facts;
// for targets and forecasts use ResolveForward. A period whose year is
// known is unchanged but for Text.
func (p Period) Resolve(reportDate string) Period { return p.resolve(reportDate, false) }

// ResolveForward is Resolve for a target or forecast (力争, 预计, 将):
// year-less months always take the report's year, since a plan for 下半年 in
// a May report is this year's.
func (p Period) ResolveForward(reportDate string) Period { return p.resolve(reportDate, true) }

func (p Period) resolve(reportDate string, forward bool) Period {
	ry, rm := perReportDate(reportDate)
	if p.Year == 0 && ry > 0 {
		if off, ok := perRelative(p.Raw); ok {
			p.Year = ry + off
		} else if p.EndMonth > 0 {
			p.Year = ry
			if !forward && rm > 0 && p.EndMonth > rm {
				p.Year--
			}
		}
	}
	p.Text = perDisplay(p)
	return p
}

// perReportDate reads the year and month of YYYY-MM-DD, YYYY-MM or YYYY
// (also with / or . between); 0 where unknown.
func perReportDate(s string) (year, month int) {
	y, n := perDigits(s, 0)
	if n != 4 || !perPlausibleYear(y) {
		return 0, 0
	}
	if len(s) > 5 {
		if m, n2 := perDigits(s, 5); n2 >= 1 && n2 <= 2 && m >= 1 && m <= 12 {
			return y, m
		}
	}
	return y, 0
}

// perRelative reports the year offset a relative expression names: 今年,
// 本年, 年初以来, 截至目前 → 0; 去年, 上年 → -1; 明年 → +1.
func perRelative(raw string) (int, bool) {
	raw = strings.TrimPrefix(strings.TrimPrefix(raw, "截至"), "截止")
	for _, ry := range perRelYears {
		if strings.HasPrefix(raw, ry.Text) {
			return ry.Offset, true
		}
	}
	for _, w := range [...]string{"年初", "目前", "当前", "至今"} {
		if strings.HasPrefix(raw, w) {
			return 0, true
		}
	}
	return 0, false
}

var perQuarterNames = [...]string{"一", "二", "三", "四"}

// perDisplay renders a period for an answer: 2023年1-5月, 2023年一季度,
// 2023年上半年, 2023年前三季度, 2022年, 2023年以来; without a known year
// 1-5月, 今年1-5月, 一季度, 全年.
func perDisplay(p Period) string {
	raw := p.Raw
	prefix := ""
	if p.Year > 0 {
		prefix = strconv.Itoa(p.Year) + "年"
	} else {
		r := strings.TrimPrefix(strings.TrimPrefix(raw, "截至"), "截止")
		for _, ry := range perRelYears {
			if strings.HasPrefix(r, ry.Text) {
				prefix = ry.Text
				break
			}
		}
	}
	if p.StartMonth == 0 && p.EndMonth == 0 {
		switch {
		case strings.Contains(raw, "同期"):
			return prefix + "同期"
		case strings.Contains(raw, "以来") || strings.Contains(raw, "年来") || strings.Contains(raw, "至今") ||
			strings.Contains(raw, "目前") || strings.Contains(raw, "当前"):
			if prefix == "" {
				if strings.Contains(raw, "年初") {
					return "年初以来"
				}
				return raw
			}
			return prefix + "以来"
		case strings.HasSuffix(raw, "初") && prefix != "":
			return prefix + "初"
		case prefix != "":
			return prefix
		}
		return raw
	}
	s, e := p.StartMonth, p.EndMonth
	var body string
	switch {
	case s == 1 && e == 12:
		if prefix == "" {
			return "全年"
		}
		return prefix
	case strings.Contains(raw, "半年") && s == 1 && e == 6:
		body = "上半年"
	case strings.Contains(raw, "半年") && s == 7 && e == 12:
		body = "下半年"
	case strings.Contains(raw, "季度") && s%3 == 1 && e == s+2:
		body = perQuarterNames[s/3] + "季度"
	case strings.Contains(raw, "季度") && s == 1 && e%3 == 0 && e > 3:
		body = "前" + [...]string{"", "", "两", "三"}[e/3] + "季度"
	case s == e:
		body = strconv.Itoa(s) + "月"
	default:
		body = strconv.Itoa(s) + "-" + strconv.Itoa(e) + "月"
	}
	if prefix == "" {
		return body
	}
	return prefix + body
}

// Matches reports whether a figure's period satisfies a period asked for in
// a question: the same year when both are known, the same months when the
// question gives months. A question for a whole year (2022年: months 1-12)
// matches a figure of that year with months 1-12 or with no months; a
// question with a year only (今年以来) matches any months of that year; a
// question with no period matches everything.
func (p Period) Matches(asked Period) bool {
	if asked.Year != 0 && p.Year != 0 && asked.Year != p.Year {
		return false
	}
	if asked.StartMonth == 0 && asked.EndMonth == 0 {
		return true
	}
	if asked.StartMonth == 1 && asked.EndMonth == 12 {
		return (p.StartMonth == 0 && p.EndMonth == 0) || (p.StartMonth == 1 && p.EndMonth == 12)
	}
	return p.StartMonth == asked.StartMonth && p.EndMonth == asked.EndMonth
}
