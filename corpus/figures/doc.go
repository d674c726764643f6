// Package figures finds the figures a normalized sentence states and what
// each one means: its indicator, kind, unit, period, comparator, scope and
// modality.
//
// Design:
//
//   - ScanNumbers (numeral.go) finds numbers in Arabic digits and in
//     Chinese numerals; Chinese numerals count only where they are figures
//     (第一位, 百分之五, 二十个), since 一 and 万 are everywhere in prose.
//   - FindPeriods (period.go) finds time expressions (2023年1-5月, 一季度,
//     今年以来, 截至5月底) and marks comparators (上年同期), plan spans and
//     calendar dates, which date no figure. Period.Resolve gives a
//     year-less period its year from the report's date; ParsePeriod and
//     Period.Matches serve questions. Both scanners are hand-written and
//     allocation-light: they run over every sentence of the corpus.
//   - An Extractor (figure.go) reads a report's sentences in order and
//     reads each number the way an official does: numbers in periods,
//     titles and names are dropped, the unit and qualifiers around the
//     number are read, and the clause before it names the indicator and
//     the kind (同比增长 → growth, 居全省第 → rank). A clause without an
//     indicator borrows the previous figure's. A period stated at the head
//     of a sentence holds until the paragraph ends (EndParagraph).
//   - Every Figure's Span is a byte range of the original text, through
//     the text.NormText the sentence was normalized with.
//
// figures imports corpus/text (Span, NormText) and corpus/geo (places in
// a sentence, the report's Region); neither imports it.
package figures
