package index

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/reportbot/reportbot/corpus"
)

// numRE finds the figures of the hand-written test sentences.
var numRE = regexp.MustCompile(`(\d+(?:\.\d+)?)(%|亿元|个|家)?`)

// mkDoc builds a corpus.Document from paragraphs of sentences the way the
// corpus package would: Text is the sentences joined, paragraphs separated
// by a newline; spans point into Text; Norm equals Text; every number is a
// figure whose metric is the two characters before it.
func mkDoc(path, region, date string, paras ...[]string) *corpus.Document {
	var b strings.Builder
	d := &corpus.Document{Path: path, Format: "txt", Encoding: "utf-8", Date: date, DateSource: "line",
		Title: region + "政府工作报告", Source: region + "日报",
		Region: corpus.Region{Name: region, Province: "山东省", Via: "title", Confidence: 0.9}}
	idx := 0
	for pi, sents := range paras {
		p := corpus.Paragraph{Index: pi + 1, Span: corpus.Span{Start: b.Len()}}
		for _, s := range sents {
			idx++
			start := b.Len()
			b.WriteString(s)
			sent := corpus.Sentence{Para: pi + 1, Index: idx, Span: corpus.Span{Start: start, End: b.Len()}, Text: s, Norm: s}
			for _, m := range numRE.FindAllStringSubmatchIndex(s, -1) {
				v := s[m[2]:m[3]]
				num, _ := strconv.ParseFloat(v, 64)
				unit := ""
				if m[4] >= 0 {
					unit = s[m[4]:m[5]]
				}
				kind := corpus.KindAmount
				if unit == "%" {
					kind = corpus.KindGrowth
				}
				metric := []rune(s[:m[0]])
				if len(metric) > 4 {
					metric = metric[len(metric)-4:]
				}
				sent.Figures = append(sent.Figures, corpus.Figure{
					Raw: v, Value: v, Number: num, Unit: unit, Kind: kind, Metric: string(metric),
					Comparator: "同比", Period: corpus.Period{Year: 2023, StartMonth: 1, EndMonth: 5, Text: "2023年1-5月", Raw: "1-5月"},
					Span: corpus.Span{Start: start + m[0], End: start + m[1]},
				})
			}
			p.Sentences = append(p.Sentences, sent)
		}
		p.Span.End = b.Len()
		b.WriteString("\n")
		d.Paragraphs = append(d.Paragraphs, p)
	}
	d.Text = b.String()
	d.Size = int64(len(d.Text))
	sum := sha256.Sum256([]byte(path + "\x00" + date + "\x00" + d.Text))
	d.Hash = hex.EncodeToString(sum[:])
	return d
}

func mustMem(t testing.TB) *Index {
	t.Helper()
	ix, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ix.Close() })
	return ix
}

func mustPut(t testing.TB, ix *Index, d *corpus.Document, want Outcome) {
	t.Helper()
	got, err := ix.Put(d)
	if err != nil {
		t.Fatalf("Put(%s): %v", d.Path, err)
	}
	if got != want {
		t.Fatalf("Put(%s) = %v, want %v", d.Path, got, want)
	}
}

func mustSearch(t testing.TB, ix *Index, q Query) []Hit {
	t.Helper()
	hits, err := ix.Search(q)
	if err != nil {
		t.Fatalf("Search(%+v): %v", q, err)
	}
	return hits
}

func hitTexts(hits []Hit) []string {
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.Sentence.Text
	}
	return out
}

// snapshotOf opens a reader on ix's current state (a scorch snapshot for
// an index on disk); the caller closes it.
func snapshotOf(t testing.TB, ix *Index) *scorch.IndexSnapshot {
	t.Helper()
	ai, err := ix.bi.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := ai.Reader()
	if err != nil {
		t.Fatal(err)
	}
	return r.(*scorch.IndexSnapshot)
}
