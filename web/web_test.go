package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/reportbot/reportbot/answer"
	"github.com/reportbot/reportbot/index"
	"github.com/reportbot/reportbot/ingest"
)

// testReports are reports written for these tests: two years of one
// city (a trend, other periods), a second city (a comparison), and a
// title that tries to inject markup.
var testReports = fstest.MapFS{
	"泰安_2023-07_工业运行.txt": {Data: []byte("泰安市工业运行情况\n时间:2023-07-03 来源:测试日报\n" +
		"今年以来,全市上下聚力工业发展。1-5月,全市工业投资同比增长12.5%,高于全省3.2个百分点。\n" +
		"全市规上工业增加值同比增长8.1%,增速居全省第3位。\n")},
	"泰安_2022-08_工业运行.txt": {Data: []byte("泰安市上半年工业运行\n时间:2022-08-02 来源:测试日报\n" +
		"上半年,全市工业投资同比增长9.4%。\n")},
	"济南_2023-07_工业运行.txt": {Data: []byte("济南市工业运行情况\n时间:2023-07-05 来源:https://news.example.org/%E6%B5%8E%E5%8D%97/1.html\n" +
		"1-5月,全市工业投资同比增长6.4%。\n")},
	"德州_2023-06_经济运行.txt": {Data: []byte("德州市<script>alert(1)</script>经济运行\n时间:2023-06-01 来源:测试<b>晚报</b>\n" +
		"1-4月,全市固定资产投资同比增长5.5%。\n")},
}

// testEngine is an engine over testReports in memory.
func testEngine(t testing.TB) *answer.Engine {
	t.Helper()
	ix, err := index.OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ingest.New(ix).AddFS(context.Background(), testReports, "reports/"); err != nil {
		t.Fatal(err)
	}
	return answer.New(ix)
}

func testServer(t testing.TB, cfg Config) *Server {
	t.Helper()
	if cfg.Engine == nil {
		cfg.Engine = testEngine(t)
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// get sends one request to s and returns the response and its body.
func do(t testing.TB, s http.Handler, method, target string, header http.Header, body io.Reader) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	for k, vs := range header {
		req.Header[k] = vs
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	res := rec.Result()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func get(t testing.TB, s http.Handler, target string) (*http.Response, string) {
	t.Helper()
	return do(t, s, http.MethodGet, target, nil, nil)
}

func ask(q string) string { return "/?" + url.Values{"q": {q}}.Encode() }

func mustContain(t *testing.T, what, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, body)
		}
	}
}

func wantJSONError(t *testing.T, res *http.Response, body string, status int) {
	t.Helper()
	if res.StatusCode != status {
		t.Errorf("status %d, want %d: %s", res.StatusCode, status, body)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q, want JSON", ct)
	}
	var e apiError
	if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error == "" || e.Status != status {
		t.Errorf("error body %q: %v", body, err)
	}
}

func TestSearchPageShowsTheAnswer(t *testing.T) {
	s := testServer(t, Config{})
	res, body := get(t, s, ask("泰安工业投资增速"))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d:\n%s", res.StatusCode, body)
	}
	mustContain(t, "answer page", body,
		`<span class="value">12.5%</span>`, // the figure, large
		"工业投资 增速", "泰安市", "2023年1-5月",
		"全市工业投资同比增长<mark>12.5%</mark>,高于全省3.2个百分点。", // the sentence, figure marked
		"泰安市工业运行情况", "2023-07-03", "测试日报", "泰安_2023-07_工业运行.txt", "第1段",
		"原文", "/report/"+reportID("reports/泰安_2023-07_工业运行.txt")+"/text?s=2#s2",
		"更多结果", "9.4%", // the same indicator in the other report
		`<input id="q" name="q" type="search" value="泰安工业投资增速"`,
	)
	if ct := res.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
}

func TestOtherPeriodsLeaveOutMoreResults(t *testing.T) {
	s := testServer(t, Config{})
	_, body := get(t, s, ask("泰安工业投资增速"))
	if n := strings.Count(body, `<span class="bvalue">9.4%</span>`); n != 1 {
		t.Errorf("9.4%% is listed %d times, want once (更多结果, not again in 其他时期)", n)
	}
	_, body = get(t, s, ask("泰安工业投资增速")+"&n=1")
	mustContain(t, "one answer", body, "其他时期", "9.4%")
	if strings.Contains(body, "<h2>更多结果</h2>") {
		t.Errorf("更多结果 with n=1")
	}
}

func TestSearchPageParagraph(t *testing.T) {
	s := testServer(t, Config{})
	_, body := get(t, s, ask("泰安工业投资增速"))
	// The whole paragraph, the answer's sentence marked.
	mustContain(t, "原文", body, "今年以来,全市上下聚力工业发展。<mark class=\"sent\">1-5月,全市工业投资同比增长12.5%")
}

func TestStartPage(t *testing.T) {
	s := testServer(t, Config{})
	res, body := get(t, s, "/")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	mustContain(t, "start page", body, `<form class="ask" action="/" method="get"`, "可以这样问", "已索引 4 份报告")
}

func TestCompareAndTrend(t *testing.T) {
	s := testServer(t, Config{})
	for _, tc := range []struct{ q, heading string }{
		{"泰安和济南工业投资增速对比", "对比"},
		{"泰安工业投资增速走势", "走势"},
	} {
		res, body := get(t, s, ask(tc.q))
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: status %d", tc.q, res.StatusCode)
		}
		mustContain(t, tc.q, body, `<table class="rows">`, tc.heading, "12.5%",
			`<img src="/chart.png?q=`+url.QueryEscape(tc.q)+`"`)
		res, png := get(t, s, "/chart.png?"+url.Values{"q": {tc.q}}.Encode())
		if res.StatusCode == http.StatusInternalServerError && os.Getenv("CI") != "true" {
			t.Logf("no chart font on this machine (apt-get install fonts-wqy-microhei): %s", png)
			continue
		}
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "image/png" || !strings.HasPrefix(png, "\x89PNG") {
			t.Errorf("%s chart: status %d, %s, %d bytes", tc.q, res.StatusCode, res.Header.Get("Content-Type"), len(png))
		}
	}
}

func TestChartOfASingleAnswerIsNotFound(t *testing.T) {
	s := testServer(t, Config{})
	res, body := get(t, s, "/chart.png?q="+url.QueryEscape("泰安工业投资增速"))
	wantJSONError(t, res, body, http.StatusNotFound)
	res, body = get(t, s, "/chart.png")
	wantJSONError(t, res, body, http.StatusBadRequest)
}

func TestNotFoundShowsTheClosestSentences(t *testing.T) {
	s := testServer(t, Config{})
	res, body := get(t, s, ask("泰安工业投资增速2019年"))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	mustContain(t, "not found", body, "未找到确定的答案", "最接近的句子", "工业投资")
	if strings.Contains(body, `class="value"`) {
		t.Errorf("a figure is shown for a question without an answer:\n%s", body)
	}
}

func TestBadQuestions(t *testing.T) {
	s := testServer(t, Config{})
	long := strings.Repeat("泰安工业投资增速", 10<<10/len("泰安工业投资增速")+1)
	for _, tc := range []struct {
		name, query, want string
	}{
		{"empty", "q=", "请输入问题"},
		{"blank", "q=+++", "请输入问题"},
		{"10 KB", "q=" + url.QueryEscape(long), "问题太长"},
		{"n zero", "q=" + url.QueryEscape("泰安工业投资增速") + "&n=0", "n 应是"},
		{"n huge", "q=" + url.QueryEscape("泰安工业投资增速") + "&n=1000000", "n 应是"},
		{"n word", "q=" + url.QueryEscape("泰安工业投资增速") + "&n=abc", "n 应是"},
		{"not UTF-8", "q=%ff%fe", "UTF-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, body := get(t, s, "/?"+tc.query)
			if res.StatusCode != http.StatusBadRequest {
				t.Errorf("page: status %d, want 400", res.StatusCode)
			}
			mustContain(t, "page", body, tc.want, `<form class="ask"`)
			if strings.Contains(body, long[:60]) {
				t.Errorf("the long question is echoed back")
			}
			res, body = get(t, s, "/api/ask?"+tc.query)
			wantJSONError(t, res, body, http.StatusBadRequest)
			mustContain(t, "API", body, tc.want)
		})
	}
	res, body := get(t, s, "/api/ask")
	wantJSONError(t, res, body, http.StatusBadRequest)
}

// TestAPIAskIsAskJSON checks that /api/ask returns, byte for byte, what
// "reportbot ask -json" prints (answer.WriteJSON) for the same question.
func TestAPIAskIsAskJSON(t *testing.T) {
	eng := testEngine(t)
	s := testServer(t, Config{Engine: eng})
	for _, tc := range []struct {
		q    string
		opt  answer.Options
		args string
	}{
		{"泰安工业投资增速", answer.Options{N: 3}, ""},
		{"泰安工业投资增速", answer.Options{N: 1, Explain: true}, "&n=1&explain=true"},
		{"泰安和济南工业投资增速对比", answer.Options{N: 3}, ""},
		{"泰安火星产量", answer.Options{N: 3}, ""},
	} {
		res, body := get(t, s, "/api/ask?q="+url.QueryEscape(tc.q)+tc.args)
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/json; charset=utf-8" {
			t.Fatalf("%s: status %d, %s", tc.q, res.StatusCode, res.Header.Get("Content-Type"))
		}
		r, err := eng.Respond(tc.q, tc.opt)
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := answer.WriteJSON(&want, r); err != nil {
			t.Fatal(err)
		}
		if body != want.String() {
			t.Errorf("%s:\n got %s\nwant %s", tc.q, body, want.String())
		}
	}
}

func TestAPIReports(t *testing.T) {
	s := testServer(t, Config{})
	list := func(query string) []reportView {
		t.Helper()
		res, body := get(t, s, "/api/reports"+query)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d: %s", res.StatusCode, body)
		}
		var out struct{ Reports []reportView }
		if err := json.Unmarshal([]byte(body), &out); err != nil {
			t.Fatal(err)
		}
		return out.Reports
	}
	all := list("")
	if len(all) != 4 {
		t.Fatalf("%d reports, want 4: %+v", len(all), all)
	}
	if all[0].Date != "2023-07-05" || all[0].Region != "济南市" || all[0].Figures == 0 || all[0].ID == "" {
		t.Errorf("first (newest) report: %+v", all[0])
	}
	if got := list("?region=" + url.QueryEscape("泰安市")); len(got) != 2 {
		t.Errorf("泰安市: %d reports, want 2", len(got))
	}
	if got := list("?year=2022"); len(got) != 1 || got[0].Date != "2022-08-02" {
		t.Errorf("2022: %+v", got)
	}
	if got := list("?region=" + url.QueryEscape("火星市")); got == nil || len(got) != 0 {
		t.Errorf("unknown region: %+v, want an empty list", got)
	}
}

func TestReportsPage(t *testing.T) {
	s := testServer(t, Config{})
	res, body := get(t, s, "/reports?year=2023")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	mustContain(t, "reports", body, "3 份(共 4 份)", "泰安市工业运行情况", "news.example.org", `<option value="2023" selected>`)
	if strings.Contains(body, "泰安市上半年工业运行") {
		t.Errorf("a 2022 report in the 2023 list")
	}
	// The title and source that carry markup are shown as text.
	if strings.Contains(body, "<script>alert") || strings.Contains(body, "<b>晚报") {
		t.Errorf("markup from a report reached the page:\n%s", body)
	}
	mustContain(t, "reports", body, "&lt;script&gt;alert(1)&lt;/script&gt;")
}

func TestReportPages(t *testing.T) {
	s := testServer(t, Config{})
	id := reportID("reports/泰安_2023-07_工业运行.txt")
	res, body := get(t, s, "/report/"+id)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	mustContain(t, "report page", body, "泰安市工业运行情况", "2023-07-03", "测试日报",
		"<td class=\"num\">12.5%", "工业投资", "2023年1-5月", "<td class=\"num\">第3位", "排名",
		"/report/"+id+"/text?s=2#s2")

	res, body = get(t, s, "/report/"+id+"/text?s=2")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("text: status %d", res.StatusCode)
	}
	mustContain(t, "full text", body, `<span id="s2" class="marked">1-5月,全市工业投资同比增长<mark>12.5%</mark>`, `<span id="s1">今年以来`)

	for _, tc := range []struct {
		path   string
		status int
	}{
		{"/report/0123456789abcdef", http.StatusNotFound},
		{"/report/0123456789abcdef/text", http.StatusNotFound},
		{"/report/" + id + "/text?s=abc", http.StatusBadRequest},
		{"/report/" + id + "/text?s=-1", http.StatusBadRequest},
		{"/report/..%2f..%2fetc%2fpasswd", http.StatusNotFound},
		{"/nowhere", http.StatusNotFound},
	} {
		res, body := get(t, s, tc.path)
		if res.StatusCode != tc.status {
			t.Errorf("%s: status %d, want %d", tc.path, res.StatusCode, tc.status)
		}
		mustContain(t, tc.path, body, `role="alert"`)
	}
	res, body = get(t, s, "/api/nowhere")
	wantJSONError(t, res, body, http.StatusNotFound)
}

func TestWrongMethod(t *testing.T) {
	s := testServer(t, Config{})
	for _, path := range []string{"/api/ask?q=x", "/api/reports", "/", "/reports", "/chart.png?q=x"} {
		res, body := do(t, s, http.MethodPost, path, nil, strings.NewReader("x"))
		if res.StatusCode != http.StatusMethodNotAllowed || res.Header.Get("Allow") != "GET" {
			t.Errorf("POST %s: status %d, Allow %q", path, res.StatusCode, res.Header.Get("Allow"))
		}
		if strings.HasPrefix(path, "/api/") {
			wantJSONError(t, res, body, http.StatusMethodNotAllowed)
		}
	}
	res, _ := do(t, s, http.MethodDelete, "/login", nil, nil)
	if res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("DELETE /login: %d", res.StatusCode)
	}
	res, body := do(t, s, http.MethodHead, ask("泰安工业投资增速"), nil, nil)
	if res.StatusCode != http.StatusOK || body != "" {
		t.Errorf("HEAD: %d, %d bytes", res.StatusCode, len(body))
	}
}

func TestSecurityHeaders(t *testing.T) {
	s := testServer(t, Config{Token: "0123456789abcdef-token"})
	for _, path := range []string{"/", "/login", "/api/ask?q=x", "/static/style.css", "/nowhere"} {
		res, _ := get(t, s, path)
		h := res.Header
		csp := h.Get("Content-Security-Policy")
		if !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("X-Frame-Options") != "DENY" || h.Get("Referrer-Policy") != "no-referrer" {
			t.Errorf("%s: headers %v", path, h)
		}
	}
	// The page has no inline script or style for the CSP to block.
	_, body := get(t, testServer(t, Config{}), ask("泰安工业投资增速"))
	if strings.Contains(body, "<script>") || strings.Contains(body, "style=") || strings.Contains(body, "<style") {
		t.Errorf("inline script or style in the page")
	}
}

func TestStaticFiles(t *testing.T) {
	s := testServer(t, Config{})
	res, body := get(t, s, "/static/style.css")
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/css") {
		t.Fatalf("style.css: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	// A CJK font on every platform the page is read on.
	for _, font := range []string{"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "sans-serif"} {
		mustContain(t, "style.css", body, font)
	}
	if res, _ := get(t, s, "/static/app.js"); res.StatusCode != http.StatusOK {
		t.Errorf("app.js: %d", res.StatusCode)
	}
	if res, _ := get(t, s, "/static/nothing.css"); res.StatusCode != http.StatusNotFound {
		t.Errorf("missing static file: %d", res.StatusCode)
	}
}

const testToken = "correct-horse-battery-staple"

func TestTokenRequired(t *testing.T) {
	s := testServer(t, Config{Token: testToken})
	q := ask("泰安工业投资增速")

	// A browser without the cookie is sent to the login form.
	res, _ := get(t, s, q)
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/login?next=") {
		t.Fatalf("no cookie: %d → %q", res.StatusCode, res.Header.Get("Location"))
	}
	res, body := get(t, s, "/login?next="+url.QueryEscape(q))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("login form: %d", res.StatusCode)
	}
	mustContain(t, "login form", body, `<form class="login" action="/login" method="post">`, `type="password"`)

	// A program gets 401 JSON, with no token or a wrong one.
	for _, auth := range []string{"", "Bearer wrong-token-0123456789", "Basic " + testToken, "Bearer"} {
		h := http.Header{}
		if auth != "" {
			h.Set("Authorization", auth)
		}
		res, body := do(t, s, http.MethodGet, "/api/ask?q=x", h, nil)
		wantJSONError(t, res, body, http.StatusUnauthorized)
		if strings.Contains(body, testToken) {
			t.Errorf("the token is in a response")
		}
	}
	res, body = do(t, s, http.MethodGet, "/api/ask?q="+url.QueryEscape("泰安工业投资增速"), http.Header{"Authorization": {"Bearer " + testToken}}, nil)
	if res.StatusCode != http.StatusOK || !strings.Contains(body, `"value":"12.5"`) {
		t.Errorf("bearer: %d %s", res.StatusCode, body)
	}

	// A wrong token in the form is refused.
	form := func(token, next string) *http.Response {
		h := http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}
		res, _ := do(t, s, http.MethodPost, "/login", h, strings.NewReader(url.Values{"token": {token}, "next": {next}}.Encode()))
		return res
	}
	if res := form("wrong", q); res.StatusCode != http.StatusUnauthorized || len(res.Cookies()) != 0 {
		t.Errorf("wrong token: %d, cookies %v", res.StatusCode, res.Cookies())
	}
	// The right one sets the cookie and goes back to the question.
	res = form(testToken, q)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != q {
		t.Fatalf("login: %d → %q", res.StatusCode, res.Header.Get("Location"))
	}
	cookies := res.Cookies()
	if len(cookies) != 1 || !cookies[0].HttpOnly || cookies[0].SameSite != http.SameSiteStrictMode || strings.Contains(cookies[0].Value, testToken) {
		t.Fatalf("cookie: %+v", cookies)
	}
	res, body = do(t, s, http.MethodGet, q, http.Header{"Cookie": {cookies[0].String()}}, nil)
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "12.5%") {
		t.Errorf("with the cookie: %d", res.StatusCode)
	}
	// A forged cookie is not a session.
	res, _ = do(t, s, http.MethodGet, q, http.Header{"Cookie": {cookieName + "=" + testToken}}, nil)
	if res.StatusCode != http.StatusSeeOther {
		t.Errorf("forged cookie: %d", res.StatusCode)
	}
	// After login the browser never leaves the site.
	if res := form(testToken, "//evil.example/x"); res.Header.Get("Location") != "/" {
		t.Errorf("next=//evil.example: → %q", res.Header.Get("Location"))
	}
	// An oversized form is refused.
	big := strings.NewReader("token=" + strings.Repeat("a", 10<<10))
	res, _ = do(t, s, http.MethodPost, "/login", http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}, big)
	if res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("10 KB form: %d", res.StatusCode)
	}
}

func TestShortTokenIsRefused(t *testing.T) {
	if _, err := New(Config{Engine: testEngine(t), Token: "short"}); err == nil {
		t.Error("a 5-character token was accepted")
	}
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:8080": true, "[::1]:8080": true, "127.1.2.3:80": true,
		":8080": false, "0.0.0.0:8080": false, "[::]:8080": false, "192.168.1.5:8080": false,
		"example.org:80": false, "127.0.0.1": false, "": false,
	} {
		if got := IsLoopback(addr); got != want {
			t.Errorf("IsLoopback(%q) = %v, want %v", addr, got, want)
		}
	}
}

func TestListenBeyondLoopbackNeedsAToken(t *testing.T) {
	s := testServer(t, Config{})
	if _, err := s.Listen("0.0.0.0:0"); !errors.Is(err, ErrNeedToken) {
		t.Errorf("err = %v, want ErrNeedToken", err)
	}
	ln, err := s.Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ln.Close()
}

// TestServeOverTCP runs the real server on loopback: timeouts set, pages
// served, and a clean stop.
func TestServeOverTCP(t *testing.T) {
	s := testServer(t, Config{})
	ln, err := s.Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	res, err := http.Get("http://" + ln.Addr().String() + "/api/ask?q=" + url.QueryEscape("泰安工业投资增速"))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.Contains(string(body), "12.5") {
		t.Errorf("status %d: %s", res.StatusCode, body)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Serve: %v", err)
	}
}

// TestBusyEngine checks that requests wait a bounded time for the engine
// and are then answered 503, and that a request that gives up does not
// keep its turn.
func TestBusyEngine(t *testing.T) {
	s := testServer(t, Config{MaxConcurrent: 1, EngineTimeout: 20 * time.Millisecond})
	s.gate <- struct{}{} // another request holds the only turn
	res, body := get(t, s, "/api/ask?q="+url.QueryEscape("泰安工业投资增速"))
	wantJSONError(t, res, body, http.StatusServiceUnavailable)
	if res.Header.Get("Retry-After") == "" {
		t.Error("no Retry-After")
	}
	res, _ = get(t, s, ask("泰安工业投资增速"))
	if res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("page: %d", res.StatusCode)
	}
	<-s.gate

	// Work that outlasts the deadline: the request is answered at once,
	// and the turn comes back when the work ends.
	release := make(chan struct{})
	err := s.withEngine(context.Background(), func() error { <-release; return nil })
	if !errors.Is(err, errBusy) {
		t.Errorf("err = %v, want errBusy", err)
	}
	close(release)
	s.gate <- struct{}{} // blocks until the slow work gave its turn back
	<-s.gate
	if res, _ := get(t, s, "/api/ask?q="+url.QueryEscape("泰安工业投资增速")); res.StatusCode != http.StatusOK {
		t.Errorf("after the slow work: %d", res.StatusCode)
	}
}

func TestSafeNext(t *testing.T) {
	for next, want := range map[string]string{
		"":                  "/",
		"/?q=1":             "/?q=1",
		"/reports":          "/reports",
		"//evil.example":    "/",
		"/\\evil.example":   "/",
		"https://evil.test": "/",
		"/login?next=/":     "/",
		"javascript:alert":  "/",
	} {
		if got := safeNext(next); got != want {
			t.Errorf("safeNext(%q) = %q, want %q", next, got, want)
		}
	}
}

func TestSiteNames(t *testing.T) {
	for source, want := range map[string]string{
		"中华泰山网":                        "中华泰山网",
		"https://news.example.org/a/b": "news.example.org",
		"http://x.cn/%E6%B3%B0":        "x.cn",
		"":                             "",
	} {
		if got := siteName(source); got != want {
			t.Errorf("siteName(%q) = %q, want %q", source, got, want)
		}
	}
	if got := readableURL("http://x.cn/%E6%B3%B0%E5%AE%89"); got != "http://x.cn/泰安" {
		t.Errorf("readableURL = %q", got)
	}
}

func FuzzSafeNext(f *testing.F) {
	for _, s := range []string{"/", "//x", "/\\x", "/?q=泰安", "http://x", "/login"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, next string) {
		got := safeNext(next)
		if !strings.HasPrefix(got, "/") || strings.HasPrefix(got, "//") || strings.HasPrefix(got, "/\\") {
			t.Errorf("safeNext(%q) = %q leaves the site", next, got)
		}
	})
}

func FuzzReadQuestion(f *testing.F) {
	for _, s := range []string{"q=泰安工业投资增速", "q=", "q=%ff", "q=x&n=3", "n=-1&q=y", "q=" + strings.Repeat("a", 300)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, rawQuery string) {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.URL.RawQuery = rawQuery
		q, n, err := readQuestion(r)
		if err != nil {
			return
		}
		if q == "" || len([]rune(q)) > MaxQuestionRunes || n < 1 || n > maxAnswers {
			t.Errorf("readQuestion(%q) = %q, %d", rawQuery, q, n)
		}
	})
}

func BenchmarkAnswerPage(b *testing.B) {
	s := testServer(b, Config{})
	target := ask("泰安工业投资增速")
	for b.Loop() {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d", rec.Code)
		}
	}
}

func TestFollowUp(t *testing.T) {
	s := testServer(t, Config{})
	_, body := get(t, s, ask("泰安工业投资增速"))
	mustContain(t, "answer page", body, `<input type="hidden" name="prev" value="泰安工业投资增速">`)

	res, body := get(t, s, "/?"+url.Values{"q": {"济南呢?"}, "prev": {"泰安工业投资增速"}}.Encode())
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	mustContain(t, "follow-up", body, "接上题", `<span class="value">6.4%</span>`, "济南市",
		`<input type="hidden" name="prev" value="济南工业投资增速`)

	res, body = get(t, s, "/api/ask?"+url.Values{"q": {"济南呢?"}, "prev": {"泰安工业投资增速"}}.Encode())
	if res.StatusCode != http.StatusOK || !strings.Contains(body, `"value":"6.4"`) {
		t.Errorf("API follow-up: %d %s", res.StatusCode, body)
	}
	// Without the previous question it is no question of an indicator.
	_, body = get(t, s, ask("济南呢?"))
	if strings.Contains(body, `class="value"`) {
		t.Errorf("济南呢? alone was answered:\n%s", body)
	}
}

func TestTokenGuessesAreLimited(t *testing.T) {
	s := testServer(t, Config{Token: testToken})
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	s.guesses.now = func() time.Time { return at }
	login := func(token string) int {
		h := http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}
		res, _ := do(t, s, http.MethodPost, "/login", h, strings.NewReader(url.Values{"token": {token}}.Encode()))
		return res.StatusCode
	}
	for i := 0; i < maxGuesses; i++ {
		if got := login("wrong-guess-0123456789"); got != http.StatusUnauthorized {
			t.Fatalf("guess %d: %d", i, got)
		}
	}
	// Now even the right token waits for the next minute, and so does a
	// program's bearer.
	if got := login(testToken); got != http.StatusTooManyRequests {
		t.Errorf("after %d wrong guesses: %d, want 429", maxGuesses, got)
	}
	res, body := do(t, s, http.MethodGet, "/api/reports", http.Header{"Authorization": {"Bearer " + testToken}}, nil)
	wantJSONError(t, res, body, http.StatusUnauthorized)
	at = at.Add(time.Minute)
	if got := login(testToken); got != http.StatusSeeOther {
		t.Errorf("a minute later: %d, want 303", got)
	}
}
