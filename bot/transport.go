package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"
)

// retryTransport retries Bot API calls that failed for reasons that pass:
// network errors, 5xx answers, and Telegram's flood control (429), whose
// retry_after it honours. go-telegram/bot itself never retries a method
// call, so without this a 502 from Telegram's front end loses a reply.
//
// Retries are bounded in time rather than in number, because what a
// reader notices is how long a reply takes: network errors and 5xx are
// retried with jittered exponential backoff for retryFor, a 429 is waited
// out when its retry_after is at most maxRetryAfter. Past that the last
// answer goes back to the caller, which returns it as an error (a
// *TooManyRequestsError for a 429), and the handler tells the user (see
// Server.send). A call made with withQuickRetry (such a notice) gets
// short bounds, so that telling the user does not wait as long again.
//
// A retried call may in rare cases be carried out twice (Telegram got the
// request but the answer was lost); a reply shown twice is better than one
// lost.
type retryTransport struct {
	base http.RoundTripper
	// attempts caps the tries of one call, at least 1, whatever the time.
	attempts int
	// backoff is the first wait after a network error or 5xx; it doubles
	// per retry up to maxBackoff, with jitter.
	backoff, maxBackoff time.Duration
	// retryFor bounds the time spent retrying network errors and 5xx.
	retryFor time.Duration
	// maxRetryAfter is the longest flood-control wait accepted.
	maxRetryAfter time.Duration
	// timeout bounds one attempt; pollTimeout bounds an attempt of
	// getUpdates, which waits on purpose.
	timeout, pollTimeout time.Duration
	sleep                func(context.Context, time.Duration) error
	now                  func() time.Time
	log                  *slog.Logger
	redact               redactor
}

// Bounds of a quick call (withQuickRetry).
const (
	quickRetryFor      = 10 * time.Second
	quickMaxRetryAfter = 10 * time.Second
)

type quickRetryKey struct{}

// withQuickRetry marks the calls made with ctx as ones that must not wait
// long: a notice that a reply was lost, a confirmation at shutdown.
func withQuickRetry(ctx context.Context) context.Context {
	return context.WithValue(ctx, quickRetryKey{}, true)
}

// maxRequestBody bounds what is buffered to replay a request. The bot
// sends text and JSON; 4 MiB is far above anything it sends.
const maxRequestBody = 4 << 20

func (t *retryTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	// The library streams its multipart body through a pipe, which can be
	// read once: keep a copy to send again.
	var body []byte
	if req.Body != nil && req.Body != http.NoBody {
		b, err := io.ReadAll(io.LimitReader(req.Body, maxRequestBody+1))
		req.Body.Close()
		if err != nil {
			return nil, fmt.Errorf("read request body: %w", err)
		}
		if len(b) > maxRequestBody {
			return nil, errors.New("request body too large to send")
		}
		body = b
	}
	method := path.Base(req.URL.Path) // never the token: it is in an earlier segment
	if strings.Contains(req.URL.Path, "/file/bot") {
		method = "file download"
	}
	limit := t.timeout
	if method == "getUpdates" {
		limit = t.pollTimeout
	}
	ctx := req.Context()
	retryFor, maxRetryAfter := t.retryFor, t.maxRetryAfter
	if quick, _ := ctx.Value(quickRetryKey{}).(bool); quick {
		retryFor, maxRetryAfter = min(retryFor, quickRetryFor), min(maxRetryAfter, quickMaxRetryAfter)
	}
	now := t.now
	if now == nil {
		now = time.Now
	}
	start := now()
	for attempt := 1; ; attempt++ {
		resp, err := t.once(req, body, limit)
		var wait, budget time.Duration
		var why string
		switch {
		case err != nil:
			if ctx.Err() != nil {
				return nil, err
			}
			wait, why, budget = t.backoffFor(attempt), "network error", retryFor
		case resp.StatusCode == http.StatusTooManyRequests:
			wait = retryAfter(resp)
			why = "flood control (429)"
			if wait > maxRetryAfter {
				t.log.Warn("telegram flood control wait too long, giving up", "method", method, "retry_after", wait, "longest_accepted", maxRetryAfter)
				return resp, nil
			}
			// Flood control may follow server errors: it has a bound of
			// its own on top of theirs.
			budget = retryFor + maxRetryAfter
		case resp.StatusCode >= 500:
			wait, why, budget = t.backoffFor(attempt), fmt.Sprintf("HTTP %d", resp.StatusCode), retryFor
		default:
			return resp, nil
		}
		if attempt >= t.attempts || now().Sub(start)+wait > budget {
			t.log.Warn("telegram call failed, giving up", "method", method, "reason", why,
				"error", t.redact.String(errText(err)), "attempts", attempt, "retrying_for", now().Sub(start))
			if err != nil {
				return nil, err
			}
			return resp, nil
		}
		if resp != nil {
			io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
			resp.Body.Close()
		}
		t.log.Warn("telegram call failed, retrying", "method", method, "reason", why,
			"error", t.redact.String(errText(err)), "attempt", attempt, "wait", wait)
		if err := t.sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

// once sends one attempt with its own deadline. The deadline must outlive
// RoundTrip (the body is read after it returns), so it is released when
// the body is closed.
func (t *retryTransport) once(req *http.Request, body []byte, limit time.Duration) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(req.Context(), limit)
	r := req.Clone(ctx)
	if body != nil {
		r.Body = io.NopCloser(bytes.NewReader(body))
		r.ContentLength = int64(len(body))
		r.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	}
	resp, err := t.base.RoundTrip(r)
	if err != nil {
		cancel()
		return nil, err
	}
	resp.Body = &cancelOnClose{ReadCloser: resp.Body, cancel: cancel}
	return resp, nil
}

type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (c *cancelOnClose) Close() error {
	err := c.ReadCloser.Close()
	c.cancel()
	return err
}

func (t *retryTransport) backoffFor(attempt int) time.Duration {
	d := t.backoff << (attempt - 1)
	if d > t.maxBackoff || d <= 0 {
		d = t.maxBackoff
	}
	// Jitter spreads the retries of many calls that failed together.
	return d/2 + rand.N(d/2+1)
}

// retryAfter reads how long Telegram asks to wait: parameters.retry_after
// of the JSON answer, else the Retry-After header, else one second. The
// body is put back for the library to read.
func retryAfter(resp *http.Response) time.Duration {
	data, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(data))
	var r struct {
		Parameters struct {
			RetryAfter int `json:"retry_after"`
		} `json:"parameters"`
	}
	if json.Unmarshal(data, &r) == nil && r.Parameters.RetryAfter > 0 {
		return time.Duration(r.Parameters.RetryAfter) * time.Second
	}
	if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && s > 0 {
		return time.Duration(s) * time.Second
	}
	return time.Second
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// redactor removes the bot token from text. The Bot API puts the token in
// every URL (/bot<token>/method, /file/bot<token>/path), and Go's HTTP
// errors quote the URL, so every error that leaves this package, and every
// error logged, passes through it.
type redactor struct{ token string }

func (r redactor) String(s string) string {
	if r.token == "" {
		return s
	}
	s = strings.ReplaceAll(s, r.token, "<token>")
	if esc := url.PathEscape(r.token); esc != r.token {
		s = strings.ReplaceAll(s, esc, "<token>")
	}
	if esc := url.QueryEscape(r.token); esc != r.token {
		s = strings.ReplaceAll(s, esc, "<token>")
	}
	return s
}

// Err wraps err so that its message is redacted; errors.Is and errors.As
// still see the original.
func (r redactor) Err(err error) error {
	if err == nil {
		return nil
	}
	return &redactedError{err: err, msg: r.String(err.Error())}
}

type redactedError struct {
	err error
	msg string
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
