package bot

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
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

// accessSet is who may use the bot now: the configured lists, changed at
// run time by admins (/allow, /revoke, approved requests) and kept in
// accessFileName in the state folder, so that a restart keeps the changes.
// It also remembers the groups an allowed user brought the bot into.
type accessSet struct {
	admins map[int64]bool // fixed: admins come from the configuration only
	public bool
	// path is the file the changes are kept in; "" keeps them in memory.
	path string

	mu sync.RWMutex
	// users and chats are the configured lists plus those added.
	users, chats map[int64]bool
	// revoked are configured users and chats an admin removed.
	revoked map[int64]bool
	// hosted are groups an allowed user added the bot to or used it in:
	// a stranger there is refused, not left.
	hosted map[int64]bool
	added  accessChanges // what the file holds
}

// accessFileName is the file, in the state folder, that keeps the access
// changes made at run time.
const accessFileName = "telegram-access.json"

// accessChanges is the content of the access file.
type accessChanges struct {
	Users   []int64 `json:"users,omitempty"`
	Chats   []int64 `json:"chats,omitempty"`
	Revoked []int64 `json:"revoked,omitempty"`
	Hosted  []int64 `json:"hosted_groups,omitempty"`
}

func idSet(ids ...[]int64) map[int64]bool {
	m := map[int64]bool{}
	for _, list := range ids {
		for _, id := range list {
			m[id] = true
		}
	}
	return m
}

func setIDs(m map[int64]bool) []int64 {
	ids := make([]int64, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// newAccessSet reads the access file in dir ("" for none) over the
// configured lists.
func newAccessSet(a Access, dir string) (*accessSet, error) {
	s := &accessSet{admins: idSet(a.Admins), public: a.Public,
		users: idSet(a.Users), chats: idSet(a.Chats), revoked: map[int64]bool{}, hosted: map[int64]bool{}}
	if dir == "" {
		return s, nil
	}
	s.path = filepath.Join(dir, accessFileName)
	data, err := os.ReadFile(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, fmt.Errorf("access list: %w", err)
	}
	var c accessChanges
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("access list %s: %w", s.path, err)
	}
	for _, id := range c.Users {
		s.users[id] = true
	}
	for _, id := range c.Chats {
		s.chats[id] = true
	}
	for _, id := range c.Revoked {
		s.revoked[id] = true
	}
	for _, id := range c.Hosted {
		s.hosted[id] = true
	}
	return s, nil
}

// allowed reports whether user may use the bot in chat (0: no chat, as
// for inline queries).
func (s *accessSet) allowed(user, chat int64) bool {
	if s.public || s.admins[user] {
		return true
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return (s.users[user] && !s.revoked[user]) || (chat != 0 && s.chats[chat] && !s.revoked[chat])
}

func (s *accessSet) admin(user int64) bool { return s.admins[user] }

func (s *accessSet) adminIDs() []int64 { return setIDs(s.admins) }

// allow lets id in: a user, or a group (a negative ID).
func (s *accessSet) allow(id int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if id < 0 {
		s.chats[id] = true
	} else {
		s.users[id] = true
	}
	delete(s.revoked, id)
	return s.saveLocked()
}

// revoke lets id out, whether configured or added. It reports whether id
// was allowed.
func (s *accessSet) revoke(id int64) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	was := (s.users[id] || s.chats[id]) && !s.revoked[id]
	s.revoked[id] = true
	delete(s.hosted, id)
	return was, s.saveLocked()
}

// host records that an allowed user brought the bot into group chat.
func (s *accessSet) host(chat int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.hosted[chat] {
		return nil
	}
	s.hosted[chat] = true
	return s.saveLocked()
}

func (s *accessSet) unhost(chat int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.hosted[chat] {
		return nil
	}
	delete(s.hosted, chat)
	return s.saveLocked()
}

func (s *accessSet) isHosted(chat int64) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.hosted[chat]
}

// lists returns the users and chats allowed now, and the revoked.
func (s *accessSet) lists() (users, chats, revoked []int64) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for id := range s.users {
		if !s.revoked[id] {
			users = append(users, id)
		}
	}
	for id := range s.chats {
		if !s.revoked[id] {
			chats = append(chats, id)
		}
	}
	slices.Sort(users)
	slices.Sort(chats)
	return users, chats, setIDs(s.revoked)
}

// saveLocked writes the whole state to the file, atomically (a crash
// leaves the old file or the new one). The configured lists are written
// too: harmless, and the file then says who is allowed.
func (s *accessSet) saveLocked() error {
	if s.path == "" {
		return nil
	}
	c := accessChanges{Users: setIDs(s.users), Chats: setIDs(s.chats), Revoked: setIDs(s.revoked), Hosted: setIDs(s.hosted)}
	data, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return fmt.Errorf("access list: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(s.path), accessFileName+".*")
	if err != nil {
		return fmt.Errorf("access list: %w", err)
	}
	_, werr := tmp.Write(append(data, '\n'))
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("access list: %w", err)
	}
	if err := os.Rename(tmp.Name(), s.path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("access list: %w", err)
	}
	return nil
}

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
