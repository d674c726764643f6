package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/reportbot/reportbot/answer"
)

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("index", defaultIndexDir(), "index directory (default $REPORTBOT_INDEX, else the user's data directory)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: reportbot eval [-index DIR] QA.jsonl [NEGATIVES.jsonl]\n\nRuns a question set and prints top-1, top-3, negatives answered, and every miss.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if fs.NArg() < 1 || fs.NArg() > 2 {
		fs.Usage()
		return usageError{"eval needs a question file, and optionally a negatives file"}
	}
	var cases []answer.EvalCase
	for _, path := range fs.Args() {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		cs, err := answer.ReadEvalCases(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		cases = append(cases, cs...)
	}
	ix, note, err := openForQuestions(ctx, *dir)
	if err != nil {
		return err
	}
	defer ix.Close()
	if note != "" {
		fmt.Fprintln(stderr, note)
	}
	rep, err := answer.Evaluate(answer.New(ix), cases)
	if err != nil {
		return err
	}
	rep.Write(stdout)
	return nil
}
