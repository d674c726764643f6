package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/reportbot/reportbot/answer"
	"github.com/reportbot/reportbot/corpus"
)

// A message that states figures rather than asks for them (a line of a
// draft speech, a colleague's statement) is checked: the reply repeats it
// with each figure marked ✓ (a report states it), ✗ (a report states
// another number, shown) or ? (no report states it with confidence), then
// each figure's source. /check forces a check of its text or of the
// message it replies to; a forwarded message, and a draft file sent by an
// allowed user (or by an admin with /check as its caption), are checked
// whole.

// maxCheckRunes bounds the text of one check: a long speech, not a book.
const maxCheckRunes = 20000

// maxCheckDetails bounds the figures listed with their sources; the marked
// text shows them all.
const maxCheckDetails = 30

// maxCheckButtons bounds the 原文 buttons under a check.
const maxCheckButtons = 8

// claimDate is the month a message was sent in: it gives 今年 and a
// year-less 1-5月 in a claim their year.
func claimDate(m *models.Message) string {
	if m == nil || m.Date == 0 {
		return ""
	}
	return time.Unix(int64(m.Date), 0).UTC().Format("2006-01")
}

// onCheck checks text and replies with its figures marked.
func (s *Server) onCheck(ctx context.Context, text, date string, t target, ev *event) {
	ev.kind = "check"
	text = strings.TrimSpace(text)
	if text == "" {
		ev.outcome = "hint"
		ev.err = s.send(ctx, t, "请在 /check 后写上要核对的文字,或用 /check 回复一条消息。", nil)
		return
	}
	note := ""
	if r := []rune(text); len(r) > maxCheckRunes {
		text = string(r[:maxCheckRunes])
		note = fmt.Sprintf("(文字太长,只核对了前 %d 字)", maxCheckRunes)
	}
	s.typing(ctx, t)
	res, err := s.eng.Check(text, answer.CheckOptions{Date: date})
	if err != nil {
		ev.outcome, ev.err = "error", fmt.Errorf("check: %w", err)
		s.send(ctx, t, "出错了,没能核对。请稍后再试。", nil)
		return
	}
	switch {
	case len(res.Figures) == 0:
		ev.outcome = "check_empty"
	case res.Contradicted():
		ev.outcome = "check_contradicted"
	default:
		ev.outcome = "checked"
	}
	html := renderCheck(res)
	if note != "" {
		html += "\n<i>" + esc(note) + "</i>"
	}
	ev.err = s.send(ctx, t, html, s.checkKeyboard(t.chat, res))
}

// renderCheck is a checked text: a summary, the text with each figure
// marked, then each figure with its verdict and source.
func renderCheck(r answer.CheckResult) string {
	if len(r.Figures) == 0 {
		return "🔎 没有读到可核对的数字。请发送含有数字的句子,例如“1-5月全市工业投资增长31.9%”。"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "🔎 <b>核对 %d 个数字</b>:✓ %d 个相符 · ✗ %d 个不符 · ? %d 个未能核实\n",
		len(r.Figures), r.Count(answer.Confirmed), r.Count(answer.Contradicted), r.Count(answer.Unverified))
	b.WriteString(markedHTML(r))
	for i, f := range r.Figures {
		if i == maxCheckDetails {
			fmt.Fprintf(&b, "\n……另有 %d 个数字,见上文标记", len(r.Figures)-maxCheckDetails)
			break
		}
		b.WriteString("\n\n" + checkedLine(f))
	}
	return b.String()
}

// markedHTML is the claim with each figure in bold and its mark after it;
// a contradicted figure also shows the report's number. Line breaks of a
// draft become spaces: every line of a reply must stand alone (splitHTML).
func markedHTML(r answer.CheckResult) string {
	var b strings.Builder
	at := 0
	for _, f := range r.Figures {
		sp := f.Claimed.Span
		if sp.Start < at || sp.End > len(r.Claim) || sp.End < sp.Start {
			continue
		}
		b.WriteString(esc(r.Claim[at:sp.Start]))
		b.WriteString("<b>" + esc(r.Claim[sp.Start:sp.End]) + "</b>" + f.Verdict.Mark())
		if f.Verdict == answer.Contradicted && f.Answer != nil {
			b.WriteString("(报告为<b>" + esc(f.Answer.ValueText()) + "</b>)")
		}
		at = sp.End
	}
	b.WriteString(esc(r.Claim[at:]))
	return "<blockquote>" + b.String() + "</blockquote>"
}

// checkedLine is one figure's verdict with its evidence.
func checkedLine(f answer.CheckedFigure) string {
	claimed := "<b>" + esc(f.Claimed.Text) + "</b>"
	switch {
	case f.Verdict == answer.Contradicted && f.Answer != nil:
		a := *f.Answer
		return "✗ " + claimed + " 不符:报告为 <b>" + esc(a.ValueText()) + "</b>" +
			"\n<blockquote>" + segmentsHTML(a.Quote(quoteRunes)) + "</blockquote>\n来源:<i>" + esc(a.ShortSource()) + "</i>"
	case f.Verdict == answer.Confirmed && f.Answer != nil:
		a := *f.Answer
		line := "✓ " + claimed + " 相符"
		if f.Why != "" {
			line += "(" + esc(f.Why) + ")"
		}
		return line + "\n来源:<i>" + esc(a.ShortSource()) + "</i>"
	}
	line := "? " + claimed + " 未能核实"
	if f.LookedFor != "" {
		line += ":查找了 " + esc(f.LookedFor)
	}
	if f.Closest != nil {
		line += "\n最接近:" + esc(f.Closest.ValueText()) + "(<i>" + esc(f.Closest.ShortSource()) + "</i>)"
	}
	return line
}

// checkKeyboard gives the figures a report stated (✓ or ✗) their 原文
// buttons.
func (s *Server) checkKeyboard(chat int64, r answer.CheckResult) *keyboard {
	var list []answer.Answer
	var labels []string
	for _, f := range r.Figures {
		if f.Answer == nil || f.Verdict == answer.Unverified {
			continue
		}
		if len(list) == maxCheckButtons {
			break
		}
		list = append(list, *f.Answer)
		labels = append(labels, f.Verdict.Mark()+" "+answer.ClipText(f.Claimed.Text, 10))
	}
	if len(list) == 0 {
		return nil
	}
	key := s.sessions.put(&session{chat: chat, title: "核对", list: list})
	var rows [][]button
	var row []button
	for i, l := range labels {
		row = append(row, button{Text: "原文 " + l, CallbackData: callbackData(actionParagraph, key, i)})
		if len(row) == 2 {
			rows = append(rows, row)
			row = nil
		}
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}
	return &keyboard{InlineKeyboard: rows}
}

// errNoDraftText is a draft file with no text to check.
var errNoDraftText = errors.New("no text")

// onCheckDocument checks a draft sent as a file.
func (s *Server) onCheckDocument(ctx context.Context, d *models.Document, date string, t target, ev *event) {
	ev.kind = "check"
	if corpus.FileFormat(d.FileName) == "" {
		ev.outcome = "refused"
		ev.err = s.send(ctx, t, "不支持这种文件:请发送 .txt、.docx、.html 或 .pdf 格式的稿子。", nil)
		return
	}
	if d.FileSize > s.cfg.MaxUpload {
		ev.outcome = "refused"
		ev.err = s.send(ctx, t, fmt.Sprintf("文件太大(%s),上限是 %s。", byteSize(d.FileSize), byteSize(s.cfg.MaxUpload)), nil)
		return
	}
	s.typing(ctx, t)
	text, err := s.draftText(ctx, d)
	switch {
	case errors.Is(err, errTooLarge):
		ev.outcome = "refused"
		ev.err = s.send(ctx, t, fmt.Sprintf("文件太大,上限是 %s。", byteSize(s.cfg.MaxUpload)), nil)
		return
	case errors.Is(err, errNoDraftText):
		ev.outcome = "check_empty"
		ev.err = s.send(ctx, t, "这个文件里没有读到文字。", nil)
		return
	case err != nil:
		ev.outcome, ev.err = "error", fmt.Errorf("draft %s: %w", d.FileName, err)
		s.send(ctx, t, "没能读取这个文件,请确认它是完整的 .txt、.docx、.html 或 .pdf 文件。", nil)
		return
	}
	s.onCheck(ctx, text, date, t, ev)
}

// draftText downloads a draft and reads its text.
func (s *Server) draftText(ctx context.Context, d *models.Document) (string, error) {
	data, err := s.download(ctx, d.FileID)
	if err != nil {
		return "", err
	}
	raw, err := corpus.ReadBytes(d.FileName, data)
	if err != nil {
		return "", err
	}
	text := strings.TrimSpace(raw.Text)
	if text == "" {
		return "", errNoDraftText
	}
	return text, nil
}
