package formats

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"
)

// PDFToText is the pdftotext program (poppler-utils) used to read PDFs.
var PDFToText = "pdftotext"

// PDFTimeout bounds one pdftotext run; a malformed PDF can make it spin.
var PDFTimeout = 2 * time.Minute

// readPDF extracts text with pdftotext -layout and rejoins the lines it
// wrapped. diskPath is the file on disk, or "" for bytes in memory, which
// are written to a temporary file first.
func readPDF(rf *RawFile, data []byte, diskPath string) error {
	tool, err := exec.LookPath(PDFToText)
	if err != nil {
		return ErrNoPDFTool
	}
	// Readers accept junk before the header within the first kilobyte.
	if !bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")) {
		return &CorruptError{Format: "pdf", Err: errors.New("no %PDF header")}
	}
	path := diskPath
	if path == "" {
		tmp, err := os.CreateTemp("", "reportbot-*.pdf")
		if err != nil {
			return fmt.Errorf("pdf: temporary file: %w", err)
		}
		defer os.Remove(tmp.Name())
		_, werr := tmp.Write(data)
		if cerr := tmp.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			return fmt.Errorf("pdf: temporary file: %w", werr)
		}
		path = tmp.Name()
	}
	if !filepath.IsAbs(path) && strings.HasPrefix(path, "-") {
		path = "." + string(filepath.Separator) + path // not an option to pdftotext
	}

	ctx, cancel := context.WithTimeout(context.Background(), PDFTimeout)
	defer cancel()
	// Text may be larger than the PDF (compressed streams), but not without
	// bound: past the limit pdftotext is stopped.
	stdout := &pdfCapped{max: MaxFileSize, cancel: cancel}
	stderr := &pdfCapped{max: 4 << 10}
	cmd := exec.CommandContext(ctx, tool, "-layout", "-enc", "UTF-8", path, "-")
	cmd.Stdout, cmd.Stderr = stdout, stderr
	cmd.WaitDelay = 5 * time.Second
	err = cmd.Run()
	msg := strings.TrimSpace(stderr.buf.String())
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	switch {
	case stdout.over:
		return fmt.Errorf("%w: pdftotext output exceeds %s", ErrTooLarge, readSize(stdout.max))
	case ctx.Err() == context.DeadlineExceeded:
		return fmt.Errorf("pdftotext timed out after %v", PDFTimeout)
	case err != nil && msg != "":
		return fmt.Errorf("pdftotext: %w: %s", err, msg)
	case err != nil:
		return fmt.Errorf("pdftotext: %w", err)
	}
	out := stdout.buf.Bytes()
	if !utf8.Valid(out) {
		out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
	}
	rf.Text = pdfJoin(string(out))
	if msg != "" {
		rf.Warnings = append(rf.Warnings, "pdftotext: "+msg)
	}
	if rf.Text == "" {
		rf.Warnings = append(rf.Warnings, "pdf has no text layer (a scanned image?)")
	}
	return nil
}

// pdfCapped keeps at most max bytes. Past that it swallows the rest and
// cancels the command: returning an error instead would stop exec's copy
// loop and leave pdftotext blocked on a full pipe until the timeout.
type pdfCapped struct {
	buf    bytes.Buffer
	max    int64
	over   bool
	cancel func()
}

func (c *pdfCapped) Write(p []byte) (int, error) {
	if room := c.max - int64(c.buf.Len()); int64(len(p)) > room {
		c.buf.Write(p[:max(room, 0)])
		if !c.over && c.cancel != nil {
			c.cancel()
		}
		c.over = true
		return len(p), nil
	}
	return c.buf.Write(p)
}

// pdfEnds are the characters that end a paragraph's last line.
const pdfEnds = "。！？；：…!?;:”」』"

// pdfJoin rejoins the lines pdftotext wraps. Two lines are joined only
// when the first plainly runs on: it fills the page width, does not end a
// sentence, and neither line looks like a heading, list item or table row
// (a wide gap of spaces). Anything else stays a line of its own, so a
// doubtful case splits a paragraph rather than gluing two together. A
// page break (form feed) always ends a paragraph.
func pdfJoin(s string) string {
	var paras []string
	for _, page := range strings.Split(s, "\f") {
		lines := strings.Split(page, "\n")
		width := 0
		for _, l := range lines {
			width = max(width, pdfWidth(strings.TrimRight(l, " \t\r\u3000")))
		}
		var cur strings.Builder
		prevIndent, prevWidth, prevText := 0, 0, "" // of the line before
		flush := func() {
			if cur.Len() > 0 {
				paras = append(paras, cur.String())
				cur.Reset()
			}
			prevText = ""
		}
		for _, raw := range lines {
			l := strings.TrimRight(raw, " \t\r\u3000")
			text := strings.TrimLeft(l, " \t\u3000")
			if text == "" {
				flush()
				continue
			}
			indent := pdfWidth(l[:len(l)-len(text)])
			if prevText != "" && pdfRunsOn(prevText, prevWidth, width) && indent <= prevIndent+1 &&
				!pdfHasGap(text) && !pdfListStart(text) {
				if pdfASCIIWord(pdfLastRune(prevText)) && pdfASCIIWord(pdfFirstRune(text)) {
					cur.WriteByte(' ')
				}
				cur.WriteString(text)
			} else {
				flush()
				cur.WriteString(text)
			}
			prevText, prevWidth, prevIndent = text, pdfWidth(l), indent
		}
		flush()
	}
	return strings.Join(paras, "\n")
}

func pdfRunsOn(text string, lineWidth, pageWidth int) bool {
	return lineWidth*10 >= pageWidth*8 && !strings.ContainsRune(pdfEnds, pdfLastRune(text)) && !pdfHasGap(text)
}

// pdfHasGap reports a run of three or more spaces inside a line, which
// -layout produces between table columns and text columns.
func pdfHasGap(s string) bool {
	return strings.Contains(s, "   ") || strings.Contains(s, "\u3000\u3000\u3000")
}

// pdfListStart reports lines that start a heading or list item: 一、
// （一） 1. 1、 第一章 and bullets.
func pdfListStart(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case strings.ContainsRune("（(●•■◆▪·-*", r):
		return true
	case strings.ContainsRune("一二三四五六七八九十", r):
		next, _ := utf8.DecodeRuneInString(s[size:])
		return next == '、' || strings.ContainsRune("一二三四五六七八九十、", next) && strings.Contains(s[:min(len(s), 12)], "、")
	case r >= '0' && r <= '9':
		i := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i < len(s) && i <= 2 && (s[i] == '.' || strings.HasPrefix(s[i:], "、") || strings.HasPrefix(s[i:], "．")) &&
			!(s[i] == '.' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9')
	case r == '第':
		return strings.ContainsAny(s[:min(len(s), 15)], "章节条部分")
	}
	return false
}

// pdfWidth is a line's width in columns: wide characters take two.
func pdfWidth(s string) int {
	w := 0
	for _, r := range s {
		if r == '\t' {
			w += 8
		} else if htmlWide(r) || r >= 0xAC00 && r <= 0xD7A3 {
			w += 2
		} else {
			w++
		}
	}
	return w
}

func pdfASCIIWord(r rune) bool {
	return r < utf8.RuneSelf && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
}

func pdfFirstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func pdfLastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
