package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalizeText(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"全市工业投资同比增长31.9%", "全市工业投资同比增长31.9%"},
		{"全市工業投資同比增長31.9%", "全市工业投资同比增长31.9%"},
		{"增长３１．９％，居全省第２位", "增长31.9%,居全省第2位"},
		{"增长 5.6%", "增长5.6%"},
		{"完成15.9 亿元", "完成15.9亿元"},
		{"嘉峪關(guān)市全力推動(dòng)工業(yè)", "嘉峪关市全力推动工业"},
		{"同比增長(zhǎng)83.7%", "同比增长83.7%"},
		{"據(jù)嘉峪關(guān)日?qǐng)?bào)報(bào)道", "据嘉峪关日报道"},
		{"? ? ? ?今年以來(lái),我市", "今年以来,我市"},
		{"是否完成？", "是否完成?"},
		{"Windows 10 系统", "Windows 10系统"},
		{"（资料图片）", "(资料图片)"},
		{"增速(GDP)", "增速(GDP)"},
		{"\u3000\u3000今年以来", "今年以来"},
	}
	for _, tt := range tests {
		if got := NormalizeText(tt.in); got != tt.want {
			t.Errorf("NormalizeText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeSpansMapBack(t *testing.T) {
	src := "前言。1-10月完成工業(yè)固定資產(chǎn)投資76.8億元,同比增長(zhǎng)83.7%。"
	n := NormalizeSpan(src, 0)
	for _, want := range []struct{ norm, orig string }{
		{"76.8亿元", "76.8億元"},
		{"同比增长83.7%", "同比增長(zhǎng)83.7%"},
		{"工业固定资产投资", "工業(yè)固定資產(chǎn)投資"},
	} {
		a := strings.Index(n.Text, want.norm)
		if a < 0 {
			t.Fatalf("%q not in %q", want.norm, n.Text)
		}
		sp := n.Span(a, a+len(want.norm))
		if got := src[sp.Start:sp.End]; got != want.orig {
			t.Errorf("span of %q = %q, want %q", want.norm, got, want.orig)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"同比增長(zhǎng)83.7%", "? ? ?", "日?qǐng)?bào)", "３１．９％", "\xff\xfe", "(", "?("} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizeSpan(s, 0)
		if !utf8.ValidString(n.Text) {
			t.Fatalf("invalid UTF-8 out of %q", s)
		}
		prev := 0
		for i := range len(n.Text) {
			a, b := n.source(i)
			if a < 0 || a > b || b > len(s) {
				t.Fatalf("byte %d maps to [%d,%d) of %d", i, a, b, len(s))
			}
			if a < prev {
				t.Fatalf("offsets go backwards at %d", i)
			}
			prev = a
		}
	})
}

func BenchmarkNormalize(b *testing.B) {
	text := strings.Repeat("全市規上工業增加值同比增長11.4%,增速居全省第5位;工业投资完成89.1亿元、增长42.2%。", 50)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		NormalizeSpan(text, 0)
	}
}
