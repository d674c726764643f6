package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"regexp"
	"strconv"
	"time"

	"github.com/go-telegram/bot/models"
)

// Updates are fetched by our own loop rather than go-telegram/bot's:
// the library decodes a whole getUpdates answer into []*models.Update at
// once, so one update with a field of an unexpected type (a new Telegram
// feature, a library type that lags behind the Bot API) failed every
// poll, every 5 s, forever, and nobody was answered. Here the answer's
// result is split into its elements and each is decoded on its own; one
// that does not decode is logged and skipped, and the offset moves past
// it like past any other.

// apiError is a Bot API call that Telegram answered with ok: false.
type apiError struct {
	Method      string
	Code        int
	Description string
	RetryAfter  int
}

func (e *apiError) Error() string {
	return fmt.Sprintf("%s: Telegram answered %d %s", e.Method, e.Code, e.Description)
}

// apiAnswer is the envelope of every Bot API answer.
type apiAnswer struct {
	OK          bool            `json:"ok"`
	Result      json.RawMessage `json:"result"`
	ErrorCode   int             `json:"error_code"`
	Description string          `json:"description"`
	Parameters  struct {
		RetryAfter int `json:"retry_after"`
	} `json:"parameters"`
}

// maxAnswer bounds a Bot API answer read into memory: 100 updates with
// long messages are far below it.
const maxAnswer = 32 << 20

// call makes a Bot API call with a JSON body and decodes its result into
// dest (unless nil). It goes through the retrying client, as the
// library's calls do; the error is redacted.
func (s *Server) call(ctx context.Context, method string, params, dest any) error {
	body, err := json.Marshal(params)
	if err != nil {
		return fmt.Errorf("%s: encode parameters: %w", method, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.cfg.APIURL+"/bot"+s.cfg.Token+"/"+method, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("%s: %w", method, s.redact.Err(err))
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := s.client.Do(req)
	if err != nil {
		return fmt.Errorf("%s: %w", method, s.redact.Err(err))
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer))
	if err != nil {
		return fmt.Errorf("%s: read answer: %w", method, s.redact.Err(err))
	}
	var a apiAnswer
	if err := json.Unmarshal(data, &a); err != nil {
		return fmt.Errorf("%s: HTTP %d with an answer that is not the Bot API's: %w", method, resp.StatusCode, err)
	}
	if !a.OK {
		return &apiError{Method: method, Code: a.ErrorCode, Description: a.Description, RetryAfter: a.Parameters.RetryAfter}
	}
	if dest != nil {
		if err := json.Unmarshal(a.Result, dest); err != nil {
			return fmt.Errorf("%s: decode result: %w", method, err)
		}
	}
	return nil
}

// updateBatch is a getUpdates answer decoded element by element.
type updateBatch struct {
	updates []*models.Update
	skipped []skippedUpdate
	// next is the offset of the next getUpdates: past every element,
	// decoded or not.
	next int64
}

// skippedUpdate is an element of getUpdates' result that did not decode.
type skippedUpdate struct {
	id  int64 // 0 when not even update_id could be read
	err error
	raw string // its beginning, for the log
}

// updateIDPattern finds update_id in an element whose JSON as a whole
// does not decode.
var updateIDPattern = regexp.MustCompile(`"update_id"\s*:\s*"?(\d{1,19})`)

// decodeUpdates decodes the elements of getUpdates' result one by one.
// offset is the offset the call was made with; next never goes below it,
// and goes past every element whose update_id can be read at all.
func decodeUpdates(elems []json.RawMessage, offset int64) updateBatch {
	b := updateBatch{next: offset}
	for _, raw := range elems {
		var u models.Update
		if err := json.Unmarshal(raw, &u); err != nil {
			id := readUpdateID(raw)
			b.skipped = append(b.skipped, skippedUpdate{id: id, err: err, raw: excerptBytes(raw, 200)})
			b.movePast(id)
			continue
		}
		b.updates = append(b.updates, &u)
		b.movePast(u.ID)
	}
	return b
}

// movePast makes the next offset pass update id (0: unknown).
func (b *updateBatch) movePast(id int64) {
	if id > 0 && id >= b.next && id < math.MaxInt64 {
		b.next = id + 1
	}
}

// readUpdateID reads update_id of an element that does not decode as an
// update: as a number, else by pattern; 0 if there is none.
func readUpdateID(raw []byte) int64 {
	var head struct {
		ID json.Number `json:"update_id"`
	}
	if json.Unmarshal(raw, &head) == nil {
		if id, err := head.ID.Int64(); err == nil && id > 0 {
			return id
		}
	}
	if m := updateIDPattern.FindSubmatch(raw); m != nil {
		if id, err := strconv.ParseInt(string(m[1]), 10, 64); err == nil && id > 0 {
			return id
		}
	}
	return 0
}

func excerptBytes(b []byte, n int) string {
	if len(b) <= n {
		return string(b)
	}
	return string(b[:n]) + "…"
}

type getUpdatesParams struct {
	Offset         int64    `json:"offset,omitempty"`
	Limit          int      `json:"limit,omitempty"`
	Timeout        int      `json:"timeout"`
	AllowedUpdates []string `json:"allowed_updates,omitempty"`
}

// Polling's waits after a failed getUpdates: from pollRetryMin, doubling
// up to pollRetryMax, for as long as it takes (the retrying transport has
// already tried the call a few times).
const (
	pollRetryMin = 500 * time.Millisecond
	pollRetryMax = 30 * time.Second
)

// pollUpdates fetches updates until ctx ends and hands each to the
// dispatcher. It then waits for the updates being handled (they run on
// s.hard, which lasts Grace longer) and confirms to Telegram the updates
// that were handled, so that a restart neither loses nor repeats them.
func (s *Server) pollUpdates(ctx context.Context) {
	var offset int64
	wait := time.Duration(0)
	for ctx.Err() == nil {
		var elems []json.RawMessage
		err := s.call(ctx, "getUpdates", getUpdatesParams{
			Offset: offset, Timeout: int(s.cfg.PollTimeout / time.Second), AllowedUpdates: allowedUpdates,
		}, &elems)
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			wait = min(max(2*wait, pollRetryMin), pollRetryMax)
			s.log.Error("getUpdates failed; polling again", "error", s.redact.String(err.Error()), "wait", wait)
			if s.sleep(ctx, wait) != nil {
				break
			}
			continue
		}
		wait = 0
		s.flushOwed(ctx)
		batch := decodeUpdates(elems, offset)
		for _, bad := range batch.skipped {
			s.log.Error("update skipped: it does not decode", "update", bad.id, "error", bad.err.Error(), "json", bad.raw)
			if s.cfg.hooks.handled != nil {
				s.cfg.hooks.handled(bad.id, "undecodable")
			}
		}
		for _, u := range batch.updates {
			if !s.dispatch.submit(ctx, updateChat(u), job{update: u.ID, run: func() { s.handle(u) }}) {
				// Shutdown: this update and the rest of the batch are not
				// confirmed, so Telegram sends them again at the next start.
				batch.next = u.ID
				break
			}
		}
		offset = batch.next
	}
	s.dispatch.wait()
	if id, ok := s.dispatch.oldestUnfinished(); ok && (offset == 0 || id < offset) {
		s.log.Warn("updates left unhandled at shutdown are left to the next start", "from_update", id)
		offset = id
	}
	if offset != 0 {
		s.confirmUpdates(offset)
	}
}

// confirmUpdates tells Telegram that every update below offset is done:
// getUpdates confirms the updates below its offset. What it returns is
// not handled: it stays unconfirmed.
func (s *Server) confirmUpdates(offset int64) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(s.hard), 5*time.Second)
	defer cancel()
	ctx = withQuickRetry(ctx)
	var elems []json.RawMessage
	if err := s.call(ctx, "getUpdates", getUpdatesParams{Offset: offset, Limit: 1, Timeout: 0, AllowedUpdates: allowedUpdates}, &elems); err != nil {
		s.log.Warn("could not confirm the handled updates; Telegram may send some again", "error", s.redact.String(err.Error()))
	}
}

// updateChat is the chat whose order an update keeps: its replies go
// there after the replies to that chat's earlier updates.
func updateChat(u *models.Update) int64 {
	switch {
	case u.Message != nil:
		return u.Message.Chat.ID
	case u.CallbackQuery != nil:
		if m := u.CallbackQuery.Message.Message; m != nil {
			return m.Chat.ID
		}
		return u.CallbackQuery.From.ID
	case u.InlineQuery != nil && u.InlineQuery.From != nil:
		return u.InlineQuery.From.ID
	case u.MyChatMember != nil:
		return u.MyChatMember.Chat.ID
	}
	// Nothing to order it with: a key of its own. Chat IDs never reach
	// this range (they are at most 52 bits, in both signs).
	return -(1 << 62) - u.ID
}
