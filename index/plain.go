package index

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Plain is the yardstick of the benchmark: what someone who knows bleve
// but nothing of reports would build. One document per sentence, ID its
// zero-padded ordinal, one field holding the sentence as written, analysed
// by bleve's cjk analyzer, indexed and stored (no term vectors, no doc
// values, no _all), written in batches of PlainBatch documents, and asked
// with a match query (the OR of the question's tokens). reportbot's own
// layout and query plan are measured against it, on the same machine in
// the same run, since this machine's timings drift with its load.
type Plain struct {
	bi  bleve.Index
	dir string
}

// PlainBatch is the number of sentences per batch of the plain index.
const PlainBatch = 1000

const plainField = "text"

func plainMapping() (*mapping.IndexMappingImpl, error) {
	text := mapping.NewTextFieldMapping()
	text.Analyzer = cjk.AnalyzerName
	text.Store = true
	text.IncludeTermVectors = false
	text.IncludeInAll = false
	text.DocValues = false
	doc := mapping.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(plainField, text)
	m := mapping.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = cjk.AnalyzerName
	m.DefaultField = plainField
	m.IndexDynamic = false
	m.StoreDynamic = false
	m.DocValuesDynamic = false
	if err := m.Validate(); err != nil {
		return nil, fmt.Errorf("plain index mapping: %w", err)
	}
	return m, nil
}

// CreatePlain creates an empty plain index in dir, which must not exist.
func CreatePlain(dir string) (*Plain, error) {
	if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("create plain index %s: the path exists", dir)
	}
	m, err := plainMapping()
	if err != nil {
		return nil, err
	}
	bi, err := bleve.NewUsing(dir, m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("create plain index %s: %w", dir, err)
	}
	return &Plain{bi: bi, dir: dir}, nil
}

// OpenPlain opens a plain index read-only.
func OpenPlain(dir string) (*Plain, error) {
	bi, err := bleve.OpenUsing(dir, map[string]interface{}{"read_only": true, "bolt_timeout": boltTimeout})
	if err != nil {
		return nil, fmt.Errorf("open plain index %s: %w", dir, err)
	}
	return &Plain{bi: bi, dir: dir}, nil
}

// Add indexes sentences as documents first, first+1, …, in batches of
// PlainBatch, each written before Add returns.
func (p *Plain) Add(first int, sentences []string) error {
	for len(sentences) > 0 {
		n := min(len(sentences), PlainBatch)
		b := p.bi.NewBatch()
		for i, s := range sentences[:n] {
			if err := b.Index(plainID(first+i), map[string]string{plainField: s}); err != nil {
				return fmt.Errorf("plain index %s: %w", p.dir, err)
			}
		}
		if err := p.bi.Batch(b); err != nil {
			return fmt.Errorf("plain index %s: %w", p.dir, err)
		}
		first += n
		sentences = sentences[n:]
	}
	return nil
}

func plainID(n int) string {
	s := strconv.Itoa(n)
	const width = 10
	if len(s) >= width {
		return s
	}
	return "0000000000"[:width-len(s)] + s
}

// Match runs a match query of text (the OR of its tokens) and returns the
// stored sentences of the best limit hits.
func (p *Plain) Match(text string, limit int) ([]string, error) {
	q := query.NewMatchQuery(text)
	q.SetField(plainField)
	req := bleve.NewSearchRequestOptions(q, limit, 0, false)
	req.Fields = []string{plainField}
	res, err := p.bi.Search(req)
	if err != nil {
		return nil, fmt.Errorf("search plain index %s: %w", p.dir, err)
	}
	out := make([]string, 0, len(res.Hits))
	for _, h := range res.Hits {
		s, _ := h.Fields[plainField].(string)
		out = append(out, s)
	}
	return out, nil
}

// Close closes the plain index.
func (p *Plain) Close() error {
	if err := p.bi.Close(); err != nil {
		return fmt.Errorf("close plain index %s: %w", p.dir, err)
	}
	return nil
}
