package answer

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/reportbot/reportbot/corpus"
	"github.com/reportbot/reportbot/lexicon"
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
		// Places apart, asked to compare.
		{"太原GDP增速与银川相比", ModeCompare, "gdp增速", 2},
		{"太原GDP增速和银川比较哪个高", ModeCompare, "gdp增速", 2},
		{"泰安的工业投资增速跟济南对比", ModeCompare, "的工业投资增速", 2},
		// Rankings compare the places under the one named.
		{"贵州各市州GDP增速", ModeCompare, "gdp增速", 1},
		{"贵州哪个市GDP增速最快", ModeCompare, "gdp增速", 1},
		{"南充各县区规上工业增加值增速排名", ModeCompare, "规上工业增加值增速", 1},
		// A tier not under the place named is no ranking; nor is a
		// ranking word without a place.
		{"南充各市GDP增速", ModeSingle, "", 1},
		{"哪个县增长最快", ModeSingle, "", 0},
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

// Every ranking word's example is read as a ranking of the tier it names,
// lowest first when its order word says so.
func TestRankingWordExamples(t *testing.T) {
	g := corpus.DefaultGazetteer()
	for _, w := range lexicon.RankingWords {
		if mq := readMulti(w.Example, g); mq.tier != w.Tier || mq.mode != ModeCompare {
			t.Errorf("%s (%s): tier %q mode %s, want %s", w.Example, w.Text, mq.tier, mq.mode, w.Tier)
		}
	}
	for _, o := range lexicon.RankingOrders {
		if mq := readMulti(o.Example, g); mq.tier == "" || mq.lowest != o.Lowest || strings.Contains(mq.core, o.Text) {
			t.Errorf("%s (%s): tier %q lowest %v core %q", o.Example, o.Text, mq.tier, mq.lowest, mq.core)
		}
	}
}

func TestPlacesUnder(t *testing.T) {
	g := corpus.DefaultGazetteer()
	names := func(parent string, tier string) []string {
		var out []string
		for _, p := range placesUnder(g, g.Lookup(parent)[0], tier) {
			out = append(out, p.Name)
		}
		return out
	}
	if got := names("贵州省", lexicon.TierPrefecture); len(got) != 9 || !slices.Contains(got, "遵义市") || !slices.Contains(got, "黔东南苗族侗族自治州") {
		t.Errorf("贵州's prefectures: %v", got)
	}
	// 仙桃 is governed by 湖北 directly: a prefecture-level row of it.
	if got := names("湖北省", lexicon.TierPrefecture); !slices.Contains(got, "仙桃市") || slices.Contains(got, "武昌区") {
		t.Errorf("湖北's prefectures: %v", got)
	}
	if got := names("泰安市", lexicon.TierCounty); len(got) != 6 || !slices.Contains(got, "肥城市") || slices.Contains(got, "泰安市") {
		t.Errorf("泰安's counties: %v", got)
	}
}

func TestMostStatedPeriod(t *testing.T) {
	as := func(periods ...string) []Answer {
		var out []Answer
		for _, p := range periods {
			out = append(out, Answer{Period: p})
		}
		return out
	}
	lists := [][]Answer{as("2023年上半年", "2022年"), as("2022年"), as("2023年上半年"), as("2021年")}
	got := mostStatedPeriod(func(yield func([]Answer) bool) {
		for _, l := range lists {
			if !yield(l) {
				return
			}
		}
	})
	// 2022年 and 2023年上半年 are stated by two places each: the later wins.
	if got != "2023年上半年" {
		t.Errorf("most stated period %q", got)
	}
}

func TestSeriesOf(t *testing.T) {
	for _, c := range []struct {
		start, end int
		want       string
	}{
		{0, 0, "全年"}, {1, 12, "全年"}, {1, 3, "年初累计"}, {1, 6, "年初累计"}, {1, 9, "年初累计"}, {1, 5, "年初累计"},
		{4, 6, "单季"}, {10, 12, "单季"}, {5, 5, "当月"}, {7, 12, "7-12月"}, {2, 7, "2-7月"},
	} {
		if got := seriesOf(corpus.Period{Year: 2023, StartMonth: c.start, EndMonth: c.end}); got != c.want {
			t.Errorf("seriesOf(%d-%d) = %q, want %q", c.start, c.end, got, c.want)
		}
	}
}

func TestGroupBySeries(t *testing.T) {
	point := func(period string) Row {
		return Row{Label: period, Answer: &Answer{Period: period}}
	}
	// In time order, as the trend collects them.
	rows := []Row{point("2021年"), point("2022年一季度"), point("2022年"), point("2022年12月"), point("2023年一季度"), point("2023年1-5月")}
	groupBySeries(rows)
	var got []string
	for _, r := range rows {
		got = append(got, r.Series+":"+r.Label)
	}
	want := "年初累计:2022年一季度 年初累计:2023年一季度 年初累计:2023年1-5月 全年:2021年 全年:2022年 当月:2022年12月"
	if strings.Join(got, " ") != want {
		t.Errorf("grouped:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	if c := strings.Join(seriesCounts(rows), "、"); c != "年初累计3个、全年2个、当月1个" {
		t.Errorf("counts %q", c)
	}
	if !mixedLengths(rows, "年初累计") || mixedLengths(rows, "全年") {
		t.Errorf("一季度 and 1-5月 end in different months; 全年 rows do not")
	}
}

func TestTimePosition(t *testing.T) {
	for period, want := range map[string]float64{"2023年": 2023 + 11.5/12, "2023年上半年": 2023 + 5.5/12, "2023年1-5月": 2023 + 4.5/12, "一季度": 0} {
		if got := (Answer{Period: period}).TimePosition(); math.Abs(got-want) > 1e-9 {
			t.Errorf("%s: %v, want %v", period, got, want)
		}
	}
}
