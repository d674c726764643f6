package main

import (
	"context"
	"fmt"
	"io"

	"github.com/reportbot/reportbot/bot"
)

// runFeedback lists the 👍/👎 that users of the bot gave its answers, as
// kept in the index folder.
func runFeedback(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("feedback", "reportbot feedback [-index DIR]",
		"Lists the feedback (👍/👎) that users gave the bot's answers, oldest first.")
	dir := indexFlag(fs.FlagSet)
	rest, err := fs.parse(args, stdout, stderr)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fs.fail(stderr, fmt.Sprintf("feedback takes no arguments (got %q)", rest[0]))
	}
	entries, err := bot.ReadFeedback(dir.location().Dir)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		fmt.Fprintln(stdout, "no feedback yet")
		return nil
	}
	for _, f := range entries {
		fmt.Fprintln(stdout, f.String())
	}
	return nil
}
