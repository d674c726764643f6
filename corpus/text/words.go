package text

import (
	"strings"
	"unicode/utf8"
)

// wordSet tells which groups of words a text contains, in one pass over
// the text. strings.Contains once per word costs a scan per word, and on
// Chinese text every scan stops at almost every character, because most
// Han characters share the few first bytes the search keys on.
type wordSet struct {
	// bmp marks the first runes of the words below U+10000.
	bmp [(1 << 16) / 64]uint64
	// byFirst holds the words by their first rune.
	byFirst map[rune][]groupWord
}

type groupWord struct {
	text  string
	group uint8 // a bit
}

// newWordSet makes a set of the groups of words given, group i getting
// the bit 1<<i.
func newWordSet(groups ...[]string) *wordSet {
	ws := &wordSet{byFirst: map[rune][]groupWord{}}
	for i, words := range groups {
		for _, w := range words {
			r, _ := utf8.DecodeRuneInString(w)
			if r < 1<<16 {
				ws.bmp[r/64] |= 1 << (r % 64)
			}
			ws.byFirst[r] = append(ws.byFirst[r], groupWord{w, 1 << i})
		}
	}
	return ws
}

// groups returns the bits of the groups of which s contains a word.
func (ws *wordSet) groups(s string) uint8 {
	var found uint8
	for i, r := range s {
		if r < 1<<16 && ws.bmp[r/64]&(1<<(r%64)) == 0 {
			continue
		}
		for _, w := range ws.byFirst[r] {
			if found&w.group == 0 && strings.HasPrefix(s[i:], w.text) {
				found |= w.group
			}
		}
	}
	return found
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
