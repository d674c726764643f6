package formats

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// RawFile is a report file decoded to UTF-8 text, before cleaning and analysis.
type RawFile struct {
	Path     string // as given to ReadFile, or the name given to ReadBytes
	Format   string // txt, md, html, docx, pdf
	Encoding string // utf-8, utf-16le, utf-16be, gb18030, big5 ("utf-8" for docx and pdf)
	Hash     string // sha256 hex of the file bytes
	Size     int64

	// Text is the decoded text. For txt and md it is the file's text with
	// line endings turned into "\n"; for html, docx and pdf it is the
	// extracted main text, one paragraph (or table row) per line.
	Text string

	Title string
	// Date is the publication date a web page states, YYYY-MM-DD or
	// YYYY-MM; empty for other formats.
	Date string
	// DateSource tells where Date was found: "html-meta" (a <meta> tag or
	// <time>) or "line" (a 发布时间/来源 byline of the page).
	DateSource string
	// Created is a .docx file's creation date (else modification date)
	// from docProps/core.xml, YYYY-MM-DD. It is kept apart from Date
	// because it is often the date a template was made or the file copied:
	// use it only when neither the text nor the file name gives a date.
	Created string
	// Site is the name of the web site a page comes from, as its <title>
	// gives it after the article's title ("_德阳市经济和信息化局"): evidence of
	// the report's region even where the byline names no place.
	Site   string
	Source string // newspaper or site, from HTML only

	Warnings []string // problems that did not stop reading
}

// Sentinel errors; the errors returned wrap them together with the file name.
var (
	ErrUnsupported = errors.New("unsupported file type")
	ErrBinary      = errors.New("binary file, not text")
	ErrTooLarge    = errors.New("file too large")
	ErrCorrupt     = errors.New("corrupt file")
	ErrNoPDFTool   = errors.New("pdftotext not found (install poppler-utils: apt-get install poppler-utils)")
	// ErrFolderRead is a folder ReportFiles reached again through a
	// symbolic link: its files were passed to fn already.
	ErrFolderRead = errors.New("folder already read")
)

// MaxFileSize is the largest file ReadFile and ReadBytes accept. Everything
// is held in memory (several copies while decoding), so this bounds memory.
var MaxFileSize int64 = 256 << 20

// supportedList is quoted in ErrUnsupported messages.
const supportedList = ".txt .md .html .htm .docx .pdf"

// CorruptError is returned for a file whose container or markup cannot be
// parsed. errors.Is(err, ErrCorrupt) holds, and the underlying parser error
// is kept.
type CorruptError struct {
	Format string // docx, pdf, ...
	Err    error
}

func (e *CorruptError) Error() string {
	return fmt.Sprintf("not a valid .%s (%v)", e.Format, e.Err)
}

func (e *CorruptError) Unwrap() []error { return []error{ErrCorrupt, e.Err} }

// FileFormat returns the format read for a file name (txt, md, html, docx,
// pdf), or "" when the extension is not supported.
func FileFormat(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt":
		return "txt"
	case ".md":
		return "md"
	case ".html", ".htm":
		return "html"
	case ".docx":
		return "docx"
	case ".pdf":
		return "pdf"
	}
	return ""
}

func readUnsupported(name string) error {
	ext := filepath.Ext(name)
	if ext == "" {
		return fmt.Errorf("read %s: %w: no file extension (supported: %s)", name, ErrUnsupported, supportedList)
	}
	return fmt.Errorf("read %s: %w %q (supported: %s)", name, ErrUnsupported, strings.ToLower(ext), supportedList)
}

func readTooLarge(name string, size int64) error {
	return fmt.Errorf("read %s: %w (%s, limit %s)", name, ErrTooLarge, readSize(size), readSize(MaxFileSize))
}

func readSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// ReadFile reads and decodes one report file.
func ReadFile(path string) (*RawFile, error) {
	if FileFormat(path) == "" {
		return nil, readUnsupported(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("read %s: not a regular file (%s)", path, st.Mode().Type())
	}
	if st.Size() > MaxFileSize {
		return nil, readTooLarge(path, st.Size())
	}
	// The size is only a hint: the file may grow while it is read, so the
	// limit is enforced on what is actually read as well.
	buf := make([]byte, 0, st.Size()+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > MaxFileSize {
			return nil, readTooLarge(path, int64(len(buf)))
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
	}
	return readData(path, buf, path)
}

// HashFile returns the content hash ReadFile would give the file at path
// (RawFile.Hash: sha256 of its bytes, in hex) and its size, reading it as
// a stream without decoding it: enough to tell an unchanged or duplicate
// file before any of the work of reading it.
func HashFile(path string) (hash string, size int64, err error) {
	f, err := os.Open(path)
	if err != nil {
		return "", 0, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return "", 0, fmt.Errorf("read %s: %w", path, err)
	}
	if !st.Mode().IsRegular() {
		return "", 0, fmt.Errorf("read %s: not a regular file (%s)", path, st.Mode().Type())
	}
	h := sha256.New()
	size, err = io.Copy(h, f)
	if err != nil {
		return "", 0, fmt.Errorf("read %s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), size, nil
}

// ReadBytes decodes a report held in memory (a chat upload, a fuzz input).
// The format comes from name's extension; name is used in errors only.
func ReadBytes(name string, data []byte) (*RawFile, error) {
	if FileFormat(name) == "" {
		return nil, readUnsupported(name)
	}
	if int64(len(data)) > MaxFileSize {
		return nil, readTooLarge(name, int64(len(data)))
	}
	return readData(name, data, "")
}

// readData decodes data; diskPath is the file on disk when there is one,
// so that pdftotext can read it without a temporary copy.
func readData(name string, data []byte, diskPath string) (*RawFile, error) {
	sum := sha256.Sum256(data)
	rf := &RawFile{
		Path:     name,
		Format:   FileFormat(name),
		Encoding: encUTF8,
		Hash:     hex.EncodeToString(sum[:]),
		Size:     int64(len(data)),
	}
	if len(data) == 0 {
		rf.Warnings = append(rf.Warnings, "empty file")
		return rf, nil
	}
	var err error
	switch rf.Format {
	case "txt", "md":
		var d DecodedText
		d, err = DecodeText(data)
		if err == nil {
			rf.Text, rf.Encoding, rf.Warnings = readNewlines(d.Text), d.Encoding, d.Warnings
		}
	case "html":
		err = readHTML(rf, data)
	case "docx":
		err = readDocx(rf, data)
	case "pdf":
		err = readPDF(rf, data, diskPath)
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if rf.Text == "" && rf.Format != "pdf" {
		rf.Warnings = append(rf.Warnings, "no text found")
	}
	return rf, nil
}

// readNewlines turns CRLF and lone CR line endings into "\n", so that
// every format separates lines the same way.
func readNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// ReportFiles walks root, a file or a folder, and calls fn for every
// report file under it (extensions .txt .md .html .htm .docx .pdf, in any
// case), in lexical order. Symbolic links are followed; a folder reached
// twice (a link loop, or two links to one folder) is walked once, and
// reaching it again is passed to fn as an error, as is a broken link, so
// that nothing is passed over in silence. Hidden
// files and folders (".name"), Office lock files ("~$name") and *.meta
// sidecars are skipped, except root itself. A path that cannot be read is
// passed to fn with a non-nil error, and so is a root file whose extension
// is not supported. If fn returns filepath.SkipAll the walk stops without
// error, filepath.SkipDir skips the rest of the current folder, and any
// other error stops the walk and is returned.
func ReportFiles(root string, fn func(path string, err error) error) error {
	st, err := os.Stat(root)
	if err != nil {
		return readSkip(fn(root, fmt.Errorf("read %s: %w", root, err)))
	}
	if !st.IsDir() {
		if FileFormat(root) == "" {
			return readSkip(fn(root, readUnsupported(root)))
		}
		return readSkip(fn(root, nil))
	}
	w := readWalker{fn: fn, seen: map[string]string{}}
	return readSkip(w.dir(root))
}

func readSkip(err error) error {
	if errors.Is(err, filepath.SkipAll) || errors.Is(err, filepath.SkipDir) {
		return nil
	}
	return err
}

type readWalker struct {
	fn   func(string, error) error
	seen map[string]string // real paths of folders already walked → the path they were walked as
}

func (w *readWalker) dir(dir string) error {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return w.fn(dir, fmt.Errorf("read %s: %w", dir, err))
	}
	if abs, err := filepath.Abs(real); err == nil {
		real = abs
	}
	if first, ok := w.seen[real]; ok {
		return w.fn(dir, fmt.Errorf("read %s: %w (as %s): a symbolic-link loop, or a second link to one folder", dir, ErrFolderRead, first))
	}
	w.seen[real] = dir
	entries, err := os.ReadDir(dir)
	if err != nil {
		if err := w.fn(dir, fmt.Errorf("read %s: %w", dir, err)); err != nil {
			return err
		}
		// ReadDir returns the entries it could read before the error.
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") ||
			strings.EqualFold(filepath.Ext(name), ".meta") {
			continue
		}
		p := filepath.Join(dir, name)
		typ := e.Type()
		if typ&fs.ModeSymlink != 0 {
			st, err := os.Stat(p)
			if err != nil {
				// A broken link may have pointed to a folder of reports:
				// it is named, whatever its name.
				if err := w.fn(p, fmt.Errorf("read %s: %w", p, err)); err != nil {
					if errors.Is(err, filepath.SkipDir) {
						return nil
					}
					return err
				}
				continue
			}
			typ = st.Mode().Type()
		}
		if typ.IsDir() {
			if err := w.dir(p); err != nil {
				if errors.Is(err, filepath.SkipDir) {
					continue
				}
				return err
			}
			continue
		}
		if !typ.IsRegular() {
			continue
		}
		// A file of another type is named, not passed over in silence: a
		// folder of old .doc reports must not look empty.
		var ferr error
		if FileFormat(name) == "" {
			ferr = readUnsupported(p)
		}
		if err := w.fn(p, ferr); err != nil {
			if errors.Is(err, filepath.SkipDir) {
				return nil
			}
			return err
		}
	}
	return nil
}
