// Package telegramtest is a fake Telegram Bot API server for tests, in the
// spirit of net/http/httptest: it listens on a loopback address, speaks the
// Bot API over HTTP exactly as far as reportbot's bot uses it, and records
// every request so a test can wait for it.
//
// It answers getMe, getUpdates (a real long poll: it blocks until an update
// is pushed or the request's timeout passes, and it confirms updates by
// offset as Telegram does), sendMessage, editMessageText, sendDocument,
// getFile and file downloads (/file/bot<token>/<file_path>),
// answerCallbackQuery, answerInlineQuery, setMyCommands, setWebhook,
// deleteWebhook and sendChatAction; any other method is recorded and answered
// with true. Faults (a 429 with retry_after, a 5xx, a dropped connection, a
// held response) can be queued per method, or last for as long as a
// condition holds (FailWhile: an outage timed by the test's clock).
//
// Waiting is done on channels: Wait blocks until a matching request has
// been recorded, with a timeout only as a guard against a hanging test.
//
// It lives outside an internal directory because cmd/reportbot's test of
// "reportbot serve" needs it as well as package bot's tests.
package telegramtest

import (
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"
)

// WaitTimeout bounds every Wait: it only turns a hang into a failure.
var WaitTimeout = 20 * time.Second

// Request is one call the bot made.
type Request struct {
	Seq    int
	Method string // getMe, sendMessage, ... or "file" for a download
	// Params are the request's fields as sent (multipart or JSON):
	// JSON-valued fields (reply_markup, results, commands) are their JSON text.
	Params map[string]string
	// Files are the uploaded files' bytes (sendPhoto, sendDocument), by
	// field name.
	Files  map[string][]byte
	Header http.Header
	// Status is the HTTP status the fake answered with.
	Status int
}

// Int returns a numeric parameter, 0 if absent.
func (r Request) Int(name string) int64 {
	n, _ := strconv.ParseInt(r.Params[name], 10, 64)
	return n
}

// JSON decodes a JSON-valued parameter into v.
func (r Request) JSON(name string, v any) error {
	return json.Unmarshal([]byte(r.Params[name]), v)
}

// Fault is what the fake does instead of answering one request.
type Fault struct {
	// Status and Body are sent as the response when Status is not 0.
	Status int
	Body   string
	// Drop closes the connection without a response.
	Drop bool
	// Hold, if not nil, delays the answer until it is closed: the normal
	// answer, or Status and Body if set.
	Hold <-chan struct{}
}

// TooManyRequests is Telegram's flood-control answer.
func TooManyRequests(retryAfter int) Fault {
	return Fault{Status: http.StatusTooManyRequests, Body: fmt.Sprintf(
		`{"ok":false,"error_code":429,"description":"Too Many Requests: retry after %d","parameters":{"retry_after":%d}}`, retryAfter, retryAfter)}
}

// BadGateway is what a proxy in front of the Bot API answers when it is down.
func BadGateway() Fault {
	return Fault{Status: http.StatusBadGateway, Body: `{"ok":false,"error_code":502,"description":"Bad Gateway"}`}
}

// Dropped closes the connection mid-request.
func Dropped() Fault { return Fault{Drop: true} }

// File is a file the bot may fetch with getFile and download.
type File struct {
	ID, Path string
	Data     []byte
}

// Server is a fake Bot API.
type Server struct {
	Token string
	// Bot is what getMe returns.
	Bot models.User

	t   testing.TB
	srv *httptest.Server

	mu        sync.Mutex
	updates   []stored // not yet confirmed
	nextUpd   int64
	updSignal chan struct{} // closed and replaced when an update is pushed
	reqs      []Request
	reqSignal chan struct{} // closed and replaced when a request is recorded
	taken     map[int]bool  // requests already returned by Wait
	files     map[string]File
	faults    map[string][]Fault
	outages   map[string][]outage
	nextMsg   int
	closing   chan struct{}
	closeOnce sync.Once
	// inlineMode is getMe's supports_inline_queries.
	inlineMode bool
}

type stored struct {
	id   int64
	data json.RawMessage
}

// New starts a fake Bot API on 127.0.0.1 for token and closes it when the
// test ends (after the test's own cleanups registered later, so a bot
// stopped in a cleanup is gone first).
func New(t testing.TB, token string) *Server {
	s := &Server{
		t:         t,
		Token:     token,
		Bot:       models.User{ID: botID(token), IsBot: true, FirstName: "Report Bot", Username: "reportbot_test_bot"},
		updSignal: make(chan struct{}),
		reqSignal: make(chan struct{}),
		taken:     map[int]bool{},
		files:     map[string]File{},
		faults:    map[string][]Fault{},
		outages:   map[string][]outage{},
		nextUpd:   100,
		nextMsg:   1000,
		closing:   make(chan struct{}),
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func botID(token string) int64 {
	id, _ := strconv.ParseInt(strings.SplitN(token, ":", 2)[0], 10, 64)
	return id
}

// URL is the API's base address, what TELEGRAM_API_URL would be.
func (s *Server) URL() string { return s.srv.URL }

// Close ends blocked long polls and stops the server.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		close(s.closing)
		s.srv.Close()
	})
}

// Push queues an update for getUpdates and returns its update_id.
func (s *Server) Push(u *models.Update) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextUpd++
	u.ID = s.nextUpd
	data, err := json.Marshal(u)
	if err != nil {
		s.t.Errorf("telegramtest: marshal update: %v", err)
		return 0
	}
	s.updates = append(s.updates, stored{u.ID, data})
	close(s.updSignal)
	s.updSignal = make(chan struct{})
	return u.ID
}

// PushAll queues updates at once, so that one getUpdates finds them all
// (up to its 100), and returns their update_ids.
func (s *Server) PushAll(us ...*models.Update) []int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := make([]int64, 0, len(us))
	for _, u := range us {
		s.nextUpd++
		u.ID = s.nextUpd
		data, err := json.Marshal(u)
		if err != nil {
			s.t.Errorf("telegramtest: marshal update: %v", err)
			continue
		}
		s.updates = append(s.updates, stored{u.ID, data})
		ids = append(ids, u.ID)
	}
	close(s.updSignal)
	s.updSignal = make(chan struct{})
	return ids
}

// PushRaw queues an update given as JSON, as Telegram would send it
// (fields the models package cannot represent, or of the wrong type),
// with the next update_id set in it, and returns the update_id.
func (s *Server) PushRaw(update string) int64 {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal([]byte(update), &fields); err != nil {
		s.t.Errorf("telegramtest: PushRaw: %v", err)
		return 0
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextUpd++
	fields["update_id"] = json.RawMessage(strconv.FormatInt(s.nextUpd, 10))
	data, _ := json.Marshal(fields)
	s.updates = append(s.updates, stored{s.nextUpd, data})
	close(s.updSignal)
	s.updSignal = make(chan struct{})
	return s.nextUpd
}

// SetInlineMode sets getMe's supports_inline_queries, which @BotFather's
// /setinline turns on. (models.User cannot carry it: its JSON name is
// misspelt there.)
func (s *Server) SetInlineMode(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.inlineMode = on
}

// AddFile makes a file available to getFile and for download.
func (s *Server) AddFile(f File) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.files[f.ID] = f
}

// Fail queues faults for the next requests of method, one per request.
func (s *Server) Fail(method string, faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[method] = append(s.faults[method], faults...)
}

// Requests returns every request of method recorded so far ("" for all).
func (s *Server) Requests(method string) []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Request
	for _, r := range s.reqs {
		if method == "" || r.Method == method {
			out = append(out, r)
		}
	}
	return out
}

// Wait returns the first recorded request of method that matches (nil
// matches all) and was not returned by an earlier Wait, waiting for it to
// arrive. It fails the test after WaitTimeout.
func (s *Server) Wait(t testing.TB, method string, match func(Request) bool) Request {
	t.Helper()
	timeout := time.NewTimer(WaitTimeout)
	defer timeout.Stop()
	for {
		s.mu.Lock()
		for _, r := range s.reqs {
			if r.Method == method && !s.taken[r.Seq] && (match == nil || match(r)) {
				s.taken[r.Seq] = true
				s.mu.Unlock()
				return r
			}
		}
		ch := s.reqSignal
		s.mu.Unlock()
		select {
		case <-ch:
		case <-timeout.C:
			t.Fatalf("telegramtest: no %s request arrived within %s; requests so far:\n%s", method, WaitTimeout, s.dump())
			return Request{}
		}
	}
}

func (s *Server) dump() string {
	var b strings.Builder
	for _, r := range s.Requests("") {
		if r.Method == "getUpdates" {
			continue
		}
		fmt.Fprintf(&b, "  #%d %s %d %v\n", r.Seq, r.Method, r.Status, r.Params)
	}
	return b.String()
}

func (s *Server) record(r Request) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	r.Seq = len(s.reqs)
	s.reqs = append(s.reqs, r)
	close(s.reqSignal)
	s.reqSignal = make(chan struct{})
	return r.Seq
}

func (s *Server) setStatus(seq, status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reqs[seq].Status = status
}

// outage is a fault that lasts while a condition holds.
type outage struct {
	while func() bool
	fault Fault
}

// FailWhile answers every request of method with f as long as while()
// is true: an outage, timed by the test's own clock. It takes precedence
// over faults queued with Fail.
func (s *Server) FailWhile(method string, while func() bool, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.outages[method] = append(s.outages[method], outage{while, f})
}

// InternalServerError is a 500 from the Bot API.
func InternalServerError() Fault {
	return Fault{Status: http.StatusInternalServerError, Body: `{"ok":false,"error_code":500,"description":"Internal Server Error"}`}
}

func (s *Server) fault(method string) (Fault, bool) {
	s.mu.Lock()
	outages := s.outages[method]
	s.mu.Unlock()
	for _, o := range outages {
		if o.while() {
			return o.fault, true
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	q := s.faults[method]
	if len(q) == 0 {
		return Fault{}, false
	}
	s.faults[method] = q[1:]
	return q[0], true
}

// exchange is one request being answered. It is recorded when its answer
// is decided, so that a test that sees it also sees its Status; a request
// that waits (a long poll, a held answer) is recorded on arrival as well.
type exchange struct {
	s   *Server
	w   http.ResponseWriter
	req Request
	seq int // -1 until recorded
}

func (x *exchange) arrive() {
	if x.seq < 0 {
		x.seq = x.s.record(x.req)
	}
}

func (x *exchange) finish(status int, body string) {
	if x.seq < 0 {
		x.req.Status = status
		x.seq = x.s.record(x.req)
	} else {
		x.s.setStatus(x.seq, status)
	}
	writeJSON(x.w, status, body)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	x := &exchange{s: s, w: w, seq: -1, req: Request{Header: r.Header.Clone()}}
	switch {
	case strings.HasPrefix(r.URL.Path, "/file/bot"):
		token, path, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/file/bot"), "/")
		if token != s.Token {
			writeJSON(w, http.StatusUnauthorized, `{"ok":false,"error_code":401,"description":"Unauthorized"}`)
			return
		}
		x.req.Method, x.req.Params = "file", map[string]string{"file_path": path}
		if s.applyFault(x) {
			return
		}
		s.download(x, path)
		return
	case strings.HasPrefix(r.URL.Path, "/bot"):
		token, m, ok := strings.Cut(strings.TrimPrefix(r.URL.Path, "/bot"), "/")
		if !ok || token != s.Token {
			writeJSON(w, http.StatusUnauthorized, `{"ok":false,"error_code":401,"description":"Unauthorized"}`)
			return
		}
		x.req.Method = m
	default:
		writeJSON(w, http.StatusNotFound, `{"ok":false,"error_code":404,"description":"Not Found"}`)
		return
	}

	params, files, err := readParams(r)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, fmt.Sprintf(`{"ok":false,"error_code":400,"description":%q}`, "Bad Request: "+err.Error()))
		return
	}
	x.req.Params, x.req.Files = params, files
	if s.applyFault(x) {
		return
	}
	var result any
	switch x.req.Method {
	case "getMe":
		me, _ := json.Marshal(s.Bot)
		var fields map[string]any
		json.Unmarshal(me, &fields)
		s.mu.Lock()
		fields["supports_inline_queries"] = s.inlineMode
		s.mu.Unlock()
		result = fields
	case "getUpdates":
		s.getUpdates(x, r, params)
		return
	case "sendMessage", "editMessageText", "sendDocument", "sendPhoto":
		result = s.message(params)
	case "getFile":
		s.mu.Lock()
		f, ok := s.files[params["file_id"]]
		s.mu.Unlock()
		if !ok {
			x.finish(http.StatusBadRequest, `{"ok":false,"error_code":400,"description":"Bad Request: invalid file_id"}`)
			return
		}
		result = models.File{FileID: f.ID, FileUniqueID: "u" + f.ID, FileSize: int64(len(f.Data)), FilePath: f.Path}
	default:
		result = true
	}
	body, err := json.Marshal(map[string]any{"ok": true, "result": result})
	if err != nil {
		x.finish(http.StatusInternalServerError, `{"ok":false,"error_code":500,"description":"marshal"}`)
		return
	}
	x.finish(http.StatusOK, string(body))
}

// applyFault carries out a queued fault; it reports whether the request
// is finished.
func (s *Server) applyFault(x *exchange) bool {
	f, ok := s.fault(x.req.Method)
	if !ok {
		return false
	}
	switch {
	case f.Hold != nil:
		x.arrive()
		select {
		case <-f.Hold:
		case <-s.closing:
		}
		if f.Status == 0 {
			return false
		}
		x.finish(f.Status, f.Body)
		return true
	case f.Drop:
		x.arrive()
		if hj, ok := x.w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				conn.Close()
				return true
			}
		}
		s.t.Errorf("telegramtest: cannot drop the connection of a %s request", x.req.Method)
		x.finish(http.StatusInternalServerError, `{"ok":false,"error_code":500,"description":"no hijack"}`)
		return true
	default:
		x.finish(f.Status, f.Body)
		return true
	}
}

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	io.WriteString(w, body)
}

func (s *Server) message(params map[string]string) models.Message {
	s.mu.Lock()
	s.nextMsg++
	id := s.nextMsg
	s.mu.Unlock()
	if n, err := strconv.Atoi(params["message_id"]); err == nil && n != 0 {
		id = n // editMessageText edits in place
	}
	chat, _ := strconv.ParseInt(params["chat_id"], 10, 64)
	bot := s.Bot
	return models.Message{ID: id, From: &bot, Date: int(time.Now().Unix()),
		Chat: models.Chat{ID: chat, Type: models.ChatTypePrivate}, Text: params["text"]}
}

// getUpdates is a long poll: it confirms every update below offset, and
// returns the rest, or waits up to timeout seconds for one.
func (s *Server) getUpdates(x *exchange, r *http.Request, params map[string]string) {
	x.arrive()
	offset, _ := strconv.ParseInt(params["offset"], 10, 64)
	timeout, _ := strconv.Atoi(params["timeout"])
	deadline := time.NewTimer(time.Duration(timeout) * time.Second)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		kept := s.updates[:0]
		for _, u := range s.updates {
			if u.id >= offset {
				kept = append(kept, u)
			}
		}
		s.updates = kept
		var batch []json.RawMessage
		for _, u := range s.updates {
			if len(batch) < 100 {
				batch = append(batch, u.data)
			}
		}
		signal := s.updSignal
		s.mu.Unlock()
		if len(batch) > 0 || timeout <= 0 {
			if batch == nil {
				batch = []json.RawMessage{}
			}
			body, _ := json.Marshal(map[string]any{"ok": true, "result": batch})
			x.finish(http.StatusOK, string(body))
			return
		}
		select {
		case <-signal:
		case <-deadline.C:
			x.finish(http.StatusOK, `{"ok":true,"result":[]}`)
			return
		case <-r.Context().Done():
			return
		case <-s.closing:
			return
		}
	}
}

func (s *Server) download(x *exchange, path string) {
	s.mu.Lock()
	var data []byte
	found := false
	for _, f := range s.files {
		if f.Path == path {
			data, found = f.Data, true
		}
	}
	s.mu.Unlock()
	if !found {
		x.finish(http.StatusNotFound, `{"ok":false,"error_code":404,"description":"Not Found"}`)
		return
	}
	x.req.Status = http.StatusOK
	x.arrive()
	x.w.Header().Set("Content-Type", "application/octet-stream")
	x.w.Write(data)
}

// readParams reads a Bot API request's fields: multipart (what
// go-telegram/bot sends), JSON, or a URL-encoded form.
func readParams(r *http.Request) (map[string]string, map[string][]byte, error) {
	params := map[string]string{}
	files := map[string][]byte{}
	for k, v := range r.URL.Query() {
		params[k] = v[0]
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case "multipart/form-data":
		if err := r.ParseMultipartForm(32 << 20); err != nil {
			// go-telegram/bot sends a body without parts for
			// parameterless methods: that is no error.
			if strings.Contains(err.Error(), "EOF") {
				return params, files, nil
			}
			return nil, nil, err
		}
		for k, v := range r.MultipartForm.Value {
			params[k] = v[0]
		}
		for k, fh := range r.MultipartForm.File {
			params[k] = "attach:" + fh[0].Filename
			f, err := fh[0].Open()
			if err != nil {
				return nil, nil, err
			}
			data, err := io.ReadAll(f)
			f.Close()
			if err != nil {
				return nil, nil, err
			}
			files[k] = data
		}
	case "application/json":
		var m map[string]json.RawMessage
		if err := json.NewDecoder(r.Body).Decode(&m); err != nil && err != io.EOF {
			return nil, nil, err
		}
		for k, v := range m {
			var s string
			if json.Unmarshal(v, &s) == nil {
				params[k] = s
			} else {
				params[k] = string(v)
			}
		}
	case "application/x-www-form-urlencoded":
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, nil, err
		}
		vals, err := url.ParseQuery(string(body))
		if err != nil {
			return nil, nil, err
		}
		for k, v := range vals {
			params[k] = v[0]
		}
	}
	return params, files, nil
}

// Updates a test pushes.

var nextMsgID = struct {
	sync.Mutex
	n int
}{n: 1}

func msgID() int {
	nextMsgID.Lock()
	defer nextMsgID.Unlock()
	nextMsgID.n++
	return nextMsgID.n
}

// User is a Telegram user with a numeric ID.
func User(id int64) *models.User {
	return &models.User{ID: id, FirstName: fmt.Sprintf("user%d", id)}
}

// PrivateText is a text message from user in their private chat with the bot.
func PrivateText(user int64, text string) *models.Update {
	return &models.Update{Message: &models.Message{ID: msgID(), From: User(user), Date: int(time.Now().Unix()),
		Chat: models.Chat{ID: user, Type: models.ChatTypePrivate}, Text: text, Entities: commandEntity(text)}}
}

// GroupText is a text message from user in group chat.
func GroupText(chat, user int64, text string) *models.Update {
	return &models.Update{Message: &models.Message{ID: msgID(), From: User(user), Date: int(time.Now().Unix()),
		Chat: models.Chat{ID: chat, Type: models.ChatTypeSupergroup, Title: "meeting"}, Text: text, Entities: commandEntity(text)}}
}

func commandEntity(text string) []models.MessageEntity {
	if !strings.HasPrefix(text, "/") {
		return nil
	}
	cmd, _, _ := strings.Cut(text, " ")
	return []models.MessageEntity{{Type: models.MessageEntityTypeBotCommand, Offset: 0, Length: len([]rune(cmd))}}
}

// Document is a file sent by user in their private chat.
func Document(user int64, fileID, name string, size int64) *models.Update {
	return &models.Update{Message: &models.Message{ID: msgID(), From: User(user), Date: int(time.Now().Unix()),
		Chat:     models.Chat{ID: user, Type: models.ChatTypePrivate},
		Document: &models.Document{FileID: fileID, FileUniqueID: "u" + fileID, FileName: name, FileSize: size}}}
}

// Callback is a press of a button with data on message msg in chat.
func Callback(user, chat int64, msg int, data string) *models.Update {
	typ := models.ChatTypePrivate
	if chat < 0 {
		typ = models.ChatTypeSupergroup
	}
	return &models.Update{CallbackQuery: &models.CallbackQuery{
		ID: fmt.Sprintf("cb%d", msgID()), From: *User(user), Data: data, ChatInstance: "ci",
		Message: models.MaybeInaccessibleMessage{Type: models.MaybeInaccessibleMessageTypeMessage,
			Message: &models.Message{ID: msg, Date: int(time.Now().Unix()), Chat: models.Chat{ID: chat, Type: typ}}},
	}}
}

// Inline is an inline query typed by user.
func Inline(user int64, query string) *models.Update {
	return &models.Update{InlineQuery: &models.InlineQuery{ID: fmt.Sprintf("iq%d", msgID()), From: User(user), Query: query}}
}
