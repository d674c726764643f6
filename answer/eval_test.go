package answer

import "testing"

func TestEvalCaseCorrect(t *testing.T) {
	c := EvalCase{File: "r/a.txt", Value: "一百一十七", Unit: "億元", SentenceContains: "合計達一百一十七億元"}
	a := Answer{File: "/x/a.txt", Value: "117", Unit: "亿元", SourceText: "各項措施合計達一百一十七億元。"}
	tests := []struct {
		name string
		edit func(*Answer)
		want bool
	}{
		{"same figure in other script and digits", func(*Answer) {}, true},
		{"other value", func(a *Answer) { a.Value = "118" }, false},
		{"other unit", func(a *Answer) { a.Unit = "万元" }, false},
		{"other file", func(a *Answer) { a.File = "/x/b.txt" }, false},
		{"other sentence", func(a *Answer) { a.SourceText = "另一句話,117億元。" }, false},
		{"sentence in simplified script", func(a *Answer) { a.SourceText = "各项措施合计达一百一十七亿元。" }, true},
	}
	for _, tt := range tests {
		got := a
		tt.edit(&got)
		if ok := c.Correct(got); ok != tt.want {
			t.Errorf("%s: Correct = %v, want %v", tt.name, ok, tt.want)
		}
	}
	sep := EvalCase{File: "a.txt", Value: "1,386.7", Unit: "亿元", SentenceContains: "1,386.7"}
	if !sep.Correct(Answer{File: "a.txt", Value: "1386.7", Unit: "亿元", SourceText: "总额1,386.7亿元"}) {
		t.Error("1,386.7 and 1386.7 are the same value")
	}
}

// The expected number of the expected report from another sentence is a
// miss, but not a wrong number.
func TestEvalOtherSentenceIsNotWrong(t *testing.T) {
	c := EvalCase{File: "a.txt", Value: "12", Unit: "位", SentenceContains: "已位居第12位"}
	a := Answer{File: "/x/a.txt", Value: "12", Unit: "位", SourceText: "2020年5月,该市跻身全国百强第12位。"}
	if c.Correct(a) {
		t.Error("another sentence counted as the expected one")
	}
	if !c.sameFigure(a) {
		t.Error("same file, value and unit not recognised")
	}
	if c.sameFigure(Answer{File: "a.txt", Value: "13", Unit: "位"}) {
		t.Error("another value taken for the same figure")
	}
}

func TestEvalRankUnits(t *testing.T) {
	c := EvalCase{File: "a.txt", Value: "八", Unit: "名", Kind: "rank", SentenceContains: "位列第八名"}
	if !c.Correct(Answer{File: "a.txt", Value: "8", Unit: "位", SourceText: "该县位列第八名。"}) {
		t.Error("第八位 and 第八名 are the same rank")
	}
	c.Kind = "count"
	if c.Correct(Answer{File: "a.txt", Value: "8", Unit: "位", SourceText: "该县位列第八名。"}) {
		t.Error("位 and 名 are different counters outside ranks")
	}
}
