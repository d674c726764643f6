package text

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// classifyByPatterns is ClassifyLine with every pattern run on every
// line: the prefilters in front of the patterns must never change what a
// line is.
func classifyByPatterns(norm string) LineKind {
	s := strings.TrimSpace(norm)
	if s == "" {
		return LineBlank
	}
	if len(s) > maxBoilerplateBytes {
		return LineBody
	}
	switch {
	case hiddenRe().MatchString(s):
		return LineHidden
	case tailRe().MatchString(s):
		return LineTail
	case metaLineRe().MatchString(s):
		return LineMeta
	}
	keyed := utf8.RuneCountInString(s) <= 16
	for _, k := range boilerplateKeys {
		keyed = keyed || strings.Contains(s, k)
	}
	if keyed && boilerplateRe().MatchString(s) {
		return LineBoilerplate
	}
	if parts := navSepRe().Split(s, -1); len(parts) >= 4 {
		short := 0
		for _, p := range parts {
			if utf8.RuneCountInString(strings.TrimSpace(p)) <= 6 {
				short++
			}
		}
		if short*4 >= len(parts)*3 {
			return LineBoilerplate
		}
	}
	n := utf8.RuneCountInString(s)
	if n <= 60 && captionRe().MatchString(s) && !strings.ContainsAny(s, "%") {
		return LineBoilerplate
	}
	if n <= 24 && bylineRe().MatchString(s) {
		return LineBoilerplate
	}
	if !hasContent(s) {
		return LineBoilerplate
	}
	return LineBody
}

// lineFragments are pieces of the lines the patterns look for, and of
// the prose around them.
var lineFragments = func() []string {
	f := []string{
		"此处隐藏", "1065", "字", "下载后查看", "隐藏内容", "隐藏", ":", " ", "  ", "-", "•", "·",
		"|", "｜", ">", "»", " | ", "摄", "摄影", "供图", "图片来源", "记者", "本报", "(", ")",
		"时间", "来源", "发布时间", "作者", "点击", "浏览", "阅读", "2023-07-03", "@", "qq.com",
		"全市规上工业增加值同比增长", "8.6%", ",", "。", "首页", "投资", "产业", "abc", "12345",
		"相关", "文章", "编辑", "责任", "推荐", "热门",
	}
	f = append(f, boilerplateKeys...)
	// The lines boilerplateRe matches whole, written out rather than
	// taken from the prefilter's table.
	for _, l := range []string{"抢先读", "精彩放送", "热点推荐", "猜你喜欢", "延伸阅读", "网友评论", "返回顶部"} {
		f = append(f, l, l, l)
	}
	f = append(f, "资料图片", "延伸阅读", "上一篇", "点击:12", "(C)", "E-mail", "©")
	return append(f, tailStarts...)
}()

func TestClassifyLinePrefiltersKeepTheResult(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	kinds := map[LineKind]int{}
	for range 20000 {
		var sb strings.Builder
		for range 1 + r.IntN(12) {
			sb.WriteString(lineFragments[r.IntN(len(lineFragments))])
		}
		s := sb.String()
		got, want := ClassifyLine(s), classifyByPatterns(s)
		if got != want {
			t.Fatalf("ClassifyLine(%q) = %d, want %d", s, got, want)
		}
		kinds[got]++
	}
	// Every kind must have come up, or the test proves little.
	for k := LineBody; k <= LineTail; k++ {
		if k != LineBlank && kinds[k] == 0 {
			t.Errorf("no line of kind %d generated", k)
		}
	}
}

func TestWordSet(t *testing.T) {
	ws := NewWordSet([]string{"版权", "@", "mail"}, []string{"ICP", "𠀀字", "版本"})
	for s, want := range map[string]uint8{
		"": 0, "版权所有": 1, "所有版权": 1, "版": 0, "a@b": 1, "E-mail": 1, "Mail": 0, "xICP备": 2,
		"𠀀": 0, "一𠀀字": 2, "版本权": 2, "版权版本": 3, "ICP版权": 3,
	} {
		if got := ws.Groups(s); got != want {
			t.Errorf("Groups(%q) = %b, want %b", s, got, want)
		}
	}
}
