package bot

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/reportbot/reportbot/corpus"
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

// maxExampleTries bounds the questions asked to find examples.
const maxExampleTries = 60

// kindWords turn a figure's kind into the words of a question about it.
var kindWords = map[corpus.Kind]string{
	corpus.KindGrowth: "增速",
	corpus.KindShare:  "占比",
	corpus.KindRank:   "全省排名",
	corpus.KindAmount: "",
	corpus.KindCount:  "",
}

// kindOrder ranks kinds for examples.
var kindOrder = map[corpus.Kind]int{
	corpus.KindGrowth: 0, corpus.KindRank: 1, corpus.KindShare: 2, corpus.KindAmount: 3, corpus.KindCount: 4,
}

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
	files := s.ix.Files()
	h := helpInfo{files: len(files)}
	count := map[string]int{}
	for _, f := range files {
		if f.Region.Name != "" {
			count[f.Region.Name]++
		}
	}
	for r := range count {
		h.regions = append(h.regions, r)
	}
	sort.Slice(h.regions, func(i, j int) bool {
		a, b := h.regions[i], h.regions[j]
		if count[a] != count[b] {
			return count[a] > count[b]
		}
		return a < b
	})
	h.examples = s.findExamples(ctx, 3)
	return h
}

// findExamples builds questions from real figures of the index (region,
// indicator, kind) and keeps those the engine answers with that very
// figure, one per report, newest reports first.
func (s *Server) findExamples(ctx context.Context, want int) []string {
	var out []string
	tried := map[string]bool{}   // questions
	used := map[string]bool{}    // files with an example
	regions := map[string]bool{} // regions with an example
	tries := 0
	files := s.ix.Files()
	// The first pass takes one report per region, the second any report.
	for pass := 0; pass < 2; pass++ {
		for _, f := range files {
			if len(out) >= want || tries >= maxExampleTries || ctx.Err() != nil {
				return out
			}
			if used[f.Path] || (pass == 0 && regions[f.Region.Name]) {
				continue
			}
			sents, err := s.ix.Sentences(f.Path)
			if err != nil {
				continue
			}
			// Growth rates first: the most asked kind of figure.
			var figs []corpus.Figure
			for _, sent := range sents {
				figs = append(figs, sent.Figures...)
			}
			sort.SliceStable(figs, func(i, j int) bool { return kindOrder[figs[i].Kind] < kindOrder[figs[j].Kind] })
			for _, fig := range figs {
				q, ok := exampleQuestion(fig, f.Region.Name)
				if !ok || tried[q] {
					continue
				}
				tried[q] = true
				if tries++; tries > maxExampleTries {
					break
				}
				if s.answersWith(q, f.Path, fig) {
					out = append(out, q)
					used[f.Path], regions[f.Region.Name] = true, true
					break
				}
			}
		}
	}
	return out
}

// exampleQuestion is a question about fig: 泰安 + 工业投资 + 增速.
func exampleQuestion(fig corpus.Figure, fileRegion string) (string, bool) {
	word, ok := kindWords[fig.Kind]
	if !ok || fig.Modality != "" || fig.Metric == "" {
		return "", false
	}
	if fig.Kind == corpus.KindRank && fig.Scope != "全省" {
		return "", false
	}
	// Short, plain indicators make examples a reader can copy.
	if n := utf8.RuneCountInString(fig.Metric); n < 2 || n > 10 {
		return "", false
	}
	for _, r := range fig.Metric {
		if !unicode.Is(unicode.Han, r) && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return "", false
		}
	}
	region := fig.Region
	if region == "" {
		region = fileRegion
	}
	if region == "" {
		return "", false
	}
	// 泰安市 → 泰安: how people ask.
	if short := strings.TrimSuffix(region, "市"); utf8.RuneCountInString(short) >= 2 {
		region = short
	}
	return region + fig.Metric + word, true
}

func (s *Server) answersWith(q, path string, fig corpus.Figure) bool {
	res, err := s.eng.Ask(q, 1)
	if err != nil || len(res.Answers) == 0 {
		return false
	}
	a := res.Answers[0]
	return a.File == path && a.Value == fig.Value && a.Unit == fig.Unit
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
	b.WriteString("\n\n回答下方的按钮:更多结果、原文(整段)、其他时期。")
	b.WriteString("\n\n/search 关键词 — 全文搜索原句\n/sources — 已收录的报告\n/stats — 索引概况")
	if admin {
		b.WriteString("\n/reindex — 重新索引报告目录(管理员)")
		if s.cfg.ReportsDir != "" {
			fmt.Fprintf(&b, "\n直接发送报告文件(.txt .docx .html .pdf,%s 以内)即可添加(管理员)。", byteSize(s.cfg.MaxUpload))
		}
	}
	if s.me.Username != "" {
		b.WriteString("\n\n在任何聊天里输入 @" + esc(s.me.Username) + " 加问题,可以把答案直接发到群里。")
	}
	return b.String()
}

var (
	userCommands = []models.BotCommand{
		{Command: "start", Description: "开始使用"},
		{Command: "help", Description: "说明和示例问题"},
		{Command: "search", Description: "全文搜索:/search 关键词"},
		{Command: "sources", Description: "已收录的报告"},
		{Command: "stats", Description: "索引概况"},
	}
	adminCommands = append(append([]models.BotCommand(nil), userCommands...),
		models.BotCommand{Command: "reindex", Description: "重新索引报告目录"})
)

// registerCommands fills Telegram's command menu: everyone's commands,
// and /reindex too in each admin's private chat. Failures are logged, not
// fatal: the commands work without the menu.
func (s *Server) registerCommands(ctx context.Context) {
	if _, err := s.tg.SetMyCommands(ctx, &tgbot.SetMyCommandsParams{Commands: userCommands}); err != nil {
		s.log.Warn("setMyCommands failed", "error", s.redact.String(err.Error()))
	}
	for id := range s.access.admins {
		_, err := s.tg.SetMyCommands(ctx, &tgbot.SetMyCommandsParams{
			Commands: adminCommands, Scope: &models.BotCommandScopeChat{ChatID: id},
		})
		if err != nil {
			// Telegram refuses a chat the admin has not opened yet.
			s.log.Warn("setMyCommands for an admin failed (has the admin started the bot?)", "admin", id, "error", s.redact.String(err.Error()))
		}
	}
}

// exampleFor is a question answered by one of doc's figures, for the
// reply to an upload; "" when none is.
func (s *Server) exampleFor(doc *corpus.Document) string {
	tries := 0
	for _, p := range doc.Paragraphs {
		for _, sent := range p.Sentences {
			for _, fig := range sent.Figures {
				q, ok := exampleQuestion(fig, doc.Region.Name)
				if !ok {
					continue
				}
				if s.answersWith(q, doc.Path, fig) {
					return q
				}
				if tries++; tries >= 10 {
					return ""
				}
			}
		}
	}
	return ""
}
