package corpus

//go:generate go run ../internal/gengazetteer -in ../../shared/data/admin-divisions -out gazetteer_data.tsv

import (
	_ "embed"
	"fmt"
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
	// singleStem marks a 2-rune full name with a 1-rune stem (范县, 和县,
	// 高县). Such names straddle ordinary words all the time (示范县,
	// 提高县域), so Find accepts them only at a word boundary.
	singleStem bool
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
		places     []int32
		blocker    bool
		singleStem bool
	}
	words := make(map[string]*word, 7000)
	add := func(w string, i int32) {
		x := words[w]
		if x == nil {
			x = &word{}
			words[w] = x
		}
		x.places = append(x.places, i)
	}
	for i := range g.places {
		p := &g.places[i]
		idx := int32(i)
		g.byName[p.Name] = append(g.byName[p.Name], idx)
		short := shortForm(p.Name, p.Code, p.Level)
		if short != "" {
			g.byName[short] = append(g.byName[short], idx)
			if !genericShort[short] {
				p.Short = short
			}
		}
		if !genericFull[p.Name] {
			add(p.Name, idx)
		}
		if p.Short != "" {
			add(p.Short, idx)
		}
	}
	for w, x := range words {
		if utf8.RuneCountInString(w) == 2 {
			for _, i := range x.places {
				if g.places[i].Name == w {
					x.singleStem = true
				}
			}
		}
	}
	for _, b := range findBlockers {
		if words[b] == nil {
			words[b] = &word{blocker: true}
		}
	}

	keys := make([]string, 0, len(words))
	for w := range words {
		keys = append(keys, w)
	}
	sort.Strings(keys)
	g.entries = make([]trieEntry, len(keys))
	for k, w := range keys {
		x := words[w]
		e := trieEntry{blocker: x.blocker, singleStem: x.singleStem}
		if len(x.places) > 0 {
			g.sortCandidates(x.places)
			e.cands = make([]Place, len(x.places))
			for j, i := range x.places {
				e.cands[j] = g.places[i]
			}
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
	sort.Slice(idx, func(a, b int) bool {
		pa, pb := &g.places[idx[a]], &g.places[idx[b]]
		if pa.Level != pb.Level {
			return pa.Level < pb.Level
		}
		return pa.Code < pb.Code
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
	if p.Level != LevelProvince {
		return false
	}
	switch p.Code {
	case "11", "12", "31", "50":
		return true
	}
	return false
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
// one rune (范县, 和县) count only after a word boundary.
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
		if node <= 0 {
			prev = r
			i += size
			continue
		}
		best, bestEnd := int32(-1), 0
		if e := t.entry[node]; e >= 0 {
			best, bestEnd = e, i+size
		}
		for j := i + size; j < len(text); {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			node = t.child(node, r2)
			if node <= 0 {
				break
			}
			j += s2
			if e := t.entry[node]; e >= 0 {
				best, bestEnd = e, j
			}
		}
		if best >= 0 {
			e := &g.entries[best]
			accept := !e.blocker
			if accept && e.singleStem {
				accept = stemBoundaryBefore(prev) && !stemJoinsAfter(text[bestEnd:])
			}
			if e.blocker || accept {
				if accept {
					out = append(out, PlaceMention{Start: i, End: bestEnd, Text: text[i:bestEnd], Candidates: e.cands})
				}
				prev, _ = utf8.DecodeLastRuneInString(text[i:bestEnd])
				i = bestEnd
				continue
			}
		}
		prev = r
		i += size
	}
	return out
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

// stemJoinsAfter reports whether the rest of the text continues the 县 of
// a 1-rune-stem name into an ordinary word (新县城, X县域, X县级).
func stemJoinsAfter(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	return r == '域' || r == '级' || r == '城'
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
	if r < trieRootBase || r >= trieRootEnd {
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
	children := [][]trieEdge{nil} // node 0 = root
	entry := []int32{-1}
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
			} else if cs := children[n]; len(cs) > 0 && cs[len(cs)-1].r == r {
				next = cs[len(cs)-1].node
			}
			if next == 0 {
				next = int32(len(children))
				children = append(children, nil)
				entry = append(entry, -1)
				if n == 0 {
					t.root[r-trieRootBase] = next
				} else {
					children[n] = append(children[n], trieEdge{r, next})
				}
			}
			n = next
		}
		entry[n] = int32(k)
	}
	t.first = make([]int32, len(children)+1)
	total := 0
	for n, cs := range children {
		t.first[n] = int32(total)
		total += len(cs)
	}
	t.first[len(children)] = int32(total)
	t.edges = make([]trieEdge, 0, total)
	for _, cs := range children {
		t.edges = append(t.edges, cs...)
	}
	t.entry = entry
}

// Short forms.

// shortSuffixes are the administrative suffixes stripped to get the name
// used in speech, longest first, per level. A suffix is used only if it
// leaves at least 2 runes (清新区 is 清新, not 清).
var shortSuffixes = [...][]string{
	LevelProvince:   {"维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市"},
	LevelPrefecture: {"自治州", "地区", "盟", "市"},
	LevelCounty:     {"自治县", "自治旗", "新区", "矿区", "特区", "区", "县", "市", "旗"},
}

// shortOverrides are short forms the suffix rules get wrong.
var shortOverrides = map[string]string{
	"神农架林区": "神农架", // 林区 is the suffix here, but not in 万柏林区
}

// ethnicNames are the ethnic groups that appear in the names of autonomous
// prefectures and counties (凉山彝族自治州), longest first so that 哈萨克
// is stripped whole.
var ethnicNames = func() []string {
	names := strings.Fields(`柯尔克孜 乌孜别克 维吾尔 哈萨克 鄂温克 鄂伦春 达斡尔 塔吉克 塔塔尔 俄罗斯
		蒙古 土家 布依 朝鲜 哈尼 傈僳 拉祜 东乡 纳西 景颇 仫佬 布朗 撒拉 毛南 仡佬 锡伯 阿昌
		普米 德昂 保安 裕固 独龙 赫哲 门巴 珞巴 基诺 高山
		回 藏 苗 彝 壮 满 侗 瑶 白 傣 黎 佤 畲 水 羌 怒 京 土 汉`)
	sort.SliceStable(names, func(i, j int) bool {
		return utf8.RuneCountInString(names[i]) > utf8.RuneCountInString(names[j])
	})
	return names
}()

// shortForm returns the short form of a division name, or "" if it has
// none: functional zones (开发区, 管理区, codes xxxx71-xxxx80) are only
// known by their full names, and a stem under 2 runes is no name (赵县).
func shortForm(name, code string, level Level) string {
	if s, ok := shortOverrides[name]; ok {
		return s
	}
	if level == LevelCounty && len(code) == 6 && code[4:6] >= "71" && code[4:6] <= "80" {
		return ""
	}
	if level < LevelProvince || level > LevelCounty {
		return ""
	}
	for _, suf := range shortSuffixes[level] {
		if !strings.HasSuffix(name, suf) {
			continue
		}
		stem := strings.TrimSuffix(name, suf)
		if strings.HasPrefix(suf, "自治") {
			stem = stripEthnic(stem)
		}
		if utf8.RuneCountInString(stem) >= 2 {
			return stem
		}
	}
	return ""
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
var genericFull = setOf(`城区 郊区 矿区 东区 西区 新城区 老城区 城东区 城西区 城北区 城南区 城中区`)

// genericShort are short forms that are ordinary words or that sit across
// ordinary words in economic text (新兴产业, 重大安全, 高新技术, 朝阳产业).
// Places keep them as lookup aliases but get no Short, and Find does not
// report them; their full names (新兴县, 大安市) still match.
var genericShort = setOf(`
	市中 市南 市北 新市 城关 城中 城东 城西 城南 城北 新城 老城 高新 新区 新华 新建 新兴 新会 新安
	和平 平安 安定 光明 东方 前进 向阳 红旗 东风 长安 朝阳 大安 定安 建安 富民 清新 安宁 阿里
`)

// findBlockers are ordinary words that contain or overlap a place name;
// Find consumes them without reporting a place.
var findBlockers = strings.Fields(`
	示范县 市和县 省和县
`)

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
