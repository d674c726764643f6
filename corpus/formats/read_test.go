package formats

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// The fixtures under testdata/read are made by TestWriteReadFixtures:
//
//	REPORTBOT_WRITE_FIXTURES=1 go test ./corpus/formats -run TestWriteReadFixtures
//
// page.html is written by hand.

// readTestGBKText is the content of testdata/read/gbk.txt.
const readTestGBKText = "示范市2023年国民经济和社会发展统计公报（摘要）\n" + decTestSimplified + "\n"

func readTestFixtures(t testing.TB) map[string][]byte {
	gbk := decTestEncode(t, simplifiedchinese.GBK, readTestGBKText)
	big5 := decTestEncode(t, traditionalchinese.Big5, decTestTraditional)
	// UTF-16LE without a byte-order mark, with Windows line endings.
	utf16 := decTestEncode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), strings.ReplaceAll(decTestSimplified, "\n", "\r\n"))
	docx := docxTestReport(t)
	return map[string][]byte{
		"gbk.txt":        gbk,
		"big5.md":        big5,
		"utf16le.txt":    utf16,
		"report.docx":    docx,
		"truncated.docx": docx[:len(docx)*2/3],
		"report.pdf":     readTestPDF(readTestPDFPages()),
	}
}

func TestWriteReadFixtures(t *testing.T) {
	if os.Getenv("REPORTBOT_WRITE_FIXTURES") == "" {
		t.Skip("set REPORTBOT_WRITE_FIXTURES=1 to rewrite testdata/read")
	}
	for name, data := range readTestFixtures(t) {
		if err := os.WriteFile(filepath.Join("testdata", "read", name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestReadFileFixtures(t *testing.T) {
	tests := []struct {
		file, format, enc, text string
	}{
		{"gbk.txt", "txt", encGB18030, readTestGBKText},
		{"big5.md", "md", encBig5, decTestTraditional},
		{"utf16le.txt", "txt", encUTF16LE, decTestSimplified},
		{"report.docx", "docx", encUTF8, docxTestText},
		{"page.html", "html", encUTF8, htmlTestPageText},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", "read", tt.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			rf, err := ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if rf.Path != path || rf.Format != tt.format || rf.Encoding != tt.enc || rf.Size != int64(len(data)) || len(rf.Hash) != 64 {
				t.Errorf("got path %s format %s encoding %s size %d hash %s", rf.Path, rf.Format, rf.Encoding, rf.Size, rf.Hash)
			}
			if rf.Text != tt.text {
				t.Errorf("text:\n%q\nwant:\n%q", rf.Text, tt.text)
			}
			if len(rf.Warnings) > 0 {
				t.Errorf("warnings %q", rf.Warnings)
			}
			fromBytes, err := ReadBytes(tt.file, data)
			if err != nil || fromBytes.Text != rf.Text || fromBytes.Hash != rf.Hash {
				t.Errorf("ReadBytes differs from ReadFile: %v", err)
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		data []byte
		want string
		is   error
	}{
		{"004.doc", []byte("x"), `read 004.doc: unsupported file type ".doc" (supported: .txt .md .html .htm .docx .pdf)`, ErrUnsupported},
		{"README", []byte("x"), `read README: unsupported file type: no file extension (supported: .txt .md .html .htm .docx .pdf)`, ErrUnsupported},
		{"image.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), "read image.txt: binary file, not text (5 NUL bytes)", ErrBinary},
		{"page.htm", []byte("<html>\x00\x01\x02\x00\x00\x00</html>"), "read page.htm: binary file, not text (4 NUL bytes)", ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadBytes(tt.name, tt.data)
			if err == nil || err.Error() != tt.want || !errors.Is(err, tt.is) {
				t.Errorf("ReadBytes: err = %v, want %q", err, tt.want)
			}
			path := filepath.Join(dir, tt.name)
			if err := os.WriteFile(path, tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err = ReadFile(path)
			if want := strings.Replace(tt.want, tt.name, path, 1); err == nil || err.Error() != want || !errors.Is(err, tt.is) {
				t.Errorf("ReadFile: err = %v, want %q", err, want)
			}
		})
	}
	if _, err := ReadFile(filepath.Join(dir, "missing.txt")); !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), "missing.txt") {
		t.Errorf("missing file: %v", err)
	}
	if err := os.Mkdir(filepath.Join(dir, "folder.txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFile(filepath.Join(dir, "folder.txt")); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("folder: %v", err)
	}
}

func TestReadTooLarge(t *testing.T) {
	old := MaxFileSize
	MaxFileSize = 100
	t.Cleanup(func() { MaxFileSize = old })
	data := bytes.Repeat([]byte("增长"), 20) // 120 bytes
	_, err := ReadBytes("big.txt", data)
	if !errors.Is(err, ErrTooLarge) || err.Error() != "read big.txt: file too large (120 bytes, limit 100 bytes)" {
		t.Errorf("ReadBytes: %v", err)
	}
	path := filepath.Join(t.TempDir(), "big.md")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFile(path); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), path) {
		t.Errorf("ReadFile: %v", err)
	}
	if rf, err := ReadBytes("ok.txt", data[:99]); err != nil || rf.Text != string(data[:99]) {
		t.Errorf("under the limit: %v", err)
	}
}

func TestReadEmptyAndNewlines(t *testing.T) {
	for _, name := range []string{"e.txt", "e.md", "e.html", "e.docx", "e.pdf"} {
		rf, err := ReadBytes(name, nil)
		if err != nil || rf.Text != "" || len(rf.Warnings) != 1 || rf.Warnings[0] != "empty file" || rf.Size != 0 {
			t.Errorf("%s: %+v, %v", name, rf, err)
		}
	}
	rf, err := ReadBytes("crlf.txt", []byte("第一行\r\n第二行\r第三行\n"))
	if err != nil || rf.Text != "第一行\n第二行\n第三行\n" {
		t.Errorf("newlines: %q, %v", rf.Text, err)
	}
}

func TestReportFiles(t *testing.T) {
	root := t.TempDir()
	files := []string{"a.txt", "B.TXT", "notes.doc", "x.txt.meta", "y.meta", ".hidden.txt", ".git/c.txt",
		"~$lock.docx", "sub/c.html", "sub/d.PDF", "sub/e.md", "sub/deeper/f.htm", "sub/deeper/g.docx"}
	for _, f := range files {
		p := filepath.Join(root, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{
		"sub/loop":       "..",        // a loop back to root
		"sub/self":       ".",         // a loop to itself
		"alias":          "sub",       // the same folder twice
		"link.md":        "sub/e.md",  // a link to a file
		"dangling.txt":   "nowhere",   // a broken link
		"dangling.other": "nowhere2",  // a broken link we would not read
		"outside":        "../escape", // a broken link to a folder
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(root, name)); err != nil {
			t.Skipf("symlinks: %v", err)
		}
	}
	var got []string
	err := ReportFiles(root, func(path string, err error) error {
		rel, _ := filepath.Rel(root, path)
		if err != nil {
			rel += " (error)"
			if !strings.Contains(err.Error(), path) {
				t.Errorf("error %v does not name %s", err, path)
			}
		}
		got = append(got, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// "alias" sorts before "sub", so the folder is walked as alias/.
	// Loops, the second way into a folder and broken links are named.
	want := []string{"B.TXT", "a.txt", "alias/c.html", "alias/d.PDF", "alias/deeper/f.htm", "alias/deeper/g.docx",
		"alias/e.md", "alias/loop (error)", "alias/self (error)", "dangling.other (error)", "dangling.txt (error)",
		"link.md", "notes.doc (error)", "outside (error)", "sub (error)"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	t.Run("single file", func(t *testing.T) {
		var got []string
		ReportFiles(filepath.Join(root, "a.txt"), func(p string, err error) error { got = append(got, fmt.Sprint(filepath.Base(p), err)); return nil })
		if len(got) != 1 || got[0] != "a.txt<nil>" {
			t.Errorf("got %q", got)
		}
		got = nil
		ReportFiles(filepath.Join(root, "notes.doc"), func(p string, err error) error {
			if !errors.Is(err, ErrUnsupported) {
				t.Errorf("err = %v", err)
			}
			got = append(got, p)
			return nil
		})
		if len(got) != 1 {
			t.Errorf("got %q", got)
		}
	})
	t.Run("missing root", func(t *testing.T) {
		calls := 0
		err := ReportFiles(filepath.Join(root, "missing"), func(p string, err error) error {
			calls++
			return err
		})
		if calls != 1 || !errors.Is(err, os.ErrNotExist) {
			t.Errorf("calls %d, err %v", calls, err)
		}
	})
	t.Run("stop", func(t *testing.T) {
		var got []string
		stop := errors.New("stop")
		err := ReportFiles(root, func(p string, err error) error {
			got = append(got, filepath.Base(p))
			if len(got) == 2 {
				return stop
			}
			return nil
		})
		if err != stop || len(got) != 2 {
			t.Errorf("err %v, got %q", err, got)
		}
		got = nil
		err = ReportFiles(root, func(p string, err error) error {
			got = append(got, filepath.Base(p))
			return filepath.SkipAll
		})
		if err != nil || len(got) != 1 {
			t.Errorf("SkipAll: err %v, got %q", err, got)
		}
	})
	t.Run("unreadable folder", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root reads any folder")
		}
		locked := filepath.Join(root, "sub", "locked")
		if err := os.Mkdir(locked, 0o000); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(locked, 0o755) })
		var errs []string
		ReportFiles(root, func(p string, err error) error {
			if err != nil {
				errs = append(errs, filepath.Base(p))
			}
			return nil
		})
		sort.Strings(errs)
		if strings.Join(errs, ",") != "dangling.txt,locked" {
			t.Errorf("errors for %q", errs)
		}
	})
}

// readTestPDFLine is one line of text placed on a PDF page; indent is in
// half-character (6 pt) steps.
type readTestPDFLine struct {
	indent int
	text   string
}

// readTestWrap breaks a paragraph into lines of at most cols columns (a
// Chinese character takes two), the first line indented by two
// characters, as a word processor lays out a Chinese paragraph.
func readTestWrap(p string, cols int) []readTestPDFLine {
	var lines []readTestPDFLine
	cur, w, indent := "", 4, 4
	for _, r := range p {
		rw := 1
		if r >= utf8.RuneSelf {
			rw = 2
		}
		if w+rw > cols {
			lines = append(lines, readTestPDFLine{indent, cur})
			cur, w, indent = "", 0, 0
		}
		cur += string(r)
		w += rw
	}
	return append(lines, readTestPDFLine{indent, cur})
}

// The text of testdata/read/report.pdf, and what reading it must give.
const (
	readTestPDFPara1 = "过去一年，全市地区生产总值完成2345.6亿元，增长5.8%；一般公共预算收入完成186.2亿元，增长7.1%；城乡居民人均可支配收入分别增长5.0%和6.9%。"
	readTestPDFPara2 = "2024年主要预期目标是：地区生产总值增长6%左右，固定资产投资增长8%左右，居民收入增长与经济增长同步。"
	readTestPDFPara3 = "全年实施省市重点项目200个以上，完成投资1000亿元以上，新开工亿元以上产业项目120个以上，推动一批重大项目建成投产。"
	readTestPDFText  = "示范市2023年政府工作报告摘要\n" + readTestPDFPara1 + "\n" + readTestPDFPara2 + "\n一、坚持项目为王\n" + readTestPDFPara3
)

func readTestPDFPages() [][]readTestPDFLine {
	p1 := []readTestPDFLine{{20, "示范市2023年政府工作报告摘要"}, {0, ""}}
	p1 = append(p1, readTestWrap(readTestPDFPara1, 72)...)
	p1 = append(p1, readTestWrap(readTestPDFPara2, 72)...)
	p1 = append(p1, readTestPDFLine{0, "一、坚持项目为王"})
	return [][]readTestPDFLine{p1, readTestWrap(readTestPDFPara3, 72)}
}

// readTestPDF writes a minimal PDF. Its font is a Type0 font with no
// glyphs embedded: character codes are Unicode code points and a
// ToUnicode map says so, which is all pdftotext needs to extract Chinese
// text.
func readTestPDF(pages [][]readTestPDFLine) []byte {
	used := map[rune]bool{}
	for _, p := range pages {
		for _, l := range p {
			for _, r := range l.text {
				used[r] = true
			}
		}
	}
	runes := make([]rune, 0, len(used))
	for r := range used {
		runes = append(runes, r)
	}
	sort.Slice(runes, func(i, j int) bool { return runes[i] < runes[j] })
	var cmap bytes.Buffer
	cmap.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for i := 0; i < len(runes); i += 100 {
		chunk := runes[i:min(i+100, len(runes))]
		fmt.Fprintf(&cmap, "%d beginbfchar\n", len(chunk))
		for _, r := range chunk {
			fmt.Fprintf(&cmap, "<%04X> <%04X>\n", r, r)
		}
		cmap.WriteString("endbfchar\n")
	}
	cmap.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")

	objs := make([]string, 6) // 1 catalog, 2 pages, 3-5 font, 6 ToUnicode; then content and page per page
	var kids []string
	for _, p := range pages {
		var cs bytes.Buffer
		y := 770
		for _, l := range p {
			if l.text != "" {
				fmt.Fprintf(&cs, "BT /F1 12 Tf 1 0 0 1 %d %d Tm <", 72+6*l.indent, y)
				for _, r := range l.text {
					fmt.Fprintf(&cs, "%04X", r)
				}
				cs.WriteString("> Tj ET\n")
			}
			y -= 18
		}
		objs = append(objs, fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", cs.Len(), cs.String()))
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "+
			"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", len(objs)))
		kids = append(kids, fmt.Sprintf("%d 0 R", len(objs)))
	}
	objs[0] = "<< /Type /Catalog /Pages 2 0 R >>"
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	objs[2] = "<< /Type /Font /Subtype /Type0 /BaseFont /TestSong /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 6 0 R >>"
	objs[3] = "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSong " +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> " +
		"/FontDescriptor 5 0 R /DW 1000 /W [32 126 500] /CIDToGIDMap /Identity >>"
	objs[4] = "<< /Type /FontDescriptor /FontName /TestSong /Flags 4 /FontBBox [0 -200 1000 800] " +
		"/ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>"
	objs[5] = fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", cmap.Len(), cmap.String())

	var out bytes.Buffer
	out.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offsets {
		fmt.Fprintf(&out, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return out.Bytes()
}

// readNeedPDFTool skips a test when pdftotext is missing, except in CI,
// which installs poppler-utils: there a missing tool is a failure.
func readNeedPDFTool(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath(PDFToText); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("pdftotext is required in CI (apt-get install poppler-utils): %v", err)
		}
		t.Skipf("pdftotext not installed: %v", err)
	}
}

func TestReadPDF(t *testing.T) {
	readNeedPDFTool(t)
	path := filepath.Join("testdata", "read", "report.pdf")
	rf, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if rf.Text != readTestPDFText || rf.Format != "pdf" || rf.Encoding != encUTF8 || len(rf.Warnings) > 0 {
		t.Errorf("text:\n%s\nwant:\n%s\nwarnings %q", rf.Text, readTestPDFText, rf.Warnings)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fromBytes, err := ReadBytes("-upload.pdf", data)
	if err != nil || fromBytes.Text != rf.Text {
		t.Errorf("ReadBytes: %v, %+v", err, fromBytes)
	}
	// A file name starting with "-" must not be taken for an option.
	dash := filepath.Join(t.TempDir(), "-x.pdf")
	if err := os.WriteFile(dash, data, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Dir(dash))
	if rf, err := ReadFile("-x.pdf"); err != nil || rf.Text != readTestPDFText {
		t.Errorf("-x.pdf: %v", err)
	}
}

func TestReadPDFErrors(t *testing.T) {
	readNeedPDFTool(t)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"not a pdf", []byte("增长5%"), "read x.pdf: not a valid .pdf (no %PDF header)"},
		{"junk before header", append([]byte("junk\n"), readTestPDF(readTestPDFPages())...), ""},
		{"broken", []byte("%PDF-1.4\n1 0 obj\n<<"), "read x.pdf: pdftotext: exit status 1: "},
	}
	for _, tt := range tests {
		rf, err := ReadBytes("x.pdf", tt.data)
		if tt.want == "" {
			if err != nil || rf.Text != readTestPDFText {
				t.Errorf("%s: %v", tt.name, err)
			}
			continue
		}
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestReadPDFToolMissing(t *testing.T) {
	old := PDFToText
	PDFToText = "pdftotext-not-installed"
	t.Cleanup(func() { PDFToText = old })
	_, err := ReadBytes("X.pdf", []byte("%PDF-1.4"))
	want := "read X.pdf: pdftotext not found (install poppler-utils: apt-get install poppler-utils)"
	if err == nil || err.Error() != want || !errors.Is(err, ErrNoPDFTool) {
		t.Errorf("err = %v, want %q", err, want)
	}
}

func TestPDFJoin(t *testing.T) {
	long := strings.Repeat("经济", 18) // 72 columns
	tests := []struct{ name, in, want string }{
		{"wrapped paragraph", "    " + long + "\n" + long + "\n结束。\n", long + long + "结束。"},
		{"sentence end", long[:len(long)-3] + "。\n" + long, long[:len(long)-3] + "。\n" + long},
		{"short line is a heading", "一、标题\n" + long, "一、标题\n" + long},
		{"indented next line", long + "\n    新段落", long + "\n新段落"},
		{"indented paragraphs", "    " + long + "\n" + long + "\n    " + long + "\n" + long + "。",
			long + long + "\n" + long + long + "。"},
		{"list item", long + "\n（一）项目", long + "\n（一）项目"},
		{"numbered item", long + "\n1. 项目", long + "\n1. 项目"},
		{"decimal is not an item", long + "\n1.5亿元。", long + "1.5亿元。"},
		{"table row", "指标        本期      增速\n工业增加值   12.3      5.6", "指标        本期      增速\n工业增加值   12.3      5.6"},
		{"page break", long + "\f" + long + "\f", long + "\n" + long},
		{"ascii words get a space", strings.Repeat("x", 70) + " word\nnext", strings.Repeat("x", 70) + " word next"},
		{"blank line", long + "\n\n" + long, long + "\n" + long},
	}
	for _, tt := range tests {
		if got := pdfJoin(tt.in); got != tt.want {
			t.Errorf("%s:\n%q\nwant\n%q", tt.name, got, tt.want)
		}
	}
}

func FuzzReadBytes(f *testing.F) {
	names := []string{"f.txt", "f.md", "f.html", "f.docx", "f.HTM"}
	for _, name := range []string{"gbk.txt", "big5.md", "utf16le.txt", "page.html", "report.docx", "truncated.docx"} {
		if b, err := os.ReadFile(filepath.Join("testdata", "read", name)); err == nil {
			kind := map[string]uint8{"txt": 0, "md": 1, "html": 2, "docx": 3}[FileFormat(name)]
			f.Add(kind, b)
		}
	}
	f.Add(uint8(0), []byte{0xFF, 0xFE, 0x00})
	f.Add(uint8(0), []byte{0xFE, 0xFF, 0xD8, 0x00})
	f.Add(uint8(0), []byte{0xEF, 0xBB, 0xBF, 0xFF})
	f.Add(uint8(0), []byte("a\x00b\x00"))
	f.Add(uint8(0), []byte("\xd6\xd0"))
	f.Add(uint8(1), []byte("\r\n\r"))
	f.Add(uint8(2), []byte(`<meta charset="big5"><p>`+"\xa4\xa4"))
	f.Fuzz(func(t *testing.T, kind uint8, data []byte) {
		name := names[int(kind)%len(names)]
		rf, err := ReadBytes(name, data)
		if err != nil {
			if !strings.Contains(err.Error(), name) {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		for _, s := range []string{rf.Text, rf.Title, rf.Date, rf.Source} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8: %q", s)
			}
		}
		if rf.Size != int64(len(data)) || len(rf.Hash) != 64 {
			t.Fatalf("size %d hash %q", rf.Size, rf.Hash)
		}
	})
}
