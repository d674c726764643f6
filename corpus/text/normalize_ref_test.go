package text

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// normalizeSpanPerByte is NormalizeSpan as it was when it kept the
// original's range for every normalized byte: the segments NormText keeps
// now must map every byte the same way.
func normalizeSpanPerByte(src string, base int) (string, []int32, []int32) {
	// The writer is a local value, not variables a closure shares: its
	// slices then live on the stack, and appending to them costs no GC
	// write barrier per character. Both maps share one allocation.
	maps := make([]int32, 2*len(src))
	w := perByteWriter{
		text:   make([]byte, 0, len(src)),
		starts: maps[:0:len(src)],
		ends:   maps[len(src):len(src)],
	}

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
	return string(w.text), w.starts, w.ends
}

type perByteWriter struct {
	text         []byte
	starts, ends []int32
}

func (w *perByteWriter) emit(r rune, start, end int) {
	s, e := int32(start), int32(end)
	n := len(w.text)
	w.text = utf8.AppendRune(w.text, r)
	for k := len(w.text) - n; k > 0; k-- {
		w.starts = append(w.starts, s)
		w.ends = append(w.ends, e)
	}
}

func TestSpansMatchPerByteMaps(t *testing.T) {
	frags := []string{"工業", "(yè)", "（yè）", "?qǐng)", "? ? ?", "３１．９％", "76.8", "億元", " ", "　", "，", ",", "。",
		"增長", "a b", "\xff", "\xe4\xb8", "?", "？", "(", "〜", "–", "\u200b", "\r\n", "增长", "GDP", "１", "𠀀"}
	r := rand.New(rand.NewPCG(9, 10))
	for range 5000 {
		var sb strings.Builder
		for range 1 + r.IntN(10) {
			sb.WriteString(frags[r.IntN(len(frags))])
		}
		src := sb.String()
		base := r.IntN(3)
		n := NormalizeSpan(src, base)
		text, starts, ends := normalizeSpanPerByte(src, base)
		if n.Text != text || !utf8.ValidString(n.Text) {
			t.Fatalf("NormalizeSpan(%q).Text = %q, want %q", src, n.Text, text)
		}
		if got := NormalizeText(src); got != text {
			t.Fatalf("NormalizeText(%q) = %q, want %q", src, got, text)
		}
		for a := -1; a <= len(text)+1; a++ {
			for b := a - 1; b <= len(text)+1; b++ {
				var want Span
				switch {
				case a < b && a >= 0 && b <= len(text):
					want = Span{int(starts[a]), int(ends[b-1])}
				case a >= 0 && a < len(starts):
					want = Span{int(starts[a]), int(starts[a])}
				}
				if got := n.Span(a, b); got != want {
					t.Fatalf("NormalizeSpan(%q).Span(%d, %d) = %v, want %v", src, a, b, got, want)
				}
			}
		}
	}
}
