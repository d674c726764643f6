package text

import (
	"strings"
	"unicode/utf8"
)

// RuneSet marks runes below U+10000, the block every word the scanners
// look for is written in, so that a scan can skip in one test the runes
// no word begins with.
type RuneSet [(1 << 16) / 64]uint64

// Add marks r; runes beyond the block need no mark (Has admits them).
func (rs *RuneSet) Add(r rune) {
	if r >= 0 && r < 1<<16 {
		rs[r/64] |= 1 << (r % 64)
	}
}

// Has reports whether r was added; runes beyond the set's block are
// reported as possibly added.
func (rs *RuneSet) Has(r rune) bool {
	return r < 0 || r >= 1<<16 || rs[r/64]&(1<<(r%64)) != 0
}

// WordSet tells which groups of words a text contains, in one pass over
// the text. strings.Contains once per word costs a scan per word, and on
// Chinese text every scan stops at almost every character, because most
// Han characters share the few first bytes the search keys on.
type WordSet struct {
	first   RuneSet
	byFirst map[rune][]groupWord
}

type groupWord struct {
	text  string
	group uint8 // a bit
}

// NewWordSet makes a set of the groups of words given (at most eight),
// group i getting the bit 1<<i.
func NewWordSet(groups ...[]string) *WordSet {
	ws := &WordSet{byFirst: map[rune][]groupWord{}}
	for i, words := range groups {
		for _, w := range words {
			r, _ := utf8.DecodeRuneInString(w)
			ws.first.Add(r)
			ws.byFirst[r] = append(ws.byFirst[r], groupWord{w, 1 << i})
		}
	}
	return ws
}

// Groups returns the bits of the groups of which s contains a word.
func (ws *WordSet) Groups(s string) uint8 {
	var found uint8
	for i, r := range s {
		if !ws.first.Has(r) {
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
