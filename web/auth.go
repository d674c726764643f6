package web

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// The token is given once, in the login form, and then travels as a
// cookie that is derived from it rather than the token itself: a cookie
// that leaks (a shared browser profile) does not reveal the token, and a
// new token makes every old cookie worthless. Programs send the token
// itself as "Authorization: Bearer TOKEN".

// cookieName is the session cookie.
const cookieName = "reportbot_session"

// sessionValue is the cookie's value for the server's token.
func (s *Server) sessionValue() string {
	m := hmac.New(sha256.New, []byte(s.token))
	m.Write([]byte("reportbot web session v1"))
	return hex.EncodeToString(m.Sum(nil))
}

// authorized reports whether r may see the page: always without a token,
// else with the session cookie or the bearer token.
func (s *Server) authorized(r *http.Request) bool {
	if s.token == "" {
		return true
	}
	if auth := r.Header.Get("Authorization"); auth != "" {
		if s.guesses.blocked() {
			return false
		}
		scheme, given, ok := strings.Cut(auth, " ")
		if ok && strings.EqualFold(scheme, "Bearer") && equal(strings.TrimSpace(given), s.token) {
			return true
		}
		s.guesses.failed()
		return false
	}
	c, err := r.Cookie(cookieName)
	return err == nil && equal(c.Value, s.sessionValue())
}

func equal(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }

// publicPath is what may be fetched without the token: the login form
// and what it needs.
func publicPath(p string) bool {
	return p == "/login" || strings.HasPrefix(p, "/static/")
}

// refuse answers a request without the token: programs get 401 JSON, a
// browser is sent to the login form (and back to where it was going).
func (s *Server) refuse(w http.ResponseWriter, r *http.Request) {
	if wantsJSON(r) || r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("WWW-Authenticate", `Bearer realm="reportbot"`)
		writeError(w, r, http.StatusUnauthorized, "a token is required: log in at /login, or send Authorization: Bearer TOKEN")
		return
	}
	http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
}

// login shows the login form (GET) and checks the token (POST).
func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPost {
		if err := r.ParseForm(); err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				s.fail(w, r, http.StatusRequestEntityTooLarge, "表单太大")
			} else {
				s.fail(w, r, http.StatusBadRequest, "表单无法读取")
			}
			return
		}
	}
	next := safeNext(r.FormValue("next"))
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		if s.token == "" || s.authorized(r) {
			http.Redirect(w, r, next, http.StatusSeeOther)
			return
		}
		s.render(w, r, http.StatusOK, "login", layoutView{Title: "登录", Page: loginView{Next: next}})
	case http.MethodPost:
		if s.token == "" {
			http.Redirect(w, r, next, http.StatusSeeOther)
			return
		}
		if s.guesses.blocked() {
			w.Header().Set("Retry-After", "60")
			s.fail(w, r, http.StatusTooManyRequests, "口令错误次数太多,请一分钟后再试")
			return
		}
		if !equal(strings.TrimSpace(r.PostForm.Get("token")), s.token) {
			s.guesses.failed()
			s.log.Warn("web: login with a wrong token", "remote", r.RemoteAddr)
			s.render(w, r, http.StatusUnauthorized, "login", layoutView{Title: "登录", Page: loginView{Next: next, Failed: true}})
			return
		}
		http.SetCookie(w, &http.Cookie{
			Name: cookieName, Value: s.sessionValue(), Path: "/",
			HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil,
			MaxAge: 30 * 24 * 3600,
		})
		http.Redirect(w, r, next, http.StatusSeeOther)
	default:
		w.Header().Set("Allow", "GET, POST")
		s.fail(w, r, http.StatusMethodNotAllowed, "method "+r.Method+" is not allowed here; use GET or POST")
	}
}

// safeNext keeps a redirect after login on this site: a path of its own,
// never another host (//evil.example or /\evil.example).
func safeNext(next string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") || strings.HasPrefix(next, "/login") {
		return "/"
	}
	return next
}

type loginView struct {
	Next   string
	Failed bool
}

// Wrong tokens are counted, all clients together: past maxGuesses in a
// minute every login and bearer request is refused until the minute is
// over, so that a token cannot be guessed at network speed. (A real user
// who mistypes a few times never reaches it.)
const maxGuesses = 20

// guessGuard counts wrong tokens per minute.
type guessGuard struct {
	mu     sync.Mutex
	now    func() time.Time
	minute time.Time
	wrong  int
}

// blocked reports whether too many wrong tokens came this minute.
func (g *guessGuard) blocked() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.roll()
	return g.wrong >= maxGuesses
}

// failed counts a wrong token.
func (g *guessGuard) failed() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.roll()
	g.wrong++
}

func (g *guessGuard) roll() {
	now := time.Now
	if g.now != nil {
		now = g.now
	}
	if m := now().Truncate(time.Minute); !m.Equal(g.minute) {
		g.minute, g.wrong = m, 0
	}
}
