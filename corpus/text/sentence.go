package text

import (
	"strings"
	"unicode/utf8"
)

// maxSentenceBytes is where a sentence without an end is cut: about 500
// Chinese characters, longer than any real sentence of a report.
const maxSentenceBytes = 1500

// SentenceRange is a byte range of a paragraph's normalized text.
type SentenceRange struct{ Start, End int }

// SplitSentences splits normalized paragraph text at 。!?; keeping closing
// quotes and brackets with the sentence they close.
func SplitSentences(s string) []SentenceRange {
	var out []SentenceRange
	start := 0
	emit := func(end int) {
		a, b := start, end
		for a < b && (s[a] == ' ') {
			a++
		}
		for b > a && s[b-1] == ' ' {
			b--
		}
		if a < b && hasContent(s[a:b]) {
			out = append(out, SentenceRange{a, b})
		}
		start = end
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		// A sentence that never ends (a table flattened into one line, a
		// page without punctuation) is cut at a comma once it is long,
		// so that no sentence is too long to quote.
		if (r == ',' || r == ' ') && i-start > maxSentenceBytes {
			emit(i)
			continue
		}
		switch r {
		case '。', '!', '?', ';', '…':
			if r == '…' {
				// "……" ends a sentence only when a new one follows;
				// inside a list it stands for "and so on".
				continue
			}
			for i < len(s) {
				c, sz := utf8.DecodeRuneInString(s[i:])
				if !strings.ContainsRune("”’」』)】》!?。", c) {
					break
				}
				i += sz
			}
			emit(i)
		}
	}
	emit(len(s))
	return out
}
