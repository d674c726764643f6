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
	cell  strings.Builder
	inTc  bool
}

type docxWriter struct {
	out    strings.Builder
	paras  []*strings.Builder // open w:p, innermost last (text boxes nest them)
	tables []*docxTable       // open w:tbl, innermost last
}

func (w *docxWriter) line(s string) {
	s = strings.Trim(s, " \t\u3000\u00a0")
	if s == "" {
		return
	}
	if w.out.Len() > 0 {
		w.out.WriteByte('\n')
	}
	w.out.WriteString(s)
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
		c := &w.tables[len(w.tables)-1].cell
		if c.Len() > 0 {
			c.WriteByte(' ')
		}
		c.WriteString(s)
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
	d := xml.NewDecoder(lr)
	var w docxWriter
	inText := false
	for {
		tok, err := d.Token()
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
				w.tables = append(w.tables, &docxTable{})
			case "tc":
				if len(w.tables) > 0 {
					tb := w.tables[len(w.tables)-1]
					tb.inTc = true
					tb.cell.Reset()
				}
			case "Fallback", "delText", "instrText", "pPr", "rPr", "tblPr", "trPr", "tcPr", "sectPr", "tblGrid":
				// mc:Fallback repeats the mc:Choice content for old readers;
				// property elements hold no text, but pPr's w:tabs holds
				// w:tab tab-stop definitions that are not tabs.
				if err := d.Skip(); err != nil {
					return "", docxErr(f.Name, err, DocxMaxXMLSize)
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "p":
				if n := len(w.paras); n > 0 {
					p := w.paras[n-1].String()
					w.paras = w.paras[:n-1]
					// A line break inside a paragraph of the body is a line of its own.
					for _, part := range strings.Split(p, "\n") {
						w.endBlock(part)
					}
				}
			case "t":
				inText = false
			case "tc":
				if len(w.tables) > 0 {
					tb := w.tables[len(w.tables)-1]
					tb.cells = append(tb.cells, strings.TrimSpace(tb.cell.String()))
					tb.cell.Reset()
					tb.inTc = false
				}
			case "tr":
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
				if len(w.tables) > 0 {
					w.tables = w.tables[:len(w.tables)-1]
				}
			}
		case xml.CharData:
			if inText {
				w.write(string(t))
			}
		}
	}
	return w.out.String(), nil
}

// docxCore reads the title and the creation (else modification) date.
func docxCore(f *zip.File) (title, date string, err error) {
	rc, lr, err := docxOpen(f, docxCoreMax)
	if err != nil {
		return "", "", err
	}
	defer rc.Close()
	d := xml.NewDecoder(lr)
	var created, modified, cur string
	var buf strings.Builder
	for {
		tok, err := d.Token()
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
