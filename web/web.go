// Package web is reportbot's web page: the answers of the answer engine in
// a browser, for a meeting room's projector, a phone, or a desk where past
// reports are searched and read.
//
// It has no logic of its own: every answer, table, paragraph and list
// comes from the same answer.Engine that the command line and the bot use,
// and /api/ask returns exactly the object "reportbot ask -json" prints.
// Pages are rendered on the server with html/template, so a search works
// without JavaScript; the style sheet and a few lines of script are
// embedded in the binary.
//
// The server is built to be left running on a shared machine: it listens
// on loopback unless told otherwise, and beyond loopback it refuses to
// start without a token (Config.Token). Requests are bounded in size and
// time, and the engine is behind a gate (Config.MaxConcurrent) that a page
// holds only while the engine works: pages are rendered into memory before
// they are written, so a slow reader never holds the engine.
package web

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/reportbot/reportbot/answer"
)

// Limits of a request.
const (
	// MaxQuestionRunes is the longest question accepted: a question names
	// a region, an indicator and a period, which takes a few dozen
	// characters; anything far longer is pasted text, not a question.
	MaxQuestionRunes = 200
	// maxBodyBytes bounds a request body other than a draft to check
	// (maxCheckBodyBytes): the login form.
	maxBodyBytes = 4 << 10
	// maxAnswers is the most answers a page or /api/ask asks for.
	maxAnswers = 20
	// MinTokenLength is the shortest token accepted: it is all that stands
	// between the network and the reports.
	MinTokenLength = 16
)

// Config is what a Server needs.
type Config struct {
	// Engine answers and browses; required.
	Engine *answer.Engine
	// Token, when set, is required of every request (as a cookie set by
	// the login form, or as "Authorization: Bearer TOKEN"). It must be set
	// for an address beyond loopback.
	Token string
	// MaxConcurrent is how many requests may use the engine at once; 0
	// means 4. Further requests wait up to EngineTimeout for a turn.
	MaxConcurrent int
	// EngineTimeout bounds the wait for the engine and its work for one
	// request; 0 means 10 seconds.
	EngineTimeout time.Duration
	// Logger receives one line per failed request and the server's start
	// and stop; nil discards them.
	Logger *slog.Logger
	// Note is shown at the top of every page when set: what the page
	// answers from, when it is not an ordinary index (the built-in sample
	// data).
	Note string
}

// Server is the web page's HTTP handler.
type Server struct {
	eng     *answer.Engine
	token   string
	gate    chan struct{}
	timeout time.Duration
	log     *slog.Logger
	note    string
	pages   map[string]*template.Template
	static  http.Handler
	mux     *http.ServeMux

	crossOrigin *http.CrossOriginProtection

	// The start page's example questions, kept while the index is as it
	// was when they were found (exKey).
	exMu   sync.Mutex
	exKey  string
	exList []string

	guesses guessGuard
}

// New returns the web page's handler over cfg.Engine.
func New(cfg Config) (*Server, error) {
	if cfg.Engine == nil {
		return nil, errors.New("web: no engine")
	}
	if cfg.Token != "" && len(cfg.Token) < MinTokenLength {
		return nil, fmt.Errorf("web: the token is %d characters long; use at least %d (for example: openssl rand -hex 16)", len(cfg.Token), MinTokenLength)
	}
	n := cfg.MaxConcurrent
	if n <= 0 {
		n = 4
	}
	timeout := cfg.EngineTimeout
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	logger := cfg.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	pages, err := parsePages()
	if err != nil {
		return nil, err
	}
	staticFS, err := fs.Sub(assets, "static")
	if err != nil {
		return nil, fmt.Errorf("web: static files: %w", err)
	}
	s := &Server{
		eng: cfg.Engine, token: cfg.Token, gate: make(chan struct{}, n), timeout: timeout,
		log: logger, note: cfg.Note, pages: pages,
		static: http.StripPrefix("/static/", http.FileServer(http.FS(staticFS))),
	}
	s.mux = s.routes()
	s.crossOrigin = http.NewCrossOriginProtection()
	return s, nil
}

func (s *Server) routes() *http.ServeMux {
	mux := http.NewServeMux()
	get := func(h http.HandlerFunc) http.Handler { return s.only(http.MethodGet, h) }
	mux.Handle("/{$}", get(s.search))
	mux.Handle("/reports", get(s.reports))
	mux.Handle("/report/{id}", get(s.report))
	mux.Handle("/report/{id}/text", get(s.fullText))
	mux.Handle("/chart.png", get(s.chart))
	mux.Handle("/api/ask", get(s.apiAsk))
	mux.Handle("/api/reports", get(s.apiReports))
	mux.Handle("/check", s.getOrPost(s.checkPage))
	mux.Handle("/api/check", s.getOrPost(s.apiCheck))
	mux.Handle("/static/", s.only(http.MethodGet, s.static))
	mux.HandleFunc("/login", s.login)
	mux.Handle("/", get(func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusNotFound, "没有这个页面: "+r.URL.Path)
	}))
	return mux
}

// ServeHTTP answers one request: security headers, the token, then the
// route.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	// Everything the page uses is its own: no inline script or style, no
	// other origin, no framing (a page of figures in someone else's frame
	// invites clickjacking and misquotes).
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	limit := int64(maxBodyBytes)
	if r.URL.Path == "/check" || r.URL.Path == "/api/check" {
		limit = maxCheckBodyBytes
	}
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	if !s.authorized(r) && !publicPath(r.URL.Path) {
		s.refuse(w, r)
		return
	}
	// A form sent from another site's page (which a browser would send
	// with the session cookie were it not SameSite) is refused, by the
	// browser's own Sec-Fetch-Site or Origin header.
	if err := s.crossOrigin.Check(r); err != nil {
		s.fail(w, r, http.StatusForbidden, "不接受来自其他网站的表单")
		return
	}
	s.mux.ServeHTTP(w, r)
}

// only answers other methods than method (and HEAD with GET) with 405.
func (s *Server) only(method string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == method || method == http.MethodGet && r.Method == http.MethodHead {
			h.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Allow", method)
		s.fail(w, r, http.StatusMethodNotAllowed, fmt.Sprintf("method %s is not allowed here; use %s", r.Method, method))
	})
}

// getOrPost answers GET, HEAD and POST with h, other methods with 405.
func (s *Server) getOrPost(h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet, http.MethodHead, http.MethodPost:
			h(w, r)
		default:
			w.Header().Set("Allow", "GET, POST")
			s.fail(w, r, http.StatusMethodNotAllowed, fmt.Sprintf("method %s is not allowed here; use GET or POST", r.Method))
		}
	})
}

// errBusy is returned when the engine has no turn free in time.
var errBusy = errors.New("the server is busy answering other questions: try again in a moment")

// withEngine runs f with the engine when a turn is free, within the
// request's deadline. f runs to its end even when the request gives up
// (the engine cannot be interrupted), but its turn is then given back by
// f's own goroutine, so no client, however slow, holds a turn longer than
// the engine works.
func (s *Server) withEngine(ctx context.Context, f func() error) error {
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	select {
	case s.gate <- struct{}{}:
	case <-ctx.Done():
		return errBusy
	}
	done := make(chan error, 1)
	go func() {
		defer func() { <-s.gate }()
		done <- f()
	}()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return errBusy
	}
}

// IsLoopback reports whether addr (host:port) listens on loopback only.
// An empty host (":8080") listens everywhere.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// ErrNeedToken is returned by ListenAndServe for an address beyond
// loopback without a token.
var ErrNeedToken = errors.New("the web page listens beyond loopback only with a token: set REPORTBOT_WEB_TOKEN (at least 16 characters, for example from: openssl rand -hex 16)")

// Listen opens addr for the page. An address beyond loopback needs a
// token (ErrNeedToken).
func (s *Server) Listen(addr string) (net.Listener, error) {
	if !IsLoopback(addr) && s.token == "" {
		return nil, ErrNeedToken
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	return ln, nil
}

// TokenRequired reports whether the page asks for the token.
func (s *Server) TokenRequired() bool { return s.token != "" }

// Serve serves the page on ln until ctx ends, then lets the requests in
// flight finish (up to 5 seconds). It closes ln.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		// Long enough for the engine's deadline and a page to a slow
		// phone; a reader slower than that is cut off.
		WriteTimeout:   s.timeout + 20*time.Second,
		IdleTimeout:    60 * time.Second,
		MaxHeaderBytes: 16 << 10,
		ErrorLog:       slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("web: %w", err)
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("web: shut down: %w", err)
	}
	return nil
}
