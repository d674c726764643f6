package geo

import (
	"math"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// RegionEvidence is everything known about a report that may name its
// region, strongest first. All text is normalized (simplified script).
type RegionEvidence struct {
	Sidecar  string   // region named in a sidecar .meta file, if any
	FileName string   // base name of the file, e.g. "泰安_2023-07_工业推进.txt"
	Title    string   // normalized title
	Source   string   // normalized source line or newspaper, e.g. "泰安日报社"
	Body     []string // normalized paragraphs
	// BodyPlaces, if not nil, holds Find(Body[i]) for each paragraph, as
	// found by the same gazetteer: a caller that needs them too finds
	// them once.
	BodyPlaces [][]PlaceMention
}

// Via values of Region.
const (
	ViaSidecar  = "sidecar"
	ViaFileName = "filename"
	ViaTitle    = "title"
	ViaSource   = "source"
	ViaBody     = "body"
)

// Confidence of each kind of evidence when it names one place without
// doubt. Body inference never reaches these: it is a vote.
const (
	confSidecar  = 1.0
	confFileName = 0.95
	confTitle    = 0.9
	confSource   = 0.85
	confBodyMax  = 0.8
)

// Weights of a mention by its context. A report names its own place in
// its newspaper (泰安日报社) and its government (资阳市委); it names other
// places as destinations (赴北京、上海等地), partners (兰州大学团队) and
// companies (深圳优艾智合).
const (
	wMedia       = 3.0 // 泰安日报, 中华泰山网, 嘉峪关融媒体
	wGovernment  = 2.0 // 资阳市委, 我市仪陇县
	wDestination = 0.3 // 赴北京, 北京、上海等地
	wInstitution = 0.3 // 兰州大学, 北京协和医院
	wCompany     = 0.6 // 金川集团, 河南数链科技
	// wMunicipality scales 北京/天津/上海/重庆 (and their districts) in a
	// report that speaks of its province (全省, 省委): it cannot be about
	// a municipality, so those are places it deals with.
	wMunicipality = 0.3
	// minLevelWeight: a file name, title or source whose every mention is
	// weaker than this (赴深圳考察) does not name the report's region.
	minLevelWeight = 0.5
)

// ResolveRegion decides which place a report is about. Evidence is taken
// in order: a sidecar file (confidence 1), the file name, the title, the
// source line, and finally a vote over the body. A county or district
// names its prefecture (仪陇 → 南充市), so the Region is prefecture-level
// where possible: the unit that the report's 我市/全市 means. A name that
// fits several places (金川: 金川区 in 甘肃 or 金川县 in 四川) is settled by
// the other places and provinces the evidence mentions. The zero Region
// (confidence 0) means nothing named a place.
func (g *Gazetteer) ResolveRegion(ev RegionEvidence) Region {
	r := newResolver(g, ev)
	if reg, ok := r.sidecar(ev.Sidecar); ok {
		return reg
	}
	var province Region // a province named before any prefecture
	for _, lv := range []struct {
		via  string
		conf float64
	}{{ViaFileName, confFileName}, {ViaTitle, confTitle}, {ViaSource, confSource}} {
		reg, ok := r.decideLevel(lv.via, lv.conf)
		if !ok {
			continue
		}
		if reg.Code != "" && len(reg.Code) == 2 && !isMunicipalityCode(reg.Code) {
			if province.Code == "" {
				province = reg
			}
			continue
		}
		if province.Code != "" && r.speaksOfProvince(province.Code) {
			// 贵州_…: a city named later (a channel, a headline) does not
			// make the province's report the city's.
			return province
		}
		return reg
	}
	if province.Code != "" && r.speaksOfProvince(province.Code) {
		// 宁夏_2024-07_工业.txt: the body names its cities, but its
		// subject is the region itself.
		return province
	}
	reg, ok := r.decideBody(province)
	if ok {
		return reg
	}
	if province.Code != "" {
		return province
	}
	return Region{}
}

// resolver holds the mentions of one report and the province support
// derived from all of them.
type resolver struct {
	g *Gazetteer
	// levels maps a Via value to its weighed mentions.
	levels map[string][]mention
	// provSup is how strongly the evidence points at each province: named
	// provinces count fully, other places half, for their province.
	provSup map[string]float64
	// provSubject and citySubject count the sentences whose subject is
	// the province (全省规上工业增加值…, 全区 in an autonomous region) or
	// the city (全市…); a report is the province's when it speaks of the
	// province more than of any city.
	provSubject, citySubject, regionSubject int
	// provScope is true when the report speaks of its province (全省,
	// 省委): it is not about a municipality.
	provScope bool
}

// mention is a place name found in the evidence, weighed by its context.
type mention struct {
	text   string
	cands  []Place
	weight float64
}

func newResolver(g *Gazetteer, ev RegionEvidence) *resolver {
	r := &resolver{g: g, levels: map[string][]mention{}, provSup: map[string]float64{}}
	texts := append([]string{ev.Title}, ev.Body...)
	for _, t := range texts {
		if mentionsOwnProvince(t) {
			r.provScope = true
			break
		}
	}
	for _, t := range texts {
		prov, city, region := countSelfSubjects(t)
		r.provSubject += prov
		r.citySubject += city
		r.regionSubject += region
	}
	name := filepath.Base(strings.ReplaceAll(ev.FileName, `\`, "/"))
	if ev.FileName == "" {
		name = ""
	}
	name = strings.TrimSuffix(name, filepath.Ext(name))
	r.levels[ViaFileName] = r.weigh(name, 1)
	r.levels[ViaTitle] = r.weigh(ev.Title, 1)
	r.levels[ViaSource] = r.weigh(ev.Source, 1)
	var body []mention
	for i, p := range ev.Body {
		// The opening paragraphs say whose report it is (我市 ... 泰安);
		// later ones list partners and destinations.
		pos := 1.0
		switch {
		case i < 2:
			pos = 1.5
		case i < 4:
			pos = 1.2
		}
		if len(ev.BodyPlaces) == len(ev.Body) {
			body = append(body, r.weighFound(p, ev.BodyPlaces[i], pos)...)
		} else {
			body = append(body, r.weigh(p, pos)...)
		}
	}
	r.levels[ViaBody] = body

	// Province support. File name, title and source speak for the whole
	// report and count double. (Fixed order: sums must not depend on map
	// iteration, or exact ties would break differently from run to run.)
	for _, via := range []string{ViaFileName, ViaTitle, ViaSource, ViaBody} {
		k := 1.0
		if via != ViaBody {
			k = 2
		}
		for _, m := range r.levels[via] {
			prov, ok := sameProvince(m.cands)
			if !ok {
				continue // ambiguous across provinces: settled later
			}
			w := m.weight * k
			if !hasProvinceCandidate(m.cands) {
				w *= 0.5
			}
			r.provSup[prov] += w
		}
	}
	return r
}

// weigh finds the place names in text and weighs each by its context.
func (r *resolver) weigh(text string, pos float64) []mention {
	if text == "" {
		return nil
	}
	return r.weighFound(text, r.g.Find(text), pos)
}

// weighFound weighs the place names found = Find(text) by their context.
func (r *resolver) weighFound(text string, found []PlaceMention, pos float64) []mention {
	if text == "" {
		return nil
	}
	out := make([]mention, 0, len(found))
	prevDest := false
	for i, m := range found {
		w := pos
		after := text[m.End:]
		before := text[:m.Start]
		dest := destinationBefore(before) || neighbourClause(text, m.Start, m.End) ||
			(prevDest && i > 0 && strings.TrimSpace(text[found[i-1].End:m.Start]) == "、") ||
			listEndsInElsewhere(after)
		prevDest = dest
		switch {
		case afterBrand(before):
			w *= wDestination
		case isMedia(m.Text, after):
			w *= wMedia
		case isGovernment(m.Text, before, after):
			w *= wGovernment
		case dest:
			w *= wDestination
		default:
			switch followingOrg(after) {
			case orgInstitution:
				w *= wInstitution
			case orgCompany:
				w *= wCompany
			}
		}
		if r.provScope && allMunicipal(m.Candidates) {
			w *= wMunicipality
		}
		out = append(out, mention{text: m.Text, cands: m.Candidates, weight: w})
	}
	return out
}

// sidecar resolves a region stated by a sidecar file: a division code or a
// name, possibly with its province (山东省泰安市). A placeholder (xx市) is
// no statement. A name ending like a division that the gazetteer does not
// know (a district created after the data) is still taken as stated.
func (r *resolver) sidecar(s string) (Region, bool) {
	s = strings.TrimSpace(s)
	if s == "" || isPlaceholder(s) {
		return Region{}, false
	}
	if p, ok := r.g.ByCode(s); ok {
		return r.region(p, ViaSidecar, s, confSidecar), true
	}
	var p Place
	if cands := r.g.Lookup(s); len(cands) > 0 {
		p = r.pick(cands)
	} else {
		// The most specific place named (山东省泰安市 → 泰安市), within
		// the provinces named beside it (甘肃金川 → 金川区).
		ms := r.g.Find(s)
		named := map[string]bool{}
		for _, m := range ms {
			if prov, ok := sameProvince(m.Candidates); ok && hasProvinceCandidate(m.Candidates) {
				named[prov] = true
			}
		}
		for _, m := range ms {
			cands := m.Candidates
			if len(named) > 0 {
				var in []Place
				for _, c := range cands {
					if named[c.ProvinceCode] {
						in = append(in, c)
					}
				}
				if len(in) > 0 {
					cands = in
				}
			}
			if c := r.pick(cands); p.IsZero() || c.Level >= p.Level {
				p = c
			}
		}
	}
	if p.IsZero() {
		if looksLikeDivision(s) {
			return Region{Name: s, Via: ViaSidecar, Evidence: s, Confidence: confSidecar}, true
		}
		return Region{}, false
	}
	return r.region(p, ViaSidecar, s, confSidecar), true
}

// pick chooses among the candidates of one name by province support,
// preferring higher levels (资阳 is 资阳市 rather than 益阳's 资阳区).
func (r *resolver) pick(cands []Place) Place {
	var best Place
	bestScore := -1.0
	for _, c := range cands {
		if s := r.candScore(c); s > bestScore {
			best, bestScore = c, s
		}
	}
	return best
}

// candScore is the prior of one reading of an ambiguous name: its level,
// the support of its province by the rest of the evidence, and the
// municipality rule.
func (r *resolver) candScore(c Place) float64 {
	s := 1.0
	if c.Level == LevelCounty {
		s = 0.5
	}
	s *= 0.2 + r.provSup[c.ProvinceCode]
	if r.provScope && isMunicipalityCode(c.ProvinceCode) {
		s *= wMunicipality
	}
	return s
}

// unitScore is the vote for one prefecture-level unit.
type unitScore struct {
	unit  Place
	names []nameWeight // in order of first mention
	// provOwn is what this unit's own mentions added to its province's
	// support, subtracted when the province vouches for it.
	provOwn float64
}

// score adds up the unit's names with diminishing returns per name: two
// different counties of a city (仪陇, 营山) say more than one name
// repeated (贡嘎, 贡嘎).
func (u *unitScore) score() float64 {
	s := 0.0
	for _, n := range u.names {
		w := n.weight
		if w > 1 {
			w = 1 + math.Log(w)
		}
		s += w
	}
	return s
}

// tally shares out the weight of each mention among its readings and sums
// it by prefecture-level unit; province readings go to provinces.
func (r *resolver) tally(ms []mention) (units map[string]*unitScore, provinces map[string]float64) {
	units = map[string]*unitScore{}
	provinces = map[string]float64{}
	for _, m := range ms {
		total := 0.0
		for _, c := range m.cands {
			total += r.candScore(c)
		}
		if total <= 0 {
			continue
		}
		_, oneProv := sameProvince(m.cands)
		for _, c := range m.cands {
			w := m.weight * r.candScore(c) / total
			unit := r.g.Prefecture(c)
			if unit.IsZero() {
				provinces[c.Code] += w
				continue
			}
			u := units[unit.Code]
			if u == nil {
				u = &unitScore{unit: unit}
				units[unit.Code] = u
			}
			u.add(m.text, w)
			if oneProv {
				u.provOwn += w * 0.5
			}
		}
	}
	return units, provinces
}

// ranked orders units by score, boosted by the support their province
// gets from the rest of the evidence (甘肃省 beside 金川).
func (r *resolver) ranked(units map[string]*unitScore) []rankedUnit {
	out := make([]rankedUnit, 0, len(units))
	for _, u := range units {
		sup := r.provSup[u.unit.ProvinceCode] - u.provOwn
		if sup < 0 {
			sup = 0
		}
		out = append(out, rankedUnit{u, u.score() * (1 + 0.5*math.Min(sup, 3))})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].score != out[j].score {
			return out[i].score > out[j].score
		}
		return out[i].u.unit.Code < out[j].u.unit.Code
	})
	return out
}

// nameWeight is the summed weight of one name's mentions.
type nameWeight struct {
	text   string
	weight float64
}

func (u *unitScore) add(text string, w float64) {
	for i := range u.names {
		if u.names[i].text == text {
			u.names[i].weight += w
			return
		}
	}
	u.names = append(u.names, nameWeight{text, w})
}

type rankedUnit struct {
	u     *unitScore
	score float64
}

// decideLevel resolves the region from the file name, title or source
// alone (ambiguous names settled by all the evidence). It returns a
// province-level Region if that level names only a province.
func (r *resolver) decideLevel(via string, conf float64) (Region, bool) {
	var ms []mention
	for _, m := range r.levels[via] {
		if m.weight >= minLevelWeight {
			ms = append(ms, m)
		}
	}
	if len(ms) == 0 {
		return Region{}, false
	}
	units, provinces := r.tally(ms)
	if rk := r.ranked(units); len(rk) > 0 {
		top := rk[0]
		share := top.score / sumScores(rk)
		// A tie on one level is broken by the body.
		if len(rk) > 1 && rk[1].score == top.score &&
			r.bodyFavourite(top.u.unit.Code, rk[1].u.unit.Code) == rk[1].u.unit.Code {
			top = rk[1]
		}
		return r.region(top.u.unit, via, evidenceNames(top.u), conf*(0.3+0.7*share)), true
	}
	best, bestW := "", 0.0
	for code, w := range provinces {
		if w > bestW || w == bestW && code < best {
			best, bestW = code, w
		}
	}
	if p, ok := r.g.ByCode(best); ok {
		return r.region(p, via, p.Name, conf*0.6), true
	}
	return Region{}, false
}

// bodyFavourite returns whichever of two unit codes the body votes for
// more, or "" if it does not distinguish them.
func (r *resolver) bodyFavourite(a, b string) string {
	units, _ := r.tally(r.levels[ViaBody])
	var sa, sb float64
	if u := units[a]; u != nil {
		sa = u.score()
	}
	if u := units[b]; u != nil {
		sb = u.score()
	}
	switch {
	case sa > sb:
		return a
	case sb > sa:
		return b
	}
	return ""
}

// decideBody votes over the body. If a province was already named by
// the file name, title or source, only units in it are considered.
func (r *resolver) decideBody(province Region) (Region, bool) {
	units, provinces := r.tally(r.levels[ViaBody])
	if province.Code != "" {
		for code, u := range units {
			if u.unit.ProvinceCode != province.Code {
				delete(units, code)
			}
		}
	}
	rk := r.ranked(units)
	if province.Code == "" && len(rk) > 0 {
		// No province named, but the body speaks of one as its subject
		// (全区规上工业增加值…, 呼和浩特市(23.1%)…): the report is the
		// province's, not its first-named city's.
		if p, ok := r.g.ByCode(rk[0].u.unit.ProvinceCode); ok && !isMunicipalityCode(p.Code) && r.speaksOfProvince(p.Code) && r.provSubject+r.regionSubject >= minProvinceSubjects {
			return r.region(p, ViaBody, p.Name, 0.4), true
		}
	}
	if len(rk) == 0 {
		if province.Code != "" {
			return Region{}, false
		}
		// Only provinces named: the report is at least inside the best
		// supported one, but that is weak.
		best, bestW := "", 0.0
		for code, w := range provinces {
			if w > bestW || w == bestW && code < best {
				best, bestW = code, w
			}
		}
		if p, ok := r.g.ByCode(best); ok {
			return r.region(p, ViaBody, p.Name, 0.2), true
		}
		return Region{}, false
	}
	s1, s2 := rk[0].score, 0.0
	if len(rk) > 1 {
		s2 = rk[1].score
	}
	margin := (s1 - s2) / s1
	strength := math.Min(1, 0.4+0.3*s1)
	conf := confBodyMax * (0.4 + 0.6*margin) * strength
	conf = math.Max(0.05, math.Min(confBodyMax, conf))
	return r.region(rk[0].u.unit, ViaBody, evidenceNames(rk[0].u), conf), true
}

func sumScores(rk []rankedUnit) float64 {
	s := 0.0
	for _, x := range rk {
		s += x.score
	}
	return s
}

// evidenceNames lists the names that voted for a unit, strongest first,
// as "仪陇, 营山 → 南充市".
func evidenceNames(u *unitScore) string {
	ns := append([]nameWeight(nil), u.names...)
	sort.SliceStable(ns, func(i, j int) bool { return ns[i].weight > ns[j].weight })
	names := make([]string, len(ns))
	for i, n := range ns {
		names[i] = n.text
	}
	if len(names) > 4 {
		names = names[:4]
	}
	s := strings.Join(names, ", ")
	if len(names) == 1 && names[0] == u.unit.Name {
		return s
	}
	return s + " → " + u.unit.Name
}

// region builds the Region for place p: its prefecture-level unit, or the
// province itself for a province.
func (r *resolver) region(p Place, via, evidence string, conf float64) Region {
	unit := r.g.Prefecture(p)
	if unit.IsZero() {
		unit = p // a province
	}
	if via == ViaSidecar && unit.Code != p.Code {
		evidence += " → " + unit.Name
	}
	return Region{
		Name:       unit.Name,
		Code:       unit.Code,
		Province:   r.g.Province(unit).Name,
		Via:        via,
		Evidence:   evidence,
		Confidence: math.Round(conf*100) / 100,
	}
}

// Context tests.

// mentionsOwnProvince reports whether text speaks of the province the
// report belongs to, which a municipality's report never does.
// Words that make a province, a city or an autonomous region the subject
// of a sentence (全省规上工业增加值增长…). 全区 is an autonomous region's
// own word only when the report is about one; elsewhere it is a district's.
var (
	provinceSelfWords = []string{"全省", "我省", "本省"}
	citySelfWords     = []string{"全市", "我市", "本市"}
	regionSelfWords   = []string{"全区", "我区", "全自治区"}
)

// scopeBefore are the runes before a self word that make it a comparison
// scope (居全省第2位, 高于全省), not a subject.
const scopeBefore = "居于占比较在列和与"

// countSelfSubjects counts the self words of text used as a subject: of
// provinceSelfWords, citySelfWords and regionSelfWords. Rather than search
// the text once a word, it searches once for each last rune the words end
// in (省, 市, 区) and tries the words ending there. No word occurs
// overlapping itself, so the occurrences are those a search for each word
// in turn would find.
func countSelfSubjects(text string) (prov, city, region int) {
	var n [3]int
	for _, g := range selfWordsByLast {
		for from := 0; ; {
			i := strings.Index(text[from:], g.last)
			if i < 0 {
				break
			}
			end := from + i + len(g.last)
			for _, w := range g.words {
				if start := end - len(w.text); start >= 0 && text[start:end] == w.text && isSubjectAt(text, start, end) {
					n[w.list]++
				}
			}
			from = end
		}
	}
	return n[0], n[1], n[2]
}

// selfWordsByLast groups the self words by their last rune, each word
// with the list it is of (0 province, 1 city, 2 region).
var selfWordsByLast = func() []selfWordGroup {
	var groups []selfWordGroup
	for list, words := range [][]string{provinceSelfWords, citySelfWords, regionSelfWords} {
		for _, w := range words {
			r, _ := utf8.DecodeLastRuneInString(w)
			last := string(r)
			k := slices.IndexFunc(groups, func(g selfWordGroup) bool { return g.last == last })
			if k < 0 {
				k = len(groups)
				groups = append(groups, selfWordGroup{last: last})
			}
			groups[k].words = append(groups[k].words, selfWord{w, list})
		}
	}
	return groups
}()

type selfWordGroup struct {
	last  string
	words []selfWord
}

type selfWord struct {
	text string
	list int
}

// isSubjectAt reports whether the self word text[i:end] is used as a
// subject, not as a scope (居全省第2位) or an attribute (全省的, 全省平均).
func isSubjectAt(text string, i, end int) bool {
	if prev, _ := utf8.DecodeLastRuneInString(text[:i]); prev != utf8.RuneError && strings.ContainsRune(scopeBefore, prev) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[end:])
	return next != '第' && next != '的' && next != '平'
}

// minProvinceSubjects is how many sentences must have the province as
// their subject before a report that names no province is taken as the
// province's.
const minProvinceSubjects = 3

// autonomousRegions are the provinces whose reports say 全区 of themselves.
var autonomousRegions = map[string]bool{"15": true, "45": true, "54": true, "64": true, "65": true}

// speaksOfProvince reports a body whose subject is the province more often
// than any city.
func (r *resolver) speaksOfProvince(code string) bool {
	prov := r.provSubject
	if autonomousRegions[code] {
		prov += r.regionSubject
	}
	return prov > 0 && prov > r.citySubject
}

func mentionsOwnProvince(text string) bool {
	// Every word holds 省 once: each 省 of the text is tried as the 省 of
	// each word, in one pass, rather than the text searched once a word.
	for from := 0; ; {
		i := strings.Index(text[from:], "省")
		if i < 0 {
			return false
		}
		i += from
		for _, w := range ownProvinceWords {
			if at := i - w.sheng; at >= 0 && strings.HasPrefix(text[at:], w.text) {
				return true
			}
		}
		from = i + len("省")
	}
}

// ownProvinceWords are the words of mentionsOwnProvince, each with the
// offset of its 省.
var ownProvinceWords = func() []provinceWord {
	var out []provinceWord
	for _, w := range []string{"全省", "省委", "省政府", "我省", "本省", "省级", "省内", "省重点"} {
		out = append(out, provinceWord{w, strings.Index(w, "省")})
	}
	return out
}()

type provinceWord struct {
	text  string
	sheng int // byte offset of 省 in text
}

// destinationBefore reports whether the text before a name makes it a
// place travelled to or come from (赴北京, 前往深圳, 来自上海).
// neighbourWords end a clause that names a report's neighbours: 东与绥化市
// (明水、青冈)接壤, 南与吉林省隔江相望.
var neighbourWords = []string{"接壤", "毗邻", "相邻", "相望", "交界", "接界", "相连", "为邻"}

// neighbourClause reports a place named in a clause about neighbours.
func neighbourClause(text string, start, end int) bool {
	from := strings.LastIndexAny(text[:start], ",;。:") + 1
	to := len(text)
	if i := strings.IndexAny(text[end:], ",;。"); i >= 0 {
		to = end + i
	}
	clause := text[from:to]
	for _, w := range neighbourWords {
		if strings.Contains(clause, w) {
			return true
		}
	}
	return false
}

// afterBrand reports a place name glued to a Latin brand (ZAKER贵阳, an
// app's local channel): it names the channel, not the report's place.
func afterBrand(before string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	return r < utf8.RuneSelf && unicode.IsLetter(r)
}

func destinationBefore(before string) bool {
	for _, w := range []string{"赴", "前往", "到", "往", "来自", "远赴", "飞赴", "奔赴"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// listEndsInElsewhere reports whether the clause after a name ends a list
// of other places (北京、上海、河南等地开展招商).
func listEndsInElsewhere(after string) bool {
	clause := after
	if i := strings.IndexAny(clause, "，。；！？,;!?\n"); i >= 0 {
		clause = clause[:i]
	}
	for _, w := range []string{"等地", "等省", "等城市", "等国", "等区域", "等市"} {
		if strings.Contains(clause, w) {
			return true
		}
	}
	return false
}

// isMedia reports whether a name is that of a local newspaper, station or
// site (泰安日报, 中华泰山网, 嘉峪关融媒体中心), the strongest sign in a
// body that the report is from there.
func isMedia(name, after string) bool {
	if !strings.HasSuffix(name, "市") && !strings.HasSuffix(name, "县") {
		after = strings.TrimPrefix(after, "市")
	}
	for _, w := range []string{"日报", "晚报", "新闻", "电视台", "广播电视", "融媒体"} {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	// A site: 中华泰山网, 泰山网讯; not 泰安网格化.
	if rest, ok := strings.CutPrefix(after, "网"); ok {
		r, _ := utf8.DecodeRuneInString(rest)
		return rest == "" || r == '讯' || r == '站' || !unicode.Is(unicode.Han, r)
	}
	return false
}

// isGovernment reports whether a name is that of the report's own
// government (资阳市委, 泰安市人民政府) or is placed under 我市 (我市仪陇县).
func isGovernment(name, before, after string) bool {
	if strings.HasSuffix(before, "我市") || strings.HasSuffix(before, "本市") {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(name)
	if last != '市' && last != '县' && last != '区' && last != '州' {
		// Short form: the unit's own suffix must follow (泰安市委).
		r, n := utf8.DecodeRuneInString(after)
		if r != '市' && r != '县' && r != '区' && r != '州' {
			return false
		}
		after = after[n:]
	}
	for _, w := range []string{"委", "政府", "人民政府", "人大", "政协"} {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	return false
}

type orgKind int

const (
	orgNone orgKind = iota
	orgInstitution
	orgCompany
)

// followingOrg looks a few runes past a name for the head of an
// organisation named after the place: a university or hospital
// elsewhere (兰州大学), or a company (金川集团, 河南数链科技).
func followingOrg(after string) orgKind {
	// Up to 8 Han runes, stopping at anything else.
	end, n := 0, 0
	for end < len(after) && n < 8 {
		r, size := utf8.DecodeRuneInString(after[end:])
		if !unicode.Is(unicode.Han, r) {
			break
		}
		end += size
		n++
	}
	head := after[:end]
	for _, w := range []string{"大学", "学院", "研究院", "研究所", "科学院", "医院"} {
		if strings.Contains(head, w) {
			return orgInstitution
		}
	}
	for _, w := range []string{"集团", "公司", "股份", "科技", "银行", "控股", "实业", "铝业", "钛业", "矿业", "钢铁", "机器人"} {
		if strings.Contains(head, w) {
			return orgCompany
		}
	}
	return orgNone
}

// isPlaceholder reports whether s stands in for a place name without
// naming one (xx市, XX县, ××区, 某市).
func isPlaceholder(s string) bool {
	return strings.ContainsAny(s, "xX×＊*?？某") && len([]rune(s)) <= 6
}

// looksLikeDivision reports whether s ends like the name of a division.
func looksLikeDivision(s string) bool {
	if utf8.RuneCountInString(s) < 2 {
		return false
	}
	for _, suf := range []string{"省", "市", "区", "县", "州", "盟", "旗", "地区"} {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// sameProvince returns the province shared by all candidates, if any.
func sameProvince(cands []Place) (string, bool) {
	if len(cands) == 0 {
		return "", false
	}
	p := cands[0].ProvinceCode
	for _, c := range cands[1:] {
		if c.ProvinceCode != p {
			return "", false
		}
	}
	return p, true
}

func hasProvinceCandidate(cands []Place) bool {
	for _, c := range cands {
		if c.Level == LevelProvince && !IsMunicipality(c) {
			return true
		}
	}
	return false
}

func allMunicipal(cands []Place) bool {
	if len(cands) == 0 {
		return false
	}
	for _, c := range cands {
		if !isMunicipalityCode(c.ProvinceCode) {
			return false
		}
	}
	return true
}

func isMunicipalityCode(code string) bool {
	switch code {
	case "11", "12", "31", "50", "81", "82": // and Hong Kong and Macau, which stand for themselves
		return true
	}
	return false
}
