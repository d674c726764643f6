package answer

import (
	"strings"

	"github.com/reportbot/reportbot/corpus"
)

// otherBase tells a growth over a base year the question does not ask
// about (比2019年同期增长9.3% in a report on 2021) from the period's own
// growth: it is another figure, never the answer to 增速, and would look
// like a second report contradicting the first.
func otherBase(q Question, f corpus.Figure) bool {
	year, ok := strings.CutSuffix(f.Comparator, "年同期")
	if !ok || len(year) != 4 {
		return false
	}
	return !strings.Contains(q.Text, year+"年同期") && !strings.Contains(q.Text, "比"+year) && !strings.Contains(q.Text, "较"+year)
}
