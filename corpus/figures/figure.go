package figures

import (
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/reportbot/reportbot/corpus/geo"
	"github.com/reportbot/reportbot/corpus/internal/lazyre"
	"github.com/reportbot/reportbot/corpus/text"
	"github.com/reportbot/reportbot/lexicon"
)

// Figure extraction reads a normalized sentence the way an official does:
//
//  1. Numbers are found (ScanNumbers) and those that are not figures are
//     dropped: numbers inside periods and dates, 《document titles》, short
//     “quoted names” (“2+4”), list markers, and names such as 5G.
//  2. The unit after the number is read (亿元, 个百分点, 户), with
//     qualifiers on either side (近, 超过, 突破, 余, 以上).
//  3. The clause before the number, back to the nearest comma or to the
//     previous figure, names the indicator and says what kind of figure it
//     is: 同比增长 → growth, 占…比重 → share, 居全省第 → rank, 高于全省 …
//     个百分点 → diff against 全省.
//  4. A clause with no indicator of its own (",增速居全省第2位",
//     "、增长42.2%") belongs to the indicator of the figure before it; a
//     count stated before its noun ("28户省市级贡嘎培优企业") takes the
//     noun after it.
//
// Periods (1-5月, 一季度) hold from where they are said until another is
// said; modality (力争, 预计) holds to the end of the sentence.

// Extractor carries what earlier sentences of a report established.
type Extractor struct {
	region geo.Region
	date   string
	gaz    *geo.Gazetteer
	period Period // the last period stated, for sentences that state none
	// docPeriod is the period the title names, for paragraphs that state
	// none; without one, the period that heads the report's lead
	// paragraphs ("上半年,全省经济…") holds for the whole report.
	docPeriod Period
	// titlePeriod is the period the title names, if any.
	titlePeriod Period
	// paragraphs counts the paragraphs ended, to know the lead.
	paragraphs int
	// lastMetric is the indicator of the last figure of the paragraph,
	// for a sentence that begins with its predicate ("…地区生产总值
	// 1267亿元。占全区的比重为51.2%").
	lastMetric string
	lastKind   Kind
	// listModality is the modality of a heading that ends in a colon
	// (2019年主要预期目标:), for the sentences after it.
	listModality string
	endsInColon  bool
	// afterSemicolon is set when the last sentence ended in ";": the
	// sentence splitter cut a clause of one statement, and a clause
	// without an indicator of its own ("遵义、安顺地区生产总值分别增长
	// 11.7%、11.3%;铜仁、黔南分别增长9.9%、9.8%") continues its indicator.
	afterSemicolon bool
	// sentence is the sentence being read.
	sentence string
	// rankTopic is the ranking a ranking list's title names (百县).
	rankTopic string
	// listMetric is the indicator of the paragraph's last list of places
	// with values in parentheses, and whether it is a growth.
	listMetric string
	listGrowth bool
	// resolved remembers the periods resolved against date.
	resolved map[resolveKey]Period
}

// leadParagraphs are the paragraphs whose heading period holds for the
// whole report when its title names none.
const leadParagraphs = 2

// EndParagraph forgets the period: a period stated in one paragraph is
// too often wrong for the next (a new paragraph turns to another year or
// another indicator), and no period is better than a wrong one.
func (c *Extractor) EndParagraph() {
	c.period = c.docPeriod
	c.paragraphs++
	c.lastMetric, c.listMetric = "", ""
	c.afterSemicolon = false
	if !c.endsInColon {
		c.listModality = "" // a heading line (主要预期目标:) heads the next paragraph
	}
}

// continuesSubject reports a sentence that begins with a predicate, whose
// subject is the last one of the sentence before.
func continuesSubject(s string) bool {
	s = strings.TrimLeft(s, " ")
	if strings.HasPrefix(s, "占") {
		return true
	}
	for _, w := range growthWords {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	for _, w := range declineWords {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	for _, b := range lexicon.Baselines {
		if strings.HasPrefix(s, b.Text) {
			return true
		}
	}
	return false
}

// NewExtractor starts the figure extraction of a report about region,
// published on date (YYYY-MM-DD, YYYY-MM, YYYY or ""), whose title names
// docPeriod. Places are looked up in gaz; nil means none.
func NewExtractor(region geo.Region, date string, gaz *geo.Gazetteer, docPeriod Period) *Extractor {
	return &Extractor{region: region, date: date, gaz: gaz, docPeriod: docPeriod, period: docPeriod, titlePeriod: docPeriod}
}

// The words extraction reads by live in package lexicon; these are the
// forms the code looks them up in.
var (
	// unitsByFirst indexes lexicon.Units (longest first) by first rune.
	unitsByFirst = func() map[rune][]string {
		m := map[rune][]string{}
		for _, u := range lexicon.Units {
			r, _ := utf8.DecodeRuneInString(u.Text)
			m[r] = append(m[r], u.Text)
		}
		return m
	}()
	countUnits = func() map[string]bool {
		m := map[string]bool{}
		for _, u := range lexicon.Units {
			if u.IsCount() {
				m[u.Text] = true
			}
		}
		return m
	}()
	nonFigureUnits      = wordTexts(lexicon.NonFigureUnits)
	headNouns           = wordTexts(lexicon.HeadNouns)
	attributeWords      = wordSet(lexicon.AttributeWords)
	combiningAttributes = wordSet(lexicon.CombiningAttributes)
	leadingVerbs        = wordTexts(lexicon.LeadingVerbs)
	growthWords         = wordTexts(lexicon.GrowthWords)
	declineWords        = wordTexts(lexicon.DeclineWords)
	notDeclineWords     = wordTexts(lexicon.NotDeclineWords)
	shareWords          = wordTexts(lexicon.ShareWords)
	rateEndings         = wordTexts(lexicon.RateEndings)
	belowWords          = wordTexts(lexicon.BelowWords)
	metricPrefixes      = wordTexts(lexicon.MetricPrefixes)
	metricSuffixes      = wordTexts(lexicon.MetricSuffixes)
	midPredicates       = wordTexts(lexicon.MidPredicates)
	scopeWords          = wordTexts(lexicon.Scopes)
	qualifierWords      = wordTexts(lexicon.Qualifiers)
	notQualifierWords   = wordTexts(lexicon.NotQualifiers)
	againstWords        = wordTexts(lexicon.AgainstWords)
	changeDownWords     = wordTexts(lexicon.ChangeDownWords)
	changeUpWords       = wordTexts(lexicon.ChangeUpWords)
	rankVerbs           = wordTexts(lexicon.RankVerbs)
	methodPhrases       = wordTexts(lexicon.MethodPhrases)
	emptyMetrics        = wordSet(lexicon.EmptyMetrics)
)

// scanTables index the words above for the one-pass scans; built on first
// use, since a program that reads no report never needs them.
var scanTables = sync.OnceValue(func() *wordTables {
	t := &wordTables{
		methodPhrases:  newWordList(methodPhrases),
		midPredicates:  newWordList(midPredicates),
		metricPrefixes: firstRuneIndex(metricPrefixes),
		metricSuffixes: lastRuneIndex(metricSuffixes),
		scopeSuffixes:  lastRuneIndex(scopeWords),
		modalities:     firstRuneIndex(lexicon.Words(lexicon.ReportModalities, func(w lexicon.ModalityWord) string { return w.Text })),
	}
	for r := range t.modalities {
		t.modalityFirst.Add(r)
	}
	t.modalityFirst.Add('争')
	return t
})

type wordTables struct {
	methodPhrases, midPredicates                  *wordList
	metricPrefixes, metricSuffixes, scopeSuffixes runeIndex
	modalities                                    runeIndex
	modalityFirst                                 text.RuneSet // and 争 (争取)
}

func wordTexts(ws []lexicon.Word) []string {
	return lexicon.Words(ws, func(w lexicon.Word) string { return w.Text })
}

func wordSet(ws []lexicon.Word) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w.Text] = true
	}
	return m
}

// Extract returns the figures of the sentence n.Text[a:b].
func (c *Extractor) Extract(n *text.NormText, a, b int) []Figure {
	return c.extract(n, a, b, nil, false)
}

// ExtractFound is Extract for a caller that has the place names of the
// whole paragraph: found is the gazetteer's Find(n.Text).
func (c *Extractor) ExtractFound(n *text.NormText, a, b int, found []geo.PlaceMention) []Figure {
	return c.extract(n, a, b, found, true)
}

func (c *Extractor) extract(n *text.NormText, a, b int, found []geo.PlaceMention, haveFound bool) []Figure {
	s := n.Text[a:b]
	c.sentence = s
	nums := ScanNumbers(s)
	periods := FindPeriods(s)
	var places []geo.PlaceMention
	switch {
	case c.gaz == nil:
	case haveFound:
		places = c.gaz.FindIn(n.Text, found, a, b)
	default:
		places = c.gaz.Find(s)
	}
	excluded := exclusionZones(s)
	periods = usablePeriods(s, periods, excluded)

	var figs []Figure
	prevEnd := 0
	prevMetric := ""
	var prevKind Kind
	prevRegion := ""
	var at [][2]int   // each figure's [start, end) in s
	classPhrase := "" // set after a size class: the figures after it are of the class
	classEnd := 0
	if continuesSubject(s) || c.afterSemicolon {
		prevMetric = c.lastMetric
	}
	modality := c.listModality
	modScan := 0
	outlook := sentenceOutlook{sentence: s}
	curPeriod := c.period
	curPeriodExplicit := false
	pi := 0
	for ti, t := range nums {
		// Periods stated before this number become current.
		for pi < len(periods) && periods[pi].End <= t.Start {
			pm := periods[pi]
			if usablePeriod(pm) {
				curPeriod = outlook.resolve(c, pm.Period)
				curPeriodExplicit = true
				// 今年以来 in a report titled 一季度…: that quarter.
				if t := c.titlePeriod; strings.HasSuffix(pm.Period.Raw, "以来") && t.StartMonth == 1 && t.EndMonth < 12 &&
					(t.Year == 0 || t.Year == curPeriod.Year) {
					curPeriod = t
				}
			}
			pi++
		}
		if insideAny(t.Start, t.End, excluded) || insidePeriod(t, periods) {
			continue
		}
		if isListMarker(s, t) || glued(s, t) {
			continue
		}
		unit, unitEnd, qualAfter := parseUnit(s, t.End)
		if unit == "" && hasPrefixAny(s[t.End:], nonFigureUnits) {
			continue
		}
		if t.Percent {
			unit = "%"
		}
		if unit == "" && isOrdinalWithoutUnit(s, t) {
			continue
		}

		clause := clauseStart(s, t.Start)
		lo := clause
		if prevEnd > lo {
			lo = prevEnd
		}
		before := s[lo:t.Start]
		// Modality words are looked for in the text since the last
		// figure (with a little overlap), not the whole prefix again.
		if m := modalityIn(s[max(0, floorRune(s, modScan-9)):t.Start]); m != "" {
			modality = m
		}
		modScan = t.Start

		f := Figure{
			Raw:      t.Raw,
			Value:    FormatNumber(t.Value),
			Number:   t.Value,
			Unit:     unit,
			Modality: modality,
			Region:   c.region.Name,
		}
		if !t.Chinese && !strings.ContainsAny(t.Raw, ",") {
			f.Value = t.Raw
		}
		f.Qualifier = qualifierBefore(before)
		if qualAfter != "" {
			f.Qualifier = qualAfter
		}
		rank := strings.HasSuffix(before, "第") && (unit == "位" || unit == "名" || unit == "" && endsClause(s[t.End:])) ||
			// 位居65位, 排37位: a place in a ranking without 第.
			(unit == "位" || unit == "名") && hasSuffixAny(before, rankVerbs)
		if rank && unit == "" {
			unit = "位"
			f.Unit = "位"
		}
		f.Kind, f.Number = classify(before, unit, t.Value, rank)
		if t.Fraction && unit == "" {
			f.Kind = KindShare // 占全市比重超1/3
		}
		if targetAfter(s[unitEnd:]) {
			f.Modality = "target" // 增长6.5%左右的目标
		}
		if !countUnits[unit] && sizeClass(qualAfter, s[unitEnd:]) {
			// 1000万吨以上企业有7户, 5000万元以上项目: a size class of
			// what is counted, not an amount of the indicator; what the
			// sentence says next is of that class.
			f.Kind = KindOther
			classPhrase, classEnd = "以上", unitEnd
		}
		if f.Kind == KindRank || f.Kind == KindDiff {
			f.Scope = scopeIn(before)
		}
		f.Comparator = comparatorIn(s[clause:t.Start])

		metric := cleanMetric(beforeComparator(stripPlacesAndPeriods(before, lo, places, periods), f.Kind))
		after, headed := nounAfter(s[unitEnd:])
		switch {
		case combiningAttributes[metric] && prevMetric != "":
			metric = strings.TrimPrefix(prevMetric, "新增") + metric
		case metric == "" || attributeWords[metric]:
			switch {
			case f.Kind == KindCount && headed:
				metric = after
			case after != "" && !strings.HasPrefix(after, "用于") && !isBareLead(before):
				metric = after
			case prevMetric != "":
				metric = prevMetric
			case after != "":
				metric = after
			}
		case strings.HasPrefix(metric, "占") && prevMetric != "":
			// 社零…,占全市比重12.4%: the subject's share of the scope's
			// total; 工业投资占全部投资比重 keeps its own whole.
			if scope, ok := shareOfScope(metric, prevMetric); ok {
				metric, f.Scope = prevMetric, scope
			} else {
				metric = prevMetric + metric
			}
		case f.Kind == KindCount && headed:
			metric = after
		case isVerbOnly(metric) || strings.HasSuffix(before, "等"):
			if after != "" {
				metric = after
			} else if prevMetric != "" {
				metric = prevMetric
			}
		}
		if f.Kind == KindCount {
			if m := countOfChange(s[unitEnd:clauseEndFrom(s, unitEnd)]); m != "" {
				// 有37个行业实现正增长: what is counted is the ones that grew.
				metric = m
			} else if w := changeBefore(before); w != "" && metric != "" && !strings.HasSuffix(metric, w) {
				// 产值同比增长27户: the count of those whose 产值 grew.
				metric += w
			}
		}
		if f.Kind == KindRank && metric == "" && lo > 0 {
			// 神木县首次进入全国百强,位居第92位: a rank with no subject of
			// its own ranks what the clause before it says.
			_, size := utf8.DecodeLastRuneInString(s[:lo])
			if pl := clauseStart(s, lo-size); pl < lo-size && (len(figs) == 0 || at[len(figs)-1][1] <= pl) {
				m := cleanMetric(stripPlacesAndPeriods(s[pl:lo-size], pl, places, periods))
				if n := utf8.RuneCountInString(m); n >= 2 && n <= 16 {
					metric = m
				}
			}
		}
		if emptyMetrics[metric] {
			// 3个和1个百分点: the 和 after a count names nothing.
			metric = prevMetric
		}
		f.Region = c.figureRegion(places, lo, t.Start)
		if f.Kind == KindRank {
			// A ranking list names places of anywhere: 长沙县位列第八名.
			if name, ok := c.rankedPlace(s, places, lo, t.Start); ok {
				f.Region = name
				if c.rankTopic != "" && (metric == "" || !strings.Contains(metric, c.rankTopic)) {
					metric = c.rankTopic
				}
			} else if len(figs) > 0 && figs[len(figs)-1].Kind == KindRank && c.rankTopic != "" && figs[len(figs)-1].Metric == c.rankTopic {
				// 长沙县2004年位居65位、2008年排37位: the same place's ranks.
				f.Region, metric = figs[len(figs)-1].Region, c.rankTopic
			}
		}
		if _, named := c.namedRegion(places, lo, t.Start); !named && metric == prevMetric && prevRegion != "" {
			// 遵义地区生产总值3037.87亿元,占全省的比重为21.7%: the subject
			// carries its place.
			f.Region = prevRegion
		}
		if place, ok := placeBeforeParen(s, t.Start, unitEnd, places); ok {
			// 呼和浩特市(23.1%)、包头市(22.9%)…规上工业增加值增速高于全区:
			// each value is its place's figure of the indicator named
			// after the list.
			m, growth := listIndicator(s, unitEnd, places)
			switch {
			case m != "":
				c.listMetric, c.listGrowth = m, growth
			case c.listMetric != "":
				// "…;鄂尔多斯市(5.9%)…8个盟市低于全区平均水平": the list
				// before named the indicator.
				m, growth = c.listMetric, c.listGrowth
			case prevMetric != "":
				m, growth = prevMetric, prevKind == KindGrowth
			}
			if m != "" {
				metric = m
				if growth && (f.Kind == KindShare || f.Kind == KindOther) {
					f.Kind = KindGrowth
				}
			}
			f.Region = c.placeName(place)
		}
		// "1000万吨以上企业有7户,…7户企业共生产原煤16541万吨": the things
		// counted again are the size class counted before, a part of the
		// whole.
		if n := len(figs); n > 0 && figs[n-1].Kind == KindCount && metric != "" && at[n-1][1] == lo {
			if noun := headNounAt(s[lo:]); noun != "" && strings.HasPrefix(metric, noun) {
				prev := figs[n-1]
				for _, g := range figs[:n-1] {
					if g.Kind == KindCount && g.Value == prev.Value && g.Unit == prev.Unit && strings.Contains(g.Metric, "以上") {
						metric = "以上" + metric
						break
					}
				}
			}
		}
		if classPhrase != "" && f.Kind != KindOther {
			// The figures right after the class, in its clause or the
			// next, are of it.
			between := s[classEnd:t.Start]
			if metric != "" && !strings.Contains(metric, classPhrase) && strings.Count(between, ",") <= 1 && !strings.ContainsAny(between, ";:") {
				metric = classPhrase + metric
			}
		}
		f.Metric = metric
		if metric != "" && !attributeWords[metric] {
			prevMetric, prevKind = metric, f.Kind
		}
		prevRegion = f.Region
		f.Period = curPeriod
		if !curPeriodExplicit {
			f.Period.Raw = ""
		}
		if base, ok := baseYearIn(s[clause:t.Start]); ok && (f.Kind == KindGrowth || f.Kind == KindDiff) &&
			(f.Period.Year == 0 || base != f.Period.Year-1) {
			// 比2019年同期增长9.3% in a report on 2021: a growth over two
			// years, not the year's growth. Over the year before it is
			// the ordinary growth.
			f.Comparator = strconv.Itoa(base) + "年同期"
		}
		f.Span = n.Span(a+t.Start, a+unitEnd)
		if figs == nil {
			// At most every number left is a figure: one allocation, not
			// one per doubling of a slice of large structs.
			figs = make([]Figure, 0, len(nums)-ti)
		}
		figs = append(figs, f)
		at = append(at, [2]int{t.Start, unitEnd})
		prevEnd = unitEnd
	}
	if prevMetric != "" {
		c.lastMetric, c.lastKind = prevMetric, prevKind
	}
	// "主要预期目标是:" heads a list of targets in the sentences after it,
	// to the end of its paragraph (or of the next, if it ends the line).
	c.endsInColon = strings.HasSuffix(strings.TrimRight(s, " "), ":")
	c.afterSemicolon = strings.HasSuffix(strings.TrimRight(s, " "), ";")
	if i := strings.LastIndex(s, ":"); i >= 0 {
		if m := modalityIn(s[:i]); m != "" {
			c.listModality = m
		}
	}
	sharedUnits(s, figs, at)
	c.distribute(s, figs, at, places)
	if c.afterSemicolon {
		// The clause after ";" continues the indicator as distributed
		// ("遵义、安顺地区生产总值…,分别增长…;铜仁分别增长…").
		for i := len(figs) - 1; i >= 0; i-- {
			if m := figs[i].Metric; m != "" && !attributeWords[m] {
				c.lastMetric, c.lastKind = m, figs[i].Kind
				break
			}
		}
	}
	// Only a period that heads the sentence ("1-5月,全市…") sets the
	// period of the sentences after it; one said in passing ("…二季度目标
	// 完成83.2%") dates its own figures only.
	head := clauseEnd(s)
	for _, pm := range periods {
		if usablePeriod(pm) && (pm.Start < head || standsAlone(s, pm)) {
			p := outlook.resolve(c, pm.Period)
			p.Raw = ""
			c.period = p
			if c.docPeriod.IsZero() && c.paragraphs < leadParagraphs && p.StartMonth != 0 {
				c.docPeriod = p
			}
		}
	}
	return figs
}

// looksForward reports a sentence about plans or targets, whose year-less
// periods look forward: "全年" in a mid-year plan is this year, while
// "全年" in a review written in February is the year before.
func looksForward(sentence string) bool {
	return containsAny(sentence, []string{"力争", "计划", "预计", "目标", "将", "确保", "争取"})
}

// sentenceOutlook gives year-less periods of a sentence their year. It
// asks looksForward once per sentence, not once per period.
type sentenceOutlook struct {
	sentence string
	known    bool
	forward  bool
}

func (o *sentenceOutlook) resolve(c *Extractor, p Period) Period {
	if !o.known {
		o.forward, o.known = looksForward(o.sentence), true
	}
	return c.resolvePeriod(p, o.forward)
}

// resolvePeriod is p.ResolveForward(c.date) or p.Resolve(c.date),
// remembered: a report states the same few periods again and again, and
// each is resolved for every figure after it, rendering its text anew.
func (c *Extractor) resolvePeriod(p Period, forward bool) Period {
	key := resolveKey{p, forward}
	if r, ok := c.resolved[key]; ok {
		return r
	}
	r := p.resolve(c.date, forward)
	if c.resolved == nil {
		c.resolved = map[resolveKey]Period{}
	}
	c.resolved[key] = r
	return r
}

type resolveKey struct {
	p       Period
	forward bool
}

// usablePeriods drops periods that do not date a figure: those inside
// quotes or titles, and campaign slogans such as 决战四季度 or 再战双过半.
func usablePeriods(s string, periods []PeriodMention, excluded []zone) []PeriodMention {
	out := periods[:0:0]
	for _, p := range periods {
		if insideAny(p.Start, p.End, excluded) {
			p.Comparator = true // kept, so its numbers stay out of figures
		}
		if r, _ := utf8.DecodeLastRuneInString(s[:p.Start]); r == '战' || strings.HasSuffix(s[:p.Start], "冲刺") {
			p.Comparator = true
		}
		out = append(out, p)
	}
	return out
}

func usablePeriod(pm PeriodMention) bool {
	return !pm.Comparator && !pm.Date && !pm.Span
}

func insidePeriod(t NumberToken, periods []PeriodMention) bool {
	for _, p := range periods {
		if t.Start >= p.Start && t.End <= p.End {
			return true
		}
	}
	return false
}

type zone struct{ start, end int }

func insideAny(a, b int, zones []zone) bool {
	for _, z := range zones {
		if a >= z.start && b <= z.end {
			return true
		}
	}
	return false
}

// exclusionZones finds 《titles》 and short “names” whose numbers are not
// figures: 《…2024年度工作计划》, “2+4”, “十四五”.
func exclusionZones(s string) []zone {
	var zs []zone
	for _, pair := range [][2]string{{"《", "》"}, {"“", "”"}, {"\"", "\""}, {"〔", "〕"}, {"[", "]"}, {"【", "】"}} {
		from := 0
		for {
			i := strings.Index(s[from:], pair[0])
			if i < 0 {
				break
			}
			i += from
			j := strings.Index(s[i+len(pair[0]):], pair[1])
			if j < 0 {
				break
			}
			j += i + len(pair[0])
			inner := s[i+len(pair[0]) : j]
			if pair[0] == "《" || utf8.RuneCountInString(inner) <= 10 {
				zs = append(zs, zone{i, j + len(pair[1])})
			}
			from = j + len(pair[1])
		}
	}
	return zs
}

// isListMarker reports "1." "1、" "(1)" at the start of a sentence or clause.
func isListMarker(s string, t NumberToken) bool {
	rest := s[t.End:]
	pre := strings.TrimRight(s[:t.Start], " ")
	atStart := pre == "" || strings.HasSuffix(pre, "(") && len(strings.TrimRight(pre[:len(pre)-1], " ")) == 0
	if !atStart {
		return false
	}
	return strings.HasPrefix(rest, "、") || strings.HasPrefix(rest, ".") && !strings.HasPrefix(rest, "..") ||
		strings.HasPrefix(rest, ")") || strings.HasPrefix(rest, "是")
}

// glued reports numbers that are part of a name: 2+4, 5+1, IPv6, 4N5.
func glued(s string, t NumberToken) bool {
	if t.End < len(s) && (s[t.End] == '+' || s[t.End] == '*') {
		return true
	}
	if t.Start > 0 && (s[t.Start-1] == '+' || s[t.Start-1] == '-' && t.Start > 1 && text.IsASCIIAlnum(rune(s[t.Start-2]))) {
		return true
	}
	if t.End < len(s) && s[t.End] == ':' && t.End+1 < len(s) && s[t.End+1] >= '0' && s[t.End+1] <= '9' {
		return true // a time of day
	}
	if t.End < len(s) && s[t.End] == '-' && t.End+1 < len(s) && s[t.End+1] >= '0' && s[t.End+1] <= '9' {
		return true // an unparsed range or code
	}
	return false
}

// isOrdinalWithoutUnit reports 第二批, 第一动力: an ordinal that is no rank.
func isOrdinalWithoutUnit(s string, t NumberToken) bool {
	if !strings.HasSuffix(s[:t.Start], "第") {
		return false
	}
	pre := strings.TrimSuffix(s[:t.Start], "第")
	for _, w := range []string{"居", "列", "排", "位居", "位列", "排名", "排在", "名列"} {
		if strings.HasSuffix(pre, w) || strings.Contains(lastRunes(pre, 8), w) {
			return false
		}
	}
	return true
}

// parseUnit reads the unit after a number and a qualifier on either side
// of it: "500余万元", "10户以上".
func parseUnit(s string, pos int) (unit string, end int, qualifier string) {
	i := pos
	for i < len(s) && s[i] == ' ' {
		i++
	}
	for _, q := range []string{"余", "多"} {
		if strings.HasPrefix(s[i:], q) {
			qualifier = q
			i += len(q)
			break
		}
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	for _, u := range unitsByFirst[r] {
		if strings.HasPrefix(s[i:], u) {
			unit = u
			i += len(u)
			break
		}
	}
	if unit == "" {
		if qualifier != "" {
			return "", pos, ""
		}
		return "", pos, ""
	}
	// Compound units: 元/千瓦时.
	if strings.HasPrefix(s[i:], "/") {
		r, _ := utf8.DecodeRuneInString(s[i+1:])
		for _, u := range unitsByFirst[r] {
			if strings.HasPrefix(s[i+1:], u) {
				unit += "/" + u
				i += 1 + len(u)
				break
			}
		}
	}
	for _, q := range []string{"以上", "左右", "以下", "以内", "多"} {
		if strings.HasPrefix(s[i:], q) {
			if qualifier == "" {
				qualifier = q
			}
			i += len(q)
			break
		}
	}
	return unit, i, qualifier
}

func qualifierBefore(before string) string {
	for _, q := range notQualifierWords {
		if strings.HasSuffix(before, q) {
			return ""
		}
	}
	for _, q := range qualifierWords {
		if strings.HasSuffix(before, q) {
			return q
		}
	}
	return ""
}

// classify decides the kind of a figure from its unit and the words
// before it, and gives declines their sign.
func classify(before, unit string, v float64, rank bool) (Kind, float64) {
	tail := lastRunes(before, 10)
	switch {
	case rank:
		return KindRank, v
	case unit == "个百分点" || unit == "百分点":
		if containsAny(tail, belowWords) {
			return KindDiff, -v
		}
		return KindDiff, v
	case unit == "%" || unit == "‰" || unit == "倍":
		near := lastRunes(before, 4)
		if containsAny(near, declineWords) && !containsAny(near, notDeclineWords) {
			return KindGrowth, -v
		}
		if containsAny(near, growthWords) {
			return KindGrowth, v
		}
		if containsAny(tail, shareWords) || hasSuffixAny(tail, rateEndings) {
			return KindShare, v
		}
		if containsAny(tail, declineWords) {
			return KindGrowth, -v
		}
		if containsAny(tail, growthWords) {
			return KindGrowth, v
		}
		return KindShare, v
	}
	// An absolute change: 比上年同期增加65个, 直购电均价降低0.019元.
	near := lastRunes(before, 3)
	if unit != "" {
		if hasSuffixAny(near, changeUpWords) || strings.HasSuffix(near, "多") && strings.Contains(before, "比") {
			return KindChange, v
		}
		for _, w := range changeDownWords {
			if strings.HasSuffix(near, w) {
				return KindChange, -v
			}
		}
	}
	switch {
	case countUnits[unit] || unit == "位":
		return KindCount, v
	case unit != "":
		return KindAmount, v
	}
	return KindOther, v
}

func scopeIn(before string) string {
	tail := lastRunes(before, 12)
	best, at := "", -1
	for _, w := range scopeWords {
		if i := strings.LastIndex(tail, w); i > at {
			best, at = w, i
		}
	}
	return best
}

func comparatorIn(clause string) string {
	for _, b := range lexicon.Baselines {
		if strings.Contains(clause, b.Text) {
			return b.Means
		}
	}
	for _, w := range againstWords {
		if i := strings.Index(clause, w); i >= 0 {
			rest := clause[i+len(w):]
			if sc := scopeIn(rest); sc != "" && strings.HasPrefix(rest, sc) {
				return sc
			}
			return strings.TrimSpace(rest)
		}
	}
	return ""
}

// baseYearRe finds a growth's base period named by its year: 比2019年同期,
// 较2019年.
var baseYearRe = lazyre.New(`(?:比|较|相比|对比)((?:19|20)[0-9]{2})年(?:同期)?`)

// baseYearIn reads the year a clause's growth is measured from.
func baseYearIn(clause string) (int, bool) {
	// Every match holds 年 and 比 or 较; few clauses do, and the regexp
	// would scan each of them to the end.
	if !strings.Contains(clause, "年") || !strings.Contains(clause, "比") && !strings.Contains(clause, "较") {
		return 0, false
	}
	m := baseYearRe().FindAllStringSubmatch(clause, -1)
	if len(m) == 0 {
		return 0, false
	}
	y, err := strconv.Atoi(m[len(m)-1][1])
	return y, err == nil
}

// modalityIn reads the last target or forecast word of a sentence prefix.
func modalityIn(prefix string) string {
	// One pass over the prefix, trying at each rune only the words that
	// begin with it, in place of a backward search per word.
	t := scanTables()
	best, at, size := "", -1, 0
	zhengqu := -1 // the last 争取
	for i, r := range prefix {
		if !t.modalityFirst.Has(r) {
			continue
		}
		if r == '争' && strings.HasPrefix(prefix[i:], "争取") {
			zhengqu = i
		}
		for _, j := range t.modalities[r] {
			w := &lexicon.ReportModalities[j]
			// The latest word wins; at the same place, the longer one
			// (预期目标 is a target, 预期 a forecast), and of equally
			// long ones the first of the table.
			if strings.HasPrefix(prefix[i:], w.Text) && (i > at || len(w.Text) > size) {
				best, at, size = string(w.Modality), i, len(w.Text)
			}
		}
	}
	if zhengqu > at && !strings.HasPrefix(prefix[zhengqu+len("争取"):], "到") {
		best = "target"
	}
	return best
}

// indexFenbie returns where the first 分别 or 分列 at or after from begins
// in s, or -1: one search for 分, not one for each word.
func indexFenbie(s string, from int) int {
	for {
		i := strings.Index(s[from:], "分")
		if i < 0 {
			return -1
		}
		i += from
		if rest := s[i+len("分"):]; strings.HasPrefix(rest, "别") || strings.HasPrefix(rest, "列") {
			return i
		}
		from = i + len("分")
	}
}

// clauseEnd is where the first clause of s ends.
func clauseEnd(s string) int {
	// A byte at a time: the ASCII marks are never inside a rune, and 。
	// is the only one that is not ASCII.
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ',', ';', ':', '!', '?':
			return i
		case "。"[0]:
			if strings.HasPrefix(s[i:], "。") {
				return i
			}
		}
	}
	return len(s)
}

// endsClause reports whether rest starts where a clause ends: "居全省第三,"
// is a rank, "居全省第一方阵" is not.
func endsClause(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	return rest == "" || strings.ContainsRune(",;:。!?、)” ", r)
}

// floorRune moves i back to the start of the rune it falls in.
func floorRune(s string, i int) int {
	if i <= 0 {
		return 0
	}
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// clauseStart finds the start of the clause that ends at pos.
func clauseStart(s string, pos int) int {
	for i := pos; i > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if r == ')' || r == '】' || r == ']' {
			// A note in brackets between an indicator and its number
			// ("地区生产总值(GDP)326.8亿元", "【1】", "(下同)") does not
			// start a new clause.
			if open := transparentBracket(s, i); open >= 0 {
				i = open
				continue
			}
		}
		switch r {
		case ',', ';', ':', '(', ')', '、', '。', '!', '?', '—', '·', ' ':
			return i
		}
		i -= size
	}
	return 0
}

// stripPlacesAndPeriods removes place names and period expressions from
// the clause before a number: "1-10月完成工业固定资产投资" → "完成工业固定资产投资".
func stripPlacesAndPeriods(before string, offset int, places []geo.PlaceMention, periods []PeriodMention) string {
	type cut struct{ a, b int }
	var cuts []cut
	for _, p := range places {
		if p.Start >= offset && p.End <= offset+len(before) {
			end := p.End - offset
			// 神木县 for today's 神木市: the old suffix goes with the name.
			if r, size := utf8.DecodeRuneInString(before[end:]); (r == '县' || r == '市' || r == '区') && !strings.HasPrefix(before[end:], "县域") && !strings.HasPrefix(before[end:], "市场") {
				end += size
			}
			cuts = append(cuts, cut{p.Start - offset, end})
		}
	}
	for _, p := range periods {
		if p.Start >= offset && p.End <= offset+len(before) {
			cuts = append(cuts, cut{p.Start - offset, p.End - offset})
		}
	}
	if len(cuts) == 0 {
		return before
	}
	var b strings.Builder
	pos := 0
	for pos < len(before) {
		skip := -1
		for _, c := range cuts {
			if c.a == pos && c.b > skip {
				skip = c.b
			}
		}
		if skip > pos {
			pos = skip
			continue
		}
		_, size := utf8.DecodeRuneInString(before[pos:])
		b.WriteString(before[pos : pos+size])
		pos += size
	}
	return b.String()
}

// beforeComparator keeps what precedes a comparison: in
// "增速高于全部民间投资" the indicator is 增速, not 全部民间投资.
func beforeComparator(before string, kind Kind) string {
	if kind != KindDiff && kind != KindChange && kind != KindRank {
		return before
	}
	cut := len(before)
	for _, w := range []string{"高于", "低于", "快于", "慢于", "领先", "比", "较", "居", "位居", "位列", "排名", "列"} {
		for from := 0; from < len(before); {
			i := strings.Index(before[from:], w)
			if i < 0 {
				break
			}
			i += from
			// 占比 is an indicator word, not a comparison.
			if w == "比" && strings.HasSuffix(before[:i], "占") {
				from = i + len(w)
				continue
			}
			if i < cut {
				cut = i
			}
			break
		}
	}
	return before[:cut]
}

var quoteRemover = strings.NewReplacer("“", "", "”", "", "\"", "", "‘", "", "’", "")

// removeQuotes is quoteRemover.Replace, which allocates even when there is
// nothing to remove, as there seldom is: “ ” ‘ ’ all begin with the bytes
// E2 80.
func removeQuotes(m string) string {
	if strings.IndexByte(m, '"') < 0 && !strings.Contains(m, "\xe2\x80") {
		return m
	}
	return quoteRemover.Replace(m)
}

// cleanMetric strips what is not the indicator from the words before a
// number: scope words, verbs, comparators, modality.
func cleanMetric(m string) string {
	t := scanTables()
	m = removeQuotes(m)
	m = dropBrackets(m)
	m = t.methodPhrases.removeAll(m)
	m = trimRunes(m, " 《》()")
	for changed := true; changed && m != ""; {
		changed = false
		// The words are tried in table order, as if every one were, but
		// only those that begin (or end) as m does at that moment.
		for j := 0; m != ""; j++ {
			r, _ := utf8.DecodeRuneInString(m)
			if j = t.metricPrefixes.next(r, j); j < 0 {
				break
			}
			p := metricPrefixes[j]
			if p == "共计" && strings.HasPrefix(m, "共计划") {
				continue // 共 计划…, not 共计 划…
			}
			if strings.HasPrefix(m, p) && len(m) > len(p) {
				m = m[len(p):]
				changed = true
			} else if m == p {
				m = ""
				changed = true
			}
		}
		for _, words := range [...]struct {
			list []string
			idx  runeIndex
		}{{metricSuffixes, t.metricSuffixes}, {scopeWords, t.scopeSuffixes}} {
			for j := 0; m != ""; j++ {
				r, _ := utf8.DecodeLastRuneInString(m)
				if j = words.idx.next(r, j); j < 0 {
					break
				}
				if sfx := words.list[j]; strings.HasSuffix(m, sfx) {
					m = m[:len(m)-len(sfx)]
					changed = true
				}
			}
		}
		m = trimRunes(m, " “”\"'‘’")
	}
	// Predicates in the middle: 项目共完成投资 → 项目投资.
	return cleanMetricTail(t.midPredicates.removeAll(m))
}

// cleanMetricTail is the end of cleanMetric, after the ends are trimmed
// and the predicates removed.
func cleanMetricTail(m string) string {
	if emptyMetrics[m] {
		m = ""
	}
	for _, vo := range lexicon.VerbObjects {
		i := strings.Index(m, vo.Verb)
		if i < 0 || i > 0 && !vo.Anywhere || strings.Contains(m, vo.Head) {
			continue
		}
		subject, obj := m[:i], m[i+len(vo.Verb):]
		if strings.Contains(obj, vo.Head) || strings.HasPrefix(obj, "总值") {
			continue
		}
		for _, adv := range []string{"累计", "共", "合计", "全年"} {
			subject = strings.TrimSuffix(subject, adv)
		}
		// 煤炭企业生产原煤 → 煤炭企业原煤产量; 完成引资 → 招商引资.
		if vo.Head == "产量" || vo.Head == "发电量" {
			m = subject + obj + vo.Head
		} else {
			m = subject + vo.Head + obj
		}
		break
	}
	if !strings.Contains(m, "完成率") {
		m = strings.ReplaceAll(m, "完成", "")
	}
	if utf8.RuneCountInString(m) > 24 {
		m = lastRunes(m, 24)
	}
	return m
}

// maxBracketNote is the longest bracketed note, in runes, that is read
// through.
const maxBracketNote = 12

// transparentBracket returns where the bracketed note that ends at
// s[:end] opens, when it is a note to read through: an abbreviation
// (GDP), a footnote mark (【1】) or a method (下同, 按可比价格计算); -1
// otherwise.
func transparentBracket(s string, end int) int {
	closer, size := utf8.DecodeLastRuneInString(s[:end])
	opener := map[rune]rune{')': '(', '】': '【', ']': '['}[closer]
	inner := end - size
	open := strings.LastIndexByte(s[:inner], byte(opener))
	if opener != '(' && opener != '[' {
		open = strings.LastIndex(s[:inner], string(opener))
	}
	if open < 0 {
		return -1
	}
	note := s[open+utf8.RuneLen(opener) : inner]
	if note == "" || utf8.RuneCountInString(note) > maxBracketNote || strings.ContainsAny(note, ",;。()") {
		return -1
	}
	if isASCIIWord(note) {
		return open
	}
	for _, p := range methodPhrases {
		if strings.Contains(note, p) {
			return open
		}
	}
	return -1
}

func isASCIIWord(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' ' || c == '-') {
			return false
		}
	}
	return true
}

// dropBrackets removes the bracketed notes of a metric: 地区生产总值(GDP)
// is 地区生产总值.
func dropBrackets(m string) string {
	for _, pair := range [][2]string{{"(", ")"}, {"【", "】"}, {"[", "]"}} {
		for {
			i := strings.Index(m, pair[0])
			if i < 0 {
				break
			}
			j := strings.Index(m[i:], pair[1])
			if j < 0 {
				m = m[:i]
				break
			}
			m = m[:i] + m[i+j+len(pair[1]):]
		}
	}
	return m
}

// shareOfScope reads "占全省比重", "占全区地区生产总值的比重": a share of
// the same indicator in a larger scope. It returns the scope.
func shareOfScope(metric, subject string) (string, bool) {
	base := strings.TrimPrefix(metric, "占")
	for _, end := range []string{"的比重", "比重", "的比例", "比例", "的份额", "份额"} {
		base = strings.TrimSuffix(base, end)
	}
	for _, sc := range scopeWords {
		if !strings.HasPrefix(base, sc) {
			continue
		}
		rest := strings.TrimSuffix(strings.TrimPrefix(base, sc), "的")
		if rest == "" || strings.Contains(subject, rest) || strings.Contains(rest, subject) {
			return sc, true
		}
	}
	return "", false
}

// placeBeforeParen returns the place named right before a value in
// parentheses: 呼和浩特市(23.1%).
func placeBeforeParen(s string, start, end int, places []geo.PlaceMention) (geo.PlaceMention, bool) {
	if start == 0 || s[start-1] != '(' || end >= len(s) || s[end] != ')' {
		return geo.PlaceMention{}, false
	}
	for _, p := range places {
		if p.End == start-1 {
			return p, true
		}
	}
	return geo.PlaceMention{}, false
}

// listIndicator reads the indicator named after a list of places with
// values in parentheses, from the end of one value: the list's other
// items and a count of them (4个盟市) are skipped, and the indicator runs
// to its predicate. growth reports an indicator of growth (增速).
func listIndicator(s string, end int, places []geo.PlaceMention) (metric string, growth bool) {
	i := end
	for i < len(s) {
		// ")、包头市(22.9%)" or ")和西夏区(20.6%)".
		if s[i] != ')' {
			break
		}
		j := i + 1
		for _, sep := range []string{"、", "和", "及", "与"} {
			if strings.HasPrefix(s[j:], sep) {
				j += len(sep)
				break
			}
		}
		next := -1
		for _, p := range places {
			if p.Start == j && p.End < len(s) && s[p.End] == '(' {
				next = p.End
			}
		}
		if next < 0 {
			i++
			break
		}
		k := strings.IndexByte(s[next:], ')')
		if k < 0 {
			return "", false
		}
		i = next + k
	}
	rest := s[i:]
	if e := clauseEnd(rest); e < len(rest) {
		rest = rest[:e]
	}
	// A count of the places listed: 4个盟市, 两地.
	for _, w := range []string{"个盟市", "个地州市", "个县(市)区", "个县区", "个市州", "个市", "个县", "个区", "地"} {
		if k := strings.Index(rest, w); k >= 0 && k <= 4 {
			rest = rest[k+len(w):]
			break
		}
	}
	cut := len(rest)
	for _, w := range []string{"增速", "增幅", "增长", "分别", "位列", "位居", "居", "高于", "低于", "均"} {
		if k := strings.Index(rest, w); k >= 0 && k < cut {
			cut = k
		}
	}
	growth = strings.Contains(rest, "增速") || strings.Contains(rest, "增长") || strings.Contains(rest, "增幅")
	return cleanMetric(rest[:cut]), growth
}

// placeName is the name of the place a mention means in this report: one
// inside the report's own region if there is one.
func (c *Extractor) placeName(p geo.PlaceMention) string {
	for _, cand := range p.Candidates {
		if c.region.Code != "" && (cand.CityCode == c.region.Code || cand.ProvinceCode == c.region.Code) {
			return cand.Name
		}
	}
	if len(p.Candidates) > 0 {
		return p.Candidates[0].Name
	}
	return ""
}

// distribute gives each figure of a "分别" list its own subject: in
// 第一、二、三产业增加值分别增长3.1%、6.2%和5.4% the values belong to
// 第一产业增加值, 第二产业增加值 and 第三产业增加值, in order. It acts only
// when the subjects and the values of one kind are as many.
// joinedRun is the first figures of list whose texts are joined only by
// a list word (11.7%、11.5%和11.2%).
func joinedRun(s string, list []int, at [][2]int) []int {
	if len(list) == 0 {
		return nil
	}
	run := list[:1]
	for _, i := range list[1:] {
		if !lexicon.IsListJoiner(strings.TrimSpace(s[at[run[len(run)-1]][1]:at[i][0]])) {
			break
		}
		run = append(run, i)
	}
	return run
}

func (c *Extractor) distribute(s string, figs []Figure, at [][2]int, places []geo.PlaceMention) {
	for from := 0; ; {
		// 分别 distributes values; 分列 (分列第二、第三名) ranks.
		k := indexFenbie(s, from)
		if k < 0 {
			return
		}
		from = k + len("分别")
		start := strings.LastIndexAny(s[:k], ",;:。")
		subject := s[start+1 : k]
		end := len(s)
		if e := strings.IndexAny(s[k:], ";。"); e >= 0 {
			end = k + e
		}
		if e := strings.Index(s[k+len("分别"):], "分别"); e >= 0 && k+len("分别")+e < end {
			end = k + len("分别") + e
		}
		// The values: figures after 分别 up to the next 分别 in its
		// clause group (原煤、粗钢产量、发电量分别为2533万吨、716万吨、
		// 166亿千瓦时) or, when they are more than the subjects, those of
		// the first figure's unit class.
		var all, idx []int
		for i := range figs {
			if at[i][0] >= k && at[i][1] <= end {
				all = append(all, i)
				if len(idx) == len(all)-1 && (len(idx) == 0 || sameUnitClass(figs[idx[0]].Unit, figs[i].Unit)) {
					idx = append(idx, i)
				}
			}
		}
		if len(all) >= 2 && listItems(subject, len(all)) != nil {
			idx = all
		}
		if run := joinedRun(s, all, at); len(run) >= 2 && len(run) < len(idx) {
			// 分别增长11.7%、11.5%、11.2%,贵阳增长4.8%: the list ends
			// where its values stop being joined by 、 or 和.
			idx = run
		}
		if len(idx) < 2 {
			continue
		}
		// 遵义、黔西南、安顺地区生产总值…,分别增长11.7%、11.5%、11.3%: a
		// list of places sharing one indicator.
		subjStart := start + 1
		if strings.TrimSpace(cleanMetric(subject)) == "" && start > 0 {
			subjStart = strings.LastIndexAny(s[:start], ",;:。") + 1
		}
		if regions, metric := c.placeList(s, subjStart, k, places, len(idx)); regions != nil {
			for j, i := range idx {
				figs[i].Region = regions[j]
				if metric != "" {
					figs[i].Metric = metric
				}
				if j > 0 && figs[idx[0]].Kind == KindGrowth && figs[i].Kind == KindShare {
					figs[i].Kind = KindGrowth
				}
			}
			continue
		}
		items := listItems(subject, len(idx))
		if items == nil && strings.TrimSpace(cleanMetric(subject)) == "" {
			// No subject before 分别: the figures before it name them.
			items = earlierSubjects(figs, at, k, len(idx))
		}
		if items == nil {
			continue
		}
		for j, i := range idx {
			figs[i].Metric = items[j]
			// 分别增长a%、b%: the predicate is said once, for all.
			if j > 0 && figs[idx[0]].Kind == KindGrowth && figs[i].Kind == KindShare {
				figs[i].Kind = KindGrowth
				if figs[idx[0]].Number < 0 && figs[i].Number > 0 {
					figs[i].Number = -figs[i].Number // 分别下降3%、2%
				}
			}
		}
	}
}

// placeList reads a list of n places at s[from:to] and the indicator after
// it: 遵义、黔西南、安顺地区生产总值比上年同期… → their names and
// 地区生产总值.
func (c *Extractor) placeList(s string, from, to int, places []geo.PlaceMention, n int) ([]string, string) {
	var names []string
	pos := from
	for _, p := range places {
		if p.Start < pos || p.End > to {
			continue
		}
		gap := strings.TrimSpace(s[pos:p.Start])
		if len(names) > 0 && gap != "、" && gap != "和" && gap != "及" && gap != "与" {
			break
		}
		if len(names) == 0 && gap != "" {
			break
		}
		if len(names) == 0 && onlyProvinces(p.Candidates) {
			pos = p.End // 江苏张家港市: the province before a place
			continue
		}
		names = append(names, c.placeName(p))
		pos = p.End
	}
	if len(names) != n {
		return nil, ""
	}
	rest := s[pos:to]
	cut := len(rest)
	for _, w := range []string{"比上年", "较上年", "同比", "保持", "均", "增速", "增长", "分别"} {
		if i := strings.Index(rest, w); i >= 0 && i < cut {
			cut = i
		}
	}
	return names, cleanMetric(rest[:cut])
}

func onlyProvinces(cands []geo.Place) bool {
	for _, c := range cands {
		if c.Level != geo.LevelProvince {
			return false
		}
	}
	return len(cands) > 0
}

// earlierSubjects returns the indicators of the n figures before pos, when
// they are n different indicators: 入境旅客达2967万人次,其中
// 国际旅客达189万人次,分别增长14.5%和12.4%.
func earlierSubjects(figs []Figure, at [][2]int, pos, n int) []string {
	var before []int
	for i := range figs {
		if at[i][1] <= pos {
			before = append(before, i)
		}
	}
	if len(before) < n {
		return nil
	}
	before = before[len(before)-n:]
	items := make([]string, n)
	seen := map[string]bool{}
	for j, i := range before {
		m := figs[i].Metric
		if m == "" || seen[m] {
			return nil
		}
		seen[m] = true
		items[j] = m
	}
	return items
}

func sameUnitClass(a, b string) bool {
	if a == b {
		return true
	}
	ua, _ := lexicon.UnitByText(a)
	ub, _ := lexicon.UnitByText(b)
	return ua.Class != "" && ua.Class == ub.Class
}

// listItems splits a list of subjects into n indicators, giving each the
// head the last one states: 钢材、水泥、平板玻璃产量 → 钢材产量, 水泥产量,
// 平板玻璃产量. nil when the list does not have n items.
func listItems(subject string, n int) []string {
	subject = strings.TrimSpace(subject)
	var parts []string
	for _, seps := range []string{"、", "、和及与"} {
		parts = strings.FieldsFunc(subject, func(r rune) bool { return strings.ContainsRune(seps, r) })
		if len(parts) == n {
			break
		}
	}
	if len(parts) != n {
		// 城乡居民人均可支配收入 is 城镇 and 农村 居民人均可支配收入.
		for _, pair := range lexicon.PairWords {
			if i := strings.Index(subject, pair.Text); i >= 0 && n == len(pair.Parts) && !strings.Contains(subject, "、") {
				rest := subject[i+len(pair.Text):]
				out := make([]string, n)
				for j, part := range pair.Parts {
					out[j] = cleanMetric(subject[:i] + part + rest)
				}
				return out
			}
		}
		return nil
	}
	last := parts[n-1]
	head := ""
	at := len(last)
	for _, h := range lexicon.IndicatorHeads {
		if i := strings.Index(last, h.Text); i > 0 && i < at {
			at, head = i, last[i:]
		}
	}
	if head == "" {
		// 原煤产量、粗钢产量、发电量: each item names its own indicator.
		items := make([]string, n)
		for i, p := range parts {
			items[i] = cleanMetric(p)
			if utf8.RuneCountInString(items[i]) < 2 {
				return nil
			}
		}
		return items
	}
	items := make([]string, n)
	first := cleanMetric(parts[0])
	for i, p := range parts {
		p = cleanMetric(p)
		if i == n-1 {
			items[i] = p
			continue
		}
		// 第一、二、三产业: the ordinal's 第 is written once.
		if strings.HasPrefix(first, "第") && !strings.HasPrefix(p, "第") {
			p = "第" + p
		}
		if !strings.Contains(p, head) {
			p += head
		}
		items[i] = p
	}
	if strings.HasPrefix(first, "第") && !strings.HasPrefix(items[n-1], "第") {
		items[n-1] = "第" + items[n-1]
	}
	return items
}

// sharedUnits gives the figures of a list the unit its last one states:
// in 分别高于15.1个、7.9个百分点 the first 个 is 个百分点 too. at holds
// each figure's [start, end) in s.
func sharedUnits(s string, figs []Figure, at [][2]int) {
	for i := len(figs) - 2; i >= 0; i-- {
		f, next := &figs[i], figs[i+1]
		if f.Unit != "个" || next.Unit != "个百分点" {
			continue
		}
		switch strings.TrimSpace(s[at[i][1]:at[i+1][0]]) {
		case "、", "和", "及", "与":
		default:
			continue
		}
		f.Unit, f.Kind = next.Unit, next.Kind
		if next.Number < 0 && f.Number > 0 {
			f.Number = -f.Number
		}
		if f.Metric == "" {
			f.Metric = next.Metric
		}
	}
}

// targetAfter reports a figure named a target by the words after it:
// 生产总值增长6.5%左右的目标.
func targetAfter(after string) bool {
	after = strings.TrimPrefix(after, "左右")
	after = strings.TrimPrefix(after, "以上")
	return strings.HasPrefix(after, "的目标") || strings.HasPrefix(after, "的预期目标") || strings.HasPrefix(after, "的奋斗目标")
}

// clauseEndFrom is where the clause that holds s[from] ends.
func clauseEndFrom(s string, from int) int {
	if e := clauseEnd(s[from:]); e < len(s)-from {
		return from + e
	}
	return len(s)
}

// countOfChange reads the words after a count that say the things counted
// grew or fell (行业实现正增长, 地州市工业生产全部实现增长) and returns
// them as the indicator of the count, with the change kept; "" otherwise.
func countOfChange(after string) string {
	if utf8.RuneCountInString(after) > 16 {
		return ""
	}
	for _, w := range []string{"正增长", "负增长", "增长", "下降"} {
		if !strings.HasSuffix(after, w) {
			continue
		}
		noun := strings.TrimSuffix(after, w)
		for _, filler := range []string{"全部", "均", "都", "实现", "保持", "的"} {
			noun = strings.ReplaceAll(noun, filler, "")
		}
		if utf8.RuneCountInString(noun) < 2 {
			return ""
		}
		return noun + w
	}
	return ""
}

// changeBefore returns the growth or decline word a count follows
// directly (产值同比增长27户), or "".
func changeBefore(before string) string {
	for _, w := range []string{"正增长", "负增长", "增长", "下降"} {
		if strings.HasSuffix(before, w) {
			return w
		}
	}
	return ""
}

// headNounAt returns the head noun text begins with, if any.
func headNounAt(text string) string {
	for _, h := range headNouns {
		if strings.HasPrefix(text, h) {
			return h
		}
	}
	return ""
}

// sizeClass reports the words after a figure that make it a bound of a
// class of things: 以上企业, 以下的项目.
func sizeClass(qualifier, after string) bool {
	for _, b := range []string{"及以上", "以上", "以下"} {
		rest := after
		switch {
		case qualifier == b || qualifier == "以上" && b == "及以上":
		case strings.HasPrefix(after, b):
			rest = strings.TrimPrefix(after, b)
		default:
			continue
		}
		rest = strings.TrimPrefix(rest, "的")
		for _, h := range headNouns {
			if i := strings.Index(rest, h); i >= 0 && utf8.RuneCountInString(rest[:i]) <= 6 && !strings.ContainsAny(rest[:i], ",;。") {
				return true
			}
		}
	}
	return false
}

// standsAlone reports a period that is a clause of its own
// ("根据…公布的数据,上半年,湖南…"): it heads what follows as much as a
// period at the start of the sentence.
func standsAlone(s string, pm PeriodMention) bool {
	before := strings.TrimRight(s[:pm.Start], " ")
	after := strings.TrimLeft(s[pm.End:], " ")
	return (before == "" || strings.HasSuffix(before, ",") || strings.HasSuffix(before, ";")) &&
		strings.HasPrefix(after, ",")
}

// isBareLead reports a clause that introduces a part of what came before:
// "其中1600亿元".
func isBareLead(before string) bool {
	b := strings.TrimSpace(before)
	return b == "" || b == "其中" || b == "分别" || b == "分别为" || b == "包括"
}

func isVerbOnly(m string) bool {
	for _, v := range leadingVerbs {
		if m == v {
			return true
		}
	}
	return false
}

// nounAfter reads the noun phrase right after a count: "省市级贡嘎培优企业,…"
// → 省市级贡嘎培优企业. It stops at the first head noun (and one that
// follows it directly: 企业储备库).
func nounAfter(rest string) (string, bool) {
	end := len(rest)
	for i, r := range rest {
		if !text.IsHan(r) && r != '“' && r != '”' {
			end = i
			break
		}
	}
	phrase := strings.TrimPrefix(rest[:end], "的")
	if phrase == "" {
		return "", false
	}
	best := -1
	for _, h := range headNouns {
		if i := strings.Index(phrase, h); i >= 0 && (best < 0 || i+len(h) < best) {
			best = i + len(h)
		}
	}
	if best < 0 {
		if utf8.RuneCountInString(phrase) <= 8 {
			return strings.Trim(phrase, "“”"), false
		}
		return "", false
	}
	// One more head noun straight after: 企业储备库.
	for _, h := range headNouns {
		if strings.HasPrefix(phrase[best:], h) {
			best += len(h)
			break
		}
	}
	return strings.Trim(phrase[:best], "“”"), true
}

// figureRegion is the county a clause names (安岳天然气综合产值), or the
// report's region.
func (c *Extractor) figureRegion(places []geo.PlaceMention, lo, pos int) string {
	if r, ok := c.namedRegion(places, lo, pos); ok {
		return r
	}
	return c.region.Name
}

// rankedPlace returns the place that a rank's clause is about, in a report
// that ranks places (its title names a ranking): any county or
// prefecture named in the clause before the rank.
func (c *Extractor) rankedPlace(s string, places []geo.PlaceMention, lo, pos int) (string, bool) {
	if c.rankTopic == "" {
		return "", false
	}
	for i := len(places) - 1; i >= 0; i-- {
		p := places[i]
		if p.Start < lo || p.End > pos {
			continue
		}
		for _, cand := range p.Candidates {
			if cand.Level == geo.LevelCounty || cand.Level == geo.LevelPrefecture {
				return c.placeName(p), true
			}
		}
	}
	return "", false
}

// SetRankingTitle tells the extractor the report's title: a title that
// names a ranking (全国百强县排名出炉) makes the report a ranking list,
// whose ranks are of the places it names.
func (c *Extractor) SetRankingTitle(title string) {
	for _, w := range []string{"排名", "排行榜", "榜单", "排行"} {
		if i := strings.Index(title, w); i > 0 {
			topic := title[:i]
			for _, p := range []string{"全国", "最新", "年度"} {
				topic = strings.ReplaceAll(topic, p, "")
			}
			if utf8.RuneCountInString(topic) >= 2 {
				c.rankTopic = topic
			}
			return
		}
	}
}

// namedRegion returns the place of the report's own region that
// s[lo:pos] names, if any.
func (c *Extractor) namedRegion(places []geo.PlaceMention, lo, pos int) (string, bool) {
	for _, p := range places {
		if p.Start < lo || p.End > pos {
			continue
		}
		for _, cand := range p.Candidates {
			if cand.Level == geo.LevelCounty && c.region.Code != "" && cand.CityCode == c.region.Code {
				return cand.Name, true
			}
			// A province's report states its prefectures' and counties'
			// figures too: 分市看,银川市规上工业增加值增长16.8%.
			if len(c.region.Code) == 2 && cand.ProvinceCode == c.region.Code &&
				(cand.Level == geo.LevelPrefecture || cand.Level == geo.LevelCounty) {
				return cand.Name, true
			}
		}
	}
	// Another prefecture named as the subject of the figure's clause
	// (济宁's report: 淄博工业投资增长30.2%) states that prefecture's
	// figure, never the report's own; named as what is compared with
	// (高于淄博) it is not the subject.
	if len(c.region.Code) != 4 || c.gaz == nil {
		return "", false
	}
	for _, p := range places {
		if p.Start < lo || p.End > pos || ObjectPlace(c.sentence, p) {
			continue
		}
		cands := p.Candidates
		if len(cands) == 0 || cands[0].Level != geo.LevelPrefecture || cands[0].Code == c.region.Code {
			continue
		}
		other := true
		for _, cand := range cands[1:] {
			// 通州 and other names shared with a place of the report's
			// own: not another place for sure.
			if cand.Code == c.region.Code || cand.CityCode == c.region.Code {
				other = false
			}
		}
		if other {
			return cands[0].Name, true
		}
	}
	return "", false
}

// ObjectPlace tells a place named in sentence s as what a figure is
// compared with or ranked within (高于淄博, 居山东第2) from a place a figure
// is about.
func ObjectPlace(s string, p geo.PlaceMention) bool {
	before := strings.TrimRight(s[:p.Start], " ")
	for _, w := range lexicon.PlaceObjectMarkers {
		if strings.HasSuffix(before, w.Text) {
			return true
		}
	}
	after := s[p.End:]
	for _, w := range lexicon.PlaceScopeMarkers {
		if strings.HasPrefix(after, w.Text) {
			return true
		}
	}
	return false
}

func lastRunes(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func hasSuffixAny(s string, words []string) bool {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

func hasPrefixAny(s string, words []string) bool {
	s = strings.TrimLeft(s, " ")
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}
