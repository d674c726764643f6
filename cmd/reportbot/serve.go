package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"

	"github.com/reportbot/reportbot/answer"
	"github.com/reportbot/reportbot/answer/socket"
	"github.com/reportbot/reportbot/bot"
	"github.com/reportbot/reportbot/index"
	"github.com/reportbot/reportbot/ingest"
)

// Environment of serve. The token and the secret are read from the
// environment only: command-line arguments are visible to every user of
// the machine (ps).
const (
	envToken         = "TELEGRAM_BOT_TOKEN"
	envAPIURL        = "TELEGRAM_API_URL"
	envAllowedUsers  = "REPORTBOT_ALLOWED_USERS"
	envAllowedChats  = "REPORTBOT_ALLOWED_CHATS"
	envAdmins        = "REPORTBOT_ADMINS"
	envWebhookSecret = "REPORTBOT_WEBHOOK_SECRET"
)

const howToGetToken = `serve needs the bot's token in ` + envToken + `.

To get one:
  1. In Telegram, open a chat with @BotFather and send /newbot.
  2. Choose the bot's name and a username ending in "bot".
  3. BotFather replies with a token like 123456789:AAH...; keep it secret.
Then start the bot with it, and with who may use it:
  export ` + envToken + `='123456789:AAH...'
  export ` + envAdmins + `=YOUR_NUMERIC_USER_ID
  reportbot serve -reports DIR
(Your numeric ID: ask @userinfobot, or write to the running bot: it answers strangers with their ID.)`

const noAllowList = `serve refuses to answer everyone by default: set who may use the bot,
as comma-separated numeric Telegram IDs, in
  ` + envAllowedUsers + `   users allowed anywhere
  ` + envAllowedChats + `   chats (groups) whose members are allowed
  ` + envAdmins + `          admins (also add reports and /reindex)
or pass -public to answer everyone.`

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", "reportbot serve [-index DIR] [-reports DIR] [-public] [-webhook URL -listen ADDR] [-web ADDR]",
		fmt.Sprintf("Runs the Telegram bot. Environment: %s (required), %s,\n%s, %s, %s, %s,\n%s (the web page's token, for -web beyond loopback).",
			envToken, envAPIURL, envAllowedUsers, envAllowedChats, envAdmins, envWebhookSecret, envWebToken))
	dir := indexFlag(fs.FlagSet)
	reports := fs.String("reports", "", "folder of reports: indexed at start and on /reindex; admins' uploads are saved here (without it, uploads are refused)")
	public := fs.Bool("public", false, "answer everyone, not only the allow-lists")
	webhook := fs.String("webhook", "", "public HTTPS URL Telegram posts updates to (webhook mode); default: long polling")
	listen := fs.String("listen", "127.0.0.1:8080", "address the webhook server listens on (behind a TLS reverse proxy)")
	maxUpload := fs.Int64("max-upload-mb", bot.DefaultMaxUpload>>20, "largest report file accepted, in MB")
	rate := fs.Float64("rate", 20, "questions per user per minute (0: no limit)")
	burst := fs.Int("burst", bot.DefaultBurst, "questions a user may ask at once before -rate applies")
	workers := fs.Int("workers", 4, "updates handled at once")
	logLevel := fs.String("log-level", "info", "debug, info, warn or error (debug logs the questions' text)")
	logJSON := fs.Bool("log-json", false, "log JSON lines instead of text")
	webAddr := fs.String("web", "", "also serve the web page on this address (host:port, as reportbot web -addr), from the bot's own index")
	rest, err := fs.parse(args, stdout, stderr)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fs.fail(stderr, fmt.Sprintf("serve takes no arguments (got %q)", rest[0]))
	}
	if *maxUpload <= 0 {
		return usageError{"-max-upload-mb must be positive"}
	}
	webTok := ""
	if *webAddr != "" {
		if webTok, err = webToken(*webAddr); err != nil {
			return err
		}
		if *webhook != "" && *webAddr == *listen {
			return usageError{fmt.Sprintf("-web %s is the webhook's -listen address too: give them different ports", *webAddr)}
		}
	}

	token := strings.TrimSpace(os.Getenv(envToken))
	if token == "" {
		return usageError{howToGetToken}
	}
	var access bot.Access
	if access.Users, err = idList(envAllowedUsers); err != nil {
		return usageError{err.Error()}
	}
	if access.Chats, err = idList(envAllowedChats); err != nil {
		return usageError{err.Error()}
	}
	if access.Admins, err = idList(envAdmins); err != nil {
		return usageError{err.Error()}
	}
	access.Public = *public
	if !access.Public && len(access.Users)+len(access.Chats)+len(access.Admins) == 0 {
		return usageError{noAllowList}
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		return usageError{fmt.Sprintf("-log-level %q: use debug, info, warn or error", *logLevel)}
	}
	opts := &slog.HandlerOptions{Level: level}
	var handler slog.Handler = slog.NewTextHandler(stderr, opts)
	if *logJSON {
		handler = slog.NewJSONHandler(stderr, opts)
	}
	logger := slog.New(handler)

	cfg := bot.Config{
		Token:         token,
		APIURL:        os.Getenv(envAPIURL),
		ReportsDir:    *reports,
		Access:        access,
		MaxUpload:     *maxUpload << 20,
		RatePerMinute: *rate,
		Burst:         *burst,
		Workers:       *workers,
		Logger:        logger,
	}
	if *webhook != "" {
		cfg.Webhook = &bot.Webhook{URL: *webhook, Listen: *listen, Secret: os.Getenv(envWebhookSecret)}
	}
	if access.Public {
		logger.Warn("public: the bot answers everyone who finds it")
	}

	// Writable: uploads and /reindex write, while questions are answered
	// from the same open index (a second open would be locked out).
	loc := dir.location()
	_, statErr := os.Stat(loc.Dir)
	ix, err := index.Open(loc.Dir, index.Options{})
	if err != nil {
		return err
	}
	defer ix.Close()
	logIndexAtStart(logger, loc, ix.Stats(), statErr != nil, *reports)
	cfg.Engine = answer.New(ix)
	cfg.Pipeline = ingest.New(ix)
	// "reportbot ask" cannot open the index while serve writes it; it
	// asks through this socket instead.
	if sock, err := socket.Listen(loc.Dir, cfg.Engine, fmt.Sprintf("reportbot serve, pid %d", os.Getpid())); err != nil {
		logger.Warn("reportbot ask cannot ask this bot from the shell", "err", err)
	} else {
		defer sock.Close()
		logger.Info("answering reportbot ask", "socket", socket.Path(loc.Dir))
	}
	srv, err := bot.New(cfg)
	if err != nil {
		return err
	}
	if *webAddr == "" {
		return srv.Run(ctx)
	}
	return runBotAndWeb(ctx, srv, cfg.Engine, *webAddr, webTok, logger)
}

// runBotAndWeb runs the bot and the web page on one engine, so that the
// page answers from the index the bot writes (uploads, /reindex) at once.
// When either stops, the other is stopped too.
func runBotAndWeb(ctx context.Context, srv *bot.Server, eng *answer.Engine, addr, token string, logger *slog.Logger) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	webErr := make(chan error, 1)
	go func() {
		err := serveWeb(ctx, eng, addr, token, "", logger)
		if err != nil {
			logger.Error("web page stopped; stopping the bot", "err", err)
		}
		cancel()
		webErr <- err
	}()
	botErr := srv.Run(ctx)
	cancel()
	if err := <-webErr; err != nil && botErr == nil {
		return err
	}
	return botErr
}

// logIndexAtStart says which index serve answers from and how many
// reports it holds, and warns when it holds none: a mistyped -index
// otherwise starts a bot that silently knows nothing.
func logIndexAtStart(logger *slog.Logger, loc indexLocation, st index.Stats, created bool, reports string) {
	from := loc.Given
	if from == "" {
		from = "default"
	}
	logger.Info("index", "dir", loc.Dir, "from", from, "reports", st.Files, "sentences", st.Sentences, "figures", st.Figures)
	if st.Files > 0 {
		return
	}
	msg := "the index is empty: questions get no answers until reports are indexed"
	if created {
		msg = "the index did not exist and was created empty: check -index if you meant an existing one"
	}
	next := "send report files to the bot (admins), or start it with -reports DIR"
	if reports != "" {
		next = "the reports in -reports are indexed now"
	}
	logger.Warn(msg, "dir", loc.Dir, "next", next)
}

// idList reads comma-separated numeric Telegram IDs from an environment
// variable.
func idList(name string) ([]int64, error) {
	var ids []int64
	for _, f := range strings.FieldsFunc(os.Getenv(name), func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
		id, err := strconv.ParseInt(f, 10, 64)
		if err != nil || id == 0 {
			return nil, fmt.Errorf("%s: %q is not a numeric Telegram ID (write IDs such as 123456789 or -1001234567890, separated by commas)", name, f)
		}
		ids = append(ids, id)
	}
	return ids, nil
}
