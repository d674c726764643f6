package text

import (
	"strings"
	"unicode/utf8"
)

// wordSet tells whether a text contains any of a set of words in one pass
// over the text. strings.Contains once per word costs a scan per word, and
// on Chinese text every scan stops at almost every character, because
// most Han characters share the few first bytes the search keys on.
type wordSet struct {
	// bmp marks the first runes of the words below U+10000.
	bmp [(1 << 16) / 64]uint64
	// byFirst holds the words by their first rune.
	byFirst map[rune][]string
}

func newWordSet(words []string) *wordSet {
	ws := &wordSet{byFirst: map[rune][]string{}}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if r < 1<<16 {
			ws.bmp[r/64] |= 1 << (r % 64)
		}
		ws.byFirst[r] = append(ws.byFirst[r], w)
	}
	return ws
}

// in reports whether s contains one of the words.
func (ws *wordSet) in(s string) bool {
	for i, r := range s {
		if r < 1<<16 && ws.bmp[r/64]&(1<<(r%64)) == 0 {
			continue
		}
		for _, w := range ws.byFirst[r] {
			if strings.HasPrefix(s[i:], w) {
				return true
			}
		}
	}
	return false
}

// hasAnyPrefix reports whether s starts with one of words.
func hasAnyPrefix(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}
