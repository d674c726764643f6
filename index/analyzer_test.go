package index

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/mapping"
)

func analyzers(t testing.TB) (fast, ref analysis.Analyzer) {
	ref = mapping.NewIndexMapping().AnalyzerNamed(cjk.AnalyzerName)
	if ref == nil {
		t.Fatal("no cjk analyzer")
	}
	return &fastCJK{fallback: ref}, ref
}

// tokensOf renders what indexing keeps of a token stream: the terms in
// order (frequencies and the field length follow from them).
func tokensOf(ts analysis.TokenStream) string {
	var b strings.Builder
	for _, t := range ts {
		fmt.Fprintf(&b, "%s|", t.Term)
	}
	return b.String()
}

func checkSame(t testing.TB, fast, ref analysis.Analyzer, s string) {
	t.Helper()
	got, want := tokensOf(fast.Analyze([]byte(s))), tokensOf(ref.Analyze([]byte(s)))
	if got != want {
		t.Fatalf("analyze %q\nfast %s\n cjk %s", s, got, want)
	}
	// visitTerms gives the same terms, for input the fast path handles.
	if _, ok := handles([]byte(s)); ok {
		var b strings.Builder
		visitTerms([]byte(s), func(term []byte, start, end int, _ analysis.TokenType) {
			if string(term) != strings.ToLower(s[start:end]) {
				t.Fatalf("visitTerms %q: term %q at %d:%d", s, term, start, end)
			}
			fmt.Fprintf(&b, "%s|", term)
		})
		if b.String() != want {
			t.Fatalf("visitTerms %q\nvisit %s\n  cjk %s", s, b.String(), want)
		}
	}
}

// alphabet mixes everything the fast path handles with a few runes it
// must hand to the cjk analyzer.
var alphabet = []string{
	"全", "市", "工", "业", "投", "资", "增", "长", "亿", "元", "〇", "a", "Z", "x", "G", "D", "P",
	"0", "1", "5", "9", ".", ",", ";", ":", "_", "'", "%", "-", " ", "(", ")", "/", "+", "\n", "\t",
	"，", "。", "、", "；", "：", "“", "”", "《", "》", "（", "）", "—", "…", "·", "％", "！", "？", "‰", "×", "℃",
	"\u4e00", "\u9fd5", "°", "―", "〈", "「", "』", "【", "〔", "〛", "\u3000",
	// from here on: runes the fast path leaves to the cjk analyzer
	"１", "\u9fd6", "\u9fff", "Ａ", "ア", "가", "é", "‘", "’", "．", "\u200d", "\u0301", "😀", "\x01",
}

func TestFastCJKMatchesCJK(t *testing.T) {
	fast, ref := analyzers(t)
	for _, s := range []string{"", "A股增长3.3%", "全市GDP增长1,000.5亿元", "1-5月,全市", "a:b 10:30 a.b 1.2.3 x_1 _a a'b 1'2 a,b 1;2",
		"全市工业投资", "税", "甲，乙丙", "A1 1A PM2.5", "“工业”投资", "2023年", "〇一", "1，000", "a·b", "..5 5.. a..b", "_ __ a_ _1_"} {
		checkSame(t, fast, ref, s)
	}
	g := newGen(5)
	for i := 0; i < 2000; i++ {
		s := g.sentence(1, 1, 0)
		checkSame(t, fast, ref, s.Norm)
		checkSame(t, fast, ref, s.Text)
	}
	known := slices.Index(alphabet, "１")
	r := rand.New(rand.NewPCG(1, 2))
	for _, k := range []int{known, len(alphabet)} {
		for i := 0; i < 100000; i++ {
			var b strings.Builder
			for n := r.IntN(12); n > 0; n-- {
				b.WriteString(alphabet[r.IntN(k)])
			}
			checkSame(t, fast, ref, b.String())
		}
	}
}

func FuzzFastCJK(f *testing.F) {
	fast, ref := analyzers(f)
	for _, s := range []string{"全市GDP增长1,000.5亿元", "a:b 10:30", "甲，乙丙"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkSame(t, fast, ref, s) })
}

func BenchmarkAnalyze(b *testing.B) {
	fast, ref := analyzers(b)
	g := newGen(1)
	var ss [][]byte
	n := 0
	for i := 0; i < 1000; i++ {
		s := g.sentence(1, i, 0)
		ss = append(ss, []byte(s.Norm))
		n += len(s.Norm)
	}
	for _, c := range []struct {
		name string
		a    analysis.Analyzer
	}{{"fast", fast}, {"cjk", ref}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(n / len(ss)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				c.a.Analyze(ss[i%len(ss)])
			}
		})
	}
}
