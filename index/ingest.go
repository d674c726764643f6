package index

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/reportbot/reportbot/corpus"
)

// Ingest is the indexing pipeline: it walks report folders, reads and
// analyses files on every core, and writes them through one Writer. An
// unchanged file (same path, same content hash) is skipped after hashing,
// before any analysis; a file is written whole or not at all, so an
// interrupted run is completed by running it again.

// IngestOptions tune Ingest.
type IngestOptions struct {
	// Workers read and analyse files in parallel; 0 means GOMAXPROCS.
	Workers int
	// Prune removes indexed files that no longer exist on disk.
	Prune bool
	// Progress, if set, receives a progress line about twice a second.
	Progress io.Writer
	// MaxTextBytes refuses a file whose decoded text is larger, with a
	// Skip that says so; 0 means DefaultMaxTextBytes. Indexing holds a
	// whole file in memory at about 130 times its text size (its Document
	// and its bleve batch), so one huge file must not take the machine.
	MaxTextBytes int
	// KeepDocs keeps the documents written in IngestReport.Docs, for a
	// caller that reports what was learned of an uploaded file. Off for
	// bulk indexing, where holding every document would grow memory with
	// the corpus.
	KeepDocs bool
	// BatchBytes groups small files into one write; 0 means the Writer's default (DefaultBatchBytes).
	BatchBytes int
}

// Skip is a file that was not indexed, and why.
type Skip struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// IngestReport summarises a run of Ingest.
type IngestReport struct {
	Files     int           `json:"files"` // report files found
	Added     int           `json:"added"`
	Replaced  int           `json:"replaced"`
	Unchanged int           `json:"unchanged"`
	Removed   []string      `json:"removed,omitempty"`
	Sentences int           `json:"sentences"` // in files written this run
	Figures   int           `json:"figures"`
	Bytes     int64         `json:"bytes"` // text bytes analysed
	Skipped   []Skip        `json:"skipped,omitempty"`
	Elapsed   time.Duration `json:"elapsed"`
	// Docs holds the documents written this run when IngestOptions.KeepDocs
	// is set.
	Docs []*corpus.Document `json:"-"`
}

// DefaultMaxTextBytes is the largest report indexed as one file: 8 MiB of
// text is some 2,500 pages, far beyond any work report, and costs about
// 1 GiB of memory while it is indexed.
const DefaultMaxTextBytes = 8 << 20

type walked struct {
	path string
	size int64
}

// Ingest indexes every report file under paths.
func (ix *Index) Ingest(ctx context.Context, paths []string, opts IngestOptions) (IngestReport, error) {
	start := time.Now()
	var rep IngestReport
	var files []walked
	var total int64
	for _, root := range paths {
		err := corpus.ReportFiles(root, func(path string, err error) error {
			if err != nil {
				rep.Skipped = append(rep.Skipped, Skip{path, err.Error()})
				return nil
			}
			var size int64
			if st, err := os.Stat(path); err == nil {
				size = st.Size()
			}
			files = append(files, walked{path, size})
			total += size
			return ctx.Err()
		})
		if err != nil {
			return rep, err
		}
	}
	rep.Files = len(files)

	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type result struct {
		doc       *corpus.Document
		path      string
		size      int64
		unchanged bool
		err       error
	}
	maxText := opts.MaxTextBytes
	if maxText <= 0 {
		maxText = DefaultMaxTextBytes
	}
	jobs := make(chan walked)
	results := make(chan result, workers*2)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range jobs {
				raw, err := corpus.ReadFile(f.path)
				if err != nil {
					results <- result{path: f.path, size: f.size, err: err}
					continue
				}
				if len(raw.Text) > maxText {
					results <- result{path: f.path, size: f.size, err: fmt.Errorf("too large to index as one report (%.1f MB of text, the limit is %.1f MB): split it into smaller files, or raise the limit (-max-text-mb)",
						float64(len(raw.Text))/(1<<20), float64(maxText)/(1<<20))}
					continue
				}
				if !utf8.ValidString(raw.Path) {
					// The index keeps paths as UTF-8 text; another name would
					// be stored altered and indexed again on every run.
					results <- result{path: f.path, size: f.size, err: fmt.Errorf("the file name is not valid UTF-8: rename the file")}
					continue
				}
				if ix.Unchanged(raw.Path, raw.Hash) {
					results <- result{path: f.path, size: f.size, unchanged: true}
					continue
				}
				side, err := corpus.ReadSidecar(f.path)
				if err != nil {
					results <- result{path: f.path, size: f.size, err: err}
					continue
				}
				doc := corpus.Process(raw, corpus.Options{Sidecar: side})
				results <- result{doc: doc, path: f.path, size: f.size}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, f := range files {
			select {
			case jobs <- f:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()

	w := ix.NewWriter(opts.BatchBytes)
	var done int
	var doneBytes int64
	lastProgress := time.Now()
	var writeErr error
	for r := range results {
		done++
		doneBytes += r.size
		switch {
		case r.err != nil:
			rep.Skipped = append(rep.Skipped, Skip{r.path, reason(r.err)})
		case r.unchanged:
			rep.Unchanged++
		case writeErr == nil:
			out, err := w.Put(r.doc)
			if err != nil {
				writeErr = fmt.Errorf("index %s: %w", r.path, err)
				continue
			}
			switch out {
			case Added:
				rep.Added++
			case Replaced:
				rep.Replaced++
			case Unchanged:
				rep.Unchanged++
			}
			if out != Unchanged {
				rep.Bytes += int64(len(r.doc.Text))
				for _, p := range r.doc.Paragraphs {
					rep.Sentences += len(p.Sentences)
					for _, s := range p.Sentences {
						rep.Figures += len(s.Figures)
					}
				}
				if opts.KeepDocs {
					rep.Docs = append(rep.Docs, r.doc)
				}
			}
		}
		if opts.Progress != nil && time.Since(lastProgress) > 500*time.Millisecond {
			lastProgress = time.Now()
			printProgress(opts.Progress, done, len(files), doneBytes, total, time.Since(start))
		}
	}
	if err := w.Close(); err != nil && writeErr == nil {
		writeErr = err
	}
	if writeErr != nil {
		return rep, writeErr
	}
	if err := ctx.Err(); err != nil {
		return rep, err
	}
	if opts.Prune {
		removed, err := ix.Prune(func(path string) bool {
			_, err := os.Stat(path)
			return !errors.Is(err, os.ErrNotExist)
		})
		if err != nil {
			return rep, fmt.Errorf("prune: %w", err)
		}
		rep.Removed = removed
	}
	sort.Slice(rep.Skipped, func(i, j int) bool { return rep.Skipped[i].Path < rep.Skipped[j].Path })
	rep.Elapsed = time.Since(start)
	if opts.Progress != nil && len(files) > 0 {
		printProgress(opts.Progress, done, len(files), doneBytes, total, rep.Elapsed)
	}
	return rep, nil
}

// reason is an error without the file name that the report already shows.
func reason(err error) string {
	return err.Error()
}

func printProgress(w io.Writer, done, total int, doneBytes, totalBytes int64, elapsed time.Duration) {
	rate := float64(doneBytes) / (1 << 20) / max(elapsed.Seconds(), 1e-3)
	eta := "-"
	if doneBytes > 0 && totalBytes > doneBytes {
		left := time.Duration(float64(elapsed) * float64(totalBytes-doneBytes) / float64(doneBytes))
		eta = left.Round(time.Second).String()
	}
	fmt.Fprintf(w, "\rindexing: %d/%d files, %.1f MB/s, ETA %s   ", done, total, rate, eta)
	if done == total {
		fmt.Fprintln(w)
	}
}

// cleanPath is the form in which paths are kept in the index.
func cleanPath(p string) string { return filepath.Clean(p) }
