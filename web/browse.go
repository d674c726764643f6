package web

import (
	"bytes"
	"net/http"
	"net/url"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/reportbot/reportbot/answer"
	"github.com/reportbot/reportbot/corpus"
)

// reportView is one indexed report in the list.
type reportView struct {
	ID        string `json:"id"`
	Path      string `json:"path"`
	Title     string `json:"title,omitempty"`
	Region    string `json:"region,omitempty"`
	Date      string `json:"date,omitempty"`
	Source    string `json:"source,omitempty"`
	Sentences int    `json:"sentences"`
	Figures   int    `json:"figures"`
	// FileName is shown where a report has no title.
	FileName string `json:"-"`
	// Site is the source as the list shows it: a web address by its
	// host alone.
	Site string `json:"-"`
}

func newReportView(f answer.FileInfo) reportView {
	return reportView{ID: reportID(f.Path), Path: f.Path, Title: f.Title, Region: f.Region.Name, Date: f.Date,
		Source: f.Source, Sentences: f.Sentences, Figures: f.Figures, FileName: filepath.Base(f.Path), Site: siteName(f.Source)}
}

// reportFilter is the region and year a list of reports is narrowed to.
type reportFilter struct {
	Region, Year string
}

func readFilter(r *http.Request) reportFilter {
	q := r.URL.Query()
	return reportFilter{Region: strings.TrimSpace(q.Get("region")), Year: strings.TrimSpace(q.Get("year"))}
}

// reportYear is the year of a report's date (2023-07-03, 2024-05), ""
// when it has none.
func reportYear(date string) string {
	if len(date) >= 4 {
		if _, err := strconv.Atoi(date[:4]); err == nil {
			return date[:4]
		}
	}
	return ""
}

// listReports is every indexed report that passes the filter, newest
// first (the engine's order).
func (s *Server) listReports(f reportFilter) []reportView {
	out := []reportView{}
	for _, fi := range s.eng.Files() {
		if f.Region != "" && fi.Region.Name != f.Region || f.Year != "" && reportYear(fi.Date) != f.Year {
			continue
		}
		out = append(out, newReportView(fi))
	}
	return out
}

// reportsView is the browse page.
type reportsView struct {
	Filter  reportFilter
	Regions []string
	Years   []string
	Reports []reportView
	Total   int
}

// reports lists the indexed reports, filtered by region and year.
func (s *Server) reports(w http.ResponseWriter, r *http.Request) {
	f := readFilter(r)
	view := reportsView{Filter: f, Regions: s.eng.Regions(), Reports: s.listReports(f)}
	years := map[string]bool{}
	for _, fi := range s.eng.Files() {
		view.Total++
		if y := reportYear(fi.Date); y != "" {
			years[y] = true
		}
	}
	for y := range years {
		view.Years = append(view.Years, y)
	}
	sort.Sort(sort.Reverse(sort.StringSlice(view.Years)))
	s.render(w, r, http.StatusOK, "reports", layoutView{Title: "报告 · reportbot", Nav: "reports", Page: view})
}

// figureView is one figure of a report, as "reportbot figures" lists it.
type figureView struct {
	Para, Sentence int
	Value          string
	Kind           string
	Metric         string
	Period         string
	Scope          string
	Note           string
	Quote          []answer.Segment
	TextURL        string
}

// kindNames are the page's words for the kinds of figures.
var kindNames = map[string]string{
	"amount": "数量", "growth": "增速", "share": "占比", "rank": "排名", "diff": "差距", "change": "增减", "count": "个数", "other": "其他",
}

func kindName(k string) string {
	if n, ok := kindNames[k]; ok {
		return n
	}
	return k
}

// reportPage is a report's page: what the index knows of it, and its
// figures.
type reportPage struct {
	Report      reportView
	SourceShown string
	SourceLink  string
	Warnings    []string
	Figures     []figureView
	TextURL     string
	Paragraphs  int
}

// loadReport finds the report of the request's ID and reads its
// sentences; it answers the request itself when it cannot.
func (s *Server) loadReport(w http.ResponseWriter, r *http.Request) (answer.FileInfo, []corpus.Sentence, bool) {
	fi, ok := s.findReport(r.PathValue("id"))
	if !ok {
		s.fail(w, r, http.StatusNotFound, "没有这份报告(它可能已从索引中移除)")
		return fi, nil, false
	}
	var sents []corpus.Sentence
	err := s.withEngine(r.Context(), func() error {
		var err error
		sents, err = s.eng.Sentences(fi.Path)
		return err
	})
	if err != nil {
		s.engineFailed(w, r, err)
		return fi, nil, false
	}
	return fi, sents, true
}

// report shows a report's figures.
func (s *Server) report(w http.ResponseWriter, r *http.Request) {
	fi, sents, ok := s.loadReport(w, r)
	if !ok {
		return
	}
	rv := newReportView(fi)
	page := reportPage{Report: rv, Warnings: fi.Warnings, TextURL: "/report/" + rv.ID + "/text", Paragraphs: fi.Paragraphs,
		SourceShown: readableURL(fi.Source)}
	if page.SourceShown != fi.Source || strings.HasPrefix(fi.Source, "http") {
		page.SourceLink = fi.Source
	}
	for _, st := range sents {
		for _, f := range st.Figures {
			a := answer.Answer{Value: f.Value, Number: f.Number, Unit: f.Unit, Kind: string(f.Kind), Qualifier: f.Qualifier,
				SourceText: st.Text, Figure: figureText(st, f)}
			fv := figureView{Para: st.Para, Sentence: st.Index, Value: a.ValueText(), Kind: kindName(string(f.Kind)),
				Metric: f.Metric, Period: f.Period.Text, Scope: scopeText(f.Scope, f.Comparator),
				Quote: a.Quote(60), TextURL: sentenceURL(rv.ID, st.Index)}
			switch f.Modality {
			case "target":
				fv.Note = "目标"
			case "forecast":
				fv.Note = "预计"
			}
			page.Figures = append(page.Figures, fv)
		}
	}
	title := rv.Title
	if title == "" {
		title = rv.FileName
	}
	s.render(w, r, http.StatusOK, "report", layoutView{Title: title + " · reportbot", Nav: "reports", Page: page})
}

// scopeText is what a figure is measured against: its scope and its
// comparator, once when they are the same (全省).
func scopeText(scope, comparator string) string {
	if scope == comparator {
		return scope
	}
	return strings.TrimSpace(scope + " " + comparator)
}

// siteName shortens a source that is a web address to its host; other
// sources (中华泰山网) stay as they are.
func siteName(source string) string {
	if u, err := url.Parse(source); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		return u.Host
	}
	return source
}

// readableURL is a web address with its escapes undone, as a reader
// would type it (…/新闻/… rather than …/%E6%96%B0…); other text stays.
func readableURL(source string) string {
	if !strings.HasPrefix(source, "http://") && !strings.HasPrefix(source, "https://") {
		return source
	}
	if s, err := url.PathUnescape(source); err == nil && utf8.ValidString(s) {
		return s
	}
	return source
}

// figureText is a figure as written in its sentence.
func figureText(st corpus.Sentence, f corpus.Figure) string {
	from, to := f.Span.Start-st.Span.Start, f.Span.End-st.Span.Start
	if from < 0 || to > len(st.Text) || from >= to {
		return ""
	}
	return st.Text[from:to]
}

// textPage is a report's full text.
type textPage struct {
	Report     reportView
	Paragraphs []paraView
	// Marked is the sentence asked for, 0 for none.
	Marked int
}

// paraView is a paragraph of a full text.
type paraView struct {
	No        int
	Sentences []sentenceView
}

// fullText shows a report's text, paragraph by paragraph, with the
// sentence of ?s=N marked and its figures in bold.
func (s *Server) fullText(w http.ResponseWriter, r *http.Request) {
	marked := 0
	if v := r.URL.Query().Get("s"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			s.fail(w, r, http.StatusBadRequest, "s 应是句子的序号(从 1 起)")
			return
		}
		marked = n
	}
	fi, sents, ok := s.loadReport(w, r)
	if !ok {
		return
	}
	page := textPage{Report: newReportView(fi), Marked: marked}
	last := -1
	for _, st := range sents {
		if st.Para != last {
			page.Paragraphs = append(page.Paragraphs, paraView{No: st.Para})
			last = st.Para
		}
		sv := sentenceView{No: st.Index, Text: st.Text, Mark: st.Index == marked}
		if sv.Mark {
			sv.Segments = markFigures(st)
		}
		p := &page.Paragraphs[len(page.Paragraphs)-1]
		p.Sentences = append(p.Sentences, sv)
	}
	title := page.Report.Title
	if title == "" {
		title = page.Report.FileName
	}
	s.render(w, r, http.StatusOK, "text", layoutView{Title: title + " · reportbot", Nav: "reports", Page: page})
}

// markFigures cuts a sentence into text and its figures.
func markFigures(st corpus.Sentence) []answer.Segment {
	var segs []answer.Segment
	pos := 0
	for _, f := range st.Figures {
		from, to := f.Span.Start-st.Span.Start, f.Span.End-st.Span.Start
		if from < pos || to > len(st.Text) || from >= to {
			continue
		}
		if from > pos {
			segs = append(segs, answer.Segment{Text: st.Text[pos:from]})
		}
		segs = append(segs, answer.Segment{Text: st.Text[from:to], Mark: true})
		pos = to
	}
	if pos < len(st.Text) {
		segs = append(segs, answer.Segment{Text: st.Text[pos:]})
	}
	return segs
}

// apiAsk answers ?q= with exactly the object "reportbot ask -json" prints.
// With ?prev=, the last answered question, q may be a follow-up (济南呢?),
// read as ask reads the questions of one run.
func (s *Server) apiAsk(w http.ResponseWriter, r *http.Request) {
	q, n, err := readQuestion(r)
	if err != nil {
		writeError(w, r, http.StatusBadRequest, err.Error())
		return
	}
	explain := false
	if v := r.URL.Query().Get("explain"); v != "" {
		if explain, err = strconv.ParseBool(v); err != nil {
			writeError(w, r, http.StatusBadRequest, "explain should be true or false")
			return
		}
	}
	prev := readPrev(r)
	var body bytes.Buffer
	err = s.withEngine(r.Context(), func() error {
		asked, _ := s.eng.FollowUp(prev, q)
		res, err := s.eng.Respond(asked, answer.Options{N: n, Explain: explain})
		if err != nil {
			return err
		}
		return answer.WriteJSON(&body, res)
	})
	if err != nil {
		s.engineFailed(w, r, err)
		return
	}
	sendJSON(w, r, http.StatusOK, body.Bytes())
}

// apiReports lists the indexed reports (?region= and ?year= narrow it),
// newest first.
func (s *Server) apiReports(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, r, http.StatusOK, map[string]any{"reports": s.listReports(readFilter(r))})
}
