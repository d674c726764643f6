package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/reportbot/reportbot/answer"
)

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("eval", "reportbot eval [-index DIR] [-explain] QA.jsonl [NEGATIVES.jsonl]",
		"Runs a question set and prints top-1, top-3, negatives answered, and every miss.")
	dir := indexFlag(fs.FlagSet)
	explain := fs.Bool("explain", false, "show, for each miss, the question as understood and the score terms of the top candidates")
	files, err := fs.parse(args, stdout, stderr)
	if err != nil {
		return err
	}
	if len(files) < 1 || len(files) > 2 {
		return fs.fail(stderr, "eval needs a question file, and optionally a negatives file")
	}
	var cases []answer.EvalCase
	for _, path := range files {
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
	ix, err := openForQuestions(ctx, dir.location(), stderr)
	if err != nil {
		return err
	}
	defer ix.Close()
	rep, err := answer.Evaluate(answer.New(ix), cases)
	if err != nil {
		return err
	}
	rep.Explain = *explain
	rep.Write(stdout)
	return nil
}
