package index

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/reportbot/reportbot/corpus"
)

// plan is a search as buildQuery planned it: the bleve query over
// passages, and what a sentence of a hit passage must contain to be a hit
// itself.
type plan struct {
	q query.Query
	// docs is the number of documents of the snapshot, for idf.
	docs float64
	// words are the searched tokens of Query.Text: a sentence holding any
	// of them matches.
	words []weightedTerm
	// phrases are the searched tokens of each Query.Terms phrase: a
	// sentence holding all of one phrase's matches.
	phrases [][]weightedTerm
}

type weightedTerm struct {
	term string
	// lower is set when the token has ASCII letters: the analyzer lower-
	// cases them, so the token is looked for in the lower-cased text.
	lower  bool
	weight float64
}

// weigh gives a searched token bleve's idf (times boost), so that a
// sentence's share of its passage's score follows what it matched.
func (pl *plan) weigh(t termDF, boost float64) weightedTerm {
	idf := 1 + math.Log(pl.docs/float64(t.df+1))
	if idf < 0.1 || math.IsNaN(idf) {
		idf = 0.1
	}
	lower := strings.IndexFunc(t.term, func(r rune) bool { return r < 0x80 && ('a' <= r && r <= 'z') }) >= 0
	return weightedTerm{term: t.term, lower: lower, weight: boost * idf}
}

// weight is how much of the query a sentence matches by itself, 0 if
// nothing. A token is looked for as a substring of the sentence's search
// text: for a CJK bigram that is exactly the analyzer's test, for a
// number or word it may also match inside a longer one, which only lets
// a sentence through to ranking.
func (pl *plan) weight(s *corpus.Sentence) float64 {
	text := string(appendSearchText(nil, s))
	lowered := ""
	has := func(t weightedTerm) bool {
		if !t.lower {
			return strings.Contains(text, t.term)
		}
		if lowered == "" {
			lowered = strings.ToLower(text)
		}
		return strings.Contains(lowered, t.term)
	}
	w := 0.0
	for _, t := range pl.words {
		if has(t) {
			w += t.weight
		}
	}
	for _, ph := range pl.phrases {
		all, sum := true, 0.0
		for _, t := range ph {
			if !has(t) {
				all = false
				break
			}
			sum += t.weight
		}
		if all {
			w += sum
		}
	}
	return w
}

// sentenceFilter turns hit passages into hit sentences: the sentences
// that match the plan and Query's Regions and Years by themselves.
type sentenceFilter struct {
	plan    *plan
	regions []string
	years   []int
	limit   int
}

// keeps reports whether s, of a file of region fileRegion dated date,
// passes the filters.
func (f *sentenceFilter) keeps(s *corpus.Sentence, fileRegion, date string) bool {
	if len(f.regions) > 0 && !slices.Contains(f.regions, fileRegion) {
		found := false
		for _, r := range otherRegions(s, fileRegion) {
			if slices.Contains(f.regions, r) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	if len(f.years) > 0 {
		found := false
		for _, y := range figureYears(s, date) {
			if slices.Contains(f.years, y) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// sentenceHitID is a Hit's ID.
func sentenceHitID(path string, n int) string {
	return path + "#" + strconv.Itoa(n)
}
