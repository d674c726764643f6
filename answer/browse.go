package answer

import (
	"errors"
	"fmt"
	"sort"

	"github.com/reportbot/reportbot/corpus"
	"github.com/reportbot/reportbot/index"
)

// Browsing is what a front end shows besides answers: the reports of the
// index, its size, a paragraph as it stands in its report, a full-text
// search. It lives here, beside Ask, so that every front end (the bot, a
// web page) gets the same behaviour and none of them needs package index.
//
// The engine holds its index as a Searcher, which is all Ask needs; the
// browsing methods use more of it when the index has it (a *index.Index
// has all of it), and a test's fake Searcher that has not lists nothing.

// Types of the index that front ends show, under the engine's name so
// that they do not import package index.
type (
	// FileInfo is what the index knows of one report file.
	FileInfo = index.FileInfo
	// Stats summarises an index.
	Stats = index.Stats
	// Hit is a sentence found by Search, with its report.
	Hit = index.Hit
)

// MaxSearchHits is the most hits Search returns, whatever it is asked for.
const MaxSearchHits = index.MaxLimit

// ErrCannotBrowse is wrapped by the errors of browsing methods on an
// engine whose index can only search.
var ErrCannotBrowse = errors.New("the index cannot list its reports")

// library is what browsing needs of the index beyond Searcher.
type library interface {
	Files() []index.FileInfo
	Stats() index.Stats
	Paragraph(path string, para int) ([]corpus.Sentence, error)
	Sentences(path string) ([]corpus.Sentence, error)
}

func (e *Engine) library() (library, bool) {
	l, ok := e.Index.(library)
	return l, ok
}

// Files returns every indexed report, newest first; none when the index
// cannot list them.
func (e *Engine) Files() []FileInfo {
	if l, ok := e.library(); ok {
		return l.Files()
	}
	return nil
}

// Stats counts the reports, sentences and figures of the index; zero when
// the index cannot list them.
func (e *Engine) Stats() Stats {
	if l, ok := e.library(); ok {
		return l.Stats()
	}
	return Stats{}
}

// Regions lists the regions the indexed reports are about, those with the
// most reports first (then by name): what the index can answer about.
func (e *Engine) Regions() []string {
	count := map[string]int{}
	for _, f := range e.Files() {
		if f.Region.Name != "" {
			count[f.Region.Name]++
		}
	}
	regions := make([]string, 0, len(count))
	for r := range count {
		regions = append(regions, r)
	}
	sort.Slice(regions, func(i, j int) bool {
		a, b := regions[i], regions[j]
		if count[a] != count[b] {
			return count[a] > count[b]
		}
		return a < b
	})
	return regions
}

// Paragraph returns the sentences of paragraph para of an indexed file, as
// an answer's File and Paragraph name it. It fails when the file has left
// the index or been replaced since the answer was given.
func (e *Engine) Paragraph(file string, para int) ([]corpus.Sentence, error) {
	l, ok := e.library()
	if !ok {
		return nil, fmt.Errorf("paragraph %d of %s: %w", para, file, ErrCannotBrowse)
	}
	sents, err := l.Paragraph(file, para)
	if err != nil {
		return nil, fmt.Errorf("paragraph %d of %s: %w", para, file, err)
	}
	return sents, nil
}

// Search is a plain full-text search, for a reader who wants the
// sentences that contain some words rather than a figure: the text is
// normalized as questions are, and the best limit sentences (at most
// MaxSearchHits) come back best first, without any ranking of figures.
func (e *Engine) Search(text string, limit int) ([]Hit, error) {
	hits, err := e.Index.Search(index.Query{Text: corpus.NormalizeText(text), Limit: limit})
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return hits, nil
}
