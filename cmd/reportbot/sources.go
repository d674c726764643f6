package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
)

// sourceRecord is one line of "sources -json".
type sourceRecord struct {
	Path      string `json:"path"`
	Title     string `json:"title,omitempty"`
	Region    string `json:"region,omitempty"`
	Date      string `json:"date,omitempty"`
	Source    string `json:"source,omitempty"`
	Sentences int    `json:"sentences"`
	Figures   int    `json:"figures"`
}

func runSources(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("sources", "reportbot sources [-index DIR] [-json]",
		"Lists the indexed reports, newest first: date, region, figures, title and file.")
	dir := indexFlag(fs.FlagSet)
	asJSON := fs.Bool("json", false, "print one JSON object per report")
	rest, err := fs.parse(args, stdout, stderr)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fs.fail(stderr, fmt.Sprintf("sources takes no arguments (got %q)", rest[0]))
	}
	ix, err := openForQuestions(ctx, dir.location(), stderr)
	if err != nil {
		return err
	}
	defer ix.Close()
	files := ix.Files()
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		for _, f := range files {
			rec := sourceRecord{Path: f.Path, Title: f.Title, Region: f.Region.Name, Date: f.Date, Source: f.Source, Sentences: f.Sentences, Figures: f.Figures}
			if err := enc.Encode(rec); err != nil {
				return err
			}
		}
		return nil
	}
	rows := [][]string{{"date", "region", "figures", "title", "file"}}
	for _, f := range files {
		rows = append(rows, []string{orDash(f.Date), orDash(f.Region.Name), strconv.Itoa(f.Figures), orDash(f.Title), f.Path})
	}
	writeAligned(stdout, rows)
	fmt.Fprintf(stdout, "%d reports\n", len(files))
	return nil
}
