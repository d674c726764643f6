package socket

import (
	"context"
	"encoding/json"
	"net"
	"os"
	"strings"
	"testing"

	"github.com/reportbot/reportbot/answer"
	"github.com/reportbot/reportbot/corpus"
	"github.com/reportbot/reportbot/index"
)

func testEngine(t *testing.T) *answer.Engine {
	t.Helper()
	ix, err := index.OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	raw, err := corpus.ReadBytes("泰安_2023-07_工业运行.txt", []byte("泰安市工业运行情况\n时间:2023-07-03 来源:某日报\n1-5月,全市工业投资同比增长12.5%,高于全省3.2个百分点。\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Put(corpus.Process(raw, corpus.Options{})); err != nil {
		t.Fatal(err)
	}
	return answer.New(ix)
}

func TestAskThroughSocket(t *testing.T) {
	dir := t.TempDir()
	// A socket left by a holder that died is replaced.
	stale, err := net.Listen("unix", Path(dir))
	if err != nil {
		t.Skipf("unix sockets: %v", err)
	}
	stale.(*net.UnixListener).SetUnlinkOnClose(false)
	stale.Close()

	srv, err := Listen(dir, testEngine(t), "test server")
	if err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(Path(dir)); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("socket mode %v (%v), want 0600", st.Mode().Perm(), err)
	}
	cl, err := Dial(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for range 2 { // several requests on one connection
		resp, err := cl.Ask(ctx, Request{Question: "泰安工业投资增速", N: 1})
		if err != nil {
			t.Fatal(err)
		}
		var res answer.Result
		if err := json.Unmarshal(resp.Result, &res); err != nil || !resp.Answered || len(res.Answers) != 1 || res.Answers[0].Value != "12.5" ||
			!strings.Contains(resp.Text, "12.5%") || resp.Server != "test server" {
			t.Errorf("response %+v (%v)", resp, err)
		}
	}
	resp, err := cl.Ask(ctx, Request{Question: "泰安工业投资增速", N: -1})
	if err != nil || !strings.Contains(resp.Error, "bad request") {
		t.Errorf("a bad request: %+v, %v", resp, err)
	}
	cl.Close()

	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(Path(dir)); !os.IsNotExist(err) {
		t.Errorf("socket left behind: %v", err)
	}
	if _, err := Dial(dir); err == nil {
		t.Error("dialled a closed server")
	}
}

// A check is answered through the socket as check would print it, with
// whether a report contradicts a figure.
func TestCheckThroughSocket(t *testing.T) {
	dir := t.TempDir()
	srv, err := Listen(dir, testEngine(t), "test server")
	if err != nil {
		t.Skipf("unix sockets: %v", err)
	}
	defer srv.Close()
	cl, err := Dial(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	resp, err := cl.Ask(context.Background(), Request{Check: "今年1-5月,全市工业投资同比增长15.5%。", Region: "泰安", Date: "2023-07"})
	if err != nil {
		t.Fatal(err)
	}
	var res answer.CheckResult
	if err := json.Unmarshal(resp.Result, &res); err != nil || !resp.Contradicted || len(res.Figures) != 1 ||
		res.Figures[0].Verdict != answer.Contradicted || !strings.Contains(resp.Text, "15.5%✗(报告为12.5%)") {
		t.Errorf("check response %+v (%v)", resp, err)
	}
}
