package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/reportbot/reportbot/answer"
	"github.com/reportbot/reportbot/answer/socket"
	"github.com/reportbot/reportbot/index"
	"github.com/reportbot/reportbot/ingest"
)

func runIndex(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("index", "reportbot index [-index DIR] [-prune] [-rebuild] PATH...",
		"Indexes report files and folders; unchanged files are skipped.")
	dir := indexFlag(fs.FlagSet)
	prune := fs.Bool("prune", false, "remove indexed files that no longer exist")
	rebuild := fs.Bool("rebuild", false, "delete the index and build it anew")
	workers := fs.Int("workers", 0, "files read in parallel (default: one per core)")
	quiet := fs.Bool("q", false, "no progress on stderr")
	maxTextMB := fs.Float64("max-text-mb", float64(ingest.DefaultMaxTextBytes)/(1<<20), "refuse files with more text than this (MB): one huge file costs ~130× its text in memory")
	paths, err := fs.parse(args, stdout, stderr)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return fs.fail(stderr, "index needs at least one file or folder")
	}
	// A mistyped path is an error, not a run that indexes nothing.
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			return fmt.Errorf("index: %w", err)
		}
	}
	ixDir := dir.location().Dir
	if *rebuild {
		if err := index.Delete(ixDir); err != nil {
			return err
		}
	}
	ix, err := index.Open(ixDir, index.Options{})
	if err != nil {
		return err
	}
	defer ix.Close()
	// ask cannot open the index while it is written: it asks here.
	if sock, err := socket.Listen(ixDir, answer.New(ix), fmt.Sprintf("reportbot index, pid %d", os.Getpid())); err == nil {
		defer sock.Close()
	}

	opts := ingest.Options{Workers: *workers, Prune: *prune, MaxTextBytes: int(*maxTextMB * (1 << 20))}
	if !*quiet {
		opts.Progress = stderr
	}
	start := time.Now()
	restoreGC := bulkGC()
	rep, err := ingest.New(ix).Run(ctx, paths, opts)
	restoreGC()
	interrupted := err != nil && ctx.Err() != nil
	if err != nil && !interrupted {
		return err
	}
	// Interrupted, the run still wrote whole files: say what they were.
	writeIndexSummary(stdout, rep, ix, since(start))
	if interrupted {
		if !*quiet {
			fmt.Fprintln(stderr) // end the progress line
		}
		fmt.Fprintf(stderr, "interrupted: %d files not reached; run the same command again to finish\n", rep.Pending)
		return errInterrupted
	}
	return nil
}

// writeIndexSummary prints what a run did: its counts, which add up to
// the files found, the index's totals, and one line per file skipped or
// removed.
func writeIndexSummary(w io.Writer, rep ingest.Report, ix *index.Index, elapsed string) {
	fmt.Fprintf(w, "%d files in %s: %d added, %d replaced, %d unchanged, %d skipped", rep.Files, elapsed, rep.Added, rep.Replaced, rep.Unchanged, len(rep.Skipped))
	if rep.Pending > 0 {
		fmt.Fprintf(w, ", %d not reached", rep.Pending)
	}
	if len(rep.Removed) > 0 {
		fmt.Fprintf(w, "; %d removed from the index", len(rep.Removed))
	}
	st := ix.Stats()
	fmt.Fprintf(w, "\nthis run: %d sentences, %d figures\n", rep.Sentences, rep.Figures)
	fmt.Fprintf(w, "index %s: %d files, %d sentences, %d figures\n", ix.Dir(), st.Files, st.Sentences, st.Figures)
	for _, s := range rep.Skipped {
		fmt.Fprintf(w, "skipped %s: %s\n", s.Path, s.Reason)
	}
	for _, r := range rep.Removed {
		fmt.Fprintf(w, "removed %s\n", r)
	}
}
