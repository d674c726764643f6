package corpus_test

import (
	"testing"

	"github.com/reportbot/reportbot/corpus"
	"github.com/reportbot/reportbot/internal/synth"
)

// BenchmarkProcessSynth measures Process over the benchmark's generated
// reports (web pages, traditional script, every figure shape), which
// exercise far more of the cleaner and the extractor than one repeated
// paragraph does.
func BenchmarkProcessSynth(b *testing.B) {
	g := synth.New(synth.Config{Seed: 1})
	var raws []*corpus.RawFile
	size := 0
	for size < 2<<20 {
		r := g.Next()
		raw, err := corpus.ReadBytes(r.Name, r.Data)
		if err != nil {
			b.Fatal(err)
		}
		raws = append(raws, raw)
		size += len(raw.Text)
	}
	corpus.DefaultGazetteer()
	b.ReportAllocs()
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, raw := range raws {
			corpus.Process(raw, corpus.Options{})
		}
	}
}
