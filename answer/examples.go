package answer

import (
	"context"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportbot/reportbot/corpus"
	"github.com/reportbot/reportbot/lexicon"
)

// Example questions show a reader what to ask of this very index. They are
// built from real figures (region + indicator + the word for the kind:
// 泰安 + 工业投资 + 增速) and kept only when the engine answers them with
// that very figure, so that an example never leads to "not found" or to
// another number.

// exampleKindWords and exampleKindOrder come from lexicon.AskingWords:
// kinds absent there make no examples.
var exampleKindWords, exampleKindOrder = func() (map[corpus.Kind]string, map[corpus.Kind]int) {
	words, order := map[corpus.Kind]string{}, map[corpus.Kind]int{}
	for i, w := range lexicon.AskingWords {
		words[w.Kind], order[w.Kind] = w.Words, i
	}
	return words, order
}()

// maxExampleTries bounds the questions Examples asks, and so its time.
const maxExampleTries = 60

// maxExampleForTries bounds the questions ExampleFor asks of one report.
const maxExampleForTries = 10

// Examples returns up to n questions the engine answers from the index,
// one per report, newest reports first, and in a first pass one per
// region. It reads sentences and asks questions (at most 60), so a front
// end computes them once and again only after the index changed. ctx
// stops the search early, with the examples found so far.
func (e *Engine) Examples(ctx context.Context, n int) []string {
	l, ok := e.library()
	if !ok {
		return nil
	}
	var out []string
	tried := map[string]bool{}   // questions
	used := map[string]bool{}    // files with an example
	regions := map[string]bool{} // regions with an example
	tries := 0
	files := l.Files()
	for pass := 0; pass < 2; pass++ {
		for _, f := range files {
			if len(out) >= n || tries >= maxExampleTries || ctx.Err() != nil {
				return out
			}
			if used[f.Path] || (pass == 0 && regions[f.Region.Name]) {
				continue
			}
			sents, err := l.Sentences(f.Path)
			if err != nil {
				continue // a report replaced meanwhile: the next one will do
			}
			var figs []corpus.Figure
			for _, sent := range sents {
				figs = append(figs, sent.Figures...)
			}
			sort.SliceStable(figs, func(i, j int) bool { return exampleKindOrder[figs[i].Kind] < exampleKindOrder[figs[j].Kind] })
			for _, fig := range figs {
				q, ok := exampleQuestion(fig, f.Region.Name)
				if !ok || tried[q] {
					continue
				}
				tried[q] = true
				if tries++; tries > maxExampleTries {
					break
				}
				if e.answersWith(q, f.Path, fig) {
					out = append(out, q)
					used[f.Path], regions[f.Region.Name] = true, true
					break
				}
			}
		}
	}
	return out
}

// ExampleFor returns a question the engine answers with one of doc's
// figures, once doc is indexed: what to suggest after an upload. "" when
// none of its first figures makes one.
func (e *Engine) ExampleFor(doc *corpus.Document) string {
	tries := 0
	for _, p := range doc.Paragraphs {
		for _, sent := range p.Sentences {
			for _, fig := range sent.Figures {
				q, ok := exampleQuestion(fig, doc.Region.Name)
				if !ok {
					continue
				}
				if e.answersWith(q, doc.Path, fig) {
					return q
				}
				if tries++; tries >= maxExampleForTries {
					return ""
				}
			}
		}
	}
	return ""
}

// exampleQuestion is a question about fig: 泰安 + 工业投资 + 增速. Targets
// (Modality) and ranks other than in the province make poor examples, and
// so do long or odd indicators, which a reader would not type.
func exampleQuestion(fig corpus.Figure, fileRegion string) (string, bool) {
	word, ok := exampleKindWords[fig.Kind]
	if !ok || fig.Modality != "" || fig.Metric == "" {
		return "", false
	}
	if fig.Kind == corpus.KindRank && fig.Scope != "全省" {
		return "", false
	}
	if n := utf8.RuneCountInString(fig.Metric); n < 2 || n > 10 {
		return "", false
	}
	for _, r := range fig.Metric {
		if !unicode.Is(unicode.Han, r) && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return "", false
		}
	}
	region := fig.Region
	if region == "" {
		region = fileRegion
	}
	if region == "" {
		return "", false
	}
	// 泰安市 → 泰安: how people ask.
	if short := strings.TrimSuffix(region, "市"); utf8.RuneCountInString(short) >= 2 {
		region = short
	}
	return region + fig.Metric + word, true
}

// answersWith reports whether the engine's first answer to q is fig of
// the file path.
func (e *Engine) answersWith(q, path string, fig corpus.Figure) bool {
	res, err := e.Ask(q, 1)
	if err != nil || len(res.Answers) == 0 {
		return false
	}
	a := res.Answers[0]
	return a.File == path && a.Value == fig.Value && a.Unit == fig.Unit
}
