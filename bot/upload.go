package bot

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/reportbot/reportbot/answer"
	"github.com/reportbot/reportbot/corpus"
	"github.com/reportbot/reportbot/ingest"
)

// Admins add reports by sending the file. It is downloaded, checked
// against the index by content hash (the same report sent twice, under
// any name, is indexed once), saved in ReportsDir under a safe name that
// never replaces a different file, and indexed by the pipeline (package ingest), whose report
// says what was learned.

var errTooLarge = errors.New("file too large")

func (s *Server) onUpload(ctx context.Context, d *models.Document, t target, ev *event) {
	ev.outcome = "refused"
	switch {
	case !s.access.admin(ev.user):
		ev.err = s.send(ctx, t, fmt.Sprintf("只有管理员可以添加报告。你的用户 ID:<code>%d</code>", ev.user), nil)
		return
	case s.cfg.ReportsDir == "":
		ev.err = s.send(ctx, t, "没有开启添加报告:请用 <code>reportbot serve -reports 报告目录</code> 启动机器人,上传的报告会保存在那个目录里并建立索引。", nil)
		return
	case corpus.FileFormat(d.FileName) == "":
		ev.err = s.send(ctx, t, "不支持这种文件:请发送 .txt、.docx、.html 或 .pdf 格式的报告。", nil)
		return
	case d.FileSize > s.cfg.MaxUpload:
		ev.err = s.send(ctx, t, fmt.Sprintf("文件太大(%s),上限是 %s。", byteSize(d.FileSize), byteSize(s.cfg.MaxUpload)), nil)
		return
	}
	s.typing(ctx, t)
	data, err := s.download(ctx, d.FileID)
	if errors.Is(err, errTooLarge) {
		ev.err = s.send(ctx, t, fmt.Sprintf("文件太大,上限是 %s。", byteSize(s.cfg.MaxUpload)), nil)
		return
	}
	if err != nil {
		ev.outcome, ev.err = "error", fmt.Errorf("download %s: %w", d.FileName, err)
		s.send(ctx, t, "没能从 Telegram 下载这个文件,请再发一次。", nil)
		return
	}
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:])

	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if f, ok := s.indexedHash(hash); ok {
		ev.outcome = "duplicate"
		ev.err = s.send(ctx, t, "这份报告已经收录过了:<b>"+esc(titleOf(f))+"</b>("+esc(filepath.Base(f.Path))+"),没有重复索引。", nil)
		return
	}
	p, existed, err := saveReport(s.cfg.ReportsDir, d.FileName, data, hash)
	if err != nil {
		ev.outcome, ev.err = "error", err
		s.send(ctx, t, "没能保存这个文件:"+esc(err.Error()), nil)
		return
	}
	rep, err := s.pipeline.Run(ctx, []string{p}, ingest.Options{KeepDocs: true})
	if err != nil {
		ev.outcome, ev.err = "error", fmt.Errorf("index %s: %w", p, err)
		s.send(ctx, t, "保存了文件,但建立索引时出错:"+esc(err.Error()), nil)
		return
	}
	s.indexChanged()
	if len(rep.Skipped) > 0 && len(rep.Docs) == 0 {
		// A file that cannot be read would only fail again at every
		// /reindex: it is not kept.
		if !existed {
			os.Remove(p)
		}
		ev.outcome = "unreadable"
		ev.err = s.send(ctx, t, "读不了这个文件,没有收录:"+esc(rep.Skipped[0].Reason), nil)
		return
	}
	if len(rep.Docs) == 0 {
		ev.outcome = "duplicate"
		ev.err = s.send(ctx, t, "这份报告已经收录过了("+esc(filepath.Base(p))+"),没有重复索引。", nil)
		return
	}
	ev.outcome = "indexed"
	s.log.Info("report added", "user", ev.user, "file", p, "figures", rep.Figures)
	ev.err = s.send(ctx, t, s.learned(rep.Docs[0], p), nil)
}

// learned is the reply to an upload: what the bot now knows of the report.
func (s *Server) learned(doc *corpus.Document, p string) string {
	var b strings.Builder
	b.WriteString("已收录:<b>" + esc(titleOf(answer.FileInfo{Title: doc.Title, Path: p})) + "</b>")
	b.WriteString("\n文件:" + esc(filepath.Base(p)))
	region := doc.Region.Name
	if region == "" {
		region = "未识别(可以在文件旁放一个 .meta 文件写明 region)"
	} else if doc.Region.Evidence != "" {
		region += "(依据:" + doc.Region.Evidence + ")"
	}
	b.WriteString("\n地区:" + esc(region))
	date := doc.Date
	if date == "" {
		date = "未识别"
	}
	b.WriteString("\n日期:" + esc(date))
	if doc.Source != "" {
		b.WriteString("\n来源:" + esc(doc.Source))
	}
	var sents, figs int
	for _, p := range doc.Paragraphs {
		sents += len(p.Sentences)
		for _, s := range p.Sentences {
			figs += len(s.Figures)
		}
	}
	fmt.Fprintf(&b, "\n句子 %d 句,数字 %d 个", sents, figs)
	if figs == 0 {
		b.WriteString("\n⚠ 没有找到数字:这份报告回答不了数字问题。")
	}
	for _, w := range doc.Warnings {
		b.WriteString("\n⚠ " + esc(w))
	}
	if q := s.eng.ExampleFor(doc); q != "" {
		b.WriteString("\n试着问:" + esc(q))
	}
	return b.String()
}

// indexedHash finds an indexed file with this content.
func (s *Server) indexedHash(hash string) (answer.FileInfo, bool) {
	for _, f := range s.eng.Files() {
		if f.Hash == hash {
			return f, true
		}
	}
	return answer.FileInfo{}, false
}

// download fetches a file the user sent: getFile, then
// <API>/file/bot<token>/<file_path>, at most MaxUpload bytes.
func (s *Server) download(ctx context.Context, fileID string) ([]byte, error) {
	f, err := s.tg.GetFile(ctx, &tgbot.GetFileParams{FileID: fileID})
	if err != nil {
		return nil, fmt.Errorf("getFile: %w", s.redact.Err(err))
	}
	if f.FileSize > s.cfg.MaxUpload {
		return nil, errTooLarge
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.tg.FileDownloadLink(f), nil)
	if err != nil {
		return nil, s.redact.Err(err)
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return nil, s.redact.Err(err) // the error quotes the URL, token and all
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("file download: HTTP %d", resp.StatusCode)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, s.cfg.MaxUpload+1))
	if err != nil {
		return nil, fmt.Errorf("file download: %w", s.redact.Err(err))
	}
	if int64(len(data)) > s.cfg.MaxUpload {
		return nil, errTooLarge
	}
	return data, nil
}

// saveReport writes data into dir under a safe form of name. An existing
// file of that name with other content is never replaced: "name-2.ext" and
// so on is used instead; one with the same content is reused (existed).
// The file appears whole or not at all (written aside, then linked).
func saveReport(dir, name string, data []byte, hash string) (p string, existed bool, err error) {
	base := safeName(name)
	ext := filepath.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	tmp, err := os.CreateTemp(dir, ".upload-*") // hidden: the pipeline skips it
	if err != nil {
		return "", false, fmt.Errorf("save report: %w", err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err != nil {
		return "", false, fmt.Errorf("save report: %w", err)
	}
	for i := 1; i <= 1000; i++ {
		cand := base
		if i > 1 {
			cand = fmt.Sprintf("%s-%d%s", stem, i, ext)
		}
		p = filepath.Join(dir, cand)
		// Link fails if the name is taken, so even another process
		// writing into dir cannot be overwritten.
		err := os.Link(tmp.Name(), p)
		if err == nil {
			return p, false, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", false, fmt.Errorf("save report: %w", err)
		}
		if old, rerr := os.ReadFile(p); rerr == nil && sameHash(old, hash) {
			return p, true, nil
		}
	}
	return "", false, fmt.Errorf("save report: too many files named %s", base)
}

func sameHash(data []byte, hash string) bool {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:]) == hash
}

// safeName makes a file name from what a user sent: its last element only
// (no directories, so no "../"), without control or reserved characters,
// not hidden (the pipeline skips dot files) and not too long.
func safeName(name string) string {
	name = path.Base(strings.ReplaceAll(name, `\`, "/"))
	if name == "/" || name == "." || name == ".." {
		name = ""
	}
	var b strings.Builder
	for _, r := range name {
		switch {
		case r < 0x20 || r == 0x7f || r == utf8.RuneError:
		case strings.ContainsRune(`/:*?"<>|`, r):
			b.WriteRune('_')
		default:
			b.WriteRune(r)
		}
	}
	name = b.String()
	ext := strings.ToLower(filepath.Ext(name))
	stem := strings.TrimSuffix(name, filepath.Ext(name))
	if ext == "." {
		ext = ""
	}
	stem = strings.TrimLeft(strings.TrimSpace(stem), ".~$ ")
	stem = strings.TrimRight(stem, ". ")
	if r := []rune(stem); len(r) > 80 {
		stem = string(r[:80])
	}
	if stem == "" {
		stem = "report"
	}
	return stem + ext
}

func (s *Server) typing(ctx context.Context, t target) {
	s.tg.SendChatAction(ctx, &tgbot.SendChatActionParams{ChatID: t.chat, MessageThreadID: t.thread, Action: models.ChatActionTyping})
}

func (s *Server) onReindex(ctx context.Context, t target, ev *event) {
	switch {
	case !s.access.admin(ev.user):
		ev.outcome = "refused"
		ev.err = s.send(ctx, t, fmt.Sprintf("只有管理员可以重新索引。你的用户 ID:<code>%d</code>", ev.user), nil)
		return
	case s.cfg.ReportsDir == "":
		ev.err = s.send(ctx, t, "没有报告目录:请用 <code>reportbot serve -reports 报告目录</code> 启动机器人。", nil)
		return
	}
	s.typing(ctx, t)
	s.writeMu.Lock()
	rep, err := s.pipeline.Run(ctx, []string{s.cfg.ReportsDir}, ingest.Options{})
	s.writeMu.Unlock()
	s.indexChanged()
	if err != nil {
		ev.outcome, ev.err = "error", fmt.Errorf("reindex: %w", err)
		s.send(ctx, t, "重新索引出错:"+esc(err.Error()), nil)
		return
	}
	s.log.Info("reindexed", "user", ev.user, "files", rep.Files, "added", rep.Added, "replaced", rep.Replaced, "skipped", len(rep.Skipped))
	ev.err = s.send(ctx, t, renderIngest(rep), nil)
}

func renderIngest(rep ingest.Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<b>重新索引完成</b>(%s)\n%d 个文件:新增 %d,更新 %d,未变 %d,跳过 %d\n本次:句子 %d 句,数字 %d 个",
		rep.Elapsed.Round(time.Millisecond), rep.Files, rep.Added, rep.Replaced, rep.Unchanged, len(rep.Skipped), rep.Sentences, rep.Figures)
	for i, sk := range rep.Skipped {
		if i == 20 {
			fmt.Fprintf(&b, "\n……另有 %d 个", len(rep.Skipped)-20)
			break
		}
		b.WriteString("\n跳过 " + esc(filepath.Base(sk.Path)) + ":" + esc(sk.Reason))
	}
	return b.String()
}

// ingestAtStart indexes new and changed files of ReportsDir before
// serving, so the first answers already know them.
func (s *Server) ingestAtStart(ctx context.Context) error {
	if err := os.MkdirAll(s.cfg.ReportsDir, 0o755); err != nil {
		return fmt.Errorf("reports folder: %w", err)
	}
	rep, err := s.pipeline.Run(ctx, []string{s.cfg.ReportsDir}, ingest.Options{})
	if err != nil && ctx.Err() == nil {
		return fmt.Errorf("index %s: %w", s.cfg.ReportsDir, err)
	}
	s.log.Info("reports indexed", "dir", s.cfg.ReportsDir, "files", rep.Files, "added", rep.Added,
		"replaced", rep.Replaced, "unchanged", rep.Unchanged, "skipped", len(rep.Skipped), "elapsed", rep.Elapsed.Round(time.Millisecond))
	for _, sk := range rep.Skipped {
		s.log.Warn("report skipped", "file", sk.Path, "reason", sk.Reason)
	}
	return nil
}
