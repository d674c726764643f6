package answer

import (
	"context"
	"testing"

	"github.com/reportbot/reportbot/corpus"
)

// TestExamples: every example question is answered, by the engine that
// made it, with a figure of the report it was made from, one per report
// and, while there are others, one per region, newest report first. The
// 2022 report of 泰安 gives none: its questions (泰安工业投资增速, ...) are
// answered from the newer report.
func TestExamples(t *testing.T) {
	e := rankingEngine(t)
	ex := e.Examples(context.Background(), 3)
	if len(ex) != 2 {
		t.Fatalf("Examples = %q, want 2", ex)
	}
	files := map[string]bool{}
	for i, q := range ex {
		res, err := e.Ask(q, 1)
		if err != nil || len(res.Answers) == 0 {
			t.Errorf("example %q is not answered: %v %+v", q, err, res)
			continue
		}
		f := res.Answers[0].File
		if files[f] {
			t.Errorf("two examples from %s: %q", f, ex)
		}
		files[f] = true
		if want := []string{"资阳市", "泰安市"}[i]; res.Answers[0].Region != want {
			t.Errorf("example %d %q is about %s, want %s", i, q, res.Answers[0].Region, want)
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if ex := e.Examples(ctx, 3); len(ex) != 0 {
		t.Errorf("cancelled: %q", ex)
	}
}

func TestExampleFor(t *testing.T) {
	doc := report(t, "c/jining.txt", "济宁市", "2023-07-20", "1-6月,全市工业投资同比增长11.1%,居全省第6位。\n")
	e := memEngine(t, doc)
	q := e.ExampleFor(doc)
	res, err := e.Ask(q, 1)
	if q == "" || err != nil || len(res.Answers) == 0 || res.Answers[0].File != doc.Path {
		t.Errorf("ExampleFor = %q, answered %+v (%v)", q, res.Answers, err)
	}
	if q := e.ExampleFor(report(t, "c/none.txt", "济宁市", "", "全市上下凝心聚力。\n")); q != "" {
		t.Errorf("a report without figures: %q", q)
	}
}

func TestExampleQuestion(t *testing.T) {
	growth := corpus.Figure{Kind: corpus.KindGrowth, Metric: "工业投资", Value: "12.5", Unit: "%"}
	tests := []struct {
		name   string
		fig    func(corpus.Figure) corpus.Figure
		region string
		want   string
	}{
		{"short region", func(f corpus.Figure) corpus.Figure { return f }, "泰安市", "泰安工业投资增速"},
		{"figure's own region", func(f corpus.Figure) corpus.Figure { f.Region = "新泰市"; return f }, "泰安市", "新泰工业投资增速"},
		{"no region", func(f corpus.Figure) corpus.Figure { return f }, "", ""},
		{"a target", func(f corpus.Figure) corpus.Figure { f.Modality = "target"; return f }, "泰安市", ""},
		{"rank in the province", func(f corpus.Figure) corpus.Figure { f.Kind, f.Scope = corpus.KindRank, "全省"; return f }, "泰安市", "泰安工业投资全省排名"},
		{"rank elsewhere", func(f corpus.Figure) corpus.Figure { f.Kind, f.Scope = corpus.KindRank, "全国"; return f }, "泰安市", ""},
		{"odd indicator", func(f corpus.Figure) corpus.Figure { f.Metric = "“工业”投资"; return f }, "泰安市", ""},
		{"long indicator", func(f corpus.Figure) corpus.Figure {
			f.Metric = "规模以上工业企业技术改造投资总额"
			return f
		}, "泰安市", ""},
	}
	for _, tt := range tests {
		got, ok := exampleQuestion(tt.fig(growth), tt.region)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("%s: %q, %v; want %q", tt.name, got, ok, tt.want)
		}
	}
}
