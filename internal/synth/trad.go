package synth

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"

	"github.com/reportbot/reportbot/corpus"
)

// Traditional script. A fifth of real reports reach us in traditional
// characters (a site that serves both scripts, a Hong Kong or Taiwan
// repost). The generator converts character by character through a table
// built once from opencc's s2t dictionary, for exactly the characters the
// generator can emit. Character-level conversion ignores the phrase
// context opencc would use (发 → 發 or 髮), which is fine for a benchmark:
// the table keeps only pairs that corpus.Simplified maps back, so the
// pipeline reads the same sentence in either script, and converting a whole
// corpus costs a map lookup per character instead of opencc's dictionary
// walk.

var (
	tradOnce  sync.Once
	tradTable map[rune]rune
)

// buildTrad fills tradTable from the runes of texts.
func buildTrad(texts []string) {
	tradTable = map[rune]rune{}
	cc, err := opencc.New("s2t")
	if err != nil {
		// Without the dictionary every report stays simplified; the
		// generator is still deterministic, only less varied.
		return
	}
	seen := map[rune]bool{}
	var buf [4]byte
	for _, s := range texts {
		for _, r := range s {
			if seen[r] || !unicode.Is(unicode.Han, r) {
				continue
			}
			seen[r] = true
			n := utf8.EncodeRune(buf[:], r)
			out, err := cc.Convert(string(buf[:n]))
			if err != nil {
				continue
			}
			t, size := utf8.DecodeRuneInString(out)
			if size != len(out) || t == r || t == utf8.RuneError {
				continue
			}
			if corpus.Simplified(t) == r {
				tradTable[r] = t
			}
		}
	}
}

// toTraditional converts s with the table (runes not in it are kept).
func toTraditional(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if t, ok := tradTable[r]; ok {
			r = t
		}
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}

// allVocabulary lists every string the generator writes, for buildTrad.
func allVocabulary(places []string) []string {
	var out []string
	out = append(out, places...)
	for _, ind := range indicators {
		out = append(out, ind.forms...)
	}
	for _, c := range countIndicators {
		out = append(out, c.name, c.unit)
	}
	for _, l := range [][]string{proseOpen, proseVerb, proseObject, proseResult, proseMeans, proseProblem,
		docTopics, webHeads, navItems, reporters, icpProv, cnDigits, templateWords} {
		out = append(out, l...)
	}
	for _, p := range subPeriods {
		out = append(out, p.text)
	}
	return out
}
