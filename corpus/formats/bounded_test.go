package formats

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/reportbot/reportbot/internal/procstat"
	"github.com/reportbot/reportbot/internal/testshared"
)

// Bounded work for every input: a crafted file of a few kilobytes must
// not take hundreds of megabytes to read, and no file of up to 20 MB may
// take the reading process past 256 MB.

// docxNested are .docx bodies built to cost as much as their structure
// can: each is a few kilobytes of zip.
var docxNested = map[string]string{
	// encoding/xml keeps a stack entry per open element: 230 MB before.
	"deep paragraphs": strings.Repeat("<w:p>", 2_000_000),
	// Inside an element that is skipped, as deep.
	"deep in a skipped element": "<w:p><w:pPr>" + strings.Repeat("<w:x>", 2_000_000),
	// Every level copied the text of the levels inside it: 770 MB, 4 s.
	"nested tables": strings.Repeat("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>全市工业投资</w:t></w:r></w:p><w:tc>", 6000) +
		strings.Repeat("</w:tc></w:tc></w:tr></w:tbl>", 6000),
	// As deep as allowed, in tables: read, the deep ones flattened.
	"tables within bounds": strings.Repeat("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>第几层</w:t></w:r></w:p>", 60) +
		strings.Repeat("</w:tc></w:tr></w:tbl>", 60),
	"many elements": strings.Repeat("<w:p><w:r/></w:p>", 60_000),
}

// TestDocxNestedXMLIsBounded reads each crafted body and bounds the
// memory allocated, which bounds the peak as well.
func TestDocxNestedXMLIsBounded(t *testing.T) {
	old := docxMaxElements
	docxMaxElements = 100_000 // "many elements" has 120,000
	t.Cleanup(func() { docxMaxElements = old })
	want := map[string]string{
		"deep paragraphs":           "XML nested more than 256 elements deep",
		"deep in a skipped element": "XML nested more than 256 elements deep",
		"nested tables":             "XML nested more than 256 elements deep",
		"many elements":             "more than 100000 XML elements",
	}
	for name, body := range docxNested {
		t.Run(name, func(t *testing.T) {
			data := docxTestZip(t, map[string]string{"word/document.xml": docxTestDocument(body)})
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			rf, err := ReadBytes("x.docx", data)
			runtime.ReadMemStats(&after)
			allocated := after.TotalAlloc - before.TotalAlloc
			t.Logf("%d bytes of zip, %d of XML: %.1f MB allocated", len(data), len(body), float64(allocated)/(1<<20))
			if limit := uint64(48 << 20); allocated > limit {
				t.Errorf("allocated %d MB, want at most %d MB", allocated>>20, limit>>20)
			}
			if msg := want[name]; msg != "" {
				if err == nil || !strings.Contains(err.Error(), msg) {
					t.Errorf("err = %v, want it to say %q", err, msg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if n := strings.Count(rf.Text, "第几层"); n != 60 {
				t.Errorf("%d of 60 levels' text read: %q", n, rf.Text)
			}
		})
	}
}

const rssChildEnv = "REPORTBOT_FORMATS_TEST_RSS_CHILD"

func TestMain(m *testing.M) {
	// The child reads the file named by its arguments and prints its
	// peak RSS in kB.
	testshared.RunChild(rssChildEnv, func() int {
		_, err := ReadFile(os.Args[1])
		fmt.Printf("%d %v\n", procstat.PeakRSSKB(), err)
		return 0
	})
	testshared.Main(m)
}

// TestReadingPeakRSS reads crafted files of up to 20 MB, each in a child
// process, and bounds its peak resident memory.
func TestReadingPeakRSS(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 20 MB files and reads them in child processes; skipped with -short")
	}
	if procstat.PeakRSSKB() == 0 {
		t.Skip("no /proc: peak RSS unknown")
	}
	dir := t.TempDir()
	const mb = 1 << 20
	docx := func(body string) []byte {
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		w, err := zw.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(docxTestDocument(body)))
		zw.Close()
		return b.Bytes()
	}
	sentence := "全市工业投资同比增长12.5%，高于全省3.2个百分点。"
	para := "<w:p><w:r><w:t>" + sentence + "</w:t></w:r></w:p>"
	files := map[string][]byte{
		// At the 64 MiB cap of word/document.xml, as paragraphs, as one
		// paragraph, and as one table cell.
		"paragraphs.docx":    docx(strings.Repeat(para, 63*mb/len(para))),
		"one paragraph.docx": docx("<w:p><w:r><w:t>" + strings.Repeat(sentence, 60*mb/len(sentence)) + "</w:t></w:r></w:p>"),
		"one cell.docx": docx("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>" + strings.Repeat(sentence, 60*mb/len(sentence)) +
			"</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"),
		"deep.docx": docx(docxNested["deep paragraphs"]),
		// 20 MB pages: tags only, a tag per word, text only.
		"tags.html":    []byte("<html><body><div>" + strings.Repeat("<b></b>", 20*mb/7)),
		"words.html":   []byte("<html><body>" + strings.Repeat("<p>增长", 20*mb/9)),
		"text.html":    []byte("<html><body><div>" + strings.Repeat(sentence, 20*mb/len(sentence))),
		"one line.txt": []byte(strings.Repeat(sentence, 20*mb/len(sentence))),
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if len(data) > 20*mb+1024 {
			t.Fatalf("%s: %d bytes, more than 20 MB", name, len(data))
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Run(name, func(t *testing.T) {
			c := exec.Command(exe, p)
			c.Env = append(os.Environ(), rssChildEnv+"=1")
			out, err := c.CombinedOutput()
			if err != nil {
				t.Fatalf("child: %v\n%s", err, out)
			}
			var kb int64
			var rest string
			fmt.Sscanf(string(out), "%d", &kb)
			rest = strings.TrimSpace(strings.SplitN(string(out), " ", 2)[1])
			t.Logf("%.1f MB file: peak RSS %d MB (%s)", float64(len(data))/mb, kb>>10, rest)
			if limit := int64(256 << 10); kb > limit {
				t.Errorf("peak RSS %d MB, want at most 256 MB", kb>>10)
			}
		})
	}
}
