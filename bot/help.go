package bot

import (
	"context"
	"fmt"
	"strings"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// helpInfo is what /help says about the index. Finding example questions
// reads sentences and asks the engine, so it is computed once and again
// only after the index changed (an upload, /reindex).
type helpInfo struct {
	files    int
	regions  []string // most reports first
	examples []string
}

// fallbackExample is shown only when the index has nothing to build an
// example from.
const fallbackExample = "泰安工业投资增速"

// helpExamples is how many example questions /help shows.
const helpExamples = 3

func (s *Server) info(ctx context.Context) helpInfo {
	s.helpMu.Lock()
	defer s.helpMu.Unlock()
	if s.help == nil {
		h := s.computeHelp(ctx)
		s.help = &h
	}
	return *s.help
}

// indexChanged forgets what /help says, after an upload or /reindex.
func (s *Server) indexChanged() {
	s.helpMu.Lock()
	s.help = nil
	s.helpMu.Unlock()
}

func (s *Server) computeHelp(ctx context.Context) helpInfo {
	return helpInfo{
		files:    len(s.eng.Files()),
		regions:  s.eng.Regions(),
		examples: s.eng.Examples(ctx, helpExamples),
	}
}

// anyExample is one example question.
func (s *Server) anyExample(ctx context.Context) string {
	if ex := s.info(ctx).examples; len(ex) > 0 {
		return ex[0]
	}
	return fallbackExample
}

func (s *Server) helpText(ctx context.Context, admin bool) string {
	h := s.info(ctx)
	var b strings.Builder
	b.WriteString("<b>工作汇报数字查询</b>\n")
	b.WriteString("问我工作汇报里的数字,我回答数字、原句和出处;没有把握时只说未找到,不猜。\n")
	if h.files == 0 {
		b.WriteString("\n索引里还没有报告。")
	} else {
		fmt.Fprintf(&b, "\n已收录 %d 份报告", h.files)
		if len(h.regions) > 0 {
			shown := h.regions
			if len(shown) > 12 {
				shown = shown[:12]
			}
			b.WriteString(",地区:" + esc(strings.Join(shown, "、")))
			if len(h.regions) > len(shown) {
				fmt.Fprintf(&b, " 等 %d 个", len(h.regions))
			}
		}
		b.WriteString("。")
	}
	if len(h.examples) > 0 {
		b.WriteString("\n\n试着问:")
		for _, e := range h.examples {
			b.WriteString("\n• " + esc(e))
		}
	}
	b.WriteString("\n\n回答下方的按钮:更多结果、原文(整段)、其他时期(有时才显示),👍/👎 告诉管理员答得好不好")
	if s.inline {
		b.WriteString(",“转发”把答案发到别的聊天")
	}
	b.WriteString("。")
	b.WriteString("\n\n核对稿子:直接发一段写有数字的文字(不带“多少”“吗”“?”),或转发一条消息,或发送稿子文件,每个数字会标上 ✓ 相符、✗ 不符(附报告的数字)或 ? 未能核实。")
	b.WriteString("\n\n/check 文字 — 核对文字里的数字(或用 /check 回复一条消息)\n/search 关键词 — 全文搜索原句\n/sources — 已收录的报告\n/stats — 索引概况")
	if admin {
		b.WriteString("\n/reindex — 重新索引报告目录(管理员)")
		b.WriteString("\n/users — 使用权限;/allow ID、/revoke ID — 添加、移除用户或群(管理员)")
		if s.cfg.ReportsDir != "" {
			fmt.Fprintf(&b, "\n直接发送报告文件(.txt .docx .html .pdf,%s 以内)即可添加(管理员);附言写 /check 则按稿子核对。", byteSize(s.cfg.MaxUpload))
		}
	}
	// Inline mode works only once @BotFather's /setinline turned it on.
	if s.inline && s.me.Username != "" {
		b.WriteString("\n\n在任何聊天里输入 @" + esc(s.me.Username) + " 加问题,可以把答案直接发到群里。")
	}
	return b.String()
}

var (
	userCommands = []models.BotCommand{
		{Command: "start", Description: "开始使用"},
		{Command: "help", Description: "说明和示例问题"},
		{Command: "check", Description: "核对数字:/check 一段文字"},
		{Command: "search", Description: "全文搜索:/search 关键词"},
		{Command: "sources", Description: "已收录的报告"},
		{Command: "stats", Description: "索引概况"},
	}
	adminCommands = append(append([]models.BotCommand(nil), userCommands...),
		models.BotCommand{Command: "reindex", Description: "重新索引报告目录"},
		models.BotCommand{Command: "users", Description: "使用权限"},
		models.BotCommand{Command: "allow", Description: "添加用户或群:/allow ID"},
		models.BotCommand{Command: "revoke", Description: "移除用户或群:/revoke ID"})
)

// registerCommands fills Telegram's command menu: everyone's commands,
// and /reindex too in each admin's private chat. Failures are logged, not
// fatal: the commands work without the menu.
func (s *Server) registerCommands(ctx context.Context) {
	if _, err := s.tg.SetMyCommands(ctx, &tgbot.SetMyCommandsParams{Commands: userCommands}); err != nil {
		s.log.Warn("setMyCommands failed", "error", s.redact.String(err.Error()))
	}
	for _, id := range s.access.adminIDs() {
		_, err := s.tg.SetMyCommands(ctx, &tgbot.SetMyCommandsParams{
			Commands: adminCommands, Scope: &models.BotCommandScopeChat{ChatID: id},
		})
		if err != nil {
			// Telegram refuses a chat the admin has not opened yet.
			s.log.Warn("setMyCommands for an admin failed (has the admin started the bot?)", "admin", id, "error", s.redact.String(err.Error()))
		}
	}
}
