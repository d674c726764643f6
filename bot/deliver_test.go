package bot

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/reportbot/reportbot/bot/telegramtest"
)

// delivered lists the messages delivered (200) to chat, in order.
func (h *harness) delivered(chat int64) []string {
	var out []string
	for _, r := range h.sentTo(chat) {
		if r.Status == http.StatusOK {
			out = append(out, r.Params["text"])
		}
	}
	return out
}

// waitDelivered waits for a message delivered to chat that contains want.
func (h *harness) waitDelivered(chat int64, want string) telegramtest.Request {
	h.t.Helper()
	return h.api.Wait(h.t, "sendMessage", func(r telegramtest.Request) bool {
		return r.Int("chat_id") == chat && r.Status == http.StatusOK && strings.Contains(r.Params["text"], want)
	})
}

// TestRepliesSurviveFaults: whatever the Bot API does to a reply, it is
// delivered, or the user is told it was lost and when to ask again.
// Time is the harness's fake clock: a retry's wait moves it on at once.
// Before replies were retried for a bounded time, four 500s or a 429
// with retry_after over 60 s lost the reply and told the user nothing.
func TestRepliesSurviveFaults(t *testing.T) {
	const answer = "<b>12.5%</b>"
	for _, tc := range []struct {
		name  string
		setup func(h *harness)
		want  string        // in the message finally delivered
		slept time.Duration // at least this much waited in all
	}{
		{"six 500s", func(h *harness) {
			for i := 0; i < 6; i++ {
				h.api.Fail("sendMessage", telegramtest.InternalServerError())
			}
		}, answer, 0},
		{"429 retry_after 120", func(h *harness) {
			h.api.Fail("sendMessage", telegramtest.TooManyRequests(120))
		}, answer, 120 * time.Second},
		{"429 retry_after 3600: told to ask in an hour", func(h *harness) {
			h.api.Fail("sendMessage", telegramtest.TooManyRequests(3600))
		}, "请 60 分钟后再问一次", 0},
		{"connections reset", func(h *harness) {
			for i := 0; i < 5; i++ {
				h.api.Fail("sendMessage", telegramtest.Dropped())
			}
		}, answer, 0},
		{"a 90-second outage", func(h *harness) {
			end := h.clock.now().Add(90 * time.Second)
			h.api.FailWhile("sendMessage", func() bool { return h.clock.now().Before(end) }, telegramtest.BadGateway())
		}, answer, 90 * time.Second},
		{"500s, then flood control", func(h *harness) {
			h.api.Fail("sendMessage", telegramtest.InternalServerError(), telegramtest.InternalServerError(), telegramtest.TooManyRequests(30))
		}, answer, 30 * time.Second},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := start(t)
			began := h.clock.now()
			tc.setup(h)
			id := h.push(telegramtest.PrivateText(alice, "济宁工业投资增速"))
			h.waitHandled(id)
			got := h.delivered(alice)
			if len(got) != 1 || !strings.Contains(got[0], tc.want) {
				t.Fatalf("delivered to the user: %q, want one message with %q", got, tc.want)
			}
			if waited := h.clock.now().Sub(began); waited < tc.slept {
				t.Errorf("waited %s, want at least %s", waited, tc.slept)
			}
		})
	}
}

// TestLongOutageOwesTheNotice: Telegram fails every message for ten
// minutes, longer than a reply is retried. The reply is given up, the
// notice cannot be sent either, and it is sent once Telegram works again,
// before the answer to the user's next question.
func TestLongOutageOwesTheNotice(t *testing.T) {
	h := start(t)
	end := h.clock.now().Add(10 * time.Minute)
	h.api.FailWhile("sendMessage", func() bool { return h.clock.now().Before(end) }, telegramtest.BadGateway())
	id := h.push(telegramtest.PrivateText(alice, "济宁工业投资增速"))
	h.waitHandled(id)
	if got := h.delivered(alice); len(got) != 0 {
		t.Fatalf("delivered during the outage: %q", got)
	}
	if !strings.Contains(h.logs.String(), "the notice is owed") {
		t.Fatalf("the lost reply is not owed a notice:\n%s", h.logs.String())
	}
	// Telegram is back; the next poll finds the user's next question.
	h.clock.advance(10 * time.Minute)
	h.push(telegramtest.PrivateText(alice, "淄博工业投资增速"))
	h.waitDelivered(alice, "30.2%")
	got := h.delivered(alice)
	if len(got) != 2 || !strings.Contains(got[0], "没能发出") || !strings.Contains(got[1], "30.2%") {
		t.Errorf("after the outage: %q, want the notice, then the answer", got)
	}
}

// TestPerChatOrderUnderFloodControl: the first reply waits out a 429; the
// second question's answer still comes after it, while another chat's
// answer does not wait.
func TestPerChatOrderUnderFloodControl(t *testing.T) {
	hold := make(chan struct{})
	h := start(t, func(c *Config, api *telegramtest.Server) {
		c.Workers = 4
		// The first reply is held, then flood-controlled.
		flood := telegramtest.TooManyRequests(20)
		flood.Hold = hold
		api.Fail("sendMessage", flood)
	})
	h.push(telegramtest.PrivateText(alice, "济宁工业投资增速"))
	h.api.Wait(t, "sendMessage", nil) // alice's first reply is held
	h.push(telegramtest.PrivateText(alice, "淄博工业投资增速"))
	h.push(telegramtest.PrivateText(admin, "淄博工业投资增速"))
	// The other chat is answered while alice's first reply is held.
	h.waitDelivered(admin, "30.2%")
	close(hold)
	h.waitDelivered(alice, "30.2%")
	got := h.delivered(alice)
	if len(got) != 2 || !strings.Contains(got[0], "12.5%") || !strings.Contains(got[1], "30.2%") {
		t.Errorf("alice got %q, want 12.5%% then 30.2%%", got)
	}
}
