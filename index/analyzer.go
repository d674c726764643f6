package index

import (
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// fastCJK produces exactly the tokens of bleve's cjk analyzer (unicode
// word segmentation, width folding, lower case, CJK bigrams) for the text
// that normalized sentences are made of — CJK unified ideographs, ASCII,
// and common CJK punctuation — and hands any other text to the real cjk
// analyzer.
//
// Why: the cjk analyzer segments with a general UAX #29 state machine and
// allocates per token; it ran at 10 MB/s on one core and, with the garbage
// it leaves, took half of the CPU of indexing. This one makes one pass,
// two allocations per sentence, and bigrams that are slices of the input.
// Queries still go through the real cjk analyzer; TestFastCJKMatchesCJK
// and FuzzFastCJK compare the two token by token.
type fastCJK struct {
	fallback analysis.Analyzer
}

// Word-break classes (UAX #29) of the runes the fast path knows.
const (
	wbUnknown = iota // not handled: use the fallback analyzer
	wbOther          // never part of a token
	wbALetter
	wbNumeric
	wbExtendNumLet
	wbMidLetter
	wbMidNum
	wbMidNumLet
	wbIdeo // a CJK unified ideograph: a token of its own, then bigrams
)

var asciiClass = func() (t [128]uint8) {
	for c := 0; c < 128; c++ {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
			t[c] = wbALetter
		case c >= '0' && c <= '9':
			t[c] = wbNumeric
		case c == '_':
			t[c] = wbExtendNumLet
		case c == ':':
			t[c] = wbMidLetter
		case c == ',' || c == ';':
			t[c] = wbMidNum
		case c == '.' || c == '\'':
			t[c] = wbMidNumLet
		case c >= 0x20 && c < 0x7f, c == '\t', c == '\n', c == '\r':
			t[c] = wbOther
		default:
			t[c] = wbUnknown
		}
	}
	return t
}()

func class(r rune) uint8 {
	if r < 0x80 {
		return asciiClass[r]
	}
	switch {
	case r >= 0x4E00 && r <= 0x9FD5:
		// CJK unified ideographs as of Unicode 8.0, the version of the
		// segmenter's tables; later additions (U+9FD6..U+9FFF) are not
		// ideographs to it.
		return wbIdeo
	case r >= 0x3000 && r <= 0x3002, // 　、。
		r >= 0x3008 && r <= 0x3011, // 〈〉《》「」『』【】
		r >= 0x3014 && r <= 0x301B: // 〔〕〖〗〘〙〚〛
		return wbOther
	case r == 0x2014, r == 0x2015, r == 0x2026, // —―…
		r == 0x201C, r == 0x201D, // “”
		r == 0x2030, r == 0x00D7, r == 0x2103, r == 0x00B0: // ‰×℃°
		return wbOther
	case r == 0xFF01, r == 0xFF05, r == 0xFF08, r == 0xFF09, r == 0xFF1F: // ！％（）？
		return wbOther
	}
	return wbUnknown
}

func isWord(c uint8) bool { return c == wbALetter || c == wbNumeric || c == wbExtendNumLet }

// Analyze implements analysis.Analyzer.
func (a *fastCJK) Analyze(input []byte) analysis.TokenStream {
	n, ok := handles(input)
	if !ok {
		return a.fallback.Analyze(input)
	}
	toks := make([]analysis.Token, 0, n)
	visitTerms(input, func(term []byte, start, end int, typ analysis.TokenType) {
		toks = append(toks, analysis.Token{Start: start, End: end, Term: term, Type: typ, Position: len(toks) + 1})
	})
	out := make(analysis.TokenStream, len(toks))
	for i := range toks {
		out[i] = &toks[i]
	}
	return out
}

// handles reports whether the fast path knows every rune of input, and
// counts them: the terms of input are at most as many.
func handles(input []byte) (runes int, ok bool) {
	for i := 0; i < len(input); {
		r, size := rune(input[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(input[i:])
		}
		if class(r) == wbUnknown {
			return 0, false
		}
		runes++
		i += size
	}
	return runes, true
}

// lowerASCII returns b lower-cased, itself if it has no upper case.
func lowerASCII(b []byte) []byte {
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			l := make([]byte, len(b))
			copy(l, b[:i])
			for j := i; j < len(b); j++ {
				c := b[j]
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				l[j] = c
			}
			return l
		}
	}
	return b
}

// visitTerms calls emit with the terms of input, in order, as bleve's
// cjk analyzer makes them (unicode word segmentation, width folding,
// lower case, CJK bigrams: adjacent ideographs pair up, a lone one stays
// a unigram): term is a slice of input or, for a word with upper case, a
// lower-cased copy. input must be one that handles accepts.
func visitTerms(input []byte, emit func(term []byte, start, end int, typ analysis.TokenType)) {
	// The current run of contiguous ideographs: its length, and where
	// its last ideograph starts and ends.
	run, lastStart, lastEnd := 0, 0, 0
	flush := func() {
		if run == 1 {
			emit(input[lastStart:lastEnd], lastStart, lastEnd, analysis.Single)
		}
		run = 0
	}
	for i := 0; i < len(input); {
		r, size := rune(input[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(input[i:])
		}
		c := class(r)
		switch {
		case c == wbIdeo:
			if run > 0 && lastEnd == i {
				emit(input[lastStart:i+size], lastStart, i+size, analysis.Double)
				run++
			} else {
				flush()
				run = 1
			}
			lastStart, lastEnd = i, i+size
			i += size
		case isWord(c):
			flush()
			start := i
			i = wordEnd(input, i+size, c)
			emit(lowerASCII(input[start:i]), start, i, analysis.AlphaNumeric)
		default:
			i += size
		}
	}
	flush()
}

// wordEnd returns where the word that began before i, whose last rune so
// far is of class last, ends (UAX #29 rules as in Analyze).
func wordEnd(input []byte, i int, last uint8) int {
	for i < len(input) {
		r, size := rune(input[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(input[i:])
		}
		c := class(r)
		if isWord(c) {
			last = c
			i += size
			continue
		}
		if c != wbMidLetter && c != wbMidNum && c != wbMidNumLet {
			return i
		}
		j := i + size
		if j >= len(input) {
			return i
		}
		r2, size2 := rune(input[j]), 1
		if r2 >= utf8.RuneSelf {
			r2, size2 = utf8.DecodeRune(input[j:])
		}
		c2 := class(r2)
		if last == wbALetter && c2 == wbALetter && (c == wbMidLetter || c == wbMidNumLet) ||
			last == wbNumeric && c2 == wbNumeric && (c == wbMidNum || c == wbMidNumLet) {
			last = c2
			i = j + size2
			continue
		}
		return i
	}
	return i
}
