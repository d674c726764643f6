package bot

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportbot/reportbot/bot/telegramtest"
)

// botMembership is the my_chat_member update Telegram sends when by
// changes the bot's status in group chat to status. It is raw JSON: the
// models package cannot encode a ChatMember.
func botMembership(api *telegramtest.Server, chat, by int64, status string) string {
	return fmt.Sprintf(`{"my_chat_member":{"chat":{"id":%d,"type":"supergroup","title":"项目群"},`+
		`"from":{"id":%d,"is_bot":false,"first_name":"user%d"},"date":1700000000,`+
		`"old_chat_member":{"status":"left","user":{"id":%d,"is_bot":true,"first_name":"Report Bot"}},`+
		`"new_chat_member":{"status":%q,"user":{"id":%d,"is_bot":true,"first_name":"Report Bot"}}}}`,
		chat, by, by, api.Bot.ID, status, api.Bot.ID)
}

func withStateDir(dir string) option {
	return func(c *Config, _ *telegramtest.Server) { c.StateDir = dir }
}

// TestStartShowsExampleButtons: /start offers the example questions as
// buttons, and a press asks the question.
func TestStartShowsExampleButtons(t *testing.T) {
	h := start(t)
	r := h.ask(alice, "/start")
	var example, data string
	for text, d := range buttons(t, r) {
		if q, ok := strings.CutPrefix(text, "试问:"); ok {
			example, data = q, d
		}
	}
	if example == "" || data != "e:"+example {
		t.Fatalf("/start has no example button: %v", buttons(t, r))
	}
	h.push(telegramtest.Callback(alice, alice, 9, data))
	a := h.reply(alice)
	h.api.Wait(t, "answerCallbackQuery", nil)
	if !strings.Contains(a.Params["text"], "</b>") || strings.HasPrefix(a.Params["text"], "未找到") {
		t.Errorf("the example %q is not answered: %s", example, a.Params["text"])
	}
}

// TestAccessRequest: a stranger asks for access with the button under
// the refusal; the admins get the request with 批准/拒绝; an approval lets
// the stranger in at once, tells them, and is kept in the state folder.
func TestAccessRequest(t *testing.T) {
	dir := t.TempDir()
	h := start(t, withStateDir(dir))
	refusal := h.ask(eve, "济宁工业投资增速")
	req := buttons(t, refusal)["申请使用"]
	h.push(telegramtest.Callback(eve, eve, 1, req))
	note := h.reply(admin)
	if !strings.Contains(note.Params["text"], "使用申请") || !strings.Contains(note.Params["text"], "6666") {
		t.Errorf("the admin's note: %s", note.Params["text"])
	}
	cb := h.api.Wait(t, "answerCallbackQuery", nil)
	if !strings.Contains(cb.Params["text"], "已把申请发给管理员") {
		t.Errorf("the stranger's toast: %v", cb.Params)
	}
	// A second press does not bother the admins again.
	id := h.push(telegramtest.Callback(eve, eve, 1, req))
	h.waitHandled(id)
	if cb := h.api.Wait(t, "answerCallbackQuery", nil); !strings.Contains(cb.Params["text"], "已经发给") {
		t.Errorf("second request: %v", cb.Params)
	}
	if n := len(h.sentTo(admin)); n != 1 {
		t.Errorf("the admins got %d notes", n)
	}
	// Only an admin decides.
	decide := buttons(t, note)
	id = h.push(telegramtest.Callback(alice, alice, 1, decide["批准"]))
	if got := h.waitHandled(id); got != "refused" {
		t.Errorf("a user approved a request: %s", got)
	}
	h.api.Wait(t, "answerCallbackQuery", nil)
	// The admin approves.
	h.push(telegramtest.Callback(admin, admin, 77, decide["批准"]))
	if told := h.reply(eve); !strings.Contains(told.Params["text"], "批准") {
		t.Errorf("the user is not told: %s", told.Params["text"])
	}
	if e := h.api.Wait(t, "editMessageText", nil); !strings.Contains(e.Params["text"], "已批准") || e.Params["reply_markup"] != "" {
		t.Errorf("the request is not marked decided: %v", e.Params)
	}
	if r := h.ask(eve, "济宁工业投资增速"); !strings.Contains(r.Params["text"], "12.5%") {
		t.Errorf("after approval: %s", r.Params["text"])
	}
	// Kept across a restart.
	set, err := newAccessSet(Access{Admins: []int64{admin}}, dir)
	if err != nil || !set.allowed(eve, 0) {
		t.Errorf("the approval is not kept in %s: %v", filepath.Join(dir, accessFileName), err)
	}
}

// TestAdminsManageUsers: /allow, /revoke and /users change who may ask
// at once, without a restart, and only admins may use them.
func TestAdminsManageUsers(t *testing.T) {
	dir := t.TempDir()
	h := start(t, withStateDir(dir))
	if r := h.ask(alice, "/allow 6666"); !strings.Contains(r.Params["text"], "只有管理员") {
		t.Errorf("a user's /allow: %s", r.Params["text"])
	}
	if r := h.ask(admin, "/allow 6666"); !strings.Contains(r.Params["text"], "已允许用户") {
		t.Errorf("/allow: %s", r.Params["text"])
	}
	if r := h.ask(eve, "淄博工业投资增速"); !strings.Contains(r.Params["text"], "30.2%") {
		t.Errorf("an allowed user: %s", r.Params["text"])
	}
	// A configured user is removed too.
	if r := h.ask(admin, "/revoke 1002"); !strings.Contains(r.Params["text"], "已移除用户") {
		t.Errorf("/revoke: %s", r.Params["text"])
	}
	if r := h.ask(alice, "淄博工业投资增速"); !strings.Contains(r.Params["text"], "没有使用这个机器人的权限") {
		t.Errorf("a removed user: %s", r.Params["text"])
	}
	if r := h.ask(admin, "/revoke 1001"); !strings.Contains(r.Params["text"], "不能在这里移除") {
		t.Errorf("removing an admin: %s", r.Params["text"])
	}
	if r := h.ask(admin, "/allow x"); !strings.Contains(r.Params["text"], "用法") {
		t.Errorf("/allow x: %s", r.Params["text"])
	}
	u := h.ask(admin, "/users")
	for _, want := range []string{"管理员:<code>1001</code>", "用户:<code>6666</code>", "已移除:<code>1002</code>", "群:<code>-100777</code>"} {
		if !strings.Contains(u.Params["text"], want) {
			t.Errorf("/users lacks %q:\n%s", want, u.Params["text"])
		}
	}
	data, err := os.ReadFile(filepath.Join(dir, accessFileName))
	if err != nil || !strings.Contains(string(data), "6666") || !strings.Contains(string(data), `"revoked"`) {
		t.Errorf("access file: %s %v", data, err)
	}
}

// TestShareButtonAndHelpFollowInlineMode: with inline mode on (getMe's
// supports_inline_queries), an answer has a 转发 button that types the
// question into another chat, and /help mentions inline mode; with it
// off, neither.
func TestShareButtonAndHelpFollowInlineMode(t *testing.T) {
	for _, inline := range []bool{true, false} {
		t.Run(fmt.Sprint("inline=", inline), func(t *testing.T) {
			h := start(t, func(_ *Config, api *telegramtest.Server) { api.SetInlineMode(inline) })
			b := buttons(t, h.ask(alice, "济宁工业投资增速"))
			if got, want := b["转发"], "inline:济宁工业投资增速"; (got == want) != inline {
				t.Errorf("share button %q with inline mode %v", got, inline)
			}
			help := h.ask(alice, "/help").Params["text"]
			if strings.Contains(help, "@reportbot_test_bot") != inline {
				t.Errorf("/help with inline mode %v:\n%s", inline, help)
			}
		})
	}
}

// TestFeedbackIsKept: 👍 and 👎 under an answer are kept in the state
// folder, once per user and answer, and ReadFeedback lists them.
func TestFeedbackIsKept(t *testing.T) {
	dir := t.TempDir()
	h := start(t, withStateDir(dir))
	b := buttons(t, h.ask(alice, "济宁工业投资增速"))
	if b["👍"] == "" || b["👎"] == "" {
		t.Fatalf("no feedback buttons: %v", b)
	}
	h.push(telegramtest.Callback(alice, alice, 1, b["👎"]))
	if cb := h.api.Wait(t, "answerCallbackQuery", nil); !strings.Contains(cb.Params["text"], "谢谢") {
		t.Errorf("toast: %v", cb.Params)
	}
	h.push(telegramtest.Callback(alice, alice, 1, b["👍"]))
	if cb := h.api.Wait(t, "answerCallbackQuery", nil); !strings.Contains(cb.Params["text"], "已经记下") {
		t.Errorf("a second vote: %v", cb.Params)
	}
	fb, err := ReadFeedback(dir)
	if err != nil || len(fb) != 1 {
		t.Fatalf("ReadFeedback: %v %v", fb, err)
	}
	f := fb[0]
	if f.Helpful || f.User != alice || f.Question != "济宁工业投资增速" || !strings.Contains(f.Answer, "12.5%") || f.File != "r/jining_2023.txt" {
		t.Errorf("feedback: %+v", f)
	}
	if !strings.Contains(f.String(), "👎") {
		t.Errorf("String: %s", f)
	}
}

// TestGroupsNobodyAllowedAreLeft: brought into a group by a stranger, the
// bot leaves at once and tells the admins the group's ID; brought in by
// an allowed user, it stays, and a stranger there is refused.
func TestGroupsNobodyAllowedAreLeft(t *testing.T) {
	h := start(t)
	const hosted = int64(-100555)
	id := h.api.PushRaw(botMembership(h.api, otherGrp, eve, "member"))
	if got := h.waitHandled(id); got != "left_group" {
		t.Errorf("added by a stranger: %s", got)
	}
	if l := h.api.Wait(t, "leaveChat", nil); l.Int("chat_id") != otherGrp {
		t.Errorf("left %v", l.Params)
	}
	if note := h.reply(admin); !strings.Contains(note.Params["text"], "-100999") || !strings.Contains(note.Params["text"], "6666") {
		t.Errorf("the admins' note: %s", note.Params["text"])
	}
	id = h.api.PushRaw(botMembership(h.api, hosted, alice, "member"))
	if got := h.waitHandled(id); got != "joined_group" {
		t.Errorf("added by an allowed user: %s", got)
	}
	h.push(telegramtest.GroupText(hosted, eve, "@reportbot_test_bot 济宁工业投资增速"))
	if g := h.reply(hosted); !strings.Contains(g.Params["text"], "6666") || !strings.Contains(g.Params["text"], "-100555") {
		t.Errorf("a stranger in a group an allowed user brought the bot into: %s", g.Params["text"])
	}
	if n := len(h.sentTo(otherGrp)); n != 0 || len(h.api.Requests("leaveChat")) != 1 {
		t.Errorf("%d messages to the group left, %d leaveChat", n, len(h.api.Requests("leaveChat")))
	}
}

// TestOtherPeriodsOnlyWhenThereAreSome: 其他时期 is offered only when the
// indicator has figures of other periods or reports.
func TestOtherPeriodsOnlyWhenThereAreSome(t *testing.T) {
	h := start(t)
	if b := buttons(t, h.ask(alice, "济宁工业投资增速")); b["其他时期"] == "" {
		t.Errorf("济宁 has 2022's figure, but no 其他时期: %v", b)
	}
	if b := buttons(t, h.ask(alice, "淄博工业投资增速")); b["其他时期"] != "" || b["原文"] == "" {
		t.Errorf("淄博 has one report, but 其他时期 is offered: %v", b)
	}
}
