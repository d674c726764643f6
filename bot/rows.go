package bot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/reportbot/reportbot/answer"
	"github.com/reportbot/reportbot/chart"
)

// A comparison or a trend is answered with its chart as a photo, the
// table of its rows as the photo's caption, then one message with each
// row's sentence and source, under which each row has its own 原文 and
// 更多结果 buttons. Without a chart (one figure, or no CJK font on the
// machine) the table and the sentences go in one text message.

// maxCaption is Telegram's limit on a photo caption, in characters
// after HTML parsing; the HTML's own length is an upper bound of it.
const maxCaption = 1024

// maxRowButtons bounds the rows that get buttons of their own: a longer
// trend is still shown whole, its first rows with buttons.
const maxRowButtons = 12

// isMulti tells whether a result is a comparison or a trend with rows.
func isMulti(r answer.Result) bool {
	return (r.Mode == answer.ModeCompare || r.Mode == answer.ModeTrend) && len(r.Rows) > 0
}

// renderRowsTable is the table of a comparison or a trend, one row a
// line: 泰安 <b>31.9%</b> · 2023年1-5月. A trend's rows are periods of one
// region, named once in the heading.
func renderRowsTable(r answer.Result) string {
	var b strings.Builder
	icon := "📊 "
	if r.Mode == answer.ModeTrend {
		icon = "📈 "
	}
	b.WriteString(icon + "<b>" + echo(r.Question) + "</b>")
	if r.Mode == answer.ModeTrend {
		if a := firstRowAnswer(r); a != nil {
			b.WriteString("\n" + esc(strings.TrimSpace(a.Region+" "+a.IndicatorText())))
		}
	}
	for _, row := range r.Rows {
		b.WriteString("\n" + esc(row.Label) + "  ")
		if row.Answer == nil {
			b.WriteString("— " + esc(row.Note))
			continue
		}
		a := row.Answer
		b.WriteString("<b>" + esc(a.ValueText()) + "</b>")
		if r.Mode == answer.ModeCompare && a.Period != "" {
			b.WriteString(" · " + esc(a.Period))
		}
		if r.Mode == answer.ModeTrend && row.Note != "" {
			b.WriteString(" ⚠")
		}
	}
	if r.Note != "" {
		b.WriteString("\n<i>" + esc(r.Note) + "</i>")
	}
	return b.String()
}

// renderRowsEvidence is each row's sentence and source, the way a single
// answer shows them.
func renderRowsEvidence(r answer.Result) string {
	var parts []string
	for _, row := range r.Rows {
		if row.Answer == nil {
			continue
		}
		a := *row.Answer
		part := "<b>" + esc(row.Label) + "</b> " + esc(a.ValueText()) +
			"\n<blockquote>" + segmentsHTML(a.Quote(quoteRunes)) + "</blockquote>\n来源:<i>" + esc(a.ShortSource()) + "</i>"
		if r.Mode == answer.ModeTrend && row.Note != "" {
			part += "\n⚠ " + esc(row.Note)
		}
		parts = append(parts, part)
	}
	return strings.Join(parts, "\n\n")
}

func firstRowAnswer(r answer.Result) *answer.Answer {
	for _, row := range r.Rows {
		if row.Answer != nil {
			return row.Answer
		}
	}
	return nil
}

// rowAnswers are a result's answers by row index, for the rows' 原文
// buttons; a row without a figure has the zero Answer.
func rowAnswers(r answer.Result) []answer.Answer {
	as := make([]answer.Answer, len(r.Rows))
	for i, row := range r.Rows {
		if row.Answer != nil {
			as[i] = *row.Answer
		}
	}
	return as
}

// rowsKeyboard gives each row with a figure its 原文 button, and its
// 更多结果 when it has further figures; then 👍 and 👎.
func (s *Server) rowsKeyboard(key string, r answer.Result) *keyboard {
	var lines [][]button
	for i, row := range r.Rows {
		if row.Answer == nil {
			continue
		}
		if len(lines) == maxRowButtons {
			break
		}
		label := answer.ClipText(row.Label, 12)
		line := []button{{Text: "原文·" + label, CallbackData: callbackData(actionParagraph, key, i)}}
		if len(row.Others) > 0 {
			line = append(line, button{Text: "更多·" + label, CallbackData: callbackData(actionRowOthers, key, i)})
		}
		lines = append(lines, line)
	}
	lines = append(lines, []button{
		{Text: "👍", CallbackData: callbackData(actionFeedback, key, 1)},
		{Text: "👎", CallbackData: callbackData(actionFeedback, key, 0)},
	})
	return &keyboard{InlineKeyboard: lines}
}

// sendRows answers a comparison or a trend.
func (s *Server) sendRows(ctx context.Context, t target, q string, r answer.Result) error {
	table := renderRowsTable(r)
	evidence := renderRowsEvidence(r)
	if len(r.Answers) == 0 {
		return s.send(ctx, t, table, nil)
	}
	key := s.sessions.put(&session{chat: t.chat, question: q, result: r})
	kb := s.rowsKeyboard(key, r)
	png, err := chartPNG(r)
	if err != nil {
		if !errors.Is(err, chart.ErrNoChart) {
			s.log.Warn("chart", "error", err.Error())
		}
		return s.send(ctx, t, table+"\n\n"+evidence, kb)
	}
	caption := table
	if utf8.RuneCountInString(caption) > maxCaption {
		// The table goes with the sentences; the photo keeps the question.
		caption = "<b>" + echo(r.Question) + "</b>"
		evidence = table + "\n\n" + evidence
	}
	p := &tgbot.SendPhotoParams{
		ChatID: t.chat, MessageThreadID: t.thread,
		Photo:   &models.InputFileUpload{Filename: "chart.png", Data: bytes.NewReader(png)},
		Caption: caption, ParseMode: models.ParseModeHTML,
	}
	if t.replyTo != 0 {
		p.ReplyParameters = &models.ReplyParameters{MessageID: t.replyTo, AllowSendingWithoutReply: true}
	}
	if _, err := s.tg.SendPhoto(ctx, p); err != nil {
		// The answer is still given, as text.
		s.log.Warn("sendPhoto", "error", s.redact.Err(err).Error())
		return s.send(ctx, t, table+"\n\n"+renderRowsEvidence(r), kb)
	}
	return s.send(ctx, t, evidence, kb)
}

// chartPNG draws a result's chart.
func chartPNG(r answer.Result) ([]byte, error) {
	c, err := chart.FromResult(r)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := chart.Render(&buf, c); err != nil {
		return nil, fmt.Errorf("render chart: %w", err)
	}
	return buf.Bytes(), nil
}

// rowOthers answers a row's 更多结果.
func (s *Server) rowOthers(ctx context.Context, t target, sess *session, n int) (toast string, err error) {
	if n >= len(sess.result.Rows) {
		return "这条结果已过期,请重新提问。", nil
	}
	row := sess.result.Rows[n]
	if len(row.Others) == 0 {
		return "这一行没有更多结果了。", nil
	}
	list := row.Others
	if row.Answer != nil {
		list = append([]answer.Answer{*row.Answer}, row.Others...)
	}
	return "", s.sendList(ctx, t, row.Label+":「"+answer.ClipText(sess.question, echoRunes)+"」的更多结果", list)
}
