package corpus

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/reportbot/reportbot/corpus/internal/lazyre"
)

// Sidecar is what a NAME.meta file beside a report says about it. The
// format is one "key: value" per line ("key = value" works too); lines
// starting with # are comments. Known keys: region, date, title, source.
// Both report.meta and report.txt.meta are looked for.
//
//	# 泰安_2023-07_工业推进.meta
//	region: 泰安市
//	date: 2023-07-03
//	title: 泰安工业推进机构半年工作情况
//	source: 中华泰山网
type Sidecar struct {
	Region, Date, Title, Source string
}

// SidecarPaths lists the sidecar files that may describe the report at path.
func SidecarPaths(path string) []string {
	ext := filepath.Ext(path)
	return []string{strings.TrimSuffix(path, ext) + ".meta", path + ".meta"}
}

// ReadSidecar reads the sidecar of the report at path; a report without
// one gives a zero Sidecar and no error.
func ReadSidecar(path string) (Sidecar, error) {
	for _, p := range SidecarPaths(path) {
		data, err := os.ReadFile(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return Sidecar{}, fmt.Errorf("read sidecar: %w", err)
		}
		return ParseSidecar(string(data)), nil
	}
	return Sidecar{}, nil
}

// ParseSidecar parses the text of a .meta file; unknown keys are ignored.
func ParseSidecar(text string) Sidecar {
	var s Sidecar
	sc := bufio.NewScanner(strings.NewReader(strings.TrimPrefix(text, "\ufeff")))
	sc.Buffer(make([]byte, 0, 4096), 64<<10)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		i := strings.IndexAny(l, ":=：")
		if i < 0 {
			continue
		}
		key := strings.ToLower(strings.TrimSpace(l[:i]))
		_, size := utf8.DecodeRuneInString(l[i:])
		val := strings.TrimSpace(l[i+size:])
		switch key {
		case "region", "地区", "地区名称":
			s.Region = val
		case "date", "日期":
			s.Date = ParseDate(val)
		case "title", "标题":
			s.Title = val
		case "source", "来源":
			s.Source = val
		}
	}
	return s
}

var (
	dateRe = lazyre.New(`((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2}))?`)
	// File names: 泰安_2023-07_工业推进.txt, report-20230703.txt. The year
	// must stand apart from other digits so that hashes do not read as
	// dates.
	fileDateRe = lazyre.New(`(?:^|[^0-9])((?:19|20)\d{2})[-_.年]?(0[1-9]|1[0-2])(?:[-_.月]?(0[1-9]|[12]\d|3[01]))?(?:[^0-9]|$)`)
	fileYearRe = lazyre.New(`(?:^|[^0-9])((?:19|20)\d{2})(?:年|[^0-9]|$)`)
)

// ParseDate finds the first date in s and returns it as YYYY-MM-DD or
// YYYY-MM, or "".
func ParseDate(s string) string {
	m := dateRe().FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	return formatDate(m[1], m[2], m[3])
}

func formatDate(y, mo, d string) string {
	month, _ := strconv.Atoi(mo)
	if month < 1 || month > 12 {
		return ""
	}
	out := fmt.Sprintf("%s-%02d", y, month)
	if day, err := strconv.Atoi(d); err == nil && day >= 1 && day <= 31 {
		out += fmt.Sprintf("-%02d", day)
	}
	return out
}

// dateFromFileName reads a date from an archive-style file name.
func dateFromFileName(name string) string {
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	if m := fileDateRe().FindStringSubmatch(base); m != nil {
		return formatDate(m[1], m[2], m[3])
	}
	if m := fileYearRe().FindStringSubmatch(base); m != nil {
		return m[1]
	}
	return ""
}

var (
	metaDateKeyRe   = lazyre.New(`(时间|日期)\s*:\s*`)
	metaSourceKeyRe = lazyre.New(`来源\s*:\s*`)
	// What follows a source on the same line.
	metaNextKeyRe = lazyre.New(`\s|发布者|作者|编辑|点击|浏览|时间|日期`)
	// A dateline: "泰安日报社·中华泰山网讯", "据资阳日报报道".
	datelineRe = lazyre.New(`^(?:\S{0,12}·)?([\p{Han}]{2,12}(?:日报|晚报|网|报|电视台|融媒体中心|新闻))讯|据([\p{Han}]{2,12}(?:日报|晚报|网|报))报道`)
)

// metaFromLine reads a date and a source from a metadata line such as
// "时间:2023-02-22 12:01:52 来源:资阳日报 发布者:DN032".
func metaFromLine(norm string) (date, source string) {
	if loc := metaDateKeyRe().FindStringIndex(norm); loc != nil {
		date = ParseDate(norm[loc[1]:])
	}
	if loc := metaSourceKeyRe().FindStringIndex(norm); loc != nil {
		rest := norm[loc[1]:]
		if end := metaNextKeyRe().FindStringIndex(rest); end != nil {
			rest = rest[:end[0]]
		}
		source = strings.Trim(rest, " ·•|")
	}
	return date, source
}

// sourceFromDateline reads the newspaper from the opening words of a
// report's first paragraph.
func sourceFromDateline(norm string) string {
	// Each alternative of datelineRe holds 讯 or 报道; the second is not
	// anchored, and the regexp would try it at every position of the
	// paragraph.
	if !strings.Contains(norm, "讯") && !strings.Contains(norm, "报道") {
		return ""
	}
	m := datelineRe().FindStringSubmatch(norm)
	if m == nil {
		return ""
	}
	if m[1] != "" {
		return m[1]
	}
	return m[2]
}

var titleSuffixRe = lazyre.New(`\s*[|_]\s*[^|_]{1,12}$`)

// cleanTitle removes a site's suffix ("|每日看点", "_中华泰山网").
func cleanTitle(t string) string {
	t = strings.TrimSpace(t)
	if u := titleSuffixRe().ReplaceAllString(t, ""); utf8.RuneCountInString(u) >= 6 {
		t = u
	}
	return t
}

var (
	urlRe = lazyre.New(`https?://[^\s"'<>)]+`)
	// Dates that sites put in their addresses: /2019/0312/, /2022-09/15/,
	// t20210615_, /20220915/, /202305/.
	urlDateRes = []func() *regexp.Regexp{
		lazyre.New(`[/_t]((?:19|20)\d{2})[-/]?(0[1-9]|1[0-2])[-/]?(0[1-9]|[12]\d|3[01])(?:[/_.]|$)`),
		lazyre.New(`/((?:19|20)\d{2})[-/]?(0[1-9]|1[0-2])/`),
	}
)

// maxURLScan is how much of a report's start is searched for its address.
const maxURLScan = 4096

// dateFromURLs reads a publication date from the first web address near
// the start of a report that has one in its path.
func dateFromURLs(text string) string {
	if len(text) > maxURLScan {
		text = text[:maxURLScan]
	}
	for _, u := range urlRe().FindAllString(text, 4) {
		if d := dateFromURL(u); d != "" {
			return d
		}
	}
	return ""
}

func dateFromURL(u string) string {
	// The host may hold digits that look like a year; only the path counts.
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	}
	if i := strings.IndexByte(u, '/'); i >= 0 {
		u = u[i:]
	} else {
		return ""
	}
	for _, lazy := range urlDateRes {
		re := lazy()
		if m := re.FindStringSubmatch(u); m != nil {
			d := ""
			if len(m) > 3 {
				d = m[3]
			}
			return formatDate(m[1], m[2], d)
		}
	}
	return ""
}
