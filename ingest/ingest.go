// Package ingest is reportbot's indexing pipeline: it finds the report
// files under folders, reads, hashes and analyses them (package corpus),
// and hands the analysed documents to an index (package index), which only
// stores and searches what it is given. The command line, the Telegram
// bot's uploads and /reindex, and the benchmark all index through it.
//
// Design:
//
//   - One walk, then work. The folders are walked first (corpus.ReportFiles
//     decides what a report file is), so that progress can say how much is
//     left; files that cannot even be listed are skipped with their reason.
//
//   - Reading and analysis run on Options.Workers goroutines (one per core
//     by default): decoding and extraction are most of the CPU of indexing.
//     A file whose path and content hash are already indexed is skipped
//     after hashing, before any analysis, so a re-run over an unchanged
//     folder costs little more than reading it.
//
//   - One index.Writer takes every analysed document, from the one
//     goroutine that collects the workers' results. It groups small files
//     into batches and writes every file whole or not at all, so a run that
//     is interrupted (or killed) leaves whole files only and is completed
//     by running it again.
//
//   - Memory is bounded per file, not per run: a file with more than
//     Options.MaxTextBytes of decoded text is refused before analysis
//     (indexing holds about 130 times a file's text), and analysed
//     documents are dropped once written unless Options.KeepDocs asks for
//     them.
//
//   - A file is skipped, never fatal: the Report lists every skipped path
//     with a reason meant for the person who put it there. Only a failure
//     of the index itself, or cancellation, ends a run with an error.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/reportbot/reportbot/corpus"
	"github.com/reportbot/reportbot/index"
)

// Pipeline indexes report files into one index. It is safe for concurrent
// use as far as the index is: runs over the same paths should be
// serialised by the caller, as the bot does, so that their reports make
// sense.
type Pipeline struct {
	ix *index.Index
}

// New returns a pipeline that writes into ix, which must be open for
// writing.
func New(ix *index.Index) *Pipeline {
	return &Pipeline{ix: ix}
}

// Options tune a Run.
type Options struct {
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
	// KeepDocs keeps the documents written in Report.Docs, for a caller
	// that reports what was learned of an uploaded file. Off for bulk
	// indexing, where holding every document would grow memory with the
	// corpus.
	KeepDocs bool
	// BatchBytes groups small files into one write; 0 means the Writer's
	// default (index.DefaultBatchBytes).
	BatchBytes int
}

// Skip is a file that was not indexed, and why.
type Skip struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// Report summarises a Run.
type Report struct {
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
	// Docs holds the documents written this run when Options.KeepDocs is
	// set.
	Docs []*corpus.Document `json:"-"`
}

// DefaultMaxTextBytes is the largest report indexed as one file: 8 MiB of
// text is some 2,500 pages, far beyond any work report, and costs about
// 1 GiB of memory while it is indexed.
const DefaultMaxTextBytes = 8 << 20

// progressEvery is how often Options.Progress gets a line.
const progressEvery = 500 * time.Millisecond

type walked struct {
	path string
	size int64
}

// analysed is what a worker made of one file.
type analysed struct {
	doc       *corpus.Document
	path      string
	size      int64
	unchanged bool
	err       error
}

// Run indexes every report file under paths (files or folders).
func (p *Pipeline) Run(ctx context.Context, paths []string, opts Options) (Report, error) {
	start := time.Now()
	var rep Report
	files, total, err := walk(ctx, paths, &rep)
	if err != nil {
		return rep, err
	}
	rep.Files = len(files)

	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	maxText := opts.MaxTextBytes
	if maxText <= 0 {
		maxText = DefaultMaxTextBytes
	}
	jobs := make(chan walked)
	results := make(chan analysed, workers*2)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range jobs {
				results <- p.analyse(f, maxText)
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

	w := p.ix.NewWriter(opts.BatchBytes)
	var done int
	var doneBytes int64
	lastProgress := time.Now()
	var writeErr error
	for r := range results {
		done++
		doneBytes += r.size
		switch {
		case r.err != nil:
			rep.Skipped = append(rep.Skipped, Skip{r.path, r.err.Error()})
		case r.unchanged:
			rep.Unchanged++
		case writeErr == nil:
			// After a failed write the remaining results are drained,
			// not written, so that the workers can finish.
			writeErr = put(w, r, &rep, opts.KeepDocs)
		}
		if opts.Progress != nil && time.Since(lastProgress) > progressEvery {
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
		removed, err := p.ix.Prune(func(path string) bool {
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

// walk lists the report files under paths with their sizes, and records
// in rep the paths that cannot be listed.
func walk(ctx context.Context, paths []string, rep *Report) (files []walked, total int64, err error) {
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
			return files, total, err
		}
	}
	return files, total, nil
}

// analyse reads one file and, unless it is refused or already indexed
// with the same content, analyses it.
func (p *Pipeline) analyse(f walked, maxText int) analysed {
	out := analysed{path: f.path, size: f.size}
	raw, err := corpus.ReadFile(f.path)
	if err != nil {
		out.err = err
		return out
	}
	if len(raw.Text) > maxText {
		out.err = fmt.Errorf("too large to index as one report (%.1f MB of text, the limit is %.1f MB): split it into smaller files, or raise the limit (-max-text-mb)",
			float64(len(raw.Text))/(1<<20), float64(maxText)/(1<<20))
		return out
	}
	if !utf8.ValidString(raw.Path) {
		// The index keeps paths as UTF-8 text; another name would be
		// stored altered and indexed again on every run.
		out.err = errors.New("the file name is not valid UTF-8: rename the file")
		return out
	}
	if p.ix.Unchanged(raw.Path, raw.Hash) {
		out.unchanged = true
		return out
	}
	side, err := corpus.ReadSidecar(f.path)
	if err != nil {
		out.err = err
		return out
	}
	out.doc = corpus.Process(raw, corpus.Options{Sidecar: side})
	return out
}

// put writes one analysed file and counts it in rep.
func put(w *index.Writer, r analysed, rep *Report, keepDocs bool) error {
	out, err := w.Put(r.doc)
	if err != nil {
		return fmt.Errorf("index %s: %w", r.path, err)
	}
	switch out {
	case index.Added:
		rep.Added++
	case index.Replaced:
		rep.Replaced++
	case index.Unchanged:
		rep.Unchanged++
		return nil
	}
	rep.Bytes += int64(len(r.doc.Text))
	for _, para := range r.doc.Paragraphs {
		rep.Sentences += len(para.Sentences)
		for _, s := range para.Sentences {
			rep.Figures += len(s.Figures)
		}
	}
	if keepDocs {
		rep.Docs = append(rep.Docs, r.doc)
	}
	return nil
}

// printProgress writes one progress line, ended by a carriage return so
// that a terminal shows the latest only; the last line ends the run with
// a newline.
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
