package text

import (
	"strings"
	"unicode/utf8"
)

// StripAnnotations removes from display text the filler that
// normalization drops, and nothing else: pinyin annotations after a
// character (工業(yè) → 工業), a character lost to "?" with its pinyin
// (?(qǐng) or ?qǐng)), and runs of "? ? ?" (mis-decoded spaces). Script,
// width, spaces and every digit are kept, so a quote stays the report's
// own text without the debris of the web page it came from.
func StripAnnotations(s string) string {
	if !strings.ContainsAny(s, "(（?？") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	prev := rune(0)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		end := i + size
		if r == '?' || r == '？' {
			// A lost character whose opening bracket was lost too.
			if n := pinyinAnnotation("(" + prefixUpTo(s[end:], 24)); n > 1 {
				i = end + n - 1
				continue
			}
			if n := pinyinAnnotation(s[end:]); n > 0 {
				i = end + n
				continue
			}
			if r == '?' {
				j, marks := i, 0
				for j < len(s) && (s[j] == '?' || s[j] == ' ') {
					if s[j] == '?' {
						marks++
					}
					j++
				}
				if marks >= 2 {
					i = j
					continue
				}
			}
		}
		if IsHan(prev) {
			if n := pinyinAnnotation(s[i:]); n > 0 {
				i += n
				continue
			}
		}
		b.WriteString(s[i:end])
		prev = r
		i = end
	}
	return b.String()
}

// StripAnnotationsAfter is StripAnnotations of the text that follows
// prev, a character kept elsewhere (the end of a figure quoted
// verbatim): an annotation of prev at the start of s goes too.
func StripAnnotationsAfter(prev rune, s string) string {
	if IsHan(prev) {
		if n := pinyinAnnotation(s); n > 0 {
			s = s[n:]
		}
	}
	return StripAnnotations(s)
}
