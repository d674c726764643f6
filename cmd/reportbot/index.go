package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

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

	opts := ingest.Options{Workers: *workers, Prune: *prune, MaxTextBytes: int(*maxTextMB * (1 << 20))}
	if !*quiet {
		opts.Progress = stderr
	}
	start := time.Now()
	rep, err := ingest.New(ix).Run(ctx, paths, opts)
	if err != nil {
		return err
	}
	st := ix.Stats()
	fmt.Fprintf(stdout, "indexed %d files in %s: %d added, %d replaced, %d unchanged, %d skipped", rep.Files, since(start), rep.Added, rep.Replaced, rep.Unchanged, len(rep.Skipped))
	if len(rep.Removed) > 0 {
		fmt.Fprintf(stdout, ", %d removed", len(rep.Removed))
	}
	fmt.Fprintf(stdout, "\nthis run: %d sentences, %d figures\n", rep.Sentences, rep.Figures)
	fmt.Fprintf(stdout, "index %s: %d files, %d sentences, %d figures\n", ixDir, st.Files, st.Sentences, st.Figures)
	for _, s := range rep.Skipped {
		fmt.Fprintf(stdout, "skipped %s: %s\n", s.Path, s.Reason)
	}
	return nil
}
