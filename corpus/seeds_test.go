package corpus

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/golden")

// TestSeedGolden pins what is extracted from each real report: metadata,
// paragraph and sentence counts, and every figure. Run with -update to
// rewrite the golden files, then review the diff by hand.
func TestSeedGolden(t *testing.T) {
	for _, path := range seedFiles(t) {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			doc, err := ReadDocument(path)
			if err != nil {
				t.Fatal(err)
			}
			got := summarize(doc)
			golden := filepath.Join("testdata", "golden", strings.TrimSuffix(name, ".txt")+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./corpus -run TestSeedGolden -update, then review)", err)
			}
			if got != string(want) {
				t.Errorf("extraction of %s changed; diff against %s:\n%s", name, golden, lineDiff(string(want), got))
			}
		})
	}
}

// summarize renders a document in a stable, reviewable form. Sentences are
// referred to by number, not quoted, so that no report text is stored.
func summarize(doc *Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title: %s\ndate: %s (%s)\nsource: %s\nregion: %s %s via %s (%s) confidence %.2f\n",
		doc.Title, doc.Date, doc.DateSource, doc.Source, doc.Region.Name, doc.Region.Code, doc.Region.Via, doc.Region.Evidence, doc.Region.Confidence)
	nSent := 0
	for _, p := range doc.Paragraphs {
		nSent += len(p.Sentences)
	}
	fmt.Fprintf(&b, "paragraphs: %d sentences: %d\n", len(doc.Paragraphs), nSent)
	for _, w := range doc.Warnings {
		fmt.Fprintf(&b, "warning: %s\n", w)
	}
	for _, p := range doc.Paragraphs {
		for _, s := range p.Sentences {
			for _, f := range s.Figures {
				fmt.Fprintf(&b, "%d.%d\t%s\t%g\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", s.Para, s.Index, f.Value, f.Number, f.Unit, f.Kind,
					f.Metric, f.Period.Text, f.Scope, strings.TrimSpace(f.Qualifier+" "+f.Modality), f.Comparator, f.Region)
			}
		}
	}
	return b.String()
}

func lineDiff(want, got string) string {
	w := strings.Split(want, "\n")
	g := strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, c string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			c = g[i]
		}
		if a != c {
			fmt.Fprintf(&b, "line %d:\n- %s\n+ %s\n", i+1, a, c)
		}
	}
	return b.String()
}

// TestSeedSpans checks that every sentence and figure span slices back to
// its text in the real reports.
func TestSeedSpans(t *testing.T) {
	for _, path := range seedFiles(t) {
		doc, err := ReadDocument(path)
		if err != nil {
			t.Fatal(err)
		}
		checkSpans(t, doc)
	}
}

func checkSpans(t testing.TB, doc *Document) {
	t.Helper()
	for _, p := range doc.Paragraphs {
		for _, s := range p.Sentences {
			if s.Span.Start < 0 || s.Span.End > len(doc.Text) || s.Span.Start > s.Span.End {
				t.Fatalf("%s: sentence %d span %v outside text of %d bytes", doc.Path, s.Index, s.Span, len(doc.Text))
			}
			if doc.Text[s.Span.Start:s.Span.End] != s.Text {
				t.Fatalf("%s: sentence %d text does not match its span", doc.Path, s.Index)
			}
			for _, f := range s.Figures {
				if f.Span.Start < s.Span.Start || f.Span.End > s.Span.End || f.Span.Start > f.Span.End {
					t.Fatalf("%s: figure %s span %v outside sentence %v", doc.Path, f.Raw, f.Span, s.Span)
				}
			}
		}
	}
}

// TestDevQAExtraction checks that, for every question of the shared dev
// set, the report it is about yields a figure with the expected value,
// unit and kind in a sentence containing the expected words.
func TestDevQAExtraction(t *testing.T) {
	dir := sharedDir(t)
	f, err := os.Open(filepath.Join(dir, "eval", "dev_qa.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs := map[string]*Document{}
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		var c struct {
			ID, Question, File, Value, Unit, Kind string
			SentenceContains                      string `json:"sentence_contains"`
		}
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		doc := docs[c.File]
		if doc == nil {
			if doc, err = ReadDocument(filepath.Join(dir, "corpus", "seeds", c.File)); err != nil {
				t.Fatal(err)
			}
			docs[c.File] = doc
		}
		n++
		if !hasFigure(doc, c.Value, c.Unit, Kind(c.Kind), c.SentenceContains) {
			t.Errorf("%s %s: no %s %s (%s) in a sentence containing %q", c.ID, c.Question, c.Value, c.Unit, c.Kind, c.SentenceContains)
		}
	}
	if n == 0 {
		t.Fatal("no questions read")
	}
}

func hasFigure(doc *Document, value, unit string, kind Kind, contains string) bool {
	for _, p := range doc.Paragraphs {
		for _, s := range p.Sentences {
			if !strings.Contains(s.Text, contains) {
				continue
			}
			for _, f := range s.Figures {
				if f.Value == value && f.Unit == unit && f.Kind == kind {
					return true
				}
			}
		}
	}
	return false
}
