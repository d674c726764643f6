package answer

import (
	"fmt"
	"io"
	"strings"
	"unicode"
)

// writeRows prints a comparison or a trend: an aligned table of its rows
// (region or period, value, unit, period or region, source), then the
// sentence of each row.
func writeRows(w io.Writer, r Result) {
	first := "地区"
	other := "时期"
	if r.Mode == ModeTrend {
		first, other = "时期", "地区"
	}
	table := [][]string{{first, "数值", "单位", other, "来源"}}
	for _, row := range r.Rows {
		if row.Answer == nil {
			table = append(table, []string{row.Label, "—", "", "", row.Note})
			continue
		}
		a := row.Answer
		second := a.Period
		if r.Mode == ModeTrend {
			second = a.Region
		}
		table = append(table, []string{row.Label, a.Value, a.Unit, second,
			ShortSource(a.Title, a.Date, a.Source, a.File, a.Paragraph)})
	}
	widths := make([]int, len(table[0]))
	for _, cells := range table {
		for i, c := range cells {
			widths[i] = max(widths[i], displayWidth(c))
		}
	}
	for _, cells := range table {
		var b strings.Builder
		b.WriteString("  ")
		for i, c := range cells {
			b.WriteString(c)
			if i < len(cells)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(c)+2))
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
	if r.Note != "" {
		fmt.Fprintf(w, "  (%s)\n", r.Note)
	}
	for _, row := range r.Rows {
		if row.Answer == nil {
			continue
		}
		fmt.Fprintf(w, "  %s: 「%s」\n", row.Label, row.Answer.SourceText)
		if row.Note != "" {
			fmt.Fprintf(w, "    %s\n", row.Note)
		}
	}
}

// displayWidth counts a wide (CJK, full-width) rune as two columns.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef {
			n += 2
		} else {
			n++
		}
	}
	return n
}
