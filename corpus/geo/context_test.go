package geo

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// The plain forms of the one-pass context tests: each word searched for in
// turn. The one-pass forms must answer the same on any text.

func mentionsOwnProvincePlain(text string) bool {
	for _, w := range []string{"全省", "省委", "省政府", "我省", "本省", "省级", "省内", "省重点"} {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

func countSubjectsPlain(text string, words []string) int {
	n := 0
	for _, w := range words {
		for from := 0; ; {
			i := strings.Index(text[from:], w)
			if i < 0 {
				break
			}
			i += from
			from = i + len(w)
			if prev, _ := utf8.DecodeLastRuneInString(text[:i]); prev != utf8.RuneError && strings.ContainsRune(scopeBefore, prev) {
				continue
			}
			if next, _ := utf8.DecodeRuneInString(text[from:]); next == '第' || next == '的' || next == '平' {
				continue
			}
			n++
		}
	}
	return n
}

func TestOnePassContextTestsMatchPlainOnes(t *testing.T) {
	frags := []string{"省", "全", "我", "本", "委", "政府", "级", "内", "重点", "市", "区", "自治", "第", "的", "平",
		"居", "于", "占", "比", "在", "和", ",", "工业", "a", "\xe7", "\x9c"}
	for _, ws := range [][]string{provinceSelfWords, citySelfWords, regionSelfWords} {
		frags = append(frags, ws...)
	}
	r := rand.New(rand.NewPCG(5, 6))
	found := 0
	for range 50000 {
		var sb strings.Builder
		for range 1 + r.IntN(10) {
			sb.WriteString(frags[r.IntN(len(frags))])
		}
		s := sb.String()
		if got, want := mentionsOwnProvince(s), mentionsOwnProvincePlain(s); got != want {
			t.Fatalf("mentionsOwnProvince(%q) = %v, want %v", s, got, want)
		}
		prov, city, region := countSelfSubjects(s)
		if prov != countSubjectsPlain(s, provinceSelfWords) || city != countSubjectsPlain(s, citySelfWords) ||
			region != countSubjectsPlain(s, regionSelfWords) {
			t.Fatalf("countSelfSubjects(%q) = %d %d %d, want %d %d %d", s, prov, city, region,
				countSubjectsPlain(s, provinceSelfWords), countSubjectsPlain(s, citySelfWords), countSubjectsPlain(s, regionSelfWords))
		}
		found += prov + city + region
	}
	if found == 0 {
		t.Error("no subject generated: the test proves nothing")
	}
}

// FindIn must return what Find returns on the cut text, wherever the cuts
// fall: at sentence ends, inside names, after digits before 月.
func TestFindInMatchesFindOnTheCut(t *testing.T) {
	g := DefaultGazetteer()
	frags := []string{"泰安", "泰安市", "市场", "范县", "示范县", "河南", "县域", "仪陇县", "前5个月", "月湖区", "1-7月",
		"全省", "。", ",", ";", " ", "5", "个", "月", "湖", "区", "在", "和", "增长", "工业", "”", "a", "北京", "赴"}
	r := rand.New(rand.NewPCG(7, 8))
	fast := 0
	for range 20000 {
		var sb strings.Builder
		for range 1 + r.IntN(12) {
			sb.WriteString(frags[r.IntN(len(frags))])
		}
		s := sb.String()
		var bounds []int
		for i := range s {
			bounds = append(bounds, i)
		}
		bounds = append(bounds, len(s))
		a := bounds[r.IntN(len(bounds))]
		b := bounds[r.IntN(len(bounds))]
		if a > b {
			a, b = b, a
		}
		found := g.Find(s)
		got, want := g.FindIn(s, found, a, b), g.Find(s[a:b])
		if len(got) != len(want) {
			t.Fatalf("FindIn(%q, %d, %d) = %v, want %v", s, a, b, got, want)
		}
		for i := range got {
			if got[i].Start != want[i].Start || got[i].End != want[i].End || got[i].Text != want[i].Text ||
				len(got[i].Candidates) != len(want[i].Candidates) ||
				len(got[i].Candidates) > 0 && &got[i].Candidates[0] != &want[i].Candidates[0] {
				t.Fatalf("FindIn(%q, %d, %d) = %v, want %v", s, a, b, got, want)
			}
		}
		if cutIsFree(s, a, true) && cutIsFree(s, b, false) {
			fast++
		}
	}
	if fast < 1000 {
		t.Errorf("only %d cuts took the found mentions: the test proves little", fast)
	}
}

// buildPlain is trie.build with a slice of edges per node while building.
func (t *trie) buildPlain(keys []string) {
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

func TestTrieBuildMatchesPlainBuild(t *testing.T) {
	g := DefaultGazetteer()
	seen := map[string]bool{}
	var keys []string
	for _, p := range g.Places() {
		for _, k := range []string{p.Name, p.Short, "x" + p.Name} {
			if k != "" && !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	slices.Sort(keys)
	var a, b trie
	a.build(keys)
	b.buildPlain(keys)
	if !slices.Equal(a.root, b.root) || !slices.Equal(a.first, b.first) || !slices.Equal(a.edges, b.edges) || !slices.Equal(a.entry, b.entry) {
		t.Fatalf("trie built differs from the plain build: %d/%d nodes, %d/%d edges", len(a.entry), len(b.entry), len(a.edges), len(b.edges))
	}
}
