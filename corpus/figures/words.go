package figures

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/reportbot/reportbot/corpus/text"
)

// runeIndex lists, for each rune, the positions in a word list of the
// words that begin (or end) with it, in list order. A loop that tries
// every word of a long list against one end of a string need then try only
// the few whose end rune is the string's: a word can only be a prefix of a
// string whose first rune is its own.
type runeIndex map[rune][]int

func firstRuneIndex(words []string) runeIndex {
	idx := runeIndex{}
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		idx[r] = append(idx[r], i)
	}
	return idx
}

func lastRuneIndex(words []string) runeIndex {
	idx := runeIndex{}
	for i, w := range words {
		r, _ := utf8.DecodeLastRuneInString(w)
		idx[r] = append(idx[r], i)
	}
	return idx
}

// next returns the first position at or after from of a word beginning
// (or ending) with r, or -1.
func (idx runeIndex) next(r rune, from int) int {
	for _, i := range idx[r] {
		if i >= from {
			return i
		}
	}
	return -1
}

// Flags of scanRuneFlags.
const (
	flagPerLead = 1 << iota // perLead
	flagCN                  // numIsCN
)

// scanRuneFlags holds, for every rune below U+10000, the answers of the
// rune tests the number and period scanners ask of every rune of every
// sentence: one load instead of a switch or two. It is built from the tests
// themselves, asked of scanCandidates only (asking them of every rune
// would take over a millisecond of a question's start-up), on first use.
var scanRuneFlags = sync.OnceValue(func() *[1 << 16]uint8 {
	var t [1 << 16]uint8
	for _, r := range scanCandidates {
		if perLead(r) {
			t[r] |= flagPerLead
		}
		if numIsCN(r) {
			t[r] |= flagCN
		}
	}
	return &t
})

// scanCandidates are the runes perLead or numIsCN may accept; a test
// checks that they accept no other.
const scanCandidates = "截今去上本明前第全下年首民" + "零〇○一壹二贰两三叁四肆五伍六陆七柒八捌九玖" + "十拾百佰千仟万亿"

// hasScanFlag reports whether the test of flag holds for r. It is small
// enough to be inlined in the scanners' loops.
func hasScanFlag(flags *[1 << 16]uint8, r rune, flag uint8) bool {
	if uint32(r) < 1<<16 {
		return flags[r]&flag != 0
	}
	return scanFlagBeyond(r, flag)
}

// scanFlagBeyond is hasScanFlag for a rune beyond the table.
func scanFlagBeyond(r rune, flag uint8) bool {
	if flag == flagPerLead {
		return perLead(r)
	}
	return numIsCN(r)
}

// wordList is a list of words with a text.WordSet of them, to learn in
// one pass whether a text holds any.
type wordList struct {
	words []string
	set   *text.WordSet
}

func newWordList(words []string) *wordList {
	return &wordList{words: words, set: text.NewWordSet(words)}
}

// removeAll removes every word of the list from s, each word in turn as
// strings.ReplaceAll would; when s holds none, s is returned without a
// search per word.
func (wl *wordList) removeAll(s string) string {
	if wl.set.Groups(s) == 0 {
		return s
	}
	for _, w := range wl.words {
		s = strings.ReplaceAll(s, w, "")
	}
	return s
}

// trimRunes is strings.Trim(s, cutset), answered without a pass over the
// cutset per rune when neither end of s is in it.
func trimRunes(s, cutset string) string {
	if s == "" {
		return s
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if !strings.ContainsRune(cutset, first) && !strings.ContainsRune(cutset, last) {
		return s
	}
	return strings.Trim(s, cutset)
}
