// Command reportbot answers questions about the figures in work reports.
//
// main only wires the process to Run; each subcommand lives in its own
// file and returns errors, which main maps to exit codes.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"
)

// Exit codes.
const (
	exitOK           = 0
	exitError        = 1
	exitUsage        = 2
	exitNotFound     = 3   // ask: no confident answer
	exitContradicted = 4   // check: a report contradicts a figure
	exitInterrupted  = 130 // 128 + SIGINT, as shells report a command ended by Ctrl-C
)

// usageError is a mistake in the command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// errNotFound reports that a question got no confident answer.
var errNotFound = errors.New("no answer found")

// errInterrupted ends a command stopped by Ctrl-C (or SIGTERM) after it
// has said what it did.
var errInterrupted = errors.New("interrupted")

const usage = `reportbot: exact figures from work reports, with their sentence and source.

Usage:
  reportbot ask [-index DIR] [-json] [-n N] QUESTION... | -   answer questions ("-": one a line from stdin)
  reportbot check [-index DIR] [-json] [-region R] [-date YYYY-MM] TEXT... | - | -file DRAFT
                                               check the figures a text states (exit 4: one is contradicted)
  reportbot index [-index DIR] [-prune] [-rebuild] PATH...     index report files and folders
  reportbot sources [-index DIR] [-json]       list the indexed reports
  reportbot stats [-index DIR] [-json]         count what the index holds
  reportbot remove [-index DIR] PATH...        drop reports (or a folder of them) from the index
  reportbot eval [-index DIR] QA.jsonl [NEGATIVES.jsonl]   score a question set
  reportbot figures [-json] FILE|DIR...        show what is extracted from reports
  reportbot serve [-index DIR] [-reports DIR] [-web ADDR]   run the Telegram bot (and the web page)
  reportbot web [-addr 127.0.0.1:8080] [-index DIR]   serve the web page
  reportbot bench [-sentences N]               measure speed, size and memory on synthetic reports
  reportbot version                            print the version

Flags may come before or after the arguments. Run "reportbot COMMAND -h"
(or "reportbot help COMMAND") for a command's flags.
`

// commands maps each command to the function that runs it.
var commands = map[string]func(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error{
	"ask":   runAsk,
	"check": runCheck,
	"index": func(ctx context.Context, a []string, _ io.Reader, o, e io.Writer) error {
		return runIndex(ctx, a, o, e)
	},
	"eval": func(ctx context.Context, a []string, _ io.Reader, o, e io.Writer) error { return runEval(ctx, a, o, e) },
	"figures": func(ctx context.Context, a []string, _ io.Reader, o, e io.Writer) error {
		return runFigures(ctx, a, o, e)
	},
	"serve": func(ctx context.Context, a []string, _ io.Reader, o, e io.Writer) error {
		return runServe(ctx, a, o, e)
	},
	"web": func(ctx context.Context, a []string, _ io.Reader, o, e io.Writer) error {
		return runWeb(ctx, a, o, e)
	},
	"bench": func(ctx context.Context, a []string, _ io.Reader, o, e io.Writer) error {
		return runBench(ctx, a, o, e)
	},
	"sources": func(ctx context.Context, a []string, _ io.Reader, o, e io.Writer) error {
		return runSources(ctx, a, o, e)
	},
	"stats": func(ctx context.Context, a []string, _ io.Reader, o, e io.Writer) error {
		return runStats(ctx, a, o, e)
	},
	"remove": func(ctx context.Context, a []string, _ io.Reader, o, e io.Writer) error {
		return runRemove(ctx, a, o, e)
	},
	"version": func(_ context.Context, a []string, _ io.Reader, o, e io.Writer) error { return runVersion(a, o, e) },
	"feedback": func(ctx context.Context, a []string, _ io.Reader, o, e io.Writer) error {
		return runFeedback(ctx, a, o, e)
	},
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := exitCode(Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr), os.Stderr)
	stop()
	os.Exit(code)
}

func exitCode(err error, stderr io.Writer) int {
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK // the usage was asked for, and printed
	case errors.Is(err, errNotFound):
		return exitNotFound
	case errors.Is(err, errContradicted):
		return exitContradicted
	case errors.Is(err, errInterrupted):
		fmt.Fprintf(stderr, "reportbot: %v\n", err)
		return exitInterrupted
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "reportbot: %v\n", err)
		return exitUsage
	default:
		fmt.Fprintf(stderr, "reportbot: %v\n", err)
		return exitError
	}
}

// Run executes one reportbot command.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return usageError{"no command given"}
	}
	cmd, rest := args[0], args[1:]
	if run, ok := commands[cmd]; ok {
		return run(ctx, rest, stdin, stdout, stderr)
	}
	switch cmd {
	case "help", "-h", "-help", "--help":
		if len(rest) > 0 {
			if _, ok := commands[rest[0]]; ok {
				return Run(ctx, []string{rest[0], "-h"}, stdin, stdout, stderr)
			}
		}
		fmt.Fprint(stdout, usage)
		return nil
	case "-version", "--version":
		return runVersion(rest, stdout, stderr)
	}
	msg := fmt.Sprintf("unknown command %q", cmd)
	if near := nearestCommand(cmd); near != "" {
		msg += fmt.Sprintf("; did you mean %q?", near)
	}
	return usageError{msg + ` (run "reportbot help" for the commands)`}
}

// nearestCommand is the command a mistyped one most likely meant: the
// only one within two edits (asq → ask, indx → index), else "".
func nearestCommand(typed string) string {
	names := make([]string, 0, len(commands)+1)
	for name := range commands {
		names = append(names, name)
	}
	names = append(names, "help")
	sort.Strings(names)
	best, bestDist, ties := "", 3, 0
	for _, name := range names {
		switch d := editDistance(typed, name); {
		case d < bestDist:
			best, bestDist, ties = name, d, 0
		case d == bestDist:
			ties++
		}
	}
	if ties > 0 || bestDist >= len([]rune(typed)) {
		return "" // ambiguous, or a guess from nothing
	}
	return best
}

// editDistance is the Levenshtein distance of a and b, with a swap of
// two neighbours counting as one edit (optimal string alignment).
func editDistance(a, b string) int {
	s, t := []rune(a), []rune(b)
	d := make([][]int, len(s)+1)
	for i := range d {
		d[i] = make([]int, len(t)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(s); i++ {
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(s)][len(t)]
}
