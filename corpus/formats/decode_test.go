package formats

import (
	"bytes"
	"errors"
	"math/rand"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// Test texts written for these tests: a report-like passage in
// simplified characters, and one in traditional characters for Big5.
const (
	decTestSimplified = "2023年，全市地区生产总值完成1234.5亿元，同比增长6.2%，高于全省平均水平1.1个百分点。\n" +
		"规模以上工业增加值增长8.3%，其中高技术制造业增长15.7%；固定资产投资增长10.5%。\n" +
		"社会消费品零售总额达到356.8亿元，城乡居民人均可支配收入分别增长5.1%和7.2%。"
	decTestTraditional = "今年以來，全市經濟運行穩中向好，規模以上工業增加值同比增長7.5%，高於全省2.3個百分點。\n" +
		"社會消費品零售總額完成356億元，進出口總額增長12.4%，新簽約項目48個。"
)

func decTestEncode(t testing.TB, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return b
}

func TestDecodeTextEncodings(t *testing.T) {
	utf16le := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	utf16be := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	withBOM := func(bom []byte, b []byte) []byte { return append(append([]byte{}, bom...), b...) }
	tests := []struct {
		name, text, want string
		data             func(t testing.TB, s string) []byte
	}{
		{"utf-8", decTestSimplified, encUTF8, func(t testing.TB, s string) []byte { return []byte(s) }},
		{"utf-8 bom", decTestSimplified, encUTF8, func(t testing.TB, s string) []byte {
			return withBOM([]byte{0xEF, 0xBB, 0xBF}, []byte(s))
		}},
		{"utf-8 traditional", decTestTraditional, encUTF8, func(t testing.TB, s string) []byte { return []byte(s) }},
		{"utf-16le bom", decTestSimplified, encUTF16LE, func(t testing.TB, s string) []byte {
			return withBOM([]byte{0xFF, 0xFE}, decTestEncode(t, utf16le, s))
		}},
		{"utf-16be bom", decTestSimplified, encUTF16BE, func(t testing.TB, s string) []byte {
			return withBOM([]byte{0xFE, 0xFF}, decTestEncode(t, utf16be, s))
		}},
		{"utf-16le no bom", decTestSimplified, encUTF16LE, func(t testing.TB, s string) []byte {
			return decTestEncode(t, utf16le, s)
		}},
		{"utf-16be no bom", decTestSimplified, encUTF16BE, func(t testing.TB, s string) []byte {
			return decTestEncode(t, utf16be, s)
		}},
		{"utf-16le no bom traditional", decTestTraditional, encUTF16LE, func(t testing.TB, s string) []byte {
			return decTestEncode(t, utf16le, s)
		}},
		{"utf-16be no bom chinese only", "一二三，经济发展。", encUTF16BE, func(t testing.TB, s string) []byte {
			return decTestEncode(t, utf16be, s)
		}},
		{"gbk", decTestSimplified, encGB18030, func(t testing.TB, s string) []byte {
			return decTestEncode(t, simplifiedchinese.GBK, s)
		}},
		{"gb18030", decTestSimplified + "\n𠮷€", encGB18030, func(t testing.TB, s string) []byte {
			return decTestEncode(t, simplifiedchinese.GB18030, s)
		}},
		{"gbk traditional", decTestTraditional, encGB18030, func(t testing.TB, s string) []byte {
			return decTestEncode(t, simplifiedchinese.GBK, s)
		}},
		{"gbk short", "增长5%", encGB18030, func(t testing.TB, s string) []byte {
			return decTestEncode(t, simplifiedchinese.GBK, s)
		}},
		{"gbk after long ascii", strings.Repeat("ascii preamble ", 30000) + decTestSimplified, encGB18030,
			func(t testing.TB, s string) []byte { return decTestEncode(t, simplifiedchinese.GBK, s) }},
		{"big5", decTestTraditional, encBig5, func(t testing.TB, s string) []byte {
			return decTestEncode(t, traditionalchinese.Big5, s)
		}},
		{"big5 short", "經濟增長", encBig5, func(t testing.TB, s string) []byte {
			return decTestEncode(t, traditionalchinese.Big5, s)
		}},
		{"big5 long", strings.Repeat(decTestTraditional+"\n", 5000), encBig5, func(t testing.TB, s string) []byte {
			return decTestEncode(t, traditionalchinese.Big5, s)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := DecodeText(tt.data(t, tt.text))
			if err != nil {
				t.Fatalf("DecodeText: %v", err)
			}
			if d.Encoding != tt.want {
				t.Errorf("encoding = %s, want %s", d.Encoding, tt.want)
			}
			if d.Text != tt.text {
				t.Errorf("text = %.80q..., want %.80q...", d.Text, tt.text)
			}
			if len(d.Warnings) > 0 {
				t.Errorf("warnings: %q", d.Warnings)
			}
		})
	}
}

func TestDecodeTextBinary(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	random := make([]byte, 4096)
	rng.Read(random)
	tests := []struct {
		name string
		data []byte
	}{
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00")},
		{"elf", append([]byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00"), bytes.Repeat([]byte{0, 1, 2, 3}, 64)...)},
		{"random", random},
		{"utf-8 with NUL", []byte("增长5%\x00\x00\x00\x00 of something")},
		{"control bytes", []byte("abc\x01\x02\x03\x04\x05\x06 def ghi jkl mno")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := DecodeText(tt.data)
			if !errors.Is(err, ErrBinary) {
				t.Fatalf("err = %v (encoding %s, text %.40q), want ErrBinary", err, d.Encoding, d.Text)
			}
		})
	}
}

func TestDecodeTextDamaged(t *testing.T) {
	tests := []struct {
		name     string
		data     []byte
		want     string // exact text, or prefix when wantPrefix
		prefix   bool
		encoding string
	}{
		{"latin-1", []byte("Caf\xe9 cr\xe8me br\xfbl\xe9e"), "Caf\uFFFD cr\uFFFDme br\uFFFDl\uFFFDe", false, encUTF8},
		{"utf-8 cut mid character", []byte(decTestSimplified)[:len(decTestSimplified)-1],
			strings.TrimSuffix(decTestSimplified, "。"), true, encUTF8},
		{"utf-8 with one gbk word", append([]byte(decTestSimplified), decTestEncode(t, simplifiedchinese.GBK, "增长")...),
			decTestSimplified, true, encUTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := DecodeText(tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if d.Encoding != tt.encoding {
				t.Errorf("encoding = %s, want %s", d.Encoding, tt.encoding)
			}
			if tt.prefix && !strings.HasPrefix(d.Text, tt.want) || !tt.prefix && d.Text != tt.want {
				t.Errorf("text = %q, want %q", d.Text, tt.want)
			}
			if !strings.Contains(d.Text, "\uFFFD") || len(d.Warnings) == 0 {
				t.Errorf("want U+FFFD and a warning, got %q %q", d.Text, d.Warnings)
			}
			if !utf8.ValidString(d.Text) {
				t.Error("text is not valid UTF-8")
			}
		})
	}
}

// TestDecodeNotMojibake guards the first rule: UTF-8 Chinese must never be
// read as GBK, although its bytes are mostly valid GBK.
func TestDecodeNotMojibake(t *testing.T) {
	for _, s := range []string{decTestSimplified, decTestTraditional, "增长", "经济"} {
		d, err := DecodeText([]byte(s))
		if err != nil || d.Encoding != encUTF8 || d.Text != s {
			t.Errorf("DecodeText(%q) = %q, %s, %v", s, d.Text, d.Encoding, err)
		}
	}
}

func TestDecodeCommonSet(t *testing.T) {
	for _, r := range "的一是不了人我在有他这中大来上国個們來為國說經濟發展增長" {
		if !decIsCommon(r) {
			t.Errorf("%c not in the common set", r)
		}
	}
	// UTF-8 and Big5 bytes read as GB18030, and GBK bytes read as Big5,
	// decode without errors but must not look like Chinese.
	gb, big5 := simplifiedchinese.GB18030.NewDecoder(), traditionalchinese.Big5.NewDecoder()
	for _, tt := range []struct {
		name string
		text string
	}{
		{"utf-8 as gb18030", decTransform(gb, []byte(decTestSimplified+decTestTraditional), 0)},
		{"big5 as gb18030", decTransform(gb, decTestEncode(t, traditionalchinese.Big5, decTestTraditional), 0)},
		{"gbk as big5", decTransform(big5, decTestEncode(t, simplifiedchinese.GBK, decTestSimplified), 0)},
	} {
		if sc := decScoreText(tt.text); sc.plausible() {
			t.Errorf("%s: %q scores %+v, plausible", tt.name, tt.text, sc)
		}
	}
	for _, s := range []string{decTestSimplified, decTestTraditional} {
		if sc := decScoreText(s); !sc.plausible() || sc.common*10 < sc.cjk*8 {
			t.Errorf("%q scores %+v, want at least 80%% common", s, sc)
		}
	}
}

// TestDecodeLargeSingleLine reads one long line in bounded memory: a
// small multiple of the input, no quadratic copying.
func TestDecodeLargeSingleLine(t *testing.T) {
	size := 50 << 20
	if testing.Short() {
		size = 8 << 20
	}
	line := strings.ReplaceAll(decTestSimplified, "\n", "")
	text := strings.Repeat(line, size/len(line)+1)
	tests := []struct {
		name string
		data []byte
		enc  string
	}{
		{"utf-8", []byte(text), encUTF8},
		{"gbk", decTestEncode(t, simplifiedchinese.GBK, text), encGB18030},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			rf, err := ReadBytes("big.txt", tt.data)
			runtime.ReadMemStats(&after)
			if err != nil {
				t.Fatal(err)
			}
			if rf.Encoding != tt.enc || len(rf.Text) != len(text) {
				t.Fatalf("encoding %s, %d bytes; want %s, %d bytes", rf.Encoding, len(rf.Text), tt.enc, len(text))
			}
			alloc := after.TotalAlloc - before.TotalAlloc
			if limit := uint64(3 * len(tt.data)); alloc > limit {
				t.Errorf("allocated %d MiB for %d MiB of input, want at most %d MiB",
					alloc>>20, len(tt.data)>>20, limit>>20)
			}
			if after.Mallocs-before.Mallocs > 10000 {
				t.Errorf("%d allocations: per-character allocation?", after.Mallocs-before.Mallocs)
			}
		})
	}
}

func BenchmarkDecodeGB18030(b *testing.B) {
	data := decTestEncode(b, simplifiedchinese.GB18030, strings.Repeat(decTestSimplified+"\n", 4000))
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		d, err := DecodeText(data)
		if err != nil || d.Encoding != encGB18030 {
			b.Fatalf("DecodeText: %s, %v", d.Encoding, err)
		}
	}
}
