package ingest_test

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/reportbot/reportbot/answer"
	"github.com/reportbot/reportbot/corpus"
	"github.com/reportbot/reportbot/index"
	"github.com/reportbot/reportbot/ingest"
	"github.com/reportbot/reportbot/internal/synth"
)

// TestAskWhileIngesting answers questions and searches one process's index
// while the pipeline writes to it, as the bot does during /reindex. No question
// may fail, and no reader may see part of a report: a search restricted to
// one file finds none or all of its sentences, and a file the index lists
// loads whole.
func TestAskWhileIngesting(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes 20,000 sentences; skipped with -short")
	}
	m, err := synth.Write(context.Background(), filepath.Join(t.TempDir(), "reports"), 20_000, synth.Config{Seed: 31}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(filepath.Join(t.TempDir(), "ix"), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()

	// Probes: some reports with, per sentence, the whole normalized
	// sentence as a Term. A Term matches the sentences holding all of its
	// bigrams, so every sentence of the report matches its own Term
	// whatever the index's size (Text would be cut to the rarest bigrams
	// on a large index).
	type probe struct {
		path  string
		terms []string
		n     int
	}
	var probes []probe
	for i := 0; i < len(m.Files); i += max(1, len(m.Files)/30) {
		f := m.Files[i]
		raw, err := corpus.ReadFile(f.Path)
		if err != nil {
			t.Fatal(err)
		}
		doc := corpus.Process(raw, corpus.Options{})
		p := probe{path: f.Path, n: f.Sentences}
		for _, para := range doc.Paragraphs {
			for _, s := range para.Sentences {
				p.terms = append(p.terms, s.Norm)
			}
		}
		if len(p.terms) != p.n {
			t.Fatalf("%s: corpus finds %d sentences, the generator says %d", f.Path, len(p.terms), p.n)
		}
		probes = append(probes, p)
	}
	qs := synth.Questions(m, 100, 31)
	eng := answer.New(ix)

	var (
		done     atomic.Bool
		wg       sync.WaitGroup
		asks     atomic.Int64
		searches atomic.Int64
		partial  atomic.Int64 // searches that saw a report in between
		whole    atomic.Int64 // searches that saw a whole report while writes went on
	)
	fail := make(chan string, 100)
	report := func(format string) {
		select {
		case fail <- format:
		default:
		}
	}
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func(seed uint64) {
			defer wg.Done()
			r := rand.New(rand.NewPCG(seed, 1))
			for !done.Load() {
				q := qs[r.IntN(len(qs))]
				if _, err := eng.Ask(q.Text, 3); err != nil {
					report("Ask(" + q.Text + "): " + err.Error())
					return
				}
				asks.Add(1)

				p := probes[r.IntN(len(probes))]
				hits, err := ix.Search(index.Query{Terms: p.terms, Paths: []string{p.path}, Limit: index.MaxLimit})
				if err != nil {
					report("Search: " + err.Error())
					return
				}
				searches.Add(1)
				if len(hits) == p.n {
					whole.Add(1)
				}
				if len(hits) != 0 && len(hits) != p.n {
					// This caught BENCHMARKS.md P12: a query planned on
					// an older snapshot than the one it searched.
					partial.Add(1)
					report(p.path + ": a search saw part of the report")
				}
				if info, ok := ix.File(p.path); ok {
					ss, err := ix.Sentences(p.path)
					if err != nil {
						report("Sentences: " + err.Error())
						return
					}
					if info.Sentences != p.n || len(ss) != p.n {
						report(p.path + ": listed with a partial sentence list")
					}
				}
			}
		}(uint64(w))
	}

	t0 := time.Now()
	rep, err := ingest.New(ix).Run(context.Background(), []string{m.Dir}, ingest.Options{})
	done.Store(true)
	wg.Wait()
	close(fail)
	for msg := range fail {
		t.Error(msg)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("ingest %s: %d files; meanwhile %d questions and %d file searches (%d found the whole file, %d part of it, the rest none of it)",
		time.Since(t0).Round(time.Millisecond), rep.Added, asks.Load(), searches.Load(), whole.Load(), partial.Load())
	if asks.Load() < 10 {
		t.Errorf("only %d questions were asked during ingest: the test did not test", asks.Load())
	}
	if st := ix.Stats(); st.Sentences != m.Sentences || st.Files != m.Reports {
		t.Fatalf("index holds %d files, %d sentences; want %d, %d", st.Files, st.Sentences, m.Reports, m.Sentences)
	}
	// Afterwards every probe finds all of its sentences.
	for _, p := range probes {
		hits, err := ix.Search(index.Query{Terms: p.terms, Paths: []string{p.path}, Limit: index.MaxLimit})
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) != p.n {
			t.Errorf("%s: %d hits after ingest, want %d", p.path, len(hits), p.n)
		}
	}
}
