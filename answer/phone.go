package answer

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/reportbot/reportbot/corpus"
	"github.com/reportbot/reportbot/corpus/text"
)

// Answers are read on phones, in chat bubbles some 20 characters wide.
// These pieces make an answer fit there, for every front end alike (the
// bot now, a web page later): the quote without a web page's pinyin
// debris, the figure marked in it, the source on one short line, a search
// hit cut around what was searched with the words marked.

// Segment is a piece of display text; Mark pieces are what the reader
// looks for (the figure of an answer, the words of a search), for a front
// end to show in bold.
type Segment struct {
	Text string
	Mark bool
}

// Ellipsis marks text cut off at either end.
const Ellipsis = "…"

// Quote is an answer's sentence as it is quoted: verbatim, but without
// pinyin annotations and "? ? ?" runs, with the figure (Figure, verbatim)
// marked, cut to about maxRunes around the figure (0: not cut).
func (a Answer) Quote(maxRunes int) []Segment {
	src := a.SourceText
	i := -1
	if a.Figure != "" {
		i = strings.Index(src, a.Figure)
	}
	if i < 0 {
		return clip([]Segment{{Text: text.StripAnnotations(src)}}, maxRunes)
	}
	before := text.StripAnnotations(src[:i])
	last, _ := utf8.DecodeLastRuneInString(a.Figure)
	after := text.StripAnnotationsAfter(last, src[i+len(a.Figure):])
	var segs []Segment
	if before != "" {
		segs = append(segs, Segment{Text: before})
	}
	segs = append(segs, Segment{Text: a.Figure, Mark: true})
	if after != "" {
		segs = append(segs, Segment{Text: after})
	}
	return clip(segs, maxRunes)
}

// maxSourceName is the most characters of a title in a source line.
const maxSourceName = 18

// ShortSource names where a sentence comes from in one short line: the
// site or newspaper that published it, else the report's title, else its
// file name (without folder and extension); then its date and the
// paragraph: "中华泰山网 · 2023-07-03 · 第1段", "济宁市上半年工业经济运行情况
// · 2023-07-10 · 第1段". The site comes first because a page saved from a
// news site is titled by its headline, which repeats the figure
// (天天消息!同比增长31.9%,…) and says less than who published it.
func ShortSource(title, date, source, file string, para int) string {
	name := strings.TrimSpace(source)
	if name == "" {
		name = strings.TrimSpace(text.StripAnnotations(title))
	}
	if name == "" && file != "" {
		base := filepath.Base(file)
		name = strings.TrimSuffix(base, filepath.Ext(base))
	}
	var parts []string
	if name != "" {
		parts = append(parts, clipRunes(name, maxSourceName))
	}
	if date != "" {
		parts = append(parts, date)
	}
	if para > 0 {
		parts = append(parts, fmt.Sprintf("第%d段", para))
	}
	return strings.Join(parts, " · ")
}

// ShortSource is the answer's source line (see the function ShortSource).
func (a Answer) ShortSource() string {
	return ShortSource(a.Title, a.Date, a.Source, a.File, a.Paragraph)
}

// ShortSource is the sentence's source line.
func (r Related) ShortSource() string {
	return ShortSource(r.Title, r.Date, r.Source, r.File, r.Paragraph)
}

// Highlight marks in s, a sentence as the report has it, every place
// where one of the words of query occurs. Words match as questions match
// sentences (simplified script, half-width, annotations ignored), so
// 工业 marks 工業; the text shown is s without annotations.
func Highlight(s, query string) []Segment {
	s = text.StripAnnotations(s)
	norm := text.NormalizeSpan(s, 0)
	// ASCII letters match in either case; folding them keeps every byte
	// where it is, so positions still map back.
	folded := asciiLower(norm.Text)
	type span struct{ from, to int }
	var found []span
	for _, w := range strings.Fields(query) {
		w = asciiLower(corpus.NormalizeText(w))
		if w == "" {
			continue
		}
		for at := 0; at < len(folded); {
			k := strings.Index(folded[at:], w)
			if k < 0 {
				break
			}
			sp := norm.Span(at+k, at+k+len(w))
			if sp.End > sp.Start {
				found = append(found, span{sp.Start, sp.End})
			}
			at += k + len(w)
		}
	}
	if len(found) == 0 {
		return []Segment{{Text: s}}
	}
	sort.Slice(found, func(i, j int) bool { return found[i].from < found[j].from })
	var segs []Segment
	pos := 0
	for _, f := range found {
		if f.to <= pos {
			continue
		}
		from := max(f.from, pos)
		if from > pos {
			segs = append(segs, Segment{Text: s[pos:from]})
		}
		segs = append(segs, Segment{Text: s[from:f.to], Mark: true})
		pos = f.to
	}
	if pos < len(s) {
		segs = append(segs, Segment{Text: s[pos:]})
	}
	return segs
}

// CleanText is report text for display: verbatim, without pinyin
// annotations and "? ? ?" runs (see text.StripAnnotations).
func CleanText(s string) string { return text.StripAnnotations(s) }

// Excerpt cuts segments to about maxRunes around the first mark.
func Excerpt(segs []Segment, maxRunes int) []Segment { return clip(segs, maxRunes) }

// Plain is the text of segments without marks.
func Plain(segs []Segment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.Text)
	}
	return b.String()
}

// clip cuts segments to at most maxRunes runes (0: no limit), keeping the
// first mark whole and a third of the room before it; a cut end gets an
// Ellipsis.
func clip(segs []Segment, maxRunes int) []Segment {
	total, markAt, markLen := 0, -1, 0
	for _, s := range segs {
		n := utf8.RuneCountInString(s.Text)
		if s.Mark && markAt < 0 {
			markAt, markLen = total, n
		}
		total += n
	}
	if maxRunes <= 0 || total <= maxRunes {
		return segs
	}
	from := 0
	if markAt >= 0 {
		room := max(maxRunes-markLen, 0)
		from = max(markAt-room/3, 0)
		if from+maxRunes > total {
			from = max(total-maxRunes, 0)
		}
		if from > markAt {
			from = markAt
		}
	}
	to := max(from+maxRunes, markAt+markLen)
	to = min(to, total)
	var out []Segment
	pos := 0
	for _, s := range segs {
		runes := []rune(s.Text)
		a, b := max(from-pos, 0), min(to-pos, len(runes))
		if a < b {
			out = append(out, Segment{Text: string(runes[a:b]), Mark: s.Mark})
		}
		pos += len(runes)
	}
	if from > 0 {
		out = append([]Segment{{Text: Ellipsis}}, out...)
	}
	if to < total {
		out = append(out, Segment{Text: Ellipsis})
	}
	return out
}

// clipRunes cuts s to at most n runes, the last an Ellipsis when cut.
func clipRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + Ellipsis
}

// ClipText cuts s to at most n runes for display, with an Ellipsis when
// cut: a long question is not echoed back in full.
func ClipText(s string, n int) string { return clipRunes(strings.TrimSpace(s), n) }

func asciiLower(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}
