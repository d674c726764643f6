// Package corpus turns report files into structured, searchable facts.
//
// A work report arrives as a .txt, .md, .html, .docx or .pdf file in
// whatever encoding and script its author's tools produced. ReadDocument
// reads it and Process analyses it into a Document: title, date, source
// and region, paragraphs, sentences, and every figure a sentence states
// together with its meaning.
//
// The work is done by subpackages, and this package ties them together
// (process.go) and reads what a report's file says about it (meta.go:
// sidecar .meta files, dates in file names, bylines):
//
//   - corpus/formats reads files and decodes them to UTF-8 (RawFile).
//   - corpus/text normalizes text (simplified script, half-width), drops
//     boilerplate lines while keeping every figure intact, and splits
//     sentences.
//   - corpus/geo holds the gazetteer of administrative divisions and
//     decides the region a report is about.
//   - corpus/figures finds numbers and periods and extracts figures.
//
// Dependencies run one way: corpus imports the subpackages; figures
// imports text and geo; formats, text and geo import nothing of the
// project. The names callers use (Document, Figure, Period, Region,
// ReadFile, NormalizeText, DefaultGazetteer, ...) are all available here;
// those defined in a subpackage are aliases or forwards (aliases.go), so
// corpus.Figure and figures.Figure are the same type.
//
// Design:
//
//   - Document.Text is the decoded text of the file (for HTML, DOCX and PDF
//     the extracted text). Every Span in these packages is a byte range of
//     Document.Text, so an answer can quote the report exactly, in its own
//     script, however garbled.
//   - Each sentence also has a normalized form (Sentence.Norm): simplified
//     script, half-width digits and punctuation, pinyin annotations and
//     filler removed. Matching and extraction run on Norm; a per-rune offset
//     table maps every position of Norm back to Document.Text.
//   - corpus imports nothing of the project outside corpus/, and nothing
//     here panics on outside input: bad files produce errors naming the
//     file.
package corpus
