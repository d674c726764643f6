// Package socket lets a process that holds an index for writing (the bot,
// or "reportbot index") answer questions for other processes on the same
// machine: they cannot open the index while it is written (bolt allows a
// writer or readers, not both), so "reportbot ask" sends its questions to
// the holder instead.
//
// The holder listens on a unix socket in the index directory (Path), made
// readable and writable by its own user only, so the file permissions say
// who may ask, as they say who may read the index. The protocol is one JSON
// Request per line, each answered by one JSON Response line, any number on
// one connection. Answers come from the same answer.Engine the holder
// uses, so they are what its users get.
package socket

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/reportbot/reportbot/answer"
)

// Name is the socket's file name inside the index directory.
const Name = "ask.sock"

// Path is the socket of the index in dir.
func Path(dir string) string { return filepath.Join(dir, Name) }

// Limits of the server: a connection is one local user's command, so a
// few at a time are plenty, and none may hold the server forever.
const (
	maxConns       = 8
	maxRequestSize = 64 << 10
	idleTimeout    = 30 * time.Second
)

// Request is one question.
type Request struct {
	Question string `json:"question"`
	// N is the most answers wanted; 0 means the engine's default.
	N int `json:"n,omitempty"`
	// Explain asks for the score terms (Result.Why, and in Text).
	Explain bool `json:"explain,omitempty"`
	// Check, when set, is a text whose figures are checked (answer.Check)
	// instead of a question; Region and Date are its defaults.
	Check  string `json:"check,omitempty"`
	Region string `json:"region,omitempty"`
	Date   string `json:"date,omitempty"`
}

// Response is the answer to one Request: the Result as JSON (exactly what
// "ask -json" prints) and as text (what "ask" prints), or an error.
type Response struct {
	Result json.RawMessage `json:"result,omitempty"`
	Text   string          `json:"text,omitempty"`
	// Answered says whether the result has any answer, for the exit
	// status of ask.
	Answered bool `json:"answered"`
	// Contradicted says, for a check, whether a report contradicts a
	// figure, for the exit status of check.
	Contradicted bool   `json:"contradicted,omitempty"`
	Error        string `json:"error,omitempty"`
	// Server names the process that answered, for the user to know.
	Server string `json:"server,omitempty"`
}

// Server answers Requests on a unix socket.
type Server struct {
	ln     net.Listener
	path   string
	eng    *answer.Engine
	name   string
	slots  chan struct{}
	wg     sync.WaitGroup
	closed chan struct{}
	once   sync.Once
}

// Listen starts answering on Path(dir) with eng. name describes the
// process in every response ("reportbot serve, pid 123"). A socket file
// left behind by a holder that died is replaced: the caller holds the
// index's write lock, so no other holder is alive.
func Listen(dir string, eng *answer.Engine, name string) (*Server, error) {
	path := Path(dir)
	if st, err := os.Lstat(path); err == nil && st.Mode()&fs.ModeSocket != 0 {
		_ = os.Remove(path)
	}
	ln, err := net.Listen("unix", path)
	if err != nil {
		return nil, fmt.Errorf("answer socket %s: %w", path, err)
	}
	// Server.Close removes the file once the connections are done.
	ln.(*net.UnixListener).SetUnlinkOnClose(false)
	// Only this user may ask. Before the chmod, another user could only
	// have asked what the index files themselves (0644) tell them.
	if err := os.Chmod(path, 0o600); err != nil {
		ln.Close()
		os.Remove(path)
		return nil, fmt.Errorf("answer socket %s: %w", path, err)
	}
	s := &Server{ln: ln, path: path, eng: eng, name: name, slots: make(chan struct{}, maxConns), closed: make(chan struct{})}
	s.wg.Add(1)
	go s.accept()
	return s, nil
}

// Close stops listening, waits for the connections being answered, and
// removes the socket file.
func (s *Server) Close() error {
	var err error
	s.once.Do(func() {
		close(s.closed)
		err = s.ln.Close()
		s.wg.Wait()
		if rmErr := os.Remove(s.path); rmErr != nil && !errors.Is(rmErr, fs.ErrNotExist) && err == nil {
			err = rmErr
		}
	})
	return err
}

func (s *Server) accept() {
	defer s.wg.Done()
	for {
		c, err := s.ln.Accept()
		if err != nil {
			select {
			case <-s.closed:
				return
			default:
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				continue
			}
			return
		}
		select {
		case s.slots <- struct{}{}:
		default:
			c.SetWriteDeadline(time.Now().Add(time.Second))
			writeResponse(c, Response{Error: "busy: too many questions at once, try again", Server: s.name})
			c.Close()
			continue
		}
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			defer func() { <-s.slots }()
			s.serve(c)
		}()
	}
}

// serve answers the requests of one connection until it closes, stays
// idle too long, or the server closes.
func (s *Server) serve(c net.Conn) {
	defer c.Close()
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case <-s.closed:
			c.SetDeadline(time.Now()) // unblock the read below
		case <-done:
		}
	}()
	sc := bufio.NewScanner(c)
	sc.Buffer(make([]byte, 0, 4096), maxRequestSize)
	for {
		c.SetReadDeadline(time.Now().Add(idleTimeout))
		if !sc.Scan() {
			if errors.Is(sc.Err(), bufio.ErrTooLong) {
				writeResponse(c, Response{Error: fmt.Sprintf("request longer than %d bytes", maxRequestSize), Server: s.name})
			}
			return
		}
		c.SetWriteDeadline(time.Now().Add(idleTimeout))
		if err := writeResponse(c, s.answer(sc.Bytes())); err != nil {
			return
		}
	}
}

func (s *Server) answer(line []byte) Response {
	resp := Response{Server: s.name}
	var req Request
	if err := json.Unmarshal(line, &req); err != nil {
		resp.Error = fmt.Sprintf("bad request: %v", err)
		return resp
	}
	if req.N < 0 {
		resp.Error = "bad request: n must not be negative"
		return resp
	}
	if req.Check != "" {
		return s.check(req, resp)
	}
	res, err := s.eng.Respond(req.Question, answer.Options{N: req.N, Explain: req.Explain})
	if err != nil {
		resp.Error = err.Error()
		return resp
	}
	var js bytes.Buffer
	if err := answer.WriteJSON(&js, res); err != nil {
		resp.Error = err.Error()
		return resp
	}
	var text bytes.Buffer
	answer.WriteText(&text, res)
	if req.Explain {
		fmt.Fprintln(&text)
		answer.WriteExplanation(&text, res)
	}
	resp.Result = bytes.TrimSpace(js.Bytes())
	resp.Text = text.String()
	resp.Answered = len(res.Answers) > 0
	return resp
}

// check checks the figures of a text, as "check" would.
func (s *Server) check(req Request, resp Response) Response {
	res, err := s.eng.Check(req.Check, answer.CheckOptions{Region: req.Region, Date: req.Date})
	if err != nil {
		resp.Error = err.Error()
		return resp
	}
	var js bytes.Buffer
	if err := answer.WriteJSON(&js, res); err != nil {
		resp.Error = err.Error()
		return resp
	}
	var text bytes.Buffer
	answer.WriteCheck(&text, res)
	resp.Result = bytes.TrimSpace(js.Bytes())
	resp.Text = text.String()
	resp.Answered = len(res.Figures) > 0
	resp.Contradicted = res.Contradicted()
	return resp
}

func writeResponse(w io.Writer, r Response) error {
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// Client asks a Server.
type Client struct {
	c  net.Conn
	rd *bufio.Reader
}

// Dial connects to the socket of the index in dir. It fails at once when
// no process listens there.
func Dial(dir string) (*Client, error) {
	c, err := net.DialTimeout("unix", Path(dir), 2*time.Second)
	if err != nil {
		return nil, err
	}
	return &Client{c: c, rd: bufio.NewReader(c)}, nil
}

// Ask sends one request and waits for its response. An error is a failure
// to talk to the server; Response.Error is the server's answer that it
// could not answer.
func (cl *Client) Ask(ctx context.Context, req Request) (Response, error) {
	var resp Response
	stop := context.AfterFunc(ctx, func() { cl.c.SetDeadline(time.Now()) })
	defer stop()
	b, err := json.Marshal(req)
	if err != nil {
		return resp, err
	}
	if _, err := cl.c.Write(append(b, '\n')); err != nil {
		return resp, fmt.Errorf("answer socket: %w", err)
	}
	line, err := cl.rd.ReadBytes('\n')
	if ctx.Err() != nil {
		return resp, ctx.Err()
	}
	if err != nil {
		return resp, fmt.Errorf("answer socket: %w", err)
	}
	if err := json.Unmarshal(line, &resp); err != nil {
		return resp, fmt.Errorf("answer socket: bad response: %w", err)
	}
	return resp, nil
}

// Close ends the connection.
func (cl *Client) Close() error { return cl.c.Close() }
