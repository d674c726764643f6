package text

import (
	"fmt"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"甲增长5%。乙增长6%;丙增长7%!", []string{"甲增长5%。", "乙增长6%;", "丙增长7%!"}},
		{"他说:“增长很快。”然后呢?", []string{"他说:“增长很快。”", "然后呢?"}},
		{"一,二,三", []string{"一,二,三"}},
		{"。。", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, r := range SplitSentences(tt.in) {
			got = append(got, tt.in[r.Start:r.End])
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("SplitSentences(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
