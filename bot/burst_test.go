package bot

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/go-telegram/bot/models"

	"github.com/reportbot/reportbot/bot/telegramtest"
)

// TestBurst: 1,000 updates from 100 allowed users, ten questions each,
// queued at once (a meeting where everyone asks). Every question is
// answered exactly once, each user's answers come in the order of their
// questions, and none is dropped: ten in a row is within the burst every
// user is allowed.
func TestBurst(t *testing.T) {
	const users, perUser = 100, 10
	var ids []int64
	for u := 0; u < users; u++ {
		ids = append(ids, int64(3000+u))
	}
	h := start(t, func(c *Config, _ *telegramtest.Server) {
		c.Workers = 4
		c.Access.Users = append(c.Access.Users, ids...)
		c.RatePerMinute, c.Burst = 20, 10
	})
	// Questions whose replies name them: not found, the question echoed.
	question := func(n int) string { return fmt.Sprintf("济宁工业用电量 q%02d", n) }
	var batch []*models.Update
	for n := 0; n < perUser; n++ {
		for _, user := range ids {
			batch = append(batch, telegramtest.PrivateText(user, question(n)))
		}
	}
	pushed := h.api.PushAll(batch...)
	seen := map[int64]int{}
	for range pushed {
		select {
		case e := <-h.handled:
			seen[e.id]++
			if e.outcome != "not_found" {
				t.Errorf("update %d: outcome %q", e.id, e.outcome)
			}
		case <-timeoutAfterWait():
			t.Fatalf("%d of %d updates handled", len(seen), len(pushed))
		}
	}
	for _, id := range pushed {
		if seen[id] != 1 {
			t.Errorf("update %d handled %d times", id, seen[id])
		}
	}
	for _, user := range ids {
		sent := h.sentTo(user)
		if len(sent) != perUser {
			t.Errorf("user %d got %d messages, want %d", user, len(sent), perUser)
			continue
		}
		for n, r := range sent {
			if r.Status != http.StatusOK || !strings.Contains(r.Params["text"], question(n)) {
				t.Errorf("user %d, message %d: %d %q, want the answer to %q", user, n, r.Status, r.Params["text"], question(n))
				break
			}
		}
	}
}
