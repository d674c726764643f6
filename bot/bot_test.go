package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/reportbot/reportbot/answer"
	"github.com/reportbot/reportbot/bot/telegramtest"
	"github.com/reportbot/reportbot/index"
)

func TestQuestionReply(t *testing.T) {
	h := start(t)
	r := h.ask(alice, "济宁工业投资增速")
	text := r.Params["text"]
	if r.Params["parse_mode"] != "HTML" {
		t.Errorf("parse_mode = %q, want HTML", r.Params["parse_mode"])
	}
	for _, want := range []string{
		"<b>12.5%</b> · 工业投资 增速 · 济宁市 · 2023年1-6月",
		"<blockquote>1-6月,全市工业投资同比增长<b>12.5%</b>,高于全省3.2个百分点,增速居全省第4位。</blockquote>",
		"来源:<i>济宁市上半年工业经济运行情况 · 2023-07-10 · 第1段</i>",
		"另:<b>8.4%</b> · 2022年", // the other period, one line
	} {
		if !strings.Contains(text, want) {
			t.Errorf("reply lacks %q:\n%s", want, text)
		}
	}
	checkHTML(t, text)
	b := buttons(t, r)
	for _, name := range []string{"更多结果", "原文", "其他时期"} {
		if b[name] == "" {
			t.Errorf("no %s button: %v", name, b)
		}
	}
	// Confirmed updates are not sent again: the next poll asks past it.
	h.api.Wait(t, "getUpdates", func(r telegramtest.Request) bool { return r.Int("offset") > 100 })
}

func TestNotFoundShowsSentencesNotNumbers(t *testing.T) {
	h := start(t)
	r := h.ask(alice, "济宁工业用电量增速")
	text := r.Params["text"]
	if !strings.HasPrefix(text, "未找到「济宁工业用电量增速」的确定数字") {
		t.Errorf("reply does not say 未找到:\n%s", text)
	}
	if strings.Contains(text, "<b>") {
		t.Errorf("a not-found reply shows a number in bold:\n%s", text)
	}
	if r.Params["reply_markup"] != "" {
		t.Errorf("a not-found reply has buttons: %s", r.Params["reply_markup"])
	}
	checkHTML(t, text)
}

func TestEscaping(t *testing.T) {
	h := start(t)
	r := h.ask(alice, "济宁研发投入增速")
	text := r.Params["text"]
	for _, want := range []string{"专精特新&lt;小巨人&gt;企业研发投入", "“专精特新&lt;小巨人&gt;”", "R&amp;D经费"} {
		if !strings.Contains(text, want) {
			t.Errorf("reply lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "<小巨人>") || strings.Contains(text, "R&D") {
		t.Errorf("report text not escaped:\n%s", text)
	}
	checkHTML(t, text)
}

func TestButtons(t *testing.T) {
	h := start(t)
	r := h.ask(alice, "济宁工业投资")
	b := buttons(t, r)
	msgID := 5000

	press := func(data string) int64 {
		t.Helper()
		id := h.push(telegramtest.Callback(alice, alice, msgID, data))
		return id
	}
	answered := func() telegramtest.Request {
		t.Helper()
		return h.api.Wait(t, "answerCallbackQuery", nil)
	}

	// 原文: the whole paragraph, the answer's sentence in bold.
	press(b["原文"])
	orig := h.reply(alice)
	answered()
	if !strings.Contains(orig.Params["text"], "<b>原文</b>") ||
		!strings.Contains(orig.Params["text"], "<b>1-6月,全市工业投资同比增长12.5%") {
		t.Errorf("原文 reply:\n%s", orig.Params["text"])
	}
	checkHTML(t, orig.Params["text"])

	// 更多结果: the further answers with their sentences, paged.
	press(b["更多结果"])
	more := h.reply(alice)
	answered()
	mt := more.Params["text"]
	if !strings.Contains(mt, "更多结果") || !strings.Contains(mt, "<b>8.4%</b>") || !strings.Contains(mt, "(第 1/2 页)") {
		t.Errorf("更多结果 reply:\n%s", mt)
	}
	checkHTML(t, mt)
	mb := buttons(t, more)
	if mb["下一页 ▶"] == "" || mb["原文 1"] == "" {
		t.Fatalf("更多结果 buttons: %v", mb)
	}
	press(mb["下一页 ▶"])
	edit := h.api.Wait(t, "editMessageText", nil)
	answered()
	if edit.Int("message_id") != int64(msgID) || !strings.Contains(edit.Params["text"], "(第 2/2 页)") {
		t.Errorf("page 2: message %d\n%s", edit.Int("message_id"), edit.Params["text"])
	}
	checkHTML(t, edit.Params["text"])
	if eb := buttons(t, edit); eb["◀ 上一页"] == "" {
		t.Errorf("page 2 has no 上一页: %v", eb)
	}
	// A 原文 button of the list opens that answer's paragraph.
	press(mb["原文 1"])
	if p := h.reply(alice); !strings.Contains(p.Params["text"], "<b>原文</b>") {
		t.Errorf("list 原文:\n%s", p.Params["text"])
	}
	answered()
}

func TestOtherPeriods(t *testing.T) {
	h := start(t)
	r := h.ask(alice, "济宁2023年1-6月工业投资增速")
	if !strings.Contains(r.Params["text"], "<b>12.5%</b>") {
		t.Fatalf("reply:\n%s", r.Params["text"])
	}
	h.push(telegramtest.Callback(alice, alice, 1, buttons(t, r)["其他时期"]))
	other := h.reply(alice)
	h.api.Wait(t, "answerCallbackQuery", nil)
	text := other.Params["text"]
	if !strings.Contains(text, "<b>8.4%</b>") || !strings.Contains(text, "2022年") {
		t.Errorf("其他时期 lacks 2022's 8.4%%:\n%s", text)
	}
	if strings.Contains(text, "30.2%") || strings.Contains(text, "12.5%</b>") {
		t.Errorf("其他时期 shows another region or the same figure:\n%s", text)
	}
	checkHTML(t, text)
}

func TestExpiredButton(t *testing.T) {
	h := start(t)
	id := h.push(telegramtest.Callback(alice, alice, 1, "o:AAAAAAAA:0"))
	cb := h.api.Wait(t, "answerCallbackQuery", nil)
	if !strings.Contains(cb.Params["text"], "过期") {
		t.Errorf("expired button answered %q", cb.Params["text"])
	}
	if got := h.waitHandled(id); got != "expired" {
		t.Errorf("outcome %q", got)
	}
}

func TestLongReplySplit(t *testing.T) {
	h := start(t)
	r := h.ask(alice, "临沂物流园区营业收入增速")
	if !strings.Contains(r.Params["text"], "<b>18.8%</b>") {
		t.Fatalf("reply:\n%s", r.Params["text"])
	}
	before := len(h.sentTo(alice))
	id := h.push(telegramtest.Callback(alice, alice, 1, buttons(t, r)["原文"]))
	h.waitHandled(id)
	parts := h.sentTo(alice)[before:]
	if len(parts) < 2 {
		t.Fatalf("a paragraph of %d characters came in %d message(s)", len([]rune(longReport())), len(parts))
	}
	var all strings.Builder
	for i, p := range parts {
		text := p.Params["text"]
		if n := textLen(text); n > maxMessage {
			t.Errorf("part %d has %d UTF-16 units", i, n)
		}
		checkHTML(t, text)
		all.WriteString(text)
	}
	joined := all.String()
	if !strings.Contains(joined, "<b>上半年,全市物流园区营业收入同比增长18.8%,高于全省5.1个百分点。</b>") {
		t.Errorf("the answer's sentence is not in bold, whole, in any part")
	}
	// Parts are cut between characters, so together they hold every
	// sentence of the paragraph.
	sents, err := h.srv.eng.Paragraph("r/linyi_long.txt", 1)
	if err != nil {
		t.Fatal(err)
	}
	var para strings.Builder
	for _, s := range sents {
		para.WriteString(s.Text)
	}
	plain := strings.NewReplacer("<b>", "", "</b>", "").Replace(joined)
	if !strings.Contains(plain, para.String()) {
		t.Errorf("the parts do not hold the paragraph's %d sentences", len(sents))
	}
}

func TestInline(t *testing.T) {
	h := start(t)
	h.push(telegramtest.Inline(alice, "济宁工业投资增速"))
	r := h.api.Wait(t, "answerInlineQuery", nil)
	if r.Params["is_personal"] != "true" {
		t.Errorf("inline results are not personal: Telegram would cache them for everyone")
	}
	var results []struct {
		Type, ID, Title, Description string
		Content                      struct {
			Text      string `json:"message_text"`
			ParseMode string `json:"parse_mode"`
		} `json:"input_message_content"`
	}
	if err := r.JSON("results", &results); err != nil {
		t.Fatalf("results %q: %v", r.Params["results"], err)
	}
	if len(results) == 0 || len(results) > 10 {
		t.Fatalf("%d inline results", len(results))
	}
	first := results[0]
	if first.Type != "article" || !strings.Contains(first.Title, "12.5%") || !strings.Contains(first.Description, "全市工业投资同比增长12.5%") {
		t.Errorf("first result: %+v", first)
	}
	if first.Content.ParseMode != "HTML" || !strings.Contains(first.Content.Text, "<b>12.5%</b>") || !strings.Contains(first.Content.Text, "来源:") {
		t.Errorf("first result's message: %+v", first.Content)
	}
	checkHTML(t, first.Content.Text)
}

func TestGroups(t *testing.T) {
	h := start(t)
	// Not spoken to: ignored.
	id := h.push(telegramtest.GroupText(groupID, alice, "济宁工业投资增速"))
	if got := h.waitHandled(id); got != "ignored" {
		t.Errorf("plain group message: outcome %q", got)
	}
	id = h.push(telegramtest.GroupText(groupID, alice, "/help@some_other_bot"))
	if got := h.waitHandled(id); got != "ignored" {
		t.Errorf("another bot's command: outcome %q", got)
	}
	// Not even a stranger's command for some other bot is refused.
	id = h.push(telegramtest.GroupText(otherGrp, eve, "/roll"))
	if got := h.waitHandled(id); got != "ignored" {
		t.Errorf("another bot's command: outcome %q", got)
	}
	if n := len(h.sentTo(groupID)) + len(h.sentTo(otherGrp)); n != 0 {
		t.Fatalf("the bot spoke %d time(s) in groups unasked", n)
	}

	// A mention is a question, without the mention.
	u := telegramtest.GroupText(groupID, alice, "@ReportBot_Test_Bot 济宁工业投资增速")
	h.push(u)
	r := h.reply(groupID)
	if !strings.Contains(r.Params["text"], "<b>12.5%</b>") {
		t.Errorf("mentioned: %s", r.Params["text"])
	}
	var rp models.ReplyParameters
	if err := r.JSON("reply_parameters", &rp); err != nil || rp.MessageID != u.Message.ID {
		t.Errorf("the group reply does not quote the question: %s", r.Params["reply_parameters"])
	}

	// A reply to the bot's message is a question.
	u = telegramtest.GroupText(groupID, alice, "淄博工业投资增速")
	u.Message.ReplyToMessage = &models.Message{ID: 77, From: &h.api.Bot, Chat: u.Message.Chat, Date: 1}
	h.push(u)
	if r := h.reply(groupID); !strings.Contains(r.Params["text"], "<b>30.2%</b>") {
		t.Errorf("reply to the bot: %s", r.Params["text"])
	}

	// Commands are answered.
	h.push(telegramtest.GroupText(groupID, alice, "/stats@reportbot_test_bot"))
	if r := h.reply(groupID); !strings.Contains(r.Params["text"], "报告:4 份") {
		t.Errorf("/stats in a group: %s", r.Params["text"])
	}
}

func TestStrangerRefusedEverywhere(t *testing.T) {
	h := start(t)
	noIndex := func(what, text string) {
		t.Helper()
		for _, leak := range []string{"12.5", "济宁", "jining", "工业投资"} {
			if strings.Contains(text, leak) {
				t.Errorf("%s: the refusal shows %q from the index:\n%s", what, leak, text)
			}
		}
	}
	// A question.
	r := h.ask(eve, "济宁工业投资增速")
	if !strings.Contains(r.Params["text"], "6666") || buttons(t, r)["申请使用"] != "a:req" || len(buttons(t, r)) != 1 {
		t.Errorf("question: %v", r.Params)
	}
	noIndex("question", r.Params["text"])
	// Commands.
	for _, c := range []string{"/search 工业投资", "/sources", "/stats", "/help", "/reindex"} {
		r := h.ask(eve, c)
		if !strings.Contains(r.Params["text"], "6666") {
			t.Errorf("%s: %s", c, r.Params["text"])
		}
		noIndex(c, r.Params["text"])
	}
	// A button of someone else's answer.
	key := buttons(t, h.ask(alice, "济宁工业投资增速"))["原文"]
	id := h.push(telegramtest.Callback(eve, eve, 1, key))
	cb := h.api.Wait(t, "answerCallbackQuery", nil)
	if cb.Params["show_alert"] != "true" || !strings.Contains(cb.Params["text"], "6666") {
		t.Errorf("button: %v", cb.Params)
	}
	noIndex("button", cb.Params["text"])
	h.waitHandled(id)
	// Inline.
	h.push(telegramtest.Inline(eve, "济宁工业投资增速"))
	in := h.api.Wait(t, "answerInlineQuery", nil)
	if !strings.Contains(in.Params["results"], "6666") || strings.Count(in.Params["results"], `"type":"article"`) != 1 {
		t.Errorf("inline: %s", in.Params["results"])
	}
	noIndex("inline", in.Params["results"])
	// An upload.
	h.api.AddFile(telegramtest.File{ID: "evil", Path: "documents/evil.txt", Data: []byte(zibo2023)})
	h.push(telegramtest.Document(eve, "evil", "evil.txt", 10))
	if r := h.reply(eve); !strings.Contains(r.Params["text"], "6666") {
		t.Errorf("upload: %s", r.Params["text"])
	}
	if n := len(h.api.Requests("getFile")); n != 0 {
		t.Errorf("a stranger's file was fetched")
	}
	// A group no allowed user brought the bot into: it leaves, says
	// nothing there, and tells the admins (TestGroupsNobodyAllowedAreLeft).
	id = h.push(telegramtest.GroupText(otherGrp, eve, "@reportbot_test_bot 济宁工业投资增速"))
	if got := h.waitHandled(id); got != "left_group" {
		t.Errorf("stranger in a group nobody allowed: %s", got)
	}
	if n := len(h.sentTo(otherGrp)); n != 0 {
		t.Errorf("%d messages in a group nobody allowed", n)
	}
	if n := len(h.api.Requests("editMessageText")); n != 0 {
		t.Errorf("%d edits", n)
	}
}

func TestOnlyAdminsUploadAndReindex(t *testing.T) {
	dir := t.TempDir()
	h := start(t, func(c *Config, _ *telegramtest.Server) { c.ReportsDir = dir })
	h.api.AddFile(telegramtest.File{ID: "f", Path: "documents/file_1.txt", Data: []byte(zibo2023)})
	h.push(telegramtest.Document(alice, "f", "zibo.txt", int64(len(zibo2023))))
	if r := h.reply(alice); !strings.Contains(r.Params["text"], "只有管理员") || !strings.Contains(r.Params["text"], "1002") {
		t.Errorf("non-admin upload: %s", r.Params["text"])
	}
	// The file is checked as a draft instead (TestCheckDraftFile), not
	// added.
	if r := h.reply(alice); !strings.Contains(r.Params["text"], "核对") {
		t.Errorf("non-admin's file not checked: %s", r.Params["text"])
	}
	if r := h.ask(alice, "/reindex"); !strings.Contains(r.Params["text"], "只有管理员") {
		t.Errorf("non-admin /reindex: %s", r.Params["text"])
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files were saved: %v", entries)
	}
}

func TestAdminUpload(t *testing.T) {
	dir := t.TempDir()
	h := start(t, func(c *Config, _ *telegramtest.Server) { c.ReportsDir = dir })
	report := "威海市1-7月工业运行情况\n1-7月,全市工业投资同比增长9.7%,高于全省2.4个百分点。\n全市规上工业营业收入增长7.1%。\n"
	h.api.AddFile(telegramtest.File{ID: "f1", Path: "documents/file_1.txt", Data: []byte(report)})
	// The name tries to escape the folder.
	h.push(telegramtest.Document(admin, "f1", "../../威海_2023-08_工业.txt", int64(len(report))))
	r := h.reply(admin)
	text := r.Params["text"]
	for _, want := range []string{"已收录", "威海市", "数字", "威海_2023-08_工业.txt", "试着问:"} {
		if !strings.Contains(text, want) {
			t.Errorf("upload reply lacks %q:\n%s", want, text)
		}
	}
	checkHTML(t, text)
	dl := h.api.Wait(t, "file", nil)
	if dl.Params["file_path"] != "documents/file_1.txt" {
		t.Errorf("downloaded %q", dl.Params["file_path"])
	}
	saved := filepath.Join(dir, "威海_2023-08_工业.txt")
	if data, err := os.ReadFile(saved); err != nil || string(data) != report {
		t.Fatalf("saved file: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the reports folder holds %d entries, want the one report", len(entries))
	}

	// Now answerable.
	if r := h.ask(alice, "威海工业投资增速"); !strings.Contains(r.Params["text"], "<b>9.7%</b>") {
		t.Errorf("after upload: %s", r.Params["text"])
	}

	// The same file again, under another name: not indexed twice.
	h.api.AddFile(telegramtest.File{ID: "f2", Path: "documents/file_2.txt", Data: []byte(report)})
	h.push(telegramtest.Document(admin, "f2", "copy.txt", int64(len(report))))
	if r := h.reply(admin); !strings.Contains(r.Params["text"], "已经收录过") {
		t.Errorf("duplicate: %s", r.Params["text"])
	}
	// Another file of the same name: kept beside, not over, the first.
	other := "威海市2022年工业运行情况\n2022年,全市工业投资同比增长5.5%。\n"
	h.api.AddFile(telegramtest.File{ID: "f3", Path: "documents/file_3.txt", Data: []byte(other)})
	h.push(telegramtest.Document(admin, "f3", "威海_2023-08_工业.txt", int64(len(other))))
	if r := h.reply(admin); !strings.Contains(r.Params["text"], "已收录") {
		t.Errorf("second file: %s", r.Params["text"])
	}
	if data, _ := os.ReadFile(saved); string(data) != report {
		t.Errorf("the first file was overwritten")
	}
	if data, err := os.ReadFile(filepath.Join(dir, "威海_2023-08_工业-2.txt")); err != nil || string(data) != other {
		t.Errorf("the second file was not saved beside the first: %v", err)
	}
	if st := h.srv.eng.Stats(); st.Files != 6 {
		t.Errorf("%d files indexed, want 6", st.Files)
	}

	// A file that cannot be read is reported and not kept.
	h.api.AddFile(telegramtest.File{ID: "bad", Path: "documents/bad.docx", Data: []byte("not a zip")})
	h.push(telegramtest.Document(admin, "bad", "bad.docx", 9))
	if r := h.reply(admin); !strings.Contains(r.Params["text"], "读不了") || !strings.Contains(r.Params["text"], "docx") {
		t.Errorf("unreadable: %s", r.Params["text"])
	}
	if _, err := os.Stat(filepath.Join(dir, "bad.docx")); err == nil {
		t.Errorf("an unreadable upload was kept")
	}

	// Refused before downloading: wrong type, too large.
	h.push(telegramtest.Document(admin, "x", "setup.exe", 10))
	if r := h.reply(admin); !strings.Contains(r.Params["text"], "不支持") {
		t.Errorf("exe: %s", r.Params["text"])
	}
	h.push(telegramtest.Document(admin, "x", "big.pdf", 21<<20))
	if r := h.reply(admin); !strings.Contains(r.Params["text"], "文件太大") {
		t.Errorf("too large: %s", r.Params["text"])
	}
	if n := len(h.api.Requests("getFile")); n != 4 {
		t.Errorf("%d getFile calls, want 4", n)
	}

	// /reindex picks up a file put into the folder by hand.
	if err := os.WriteFile(filepath.Join(dir, "烟台_2023-07_工业.txt"), []byte("烟台市工业\n1-6月,全市工业投资同比增长4.4%。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = h.ask(admin, "/reindex")
	if !strings.Contains(r.Params["text"], "重新索引完成") || !strings.Contains(r.Params["text"], "新增 1") {
		t.Errorf("/reindex: %s", r.Params["text"])
	}
	if r := h.ask(alice, "烟台工业投资增速"); !strings.Contains(r.Params["text"], "<b>4.4%</b>") {
		t.Errorf("after /reindex: %s", r.Params["text"])
	}
}

func TestUploadWithoutReportsFolder(t *testing.T) {
	h := start(t)
	h.push(telegramtest.Document(admin, "f", "a.txt", 10))
	r := h.reply(admin)
	if !strings.Contains(r.Params["text"], "-reports") {
		t.Errorf("reply does not say how to enable uploads: %s", r.Params["text"])
	}
	if n := len(h.api.Requests("getFile")); n != 0 {
		t.Errorf("file fetched")
	}
}

func TestSafeName(t *testing.T) {
	for in, want := range map[string]string{
		"../../etc/passwd.txt":  "passwd.txt",
		`..\..\win\report.DOCX`: "report.docx",
		".hidden.txt":           "hidden.txt",
		"~$lock.docx":           "lock.docx",
		"a:b*c?.pdf":            "a_b_c_.pdf",
		"..":                    "report",
		"/":                     "report",
		"报告\x00\n.txt":          "报告.txt",
		"...txt":                "report.txt",
	} {
		if got := safeName(in); got != want {
			t.Errorf("safeName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCommands(t *testing.T) {
	h := start(t)
	// The command menu: everyone's, and the admin's with /reindex.
	menu := h.api.Wait(t, "setMyCommands", func(r telegramtest.Request) bool { return r.Params["scope"] == "" })
	var cmds []models.BotCommand
	if err := menu.JSON("commands", &cmds); err != nil {
		t.Fatal(err)
	}
	if names := commandNames(cmds); names != "start help check search sources stats" {
		t.Errorf("commands: %s", names)
	}
	adm := h.api.Wait(t, "setMyCommands", func(r telegramtest.Request) bool { return r.Params["scope"] != "" })
	if !strings.Contains(adm.Params["scope"], fmt.Sprint(admin)) || !strings.Contains(adm.Params["commands"], "reindex") {
		t.Errorf("admin commands: %v", adm.Params)
	}

	help := h.ask(alice, "/start")
	text := help.Params["text"]
	for _, want := range []string{"已收录 4 份报告", "济宁市", "淄博市", "试着问:", "/search"} {
		if !strings.Contains(text, want) {
			t.Errorf("/start lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "/reindex") {
		t.Errorf("a user's /help shows /reindex")
	}
	checkHTML(t, text)
	// Its examples come from the index and are answered.
	var examples []string
	for _, line := range strings.Split(text, "\n") {
		if q, ok := strings.CutPrefix(line, "• "); ok {
			examples = append(examples, q)
		}
	}
	if len(examples) != 3 {
		t.Fatalf("%d examples:\n%s", len(examples), text)
	}
	for _, q := range examples {
		if r := h.ask(alice, q); !strings.Contains(r.Params["text"], "</b>") || strings.HasPrefix(r.Params["text"], "未找到") {
			t.Errorf("example %q is not answered: %s", q, r.Params["text"])
		}
	}
	if r := h.ask(admin, "/help"); !strings.Contains(r.Params["text"], "/reindex") {
		t.Errorf("the admin's /help lacks /reindex")
	}

	st := h.ask(alice, "/stats")
	for _, want := range []string{"报告:4 份", "句子:", "数字:", "最近索引:"} {
		if !strings.Contains(st.Params["text"], want) {
			t.Errorf("/stats lacks %q:\n%s", want, st.Params["text"])
		}
	}
	src := h.ask(alice, "/sources")
	for _, want := range []string{"已收录的报告</b>:4 份", "济宁市上半年工业经济运行情况", "2023-07-10 · 济宁市"} {
		if !strings.Contains(src.Params["text"], want) {
			t.Errorf("/sources lacks %q:\n%s", want, src.Params["text"])
		}
	}
	checkHTML(t, src.Params["text"])

	// /search: plain full-text hits, paged.
	s := h.ask(alice, "/search 营商环境")
	if !strings.Contains(s.Params["text"], "搜索「营商环境」") || !strings.Contains(s.Params["text"], "优化<b>营商环境</b>") ||
		!regexp.MustCompile(`<i>临沂市物流业发展情况 · 2023-07-15 · 第\d段</i>`).MatchString(s.Params["text"]) {
		t.Errorf("/search:\n%s", s.Params["text"])
	}
	checkHTML(t, s.Params["text"])
	next := buttons(t, s)["下一页 ▶"]
	if next == "" {
		t.Fatalf("/search with many hits has no next page")
	}
	h.push(telegramtest.Callback(alice, alice, 42, next))
	e := h.api.Wait(t, "editMessageText", nil)
	if !strings.Contains(e.Params["text"], "(第 2/") || !strings.Contains(e.Params["text"], "\n\n6. ") {
		t.Errorf("/search page 2:\n%s", e.Params["text"])
	}
	if r := h.ask(alice, "/search"); !strings.Contains(r.Params["text"], "用法") {
		t.Errorf("/search without words: %s", r.Params["text"])
	}
	if r := h.ask(alice, "/nonsense"); !strings.Contains(r.Params["text"], "/help") {
		t.Errorf("unknown command: %s", r.Params["text"])
	}
}

func commandNames(cmds []models.BotCommand) string {
	var names []string
	for _, c := range cmds {
		names = append(names, c.Command)
	}
	return strings.Join(names, " ")
}

func TestFloodControlRetryAfter(t *testing.T) {
	h := start(t, func(_ *Config, api *telegramtest.Server) {
		api.Fail("sendMessage", telegramtest.TooManyRequests(7))
	})
	r := h.ask(alice, "济宁工业投资增速")
	if !strings.Contains(r.Params["text"], "12.5%") || r.Status != 429 {
		t.Fatalf("first attempt: %d %s", r.Status, r.Params["text"])
	}
	again := h.reply(alice)
	if again.Status != http.StatusOK || again.Params["text"] != r.Params["text"] {
		t.Errorf("retry: %d", again.Status)
	}
	if d := <-h.sleeps; d != 7*time.Second {
		t.Errorf("waited %s, want retry_after 7s", d)
	}
}

func TestServerErrorsRetried(t *testing.T) {
	h := start(t, func(_ *Config, api *telegramtest.Server) {
		api.Fail("sendMessage", telegramtest.BadGateway(), telegramtest.BadGateway())
	})
	h.push(telegramtest.PrivateText(alice, "济宁工业投资增速"))
	for i := 0; i < 2; i++ {
		if r := h.reply(alice); r.Status != http.StatusBadGateway {
			t.Fatalf("attempt %d: %d", i+1, r.Status)
		}
	}
	if r := h.reply(alice); r.Status != http.StatusOK {
		t.Errorf("third attempt: %d", r.Status)
	}
	if a, b := <-h.sleeps, <-h.sleeps; a <= 0 || b <= 0 {
		t.Errorf("no backoff: %s %s", a, b)
	}
}

func TestPollingSurvivesDroppedConnections(t *testing.T) {
	// Five drops in a row: more than one call's retries, so the library's
	// own polling loop has to carry on too.
	h := start(t, func(_ *Config, api *telegramtest.Server) {
		for i := 0; i < 5; i++ {
			api.Fail("getUpdates", telegramtest.Dropped())
		}
	})
	r := h.ask(alice, "济宁工业投资增速")
	if !strings.Contains(r.Params["text"], "12.5%") {
		t.Errorf("reply: %s", r.Params["text"])
	}
	if n := len(h.api.Requests("getUpdates")); n < 6 {
		t.Errorf("%d polls", n)
	}
}

func TestRateLimit(t *testing.T) {
	now := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	h := start(t, func(c *Config, _ *telegramtest.Server) {
		c.RatePerMinute, c.Burst = 2, 1
		c.hooks.now = func() time.Time { return now } // no refill during the test
	})
	if r := h.ask(alice, "济宁工业投资增速"); !strings.Contains(r.Params["text"], "12.5%") {
		t.Fatalf("first: %s", r.Params["text"])
	}
	r := h.ask(alice, "淄博工业投资增速")
	if !strings.Contains(r.Params["text"], "太频繁") || !strings.Contains(r.Params["text"], "30 秒") {
		t.Errorf("second: %s", r.Params["text"])
	}
	// The rest of a flood is dropped without a word.
	id := h.push(telegramtest.PrivateText(alice, "淄博工业投资增速"))
	if got := h.waitHandled(id); got != "rate_limited" {
		t.Errorf("third: %s", got)
	}
	if n := len(h.sentTo(alice)); n != 2 {
		t.Errorf("%d messages to a flooding user, want 2", n)
	}
	// Admins are not limited.
	for i := 0; i < 3; i++ {
		if r := h.ask(admin, "济宁工业投资增速"); !strings.Contains(r.Params["text"], "12.5%") {
			t.Errorf("admin %d: %s", i, r.Params["text"])
		}
	}
}

func TestWebhook(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	h := start(t, func(c *Config, _ *telegramtest.Server) {
		c.Webhook = &Webhook{URL: "https://bot.example.org/tg/hook", Listener: ln, Secret: "s3cret-Token_1"}
	})
	set := h.api.Wait(t, "setWebhook", nil)
	if set.Params["url"] != "https://bot.example.org/tg/hook" || set.Params["secret_token"] != "s3cret-Token_1" {
		t.Errorf("setWebhook: %v", set.Params)
	}
	base := "http://" + ln.Addr().String()
	body, _ := json.Marshal(telegramtest.PrivateText(alice, "济宁工业投资增速"))
	post := func(path, secret string) int {
		t.Helper()
		req, _ := http.NewRequest(http.MethodPost, base+path, strings.NewReader(string(body)))
		req.Header.Set("Content-Type", "application/json")
		if secret != "" {
			req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if got := post("/tg/hook", ""); got != http.StatusUnauthorized {
		t.Errorf("no secret: %d", got)
	}
	if got := post("/tg/hook", "wrong"); got != http.StatusUnauthorized {
		t.Errorf("wrong secret: %d", got)
	}
	if got := post("/elsewhere", "s3cret-Token_1"); got != http.StatusNotFound {
		t.Errorf("wrong path: %d", got)
	}
	if resp, err := http.Get(base + "/tg/hook"); err != nil || resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET: %v %v", resp, err)
	}
	if n := len(h.sentTo(alice)); n != 0 {
		t.Fatalf("an update without the secret was handled")
	}
	if got := post("/tg/hook", "s3cret-Token_1"); got != http.StatusOK {
		t.Errorf("right secret: %d", got)
	}
	if r := h.reply(alice); !strings.Contains(r.Params["text"], "12.5%") {
		t.Errorf("webhook reply: %s", r.Params["text"])
	}
	if n := len(h.api.Requests("getUpdates")); n != 0 {
		t.Errorf("webhook mode polled %d times", n)
	}
}

func TestShutdownFinishesInFlightReply(t *testing.T) {
	hold := make(chan struct{})
	h := start(t, func(_ *Config, api *telegramtest.Server) {
		api.Fail("sendMessage", telegramtest.Fault{Hold: hold})
	})
	id := h.push(telegramtest.PrivateText(alice, "济宁工业投资增速"))
	h.reply(alice) // the reply is on its way, held by the server
	stopped := make(chan error, 1)
	go func() { stopped <- h.stop() }()
	// Shutdown has begun (Run's context is cancelled); now let the reply
	// through. Run must wait for it and then return cleanly.
	close(hold)
	if err := <-stopped; err != nil {
		t.Fatalf("Run: %v", err)
	}
	if got := h.waitHandled(id); got != "answered" {
		t.Errorf("in-flight reply: outcome %q, want answered", got)
	}
	if r := h.sentTo(alice); len(r) != 1 || r[0].Status != http.StatusOK {
		t.Errorf("the held reply was not delivered: %+v", r)
	}
}

func TestTokenNeverInErrors(t *testing.T) {
	// An API that is not there.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	logs := &syncBuffer{}
	srv, err := New(Config{Token: testToken, APIURL: "http://" + addr, Engine: emptyEngine(t), Access: Access{Public: true},
		Logger: slog.New(slog.NewTextHandler(logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	srv.client.Transport.(*retryTransport).sleep = func(context.Context, time.Duration) error { return nil }
	err = srv.Run(context.Background())
	if err == nil {
		t.Fatal("Run with no API returned nil")
	}
	if strings.Contains(err.Error(), testToken) || strings.Contains(logs.String(), testToken) {
		t.Errorf("the token leaked: %v\n%s", err, logs.String())
	}
	if !strings.Contains(err.Error(), "getMe") {
		t.Errorf("error: %v", err)
	}

	// A download whose connection drops: Go's error quotes the URL.
	dir := t.TempDir()
	h := start(t, func(c *Config, _ *telegramtest.Server) { c.ReportsDir = dir })
	h.api.AddFile(telegramtest.File{ID: "f", Path: "documents/f.txt", Data: []byte(zibo2023)})
	// More drops than attempts: Go's transport itself resends a GET
	// whose reused connection broke.
	for i := 0; i < 80; i++ {
		h.api.Fail("file", telegramtest.Dropped())
	}
	id := h.push(telegramtest.Document(admin, "f", "zibo.txt", 10))
	if r := h.reply(admin); !strings.Contains(r.Params["text"], "没能从 Telegram 下载") {
		t.Errorf("reply: %s", r.Params["text"])
	}
	if got := h.waitHandled(id); got != "error" {
		t.Errorf("outcome %q", got)
	}
	if !strings.Contains(h.logs.String(), "/file/bot<token>/documents/f.txt") {
		t.Errorf("the download error is not logged with the token redacted:\n%s", h.logs.String())
	}
	// The harness checks the logs for the token when the test ends.
}

func TestRefusesToStartOpen(t *testing.T) {
	if _, err := New(Config{Token: testToken, Engine: emptyEngine(t)}); err == nil {
		t.Error("New without an allow-list and not public succeeded")
	}
}

func TestRefusesIncompleteConfig(t *testing.T) {
	if _, err := New(Config{Token: testToken, Access: Access{Public: true}}); err == nil {
		t.Error("New without an engine succeeded")
	}
	if _, err := New(Config{Token: testToken, Engine: emptyEngine(t), ReportsDir: t.TempDir(), Access: Access{Public: true}}); err == nil {
		t.Error("New with a reports folder and no pipeline succeeded")
	}
}

func TestBadToken(t *testing.T) {
	api := telegramtest.New(t, "999:other-token")
	srv, err := New(Config{Token: testToken, APIURL: api.URL(), Engine: emptyEngine(t), Access: Access{Public: true}, Logger: slog.New(slog.NewTextHandler(&syncBuffer{}, nil))})
	if err != nil {
		t.Fatal(err)
	}
	err = srv.Run(context.Background())
	if err == nil || !strings.Contains(err.Error(), "refused the bot token") || strings.Contains(err.Error(), testToken) {
		t.Errorf("Run with a wrong token: %v", err)
	}
}

// emptyEngine is an engine over an empty in-memory index.
func emptyEngine(t *testing.T) *answer.Engine {
	t.Helper()
	ix, err := index.OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return answer.New(ix)
}

// TestRateLimitCountsQuestionsOnly: with the defaults a new user may
// /start, /help, press buttons, type inline queries and ask ten questions
// in a row (a meeting). The eleventh is answered with the wait; the rest
// of that window gets nothing more; the next window explains again.
// Before, commands and presses counted, the burst was 5 by default, and
// after the first explanation a flood was dropped until a question
// succeeded.
func TestRateLimitCountsQuestionsOnly(t *testing.T) {
	h := start(t, func(c *Config, _ *telegramtest.Server) {
		c.RatePerMinute, c.Burst = DefaultRatePerMinute, 0 // 0: DefaultBurst
	})
	for _, c := range []string{"/start", "/help", "/sources", "/stats", "/search"} {
		if r := h.ask(alice, c); strings.Contains(r.Params["text"], "太频繁") {
			t.Fatalf("%s is limited", c)
		}
	}
	first := h.ask(alice, "济宁工业投资增速")
	for i := 0; i < 3; i++ {
		id := h.push(telegramtest.Callback(alice, alice, 1, buttons(t, first)["原文"]))
		if got := h.waitHandled(id); got != "paragraph" {
			t.Fatalf("button press %d: %s", i, got)
		}
		h.reply(alice)
	}
	for i := 0; i < 3; i++ {
		id := h.push(telegramtest.Inline(alice, "济宁工业投资增速"))
		if got := h.waitHandled(id); got != "answered" {
			t.Fatalf("inline query %d: %s", i, got)
		}
	}
	for i := 2; i <= 10; i++ {
		if r := h.ask(alice, "淄博工业投资增速"); !strings.Contains(r.Params["text"], "30.2%") {
			t.Fatalf("question %d of 10: %s", i, r.Params["text"])
		}
	}
	r := h.ask(alice, "淄博工业投资增速")
	if !strings.Contains(r.Params["text"], "太频繁") || !strings.Contains(r.Params["text"], "3 秒") || !strings.Contains(r.Params["text"], "连续问 10 个") {
		t.Errorf("11th question: %s", r.Params["text"])
	}
	// Within the window: not answered again.
	before := len(h.sentTo(alice))
	id := h.push(telegramtest.PrivateText(alice, "淄博工业投资增速"))
	if got := h.waitHandled(id); got != "rate_limited" {
		t.Errorf("12th question: %s", got)
	}
	if n := len(h.sentTo(alice)); n != before {
		t.Errorf("a question within the window was answered %d times", n-before)
	}
	// Commands still work.
	if r := h.ask(alice, "/help"); strings.Contains(r.Params["text"], "太频繁") {
		t.Errorf("/help is limited")
	}
	// The window passes: one question, then a new window, explained again.
	h.clock.advance(3 * time.Second)
	if r := h.ask(alice, "淄博工业投资增速"); !strings.Contains(r.Params["text"], "30.2%") {
		t.Errorf("after the wait: %s", r.Params["text"])
	}
	if r := h.ask(alice, "淄博工业投资增速"); !strings.Contains(r.Params["text"], "太频繁") {
		t.Errorf("a new window is not explained: %s", r.Params["text"])
	}
}
