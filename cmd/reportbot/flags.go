package main

import (
	"flag"
	"fmt"
	"io"
)

// flagSet is a subcommand's flags and the text of its usage.
type flagSet struct {
	*flag.FlagSet
	synopsis, about string
}

// newFlagSet makes a subcommand's flag set. Its usage is synopsis, a
// blank line, what the command does, and the flags; parse prints it, to
// stdout when asked for with -h and to stderr after a mistake.
func newFlagSet(name, synopsis, about string) *flagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	// parse reports errors and prints the usage itself, to the right
	// stream; the flag package would print both to one output.
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return &flagSet{FlagSet: fs, synopsis: synopsis, about: about}
}

func (f *flagSet) writeUsage(w io.Writer) {
	fmt.Fprintf(w, "Usage: %s\n\n%s\n", f.synopsis, f.about)
	f.SetOutput(w)
	f.PrintDefaults()
	f.SetOutput(io.Discard)
}

// fail prints the usage to stderr and returns msg as a usage error.
func (f *flagSet) fail(stderr io.Writer, msg string) error {
	f.writeUsage(stderr)
	return usageError{msg}
}

// parse parses args and returns the arguments that are not flags. Flags
// may come anywhere, before or after the arguments (reportbot ask
// 泰安工业投资增速 -json), until "--", after which everything is an
// argument (for a question that starts with "-"); "-" alone is an
// argument. -h prints the usage to stdout and returns flag.ErrHelp, which
// main turns into exit status 0.
func (f *flagSet) parse(args []string, stdout, stderr io.Writer) ([]string, error) {
	var rest []string
	for {
		err := f.Parse(args)
		if err == flag.ErrHelp {
			f.writeUsage(stdout)
			return nil, flag.ErrHelp
		}
		if err != nil {
			return nil, f.fail(stderr, fmt.Sprintf("%s: %v", f.Name(), err))
		}
		left := f.Args()
		if len(left) == 0 {
			return rest, nil
		}
		// Parse stops at the first argument, or just after "--".
		if used := len(args) - len(left); used > 0 && args[used-1] == "--" {
			return append(rest, left...), nil
		}
		rest = append(rest, left[0])
		args = left[1:]
	}
}
