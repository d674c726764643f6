// Package text prepares decoded report text for matching: it normalizes
// script and width, drops web boilerplate line by line, and splits
// paragraphs into sentences, while keeping the way back to the original
// bytes.
//
// Design:
//
//   - NormalizeSpan maps text to the form matching runs on (normalize.go):
//     traditional characters become simplified one rune for one rune (a
//     table built once from opencc's t2s dictionary), full-width letters,
//     digits and punctuation become ASCII, and pinyin annotations, "? ? ?"
//     runs and spaces between Chinese characters are removed. The result,
//     a NormText, remembers for every normalized byte the original bytes it
//     came from, so NormText.Span turns a position found in the normalized
//     text into a Span of the original: an answer quotes the report
//     exactly, in its own script. NormalizeText is the same without the
//     map, for questions.
//   - Cleaning (clean.go) works on whole lines: SplitLines cuts the text
//     into bounded lines and ClassifyLine tells body from blank lines,
//     boilerplate, metadata lines, hidden-text markers and the end of an
//     article. A line is kept or dropped, never rewritten, so cleaning can
//     never alter a figure.
//   - SplitSentences (sentence.go) cuts normalized paragraph text at
//     sentence ends, keeping closing quotes with their sentence, and cuts
//     an endless sentence at a comma once it is too long to quote.
//
// The package imports nothing else of the project; Span, the byte range
// every other corpus package uses, is defined here because this is the
// lowest package that needs it.
package text
