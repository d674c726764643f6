package synth

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportbot/reportbot/corpus"
)

func TestDeterministic(t *testing.T) {
	a, b := New(Config{Seed: 42}), New(Config{Seed: 42})
	for i := 0; i < 50; i++ {
		ra, rb := a.Next(), b.Next()
		if ra.Name != rb.Name || !bytes.Equal(ra.Data, rb.Data) {
			t.Fatalf("report %d differs between two generators of the same seed: %s vs %s", i, ra.Name, rb.Name)
		}
	}
	c := New(Config{Seed: 43}).Next()
	if bytes.Equal(c.Data, New(Config{Seed: 42}).Next().Data) {
		t.Fatal("seeds 42 and 43 gave the same first report")
	}
}

// TestPipelineAgrees reads generated reports through the real pipeline
// and checks what the generator claims: the number of body sentences, the
// region, the date, the unique phrase, and every fact's figure.
func TestPipelineAgrees(t *testing.T) {
	g := New(Config{Seed: 7})
	formats := map[string]int{}
	facts := 0
	for i := 0; i < 300; i++ {
		r := g.Next()
		formats[r.Format+"/"+r.Encoding]++
		if r.Traditional {
			formats["traditional"]++
		}
		raw, err := corpus.ReadBytes(filepath.Base(r.Name), r.Data)
		if err != nil {
			t.Fatalf("%s: %v", r.Name, err)
		}
		doc := corpus.Process(raw, corpus.Options{})
		var sents []corpus.Sentence
		for _, p := range doc.Paragraphs {
			sents = append(sents, p.Sentences...)
		}
		if len(sents) != r.Sentences {
			var b strings.Builder
			for _, s := range sents {
				b.WriteString(s.Norm + "\n")
			}
			t.Fatalf("%s (%s, %s): pipeline found %d sentences, generator says %d:\n%s\n--- file:\n%s", r.Name, r.Format, r.Encoding, len(sents), r.Sentences, b.String(), raw.Text)
		}
		if doc.Region.Name != r.Region {
			t.Errorf("%s: region %q (via %s), want %q", r.Name, doc.Region.Name, doc.Region.Via, r.Region)
		}
		if doc.Date != r.Date {
			t.Errorf("%s: date %q (%s), want %q", r.Name, doc.Date, doc.DateSource, r.Date)
		}
		uniq := 0
		for _, s := range sents {
			if strings.Contains(s.Norm, r.Unique) {
				uniq++
			}
		}
		if uniq != 1 {
			t.Errorf("%s: unique phrase %q in %d sentences", r.Name, r.Unique, uniq)
		}
		for _, f := range r.Facts {
			facts++
			if !factFound(f, sents) {
				t.Errorf("%s: fact %+v not extracted", r.Name, f)
			}
		}
	}
	if facts == 0 {
		t.Error("no facts generated")
	}
	t.Logf("formats: %v; %d facts", formats, facts)
	for _, want := range []string{"txt/utf-8", "html/utf-8", "txt/gb18030", "traditional"} {
		if formats[want] == 0 {
			t.Errorf("no report of kind %s in 300", want)
		}
	}
}

func factFound(f Fact, sents []corpus.Sentence) bool {
	for _, s := range sents {
		if !strings.Contains(s.Norm, f.Sentence) {
			continue
		}
		for _, fig := range s.Figures {
			if fig.Value == f.Value && fig.Unit == f.Unit && fig.Kind == f.Kind && fig.Period.Text != "" {
				return true
			}
		}
	}
	return false
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	m, err := Write(context.Background(), dir, 1000, Config{Seed: 1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if m.Sentences != 1000 {
		t.Fatalf("wrote %d sentences, want 1000", m.Sentences)
	}
	sum := 0
	for _, f := range m.Files {
		sum += f.Sentences
	}
	if sum != 1000 || len(m.Files) != m.Reports {
		t.Fatalf("manifest: %d files, %d reports, %d sentences", len(m.Files), m.Reports, sum)
	}
	qs := Questions(m, 60, 1)
	kinds := map[string]int{}
	for _, q := range qs {
		kinds[q.Kind]++
	}
	if kinds["fact"] == 0 || kinds["open"] == 0 || kinds["negative"] == 0 {
		t.Fatalf("question mix %v", kinds)
	}
}
