package text

import "testing"

func TestStripAnnotations(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"全市工業(yè)增加值增長(zhǎng)12.5%", "全市工業增加值增長12.5%"},
		{"全市工业（gōng）投资", "全市工业投资"},
		{"申?(qǐng)报项目", "申报项目"},
		{"申?qǐng)报项目", "申报项目"},
		{"增长? ? ?12.5%", "增长12.5%"},
		// Ordinary brackets and questions stay.
		{"规上工业(不含电力)增长", "规上工业(不含电力)增长"},
		{"占比(%)为", "占比(%)为"},
		{"GDP(abc)", "GDP(abc)"},
		{"这是为什么?", "这是为什么?"},
		{"全市(2023年)", "全市(2023年)"},
		{"", ""},
	} {
		if got := StripAnnotations(tc.in); got != tc.want {
			t.Errorf("StripAnnotations(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := StripAnnotationsAfter('元', "(yuán),同比"); got != ",同比" {
		t.Errorf("StripAnnotationsAfter = %q", got)
	}
	if got := StripAnnotationsAfter('%', "(ab),同比"); got != "(ab),同比" {
		t.Errorf("StripAnnotationsAfter after a digit = %q", got)
	}
}
