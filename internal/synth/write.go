package synth

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// encode returns text in the named encoding. GB18030 encodes every
// character, so the error case cannot happen; UTF-8 is kept then.
func encode(text, encoding string) []byte {
	if encoding == "gb18030" {
		b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(text))
		if err == nil {
			return b
		}
	}
	return []byte(text)
}

// FileInfo is what a written corpus records of one report.
type FileInfo struct {
	Path      string // absolute (or as joined with the directory given)
	Region    string
	Sentences int
	Unique    string
	Bytes     int
}

// Manifest is the ground truth of a written corpus.
type Manifest struct {
	Dir       string
	Reports   int
	Sentences int
	Bytes     int64 // bytes of the files
	Files     []FileInfo
	Facts     []Fact
	// HeldOut are prefectures no report is about.
	HeldOut []string
	// Shorts are the short names of the regions reports are about.
	Shorts []string
}

// Write generates reports with sentences body sentences in all (the last
// report is cut to fit) and writes them under dir, which is created.
// Progress, if not nil, gets a line now and then. Memory stays small
// whatever the size: each report is written as soon as it is made.
func Write(ctx context.Context, dir string, sentences int, cfg Config, progress io.Writer) (Manifest, error) {
	m := Manifest{Dir: dir}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return m, err
	}
	g := New(cfg)
	m.HeldOut, m.Shorts = g.HeldOut(), g.Shorts()
	madeDirs := map[string]bool{}
	last := time.Now()
	for m.Sentences < sentences {
		if err := ctx.Err(); err != nil {
			return m, err
		}
		var r Report
		if left := sentences - m.Sentences; left < g.cfg.MaxSentences {
			r = g.NextN(left)
		} else {
			r = g.Next()
		}
		path := filepath.Join(dir, filepath.FromSlash(r.Name))
		if d := filepath.Dir(path); !madeDirs[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return m, err
			}
			madeDirs[d] = true
		}
		if err := os.WriteFile(path, r.Data, 0o644); err != nil {
			return m, err
		}
		m.Reports++
		m.Sentences += r.Sentences
		m.Bytes += int64(len(r.Data))
		m.Files = append(m.Files, FileInfo{Path: path, Region: r.Region, Sentences: r.Sentences, Unique: r.Unique, Bytes: len(r.Data)})
		m.Facts = append(m.Facts, r.Facts...)
		if progress != nil && time.Since(last) > time.Second {
			last = time.Now()
			fmt.Fprintf(progress, "\rgenerating: %d/%d sentences, %d files, %.1f MB   ", m.Sentences, sentences, m.Reports, float64(m.Bytes)/1e6)
		}
	}
	if progress != nil {
		fmt.Fprintf(progress, "\rgenerated: %d sentences, %d files, %.1f MB        \n", m.Sentences, m.Reports, float64(m.Bytes)/1e6)
	}
	return m, nil
}
