package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"
)

// statsRecord is what "stats" prints.
type statsRecord struct {
	Index     string `json:"index"`
	Reports   int    `json:"reports"`
	Sentences int    `json:"sentences"`
	Figures   int    `json:"figures"`
	Regions   int    `json:"regions"`
	// Oldest and Newest are the dates of the reports, where known.
	Oldest string `json:"oldest,omitempty"`
	Newest string `json:"newest,omitempty"`
	// LastIndexed is absent for an empty index.
	LastIndexed *time.Time `json:"last_indexed,omitempty"`
	// SizeBytes is absent for the in-memory sample, which has no size on
	// disk (never a made-up 0).
	SizeBytes int64 `json:"size_bytes,omitempty"`
}

func runStats(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("stats", "reportbot stats [-index DIR] [-json]",
		"Counts what the index holds: reports, sentences, figures, regions, the reports' dates, size.")
	dir := indexFlag(fs.FlagSet)
	asJSON := fs.Bool("json", false, "print one JSON object")
	rest, err := fs.parse(args, stdout, stderr)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fs.fail(stderr, fmt.Sprintf("stats takes no arguments (got %q)", rest[0]))
	}
	loc := dir.location()
	ix, err := openForQuestions(ctx, loc, stderr)
	if err != nil {
		return err
	}
	defer ix.Close()
	st := ix.Stats()
	rec := statsRecord{Index: ix.Dir(), Reports: st.Files, Sentences: st.Sentences, Figures: st.Figures, SizeBytes: st.SizeOnDisk}
	if rec.Index == "" {
		rec.Index = "(built-in sample data)"
	}
	if !st.LastIndexed.IsZero() {
		t := st.LastIndexed
		rec.LastIndexed = &t
	}
	regions := map[string]bool{}
	for _, f := range ix.Files() {
		if f.Region.Name != "" {
			regions[f.Region.Name] = true
		}
		if f.Date == "" {
			continue
		}
		if rec.Oldest == "" || f.Date < rec.Oldest {
			rec.Oldest = f.Date
		}
		if f.Date > rec.Newest {
			rec.Newest = f.Date
		}
	}
	rec.Regions = len(regions)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(rec)
	}
	fmt.Fprintf(stdout, "index:        %s\n", rec.Index)
	fmt.Fprintf(stdout, "reports:      %d\n", rec.Reports)
	fmt.Fprintf(stdout, "sentences:    %d\n", rec.Sentences)
	fmt.Fprintf(stdout, "figures:      %d\n", rec.Figures)
	fmt.Fprintf(stdout, "regions:      %d\n", rec.Regions)
	if rec.Oldest != "" {
		fmt.Fprintf(stdout, "report dates: %s to %s\n", rec.Oldest, rec.Newest)
	}
	if rec.LastIndexed != nil {
		fmt.Fprintf(stdout, "last indexed: %s\n", rec.LastIndexed.Local().Format("2006-01-02 15:04:05"))
	}
	if rec.SizeBytes > 0 {
		fmt.Fprintf(stdout, "size on disk: %.1f MB\n", float64(rec.SizeBytes)/(1<<20))
	}
	return nil
}
