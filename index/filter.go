package index

import (
	"context"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
)

// unscored is a filter clause (Regions, Years, Paths): in a conjunction
// it decides which documents match and leaves their scores to the other
// clauses.
//
// Why not a boost of 0, as before: bleve ignores the boost of a
// disjunction (two regions), so that one added its terms' idf; and a
// keyword field is indexed without norms, which a segment on disk reads
// as infinite, so a term filter with boost 0 scored 0 × ∞ = NaN. Every
// filtered search of an index on disk then scored every hit NaN, and
// which passages and sentences made the cut at Limit did not depend on
// the question. TestFilterLeavesScores checks scores on disk.
type unscored struct{ query.Query }

func (u unscored) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	options.Score = "none"
	s, err := u.Query.Searcher(ctx, r, m, options)
	if err != nil {
		return nil, err
	}
	return weightless{s}, nil
}

// weightless is a searcher that weighs nothing in its conjunction's
// query norm, so that the other clauses score as they would alone.
type weightless struct{ search.Searcher }

func (weightless) Weight() float64      { return 0 }
func (weightless) SetQueryNorm(float64) {}
