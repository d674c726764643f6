package index

import (
	"os"
	"fmt"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/reportbot/reportbot/corpus"
)

// Query is a question, already normalized by the caller.
type Query struct {
	// Text is the normalized question; a sentence matches if it shares
	// any cjk bigram (or number, or Latin word) with it, and ranks higher
	// the more it shares.
	Text string
	// Terms are phrases that matter most (a metric, a place): each is a
	// should-clause matching sentences that contain all its bigrams,
	// boosted by TermBoost.
	Terms []string
	// Regions, if not empty, keep only sentences of files whose
	// Region.Name is one of them. Filters do not change scores.
	Regions []string
	// Paths, if not empty, keep only sentences of these files.
	Paths []string
	// Limit is the number of hits wanted: DefaultLimit if ≤ 0, at most
	// MaxLimit.
	Limit int
}

// Hit is a sentence that answers a Query, with its file.
type Hit struct {
	// ID is "<path>#<n>", n the sentence's ordinal in its file.
	ID       string
	Score    float64
	Sentence corpus.Sentence
	File     FileInfo
}

// Limits of Query.Limit, and the boost of Query.Terms.
const (
	DefaultLimit = 50
	MaxLimit     = 1000
	TermBoost    = 3.0
)

// Search returns the best sentences for q, best first. A query with
// neither Text nor Terms returns no hits.
func (ix *Index) Search(q Query) ([]Hit, error) {
	if ix.closed.Load() {
		return nil, ErrClosed
	}
	var should []query.Query
	if strings.TrimSpace(q.Text) != "" {
		m := query.NewMatchQuery(q.Text)
		m.SetField(fieldNorm)
		m.Analyzer = cjk.AnalyzerName
		should = append(should, m)
	}
	for _, t := range q.Terms {
		if strings.TrimSpace(t) == "" {
			continue
		}
		m := query.NewMatchQuery(t)
		m.SetField(fieldNorm)
		m.Analyzer = cjk.AnalyzerName
		m.SetOperator(query.MatchQueryOperatorAnd)
		m.SetBoost(TermBoost)
		should = append(should, m)
	}
	if len(should) == 0 {
		return nil, nil
	}
	var main query.Query = query.NewDisjunctionQuery(should)
	if len(should) == 1 {
		main = should[0]
	}

	var filters []query.Query
	if f := termsQuery(fieldRegion, q.Regions); f != nil {
		filters = append(filters, f)
	}
	if f := termsQuery(fieldPath, q.Paths); f != nil {
		filters = append(filters, f)
	}
	if len(filters) > 0 {
		if os.Getenv("XF") != "" {
			b := query.NewBooleanQuery([]query.Query{main}, nil, nil)
			if len(filters) == 1 {
				b.AddFilter(filters[0])
			} else {
				b.AddFilter(query.NewConjunctionQuery(filters))
			}
			main = b
		} else {
			cs := []query.Query{main}
			for _, f := range filters {
				f.(query.BoostableQuery).SetBoost(0)
				cs = append(cs, f)
			}
			main = query.NewConjunctionQuery(cs)
		}
	}

	limit := q.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	if limit > MaxLimit {
		limit = MaxLimit
	}
	req := bleve.NewSearchRequestOptions(main, limit, 0, false)
	req.Fields = []string{fieldBlob}
	res, err := ix.bi.Search(req)
	if err != nil {
		return nil, fmt.Errorf("search index %s: %w", ix.dir, err)
	}
	return ix.hits(res.Hits)
}

// termsQuery matches documents whose keyword field is any of values; nil
// if there are none.
func termsQuery(field string, values []string) query.Query {
	var qs []query.Query
	for _, v := range values {
		if v == "" {
			continue
		}
		t := query.NewTermQuery(v)
		t.SetField(field)
		qs = append(qs, t)
	}
	switch len(qs) {
	case 0:
		return nil
	case 1:
		return qs[0]
	}
	return query.NewDisjunctionQuery(qs)
}

// hits decodes bleve hits and joins them to their files.
func (ix *Index) hits(ms search.DocumentMatchCollection) ([]Hit, error) {
	out := make([]Hit, 0, len(ms))
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	for _, m := range ms {
		path, _, ok := splitID(m.ID)
		if !ok {
			continue // not a sentence; cannot happen with our queries
		}
		blob, _ := m.Fields[fieldBlob].(string)
		tag, s, err := decodeSentence([]byte(blob))
		if err != nil {
			return nil, fmt.Errorf("search index %s: document %s: %w", ix.dir, m.ID, err)
		}
		out = append(out, Hit{ID: m.ID, Score: m.Score, Sentence: s, File: ix.joinLocked(path, tag)})
	}
	return out, nil
}

// joinLocked finds the FileInfo of the version of path whose hash tag is
// tag; see the package documentation. ix.mu must be held.
func (ix *Index) joinLocked(path, tag string) FileInfo {
	e := ix.files[path]
	if e != nil {
		if e.tag == tag {
			return e.info
		}
		if e.prev != nil && e.prev.tag == tag {
			return e.prev.info
		}
	}
	if p := ix.pending[path]; p != nil && p.tag == tag {
		return p.info
	}
	if e != nil {
		return e.info
	}
	return FileInfo{Path: path}
}

// Paragraph returns the sentences of paragraph para (Paragraph.Index) of
// path, in order: the "whole paragraph" of an answer.
func (ix *Index) Paragraph(path string, para int) ([]corpus.Sentence, error) {
	ix.mu.RLock()
	e := ix.files[path]
	ix.mu.RUnlock()
	if e == nil {
		return nil, fmt.Errorf("index %s: %s is not indexed", ix.dir, path)
	}
	var ids []string
	for _, r := range e.paras {
		if r.Para == para {
			for n := r.First; n < r.First+r.Count; n++ {
				ids = append(ids, sentenceID(path, n))
			}
		}
	}
	if ids == nil {
		return nil, fmt.Errorf("index %s: %s has no paragraph %d", ix.dir, path, para)
	}
	return ix.load(ids)
}

// Sentences returns all sentences of path, in order.
func (ix *Index) Sentences(path string) ([]corpus.Sentence, error) {
	ix.mu.RLock()
	e := ix.files[path]
	ix.mu.RUnlock()
	if e == nil {
		return nil, fmt.Errorf("index %s: %s is not indexed", ix.dir, path)
	}
	ids := make([]string, e.info.Sentences)
	for i := range ids {
		ids[i] = sentenceID(path, i+1)
	}
	return ix.load(ids)
}

// load fetches sentences by ID, in the order of ids.
func (ix *Index) load(ids []string) ([]corpus.Sentence, error) {
	if ix.closed.Load() {
		return nil, ErrClosed
	}
	if len(ids) == 0 {
		return nil, nil
	}
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery(ids), len(ids), 0, false)
	req.Fields = []string{fieldBlob}
	res, err := ix.bi.Search(req)
	if err != nil {
		return nil, fmt.Errorf("index %s: load sentences: %w", ix.dir, err)
	}
	type numbered struct {
		n int
		s corpus.Sentence
	}
	got := make([]numbered, 0, len(res.Hits))
	for _, m := range res.Hits {
		_, n, ok := splitID(m.ID)
		if !ok {
			continue
		}
		blob, _ := m.Fields[fieldBlob].(string)
		_, s, err := decodeSentence([]byte(blob))
		if err != nil {
			return nil, fmt.Errorf("index %s: document %s: %w", ix.dir, m.ID, err)
		}
		got = append(got, numbered{n, s})
	}
	sort.Slice(got, func(i, j int) bool { return got[i].n < got[j].n })
	out := make([]corpus.Sentence, len(got))
	for i := range got {
		out[i] = got[i].s
	}
	return out, nil
}
