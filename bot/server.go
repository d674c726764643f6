package bot

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/reportbot/reportbot/answer"
	"github.com/reportbot/reportbot/ingest"
)

// Config configures a Server.
type Config struct {
	// Token is the bot's token from @BotFather. It never appears in logs
	// or errors.
	Token string
	// APIURL is the Bot API's address; empty means https://api.telegram.org.
	// A self-hosted Bot API server, or a test's fake, goes here.
	APIURL string

	// Engine answers questions and browses the index; required.
	Engine *answer.Engine
	// Pipeline indexes ReportsDir and uploads into the engine's index,
	// which must then be open for writing, once, by this process (see
	// package index, Locking): required with ReportsDir.
	Pipeline *ingest.Pipeline
	// ReportsDir, if set, is indexed at start and on /reindex, and
	// admins' uploads are saved in it. Empty: uploads are refused.
	ReportsDir string

	Access Access
	// StateDir keeps what the bot learns while it runs: access changes
	// (telegram-access.json) and feedback on answers (feedback.jsonl, see
	// ReadFeedback). Empty means the index's folder; an index in memory
	// keeps them in memory.
	StateDir string
	// Webhook, if set, receives updates by webhook; else long polling.
	Webhook *Webhook

	// MaxUpload is the largest report file accepted; 0 means 20 MB (the
	// most the cloud Bot API lets a bot download).
	MaxUpload int64
	// RatePerMinute is how many questions (typed, or /search) a user may
	// ask per minute once Burst of them were asked in a row; 0 means no
	// limit. Burst 0 means DefaultBurst. Commands and buttons are not
	// counted; inline queries have a looser limit of their own.
	RatePerMinute float64
	Burst         int
	// Workers is how many updates are handled at once; 0 means 4.
	Workers int
	// PollTimeout is the long poll's wait; 0 means 50s.
	PollTimeout time.Duration
	// Grace is how long in-flight replies may take after shutdown was
	// asked for; 0 means 15s.
	Grace time.Duration
	// Logger receives structured logs; nil means slog.Default().
	Logger *slog.Logger
	// Location formats times (/stats); nil means time.Local.
	Location *time.Location

	hooks hooks
}

// Webhook is the webhook mode's setup.
type Webhook struct {
	// URL is the public HTTPS address Telegram posts to; its path is the
	// path served.
	URL string
	// Listen is the local address to listen on, e.g. 127.0.0.1:8080
	// behind a TLS-terminating reverse proxy. Listener, if set, is used
	// instead (socket activation, tests).
	Listen   string
	Listener net.Listener
	// Secret is the secret token Telegram sends with every update; a
	// request without it is answered 401. Empty: a random one is made at
	// every start (setWebhook registers it).
	Secret string
}

// hooks let tests observe and steer what otherwise depends on time.
type hooks struct {
	// sleep replaces the retry transport's and polling's waits.
	sleep func(context.Context, time.Duration) error
	// handled is called after every update with its outcome
	// ("undecodable" for one skipped because it does not decode).
	handled func(updateID int64, outcome string)
	// now replaces the clock of rate limits, sessions and retry bounds.
	now func() time.Time
}

// Defaults.
const (
	DefaultMaxUpload = 20 << 20
	// DefaultRatePerMinute and DefaultBurst are the rate limit a deployment
	// should start with: ten questions in a row (a meeting), then twenty a
	// minute.
	DefaultRatePerMinute = 20
	DefaultBurst         = 10
	defaultWorkers       = 4
	defaultPollTimeout   = 50 * time.Second
	defaultGrace         = 15 * time.Second
	// updateTimeout bounds the handling of one update; /reindex of a large
	// folder is the slowest.
	updateTimeout = 10 * time.Minute
	// Sessions behind buttons: how many, and for how long.
	maxSessions = 2000
	sessionTTL  = 48 * time.Hour
	// maxPending is how many updates may wait for a worker: polling takes
	// no more from Telegram meanwhile. One getUpdates answer holds 100.
	maxPending = 100
)

// allowedUpdates are the update kinds the bot asks Telegram for.
var allowedUpdates = []string{models.AllowedUpdateMessage, models.AllowedUpdateCallbackQuery, models.AllowedUpdateInlineQuery,
	models.AllowedUpdateMyChatMember}

// Server is a running Telegram bot over an index.
type Server struct {
	cfg      Config
	log      *slog.Logger
	redact   redactor
	tg       *tgbot.Bot
	client   *http.Client
	eng      *answer.Engine
	pipeline *ingest.Pipeline
	access   *accessSet
	feedback *feedbackLog
	// requests are the access requests sent to the admins, by user, and
	// when: one an hour per user reaches them.
	requestsMu sync.Mutex
	requests   map[int64]time.Time
	limits     *limiter
	// inlineLimits is the looser limit of inline queries.
	inlineLimits *limiter
	burst        int // questions in a row before the rate applies
	sessions     *store
	// lastAsked is each chat's last answered question, for follow-ups.
	lastAsked *lastQuestions
	now       func() time.Time

	me models.User
	// inline is getMe's supports_inline_queries: whether inline mode is
	// on (@BotFather's /setinline), so /help and the share button may
	// offer it.
	inline  bool
	mention *regexp.Regexp // "@username", nil before Run

	// dispatch runs updates Workers at a time, each chat's in order.
	dispatch *dispatcher
	sleep    func(context.Context, time.Duration) error
	// owed are notices that a reply was lost which could not be sent
	// either (Telegram was down); they go out once it answers again.
	owedMu sync.Mutex
	owed   map[int64]owedNotice

	// writeMu serialises uploads and /reindex: choosing a file name and
	// checking for duplicates must see the previous upload's result.
	writeMu sync.Mutex

	helpMu sync.Mutex
	help   *helpInfo // nil: to be computed

	// hard is cancelled Grace after Run's context: replies in flight when
	// shutdown begins get that long to finish.
	hard    context.Context
	running atomic.Bool
}

// New checks cfg and prepares a Server; it does not touch the network.
func New(cfg Config) (*Server, error) {
	if strings.TrimSpace(cfg.Token) == "" {
		return nil, errors.New("bot: no token")
	}
	if cfg.Engine == nil {
		return nil, errors.New("bot: no answer engine")
	}
	if cfg.ReportsDir != "" && cfg.Pipeline == nil {
		return nil, errors.New("bot: a reports folder needs a pipeline to index it")
	}
	if !cfg.Access.Public && !cfg.Access.restricted() {
		return nil, errors.New("bot: no allowed users, chats or admins, and not public")
	}
	if cfg.APIURL == "" {
		cfg.APIURL = "https://api.telegram.org"
	}
	cfg.APIURL = strings.TrimRight(cfg.APIURL, "/")
	if u, err := url.Parse(cfg.APIURL); err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, fmt.Errorf("bot: API URL %q is not an http(s) address", cfg.APIURL)
	}
	if cfg.Webhook != nil {
		u, err := url.Parse(cfg.Webhook.URL)
		if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
			return nil, fmt.Errorf("bot: webhook URL %q is not an http(s) address", cfg.Webhook.URL)
		}
		if cfg.Webhook.Listener == nil && cfg.Webhook.Listen == "" {
			return nil, errors.New("bot: webhook mode needs a listen address")
		}
	}
	if cfg.MaxUpload <= 0 {
		cfg.MaxUpload = DefaultMaxUpload
	}
	if cfg.Workers <= 0 {
		cfg.Workers = defaultWorkers
	}
	if cfg.PollTimeout <= 0 {
		cfg.PollTimeout = defaultPollTimeout
	}
	if cfg.Grace <= 0 {
		cfg.Grace = defaultGrace
	}
	if cfg.Burst <= 0 {
		cfg.Burst = DefaultBurst
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Location == nil {
		cfg.Location = time.Local
	}
	stateDir := cfg.StateDir
	if stateDir == "" {
		stateDir = cfg.Engine.IndexDir()
	}
	access, err := newAccessSet(cfg.Access, stateDir)
	if err != nil {
		return nil, fmt.Errorf("bot: %w", err)
	}
	now := cfg.hooks.now
	if now == nil {
		now = time.Now
	}
	sleep := cfg.hooks.sleep
	if sleep == nil {
		sleep = sleepCtx
	}
	s := &Server{
		cfg:          cfg,
		log:          cfg.Logger,
		redact:       redactor{token: cfg.Token},
		eng:          cfg.Engine,
		pipeline:     cfg.Pipeline,
		access:       access,
		feedback:     newFeedbackLog(stateDir),
		requests:     map[int64]time.Time{},
		limits:       newLimiter(cfg.RatePerMinute, cfg.Burst, now),
		inlineLimits: newLimiter(3*cfg.RatePerMinute, 3*cfg.Burst, now),
		burst:        cfg.Burst,
		sessions:     newStore(maxSessions, sessionTTL, now),
		lastAsked:    newLastQuestions(now),
		now:          now,
		sleep:        sleep,
		owed:         map[int64]owedNotice{},
		hard:         context.Background(),
	}
	base := http.DefaultTransport.(*http.Transport).Clone()
	s.client = &http.Client{Transport: &retryTransport{
		base:          base,
		attempts:      50,
		backoff:       500 * time.Millisecond,
		maxBackoff:    15 * time.Second,
		retryFor:      replyRetryFor,
		maxRetryAfter: maxFloodWait,
		timeout:       30 * time.Second,
		pollTimeout:   cfg.PollTimeout + 15*time.Second,
		sleep:         sleep,
		now:           now,
		log:           cfg.Logger,
		redact:        s.redact,
	}}
	tg, err := tgbot.New(cfg.Token,
		tgbot.WithServerURL(cfg.APIURL),
		tgbot.WithSkipGetMe(), // Run calls getMe itself (see getMe)
		tgbot.WithHTTPClient(cfg.PollTimeout, s.client),
		tgbot.WithErrorsHandler(func(err error) {
			s.log.Error("telegram", "error", s.redact.String(err.Error()))
		}),
		// The library's polling and handlers are not used: see poll.go
		// and dispatch.go. It only makes the method calls.
	)
	if err != nil {
		return nil, fmt.Errorf("bot: %w", s.redact.Err(err))
	}
	s.tg = tg
	return s, nil
}

// Run serves until ctx is cancelled, then lets replies in flight finish
// (up to Config.Grace) and returns nil. It returns an error when the bot
// cannot start: a token Telegram refuses, an unreachable API, an index
// that cannot be written.
func (s *Server) Run(ctx context.Context) error {
	if !s.running.CompareAndSwap(false, true) {
		return errors.New("bot: Run called twice")
	}
	hard, cancelHard := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelHard()
	// Once ctx is done, replies in flight have Grace to finish; the timer
	// ends early when Run returns (cancelHard above).
	stopGrace := context.AfterFunc(ctx, func() {
		t := time.NewTimer(s.cfg.Grace)
		defer t.Stop()
		select {
		case <-t.C:
			cancelHard()
		case <-hard.Done():
		}
	})
	defer stopGrace()
	s.hard = hard
	s.dispatch = newDispatcher(s.cfg.Workers, maxPending, hard)

	if err := s.getMe(ctx); err != nil {
		if ctx.Err() != nil {
			return nil // stopped while starting
		}
		return s.startError("getMe", err)
	}
	s.mention = mentionPattern(s.me.Username)
	s.log.Info("connected to Telegram", "bot", "@"+s.me.Username, "id", s.me.ID, "api", s.cfg.APIURL, "inline_mode", s.inline)

	if s.cfg.ReportsDir != "" {
		if err := s.ingestAtStart(ctx); err != nil {
			return err
		}
	}
	if ctx.Err() != nil {
		return nil // stopped while starting
	}
	s.registerCommands(ctx)

	if s.cfg.Webhook != nil {
		return s.serveWebhook(ctx)
	}
	return s.poll(ctx)
}

// getMe learns the bot's name, and whether inline mode is on. It is our
// own call: models.User spells the field support_inline_queries, which
// Telegram never sends (it is supports_inline_queries).
func (s *Server) getMe(ctx context.Context) error {
	var me struct {
		models.User
		SupportsInlineQueries bool `json:"supports_inline_queries"`
	}
	if err := s.call(ctx, "getMe", struct{}{}, &me); err != nil {
		return err
	}
	s.me, s.inline = me.User, me.SupportsInlineQueries
	return nil
}

// startError explains a failed call at start.
func (s *Server) startError(method string, err error) error {
	var refused *apiError
	if errors.As(err, &refused) && (refused.Code == http.StatusUnauthorized || refused.Code == http.StatusNotFound) ||
		errors.Is(err, tgbot.ErrorUnauthorized) || errors.Is(err, tgbot.ErrorNotFound) {
		return fmt.Errorf("telegram refused the bot token (%s: %w): check TELEGRAM_BOT_TOKEN, or ask @BotFather for the token again with /token", method, s.redact.Err(err))
	}
	return fmt.Errorf("%s at %s: %w", method, s.cfg.APIURL, s.redact.Err(err))
}

func (s *Server) poll(ctx context.Context) error {
	// getUpdates is refused while a webhook is set; a previous webhook
	// run may have left one.
	if _, err := s.tg.DeleteWebhook(ctx, &tgbot.DeleteWebhookParams{}); err != nil {
		if ctx.Err() != nil {
			return nil
		}
		return s.startError("deleteWebhook", err)
	}
	s.log.Info("serving by long polling", "workers", s.cfg.Workers)
	s.pollUpdates(ctx)
	s.log.Info("stopped")
	return nil
}

func (s *Server) serveWebhook(ctx context.Context) error {
	wh := s.cfg.Webhook
	u, _ := url.Parse(wh.URL) // checked by New
	path := u.Path
	if path == "" {
		path = "/"
	}
	secret := wh.Secret
	if secret == "" {
		var b [24]byte
		rand.Read(b[:])
		secret = hex.EncodeToString(b[:])
	}
	ln := wh.Listener
	if ln == nil {
		var err error
		ln, err = net.Listen("tcp", wh.Listen)
		if err != nil {
			return fmt.Errorf("webhook: %w", err)
		}
	}
	// Updates are handled Workers at a time, each chat's in order; a full
	// queue makes Telegram wait, which is the back-pressure it expects.
	srv := &http.Server{
		Handler:           s.webhookHandler(path, secret),
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	if _, err := s.tg.SetWebhook(ctx, &tgbot.SetWebhookParams{
		URL: wh.URL, SecretToken: secret, AllowedUpdates: allowedUpdates, MaxConnections: s.cfg.Workers,
	}); err != nil {
		srv.Close()
		if ctx.Err() != nil {
			return nil
		}
		return s.startError("setWebhook", err)
	}
	s.log.Info("serving by webhook", "url", wh.URL, "listen", ln.Addr().String())

	var err error
	select {
	case <-ctx.Done():
	case err = <-served:
		err = fmt.Errorf("webhook server: %w", err)
	}
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.Grace)
	defer cancel()
	srv.Shutdown(sctx)
	s.dispatch.wait()
	s.log.Info("stopped")
	return err
}

// webhookHandler checks the secret token (the library's own handler
// answers 200 to anyone), acknowledges the update at once (Telegram would
// send it again if handling, an upload say, took longer than its timeout)
// and handles it in the background. An update that does not decode is
// logged and acknowledged too: refusing it would make Telegram send it
// again and again, and hold back the updates behind it.
func (s *Server) webhookHandler(path, secret string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != path {
			http.NotFound(w, r)
			return
		}
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		got := r.Header.Get("X-Telegram-Bot-Api-Secret-Token")
		if subtle.ConstantTimeCompare([]byte(got), []byte(secret)) != 1 {
			s.log.Warn("webhook request with a wrong secret token", "remote", r.RemoteAddr, "token_sent", got != "")
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
		if err != nil {
			http.Error(w, "bad update", http.StatusBadRequest)
			return
		}
		batch := decodeUpdates([]json.RawMessage{data}, 0)
		for _, bad := range batch.skipped {
			s.log.Error("update skipped: it does not decode", "update", bad.id, "error", bad.err.Error(), "json", bad.raw)
			if s.cfg.hooks.handled != nil {
				s.cfg.hooks.handled(bad.id, "undecodable")
			}
		}
		for _, u := range batch.updates {
			if !s.dispatch.submit(r.Context(), updateChat(u), job{update: u.ID, run: func() { s.handle(u) }}) {
				http.Error(w, "shutting down", http.StatusServiceUnavailable)
				return
			}
		}
		w.WriteHeader(http.StatusOK)
	})
}

// event is what handling an update did, for the log.
type event struct {
	kind       string // message, command, question, upload, callback, inline, other
	user, chat int64
	outcome    string // answered, not_found, refused, rate_limited, ignored, ...
	err        error
}

// handle is the one handler of all updates: it logs each with its user,
// latency and outcome. Replies run on s.hard, which outlives shutdown by
// the grace period.
func (s *Server) handle(upd *models.Update) {
	ctx, cancel := context.WithTimeout(s.hard, updateTimeout)
	defer cancel()
	start := time.Now()
	ev := &event{kind: "other", outcome: "ignored"}
	defer func() {
		if p := recover(); p != nil {
			// A bug in one reply must not take the bot down.
			ev.outcome, ev.err = "panic", fmt.Errorf("panic: %v", p)
			s.log.Error("panic handling update", "update", upd.ID, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		}
		attrs := []any{"update", upd.ID, "kind", ev.kind, "user", ev.user, "chat", ev.chat,
			"outcome", ev.outcome, "latency_ms", time.Since(start).Milliseconds()}
		switch {
		case ev.err != nil:
			s.log.Error("update failed", append(attrs, "error", s.redact.String(ev.err.Error()))...)
		case ev.outcome == "ignored":
			s.log.Debug("update", attrs...)
		default:
			s.log.Info("update", attrs...)
		}
		if s.cfg.hooks.handled != nil {
			s.cfg.hooks.handled(upd.ID, ev.outcome)
		}
	}()
	switch {
	case upd.Message != nil:
		s.onMessage(ctx, upd.Message, ev)
	case upd.CallbackQuery != nil:
		s.onCallback(ctx, upd.CallbackQuery, ev)
	case upd.InlineQuery != nil:
		s.onInline(ctx, upd.InlineQuery, ev)
	case upd.MyChatMember != nil:
		s.onMyChatMember(ctx, upd.MyChatMember, ev)
	}
}

// keyboard is an inline keyboard. It is ours rather than
// models.InlineKeyboardMarkup because that type's buttons always carry a
// copy_text object (its struct field has omitempty, which does nothing for
// a struct), and Telegram refuses such buttons (BUTTON_COPY_TEXT_INVALID).
type keyboard struct {
	InlineKeyboard [][]button `json:"inline_keyboard"`
}

type button struct {
	Text         string `json:"text"`
	CallbackData string `json:"callback_data,omitempty"`
	// SwitchInlineQuery, when set (even to ""), makes a share button: the
	// user picks a chat and "@bot text" is typed there.
	SwitchInlineQuery *string `json:"switch_inline_query,omitempty"`
}

// markup is kb as the library's ReplyMarkup: a nil interface when there
// are no buttons (a typed nil would be sent as "null").
func markup(kb *keyboard) models.ReplyMarkup {
	if kb == nil || len(kb.InlineKeyboard) == 0 {
		return nil
	}
	return kb
}

// target is where a reply goes.
type target struct {
	chat    int64
	thread  int // forum topic
	replyTo int // message quoted by the reply, in groups
}

func replyTarget(m *models.Message) target {
	t := target{chat: m.Chat.ID}
	if m.IsTopicMessage {
		t.thread = m.MessageThreadID
	}
	if m.Chat.Type != models.ChatTypePrivate {
		t.replyTo = m.ID
	}
	return t
}

// send sends a reply: html, split into as many messages as it needs, the
// buttons under the last one. When a part cannot be delivered, the user
// is told (replyLost) and the error returned.
func (s *Server) send(ctx context.Context, t target, html string, kb *keyboard) error {
	err := s.post(ctx, t, html, kb)
	var lost *lostError
	if errors.As(err, &lost) {
		s.replyLost(ctx, t, lost.err)
	}
	return err
}

// lostError is a message that Telegram did not take.
type lostError struct{ err error }

func (e *lostError) Error() string { return e.err.Error() }
func (e *lostError) Unwrap() error { return e.err }

// post sends html like send, but a failure is only returned: for messages
// nobody waits for (a note to the admins).
func (s *Server) post(ctx context.Context, t target, html string, kb *keyboard) error {
	parts := splitHTML(html, maxMessage)
	for i, part := range parts {
		p := &tgbot.SendMessageParams{
			ChatID: t.chat, MessageThreadID: t.thread, Text: part, ParseMode: models.ParseModeHTML,
			LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: tgbot.True()},
		}
		if i == 0 && t.replyTo != 0 {
			p.ReplyParameters = &models.ReplyParameters{MessageID: t.replyTo, AllowSendingWithoutReply: true}
		}
		if i == len(parts)-1 {
			p.ReplyMarkup = markup(kb)
		}
		if _, err := s.tg.SendMessage(ctx, p); err != nil {
			return fmt.Errorf("sendMessage: %w", &lostError{s.redact.Err(err)})
		}
	}
	return nil
}

// edit replaces a message's text and buttons (paging).
func (s *Server) edit(ctx context.Context, chat int64, msg int, html string, kb *keyboard) error {
	_, err := s.tg.EditMessageText(ctx, &tgbot.EditMessageTextParams{
		ChatID: chat, MessageID: msg, Text: firstPart(html), ParseMode: models.ParseModeHTML,
		LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: tgbot.True()},
		ReplyMarkup:        markup(kb),
	})
	if err != nil && strings.Contains(err.Error(), "message is not modified") {
		return nil // a double tap on the same page
	}
	if err != nil {
		return fmt.Errorf("editMessageText: %w", s.redact.Err(err))
	}
	return nil
}
