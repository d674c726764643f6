package answer

import (
	"strings"

	"github.com/reportbot/reportbot/corpus"
	"github.com/reportbot/reportbot/lexicon"
)

// Both questions and extracted metrics are put in canonical form before
// they are compared, so 规模以上工业增加值 meets 规上工业增加值 and
// 工业固定资产投资 meets 工业投资. The words come from package lexicon.

// canonical puts an indicator in the form used for comparison: normalized,
// abbreviated, without punctuation or spaces, Latin letters lowercased.
func canonical(s string) string {
	s = strings.ToLower(corpus.NormalizeText(s))
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r >= 0x3400 || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r == '+' || r == '.' || r == '%' {
			if strings.ContainsRune("“”‘’《》〈〉「」『』【】、。・·…—", r) {
				continue
			}
			b.WriteRune(r)
		}
	}
	s = b.String()
	for _, ab := range lexicon.Abbreviations {
		s = strings.ReplaceAll(s, ab.Long, ab.Short)
	}
	s = fillers.Replace(s)
	for _, c := range lexicon.Completions {
		if s == c.Short {
			return c.Full
		}
	}
	return s
}

// fillers removes lexicon.IndicatorFillers; a filler to keep replaces
// itself, and strings.Replacer tries its pairs in order, so 完成率 keeps its
// 完成.
var fillers = func() *strings.Replacer {
	var pairs []string
	for _, f := range lexicon.IndicatorFillers {
		if f.Keep {
			pairs = append(pairs, f.Text, f.Text)
		} else {
			pairs = append(pairs, f.Text, "")
		}
	}
	return strings.NewReplacer(pairs...)
}()

// SameIndicator reports whether two metrics name the same indicator once
// abbreviations and synonyms are taken into account (规模以上工业增加值 and
// 规上工业增加值, 工业固定资产投资 and 工业投资).
func SameIndicator(a, b string) bool { return canonical(a) == canonical(b) }

// expansions returns the long forms of the abbreviations in a canonical
// indicator, so that a search for 规上工业增加值 also finds sentences that
// spell out 规模以上.
func expansions(canon string) []string {
	var out []string
	for _, ab := range lexicon.Abbreviations {
		if strings.Contains(canon, ab.Short) {
			out = append(out, strings.Replace(canon, ab.Short, ab.Long, 1))
		}
	}
	return out
}

// bigrams returns the set of adjacent rune pairs of s (the single rune for
// a one-rune string).
func bigrams(s string) map[string]struct{} {
	rs := []rune(s)
	set := make(map[string]struct{}, len(rs))
	if len(rs) == 1 {
		set[s] = struct{}{}
	}
	for i := 0; i+1 < len(rs); i++ {
		set[string(rs[i:i+2])] = struct{}{}
	}
	return set
}
