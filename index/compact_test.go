package index

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

func TestCompactText(t *testing.T) {
	for _, tc := range []struct {
		in   string
		size int // bytes of the compact form
	}{
		{"", 0},
		{"GDP 11.4%", 9},
		{"全市工业投资增长", 16}, // 8 ideographs of 3 bytes each in UTF-8
		{"一龥", 4},        // the first and last of the block
		{"增长,“高于”全省。", 6 + 1 + 6 + 6 + 3}, // punctuation outside the block keeps 3 bytes
		{"é", 3},        // below U+0800: one byte more than UTF-8
		{"𠀀", 4},        // above the Basic Multilingual Plane
		{"丶\u3000㐀", 8}, // U+4E36 in the block; U+3000 and U+3400 outside
	} {
		b, ok := appendCompactText([]byte("x"), tc.in)
		if n, lok := compactLen(tc.in); !lok || n != len(b)-1 {
			t.Errorf("compactLen(%q) = %d, %v; the form has %d bytes", tc.in, n, lok, len(b)-1)
		}
		if !ok || len(b)-1 != tc.size {
			t.Errorf("appendCompactText(%q) = %d bytes, %v; want %d", tc.in, len(b)-1, ok, tc.size)
			continue
		}
		got, ok := decodeCompactText(b[1:])
		if !ok || got != tc.in {
			t.Errorf("decode(appendCompactText(%q)) = %q, %v", tc.in, got, ok)
		}
	}
	if b, ok := appendCompactText([]byte("x"), "增\xff长"); ok || string(b) != "x" {
		t.Errorf("invalid UTF-8: %q, %v; want dst unchanged, false", b, ok)
	}
	for _, bad := range [][]byte{{0x80}, {compactBMP, 0x30}, {compactAstral, 1, 2}, {0xD4}, {0xFF}} {
		if s, ok := decodeCompactText(bad); ok {
			t.Errorf("decodeCompactText(% x) = %q, want an error", bad, s)
		}
	}
}

func TestStringTable(t *testing.T) {
	var enc stringTable
	var b []byte
	words := []string{"", "%", "2023年1-6月", "上半年", "2023年1-6月", "泰安市", "泰安市", "%"}
	for _, w := range words {
		b = enc.appendString(b, w)
	}
	// Common strings and repeats take one byte; a new string takes its
	// length and length byte more.
	if want := len(words) + 1 + len("2023年1-6月") + 1 + len("泰安市"); len(b) != want {
		t.Errorf("%d bytes, want %d", len(b), want)
	}
	var dec stringTable
	r := &blobReader{b: b}
	for _, w := range words {
		if got := dec.readString(r); got != w || r.err != nil {
			t.Fatalf("readString = %q, %v; want %q", got, r.err, w)
		}
	}
	r = &blobReader{b: []byte{byte(len(commonStrings) + 5)}}
	if _, _ = dec.readString(r), r.err; r.err == nil {
		t.Error("a reference past the table: no error")
	}
}

// FuzzCompactText: every valid string survives the round trip; decoding
// anything never panics.
func FuzzCompactText(f *testing.F) {
	f.Add("全市工业投资同比增长12.5%,居全省第4位。")
	f.Add("𠀀é\u3000")
	f.Fuzz(func(t *testing.T, s string) {
		b, ok := appendCompactText(nil, s)
		if n, lok := compactLen(s); lok != ok || ok && n != len(b) {
			t.Fatalf("compactLen(%q) = %d, %v; the form has %d bytes", s, n, lok, len(b))
		}
		if ok != utf8.ValidString(s) {
			t.Fatalf("ok = %v for %q", ok, s)
		}
		if ok {
			if got, ok := decodeCompactText(b); !ok || got != s {
				t.Fatalf("round trip of %q: %q, %v", s, got, ok)
			}
		}
		_, _ = decodeCompactText([]byte(s))
	})
}

// FuzzDecodePassage: a stored passage read from a damaged index gives an
// error or sentences, never a panic, and what it decodes to is encoded
// and decoded again without change (encode∘decode is a fixed point).
func FuzzDecodePassage(f *testing.F) {
	d := mkDoc("a.txt", "泰安市", "2023", taian...)
	f.Add(encodePassage(nil, "0123456789ab", "泰安市", 1, d.Paragraphs[0].Sentences))
	f.Add(encodePassage(nil, "tag", "", 3, d.Paragraphs[0].Sentences[1:]))
	f.Fuzz(func(t *testing.T, b []byte) {
		tag, first, ss, err := decodePassage(b, "泰安市")
		if err != nil {
			return
		}
		again := encodePassage(nil, tag, "泰安市", first, ss)
		tag2, first2, ss2, err := decodePassage(again, "泰安市")
		if err != nil || tag2 != tag || first2 != first || len(ss2) != len(ss) {
			t.Fatalf("re-encoded passage: %v, first %d/%d, %d/%d sentences", err, first2, first, len(ss2), len(ss))
		}
		if third := encodePassage(nil, tag2, "泰安市", first2, ss2); !bytes.Equal(third, again) {
			t.Fatalf("encode(decode(x)) changed:\n% x\n% x", again, third)
		}
	})
}
