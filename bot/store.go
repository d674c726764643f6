package bot

import (
	"container/list"
	"crypto/rand"
	"encoding/base64"
	"sync"
	"time"

	"github.com/reportbot/reportbot/answer"
)

// A session is what a button refers to. Telegram gives a button at most
// 64 bytes of callback data, far too little for a result, so the result
// stays here and the button carries its key.
type session struct {
	key     string
	chat    int64
	created time.Time

	// question and result are set for an answer message.
	question string
	result   answer.Result
	// others are the first answer's other periods (其他时期), found when
	// the answer was given: the button is shown only when there are some.
	others []answer.Answer
	// voted are the users who gave 👍 or 👎 to the answer: once each.
	// (A session is used by one chat, whose updates run one at a time.)
	voted map[int64]bool
	// title and list are set for a list of answers (更多结果, 其他时期).
	title string
	list  []answer.Answer
	// query is set for /search; its pages are searched again (a search
	// takes milliseconds, a page of hits kept per message would not be
	// worth its memory).
	query string
}

// answers are the answers a session's 原文 buttons refer to.
func (s *session) answers() []answer.Answer {
	if s.list != nil {
		return s.list
	}
	if isMulti(s.result) {
		return rowAnswers(s.result)
	}
	return s.result.Answers
}

// store keeps sessions, bounded in number (the least recently used go
// first) and in age.
type store struct {
	max int
	ttl time.Duration
	now func() time.Time

	mu   sync.Mutex
	keys map[string]*list.Element // of *session
	lru  *list.List               // front: most recently used
}

func newStore(max int, ttl time.Duration, now func() time.Time) *store {
	return &store{max: max, ttl: ttl, now: now, keys: map[string]*list.Element{}, lru: list.New()}
}

// put stores s under a new key and returns the key.
func (st *store) put(s *session) string {
	st.mu.Lock()
	defer st.mu.Unlock()
	s.created = st.now()
	for {
		s.key = newKey()
		if _, taken := st.keys[s.key]; !taken {
			break
		}
	}
	st.keys[s.key] = st.lru.PushFront(s)
	for st.lru.Len() > st.max {
		st.removeLocked(st.lru.Back())
	}
	return s.key
}

// get returns the session of key, unless it is unknown or expired.
func (st *store) get(key string) (*session, bool) {
	st.mu.Lock()
	defer st.mu.Unlock()
	e, ok := st.keys[key]
	if !ok {
		return nil, false
	}
	s := e.Value.(*session)
	if st.now().Sub(s.created) > st.ttl {
		st.removeLocked(e)
		return nil, false
	}
	st.lru.MoveToFront(e)
	return s, true
}

func (st *store) removeLocked(e *list.Element) {
	delete(st.keys, e.Value.(*session).key)
	st.lru.Remove(e)
}

func (st *store) len() int {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.lru.Len()
}

// newKey is 48 random bits in 8 characters: unguessable enough that a
// stranger cannot page through someone else's results, short enough for
// callback data.
func newKey() string {
	var b [6]byte
	rand.Read(b[:])
	return base64.RawURLEncoding.EncodeToString(b[:])
}
