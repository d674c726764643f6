package bot

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// No lost reply: a reply is retried while Telegram fails in passing (see
// retryTransport), and when it cannot be delivered after all, the user is
// told to ask again rather than left waiting. If that notice cannot be
// sent either (Telegram is down), it is owed, and sent as soon as
// Telegram answers again, in its chat's order.

const (
	// replyRetryFor is how long a reply is retried through network errors
	// and 5xx answers.
	replyRetryFor = 2 * time.Minute
	// maxFloodWait is the longest flood-control wait (429 retry_after) a
	// reply waits out; past it the user is told to ask again later.
	maxFloodWait = 3 * time.Minute
	// maxOwed bounds the owed notices: one per chat, the latest.
	maxOwed = 1000
)

// owedNotice is a notice that a reply was lost, not yet delivered.
type owedNotice struct {
	to   target
	text string
}

// lostReplyText tells a user their reply was lost, and when to ask again.
func lostReplyText(err error) string {
	var flood *tgbot.TooManyRequestsError
	if errors.As(err, &flood) && flood.RetryAfter > 0 {
		minutes := int(math.Ceil(float64(flood.RetryAfter) / 60))
		return fmt.Sprintf("Telegram 暂时限制了发送,刚才的回复没能发出。请 %d 分钟后再问一次。", minutes)
	}
	return "Telegram 暂时出错,刚才的回复没能发出。请稍后再问一次。"
}

// undeliverable reports errors after which nothing can reach the chat:
// the user blocked the bot, it was removed from the group, the chat does
// not exist.
func undeliverable(err error) bool {
	var api *apiError
	return errors.Is(err, tgbot.ErrorForbidden) || errors.Is(err, tgbot.ErrorUnauthorized) || errors.Is(err, tgbot.ErrorNotFound) ||
		(errors.As(err, &api) && (api.Code == http.StatusForbidden || api.Code == http.StatusNotFound || api.Code == http.StatusUnauthorized))
}

// refused reports a request Telegram refused as it stands (400): sending
// it again cannot help, but a plain notice may get through.
func refused(err error) bool {
	var api *apiError
	return errors.Is(err, tgbot.ErrorBadRequest) || (errors.As(err, &api) && api.Code == http.StatusBadRequest)
}

// replyLost tells the chat that a reply could not be delivered (err),
// now or, if that fails too and Telegram was failing in passing, once it
// answers again.
func (s *Server) replyLost(ctx context.Context, t target, err error) {
	if ctx.Err() != nil || undeliverable(err) {
		return
	}
	text := lostReplyText(err)
	if refused(err) {
		text = "出错了,刚才的回复没能发出。请换个问法,或稍后再问一次。"
	}
	if nerr := s.notify(ctx, t, text); nerr != nil {
		if ctx.Err() != nil || undeliverable(nerr) || refused(nerr) {
			s.log.Error("reply lost and the user could not be told", "chat", t.chat, "error", s.redact.String(nerr.Error()))
			return
		}
		s.owe(t, text)
	}
}

// notify sends a short plain notice with short retry bounds: it must not
// hold the chat's queue as long again.
func (s *Server) notify(ctx context.Context, t target, text string) error {
	p := &tgbot.SendMessageParams{ChatID: t.chat, MessageThreadID: t.thread, Text: text}
	if t.replyTo != 0 {
		p.ReplyParameters = &models.ReplyParameters{MessageID: t.replyTo, AllowSendingWithoutReply: true}
	}
	if _, err := s.tg.SendMessage(withQuickRetry(ctx), p); err != nil {
		return fmt.Errorf("sendMessage (notice): %w", s.redact.Err(err))
	}
	return nil
}

func (s *Server) owe(t target, text string) {
	s.owedMu.Lock()
	defer s.owedMu.Unlock()
	if _, ok := s.owed[t.chat]; !ok && len(s.owed) >= maxOwed {
		s.log.Error("reply lost and the user could not be told: too many notices owed", "chat", t.chat)
		return
	}
	s.log.Warn("reply lost; the notice is owed until Telegram answers again", "chat", t.chat)
	s.owed[t.chat] = owedNotice{to: t, text: text}
}

// flushOwed queues the owed notices, each behind its chat's updates. It
// is called when Telegram has just answered.
func (s *Server) flushOwed(ctx context.Context) {
	s.owedMu.Lock()
	owed := s.owed
	if len(owed) == 0 {
		s.owedMu.Unlock()
		return
	}
	s.owed = map[int64]owedNotice{}
	s.owedMu.Unlock()
	for chat, n := range owed {
		n := n
		ok := s.dispatch.submit(ctx, chat, job{run: func() {
			if err := s.notify(s.hard, n.to, n.text); err != nil && s.hard.Err() == nil && !undeliverable(err) && !refused(err) {
				s.owe(n.to, n.text)
			}
		}})
		if !ok {
			s.log.Error("reply lost and the user could not be told: shutting down", "chat", chat)
		}
	}
}
