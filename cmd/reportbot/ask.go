package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/reportbot/reportbot/answer"
	"github.com/reportbot/reportbot/answer/socket"
	"github.com/reportbot/reportbot/chart"
)

// maxQuestionBytes bounds one question read from stdin.
const maxQuestionBytes = 64 << 10

func runAsk(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSet("ask", "reportbot ask [-index DIR] [-json] [-explain] [-chart FILE.png] [-n N] QUESTION... (or - to read questions from stdin, one a line)",
		"Answers each question with the figure, the sentence that states it, and its source.\n"+
			"Flags may come before or after the questions; after -- every argument is a question.\n"+
			"Exit status 3 when no question got an answer.")
	dir := indexFlag(fs.FlagSet)
	asJSON := fs.Bool("json", false, "print one JSON object per question, one per line")
	n := fs.Int("n", 3, "answers per question at most (at least 1)")
	chartFile := fs.String("chart", "", "write a chart of a comparison (bars) or a trend (a line) to this PNG file (FILE-2.png… for further questions)")
	explain := fs.Bool("explain", false, "show the question as understood and the score terms of the top candidates (with -json: a \"why\" field)")
	rest, err := fs.parse(args, stdout, stderr)
	if err != nil {
		return err
	}
	if *n < 1 {
		return fs.fail(stderr, fmt.Sprintf("-n %d: give at least 1 answer per question", *n))
	}
	if len(rest) == 0 {
		return fs.fail(stderr, "ask needs a question (or - to read them from stdin)")
	}
	questions, err := readQuestions(rest, stdin)
	if err != nil {
		return err
	}
	if len(questions) == 0 {
		return usageError{"ask: no question on stdin"}
	}
	loc := dir.location()
	ix, cl, err := openOrDial(ctx, loc, stderr)
	if err != nil {
		return err
	}
	if cl != nil {
		defer cl.Close()
		return askThroughSocket(ctx, cl, questions, *n, *asJSON, *explain, *chartFile, stdout, stderr)
	}
	defer ix.Close()
	eng := answer.New(ix)
	answered := 0
	prev := "" // the last answered question, for follow-ups (济南呢?)
	for i, q := range questions {
		if err := ctx.Err(); err != nil {
			return errInterrupted
		}
		full, followed := eng.FollowUp(prev, q)
		res, err := eng.Respond(full, answer.Options{N: *n, Explain: *explain})
		if err != nil {
			return err
		}
		if len(res.Answers) > 0 {
			prev = full
		}
		if *chartFile != "" {
			if err := writeChart(chartPath(*chartFile, i, len(questions)), res, stderr); err != nil {
				return err
			}
		}
		if len(res.Answers) > 0 {
			answered++
		}
		if *asJSON {
			if err := answer.WriteJSON(stdout, res); err != nil {
				return err
			}
			continue
		}
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		if followed {
			fmt.Fprintf(stdout, "(接上题:%s → 按「%s」回答)\n", q, full)
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

// askServer sends one request to the process that holds the index; the
// first says which process answers (it "answered" or "checked").
func askServer(ctx context.Context, cl *socket.Client, req socket.Request, first bool, did string, stderr io.Writer) (socket.Response, error) {
	resp, err := cl.Ask(ctx, req)
	if ctx.Err() != nil {
		return resp, errInterrupted
	}
	if err != nil {
		return resp, err
	}
	if first {
		fmt.Fprintf(stderr, "(the index is held by %s: it %s)\n", resp.Server, did)
	}
	if resp.Error != "" {
		return resp, fmt.Errorf("%s: %s", resp.Server, resp.Error)
	}
	return resp, nil
}

// askThroughSocket asks the process that holds the index, printing what
// ask itself would print.
func askThroughSocket(ctx context.Context, cl *socket.Client, questions []string, n int, asJSON, explain bool, chartFile string, stdout, stderr io.Writer) error {
	answered := 0
	for i, q := range questions {
		resp, err := askServer(ctx, cl, socket.Request{Question: q, N: n, Explain: explain}, i == 0, "answered", stderr)
		if err != nil {
			return err
		}
		if resp.Answered {
			answered++
		}
		if chartFile != "" {
			var res answer.Result
			if err := json.Unmarshal(resp.Result, &res); err != nil {
				return fmt.Errorf("%s: answer for the chart: %w", resp.Server, err)
			}
			if err := writeChart(chartPath(chartFile, i, len(questions)), res, stderr); err != nil {
				return err
			}
		}
		if asJSON {
			fmt.Fprintf(stdout, "%s\n", resp.Result)
			continue
		}
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		io.WriteString(stdout, resp.Text)
	}
	if answered == 0 {
		return errNotFound
	}
	return nil
}

// readQuestions expands the arguments of ask: each is a question, except
// "-", which stands for the lines of stdin (blank lines skipped). An
// empty argument is a mistake, not a question.
func readQuestions(args []string, stdin io.Reader) ([]string, error) {
	var qs []string
	readStdin := false
	for i, a := range args {
		if a == "-" {
			if readStdin {
				return nil, usageError{"ask: - (stdin) given twice"}
			}
			readStdin = true
			sc := bufio.NewScanner(stdin)
			sc.Buffer(make([]byte, 0, 4096), maxQuestionBytes)
			for sc.Scan() {
				if q := strings.TrimSpace(sc.Text()); q != "" {
					qs = append(qs, q)
				}
			}
			if err := sc.Err(); err != nil {
				return nil, fmt.Errorf("ask: read questions from stdin: %w", err)
			}
			continue
		}
		q := strings.TrimSpace(a)
		if q == "" {
			return nil, usageError{fmt.Sprintf("ask: question %d is empty", i+1)}
		}
		qs = append(qs, q)
	}
	return qs, nil
}

// chartPath names the chart of question i of n: FILE.png, FILE-2.png, ….
func chartPath(file string, i, n int) string {
	if n == 1 || i == 0 {
		return file
	}
	ext := filepath.Ext(file)
	return fmt.Sprintf("%s-%d%s", strings.TrimSuffix(file, ext), i+1, ext)
}

// writeChart draws a comparison or a trend; a single answer has no chart,
// which is said on stderr.
func writeChart(path string, res answer.Result, stderr io.Writer) error {
	c, err := chart.FromResult(res)
	if errors.Is(err, chart.ErrNoChart) {
		fmt.Fprintf(stderr, "no chart for %q: %v\n", res.Question, err)
		return nil
	}
	if err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := chart.Render(f, c); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "chart: %s\n", path)
	return nil
}
