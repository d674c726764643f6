package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/reportbot/reportbot/answer"
)

// Limits of a draft to check.
const (
	// MaxDraftBytes is the longest draft checked at once: a speech or a
	// briefing of a few pages (about 6,800 Chinese characters). A longer
	// one is refused with a request to check it part by part, rather
	// than held against the engine for long.
	MaxDraftBytes = 20 << 10
	// maxCheckBodyBytes bounds the body of a check: the draft as a form
	// field, where each Chinese character takes nine bytes (%E6%B3%B0),
	// and the region and date.
	maxCheckBodyBytes = 3*MaxDraftBytes + 4<<10
	// maxRegionRunes bounds the region field: the longest names of
	// Chinese regions are about a dozen characters.
	maxRegionRunes = 20
)

// checkDate is the form of the date field: YYYY-MM (or YYYY, YYYY-MM-DD),
// as "reportbot check -date" takes it.
var checkDate = regexp.MustCompile(`^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$`)

// draftError is a draft that cannot be checked, with its status and what
// to tell the reader.
type draftError struct {
	status int
	msg    string
}

func (e draftError) Error() string { return e.msg }

// draft is what a check request asks.
type draft struct {
	Text   string
	Region string
	Date   string
}

// draftRequest is the JSON body of POST /api/check.
type draftRequest struct {
	Text   string `json:"text"`
	Q      string `json:"q"`
	Region string `json:"region"`
	Date   string `json:"date"`
}

// readDraft takes the draft of a request: ?q= (with ?region= and ?date=)
// of a GET, or the fields text (or q), region and date of a POST, as a
// form or as JSON.
func readDraft(r *http.Request) (draft, error) {
	var d draft
	switch r.Method {
	case http.MethodPost:
		ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
		switch ct {
		case "application/json":
			var req draftRequest
			dec := json.NewDecoder(r.Body)
			if err := dec.Decode(&req); err != nil {
				return d, bodyError(err, "JSON 无法读取: 应为 {\"text\": \"…\", \"region\": \"…\", \"date\": \"YYYY-MM\"}")
			}
			if _, err := dec.Token(); err != io.EOF {
				return d, draftError{http.StatusBadRequest, "JSON 之后还有其他内容"}
			}
			d = draft{Text: req.Text, Region: req.Region, Date: req.Date}
			if d.Text == "" {
				d.Text = req.Q
			}
		case "application/x-www-form-urlencoded", "":
			if err := r.ParseForm(); err != nil {
				return d, bodyError(err, "表单无法读取")
			}
			d = draft{Text: r.PostForm.Get("text"), Region: r.PostForm.Get("region"), Date: r.PostForm.Get("date")}
			if d.Text == "" {
				d.Text = r.PostForm.Get("q")
			}
		default:
			return d, draftError{http.StatusUnsupportedMediaType, "请以表单或 JSON 发送要核对的文字"}
		}
	default:
		q := r.URL.Query()
		d = draft{Text: q.Get("q"), Region: q.Get("region"), Date: q.Get("date")}
	}
	d.Text = strings.TrimSpace(strings.ReplaceAll(d.Text, "\r\n", "\n"))
	d.Region = strings.TrimSpace(d.Region)
	d.Date = strings.TrimSpace(d.Date)
	switch {
	case d.Text == "":
		return d, draftError{http.StatusBadRequest, "请粘贴要核对的文字,例如“今年1-5月,全市工业投资同比增长31.9%”"}
	case !utf8.ValidString(d.Text) || !utf8.ValidString(d.Region):
		return d, draftError{http.StatusBadRequest, "文字不是有效的 UTF-8"}
	case len(d.Text) > MaxDraftBytes:
		return d, tooLong(len(d.Text))
	case utf8.RuneCountInString(d.Region) > maxRegionRunes:
		return d, draftError{http.StatusBadRequest, fmt.Sprintf("地区太长(最多 %d 字):只写地名,例如“泰安”", maxRegionRunes)}
	case d.Date != "" && !checkDate.MatchString(d.Date):
		return d, draftError{http.StatusBadRequest, fmt.Sprintf("日期 %q 应写作 YYYY-MM,例如 2023-07", d.Date)}
	}
	return d, nil
}

// tooLong is the error of a draft of n bytes, over MaxDraftBytes.
func tooLong(n int) draftError {
	msg := fmt.Sprintf("文字太长(最多 %d KB,约 %d 个汉字):请分段核对", MaxDraftBytes>>10, MaxDraftBytes/3)
	if n > 0 {
		msg = fmt.Sprintf("文字太长(%.1f KB,最多 %d KB,约 %d 个汉字):请分段核对", float64(n)/1024, MaxDraftBytes>>10, MaxDraftBytes/3)
	}
	return draftError{http.StatusRequestEntityTooLarge, msg}
}

// bodyError tells a body over the limit (413) from one that cannot be
// read (400).
func bodyError(err error, msg string) draftError {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return tooLong(0)
	}
	return draftError{http.StatusBadRequest, msg}
}

// statusOf is the status of a readDraft error.
func statusOf(err error) int {
	var de draftError
	if errors.As(err, &de) {
		return de.status
	}
	return http.StatusBadRequest
}

// checkView is the check page.
type checkView struct {
	draft
	Error   string
	Checked bool
	// Claim is the draft cut at its figures, each figure linked to its
	// entry in Figures.
	Claim   []claimPart
	Figures []checkedView
	Total   int
	Counts  [3]int // confirmed, contradicted, unverified
	// AskURL asks the draft as a question instead, when it came from the
	// search box.
	AskURL string
}

// claimPart is a piece of the draft: plain text, or a checked figure.
type claimPart struct {
	Text   string
	Figure *checkedView
}

// checkedView is one checked figure as the page shows it.
type checkedView struct {
	No int
	// Class is the verdict's style: ok, bad or open.
	Class   string
	Mark    string
	Verdict string
	Claimed string
	// ReportValue is the report's number of a contradicted figure.
	ReportValue string
	Why         string
	LookedFor   string
	// Report is the report figure the verdict rests on; Closest, for an
	// unverified figure, the nearest one that has another meaning.
	Report  *answerView
	Closest *answerView
}

// verdictWords are each verdict's style, mark and name.
var verdictWords = map[answer.Verdict][3]string{
	answer.Confirmed:    {"ok", "✓", "相符"},
	answer.Contradicted: {"bad", "✗", "不符"},
	answer.Unverified:   {"open", "?", "未能核实"},
}

// newCheckView lays out a check for the page.
func (s *Server) newCheckView(d draft, res answer.CheckResult, ids map[string]string) checkView {
	v := checkView{draft: d, Checked: true, Total: len(res.Figures)}
	for i, f := range res.Figures {
		words, ok := verdictWords[f.Verdict]
		if !ok {
			words = verdictWords[answer.Unverified]
		}
		cv := checkedView{No: i + 1, Class: words[0], Mark: words[1], Verdict: words[2],
			Claimed: f.Claimed.Text, Why: f.Why, LookedFor: f.LookedFor}
		switch f.Verdict {
		case answer.Confirmed:
			v.Counts[0]++
		case answer.Contradicted:
			v.Counts[1]++
		default:
			v.Counts[2]++
		}
		if f.Answer != nil {
			av := s.answerView(*f.Answer, ids)
			cv.Report = &av
			if f.Verdict == answer.Contradicted {
				cv.ReportValue = av.ValueText
				if cv.Why == "报告为"+av.ValueText {
					cv.Why = "" // said in the heading already
				}
			}
		}
		if f.Closest != nil {
			av := s.answerView(*f.Closest, ids)
			cv.Closest = &av
		}
		v.Figures = append(v.Figures, cv)
	}
	v.Claim = claimParts(res, v.Figures)
	return v
}

// claimParts cuts the claim at its figures' spans. A span that overlaps
// the one before, or does not fall on character boundaries, is left
// unmarked in the text (the figure is still listed).
func claimParts(res answer.CheckResult, figs []checkedView) []claimPart {
	claim := res.Claim
	var parts []claimPart
	at := 0
	for i, f := range res.Figures {
		sp := f.Claimed.Span
		if sp.Start < at || sp.End > len(claim) || sp.End <= sp.Start ||
			!boundary(claim, sp.Start) || !boundary(claim, sp.End) {
			continue
		}
		if sp.Start > at {
			parts = append(parts, claimPart{Text: claim[at:sp.Start]})
		}
		parts = append(parts, claimPart{Text: claim[sp.Start:sp.End], Figure: &figs[i]})
		at = sp.End
	}
	if at < len(claim) {
		parts = append(parts, claimPart{Text: claim[at:]})
	}
	return parts
}

// boundary reports whether byte i of s starts a character (or ends s).
func boundary(s string, i int) bool {
	return i == len(s) || utf8.RuneStart(s[i])
}

// checkPage is the check page: an empty form (GET), or a draft checked
// (POST, or GET with ?q=, which the search box sends for a statement).
func (s *Server) checkPage(w http.ResponseWriter, r *http.Request) {
	layout := layoutView{Title: "核对 · reportbot", Nav: "check"}
	if _, given := r.URL.Query()["q"]; r.Method != http.MethodPost && !given {
		layout.Page = checkView{}
		s.render(w, r, http.StatusOK, "check", layout)
		return
	}
	d, err := readDraft(r)
	if err != nil {
		view := checkView{draft: d, Error: err.Error()}
		if len(d.Text) > MaxDraftBytes {
			view.Text = "" // not put back: the reader keeps their own copy
		}
		layout.Page = view
		s.render(w, r, statusOf(err), "check", layout)
		return
	}
	var view checkView
	err = s.withEngine(r.Context(), func() error {
		res, err := s.eng.Check(d.Text, answer.CheckOptions{Region: d.Region, Date: d.Date})
		if err != nil {
			return err
		}
		view = s.newCheckView(d, res, s.reportIDs())
		return nil
	})
	if err != nil {
		s.engineFailed(w, r, err)
		return
	}
	if r.Method != http.MethodPost && utf8.RuneCountInString(d.Text) <= MaxQuestionRunes {
		view.AskURL = "/?" + url.Values{"q": {d.Text}, "as": {"question"}}.Encode()
	}
	layout.Page = view
	s.render(w, r, http.StatusOK, "check", layout)
}

// apiCheck checks a draft (?q= of a GET, or a POST as a form or JSON)
// and returns exactly the object "reportbot check -json" prints for it.
func (s *Server) apiCheck(w http.ResponseWriter, r *http.Request) {
	d, err := readDraft(r)
	if err != nil {
		writeError(w, r, statusOf(err), err.Error())
		return
	}
	var res answer.CheckResult
	err = s.withEngine(r.Context(), func() error {
		checked, err := s.eng.Check(d.Text, answer.CheckOptions{Region: d.Region, Date: d.Date})
		res = checked
		return err
	})
	if err != nil {
		s.engineFailed(w, r, err)
		return
	}
	writeJSON(w, r, http.StatusOK, res)
}
