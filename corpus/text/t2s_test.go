package text

import (
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

// The embedded table is what opencc's t2s dictionary says of every single
// character: regenerate it (go generate ./corpus/text) when opencc moves.
func TestT2STableMatchesOpenCC(t *testing.T) {
	cc, err := opencc.New("t2s")
	if err != nil {
		t.Fatal(err)
	}
	var buf [4]byte
	pairs := 0
	for r := rune(t2sLow); r <= t2sHigh; r++ {
		want := r
		if unicode.Is(unicode.Han, r) {
			n := utf8.EncodeRune(buf[:], r)
			if out, err := cc.Convert(string(buf[:n])); err == nil {
				if s, size := utf8.DecodeRuneInString(out); size == len(out) && s != utf8.RuneError {
					want = s
				}
			}
		}
		if want != r {
			pairs++
		}
		if got := Simplified(r); got != want {
			t.Fatalf("Simplified(%c) = %c, opencc says %c", r, got, want)
		}
	}
	if pairs < 2000 {
		t.Errorf("only %d traditional characters: the table is not loaded", pairs)
	}
	for _, c := range []struct{ in, want rune }{{'經', '经'}, {'濟', '济'}, {'億', '亿'}, {'臺', '台'}, {'经', '经'}} {
		if got := Simplified(c.in); got != c.want {
			t.Errorf("Simplified(%c) = %c, want %c", c.in, got, c.want)
		}
	}
}

func BenchmarkLoadT2S(b *testing.B) {
	for b.Loop() {
		loadT2S()
	}
}
