// Package corpus turns report files into structured, searchable facts.
//
// A work report arrives as a .txt, .md, .html, .docx or .pdf file in
// whatever encoding and script its author's tools produced. This package
// reads it (Read), strips web boilerplate while keeping every figure intact
// (clean.go), finds its title, date, source and region (meta.go, region.go),
// splits it into paragraphs and sentences (split.go), and extracts every
// figure a sentence states together with its meaning (figure.go).
//
// Design:
//
//   - Document.Text is the decoded text of the file (for HTML, DOCX and PDF
//     the extracted text). Every Span in this package is a byte range of
//     Document.Text, so an answer can quote the report exactly, in its own
//     script, however garbled.
//   - Each sentence also has a normalized form (Sentence.Norm): simplified
//     script, half-width digits and punctuation, pinyin annotations and
//     filler removed. Matching and extraction run on Norm; a per-rune offset
//     table maps every position of Norm back to Document.Text.
//   - The package imports nothing else of the project, and nothing here
//     panics on outside input: bad files produce errors naming the file.
package corpus
