package answer

import (
	"crypto/sha256"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/reportbot/reportbot/corpus"
	"github.com/reportbot/reportbot/index"
)

var testNow = time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)

func TestParseQuestion(t *testing.T) {
	g := corpus.DefaultGazetteer()
	tests := []struct {
		q         string
		region    string
		place     string
		indicator string
		want      corpus.Kind
		period    string // Period.Text, "" for none
	}{
		{"泰安工业投资增速", "泰安市", "", "工业投资", corpus.KindGrowth, ""},
		{"泰安工业投资增速是多少?", "泰安市", "", "工业投资", corpus.KindGrowth, ""},
		{"泰安工業投資增速", "泰安市", "", "工业投资", corpus.KindGrowth, ""},
		{"泰安规模以上工业增加值增幅", "泰安市", "", "规上工业增加值", corpus.KindGrowth, ""},
		{"泰安工业投资增速全省排第几", "泰安市", "", "工业投资", corpus.KindRank, ""},
		{"泰安工业投资比全省高多少", "泰安市", "", "工业投资", corpus.KindDiff, ""},
		{"资阳工业投资完成多少亿", "资阳市", "", "工业投资", corpus.KindAmount, ""},
		{"资阳规上工业企业总数", "资阳市", "", "规上工业企业总数", corpus.KindCount, ""},
		{"安岳天然气综合产值", "资阳市", "安岳县", "天然气综合产值", corpus.KindAmount, ""},
		{"嘉峪关工业固定资产投资增速", "嘉峪关市", "", "工业投资", corpus.KindGrowth, ""},
		{"金昌一季度规上工业增加值增速", "金昌市", "", "规上工业增加值", corpus.KindGrowth, "一季度"},
		{"嘉峪关2019年工业投资增速", "嘉峪关市", "", "工业投资", corpus.KindGrowth, "2019年"},
		{"金昌工业项目开复工率", "金昌市", "", "工业项目开复工率", corpus.KindShare, ""},
		{"金昌5G基站建成多少个", "金昌市", "", "5g基站建成", corpus.KindCount, ""},
		{"泰安技改投资", "泰安市", "", "技改投资", "", ""},
		{"２＋４产业集群产值", "", "", "2+4产业集群产值", corpus.KindAmount, ""},
		{"山东泰安工业投资增速", "泰安市", "", "工业投资", corpus.KindGrowth, ""},
		{"甘肃金川区规上工业增加值增速", "金昌市", "金川区", "规上工业增加值", corpus.KindGrowth, ""},
		{"四川金川县规上工业增加值增速", "阿坝藏族羌族自治州", "金川县", "规上工业增加值", corpus.KindGrowth, ""},
	}
	for _, tt := range tests {
		q := ParseQuestion(tt.q, g, testNow)
		if q.Region != tt.region || q.Place != tt.place || q.Indicator != tt.indicator || q.Want != tt.want || q.Period.Text != tt.period {
			t.Errorf("ParseQuestion(%q) = region %q place %q indicator %q want %q period %q;\nwant region %q place %q indicator %q want %q period %q",
				tt.q, q.Region, q.Place, q.Indicator, q.Want, q.Period.Text, tt.region, tt.place, tt.indicator, tt.want, tt.period)
		}
	}
}

func TestParseQuestionProvince(t *testing.T) {
	q := ParseQuestion("北京规上工业增加值增速", corpus.DefaultGazetteer(), testNow)
	if q.Province != "北京市" || q.Region != "" {
		t.Errorf("北京: province %q region %q", q.Province, q.Region)
	}
}

// report builds a document the way the indexer does, from text written
// for the test, with its region and date given by a sidecar.
func report(t testing.TB, path, region, date, text string) *corpus.Document {
	t.Helper()
	raw := &corpus.RawFile{Path: path, Format: "txt", Encoding: "utf-8", Text: text,
		Hash: fmt.Sprintf("%x", sha256.Sum256([]byte(path+text))), Size: int64(len(text))}
	return corpus.Process(raw, corpus.Options{Sidecar: corpus.Sidecar{Region: region, Date: date}})
}

func memEngine(t testing.TB, docs ...*corpus.Document) *Engine {
	t.Helper()
	ix, err := index.OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	for _, d := range docs {
		if _, err := ix.Put(d); err != nil {
			t.Fatal(err)
		}
	}
	e := New(ix)
	e.Now = func() time.Time { return testNow }
	return e
}

// rankingReports are two cities and two years, with the distractors that
// trip a plain search: a longer indicator that contains the asked one, a
// rank and a difference in the same sentence, another city, another year.
func rankingEngine(t testing.TB) *Engine {
	return memEngine(t,
		report(t, "a/yuzhou_2023.txt", "泰安市", "2023-07-10",
			"上半年工业运行情况\n"+
				"1-6月,全市工业投资同比增长12.5%,高于全省3.2个百分点,增速居全省第4位;工业技改投资增长20.1%,居全省第1位。\n"+
				"全市制造业投资同比增长9.8%,工业民间投资增长7.7%。\n"+
				"全市规上工业增加值同比增长6.6%,完成工业投资150.3亿元。\n"+
				"力争全年工业投资增长15%以上。\n"),
		report(t, "a/yuzhou_2022.txt", "泰安市", "2023-01-20",
			"2022年工业运行情况\n2022年,全市工业投资同比增长8.4%,增速居全省第9位。\n"),
		report(t, "b/other_2023.txt", "资阳市", "2023-07-12",
			"1-6月,全市工业投资同比增长30.2%,居全省第1位。\n"),
	)
}

func TestRankingDistractors(t *testing.T) {
	e := rankingEngine(t)
	tests := []struct {
		q, value, unit, file string
	}{
		{"泰安工业投资增速", "12.5", "%", "a/yuzhou_2023.txt"},   // not 技改 20.1, not 制造业 9.8, not 资阳 30.2, latest year
		{"泰安工业技改投资增速", "20.1", "%", "a/yuzhou_2023.txt"}, // the longer indicator when asked
		{"泰安工业投资全省排第几", "4", "位", "a/yuzhou_2023.txt"},
		{"泰安工业投资比全省高多少", "3.2", "个百分点", "a/yuzhou_2023.txt"},
		{"泰安工业投资完成多少亿", "150.3", "亿元", "a/yuzhou_2023.txt"},
		{"泰安2022年工业投资增速", "8.4", "%", "a/yuzhou_2022.txt"},
		{"资阳工业投资增速", "30.2", "%", "b/other_2023.txt"},
		{"泰安工业投资目标", "15", "%", "a/yuzhou_2023.txt"},
	}
	for _, tt := range tests {
		res, err := e.Ask(tt.q, 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Answers) == 0 {
			t.Errorf("%s: no answer (note %q)", tt.q, res.Note)
			continue
		}
		a := res.Answers[0]
		if a.Value != tt.value || a.Unit != tt.unit || a.File != tt.file {
			t.Errorf("%s = %s %s from %s (%s), want %s %s from %s", tt.q, a.Value, a.Unit, a.File, a.Metric, tt.value, tt.unit, tt.file)
		}
	}
}

func TestNoAnswerWhenNotConfident(t *testing.T) {
	e := rankingEngine(t)
	for _, q := range []string{
		"泰安GDP增速",        // indicator not in any report
		"成都工业投资增速",       // region without reports
		"泰安2019年工业投资增速",  // period without reports
		"泰安社会消费品零售总额",    // indicator not in the reports
		"泰安",             // no indicator
		"泰安工业民间投资比全省高多少", // a difference that is not stated
		"泰安固定资产投资增速",     // only parts of it (工业投资, 制造业投资) are stated
		"泰安民间投资增速",       // only 工业民间投资 is stated
		"泰安制造业民间投资增速",    // 工业民间投资 is another sector's
	} {
		res, err := e.Ask(q, 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Answers) > 0 {
			a := res.Answers[0]
			t.Errorf("%s: answered %s %s (%s, score %.2f), want no answer", q, a.Value, a.Unit, a.Metric, a.Score)
		}
	}
}

func TestTraditionalSourceTextIsVerbatim(t *testing.T) {
	text := "1-6月,全市工業投資同比增長(zhǎng)12.5%。\n"
	e := memEngine(t, report(t, "t.txt", "泰安市", "2023-07-10", text))
	res, err := e.Ask("泰安工业投资增速", 1)
	if err != nil || len(res.Answers) == 0 {
		t.Fatalf("no answer: %v %+v", err, res)
	}
	a := res.Answers[0]
	if a.SourceText != "1-6月,全市工業投資同比增長(zhǎng)12.5%。" || a.Sentence != "1-6月,全市工业投资同比增长12.5%。" {
		t.Errorf("source %q sentence %q", a.SourceText, a.Sentence)
	}
}

// TestDevSet is the acceptance test on the shared dev set: every question
// answered at top-1 from the seed reports, and no negative answered.
func TestDevSet(t *testing.T) {
	e := sharedEngine(t, "seeds")
	cases := readShared(t, ReadEvalCases, "dev_qa.jsonl", "dev_negative.jsonl")
	rep, err := Evaluate(e, cases)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Questions == 0 || rep.Top1 != rep.Questions || rep.Answered != 0 {
		var b = new(stringsBuilder)
		rep.Write(b)
		t.Errorf("dev set: top-1 %d/%d, negatives answered %d/%d\n%s", rep.Top1, rep.Questions, rep.Answered, rep.Negatives, b.String())
	}
}

type stringsBuilder = strings.Builder
