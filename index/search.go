package index

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/collector"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/reportbot/reportbot/corpus"
)

// Query is a question, already normalized by the caller.
type Query struct {
	// Text is the normalized question; a sentence matches if it shares
	// any cjk bigram (or number, or Latin word) with it, and ranks higher
	// the more (and the rarer) it shares. In a large index the question's
	// commonest bigrams are left out (see buildQuery).
	Text string
	// Terms are phrases that matter most (a metric, a place): each is a
	// should-clause matching sentences that contain all its bigrams,
	// boosted by TermBoost.
	Terms []string
	// Regions, if not empty, keep only sentences of files whose
	// Region.Name is one of them. Filters do not change scores.
	Regions []string
	// Years, if not empty, keep only sentences with a figure of one of
	// these years (its period's year, or its report's when it names none).
	Years []int
	// Paths, if not empty, keep only sentences of these files.
	Paths []string
	// Limit is the number of hits wanted: DefaultLimit if ≤ 0, at most
	// MaxLimit.
	Limit int
}

// Hit is a sentence that answers a Query, with its file.
type Hit struct {
	// ID is "<path>#<n>", n the sentence's ordinal in its file (the
	// document's own ID is shorter; see ids.go).
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

// candidateBudget bounds the postings of question bigrams a search walks;
// see buildQuery. A question whose bigrams have fewer postings than this
// in all (any question, in an index of a few thousand passages) is a
// plain OR of all of them. At a million sentences (about 280,000
// passages; reportbot bench, serve phase on one index): 60,000 answered
// the 150 facts in a median of 4.8-5.5 ms, 45,000 all of them in
// 4.2-4.5 ms, 30,000 missed one (a rare indicator's sentence was not
// retrieved).
const candidateBudget = 45_000

// Search returns the best sentences for q, best first. A query with
// neither Text nor Terms returns no hits.
//
// bleve finds the best Limit passages (passage.go); their sentences that
// match the query by themselves (share a bigram of Text, or hold all the
// searched bigrams of a Terms phrase) and pass the filters are the hits,
// scored by their passage's score times their share of the passage's
// best sentence's matched weight, and cut at Limit.
//
// The query is planned (document frequencies), run and its hits' stored
// sentences read on one snapshot of the index. bleve's own Search would
// read a hit's stored fields by looking its ID up again in the _id
// dictionary of every segment (IndexSnapshot.Document), which at a
// million sentences cost more than half of reading the stored fields;
// here they are read by the document number the search found.
func (ix *Index) Search(q Query) ([]Hit, error) {
	if ix.closed.Load() {
		return nil, ErrClosed
	}
	ai, err := ix.bi.Advanced()
	if err != nil {
		return nil, fmt.Errorf("search index %s: %w", ix.dir, err)
	}
	r, err := ai.Reader()
	if err != nil {
		return nil, fmt.Errorf("search index %s: %w", ix.dir, err)
	}
	defer r.Close()
	pl, err := ix.buildQuery(r, q, ix.budget)
	if err != nil || pl == nil {
		return nil, err
	}
	main := pl.q
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	if limit > MaxLimit {
		limit = MaxLimit
	}
	f := sentenceFilter{plan: pl, regions: q.Regions, years: q.Years, limit: limit}
	if len(q.Paths) > 0 {
		f, err := ix.pathsFilter(q.Paths)
		if err != nil {
			return nil, err
		}
		if f == nil {
			return nil, nil
		}
		main = query.NewConjunctionQuery([]query.Query{main, f})
	}
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		// Not scorch: bleve's own search, on a snapshot of its own.
		req := bleve.NewSearchRequestOptions(main, limit, 0, false)
		req.Fields = []string{fieldBlob}
		res, err := ix.bi.Search(req)
		if err != nil {
			return nil, fmt.Errorf("search index %s: %w", ix.dir, err)
		}
		raws := make([]rawHit, len(res.Hits))
		for i, m := range res.Hits {
			blob, _ := m.Fields[fieldBlob].(string)
			raws[i] = rawHit{id: m.ID, score: m.Score, blob: []byte(blob)}
		}
		return ix.hits(raws, &f)
	}
	raws, err := ix.searchSnapshot(snap, main, limit)
	if err != nil {
		return nil, fmt.Errorf("search index %s: %w", ix.dir, err)
	}
	return ix.hits(raws, &f)
}

// rawHit is a hit before decoding: its document ID, score and stored
// passage.
type rawHit struct {
	id    string
	score float64
	blob  []byte
}

// searchSnapshot runs q on snap as bleve's Search does (its searcher and
// top-N collector, scores by descending score) and reads each hit's ID and
// blob by its document number.
func (ix *Index) searchSnapshot(snap *scorch.IndexSnapshot, q query.Query, limit int) ([]rawHit, error) {
	ctx := context.Background()
	searcher, err := q.Searcher(ctx, snap, ix.bi.Mapping(), search.SearcherOptions{})
	if err != nil {
		return nil, err
	}
	defer searcher.Close()
	coll := collector.NewTopNCollector(limit, 0, search.SortOrder{&search.SortScore{Desc: true}})
	if err := coll.Collect(ctx, searcher, snap); err != nil {
		return nil, err
	}
	ms := coll.Results()
	// A snapshot numbers its documents segment after segment, each
	// segment counting its deleted documents too.
	segs := snap.Segments()
	offsets := make([]uint64, len(segs))
	var running uint64
	for i, sg := range segs {
		offsets[i] = running
		running += sg.Segment().Count()
	}
	out := make([]rawHit, 0, len(ms))
	for _, m := range ms {
		num := m.IndexInternalID.Value()
		i := sort.Search(len(offsets), func(x int) bool { return offsets[x] > num }) - 1
		if i < 0 {
			return nil, fmt.Errorf("document number %d outside the snapshot", num)
		}
		h := rawHit{id: m.ID, score: m.Score}
		err := segs[i].VisitDocument(num-offsets[i], func(field string, _ byte, value []byte, _ []uint64) bool {
			if field == fieldBlob {
				h.blob = append([]byte(nil), value...)
				return false
			}
			return true
		})
		if err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, nil
}

// buildQuery turns q into a bleve query.
//
// The cost of a bleve query is the postings it walks: zap decodes the
// frequency and norm of every posting between two hits inside a chunk of
// up to 1024 postings, so even a conjunction with a small filter walks
// most of the postings of each of its terms. Bigrams such as 增长 or 全市
// are in a large share of all sentences; at a million sentences a plain
// OR took 25 ms with a region filter and 44 ms without (BenchmarkSearch).
//
// So the question's bigrams are taken rarest first while their document
// frequencies add up to at most budget (always at least one that occurs at
// all), and the rest are left out, as search engines leave out stop words:
// they have the lowest idf, so they would mostly reorder sentences that
// share the rarer bigrams too. Keeping them as a should-clause that only
// scores candidates still cost 60% more time, since scoring walks their
// postings. Each Terms phrase is a boosted conjunction of its rarest
// bigrams, at least two, by the same budget: the common bigrams of a
// phrase (工业, 投资 of 规模以上工业投资) took 3 of the remaining 4 ms,
// and are nearly always there when its rare ones are.
//
// Filters are unscored conjunctions (filter.go): they do not change
// scores, and bleve leapfrogs over their postings instead of testing
// every candidate (a BooleanQuery Filter, which tests every candidate,
// took 4× longer; listing the filter's documents and walking the text
// query's postings against that list took twice as long as leapfrogging
// at a million sentences).
func (ix *Index) buildQuery(r bindex.IndexReader, q Query, budget uint64) (*plan, error) {
	dfs := &docFreqs{ix: ix, r: r}
	pl := &plan{}
	if n, err := r.DocCount(); err == nil {
		pl.docs = float64(n)
	}
	var clauses []query.Query
	if text := strings.TrimSpace(q.Text); text != "" {
		terms, err := dfs.rank(text)
		if err != nil {
			return nil, err
		}
		var sum uint64
		for _, t := range terms {
			// A bigram in no sentence of the snapshot is kept: it costs
			// nothing to walk. (When planning and searching used two
			// snapshots, leaving it out showed part of a file that landed
			// between them.)
			if sum > 0 && sum+t.df > budget {
				break
			}
			sum += t.df
			clauses = append(clauses, termQuery(t.term, 1))
			pl.words = append(pl.words, pl.weigh(t, 1))
		}
	}
	for _, phrase := range q.Terms {
		terms, err := dfs.rank(phrase)
		if err != nil {
			return nil, err
		}
		if len(terms) == 0 {
			continue
		}
		// All bigrams are required, so the rarest ones do the work; the
		// commonest (工业, 投资 of 规模以上工业投资) are left out within the
		// budget, but at least two are kept so a phrase stays a phrase.
		var cs []query.Query
		var sum uint64
		var ph []weightedTerm
		for k, t := range terms {
			if k >= 2 && sum+t.df > budget {
				break
			}
			sum += t.df
			// bleve ignores a conjunction's own boost: each term
			// carries it.
			cs = append(cs, termQuery(t.term, TermBoost))
			ph = append(ph, pl.weigh(t, TermBoost))
		}
		pl.phrases = append(pl.phrases, ph)
		if len(cs) == 1 {
			clauses = append(clauses, termQuery(terms[0].term, TermBoost))
			continue
		}
		clauses = append(clauses, query.NewConjunctionQuery(cs))
	}
	if len(clauses) == 0 {
		return nil, nil
	}

	must := []query.Query{disjunction(clauses)}
	years := make([]string, len(q.Years))
	for i, y := range q.Years {
		years[i] = strconv.Itoa(y)
	}
	for _, f := range []query.Query{termsQuery(fieldRegion, q.Regions), termsQuery(fieldYear, years)} {
		if f != nil {
			must = append(must, unscored{f})
		}
	}
	if len(must) == 1 {
		pl.q = must[0]
	} else {
		pl.q = query.NewConjunctionQuery(must)
	}
	return pl, nil
}

func termQuery(term string, boost float64) *query.TermQuery {
	tq := query.NewTermQuery(term)
	tq.SetField(fieldNorm)
	if boost != 1 {
		tq.SetBoost(boost)
	}
	return tq
}

func disjunction(qs []query.Query) query.Query {
	if len(qs) == 1 {
		return qs[0]
	}
	return query.NewDisjunctionQuery(qs)
}

type termDF struct {
	term string
	df   uint64
}

// docFreqs looks up document frequencies in the norm field, on the
// snapshot the query will run on.
type docFreqs struct {
	ix *Index
	r  bindex.IndexReader
}

// rank returns the distinct cjk tokens of text with their document
// frequencies, rarest first.
func (d *docFreqs) rank(text string) ([]termDF, error) {
	toks := d.ix.cjk.Analyze([]byte(text))
	if len(toks) == 0 {
		return nil, nil
	}
	out := make([]termDF, 0, len(toks))
	seen := make(map[string]bool, len(toks))
	for _, tok := range toks {
		t := string(tok.Term)
		if seen[t] {
			continue
		}
		seen[t] = true
		tfr, err := d.r.TermFieldReader(context.Background(), tok.Term, fieldNorm, false, false, false)
		if err != nil {
			return nil, fmt.Errorf("search index %s: %w", d.ix.dir, err)
		}
		out = append(out, termDF{t, tfr.Count()})
		_ = tfr.Close()
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].df < out[j].df })
	return out, nil
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

// pathsFilter matches the sentences of the given files (unscored), by
// their IDs: every ID any known version of the file has (committed, being
// written, replaced), so that a search sees a file being written whole or
// not at all. nil when none of the paths is known.
func (ix *Index) pathsFilter(paths []string) (query.Query, error) {
	if err := ix.loadSome(paths); err != nil {
		return nil, fmt.Errorf("search index %s: %w", ix.dir, err)
	}
	var ids []string
	ix.mu.RLock()
	for _, p := range paths {
		key, most := 0, 0
		for _, e := range []*fileEntry{ix.files[p], ix.pending[p]} {
			for ; e != nil; e = e.prev {
				if key != 0 && e.key != key {
					break // an older life of the path; its IDs are gone
				}
				key, most = e.key, max(most, e.passages)
			}
		}
		for n := 1; n <= most; n++ {
			ids = append(ids, passageID(key, n))
		}
	}
	ix.mu.RUnlock()
	if len(ids) == 0 {
		return nil, nil
	}
	return unscored{query.NewDocIDQuery(ids)}, nil
}

// hits decodes raw hit passages, joins them to their files and keeps
// their sentences that f keeps, best first, at most f.limit; with a nil f,
// every sentence.
func (ix *Index) hits(ms []rawHit, f *sentenceFilter) ([]Hit, error) {
	keys := make([]int, 0, len(ms))
	for _, m := range ms {
		if key, _, ok := splitID(m.id); ok {
			keys = append(keys, key)
		}
	}
	if err := ix.loadKeys(keys); err != nil {
		return nil, fmt.Errorf("search index %s: %w", ix.dir, err)
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	out := make([]Hit, 0, len(ms))
	weights := make([]float64, 0, maxPassageSentences)
	var tab stringTable
	for _, m := range ms {
		key, _, ok := splitID(m.id)
		if !ok {
			continue // not a passage; cannot happen with our queries
		}
		path, known := ix.keyPath[key]
		if !known {
			continue // removed during the search
		}
		p, err := splitPassage(m.blob)
		if err != nil {
			return nil, fmt.Errorf("search index %s: document %s: %w", ix.dir, m.id, err)
		}
		info := ix.joinLocked(path, p.tag)
		from := len(out)
		weights = weights[:0]
		best := 0.0
		tab.reset()
		for i, body := range p.bodies {
			s, err := decodeSentence(body, p.para, info.Region.Name, &tab)
			if err != nil {
				return nil, fmt.Errorf("search index %s: document %s: %w", ix.dir, m.id, err)
			}
			w := 1.0
			if f != nil {
				if w = f.plan.weight(&s); w == 0 || !f.keeps(&s, info.Region.Name, info.Date) {
					continue
				}
			}
			best = max(best, w)
			weights = append(weights, w)
			out = append(out, Hit{ID: sentenceHitID(path, p.first+i), Score: m.score, Sentence: s, File: info})
		}
		for i := from; i < len(out); i++ {
			out[i].Score *= weights[i-from] / best
		}
	}
	if f != nil {
		// Passages came best first; their sentences are ordered by their
		// own scores, a passage's best keeping its place.
		sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
		if len(out) > f.limit {
			out = out[:f.limit]
		}
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
	got, err := ix.Paragraphs([]ParaRef{{Path: path, Para: para}})
	if err != nil {
		return nil, err
	}
	ss, ok := got[ParaRef{Path: path, Para: para}]
	if !ok {
		ix.mu.RLock()
		e := ix.files[path]
		ix.mu.RUnlock()
		if e == nil {
			return nil, fmt.Errorf("index %s: %s is not indexed", ix.dir, path)
		}
		return nil, fmt.Errorf("index %s: %s has no paragraph %d", ix.dir, path, para)
	}
	return ss, nil
}

// Sentences returns all sentences of path, in order.
func (ix *Index) Sentences(path string) ([]corpus.Sentence, error) {
	if err := ix.loadSome([]string{path}); err != nil {
		return nil, err
	}
	ix.mu.RLock()
	e := ix.files[path]
	ix.mu.RUnlock()
	if e == nil {
		return nil, fmt.Errorf("index %s: %s is not indexed", ix.dir, path)
	}
	ids := make([]string, e.passages)
	for i := range ids {
		ids[i] = passageID(e.key, i+1)
	}
	got, err := ix.fetch(ids, "load sentences")
	if err != nil {
		return nil, err
	}
	var out []corpus.Sentence
	for _, f := range got {
		out = append(out, f.ss...)
	}
	return out, nil
}

// fetched is a stored passage read by ID.
type fetched struct {
	key, first int
	ss         []corpus.Sentence
}

// fetch reads stored passages by ID with one search, in document order
// (by file key, then position); what names the read in errors.
func (ix *Index) fetch(ids []string, what string) ([]fetched, error) {
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
		return nil, fmt.Errorf("index %s: %s: %w", ix.dir, what, err)
	}
	got := make([]fetched, 0, len(res.Hits))
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	for _, m := range res.Hits {
		key, _, ok := splitID(m.ID)
		if !ok {
			continue
		}
		blob, _ := m.Fields[fieldBlob].(string)
		p, err := splitPassage([]byte(blob))
		if err != nil {
			return nil, fmt.Errorf("index %s: document %s: %w", ix.dir, m.ID, err)
		}
		ss, err := p.sentences(ix.joinLocked(ix.keyPath[key], p.tag).Region.Name)
		if err != nil {
			return nil, fmt.Errorf("index %s: document %s: %w", ix.dir, m.ID, err)
		}
		got = append(got, fetched{key, p.first, ss})
	}
	sort.Slice(got, func(i, j int) bool {
		if got[i].key != got[j].key {
			return got[i].key < got[j].key
		}
		return got[i].first < got[j].first
	})
	return got, nil
}

// ParaRef names one paragraph of an indexed file.
type ParaRef struct {
	Path string
	Para int
}

// Paragraphs returns the sentences of several paragraphs, in order, with
// one read of the index: a question's candidates may need the sentences
// before them, and a read per paragraph costs a search each. Paragraphs
// that are not indexed are absent from the result.
func (ix *Index) Paragraphs(refs []ParaRef) (map[ParaRef][]corpus.Sentence, error) {
	paths := make([]string, 0, len(refs))
	for _, r := range refs {
		paths = append(paths, r.Path)
	}
	if err := ix.loadSome(paths); err != nil {
		return nil, err
	}
	var ids []string
	keyPath := map[int]string{}
	ix.mu.RLock()
	for _, ref := range refs {
		e := ix.files[ref.Path]
		if e == nil {
			continue
		}
		keyPath[e.key] = ref.Path
		for _, r := range e.paras {
			if r.Para == ref.Para {
				for n := r.First; n < r.First+r.Count; n++ {
					ids = append(ids, passageID(e.key, n))
				}
			}
		}
	}
	ix.mu.RUnlock()
	got, err := ix.fetch(ids, "load paragraphs")
	if err != nil {
		return nil, err
	}
	out := make(map[ParaRef][]corpus.Sentence, len(refs))
	for _, f := range got {
		if len(f.ss) == 0 {
			continue
		}
		k := ParaRef{keyPath[f.key], f.ss[0].Para}
		out[k] = append(out[k], f.ss...)
	}
	return out, nil
}
