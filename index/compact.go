package index

import (
	"encoding/binary"
	"unicode/utf8"
)

// Stored text is mostly Chinese: three bytes a character in UTF-8, and
// snappy, which zap applies to stored fields, finds little to repeat in a
// sentence. compactText stores a CJK Unified Ideograph (U+4E00..U+9FFF,
// nearly every character of a report) in two bytes, ASCII in one and
// anything else as a marker and its code point; a sentence of 100 bytes of
// UTF-8 takes about 70. It is a plain loop both ways, so decoding costs
// less than validating the UTF-8 it replaces.
//
//	0x00..0x7F            ASCII
//	0x80..0xD1, 1 byte    U+4E00 + (b0-0x80)<<8 | b1
//	0xD2, 2 bytes         another rune of the Basic Multilingual Plane
//	0xD3, 3 bytes         a rune above it
const (
	compactHanFirst = 0x4E00
	compactHanLast  = 0x9FFF
	compactBMP      = 0xD2
	compactAstral   = 0xD3
)

// appendCompactText appends the compact form of s; ok is false, with dst
// unchanged, when s is not valid UTF-8 (it is then stored as it is).
func appendCompactText(dst []byte, s string) (out []byte, ok bool) {
	start := len(dst)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 {
			return dst[:start], false
		}
		i += n
		switch {
		case r >= compactHanFirst && r <= compactHanLast:
			v := r - compactHanFirst
			dst = append(dst, byte(0x80+v>>8), byte(v))
		case r <= 0xFFFF:
			dst = append(dst, compactBMP, byte(r>>8), byte(r))
		default:
			dst = append(dst, compactAstral, byte(r>>16), byte(r>>8), byte(r))
		}
	}
	return dst, true
}

// compactLen is the length of appendCompactText's output for s; false
// when s is not valid UTF-8.
func compactLen(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			return 0, false
		}
		i += size
		switch {
		case r >= compactHanFirst && r <= compactHanLast:
			n += 2
		case r <= 0xFFFF:
			n += 3
		default:
			n += 4
		}
	}
	return n, true
}

// decodeCompactText is the inverse of appendCompactText; false if b is
// corrupt.
func decodeCompactText(b []byte) (string, bool) {
	n := 0
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c < 0x80:
			n++
			i++
		case c < compactBMP:
			n += 3
			i += 2
		case c == compactBMP:
			n += 3
			i += 3
		case c == compactAstral:
			n += 4
			i += 4
		default:
			return "", false
		}
		if i > len(b) {
			return "", false
		}
	}
	out := make([]byte, 0, n)
	for i := 0; i < len(b); {
		c := b[i]
		var r rune
		switch {
		case c < 0x80:
			out = append(out, c)
			i++
			continue
		case c < compactBMP:
			r = compactHanFirst + (rune(c-0x80)<<8 | rune(b[i+1]))
			i += 2
		case c == compactBMP:
			r = rune(b[i+1])<<8 | rune(b[i+2])
			i += 3
		default:
			r = rune(b[i+1])<<16 | rune(b[i+2])<<8 | rune(b[i+3])
			i += 4
		}
		out = utf8.AppendRune(out, r)
	}
	return string(out), true
}

// commonStrings are the values of figure fields that most figures share
// (kinds, units, comparators, scopes, qualifiers, modalities): a field
// holding one of them is stored as its number. The order is part of the
// stored format: append only, and bump Schema.
var commonStrings = []string{
	"",
	"growth", "amount", "share", "count", "rank", "diff", "change", "other",
	"%", "亿元", "个百分点", "个", "万吨", "位", "万人", "人", "万元", "户", "‰", "元", "名", "家", "项", "亿美元", "万千瓦时", "亿千瓦时", "万平方米", "公里", "倍",
	"同比", "比上年", "上年同期", "全国", "全省", "全市", "全区", "上年", "上月", "环比",
	"左右", "以上", "突破", "超过", "超", "以内", "约", "不到", "近", "余",
	"target", "forecast",
	"全年", "上半年", "一季度", "前三季度",
}

var commonIndex = func() map[string]int {
	m := make(map[string]int, len(commonStrings))
	for i, s := range commonStrings {
		m[s] = i
	}
	return m
}()

// stringTable numbers the figure strings of one passage: the common ones
// and every string once stored in it, so a repeated period text, unit or
// region costs a byte.
type stringTable struct {
	seen []string
}

func (t *stringTable) reset() { t.seen = t.seen[:0] }

// appendString appends s as a table reference, or as 0 and the string
// itself when it is new (it is then added).
func (t *stringTable) appendString(dst []byte, s string) []byte {
	if i, ok := commonIndex[s]; ok {
		return binary.AppendUvarint(dst, uint64(i+1))
	}
	for i, x := range t.seen {
		if x == s {
			return binary.AppendUvarint(dst, uint64(len(commonStrings)+i+1))
		}
	}
	t.seen = append(t.seen, s)
	dst = append(dst, 0)
	return appendString(dst, s)
}

// readString is the inverse of appendString.
func (t *stringTable) readString(r *blobReader) string {
	k := r.uvarint()
	switch {
	case r.err != nil:
		return ""
	case k == 0:
		s := r.string()
		t.seen = append(t.seen, s)
		return s
	case k <= uint64(len(commonStrings)):
		return commonStrings[k-1]
	case k-uint64(len(commonStrings))-1 < uint64(len(t.seen)):
		return t.seen[k-uint64(len(commonStrings))-1]
	}
	r.err = errBlob
	return ""
}
