package formats

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/reportbot/reportbot/corpus/internal/lazyre"
)

// readHTML decodes a web page and keeps its main text: the article, not
// the navigation, footer, scripts and link lists around it.
func readHTML(rf *RawFile, data []byte) error {
	d, err := htmlDecode(data)
	if err != nil {
		return err
	}
	x := htmlExtract(d.Text)
	rf.Encoding = d.Encoding
	rf.Text, rf.Title, rf.Source, rf.Site = x.text, x.title, x.source, x.site
	rf.Date, rf.DateSource = x.date, x.dateSource
	rf.Warnings = append(append(rf.Warnings, d.Warnings...), x.warnings...)
	return nil
}

var htmlCharsetRe = lazyre.New(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)

// htmlDecode decodes a page. A declared charset is not trusted blindly:
// saved pages are often re-encoded to UTF-8 by the tool that saved them
// while keeping <meta charset="gb2312">, so the declaration wins only if
// the text it gives is plausible.
func htmlDecode(data []byte) (DecodedText, error) {
	det, err := DecodeText(data)
	if err != nil {
		return det, err
	}
	if bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) ||
		bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || det.Encoding == encUTF16LE || det.Encoding == encUTF16BE {
		return det, nil // a byte-order mark overrides <meta>, as in browsers
	}
	m := htmlCharsetRe().FindSubmatch(data[:min(len(data), 8<<10)])
	if m == nil {
		return det, nil
	}
	label := strings.ToLower(string(m[1]))
	enc, name := charset.Lookup(label)
	switch name {
	case "":
		det.Warnings = append(det.Warnings, fmt.Sprintf("page declares unknown charset %q; decoded as %s", label, det.Encoding))
		return det, nil
	case "gbk", "gb18030":
		enc, name = simplifiedchinese.GB18030, encGB18030
	case "utf-16le", "utf-16be":
		name = encUTF8 // a <meta> readable as ASCII cannot be in UTF-16
	}
	if name == det.Encoding {
		return det, nil
	}
	if name != encUTF8 {
		text := decTransform(enc.NewDecoder(), data, len(data)*3/2+16)
		if text == det.Text {
			return det, nil
		}
		if decScoreText(decPrefix(text, decSampleSize)).plausible() {
			return DecodedText{Text: text, Encoding: name}, nil
		}
	}
	det.Warnings = append(det.Warnings, fmt.Sprintf("page declares charset %q but its bytes are %s", label, det.Encoding))
	return det, nil
}

// decPrefix returns at most n bytes of s, cut at a character boundary.
func decPrefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

type htmlResult struct {
	text, title, date, dateSource, source, site string
	warnings                                    []string
}

// Elements never shown as text, removed before anything else.
var htmlHidden = htmlSet("script style noscript template svg math canvas iframe frame frameset object embed applet " +
	"audio video source track map select button input textarea option datalist head link meta title")

// Elements that are page furniture; removed unless they hold most of the
// page's text (an ASP.NET page wraps everything in one <form>).
var htmlFurniture = htmlSet("nav aside footer form header menu")

// Block-level elements: each starts a new line.
var htmlBlock = htmlSet("address article aside blockquote body center dd details dialog dir div dl dt fieldset " +
	"figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p pre section " +
	"summary table tbody thead tfoot tr td th caption ul legend")

// Inline elements cannot be the main content block.
var htmlInline = htmlSet("a abbr b bdi bdo br cite code data dfn em font i img kbd label mark q rp rt ruby s samp " +
	"small span strong sub sup time u var wbr")

func htmlSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, f := range strings.Fields(s) {
		m[f] = true
	}
	return m
}

// Substrings of class and id values that mark page furniture.
var htmlFurnitureWords = []string{"nav", "menu", "foot", "header", "breadcrumb", "crumb", "sidebar", "side-bar",
	"share", "comment", "related", "copyright", "banner", "toolbar"}

// Whole words (split at - and _) of class and id values that mark
// advertisements and tools; as substrings "ad" would hit "header" and
// "download", "search" would hit "research".
var htmlFurnitureTokens = htmlSet("ad ads adv advert advertisement gg guanggao search login")

// Substrings of class and id values that mark the article body.
var htmlContentWords = []string{"content", "article", "text", "detail", "main", "zoom", "trs_editor", "ueditor",
	"body", "zhengwen", "conent"}

func htmlAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func htmlClassID(n *html.Node) string {
	return strings.ToLower(htmlAttr(n, "class") + " " + htmlAttr(n, "id"))
}

func htmlIsFurniture(n *html.Node) bool {
	if htmlFurniture[n.Data] {
		if n.Data == "header" && htmlHasAncestor(n, "article", "main") {
			return false // an article's own header holds its title and date
		}
		return true
	}
	ci := htmlClassID(n)
	if strings.TrimSpace(ci) == "" {
		return false
	}
	for _, w := range htmlFurnitureWords {
		if strings.Contains(ci, w) {
			return true
		}
	}
	for _, w := range strings.FieldsFunc(ci, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if htmlFurnitureTokens[w] {
			return true
		}
	}
	return false
}

func htmlIsContentHint(n *html.Node) bool {
	if n.Data == "article" || n.Data == "main" || htmlAttr(n, "itemprop") == "articleBody" {
		return true
	}
	ci := htmlClassID(n)
	for _, w := range htmlContentWords {
		if strings.Contains(ci, w) {
			return true
		}
	}
	return false
}

func htmlHasAncestor(n *html.Node, tags ...string) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		for _, t := range tags {
			if p.Type == html.ElementNode && p.Data == t {
				return true
			}
		}
	}
	return false
}

func htmlIsAncestor(a, n *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if p == a {
			return true
		}
	}
	return false
}

// htmlWeight counts the characters that carry content: Chinese
// characters, letters and digits, not spaces or punctuation.
func htmlWeight(s string) int {
	n := 0
	for _, r := range s {
		if r < utf8.RuneSelf {
			if r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				n++
			}
		} else if decIsHan(r) || unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// htmlStat is the weight of a subtree's text outside links (text) and
// inside links (link).
type htmlStat struct{ text, link int }

func htmlStats(n *html.Node, inLink bool, m map[*html.Node]htmlStat) htmlStat {
	var s htmlStat
	switch n.Type {
	case html.TextNode:
		if inLink {
			s.link = htmlWeight(n.Data)
		} else {
			s.text = htmlWeight(n.Data)
		}
		return s
	case html.ElementNode:
		inLink = inLink || n.Data == "a"
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		cs := htmlStats(c, inLink, m)
		s.text += cs.text
		s.link += cs.link
	}
	m[n] = s
	return s
}

func htmlRemove(n *html.Node, drop func(*html.Node) bool) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.CommentNode || c.Type == html.ElementNode && drop(c) {
			n.RemoveChild(c)
		} else if c.Type == html.ElementNode {
			htmlRemove(c, drop)
		}
		c = next
	}
}

func htmlFind(n *html.Node, tag string) *html.Node {
	if n.Type == html.ElementNode && n.Data == tag {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := htmlFind(c, tag); f != nil {
			return f
		}
	}
	return nil
}

func htmlFindAll(n *html.Node, tag string, out []*html.Node) []*html.Node {
	if n.Type == html.ElementNode && n.Data == tag {
		out = append(out, n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		out = htmlFindAll(c, tag, out)
	}
	return out
}

// htmlMaxTags bounds the pages read as a tree: html.Parse builds a node
// of some 200 bytes per tag, attribute and text, so 20 MB of tags took
// 1.3 GB. A news page or report has a few thousand tags, a long
// statistical table some tens of thousands; a page with more is read
// flat (htmlFlat), in memory proportional to its text.
var htmlMaxTags = 200_000

// htmlExtract finds the main text, title, date and source of a page.
func htmlExtract(src string) htmlResult {
	// Every tag starts with '<': a count that is quick and never too low.
	if n := strings.Count(src, "<"); n > htmlMaxTags {
		return htmlFlat(src, fmt.Errorf("the page has more than %d tags", htmlMaxTags))
	}
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		// The parser refuses pages nested deeper than 512 elements.
		return htmlFlat(src, err)
	}
	var r htmlResult
	titleTag := ""
	if t := htmlFind(doc, "title"); t != nil {
		titleTag = htmlCollapse(htmlRawText(t))
	}
	meta := htmlMetas(doc)

	body := htmlFind(doc, "body")
	if body == nil {
		body = doc
	}
	htmlRemove(body, func(n *html.Node) bool { return htmlHidden[n.Data] })
	h1s := htmlFindAll(body, "h1", nil)
	fullLines := htmlLines(body)

	// Furniture is removed unless it holds most of the text: class names
	// such as "main has-sidebar" and an ASP.NET page's all-embracing <form>
	// must not take the article with them.
	pre := map[*html.Node]htmlStat{}
	total := htmlStats(body, false, pre)
	htmlRemove(body, func(n *html.Node) bool {
		if !htmlIsFurniture(n) {
			return false
		}
		return (pre[n].text+pre[n].link)*2 <= total.text+total.link
	})

	main := htmlMainBlock(body)
	lines := htmlLines(main)
	if len(lines) == 0 && main != body {
		lines = htmlLines(body)
		main = body
	}
	if len(lines) == 0 && len(fullLines) > 0 {
		r.warnings = append(r.warnings, "html: no main text found; using the whole page")
		lines = fullLines
	}
	r.text = strings.Join(lines, "\n")

	// Title: the article's own heading first, then what the page's <meta>
	// and <title> say.
	pageTitle, site := htmlSplitTitle(titleTag)
	r.site = site
	for _, h := range h1s {
		if htmlIsAncestor(main, h) {
			if t := htmlCollapse(htmlRawText(h)); t != "" {
				r.title = t
				break
			}
		}
	}
	if r.title == "" {
		r.title = htmlMetaValue(meta, "articletitle", "og:title", "twitter:title", "title")
	}
	if r.title == "" {
		for _, h := range h1s {
			t := htmlCollapse(htmlRawText(h))
			if utf8.RuneCountInString(t) >= 4 && !htmlHasAncestor(h, "a") && t != site &&
				(pageTitle == "" || strings.Contains(titleTag, t) || strings.Contains(t, pageTitle)) {
				r.title = t
				break
			}
		}
	}
	if r.title == "" {
		r.title = pageTitle
	}

	if d := htmlNormDate(htmlMetaValue(meta, "article:published_time", "og:published_time", "pubdate", "publishdate",
		"publish_date", "publication_date", "datepublished", "dc.date.issued", "dc.date", "dcterms.created",
		"firstpublishedtime", "date")); d != "" {
		r.date, r.dateSource = d, "html-meta"
	} else if d := htmlDateLine(fullLines); d != "" {
		r.date, r.dateSource = d, "line"
	}

	r.source = htmlSourceLine(fullLines)
	if r.source == "" {
		r.source = htmlMetaValue(meta, "contentsource", "source", "og:site_name", "sitename", "application-name")
	}
	if r.source == "" && htmlSiteLike(site) {
		r.source = site
	}
	return r
}

// htmlMainBlock picks the element holding the article. An element's score
// is its text weight outside links minus its weight inside links, so a
// block of prose beats a list of links of the same size. Hinted elements
// (<article>, class "content" and alike) win when they hold at least half
// the best score; then the choice descends into a child that holds 90% of
// the score, dropping the title and byline rows around the body text.
func htmlMainBlock(body *html.Node) *html.Node {
	st := map[*html.Node]htmlStat{}
	htmlStats(body, false, st)
	score := func(n *html.Node) int { return st[n].text - st[n].link }

	best, bestScore := body, score(body)
	var hint *html.Node
	var walk func(n *html.Node)
	var elems []*html.Node
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || htmlInline[c.Data] {
				continue
			}
			elems = append(elems, c)
			if s := score(c); s > bestScore {
				best, bestScore = c, s
			}
			walk(c)
		}
	}
	walk(body)
	for _, e := range elems {
		if htmlIsContentHint(e) && score(e)*2 >= bestScore && score(e) > 0 && (hint == nil || score(e) > score(hint)) {
			hint = e
		}
	}
	if hint != nil {
		best = hint
	}
	for {
		s := score(best)
		var next *html.Node
		for c := best.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && !htmlInline[c.Data] && score(c) > 0 && score(c)*10 >= s*9 {
				next = c
				break
			}
		}
		if next == nil {
			return best
		}
		best = next
	}
}

// htmlMetas collects <meta> values by lower-cased name, property, itemprop
// or http-equiv; the first value of a key wins.
func htmlMetas(doc *html.Node) map[string]string {
	m := map[string]string{}
	for _, n := range htmlFindAll(doc, "meta", nil) {
		content := strings.TrimSpace(htmlAttr(n, "content"))
		if content == "" {
			content = strings.TrimSpace(htmlAttr(n, "value"))
		}
		if content == "" {
			continue
		}
		for _, k := range []string{"name", "property", "itemprop", "http-equiv"} {
			if key := strings.ToLower(strings.TrimSpace(htmlAttr(n, k))); key != "" {
				if _, ok := m[key]; !ok {
					m[key] = content
				}
			}
		}
	}
	// <time datetime> is the same information inside the page.
	if t := htmlFind(doc, "time"); t != nil {
		if v := htmlAttr(t, "datetime"); v != "" {
			if _, ok := m["datepublished"]; !ok {
				m["datepublished"] = v
			}
		}
	}
	return m
}

func htmlMetaValue(m map[string]string, keys ...string) string {
	for _, k := range keys {
		if v := htmlCollapse(m[k]); v != "" {
			return v
		}
	}
	return ""
}

func htmlRawText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			return
		}
		if n.Type == html.ElementNode && (n.Data == "br" || htmlBlock[n.Data]) {
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// htmlLines renders n as lines of text: one per block element, one per
// <br>, one per data-table row with its cells joined by " | ".
func htmlLines(n *html.Node) []string {
	w := htmlWriter{}
	w.walk(n)
	w.flush()
	return w.lines
}

type htmlWriter struct {
	lines []string
	cur   strings.Builder
	pre   int
}

func (w *htmlWriter) flush() {
	if s := htmlCollapse(w.cur.String()); s != "" {
		w.lines = append(w.lines, s)
	}
	w.cur.Reset()
}

func (w *htmlWriter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		if w.pre == 0 {
			w.cur.WriteString(n.Data)
			return
		}
		for i, part := range strings.Split(n.Data, "\n") {
			if i > 0 {
				w.flush()
			}
			w.cur.WriteString(part)
		}
		return
	case html.ElementNode:
		switch n.Data {
		case "br", "hr":
			w.flush()
			return
		case "img":
			return
		case "tr":
			if cells, ok := htmlDataRow(n); ok {
				w.flush()
				if strings.Trim(strings.Join(cells, ""), " ") != "" {
					w.lines = append(w.lines, strings.Join(cells, " | "))
				}
				return
			}
		}
	case html.DocumentNode:
	default:
		return
	}
	block := htmlBlock[n.Data]
	if block {
		w.flush()
	}
	if n.Data == "pre" {
		w.pre++
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
	if n.Data == "pre" {
		w.pre--
	}
	if block {
		w.flush()
	}
}

// htmlDataRow returns a table row's cells when the row looks like data
// (two or more short cells) rather than page layout: old government sites
// lay out whole articles and link columns in table cells, and those must
// stay paragraphs. A cell of three or more lines is layout; a header cell
// broken once with <br> is not.
func htmlDataRow(tr *html.Node) ([]string, bool) {
	var cells []string
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || (c.Data != "td" && c.Data != "th") {
			continue
		}
		if htmlFind(c, "table") != nil || len(htmlLines(c)) > 2 {
			return nil, false
		}
		t := htmlCollapse(htmlRawText(c))
		if utf8.RuneCountInString(t) > 200 {
			return nil, false
		}
		cells = append(cells, t)
	}
	return cells, len(cells) >= 2
}

func htmlSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\u00a0', '\u3000', '\u200b', '\ufeff':
		return true
	}
	return false
}

// htmlWide reports East Asian wide characters. A line break between two
// of them is dropped, not turned into a space, as browsers do (CSS Text
// segment break rules): Chinese source HTML wraps lines anywhere.
func htmlWide(r rune) bool {
	return decIsHan(r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF01 && r <= 0xFF60 || r >= 0x2E80 && r <= 0x2FDF
}

// htmlCollapse collapses whitespace as a browser renders it and trims the
// line; no-break and ideographic spaces count as whitespace.
func htmlCollapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space, brk := false, false
	var prev rune
	for _, r := range s {
		if htmlSpace(r) {
			if r != '\u200b' && r != '\ufeff' {
				space = true
			}
			brk = brk || r == '\n' || r == '\r'
			continue
		}
		if space && b.Len() > 0 && !(brk && htmlWide(prev) && htmlWide(r)) {
			b.WriteByte(' ')
		}
		space, brk = false, false
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// htmlFlat is the fallback for pages the parser refuses: every text
// outside scripts and styles, one line per block element.
func htmlFlat(src string, perr error) htmlResult {
	r := htmlResult{warnings: []string{fmt.Sprintf("html: %v; kept all text of the page", perr)}}
	z := html.NewTokenizer(strings.NewReader(src))
	// Lines go straight into out, and tokens are read as the tokenizer's
	// own bytes, not as Tokens: this is the reader of pages too large for
	// a tree, so it holds little more than their text.
	var out, cur strings.Builder
	flush := func() {
		if s := htmlCollapse(cur.String()); s != "" {
			if out.Len() > 0 {
				out.WriteByte('\n')
			}
			out.WriteString(s)
		}
		cur.Reset()
	}
	skip, inTitle := 0, false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		switch tt {
		case html.TextToken:
			switch {
			case inTitle:
				if r.title == "" {
					r.title, _ = htmlSplitTitle(htmlCollapse(string(z.Text())))
				}
			case skip == 0:
				cur.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			nameB, _ := z.TagName()
			name := string(nameB)
			if name == "title" {
				inTitle = tt == html.StartTagToken
			}
			if tt != html.SelfClosingTagToken && (name == "script" || name == "style") {
				if tt == html.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
			}
			if htmlBlock[name] || name == "br" {
				flush()
			}
		}
	}
	flush()
	r.text = out.String()
	return r
}

// htmlTitleSeps separate a page title from the site and column names
// that sites append ("标题_泰安新闻_泰安日报"). A lone "—" is not one:
// "——" introduces Chinese subtitles.
var htmlTitleSeps = []string{" - ", " – ", " — ", " | ", "｜", "|", "_", "－", "-"}

// htmlSplitTitle strips site and column suffixes from a <title>; site is
// the last suffix, which names the site when anything does.
func htmlSplitTitle(s string) (title, site string) {
	s = strings.TrimSpace(s)
	for {
		// The separator nearest the end wins; of overlapping ones (" - "
		// and "-") the longer.
		cut, sep := -1, ""
		for _, p := range htmlTitleSeps {
			i := strings.LastIndex(s, p)
			if i >= 0 && (cut < 0 || i+len(p) > cut+len(sep) || i+len(p) == cut+len(sep) && len(p) > len(sep)) {
				cut, sep = i, p
			}
		}
		if cut < 0 {
			return s, site
		}
		prefix, suffix := strings.TrimSpace(s[:cut]), strings.TrimSpace(s[cut+len(sep):])
		if utf8.RuneCountInString(prefix) < 4 {
			return s, site
		}
		if suffix != "" {
			if utf8.RuneCountInString(suffix) > 24 || strings.ContainsAny(suffix, "0123456789０１２３４５６７８９") ||
				(sep == "-" && !htmlSiteLike(suffix)) {
				return s, site
			}
			if site == "" {
				site = suffix
			}
		}
		s = prefix
	}
}

var htmlSiteWords = []string{"网", "網", "报", "報", "政府", "新闻", "新聞", "在线", "在線", "频道", "頻道", "门户",
	"門戶", "电视", "電視", "广播", "廣播", "传媒", "傳媒", "融媒", "客户端", "新华", "新華", "人民", "官网", "中心",
	"委员会", "办公室", "局", "厅", "廳", "杂志", "雜誌", ".com", ".cn", ".net", ".gov"}

func htmlSiteLike(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > 24 {
		return false
	}
	l := strings.ToLower(s)
	for _, w := range htmlSiteWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

var (
	htmlDateRe     = lazyre.New(`(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2}))?`)
	htmlDateCompRe = lazyre.New(`^(\d{4})(\d{2})(\d{2})`)
	htmlDateLineRe = lazyre.New(`(?:发布|發布|發佈|发稿|發稿|更新|发表|發表|稿件)?(?:时间|時間|日期)\s*[:：]\s*` +
		`(\d{4}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2})?)`)
	htmlSourceRe = lazyre.New(`(?:来源|來源|稿源|出处|出處)\s*[:：]\s*([^\s|｜,，;；:：\[\]【】()（）<>]{2,40})`)
	// Words that follow the source on the same line without a separator.
	htmlSourceStop = lazyre.New(`(?:作者|编辑|編輯|责任编辑|責任編輯|记者|記者|时间|時間|发布|發布|浏览|瀏覽|点击|點擊|字号|字號|阅读|閱讀)`)
)

// htmlNormDate turns the first date in s into YYYY-MM-DD or YYYY-MM.
func htmlNormDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	m := htmlDateRe().FindStringSubmatch(s)
	if m == nil {
		m = htmlDateCompRe().FindStringSubmatch(s)
	}
	if m == nil {
		return ""
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	if y < 1949 || y > 2100 || mo < 1 || mo > 12 {
		return ""
	}
	if m[3] == "" {
		return fmt.Sprintf("%04d-%02d", y, mo)
	}
	d, _ := strconv.Atoi(m[3])
	if d < 1 || d > 31 {
		return fmt.Sprintf("%04d-%02d", y, mo)
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
}

// htmlDateLine finds the publication date in a byline such as
// "发布时间：2023-02-22 12:01 来源：资阳日报".
func htmlDateLine(lines []string) string {
	for _, l := range lines {
		if m := htmlDateLineRe().FindStringSubmatch(l); m != nil {
			if d := htmlNormDate(m[1]); d != "" {
				return d
			}
		}
	}
	for _, l := range lines {
		if strings.Contains(l, "来源") || strings.Contains(l, "來源") {
			if d := htmlNormDate(l); d != "" {
				return d
			}
		}
	}
	return ""
}

// htmlSourceLine finds the source named in a byline ("来源：资阳日报").
func htmlSourceLine(lines []string) string {
	for _, l := range lines {
		m := htmlSourceRe().FindStringSubmatch(l)
		if m == nil {
			continue
		}
		s := m[1]
		if loc := htmlSourceStop().FindStringIndex(s); loc != nil {
			s = s[:loc[0]]
		}
		s = strings.TrimRight(s, "。.、·-—_")
		if utf8.RuneCountInString(s) >= 2 {
			return s
		}
	}
	return ""
}
