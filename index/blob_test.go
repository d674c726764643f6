package index

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"math"
	"reflect"
	"testing"

	"github.com/reportbot/reportbot/corpus"
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
	for _, s := range cases {
		b := encodeSentence(nil, "0123456789ab", &s)
		if h := blobSizeHint("0123456789ab", &s); len(b) > h {
			t.Fatalf("blob of %d bytes, hint %d", len(b), h)
		}
		tag, got, err := decodeSentence(b)
		if err != nil {
			t.Fatalf("decode %q: %v", s.Text, err)
		}
		if tag != "0123456789ab" {
			t.Fatalf("tag %q", tag)
		}
		if len(s.Figures) == 0 {
			s.Figures = nil
		}
		if !reflect.DeepEqual(got, s) {
			t.Fatalf("round trip\n got %+v\nwant %+v", got, s)
		}
		if len(got.Figures) > 1 && math.Signbit(got.Figures[1].Number) != math.Signbit(s.Figures[1].Number) {
			t.Fatal("sign of zero lost")
		}
	}
}

// TestBlobCorrupt: every truncation and a few bit flips of a blob give an
// error or a value, never a panic.
func TestBlobCorrupt(t *testing.T) {
	d := mkDoc("a.txt", "泰安市", "2023", taian...)
	b := encodeSentence(nil, "tag", &d.Paragraphs[0].Sentences[1])
	for i := 0; i < len(b); i++ {
		if _, _, err := decodeSentence(b[:i]); err == nil {
			t.Fatalf("truncated to %d of %d bytes: no error", i, len(b))
		}
		c := bytes.Clone(b)
		c[i] ^= 0xff
		_, _, _ = decodeSentence(c)
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
			t.Errorf("corpus.%s has %d fields, blob.go encodes %d: update encodeSentence/decodeSentence and bump Schema", typ.Name(), typ.NumField(), n)
		}
	}
}

// TestBlobSize compares the stored encoding with JSON and gob on synthetic
// sentences (go test -run BlobSize -v ./index); the comment at the top of
// blob.go quotes its log line.
func TestBlobSize(t *testing.T) {
	g := newGen(1)
	var text, ours, js, gb int
	var buf bytes.Buffer
	for i := 0; i < 2000; i++ {
		s := g.sentence(1+i%3, i+1, 1000*i)
		text += len(s.Text)
		ours += len(encodeSentence(nil, "0123456789ab", &s))
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
	t.Logf("per sentence: text %d B, binary %d B (%.2f×text), JSON %d B (%.2f×binary), gob %d B (%.2f×binary; base64 would add a third)",
		text/2000, ours/2000, float64(ours)/float64(text), js/2000, float64(js)/float64(ours), gb/2000, float64(gb)/float64(ours))
	if ours >= js {
		t.Fatal("binary encoding is not smaller than JSON")
	}
}
