package text

//go:generate go run ../../internal/gent2s -out t2s_data.txt

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// Normalization maps report text to the form used for matching:
//
//   - traditional characters become simplified, one rune for one rune. The
//     table is generated from opencc's t2s character dictionary
//     (internal/gent2s, t2s_data.txt) and loaded into an array once, so the
//     hot path is an array lookup rather than opencc's dictionary walk
//     (which runs at about 3 MB/s), and start-up does not build it. Phrase-level conversions are given up; for
//     matching indicators they do not matter.
//   - full-width letters, digits and punctuation become ASCII (３１．９％ →
//     31.9%), because the search analyzer drops full-width digits.
//   - pinyin annotations that some sites put after every traditional
//     character (關(guān)) are removed, and so is an unknown character that
//     only survives as "?" followed by its pinyin.
//   - runs of "? ? ?" (mis-decoded no-break spaces) and whitespace between
//     Chinese characters are removed: "增长 5.6%" matches "增长5.6%".
//
// Every normalized byte remembers the original bytes it came from, so a
// position found in the normalized text maps back to an exact quote.

// t2sTable maps a CJK rune to its simplified form; 0 means unchanged.
type t2sTable struct {
	base  rune
	runes []rune
}

const (
	t2sLow  = 0x3400
	t2sHigh = 0xFAFF
)

var (
	t2sOnce sync.Once
	t2s     t2sTable
	t2sErr  error
)

// t2sData is the table, generated from opencc's t2s character dictionary
// by internal/gent2s: one "traditional simplified" pair of runes a line.
//
//go:embed t2s_data.txt
var t2sData string

func loadT2S() {
	t := t2sTable{base: t2sLow, runes: make([]rune, t2sHigh-t2sLow+1)}
	for _, line := range strings.Split(t2sData, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		from, n := utf8.DecodeRuneInString(line)
		to, m := utf8.DecodeRuneInString(line[n:])
		if from < t2sLow || from > t2sHigh || to == utf8.RuneError || n+m != len(line) {
			t2sErr = fmt.Errorf("t2s table: bad line %q", line)
			return
		}
		t.runes[from-t2sLow] = to
	}
	t2s = t
}

// Simplified returns the simplified form of a traditional character, or r.
func Simplified(r rune) rune {
	if r < t2sLow || r > t2sHigh {
		return r
	}
	if table := t2sRunes(); table != nil {
		if s := table[r-t2sLow]; s != 0 {
			return s
		}
	}
	return r
}

// t2sRunes returns the table from t2sLow on (0: unchanged), or nil if it
// could not be read.
func t2sRunes() []rune {
	t2sOnce.Do(loadT2S)
	if t2sErr != nil {
		return nil
	}
	return t2s.runes
}

// foldWidth maps full-width forms and Chinese punctuation to the ASCII
// forms that extraction and the analyzer expect. Punctuation that carries
// meaning for sentence structure (。、“”《》) is kept.
func foldWidth(r rune) rune {
	switch {
	case r == 0x3000 || r == 0xA0 || r == 0x2002 || r == 0x2003 || r == 0x2009:
		return ' '
	case r >= 0xFF01 && r <= 0xFF5E:
		switch r {
		case 0xFF0E: // full stop of numbers: ３１．９
			return '.'
		}
		return r - 0xFEE0
	case r == '．':
		return '.'
	case r == '〜' || r == '～':
		return '~'
	case r == '–' || r == '−' || r == '－':
		return '-'
	}
	return r
}

// NormalizeText returns the normalized form of s. It is what questions go
// through, so that a question matches the sentences it is about.
func NormalizeText(s string) string {
	return normalize(s, 0, false).Text
}

// NormText is normalized text with its way back to the original.
type NormText struct {
	Text string
	// segs map Text back to the original, in order of Text; segs[k]
	// covers Text from segs[k].norm to the next segment. Most text is
	// copied rune for rune (or a traditional rune for a simplified one of
	// the same length), so a segment of it stands for all its runes,
	// where a range per normalized byte took eight bytes of memory per
	// byte of every line read.
	segs []normSeg
}

// normSeg is a run of normalized runes each of which came from as many
// bytes of the original as it has, one after the other from src (end <
// 0); or one rune that came from the original's src:end (a folded width,
// a removed annotation).
type normSeg struct {
	norm, src, end int32
}

// Span maps the normalized byte range [a, b) back to the original.
func (n *NormText) Span(a, b int) Span {
	if a >= b || a < 0 || b > len(n.Text) {
		if a >= 0 && a < len(n.Text) {
			start, _ := n.source(a)
			return Span{start, start}
		}
		return Span{}
	}
	start, _ := n.source(a)
	_, end := n.source(b - 1)
	return Span{start, end}
}

// source returns the range of the original that produced the rune that
// normalized byte i (0 <= i < len(Text)) belongs to, annotations included.
func (n *NormText) source(i int) (start, end int) {
	k := sort.Search(len(n.segs), func(k int) bool { return int(n.segs[k].norm) > i }) - 1
	seg := n.segs[k]
	if seg.end >= 0 {
		return int(seg.src), int(seg.end)
	}
	// Text is valid UTF-8 and a segment starts at a rune.
	r := i
	for r > int(seg.norm) && !utf8.RuneStart(n.Text[r]) {
		r--
	}
	_, size := utf8.DecodeRuneInString(n.Text[r:])
	start = int(seg.src) + r - int(seg.norm)
	return start, start + size
}

func isPinyinLetter(r rune) bool {
	if r >= 'a' && r <= 'z' {
		return true
	}
	return strings.ContainsRune("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ", r)
}

// pinyinAnnotation reports the length in bytes of a pinyin annotation
// "(guān)" at the start of s, or 0. At least one letter must carry a tone
// mark, or the annotation must be short and all lowercase, so that ordinary
// bracketed words are left alone.
func pinyinAnnotation(s string) int {
	if len(s) < 3 {
		return 0
	}
	var close rune
	r, size := utf8.DecodeRuneInString(s)
	switch r {
	case '(':
		close = ')'
	case '（':
		close = '）'
	default:
		return 0
	}
	i := size
	letters, toned := 0, false
	for i < len(s) {
		r, sz := utf8.DecodeRuneInString(s[i:])
		if r == close {
			if letters == 0 || letters > 7 {
				return 0
			}
			if !toned && letters > 4 {
				return 0
			}
			return i + sz
		}
		if !isPinyinLetter(r) {
			return 0
		}
		if r > 0x7f {
			toned = true
		}
		letters++
		i += sz
		if letters > 7 {
			return 0
		}
	}
	return 0
}

// prefixUpTo returns at most n bytes of s, cut at a rune boundary.
func prefixUpTo(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// IsASCIIAlnum reports an ASCII letter or digit.
func IsASCIIAlnum(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

// NormalizeSpan normalizes src, whose first byte is at offset base of the
// document text.
func NormalizeSpan(src string, base int) NormText {
	return normalize(src, base, true)
}

// normalize is NormalizeSpan; without withMap the way back is not kept
// (NormalizeText).
func normalize(src string, base int, withMap bool) NormText {
	// The writer is a local value, not variables a closure shares: its
	// slices then live on the stack, and appending to them costs no GC
	// write barrier per character.
	w := normWriter{text: make([]byte, 0, len(src)), noMap: !withMap}

	// The table is looked up once per text, not through the sync.Once
	// once per character, and only if the text has a character in it.
	var table []rune
	loaded := false

	prevKept := rune(0) // last rune emitted, after folding
	pendingSpace := false
	pendingSpaceAt := 0
	i := 0
	for i < len(src) {
		r, size := utf8.DecodeRuneInString(src[i:])
		if r == utf8.RuneError && size <= 1 {
			i++
			continue
		}
		start, end := i, i+size

		// A pinyin annotation after a Han character, or after a "?"
		// standing in for a character the page could not encode.
		if r == '?' || r == '？' {
			// A lost character whose opening bracket was lost too:
			// "?qǐng)".
			if n := pinyinAnnotation("(" + prefixUpTo(src[end:], 24)); n > 1 {
				i = end + n - 1
				continue
			}
		}
		// An annotation opens with ( or （, whose first byte is 0xEF: most
		// runes are not followed by one.
		if end < len(src) && (src[end] == '(' || src[end] == 0xEF) && (IsHan(r) || r == '?' || r == '？') {
			if n := pinyinAnnotation(src[end:]); n > 0 {
				if r == '?' || r == '？' {
					i = end + n
					continue
				}
				end += n
			}
		}
		// "? ? ?" runs: mis-decoded spaces, never real questions.
		if r == '?' {
			j, marks := i, 0
			for j < len(src) {
				c := src[j]
				if c == '?' {
					marks++
				} else if c != ' ' {
					break
				}
				j++
			}
			if marks >= 2 {
				i = j
				continue
			}
		}

		f := foldWidth(r)
		if f == ' ' || f == '\t' || f == '\r' || f == '\n' || f == '\u200b' || f == '\ufeff' {
			if !pendingSpace {
				pendingSpace = true
				pendingSpaceAt = start
			}
			i = end
			continue
		}
		if f >= t2sLow && f <= t2sHigh {
			if !loaded {
				table, loaded = t2sRunes(), true
			}
			if table != nil {
				if s := table[f-t2sLow]; s != 0 {
					f = s
				}
			}
		}
		if pendingSpace {
			if IsASCIIAlnum(prevKept) && IsASCIIAlnum(f) {
				w.emit(' ', base+pendingSpaceAt, base+pendingSpaceAt+1)
			}
			pendingSpace = false
		}
		// end includes a removed annotation, so a quote that ends on an
		// annotated character keeps its annotation.
		w.emit(f, base+start, base+end)
		prevKept = f
		i = end
	}
	return NormText{Text: string(w.text), segs: w.segs}
}

// normWriter collects normalized text and the segments that map it back
// to the original.
type normWriter struct {
	text  []byte
	segs  []normSeg
	noMap bool
}

// emit appends r, which came from the original's start:end.
func (w *normWriter) emit(r rune, start, end int) {
	n := len(w.text)
	w.text = utf8.AppendRune(w.text, r)
	if w.noMap {
		return
	}
	if end-start != len(w.text)-n {
		w.segs = append(w.segs, normSeg{int32(n), int32(start), int32(end)})
		return
	}
	if k := len(w.segs) - 1; k >= 0 && w.segs[k].end < 0 && int(w.segs[k].src)+n-int(w.segs[k].norm) == start {
		return // the copied run goes on
	}
	w.segs = append(w.segs, normSeg{int32(n), int32(start), -1})
}

// IsHan reports a CJK ideograph, compatibility forms included.
func IsHan(r rune) bool {
	return r >= 0x3400 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF || r >= 0x20000 && r <= 0x2FFFF
}
