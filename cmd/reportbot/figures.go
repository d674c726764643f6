package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/reportbot/reportbot/corpus"
)

// figureRecord is one line of "figures -json".
type figureRecord struct {
	File       string  `json:"file"`
	Title      string  `json:"title,omitempty"`
	Date       string  `json:"date,omitempty"`
	Paragraph  int     `json:"paragraph"`
	Sentence   int     `json:"sentence"`
	Value      string  `json:"value"`
	Number     float64 `json:"number"`
	Unit       string  `json:"unit"`
	Kind       string  `json:"kind"`
	Metric     string  `json:"metric"`
	Period     string  `json:"period,omitempty"`
	Scope      string  `json:"scope,omitempty"`
	Comparator string  `json:"comparator,omitempty"`
	Qualifier  string  `json:"qualifier,omitempty"`
	Modality   string  `json:"modality,omitempty"`
	Region     string  `json:"region,omitempty"`
	Text       string  `json:"text"`
	SourceText string  `json:"source_text"`
}

func runFigures(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("figures", "reportbot figures [-json] FILE|DIR...",
		"Shows every figure extracted from the reports, with its indicator, kind and period.")
	asJSON := fs.Bool("json", false, "print one JSON object per figure")
	roots, err := fs.parse(args, stdout, stderr)
	if err != nil {
		return err
	}
	if len(roots) == 0 {
		return fs.fail(stderr, "figures needs at least one file")
	}
	failed := 0
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	for _, root := range roots {
		err := corpus.ReportFiles(root, func(path string, err error) error {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err != nil {
				if !errors.Is(err, corpus.ErrFolderRead) { // its files were read
					failed++
				}
				fmt.Fprintf(stderr, "skip %s: %v\n", path, err)
				return nil
			}
			doc, err := corpus.ReadDocument(path)
			if err != nil {
				failed++
				fmt.Fprintf(stderr, "skip %s: %v\n", path, err)
				return nil
			}
			if *asJSON {
				return writeFiguresJSON(enc, doc)
			}
			writeFiguresTable(stdout, doc)
			return nil
		})
		if err != nil {
			return err
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d file(s) could not be read", failed)
	}
	return nil
}

func writeFiguresJSON(enc *json.Encoder, doc *corpus.Document) error {
	for _, p := range doc.Paragraphs {
		for _, s := range p.Sentences {
			for _, f := range s.Figures {
				rec := figureRecord{
					File: doc.Path, Title: doc.Title, Date: doc.Date,
					Paragraph: s.Para, Sentence: s.Index,
					Value: f.Value, Number: f.Number, Unit: f.Unit, Kind: string(f.Kind),
					Metric: f.Metric, Period: f.Period.Text, Scope: f.Scope, Comparator: f.Comparator,
					Qualifier: f.Qualifier, Modality: f.Modality, Region: f.Region,
					Text: doc.Text[f.Span.Start:f.Span.End], SourceText: s.Text,
				}
				if err := enc.Encode(rec); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func writeFiguresTable(w io.Writer, doc *corpus.Document) {
	fmt.Fprintf(w, "== %s\n", doc.Path)
	fmt.Fprintf(w, "title:  %s\ndate:   %s\nsource: %s\nregion: %s", orDash(doc.Title), orDash(doc.Date), orDash(doc.Source), orDash(doc.Region.Name))
	if doc.Region.Name != "" {
		fmt.Fprintf(w, " (via %s: %s, confidence %.2f)", doc.Region.Via, doc.Region.Evidence, doc.Region.Confidence)
	}
	fmt.Fprintln(w)
	nSent, nFig := 0, 0
	for _, p := range doc.Paragraphs {
		nSent += len(p.Sentences)
		for _, s := range p.Sentences {
			nFig += len(s.Figures)
		}
	}
	fmt.Fprintf(w, "text:   %d paragraphs, %d sentences, %d figures\n", len(doc.Paragraphs), nSent, nFig)
	for _, warn := range doc.Warnings {
		fmt.Fprintf(w, "note:   %s\n", warn)
	}
	rows := [][]string{{"where", "value", "unit", "kind", "metric", "period", "scope", "note"}}
	for _, p := range doc.Paragraphs {
		for _, s := range p.Sentences {
			for _, f := range s.Figures {
				note := strings.TrimSpace(strings.Join([]string{f.Qualifier, f.Modality, f.Comparator}, " "))
				value := f.Value
				if f.Number < 0 {
					value = "-" + strings.TrimPrefix(value, "-")
				}
				rows = append(rows, []string{
					fmt.Sprintf("%d.%d", s.Para, s.Index), value, f.Unit, string(f.Kind),
					f.Metric, f.Period.Text, f.Scope, note,
				})
			}
		}
	}
	writeAligned(w, rows)
	fmt.Fprintln(w)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// writeAligned pads columns by display width: a Chinese character takes
// two columns in a terminal, which tabwriter does not know.
func writeAligned(w io.Writer, rows [][]string) {
	if len(rows) == 0 {
		return
	}
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], displayWidth(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(c)+2))
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x1100 && (r <= 0x115f || r >= 0x2e80 && r <= 0xa4cf || r >= 0xac00 && r <= 0xd7a3 || r >= 0xf900 && r <= 0xfaff || r >= 0xfe30 && r <= 0xfe4f || r >= 0xff00 && r <= 0xff60 || r >= 0xffe0 && r <= 0xffe6 || r >= 0x20000) {
			n += 2
		} else {
			n++
		}
	}
	return n
}
