// Package synth generates synthetic work reports for benchmarks and
// stress tests: deterministic from a seed, in the shapes of real reports,
// with a ground truth of facts that questions can be checked against.
//
// A report is a file as reportbot would find it in a folder: a plain
// report (title, date line, paragraphs) or a web page saved as text or
// HTML (navigation row, 来源/时间 line, photo caption, 责任编辑, ICP and
// copyright lines), in simplified or traditional script, UTF-8 or GB18030.
// Its sentences are prose about policy (most of them) and figures: an
// indicator with a period, a growth rate, a level in 亿元, a comparison
// with the province in percentage points, a rank, counts of enterprises and
// projects, targets and forecasts. Regions are the prefectures of the
// gazetteer; dates span 2014-2024.
//
// Design:
//
//   - Everything derives from one math/rand/v2 PCG stream seeded by
//     Config.Seed, consumed in a fixed order, so the same seed yields the
//     same bytes. No map is iterated where order would matter.
//   - Report.Sentences is the number of body sentences the corpus package
//     finds in the file (title, metadata and boilerplate are not
//     sentences); the package tests check this against corpus.Process, so a
//     benchmark can compare it with what the index holds.
//   - Ground truth. A fact is one figure (growth, rank or level of an
//     indicator) of one region in one year. Once a (region, indicator, year)
//     is chosen for a fact, no other sentence of the corpus states that
//     indicator for that region and year, so the answer to the fact's
//     question is unique however large the corpus grows. Each report
//     carries at most one fact sentence (three facts: its growth, rank and
//     level), each region at most one.
//   - Some prefectures are held out: no report is about them, so a
//     question about them must get no answer (Negatives).
package synth

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/reportbot/reportbot/corpus"
)

// Config tunes a Generator. Zero values mean the defaults given.
type Config struct {
	Seed uint64
	// MaxFacts bounds the fact sentences recorded (default 300).
	MaxFacts int
	// Shares of reports, each 0..1; a negative value means none.
	Traditional float64 // traditional script (default 0.2)
	Web         float64 // web pages with boilerplate (default 0.4)
	HTML        float64 // of the web pages, saved as .html (default 0.25)
	GB18030     float64 // of the simplified .txt files, GB18030-encoded (default 0.05)
	// MinSentences and MaxSentences bound the body sentences of a report
	// (default 20 and 80, about what real reports have).
	MinSentences, MaxSentences int
	// HeldOut is how many prefectures get no report (default 10).
	HeldOut int
}

func (c Config) withDefaults() Config {
	def := func(v *float64, d float64) {
		switch {
		case *v == 0:
			*v = d
		case *v < 0:
			*v = 0
		}
	}
	def(&c.Traditional, 0.2)
	def(&c.Web, 0.4)
	def(&c.HTML, 0.25)
	def(&c.GB18030, 0.05)
	if c.MaxFacts == 0 {
		c.MaxFacts = 300
	}
	if c.MinSentences <= 0 {
		c.MinSentences = 20
	}
	if c.MaxSentences < c.MinSentences {
		c.MaxSentences = max(c.MinSentences, 80)
	}
	if c.HeldOut == 0 {
		c.HeldOut = 10
	}
	return c
}

// Report is one generated file.
type Report struct {
	// Name is the file's path relative to the corpus root, with forward
	// slashes: "2019/泰安_2019-07-03_工业经济运行_000123.txt".
	Name     string
	Data     []byte // the file's content
	Region   string // the prefecture it is about: 泰安市
	Date     string // YYYY-MM-DD
	Title    string // simplified
	Format   string // txt or html
	Encoding string // utf-8 or gb18030
	// Traditional is true when the report is in traditional script.
	Traditional bool
	// Sentences is the number of body sentences (see the package doc).
	Sentences int
	// Unique is a phrase (simplified, normalized as corpus.NormalizeText
	// would) that occurs in exactly one sentence of the whole corpus: this
	// report's document number.
	Unique string
	// Facts are the ground-truth facts this report states.
	Facts []Fact
}

// Fact is a figure with a known, unique answer.
type Fact struct {
	Question string      `json:"question"` // 泰安2023年1-5月工业投资增速
	Region   string      `json:"region"`   // 泰安市
	Metric   string      `json:"metric"`   // the indicator's id
	Kind     corpus.Kind `json:"kind"`     // growth, rank or amount
	Value    string      `json:"value"`    // Arabic digits: 31.9, 2
	Unit     string      `json:"unit"`     // %, 位, 亿元
	Period   string      `json:"period"`   // 2023年1-5月
	// Sentence is a simplified substring of the sentence that states it.
	Sentence string `json:"sentence"`
	File     string `json:"file"` // Report.Name
}

// place is a prefecture as the generator uses it.
type place struct {
	name, short string
	self        string // 全市, 全州, 全盟: how the report calls its own region
	abbr        string // first character of the short name, for 文号
	counties    []string
}

type factKey struct {
	place, ind, year int
}

// Generator produces reports one at a time.
type Generator struct {
	cfg     Config
	r       *rand.Rand
	places  []place
	heldOut []place
	used    map[factKey]bool // (region, indicator, year) stated anywhere
	fact    map[factKey]bool // reserved for a fact: stated nowhere else
	hasFact []bool           // per place
	facts   int
	serial  int
}

// New returns a generator for cfg.
func New(cfg Config) *Generator {
	cfg = cfg.withDefaults()
	g := corpus.DefaultGazetteer()
	var all []place
	byCity := map[string]int{}
	for _, p := range g.Places() {
		if p.Level != corpus.LevelPrefecture || p.Short == "" || corpus.IsMunicipality(p) {
			continue
		}
		// Prefectures whose short name is also another place's name
		// would make the region of a question ambiguous; real questions
		// have that problem, a benchmark's ground truth must not.
		if len(g.Lookup(p.Short)) != 1 {
			continue
		}
		self := "全市"
		switch {
		case strings.HasSuffix(p.Name, "州"):
			self = "全州"
		case strings.HasSuffix(p.Name, "盟"):
			self = "全盟"
		case strings.HasSuffix(p.Name, "地区"):
			self = "全地区"
		}
		r, _ := utf8DecodeFirst(p.Short)
		byCity[p.Code] = len(all)
		all = append(all, place{name: p.Name, short: p.Short, self: self, abbr: string(r)})
	}
	for _, p := range g.Places() {
		if p.Level != corpus.LevelCounty || p.Short == "" || !strings.HasSuffix(p.Name, "县") {
			continue
		}
		if i, ok := byCity[p.CityCode]; ok && len(g.Lookup(p.Short)) == 1 && len(all[i].counties) < 8 {
			all[i].counties = append(all[i].counties, p.Name)
		}
	}
	gen := &Generator{
		cfg:  cfg,
		r:    rand.New(rand.NewPCG(cfg.Seed, 0x5eed)),
		used: map[factKey]bool{},
		fact: map[factKey]bool{},
	}
	// Shuffle with our own stream, then hold the first few out.
	gen.r.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	n := min(cfg.HeldOut, len(all)/2)
	gen.heldOut, gen.places = all[:n], all[n:]
	gen.hasFact = make([]bool, len(gen.places))

	tradOnce.Do(func() {
		names := make([]string, 0, len(all)*4)
		for _, p := range all {
			names = append(names, p.name, p.short, p.self)
			names = append(names, p.counties...)
		}
		buildTrad(allVocabulary(names))
	})
	return gen
}

func utf8DecodeFirst(s string) (rune, int) {
	for i, r := range s {
		return r, i
	}
	return 0, 0
}

// HeldOut returns the prefectures no report is about (full names).
func (g *Generator) HeldOut() []string {
	out := make([]string, len(g.heldOut))
	for i, p := range g.heldOut {
		out[i] = p.name
	}
	return out
}

// Shorts returns the short names of the regions reports are about, in a
// fixed order: for questions without a known answer.
func (g *Generator) Shorts() []string {
	out := make([]string, len(g.places))
	for i, p := range g.places {
		out[i] = p.short
	}
	return out
}

// Next returns a report with a random number of sentences between
// Config.MinSentences and MaxSentences.
func (g *Generator) Next() Report {
	n := g.cfg.MinSentences + g.r.IntN(g.cfg.MaxSentences-g.cfg.MinSentences+1)
	return g.NextN(n)
}

// NextN returns a report of exactly n body sentences (at least 1).
func (g *Generator) NextN(n int) Report {
	n = max(n, 1)
	g.serial++
	pi := g.r.IntN(len(g.places))
	p := &g.places[pi]
	year := 2014 + g.r.IntN(11)
	month := 1 + g.r.IntN(12)
	day := 1 + g.r.IntN(28)
	date := fmt.Sprintf("%04d-%02d-%02d", year, month, day)

	b := &body{g: g, p: p, pi: pi, year: year, month: month, c: "，"}
	if g.r.IntN(4) == 0 {
		b.c = ","
	}
	// One sentence is the document number, unique in the corpus.
	uniqueAt := g.r.IntN(n)
	wantFact := g.facts < g.cfg.MaxFacts && !g.hasFact[pi] && n >= 3
	factAt := -1
	if wantFact {
		factAt = g.r.IntN(n)
		if factAt == uniqueAt {
			factAt = (factAt + 1) % n
		}
	}
	var sentences []string
	for i := 0; i < n; i++ {
		switch {
		case i == uniqueAt:
			sentences = append(sentences, b.unique(g.serial))
		case i == factAt:
			if s, ok := b.factSentence(); ok {
				sentences = append(sentences, s)
				g.hasFact[pi] = true
				g.facts++
				continue
			}
			sentences = append(sentences, b.prose())
		case g.r.IntN(100) < 40:
			sentences = append(sentences, b.figure())
		default:
			sentences = append(sentences, b.prose())
		}
	}

	rep := Report{
		Region:    p.name,
		Date:      date,
		Sentences: n,
		Unique:    b.uniqueKey,
		Format:    "txt",
		Encoding:  "utf-8",
	}
	rep.Traditional = g.r.Float64() < g.cfg.Traditional
	web := g.r.Float64() < g.cfg.Web
	if web && g.r.Float64() < g.cfg.HTML {
		rep.Format = "html"
	}
	if !rep.Traditional && rep.Format == "txt" && g.r.Float64() < g.cfg.GB18030 {
		rep.Encoding = "gb18030"
	}
	// Paragraphs: an office report writes long ones (2-9 sentences, most
	// over 600 bytes, as in the real reports), a news page short ones
	// (1-4).
	var paras [][]string
	lo, span := 2, 8
	if web {
		lo, span = 1, 4
	}
	for i := 0; i < len(sentences); {
		k := min(lo+g.r.IntN(span), len(sentences)-i)
		paras = append(paras, sentences[i:i+k])
		i += k
	}
	var text string
	if web {
		rep.Title = p.short + g.pick(webHeads)
		text = g.webPage(rep.Format, p, rep.Title, date, paras)
	} else {
		rep.Title = p.name + g.pick(docTopics)
		text = g.plainReport(rep.Title, date, paras)
	}
	if rep.Traditional {
		text = toTraditional(text)
	}
	rep.Data = encode(text, rep.Encoding)

	// File name: a descriptive one (region and date in it) or an opaque
	// one as downloaded; the year folder keeps folders at a few thousand
	// files.
	ext := "." + rep.Format
	if g.r.IntN(2) == 0 {
		rep.Name = fmt.Sprintf("%04d/%s_%s_%s_%06d%s", year, p.short, date, topicWord(g.pick(docTopics)), g.serial, ext)
	} else {
		rep.Name = fmt.Sprintf("%04d/%06d_%016x%s", year, g.serial, g.r.Uint64(), ext)
	}
	for i := range b.facts {
		b.facts[i].File = rep.Name
	}
	rep.Facts = b.facts
	return rep
}

// topicWord shortens a topic for a file name.
func topicWord(s string) string {
	rs := []rune(s)
	return string(rs[:min(len(rs), 6)])
}

func (g *Generator) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

// number formats v with at most one decimal, as reports write it.
func number(v float64) string {
	return strconv.FormatFloat(float64(int(v*10+0.5))/10, 'f', -1, 64)
}

// body writes the sentences of one report.
type body struct {
	g         *Generator
	p         *place
	pi        int
	year      int
	month     int
	c         string
	uniqueKey string
	facts     []Fact
}

// templateWords are the fixed words of the templates below, for the
// traditional-script table.
var templateWords = []string{
	"同比增长", "比上年增长", "同比下降", "增长", "高于全省", "低于全省", "个百分点", "增速居全省第", "位", "总量位列全省第",
	"排名全省第", "较上年前移", "个位次", "降幅较一季度收窄", "增速比上年同期提高", "完成", "实现", "亿元", "占全部投资比重为",
	"较上年同期提高", "新增", "总数达到", "在全市各县区中排名第", "力争全年", "以上", "预计全年", "将突破", "今年", "去年", "年",
	"月", "全年", "按照", "政发", "号文件要求", "根据", "人民政府关于", "的通知", "要求", "一是", "二是", "三是", "坚持把",
	"作为", "的重要抓手", "建立", "推动", "同时", "但也要看到", "我市发展中还存在", "等问题", "的任务依然艰巨", "制定出台",
	"关于", "的实施意见", "明确", "个方面", "项具体任务", "日报", "融媒体中心", "记者", "报道", "您现在的位置", "首页", "正文",
	"时间", "来源", "作者", "责任编辑", "标签", "关于我们", "联系我们", "版权所有", "备", "资料图", "供图", "发布时间", "网",
	"主办", "技术支持", "信息中心", "户", "个", "家", "累计", "达到", "规模以上", "营业收入", "讯", "工作", "经济", "新闻",
}

func (b *body) scope() string { return b.p.self }

// subPeriod picks a part of the report's year that has ended by the
// report's date: a report of June states 1-5月, not 1-10月 (which the
// pipeline, rightly, takes for last year's).
func (b *body) subPeriod() (sp struct {
	text       string
	start, end int
}, ok bool) {
	n := 0
	for _, p := range subPeriods {
		if p.end < b.month {
			n++
		}
	}
	if n == 0 {
		return sp, false
	}
	k := b.g.r.IntN(n)
	for _, p := range subPeriods {
		if p.end < b.month {
			if k == 0 {
				return p, true
			}
			k--
		}
	}
	return sp, false
}

// period picks a period for a figure of this report and returns the text
// written and the year it resolves to.
func (b *body) period() (text string, year int) {
	g := b.g
	switch k := g.r.IntN(10); {
	case k < 5:
		sp, ok := b.subPeriod()
		if !ok {
			return "去年", b.year - 1
		}
		switch g.r.IntN(3) {
		case 0:
			return sp.text, b.year
		case 1:
			return "今年" + sp.text, b.year
		}
		return strconv.Itoa(b.year) + "年" + sp.text, b.year
	case k < 7:
		if g.r.IntN(2) == 0 {
			return "去年", b.year - 1
		}
		return strconv.Itoa(b.year-1) + "年", b.year - 1
	case k < 8:
		return "今年以来", b.year
	}
	return "", b.year
}

// indicatorFor picks an indicator not reserved for a fact of this region
// in year; ok is false after a few tries.
func (b *body) indicatorFor(year int, needAmount bool) (int, bool) {
	return b.indicatorForYears([]int{year}, needAmount)
}

// indicatorForYears picks an indicator that is no fact of this region in
// any of years, and reserves it in all of them.
func (b *body) indicatorForYears(years []int, needAmount bool) (int, bool) {
	g := b.g
	for try := 0; try < 6; try++ {
		i := g.r.IntN(len(indicators))
		if needAmount && !indicators[i].amount {
			continue
		}
		free := true
		for _, y := range years {
			if g.fact[factKey{b.pi, i, y}] {
				free = false
			}
		}
		if !free {
			continue
		}
		for _, y := range years {
			g.used[factKey{b.pi, i, y}] = true
		}
		return i, true
	}
	return 0, false
}

func (b *body) growth() float64 {
	g := b.g
	if g.r.IntN(8) == 0 {
		return -(0.1 + g.r.Float64()*15)
	}
	return 0.1 + g.r.Float64()*40
}

// growthPhrase writes a growth rate with its verb: 同比增长12.3% or, for a
// decline, 同比下降3.1%.
func (b *body) growthPhrase(verb string) string {
	x := b.growth()
	if x < 0 {
		return "同比下降" + number(-x) + "%"
	}
	return verb + number(x) + "%"
}

func (b *body) rank() (text string, n int) {
	n = 1 + b.g.r.IntN(16)
	if b.g.r.IntN(3) == 0 {
		return cnDigits[n], n
	}
	return strconv.Itoa(n), n
}

// comma is the report's comma: most reports use the full-width one, some
// (typed on a Western keyboard, or re-encoded by a site) the ASCII one.
func (b *body) comma() string { return b.c }

// figure writes a sentence that states figures.
func (b *body) figure() string {
	g := b.g
	per, year := b.period()
	lead := ""
	if per != "" {
		lead = per + b.comma()
	}
	years := []int{year}
	if per == "" {
		// An undated figure is read as of its report's year or, in a
		// review written early in a year or beside 比上年, of the year
		// before: it must be no fact of either.
		years = append(years, year-1)
	}
	pick := func(needAmount bool) (int, bool) { return b.indicatorForYears(years, needAmount) }
	c := b.comma()
	switch g.r.IntN(11) {
	case 0, 1:
		i, ok := pick(false)
		if !ok {
			return b.prose()
		}
		x := b.growth()
		verb := "同比增长"
		if x < 0 {
			verb, x = "同比下降", -x
		}
		rt, _ := b.rank()
		return fmt.Sprintf("%s%s%s%s%s%%%s高于全省%s个百分点%s增速居全省第%s位。", lead, b.scope(), g.pick(indicators[i].forms), verb, number(x), c,
			number(0.1+g.r.Float64()*20), c, rt)
	case 2:
		i, ok := pick(true)
		if !ok {
			return b.prose()
		}
		return fmt.Sprintf("%s%s完成%s%s亿元%s%s。", lead, b.scope(), g.pick(indicators[i].forms), number(1+g.r.Float64()*3000), c, b.growthPhrase("同比增长"))
	case 3:
		i, ok := pick(false)
		if !ok {
			return b.prose()
		}
		return fmt.Sprintf("%s我市%s增长%s%%%s增速比上年同期提高%s个百分点。", lead, g.pick(indicators[i].forms), number(0.1+g.r.Float64()*30), c, number(0.1+g.r.Float64()*8))
	case 4:
		i, ok := pick(false)
		if !ok {
			return b.prose()
		}
		return fmt.Sprintf("%s%s同比下降%s%%%s降幅较一季度收窄%s个百分点。", lead, g.pick(indicators[i].forms), number(0.1+g.r.Float64()*12), c, number(0.1+g.r.Float64()*5))
	case 5:
		i, ok := pick(true)
		if !ok {
			return b.prose()
		}
		rt, _ := b.rank()
		return fmt.Sprintf("%s%s%s实现%s亿元%s%s%s总量位列全省第%s位。", lead, b.scope(), g.pick(indicators[i].forms), number(1+g.r.Float64()*5000), c, b.growthPhrase("比上年增长"), c, rt)
	case 6:
		i, ok := pick(false)
		if !ok {
			return b.prose()
		}
		rt, _ := b.rank()
		return fmt.Sprintf("%s%s增速达到%s%%%s排名全省第%s位%s较上年前移%d个位次。", lead, g.pick(indicators[i].forms), number(0.1+g.r.Float64()*30), c, rt, c, 1+g.r.IntN(5))
	case 7:
		ci := countIndicators[g.r.IntN(len(countIndicators))]
		n := 5 + g.r.IntN(300)
		return fmt.Sprintf("%s%s新增%s%d%s%s总数达到%d%s。", lead, b.scope(), ci.name, n, ci.unit, c, n+10+g.r.IntN(2000), ci.unit)
	case 8:
		i, ok := pick(false)
		if !ok || len(b.p.counties) == 0 {
			return b.prose()
		}
		county := b.p.counties[g.r.IntN(len(b.p.counties))]
		rt, _ := b.rank()
		return fmt.Sprintf("%s%s%s%s%s在全市各县区中排名第%s位。", lead, county, g.pick(indicators[i].forms), b.growthPhrase("同比增长"), c, rt)
	case 9:
		// A target: the period is the year ahead.
		i, ok := b.indicatorFor(b.year, false)
		if !ok {
			return b.prose()
		}
		return fmt.Sprintf("力争全年%s增长%s%%以上。", g.pick(indicators[i].forms), number(1+g.r.Float64()*15))
	default:
		i, ok := b.indicatorFor(b.year, true)
		if !ok {
			return b.prose()
		}
		return fmt.Sprintf("预计全年%s%s将突破%d亿元。", b.scope(), g.pick(indicators[i].forms), 10+g.r.IntN(3000))
	}
}

// factSentence writes a sentence whose growth, rank and (for indicators
// with a level) amount become facts.
func (b *body) factSentence() (string, bool) {
	g := b.g
	// A period of the report's own year (a sub-period) or the year
	// before (the whole year), written in one of the ways reports do.
	var per, perQ string
	year := b.year
	sp, ok := b.subPeriod()
	if !ok || g.r.IntN(3) == 0 {
		year = b.year - 1
		perQ = strconv.Itoa(year) + "年"
		per = perQ
		if g.r.IntN(2) == 0 {
			per = "去年"
		}
	} else {
		perQ = strconv.Itoa(year) + "年" + sp.text
		switch g.r.IntN(3) {
		case 0:
			per = sp.text
		case 1:
			per = "今年" + sp.text
		default:
			per = perQ
		}
	}
	// An indicator not yet stated for this region and year anywhere.
	start := g.r.IntN(len(indicators))
	ind := -1
	for k := 0; k < len(indicators); k++ {
		i := (start + k) % len(indicators)
		if !g.used[factKey{b.pi, i, year}] {
			ind = i
			break
		}
	}
	if ind < 0 {
		return "", false
	}
	key := factKey{b.pi, ind, year}
	g.used[key] = true
	g.fact[key] = true

	in := indicators[ind]
	form := g.pick(in.forms)
	x := number(0.5 + g.r.Float64()*40)
	rt, r := b.rank()
	c := b.comma()
	var s, amount string
	if in.amount {
		amount = number(10 + g.r.Float64()*3000)
		s = fmt.Sprintf("%s%s%s完成%s%s亿元%s同比增长%s%%%s增速居全省第%s位。", per, c, b.scope(), form, amount, c, x, c, rt)
	} else {
		s = fmt.Sprintf("%s%s%s%s同比增长%s%%%s高于全省%s个百分点%s增速居全省第%s位。", per, c, b.scope(), form, x, c, number(0.1+g.r.Float64()*20), c, rt)
	}
	short := b.p.short
	add := func(q string, kind corpus.Kind, value, unit, contains string) {
		b.facts = append(b.facts, Fact{Question: q, Region: b.p.name, Metric: in.id, Kind: kind, Value: value, Unit: unit,
			Period: perQ, Sentence: corpus.NormalizeText(contains)})
	}
	add(short+perQ+in.ask+"增速", corpus.KindGrowth, x, "%", form)
	add(short+perQ+in.ask+"增速全省排第几", corpus.KindRank, strconv.Itoa(r), "位", "增速居全省第"+rt+"位")
	if amount != "" {
		add(short+perQ+in.ask+"完成多少亿元", corpus.KindAmount, amount, "亿元", form+amount+"亿元")
	}
	return s, true
}

// unique writes the sentence that cites this report's document number.
func (b *body) unique(serial int) string {
	g := b.g
	num := fmt.Sprintf("%s政发〔%d〕%d号", b.p.abbr, b.year, serial)
	b.uniqueKey = corpus.NormalizeText(num)
	return fmt.Sprintf("按照%s文件要求%s%s%s%s%s。", num, b.comma(), g.pick(proseVerb), g.pick(proseObject), b.comma(), g.pick(proseObject)+g.pick(proseResult))
}

// prose writes a sentence without figures (or with incidental counts).
func (b *body) prose() string {
	g := b.g
	c := b.comma()
	switch g.r.IntN(9) {
	case 0, 1:
		return fmt.Sprintf("%s%s%s%s%s%s%s%s%s%s。", g.pick(proseOpen), c, b.scope(), g.pick(proseVerb), g.pick(proseObject), c,
			g.pick(proseVerb), g.pick(proseObject), c, g.pick(proseObject)+g.pick(proseResult))
	case 2:
		return fmt.Sprintf("坚持把%s作为%s的重要抓手%s建立%s%s%s%s。", g.pick(proseObject), g.pick(proseObject), c, g.pick(proseMeans), c,
			g.pick(proseObject), g.pick(proseResult))
	case 3:
		// A heading sentence, as reports open a paragraph.
		return g.pick(proseVerb) + g.pick(proseObject) + "。"
	case 4:
		return fmt.Sprintf("同时%s%s%s%s推动%s%s。", c, g.pick(proseVerb), g.pick(proseObject), c, g.pick(proseObject), g.pick(proseResult))
	case 5:
		return fmt.Sprintf("但也要看到%s我市发展中还存在%s等问题%s%s%s的任务依然艰巨。", c, g.pick(proseProblem), c, g.pick(proseVerb), g.pick(proseObject))
	case 6:
		ord := []string{"一是", "二是", "三是"}[g.r.IntN(3)]
		return fmt.Sprintf("%s%s%s%s%s%s。", ord, g.pick(proseVerb), g.pick(proseObject), c, g.pick(proseVerb), g.pick(proseObject))
	case 7:
		return fmt.Sprintf("制定出台《关于%s%s的实施意见》%s明确%s个方面%d项具体任务。", g.pick(proseVerb), g.pick(proseObject), c,
			cnDigits[2+g.r.IntN(8)], 10+g.r.IntN(40))
	}
	return fmt.Sprintf("%s%s%s%s%s%s%s%s。", g.pick(proseOpen), c, "我们", g.pick(proseVerb), g.pick(proseObject), c,
		"以"+g.pick(proseMeans)+"为抓手", g.pick(proseResult))
}

// plainReport lays out a report as an office writes it: title, date line,
// paragraphs separated by blank lines or indented lines.
func (g *Generator) plainReport(title, date string, paras [][]string) string {
	var sb strings.Builder
	sb.WriteString(title)
	sb.WriteString("\n\n")
	// Opaque file names carry no date: the date line must.
	sb.WriteString("发布时间：" + date + "\n\n")
	indent := g.r.IntN(2) == 0
	for _, p := range paras {
		if indent {
			sb.WriteString("　　")
		}
		sb.WriteString(strings.Join(p, ""))
		sb.WriteString("\n")
		if !indent {
			sb.WriteString("\n")
		}
	}
	return sb.String()
}

// webPage lays out a report as a news site serves it, as text copied from
// the page or as the saved HTML.
func (g *Generator) webPage(format string, p *place, title, date string, paras [][]string) string {
	src := p.short + "日报"
	if g.r.IntN(3) == 0 {
		src = p.short + "融媒体中心"
	}
	reporter := g.pick(reporters)
	clock := fmt.Sprintf("%02d:%02d:%02d", 7+g.r.IntN(14), g.r.IntN(60), g.r.IntN(60))
	nav := make([]string, 0, 8)
	for _, k := range g.r.Perm(len(navItems))[:6] {
		nav = append(nav, navItems[k])
	}
	icp := fmt.Sprintf("%sICP备%08d号-%d", g.pick(icpProv), g.r.IntN(1e8), 1+g.r.IntN(30))
	copyright := fmt.Sprintf("版权所有© 2011-%s %s网", date[:4], p.short)
	// The dateline opens the first paragraph, as agencies write it.
	first := slices.Clone(paras[0])
	first[0] = fmt.Sprintf("%s讯（记者 %s）", src, reporter) + first[0]

	if format == "html" {
		var sb strings.Builder
		sb.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n")
		fmt.Fprintf(&sb, "<title>%s_%s</title>\n", title, src)
		fmt.Fprintf(&sb, "<meta name=\"publishdate\" content=\"%s\">\n", date)
		sb.WriteString("</head><body>\n<div class=\"nav\"><ul>")
		for _, n := range nav {
			fmt.Fprintf(&sb, "<li><a href=\"/%x/\">%s</a></li>", len(n), n)
		}
		sb.WriteString("</ul></div>\n<div class=\"article\">\n")
		fmt.Fprintf(&sb, "<h1>%s</h1>\n", title)
		fmt.Fprintf(&sb, "<div class=\"info\">发布时间：%s %s　来源：%s</div>\n", date, clock, src)
		for i, para := range paras {
			if i == 0 {
				para = first
			}
			fmt.Fprintf(&sb, "<p>%s</p>\n", strings.Join(para, ""))
		}
		fmt.Fprintf(&sb, "<p class=\"editor\">责任编辑：%s</p>\n</div>\n", g.pick(reporters))
		fmt.Fprintf(&sb, "<div class=\"footer\"><p>关于我们 | 联系我们 | 网站地图</p><p>%s</p><p>%s</p></div>\n</body></html>\n", copyright, icp)
		return sb.String()
	}

	var sb strings.Builder
	sb.WriteString(strings.Join(nav, " | ") + " |\n")
	sb.WriteString("您现在的位置：首页 > " + nav[1] + " > 正文\n\n")
	sb.WriteString(title + "\n\n")
	fmt.Fprintf(&sb, "时间：%s %s　来源：%s　作者：%s\n\n", date, clock, src, reporter)
	if g.r.IntN(2) == 0 {
		sb.WriteString("（资料图）\n\n")
	}
	for i, para := range paras {
		if i == 0 {
			para = first
		}
		sb.WriteString("　　" + strings.Join(para, "") + "\n\n")
	}
	fmt.Fprintf(&sb, "责任编辑：%s\n\n标签：\n\n关于我们 | 联系我们 | 投稿合作 | 广告投放\n\n%s\n\n%s\n", g.pick(reporters), copyright, icp)
	return sb.String()
}
