// Package formats reads report files and decodes them to UTF-8 text.
//
// A work report arrives as .txt, .md, .html/.htm, .docx or .pdf, in
// whatever encoding its author's tools produced. ReadFile (a file on disk)
// and ReadBytes (an upload held in memory) turn it into a RawFile: the
// decoded text, one paragraph or table row per line, and what the file
// itself says about the report (a page's title, date, source and site; a
// .docx title and creation date). ReportFiles walks a folder for report
// files. Nothing here cleans or interprets the text; package corpus does.
//
// Design:
//
//   - Plain text (decode.go): the encoding is guessed from evidence, the
//     strongest first: a byte-order mark, NUL bytes (UTF-16 or binary),
//     valid UTF-8, then GB18030 against Big5 by how many of the most
//     common Chinese characters each decodes to. A wrong guess is never
//     an error: the result is UTF-8 with U+FFFD and a warning.
//   - HTML (html.go): a declared charset wins only if the text it gives
//     is plausible. Scripts, navigation, footers and link lists are
//     dropped; the main block is the element with the most text outside
//     links, narrowed to the child holding nearly all of it. Title, date
//     and source come from <meta>, <title> and the page's byline.
//   - DOCX (docx.go): word/document.xml is read as a stream with a cap on
//     the decompressed size (a zip bomb is an error, not an outage).
//   - PDF (pdf.go): pdftotext -layout (poppler-utils) does the reading, in
//     a bounded child process; the lines it wraps are rejoined only where
//     a line plainly runs on.
//   - Limits and errors: files above MaxFileSize are refused. Errors name
//     the file and wrap their cause; the sentinel errors (ErrUnsupported,
//     ErrBinary, ErrTooLarge, ErrCorrupt, ErrNoPDFTool) let callers tell a
//     bad file from a missing tool with errors.Is. Problems that do not
//     stop reading are RawFile.Warnings. Nothing here panics on outside
//     input.
//
// The package imports nothing else of the project.
package formats
