package index

import "github.com/reportbot/reportbot/corpus"

// A passage is the unit bleve indexes: a run of consecutive sentences of
// one paragraph, at most maxPassageSentences of them and, past the first,
// at most maxPassageBytes of normalized text. Indexing a paragraph rather
// than each sentence as a document is what makes ingest cheap (bleve's
// cost is per document and per distinct term of a document: the plain
// reference spent 0.40 CPU-s per MB with a document per paragraph against
// 0.60 with a document per sentence), and it makes the index smaller
// (a bigram repeated in a paragraph is one posting). The limits keep one
// hit cheap to decode and keep a long paragraph from being one huge
// document whose score says little about any of its sentences.
//
// A search still answers with sentences: Search reads the hit passages'
// stored sentences and keeps those that match the query themselves
// (search.go).
const (
	maxPassageSentences = 8
	maxPassageBytes     = 1200
)

// passageSpan is one passage: sentences from..to-1 of paragraph para (an
// index into Document.Paragraphs), the first being the file's first-th
// sentence (1-based).
type passageSpan struct {
	para, from, to, first int
}

// passageSpans cuts the paragraphs of a document into passages, in
// document order. Paragraphs without sentences have none.
func passageSpans(paras []corpus.Paragraph) []passageSpan {
	var out []passageSpan
	n := 0
	for pi := range paras {
		ss := paras[pi].Sentences
		for from := 0; from < len(ss); {
			to, bytes := from, 0
			for to < len(ss) && to-from < maxPassageSentences && (to == from || bytes+len(ss[to].Norm) <= maxPassageBytes) {
				bytes += len(ss[to].Norm)
				to++
			}
			out = append(out, passageSpan{para: pi, from: from, to: to, first: n + 1})
			n += to - from
			from = to
		}
	}
	return out
}
