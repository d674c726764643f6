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
	"syscall"
)

// Exit codes.
const (
	exitOK       = 0
	exitError    = 1
	exitUsage    = 2
	exitNotFound = 3 // ask: no confident answer
)

// usageError is a mistake in the command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// errNotFound reports that a question got no confident answer.
var errNotFound = errors.New("no answer found")

const usage = `reportbot: exact figures from work reports, with their sentence and source.

Usage:
  reportbot figures [-json] FILE...        show what is extracted from reports
  reportbot index [-index DIR] PATH...     index report files and folders
  reportbot ask [-index DIR] [-json] QUESTION...
  reportbot eval [-index DIR] QA.jsonl [NEGATIVES.jsonl]
  reportbot serve [-index DIR] [-reports DIR]   run the Telegram bot
  reportbot bench [-sentences N] [-profile DIR] measure speed, size and memory on synthetic reports

Run "reportbot COMMAND -h" for a command's flags.
`

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
	case errors.Is(err, errNotFound):
		return exitNotFound
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "reportbot: %v\n", err)
		return exitUsage
	default:
		fmt.Fprintf(stderr, "reportbot: %v\n", err)
		return exitError
	}
}

// newFlagSet makes a subcommand's flag set whose -h prints synopsis, a
// blank line, what the command does, and the flags.
func newFlagSet(name, synopsis, about string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: %s\n\n%s\n", synopsis, about)
		fs.PrintDefaults()
	}
	return fs
}

// Run executes one reportbot command.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return usageError{"no command given"}
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "figures":
		return runFigures(ctx, rest, stdout, stderr)
	case "index":
		return runIndex(ctx, rest, stdout, stderr)
	case "ask":
		return runAsk(ctx, rest, stdout, stderr)
	case "eval":
		return runEval(ctx, rest, stdout, stderr)
	case "serve":
		return runServe(ctx, rest, stdout, stderr)
	case "bench":
		return runBench(ctx, rest, stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return usageError{fmt.Sprintf("unknown command %q", cmd)}
}
