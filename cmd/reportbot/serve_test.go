package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/reportbot/reportbot/bot/telegramtest"
	"github.com/reportbot/reportbot/chart"
	"github.com/reportbot/reportbot/internal/testshared"
)

const serveTestToken = "424242:serve-TEST-token"

// serveSeeds copies the real seed reports of ../shared into a temporary
// folder (they are read in place, never copied into the repository). It
// fails when ../shared is missing on CI, and skips elsewhere.
func serveSeeds(t *testing.T) string {
	t.Helper()
	src := testshared.Path(t, "corpus", "seeds")
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	dst := t.TempDir()
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// serveEnv sets the environment of serve for one test.
func serveEnv(t *testing.T, apiURL, users string) {
	t.Setenv("TELEGRAM_BOT_TOKEN", serveTestToken)
	t.Setenv("TELEGRAM_API_URL", apiURL)
	t.Setenv("REPORTBOT_ALLOWED_USERS", users)
	t.Setenv("REPORTBOT_ALLOWED_CHATS", "")
	t.Setenv("REPORTBOT_ADMINS", "")
	t.Setenv("REPORTBOT_WEBHOOK_SECRET", "")
}

func TestServeAnswersFromSeedReports(t *testing.T) {
	reports := serveSeeds(t)
	api := telegramtest.New(t, serveTestToken)
	serveEnv(t, api.URL(), "5001, 5002")
	dir := filepath.Join(t.TempDir(), "index")

	ctx, cancel := context.WithCancel(context.Background())
	var stderr lockedBuffer
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, []string{"serve", "-index", dir, "-reports", reports}, strings.NewReader(""), io.Discard, &stderr)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve: %v\n%s", err, stderr.String())
			}
		case <-time.After(telegramtest.WaitTimeout):
			t.Errorf("serve did not stop")
		}
		if strings.Contains(stderr.String(), serveTestToken) {
			t.Errorf("the token is in the log:\n%s", stderr.String())
		}
	})

	api.Push(telegramtest.PrivateText(5001, "泰安工业投资增速"))
	r := api.Wait(t, "sendMessage", func(r telegramtest.Request) bool { return r.Int("chat_id") == 5001 })
	text := r.Params["text"]
	if !strings.Contains(text, "<b>31.9%</b>") || !strings.Contains(text, "<blockquote>") || !strings.Contains(text, "中华泰山网") {
		t.Errorf("reply:\n%s\nlog:\n%s", text, stderr.String())
	}
	// A stranger is refused.
	api.Push(telegramtest.PrivateText(7007, "泰安工业投资增速"))
	r = api.Wait(t, "sendMessage", func(r telegramtest.Request) bool { return r.Int("chat_id") == 7007 })
	if !strings.Contains(r.Params["text"], "7007") || strings.Contains(r.Params["text"], "31.9") {
		t.Errorf("stranger:\n%s", r.Params["text"])
	}
	// The index was built from -reports at start.
	if _, err := os.Stat(filepath.Join(dir, "reportbot-index.json")); err != nil {
		t.Errorf("no index at %s: %v", dir, err)
	}
}

func TestServeWithoutTokenSaysHowToGetOne(t *testing.T) {
	serveEnv(t, "", "1")
	t.Setenv("TELEGRAM_BOT_TOKEN", "")
	err := Run(context.Background(), []string{"serve", "-index", t.TempDir()}, strings.NewReader(""), io.Discard, io.Discard)
	var ue usageError
	if !errors.As(err, &ue) {
		t.Fatalf("err = %v, want a usage error", err)
	}
	for _, want := range []string{"@BotFather", "/newbot", "TELEGRAM_BOT_TOKEN", "export"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message lacks %q:\n%v", want, err)
		}
	}
}

func TestServeRefusesToStartOpen(t *testing.T) {
	serveEnv(t, "http://127.0.0.1:1", "")
	err := Run(context.Background(), []string{"serve", "-index", t.TempDir()}, strings.NewReader(""), io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "-public") || !strings.Contains(err.Error(), "REPORTBOT_ALLOWED_USERS") {
		t.Errorf("err = %v", err)
	}
	t.Setenv("REPORTBOT_ADMINS", "12,abc")
	err = Run(context.Background(), []string{"serve", "-index", t.TempDir()}, strings.NewReader(""), io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), `"abc"`) {
		t.Errorf("bad ID list: %v", err)
	}
}

func TestServeBadTokenIsNotPrinted(t *testing.T) {
	api := telegramtest.New(t, "1:another-token")
	serveEnv(t, api.URL(), "1")
	var stderr lockedBuffer
	err := Run(context.Background(), []string{"serve", "-index", filepath.Join(t.TempDir(), "ix")}, strings.NewReader(""), io.Discard, &stderr)
	if err == nil || !strings.Contains(err.Error(), "TELEGRAM_BOT_TOKEN") {
		t.Errorf("err = %v", err)
	}
	if strings.Contains(err.Error()+stderr.String(), serveTestToken) {
		t.Errorf("the token is printed: %v\n%s", err, stderr.String())
	}
}

// lockedBuffer is a log destination safe for concurrent writes.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// startServe runs serve with args until the test ends, and returns its
// log.
func startServe(t *testing.T, args ...string) *lockedBuffer {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stderr := &lockedBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, append([]string{"serve"}, args...), strings.NewReader(""), io.Discard, stderr)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve: %v\n%s", err, stderr.String())
			}
		case <-time.After(telegramtest.WaitTimeout):
			t.Errorf("serve did not stop")
		}
	})
	return stderr
}

// TestServeSaysWhatItServes: serve logs its index and how many reports it
// holds, and warns when a mistyped -index made it start empty.
func TestServeSaysWhatItServes(t *testing.T) {
	api := telegramtest.New(t, serveTestToken)
	serveEnv(t, api.URL(), "5001")
	dir := filepath.Join(t.TempDir(), "typo")
	log := startServe(t, "-index", dir)
	// The reply to a question comes after the start-up lines.
	api.Push(telegramtest.PrivateText(5001, "泰安工业投资增速"))
	api.Wait(t, "sendMessage", func(r telegramtest.Request) bool { return r.Int("chat_id") == 5001 })
	got := log.String()
	for _, want := range []string{"msg=index", "dir=" + dir, "reports=0", "level=WARN", "created empty", "-reports DIR"} {
		if !strings.Contains(got, want) {
			t.Errorf("log lacks %q:\n%s", want, got)
		}
	}
}

// TestAskWhileServeRuns: serve holds the index for writing, and ask from
// the shell still answers, through serve's socket, what ask would print.
func TestAskWhileServeRuns(t *testing.T) {
	reports := serveSeeds(t)
	api := telegramtest.New(t, serveTestToken)
	serveEnv(t, api.URL(), "5001")
	dir := filepath.Join(t.TempDir(), "ix")
	log := startServe(t, "-index", dir, "-reports", reports)
	// Once the bot answers, the reports are indexed and the socket is up.
	api.Push(telegramtest.PrivateText(5001, "泰安工业投资增速"))
	api.Wait(t, "sendMessage", func(r telegramtest.Request) bool { return r.Int("chat_id") == 5001 })

	out, errOut, code := run(t, "ask", "-index", dir, "泰安工业投资增速")
	if code != exitOK || !strings.Contains(out, "31.9%") || !strings.Contains(out, "来源:") || !strings.Contains(errOut, "reportbot serve") {
		t.Errorf("ask while serve runs: exit %d\nstdout:\n%s\nstderr:\n%s\nserve log:\n%s", code, out, errOut, log.String())
	}
	out, _, code = runWithStdin(t, "泰安工业投资增速\n北京工业投资增速\n", "ask", "-index", dir, "-json", "-n", "1", "-")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != exitOK || len(lines) != 2 || !strings.Contains(lines[0], `"value":"31.9"`) || !strings.Contains(lines[1], `"answers":[]`) {
		t.Errorf("ask -json while serve runs: exit %d\n%s", code, out)
	}
	if _, _, code := run(t, "ask", "-index", dir, "北京工业投资增速"); code != exitNotFound {
		t.Errorf("unanswered through the socket: exit %d, want %d", code, exitNotFound)
	}
	if chart.Ready() == nil {
		// A chart is drawn from the answer serve gives.
		png := filepath.Join(t.TempDir(), "c.png")
		out, errOut, code := run(t, "ask", "-index", dir, "-chart", png, "泰安和济南工业投资增速对比")
		if code != exitOK || !strings.Contains(out, "31.9") {
			t.Errorf("ask -chart while serve runs: exit %d\n%s\n%s", code, out, errOut)
		}
		if b, err := os.ReadFile(png); err != nil || !bytes.HasPrefix(b, []byte("\x89PNG")) {
			t.Errorf("no chart through the socket: %v", err)
		}
	}
}
