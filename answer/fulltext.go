package answer

import (
	"fmt"

	"github.com/reportbot/reportbot/corpus"
)

// Sentences returns every sentence of an indexed report, in order, with
// the figures extracted from each: a front end shows a report's full text
// and its figures from them. It fails when the file is not in the index.
func (e *Engine) Sentences(file string) ([]corpus.Sentence, error) {
	l, ok := e.library()
	if !ok {
		return nil, fmt.Errorf("sentences of %s: %w", file, ErrCannotBrowse)
	}
	sents, err := l.Sentences(file)
	if err != nil {
		return nil, fmt.Errorf("sentences of %s: %w", file, err)
	}
	return sents, nil
}
