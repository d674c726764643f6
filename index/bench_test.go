package index

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/reportbot/reportbot/corpus"
	"github.com/reportbot/reportbot/internal/testshared"
)

// Measurements on the development machine (2 cores, shared with other
// work, so wall times vary; cpu-ms/op and MB/cpu-s are steadier), Go 1.26,
// bleve v2.6.3, zap v17, are recorded in the comments of each benchmark.
// Commands:
//
//	go test -run '^$' -bench Search -benchtime 2000x ./index
//	go test -run '^$' -bench 'Put|Ingest' -benchtime 50x ./index
//	go test -run '^$' -bench Search -benchtime 2000x ./index -args \
//		-index.sentences=1000000 -index.dir=/tmp/ix1m   # builds once, then reuses
//
// Flags: -index.sentences (50,000), -index.dir (keep and reuse the index),
// -index.budget (candidateBudget), -index.merge (force-merge first),
// -index.batch (Writer batch bytes).

var (
	benchSentences = flag.Int("index.sentences", 50_000, "sentences in the benchmark index")
	benchDir       = flag.String("index.dir", "", "keep the benchmark index in this directory and reuse it")
	benchBudget    = flag.Int("index.budget", 0, "candidateBudget for BenchmarkSearch (0: the default)")
	benchMerge     = flag.Bool("index.merge", false, "force-merge the benchmark index into one segment before searching")
	benchBatch     = flag.Int("index.batch", 0, "Writer batch bytes in benchmarks (0: DefaultBatchBytes)")
)

const sentencesPerFile = 200

var (
	regionNames = strings.Fields("泰安市 济南市 青岛市 淄博市 枣庄市 东营市 烟台市 潍坊市 济宁市 日照市 临沂市 德州市 聊城市 滨州市 菏泽市 南充市 成都市 绵阳市 德阳市 宜宾市 泸州市 达州市 广安市 遂宁市 内江市 乐山市 眉山市 资阳市 雅安市 巴中市 郑州市 洛阳市 开封市 许昌市 南阳市 信阳市 周口市 商丘市 新乡市 焦作市")
	baseMetrics = strings.Fields("工业投资 地区生产总值 规模以上工业增加值 固定资产投资 社会消费品零售总额 一般公共预算收入 进出口总额 出口总额 实际使用外资 城镇居民人均可支配收入 农村居民人均可支配收入 居民消费价格 税收收入 民间投资 房地产开发投资 技术改造投资 高新技术产业产值 服务业增加值 金融机构存款余额 金融机构贷款余额 粮食产量 旅游总收入 接待游客 新增城镇就业 研发经费投入 数字经济核心产业 基础设施投资 制造业投资 工业用电量 货运量 快递业务量 新登记市场主体 专精特新企业 规上工业营业收入 利润总额 建筑业总产值 商品房销售面积 网络零售额 农业总产值 生猪出栏")
	// metricNames: the base metrics plus qualified ones (规模以上工业营业收入,
	// 高技术制造业投资 ...): about 200, so that one metric is in ~0.5% of
	// sentences, as in real reports, not in 2%.
	metricNames = func() []string {
		out := append([]string(nil), baseMetrics...)
		for _, p := range strings.Fields("规模以上工业 高技术制造业 战略性新兴产业 民营企业 外贸企业 农村 城镇 县域 数字经济 现代服务业 文化旅游 重点项目 装备制造业 化工产业 新能源汽车 电子信息产业") {
			for _, m := range strings.Fields("投资 增加值 营业收入 利润总额 用电量 产值 税收 出口额 从业人员 研发投入") {
				out = append(out, p+m)
			}
		}
		return out
	}()
	scopes  = strings.Fields("全市 全县 全区 全省 我市 市区")
	periods = []corpus.Period{{Year: 2023, StartMonth: 1, EndMonth: 5, Text: "2023年1-5月", Raw: "1-5月"}, {Year: 2023, StartMonth: 1, EndMonth: 3, Text: "2023年一季度", Raw: "一季度"}, {Year: 2022, Text: "2022年", Raw: "去年"}, {Year: 2023, StartMonth: 1, EndMonth: 6, Text: "2023年上半年", Raw: "上半年"}}
	fillers = strings.Fields("高于全省平均水平 增速居全省前列 较一季度提高2.1个百分点 发展态势持续向好 主要指标稳中有进 经济运行企稳回升 创历史同期新高 为全年目标奠定坚实基础")
)

// policy words of narrative sentences (no figures): most sentences of a
// work report state intentions, not numbers.
var (
	verbs    = strings.Fields("坚持 加快 推进 深化 强化 持续 全面 着力 扎实推进 大力实施 积极 统筹 聚焦 围绕 突出 狠抓 巩固 提升 优化 完善")
	policies = strings.Fields("高质量发展 新旧动能转换 乡村振兴战略 营商环境 数字经济 招商引资 重点项目建设 民生保障 生态环境保护 安全生产 科技创新 产业转型升级 城市更新 对外开放 国企改革 民营经济 双招双引 黄河流域生态保护 文旅融合 现代农业 先进制造业 服务业提质 基层治理 教育医疗 养老托育 就业创业 防范化解风险 污染防治 绿色低碳 共同富裕 人才引育 园区建设 交通基础设施 水利工程 老旧小区改造 县域经济 平台经济 新型城镇化 消费升级 物流枢纽")
	endings  = strings.Fields("取得明显成效 迈出坚实步伐 实现良好开局 不断取得新突破 持续走在前列 形成强大合力 提供有力支撑 展现新作为")
	verbsNum = []string{"同比增长", "比上年增长", "同比下降", "增长", "较上年提高"}
)

// gen makes reproducible synthetic report sentences: about 40% state
// 1-3 figures, the rest are narrative.
type gen struct{ r *rand.Rand }

func newGen(seed uint64) *gen { return &gen{rand.New(rand.NewPCG(seed, 7))} }

func (g *gen) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

func (g *gen) sentence(para, index, start int) corpus.Sentence {
	var b strings.Builder
	var figs []corpus.Figure
	if g.r.IntN(10) < 6 {
		b.WriteString(g.pick(verbs) + g.pick(policies))
		for n := g.r.IntN(3); n > 0; n-- {
			b.WriteString("，" + g.pick(verbs) + g.pick(policies))
		}
		b.WriteString("，" + g.pick(policies) + g.pick(endings) + "。")
	} else {
		per := periods[g.r.IntN(len(periods))]
		b.WriteString(per.Raw + "，" + g.pick(scopes))
		nf := 1 + g.r.IntN(3)
		for i := 0; i < nf; i++ {
			if i > 0 {
				b.WriteString("，")
			}
			metric := g.pick(metricNames)
			b.WriteString(metric)
			if g.r.IntN(2) == 0 {
				v := strconv.FormatFloat(float64(g.r.IntN(20000))/10, 'f', 1, 64)
				b.WriteString([]string{"完成", "达到", "实现", ""}[g.r.IntN(4)])
				fs := b.Len()
				b.WriteString(v + "亿元")
				n, _ := strconv.ParseFloat(v, 64)
				figs = append(figs, corpus.Figure{Raw: v, Value: v, Number: n, Unit: "亿元", Kind: corpus.KindAmount, Metric: metric, Period: per, Span: corpus.Span{Start: start + fs, End: start + b.Len()}})
				b.WriteString("，")
			}
			v := strconv.FormatFloat(float64(g.r.IntN(400))/10, 'f', 1, 64)
			verb := g.pick(verbsNum)
			b.WriteString(verb)
			fs := b.Len()
			b.WriteString(v + "%")
			n, _ := strconv.ParseFloat(v, 64)
			if strings.Contains(verb, "下降") {
				n = -n
			}
			figs = append(figs, corpus.Figure{Raw: v, Value: v, Number: n, Unit: "%", Kind: corpus.KindGrowth, Metric: metric, Comparator: "同比", Period: per, Span: corpus.Span{Start: start + fs, End: start + b.Len()}})
		}
		if g.r.IntN(2) == 0 {
			b.WriteString("，" + g.pick(fillers))
		}
		b.WriteString("。")
	}
	text := b.String()
	// Norm has half-width punctuation, as the corpus package makes it, so
	// it is stored separately from Text: the realistic, larger case.
	norm := strings.NewReplacer("，", ",", "。", ".").Replace(text)
	return corpus.Sentence{Para: para, Index: index, Span: corpus.Span{Start: start, End: start + len(text)}, Text: text, Norm: norm, Figures: figs}
}

// doc makes a file of n sentences, 5 to a paragraph.
func (g *gen) doc(path, region string, n int) *corpus.Document {
	d := &corpus.Document{Path: path, Format: "txt", Encoding: "utf-8", Hash: fmt.Sprintf("%064x", g.r.Uint64()),
		Title: region + "2023年政府工作报告", Date: "2023-06-" + strconv.Itoa(10+g.r.IntN(20)), DateSource: "line", Source: region + "日报",
		Region: corpus.Region{Name: region, Province: "山东省", Via: "title", Confidence: 0.9}}
	pos := 0
	for i := 1; i <= n; i++ {
		pi := (i-1)/5 + 1
		if len(d.Paragraphs) < pi {
			d.Paragraphs = append(d.Paragraphs, corpus.Paragraph{Index: pi, Span: corpus.Span{Start: pos}})
		}
		s := g.sentence(pi, i, pos)
		pos = s.Span.End
		p := &d.Paragraphs[pi-1]
		p.Sentences = append(p.Sentences, s)
		p.Span.End = pos
	}
	d.Size = int64(pos)
	return d
}

func textBytes(d *corpus.Document) int {
	n := 0
	for _, p := range d.Paragraphs {
		for _, s := range p.Sentences {
			n += len(s.Text)
		}
	}
	return n
}

// benchRegion is the region of file i of an index of n sentences: about
// 2,500 sentences per region (400 regions at a million sentences, as many
// as a national collection of city and county reports), at least 40.
func benchRegion(i, n int) string {
	k := max(len(regionNames), n/2500)
	i %= k
	if i < len(regionNames) {
		return regionNames[i]
	}
	return regionNames[i%len(regionNames)] + strconv.Itoa(i/len(regionNames)) + "区"
}

// buildBenchIndex writes n synthetic sentences to a new on-disk index in
// dir through a Writer fed by two goroutines, as the indexer would.
func buildBenchIndex(tb testing.TB, dir string, n int) (ix *Index, text int, elapsed time.Duration) {
	ix, err := Open(dir, Options{})
	if err != nil {
		tb.Fatal(err)
	}
	g := newGen(42)
	var docs []*corpus.Document
	for i := 0; i*sentencesPerFile < n; i++ {
		d := g.doc(fmt.Sprintf("reports/%05d.txt", i), benchRegion(i, n), min(sentencesPerFile, n-i*sentencesPerFile))
		docs = append(docs, d)
		text += textBytes(d)
	}
	start := time.Now()
	cpu0 := cpuTime()
	defer func() { benchCPU = cpuTime() - cpu0 }()
	w := ix.NewWriter(*benchBatch)
	var wg sync.WaitGroup
	errs := make(chan error, 2)
	for k := 0; k < 2; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := k; i < len(docs); i += 2 {
				if _, err := w.Put(docs[i]); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	close(errs)
	for err := range errs {
		tb.Fatal(err)
	}
	return ix, text, time.Since(start)
}

var benchIx struct {
	once sync.Once
	ix   *Index
	dir  string
	err  error
}

func sharedBenchIndex(b *testing.B) *Index {
	benchIx.once.Do(func() {
		// Closed (and a temporary one removed) after every benchmark of
		// the binary, which share it.
		testshared.AfterAll(func() {
			if benchIx.ix != nil {
				_ = benchIx.ix.Close()
			}
			if benchIx.dir != "" {
				_ = os.RemoveAll(benchIx.dir)
			}
		})
		if *benchDir != "" {
			// A kept index: build it once, reuse it on later runs.
			ix, err := Open(*benchDir, Options{})
			if err != nil {
				benchIx.err = err
				return
			}
			if ix.Stats().Sentences == 0 {
				_ = ix.Close()
				ix, _, _ = buildBenchIndex(b, *benchDir, *benchSentences)
			}
			benchIx.ix = ix
		} else {
			dir, err := os.MkdirTemp("", "reportbot-index-bench")
			if err != nil {
				benchIx.err = err
				return
			}
			benchIx.dir = dir
			ix, text, el := buildBenchIndex(b, filepath.Join(dir, "ix"), *benchSentences)
			b.Logf("built %d sentences (%.1f MB text) in %v: %.1f MB/s", ix.Stats().Sentences, float64(text)/1e6, el, float64(text)/1e6/el.Seconds())
			benchIx.ix = ix
		}
		ix := benchIx.ix
		if *benchMerge {
			ai, _ := ix.bi.Advanced()
			if err := ai.(*scorch.Scorch).ForceMerge(context.Background(), nil); err != nil {
				b.Fatal(err)
			}
		}
		sm := ix.bi.StatsMap()["index"].(map[string]interface{})
		b.Logf("%d sentences, segments: %v", ix.Stats().Sentences, sm["TotFileSegmentsAtRoot"])
	})
	if benchIx.err != nil {
		b.Fatal(benchIx.err)
	}
	return benchIx.ix
}

func TestMain(m *testing.M) { testshared.Main(m) }

// benchQueries are questions as the bot would pass them: a metric and
// "增速"/"是多少" (4-11 bigrams), the metric as a Term, one region.
func benchQueries() []Query {
	g := newGen(9)
	qs := make([]Query, 200)
	for i := range qs {
		m := g.pick(metricNames)
		tail := []string{"增速", "增长多少", "完成多少", "是多少"}[i%4]
		qs[i] = Query{Text: m + tail, Terms: []string{m}, Regions: []string{benchRegion(g.r.IntN(1<<20), *benchSentences)}, Limit: 50}
	}
	return qs
}

// BenchmarkSearch: a typical question (a metric and 增速/是多少, the metric
// as a Term) with one region ("region") or none ("all"), Limit 50, stored
// sentences decoded and joined to their files. Median and p99 are of the
// single searches.
//
//	sentences  segments  region: median  p99     all: median  p99
//	50,000     4-5              1.9 ms   4.1 ms        3.2 ms  8.7 ms
//	1,000,000  1                1.7 ms   3.3 ms        5.2 ms 11.4 ms
//
// At a million sentences, before the candidate budget (search.go,
// buildQuery), a plain OR of all bigrams took 25 ms (region) and 44 ms
// (all); leaving out only the question's common bigrams 3.7 and 9.9 ms;
// the common bigrams of the Terms phrase made up the rest.
func BenchmarkSearch(b *testing.B) {
	ix := sharedBenchIndex(b)
	if *benchBudget > 0 {
		ix.budget = uint64(*benchBudget)
	}
	for _, c := range []struct {
		name   string
		region bool
	}{{"region", true}, {"all", false}} {
		b.Run(c.name, func(b *testing.B) {
			qs := benchQueries()
			if !c.region {
				for i := range qs {
					qs[i].Regions = nil
				}
			}
			lat := make([]time.Duration, 0, b.N)
			hits := 0
			b.ReportAllocs()
			b.ResetTimer()
			cpu0 := cpuTime()
			for i := 0; i < b.N; i++ {
				t0 := time.Now()
				h, err := ix.Search(qs[i%len(qs)])
				lat = append(lat, time.Since(t0))
				if err != nil {
					b.Fatal(err)
				}
				hits += len(h)
			}
			b.StopTimer()
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "median-ms")
			b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
			b.ReportMetric(float64(hits)/float64(b.N), "hits/op")
		})
	}
}

// BenchmarkPut: one Put per 200-sentence file into an on-disk index (a
// batch and a disk commit each): 20 ms per file, 1.0 MB/s. A Writer
// (BenchmarkIngest) is five times faster for many small files.
func BenchmarkPut(b *testing.B) {
	ix, err := Open(filepath.Join(b.TempDir(), "ix"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	g := newGen(3)
	docs := make([]*corpus.Document, 64)
	for i := range docs {
		docs[i] = g.doc("x", regionNames[i%len(regionNames)], sentencesPerFile)
	}
	b.SetBytes(int64(textBytes(docs[0])))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := *docs[i%len(docs)]
		d.Path = fmt.Sprintf("reports/%06d.txt", i)
		if _, err := ix.Put(&d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIngest builds a whole index of -index.sentences sentences with
// a Writer fed by two goroutines, closes it, and reports throughput and
// the size on disk relative to the sentence text (Sentence.Text bytes).
//
// 50,000 sentences (5.1 MB of text, 100 bytes a sentence, Norm stored
// besides Text): 2.6-3.1 MB of text per CPU-second, i.e. 5-5.7 MB/s when
// both cores are free; 3.7 MB/cpu-s (7 MB/s) with GOGC=400. Index size on
// disk: 3.8× the text (the stored sentences about half of it); at a
// million sentences 327 MB for 102 MB of text (3.2×, merged segments). A
// CPU profile: zap building segments ~45%, bleve's analysis ~25% (of which
// the cjk bigrams 8% with fastCJK, 4× that with the cjk analyzer), GC
// ~10-20%, our encoding ~3%.
func BenchmarkIngest(b *testing.B) {
	// Each iteration builds a whole index: at most three, whatever
	// -benchtime asks, so "-bench . -benchtime 2000x" stays usable. ns/op
	// is meaningless here; read the metrics.
	for i := 0; i < min(b.N, 3); i++ {
		dir := filepath.Join(b.TempDir(), "ix")
		ix, text, el := buildBenchIndex(b, dir, *benchSentences)
		sm := ix.bi.StatsMap()
		if m, ok := sm["index"].(map[string]interface{}); ok {
			for _, k := range []string{"TotAnalysisTime", "TotIndexTime", "TotBatchIntroTime", "TotPersisterNapPauseCompleted", "TotFileMergeZapTime", "TotPersistedItems", "TotFileMergeSegments"} {
				if v, ok := m[k]; ok {
					b.Logf("%s = %v", k, v)
				}
			}
		}
		if err := ix.Close(); err != nil {
			b.Fatal(err)
		}
		size := SizeOnDisk(dir)
		b.ReportMetric(float64(text)/1e6/el.Seconds(), "MB/s")
		b.ReportMetric(float64(size)/float64(text), "disk/text")
		b.ReportMetric(float64(text)/1e6, "text-MB")
		b.ReportMetric(float64(text)/1e6/benchCPU.Seconds(), "MB/cpu-s")
	}
}

// benchCPU is the CPU time (user+system, all threads) of the last
// buildBenchIndex: on a shared machine it is steadier than wall time.
var benchCPU time.Duration

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
