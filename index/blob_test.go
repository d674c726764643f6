package index

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"math"
	"reflect"
	"testing"

	"github.com/reportbot/reportbot/corpus"
	"github.com/reportbot/reportbot/internal/synth"
)

func TestBlobRoundTrip(t *testing.T) {
	d := mkDoc("a.txt", "泰安市", "2023", taian...)
	cases := []corpus.Sentence{{}, {Text: "甲", Norm: "乙"}}
	for _, p := range d.Paragraphs {
		cases = append(cases, p.Sentences...)
	}
	odd := d.Paragraphs[0].Sentences[1]
	odd.Norm = "1-5月全市工业投资同比增长31.9%"
	odd.Figures = append([]corpus.Figure(nil), odd.Figures...)
	odd.Figures[0].Raw = "一"
	odd.Figures[0].Number = -1
	odd.Figures[1].Number = math.Copysign(0, -1)
	odd.Figures[1].Value = "0"
	odd.Figures[2].Number = 31.95 // not the value
	odd.Figures[2].Scope, odd.Figures[2].Qualifier, odd.Figures[2].Modality, odd.Figures[2].Region = "全省", "余", "target", "泰安市"
	odd.Figures[2].Span = corpus.Span{Start: 0, End: 3} // before the sentence
	cases = append(cases, odd)
	// Traditional script: Norm is NormalizeText(Text) and not stored.
	trad := d.Paragraphs[0].Sentences[1]
	trad.Text = "1-5月,全市工業投資同比增長31.9%"
	trad.Norm = corpus.NormalizeText(trad.Text)
	if trad.Norm == trad.Text {
		t.Fatal("the traditional test sentence normalizes to itself")
	}
	cases = append(cases, trad)
	for i := range cases {
		cases[i].Para = 3
	}
	// Each sentence alone, then all of them as one passage.
	var passages [][]corpus.Sentence
	for _, s := range cases {
		passages = append(passages, []corpus.Sentence{s})
	}
	passages = append(passages, cases)
	for i, ss := range passages {
		tag, fileRegion := "0123456789ab", "泰安市"
		if i%2 == 1 {
			tag, fileRegion = "Tag", "济宁市" // not hex; figures of another region
		}
		first := 7 + i
		b := encodePassage(nil, tag, fileRegion, first, ss)
		if h := blobSizeHint(tag, ss); len(b) > h {
			t.Fatalf("blob of %d bytes, hint %d", len(b), h)
		}
		gotTag, gotFirst, got, err := decodePassage(b, fileRegion)
		if err != nil {
			t.Fatalf("decode passage %d: %v", i, err)
		}
		if gotTag != tag || gotFirst != first {
			t.Fatalf("tag %q, first %d; want %q, %d", gotTag, gotFirst, tag, first)
		}
		want := make([]corpus.Sentence, len(ss))
		for k, s := range ss {
			if len(s.Figures) == 0 {
				s.Figures = nil
			}
			want[k] = s
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round trip\n got %+v\nwant %+v", got, want)
		}
		for k, s := range want {
			if len(s.Figures) > 1 && math.Signbit(got[k].Figures[1].Number) != math.Signbit(s.Figures[1].Number) {
				t.Fatal("sign of zero lost")
			}
		}
	}
}

// TestBlobCorrupt: every truncation and a few bit flips of a blob give an
// error or a value, never a panic.
func TestBlobCorrupt(t *testing.T) {
	d := mkDoc("a.txt", "泰安市", "2023", taian...)
	b := encodePassage(nil, "tag", "", 1, d.Paragraphs[0].Sentences)
	for i := 0; i < len(b); i++ {
		if _, _, _, err := decodePassage(b[:i], ""); err == nil {
			t.Fatalf("truncated to %d of %d bytes: no error", i, len(b))
		}
		c := bytes.Clone(b)
		c[i] ^= 0xff
		_, _, _, _ = decodePassage(c, "")
	}
}

// TestBlobCoversCorpusTypes fails when a corpus type gains or loses a
// field: blob.go must then encode it and Schema must be bumped.
func TestBlobCoversCorpusTypes(t *testing.T) {
	for typ, n := range map[reflect.Type]int{
		reflect.TypeFor[corpus.Sentence](): 6,
		reflect.TypeFor[corpus.Figure]():   13,
		reflect.TypeFor[corpus.Period]():   5,
		reflect.TypeFor[corpus.Span]():     2,
	} {
		if typ.NumField() != n {
			t.Errorf("corpus.%s has %d fields, blob.go encodes %d: update encodeSentence/decodeSentence (blob.go) and bump Schema", typ.Name(), typ.NumField(), n)
		}
	}
}

// TestBlobSize measures the stored encoding on the sentences of the
// synthetic corpus as the pipeline makes them, against JSON and gob (go
// test -run BlobSize -v ./index); the comment at the top of blob.go quotes
// its log line.
func TestBlobSize(t *testing.T) {
	g := synth.New(synth.Config{Seed: 1})
	var n, text, ours, js, gb int
	var buf bytes.Buffer
	for i := 0; i < 100; i++ {
		r := g.Next()
		raw, err := corpus.ReadBytes(r.Name, r.Data)
		if err != nil {
			t.Fatal(err)
		}
		d := corpus.Process(raw, corpus.Options{})
		for _, sp := range passageSpans(d.Paragraphs) {
			ours += len(encodePassage(nil, "0123456789ab", d.Region.Name, sp.first, d.Paragraphs[sp.para].Sentences[sp.from:sp.to]))
		}
		for _, p := range d.Paragraphs {
			for _, s := range p.Sentences {
				n++
				text += len(s.Text)
				j, err := json.Marshal(s)
				if err != nil {
					t.Fatal(err)
				}
				js += len(j)
				buf.Reset()
				if err := gob.NewEncoder(&buf).Encode(s); err != nil {
					t.Fatal(err)
				}
				gb += buf.Len()
			}
		}
	}
	t.Logf("%d sentences: text %d B, binary %d B (%.2f×text), JSON %d B (%.2f×binary), gob %d B (%.2f×binary; base64 would add a third)",
		n, text/n, ours/n, float64(ours)/float64(text), js/n, float64(js)/float64(ours), gb/n, float64(gb)/float64(ours))
	if ours >= 2*text {
		t.Errorf("the stored sentence is %.2f× its text, 2× or more", float64(ours)/float64(text))
	}
}
