package bot

import (
	"sync"
	"time"
)

// Access says who may use the bot.
type Access struct {
	// Users may use the bot anywhere; Chats are chats (groups, or private
	// chats) in which everyone may use it. Inline queries carry no chat,
	// so inline mode needs the user in Users (or Admins).
	Users, Chats []int64
	// Admins may also add reports and reindex; they are allowed users.
	Admins []int64
	// Public lets everyone ask; uploads and /reindex stay with Admins.
	Public bool
}

// restricted reports whether anyone at all is named: a bot with no list
// and not Public would refuse everyone, which is never what was meant.
func (a Access) restricted() bool {
	return len(a.Users)+len(a.Chats)+len(a.Admins) > 0
}

type accessSet struct {
	users, chats, admins map[int64]bool
	public               bool
}

func newAccessSet(a Access) accessSet {
	set := func(ids []int64) map[int64]bool {
		m := make(map[int64]bool, len(ids))
		for _, id := range ids {
			m[id] = true
		}
		return m
	}
	return accessSet{users: set(a.Users), chats: set(a.Chats), admins: set(a.Admins), public: a.Public}
}

// allowed reports whether user may use the bot in chat (0: no chat, as
// for inline queries).
func (s accessSet) allowed(user, chat int64) bool {
	return s.public || s.users[user] || s.admins[user] || (chat != 0 && s.chats[chat])
}

func (s accessSet) admin(user int64) bool { return s.admins[user] }

// limiter is a token bucket per key: burst requests at once, then one
// every 1/rate. It is bounded: buckets that have refilled are forgotten
// when the map grows past maxBuckets.
type limiter struct {
	rate  float64 // tokens per second; 0 means no limit
	burst float64
	now   func() time.Time

	mu      sync.Mutex
	buckets map[limitKey]*bucket
}

type limitKey struct {
	user  int64
	class string // "question", "stranger" or "inline": inline queries come per keystroke
}

type bucket struct {
	tokens float64
	last   time.Time
	// quietUntil ends the window in which the user was told they are
	// limited: a flood gets one explanation per window, not one per
	// message, and a new window gets a new one.
	quietUntil time.Time
}

const maxBuckets = 10000

func newLimiter(perMinute float64, burst int, now func() time.Time) *limiter {
	if burst < 1 {
		burst = 1
	}
	return &limiter{rate: perMinute / 60, burst: float64(burst), now: now, buckets: map[limitKey]*bucket{}}
}

// allow takes a token for k. When none is left it returns how long until
// one is, and whether to tell the user: not yet told in this window, which
// lasts until that token comes.
func (l *limiter) allow(k limitKey) (ok bool, wait time.Duration, tell bool) {
	if l == nil || l.rate <= 0 {
		return true, 0, false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b := l.buckets[k]
	if b == nil {
		if len(l.buckets) >= maxBuckets {
			l.sweepLocked(now)
		}
		b = &bucket{tokens: l.burst, last: now}
		l.buckets[k] = b
	}
	b.tokens = min(l.burst, b.tokens+now.Sub(b.last).Seconds()*l.rate)
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0, false
	}
	wait = time.Duration((1 - b.tokens) / l.rate * float64(time.Second))
	if now.Before(b.quietUntil) {
		return false, wait, false
	}
	b.quietUntil = now.Add(wait)
	return false, wait, true
}

// sweepLocked forgets buckets that would be full by now: forgetting them
// changes nothing.
func (l *limiter) sweepLocked(now time.Time) {
	for k, b := range l.buckets {
		if b.tokens+now.Sub(b.last).Seconds()*l.rate >= l.burst {
			delete(l.buckets, k)
		}
	}
}
