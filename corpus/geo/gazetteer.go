package geo

//go:generate go run ../../internal/gengazetteer -in ../../../shared/data/admin-divisions -out gazetteer_data.tsv

import (
	_ "embed"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// gazetteerData is the table of China's administrative divisions
// (province, prefecture and county level), one "code\tname\tparent" line
// each, generated from shared/data/admin-divisions. It is embedded so that
// the package works without the shared data directory.
//
//go:embed gazetteer_data.tsv
var gazetteerData string

// Level is the tier of an administrative division.
type Level int

// The three tiers reports are written for. Municipalities (北京 etc.) are
// provinces; their districts are counties.
const (
	LevelProvince Level = iota + 1
	LevelPrefecture
	LevelCounty
)

func (l Level) String() string {
	switch l {
	case LevelProvince:
		return "province"
	case LevelPrefecture:
		return "prefecture"
	case LevelCounty:
		return "county"
	}
	return fmt.Sprintf("Level(%d)", int(l))
}

// Place is one administrative division.
type Place struct {
	Code string // division code: "37" province, "3709" prefecture, "370902" county
	Name string // full name, "泰安市"
	// Short is the name as said in speech and headlines ("泰安"): the full
	// name without its administrative suffix. It is empty when that would
	// leave fewer than 2 runes (赵县) or an ordinary word (城区, 新兴, 朝阳)
	// that would make Find report places in every report; such words are
	// still accepted by Lookup.
	Short string
	Level Level
	// CityCode is the prefecture a county belongs to; empty for provinces,
	// prefectures, districts of municipalities and counties governed
	// directly by their province (济源市, 仙桃市).
	CityCode string
	// ProvinceCode is the province (for a province, its own code).
	ProvinceCode string
}

// IsZero reports whether p is the zero Place (no place).
func (p Place) IsZero() bool { return p.Code == "" }

// Gazetteer finds and resolves place names. It is immutable after loading
// and safe for concurrent use.
type Gazetteer struct {
	places []Place
	byCode map[string]int32
	// byName maps full names, short forms and the generic short forms that
	// Find ignores to candidate places, for Lookup.
	byName map[string][]int32
	// entries are the trie's payloads; candidate slices are shared by all
	// mentions of the same word, so Find allocates nothing per mention
	// beyond the result slice.
	entries []trieEntry
	trie    trie
}

// trieEntry is what a word in the trie stands for.
type trieEntry struct {
	cands []Place
	// blocker marks an ordinary word that contains or overlaps a place
	// name (示范县 contains 范县, 高新技术 contains 高新); Find consumes it
	// and reports nothing.
	blocker bool
	// needBoundary marks a 2-rune full name with a 1-rune stem (范县,
	// 和县, 高县). Such names straddle ordinary words all the time (示范县,
	// 提高县域), so Find accepts them only after a word boundary.
	needBoundary bool
	// suffix is the final 县/市/区 of a full name or alias; the name is
	// rejected where that suffix begins an ordinary word instead (泰安市场,
	// 河南县域, 港口区域), and Find falls back to a shorter name (泰安,
	// 河南) if there is one. 0 for short forms and blockers.
	suffix rune
}

// PlaceMention is a place name found in a text.
type PlaceMention struct {
	Start, End int    // byte offsets into the searched text
	Text       string // text[Start:End]
	// Candidates are the places the name may mean, provinces first, then
	// prefectures, then counties. The slice is shared: do not modify it.
	Candidates []Place
}

var (
	defaultGazetteerOnce sync.Once
	defaultGazetteer     *Gazetteer
)

// DefaultGazetteer returns the gazetteer built from the embedded division
// table. It is built once, on first use.
func DefaultGazetteer() *Gazetteer {
	defaultGazetteerOnce.Do(func() {
		g, err := NewGazetteer(gazetteerData)
		if err != nil {
			// The table is generated and embedded, and tests load it; an
			// error here is a build defect. Fall back to an empty
			// gazetteer rather than panic on a caller.
			g = &Gazetteer{byCode: map[string]int32{}, byName: map[string][]int32{}}
			g.trie.build(nil)
		}
		defaultGazetteer = g
	})
	return defaultGazetteer
}

// NewGazetteer builds a gazetteer from a division table in the format of
// gazetteer_data.tsv: "code\tname\tparent" lines, '#' comments. Strings
// of the result point into data.
func NewGazetteer(data string) (*Gazetteer, error) {
	g := &Gazetteer{
		byCode: make(map[string]int32, 3400),
		byName: make(map[string][]int32, 7000),
	}
	g.places = make([]Place, 0, 3400)
	for lineNo := 1; data != ""; lineNo++ {
		line := data
		if i := strings.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = ""
		}
		line = strings.TrimSuffix(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		code, rest, ok1 := strings.Cut(line, "\t")
		name, parent, ok2 := strings.Cut(rest, "\t")
		if !ok1 || !ok2 || name == "" {
			return nil, fmt.Errorf("gazetteer line %d: want code, name, parent: %q", lineNo, line)
		}
		p := Place{Code: code, Name: name}
		switch len(code) {
		case 2:
			p.Level, p.ProvinceCode = LevelProvince, code
		case 4:
			p.Level, p.ProvinceCode = LevelPrefecture, code[:2]
		case 6:
			p.Level, p.ProvinceCode, p.CityCode = LevelCounty, code[:2], parent
		default:
			return nil, fmt.Errorf("gazetteer line %d: bad code %q", lineNo, code)
		}
		if _, dup := g.byCode[code]; dup {
			return nil, fmt.Errorf("gazetteer line %d: duplicate code %q", lineNo, code)
		}
		g.byCode[code] = int32(len(g.places))
		g.places = append(g.places, p)
	}
	for _, p := range g.places {
		if _, ok := g.byCode[p.ProvinceCode]; !ok {
			return nil, fmt.Errorf("gazetteer: %s %s: unknown province %s", p.Code, p.Name, p.ProvinceCode)
		}
		if p.CityCode != "" {
			if _, ok := g.byCode[p.CityCode]; !ok {
				return nil, fmt.Errorf("gazetteer: %s %s: unknown prefecture %s", p.Code, p.Name, p.CityCode)
			}
		}
	}

	// Words for the trie: full names, short forms, blockers.
	type word struct {
		text         string
		places       []int32
		blocker      bool
		full         bool // a full name or alias of one of places
		needBoundary bool
		suffix       rune
	}
	words := make([]word, 0, 8000)
	wordIdx := make(map[string]int32, 8000)
	add := func(w string, i int32, full bool) {
		k, ok := wordIdx[w]
		if !ok {
			k = int32(len(words))
			wordIdx[w] = k
			words = append(words, word{text: w})
		}
		if i >= 0 {
			words[k].places = append(words[k].places, i)
		}
		words[k].full = words[k].full || full
	}
	for i := range g.places {
		p := &g.places[i]
		idx := int32(i)
		g.byName[p.Name] = append(g.byName[p.Name], idx)
		short, alias := shortForm(p.Name, p.Code, p.Level)
		if short != "" {
			g.byName[short] = append(g.byName[short], idx)
			if !genericShort[short] {
				p.Short = short
			}
		}
		if !genericFull[p.Name] {
			add(p.Name, idx, true)
		}
		if p.Short != "" {
			add(p.Short, idx, false)
		}
		if alias != "" {
			g.byName[alias] = append(g.byName[alias], idx)
			add(alias, idx, true)
		}
	}
	for _, b := range findBlockers {
		if _, ok := wordIdx[b]; !ok {
			add(b, -1, false)
			words[wordIdx[b]].blocker = true
		}
	}
	nPlaces := 0
	for k := range words {
		x := &words[k]
		nPlaces += len(x.places)
		if !x.full {
			continue
		}
		// Every 2-rune full name has a 1-rune stem (范县): no short form.
		x.needBoundary = utf8.RuneCountInString(x.text) == 2
		if last, _ := utf8.DecodeLastRuneInString(x.text); last == '县' || last == '市' || last == '区' || last == '省' {
			x.suffix = last
		}
	}

	// Words are unique, so sorting their indices gives the one order;
	// sorting the words themselves would move each struct, with a GC
	// write barrier for every pointer in it.
	order := make([]int32, len(words))
	for k := range order {
		order[k] = int32(k)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(words[a].text, words[b].text) })
	keys := make([]string, len(words))
	g.entries = make([]trieEntry, len(words))
	backing := make([]Place, 0, nPlaces) // one allocation for all candidate lists
	for k, wk := range order {
		x := &words[wk]
		keys[k] = x.text
		e := trieEntry{blocker: x.blocker, needBoundary: x.needBoundary, suffix: x.suffix}
		if len(x.places) > 0 {
			g.sortCandidates(x.places)
			start := len(backing)
			for _, i := range x.places {
				backing = append(backing, g.places[i])
			}
			e.cands = backing[start:len(backing):len(backing)]
		}
		g.entries[k] = e
	}
	for _, idx := range g.byName {
		g.sortCandidates(idx)
	}
	g.trie.build(keys)
	return g, nil
}

// sortCandidates orders places by level, then code: a province before the
// prefecture of the same name (吉林), a prefecture before a county (资阳市
// before 益阳's 资阳区).
func (g *Gazetteer) sortCandidates(idx []int32) {
	if len(idx) < 2 {
		return
	}
	slices.SortFunc(idx, func(a, b int32) int {
		pa, pb := &g.places[a], &g.places[b]
		if pa.Level != pb.Level {
			return int(pa.Level) - int(pb.Level)
		}
		return strings.Compare(pa.Code, pb.Code)
	})
}

// Len returns the number of places.
func (g *Gazetteer) Len() int { return len(g.places) }

// Places returns all places, ordered by code. The slice is a copy.
func (g *Gazetteer) Places() []Place { return append([]Place(nil), g.places...) }

// Lookup returns every place whose full name or short form is name, full
// names first; nil if none. Unlike Find it also accepts short forms that
// are ordinary words (朝阳, 城区), since a caller asking for one name means
// a place.
func (g *Gazetteer) Lookup(name string) []Place {
	name = strings.TrimSpace(name)
	idx := g.byName[name]
	if len(idx) == 0 {
		return nil
	}
	out := make([]Place, 0, len(idx))
	for _, i := range idx {
		if g.places[i].Name == name {
			out = append(out, g.places[i])
		}
	}
	for _, i := range idx {
		if g.places[i].Name != name {
			out = append(out, g.places[i])
		}
	}
	return out
}

// ByCode returns the place with the given division code.
func (g *Gazetteer) ByCode(code string) (Place, bool) {
	i, ok := g.byCode[code]
	if !ok {
		return Place{}, false
	}
	return g.places[i], true
}

// IsMunicipality reports whether p is one of the province-level cities
// 北京, 天津, 上海, 重庆.
func IsMunicipality(p Place) bool {
	return p.Level == LevelProvince && isMunicipalityCode(p.Code)
}

// Prefecture returns the prefecture-level unit p belongs to: the unit that
// a report's 我市/全市 refers to. A prefecture returns itself. A district
// of a municipality returns the municipality (北京市), which also stands
// for itself; a county governed directly by its province (济源市, 仙桃市)
// has no prefecture and returns itself. Other provinces, and unknown
// places, return the zero Place.
func (g *Gazetteer) Prefecture(p Place) Place {
	switch p.Level {
	case LevelPrefecture:
		return p
	case LevelProvince:
		if IsMunicipality(p) {
			return p
		}
		return Place{}
	case LevelCounty:
		if p.CityCode != "" {
			c, _ := g.ByCode(p.CityCode)
			return c
		}
		if prov, ok := g.ByCode(p.ProvinceCode); ok && IsMunicipality(prov) {
			return prov
		}
		return p
	}
	return Place{}
}

// Province returns the province of p (a province returns itself).
func (g *Gazetteer) Province(p Place) Place {
	prov, _ := g.ByCode(p.ProvinceCode)
	return prov
}

// Find scans text (simplified script) for place names and returns them in
// order, non-overlapping; at each position the longest name wins
// (四川省 over 四川). Ordinary words that contain a name are skipped
// (高新技术 is not 高新区, 示范县 is not 范县), and full names whose stem is
// one rune (范县, 和县) count only after a word boundary. It runs in one
// pass over the text and allocates only the result slice, since it is run
// over every paragraph of every report.
func (g *Gazetteer) Find(text string) []PlaceMention {
	var out []PlaceMention
	t := &g.trie
	prev := rune(-1) // rune before i; -1 at the start
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			prev = rune(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		node := t.rootChild(r)
		if node <= 0 || r == '月' && endsMonthCount(prev) {
			// The 月 of 前5个月 or 1-7月 begins no place: 前5个月湖南… is
			// not 月湖区.
			prev = r
			i += size
			continue
		}
		// Walk the trie, remembering every word that ends on the way, so
		// that a longer word rejected by its context (泰安市场) can fall
		// back to a shorter one (泰安).
		var ends [8]struct {
			entry int32
			end   int
		}
		n := 0
		if e := t.entry[node]; e >= 0 {
			ends[0].entry, ends[0].end, n = e, i+size, 1
		}
		for j := i + size; j < len(text) && n < len(ends); {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			node = t.child(node, r2)
			if node <= 0 {
				break
			}
			j += s2
			if e := t.entry[node]; e >= 0 {
				ends[n].entry, ends[n].end = e, j
				n++
			}
		}
		matched := false
		for k := n - 1; k >= 0; k-- {
			e, end := &g.entries[ends[k].entry], ends[k].end
			if !e.blocker {
				if e.needBoundary && !stemBoundaryBefore(prev) {
					continue
				}
				if e.suffix != 0 && suffixJoinsAfter(e.suffix, text[end:]) {
					continue
				}
				out = append(out, PlaceMention{Start: i, End: end, Text: text[i:end], Candidates: e.cands})
			}
			prev, _ = utf8.DecodeLastRuneInString(text[i:end])
			i, matched = end, true
			break
		}
		if matched {
			continue
		}
		prev = r
		i += size
	}
	return out
}

// FindIn returns what Find(text[a:b]) returns, given found = Find(text):
// a paragraph's mentions serve each of its sentences without a second
// scan. They are the mentions of found inside [a, b) when neither cut can
// change what Find sees (cutIsFree); otherwise text[a:b] is scanned.
func (g *Gazetteer) FindIn(text string, found []PlaceMention, a, b int) []PlaceMention {
	if !cutIsFree(text, a, true) || !cutIsFree(text, b, false) {
		return g.Find(text[a:b])
	}
	var out []PlaceMention
	for _, m := range found {
		if m.Start >= a && m.End <= b {
			m.Start -= a
			m.End -= a
			out = append(out, m)
		}
	}
	return out
}

// cutIsFree reports whether cutting text at i changes nothing Find finds
// on the side kept (after i for a start, before it for an end). A place
// name is all Han, so no name crosses a cut next to a rune that is not
// (freeCut), no name ends at such a rune (so nothing after the cut is read
// as a suffix joining a word), and after such a rune, as at the start of a
// text, any name may begin (stemBoundaryBefore). The one exception is 月,
// which begins no name after a count (endsMonthCount): at a start cut
// whose rune before is free but ends a count, the state Find carries
// across differs, unless the rune after the cut is free too and so resets
// it.
func cutIsFree(text string, i int, start bool) bool {
	if i <= 0 || i >= len(text) {
		return true
	}
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	at, _ := utf8.DecodeRuneInString(text[i:])
	if freeCut(at) {
		return true
	}
	return freeCut(before) && !(start && endsMonthCount(before))
}

// freeCut reports a rune no place name holds: one next to which a text
// may be cut without changing the names Find finds across the cut.
func freeCut(r rune) bool {
	return !unicode.Is(unicode.Han, r) && (r < trieRootBase || r >= trieRootEnd)
}

// stemBoundaryBefore reports whether a 1-rune-stem name (范县) may start
// after rune prev: at the start, after punctuation or a non-Han rune, or
// after a Han rune that ends a phrase before a place name (在, 赴, 市 in
// 濮阳市范县).
func stemBoundaryBefore(prev rune) bool {
	if prev < 0 || !unicode.Is(unicode.Han, prev) {
		return true
	}
	return strings.ContainsRune("在到赴至从往去来与和及或同跟是为对向经由于於自如含省市州盟旗区县的了原", prev)
}

// suffixJoinsAfter reports whether the rest of the text continues a
// name's final 县/市/区 into an ordinary word: 县域, 县级, 县城, 市场, 市民,
// 区域.
func suffixJoinsAfter(suffix rune, rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	switch suffix {
	case '县':
		return r == '域' || r == '级' || r == '城'
	case '市':
		return r == '场' || r == '民' || r == '域' || r == '级'
	case '区':
		return r == '域' || r == '级'
	case '省':
		return r == '级' || r == '内' || r == '外' // 湖南省级园区 is 湖南's 省级园区
	}
	return false
}

// trie is a rune trie flattened into arrays: node 0 is the root, whose
// children are found by direct indexing over the CJK Unified Ideographs
// block (every division name is written in it); other nodes keep their
// edges sorted by rune for binary search.
type trie struct {
	root  []int32    // rune-rootBase → child of the root; 0 = none
	first []int32    // node n's edges are edges[first[n]:first[n+1]]
	edges []trieEdge // sorted by rune within a node
	entry []int32    // node → index into Gazetteer.entries, -1 if none
}

type trieEdge struct {
	r    rune
	node int32
}

const (
	trieRootBase = 0x4E00
	trieRootEnd  = 0xA000
)

func (t *trie) rootChild(r rune) int32 {
	if r < trieRootBase || r >= trieRootEnd || t.root == nil {
		return 0
	}
	return t.root[r-trieRootBase]
}

func (t *trie) child(n int32, r rune) int32 {
	lo, hi := t.first[n], t.first[n+1]
	for lo < hi {
		m := int32(uint32(lo+hi) >> 1)
		switch e := t.edges[m]; {
		case e.r == r:
			return e.node
		case e.r < r:
			lo = m + 1
		default:
			hi = m
		}
	}
	return 0
}

// build fills the trie from sorted keys; key k's node gets entry k. Keys
// with a rune outside the root block are left out (none are, for the
// division table). Because keys are sorted, a node's children arrive in
// rune order and the matching child, if any, is always the last one added.
func (t *trie) build(keys []string) {
	t.root = make([]int32, trieRootEnd-trieRootBase)
	// Nodes are numbered as they are made. Each node's edges are made in
	// rune order (the keys are sorted), so the one to follow for a rune,
	// if any, is the last made: only that is kept per node while building.
	// The edges are collected in one list and grouped by node at the end,
	// rather than kept in a slice per node.
	runes := 0
	for _, key := range keys {
		runes += len(key) // bytes: at least the runes
	}
	entry := make([]int32, 1, runes+1)
	entry[0] = -1
	lastEdge := make([]int32, 1, runes+1) // per node: index in made of its last edge, -1 if none
	lastEdge[0] = -1
	type madeEdge struct {
		from int32
		edge trieEdge
	}
	made := make([]madeEdge, 0, runes)
	for k, key := range keys {
		r0, _ := utf8.DecodeRuneInString(key)
		if r0 < trieRootBase || r0 >= trieRootEnd {
			continue
		}
		n := int32(0)
		for _, r := range key {
			var next int32
			if n == 0 {
				next = t.root[r-trieRootBase]
			} else if e := lastEdge[n]; e >= 0 && made[e].edge.r == r {
				next = made[e].edge.node
			}
			if next == 0 {
				next = int32(len(entry))
				entry = append(entry, -1)
				lastEdge = append(lastEdge, -1)
				if n == 0 {
					t.root[r-trieRootBase] = next
				} else {
					lastEdge[n] = int32(len(made))
					made = append(made, madeEdge{n, trieEdge{r, next}})
				}
			}
			n = next
		}
		entry[n] = int32(k)
	}
	nodes := len(entry)
	t.first = make([]int32, nodes+1)
	for _, m := range made {
		t.first[m.from+1]++
	}
	for n := 1; n <= nodes; n++ {
		t.first[n] += t.first[n-1]
	}
	t.edges = make([]trieEdge, len(made))
	fill := append([]int32(nil), t.first[:nodes]...)
	for _, m := range made {
		t.edges[fill[m.from]] = m.edge
		fill[m.from]++
	}
	t.entry = entry
}

// Short forms.

// shortSuffixes are the administrative suffixes stripped to get the name
// used in speech, longest first, per level. A suffix is used only if it
// leaves at least 2 runes (清新区 is 清新, not 清).
var shortSuffixes = [...][]string{
	LevelProvince:   {"维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市"},
	LevelPrefecture: {"自治州", "地区", "盟", "市", "县"}, // 县: Taiwan's counties (南投县)
	LevelCounty:     {"自治县", "自治旗", "新区", "矿区", "特区", "区", "县", "市", "旗"},
}

// shortOverrides are short forms the suffix rules get wrong; "" means no
// short form.
var shortOverrides = map[string]string{
	"神农架林区": "神农架", // 林区 is the suffix here, but not in 万柏林区
	// These would take the name of a province, which is what the word
	// means in nearly every report; the 州/县 alias still names them.
	"河南蒙古族自治县": "",
	"海南藏族自治州":  "",
	"河北区":      "",
	"海南区":      "",
}

// ethnicNames are the ethnic groups that appear in the names of autonomous
// prefectures and counties (凉山彝族自治州), longest first so that 哈萨克
// is stripped whole; 各 is for 各族 (龙胜各族自治县).
var ethnicNames = func() []string {
	names := strings.Fields(`柯尔克孜 乌孜别克 维吾尔 哈萨克 鄂温克 鄂伦春 达斡尔 塔吉克 塔塔尔 俄罗斯
		蒙古 土家 布依 朝鲜 哈尼 傈僳 拉祜 东乡 纳西 景颇 仫佬 布朗 撒拉 毛南 仡佬 锡伯 阿昌
		普米 德昂 保安 裕固 独龙 赫哲 门巴 珞巴 基诺 高山
		各 回 藏 苗 彝 壮 满 侗 瑶 白 傣 黎 佤 畲 水 羌 怒 京 土 汉`)
	sort.SliceStable(names, func(i, j int) bool {
		return utf8.RuneCountInString(names[i]) > utf8.RuneCountInString(names[j])
	})
	return names
}()

// shortForm returns the short form of a division name ("" if it has
// none) and, for autonomous units, the alias reports use instead of the
// long official name: 凉山州 for 凉山彝族自治州, 北川县 for 北川羌族自治县.
// Functional zones (开发区, 管理区; codes xxxx71-xxxx80) are known only by
// their full names, and a stem under 2 runes is no name (赵县).
func shortForm(name, code string, level Level) (short, alias string) {
	if level < LevelProvince || level > LevelCounty {
		return "", ""
	}
	if level == LevelCounty && len(code) == 6 && code[4:6] >= "71" && code[4:6] <= "80" {
		return "", ""
	}
	for _, suf := range shortSuffixes[level] {
		if !strings.HasSuffix(name, suf) {
			continue
		}
		stem := strings.TrimSuffix(name, suf)
		if strings.HasPrefix(suf, "自治") {
			stem = stripEthnic(stem)
			if level != LevelProvince && stem != strings.TrimSuffix(name, suf) {
				alias = stem + strings.TrimPrefix(suf, "自治")
			}
		}
		if utf8.RuneCountInString(stem) >= 2 {
			short = stem
			break
		}
	}
	if s, ok := shortOverrides[name]; ok {
		short = s
	}
	return short, alias
}

// stripEthnic removes trailing ethnic group names from the stem of an
// autonomous unit: 凉山彝族 → 凉山, 海西蒙古族藏族 → 海西, 伊犁哈萨克 → 伊犁,
// keeping at least 2 runes (鄂温克族 → 鄂温克). A 1-rune group name is
// stripped only before 族, so 三都水族 → 三都 but a stem ending in 水 stays.
func stripEthnic(s string) string {
	for {
		changed := false
		if t, ok := strings.CutSuffix(s, "族"); ok && utf8.RuneCountInString(t) >= 2 {
			s, changed = t, true
			for _, e := range ethnicNames {
				if u, ok := strings.CutSuffix(s, e); ok && utf8.RuneCountInString(u) >= 2 {
					s = u
					break
				}
			}
		} else {
			for _, e := range ethnicNames {
				if utf8.RuneCountInString(e) < 2 {
					break // sorted longest first
				}
				if u, ok := strings.CutSuffix(s, e); ok && utf8.RuneCountInString(u) >= 2 {
					s, changed = u, true
					break
				}
			}
		}
		if !changed {
			return s
		}
	}
}

// genericFull are full division names that are ordinary words in reports
// (城区人口, 园区东区, 老城区改造). Find skips them; Lookup still knows them.
var genericFull = setOf(`城区 郊区 矿区 东区 西区 新城区 老城区 城东区 城西区 城北区 城南区 城中区 港口区`)

// genericShort are short forms that are ordinary words or that sit across
// ordinary words in economic text (新兴产业, 重大安全, 高新技术, 朝阳产业).
// Places keep them as lookup aliases but get no Short, and Find does not
// report them; their full names (新兴县, 大安市) still match.
var genericShort = setOf(`
	市中 市南 市北 新市 城关 城中 城东 城西 城南 城北 新城 老城 东城 西城 南城 大城 山城 江城
	高新 新区 新华 新建 新兴 新会 新安 新和 新龙 新青 新星 和平 平安 安定 光明 东方 前进 向阳
	红旗 东风 长安 朝阳 大安 定安 建安 富民 清新 安宁 阿里 解放 共和 工农 乐业 大通 大化 同心
	合作 资源 比如 南部 通道 友好 振兴 复兴 安居 大方 大名 万年 二道 公安 运河 爱民 互助 清水
	宏伟 港口 长子 延长 富裕 光泽 前锋 会同 中方 南岸 路桥 大厂 方城 全州 小店 子长 大兴 灯塔
	上高 江岸 青山 定结 会理 路北 路南 太平 和政 来安 定日 大关 中原 资中 大新 成安 合水
	平原 高平 南湖 江南 兴国 南海 东海 江海 河东 河西 高明 江山 西山 江北 江口 海港 桥东 桥西
	上街 长寿 滨海 东至 南和 资兴 金安 金台 东湖 三江 天全 点军 中江 利通 源城 上城 色达 新平
	双城
`)

// findBlockers are ordinary words that contain or overlap a place name.
// Find consumes them and reports nothing, so a name inside them is not
// seen. Three kinds:
//
//   - idioms and names that contain a place (长治久安, 中山大学, 黄金水道);
//   - 县 names in phrases (示范县; 市和县 is "city and county", not 和县);
//   - common words whose last rune starts a place name, so that the place
//     name would straddle two words: 增长 before 长丰, 人民 before 民权
//     (人民权益), 平台 before 台安 (平台安全), 扩大 before 大同, 其中
//     before 中宁 (其中宁夏). Since only the blocker's own runes are
//     consumed, a place right after it is still found (其中|宁夏).
//
// A blocker that is itself a place name is ignored, and a longer place
// name starting at the same rune still wins (东西湖 over 东西).
var findBlockers = strings.Fields(`
	市和县 省和县 区和县 州和县 示范县
	长治久安 热火朝天 绿水青山 金山银山 一视同仁 同仁堂 孙中山 中山大学 中山路 中山装 中山公园
	多伦多 吉隆坡 恍然大悟 繁荣昌盛 兴修水利 修水利 天柱山 紫金山 紫金矿业 黄梅戏 世外桃源
	小金库 出海口 法兰西 湖光山色 高密度 西点军校 白玉兰 汉白玉 新民主主义 嘉陵江 金沙江
	河西走廊 天河机场 北京时间 黄金水道 三江源 大丰收 大理石 远大理想 高安全 高要求 建水厂
	推广安全 推广安装 面临安全 新乡村 新乡贤 复合肥 新增城 双城经济圈 扬中华 扬中国
	东南开 西南开 提高安 提高要 世界首 同心同德 稳如泰山 重于泰山 价值连城 大同小异 天长地久
	日久天长 无为而治 交口称赞 兵临城下 万全之策 千山万水 万水千山 生意兴隆 东躲西藏 逼上梁山

	其中 心中 之中 集中 当中 初中 高中 途中 空中 手中 眼中 年中
	决定 一定 规定 制定 稳定 确定 肯定 固定 认定 鉴定 指定 审定 核定 评定 拟定 坚定 奠定 锁定
	判定 界定 既定 特定 选定 约定 设定
	地方 双方 对方 各方 多方 官方 西方 南方 北方 甲方 乙方 四方 八方
	进行 举行 实行 执行 银行 运行 发行 推行 试行 先行 施行 履行 现行 通行 自行 可行 暂行 另行
	分行 支行
	知道 报道 街道 渠道 轨道 航道 管道 赛道 跑道 隧道 步道 干道 国道 省道 大道 频道 铁道
	以来 未来 年来 带来 原来 历来 外来 近来 将来
	人民 农民 居民 市民 公民 国民 村民 选民 平民 牧民 渔民 网民 股民 移民
	社会 大会 机会 协会 全会 商会 学会 例会 峰会 展会 年会
	世界 由于 对于 关于 位于 用于 属于 处于 等于 基于 便于 利于 高于 低于 大于 小于
	鉴于 源于 善于 勇于 敢于
	不同 共同 合同 相同 如同 协同 陪同 连同 赞同 认同 等同
	部分 十分 充分 划分 成分 百分 积分 区分 评分 得分 处分
	管理 处理 治理 清理 办理 代理 审理 受理 整理 梳理 经理 合理 助理 护理 修理 物理
	组织 纺织 编织 交织 针织
	政治 统治 自治 法治 防治 整治 救治 综治 共治
	建立 成立 独立 设立 确立 树立 创立 订立
	参加 增加 更加 附加 追加 叠加 添加
	面积 累积 堆积 体积 容积
	行政 财政 市政 邮政 家政 新政 施政 执政 参政 议政 民政 党政 路政
	基本 资本 根本 成本 版本 样本 文本 剧本 课本 日本 原本 标本 脚本 范本 股本 蓝本
	增长 市长 县长 区长 省长 州长 镇长 乡长 村长 局长 处长 科长 部长 院长 校长 所长 厂长 站长
	行长 会长 社长 队长 组长 班长 团长 链长 河长 林长 湖长 路长 田长 家长 成长 生长 漫长 擅长
	特长 专长 助长 拉长 见长 全长 首长 董事长 理事长 秘书长
	提高 最高 升高 增高 拔高 调高 抬高 偏高 较高 更高 崇高 走高 新高 过高 攀高 冲高 极高 很高
	今天 一天 每天 昨天 明天 当天 全天 几天 天天 白天 夏天 春天 秋天 冬天 半天 航天 蓝天 露天
	聊天
	亿元 万元 美元 千元 百元 欧元 单元 多元 公元
	任务 服务 业务 事务 职务 常务 财务 政务 商务 税务 债务 公务 劳务 义务 实务
	形成 完成 建成 组成 构成 造成 变成 达成 促成 生成 合成 落成 养成 赞成 竣成
	集团 社团 代表团 考察团 兵团
	信息 消息 利息 贴息 付息 股息 本息
	范围 周围 包围 氛围 外围 入围 突围
	丰富 财富 致富 首富 共富
	价格 严格 风格 资格 合格 规格 表格 网格
	左右 批准 标准 精准 基准 核准 瞄准 对准
	交通 普通 流通 沟通 畅通 开通 贯通 互通 联通 打通 连通 疏通 融通 直通
	明白 空白 蛋白 黑白 坦白
	实施 措施 设施
	方法 办法 无法 宪法 做法 说法 合法 立法 执法 司法 违法 依法 守法 普法 想法 看法 非法 算法
	改革 变革 皮革 政策 决策 对策 献策 施策 良策 国策
	获得 取得 赢得 值得 使得 显得 变得 难得 所得 心得 不得 觉得 记得 懂得
	旅游 上游 下游 中游 出游 周游
	完全 安全 健全 齐全 保全 周全 双全
	内容 包容 市容 扩容 兼容 宽容 从容 美容 阵容
	学习 实习 练习 演习 见习 研习
	先进 促进 推进 改进 引进 增进 跟进 迈进 奋进 并进 演进 精进
	贸易 容易 交易 简易 轻易 不易
	扩大 最大 很大 巨大 较大 重大 伟大 强大 广大 极大 盛大 远大 庞大 壮大 加大 增大 放大 更大
	两大 三大 四大 五大 十大 二十大
	联合 结合 综合 符合 配合 适合 整合 融合 组合 混合 聚合 集合 汇合 契合 耦合 磨合 撮合 场合
	清楚 介绍
	说明 文明 证明 表明 声明 发明 透明 鲜明 分明 阐明 标明 注明 载明 指明 查明 申明 开明 清明
	利益 日益 效益 收益 权益 公益 受益 增益 精益
	重新 创新 更新 最新 刷新 革新 翻新 维新 崭新 焕新 出新 立新 求新 迎新 一新
	股东 健康 小康
	相当 应当 适当 正当 恰当 妥当 得当 充当 担当 稳当
	资金 基金 黄金 现金 奖金 租金 薪金 美金 押金 定金 本金 股金 税金 罚金 合金 冶金 五金
	千金 重金 白金 铂金 金融 交融 通融 消融 圆融
	毫米 千米 厘米 纳米 微米 平方米 立方米 玉米 大米 稻米 小米
	大陆 内陆 着陆 登陆
	担任 主任 责任 信任 上任 前任 现任 新任 兼任 历任 继任 离任 就任 出任 连任 留任 胜任 重任
	聘任
	封建 重建 修建 兴建 组建 创建 扩建 改建 续建 援建 筹建 共建 搭建 构建 自建 代建 承建
	营建 土建 基建 党建 团建 城建
	意义 主义 起义 正义 定义 名义 含义 要义
	胜利 权利 顺利 有利 便利 福利 盈利 获利 营利 红利 专利 水利 不利 失利 让利 互利 毛利 净利
	赢利
	发射 辐射 注射 投射 照射 放射 反射 折射 喷射
	距离 隔离 分离 脱离 剥离 偏离 撤离 远离
	互相 真相 首相 丞相 宰相 外相 照相 长相 变相 竞相 亮相
	对象 现象 形象 印象 气象 迹象 景象 想象 抽象 表象 乱象
	利润 其余 业余 多余 剩余 结余 盈余 富余 节余 之余 千克 攻克 坦克
	来源 能源 水源 电源 财源 货源 税源 根源 起源 渊源 发源 客源 生源 开源 策源
	充满 圆满 美满 饱满 不满 布满 装满 挤满 填满 期满 届满
	首都 古都 国都 公共 中共 总共 一共
	考察 观察 警察 检察 侦察 督察 巡察 视察 监察 洞察 勘察 觉察
	面临 来临 光临 降临 莅临 濒临 亲临
	桃花 棉花 鲜花 开花 烟花 樱花 浪花 火花 雪花 荷花 菊花 梅花 兰花 梨花 葵花 礼花 天花
	平衡 均衡 抗衡 权衡 制衡 失衡 时尚 高尚 崇尚 风尚
	传播 直播 广播 转播 联播 散播 首播 点播 重播 录播 春播
	平台 舞台 出台 后台 前台 站台 阳台 电台 柜台 讲台 擂台 看台 月台 展台 窗台 登台 上台 下台
	搭台 同台
	沿海 近海 出海 航海 大海 深海 渤海 黄海 内海 外海 公海 领海 人海 林海 花海 云海 脑海 四海
	幸福 祝福 造福 谋福 享福
	道德 品德 美德 公德 师德 医德
	地图 版图 蓝图 意图 企图 试图 宏图 构图 插图 绘图 制图
	命运 航运 海运 陆运 空运 水运 货运 客运 联运 转运 营运 托运 承运 奥运 亚运 全运 春运 幸运
	秘密 紧密 精密 严密 周密 细密 稠密 亲密 保密 机密 加密 茂密
	人马 罗马 兵马 上马 下马 落马 出马 立马 黑马 斑马 木马
	背景 风景 前景 情景 场景 美景 全景 远景 夜景 实景 光景 图景 愿景 盛景 胜景
`)

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// endsMonthCount reports a rune that ends the number of a month count or
// a month (5个, 1-7, 十二).
func endsMonthCount(prev rune) bool {
	return prev >= '0' && prev <= '9' || prev == '个' || strings.ContainsRune("一二三四五六七八九十两", prev)
}
