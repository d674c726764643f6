package bot

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Feedback is a 👍 or 👎 given to an answer, kept for the admins in
// FeedbackFileName in the state folder (by default the index's), one JSON
// object a line.
type Feedback struct {
	Time     time.Time `json:"time"`
	User     int64     `json:"user"`
	Chat     int64     `json:"chat"`
	Helpful  bool      `json:"helpful"` // 👍
	Question string    `json:"question"`
	// Answer is the first answer's headline (31.9% · 工业投资 增速 · …);
	// empty when nothing was found.
	Answer    string `json:"answer,omitempty"`
	File      string `json:"file,omitempty"`
	Paragraph int    `json:"paragraph,omitempty"`
}

// FeedbackFileName is the feedback file in the state folder.
const FeedbackFileName = "feedback.jsonl"

// ReadFeedback returns the feedback kept in dir (the index folder unless
// the bot was given another state folder), oldest first; none when there
// is no file yet. A line that does not decode (a write cut short by a
// crash) is skipped.
func ReadFeedback(dir string) ([]Feedback, error) {
	f, err := os.Open(filepath.Join(dir, FeedbackFileName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("feedback: %w", err)
	}
	defer f.Close()
	var out []Feedback
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		var fb Feedback
		if json.Unmarshal(sc.Bytes(), &fb) == nil {
			out = append(out, fb)
		}
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("feedback: %w", err)
	}
	return out, nil
}

// String is one feedback on a line, for a terminal.
func (f Feedback) String() string {
	vote := "👎"
	if f.Helpful {
		vote = "👍"
	}
	s := fmt.Sprintf("%s %s user %d: %s", f.Time.Format("2006-01-02 15:04"), vote, f.User, f.Question)
	if f.Answer != "" {
		s += " → " + f.Answer
	}
	if f.File != "" {
		s += fmt.Sprintf(" (%s 第%d段)", filepath.Base(f.File), f.Paragraph)
	}
	return s
}

// feedbackLog appends feedback to the file; with no folder it only logs.
type feedbackLog struct {
	path string
	mu   sync.Mutex
}

func newFeedbackLog(dir string) *feedbackLog {
	if dir == "" {
		return &feedbackLog{}
	}
	return &feedbackLog{path: filepath.Join(dir, FeedbackFileName)}
}

func (l *feedbackLog) add(fb Feedback) error {
	if l.path == "" {
		return nil
	}
	data, err := json.Marshal(fb)
	if err != nil {
		return fmt.Errorf("feedback: %w", err)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	f, err := os.OpenFile(l.path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return fmt.Errorf("feedback: %w", err)
	}
	_, werr := f.Write(append(data, '\n'))
	if err := errors.Join(werr, f.Close()); err != nil {
		return fmt.Errorf("feedback: %w", err)
	}
	return nil
}
