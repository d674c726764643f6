package answer_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/reportbot/reportbot/answer"
	"github.com/reportbot/reportbot/corpus"
	"github.com/reportbot/reportbot/index"
	"github.com/reportbot/reportbot/ingest"
	"github.com/reportbot/reportbot/internal/synth"
	"github.com/reportbot/reportbot/internal/testshared"
)

// BenchmarkAsk times answer.Engine.Ask over an on-disk index of synthetic
// reports (internal/synth) built once through the pipeline (package ingest), with the question mix
// of "reportbot bench" (facts with known answers, open questions,
// negatives). It reports the median and p99 latency besides ns/op.
//
//	go test -run '^$' -bench . -benchtime 3000x ./answer
//	REPORTBOT_BENCH_BIG=1 go test -run '^$' -bench . -benchtime 3000x -timeout 30m ./answer
//
// The default index holds 20,000 sentences (built in a few seconds); with
// REPORTBOT_BENCH_BIG=1 it holds 300,000 (about half a minute on 2 cores).
// BenchmarkBareSearch is the same questions as a bare index.Search with
// Limit 10, the baseline of the "≤ 2× a bare query" target.

var bench struct {
	once sync.Once
	dir  string
	ix   *index.Index
	qs   []synth.Question
	err  error
}

func benchIndex(b *testing.B) (*index.Index, []synth.Question) {
	b.Helper()
	bench.once.Do(func() {
		n := 20_000
		if os.Getenv("REPORTBOT_BENCH_BIG") != "" {
			n = 300_000
		}
		bench.dir, bench.err = os.MkdirTemp("", "reportbot-answer-bench-")
		if bench.err != nil {
			return
		}
		// Removed after every benchmark of the binary, which share it.
		testshared.AfterAll(func() {
			if bench.ix != nil {
				_ = bench.ix.Close()
			}
			_ = os.RemoveAll(bench.dir)
		})
		t := time.Now()
		m, err := synth.Write(context.Background(), filepath.Join(bench.dir, "corpus"), n, synth.Config{Seed: 5}, nil)
		if err != nil {
			bench.err = err
			return
		}
		ix, err := index.Open(filepath.Join(bench.dir, "index"), index.Options{})
		if err != nil {
			bench.err = err
			return
		}
		if _, err := ingest.New(ix).Run(context.Background(), []string{m.Dir}, ingest.Options{}); err != nil {
			bench.err = err
			return
		}
		// Reopen read-only, as ask and a fresh bot would.
		if err := ix.Close(); err != nil {
			bench.err = err
			return
		}
		bench.ix, bench.err = index.Open(filepath.Join(bench.dir, "index"), index.Options{ReadOnly: true})
		bench.qs = synth.Questions(m, 300, 5)
		fmt.Fprintf(os.Stderr, "benchmark index: %d sentences in %d files, built in %s\n", m.Sentences, m.Reports, time.Since(t).Round(time.Millisecond))
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return bench.ix, bench.qs
}

// TestMain removes the benchmark index after the run.
func TestMain(m *testing.M) { testshared.Main(m) }

// timed runs f b.N times over the questions after one warm-up pass and
// reports the median and p99 of the calls.
func timed(b *testing.B, qs []synth.Question, f func(q string) error) {
	for _, q := range qs {
		if err := f(q.Text); err != nil {
			b.Fatal(err)
		}
	}
	lat := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t := time.Now()
		if err := f(qs[i%len(qs)].Text); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t))
	}
	b.StopTimer()
	slices.Sort(lat)
	q := func(p float64) float64 {
		i := min(max(int(p*float64(len(lat))+0.5)-1, 0), len(lat)-1)
		return float64(lat[i]) / float64(time.Millisecond)
	}
	b.ReportMetric(q(0.5), "median-ms")
	b.ReportMetric(q(0.99), "p99-ms")
}

func BenchmarkAsk(b *testing.B) {
	ix, qs := benchIndex(b)
	eng := answer.New(ix)
	timed(b, qs, func(q string) error {
		_, err := eng.Ask(q, 3)
		return err
	})
}

func BenchmarkBareSearch(b *testing.B) {
	ix, qs := benchIndex(b)
	timed(b, qs, func(q string) error {
		_, err := ix.Search(index.Query{Text: corpus.NormalizeText(q), Limit: 10})
		return err
	})
}
