package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	"github.com/reportbot/reportbot/answer"
	"github.com/reportbot/reportbot/answer/socket"
	"github.com/reportbot/reportbot/corpus"
)

// maxDraftBytes bounds a draft read from stdin.
const maxDraftBytes = 4 << 20

// errContradicted reports that a report contradicts a checked figure.
var errContradicted = errors.New("a report contradicts a figure")

var checkDate = regexp.MustCompile(`^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$`)

func runCheck(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSet("check", "reportbot check [-index DIR] [-json] [-region R] [-date YYYY-MM] TEXT... | - | -file DRAFT | -eval FACTCHECK.jsonl...",
		"Checks every figure a text states against the indexed reports: confirmed (✓), contradicted (✗, with\n"+
			"the report's number) or unverified (?), then the sources. Each argument is a text; - reads one text\n"+
			"from stdin; -file reads a draft (.txt, .docx, .html, .pdf). -eval scores fact-check sets instead.\n"+
			"Exit status 4 when a report contradicts a figure.")
	dir := indexFlag(fs.FlagSet)
	asJSON := fs.Bool("json", false, "print one JSON object per text, one per line")
	region := fs.String("region", "", "the region of figures whose text names none (泰安)")
	date := fs.String("date", "", "when the text was written, YYYY-MM: gives 今年 and a year-less 1-5月 their year")
	file := fs.String("file", "", "check the draft in this file")
	eval := fs.Bool("eval", false, "the arguments are fact-check sets (claim, verdict, claimed_value, file, value per line): print how many claims get the expected verdict")
	rest, err := fs.parse(args, stdout, stderr)
	if err != nil {
		return err
	}
	if *date != "" && !checkDate.MatchString(*date) {
		return fs.fail(stderr, fmt.Sprintf("-date %q: write it YYYY-MM (or YYYY, YYYY-MM-DD)", *date))
	}
	opt := answer.CheckOptions{Region: *region, Date: *date}
	if *eval {
		if len(rest) == 0 || *file != "" {
			return fs.fail(stderr, "check -eval needs fact-check files (and no -file)")
		}
		return runCheckEval(ctx, dir.location(), rest, opt, stdout, stderr)
	}
	texts, err := checkTexts(rest, *file, stdin)
	if err != nil {
		return err
	}
	if len(texts) == 0 {
		return fs.fail(stderr, "check needs a text (or - for stdin, or -file DRAFT)")
	}
	loc := dir.location()
	ix, cl, err := openOrDial(ctx, loc, stderr)
	if err != nil {
		return err
	}
	if cl != nil {
		defer cl.Close()
		return checkThroughSocket(ctx, cl, texts, opt, *asJSON, stdout, stderr)
	}
	defer ix.Close()
	eng := answer.New(ix)
	contradicted := false
	for i, t := range texts {
		if err := ctx.Err(); err != nil {
			return errInterrupted
		}
		res, err := eng.Check(t, opt)
		if err != nil {
			return err
		}
		contradicted = contradicted || res.Contradicted()
		if *asJSON {
			if err := answer.WriteJSON(stdout, res); err != nil {
				return err
			}
			continue
		}
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		answer.WriteCheck(stdout, res)
	}
	if contradicted {
		return errContradicted
	}
	return nil
}

// checkThroughSocket checks through the process that holds the index,
// printing what check itself would print.
func checkThroughSocket(ctx context.Context, cl *socket.Client, texts []string, opt answer.CheckOptions, asJSON bool, stdout, stderr io.Writer) error {
	contradicted := false
	for i, t := range texts {
		resp, err := askServer(ctx, cl, socket.Request{Check: t, Region: opt.Region, Date: opt.Date}, i == 0, "checked", stderr)
		if err != nil {
			return err
		}
		contradicted = contradicted || resp.Contradicted
		if asJSON {
			fmt.Fprintf(stdout, "%s\n", resp.Result)
			continue
		}
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		io.WriteString(stdout, resp.Text)
	}
	if contradicted {
		return errContradicted
	}
	return nil
}

// checkTexts collects the texts to check: each argument, stdin for "-"
// (all of it, one text), and the draft file.
func checkTexts(args []string, file string, stdin io.Reader) ([]string, error) {
	var texts []string
	readStdin := false
	for i, a := range args {
		if a == "-" {
			if readStdin {
				return nil, usageError{"check: - (stdin) given twice"}
			}
			readStdin = true
			b, err := io.ReadAll(io.LimitReader(stdin, maxDraftBytes+1))
			if err != nil {
				return nil, fmt.Errorf("check: read stdin: %w", err)
			}
			if len(b) > maxDraftBytes {
				return nil, fmt.Errorf("check: stdin holds more than %d MB", maxDraftBytes>>20)
			}
			dec, err := corpus.DecodeText(b)
			if err != nil {
				return nil, fmt.Errorf("check: read stdin: %w", err)
			}
			if t := strings.TrimSpace(dec.Text); t != "" {
				texts = append(texts, t)
			}
			continue
		}
		t := strings.TrimSpace(a)
		if t == "" {
			return nil, usageError{fmt.Sprintf("check: text %d is empty", i+1)}
		}
		texts = append(texts, t)
	}
	if file != "" {
		raw, err := corpus.ReadFile(file)
		if err != nil {
			return nil, err
		}
		if t := strings.TrimSpace(raw.Text); t != "" {
			texts = append(texts, t)
		} else {
			return nil, fmt.Errorf("%s: no text", file)
		}
	}
	return texts, nil
}

func runCheckEval(ctx context.Context, loc indexLocation, files []string, opt answer.CheckOptions, stdout, stderr io.Writer) error {
	var cases []answer.CheckCase
	for _, path := range files {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		cs, err := answer.ReadCheckCases(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		for i := range cs {
			if cs[i].Region == "" {
				cs[i].Region = opt.Region
			}
			if cs[i].Date == "" {
				cs[i].Date = opt.Date
			}
		}
		cases = append(cases, cs...)
	}
	ix, err := openForQuestions(ctx, loc, stderr)
	if err != nil {
		return err
	}
	defer ix.Close()
	rep, err := answer.EvaluateCheck(answer.New(ix), cases)
	if err != nil {
		return err
	}
	rep.Write(stdout)
	return nil
}
