package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/reportbot/reportbot/answer"
	"github.com/reportbot/reportbot/chart"
)

// questionError is a question that cannot be asked, with what to tell the
// reader.
type questionError struct{ msg string }

func (e questionError) Error() string { return e.msg }

// readQuestion takes the question and the number of answers of a request.
// A missing, blank or overlong question and a bad n are the asker's
// mistakes (400), said in the page's language.
func readQuestion(r *http.Request) (q string, n int, err error) {
	q = strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		return "", 0, questionError{"请输入问题,例如“泰安工业投资增速”"}
	}
	if !utf8.ValidString(q) {
		return "", 0, questionError{"问题不是有效的 UTF-8 文字"}
	}
	if c := utf8.RuneCountInString(q); c > MaxQuestionRunes {
		return "", 0, questionError{fmt.Sprintf("问题太长(%d 字,最多 %d 字):请只写地区、指标和时期", c, MaxQuestionRunes)}
	}
	n = 3
	if v := r.URL.Query().Get("n"); v != "" {
		n, err = strconv.Atoi(v)
		if err != nil || n < 1 || n > maxAnswers {
			return "", 0, questionError{fmt.Sprintf("n 应是 1 到 %d 之间的数", maxAnswers)}
		}
	}
	return q, n, nil
}

// readPrev is the previous question of a follow-up (济南呢? after
// 泰安工业投资增速), from ?prev=; "" when there is none or it cannot be one.
func readPrev(r *http.Request) string {
	prev := strings.TrimSpace(r.URL.Query().Get("prev"))
	if !utf8.ValidString(prev) || utf8.RuneCountInString(prev) > MaxQuestionRunes {
		return ""
	}
	return prev
}

// answerView is one answer as the page shows it.
type answerView struct {
	answer.Answer
	ValueText string
	Indicator string
	// Modality is 目标 or 预计 for a target or a forecast.
	Modality string
	Quote    []answer.Segment
	FileName string
	// TextURL opens the report's full text at the answer's sentence.
	TextURL string
	// ReportURL is the report's page; empty when it has left the index.
	ReportURL string
	// SourceShown is the source, a web address unescaped; SourceLink is
	// set when it is one.
	SourceShown string
	SourceLink  string
	// Where is the one-line source of a further answer.
	Where string
}

func (s *Server) answerView(a answer.Answer, ids map[string]string) answerView {
	v := answerView{Answer: a, ValueText: a.ValueText(), Indicator: a.IndicatorText(),
		Quote: a.Quote(0), FileName: filepath.Base(a.File), SourceShown: readableURL(a.Source)}
	if strings.HasPrefix(a.Source, "http://") || strings.HasPrefix(a.Source, "https://") {
		v.SourceLink = a.Source
	}
	v.Where = whereLine(a.Title, a.Date, siteName(a.Source), a.File, a.Paragraph)
	switch a.Modality {
	case "target":
		v.Modality = "目标"
	case "forecast":
		v.Modality = "预计"
	}
	if id := ids[a.File]; id != "" {
		v.ReportURL = "/report/" + id
		v.TextURL = sentenceURL(id, a.SentenceNo)
	}
	return v
}

func sentenceURL(id string, sentence int) string {
	return fmt.Sprintf("/report/%s/text?s=%d#s%d", id, sentence, sentence)
}

// relatedView is a sentence close to a question.
type relatedView struct {
	answer.Related
	Quote   []answer.Segment
	Where   string
	TextURL string
}

// whereLine names where a sentence is: title (or file), date, site,
// paragraph; a title is cut to 40 characters.
func whereLine(title, date, site, file string, para int) string {
	name := title
	if name == "" {
		name = filepath.Base(file)
	}
	if r := []rune(name); len(r) > 40 {
		name = string(r[:40]) + "…"
	}
	parts := []string{name}
	for _, p := range []string{date, site} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if para > 0 {
		parts = append(parts, fmt.Sprintf("第%d段", para))
	}
	return strings.Join(parts, " · ")
}

// rowView is one row of a comparison or a trend.
type rowView struct {
	Label string
	Note  string
	// Answer is nil for a row without a figure.
	Answer *answerView
	// Other is the period of a comparison's row, the region of a trend's.
	Other  string
	Source string
}

// searchView is the search page.
type searchView struct {
	Q string
	// Asked is the question answered: Q itself, or the whole question a
	// follow-up stands for (Followed).
	Asked    string
	Followed bool
	Error    string
	Result   *answer.Result
	Compare  bool
	Trend    bool
	Main     *answerView
	More     []answerView
	Others   []answerView
	Para     []sentenceView
	Related  []relatedView
	Rows     []rowView
	ChartURL string
	// PhoneChartURL is the chart drawn for a phone's narrow screen.
	PhoneChartURL string
	ChartAlt      string
	// MoreURL asks again for more answers, when there may be more.
	MoreURL  string
	Examples []string
	Stats    answer.Stats
}

// sentenceView is a sentence of a paragraph or of a full text.
type sentenceView struct {
	No   int
	Text string
	Mark bool
	// Segments, when set, mark figures inside the sentence.
	Segments []answer.Segment
}

// search is the start page and the answer page.
func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	view := searchView{}
	if _, asked := r.URL.Query()["q"]; !asked {
		view.Examples = s.examples(r.Context())
		view.Stats = s.eng.Stats()
		s.render(w, r, http.StatusOK, "search", layoutView{Title: "reportbot", Nav: "search", Page: view})
		return
	}
	q, n, err := readQuestion(r)
	view.Q = strings.TrimSpace(r.URL.Query().Get("q"))
	if utf8.RuneCountInString(view.Q) > MaxQuestionRunes {
		view.Q = "" // not put back into the box
	}
	if err != nil {
		view.Error = err.Error()
		view.Examples = s.examples(r.Context())
		s.render(w, r, http.StatusBadRequest, "search", layoutView{Title: "reportbot", Nav: "search", Q: view.Q, Page: view})
		return
	}
	// A statement of figures (泰安1-5月工业投资增长31.9%) pasted into the
	// search box is checked rather than answered, as the bot does: the
	// reader wants to know whether it is true, and an answer to it would
	// only restate one figure. ?as=question asks it all the same.
	if r.URL.Query().Get("as") != "question" && answer.StatesFigures(q) {
		http.Redirect(w, r, "/check?"+url.Values{"q": {q}}.Encode(), http.StatusSeeOther)
		return
	}
	prev := readPrev(r)
	err = s.withEngine(r.Context(), func() error {
		asked, followed := s.eng.FollowUp(prev, q)
		res, err := s.eng.Respond(asked, answer.Options{N: n})
		if err != nil {
			return err
		}
		view.Result, view.Asked, view.Followed = &res, asked, followed
		ids := s.reportIDs()
		switch {
		case (res.Mode == answer.ModeCompare || res.Mode == answer.ModeTrend) && len(res.Answers) > 0:
			s.rows(&view, res, ids, asked)
		case len(res.Answers) > 0:
			main := s.answerView(res.Answers[0], ids)
			view.Main = &main
			for _, a := range res.Answers[1:] {
				view.More = append(view.More, s.answerView(a, ids))
			}
			if len(res.Answers) >= n && n < maxAnswers {
				view.MoreURL = "/?" + url.Values{"q": {asked}, "n": {strconv.Itoa(min(n+7, maxAnswers))}}.Encode()
			}
			// 原文: the paragraph around the figure. Without it the answer
			// still stands, with its link to the full text.
			if sents, err := s.eng.Paragraph(main.File, main.Paragraph); err == nil {
				for _, st := range sents {
					view.Para = append(view.Para, sentenceView{No: st.Index, Text: st.Text, Mark: st.Index == main.SentenceNo})
				}
			}
			// 其他时期 leaves out what 更多结果 shows already.
			shown := map[string]bool{}
			for _, a := range res.Answers {
				shown[figureKey(a)] = true
			}
			if others, err := s.eng.OtherPeriods(res); err == nil {
				for _, a := range others {
					if !shown[figureKey(a)] {
						view.Others = append(view.Others, s.answerView(a, ids))
					}
				}
			}
		}
		for _, rel := range res.Related {
			rv := relatedView{Related: rel, Quote: answer.Highlight(rel.SourceText, res.Understood.Indicator),
				Where: whereLine(rel.Title, rel.Date, siteName(rel.Source), rel.File, rel.Paragraph)}
			if id := ids[rel.File]; id != "" {
				rv.TextURL = sentenceURL(id, rel.SentenceNo)
			}
			view.Related = append(view.Related, rv)
		}
		return nil
	})
	if err != nil {
		s.engineFailed(w, r, err)
		return
	}
	view.Compare = view.Result.Mode == answer.ModeCompare && len(view.Rows) > 0
	view.Trend = view.Result.Mode == answer.ModeTrend && len(view.Rows) > 0
	// The next question may follow up this one, or, when this one got no
	// answer, still the one before.
	next := prev
	if len(view.Result.Answers) > 0 {
		next = view.Asked
	}
	s.render(w, r, http.StatusOK, "search", layoutView{Title: q + " · reportbot", Nav: "search", Q: q, Prev: next, Page: view})
}

// rows fills the table (and the chart's address) of a comparison or a
// trend.
func (s *Server) rows(view *searchView, res answer.Result, ids map[string]string, q string) {
	for _, row := range res.Rows {
		rv := rowView{Label: row.Label, Note: row.Note}
		if row.Answer != nil {
			av := s.answerView(*row.Answer, ids)
			rv.Answer = &av
			rv.Other = row.Answer.Period
			if res.Mode == answer.ModeTrend {
				rv.Other = row.Answer.Region
			}
			rv.Source = whereLine(row.Answer.Title, row.Answer.Date, siteName(row.Answer.Source), row.Answer.File, row.Answer.Paragraph)
		}
		view.Rows = append(view.Rows, rv)
	}
	if c, err := chart.FromResult(res); err == nil {
		view.ChartURL = "/chart.png?" + url.Values{"q": {q}}.Encode()
		view.PhoneChartURL = "/chart.png?" + url.Values{"q": {q}, "w": {"phone"}}.Encode()
		kind := "柱状图"
		if c.Kind == chart.Line {
			kind = "折线图"
		}
		parts := make([]string, len(c.Labels))
		for i := range c.Labels {
			parts[i] = fmt.Sprintf("%s %s%s", c.Labels[i], strconv.FormatFloat(c.Values[i], 'f', -1, 64), c.Unit)
		}
		view.ChartAlt = kind + ":" + strings.Join(parts, ",")
	}
}

// figureKey names the figure an answer gives: its value in its sentence.
func figureKey(a answer.Answer) string {
	return fmt.Sprintf("%s#%d#%s%s", a.File, a.SentenceNo, a.Value, a.Unit)
}

// engineFailed answers a request whose engine call failed or timed out.
func (s *Server) engineFailed(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, errBusy) {
		w.Header().Set("Retry-After", "2")
		s.fail(w, r, http.StatusServiceUnavailable, "服务器正忙,请稍后再试")
		return
	}
	s.log.Error("web: engine", "path", r.URL.Path, "err", err)
	s.fail(w, r, http.StatusInternalServerError, "查询失败,请稍后再试")
}

// examples are the start page's example questions. They cost up to 60
// questions, so they are kept until the index changes.
func (s *Server) examples(ctx context.Context) []string {
	st := s.eng.Stats()
	key := fmt.Sprintf("%d/%d/%s", st.Files, st.Figures, st.LastIndexed)
	s.exMu.Lock()
	defer s.exMu.Unlock()
	if s.exKey == key && s.exList != nil {
		return s.exList
	}
	var list []string
	if err := s.withEngine(ctx, func() error { list = s.eng.Examples(ctx, 4); return nil }); err != nil {
		return nil
	}
	if ctx.Err() == nil {
		s.exKey, s.exList = key, list
	}
	return list
}

// chart draws a comparison or a trend as PNG.
func (s *Server) chart(w http.ResponseWriter, r *http.Request) {
	q, _, err := readQuestion(r)
	if err != nil {
		writeError(w, r, http.StatusBadRequest, err.Error())
		return
	}
	// The phone's variant is square and smaller, with labels as large in
	// points: shrunk to a phone's width, they stay readable.
	width, height := chart.Width, chart.Height
	switch r.URL.Query().Get("w") {
	case "":
	case "phone":
		width, height = chart.PhoneWidth, chart.PhoneHeight
	default:
		writeError(w, r, http.StatusBadRequest, "w 只能是 phone(手机上的尺寸)或不写")
		return
	}
	var png []byte
	err = s.withEngine(r.Context(), func() error {
		res, err := s.eng.Respond(q, answer.Options{N: 3})
		if err != nil {
			return err
		}
		c, err := chart.FromResult(res)
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := chart.RenderSize(&buf, c, width, height); err != nil {
			return err
		}
		png = buf.Bytes()
		return nil
	})
	switch {
	case errors.Is(err, chart.ErrNoChart):
		writeError(w, r, http.StatusNotFound, "这个问题没有图表:只有对比和走势才有")
		return
	case err != nil:
		s.engineFailed(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "image/png")
	h.Set("Cache-Control", "private, max-age=300")
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(png)
	}
}

// reportID is a report's name in addresses: short, stable while the
// file stays where it is, and revealing nothing of the machine's folders.
func reportID(path string) string {
	sum := sha256.Sum256([]byte(path))
	return hex.EncodeToString(sum[:8])
}

// reportIDs maps each indexed file to its ID.
func (s *Server) reportIDs() map[string]string {
	ids := map[string]string{}
	for _, f := range s.eng.Files() {
		ids[f.Path] = reportID(f.Path)
	}
	return ids
}

// findReport is the indexed report of an ID.
func (s *Server) findReport(id string) (answer.FileInfo, bool) {
	for _, f := range s.eng.Files() {
		if reportID(f.Path) == id {
			return f, true
		}
	}
	return answer.FileInfo{}, false
}
