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
//   - A file is known by its canonical path (CanonicalPath: absolute, links
//     resolved), so one file reached under several spellings is indexed
//     once, and by its content hash: a file whose content is indexed under
//     another path that still exists is skipped with a line naming it,
//     while an entry whose file is gone or is this very file under an
//     older name (a move, or an index built before paths were canonical)
//     gives way to it.
//
//   - Hash, decide, then analyse. Every file is hashed first (on
//     Options.Workers goroutines, without decoding), then what to do with
//     each is decided in walk order, so that of two copies in one run the
//     first is always the one kept; an unchanged file costs one read. Only
//     the files to index are then read and analysed in parallel: decoding
//     and extraction are most of the CPU of indexing.
//
//   - Every file found is counted once: Report.Files is Added + Replaced +
//     Unchanged + len(Skipped) + Pending.
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
	"path/filepath"
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

// Report summarises a Run. Every path found is counted in exactly one of
// Added, Replaced, Unchanged, Skipped and Pending, which add up to Files.
type Report struct {
	// Files counts every path found: report files, and the files, links
	// and folders skipped while walking (an unsupported type, a link loop).
	Files     int `json:"files"`
	Added     int `json:"added"`
	Replaced  int `json:"replaced"`
	Unchanged int `json:"unchanged"`
	// Pending counts the files not reached when the run was cancelled.
	Pending int `json:"pending,omitempty"`
	// Removed lists the entries taken out of the index: pruned files, and
	// older names of files indexed now (moved, or indexed before under
	// another spelling of their path).
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

// walked is a report file found by the walk, under its canonical path.
type walked struct {
	path string
	size int64
}

// hashed is what hashing found of a walked file.
type hashed struct {
	hash string
	size int64
	err  error
}

// analysed is what a worker made of one file.
type analysed struct {
	doc  *corpus.Document
	path string
	size int64
	err  error
}

// plan is what a Run decided to do with the files it hashed.
type plan struct {
	todo []walked
	// supersedes lists, for a file to index, the entries that are the same
	// file under an older name, or a copy whose file is gone: they are
	// removed once the file is written.
	supersedes map[string][]string
	// drop lists entries removed whatever else happens: older names of
	// unchanged files, and earlier versions of files now skipped.
	drop []string
}

// Run indexes every report file under paths (files or folders).
// compactAfterFiles is how many files a run must write to end with
// index.Compact: a bulk load leaves a score of segments, and every
// question looks its terms up in each (at a million sentences, one
// segment instead of 22 answered 10-20 % faster, and compacting took 5 s
// of 80). A run that writes a few files leaves a few small segments,
// which the index's own merging folds in.
const compactAfterFiles = 500

func (p *Pipeline) Run(ctx context.Context, paths []string, opts Options) (Report, error) {
	start := time.Now()
	var rep Report
	files, total, err := walk(ctx, paths, &rep)
	rep.Files = len(files) + len(rep.Skipped)
	if err != nil {
		rep.Pending = len(files)
		return rep, err
	}

	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	maxText := opts.MaxTextBytes
	if maxText <= 0 {
		maxText = DefaultMaxTextBytes
	}
	prog := progress{w: opts.Progress, start: start, files: len(files), bytes: total}

	sums, err := hashAll(ctx, files, workers, &prog)
	if err != nil {
		rep.Pending = len(files)
		return rep, err
	}
	pl := p.decide(files, sums, &rep)
	prog.done = len(files) - len(pl.todo)
	for i := range files {
		if sums[i].err == nil {
			prog.doneBytes += sums[i].size
		}
	}
	for _, f := range pl.todo {
		prog.doneBytes -= f.size
	}

	written, writeErr := p.analyseAndWrite(ctx, pl.todo, workers, maxText, opts, &rep, &prog)
	if writeErr != nil {
		return rep, writeErr
	}
	// Older names give way only to a file that was written.
	gone := append([]string(nil), pl.drop...)
	for _, path := range written {
		gone = append(gone, pl.supersedes[path]...)
	}
	if len(gone) > 0 {
		drop := make(map[string]bool, len(gone))
		for _, g := range gone {
			drop[g] = true
		}
		removed, err := p.ix.Prune(func(path string) bool { return !drop[path] })
		rep.Removed = append(rep.Removed, removed...)
		if err != nil {
			return rep, fmt.Errorf("remove older names: %w", err)
		}
	}
	// Cancelled once every file was done, the run is complete unless it
	// had still to prune.
	if err := ctx.Err(); err != nil && (rep.Pending > 0 || opts.Prune) {
		sort.Slice(rep.Skipped, func(i, j int) bool { return rep.Skipped[i].Path < rep.Skipped[j].Path })
		return rep, err
	}
	if opts.Prune {
		removed, err := p.prune()
		rep.Removed = append(rep.Removed, removed...)
		if err != nil {
			return rep, fmt.Errorf("prune: %w", err)
		}
	}
	sort.Strings(rep.Removed)
	sort.Slice(rep.Skipped, func(i, j int) bool { return rep.Skipped[i].Path < rep.Skipped[j].Path })
	if len(files) > 0 {
		prog.print("indexing", true)
	}
	if len(written) >= compactAfterFiles {
		t := time.Now()
		if opts.Progress != nil {
			fmt.Fprintf(opts.Progress, "compacting the index (%d files written)... ", len(written))
		}
		if err := p.ix.Compact(ctx); err != nil {
			return rep, fmt.Errorf("compact: %w", err)
		}
		if opts.Progress != nil {
			fmt.Fprintf(opts.Progress, "%.1fs\n", time.Since(t).Seconds())
		}
	}
	rep.Elapsed = time.Since(start)
	return rep, nil
}

// walk lists the report files under paths by their canonical paths, with
// their sizes, and records in rep the paths that cannot be listed and the
// files reached a second time under another name.
func walk(ctx context.Context, paths []string, rep *Report) (files []walked, total int64, err error) {
	seen := map[string]string{} // canonical path → path it was found as
	for _, root := range paths {
		err := corpus.ReportFiles(root, func(path string, err error) error {
			if err != nil {
				rep.Skipped = append(rep.Skipped, Skip{absOrAsIs(path), err.Error()})
				return ctx.Err()
			}
			canon, err := CanonicalPath(path)
			if err != nil {
				rep.Skipped = append(rep.Skipped, Skip{absOrAsIs(path), err.Error()})
				return ctx.Err()
			}
			if first, ok := seen[canon]; ok {
				rep.Skipped = append(rep.Skipped, Skip{absOrAsIs(path), fmt.Sprintf("the same file as %s, read already in this run", first)})
				return ctx.Err()
			}
			seen[canon] = absOrAsIs(path)
			var size int64
			if st, err := os.Stat(canon); err == nil {
				size = st.Size()
			}
			files = append(files, walked{canon, size})
			total += size
			return ctx.Err()
		})
		if err != nil {
			return files, total, err
		}
	}
	return files, total, nil
}

// hashAll hashes files on workers goroutines; sums[i] is files[i]'s.
func hashAll(ctx context.Context, files []walked, workers int, prog *progress) ([]hashed, error) {
	sums := make([]hashed, len(files))
	jobs := make(chan int)
	finished := make(chan int64, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				h, size, err := corpus.HashFile(files[i].path)
				sums[i] = hashed{hash: h, size: size, err: err}
				finished <- size
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range files {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(finished) }()
	for size := range finished {
		prog.done++
		prog.doneBytes += size
		prog.maybePrint("hashing")
	}
	prog.done, prog.doneBytes = 0, 0
	return sums, ctx.Err()
}

// decide sorts hashed files, in walk order, into unchanged, skipped (and
// why) and to be indexed, and finds the index entries each one replaces.
func (p *Pipeline) decide(files []walked, sums []hashed, rep *Report) plan {
	pl := plan{supersedes: map[string][]string{}}
	byHash := map[string][]string{} // content hash → indexed paths, and paths to index this run
	indexedHash := map[string]string{}
	for _, f := range p.ix.Files() {
		byHash[f.Hash] = append(byHash[f.Hash], f.Path)
		indexedHash[f.Path] = f.Hash
	}
	for i, f := range files {
		s := sums[i]
		if s.err != nil {
			rep.Skipped = append(rep.Skipped, Skip{f.path, s.err.Error()})
			continue
		}
		old, wasIndexed := indexedHash[f.path]
		// Entries of the same content under other paths: this file under
		// an older name or moved from a path that is gone (stale), or
		// another copy that still exists (others).
		var stale, others []string
		for _, q := range byHash[s.hash] {
			switch {
			case q == f.path:
			case sameFileOrGone(q, f.path):
				stale = append(stale, q)
			default:
				others = append(others, q)
			}
		}
		dropOld := func(reason string) string {
			if wasIndexed {
				pl.drop = append(pl.drop, f.path)
				return reason + "; its earlier version was removed from the index"
			}
			return reason
		}
		switch {
		case s.size == 0:
			rep.Skipped = append(rep.Skipped, Skip{f.path, dropOld("empty file (0 bytes): nothing to index")})
		case wasIndexed && old == s.hash:
			rep.Unchanged++
			pl.drop = append(pl.drop, stale...)
		case len(others) > 0:
			rep.Skipped = append(rep.Skipped, Skip{f.path, dropOld(fmt.Sprintf("the same content as %s, which is indexed already", others[0]))})
		default:
			pl.todo = append(pl.todo, f)
			pl.supersedes[f.path] = stale
			byHash[s.hash] = append(byHash[s.hash], f.path)
		}
	}
	return pl
}

// sameFileOrGone reports whether the indexed path q is the file at
// canonical path p under another name, or names nothing any more.
func sameFileOrGone(q, p string) bool {
	c, err := CanonicalPath(q)
	if err == nil {
		return c == p
	}
	return gone(q)
}

// analyseAndWrite reads, analyses and writes todo on workers goroutines
// and returns the paths written (or found unchanged while writing).
func (p *Pipeline) analyseAndWrite(ctx context.Context, todo []walked, workers, maxText int, opts Options, rep *Report, prog *progress) (written []string, err error) {
	jobs := make(chan walked)
	results := make(chan analysed, workers*2)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range jobs {
				results <- analyse(f, maxText)
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, f := range todo {
			select {
			case jobs <- f:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()

	w := p.ix.NewWriter(opts.BatchBytes)
	prog.last = time.Time{} // the first file of a stage shows at once
	received := 0
	var writeErr error
	for r := range results {
		received++
		prog.done++
		prog.doneBytes += r.size
		switch {
		case r.err != nil:
			rep.Skipped = append(rep.Skipped, Skip{r.path, r.err.Error()})
		case writeErr == nil:
			// After a failed write the remaining results are drained,
			// not written, so that the workers can finish.
			writeErr = put(w, r, rep, opts.KeepDocs)
			if writeErr == nil {
				written = append(written, r.path)
			}
		}
		prog.maybePrint("indexing")
	}
	rep.Pending += len(todo) - received
	if err := w.Close(); err != nil && writeErr == nil {
		writeErr = err
	}
	return written, writeErr
}

// prune removes the entries whose files are gone. An entry under a
// relative path was written by a version that did not make paths
// canonical; whether its file exists would depend on the working
// directory, so it is removed only when its content is indexed under
// another path as well (it is a duplicate), never by a guess.
func (p *Pipeline) prune() ([]string, error) {
	paths := map[string]int{}
	files := p.ix.Files()
	for _, f := range files {
		paths[f.Hash]++
	}
	hashOf := make(map[string]string, len(files))
	for _, f := range files {
		hashOf[f.Path] = f.Hash
	}
	return p.ix.Prune(func(path string) bool {
		if !filepath.IsAbs(path) {
			return paths[hashOf[path]] < 2
		}
		_, err := os.Stat(path)
		return !errors.Is(err, os.ErrNotExist)
	})
}

// analyse reads one file and, unless it is refused, analyses it.
func analyse(f walked, maxText int) analysed {
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

// progress tracks a run for Options.Progress.
type progress struct {
	w                io.Writer
	start, last      time.Time
	done, files      int
	doneBytes, bytes int64
}

// maybePrint prints a line when the last one is old enough.
func (pr *progress) maybePrint(stage string) {
	if pr.w != nil && time.Since(pr.last) > progressEvery {
		pr.print(stage, false)
	}
}

// print writes one progress line, ended by a carriage return so that a
// terminal shows the latest only; the last line ends the run with a
// newline.
func (pr *progress) print(stage string, last bool) {
	if pr.w == nil {
		return
	}
	pr.last = time.Now()
	elapsed := time.Since(pr.start)
	rate := float64(pr.doneBytes) / (1 << 20) / max(elapsed.Seconds(), 1e-3)
	eta := "-"
	if pr.doneBytes > 0 && pr.bytes > pr.doneBytes {
		left := time.Duration(float64(elapsed) * float64(pr.bytes-pr.doneBytes) / float64(pr.doneBytes))
		eta = left.Round(time.Second).String()
	}
	fmt.Fprintf(pr.w, "\r%s: %d/%d files, %.1f MB/s, ETA %s   ", stage, pr.done, pr.files, rate, eta)
	if last {
		fmt.Fprintln(pr.w)
	}
}
