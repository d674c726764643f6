package text

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/reportbot/reportbot/corpus/internal/lazyre"
)

// Cleaning works on whole lines of the decoded text. A line is kept
// verbatim or dropped; nothing inside a kept line is rewritten, so figures
// can never be altered by cleaning. Inline filler (pinyin annotations,
// "? ? ?" runs) is left to normalization, which remembers where it was.

// Line is one line of the text given to SplitLines (Document.Text).
type Line struct {
	Start, End int // byte range in Document.Text, without the line break
	norm       string
}

// LineKind classifies a line for cleaning and metadata.
type LineKind int

const (
	LineBody LineKind = iota
	LineBlank
	LineBoilerplate
	LineMeta   // 时间/来源 lines: read for metadata, then dropped
	LineHidden // "此处隐藏1065字" markers
	LineTail   // 责任编辑, 标签, 相关文章: the article has ended
)

var (
	// Lines that belong to a site, not to the report.
	boilerplateRe = lazyre.New(`您现在的位置|当前位置|首页\s*[>|»]|ICP备|ICP证|备案号|公网安备|版权所有|版权声明|Copyright|©|\(C\)|所载文章|本站不作|本网站|关于我们|联系我们|投稿合作|法律声明|广告投放|广告服务|网站地图|联系邮箱|联系电话|[0-9 ]{5,}@|@qq\.com|@163\.com|E-?mail|扫一扫|分享到|打印本页|关闭窗口|字号|点击[数量:]|浏览次数|阅读[数量:]|^点击:?\d*$|^\(?资料图片?\)?$|^\(?图片来源|^抢先读$|^精彩放送$|^热点推荐$|^猜你喜欢$|^延伸阅读$|^网友评论$|^返回顶部$|^上一篇|^下一篇`)
	// Lines after which a web page has nothing more of the report.
	tailRe = lazyre.New(`^(责任编辑|编辑|审核|校对|标签|关键词)\s*:|^(相关文章|相关阅读|相关新闻|相关链接|热文推荐|推荐阅读|更多阅读|热门文章)\s*:?\s*$`)
	// Metadata lines: publication time, source, publisher, clicks.
	metaLineRe = lazyre.New(`^[•·\-\s]*(时间|发布时间|发稿时间|更新时间|日期|发布日期|来源|信息来源|文章来源|发布者|作者|点击|浏览)\s*[::]`)
	// "---此处隐藏1065字,下载后查看---"
	hiddenRe = lazyre.New(`此处隐藏\s*(\d+)\s*字|下载后查看|隐藏内容`)
	// A photo caption ends with its credit.
	captionRe = lazyre.New(`(供图|摄|摄影|图片来源[::].*)$`)
	// A byline alone on its line.
	bylineRe = lazyre.New(`^\(?(全媒体|融媒体|本报|通讯员|特约)?记者[\s\p{Han}·、]{1,20}\)?$`)
	// A navigation row: several short items separated by | or >.
	navSepRe = lazyre.New(`\s*[|｜>»]\s*`)
)

// ClassifyLine tells what the normalized line norm is: report body, a
// blank line, site boilerplate, a metadata line, a hidden-text marker or
// the end of the article.
func ClassifyLine(norm string) LineKind {
	s := strings.TrimSpace(norm)
	if s == "" {
		return LineBlank
	}
	// Boilerplate, metadata and markers are short lines; a long line is
	// prose, and running every pattern over it would cost more than all
	// the rest of the analysis.
	if len(s) > maxBoilerplateBytes {
		return LineBody
	}
	// Each pattern runs only on a line holding a word it cannot match
	// without: the regexp package scans every start position of a line
	// even for alternatives that are all anchored at its start.
	keys := lineKeys().Groups(s)
	if keys&keyHidden != 0 && hiddenRe().MatchString(s) {
		return LineHidden
	}
	if hasAnyPrefix(s, tailStarts) && tailRe().MatchString(s) {
		return LineTail
	}
	if strings.IndexByte(s, ':') >= 0 && metaLineRe().MatchString(s) {
		return LineMeta
	}
	if (keys&keyBoilerplate != 0 || boilerplateLines[s]) && boilerplateRe().MatchString(s) {
		return LineBoilerplate
	}
	if isNavRow(s) {
		return LineBoilerplate
	}
	// Only short lines are captions or bylines; a line of more than
	// 4×60 bytes has more than 60 runes, and need not be counted.
	n := 61
	if len(s) <= 4*60 {
		n = utf8.RuneCountInString(s)
	}
	if n <= 60 && keys&keyCaption != 0 && captionRe().MatchString(s) && !strings.ContainsAny(s, "%") {
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

// boilerplateKeys are words one of which every alternative of
// boilerplateRe contains, except those that are a whole line
// (boilerplateLines): a line with none of them, and not one of those
// lines, cannot match, and the regexp (a backtracker over ~45
// alternatives) need not run. This is most of the cost of cleaning.
var boilerplateKeys = []string{
	"位置", "首页", "ICP", "备案", "公网安备", "版权", "Copyright", "©", "(C)", "所载", "本站", "本网",
	"关于我们", "联系", "投稿", "法律声明", "广告", "网站地图", "@", "mail", "Mail", "扫一扫", "分享到",
	"打印", "关闭窗口", "字号", "点击", "浏览", "阅读", "资料图", "图片来源", "上一篇", "下一篇",
}

// boilerplateLines are the alternatives of boilerplateRe anchored at both
// ends that hold no boilerplateKey.
var boilerplateLines = map[string]bool{
	"抢先读": true, "精彩放送": true, "热点推荐": true, "猜你喜欢": true, "网友评论": true, "返回顶部": true,
}

// lineKeys finds the words every match of a line pattern holds: the
// groups keyHidden (hiddenRe), keyBoilerplate (boilerplateRe, but for
// boilerplateLines) and keyCaption (captionRe, whose 摄 is in 摄影).
var lineKeys = sync.OnceValue(func() *WordSet {
	return NewWordSet([]string{"隐藏", "下载后查看"}, boilerplateKeys, []string{"摄", "供图", "图片来源"})
})

const (
	keyHidden = 1 << iota
	keyBoilerplate
	keyCaption
)

// tailStarts are the words tailRe's alternatives, all anchored at the
// start of the line, begin with.
var tailStarts = []string{
	"责任编辑", "编辑", "审核", "校对", "标签", "关键词",
	"相关文章", "相关阅读", "相关新闻", "相关链接", "热文推荐", "推荐阅读", "更多阅读", "热门文章",
}

// isNavRow reports a menu such as "首页 | 投资 | 产业 | 创投".
func isNavRow(s string) bool {
	// Four parts need three separators; most lines have none, and
	// splitting them with the regexp would scan them for nothing.
	// navSepRe's separators, one in each match.
	seps := strings.Count(s, "|") + strings.Count(s, ">") + strings.Count(s, "｜") + strings.Count(s, "»")
	if seps < 3 {
		return false
	}
	parts := navSepRe().Split(s, -1)
	if len(parts) < 4 {
		return false
	}
	short := 0
	for _, p := range parts {
		if utf8.RuneCountInString(strings.TrimSpace(p)) <= 6 {
			short++
		}
	}
	return short*4 >= len(parts)*3
}

// hasContent reports whether a line has any Han character or digit.
func hasContent(s string) bool {
	for _, r := range s {
		if IsHan(r) || r >= '0' && r <= '9' {
			return true
		}
	}
	return false
}

// IsLongProse tells a report paragraph from a list of related links.
func IsLongProse(s string) bool {
	return utf8.RuneCountInString(s) >= 60 && strings.ContainsAny(s, "。,;")
}

// HiddenChars returns the number of characters a hidden-text marker says
// are missing, or 0.
func HiddenChars(s string) int {
	m := hiddenRe().FindStringSubmatch(s)
	if len(m) < 2 || m[1] == "" {
		return 0
	}
	n := 0
	for _, c := range m[1] {
		n = n*10 + int(c-'0')
		if n > 1<<30 {
			break
		}
	}
	return n
}

// SplitLines cuts text into lines. A line longer than maxLineBytes is cut
// further at the last sentence end (or comma, or space) before the limit,
// so that a file with no line breaks is still read in bounded pieces.
func SplitLines(text string) []Line {
	var lines []Line
	pos := 0
	for pos <= len(text) {
		nl := strings.IndexByte(text[pos:], '\n')
		end := len(text)
		if nl >= 0 {
			end = pos + nl
		}
		for start := pos; start < end; {
			stop := end
			if stop-start > maxLineBytes {
				stop = cutPoint(text, start, start+maxLineBytes)
			}
			s, e := start, stop
			if e > s && text[e-1] == '\r' {
				e--
			}
			lines = append(lines, Line{Start: s, End: e})
			start = stop
		}
		if nl < 0 {
			break
		}
		if pos == end { // blank line
			lines = append(lines, Line{Start: pos, End: pos})
		}
		pos = end + 1
	}
	return lines
}

const maxLineBytes = 16 << 10

// maxBoilerplateBytes is the longest line that is checked for boilerplate:
// 200 Chinese characters.
const maxBoilerplateBytes = 600

// cutPoint returns where to cut text[start:limit]: after the last 。;!?,
// or space, or at the last rune boundary.
func cutPoint(text string, start, limit int) int {
	window := text[start:limit]
	for _, seps := range []string{"。!?;！？；", ",，、 "} {
		if i := strings.LastIndexAny(window, seps); i > len(window)/2 {
			_, size := utf8.DecodeRuneInString(window[i:])
			return start + i + size
		}
	}
	for limit > start && !utf8.RuneStart(text[limit]) {
		limit--
	}
	if limit == start {
		_, size := utf8.DecodeRuneInString(text[start:])
		return start + size
	}
	return limit
}
