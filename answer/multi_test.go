package answer

import (
	"strings"
	"testing"

	"github.com/reportbot/reportbot/corpus"
)

func TestQuestionModes(t *testing.T) {
	g := corpus.DefaultGazetteer()
	for _, tt := range []struct {
		q, mode, core string
		places        int
	}{
		{"泰安和济南工业投资增速对比", ModeCompare, "工业投资增速", 2},
		{"遵义、安顺前三季度GDP增速对比", ModeCompare, "前三季度gdp增速", 2},
		{"贵州和新疆2021年前三季度GDP增速", ModeCompare, "2021年前三季度gdp增速", 2},
		{"大庆GDP增速走势", ModeTrend, "gdp增速", 1},
		{"泰安历年规上工业增速", ModeTrend, "规上工业增速", 1},
		{"湖南规上工业增加值增速这几年怎么样", ModeTrend, "规上工业增加值增速", 1},
		// Near misses: one figure each.
		{"泰安工业投资增速比全省高多少", ModeSingle, "", 1},
		{"山东泰安工业投资增速", ModeSingle, "", 1},
		{"泰安工业投资增速比济南高多少", ModeSingle, "", 2},
		{"泰安工业投资增速", ModeSingle, "", 1},
	} {
		mq := readMulti(tt.q, g)
		if mq.mode != tt.mode || len(mq.places) != tt.places || tt.core != "" && strings.ToLower(mq.core) != tt.core {
			t.Errorf("%s: mode %s, %d places, core %q; want %s, %d, %q", tt.q, mq.mode, len(mq.places), mq.core, tt.mode, tt.places, tt.core)
		}
	}
}

// The trend and comparison questions on the dev-real reports: at least
// 90 % of their expected points among the answers.
func TestDevRealTrendsAndComparisons(t *testing.T) {
	e := sharedEngine(t, "dev-real")
	cases := readShared(t, ReadMultiCases, "dev_real_trend.jsonl", "dev_real_compare.jsonl")
	rep, err := EvaluateMulti(e, cases)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rep.Write(&b)
	t.Log(b.String())
	if rep.Points == 0 || float64(rep.Found) < 0.9*float64(rep.Points) {
		t.Errorf("points found %d/%d, want ≥ 90%%\n%s", rep.Found, rep.Points, b.String())
	}
}
