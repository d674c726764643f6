package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
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
//     several times, median wall time;
//  5. the yardstick: another child ("reportbot bench -plain-phase") reads
//     the same files into the same sentences and indexes them as plain
//     bleve would (index.Plain: one document per sentence, cjk analyzer,
//     batches of 1,000), and the serve child, after its own timings,
//     asks that index the same questions as match queries. Ratios of the
//     same run are what count on a shared machine.
//
// The table it prints is what BENCHMARKS.md records; -json prints the
// same as one JSON object.

// The goals, printed beside the measurements.
const (
	targetIngestMBs    = 5.0
	targetIngestVsBare = 1.5 // ingest MB/s ÷ the plain index's
	targetMedianMs     = 5.0
	targetP99Ms        = 20.0
	targetBareRatio    = 1.5
	targetServeRSSMB   = 300.0
	targetIndexFactor  = 2.5
	targetColdMs       = 100.0
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
	// The plain index, asked after the timings above (and after VmHWMKB
	// was read, so that its memory does not count as reportbot's).
	PlainMs      []float64 `json:"plain_ms,omitempty"`
	PlainVmHWMKB int64     `json:"plain_vmhwm_kb,omitempty"`
}

// plainResult is what the plain-phase child prints, as JSON.
type plainResult struct {
	Sentences int     `json:"sentences"` // documents: paragraphs with -plain-paragraphs
	Bytes     int64   `json:"bytes"`
	IngestS   float64 `json:"ingest_s"`
	CPUS      float64 `json:"cpu_s"`
	VmHWMKB   int64   `json:"vmhwm_kb"`
	DiskBytes int64   `json:"disk_bytes"`
	GCPercent int     `json:"gc_percent"`
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
	asJSON := fs.Bool("json", false, "print the results as one JSON object")
	noPlain := fs.Bool("no-plain", false, "skip the plain-bleve reference")
	plainParagraphs := fs.Bool("plain-paragraphs", false, "index the plain reference one document per paragraph instead of per sentence")
	// The serve phase runs in a child; these flags are for it only.
	servePhase := fs.Bool("serve-phase", false, "internal: run the serve phase on -index with -qfile and print JSON")
	indexDir := fs.String("index", "", "internal: index directory of the serve phase")
	qfile := fs.String("qfile", "", "internal: question file of the serve phase")
	plainPhase := fs.Bool("plain-phase", false, "internal: index -corpus into the plain index -plain and print JSON")
	plainDir := fs.String("plain", "", "internal: plain index directory of the plain and serve phases")
	corpusFlag := fs.String("corpus", "", "internal: corpus directory of the plain phase")
	rest, err := fs.parse(args, stdout, stderr)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fs.fail(stderr, fmt.Sprintf("bench takes no arguments (got %q)", rest[0]))
	}
	if *servePhase {
		return benchServe(*indexDir, *plainDir, *qfile, *rounds, *profileDir, stdout)
	}
	if *plainPhase {
		return benchPlain(ctx, *corpusFlag, *plainDir, *workers, *plainParagraphs, stdout)
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
	plainIxDir := filepath.Join(work, "plain")
	if err := os.RemoveAll(corpusDir); err != nil {
		return err
	}
	if err := os.RemoveAll(plainIxDir); err != nil {
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

	// 2. Ingest. Each timed phase starts with the previous one's writes
	// on disk.
	flushWrites()
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
	restoreGC := bulkGC()
	ingestGC := gcPercent()
	rep, err := ingest.New(ix).Run(ctx, []string{corpusDir}, ingest.Options{Workers: *workers, Progress: stderr})
	restoreGC()
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

	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("find own executable for the serve phase: %w", err)
	}

	// 2b. The plain index of the same sentences, in a fresh process.
	var pr plainResult
	if !*noPlain {
		fmt.Fprintf(stderr, "indexing the same sentences as plain bleve in a fresh process...\n")
		flushWrites()
		args := []string{"bench", "-plain-phase", "-corpus", corpusDir, "-plain", plainIxDir, "-plain-paragraphs=" + strconv.FormatBool(*plainParagraphs)}
		if *workers > 0 {
			args = append(args, "-workers", strconv.Itoa(*workers))
		}
		if err := runChildJSON(ctx, exe, args, stderr, &pr); err != nil {
			return fmt.Errorf("plain phase: %w", err)
		}
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
	fmt.Fprintf(stderr, "serving %d questions × %d rounds in a fresh process...\n", len(qs), *rounds)
	flushWrites()
	sargs := []string{"bench", "-serve-phase", "-index", ixDir, "-qfile", qpath, "-rounds", strconv.Itoa(*rounds)}
	if *profileDir != "" {
		sargs = append(sargs, "-profile", *profileDir)
	}
	if !*noPlain {
		sargs = append(sargs, "-plain", plainIxDir)
	}
	var sr serveResult
	if err := runChildJSON(ctx, exe, sargs, stderr, &sr); err != nil {
		return fmt.Errorf("serve phase: %w", err)
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
		ingestTime: ingestTime, diskBytes: diskSize, ingestHWMKB: ingestHWM, ingestGCPercent: ingestGC, serve: sr, coldMs: colds,
		skipped: len(rep.Skipped), figures: st.Figures, extractTime: extractTime, extractBytes: extractBytes, cpu: cpu,
		load: load0 + " at start, " + loadEnd + " at end", plain: pr,
	}
	if *asJSON {
		return b.printJSON(stdout)
	}
	b.print(stdout)
	return nil
}

// runChildJSON runs this executable with args and decodes the JSON it
// prints into v.
func runChildJSON(ctx context.Context, exe string, args []string, stderr io.Writer, v any) error {
	var out bytes.Buffer
	c := exec.CommandContext(ctx, exe, args...)
	c.Stdout, c.Stderr = &out, stderr
	if err := c.Run(); err != nil {
		return err
	}
	if err := json.Unmarshal(out.Bytes(), v); err != nil {
		return fmt.Errorf("bad output: %w", err)
	}
	return nil
}

// benchPlain is the plain phase: read the corpus into sentences (not
// timed), then index them into a new plain index (timed) and print JSON.
func benchPlain(ctx context.Context, corpusDir, plainDir string, workers int, byParagraph bool, stdout io.Writer) error {
	if corpusDir == "" || plainDir == "" {
		return usageError{"-plain-phase needs -corpus and -plain"}
	}
	var paths []string
	err := filepath.WalkDir(corpusDir, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		return err
	}
	sents, n, err := ingest.Sentences(ctx, paths, workers, byParagraph)
	if err != nil {
		return err
	}
	var r plainResult
	r.Sentences, r.Bytes = len(sents), n
	p, err := index.CreatePlain(plainDir)
	if err != nil {
		return err
	}
	cpu0 := procstat.ReadCPU()
	t := time.Now()
	err = p.Add(1, sents)
	if cerr := p.Close(); err == nil {
		err = cerr
	}
	r.IngestS = time.Since(t).Seconds()
	r.CPUS = procstat.ReadCPU().Sub(cpu0).Used
	if err != nil {
		return err
	}
	r.VmHWMKB = procstat.PeakRSSKB()
	r.DiskBytes = index.SizeOnDisk(plainDir)
	r.GCPercent = gcPercent()
	return json.NewEncoder(stdout).Encode(r)
}

// benchServe is the serve phase: open read-only, one warm-up pass over the
// questions, then rounds timed passes, each question asked through the
// engine and as a bare query back to back.
func benchServe(dir, plainDir, qfile string, rounds int, profileDir string, stdout io.Writer) error {
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
	defer ix.Close() // again after an error; the second Close is harmless
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
	if plainDir != "" {
		// The plain index's peak is its own: reportbot's index is
		// unmapped and the peak reset (Linux: clear_refs 5) first.
		if err := ix.Close(); err != nil {
			return err
		}
		runtime.GC()
		_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
		if err := servePlain(plainDir, qs, rounds, &r); err != nil {
			return err
		}
	}
	return json.NewEncoder(stdout).Encode(r)
}

// servePlain asks the plain index the same questions, as they are typed,
// with a match query for 10 hits and their stored text: one warm-up pass,
// then rounds timed passes.
func servePlain(dir string, qs []synth.Question, rounds int, r *serveResult) error {
	p, err := index.OpenPlain(dir)
	if err != nil {
		return err
	}
	defer p.Close()
	for round := -1; round < rounds; round++ {
		for _, q := range qs {
			t := time.Now()
			if _, err := p.Match(q.Text, 10); err != nil {
				return err
			}
			if round >= 0 {
				r.PlainMs = append(r.PlainMs, ms(time.Since(t)))
			}
		}
	}
	r.PlainVmHWMKB = procstat.PeakRSSKB()
	return nil
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
	ingestGCPercent                    int
	serve                              serveResult
	coldMs                             []float64
	extractTime                        time.Duration
	extractBytes                       int64
	cpu                                procstat.CPU
	load                               string
	plain                              plainResult
}

// benchJSON is what -json prints; every duration in ms, every size in MB
// (10^6 bytes for text and disk, 2^20 for RSS), ratios as plain numbers.
// Plain fields are 0 with -no-plain.
type benchJSON struct {
	Sentences       int      `json:"sentences"`
	Files           int      `json:"files"`
	TextMB          float64  `json:"text_mb"`
	IngestS         float64  `json:"ingest_s"`
	IngestMBs       float64  `json:"ingest_mb_s"`
	PlainDocs       int      `json:"plain_docs"`
	PlainIngestMBs  float64  `json:"plain_ingest_mb_s"`
	IngestVsPlain   float64  `json:"ingest_vs_plain"`
	IngestGOGC      int      `json:"ingest_gogc"`
	PlainGOGC       int      `json:"plain_gogc,omitempty"`
	ExtractMBs      float64  `json:"extract_mb_s"`
	CPUsPerMB       float64  `json:"cpu_s_per_mb"`
	PlainCPUsPerMB  float64  `json:"plain_cpu_s_per_mb"`
	IndexMB         float64  `json:"index_mb"`
	IndexRatio      float64  `json:"index_ratio"`
	PlainIndexRatio float64  `json:"plain_index_ratio"`
	AnswerP50Ms     float64  `json:"answer_p50_ms"`
	AnswerP99Ms     float64  `json:"answer_p99_ms"`
	BareP50Ms       float64  `json:"bare_p50_ms"`
	BareP99Ms       float64  `json:"bare_p99_ms"`
	AnswerVsBare    float64  `json:"answer_vs_bare"`
	PlainP50Ms      float64  `json:"plain_p50_ms"`
	PlainP99Ms      float64  `json:"plain_p99_ms"`
	ServeRSSMB      float64  `json:"serve_rss_mb"`
	PlainServeRSSMB float64  `json:"plain_serve_rss_mb"`
	IndexRSSMB      float64  `json:"index_rss_mb"`
	PlainIndexRSSMB float64  `json:"plain_index_rss_mb"`
	ColdMs          float64  `json:"cold_ms"`
	OpenMs          float64  `json:"open_ms"`
	FactsRight      int      `json:"facts_right"`
	FactsTotal      int      `json:"facts_total"`
	NegativesSilent int      `json:"negatives_silent"`
	NegativesTotal  int      `json:"negatives_total"`
	OpenAnswered    int      `json:"open_answered"`
	OpenTotal       int      `json:"open_total"`
	Load            string   `json:"load"`
	Misses          []string `json:"misses,omitempty"`
}

func (b benchTable) json() benchJSON {
	mb := float64(b.textBytes) / 1e6
	j := benchJSON{
		Sentences: b.sentences, Files: b.files, TextMB: round3(mb),
		IngestS:     round3(b.ingestTime.Seconds()),
		IngestMBs:   round3(mb / b.ingestTime.Seconds()),
		IngestGOGC:  b.ingestGCPercent,
		ExtractMBs:  round3(float64(b.extractBytes) / 1e6 / b.extractTime.Seconds()),
		CPUsPerMB:   round3(b.cpu.Used / mb),
		IndexMB:     round3(float64(b.diskBytes) / 1e6),
		IndexRatio:  round3(float64(b.diskBytes) / float64(b.textBytes)),
		AnswerP50Ms: round3(quantile(b.serve.AskMs, 0.5)), AnswerP99Ms: round3(quantile(b.serve.AskMs, 0.99)),
		BareP50Ms: round3(quantile(b.serve.BareMs, 0.5)), BareP99Ms: round3(quantile(b.serve.BareMs, 0.99)),
		ServeRSSMB: round3(float64(b.serve.VmHWMKB) / 1024), IndexRSSMB: round3(float64(b.ingestHWMKB) / 1024),
		ColdMs: round3(quantile(b.coldMs, 0.5)), OpenMs: round3(b.serve.OpenMs),
		FactsRight: b.serve.FactsTop1, FactsTotal: b.serve.Facts,
		NegativesSilent: b.serve.NegEmpty, NegativesTotal: b.serve.Negatives,
		OpenAnswered: b.serve.Answered, OpenTotal: b.serve.Open,
		Load: b.load, Misses: b.serve.Misses,
	}
	if j.BareP50Ms > 0 {
		j.AnswerVsBare = round3(j.AnswerP50Ms / j.BareP50Ms)
	}
	if p := b.plain; p.IngestS > 0 {
		j.PlainDocs = p.Sentences
		j.PlainIngestMBs = round3(float64(p.Bytes) / 1e6 / p.IngestS)
		j.IngestVsPlain = round3(j.IngestMBs / j.PlainIngestMBs)
		j.PlainGOGC = p.GCPercent
		j.PlainCPUsPerMB = round3(p.CPUS / (float64(p.Bytes) / 1e6))
		j.PlainIndexRatio = round3(float64(p.DiskBytes) / float64(p.Bytes))
		j.PlainIndexRSSMB = round3(float64(p.VmHWMKB) / 1024)
	}
	if len(b.serve.PlainMs) > 0 {
		j.PlainP50Ms = round3(quantile(b.serve.PlainMs, 0.5))
		j.PlainP99Ms = round3(quantile(b.serve.PlainMs, 0.99))
		j.PlainServeRSSMB = round3(float64(b.serve.PlainVmHWMKB) / 1024)
	}
	return j
}

func round3(f float64) float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return math.Round(f*1000) / 1000
}

func (b benchTable) printJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(b.json())
}

func (b benchTable) print(w io.Writer) {
	j := b.json()
	verdict := func(ok bool) string {
		if ok {
			return "met"
		}
		return "MISSED"
	}
	mbStr := func(v float64) string {
		if v <= 0 {
			return "n/a"
		}
		return fmt.Sprintf("%.0f MB", v)
	}
	ratio := func(a, p float64) string {
		if a <= 0 || p <= 0 {
			return ""
		}
		return fmt.Sprintf("%.2f×", a/p)
	}
	plain := func(format string, v float64) string {
		if v <= 0 {
			return "–"
		}
		return fmt.Sprintf(format, v)
	}

	fmt.Fprintf(w, "reportbot bench: %d sentences in %d files (%d figures), %.1f MB of report text; %s, %d cores, GOMAXPROCS %d\n\n",
		b.sentences, b.files, b.figures, j.TextMB, runtime.Version(), runtime.NumCPU(), runtime.GOMAXPROCS(0))
	fmt.Fprintln(w, "| measure | reportbot | plain bleve | reportbot ÷ plain | target | |")
	fmt.Fprintln(w, "| --- | --- | --- | --- | --- | --- |")
	row := func(name, rb, pl, r, target, v string) {
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s |\n", name, rb, pl, r, target, v)
	}
	row("ingest throughput", fmt.Sprintf("%.2f MB/s (%.1f s)", j.IngestMBs, j.IngestS), plain("%.2f MB/s", j.PlainIngestMBs), ratio(j.IngestMBs, j.PlainIngestMBs),
		fmt.Sprintf("≥ %.1f× plain, ≥ %.0f MB/s", targetIngestVsBare, targetIngestMBs), verdict(j.IngestVsPlain >= targetIngestVsBare && j.IngestMBs >= targetIngestMBs))
	row("… garbage collector target (GOGC)", fmt.Sprintf("%d", j.IngestGOGC), plain("%.0f", float64(j.PlainGOGC)), "", "", "")
	row("… reading + extraction alone", fmt.Sprintf("%.2f MB/s", j.ExtractMBs), "", "", "", "")
	if b.cpu.Used > 0 {
		row("CPU-s per MB ingested", fmt.Sprintf("%.2f (%.2f of %d cores busy)", j.CPUsPerMB, b.cpu.BusyCores(), runtime.NumCPU()), plain("%.2f", j.PlainCPUsPerMB), ratio(j.CPUsPerMB, j.PlainCPUsPerMB), "", "")
	}
	row("index on disk ÷ text", fmt.Sprintf("%.2f× (%.1f MB)", j.IndexRatio, j.IndexMB), plain("%.2f×", j.PlainIndexRatio), ratio(j.IndexRatio, j.PlainIndexRatio),
		fmt.Sprintf("≤ %.1f×", targetIndexFactor), verdict(j.IndexRatio <= targetIndexFactor))
	row("peak RSS indexing", mbStr(j.IndexRSSMB), mbStr(j.PlainIndexRSSMB), ratio(j.IndexRSSMB, j.PlainIndexRSSMB), "", "")
	row("peak RSS serving", fmt.Sprintf("%s (%s after open)", mbStr(j.ServeRSSMB), mbStr(float64(b.serve.RSSOpenKB)/1024)), mbStr(j.PlainServeRSSMB), "",
		fmt.Sprintf("≤ %.0f MB", targetServeRSSMB), verdict(j.ServeRSSMB > 0 && j.ServeRSSMB <= targetServeRSSMB))
	row("answer median / p99", fmt.Sprintf("%.2f / %.2f ms", j.AnswerP50Ms, j.AnswerP99Ms), plain("%.2f ms", j.PlainP50Ms)+" / "+plain("%.2f ms", j.PlainP99Ms)+" (match query)", ratio(j.AnswerP50Ms, j.PlainP50Ms),
		fmt.Sprintf("≤ %.0f / %.0f ms", targetMedianMs, targetP99Ms), verdict(j.AnswerP50Ms <= targetMedianMs && j.AnswerP99Ms <= targetP99Ms))
	row("bare query median / p99", fmt.Sprintf("%.2f / %.2f ms", j.BareP50Ms, j.BareP99Ms), "", "", "", "")
	row("answer median ÷ bare median", fmt.Sprintf("%.2f×", j.AnswerVsBare), "", "", fmt.Sprintf("≤ %.1f×", targetBareRatio), verdict(j.AnswerVsBare <= targetBareRatio))
	row(fmt.Sprintf("ask cold start (median of %d)", len(b.coldMs)), fmt.Sprintf("%.0f ms (open %.0f ms)", j.ColdMs, j.OpenMs), "", "", fmt.Sprintf("≤ %.0f ms", targetColdMs), verdict(j.ColdMs <= targetColdMs))
	row("facts top-1", fmt.Sprintf("%d/%d", j.FactsRight, j.FactsTotal), "", "", "all", verdict(j.FactsRight == j.FactsTotal))
	row("negatives unanswered", fmt.Sprintf("%d/%d", j.NegativesSilent, j.NegativesTotal), "", "", "all", verdict(j.NegativesSilent == j.NegativesTotal))
	row("open questions answered", fmt.Sprintf("%d/%d", j.OpenAnswered, j.OpenTotal), "", "", "", "")
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
