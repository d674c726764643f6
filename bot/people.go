package bot

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/reportbot/reportbot/answer"
)

// People: a stranger asks for access with a button and the admins get the
// request with buttons to approve or refuse it; admins add and remove
// users and groups with /allow, /revoke and /users, without a restart;
// the bot leaves a group that no allowed user brought it into, rather
// than post refusals there; 👍/👎 under an answer is kept for the admins.

// Callback actions of this file (see the action constants in handlers.go).
const (
	actionAccess   = "a" // a:req (a stranger asks), a:ok:ID and a:no:ID (an admin decides)
	actionExample  = "e" // e:question, an example question of /start and /help
	actionFeedback = "f" // f:key:1 👍, f:key:0 👎
)

// requestEvery is how often one user's access request reaches the admins;
// maxRequests bounds the requests remembered.
const (
	requestEvery = time.Hour
	maxRequests  = 10000
)

// requestKeyboard is the button under a refusal.
var requestKeyboard = &keyboard{InlineKeyboard: [][]button{{{Text: "申请使用", CallbackData: actionAccess + ":req"}}}}

// userName is a user as an admin reads them: name, @username, ID.
func userName(u models.User) string {
	name := strings.TrimSpace(u.FirstName + " " + u.LastName)
	if u.Username != "" {
		name += " @" + u.Username
	}
	return esc(name) + fmt.Sprintf("(ID <code>%d</code>)", u.ID)
}

// notifyAdmins sends html to every admin's private chat. An admin who has
// not started the bot cannot be written to; that is logged.
func (s *Server) notifyAdmins(ctx context.Context, html string, kb *keyboard) int {
	sent := 0
	for _, id := range s.access.adminIDs() {
		if err := s.post(ctx, target{chat: id}, html, kb); err != nil {
			s.log.Warn("could not notify an admin (has the admin started the bot?)", "admin", id, "error", s.redact.String(err.Error()))
			continue
		}
		sent++
	}
	return sent
}

// onAccessButton handles a:req from a stranger and a:ok:ID, a:no:ID from
// an admin. It returns the toast of the press.
func (s *Server) onAccessButton(ctx context.Context, q *models.CallbackQuery, rest string, ev *event) (toast string, alert bool) {
	what, arg, _ := strings.Cut(rest, ":")
	if what == "req" {
		ev.outcome = "access_request"
		if s.access.allowed(ev.user, 0) {
			return "你已经可以使用了。/help 查看说明。", true
		}
		s.requestsMu.Lock()
		if len(s.requests) >= maxRequests {
			// Forget requests old enough to be sent again anyway.
			for id, at := range s.requests {
				if s.now().Sub(at) >= requestEvery {
					delete(s.requests, id)
				}
			}
		}
		last, asked := s.requests[ev.user]
		fresh := !asked || s.now().Sub(last) >= requestEvery
		if fresh {
			s.requests[ev.user] = s.now()
		}
		s.requestsMu.Unlock()
		if !fresh {
			return "申请已经发给管理员了,请等待批准。", true
		}
		kb := &keyboard{InlineKeyboard: [][]button{{
			{Text: "批准", CallbackData: actionAccess + ":ok:" + strconv.FormatInt(ev.user, 10)},
			{Text: "拒绝", CallbackData: actionAccess + ":no:" + strconv.FormatInt(ev.user, 10)},
		}}}
		if s.notifyAdmins(ctx, "<b>使用申请</b>\n"+userName(q.From)+" 申请使用机器人。", kb) == 0 {
			ev.err = fmt.Errorf("access request of %d reached no admin", ev.user)
			return "没能联系到管理员,请直接把你的用户 ID 发给管理员:" + strconv.FormatInt(ev.user, 10), true
		}
		return "已把申请发给管理员,批准后会通知你。", true
	}
	// An admin's decision.
	if !s.access.admin(ev.user) {
		ev.outcome = "refused"
		return "只有管理员可以批准申请。", true
	}
	id, err := strconv.ParseInt(arg, 10, 64)
	if err != nil || id <= 0 || (what != "ok" && what != "no") {
		ev.outcome = "expired"
		return "这个按钮已失效。", false
	}
	msg := q.Message.Message
	var result string
	switch what {
	case "ok":
		ev.outcome = "access_granted"
		if err := s.access.allow(id); err != nil {
			ev.err = err
			return "没能保存:" + err.Error(), true
		}
		s.log.Info("access granted", "admin", ev.user, "user", id)
		result = fmt.Sprintf("✅ 已批准用户 <code>%d</code>。", id)
		if err := s.post(ctx, target{chat: id}, "管理员批准了你的申请,现在可以提问了。/help 查看说明和示例问题。", nil); err != nil {
			s.log.Warn("could not tell a user they were let in", "user", id, "error", s.redact.String(err.Error()))
		}
	case "no":
		ev.outcome = "access_refused"
		s.log.Info("access request refused", "admin", ev.user, "user", id)
		result = fmt.Sprintf("已拒绝用户 <code>%d</code> 的申请。", id)
		s.post(ctx, target{chat: id}, "管理员没有批准你的使用申请。", nil)
	}
	if msg != nil {
		// The decision replaces the buttons, so that a second admin sees it.
		if err := s.edit(ctx, msg.Chat.ID, msg.ID, htmlEscaper.Replace(msg.Text)+"\n"+result, nil); err != nil {
			s.log.Warn("could not mark the request decided", "error", s.redact.String(err.Error()))
		}
	}
	return "", false
}

// onPeopleCommand handles the admins' /allow ID, /revoke ID and /users.
func (s *Server) onPeopleCommand(ctx context.Context, c command, t target, ev *event) {
	if !s.access.admin(ev.user) {
		ev.outcome = "refused"
		ev.err = s.send(ctx, t, fmt.Sprintf("只有管理员可以管理用户。你的用户 ID:<code>%d</code>", ev.user), nil)
		return
	}
	if c.name == "users" {
		users, chats, revoked := s.access.lists()
		ev.err = s.send(ctx, t, renderPeople(s.access.adminIDs(), users, chats, revoked, s.access.public), nil)
		return
	}
	id, err := strconv.ParseInt(strings.TrimSpace(c.args), 10, 64)
	if err != nil || id == 0 {
		ev.outcome = "usage"
		ev.err = s.send(ctx, t, "用法:/"+c.name+" 用户ID(群 ID 以 -100 开头),例如 /"+c.name+" 123456789", nil)
		return
	}
	what := "用户"
	if id < 0 {
		what = "群"
	}
	switch c.name {
	case "allow":
		if err := s.access.allow(id); err != nil {
			ev.outcome, ev.err = "error", err
			s.send(ctx, t, "没能保存:"+esc(err.Error()), nil)
			return
		}
		s.log.Info("access granted", "admin", ev.user, "id", id)
		ev.err = s.send(ctx, t, fmt.Sprintf("已允许%s <code>%d</code>。", what, id), nil)
	case "revoke":
		if s.access.admin(id) {
			ev.err = s.send(ctx, t, "管理员由启动配置(REPORTBOT_ADMINS)决定,不能在这里移除。", nil)
			return
		}
		was, err := s.access.revoke(id)
		if err != nil {
			ev.outcome, ev.err = "error", err
			s.send(ctx, t, "没能保存:"+esc(err.Error()), nil)
			return
		}
		s.log.Info("access revoked", "admin", ev.user, "id", id)
		if !was {
			ev.err = s.send(ctx, t, fmt.Sprintf("%s <code>%d</code> 本来就不在允许名单里。", what, id), nil)
			return
		}
		ev.err = s.send(ctx, t, fmt.Sprintf("已移除%s <code>%d</code>。", what, id), nil)
	}
}

func renderPeople(admins, users, chats, revoked []int64, public bool) string {
	ids := func(list []int64) string {
		if len(list) == 0 {
			return "无"
		}
		parts := make([]string, len(list))
		for i, id := range list {
			parts[i] = fmt.Sprintf("<code>%d</code>", id)
		}
		return strings.Join(parts, "、")
	}
	var b strings.Builder
	b.WriteString("<b>使用权限</b>")
	if public {
		b.WriteString("\n公开模式:所有人都可以提问。")
	}
	b.WriteString("\n管理员:" + ids(admins))
	b.WriteString("\n用户:" + ids(users))
	b.WriteString("\n群:" + ids(chats))
	if len(revoked) > 0 {
		b.WriteString("\n已移除:" + ids(revoked))
	}
	b.WriteString("\n\n/allow ID 添加,/revoke ID 移除。")
	return b.String()
}

// onMyChatMember follows the bot's own membership in groups: brought in
// by an allowed user (or into an allowed group), it stays and remembers
// the group; brought in by anyone else, it leaves at once and tells the
// admins, rather than answer every message there with a refusal.
func (s *Server) onMyChatMember(ctx context.Context, u *models.ChatMemberUpdated, ev *event) {
	ev.kind, ev.chat, ev.user = "membership", u.Chat.ID, u.From.ID
	if u.Chat.Type != models.ChatTypeGroup && u.Chat.Type != models.ChatTypeSupergroup {
		return // a private chat blocked or unblocked, a channel
	}
	switch u.NewChatMember.Type {
	case models.ChatMemberTypeMember, models.ChatMemberTypeAdministrator, models.ChatMemberTypeRestricted:
	default:
		ev.outcome = "removed_from_group"
		if err := s.access.unhost(u.Chat.ID); err != nil {
			ev.err = err
		}
		return
	}
	if s.access.allowed(u.From.ID, u.Chat.ID) {
		ev.outcome = "joined_group"
		ev.err = s.access.host(u.Chat.ID)
		return
	}
	s.leaveGroup(ctx, u.Chat, u.From, "把机器人拉进了群", ev)
}

// leaveGroup leaves a group no allowed user brought the bot into, and
// tells the admins who did what where, with the ID to /allow it.
func (s *Server) leaveGroup(ctx context.Context, chat models.Chat, by models.User, did string, ev *event) {
	ev.outcome = "left_group"
	if _, err := s.tg.LeaveChat(ctx, &tgbot.LeaveChatParams{ChatID: chat.ID}); err != nil {
		ev.err = fmt.Errorf("leaveChat: %w", s.redact.Err(err))
		return
	}
	s.log.Warn("left a group no allowed user brought the bot into", "chat", chat.ID, "by", by.ID)
	s.notifyAdmins(ctx, fmt.Sprintf("%s %s「%s」(群 ID <code>%d</code>),这个人不在允许名单里,机器人已退出。\n如需在该群使用,发送 /allow %d,再把机器人拉进群。",
		userName(by), did, esc(chat.Title), chat.ID, chat.ID), nil)
}

// onFeedback keeps a 👍 or 👎 on the answer of a session.
func (s *Server) onFeedback(sess *session, helpful bool, ev *event) string {
	ev.outcome = "feedback"
	if sess.voted == nil {
		sess.voted = map[int64]bool{}
	}
	if sess.voted[ev.user] {
		return "已经记下你的反馈了。"
	}
	sess.voted[ev.user] = true
	fb := Feedback{Time: s.now().UTC(), User: ev.user, Chat: ev.chat, Helpful: helpful, Question: sess.question}
	if len(sess.result.Answers) > 0 {
		a := sess.result.Answers[0]
		fb.Answer, fb.File, fb.Paragraph = a.Headline(), a.File, a.Paragraph
	}
	s.log.Info("feedback", "user", ev.user, "helpful", helpful, "answer", fb.Answer, "file", fb.File)
	if err := s.feedback.add(fb); err != nil {
		ev.err = err
	}
	if helpful {
		return "谢谢!"
	}
	return "谢谢,已记下,管理员会查看。"
}

// exampleKeyboard has one button per example question that fits in
// callback data; pressing it asks the question.
func exampleKeyboard(examples []string) *keyboard {
	kb := &keyboard{}
	for _, e := range examples {
		data := actionExample + ":" + e
		if len(data) > 64 {
			continue
		}
		kb.InlineKeyboard = append(kb.InlineKeyboard, []button{{Text: "试问:" + e, CallbackData: data}})
	}
	return kb
}

// shareButton puts the question into another chat through inline mode:
// Telegram opens the chat list with "@bot question" typed in.
func shareButton(q string) button {
	q = answer.ClipText(q, 200)
	return button{Text: "转发", SwitchInlineQuery: &q}
}
