package geo

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportbot/reportbot/corpus/text"
	"github.com/reportbot/reportbot/internal/testshared"
)

// regionTestParagraphs splits raw text into non-empty trimmed lines.
func regionTestParagraphs(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// TestResolveRegionSeeds resolves the region of the seed reports that are
// in simplified script from their paragraphs alone: the file names are
// opaque hashes, so only the body can tell.
func TestResolveRegionSeeds(t *testing.T) {
	dir := testshared.Path(t, "corpus/seeds")
	g := DefaultGazetteer()
	for _, tc := range []struct {
		prefix, name, code string
	}{
		{"000_", "金昌市", "6203"}, // only 金川集团 and 甘肃省; also 北京, 上海, 河南, 深圳, 兰州大学
		{"001_", "南充市", "5113"}, // 仪陇, 营山; also 贡嘎培优 (a 四川 programme, 贡嘎县 is in 西藏)
		{"002_", "资阳市", "5120"}, // 资阳日报, 安岳; also 成都都市圈, 上海高仙机器人
	} {
		files, err := filepath.Glob(filepath.Join(dir, tc.prefix+"*.txt"))
		if err != nil || len(files) != 1 {
			t.Fatalf("seed %s*: %v %v", tc.prefix, files, err)
		}
		raw, err := os.ReadFile(files[0])
		if err != nil {
			t.Fatal(err)
		}
		ev := RegionEvidence{FileName: filepath.Base(files[0]), Body: regionTestParagraphs(string(raw))}
		got := g.ResolveRegion(ev)
		t.Logf("%s: %+v", filepath.Base(files[0]), got)
		if got.Name != tc.name || got.Code != tc.code || got.Via != ViaBody {
			t.Errorf("%s: region %+v, want %s (%s) via body", tc.prefix, got, tc.name, tc.code)
		}
		if got.Confidence <= 0 || got.Confidence > confBodyMax {
			t.Errorf("%s: confidence %v out of the body range", tc.prefix, got.Confidence)
		}
	}
}

func TestResolveRegion(t *testing.T) {
	g := DefaultGazetteer()
	for _, tc := range []struct {
		name     string
		ev       RegionEvidence
		region   string // Region.Name; "" for the zero Region
		code     string
		via      string
		evidence string // substring of Region.Evidence
	}{
		// Order of evidence.
		{
			name:   "sidecar beats file name",
			ev:     RegionEvidence{Sidecar: "南充市", FileName: "泰安_2023-07_工业推进.txt", Title: "资阳工业"},
			region: "南充市", code: "5113", via: ViaSidecar, evidence: "南充市",
		},
		{
			name:   "sidecar county names its city",
			ev:     RegionEvidence{Sidecar: "仪陇县"},
			region: "南充市", code: "5113", via: ViaSidecar, evidence: "仪陇县 → 南充市",
		},
		{
			name:   "sidecar code",
			ev:     RegionEvidence{Sidecar: "3709"},
			region: "泰安市", code: "3709", via: ViaSidecar,
		},
		{
			name:   "sidecar with province",
			ev:     RegionEvidence{Sidecar: "山东省泰安市"},
			region: "泰安市", code: "3709", via: ViaSidecar,
		},
		{
			name:   "sidecar 甘肃金川",
			ev:     RegionEvidence{Sidecar: "甘肃金川"},
			region: "金昌市", code: "6203", via: ViaSidecar,
		},
		{
			name:   "sidecar 四川金川",
			ev:     RegionEvidence{Sidecar: "四川金川"},
			region: "阿坝藏族羌族自治州", code: "5132", via: ViaSidecar,
		},
		{
			name:   "sidecar placeholder is ignored",
			ev:     RegionEvidence{Sidecar: "xx市", FileName: "泰安_2023-07_工业推进.txt"},
			region: "泰安市", code: "3709", via: ViaFileName, evidence: "泰安",
		},
		{
			name:   "sidecar division unknown to the gazetteer is taken as stated",
			ev:     RegionEvidence{Sidecar: "未来科技新区", FileName: "泰安_2023-07_工业推进.txt"},
			region: "未来科技新区", via: ViaSidecar,
		},
		{
			name:   "file name beats title",
			ev:     RegionEvidence{FileName: "泰安_2023-07_工业推进.txt", Title: "资阳市工业经济运行情况"},
			region: "泰安市", code: "3709", via: ViaFileName,
		},
		{
			name: "opaque file name, title decides",
			ev: RegionEvidence{FileName: "000_b32c99b684574bf5.txt", Title: "嘉峪关市全力推动工业项目建设提速增效",
				Source: "嘉峪关日报", Body: []string{"今年以来，我市全面落实“大抓项目、抓大项目”工作要求"}},
			region: "嘉峪关市", code: "6202", via: ViaTitle, evidence: "嘉峪关市",
		},
		{
			name:   "title beats source",
			ev:     RegionEvidence{Title: "南充市区域制造中心建设情况", Source: "资阳日报"},
			region: "南充市", code: "5113", via: ViaTitle,
		},
		{
			name: "source names the city through a district",
			ev: RegionEvidence{Title: "同比增长31.9%，高于全省21.7个百分点", Source: "中华泰山网",
				Body: []string{"泰安日报社·中华泰山网讯 日前，记者从全市工业推进机构获悉"}},
			region: "泰安市", code: "3709", via: ViaSource, evidence: "泰山 → 泰安市",
		},
		{
			name:   "资阳 is the prefecture, not 益阳's 资阳区",
			ev:     RegionEvidence{Source: "资阳日报"},
			region: "资阳市", code: "5120", via: ViaSource,
		},

		// County → city in the body.
		{
			name:   "counties name their city",
			ev:     RegionEvidence{Body: []string{"支持仪陇、营山等经开区开展循环化改造，力争新增国省级绿色工厂2个。"}},
			region: "南充市", code: "5113", via: ViaBody, evidence: "南充市",
		},
		{
			name:   "安岳 → 资阳市",
			ev:     RegionEvidence{Body: []string{"行进安岳大地，安岳天然气综合产值将突破100亿元。"}},
			region: "资阳市", code: "5120", via: ViaBody,
		},
		{
			name:   "金川区 is unambiguous",
			ev:     RegionEvidence{Body: []string{"金川区工业经济稳步增长。"}},
			region: "金昌市", code: "6203", via: ViaBody,
		},
		{
			name:   "district of a municipality",
			ev:     RegionEvidence{Title: "海淀区科技创新工作情况"},
			region: "北京市", code: "11", via: ViaTitle,
		},
		{
			name:   "county governed by its province",
			ev:     RegionEvidence{Title: "济源市工业经济运行情况"},
			region: "济源市", code: "419001", via: ViaTitle,
		},

		// 金川 both ways.
		{
			name: "金川 in 甘肃",
			ev: RegionEvidence{Body: []string{
				"金川集团的两条新生产线今年投产。",
				"我们按甘肃省的办法扶持中小企业。",
			}},
			region: "金昌市", code: "6203", via: ViaBody, evidence: "金川",
		},
		{
			name: "金川 in 四川",
			ev: RegionEvidence{Body: []string{
				"金川的高原特色农业今年发展很快。",
				"我们按四川省的办法扶持中小企业。",
			}},
			region: "阿坝藏族羌族自治州", code: "5132", via: ViaBody, evidence: "金川",
		},
		{
			name: "金川 settled by a neighbouring place",
			ev: RegionEvidence{Title: "金川工业经济运行情况", Body: []string{
				"与马尔康、小金协同推进生态产业发展。",
			}},
			region: "阿坝藏族羌族自治州", code: "5132", via: ViaTitle,
		},
		{
			name: "金川 settled by a neighbouring place, other way",
			ev: RegionEvidence{Title: "金川工业经济运行情况", Body: []string{
				"与永昌县协同推进有色金属产业发展。",
			}},
			region: "金昌市", code: "6203", via: ViaTitle,
		},

		// Placeholders and nothing.
		{
			name: "placeholders are not places",
			ev: RegionEvidence{FileName: "xx市工业.txt", Title: "xx市工业经济运行情况", Source: "XX日报",
				Body: []string{"制定实施《xx市强工业行动方案》，XX县、××区同步推进。"}},
		},
		{name: "no evidence"},
		{
			name: "opaque file name only",
			ev:   RegionEvidence{FileName: "000_b32c99b684574bf5.txt", Body: []string{"全市规上工业增加值同比增长26.1%。"}},
		},

		// Other places in a report.
		{
			name: "a provincial report is not about a municipality",
			ev: RegionEvidence{Body: []string{
				"今年以来，全市工业增速居全省第2位。",
				"北京讯飞幻境、北京数科公司先后来我市考察。",
				"安岳天然气综合产值将突破100亿元。",
			}},
			region: "资阳市", code: "5120", via: ViaBody,
		},
		{
			name: "without 全省 the same mentions point at 北京",
			ev: RegionEvidence{Body: []string{
				"今年以来，全市工业增速加快。",
				"北京讯飞幻境、北京数科公司先后来我市考察。",
				"安岳天然气综合产值将突破100亿元。",
			}},
			region: "北京市", code: "11", via: ViaBody,
		},
		{
			name: "destinations and universities count little",
			ev: RegionEvidence{Body: []string{
				"市级领导先后带队赴深圳、上海、成都等地开展招商活动，邀请兰州大学团队来我市考察。",
				"营山县工业园区新开工项目12个。",
			}},
			region: "南充市", code: "5113", via: ViaBody,
		},
		{
			name:   "a destination in the title is not the region",
			ev:     RegionEvidence{Title: "我市代表团赴深圳考察学习", Body: []string{"营山县工业园区新开工项目12个。"}},
			region: "南充市", code: "5113", via: ViaBody,
		},
		{
			name:   "local media in the body",
			ev:     RegionEvidence{Body: []string{"据嘉峪关日报报道 今年以来，我市扎实推进新型工业化。", "与兰州、酒泉企业开展合作。"}},
			region: "嘉峪关市", code: "6202", via: ViaBody,
		},
		{
			name:   "a province only",
			ev:     RegionEvidence{Title: "四川省工业经济运行情况"},
			region: "四川省", code: "51", via: ViaTitle,
		},
		{
			name:   "a province narrowed by the body",
			ev:     RegionEvidence{Title: "四川省工业经济运行情况", Body: []string{"安岳天然气综合产值将突破100亿元，泰安、济南同步推进。"}},
			region: "资阳市", code: "5120", via: ViaBody,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := g.ResolveRegion(tc.ev)
			if tc.region == "" {
				if got != (Region{}) {
					t.Fatalf("got %+v, want the zero Region", got)
				}
				return
			}
			if got.Name != tc.region || got.Code != tc.code || got.Via != tc.via {
				t.Fatalf("got %+v, want %s (%s) via %s", got, tc.region, tc.code, tc.via)
			}
			if !strings.Contains(got.Evidence, tc.evidence) {
				t.Errorf("evidence %q, want it to contain %q", got.Evidence, tc.evidence)
			}
			if got.Confidence <= 0 || got.Confidence > 1 {
				t.Errorf("confidence %v", got.Confidence)
			}
			if got.Via == ViaSidecar && got.Confidence != 1 {
				t.Errorf("sidecar confidence %v, want 1", got.Confidence)
			}
			if got.Code != "" && got.Province == "" {
				t.Errorf("no province in %+v", got)
			}
		})
	}
}

// TestResolveRegionConfidence checks the ordering of confidences: stated
// beats inferred, and a clear vote beats a close one.
func TestResolveRegionConfidence(t *testing.T) {
	g := DefaultGazetteer()
	title := g.ResolveRegion(RegionEvidence{Title: "南充市工业经济运行情况"})
	body := g.ResolveRegion(RegionEvidence{Body: []string{"支持仪陇、营山等经开区开展循环化改造。"}})
	close := g.ResolveRegion(RegionEvidence{Body: []string{"支持仪陇、营山发展，学习泰安、新泰经验。"}})
	clear := g.ResolveRegion(RegionEvidence{Body: []string{"支持仪陇、营山、阆中、西充、蓬安发展，学习泰安经验。"}})
	ambiguous := g.ResolveRegion(RegionEvidence{Title: "金川工业经济运行情况"})
	for _, r := range []Region{title, body, close, clear, ambiguous} {
		t.Logf("%+v", r)
	}
	if !(title.Confidence > body.Confidence) {
		t.Errorf("title %v should beat body %v", title.Confidence, body.Confidence)
	}
	if !(clear.Confidence > close.Confidence) {
		t.Errorf("clear vote %v should beat close vote %v", clear.Confidence, close.Confidence)
	}
	if !(ambiguous.Confidence < title.Confidence) {
		t.Errorf("ambiguous title %v should be below an unambiguous one %v", ambiguous.Confidence, title.Confidence)
	}
}

// A report is the province's when its subject is the province, even if
// it names its cities; and a city's report stays the city's.
func TestResolveRegionProvinceSubject(t *testing.T) {
	g := DefaultGazetteer()
	tests := []struct {
		name, file, title string
		body              []string
		want              string
	}{
		{"province in file name", "宁夏_2023-05_工业.txt", "", []string{
			"上半年,全区规上工业增加值增长8%,全区工业投资增长12%。",
			"分市看,银川市增长9%,石嘴山市增长6%。",
			"全区规上工业企业利润下降3%。"}, "宁夏回族自治区"},
		{"no province named", "r.txt", "工业运行情况", []string{
			"1-9月,全省规模以上工业增加值增长6.1%。",
			"全省工业投资增长9%;全省技改投资增长11%。",
			"分市看,郴州市增长8.2%,衡阳市增长7.5%。"}, "湖南省"},
		{"city report that ranks in its province", "r.txt", "郴州市工业运行", []string{
			"全市规模以上工业增加值增长8.2%,增速居全省第2位。",
			"全市工业投资增长10%,高于全省1个百分点。"}, "郴州市"},
		{"month before a place", "r.txt", "前5个月湖南工业经济平稳增长", []string{
			"全省规模工业增加值增长6.4%。"}, "湖南省"},
		{"Taiwan county", "南投縣_2022-11_產業.txt", "", []string{"縣府招商成果亮眼。"}, "南投县"},
		{"Macau", "r.txt", "澳門施政報告", []string{"澳門特區財政儲備穩健。"}, "澳门特别行政区"},
	}
	for _, tt := range tests {
		got := g.ResolveRegion(RegionEvidence{FileName: tt.file, Title: normalizeForTest(tt.title), Body: normalizeAll(tt.body)})
		if got.Name != tt.want {
			t.Errorf("%s: %s (%s), want %s", tt.name, got.Name, got.Evidence, tt.want)
		}
	}
}

func normalizeForTest(s string) string { return text.NormalizeText(s) }

func normalizeAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = text.NormalizeText(s)
	}
	return out
}

func TestResolveRegionIgnoresNeighbours(t *testing.T) {
	g := DefaultGazetteer()
	body := normalizeAll([]string{
		"铜川市地处关中北部,东与渭南市(白水、蒲城)接壤,西与咸阳市(旬邑、淳化)毗邻。",
		"全市生产总值增长5%。",
	})
	if got := g.ResolveRegion(RegionEvidence{FileName: "r.txt", Body: body}); got.Name != "铜川市" {
		t.Errorf("%s (%s), want 铜川市", got.Name, got.Evidence)
	}
}

// An app's local channel (ZAKER贵阳) in the title does not make a
// province's report the city's.
func TestResolveRegionBrandChannel(t *testing.T) {
	g := DefaultGazetteer()
	body := normalizeAll([]string{"前三季度,全省地区生产总值同比增长8.7%。", "我省规模以上工业增加值增长13.1%。", "分市州看,遵义、安顺增长较快。"})
	got := g.ResolveRegion(RegionEvidence{FileName: "贵州_2021-11_经济.txt", Title: normalizeForTest("ZAKER贵阳 2021-11-13"), Body: body})
	if got.Name != "贵州省" {
		t.Errorf("%s (%s), want 贵州省", got.Name, got.Evidence)
	}
}
