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
	text := string(f.value)
	count := !f.opts.SkipFreqNorm()
	var freqs bindex.TokenFrequencies
	var backing []bindex.TokenFreq
	n := 0
	add := func(term []byte, start, end int, _ analysis.TokenType) {
		n++
		if tf, ok := freqs[string(term)]; ok {
			if count {
				tf.SetFrequency(tf.Frequency() + 1)
			}
			return
		}
		var key string
		if start >= 0 && end <= len(f.value) && end-start == len(term) && bytes.Equal(f.value[start:end], term) {
			key = text[start:end]
		} else {
			key = string(term)
		}
		backing = append(backing, bindex.TokenFreq{Term: term})
		tf := &backing[len(backing)-1]
		if count {
			tf.SetFrequency(1)
		}
		freqs[key] = tf
	}
	// The fast analyzer makes at most one term per rune. Neither the map
	// nor the array may grow: a grown array would leave the map pointing
	// into the old one.
	if _, isFast := f.analyzer.(*fastCJK); isFast {
		if runes, ok := handles(f.value); ok {
			freqs = make(bindex.TokenFrequencies, runes)
			backing = make([]bindex.TokenFreq, 0, runes)
			visitTerms(f.value, add)
			f.length, f.freqs = n, freqs
			return
		}
	}
	toks := f.analyzer.Analyze(f.value)
	freqs = make(bindex.TokenFrequencies, len(toks))
	backing = make([]bindex.TokenFreq, 0, len(toks))
	for _, t := range toks {
		add(t.Term, t.Start, t.End, t.Type)
	}
	f.length, f.freqs = n, freqs
}
