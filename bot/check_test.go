package bot

import (
	"strings"
	"testing"

	"github.com/go-telegram/bot/models"

	"github.com/reportbot/reportbot/bot/telegramtest"
)

// A statement, not a question: its figures are checked against the
// reports, a true one confirmed, a changed one contradicted with the
// report's number, one no report states left unverified.
func TestStatementIsChecked(t *testing.T) {
	h := start(t)
	r := h.ask(alice, "2023年1-6月,济宁工业投资同比增长12.5%,淄博工业投资增长31.2%,济宁规上工业企业利润增长40%。")
	text := r.Params["text"]
	for _, want := range []string{
		"核对 3 个数字</b>:✓ 1 个相符 · ✗ 1 个不符 · ? 1 个未能核实",
		"<b>12.5%</b>✓", "<b>31.2%</b>✗(报告为<b>30.2%</b>)", "<b>40%</b>?",
		"✗ <b>31.2%</b> 不符:报告为 <b>30.2%</b>", "全市工业投资同比增长<b>30.2%</b>", "来源:<i>淄博市工业运行",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("check reply lacks %q:\n%s", want, text)
		}
	}
	checkHTML(t, text)
	// 原文 of the contradicted figure: the report's paragraph.
	b := buttons(t, r)
	if b["原文 ✗ 31.2%"] == "" {
		t.Fatalf("buttons %v", b)
	}
	h.push(telegramtest.Callback(alice, alice, 8000, b["原文 ✗ 31.2%"]))
	if p := h.reply(alice); !strings.Contains(p.Params["text"], "<b>原文</b>") || !strings.Contains(p.Params["text"], "30.2%") {
		t.Errorf("原文:\n%s", p.Params["text"])
	}
	h.api.Wait(t, "answerCallbackQuery", nil)
	// A question with a figure in it is still a question.
	if r := h.ask(alice, "济宁工业投资增速是多少?"); strings.Contains(r.Params["text"], "核对") {
		t.Errorf("a question was checked:\n%s", r.Params["text"])
	}
}

func TestCheckCommandAndForwards(t *testing.T) {
	h := start(t)
	// /check with text forces a check.
	if r := h.ask(alice, "/check 2023年1-6月济宁工业投资增长12.5%"); !strings.Contains(r.Params["text"], "<b>12.5%</b>✓") {
		t.Errorf("/check:\n%s", r.Params["text"])
	}
	// /check in reply to a message checks that message.
	u := telegramtest.PrivateText(alice, "/check")
	u.Message.ReplyToMessage = &models.Message{ID: 1, Text: "2023年1-6月,淄博工业投资增长30.2%。"}
	h.push(u)
	if r := h.reply(alice); !strings.Contains(r.Params["text"], "<b>30.2%</b>✓") {
		t.Errorf("/check in reply:\n%s", r.Params["text"])
	}
	// A bare /check says how.
	if r := h.ask(alice, "/check"); !strings.Contains(r.Params["text"], "/check 后写上") {
		t.Errorf("bare /check:\n%s", r.Params["text"])
	}
	// A forwarded message with figures is checked even with a question
	// mark in it.
	f := telegramtest.PrivateText(alice, "听说2023年1-6月济宁工业投资增长15.5%?")
	f.Message.ForwardOrigin = &models.MessageOrigin{Type: models.MessageOriginTypeHiddenUser,
		MessageOriginHiddenUser: &models.MessageOriginHiddenUser{SenderUserName: "某人"}}
	h.push(f)
	if r := h.reply(alice); !strings.Contains(r.Params["text"], "✗(报告为<b>12.5%</b>)") {
		t.Errorf("forwarded:\n%s", r.Params["text"])
	}
}

func TestCheckDraftFile(t *testing.T) {
	h := start(t)
	draft := "上半年工作汇报\n2023年1-6月,全市工业投资同比增长12.5%。\n"
	h.api.AddFile(telegramtest.File{ID: "d", Path: "documents/draft.txt", Data: []byte(draft)})
	u := telegramtest.Document(alice, "d", "济宁市汇报稿.txt", int64(len(draft)))
	u.Message.Caption = "/check"
	h.push(u)
	if r := h.reply(alice); !strings.Contains(r.Params["text"], "<b>12.5%</b>✓") {
		t.Errorf("draft file:\n%s", r.Params["text"])
	}
}

func TestStrangerGetsNoCheck(t *testing.T) {
	h := start(t)
	for _, msg := range []string{"2023年1-6月,淄博工业投资增长31.2%。", "/check 2023年1-6月淄博工业投资增长31.2%"} {
		r := h.ask(eve, msg)
		if !strings.Contains(r.Params["text"], "6666") || strings.Contains(r.Params["text"], "30.2") || strings.Contains(r.Params["text"], "核对") {
			t.Errorf("%s → %s", msg, r.Params["text"])
		}
	}
}
