package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/reportbot/reportbot/bot/telegramtest"
)

func TestWebRefusesToListenBeyondLoopbackWithoutAToken(t *testing.T) {
	for _, tc := range []struct {
		name, addr, token, want string
	}{
		{"no token", "0.0.0.0:0", "", "REPORTBOT_WEB_TOKEN"},
		{"all interfaces", ":0", "", "REPORTBOT_WEB_TOKEN"},
		{"short token", "127.0.0.1:0", "short", "at least 16"},
		{"not host:port", "8080", "", "host:port"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(envWebToken, tc.token)
			err := Run(context.Background(), []string{"web", "-index", t.TempDir(), "-addr", tc.addr}, strings.NewReader(""), io.Discard, io.Discard)
			var ue usageError
			if !errors.As(err, &ue) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want a usage error that says %q", err, tc.want)
			}
		})
	}
	// serve -web checks the same before it starts the bot.
	serveEnv(t, "http://127.0.0.1:1", "1")
	t.Setenv(envWebToken, "")
	err := Run(context.Background(), []string{"serve", "-index", t.TempDir(), "-web", "0.0.0.0:8080"}, strings.NewReader(""), io.Discard, io.Discard)
	var ue usageError
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), envWebToken) {
		t.Errorf("serve -web: err = %v", err)
	}
}

// pageURL reads the web page's address from the log of a running
// command, and keeps reading the log so that it never blocks.
func pageURL(t *testing.T, log io.Reader, all *lockedBuffer) string {
	t.Helper()
	found := make(chan string, 1)
	go func() {
		re := regexp.MustCompile(`url=(http://\S+/)`)
		sc := bufio.NewScanner(log)
		for sc.Scan() {
			all.Write(append(sc.Bytes(), '\n'))
			if m := re.FindStringSubmatch(sc.Text()); m != nil && strings.Contains(sc.Text(), "web page") {
				select {
				case found <- m[1]:
				default:
				}
			}
		}
	}()
	select {
	case u := <-found:
		return u
	case <-time.After(telegramtest.WaitTimeout):
		t.Fatalf("the web page did not start:\n%s", all.String())
		return ""
	}
}

func httpGet(t *testing.T, u string) (int, string) {
	t.Helper()
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// TestWebAnswersAsAskDoes starts "reportbot web" on an index and checks
// that /api/ask returns what "reportbot ask -json" prints.
func TestWebAnswersAsAskDoes(t *testing.T) {
	reports := t.TempDir()
	report := "泰安市工业运行情况\n时间:2023-07-03 来源:测试日报\n1-5月,全市工业投资同比增长12.5%,高于全省3.2个百分点。\n"
	if err := os.WriteFile(filepath.Join(reports, "泰安_2023-07_工业运行.txt"), []byte(report), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "index")
	if err := Run(context.Background(), []string{"index", "-index", dir, reports}, strings.NewReader(""), io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	t.Setenv(envWebToken, "")

	ctx, cancel := context.WithCancel(context.Background())
	logR, logW := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, []string{"web", "-index", dir, "-addr", "127.0.0.1:0"}, strings.NewReader(""), io.Discard, logW)
		logW.Close()
	}()
	var log lockedBuffer
	base := pageURL(t, logR, &log)

	q := "泰安工业投资增速"
	status, got := httpGet(t, base+"api/ask?q="+url.QueryEscape(q))
	var want bytes.Buffer
	if err := Run(context.Background(), []string{"ask", "-index", dir, "-json", q}, strings.NewReader(""), &want, io.Discard); err != nil {
		t.Fatal(err)
	}
	if status != http.StatusOK || got != want.String() {
		t.Errorf("/api/ask (status %d):\n%s\nask -json:\n%s", status, got, want.String())
	}
	status, page := httpGet(t, base+"?q="+url.QueryEscape(q))
	if status != http.StatusOK || !strings.Contains(page, "<mark>12.5%</mark>") {
		t.Errorf("page (status %d):\n%s", status, page)
	}
	if !strings.Contains(log.String(), "loopback only, no token") {
		t.Errorf("the start line does not say who may use the page:\n%s", log.String())
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("web: %v\n%s", err, log.String())
	}
}

// TestServeWithWebPage runs the bot and the page in one process: the page
// answers from the index the bot built from -reports.
func TestServeWithWebPage(t *testing.T) {
	reports := serveSeeds(t)
	api := telegramtest.New(t, serveTestToken)
	serveEnv(t, api.URL(), "5001")
	t.Setenv(envWebToken, "0123456789abcdef0123")
	dir := filepath.Join(t.TempDir(), "index")

	ctx, cancel := context.WithCancel(context.Background())
	logR, logW := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, []string{"serve", "-index", dir, "-reports", reports, "-web", "127.0.0.1:0"}, strings.NewReader(""), io.Discard, logW)
		logW.Close()
	}()
	var log lockedBuffer
	base := pageURL(t, logR, &log)
	if !strings.Contains(log.String(), "token required") {
		t.Errorf("the start line does not say a token is required:\n%s", log.String())
	}

	// The bot answers...
	api.Push(telegramtest.PrivateText(5001, "泰安工业投资增速"))
	r := api.Wait(t, "sendMessage", func(r telegramtest.Request) bool { return r.Int("chat_id") == 5001 })
	if !strings.Contains(r.Params["text"], "31.9%") {
		t.Errorf("bot reply: %s", r.Params["text"])
	}
	// ...and so does the page, from the same index, with the token.
	req, _ := http.NewRequest(http.MethodGet, base+"api/ask?q="+url.QueryEscape("泰安工业投资增速"), nil)
	req.Header.Set("Authorization", "Bearer 0123456789abcdef0123")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.Contains(string(body), `"value":"31.9"`) {
		t.Errorf("page: %d %s", res.StatusCode, body)
	}
	if status, _ := httpGet(t, base+"api/reports"); status != http.StatusUnauthorized {
		t.Errorf("without the token: %d, want 401", status)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve: %v\n%s", err, log.String())
	}
}
