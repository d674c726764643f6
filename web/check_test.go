package web

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/reportbot/reportbot/answer"
)

// testDraft states one figure of testReports as the report does (12.5%),
// one with another number (the report says 8.1%), and one no report
// states.
const testDraft = "今年1-5月,泰安市工业投资同比增长12.5%,规上工业增加值同比增长9.1%。\n泰安市全市进出口总额增长7.7%。"

var formHeader = http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}

func checkForm(text, region, date string) *strings.Reader {
	return strings.NewReader(url.Values{"text": {text}, "region": {region}, "date": {date}}.Encode())
}

func TestCheckPageMarksEachFigure(t *testing.T) {
	s := testServer(t, Config{})
	res, body := do(t, s, http.MethodPost, "/check", formHeader, checkForm(testDraft, "", "2023-07"))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d:\n%s", res.StatusCode, body)
	}
	mustContain(t, "check page", body,
		"3个数字</strong>", "1个相符", "1个不符", "1个未能核实",
		// each figure of the draft marked, linked to its source below
		`<a class="fig ok" id="m1" href="#f1"`, `<span class="claimed">12.5%</span>`,
		`<a class="fig bad" id="m2" href="#f2"`, `<span class="claimed">9.1%</span>`, `<span class="said">报告为8.1%</span>`,
		`<a class="fig open" id="m3" href="#f3"`, `<span class="claimed">7.7%</span>`,
		// the sources: the report's sentence with its figure marked, where it is, its full text
		`<li class="verdict ok" id="f1">`, "全市工业投资同比增长<mark>12.5%</mark>",
		`<li class="verdict bad" id="f2">`, "全市规上工业增加值同比增长<mark>8.1%</mark>",
		"报告为 <strong>8.1%</strong>",
		"泰安市工业运行情况", "2023-07-03", "测试日报", "泰安_2023-07_工业运行.txt",
		"/report/"+reportID("reports/泰安_2023-07_工业运行.txt")+"/text?s=2#s2",
		`<li class="verdict open" id="f3">`, "进出口总额",
		// the draft stays in the form, to be corrected and checked again
		">今年1-5月,泰安市工业投资同比增长12.5%", `value="2023-07"`,
		`<a href="/check" aria-current="page">核对</a>`,
	)
	// The text between the marks is the draft's, in order.
	plain := regexp.MustCompile(`<span class="vmark"[^>]*>[^<]*</span>|<span class="said">[^<]*</span>|<[^>]+>`).
		ReplaceAllString(between(body, `<div class="claim">`, `</div>`), "")
	if plain != testDraft {
		t.Errorf("the draft as marked reads %q", plain)
	}
}

// between is the part of s after the first start and before the next end.
func between(s, start, end string) string {
	_, after, ok := strings.Cut(s, start)
	if !ok {
		return ""
	}
	in, _, _ := strings.Cut(after, end)
	return in
}

func TestCheckPageWithoutFigures(t *testing.T) {
	s := testServer(t, Config{})
	res, body := get(t, s, "/check?"+url.Values{"q": {"全市上下聚力工业发展"}}.Encode())
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	mustContain(t, "check page", body, "没有读到可核对的数字")
}

func TestCheckPageEmptyForm(t *testing.T) {
	s := testServer(t, Config{})
	res, body := get(t, s, "/check")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	mustContain(t, "empty check page", body, `<form class="check" action="/check#result" method="post">`, `<textarea id="text" name="text"`)
	if strings.Contains(body, `class="summary"`) || strings.Contains(body, `role="alert"`) {
		t.Errorf("an empty form shows a result or an error")
	}
}

func TestCheckRegionAndDate(t *testing.T) {
	s := testServer(t, Config{})
	// The draft names no region: the field gives it.
	_, body := do(t, s, http.MethodPost, "/check", formHeader, checkForm("今年1-5月,全市规上工业增加值同比增长9.1%。", "泰安", "2023-07"))
	mustContain(t, "region from the form", body, `<a class="fig bad"`, "报告为8.1%")
}

// A statement typed into the search box is checked; ?as=question asks it.
func TestSearchBoxStatementIsChecked(t *testing.T) {
	s := testServer(t, Config{})
	stated := "泰安1-5月工业投资同比增长12.5%"
	res, _ := get(t, s, ask(stated))
	want := "/check?" + url.Values{"q": {stated}}.Encode()
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != want {
		t.Fatalf("statement: %d → %q, want %q", res.StatusCode, res.Header.Get("Location"), want)
	}
	res, body := get(t, s, want)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("check: %d", res.StatusCode)
	}
	mustContain(t, "checked statement", body, `<a class="fig ok"`, "按问题查询", "as=question")
	if res, _ := get(t, s, ask(stated)+"&as=question"); res.StatusCode != http.StatusOK {
		t.Errorf("as=question: %d", res.StatusCode)
	}
	// A question is answered, not checked.
	if res, _ := get(t, s, ask("泰安1-5月工业投资增长多少")); res.StatusCode != http.StatusOK {
		t.Errorf("question: %d", res.StatusCode)
	}
}

// /api/check returns what "reportbot check -json" prints: the engine's
// CheckResult, encoded as check encodes it.
func TestAPICheckIsCheckJSON(t *testing.T) {
	eng := testEngine(t)
	s := testServer(t, Config{Engine: eng})
	want, err := eng.Check(testDraft, answer.CheckOptions{Date: "2023-07"})
	if err != nil {
		t.Fatal(err)
	}
	var wantBody bytes.Buffer
	enc := json.NewEncoder(&wantBody)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(want); err != nil {
		t.Fatal(err)
	}
	jsonBody, _ := json.Marshal(map[string]string{"text": testDraft, "date": "2023-07"})
	for _, tc := range []struct {
		name   string
		method string
		target string
		header http.Header
		body   string
	}{
		{"GET", http.MethodGet, "/api/check?" + url.Values{"q": {testDraft}, "date": {"2023-07"}}.Encode(), nil, ""},
		{"POST form", http.MethodPost, "/api/check", formHeader, url.Values{"text": {testDraft}, "date": {"2023-07"}}.Encode()},
		{"POST JSON", http.MethodPost, "/api/check", http.Header{"Content-Type": {"application/json; charset=utf-8"}}, string(jsonBody)},
	} {
		res, body := do(t, s, tc.method, tc.target, tc.header, strings.NewReader(tc.body))
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
			t.Errorf("%s: %d %s: %s", tc.name, res.StatusCode, res.Header.Get("Content-Type"), body)
			continue
		}
		if body != wantBody.String() {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, body, wantBody.String())
		}
	}
	if !want.Contradicted() || want.Count(answer.Confirmed) != 1 {
		t.Errorf("the test draft should have one confirmed and one contradicted figure: %+v", want)
	}
}

func TestBadDrafts(t *testing.T) {
	s := testServer(t, Config{})
	long := strings.Repeat("全市工业投资同比增长12.5%。", MaxDraftBytes/30+1) // over MaxDraftBytes
	huge := strings.Repeat("增", maxCheckBodyBytes)                 // over the body limit
	for _, tc := range []struct {
		name   string
		method string
		target string
		header http.Header
		body   string
		status int
		says   string
	}{
		{"empty GET", http.MethodGet, "/api/check?q=", nil, "", 400, "请粘贴"},
		{"blank form", http.MethodPost, "/api/check", formHeader, "text=+%0A+", 400, "请粘贴"},
		{"empty JSON", http.MethodPost, "/api/check", http.Header{"Content-Type": {"application/json"}}, `{"text": ""}`, 400, "请粘贴"},
		{"bad JSON", http.MethodPost, "/api/check", http.Header{"Content-Type": {"application/json"}}, `{"text": `, 400, "JSON"},
		{"two JSON", http.MethodPost, "/api/check", http.Header{"Content-Type": {"application/json"}}, `{"text": "a"} {}`, 400, "JSON"},
		{"too long", http.MethodPost, "/api/check", formHeader, url.Values{"text": {long}}.Encode(), 413, "文字太长"},
		{"too long GET", http.MethodGet, "/api/check?" + url.Values{"q": {strings.Repeat("5%", MaxDraftBytes/2+1)}}.Encode(), nil, "", 413, "文字太长"},
		{"body over the limit", http.MethodPost, "/api/check", formHeader, url.Values{"text": {huge}}.Encode(), 413, "文字太长"},
		{"bad date", http.MethodPost, "/api/check", formHeader, "text=x&date=July", 400, "YYYY-MM"},
		{"long region", http.MethodPost, "/api/check", formHeader, "text=x&region=" + strings.Repeat("泰", 30), 400, "地区太长"},
		{"not UTF-8", http.MethodGet, "/api/check?q=%ff%fe", nil, "", 400, "UTF-8"},
		{"other body", http.MethodPost, "/api/check", http.Header{"Content-Type": {"text/plain"}}, "x", 415, "表单或 JSON"},
		{"wrong method", http.MethodPut, "/api/check", formHeader, "text=x", 405, "not allowed"},
	} {
		res, body := do(t, s, tc.method, tc.target, tc.header, strings.NewReader(tc.body))
		wantJSONError(t, res, body, tc.status)
		if !strings.Contains(body, tc.says) {
			t.Errorf("%s: %s, want it to say %q", tc.name, body, tc.says)
		}
	}
	// The page says the same, as a page, with the form to try again.
	res, body := do(t, s, http.MethodPost, "/check", formHeader, checkForm(long, "", ""))
	if res.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, "文字太长") || !strings.Contains(body, `<textarea`) {
		t.Errorf("too long a draft on the page: %d", res.StatusCode)
	}
	if strings.Contains(body, "12.5%。全市") {
		t.Errorf("too long a draft is put back into the form")
	}
	res, _ = do(t, s, http.MethodPost, "/check", formHeader, checkForm("", "", ""))
	if res.StatusCode != http.StatusBadRequest {
		t.Errorf("empty draft on the page: %d", res.StatusCode)
	}
	res, _ = do(t, s, http.MethodDelete, "/check", nil, nil)
	if res.StatusCode != http.StatusMethodNotAllowed || res.Header.Get("Allow") != "GET, POST" {
		t.Errorf("DELETE /check: %d, Allow %q", res.StatusCode, res.Header.Get("Allow"))
	}
}

func TestCheckNeedsTheToken(t *testing.T) {
	s := testServer(t, Config{Token: testToken})
	form := url.Values{"text": {testDraft}}.Encode()
	for _, tc := range []struct {
		name   string
		header http.Header
		status int
	}{
		{"no token", formHeader, http.StatusUnauthorized},
		{"bad token", http.Header{"Content-Type": formHeader["Content-Type"], "Authorization": {"Bearer not-the-token-at-all"}}, http.StatusUnauthorized},
		{"bad cookie", http.Header{"Content-Type": formHeader["Content-Type"], "Cookie": {cookieName + "=0123"}}, http.StatusUnauthorized},
		{"token", http.Header{"Content-Type": formHeader["Content-Type"], "Authorization": {"Bearer " + testToken}}, http.StatusOK},
	} {
		for _, path := range []string{"/check", "/api/check"} {
			res, body := do(t, s, http.MethodPost, path, tc.header, strings.NewReader(form))
			if res.StatusCode != tc.status {
				t.Errorf("%s, POST %s: %d, want %d", tc.name, path, res.StatusCode, tc.status)
			}
			if tc.status == http.StatusUnauthorized {
				wantJSONError(t, res, body, tc.status)
			}
		}
	}
	// A browser without the cookie is sent to log in.
	res, _ := get(t, s, "/check")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/login?next=%2Fcheck") {
		t.Errorf("GET /check without the cookie: %d → %q", res.StatusCode, res.Header.Get("Location"))
	}
}

// A form posted from another site's page is refused, cookie or not.
func TestCheckRefusesOtherSites(t *testing.T) {
	s := testServer(t, Config{})
	for _, h := range []http.Header{
		{"Sec-Fetch-Site": {"cross-site"}},
		{"Origin": {"https://evil.example"}},
	} {
		h.Set("Content-Type", "application/x-www-form-urlencoded")
		res, _ := do(t, s, http.MethodPost, "/check", h, checkForm(testDraft, "", ""))
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("%v: %d, want 403", h, res.StatusCode)
		}
	}
	// The page's own form: same origin (and Origin: null, as a
	// no-referrer page sends it).
	h := http.Header{"Sec-Fetch-Site": {"same-origin"}, "Origin": {"null"}, "Content-Type": {"application/x-www-form-urlencoded"}}
	if res, _ := do(t, s, http.MethodPost, "/check", h, checkForm(testDraft, "", "")); res.StatusCode != http.StatusOK {
		t.Errorf("same origin: %d", res.StatusCode)
	}
}

func TestPhoneChart(t *testing.T) {
	s := testServer(t, Config{})
	_, body := get(t, s, ask("泰安工业投资增速走势"))
	mustContain(t, "trend page", body, `<source media="(max-width: 40rem)" srcset="/chart.png?q=`, "&amp;w=phone")
	res, body := get(t, s, "/chart.png?"+url.Values{"q": {"泰安工业投资增速走势"}, "w": {"huge"}}.Encode())
	wantJSONError(t, res, body, http.StatusBadRequest)
}

func FuzzReadDraft(f *testing.F) {
	f.Add("q=今年1-5月全市工业投资增长12.5%", "", "text=x&date=2023-07")
	f.Add("q=%ff", "application/json", `{"text":"增长5%","region":"泰安"}`)
	f.Add("", "application/x-www-form-urlencoded", "text=&region=")
	f.Fuzz(func(t *testing.T, query, contentType, body string) {
		for _, method := range []string{http.MethodGet, http.MethodPost} {
			r, err := http.NewRequest(method, "/api/check?"+query, strings.NewReader(body))
			if err != nil {
				return
			}
			r.Header.Set("Content-Type", contentType)
			d, err := readDraft(r)
			if err != nil {
				if s := statusOf(err); s < 400 || s > 499 {
					t.Errorf("status %d for %v", s, err)
				}
				continue
			}
			if d.Text == "" || len(d.Text) > MaxDraftBytes || (d.Date != "" && !checkDate.MatchString(d.Date)) {
				t.Errorf("draft accepted: %+v", d)
			}
		}
	})
}

func BenchmarkCheckPage(b *testing.B) {
	s := testServer(b, Config{})
	form := url.Values{"text": {testDraft}, "date": {"2023-07"}}.Encode()
	for b.Loop() {
		res, _ := do(b, s, http.MethodPost, "/check", formHeader, strings.NewReader(form))
		if res.StatusCode != http.StatusOK {
			b.Fatal(res.StatusCode)
		}
	}
}
