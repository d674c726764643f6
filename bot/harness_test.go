package bot

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/reportbot/reportbot/answer"
	"github.com/reportbot/reportbot/bot/telegramtest"
	"github.com/reportbot/reportbot/corpus"
	"github.com/reportbot/reportbot/index"
	"github.com/reportbot/reportbot/ingest"
)

// The tests drive the real go-telegram/bot client over HTTP against the
// fake Bot API of package telegramtest. Nothing waits on time: the fake
// records requests and signals, and the server's handled hook reports
// every finished update; timeouts only turn a hang into a failure.

const testToken = "123456:SECRET-token_abcdefghijklmnopqrstuvwxyz"

// People and chats of the tests.
const (
	admin    = int64(1001)
	alice    = int64(1002) // an allowed user
	eve      = int64(6666) // a stranger
	groupID  = int64(-100777)
	otherGrp = int64(-100999) // a group nobody allowed
)

// Test reports, written for these tests (figures invented).
const (
	jining2023 = "济宁市上半年工业经济运行情况\n" +
		"1-6月,全市工业投资同比增长12.5%,高于全省3.2个百分点,增速居全省第4位。\n" +
		"全市规上工业增加值同比增长6.6%,完成技改投资150.3亿元。\n" +
		"全市“专精特新<小巨人>”企业研发投入增长15.2%,R&D经费突破20亿元。\n"
	jining2022 = "济宁市2022年工业运行情况\n2022年,全市工业投资同比增长8.4%,增速居全省第9位。\n"
	zibo2023   = "淄博市工业运行\n1-6月,全市工业投资同比增长30.2%,居全省第1位。\n"
)

// longReport has one paragraph far longer than a Telegram message.
func longReport() string {
	var b strings.Builder
	b.WriteString("临沂市物流业发展情况\n")
	for i := 0; i < 150; i++ {
		b.WriteString("全市各级部门持续优化营商环境,推动重点项目建设提速增效,服务企业更加精准有力。")
		if i == 75 {
			b.WriteString("上半年,全市物流园区营业收入同比增长18.8%,高于全省5.1个百分点。")
		}
	}
	b.WriteString("\n")
	return b.String()
}

func testDoc(path, region, date, text string) *corpus.Document {
	raw := &corpus.RawFile{Path: path, Format: "txt", Encoding: "utf-8", Text: text,
		Hash: fmt.Sprintf("%x", sha256.Sum256([]byte(path+text))), Size: int64(len(text))}
	return corpus.Process(raw, corpus.Options{Sidecar: corpus.Sidecar{Region: region, Date: date}})
}

type handledEvent struct {
	id      int64
	outcome string
}

type harness struct {
	t       *testing.T
	api     *telegramtest.Server
	srv     *Server
	logs    *syncBuffer
	handled chan handledEvent
	sleeps  chan time.Duration
	clock   *fakeClock

	cancel   context.CancelFunc
	done     chan error
	stopOnce sync.Once
	runErr   error
}

type option func(*Config, *telegramtest.Server)

// start runs a Server over an in-memory index of the test reports.
func start(t *testing.T, opts ...option) *harness {
	t.Helper()
	api := telegramtest.New(t, testToken)
	ix, err := index.OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	for _, d := range []*corpus.Document{
		testDoc("r/jining_2023.txt", "济宁市", "2023-07-10", jining2023),
		testDoc("r/jining_2022.txt", "济宁市", "2023-01-20", jining2022),
		testDoc("r/zibo_2023.txt", "淄博市", "2023-07-12", zibo2023),
		testDoc("r/linyi_long.txt", "临沂市", "2023-07-15", longReport()),
	} {
		if _, err := ix.Put(d); err != nil {
			t.Fatal(err)
		}
	}
	h := &harness{t: t, api: api, logs: &syncBuffer{},
		handled: make(chan handledEvent, 1000), sleeps: make(chan time.Duration, 1000), done: make(chan error, 1)}
	cfg := Config{
		Token:    testToken,
		APIURL:   api.URL(),
		Engine:   answer.New(ix),
		Pipeline: ingest.New(ix),
		Access:   Access{Users: []int64{alice}, Chats: []int64{groupID}, Admins: []int64{admin}},
		Logger:   slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		// One worker handles updates in order, so "the next update was
		// handled" means "this one was".
		Workers:     1,
		PollTimeout: 10 * time.Second,
		Grace:       10 * time.Second,
	}
	cfg.hooks.handled = func(id int64, outcome string) { h.handled <- handledEvent{id, outcome} }
	// Time passes only when the bot waits: a retry's wait moves the clock
	// on at once, so bounds of minutes are tested in microseconds.
	h.clock = &fakeClock{t: time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)}
	cfg.hooks.now = h.clock.now
	cfg.hooks.sleep = func(ctx context.Context, d time.Duration) error {
		select {
		case h.sleeps <- d:
		default:
		}
		h.clock.advance(d)
		return ctx.Err()
	}
	for _, o := range opts {
		o(&cfg, api)
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	h.srv = srv
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel = cancel
	go func() { h.done <- srv.Run(ctx) }()
	t.Cleanup(func() {
		if err := h.stop(); err != nil {
			t.Errorf("Run: %v", err)
		}
		if strings.Contains(h.logs.String(), testToken) {
			t.Errorf("the token appears in the logs:\n%s", h.logs.String())
		}
	})
	return h
}

// stop cancels Run's context and waits for Run to return.
func (h *harness) stop() error {
	h.stopOnce.Do(func() {
		h.cancel()
		select {
		case h.runErr = <-h.done:
		case <-time.After(telegramtest.WaitTimeout):
			h.runErr = fmt.Errorf("Run did not return within %s of cancel", telegramtest.WaitTimeout)
		}
	})
	return h.runErr
}

// push sends an update and returns its ID.
func (h *harness) push(u *models.Update) int64 { return h.api.Push(u) }

// waitHandled waits until update id has been handled and returns its outcome.
func (h *harness) waitHandled(id int64) string {
	h.t.Helper()
	timeout := time.After(telegramtest.WaitTimeout)
	for {
		select {
		case e := <-h.handled:
			if e.id == id {
				return e.outcome
			}
		case <-timeout:
			h.t.Fatalf("update %d was not handled within %s", id, telegramtest.WaitTimeout)
			return ""
		}
	}
}

// timeoutAfterWait turns a hang into a failure.
func timeoutAfterWait() <-chan time.Time { return time.After(telegramtest.WaitTimeout) }

// reply waits for the next sendMessage to chat.
func (h *harness) reply(chat int64) telegramtest.Request {
	h.t.Helper()
	return h.api.Wait(h.t, "sendMessage", func(r telegramtest.Request) bool { return r.Int("chat_id") == chat })
}

// ask sends text from user in their private chat and returns the reply.
func (h *harness) ask(user int64, text string) telegramtest.Request {
	h.t.Helper()
	h.push(telegramtest.PrivateText(user, text))
	return h.reply(user)
}

// sentTo lists the messages sent to chat so far.
func (h *harness) sentTo(chat int64) []telegramtest.Request {
	var out []telegramtest.Request
	for _, r := range h.api.Requests("sendMessage") {
		if r.Int("chat_id") == chat {
			out = append(out, r)
		}
	}
	return out
}

// buttons decodes a request's reply_markup, checking it is valid for
// Telegram: callback data of at most 64 bytes, and no copy_text.
func buttons(t *testing.T, r telegramtest.Request) map[string]string {
	t.Helper()
	raw := r.Params["reply_markup"]
	if raw == "" {
		return nil
	}
	if strings.Contains(raw, "copy_text") {
		t.Errorf("reply_markup has copy_text (Telegram refuses it): %s", raw)
	}
	var kb struct {
		InlineKeyboard [][]map[string]any `json:"inline_keyboard"`
	}
	if err := json.Unmarshal([]byte(raw), &kb); err != nil {
		t.Fatalf("reply_markup %q: %v", raw, err)
	}
	out := map[string]string{}
	for _, row := range kb.InlineKeyboard {
		for _, b := range row {
			text, _ := b["text"].(string)
			if q, ok := b["switch_inline_query"].(string); ok {
				// A share button: its value is "inline:" and the query.
				if len(b) != 2 {
					t.Errorf("share button %q has other fields: %v", text, b)
				}
				out[text] = "inline:" + q
				continue
			}
			data, _ := b["callback_data"].(string)
			if len(data) == 0 || len(data) > 64 {
				t.Errorf("button %q has callback data of %d bytes", text, len(data))
			}
			for k := range b {
				if k != "text" && k != "callback_data" {
					t.Errorf("button %q has an unexpected field %q", text, k)
				}
			}
			out[text] = data
		}
	}
	return out
}

var (
	tagRe    = regexp.MustCompile(`^</?(b|i|u|s|code|pre|blockquote|a)(\s[^<>]*)?>`)
	entityRe = regexp.MustCompile(`^&(lt|gt|amp|quot|#[0-9]+);`)
)

// checkHTML fails unless s is valid Telegram HTML: known tags, balanced
// and nested, every < a tag and every & an entity.
func checkHTML(t *testing.T, s string) {
	t.Helper()
	var stack []string
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '<':
			m := tagRe.FindString(s[i:])
			if m == "" {
				t.Errorf("bare < at byte %d: %q", i, excerpt(s, i))
				return
			}
			name := strings.Trim(strings.Fields(strings.Trim(m, "<>"))[0], "/")
			if strings.HasPrefix(m, "</") {
				if len(stack) == 0 || stack[len(stack)-1] != name {
					t.Errorf("</%s> closes nothing open (open: %v) at %q", name, stack, excerpt(s, i))
					return
				}
				stack = stack[:len(stack)-1]
			} else {
				stack = append(stack, name)
			}
			i += len(m) - 1
		case '>':
			t.Errorf("bare > at byte %d: %q", i, excerpt(s, i))
			return
		case '&':
			if !entityRe.MatchString(s[i:]) {
				t.Errorf("bare & at byte %d: %q", i, excerpt(s, i))
				return
			}
		}
	}
	if len(stack) > 0 {
		t.Errorf("tags left open: %v", stack)
	}
}

func excerpt(s string, i int) string {
	from, to := max(0, i-30), min(len(s), i+30)
	return s[from:to]
}

// syncBuffer is a log destination safe for concurrent writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// fakeClock is the bot's clock in tests: it moves only when told.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}
