package figures

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/reportbot/reportbot/lexicon"
)

// The functions below are the plain forms of ones the extractor runs in a
// faster way: every word of a table tried in turn. The fast forms must
// answer the same on any text.

func cleanMetricPlain(m string) string {
	m = quoteRemover.Replace(m)
	m = dropBrackets(m)
	for _, p := range methodPhrases {
		m = strings.ReplaceAll(m, p, "")
	}
	m = strings.Trim(m, " 《》()")
	for changed := true; changed && m != ""; {
		changed = false
		for _, p := range metricPrefixes {
			if p == "共计" && strings.HasPrefix(m, "共计划") {
				continue
			}
			if strings.HasPrefix(m, p) && len(m) > len(p) {
				m = m[len(p):]
				changed = true
			} else if m == p {
				m = ""
				changed = true
			}
		}
		for _, sfx := range metricSuffixes {
			if strings.HasSuffix(m, sfx) {
				m = m[:len(m)-len(sfx)]
				changed = true
			}
		}
		for _, sc := range scopeWords {
			if strings.HasSuffix(m, sc) {
				m = m[:len(m)-len(sc)]
				changed = true
			}
		}
		m = strings.Trim(m, " “”\"'‘’")
	}
	for _, v := range midPredicates {
		m = strings.ReplaceAll(m, v, "")
	}
	return cleanMetricTail(m)
}

func modalityInPlain(prefix string) string {
	best, at, size := "", -1, 0
	for _, w := range lexicon.ReportModalities {
		if i := strings.LastIndex(prefix, w.Text); i > at || i == at && i >= 0 && len(w.Text) > size {
			best, at, size = string(w.Modality), i, len(w.Text)
		}
	}
	if i := strings.LastIndex(prefix, "争取"); i > at && !strings.HasPrefix(prefix[i+len("争取"):], "到") {
		best = "target"
	}
	return best
}

// tableFragments are the words of the tables the extractor strips and
// looks for, and pieces of the text around them.
func tableFragments() []string {
	f := []string{"全市", "规上", "工业", "增加值", "投资", "同比", "增长", "共计划", "到", "争取", "“", "”",
		"(", ")", "【", "】", " ", "\"", "《", "》", "‘", "’", "'", "计", "划", "目标", "预", "期", "将", "a", "1"}
	for _, list := range [][]string{metricPrefixes, metricSuffixes, scopeWords, methodPhrases, midPredicates} {
		f = append(f, list...)
	}
	for _, w := range lexicon.ReportModalities {
		f = append(f, w.Text)
	}
	for _, vo := range lexicon.VerbObjects {
		f = append(f, vo.Verb, vo.Head)
	}
	return f
}

func TestFastWordScansMatchPlainOnes(t *testing.T) {
	frags := tableFragments()
	r := rand.New(rand.NewPCG(3, 4))
	differ := 0
	for range 50000 {
		var sb strings.Builder
		for range 1 + r.IntN(8) {
			sb.WriteString(frags[r.IntN(len(frags))])
		}
		s := sb.String()
		if got, want := cleanMetric(s), cleanMetricPlain(s); got != want {
			t.Fatalf("cleanMetric(%q) = %q, want %q", s, got, want)
		}
		if got, want := modalityIn(s), modalityInPlain(s); got != want {
			t.Fatalf("modalityIn(%q) = %q, want %q", s, got, want)
		}
		if cleanMetric(s) != s {
			differ++
		}
	}
	if differ == 0 {
		t.Error("no text was cleaned: the test proves nothing")
	}
}

func TestScanRuneFlags(t *testing.T) {
	flags := scanRuneFlags()
	for r := rune(-1); r < 0x30000; r++ {
		if hasScanFlag(flags, r, flagPerLead) != perLead(r) || hasScanFlag(flags, r, flagCN) != numIsCN(r) {
			t.Fatalf("flags of %U differ from the tests", r)
		}
	}
}

func TestClauseEndAndFenbieMatchPlainOnes(t *testing.T) {
	clauseEndPlain := func(s string) int {
		for i, r := range s {
			if strings.ContainsRune(",;:。!?", r) {
				return i
			}
		}
		return len(s)
	}
	fenbiePlain := func(s string, from int) int {
		k := strings.Index(s[from:], "分别")
		if k2 := strings.Index(s[from:], "分列"); k2 >= 0 && (k < 0 || k2 < k) {
			k = k2
		}
		if k < 0 {
			return -1
		}
		return k + from
	}
	frags := []string{"分", "别", "列", "分别", "分列", ",", ";", ":", "!", "?", "。", "\xe3", "\xe3\x80", "\xe4", "增长", "a", "、"}
	r := rand.New(rand.NewPCG(11, 12))
	for range 50000 {
		var sb strings.Builder
		for range 1 + r.IntN(8) {
			sb.WriteString(frags[r.IntN(len(frags))])
		}
		s := sb.String()
		if got, want := clauseEnd(s), clauseEndPlain(s); got != want {
			t.Fatalf("clauseEnd(%q) = %d, want %d", s, got, want)
		}
		from := r.IntN(len(s) + 1)
		if got, want := indexFenbie(s, from), fenbiePlain(s, from); got != want {
			t.Fatalf("indexFenbie(%q, %d) = %d, want %d", s, from, got, want)
		}
	}
}
