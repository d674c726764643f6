package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/reportbot/reportbot/answer"
	"github.com/reportbot/reportbot/corpus"
	"github.com/reportbot/reportbot/index"
	"github.com/reportbot/reportbot/ingest"
	"github.com/reportbot/reportbot/internal/procstat"
	"github.com/reportbot/reportbot/internal/profile"
	"github.com/reportbot/reportbot/internal/synth"
)

// bench measures reportbot at scale on a synthetic corpus (internal/synth):
//
//  1. generate: write N sentences of reports to DIR/corpus;
//  2. ingest: the pipeline of package ingest indexes that folder into
//     DIR/index, the
//     same path as "reportbot index" (reading, decoding, cleaning,
//     extraction, indexing on every core); peak RSS is this process's
//     VmHWM afterwards (generation streams to disk and holds little);
//  3. serve: a fresh child process ("reportbot bench -serve-phase")
//     opens the index read-only and asks a fixed question mix, timing
//     answer.Engine.Ask and, on the same index in the same run, a bare
//     query (index.Query{Text, Limit: 10} through (*index.Index).Search —
//     bleve cannot be imported outside index/, so this is the closest
//     thing to a plain bleve match query); its VmHWM is the serving peak,
//     unpolluted by indexing;
//  4. cold start: "reportbot ask -index DIR QUESTION" run as a new process
//     several times, median wall time.
//
// The table it prints is what BENCHMARKS.md records.

// benchTargets are the goals of issue 5, printed beside the measurements.
const (
	targetIngestMBs   = 5.0
	targetMedianMs    = 10.0
	targetP99Ms       = 50.0
	targetBareRatio   = 2.0
	targetServeRSSMB  = 1024.0
	targetIndexFactor = 4.0
	targetColdMs      = 300.0
)

// serveResult is what the serve-phase child prints, as JSON.
type serveResult struct {
	OpenMs    float64   `json:"open_ms"`
	AskMs     []float64 `json:"ask_ms"`
	BareMs    []float64 `json:"bare_ms"`
	VmHWMKB   int64     `json:"vmhwm_kb"`
	RSSOpenKB int64     `json:"vmhwm_after_open_kb"`
	Facts     int       `json:"facts"`
	FactsTop1 int       `json:"facts_top1"`
	Negatives int       `json:"negatives"`
	NegEmpty  int       `json:"negatives_unanswered"`
	Open      int       `json:"open"`
	Answered  int       `json:"open_answered"`
	Misses    []string  `json:"misses,omitempty"`
}

func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("bench", "reportbot bench [-sentences N] [-seed S] [-dir DIR] [-profile DIR]",
		"Generates a synthetic corpus, indexes it, and measures ingest speed, index size,\nmemory, answer latency against a bare query, and ask's cold start.")
	sentences := fs.Int("sentences", 1_000_000, "sentences to generate and index")
	seed := fs.Uint64("seed", 1, "generator seed")
	dir := fs.String("dir", "", "work directory for the corpus and the index (default: a new temporary one, removed afterwards)")
	keep := fs.Bool("keep", false, "keep the temporary work directory")
	nq := fs.Int("questions", 300, "questions in the mix")
	rounds := fs.Int("rounds", 3, "timed passes over the question mix (after one warm-up pass)")
	cold := fs.Int("cold", 7, "ask cold starts to time")
	workers := fs.Int("workers", 0, "ingest workers (default: one per core)")
	profileDir := fs.String("profile", "", "write CPU and heap profiles of the ingest and serve phases into this directory")
	// The serve phase runs in a child; these flags are for it only.
	servePhase := fs.Bool("serve-phase", false, "internal: run the serve phase on -index with -qfile and print JSON")
	indexDir := fs.String("index", "", "internal: index directory of the serve phase")
	qfile := fs.String("qfile", "", "internal: question file of the serve phase")
	rest, err := fs.parse(args, stdout, stderr)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fs.fail(stderr, fmt.Sprintf("bench takes no arguments (got %q)", rest[0]))
	}
	if *servePhase {
		return benchServe(*indexDir, *qfile, *rounds, *profileDir, stdout)
	}
	if *sentences < 1 {
		return usageError{"-sentences must be at least 1"}
	}

	work := *dir
	if work == "" {
		d, err := os.MkdirTemp("", "reportbot-bench-")
		if err != nil {
			return err
		}
		work = d
		if !*keep {
			defer os.RemoveAll(work)
		} else {
			fmt.Fprintf(stderr, "work directory: %s\n", work)
		}
	}
	corpusDir := filepath.Join(work, "corpus")
	ixDir := filepath.Join(work, "index")
	if err := os.RemoveAll(corpusDir); err != nil {
		return err
	}
	if err := index.Delete(ixDir); err != nil {
		return err
	}
	if *profileDir != "" {
		if err := os.MkdirAll(*profileDir, 0o755); err != nil {
			return err
		}
	}

	// Other processes skew every figure here: say how busy the machine
	// was.
	load0 := procstat.LoadAvg()

	// 1. Generate.
	start := time.Now()
	m, err := synth.Write(ctx, corpusDir, *sentences, synth.Config{Seed: *seed}, stderr)
	if err != nil {
		return fmt.Errorf("generate: %w", err)
	}
	genTime := time.Since(start)

	// 1b. Reading and extraction alone, on as many workers as the
	// pipeline uses: what the corpus package costs, so that the ingest
	// figure can be split between corpus and index.
	start = time.Now()
	paths := make([]string, len(m.Files))
	for i, f := range m.Files {
		paths[i] = f.Path
	}
	extractBytes, err := ingest.Extract(ctx, paths, *workers)
	if err != nil {
		return err
	}
	extractTime := time.Since(start)

	// 2. Ingest.
	ix, err := index.Open(ixDir, index.Options{})
	if err != nil {
		return err
	}
	stopProf, err := profile.StartCPU(*profileDir, "ingest.cpu.pprof")
	if err != nil {
		ix.Close()
		return err
	}
	if *profileDir != "" {
		// Where ingest waits (channel sends, condition variables, bleve
		// waiting for its persister): a blocking event every 100 µs of
		// waiting is sampled.
		runtime.SetBlockProfileRate(100_000)
	}
	cpu0 := procstat.ReadCPU()
	start = time.Now()
	rep, err := ingest.New(ix).Run(ctx, []string{corpusDir}, ingest.Options{Workers: *workers, Progress: stderr})
	ingestTime := time.Since(start)
	cpu := procstat.ReadCPU().Sub(cpu0)
	stopProf()
	if err != nil {
		ix.Close()
		return fmt.Errorf("ingest: %w", err)
	}
	ingestHWM := procstat.PeakRSSKB()
	if err := profile.WriteHeap(*profileDir, "ingest.heap.pprof"); err != nil {
		ix.Close()
		return err
	}
	if *profileDir != "" {
		runtime.SetBlockProfileRate(0)
		if err := profile.Write(*profileDir, "ingest.block.pprof", "block"); err != nil {
			ix.Close()
			return err
		}
	}
	st := ix.Stats()
	if err := ix.Close(); err != nil {
		return err
	}
	// Measured after Close, once scorch has persisted its last merges.
	diskSize := index.SizeOnDisk(ixDir)
	if st.Sentences != m.Sentences {
		fmt.Fprintf(stderr, "warning: the index holds %d sentences, the generator wrote %d\n", st.Sentences, m.Sentences)
	}
	for _, s := range rep.Skipped {
		fmt.Fprintf(stderr, "skipped %s: %s\n", s.Path, s.Reason)
	}

	// 3. Serve, in a fresh process.
	qs := synth.Questions(m, *nq, *seed)
	qpath := filepath.Join(work, "questions.json")
	qb, err := json.Marshal(qs)
	if err != nil {
		return err
	}
	if err := os.WriteFile(qpath, qb, 0o644); err != nil {
		return err
	}
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("find own executable for the serve phase: %w", err)
	}
	fmt.Fprintf(stderr, "serving %d questions × %d rounds in a fresh process...\n", len(qs), *rounds)
	sargs := []string{"bench", "-serve-phase", "-index", ixDir, "-qfile", qpath, "-rounds", strconv.Itoa(*rounds)}
	if *profileDir != "" {
		sargs = append(sargs, "-profile", *profileDir)
	}
	var sout bytes.Buffer
	c := exec.CommandContext(ctx, exe, sargs...)
	c.Stdout, c.Stderr = &sout, stderr
	if err := c.Run(); err != nil {
		return fmt.Errorf("serve phase: %w", err)
	}
	var sr serveResult
	if err := json.Unmarshal(sout.Bytes(), &sr); err != nil {
		return fmt.Errorf("serve phase: bad output: %w", err)
	}

	// 4. Cold starts of ask.
	fmt.Fprintf(stderr, "timing %d cold starts of ask...\n", *cold)
	var colds []float64
	for i := 0; i < *cold; i++ {
		q := qs[i%len(qs)].Text
		c := exec.CommandContext(ctx, exe, "ask", "-index", ixDir, "-json", q)
		c.Stdout = io.Discard
		var errb bytes.Buffer
		c.Stderr = &errb
		t := time.Now()
		err := c.Run()
		d := time.Since(t)
		var ee *exec.ExitError
		if err != nil && !(errors.As(err, &ee) && ee.ExitCode() == exitNotFound) {
			return fmt.Errorf("ask cold start: %v: %s", err, strings.TrimSpace(errb.String()))
		}
		colds = append(colds, ms(d))
	}

	loadEnd := procstat.LoadAvg()
	b := benchTable{
		sentences: st.Sentences, files: st.Files, textBytes: m.Bytes, genTime: genTime,
		ingestTime: ingestTime, diskBytes: diskSize, ingestHWMKB: ingestHWM, serve: sr, coldMs: colds,
		skipped: len(rep.Skipped), figures: st.Figures, extractTime: extractTime, extractBytes: extractBytes, cpu: cpu,
		load: load0 + " at start, " + loadEnd + " at end",
	}
	b.print(stdout)
	return nil
}

// benchServe is the serve phase: open read-only, one warm-up pass over the
// questions, then rounds timed passes, each question asked through the
// engine and as a bare query back to back.
func benchServe(dir, qfile string, rounds int, profileDir string, stdout io.Writer) error {
	if dir == "" || qfile == "" {
		return usageError{"-serve-phase needs -index and -qfile"}
	}
	data, err := os.ReadFile(qfile)
	if err != nil {
		return err
	}
	var qs []synth.Question
	if err := json.Unmarshal(data, &qs); err != nil {
		return fmt.Errorf("%s: %w", qfile, err)
	}
	var r serveResult
	stopOpenProf, err := profile.StartCPU(profileDir, "open.cpu.pprof")
	if err != nil {
		return err
	}
	t := time.Now()
	ix, err := index.Open(dir, index.Options{ReadOnly: true})
	stopOpenProf()
	if err != nil {
		return err
	}
	defer ix.Close()
	r.OpenMs = ms(time.Since(t))
	r.RSSOpenKB = procstat.PeakRSSKB()
	eng := answer.New(ix)

	// Warm-up, which also scores the answers.
	for _, q := range qs {
		res, err := eng.Ask(q.Text, 3)
		if err != nil {
			return fmt.Errorf("ask %q: %w", q.Text, err)
		}
		switch q.Kind {
		case "fact":
			r.Facts++
			if len(res.Answers) > 0 && factMatches(res.Answers[0], q.Fact) {
				r.FactsTop1++
			} else if len(r.Misses) < 10 {
				got := "no answer"
				if len(res.Answers) > 0 {
					a := res.Answers[0]
					got = fmt.Sprintf("%s%s (%s, %s, %s)", a.Value, a.Unit, a.Metric, a.Period, filepath.Base(a.File))
				}
				r.Misses = append(r.Misses, fmt.Sprintf("%s: want %s%s in %s, got %s", q.Text, q.Fact.Value, q.Fact.Unit, q.Fact.File, got))
			}
		case "negative":
			r.Negatives++
			if len(res.Answers) == 0 {
				r.NegEmpty++
			}
		default:
			r.Open++
			if len(res.Answers) > 0 {
				r.Answered++
			}
		}
		if _, err := ix.Search(index.Query{Text: corpus.NormalizeText(q.Text), Limit: 10}); err != nil {
			return err
		}
	}

	stopProf, err := profile.StartCPU(profileDir, "serve.cpu.pprof")
	if err != nil {
		return err
	}
	for round := 0; round < rounds; round++ {
		for _, q := range qs {
			t := time.Now()
			if _, err := eng.Ask(q.Text, 3); err != nil {
				stopProf()
				return err
			}
			r.AskMs = append(r.AskMs, ms(time.Since(t)))
			t = time.Now()
			if _, err := ix.Search(index.Query{Text: corpus.NormalizeText(q.Text), Limit: 10}); err != nil {
				stopProf()
				return err
			}
			r.BareMs = append(r.BareMs, ms(time.Since(t)))
		}
	}
	stopProf()
	if err := profile.WriteHeap(profileDir, "serve.heap.pprof"); err != nil {
		return err
	}
	r.VmHWMKB = procstat.PeakRSSKB()
	return json.NewEncoder(stdout).Encode(r)
}

// factMatches tells whether an answer is the fact: same value and unit,
// from the fact's file.
func factMatches(a answer.Answer, f *synth.Fact) bool {
	if f == nil {
		return false
	}
	return a.Value == f.Value && a.Unit == f.Unit && strings.HasSuffix(filepath.ToSlash(a.File), f.File)
}

type benchTable struct {
	sentences, files, figures, skipped int
	textBytes, diskBytes               int64
	genTime, ingestTime                time.Duration
	ingestHWMKB                        int64
	serve                              serveResult
	coldMs                             []float64
	extractTime                        time.Duration
	extractBytes                       int64
	cpu                                procstat.CPU
	load                               string
}

func (b benchTable) print(w io.Writer) {
	mb := float64(b.textBytes) / 1e6
	secs := b.ingestTime.Seconds()
	mbs := mb / secs
	factor := float64(b.diskBytes) / float64(b.textBytes)
	askMed, askP99 := quantile(b.serve.AskMs, 0.5), quantile(b.serve.AskMs, 0.99)
	bareMed, bareP99 := quantile(b.serve.BareMs, 0.5), quantile(b.serve.BareMs, 0.99)
	ratio := askMed / bareMed
	serveMB := float64(b.serve.VmHWMKB) / 1024
	coldMed := quantile(b.coldMs, 0.5)

	verdict := func(ok bool) string {
		if ok {
			return "met"
		}
		return "MISSED"
	}
	rssStr := func(kb int64) string {
		if kb <= 0 {
			return "n/a (no /proc)"
		}
		return fmt.Sprintf("%.0f MB", float64(kb)/1024)
	}

	fmt.Fprintf(w, "reportbot bench: %d sentences in %d files (%d figures), %.1f MB of report text; %s, %d cores, GOMAXPROCS %d\n\n",
		b.sentences, b.files, b.figures, mb, runtime.Version(), runtime.NumCPU(), runtime.GOMAXPROCS(0))
	fmt.Fprintln(w, "| measure | value | target | |")
	fmt.Fprintln(w, "| --- | --- | --- | --- |")
	fmt.Fprintf(w, "| ingest throughput | %.2f MB/s, %.0f sentences/s (%.1f s) | ≥ %.0f MB/s | %s |\n", mbs, float64(b.sentences)/secs, secs, targetIngestMBs, verdict(mbs >= targetIngestMBs))
	fmt.Fprintf(w, "| … of which reading + extraction alone | %.2f MB/s (%.1f s, same workers, no index) | | |\n", float64(b.extractBytes)/1e6/b.extractTime.Seconds(), b.extractTime.Seconds())
	if b.cpu.Used > 0 {
		fmt.Fprintf(w, "| … CPU use while ingesting | %.2f of %d cores busy on average | | |\n", b.cpu.BusyCores(), runtime.NumCPU())
	}
	fmt.Fprintf(w, "| index size on disk | %.1f MB = %.2f× the text | ≤ %.0f× | %s |\n", float64(b.diskBytes)/1e6, factor, targetIndexFactor, verdict(factor <= targetIndexFactor))
	fmt.Fprintf(w, "| peak RSS while indexing | %s | — | |\n", rssStr(b.ingestHWMKB))
	fmt.Fprintf(w, "| peak RSS while serving | %s (%s after open) | ≤ 1 GB | %s |\n", rssStr(b.serve.VmHWMKB), rssStr(b.serve.RSSOpenKB), verdict(serveMB > 0 && serveMB <= targetServeRSSMB))
	fmt.Fprintf(w, "| answer latency median | %.2f ms | ≤ %.0f ms | %s |\n", askMed, targetMedianMs, verdict(askMed <= targetMedianMs))
	fmt.Fprintf(w, "| answer latency p99 | %.2f ms | ≤ %.0f ms | %s |\n", askP99, targetP99Ms, verdict(askP99 <= targetP99Ms))
	fmt.Fprintf(w, "| bare query median / p99 | %.2f ms / %.2f ms | — | |\n", bareMed, bareP99)
	fmt.Fprintf(w, "| answer median ÷ bare median | %.2f× | ≤ %.0f× | %s |\n", ratio, targetBareRatio, verdict(ratio <= targetBareRatio))
	fmt.Fprintf(w, "| ask cold start median (of %d) | %.0f ms (open %.0f ms in the serve phase) | ≤ %.0f ms | %s |\n", len(b.coldMs), coldMed, b.serve.OpenMs, targetColdMs, verdict(coldMed <= targetColdMs))
	fmt.Fprintf(w, "| answers: facts top-1 | %d/%d | — | |\n", b.serve.FactsTop1, b.serve.Facts)
	fmt.Fprintf(w, "| answers: negatives unanswered | %d/%d | — | |\n", b.serve.NegEmpty, b.serve.Negatives)
	fmt.Fprintf(w, "| answers: open questions answered | %d/%d | — | |\n", b.serve.Answered, b.serve.Open)
	fmt.Fprintf(w, "\n(generation %.1f s; %d timed questions; %d files skipped; load average %s)\n", b.genTime.Seconds(), len(b.serve.AskMs), b.skipped, b.load)
	for _, m := range b.serve.Misses {
		fmt.Fprintf(w, "miss: %s\n", m)
	}
}

// quantile returns the q-quantile (nearest rank) of xs; 0 for none.
func quantile(xs []float64, q float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	i := int(q*float64(len(s))+0.5) - 1
	return s[min(max(i, 0), len(s)-1)]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
