package formats

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// DocxMaxXMLSize caps the decompressed size of word/document.xml. A .docx
// is a zip file, and a few kilobytes of zip can inflate to gigabytes.
var DocxMaxXMLSize int64 = 64 << 20

// docxCoreMax caps docProps/core.xml, which holds a few short fields.
const docxCoreMax = 1 << 20

// errDocxLimit is returned by docxLimitReader when its limit is exceeded.
var errDocxLimit = errors.New("docx: decompressed size limit exceeded")

// Bounds on the XML of a .docx, so that the work and memory of reading one
// are bounded by its size whatever its structure. A few kilobytes of zip
// inflate to millions of nested elements: encoding/xml keeps a stack entry
// per open element (2 million cost 230 MB), and every level of nested
// tables copied the text of the levels inside it (6,000 levels: 770 MB
// and 4 s). Word's own documents nest a few dozen elements deep, tables
// inside tables rarely more than three.
var (
	// docxMaxDepth is the deepest element nesting read; deeper is refused.
	docxMaxDepth = 256
	// docxMaxElements is the most elements read from one part: some 15
	// bytes of XML each at DocxMaxXMLSize, far more than real documents.
	docxMaxElements = 4_000_000
	// docxMaxTables is the deepest table nesting kept as tables; a table
	// deeper inside is read as text of the cell that holds it.
	docxMaxTables = 8
)

// docxXML reads the tokens of one XML part within the bounds above.
type docxXML struct {
	d        *xml.Decoder
	depth    int
	elements int
}

// token returns the next token, or an error once a bound is passed.
func (x *docxXML) token() (xml.Token, error) {
	tok, err := x.d.Token()
	if err != nil {
		return nil, err
	}
	switch tok.(type) {
	case xml.StartElement:
		x.depth++
		x.elements++
		if x.depth > docxMaxDepth {
			return nil, fmt.Errorf("XML nested more than %d elements deep", docxMaxDepth)
		}
		if x.elements > docxMaxElements {
			return nil, fmt.Errorf("more than %d XML elements", docxMaxElements)
		}
	case xml.EndElement:
		x.depth--
	}
	return tok, nil
}

// skip reads to the end of the element just started, as
// xml.Decoder.Skip does, but within the bounds.
func (x *docxXML) skip() error {
	for end := x.depth - 1; x.depth > end; {
		if _, err := x.token(); err != nil {
			return err
		}
	}
	return nil
}

// readDocx extracts the text of word/document.xml: one line per paragraph,
// one line per table row with its cells joined by " | ". Headers,
// footers, footnotes, comments and deleted text (tracked changes) are not
// read.
//
// Title comes from docProps/core.xml dc:title. Its dcterms:created (else
// dcterms:modified) goes to Created, not Date: it is the only date the
// file carries, but often the date a template was made or the file was
// copied, so it must not outrank a date stated in the text.
func readDocx(rf *RawFile, data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
			// An OLE compound file: a password-protected .docx or a .doc renamed.
			return &CorruptError{Format: "docx", Err: errors.New("an old .doc or password-protected file, not a zip")}
		}
		return &CorruptError{Format: "docx", Err: err}
	}
	var doc, core *zip.File
	for _, f := range zr.File {
		switch strings.TrimPrefix(f.Name, "/") {
		case "word/document.xml":
			doc = f
		case "docProps/core.xml":
			core = f
		}
	}
	if doc == nil {
		return &CorruptError{Format: "docx", Err: errors.New("word/document.xml missing")}
	}
	text, err := docxDocument(doc)
	if err != nil {
		return err
	}
	rf.Text = text
	if core != nil {
		title, date, err := docxCore(core)
		if err != nil {
			rf.Warnings = append(rf.Warnings, fmt.Sprintf("docx: docProps/core.xml unreadable: %v", err))
		}
		rf.Title = title
		rf.Created = date
	}
	return nil
}

type docxLimitReader struct {
	r io.Reader
	n int64 // bytes left
}

func (l *docxLimitReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		// Read one byte more to tell "exactly at the limit" from "over it".
		var one [1]byte
		if n, _ := l.r.Read(one[:]); n > 0 {
			return 0, errDocxLimit
		}
		return 0, io.EOF
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

func docxOpen(f *zip.File, limit int64) (io.ReadCloser, *docxLimitReader, error) {
	if f.UncompressedSize64 > uint64(limit) {
		return nil, nil, fmt.Errorf("%w: %s inflates to %s (limit %s)", ErrTooLarge, f.Name,
			readSize(int64(min(f.UncompressedSize64, 1<<62))), readSize(limit))
	}
	rc, err := f.Open()
	if err != nil {
		return nil, nil, &CorruptError{Format: "docx", Err: err}
	}
	// The size in the zip header is only a claim; enforce it on the stream.
	return rc, &docxLimitReader{r: rc, n: limit}, nil
}

func docxErr(name string, err error, limit int64) error {
	if errors.Is(err, errDocxLimit) {
		return fmt.Errorf("%w: %s inflates to more than %s", ErrTooLarge, name, readSize(limit))
	}
	return &CorruptError{Format: "docx", Err: fmt.Errorf("%s: %w", name, err)}
}

// docxTable is one open w:tbl: the cells of its current row.
type docxTable struct {
	cells []string
	// cell holds the blocks of the open cell, joined when it closes: a
	// cell of one block (most) is then never copied.
	cell []string
	inTc bool
}

type docxWriter struct {
	first string // the first line, until a second one comes
	// sizeHint bounds the text: the size of the XML it comes from.
	sizeHint int
	any      bool // a line was written
	out      strings.Builder
	paras    []*strings.Builder // open w:p, innermost last (text boxes nest them)
	tables   []*docxTable       // open w:tbl, innermost last
	// flat counts the open w:tbl nested deeper than docxMaxTables: read
	// as text of the innermost kept cell, since each kept level copies
	// the text of the levels inside it.
	flat int
}

func (w *docxWriter) line(s string) {
	s = strings.Trim(s, " \t\u3000\u00a0")
	if s == "" {
		return
	}
	// The first line is kept as it is and copied only when a second one
	// comes: a document of one huge paragraph then never holds its text
	// twice.
	if !w.any {
		w.first, w.any = s, true
		return
	}
	if w.out.Len() == 0 {
		// Room for all the text at once: grown by appends, the text
		// would be copied again and again, with the old copies as
		// garbage, and a 20 MB file would take the process past 256 MB.
		w.out.Grow(w.sizeHint)
		w.out.WriteString(w.first)
		w.first = ""
	}
	w.out.WriteByte('\n')
	w.out.WriteString(s)
}

// text is what was written.
func (w *docxWriter) text() string {
	if w.out.Len() == 0 {
		return w.first
	}
	return w.out.String()
}

// inCell reports whether text now belongs to a table cell rather than to
// a line of its own.
func (w *docxWriter) inCell() bool {
	return len(w.tables) > 0 && w.tables[len(w.tables)-1].inTc
}

func (w *docxWriter) write(s string) {
	if len(w.paras) == 0 {
		return
	}
	w.paras[len(w.paras)-1].WriteString(s)
}

// endBlock routes a finished paragraph or nested-table row: into the
// current cell (joined by spaces: a cell's paragraphs are one table cell,
// not lines of the text), or out as a line.
func (w *docxWriter) endBlock(s string) {
	s = strings.Trim(s, " \t\u3000\u00a0")
	if s == "" {
		return
	}
	if w.inCell() {
		tb := w.tables[len(w.tables)-1]
		tb.cell = append(tb.cell, s)
		return
	}
	w.line(s)
}

func docxDocument(f *zip.File) (string, error) {
	rc, lr, err := docxOpen(f, DocxMaxXMLSize)
	if err != nil {
		return "", err
	}
	defer rc.Close()
	x := &docxXML{d: xml.NewDecoder(lr)}
	w := docxWriter{sizeHint: int(min(f.UncompressedSize64, uint64(DocxMaxXMLSize)))}
	inText := false
	for {
		tok, err := x.token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", docxErr(f.Name, err, DocxMaxXMLSize)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "p":
				w.paras = append(w.paras, &strings.Builder{})
			case "t":
				inText = true
			case "tab", "ptab":
				if len(w.paras) > 0 && !w.inCell() {
					w.write("\t")
				} else {
					w.write(" ")
				}
			case "br", "cr":
				if w.inCell() {
					w.write(" ")
				} else {
					w.write("\n")
				}
			case "noBreakHyphen":
				w.write("-")
			case "tbl":
				if w.flat > 0 || len(w.tables) >= docxMaxTables {
					w.flat++
				} else {
					w.tables = append(w.tables, &docxTable{})
				}
			case "tc":
				if w.flat > 0 {
					break
				}
				if len(w.tables) > 0 {
					tb := w.tables[len(w.tables)-1]
					tb.inTc = true
					tb.cell = tb.cell[:0]
				}
			case "Fallback", "delText", "instrText", "pPr", "rPr", "tblPr", "trPr", "tcPr", "sectPr", "tblGrid":
				// mc:Fallback repeats the mc:Choice content for old readers;
				// property elements hold no text, but pPr's w:tabs holds
				// w:tab tab-stop definitions that are not tabs.
				if err := x.skip(); err != nil {
					return "", docxErr(f.Name, err, DocxMaxXMLSize)
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "p":
				if n := len(w.paras); n > 0 {
					p := w.paras[n-1].String()
					w.paras[n-1] = nil // let the text go once it is copied out
					w.paras = w.paras[:n-1]
					// A line break inside a paragraph of the body is a line of its own.
					for _, part := range strings.Split(p, "\n") {
						w.endBlock(part)
					}
				}
			case "t":
				inText = false
			case "tc":
				if w.flat > 0 {
					break
				}
				if len(w.tables) > 0 {
					tb := w.tables[len(w.tables)-1]
					tb.cells = append(tb.cells, strings.TrimSpace(strings.Join(tb.cell, " ")))
					clear(tb.cell) // let the blocks go
					tb.cell = tb.cell[:0]
					tb.inTc = false
				}
			case "tr":
				if w.flat > 0 {
					break
				}
				if len(w.tables) > 0 {
					tb := w.tables[len(w.tables)-1]
					row := strings.Join(tb.cells, " | ")
					tb.cells = tb.cells[:0]
					if strings.Trim(row, " |") != "" {
						if len(w.tables) > 1 {
							// A table nested in a cell becomes part of that cell.
							w.tables = w.tables[:len(w.tables)-1]
							w.endBlock(row)
							w.tables = append(w.tables, tb)
						} else {
							w.line(row)
						}
					}
				}
			case "tbl":
				if w.flat > 0 {
					w.flat--
				} else if len(w.tables) > 0 {
					w.tables = w.tables[:len(w.tables)-1]
				}
			}
		case xml.CharData:
			if inText && len(w.paras) > 0 {
				// Written as bytes: a string copy of a long run of text
				// would be one more copy of it in memory at once.
				w.paras[len(w.paras)-1].Write(t)
			}
		}
	}
	return w.text(), nil
}

// docxCore reads the title and the creation (else modification) date.
func docxCore(f *zip.File) (title, date string, err error) {
	rc, lr, err := docxOpen(f, docxCoreMax)
	if err != nil {
		return "", "", err
	}
	defer rc.Close()
	x := &docxXML{d: xml.NewDecoder(lr)}
	var created, modified, cur string
	var buf strings.Builder
	for {
		tok, err := x.token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", "", docxErr(f.Name, err, docxCoreMax)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			cur = t.Name.Local
			buf.Reset()
		case xml.CharData:
			if cur != "" {
				buf.Write(t)
			}
		case xml.EndElement:
			v := strings.TrimSpace(buf.String())
			switch t.Name.Local {
			case "title":
				title = docxTitle(v)
			case "created":
				created = v
			case "modified":
				modified = v
			}
			cur = ""
			buf.Reset()
		}
	}
	date = htmlNormDate(created)
	if date == "" {
		date = htmlNormDate(modified)
	}
	return title, date, nil
}

// docxTitle drops titles that only name the tool or the file: Word puts
// "Microsoft Word - 文件名.doc" there when converting, templates leave
// "文档1" or "Document".
func docxTitle(t string) string {
	t = strings.TrimSpace(strings.TrimPrefix(t, "Microsoft Word - "))
	l := strings.ToLower(t)
	if strings.HasSuffix(l, ".doc") || strings.HasSuffix(l, ".docx") || strings.HasSuffix(l, ".wps") {
		return ""
	}
	for _, generic := range []string{"document", "untitled", "文档", "無標題", "无标题", "标题", "title"} {
		if strings.HasPrefix(l, generic) && len(strings.Trim(strings.TrimPrefix(l, generic), "0123456789 ")) == 0 {
			return ""
		}
	}
	return t
}
