package bot

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/reportbot/reportbot/answer"
	"github.com/reportbot/reportbot/corpus"
)

// Replies are Telegram HTML. Every piece of report text goes through esc;
// every line the renderers write opens and closes its own tags, so that a
// long reply can be split between lines (see splitHTML).

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

// esc escapes text for Telegram HTML and keeps it on one line, which
// splitHTML relies on.
func esc(s string) string {
	return htmlEscaper.Replace(strings.ReplaceAll(s, "\n", " "))
}

// Numbers of items per page.
const (
	listPage    = 3  // answers with their sentence
	searchPage  = 5  // sentences
	sourcesPage = 10 // reports
	// otherLines is how many further answers the reply names in one line
	// each; 更多结果 shows them all with their sentences.
	otherLines = 3
)

// Sizes for a phone: a chat bubble shows some 20 characters a line.
const (
	// quoteRunes is the most of a sentence quoted under an answer, cut
	// around the figure; 原文 shows the whole paragraph.
	quoteRunes = 90
	// hitRunes is the most of a sentence a /search hit shows, cut around
	// the first word searched.
	hitRunes = 60
	// echoRunes is the most of a question echoed back (未找到「…」).
	echoRunes = 20
)

// segmentsHTML renders display segments, their marks in bold.
func segmentsHTML(segs []answer.Segment) string {
	var b strings.Builder
	for _, s := range segs {
		if s.Mark {
			b.WriteString("<b>" + esc(s.Text) + "</b>")
		} else {
			b.WriteString(esc(s.Text))
		}
	}
	return b.String()
}

// echo is a question as the bot repeats it: short.
func echo(q string) string { return esc(answer.ClipText(q, echoRunes)) }

// headline is an answer's one-line summary with the number in bold:
// <b>31.9%</b> · 工业投资 增速 · 泰安市 · 2023年1-5月.
func headline(a answer.Answer) string {
	v := a.ValueText()
	return "<b>" + esc(v) + "</b>" + esc(strings.TrimPrefix(a.Headline(), v))
}

// evidence is an answer in full, in about five phone lines: headline,
// the quoted sentence with its figure in bold, and the source on one
// short line.
func evidence(a answer.Answer) string {
	return headline(a) + "\n<blockquote>" + segmentsHTML(a.Quote(quoteRunes)) + "</blockquote>\n来源:<i>" + esc(a.ShortSource()) + "</i>"
}

// otherLine names a further answer in one line: its value and what sets
// it apart from the first answer (another period, place or indicator).
func otherLine(a, first answer.Answer) string {
	parts := []string{"<b>" + esc(a.ValueText()) + "</b>"}
	if w := a.IndicatorText(); w != first.IndicatorText() && w != "" {
		parts = append(parts, esc(w))
	}
	if a.Region != first.Region && a.Region != "" {
		parts = append(parts, esc(a.Region))
	}
	if a.Period != "" {
		parts = append(parts, esc(a.Period))
	}
	if a.Period == first.Period && a.Date != "" {
		parts = append(parts, esc(a.Date)) // the same period in another report
	}
	return strings.Join(parts, " · ")
}

// renderResult is the reply to a question.
func renderResult(r answer.Result) string {
	if len(r.Answers) == 0 {
		return renderNotFound(r)
	}
	var b strings.Builder
	b.WriteString(evidence(r.Answers[0]))
	rest := r.Answers[1:]
	for i, o := range rest {
		if i == otherLines {
			fmt.Fprintf(&b, "\n……还有 %d 条,见“更多结果”", len(rest)-otherLines)
			break
		}
		b.WriteString("\n另:" + otherLine(o, r.Answers[0]))
	}
	return b.String()
}

// titleOf is a report's title, or its file name when it has none.
func titleOf(f answer.FileInfo) string {
	if f.Title != "" {
		return f.Title
	}
	return filepath.Base(f.Path)
}

// renderNotFound says there is no confident answer and shows the closest
// sentences, never a number picked from them.
func renderNotFound(r answer.Result) string {
	var b strings.Builder
	b.WriteString("未找到「" + echo(r.Question) + "」的确定数字")
	if r.Note != "" {
		b.WriteString("(" + esc(r.Note) + ")")
	}
	b.WriteString("。")
	if len(r.Related) == 0 {
		return b.String()
	}
	b.WriteString("\n最接近的句子:")
	for _, s := range r.Related {
		b.WriteString("\n<blockquote>" + segmentsHTML(answer.Excerpt(answer.Highlight(s.SourceText, ""), quoteRunes)) +
			"</blockquote>\n<i>" + esc(s.ShortSource()) + "</i>")
	}
	return b.String()
}

// pages is the number of pages of n items, at least 1.
func pages(n, per int) int {
	return max(1, (n+per-1)/per)
}

// pageBounds clamps page and returns the slice bounds of its items.
func pageBounds(n, per, page int) (p, from, to int) {
	p = min(max(page, 0), pages(n, per)-1)
	from = p * per
	return p, from, min(n, from+per)
}

// renderList is one page of a list of answers.
func renderList(title string, list []answer.Answer, page int) (string, int) {
	page, from, to := pageBounds(len(list), listPage, page)
	var b strings.Builder
	b.WriteString("<b>" + esc(title) + "</b>")
	if n := pages(len(list), listPage); n > 1 {
		fmt.Fprintf(&b, "(第 %d/%d 页)", page+1, n)
	}
	for i := from; i < to; i++ {
		fmt.Fprintf(&b, "\n\n%d. ", i+1)
		b.WriteString(evidence(list[i]))
	}
	return b.String(), page
}

// renderParagraph is the whole paragraph of an answer, its sentence in bold.
func renderParagraph(a answer.Answer, sents []corpus.Sentence) string {
	var b strings.Builder
	b.WriteString("<b>原文</b> · <i>" + esc(a.ShortSource()) + "</i>\n")
	for _, s := range sents {
		if s.Index == a.SentenceNo {
			b.WriteString("<b>" + esc(answer.CleanText(s.Text)) + "</b>")
		} else {
			b.WriteString(esc(answer.CleanText(s.Text)))
		}
	}
	return b.String()
}

// renderSearch is one page of full-text hits.
func renderSearch(query string, hits []answer.Hit, page int) (string, int) {
	if len(hits) == 0 {
		return "没有找到包含「" + echo(query) + "」的句子。", 0
	}
	page, from, to := pageBounds(len(hits), searchPage, page)
	var b strings.Builder
	fmt.Fprintf(&b, "<b>搜索「%s」</b>:%d 条", echo(query), len(hits))
	if len(hits) == answer.MaxSearchHits {
		b.WriteString("以上")
	}
	if n := pages(len(hits), searchPage); n > 1 {
		fmt.Fprintf(&b, "(第 %d/%d 页)", page+1, n)
	}
	for i := from; i < to; i++ {
		h := hits[i]
		hit := answer.Excerpt(answer.Highlight(h.Sentence.Text, query), hitRunes)
		fmt.Fprintf(&b, "\n\n%d. %s\n<i>%s</i>", i+1, segmentsHTML(hit),
			esc(answer.ShortSource(h.File.Title, h.File.Date, h.File.Source, h.File.Path, h.Sentence.Para)))
	}
	return b.String(), page
}

// renderSources is one page of the indexed reports.
func renderSources(files []answer.FileInfo, page int) (string, int) {
	if len(files) == 0 {
		return "还没有收录任何报告。", 0
	}
	page, from, to := pageBounds(len(files), sourcesPage, page)
	var b strings.Builder
	fmt.Fprintf(&b, "<b>已收录的报告</b>:%d 份", len(files))
	if n := pages(len(files), sourcesPage); n > 1 {
		fmt.Fprintf(&b, "(第 %d/%d 页)", page+1, n)
	}
	for i := from; i < to; i++ {
		f := files[i]
		title := titleOf(f)
		var facts []string
		for _, s := range []string{f.Date, f.Region.Name, f.Source} {
			if s != "" {
				facts = append(facts, s)
			}
		}
		facts = append(facts, fmt.Sprintf("%d 个数字", f.Figures))
		fmt.Fprintf(&b, "\n%d. <b>%s</b>\n    %s", i+1, esc(title), esc(strings.Join(facts, " · ")))
	}
	return b.String(), page
}

// renderStats summarises the index.
func renderStats(st answer.Stats, loc *time.Location) string {
	var b strings.Builder
	b.WriteString("<b>索引概况</b>")
	fmt.Fprintf(&b, "\n报告:%d 份\n句子:%d 句\n数字:%d 个", st.Files, st.Sentences, st.Figures)
	if !st.LastIndexed.IsZero() {
		fmt.Fprintf(&b, "\n最近索引:%s", st.LastIndexed.In(loc).Format("2006-01-02 15:04"))
	}
	if st.SizeOnDisk > 0 {
		fmt.Fprintf(&b, "\n索引大小:%s", byteSize(st.SizeOnDisk))
	}
	return b.String()
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// firstPart is text cut to one message, for places that take only one
// (an edited page, an inline result).
func firstPart(html string) string {
	if parts := splitHTML(html, maxMessage); len(parts) > 0 {
		return parts[0]
	}
	return html
}
