package formats

import (
	"archive/zip"
	"bytes"
	"errors"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

const docxTestNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
	`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"`

// docxTestBody is the body of testdata/read/report.docx: runs split
// mid-number, a tab, a line break, a tab-stop definition, a table with a
// two-paragraph cell and an empty cell, a tracked change, and a text box
// that Word stores twice (mc:Choice and mc:Fallback).
const docxTestBody = `<w:p><w:pPr><w:pStyle w:val="Title"/><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>` +
	`<w:r><w:t>示范市2023年国民经济运行情况</w:t></w:r></w:p>` +
	`<w:p><w:r><w:t xml:space="preserve">　　2023年，全市地区生产总值完成</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>2345</w:t></w:r>` +
	`<w:r><w:t>.6亿元，同比增长5.8%。</w:t></w:r></w:p>` +
	`<w:p><w:r><w:t>一、工业生产</w:t></w:r><w:r><w:tab/><w:t>稳中有升</w:t></w:r></w:p>` +
	`<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>` +
	`<w:tbl><w:tblPr><w:tblW w:w="0"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid>` +
	`<w:tr><w:tc><w:tcPr/><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>绝对值</w:t></w:r></w:p></w:tc>` +
	`<w:tc><w:p><w:r><w:t>增速（%）</w:t></w:r></w:p></w:tc></w:tr>` +
	`<w:tr><w:tc><w:p><w:r><w:t>规模以上</w:t></w:r></w:p><w:p><w:r><w:t>工业增加值</w:t></w:r></w:p></w:tc>` +
	`<w:tc><w:p><w:r><w:t>—</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>7.1</w:t></w:r></w:p></w:tc></w:tr>` +
	`<w:tr><w:tc><w:p><w:r><w:t>固定资产投资</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>9.4</w:t></w:r></w:p></w:tc></w:tr>` +
	`</w:tbl>` +
	`<w:p><w:r><w:t>社会消费品零售总额增长</w:t></w:r><w:del><w:r><w:delText>6.0</w:delText></w:r></w:del>` +
	`<w:ins><w:r><w:t>6.3</w:t></w:r></w:ins><w:r><w:t>%。</w:t></w:r></w:p>` +
	`<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>` +
	`<w:p><w:r><w:t>文本框内容</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>` +
	`<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框内容</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>` +
	`</mc:AlternateContent></w:r><w:r><w:t>正文继续。</w:t></w:r></w:p>` +
	`<w:p/><w:sectPr><w:pgSz w:w="11906"/></w:sectPr>`

const docxTestText = "示范市2023年国民经济运行情况\n" +
	"2023年，全市地区生产总值完成2345.6亿元，同比增长5.8%。\n" +
	"一、工业生产\t稳中有升\n" +
	"第一行\n第二行\n" +
	"指标 | 绝对值 | 增速（%）\n" +
	"规模以上 工业增加值 | — | 7.1\n" +
	"固定资产投资 |  | 9.4\n" +
	"社会消费品零售总额增长6.3%。\n" +
	"文本框内容\n正文继续。"

func docxTestDocument(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<w:document ` + docxTestNS + `><w:body>` + body + `</w:body></w:document>`
}

func docxTestCore(title, created string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + title + `</dc:title><dc:creator>test</dc:creator>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + created + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">2024-03-01T10:00:00Z</dcterms:modified></cp:coreProperties>`
}

// docxTestZip builds a .docx from its parts, reproducibly (fixed times,
// sorted names), so the committed fixture can be regenerated identically.
func docxTestZip(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	sort.Strings(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate, Modified: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, parts[n]); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func docxTestParts(body, core string) map[string]string {
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
			`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
		"word/document.xml": docxTestDocument(body),
	}
	if core != "" {
		parts["docProps/core.xml"] = core
	}
	return parts
}

// docxTestReport is the content of testdata/read/report.docx.
func docxTestReport(t testing.TB) []byte {
	return docxTestZip(t, docxTestParts(docxTestBody, docxTestCore("示范市2023年国民经济运行情况", "2024-01-20T08:00:00Z")))
}

func TestReadDocx(t *testing.T) {
	tests := []struct {
		name              string
		data              []byte
		text, title, date string
	}{
		{"report", docxTestReport(t), docxTestText, "示范市2023年国民经济运行情况", "2024-01-20"},
		{"no core properties", docxTestZip(t, docxTestParts(`<w:p><w:r><w:t>增长5%</w:t></w:r></w:p>`, "")), "增长5%", "", ""},
		{"generic title, created missing", docxTestZip(t, docxTestParts(`<w:p><w:r><w:t>x</w:t></w:r></w:p>`,
			docxTestCore("Microsoft Word - 报告.doc", ""))), "x", "", "2024-03-01"},
		{"nested table", docxTestZip(t, docxTestParts(`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>外</w:t></w:r></w:p>`+
			`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>内1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>内2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`+
			`</w:tc><w:tc><w:p><w:r><w:t>右</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:r><w:t>后</w:t></w:r></w:p>`, "")),
			"外 内1 | 内2 | 右\n后", "", ""},
		{"field code and symbol", docxTestZip(t, docxTestParts(`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>`+
			`<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:t>3</w:t></w:r>`+
			`<w:r><w:sym w:font="Wingdings" w:char="F0FC"/><w:t>完成</w:t><w:noBreakHyphen/><w:t>1</w:t></w:r></w:p>`, "")),
			"3完成-1", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rf, err := ReadBytes("报告.DOCX", tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if rf.Text != tt.text {
				t.Errorf("text:\n%q\nwant:\n%q", rf.Text, tt.text)
			}
			if rf.Title != tt.title || rf.Created != tt.date || rf.Format != "docx" || rf.Encoding != encUTF8 {
				t.Errorf("title %q created %q format %s encoding %s", rf.Title, rf.Created, rf.Format, rf.Encoding)
			}
			if rf.Date != "" || rf.DateSource != "" {
				t.Errorf("date %q (%s) set from core properties", rf.Date, rf.DateSource)
			}
		})
	}
}

func TestReadDocxErrors(t *testing.T) {
	good := docxTestReport(t)
	tests := []struct {
		name string
		data []byte
		want string
		is   error
	}{
		{"truncated", good[:len(good)/2], "read x.docx: not a valid .docx (zip: not a valid zip file)", ErrCorrupt},
		{"not a zip", []byte("这不是一个压缩文件"), "read x.docx: not a valid .docx (zip: not a valid zip file)", ErrCorrupt},
		{"ole", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...),
			"read x.docx: not a valid .docx (an old .doc or password-protected file, not a zip)", ErrCorrupt},
		{"no document.xml", docxTestZip(t, map[string]string{"word/other.xml": "<a/>"}),
			"read x.docx: not a valid .docx (word/document.xml missing)", ErrCorrupt},
		{"broken xml", docxTestZip(t, map[string]string{"word/document.xml": "<w:document><w:body><w:p>"}),
			"read x.docx: not a valid .docx (word/document.xml: XML syntax error on line 1: unexpected EOF)", ErrCorrupt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadBytes("x.docx", tt.data)
			if err == nil || err.Error() != tt.want || !errors.Is(err, tt.is) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

// A zip bomb must fail before it fills memory: with ErrTooLarge when its
// header admits the inflated size, and when the header lies, archive/zip
// stops at the claimed size (ErrCorrupt) and docxLimitReader backs it up.
func TestReadDocxBomb(t *testing.T) {
	old := DocxMaxXMLSize
	DocxMaxXMLSize = 1 << 20
	t.Cleanup(func() { DocxMaxXMLSize = old })

	xml := docxTestDocument(`<w:p><w:r><w:t>` + strings.Repeat("增", 1<<20) + `</w:t></w:r></w:p>`)
	honest := docxTestZip(t, map[string]string{"word/document.xml": xml})

	// A lying header: raw deflate data with a small claimed size.
	var deflated bytes.Buffer
	zw := zip.NewWriter(&deflated)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "x", Method: zip.Deflate})
	io.WriteString(w, xml)
	zw.Close()
	zr, err := zip.NewReader(bytes.NewReader(deflated.Bytes()), int64(deflated.Len()))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := zr.File[0].OpenRaw()
	if err != nil {
		t.Fatal(err)
	}
	var lying bytes.Buffer
	zw = zip.NewWriter(&lying)
	rw, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
		CRC32: crc32.ChecksumIEEE([]byte("small")), CompressedSize64: zr.File[0].CompressedSize64, UncompressedSize64: 1000})
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(rw, raw)
	zw.Close()

	for name, data := range map[string][]byte{"honest header": honest, "lying header": lying.Bytes()} {
		t.Run(name, func(t *testing.T) {
			_, err := ReadBytes("bomb.docx", data)
			if !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "bomb.docx") {
				t.Errorf("err = %v, want ErrTooLarge or ErrCorrupt naming the file", err)
			}
			if name == "honest header" && !errors.Is(err, ErrTooLarge) {
				t.Errorf("err = %v, want ErrTooLarge", err)
			}
		})
	}
}

func TestDocxLimitReader(t *testing.T) {
	for _, tt := range []struct {
		size, limit int
		wantErr     error
	}{
		{10, 10, nil},
		{11, 10, errDocxLimit},
		{0, 0, nil},
		{1, 0, errDocxLimit},
	} {
		got, err := io.ReadAll(&docxLimitReader{r: bytes.NewReader(make([]byte, tt.size)), n: int64(tt.limit)})
		if err != tt.wantErr || err == nil && len(got) != tt.size {
			t.Errorf("size %d limit %d: read %d, err %v", tt.size, tt.limit, len(got), err)
		}
	}
}

func TestReadDocxFixtures(t *testing.T) {
	rf, err := ReadFile(filepath.Join("testdata", "read", "report.docx"))
	if err != nil {
		t.Fatal(err)
	}
	if rf.Text != docxTestText || rf.Title != "示范市2023年国民经济运行情况" {
		t.Errorf("text %q title %q", rf.Text, rf.Title)
	}
	_, err = ReadFile(filepath.Join("testdata", "read", "truncated.docx"))
	want := "read " + filepath.Join("testdata", "read", "truncated.docx") + ": not a valid .docx (zip: not a valid zip file)"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
}

func FuzzDocx(f *testing.F) {
	for _, name := range []string{"report.docx", "truncated.docx"} {
		if b, err := os.ReadFile(filepath.Join("testdata", "read", name)); err == nil {
			f.Add(b)
		}
	}
	f.Add(docxTestZip(f, map[string]string{"word/document.xml": "<w:p><w:tbl><w:tr></w:p>"}))
	f.Add(docxTestZip(f, map[string]string{"word/document.xml": "<p><t>\xff</t></p>", "docProps/core.xml": "<title>"}))
	f.Add([]byte("PK\x03\x04"))
	// Nested XML: deep elements, deep inside a skipped one, nested tables
	// past docxMaxTables, and tables left open.
	for _, body := range []string{
		strings.Repeat("<w:p>", 300) + "<w:r><w:t>x</w:t></w:r>",
		"<w:p><mc:Fallback>" + strings.Repeat("<w:p><w:r>", 200) + "</mc:Fallback></w:p>",
		strings.Repeat("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>层</w:t></w:r></w:p>", 20) + strings.Repeat("</w:tc></w:tr></w:tbl>", 20),
		strings.Repeat("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>开</w:t></w:r></w:p>", 12),
		strings.Repeat("<w:tbl><w:tr><w:tc><w:tbl></w:tc></w:tr>", 10) + "<w:p><w:t>x</w:t></w:p>",
	} {
		f.Add(docxTestZip(f, map[string]string{"word/document.xml": docxTestDocument(body)}))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var rf RawFile
		if err := readDocx(&rf, data); err != nil {
			return
		}
		for _, s := range []string{rf.Text, rf.Title, rf.Date} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8: %q", s)
			}
		}
	})
}
