package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"strings"

	"github.com/reportbot/reportbot/answer"
	"github.com/reportbot/reportbot/index"
	"github.com/reportbot/reportbot/web"
)

// envWebToken is the web page's token. Like the bot's, it is read from the
// environment only, never from the command line (visible in ps).
const envWebToken = "REPORTBOT_WEB_TOKEN"

func runWeb(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("web", "reportbot web [-addr 127.0.0.1:8080] [-index DIR]",
		"Serves the web page: questions answered as by ask, comparisons and trends with\n"+
			"their chart, the paragraph and full text of each answer, the figures of a pasted\n"+
			"draft checked as by check (/check), and the indexed reports.\n"+
			"It listens on loopback unless -addr says otherwise; beyond loopback it needs a\n"+
			"token in $"+envWebToken+" (at least 16 characters), asked for once by a login\n"+
			"form or sent as \"Authorization: Bearer TOKEN\".")
	dir := indexFlag(fs.FlagSet)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (host:port)")
	rest, err := fs.parse(args, stdout, stderr)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fs.fail(stderr, fmt.Sprintf("web takes no arguments (got %q)", rest[0]))
	}
	token, err := webToken(*addr)
	if err != nil {
		return err
	}
	loc := dir.location()
	_, statErr := os.Stat(loc.Dir)
	sample := statErr != nil && loc.Given == ""
	ix, err := openForQuestions(ctx, loc, stderr)
	if errors.Is(err, index.ErrLocked) {
		return fmt.Errorf("%w: another reportbot process (serve or index) writes it; to show the page while the bot runs, start the bot with: reportbot serve -web %s", err, *addr)
	}
	if err != nil {
		return err
	}
	defer ix.Close()
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	note := ""
	if sample {
		note = "还没有索引:这里回答的是内置的示例数据。用 reportbot index 建立索引后再启动。"
	}
	return serveWeb(ctx, answer.New(ix), *addr, token, note, logger)
}

// webToken reads the web page's token and checks it against the
// address: beyond loopback a token is required, and a short one is
// refused.
func webToken(addr string) (string, error) {
	if _, _, err := net.SplitHostPort(addr); err != nil {
		return "", usageError{fmt.Sprintf("-addr %q: give host:port, such as 127.0.0.1:8080", addr)}
	}
	token := strings.TrimSpace(os.Getenv(envWebToken))
	if token != "" && len(token) < web.MinTokenLength {
		return "", usageError{fmt.Sprintf("$%s is %d characters long: use at least %d (for example: openssl rand -hex 16)", envWebToken, len(token), web.MinTokenLength)}
	}
	if token == "" && !web.IsLoopback(addr) {
		return "", usageError{fmt.Sprintf("-addr %s listens beyond this machine: set a token first, for example\n  export %s=$(openssl rand -hex 16)\nand give it to the people who may use the page (they enter it once, or send it as \"Authorization: Bearer TOKEN\")", addr, envWebToken)}
	}
	return token, nil
}

// serveWeb serves the page over eng on addr until ctx ends, saying at
// start where it is and whether it asks for the token.
func serveWeb(ctx context.Context, eng *answer.Engine, addr, token, note string, logger *slog.Logger) error {
	srv, err := web.New(web.Config{Engine: eng, Token: token, Logger: logger, Note: note})
	if err != nil {
		return err
	}
	ln, err := srv.Listen(addr)
	if err != nil {
		return err
	}
	url := "http://" + ln.Addr().String() + "/"
	if srv.TokenRequired() {
		logger.Info("web page: token required ($"+envWebToken+"): log in once in the browser, or send Authorization: Bearer TOKEN", "url", url, "loopback_only", web.IsLoopback(addr))
	} else {
		logger.Info("web page: loopback only, no token (set $"+envWebToken+" to require one)", "url", url)
	}
	return srv.Serve(ctx, ln)
}
