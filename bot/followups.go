package bot

import (
	"sync"
	"time"
)

// A chat's last answered question is kept for a while, so that the next
// message may be a follow-up of it (和济南比呢?, 这几年走势?, 去年呢?): the
// engine completes it (answer.Engine.FollowUp) and the reply says how it
// was read.

// followUpTTL is how long a question stays the one a follow-up refers to:
// about one topic of a meeting.
const followUpTTL = 30 * time.Minute

// maxFollowUpChats bounds the chats remembered; past it the oldest go.
const maxFollowUpChats = 10000

type lastQuestions struct {
	now func() time.Time
	mu  sync.Mutex
	m   map[int64]askedAt
}

type askedAt struct {
	question string
	at       time.Time
}

func newLastQuestions(now func() time.Time) *lastQuestions {
	return &lastQuestions{now: now, m: map[int64]askedAt{}}
}

// get returns the chat's last answered question, if recent.
func (l *lastQuestions) get(chat int64) (string, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	a, ok := l.m[chat]
	if !ok || l.now().Sub(a.at) > followUpTTL {
		return "", false
	}
	return a.question, true
}

func (l *lastQuestions) put(chat int64, q string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if _, ok := l.m[chat]; !ok && len(l.m) >= maxFollowUpChats {
		var oldest int64
		first := true
		for c, a := range l.m {
			if first || a.at.Before(l.m[oldest].at) {
				oldest, first = c, false
			}
		}
		delete(l.m, oldest)
	}
	l.m[chat] = askedAt{q, now}
}
