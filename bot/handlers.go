package bot

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/reportbot/reportbot/answer"
)

const (
	// askAnswers is how many answers a question asks the engine for: the
	// reply shows the first, names a few more, and 更多结果 pages them all.
	askAnswers = 10
	// searchHits is how many sentences /search pages through.
	searchHits = 100
	// inlineResults is Telegram's and the cap for inline mode.
	inlineResults = 10
)

func (s *Server) onMessage(ctx context.Context, m *models.Message, ev *event) {
	ev.kind, ev.chat = "message", m.Chat.ID
	if m.From == nil || m.From.IsBot || m.Chat.Type == models.ChatTypeChannel {
		return
	}
	ev.user = m.From.ID
	group := m.Chat.Type == models.ChatTypeGroup || m.Chat.Type == models.ChatTypeSupergroup
	text := m.Text
	if text == "" {
		text = m.Caption
	}
	c, isCmd := parseCommand(text, s.me.Username)
	// A command for another bot of the group (/x@other_bot, or one we do
	// not have) is none of our business, not even to refuse.
	if isCmd && (c.otherBot || (group && !knownCommands[c.name])) {
		return
	}
	// In groups the bot speaks only when spoken to. (With privacy mode on,
	// Telegram sends it little else; with it off, everything.)
	if group && !isCmd && !s.addressed(m) {
		return
	}
	t := replyTarget(m)
	if !s.access.allowed(ev.user, ev.chat) {
		// A group no allowed user brought the bot into is left, not
		// filled with refusals.
		if group && !s.access.isHosted(ev.chat) {
			s.leaveGroup(ctx, m.Chat, *m.From, "在群里向机器人提问,群是", ev)
			return
		}
		// Refusals are limited too, or a stranger could make the bot
		// flood a chat (and meet Telegram's flood control).
		if !s.admit(ctx, ev, t, "stranger") {
			return
		}
		ev.outcome = "refused"
		ev.err = s.send(ctx, t, refusal(ev.user, ev.chat, group), requestKeyboard)
		return
	}
	if group && !s.access.isHosted(ev.chat) {
		// An allowed user uses the bot here: strangers here are refused,
		// the group is not left.
		if err := s.access.host(ev.chat); err != nil {
			s.log.Error("could not remember a group", "chat", ev.chat, "error", err.Error())
		}
	}
	forceCheck := isCmd && c.name == "check"
	switch {
	case m.Document != nil && (forceCheck || !s.access.admin(ev.user)):
		// Only admins add reports; a file from anyone else, or one sent
		// with /check, is a draft to check.
		ev.kind = "check"
		if !s.admit(ctx, ev, t, "question") {
			return
		}
		if !forceCheck {
			s.send(ctx, t, fmt.Sprintf("只有管理员可以添加报告(你的用户 ID:<code>%d</code>)。这个文件按稿子核对其中的数字:", ev.user), nil)
		}
		s.onCheckDocument(ctx, m.Document, claimDate(m), t, ev)
	case m.Document != nil:
		ev.kind = "upload"
		s.onUpload(ctx, m.Document, t, ev)
	case forceCheck:
		draft := c.args
		if draft == "" && m.ReplyToMessage != nil {
			// /check in reply to a message checks that message.
			draft = m.ReplyToMessage.Text
			if draft == "" {
				draft = m.ReplyToMessage.Caption
			}
		}
		ev.kind = "check"
		if draft != "" && !s.admit(ctx, ev, t, "question") {
			return
		}
		s.onCheck(ctx, draft, claimDate(m), t, ev)
	case isCmd:
		ev.kind = "command"
		s.onCommand(ctx, c, t, ev)
	default:
		q := strings.TrimSpace(s.stripMention(text))
		if q == "" {
			ev.outcome = "hint"
			ev.err = s.send(ctx, t, "请直接发问题,例如“"+esc(s.anyExample(ctx))+"”。/help 查看说明。", nil)
			return
		}
		ev.kind = "question"
		if !s.admit(ctx, ev, t, "question") {
			return
		}
		// A forwarded message, or one that states figures rather than
		// asks (no 多少, 几, 吗, ?), is checked.
		forwardedFigures := m.ForwardOrigin != nil && len(answer.ReadClaim(q, s.eng.Gazetteer, answer.CheckOptions{})) > 0
		if forwardedFigures || answer.StatesFigures(q) {
			s.onCheck(ctx, q, claimDate(m), t, ev)
			return
		}
		s.onQuestion(ctx, q, t, ev)
	}
}

// command is a parsed "/name@bot args".
type command struct {
	name, args string
	otherBot   bool // addressed to another bot in the group
}

func parseCommand(text, me string) (command, bool) {
	if !strings.HasPrefix(text, "/") {
		return command{}, false
	}
	head, args := text[1:], ""
	if i := strings.IndexFunc(head, unicode.IsSpace); i >= 0 {
		head, args = head[:i], strings.TrimSpace(head[i:])
	}
	name, bot, hasBot := strings.Cut(head, "@")
	return command{name: strings.ToLower(name), args: args, otherBot: hasBot && !strings.EqualFold(bot, me)}, true
}

// addressed reports whether a group message speaks to the bot: it
// mentions it, or replies to one of its messages.
func (s *Server) addressed(m *models.Message) bool {
	if r := m.ReplyToMessage; r != nil && r.From != nil && r.From.ID == s.me.ID {
		return true
	}
	for _, e := range append(m.Entities, m.CaptionEntities...) {
		if e.Type == models.MessageEntityTypeTextMention && e.User != nil && e.User.ID == s.me.ID {
			return true
		}
	}
	text := m.Text + " " + m.Caption
	return s.mention != nil && s.mention.MatchString(text)
}

// mentionPattern matches "@username". Usernames are ASCII letters, digits
// and underscores, so a mention ends where they do.
func mentionPattern(username string) *regexp.Regexp {
	if username == "" {
		return nil
	}
	return regexp.MustCompile(`(?i)@` + regexp.QuoteMeta(username) + `\b`)
}

func (s *Server) stripMention(text string) string {
	if s.mention == nil {
		return text
	}
	return s.mention.ReplaceAllString(text, " ")
}

// admit applies the rate limit to a question (typed, or /search) or to a
// stranger's message; commands and buttons are free, so that /start,
// /help and paging never use up a user's questions. Admins are not
// limited. A limited message is answered with the wait, once per window
// (until the next question is allowed): the rest of a flood in that
// window is not answered, as the explanation said.
func (s *Server) admit(ctx context.Context, ev *event, t target, class string) bool {
	if s.access.admin(ev.user) {
		return true
	}
	ok, wait, tell := s.limits.allow(limitKey{ev.user, class})
	if ok {
		return true
	}
	ev.outcome = "rate_limited"
	if tell {
		ev.err = s.send(ctx, t, s.limitText(wait), nil)
	}
	return false
}

func (s *Server) limitText(wait time.Duration) string {
	return fmt.Sprintf("提问太频繁了:每人可以连续问 %d 个问题,之后每分钟 %s 个。请 %d 秒后再问;在那之前发来的问题不会回答。",
		s.burst, strconv.FormatFloat(s.cfg.RatePerMinute, 'f', -1, 64), int(math.Ceil(wait.Seconds())))
}

// refusal tells a stranger they may not use the bot, and the numeric IDs
// an admin needs to let them in. It says nothing from the index.
func refusal(user, chat int64, group bool) string {
	msg := fmt.Sprintf("抱歉,你没有使用这个机器人的权限。\n你的用户 ID:<code>%d</code>", user)
	if group {
		msg += fmt.Sprintf("\n本群 ID:<code>%d</code>", chat)
	}
	return msg + "\n如需使用,请点下面的“申请使用”,或把 ID 发给管理员。"
}

// refusalPlain is refusal for places without markup (button alerts,
// inline result titles).
func refusalPlain(user int64) string {
	return fmt.Sprintf("抱歉,你没有使用这个机器人的权限。你的用户 ID:%d,请把它发给管理员。", user)
}

func (s *Server) onQuestion(ctx context.Context, q string, t target, ev *event) {
	s.log.Debug("question", "user", ev.user, "chat", ev.chat, "text", q)
	readAs := ""
	if prev, ok := s.lastAsked.get(t.chat); ok {
		if full, ok := s.eng.FollowUp(prev, q); ok {
			q, readAs = full, full
			s.log.Debug("follow-up", "chat", ev.chat, "read_as", full)
		}
	}
	res, err := s.eng.Respond(q, answer.Options{N: askAnswers})
	if err != nil {
		ev.outcome, ev.err = "error", fmt.Errorf("ask: %w", err)
		s.send(ctx, t, "出错了,没能查询索引。请稍后再试。", nil)
		return
	}
	ev.outcome = "answered"
	if len(res.Answers) == 0 {
		ev.outcome = "not_found"
	} else {
		s.lastAsked.put(t.chat, q)
	}
	if isMulti(res) {
		// The table's heading is the question as read.
		ev.err = s.sendRows(ctx, t, q, res)
		return
	}
	var others []answer.Answer
	if len(res.Answers) > 0 {
		// Looked for now, so that 其他时期 is offered only when there are some.
		if others, err = s.eng.OtherPeriods(res); err != nil {
			s.log.Warn("other periods", "error", err.Error())
		}
	}
	reply := renderResult(res)
	if readAs != "" {
		reply = "↪ <i>按「" + echo(readAs) + "」回答</i>\n" + reply
	}
	ev.err = s.send(ctx, t, reply, s.answerKeyboard(t.chat, q, res, others))
}

// answerKeyboard holds a result for its buttons: 更多结果 when there is
// more than one answer, 原文, 其他时期 when there are other periods; then
// 👍 and 👎, and 转发 (to another chat, through inline mode) when inline
// mode is on.
func (s *Server) answerKeyboard(chat int64, q string, res answer.Result, others []answer.Answer) *keyboard {
	if len(res.Answers) == 0 {
		return nil
	}
	key := s.sessions.put(&session{chat: chat, question: q, result: res, others: others})
	var row []button
	if len(res.Answers) > 1 {
		row = append(row, button{Text: "更多结果", CallbackData: callbackData(actionMore, key)})
	}
	row = append(row, button{Text: "原文", CallbackData: callbackData(actionParagraph, key, 0)})
	if len(others) > 0 {
		row = append(row, button{Text: "其他时期", CallbackData: callbackData(actionOtherPeriods, key)})
	}
	second := []button{
		{Text: "👍", CallbackData: callbackData(actionFeedback, key, 1)},
		{Text: "👎", CallbackData: callbackData(actionFeedback, key, 0)},
	}
	if s.inline {
		second = append(second, shareButton(q))
	}
	return &keyboard{InlineKeyboard: [][]button{row, second}}
}

var knownCommands = map[string]bool{"start": true, "help": true, "search": true, "check": true, "sources": true, "stats": true, "reindex": true,
	"allow": true, "revoke": true, "users": true}

func (s *Server) onCommand(ctx context.Context, c command, t target, ev *event) {
	ev.outcome = c.name
	switch c.name {
	case "start", "help":
		ev.err = s.send(ctx, t, s.helpText(ctx, s.access.admin(ev.user)), exampleKeyboard(s.info(ctx).examples))
	case "allow", "revoke", "users":
		s.onPeopleCommand(ctx, c, t, ev)
	case "search":
		if c.args != "" && !s.admit(ctx, ev, t, "question") {
			return
		}
		s.onSearch(ctx, c.args, t, ev)
	case "sources":
		files := s.eng.Files()
		text, page := renderSources(files, 0)
		ev.err = s.send(ctx, t, text, pageKeyboard(actionSourcesPage, noSession, page, pages(len(files), sourcesPage)))
	case "stats":
		ev.err = s.send(ctx, t, renderStats(s.eng.Stats(), s.cfg.Location), nil)
	case "reindex":
		s.onReindex(ctx, t, ev)
	default:
		ev.outcome = "unknown_command"
		ev.err = s.send(ctx, t, "没有这个命令。/help 查看可用的命令。", nil)
	}
}

func (s *Server) onSearch(ctx context.Context, q string, t target, ev *event) {
	if q == "" {
		ev.err = s.send(ctx, t, "用法:/search 关键词,例如 /search 技改投资", nil)
		return
	}
	s.log.Debug("search", "user", ev.user, "text", q)
	hits, err := s.eng.Search(q, searchHits)
	if err != nil {
		ev.outcome, ev.err = "error", err
		s.send(ctx, t, "出错了,没能查询索引。请稍后再试。", nil)
		return
	}
	text, page := renderSearch(q, hits, 0)
	var kb *keyboard
	if n := pages(len(hits), searchPage); n > 1 {
		key := s.sessions.put(&session{chat: t.chat, query: q})
		kb = pageKeyboard(actionSearchPage, key, page, n)
	}
	ev.err = s.send(ctx, t, text, kb)
}

// Callback actions: the first field of a button's callback data,
// "action:key" or "action:key:n" (see onCallback). One letter each:
// Telegram allows 64 bytes of callback data.
const (
	actionMore         = "m" // 更多结果: answers 2.. of a question, paged
	actionOtherPeriods = "p" // 其他时期: the first answer's indicator in other periods
	actionParagraph    = "o" // 原文: the paragraph of answer n (of row n of a comparison or trend)
	actionRowOthers    = "x" // 更多结果 of row n of a comparison or trend
	actionListPage     = "l" // page n of a list of answers, by editing the message
	actionSearchPage   = "s" // page n of /search, by editing the message
	actionSourcesPage  = "r" // page n of /sources, by editing the message
)

// noSession is the key of buttons that need no session: pages of
// /sources are read afresh from the index.
const noSession = "-"

// callbackData is a button's callback data: action, session key and,
// for buttons about an answer or a page, its number.
func callbackData(action, key string, n ...int) string {
	data := action + ":" + key
	for _, x := range n {
		data += ":" + strconv.Itoa(x)
	}
	return data
}

// pageKeyboard is the 上一页/下一页 row of a paged message, whose buttons
// are action on the session key with a page number.
func pageKeyboard(action, key string, page, n int) *keyboard {
	var row []button
	if page > 0 {
		row = append(row, button{Text: "◀ 上一页", CallbackData: callbackData(action, key, page-1)})
	}
	if page < n-1 {
		row = append(row, button{Text: "下一页 ▶", CallbackData: callbackData(action, key, page+1)})
	}
	if len(row) == 0 {
		return nil
	}
	return &keyboard{InlineKeyboard: [][]button{row}}
}

// listKeyboard is a page of answers' 原文 buttons and its page row.
func listKeyboard(key string, list []answer.Answer, page int) *keyboard {
	page, from, to := pageBounds(len(list), listPage, page)
	kb := &keyboard{}
	var row []button
	for i := from; i < to; i++ {
		row = append(row, button{Text: fmt.Sprintf("原文 %d", i+1), CallbackData: callbackData(actionParagraph, key, i)})
	}
	if len(row) > 0 {
		kb.InlineKeyboard = append(kb.InlineKeyboard, row)
	}
	if nav := pageKeyboard(actionListPage, key, page, pages(len(list), listPage)); nav != nil {
		kb.InlineKeyboard = append(kb.InlineKeyboard, nav.InlineKeyboard...)
	}
	return kb
}

// onCallback handles a button. Callback data is "action:key:n": the key
// of a session (see store), n an answer or a page.
func (s *Server) onCallback(ctx context.Context, q *models.CallbackQuery, ev *event) {
	ev.kind, ev.user = "callback", q.From.ID
	msg := q.Message.Message // nil when too old to be accessible
	if msg != nil {
		ev.chat = msg.Chat.ID
	}
	// Every press is answered exactly once, or the button keeps spinning.
	var toast string
	var alert bool
	defer func() {
		_, err := s.tg.AnswerCallbackQuery(ctx, &tgbot.AnswerCallbackQueryParams{CallbackQueryID: q.ID, Text: toast, ShowAlert: alert})
		if err != nil && ev.err == nil {
			ev.err = fmt.Errorf("answerCallbackQuery: %w", s.redact.Err(err))
		}
	}()
	action, rest, _ := strings.Cut(q.Data, ":")
	if action == actionAccess {
		// Strangers ask for access here, admins decide.
		toast, alert = s.onAccessButton(ctx, q, rest, ev)
		return
	}
	// Presses are not counted: paging through an answer is not asking.
	if !s.access.allowed(ev.user, ev.chat) {
		ev.outcome, toast, alert = "refused", refusalPlain(ev.user), true
		return
	}
	expired := func() {
		ev.outcome, toast = "expired", "这条结果已过期,请重新提问。"
	}
	if msg == nil {
		expired()
		return
	}
	if action == actionExample {
		ev.kind = "question"
		s.onQuestion(ctx, rest, replyTarget(msg), ev)
		return
	}
	defer func() {
		// A press whose reply failed is not left without a word.
		if ev.err != nil && toast == "" {
			toast = "出错了,请再点一次。"
		}
	}()
	parts := strings.Split(q.Data, ":")
	if len(parts) != 3 && len(parts) != 2 {
		expired()
		return
	}
	key := parts[1]
	n := 0
	if len(parts) == 3 {
		var err error
		if n, err = strconv.Atoi(parts[2]); err != nil || n < 0 {
			expired()
			return
		}
	}
	// Replies to a button go where the button's message is, in groups
	// quoting it.
	t := replyTarget(msg)
	if action == actionSourcesPage {
		ev.outcome = "sources_page"
		files := s.eng.Files()
		text, page := renderSources(files, n)
		ev.err = s.edit(ctx, t.chat, msg.ID, text, pageKeyboard(actionSourcesPage, noSession, page, pages(len(files), sourcesPage)))
		return
	}
	sess, ok := s.sessions.get(key)
	if !ok || sess.chat != msg.Chat.ID {
		expired()
		return
	}
	switch action {
	case actionMore:
		ev.outcome = "more"
		if len(sess.result.Answers) < 2 {
			toast = "没有更多结果了。"
			return
		}
		ev.err = s.sendList(ctx, t, "「"+answer.ClipText(sess.question, echoRunes)+"」的更多结果", sess.result.Answers[1:])
	case actionFeedback:
		if len(parts) != 3 {
			expired()
			return
		}
		toast = s.onFeedback(sess, n == 1, ev)
	case actionOtherPeriods:
		ev.outcome = "other_periods"
		if len(sess.result.Answers) == 0 {
			expired()
			return
		}
		list := sess.others
		if len(list) == 0 {
			toast, alert = "没有找到这个指标其他时期或其他报告的数字。", true
			return
		}
		first := sess.result.Answers[0]
		ev.err = s.sendList(ctx, t, first.Region+" "+indicatorText(first)+":其他时期和报告", list)
	case actionParagraph:
		ev.outcome = "paragraph"
		answers := sess.answers()
		if n >= len(answers) {
			expired()
			return
		}
		a := answers[n]
		if a.File == "" {
			expired()
			return
		}
		sents, err := s.eng.Paragraph(a.File, a.Paragraph)
		if err != nil {
			toast, alert = "原文已不在索引里(报告可能已被更新),请重新提问。", true
			return
		}
		ev.err = s.send(ctx, t, renderParagraph(a, sents), nil)
	case actionRowOthers:
		ev.outcome = "row_others"
		toast, ev.err = s.rowOthers(ctx, t, sess, n)
	case actionListPage:
		ev.outcome = "list_page"
		if len(sess.list) == 0 {
			expired()
			return
		}
		text, page := renderList(sess.title, sess.list, n)
		ev.err = s.edit(ctx, t.chat, msg.ID, text, listKeyboard(sess.key, sess.list, page))
	case actionSearchPage:
		ev.outcome = "search_page"
		if sess.query == "" {
			expired()
			return
		}
		hits, err := s.eng.Search(sess.query, searchHits)
		if err != nil {
			ev.outcome, ev.err, toast = "error", err, "出错了,请稍后再试。"
			return
		}
		text, page := renderSearch(sess.query, hits, n)
		ev.err = s.edit(ctx, t.chat, msg.ID, text, pageKeyboard(actionSearchPage, sess.key, page, pages(len(hits), searchPage)))
	default:
		expired()
	}
}

// sendList sends the first page of a list of answers, kept in a session
// of its own for its buttons.
func (s *Server) sendList(ctx context.Context, t target, title string, list []answer.Answer) error {
	key := s.sessions.put(&session{chat: t.chat, title: title, list: list})
	text, page := renderList(title, list, 0)
	return s.send(ctx, t, text, listKeyboard(key, list, page))
}

// indicatorText is the indicator part of an answer's headline (工业投资 增速).
func indicatorText(a answer.Answer) string { return a.IndicatorText() }

// onInline answers "@bot question" typed in any chat: each answer is a
// result whose message is the full answer with its source. Results are
// personal (is_personal), or Telegram would cache them for everyone,
// strangers included.
func (s *Server) onInline(ctx context.Context, q *models.InlineQuery, ev *event) {
	ev.kind = "inline"
	if q.From != nil {
		ev.user = q.From.ID
	}
	text := strings.TrimSpace(q.Query)
	results := []models.InlineQueryResult{}
	cache := 30
	switch {
	case text == "":
		ev.outcome = "empty"
	case !s.access.allowed(ev.user, 0):
		ev.outcome, cache = "refused", 0
		results = append(results, article("refused", "没有使用权限", refusalPlain(ev.user), esc(refusalPlain(ev.user))))
	case !s.access.admin(ev.user) && !s.inlineAllowed(ev.user):
		// Telegram shows results as they are typed: a result that says
		// why there is no answer is the reply.
		ev.outcome, cache = "rate_limited", 0
		results = append(results, article("limited", "提问太频繁了", "请稍等片刻再输入", "提问太频繁了,请稍等片刻再问。"))
	default:
		s.log.Debug("inline question", "user", ev.user, "text", text)
		res, err := s.eng.Respond(text, answer.Options{N: inlineResults})
		if err != nil {
			ev.outcome, ev.err = "error", fmt.Errorf("ask: %w", err)
			return
		}
		ev.outcome = "answered"
		if isMulti(res) && len(res.Answers) > 0 {
			// A comparison or a trend is one result: its table as text.
			desc := make([]string, 0, len(res.Rows))
			for _, row := range res.Rows {
				if row.Answer != nil {
					desc = append(desc, row.Label+" "+row.Answer.ValueText())
				}
			}
			results = append(results, article("rows", res.Question, strings.Join(desc, " · "),
				renderRowsTable(res)+"\n\n"+renderRowsEvidence(res)))
			break
		}
		for i, a := range res.Answers {
			results = append(results, article(strconv.Itoa(i), a.Headline(), a.SourceText, evidence(a)))
		}
		if len(res.Answers) == 0 {
			ev.outcome = "not_found"
			desc := "没有足够确定的数字"
			if len(res.Related) > 0 {
				desc = "最接近:" + res.Related[0].SourceText
			}
			results = append(results, article("none", "未找到「"+text+"」的确定数字", desc, renderNotFound(res)))
		}
	}
	_, err := s.tg.AnswerInlineQuery(ctx, &tgbot.AnswerInlineQueryParams{
		InlineQueryID: q.ID, Results: results, CacheTime: cache, IsPersonal: true,
	})
	if err != nil {
		ev.err = fmt.Errorf("answerInlineQuery: %w", s.redact.Err(err))
	}
}

// inlineAllowed applies the inline rate limit. Telegram sends an inline
// query as the user types, so it is looser than the one for questions.
func (s *Server) inlineAllowed(user int64) bool {
	ok, _, _ := s.inlineLimits.allow(limitKey{user, "inline"})
	return ok
}

func article(id, title, desc, html string) *models.InlineQueryResultArticle {
	return &models.InlineQueryResultArticle{
		ID: id, Title: title, Description: desc,
		InputMessageContent: &models.InputTextMessageContent{
			MessageText: firstPart(html), ParseMode: models.ParseModeHTML,
			LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: tgbot.True()},
		},
	}
}
