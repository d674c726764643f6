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
