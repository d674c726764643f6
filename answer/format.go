package answer

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// kindNames are the words an answer uses for a kind of figure.
var kindNames = map[string]string{
	"growth": "增速", "share": "占比", "rank": "排名", "diff": "差距", "change": "增减",
}

// IndicatorText names what a figure measures: its metric and, where the
// kind is not plain in it, the kind (工业投资 增速, 工业投资 排名).
func (a Answer) IndicatorText() string {
	what := a.Metric
	if k := kindNames[a.Kind]; k != "" && !strings.HasSuffix(what, k) {
		what = strings.TrimSpace(what + " " + k)
	}
	return what
}

// Headline is the one-line answer: "31.9% · 工业投资 增速 · 泰安市 · 2023年1-5月".
func (a Answer) Headline() string {
	parts := []string{a.ValueText()}
	if what := a.IndicatorText(); what != "" {
		parts = append(parts, what)
	}
	if a.Region != "" {
		parts = append(parts, a.Region)
	}
	if a.Period != "" {
		parts = append(parts, a.Period)
	}
	switch a.Modality {
	case "target":
		parts = append(parts, "目标")
	case "forecast":
		parts = append(parts, "预计")
	}
	return strings.Join(parts, " · ")
}

// ValueText is the figure as it should be read: "第2位", "31.9%", "500余万元",
// "下降3.5%".
func (a Answer) ValueText() string {
	v := strings.TrimPrefix(a.Value, "-")
	switch {
	case a.Kind == "rank":
		return a.Qualifier + "第" + v + "位"
	case a.Number < 0 && a.Kind == "growth":
		return "下降" + v + a.Unit
	case a.Number < 0 && a.Kind == "diff":
		return "低" + v + a.Unit
	}
	q := a.Qualifier
	switch q {
	case "余", "多":
		return v + q + a.Unit
	case "以上", "左右", "以下", "以内":
		return v + a.Unit + q
	}
	return q + v + a.Unit
}

// SourceLine names where a sentence comes from: title · date · source.
func SourceLine(title, date, source, file string, para int) string {
	var parts []string
	for _, p := range []string{title, date, source} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	where := filepath.Base(file)
	if para > 0 {
		where += fmt.Sprintf(" 第%d段", para)
	}
	parts = append(parts, where)
	return strings.Join(parts, " · ")
}

// WriteText prints a result for a terminal.
func WriteText(w io.Writer, r Result) {
	fmt.Fprintf(w, "问: %s\n", r.Question)
	if r.RegionNote != "" {
		fmt.Fprintf(w, "  (%s)\n", r.RegionNote)
	}
	if (r.Mode == ModeCompare || r.Mode == ModeTrend) && len(r.Answers) > 0 {
		writeRows(w, r)
		return
	}
	if len(r.Answers) == 0 {
		msg := "未找到确定的答案"
		if r.Note != "" {
			msg += "(" + r.Note + ")"
		}
		fmt.Fprintf(w, "  %s。\n", msg)
		if len(r.Related) > 0 {
			fmt.Fprintln(w, "  相关句子:")
			for _, s := range r.Related {
				fmt.Fprintf(w, "  - %s\n    %s\n", s.SourceText, SourceLine(s.Title, s.Date, s.Source, s.File, s.Paragraph))
			}
		}
		return
	}
	a := r.Answers[0]
	fmt.Fprintf(w, "  %s\n", a.Headline())
	fmt.Fprintf(w, "  「%s」\n", a.SourceText)
	fmt.Fprintf(w, "  来源: %s\n", SourceLine(a.Title, a.Date, a.Source, a.File, a.Paragraph))
	for _, o := range r.Answers[1:] {
		fmt.Fprintf(w, "  另: %s — %s\n", o.Headline(), SourceLine(o.Title, o.Date, o.Source, o.File, o.Paragraph))
	}
}
