package index

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	bindex "github.com/blevesearch/bleve_index_api"
)

// freqTable renders what zap reads of an analysed field: its length and
// every term with its frequency and Term bytes, sorted.
func freqTable(length int, tfs bindex.TokenFrequencies) string {
	var rows []string
	for k, tf := range tfs {
		rows = append(rows, fmt.Sprintf("%s=%d(%s)/%d", k, tf.Frequency(), tf.Term, len(tf.Locations)))
	}
	slices.Sort(rows)
	return fmt.Sprintf("len %d: %s", length, strings.Join(rows, " "))
}

func checkTermField(t testing.TB, a analysis.Analyzer, opts bindex.FieldIndexingOptions, s string) {
	t.Helper()
	got := newTermField("f", []byte(s), opts, a)
	got.Analyze()
	want := document.NewTextFieldCustom("f", nil, []byte(s), opts, a)
	want.Analyze()
	g, w := freqTable(got.AnalyzedLength(), got.AnalyzedTokenFrequencies()), freqTable(want.AnalyzedLength(), want.AnalyzedTokenFrequencies())
	if g != w {
		t.Fatalf("%q (opts %v)\ntermField %s\nTextField %s", s, opts, g, w)
	}
}

func TestTermFieldMatchesTextField(t *testing.T) {
	fast, ref := analyzers(t)
	cases := []string{"", "税", "全市工业投资增长3.3%，全市工业投资", "GDP gdp Gdp 1,000.5亿元", "一二一二一二", "Ａ股 A股", "\n甲\n甲\n"}
	for _, s := range cases {
		checkTermField(t, fast, indexedOpts, s)
		checkTermField(t, fast, filterOpts, s)
	}
	g := newGen(7)
	for i := 0; i < 500; i++ {
		s := g.sentence(1, i, 0)
		checkTermField(t, fast, indexedOpts, s.Norm+"\n"+s.Norm)
		checkTermField(t, ref, indexedOpts, s.Text)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := r.IntN(16); n > 0; n-- {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		checkTermField(t, fast, indexedOpts, b.String())
	}
}

// A keyword field (no analyzer) is its whole value, as bleve's keyword
// analyzer makes it.
func TestTermFieldKeyword(t *testing.T) {
	for _, s := range []string{"泰安市", "2023", "a b", ""} {
		got := newTermField("f", []byte(s), filterOpts, nil)
		got.Analyze()
		want := document.NewTextFieldCustom("f", nil, []byte(s), filterOpts, nil)
		want.Analyze()
		if g, w := freqTable(got.AnalyzedLength(), got.AnalyzedTokenFrequencies()), freqTable(want.AnalyzedLength(), want.AnalyzedTokenFrequencies()); g != w {
			t.Errorf("%q: termField %s, TextField %s", s, g, w)
		}
	}
}

func FuzzTermField(f *testing.F) {
	fast, _ := analyzers(f)
	for _, s := range []string{"全市GDP增长1,000.5亿元", "甲乙甲乙", "Ａ股"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkTermField(t, fast, indexedOpts, s) })
}

func BenchmarkTermField(b *testing.B) {
	fast, _ := analyzers(b)
	g := newGen(1)
	var passages [][]byte
	n := 0
	for i := 0; i < 200; i++ {
		var p []byte
		for k := 0; k < 5; k++ {
			if k > 0 {
				p = append(p, '\n')
			}
			p = append(p, g.sentence(1, i, 0).Norm...)
		}
		passages = append(passages, p)
		n += len(p)
	}
	b.Run("TextField", func(b *testing.B) {
		b.SetBytes(int64(n / len(passages)))
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			document.NewTextFieldCustom("f", nil, passages[i%len(passages)], indexedOpts, fast).Analyze()
		}
	})
	b.Run("termField", func(b *testing.B) {
		b.SetBytes(int64(n / len(passages)))
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			newTermField("f", passages[i%len(passages)], indexedOpts, fast).Analyze()
		}
	})
}
