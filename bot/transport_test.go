package bot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// statusServer answers with the given statuses in turn, then 200, and
// records the bodies it received.
func statusServer(t *testing.T, statuses ...int) (*httptest.Server, func() []string) {
	var mu sync.Mutex
	var bodies []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		n := len(bodies)
		bodies = append(bodies, string(b))
		mu.Unlock()
		status := http.StatusOK
		if n < len(statuses) {
			status = statuses[n]
		}
		w.WriteHeader(status)
		if status == http.StatusTooManyRequests {
			fmt.Fprint(w, `{"ok":false,"error_code":429,"parameters":{"retry_after":120}}`)
			return
		}
		fmt.Fprint(w, `{"ok":true,"result":true}`)
	}))
	t.Cleanup(srv.Close)
	return srv, func() []string { mu.Lock(); defer mu.Unlock(); return append([]string(nil), bodies...) }
}

func testTransport(waits *[]time.Duration) *retryTransport {
	return &retryTransport{
		base: http.DefaultTransport, attempts: 3, backoff: time.Second, maxBackoff: 4 * time.Second,
		retryFor: time.Minute, maxRetryAfter: time.Minute, timeout: 5 * time.Second, pollTimeout: 5 * time.Second,
		sleep: func(_ context.Context, d time.Duration) error { *waits = append(*waits, d); return nil },
		log:   slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
}

func post(t *testing.T, rt http.RoundTripper, url, body string) *http.Response {
	t.Helper()
	// A pipe, like go-telegram/bot's request bodies: readable once.
	pr, pw := io.Pipe()
	go func() { io.WriteString(pw, body); pw.Close() }()
	req, _ := http.NewRequest(http.MethodPost, url+"/botTOKEN/sendMessage", pr)
	resp, err := rt.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp
}

func TestRetryReplaysBody(t *testing.T) {
	srv, bodies := statusServer(t, 502, 503)
	var waits []time.Duration
	resp := post(t, testTransport(&waits), srv.URL, "chat_id=1&text=hi")
	if resp.StatusCode != http.StatusOK {
		t.Errorf("status %d", resp.StatusCode)
	}
	got := bodies()
	if len(got) != 3 || got[0] != "chat_id=1&text=hi" || got[2] != got[0] {
		t.Errorf("bodies sent: %q", got)
	}
	// Jittered exponential backoff: [0.5s,1s], then [1s,2s].
	if len(waits) != 2 || waits[0] < 500*time.Millisecond || waits[0] > time.Second || waits[1] < time.Second || waits[1] > 2*time.Second {
		t.Errorf("waits %v", waits)
	}
}

func TestRetryIsBounded(t *testing.T) {
	srv, bodies := statusServer(t, 500, 500, 500, 500, 500)
	var waits []time.Duration
	if resp := post(t, testTransport(&waits), srv.URL, "x"); resp.StatusCode != 500 {
		t.Errorf("status %d", resp.StatusCode)
	}
	if n := len(bodies()); n != 3 {
		t.Errorf("%d attempts, want 3", n)
	}
}

func TestRetryAfterTooLongIsReturned(t *testing.T) {
	srv, bodies := statusServer(t, 429)
	var waits []time.Duration
	resp := post(t, testTransport(&waits), srv.URL, "x")
	if resp.StatusCode != http.StatusTooManyRequests || len(bodies()) != 1 || len(waits) != 0 {
		t.Errorf("a 2-minute flood wait: status %d after %d attempts, waits %v", resp.StatusCode, len(bodies()), waits)
	}
}

func TestRetryStopsWithContext(t *testing.T) {
	srv, _ := statusServer(t, 502, 502)
	rt := testTransport(new([]time.Duration))
	ctx, cancel := context.WithCancel(context.Background())
	rt.sleep = func(ctx context.Context, d time.Duration) error { cancel(); return sleepCtx(ctx, d) }
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL+"/botT/getMe", strings.NewReader("x"))
	if _, err := rt.RoundTrip(req); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestRedactor(t *testing.T) {
	r := redactor{token: "12:ab/c"}
	err := r.Err(fmt.Errorf("wrap: %w", errors.New(`Post "http://x/bot12:ab/c/getMe" and bot12:ab%2Fc`)))
	if strings.Contains(err.Error(), "ab/c") || strings.Contains(err.Error(), "ab%2Fc") {
		t.Errorf("not redacted: %v", err)
	}
	if !strings.Contains(err.Error(), "bot<token>/getMe") {
		t.Errorf("redacted too much: %v", err)
	}
}

func TestLimiter(t *testing.T) {
	now := time.Unix(0, 0)
	l := newLimiter(6, 2, func() time.Time { return now }) // one per 10s, two at once
	k := limitKey{1, "question"}
	for i := 0; i < 2; i++ {
		if ok, _, _ := l.allow(k); !ok {
			t.Fatalf("request %d refused", i)
		}
	}
	ok, wait, first := l.allow(k)
	if ok || !first || wait != 10*time.Second {
		t.Errorf("third: ok=%v wait=%s first=%v", ok, wait, first)
	}
	if _, _, first := l.allow(k); first {
		t.Errorf("the second refusal is explained again")
	}
	now = now.Add(10 * time.Second)
	if ok, _, _ := l.allow(k); !ok {
		t.Errorf("refused after refill")
	}
	// A new window: told again.
	if ok, _, tell := l.allow(k); ok || !tell {
		t.Errorf("the first refusal of a new window: ok=%v tell=%v", ok, tell)
	}
	if ok, _, _ := l.allow(limitKey{2, "question"}); !ok {
		t.Errorf("another user is limited")
	}
}

func TestStoreBoundedAndExpiring(t *testing.T) {
	now := time.Unix(0, 0)
	st := newStore(3, time.Hour, func() time.Time { return now })
	var keys []string
	for i := 0; i < 4; i++ {
		keys = append(keys, st.put(&session{query: fmt.Sprint(i)}))
		if len(keys[i]) != 8 {
			t.Errorf("key %q", keys[i])
		}
	}
	if _, ok := st.get(keys[0]); ok || st.len() != 3 {
		t.Errorf("the oldest session was kept beyond the bound (%d sessions)", st.len())
	}
	if s, ok := st.get(keys[3]); !ok || s.query != "3" {
		t.Errorf("newest session lost")
	}
	now = now.Add(2 * time.Hour)
	if _, ok := st.get(keys[3]); ok {
		t.Errorf("an expired session was returned")
	}
}
