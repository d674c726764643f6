package bot

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/reportbot/reportbot/bot/telegramtest"
)

// Updates that go-telegram/bot's models cannot decode. Before updates
// were decoded one by one, any of them made every getUpdates fail, and
// nobody was answered again.
var undecodableUpdates = []struct{ name, json string }{
	{"message_id as a string", `{"message":{"message_id":"x1","date":1,"chat":{"id":1002,"type":"private"},"text":"hi"}}`},
	{"chat as an array", `{"message":{"message_id":5,"date":1,"chat":[1002],"text":"hi"}}`},
	{"unknown chat member status", `{"my_chat_member":{"chat":{"id":-100777,"type":"supergroup"},"from":{"id":1002,"is_bot":false,"first_name":"a"},"date":1,` +
		`"old_chat_member":{"status":"left","user":{"id":1,"is_bot":true,"first_name":"b"}},"new_chat_member":{"status":"guest","user":{"id":1,"is_bot":true,"first_name":"b"}}}}`},
}

func TestUndecodableUpdateIsSkipped(t *testing.T) {
	for _, tc := range undecodableUpdates {
		t.Run(tc.name, func(t *testing.T) {
			h := start(t)
			bad := h.api.PushRaw(tc.json)
			r := h.ask(alice, "济宁工业投资增速")
			if !strings.Contains(r.Params["text"], "12.5%") {
				t.Errorf("the update after a bad one: %s", r.Params["text"])
			}
			if got := h.waitHandled(bad); got != "undecodable" {
				t.Errorf("bad update: outcome %q", got)
			}
			// The offset moved past both: Telegram is not asked for them again.
			h.api.Wait(t, "getUpdates", func(r telegramtest.Request) bool { return r.Int("offset") > bad+1 })
			if !strings.Contains(h.logs.String(), "update skipped: it does not decode") {
				t.Errorf("the skipped update is not logged:\n%s", h.logs.String())
			}
		})
	}
}

func TestDecodeUpdates(t *testing.T) {
	good := func(id string) json.RawMessage {
		return json.RawMessage(`{"update_id":` + id + `,"message":{"message_id":1,"date":1,"chat":{"id":5,"type":"private"},"text":"a"}}`)
	}
	for _, tc := range []struct {
		name    string
		elems   []json.RawMessage
		offset  int64
		decoded []int64
		skipped []int64
		next    int64
	}{
		{"all good", []json.RawMessage{good("10"), good("11")}, 10, []int64{10, 11}, nil, 12},
		{"bad in the middle", []json.RawMessage{good("10"), json.RawMessage(`{"update_id":11,"message":{"message_id":"x"}}`), good("12")}, 10, []int64{10, 12}, []int64{11}, 13},
		{"bad last", []json.RawMessage{good("10"), json.RawMessage(`{"update_id":11,"message":7}`)}, 0, []int64{10}, []int64{11}, 12},
		{"update_id a string", []json.RawMessage{json.RawMessage(`{"update_id":"12","message":{}}`)}, 5, nil, []int64{12}, 13},
		{"not an object", []json.RawMessage{json.RawMessage(`[1,2]`), good("20")}, 0, []int64{20}, []int64{0}, 21},
		{"empty", nil, 7, nil, nil, 7},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := decodeUpdates(tc.elems, tc.offset)
			var decoded, skipped []int64
			for _, u := range b.updates {
				decoded = append(decoded, u.ID)
			}
			for _, s := range b.skipped {
				skipped = append(skipped, s.id)
			}
			if !equalIDs(decoded, tc.decoded) || !equalIDs(skipped, tc.skipped) || b.next != tc.next {
				t.Errorf("decoded %v skipped %v next %d; want %v %v %d", decoded, skipped, b.next, tc.decoded, tc.skipped, tc.next)
			}
		})
	}
}

func equalIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// FuzzDecodeUpdates feeds any JSON value as one element of a getUpdates
// result between two good updates: decoding never panics, the good
// updates are always served, and the offset always moves past them.
func FuzzDecodeUpdates(f *testing.F) {
	for _, tc := range undecodableUpdates {
		f.Add([]byte(tc.json))
	}
	for _, seed := range []string{
		`{"update_id":101,"message":{"message_id":1,"date":1,"chat":{"id":5,"type":"private"},"text":"a"}}`,
		`{"update_id":101,"callback_query":{"id":"c","from":{"id":1,"is_bot":false,"first_name":"x"},"chat_instance":"i","message":{"message_id":2,"date":0,"chat":{"id":1,"type":"private"}}}}`,
		`{"update_id":101,"callback_query":{"id":"c","from":{"id":1},"message":{"message_id":2,"date":0}}}`,
		`{"update_id":101,"inline_query":{"id":"q","from":{"id":1},"query":"x","offset":""}}`,
		`{"update_id":101,"message":{"reply_markup":{"inline_keyboard":[[{"text":"a","copy_text":{"text":1}}]]}}}`,
		`{"update_id":1e3}`, `null`, `"x"`, `{}`, `{"update_id":9223372036854775807}`,
	} {
		f.Add([]byte(seed))
	}
	first := json.RawMessage(`{"update_id":100,"message":{"message_id":1,"date":1,"chat":{"id":5,"type":"private"},"text":"a"}}`)
	last := json.RawMessage(`{"update_id":102,"message":{"message_id":3,"date":1,"chat":{"id":5,"type":"private"},"text":"c"}}`)
	f.Fuzz(func(t *testing.T, data []byte) {
		if !json.Valid(data) {
			// getUpdates' result splits into valid JSON values only.
			return
		}
		b := decodeUpdates([]json.RawMessage{first, data, last}, 100)
		if len(b.updates)+len(b.skipped) != 3 {
			t.Fatalf("%d decoded + %d skipped of 3", len(b.updates), len(b.skipped))
		}
		if len(b.updates) < 2 || b.updates[0].ID != 100 || b.updates[len(b.updates)-1].ID != 102 {
			t.Fatalf("the good updates around %q were not both decoded", data)
		}
		if b.next < 103 {
			t.Fatalf("next offset %d does not pass the last update", b.next)
		}
		for _, u := range b.updates {
			// An offset cannot pass the largest int64; Telegram's IDs are
			// far below it.
			if u.ID >= b.next && u.ID != math.MaxInt64 {
				t.Fatalf("update %d is at or past the next offset %d", u.ID, b.next)
			}
			updateChat(u) // never panics on what decoded
		}
		for _, s := range b.skipped {
			if s.id >= b.next && s.id != 0 && s.id != math.MaxInt64 {
				t.Fatalf("skipped update %d is at or past the next offset %d", s.id, b.next)
			}
		}
	})
}

// TestShutdownConfirmsHandledUpdates: at shutdown the last getUpdates
// confirms the updates handled, so a restart does not answer them again.
func TestShutdownConfirmsHandledUpdates(t *testing.T) {
	h := start(t)
	id := h.push(telegramtest.PrivateText(alice, "济宁工业投资增速"))
	h.reply(alice)
	h.waitHandled(id)
	if err := h.stop(); err != nil {
		t.Fatal(err)
	}
	polls := h.api.Requests("getUpdates")
	last := polls[len(polls)-1]
	if last.Int("offset") != id+1 || last.Int("timeout") != 0 {
		t.Errorf("last getUpdates: %v, want offset %d and no wait", last.Params, id+1)
	}
}
