package geo

import (
	"math/rand/v2"
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
