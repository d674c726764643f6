package figures

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file parses the numbers a report writes, in Arabic digits or in
// Chinese numerals, and finds them in a normalized sentence. It is pure
// and allocation-light: ScanNumbers runs over every sentence of the corpus.

// NumberToken is one number found in a sentence by ScanNumbers.
type NumberToken struct {
	Start, End int    // byte offsets in the text
	Raw        string // text[Start:End]
	Value      float64
	// Chinese: Raw is not plain Arabic: Chinese numerals, or 百分之 before
	// Arabic digits. Show FormatNumber(Value) then, not Raw.
	Chinese bool
	Percent bool // 百分之X form: Raw includes 百分之, Value is X
	// Fraction: a/b (超1/3); Raw is as written, Value is a÷b.
	Fraction bool
}

// numPow10 holds the powers of ten that float64 represents exactly; dividing
// an exact integer mantissa by one of them is correctly rounded, so the fast
// path of ParseArabicNumber gives exactly what strconv.ParseFloat gives.
var numPow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// ParseArabicNumber parses "31.9", "1,296.22", "1068", "-3.5". Thousands
// commas must group exactly three digits after a first group of one to three;
// "1.2.3", ".5", "5." and "12,34" are rejected.
func ParseArabicNumber(s string) (float64, bool) {
	i, neg := 0, false
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		neg = s[i] == '-'
		i++
	}
	var mant uint64
	digits, frac := 0, 0
	add := func(c byte) {
		// Past 19 digits the mantissa would overflow; the slow path takes over.
		if digits < 19 {
			mant = mant*10 + uint64(c-'0')
		}
		digits++
	}
	start := i
	for i < len(s) && numIsDigit(s[i]) {
		add(s[i])
		i++
	}
	first := i - start
	if first == 0 {
		return 0, false
	}
	commas := false
	if i < len(s) && s[i] == ',' {
		if first > 3 {
			return 0, false
		}
		for i < len(s) && s[i] == ',' {
			if i+4 > len(s) || !numIsDigit(s[i+1]) || !numIsDigit(s[i+2]) || !numIsDigit(s[i+3]) {
				return 0, false
			}
			add(s[i+1])
			add(s[i+2])
			add(s[i+3])
			i += 4
		}
		if i < len(s) && numIsDigit(s[i]) {
			return 0, false
		}
		commas = true
	}
	if i < len(s) && s[i] == '.' {
		i++
		fs := i
		for i < len(s) && numIsDigit(s[i]) {
			add(s[i])
			i++
		}
		frac = i - fs
		if frac == 0 {
			return 0, false
		}
	}
	if i != len(s) {
		return 0, false
	}
	var v float64
	if digits <= 15 && frac < len(numPow10) {
		v = float64(mant) / numPow10[frac]
	} else {
		t := s
		if commas {
			t = strings.ReplaceAll(s, ",", "")
		}
		f, err := strconv.ParseFloat(t, 64)
		if err != nil {
			return 0, false
		}
		v = math.Abs(f)
	}
	if neg {
		v = -v
	}
	if v == 0 {
		v = 0 // no negative zero: "-0" is shown as 0
	}
	return v, true
}

// FormatNumber renders a value the way an answer shows it: no trailing
// zeros, no exponent (31.9, 1296.22, 45, 0.019). The value is first rounded
// to 15 significant digits so that float noise from unit arithmetic
// (0.1*3 = 0.30000000000000004) shows as the number the report wrote.
func FormatNumber(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	if v == 0 {
		return "0"
	}
	if r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64); err == nil {
		v = r
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// numCNDigit is the value of a Chinese digit, -1 if r is none. 两 is 2 (两千,
// 两家); ○ (white circle) is written for 〇 in many typed years.
func numCNDigit(r rune) int {
	switch r {
	case '零', '〇', '○':
		return 0
	case '一', '壹':
		return 1
	case '二', '贰', '两':
		return 2
	case '三', '叁':
		return 3
	case '四', '肆':
		return 4
	case '五', '伍':
		return 5
	case '六', '陆':
		return 6
	case '七', '柒':
		return 7
	case '八', '捌':
		return 8
	case '九', '玖':
		return 9
	}
	return -1
}

// numCNUnit is the value of a Chinese numeral unit character, 0 if r is none.
func numCNUnit(r rune) int {
	switch r {
	case '十', '拾':
		return 10
	case '百', '佰':
		return 100
	case '千', '仟':
		return 1000
	case '万':
		return 10000
	case '亿':
		return 100000000
	}
	return 0
}

func numIsCN(r rune) bool { return numCNDigit(r) >= 0 || numCNUnit(r) > 0 }

// ParseChineseNumber parses Chinese numerals: 一, 二十, 十二, 一百零五, 两千,
// 三万五千, 三万五 (35000), 一百五 (150), 一点五, 〇/零, 二〇二三 (digit by
// digit), financial forms (壹佰贰拾叁, 壹贰叁), and 百分之五 (5: the caller
// sees the percent from the 百分之 prefix; ScanNumbers sets
// NumberToken.Percent). Approximations are not numbers: 十几, 几十, 三四
// (three or four), 三五 are rejected, as are a bare unit (百, 万, 千万) and
// malformed runs (十四五, 二十十).
func ParseChineseNumber(s string) (value float64, ok bool) {
	if rest, found := strings.CutPrefix(s, "百分之"); found {
		if rest == "百" {
			return 100, true
		}
		return numParseCN(rest)
	}
	return numParseCN(s)
}

// numMaxCNRunes bounds the numerals numParseCN accepts: no real number is
// longer, and the bound keeps the rune buffer on the stack.
const numMaxCNRunes = 40

func numParseCN(s string) (float64, bool) {
	var buf [numMaxCNRunes]rune
	rs := buf[:0]
	for _, r := range s {
		if len(rs) == len(buf) {
			return 0, false
		}
		rs = append(rs, r)
	}
	if len(rs) == 0 {
		return 0, false
	}
	for i, r := range rs {
		if r == '点' {
			return numParseCNDecimal(rs[:i], rs[i+1:])
		}
	}
	allDigits, zero, liang := true, false, false
	for _, r := range rs {
		d := numCNDigit(r)
		if d < 0 {
			allDigits = false
			break
		}
		zero = zero || d == 0
		liang = liang || r == '两'
	}
	if allDigits {
		if len(rs) == 1 {
			return float64(numCNDigit(rs[0])), true
		}
		// Read digit by digit (二〇二三). Two digits without a zero are an
		// approximation in prose (三四个 = three or four), not 34; 两 is
		// never written in a digit-by-digit number.
		if liang || (len(rs) == 2 && !zero) || len(rs) > 16 {
			return 0, false
		}
		v := 0.0
		for _, r := range rs {
			v = v*10 + float64(numCNDigit(r))
		}
		return v, true
	}
	return numParseCNInt(rs)
}

// numParseCNDecimal parses 一点五, 三点一四, 十二点五, 一点五万.
func numParseCNDecimal(ip, fp []rune) (float64, bool) {
	mult := 1.0
	for len(fp) > 0 {
		u := numCNUnit(fp[len(fp)-1])
		if u != 10000 && u != 100000000 {
			break
		}
		mult *= float64(u)
		fp = fp[:len(fp)-1]
	}
	if len(ip) == 0 || len(fp) == 0 || len(fp) > 15 {
		return 0, false
	}
	var iv float64
	if len(ip) == 1 && numCNDigit(ip[0]) >= 0 {
		iv = float64(numCNDigit(ip[0]))
	} else {
		v, ok := numParseCNInt(ip)
		if !ok {
			return 0, false
		}
		iv = v
	}
	var m float64
	for _, r := range fp {
		d := numCNDigit(r)
		if d < 0 || r == '两' {
			return 0, false
		}
		m = m*10 + float64(d)
	}
	p := numPow10[len(fp)]
	return (iv*p + m) / p * mult, true
}

func numIndexRune(rs []rune, r rune) int {
	for i, x := range rs {
		if x == r {
			return i
		}
	}
	return -1
}

// numParseCNInt parses an integer written with units; 亿 and 万 split it into
// sections of less than 10000 (三亿五千万 = 3·10^8 + 5000·10^4). 万亿 is allowed.
func numParseCNInt(rs []rune) (float64, bool) {
	if i := numIndexRune(rs, '亿'); i >= 0 {
		if i == 0 || numIndexRune(rs[i+1:], '亿') >= 0 {
			return 0, false
		}
		hi, ok := numParseCNWan(rs[:i])
		if !ok || hi == 0 {
			return 0, false
		}
		lo, ok := numParseCNRest(rs[i+1:], 1e8)
		if !ok {
			return 0, false
		}
		return hi*1e8 + lo, true
	}
	return numParseCNWan(rs)
}

// numParseCNWan parses a number below 10^8.
func numParseCNWan(rs []rune) (float64, bool) {
	if i := numIndexRune(rs, '万'); i >= 0 {
		if i == 0 || numIndexRune(rs[i+1:], '万') >= 0 {
			return 0, false
		}
		hi, ok := numParseCNSection(rs[:i])
		if !ok || hi == 0 {
			return 0, false
		}
		lo, ok := numParseCNRest(rs[i+1:], 1e4)
		if !ok {
			return 0, false
		}
		return hi*1e4 + lo, true
	}
	return numParseCNSection(rs)
}

// numParseCNRest parses what follows 万 or 亿 (big): empty, a zero then a
// smaller number (一万零五百), a lone digit read as the next lower place
// (三万五 = 35000, 一亿五 = 1.5亿), or a number below big. It calls the
// section parsers directly, not through a func value, so that the caller's
// rune buffer stays on the stack.
func numParseCNRest(rs []rune, big float64) (float64, bool) {
	if len(rs) == 0 {
		return 0, true
	}
	zero := false
	if numCNDigit(rs[0]) == 0 {
		zero = true
		rs = rs[1:]
		if len(rs) == 0 {
			return 0, false
		}
	}
	if !zero && len(rs) == 1 {
		if d := numCNDigit(rs[0]); d > 0 {
			return float64(d) * big / 10, true
		}
	}
	var v float64
	var ok bool
	if big > 1e4 {
		v, ok = numParseCNWan(rs)
	} else {
		v, ok = numParseCNSection(rs)
	}
	if !ok || v >= big || (zero && v >= big/10) {
		return 0, false
	}
	return v, true
}

// numParseCNSection parses a number below 10000 written with 千, 百, 十 and
// 零: 一千零二十, 一百零五, 十二, 一百五 (150, the colloquial short form).
func numParseCNSection(rs []rune) (float64, bool) {
	if len(rs) == 0 {
		return 0, false
	}
	total, digit, last := 0, -1, 10000
	zero := false
	for i, r := range rs {
		if d := numCNDigit(r); d > 0 {
			if digit >= 0 { // two digits in a row: 十四五, 二三十
				return 0, false
			}
			digit = d
			continue
		} else if d == 0 {
			if i == 0 || digit >= 0 || zero {
				return 0, false
			}
			zero = true
			continue
		}
		u := numCNUnit(r)
		if u == 0 || u >= 10000 || u >= last {
			return 0, false
		}
		// A zero stands for at least one skipped place: 一千零二十, not 一百零二十.
		if zero && u*10 >= last {
			return 0, false
		}
		if digit < 0 {
			if u != 10 || i != 0 { // only 十 may stand alone, and only first: 十二
				return 0, false
			}
			digit = 1
		}
		total += digit * u
		last, digit, zero = u, -1, false
	}
	if digit < 0 {
		if zero {
			return 0, false // trailing 零
		}
		return float64(total), true
	}
	switch {
	case last == 10000: // a lone digit
		total = digit
	case zero: // 一百零五
		if last < 100 {
			return 0, false
		}
		total += digit
	default: // 一百五 = 150, 二十五 = 25
		total += digit * last / 10
	}
	return float64(total), true
}

// ScanNumbers finds the numbers of a normalized sentence, in order and not
// overlapping.
//
// Arabic numbers: digits with an optional decimal part; thousands commas
// only where a comma is followed by exactly three digits and the first
// group has at most three (1,296.22; but 第8,11项 gives 8 and 11, and
// 2023,123 gives two numbers, because the normalized text writes a clause
// comma the same way). A '-' is a minus sign only after a word that takes a
// signed value (增长-3.5%, 为-2.1%) or punctuation, never after a digit or a
// unit (1-5月, 1月-5月). 万 and 亿 after a number are units and are not
// part of the token (31万 gives 31). Numbers glued to Latin letters (5G,
// IPv6, 10GW, 4N5, PM2.5, COVID-19), names like 2+4 and 1#, and dotted runs
// (1.2.3, 2023.07.03) are skipped.
//
// Chinese numerals are taken only where they are figures, because 一 and 万
// are everywhere in prose (一批, 统一, 一是, 万千, 十四五):
//   - after 第, as a rank: 第一位, 第二名, or 全省第一 / 排名第一 at the end
//     of a clause (the token is the numeral, without 第);
//   - 百分之X (Percent, Raw includes 百分之; X may be Arabic);
//   - a run of two or more numeral characters before a counter or unit
//     (二十个, 一百二十家, 二十余家, 三十万元: a trailing 万/亿 is left out of
//     the token as after Arabic digits, so 三十万元 gives 三十);
//   - a single numeral 二-九, 两 or 十 directly before 个 家 户 项 位 名 座 条,
//     after a word that counts (新增两家, 等八个方面), and 一个/两个百分点.
//
// Never: 一季度, 三月, 二〇二三年, 一百天 (periods, dates, durations), a lone
// 一 (一个 is also the article "a"), runs that are not well-formed numbers
// (十四五, 三四个), or numbers in quotes ("三个一批").
//
// Years and months are returned like any number; drop the tokens that fall
// inside a FindPeriods mention.
func ScanNumbers(text string) []NumberToken {
	var toks []NumberToken
	flags := scanRuneFlags()
	for i := 0; i < len(text); {
		c := text[i]
		if numIsDigit(c) {
			tok, end, ok := numScanArabic(text, i)
			if ok {
				toks = append(toks, tok)
			}
			i = end
			continue
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '百' && strings.HasPrefix(text[i:], "百分之") {
			if tok, end, ok := numScanPercent(text, i); ok {
				toks = append(toks, tok)
				i = end
				continue
			}
		}
		if hasScanFlag(flags, r, flagCN) {
			tok, end, ok := numScanChinese(text, i)
			if ok {
				toks = append(toks, tok)
			}
			i = end // skip the whole run either way: no number starts inside it
			continue
		}
		i += size
	}
	return toks
}

func numIsDigit(c byte) bool  { return '0' <= c && c <= '9' }
func numIsLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// numArabicEnd returns the end of the number starting at text[i] (a digit):
// digits, thousands groups and a decimal part. dotted reports a second
// decimal point (1.2.3); end then covers the whole dotted run.
func numArabicEnd(text string, i int) (end int, dotted bool) {
	j := i
	for j < len(text) && numIsDigit(text[j]) {
		j++
	}
	if j-i <= 3 {
		for j+4 <= len(text) && text[j] == ',' && numIsDigit(text[j+1]) && numIsDigit(text[j+2]) && numIsDigit(text[j+3]) &&
			(j+4 == len(text) || !numIsDigit(text[j+4])) {
			j += 4
		}
	}
	if j+1 < len(text) && text[j] == '.' && numIsDigit(text[j+1]) {
		j++
		for j < len(text) && numIsDigit(text[j]) {
			j++
		}
		if j+1 < len(text) && text[j] == '.' && numIsDigit(text[j+1]) {
			for j < len(text) && (numIsDigit(text[j]) || text[j] == '.') {
				j++
			}
			return j, true
		}
	}
	return j, false
}

func numScanArabic(text string, i int) (NumberToken, int, bool) {
	end, dotted := numArabicEnd(text, i)
	if dotted {
		return NumberToken{}, end, false
	}
	start := i
	if start > 0 {
		p := text[start-1]
		switch {
		case numIsLetter(p): // IPv6, PM2.5
			return NumberToken{}, end, false
		case (p == '-' || p == '.' || p == '_') && start >= 2 && numIsLetter(text[start-2]): // COVID-19
			return NumberToken{}, end, false
		case p == '+' && start >= 2 && (numIsDigit(text[start-2]) || numIsLetter(text[start-2])): // 2+4
			return NumberToken{}, end, false
		}
	}
	if end < len(text) {
		n := text[end]
		if numIsLetter(n) || n == '+' || n == '#' || n == '_' { // 5G, 10GW, 2+4, 1#高炉
			return NumberToken{}, end, false
		}
	}
	if start > 0 && text[start-1] == '-' && numSignContext(text[:start-1]) {
		start--
	}
	raw := text[start:end]
	v, ok := ParseArabicNumber(raw)
	if !ok {
		return NumberToken{}, end, false
	}
	if tok, fend, ok := numScanFraction(text, start, end, v); ok {
		return tok, fend, true
	}
	return NumberToken{Start: start, End: end, Raw: raw, Value: v}, end, true
}

// numScanFraction reads a/b (1/3, 2/5) after the numerator text[start:end]:
// small whole numbers, a below b, and no further slash, so that dates
// (2023/7/3) stay dates.
func numScanFraction(text string, start, end int, num float64) (NumberToken, int, bool) {
	if end-start > 2 || end+1 >= len(text) || text[end] != '/' || !numIsDigit(text[end+1]) ||
		start > 0 && (text[start-1] == '/' || numIsDigit(text[start-1])) {
		return NumberToken{}, 0, false
	}
	j := end + 1
	for j < len(text) && numIsDigit(text[j]) {
		j++
	}
	if j-(end+1) > 2 || j < len(text) && (text[j] == '/' || text[j] == '.') {
		return NumberToken{}, 0, false
	}
	den, _ := ParseArabicNumber(text[end+1 : j])
	if den == 0 || num >= den || num != float64(int(num)) {
		return NumberToken{}, 0, false
	}
	return NumberToken{Start: start, End: j, Raw: text[start:j], Value: num / den, Fraction: true}, j, true
}

// numSignContext reports whether a '-' after before is a minus sign: at the
// start, after punctuation, or after a word that takes a signed value.
func numSignContext(before string) bool {
	if before == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	switch r {
	case ' ', '\t', ',', ';', ':', '(', '=', '"', '、', '“', '为', '长', '速', '幅', '是', '达':
		return true
	}
	return false
}

// numScanPercent reads 百分之X at text[i].
func numScanPercent(text string, i int) (NumberToken, int, bool) {
	j := i + len("百分之")
	if j < len(text) && numIsDigit(text[j]) {
		end, dotted := numArabicEnd(text, j)
		if dotted || (end < len(text) && numIsLetter(text[end])) {
			return NumberToken{}, 0, false
		}
		v, ok := ParseArabicNumber(text[j:end])
		if !ok {
			return NumberToken{}, 0, false
		}
		return NumberToken{Start: i, End: end, Raw: text[i:end], Value: v, Chinese: true, Percent: true}, end, true
	}
	end := numCNRunEnd(text, j)
	if end == j {
		return NumberToken{}, 0, false
	}
	v, ok := ParseChineseNumber(text[i:end])
	if !ok {
		return NumberToken{}, 0, false
	}
	return NumberToken{Start: i, End: end, Raw: text[i:end], Value: v, Chinese: true, Percent: true}, end, true
}

// numCNRunEnd returns the end of the run of Chinese numerals at text[i]; 点
// belongs to the run only between numerals (一点五, not 重点 or 一点).
func numCNRunEnd(text string, i int) int {
	j := i
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if numIsCN(r) {
			j += size
			continue
		}
		if r == '点' && j > i {
			if r2, _ := utf8.DecodeRuneInString(text[j+size:]); numCNDigit(r2) >= 0 {
				j += size
				continue
			}
		}
		break
	}
	return j
}

// numRuneAt returns the rune at text[i] and its size; -1 at the end.
func numRuneAt(text string, i int) (rune, int) {
	if i >= len(text) {
		return -1, 0
	}
	return utf8.DecodeRuneInString(text[i:])
}

// numRuneBefore returns the rune ending at text[i] and its size; -1 at the start.
func numRuneBefore(text string, i int) (rune, int) {
	if i <= 0 {
		return -1, 0
	}
	return utf8.DecodeLastRuneInString(text[:i])
}

func numScanChinese(text string, i int) (NumberToken, int, bool) {
	end := numCNRunEnd(text, i)
	no := func() (NumberToken, int, bool) { return NumberToken{}, end, false }
	prev, psize := numRuneBefore(text, i)
	if prev >= 0 && prev < utf8.RuneSelf && (numIsDigit(byte(prev)) || prev == '.' || numIsLetter(byte(prev))) {
		return no() // 31万, 1.2亿: units after an Arabic number
	}
	if prev == '几' {
		return no() // 几十个
	}
	next, nsize := numRuneAt(text, end)
	switch next {
	case '季', '月', '年', '日', '号', '几', '天', '周', '届', '大', '分': // 一季度, 三月, 二十年, 十几, 一百天, 二十大, 三分之一
		return no()
	}
	runes := utf8.RuneCountInString(text[i:end])
	numEnd := end

	switch {
	case prev == '第':
		// Ranks: 第一位, 第二名; 全省第一 / 排名第一 ending a clause. Not
		// 第一批, 第一时间, 第一个, or a slogan like 产业第一、.
		if next != '位' && next != '名' {
			if next >= 0 && numIsHan(next) {
				return no()
			}
			before, _ := numRuneBefore(text, i-psize)
			switch before {
			case '省', '国', '市', '区', '县', '州', '名', '居', '列', '位', '球', '界':
			default:
				return no()
			}
		}
	case runes >= 2:
		// 三十万元: the trailing 万/亿 is a unit, as after Arabic digits.
		for numEnd > i {
			r, size := numRuneBefore(text, numEnd)
			if r != '万' && r != '亿' {
				break
			}
			if numEnd-size == i {
				break
			}
			numEnd -= size
		}
		c := next
		if c == '多' || c == '余' {
			c, _ = numRuneAt(text, end+nsize)
		}
		if !numIsCounter(c) {
			return no()
		}
	default:
		// A single numeral: the riskiest case (一个 is "a", 四个全面 is a
		// slogan). Take 二-九/两/十 before a small set of counters after a
		// word that counts, and 一个/两个百分点.
		r, _ := utf8.DecodeRuneInString(text[i:end])
		if strings.HasPrefix(text[end:], "个百分点") {
			break
		}
		if r == '一' || r == '壹' || numCNDigit(r) == 0 || (numCNDigit(r) < 0 && r != '十') {
			return no()
		}
		switch next {
		case '个', '家', '户', '项', '位', '名', '座', '条':
		default:
			return no()
		}
		if after, _ := numRuneAt(text, end+nsize); after >= 0 && numIsCN(after) {
			return no() // 三个一批
		}
		if !numCountingWord(prev) {
			return no()
		}
	}
	v, ok := numParseCN(text[i:numEnd])
	if !ok {
		return no()
	}
	return NumberToken{Start: i, End: numEnd, Raw: text[i:numEnd], Value: v, Chinese: true}, end, true
}

// numIsCounter reports whether r starts a counter or unit that marks a run of
// Chinese numerals as a figure (二十个, 一百二十家, 三十万元, 一点五倍).
func numIsCounter(r rune) bool {
	switch r {
	case '个', '家', '户', '项', '位', '名', '座', '条', '口', '所', '人', '次', '件', '台', '套', '辆',
		'种', '处', '栋', '幢', '间', '场', '批', '亩', '元', '吨', '倍', '米', '公', '平', '立',
		'架', '艘', '株', '头', '只', '份', '篇', '部', '支', '组', '类':
		return true
	}
	return false
}

// numCountingWord reports whether r, the rune before a single numeral, ends a
// word after which a count follows (新增, 共, 达到, 建成, 引进, 等).
func numCountingWord(r rune) bool {
	switch r {
	case '增', '加', '有', '共', '计', '达', '到', '成', '进', '出', '等', '批', '入', '定', '选', '了',
		'设', '育', '办', '签', '产', '工', '获', '拥', '含', '括', '和', '与', '及', '、', '过', '近',
		'超', '建', '引', '落', '减', '少', '降', '升', '提', '高', '占', '创', '列', '评', '聚', '培':
		return true
	}
	return false
}

// numIsHan reports whether r is a CJK ideograph (the common blocks).
func numIsHan(r rune) bool {
	return (r >= 0x4E00 && r <= 0x9FFF) || (r >= 0x3400 && r <= 0x4DBF) || (r >= 0x20000 && r <= 0x2FA1F)
}
