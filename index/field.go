package index

import (
	"bytes"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/size"
	bindex "github.com/blevesearch/bleve_index_api"
)

// termField is a bleve field of a passage document that is analysed in
// one go: its term frequencies live in one array, and their map keys are
// slices of one copy of the text.
//
// Why not bleve's TextField: it counts terms with a *TokenFreq and a new
// key string per distinct term. At a million sentences those scattered
// objects cost a twelfth of the CPU of indexing, first to allocate and
// collect, then again in zap, which reads every one of them twice while
// it builds a segment (a cache miss per term). TestTermFieldMatchesTextField
// checks that both give the same frequencies.
type termField struct {
	name     string
	value    []byte
	opts     bindex.FieldIndexingOptions
	analyzer analysis.Analyzer // nil: the whole value is the one term
	length   int
	freqs    bindex.TokenFrequencies
}

func newTermField(name string, value []byte, opts bindex.FieldIndexingOptions, analyzer analysis.Analyzer) *termField {
	return &termField{name: name, value: value, opts: opts, analyzer: analyzer}
}

func (f *termField) Name() string                                      { return f.name }
func (f *termField) Value() []byte                                     { return f.value }
func (f *termField) ArrayPositions() []uint64                          { return nil }
func (f *termField) Options() bindex.FieldIndexingOptions              { return f.opts }
func (f *termField) EncodedFieldType() byte                            { return 't' }
func (f *termField) AnalyzedLength() int                               { return f.length }
func (f *termField) AnalyzedTokenFrequencies() bindex.TokenFrequencies { return f.freqs }
func (f *termField) NumPlainTextBytes() uint64                         { return uint64(len(f.value)) }

// Size is what bleve counts against its batch memory: the text, the
// keys' copy of it and the frequency table.
func (f *termField) Size() int {
	return 2*len(f.value) + len(f.name) + len(f.freqs)*(size.SizeOfPtr+size.SizeOfString+32)
}

func (f *termField) Analyze() {
	if f.analyzer == nil {
		f.length = 1
		tf := &bindex.TokenFreq{Term: f.value}
		if !f.opts.SkipFreqNorm() {
			tf.SetFrequency(1)
		}
		f.freqs = bindex.TokenFrequencies{string(f.value): tf}
		return
	}
	toks := f.analyzer.Analyze(f.value)
	f.length = len(toks)
	text := string(f.value)
	freqs := make(bindex.TokenFrequencies, len(toks))
	backing := make([]bindex.TokenFreq, 0, len(toks))
	count := !f.opts.SkipFreqNorm()
	for _, t := range toks {
		if tf, ok := freqs[string(t.Term)]; ok {
			if count {
				tf.SetFrequency(tf.Frequency() + 1)
			}
			continue
		}
		key := ""
		if t.Start >= 0 && t.End <= len(f.value) && t.End-t.Start == len(t.Term) && bytes.Equal(f.value[t.Start:t.End], t.Term) {
			key = text[t.Start:t.End]
		} else {
			key = string(t.Term)
		}
		backing = append(backing, bindex.TokenFreq{Term: t.Term})
		tf := &backing[len(backing)-1]
		if count {
			tf.SetFrequency(1)
		}
		freqs[key] = tf
	}
	f.freqs = freqs
}
