package bot

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reportbot/reportbot/bot/telegramtest"
	"github.com/reportbot/reportbot/corpus"
	"github.com/reportbot/reportbot/index"
)

// A report as a web page gives it: traditional script with pinyin after
// the characters, saved under a hash, with the newspaper known.
const taianDebris = "泰安市工業(yè)運行(xíng)情況\n" +
	"1-5月,全市工業(yè)投資(zī)同比增長(zhǎng)31.9%,增速居(jū)全省第2位,高于全省平均水平18.6個(gè)百分點(diǎn),拉動(dòng)全市投資增長(zhǎng)9.2個(gè)百分點(diǎn)。\n"

const hashName = "r/5f2c9e7a1b3d4f6a8c0e2b4d6f8a1c3e.html"

func withTaianDebris(c *Config, _ *telegramtest.Server) {
	raw := &corpus.RawFile{Path: hashName, Format: "txt", Encoding: "utf-8", Text: taianDebris,
		Hash: "taian-debris", Size: int64(len(taianDebris)), Source: "泰安日报社"}
	doc := corpus.Process(raw, corpus.Options{Sidecar: corpus.Sidecar{Region: "泰安市", Date: "2023-06-20"}})
	if _, err := c.Engine.Index.(*index.Index).Put(doc); err != nil {
		panic(err)
	}
}

var tagPattern = regexp.MustCompile(`<[^>]+>`)

// visible is a reply as the reader sees it: without tags and entities.
func visible(html string) string {
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&", "&quot;", `"`).Replace(tagPattern.ReplaceAllString(html, ""))
}

// TestPhoneSizedAnswer: the answer fits a phone. The source is one short
// line (site, date, paragraph; never a hash-named file), the quote has
// no pinyin debris, its figure verbatim and in bold, and a long question
// is not echoed in full. Before, the source line ran to over 100
// characters with the file's hash, and the quote kept (yè) (zhǎng).
func TestPhoneSizedAnswer(t *testing.T) {
	h := start(t, withTaianDebris)
	r := h.ask(alice, "泰安工业投资增速")
	text := r.Params["text"]
	checkHTML(t, text)
	if !strings.Contains(text, "增長<b>31.9%</b>,增速居全省第2位") {
		t.Errorf("the quote lacks the figure in bold without debris:\n%s", text)
	}
	for _, debris := range []string{"(yè)", "(zhǎng)", "(zī)", "5f2c9e7a", ".html"} {
		if strings.Contains(text, debris) {
			t.Errorf("the reply shows %q:\n%s", debris, text)
		}
	}
	lines := strings.Split(visible(text), "\n")
	var source string
	for _, l := range lines {
		if strings.HasPrefix(l, "来源:") {
			source = l
		}
	}
	if source != "来源:泰安日报社 · 2023-06-20 · 第1段" {
		t.Errorf("source line %q", source)
	}
	t.Logf("the answer as shown:\n%s", visible(text))
	if n := utf8.RuneCountInString(visible(text)); n > 160 || len(lines) > 5 {
		t.Errorf("the answer is %d characters in %d lines:\n%s", n, len(lines), visible(text))
	}

	// A long question is echoed short.
	long := "请问泰安市今年一到五月份规模以上工业用电量同比增长了多少个百分点呢谢谢"
	nf := h.ask(alice, long)
	if strings.Contains(nf.Params["text"], long) || !strings.Contains(nf.Params["text"], "…") {
		t.Errorf("the long question is echoed in full:\n%s", nf.Params["text"])
	}

	// /search: short hits, the words in bold, one-line sources.
	s := h.ask(alice, "/search 工业投资")
	st := s.Params["text"]
	checkHTML(t, st)
	if !strings.Contains(st, "<b>工業</b><b>投資</b>") && !strings.Contains(st, "<b>工業投資</b>") {
		t.Errorf("/search does not mark 工业投资 in the traditional text:\n%s", st)
	}
	for _, l := range strings.Split(visible(st), "\n") {
		if n := utf8.RuneCountInString(l); n > 70 {
			t.Errorf("/search line of %d characters: %s", n, l)
		}
	}
}
