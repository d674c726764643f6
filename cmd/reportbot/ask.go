package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/reportbot/reportbot/answer"
)

func runAsk(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("ask", "reportbot ask [-index DIR] [-json] [-explain] [-n N] QUESTION...",
		"Answers each question with the figure, the sentence that states it, and its source.\nExit status 3 when no question got an answer.", stderr)
	dir := indexFlag(fs)
	asJSON := fs.Bool("json", false, "print one JSON object per question, one per line")
	n := fs.Int("n", 3, "answers per question at most")
	explain := fs.Bool("explain", false, "show the question as understood and the score terms of the top candidates (with -json: a \"why\" field)")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usageError{"ask needs a question"}
	}
	ix, err := openForQuestions(ctx, dir.location(), stderr)
	if err != nil {
		return err
	}
	defer ix.Close()
	eng := answer.New(ix)
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	answered := 0
	for i, q := range fs.Args() {
		q = strings.TrimSpace(q)
		res, err := eng.AskWith(q, answer.Options{N: *n, Explain: *explain})
		if err != nil {
			return err
		}
		if len(res.Answers) > 0 {
			answered++
		}
		if *asJSON {
			if err := enc.Encode(res); err != nil {
				return err
			}
			continue
		}
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		answer.WriteText(stdout, res)
		if *explain {
			fmt.Fprintln(stdout)
			answer.WriteExplanation(stdout, res)
		}
	}
	if answered == 0 {
		return errNotFound
	}
	return nil
}
