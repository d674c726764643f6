package bot

import (
	"bytes"
	"image/png"
	"os"
	"strings"
	"testing"

	"github.com/reportbot/reportbot/bot/telegramtest"
	"github.com/reportbot/reportbot/chart"
)

// needCharts skips a test of chart photos where no CJK font is installed
// (.ci/run installs one; under CI=true a missing font fails).
func needCharts(t *testing.T) {
	t.Helper()
	if err := chart.Ready(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
}

// photoTo waits for the next sendPhoto to chat.
func (h *harness) photoTo(chat int64) telegramtest.Request {
	h.t.Helper()
	return h.api.Wait(h.t, "sendPhoto", func(r telegramtest.Request) bool { return r.Int("chat_id") == chat })
}

func checkPNG(t *testing.T, data []byte) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the photo is not a PNG (%d bytes): %v", len(data), err)
	}
	if s := img.Bounds().Size(); s.X < 800 || s.Y < 500 {
		t.Errorf("chart of %v, want at least 800×500 for a phone", s)
	}
}

func TestTrendAnsweredWithChart(t *testing.T) {
	needCharts(t)
	h := start(t)
	h.push(telegramtest.PrivateText(alice, "济宁工业投资增速走势"))
	photo := h.photoTo(alice)
	checkPNG(t, photo.Files["photo"])
	caption := photo.Params["caption"]
	if photo.Params["parse_mode"] != "HTML" {
		t.Errorf("caption parse_mode = %q", photo.Params["parse_mode"])
	}
	// Periods in time order, each with its value.
	i22, i23 := strings.Index(caption, "2022年  <b>8.4%</b>"), strings.Index(caption, "2023年1-6月  <b>12.5%</b>")
	if i22 < 0 || i23 < 0 || i22 > i23 {
		t.Errorf("caption lacks the periods in order:\n%s", caption)
	}
	checkHTML(t, caption)

	// Then the sentences, with a 原文 button per row.
	ev := h.reply(alice)
	text := ev.Params["text"]
	for _, want := range []string{"全市工业投资同比增长<b>8.4%</b>", "全市工业投资同比增长<b>12.5%</b>", "来源:"} {
		if !strings.Contains(text, want) {
			t.Errorf("sentences lack %q:\n%s", want, text)
		}
	}
	checkHTML(t, text)
	b := buttons(t, ev)
	if b["原文·2022年"] == "" || b["原文·2023年1-6月"] == "" {
		t.Fatalf("row buttons: %v", b)
	}
	h.push(telegramtest.Callback(alice, alice, 7000, b["原文·2022年"]))
	orig := h.reply(alice)
	h.api.Wait(t, "answerCallbackQuery", nil)
	if !strings.Contains(orig.Params["text"], "<b>原文</b>") || !strings.Contains(orig.Params["text"], "8.4%") ||
		strings.Contains(orig.Params["text"], "12.5%") {
		t.Errorf("原文 of the 2022 row:\n%s", orig.Params["text"])
	}
}

func TestComparisonAnsweredWithChart(t *testing.T) {
	needCharts(t)
	h := start(t)
	// No period asked: the latest period both state, and 济宁's other
	// figures under 更多.
	h.push(telegramtest.PrivateText(alice, "济宁和淄博工业投资增速对比"))
	photo := h.photoTo(alice)
	checkPNG(t, photo.Files["photo"])
	caption := photo.Params["caption"]
	for _, want := range []string{"济宁  <b>12.5%</b> · 2023年1-6月", "淄博  <b>30.2%</b> · 2023年1-6月"} {
		if !strings.Contains(caption, want) {
			t.Errorf("caption lacks %q:\n%s", want, caption)
		}
	}
	ev := h.reply(alice)
	b := buttons(t, ev)
	if b["原文·淄博"] == "" || b["原文·济宁"] == "" {
		t.Fatalf("row buttons: %v", b)
	}
	// 更多 of 济宁: its other figures, here last year's.
	if b["更多·济宁"] == "" {
		t.Fatalf("no 更多 for 济宁: %v\n%s\n%s", b, photo.Params["caption"], ev.Params["text"])
	}
	h.push(telegramtest.Callback(alice, alice, 7001, b["更多·济宁"]))
	more := h.reply(alice)
	h.api.Wait(t, "answerCallbackQuery", nil)
	if !strings.Contains(more.Params["text"], "更多结果") || !strings.Contains(more.Params["text"], "8.4%") {
		t.Errorf("更多·济宁:\n%s", more.Params["text"])
	}
	checkHTML(t, more.Params["text"])
}

func TestStrangerGetsNoChart(t *testing.T) {
	h := start(t)
	r := h.ask(eve, "济宁工业投资增速走势")
	if !strings.Contains(r.Params["text"], "6666") {
		t.Errorf("stranger's reply: %s", r.Params["text"])
	}
	for _, leak := range []string{"12.5", "8.4", "济宁"} {
		if strings.Contains(r.Params["text"], leak) {
			t.Errorf("the refusal shows %q", leak)
		}
	}
	// The refusal was the whole reply: no photo was sent to anyone.
	if n := len(h.api.Requests("sendPhoto")); n != 0 {
		t.Errorf("%d photos sent after a stranger's trend question", n)
	}
}

func TestInlineComparisonIsATable(t *testing.T) {
	h := start(t)
	h.push(telegramtest.Inline(alice, "济宁和淄博上半年工业投资增速对比"))
	r := h.api.Wait(t, "answerInlineQuery", nil)
	var results []struct {
		Title, Description string
		Content            struct {
			Text string `json:"message_text"`
		} `json:"input_message_content"`
	}
	if err := r.JSON("results", &results); err != nil {
		t.Fatal(err)
	}
	if len(results) != 1 {
		t.Fatalf("%d results, want the table as one: %+v", len(results), results)
	}
	text := results[0].Content.Text
	for _, want := range []string{"济宁  <b>12.5%</b>", "淄博  <b>30.2%</b>", "来源:"} {
		if !strings.Contains(text, want) {
			t.Errorf("inline table lacks %q:\n%s", want, text)
		}
	}
	checkHTML(t, text)
}

// A follow-up is read with the chat's last answered question, and the
// reply says how.
func TestFollowUpQuestions(t *testing.T) {
	needCharts(t)
	h := start(t)
	if r := h.ask(alice, "济宁工业投资增速"); !strings.Contains(r.Params["text"], "12.5%") {
		t.Fatalf("first question: %s", r.Params["text"])
	}
	r := h.ask(alice, "淄博呢?")
	if text := r.Params["text"]; !strings.Contains(text, "按「淄博工业投资增速」回答") || !strings.Contains(text, "<b>30.2%</b>") {
		t.Errorf("淄博呢?:\n%s", text)
	}
	checkHTML(t, r.Params["text"])
	h.push(telegramtest.PrivateText(alice, "和济宁比呢"))
	photo := h.photoTo(alice)
	if c := photo.Params["caption"]; !strings.Contains(c, "淄博和济宁工业投资增速对比") || !strings.Contains(c, "30.2%") || !strings.Contains(c, "12.5%") {
		t.Errorf("和济宁比呢:\n%s", c)
	}
	h.reply(alice)
	// Another chat's questions are not followed up.
	if r := h.ask(admin, "淄博呢?"); strings.Contains(r.Params["text"], "30.2") {
		t.Errorf("a follow-up in another chat used alice's question:\n%s", r.Params["text"])
	}
}
