package geo

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// gazPlaceByName returns the place with exactly this full name (the first by
// code if several).
func gazPlaceByName(t testing.TB, g *Gazetteer, name string) Place {
	t.Helper()
	for _, p := range g.Lookup(name) {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("no place named %q", name)
	return Place{}
}

func TestGazetteerLoad(t *testing.T) {
	g := DefaultGazetteer()
	if g != DefaultGazetteer() {
		t.Fatal("DefaultGazetteer is not shared")
	}
	if n := g.Len(); n < 3000 || n > 4000 {
		t.Fatalf("Len = %d, want about 3300 divisions", n)
	}
	for _, tc := range []struct {
		code string
		want Place
	}{
		{"37", Place{Code: "37", Name: "山东省", Short: "山东", Level: LevelProvince, ProvinceCode: "37"}},
		{"3709", Place{Code: "3709", Name: "泰安市", Short: "泰安", Level: LevelPrefecture, ProvinceCode: "37"}},
		{"511324", Place{Code: "511324", Name: "仪陇县", Short: "仪陇", Level: LevelCounty, CityCode: "5113", ProvinceCode: "51"}},
		{"620302", Place{Code: "620302", Name: "金川区", Short: "金川", Level: LevelCounty, CityCode: "6203", ProvinceCode: "62"}},
		// Counties under pseudo-prefectures have no CityCode.
		{"419001", Place{Code: "419001", Name: "济源市", Short: "济源", Level: LevelCounty, ProvinceCode: "41"}},
		{"110108", Place{Code: "110108", Name: "海淀区", Short: "海淀", Level: LevelCounty, ProvinceCode: "11"}},
		{"6202", Place{Code: "6202", Name: "嘉峪关市", Short: "嘉峪关", Level: LevelPrefecture, ProvinceCode: "62"}},
	} {
		got, ok := g.ByCode(tc.code)
		if !ok || got != tc.want {
			t.Errorf("ByCode(%q) = %+v, %v; want %+v", tc.code, got, ok, tc.want)
		}
	}
	// Pseudo-prefectures (市辖区, 省直辖县级行政区划) and county rows that
	// repeat their prefecture (东莞市 under 东莞市) are not places.
	for _, code := range []string{"1101", "4190", "5002", "441900", "620201"} {
		if p, ok := g.ByCode(code); ok {
			t.Errorf("ByCode(%q) = %+v, want none", code, p)
		}
	}
	if _, ok := g.ByCode(""); ok {
		t.Error(`ByCode("") found a place`)
	}
}

// TestGazetteerLoadTime guards the cost of building the gazetteer, which
// every process pays once. The budget is 20 ms; the limit here is looser
// so that a loaded CI machine or -race does not fail it.
func TestGazetteerLoadTime(t *testing.T) {
	start := time.Now()
	g, err := NewGazetteer(gazetteerData)
	if err != nil {
		t.Fatal(err)
	}
	d := time.Since(start)
	t.Logf("built %d places in %v", g.Len(), d)
	if d > 200*time.Millisecond {
		t.Errorf("building the gazetteer took %v, want well under 20ms", d)
	}
}

func TestGazetteerNewErrors(t *testing.T) {
	for _, data := range []string{
		"11\t北京市",                        // no parent column
		"1\t北京市\t",                       // bad code
		"11\t北京市\t\n11\t北京\t",            // duplicate
		"1101\t东城\t99\n",                 // unknown province
		"11\t北京市\t\n110101\t东城区\t1101\n", // unknown prefecture
	} {
		if _, err := NewGazetteer(data); err == nil {
			t.Errorf("NewGazetteer(%q): no error", data)
		}
	}
	g, err := NewGazetteer("# comment\n\n11\t北京市\t\r\n110101\t东城区\t\n")
	if err != nil {
		t.Fatal(err)
	}
	if ms := g.Find("北京东城区"); len(ms) != 2 {
		t.Errorf("small gazetteer Find = %+v", ms)
	}
}

func TestGazetteerShortForms(t *testing.T) {
	g := DefaultGazetteer()
	for _, tc := range []struct{ name, short string }{
		{"泰安市", "泰安"},
		{"安岳县", "安岳"},
		{"金川区", "金川"},
		{"仪陇县", "仪陇"},
		{"四川省", "四川"},
		{"北京市", "北京"},
		{"内蒙古自治区", "内蒙古"},
		{"广西壮族自治区", "广西"},
		{"宁夏回族自治区", "宁夏"},
		{"新疆维吾尔自治区", "新疆"},
		{"西藏自治区", "西藏"},
		{"凉山彝族自治州", "凉山"},
		{"海西蒙古族藏族自治州", "海西"},
		{"伊犁哈萨克自治州", "伊犁"},
		{"积石山保安族东乡族撒拉族自治县", "积石山"},
		{"龙胜各族自治县", "龙胜"},
		{"三都水族自治县", "三都"},
		{"鄂温克族自治旗", "鄂温克"}, // the stem is the ethnic name itself
		{"大兴安岭地区", "大兴安岭"},
		{"锡林郭勒盟", "锡林郭勒"},
		{"浦东新区", "浦东"},
		{"井陉矿区", "井陉"},
		{"神农架林区", "神农架"},
		{"万柏林区", "万柏林"}, // 林区 is not a suffix here
		{"六枝特区", "六枝"},
		{"阿荣旗", "阿荣"},
		// No short form: one rune, an ordinary word, a functional zone,
		// or a province's name.
		{"赵县", ""},
		{"城区", ""},
		{"朝阳区", ""},
		{"新兴县", ""},
		{"清新区", ""},
		{"全州县", ""},
		{"合作市", ""},
		{"市中区", ""},
		{"石家庄高新技术产业开发区", ""},
		{"河南蒙古族自治县", ""},
		{"海南藏族自治州", ""},
	} {
		if p := gazPlaceByName(t, g, tc.name); p.Short != tc.short {
			t.Errorf("%s: Short = %q, want %q", tc.name, p.Short, tc.short)
		}
	}
	for _, p := range g.Places() {
		if p.Short != "" && utf8.RuneCountInString(p.Short) < 2 {
			t.Errorf("%s: short form %q under 2 runes", p.Name, p.Short)
		}
		if p.Short != "" && !strings.HasPrefix(p.Name, p.Short) {
			t.Errorf("%s: short form %q is not a prefix", p.Name, p.Short)
		}
	}
}

func TestGazetteerLookup(t *testing.T) {
	g := DefaultGazetteer()
	names := func(ps []Place) string {
		var s []string
		for _, p := range ps {
			s = append(s, p.Name+"/"+p.Code)
		}
		return strings.Join(s, " ")
	}
	for _, tc := range []struct{ q, want string }{
		{"泰安", "泰安市/3709"},
		{"泰安市", "泰安市/3709"},
		{" 南充市 ", "南充市/5113"},
		{"金川", "金川县/513226 金川区/620302"}, // by code at the same level
		{"吉林", "吉林省/22 吉林市/2202"},       // province first
		{"资阳", "资阳市/5120 资阳区/430902"},   // prefecture before county
		{"凉山州", "凉山彝族自治州/5134"},         // autonomous prefecture alias
		{"北川县", "北川羌族自治县/510726"},       // autonomous county alias
		{"海南州", "海南藏族自治州/6325"},
		{"海南", "海南省/46"},
		// Ordinary words that Find ignores are still names to Lookup.
		{"朝阳", "朝阳市/2113 朝阳区/110105 朝阳县/211321 朝阳区/220104"},
		{"城区", "城区/140302 城区/140502 城区/441502"},
		// Full names first.
		{"鼓楼区", "鼓楼区/320106 鼓楼区/320302 鼓楼区/350102 鼓楼区/410204"},
		{"", ""},
		{"火星", ""},
		{"xx市", ""},
	} {
		if got := names(g.Lookup(tc.q)); got != tc.want {
			t.Errorf("Lookup(%q) = %q, want %q", tc.q, got, tc.want)
		}
	}
}

func TestGazetteerPrefectureProvince(t *testing.T) {
	g := DefaultGazetteer()
	for _, tc := range []struct{ name, pref, prov string }{
		{"仪陇县", "南充市", "四川省"},
		{"金川区", "金昌市", "甘肃省"},
		{"金川县", "阿坝藏族羌族自治州", "四川省"},
		{"泰安市", "泰安市", "山东省"},
		{"东城区", "北京市", "北京市"}, // municipality districts → municipality
		{"城口县", "重庆市", "重庆市"}, // under 重庆's pseudo-prefecture 县
		{"北京市", "北京市", "北京市"},
		{"济源市", "济源市", "河南省"}, // 省直辖: itself
		{"石河子市", "石河子市", "新疆维吾尔自治区"},
		{"山东省", "", "山东省"},
		{"兰州新区", "兰州市", "甘肃省"},
	} {
		p := gazPlaceByName(t, g, tc.name)
		if got := g.Prefecture(p).Name; got != tc.pref {
			t.Errorf("Prefecture(%s) = %q, want %q", tc.name, got, tc.pref)
		}
		if got := g.Province(p).Name; got != tc.prov {
			t.Errorf("Province(%s) = %q, want %q", tc.name, got, tc.prov)
		}
	}
	if p := g.Prefecture(Place{}); !p.IsZero() {
		t.Errorf("Prefecture(zero) = %+v", p)
	}
	if p := g.Province(Place{}); !p.IsZero() {
		t.Errorf("Province(zero) = %+v", p)
	}
}

// TestGazetteerFind runs Find over phrases typical of work reports: place
// names must be found, and the ordinary words around them must not turn
// into places.
func TestGazetteerFind(t *testing.T) {
	g := DefaultGazetteer()
	for _, tc := range []struct {
		text string
		want string // mention texts joined by "|"
	}{
		// Names and their parts.
		{"四川省南充市仪陇县", "四川省|南充市|仪陇县"},
		{"支持仪陇、营山等经开区开展循环化改造", "仪陇|营山"},
		{"泰安日报社·中华泰山网讯", "泰安|泰山"},
		{"行进安岳大地", "安岳"},
		{"金川集团精密铜材公司", "金川"},
		{"对照《甘肃省优质中小企业梯度培育管理实施细则》", "甘肃省"},
		{"凉山州、阿坝州和甘孜州", "凉山州|阿坝州|甘孜州"},
		{"兰州新区和兰州", "兰州新区|兰州"},
		{"东西湖区", "东西湖区"},
		{"2023年泰安GDP", "泰安"},
		{"全州县", "全州县"},
		{"朝阳市", "朝阳市"},
		{"长治市", "长治市"},
		{"中山市", "中山市"},
		{"城区", ""}, // a real district (晋城), but in reports the word means "urban area"

		// The words a report is made of.
		{"全市规上工业增加值同比增长8.5%", ""},
		{"市委、市政府、市人大、市政协", ""},
		{"加快城市更新和老城区改造、城中村改造，新城区建设提速", ""},
		{"提升市中心城区首位度", ""},
		{"高新技术企业", ""},
		{"战略性新兴产业", ""},
		{"朝阳产业", ""},
		{"重大安全隐患", ""},
		{"推动科技创新和产业创新深度融合", ""},
		{"新增城镇就业2.1万人", ""},
		{"推进成渝地区双城经济圈建设", ""},
		{"绿水青山就是金山银山", ""},
		{"项目建设热火朝天", ""},
		{"长治久安", ""},
		{"中山大学", ""},
		{"北京时间", ""},
		{"首批“金川牌”复合肥产品正式下线", "金川"},
		{"邀请院士团队来金考察", ""},
		{"全州经济运行平稳", ""},
		{"党和政府", ""},
		{"维护人民权益", ""},
		{"打造平台安全体系", ""},
		{"物流大通道", ""},
		{"实现效益最大化", ""},
		{"突破千亿大关", ""},
		{"延长产业链", ""},
		{"港口区域", ""},
		{"港口区作业效率", ""},
		{"打造创新平台", ""},
		{"其中江苏增长最快", "江苏"},
		{"加快合作市场建设", ""},

		// 县 names with a one-rune stem count only at a word boundary.
		{"创建省级示范县3个", ""},
		{"提高县域经济发展水平", ""},
		{"健康县城建设", ""},
		{"省、市和县三级联动", ""},
		{"在范县投资建厂", "范县"},
		{"濮阳市范县", "濮阳市|范县"},
		{"新县城建设", ""},

		// A name that would run into an ordinary word falls back to a
		// shorter name.
		{"泰安市场监管局", "泰安"},
		{"河南县域经济", "河南"},
		{"其中宁夏增长最快", "宁夏"},

		// Placeholders are not places.
		{"xx市强工业行动", ""},
		{"XX县", ""},
		{"××市", ""},
		{"某某县", ""},
	} {
		var got []string
		for _, m := range g.Find(tc.text) {
			got = append(got, m.Text)
			if tc.text[m.Start:m.End] != m.Text || len(m.Candidates) == 0 {
				t.Errorf("Find(%q): bad mention %+v", tc.text, m)
			}
		}
		if s := strings.Join(got, "|"); s != tc.want {
			t.Errorf("Find(%q) = %q, want %q", tc.text, s, tc.want)
		}
	}
}

// TestGazetteerFindEveryName checks that every full name (other than the
// few that are ordinary words) and every short form is found in a plain
// sentence, and means its place.
func TestGazetteerFindEveryName(t *testing.T) {
	g := DefaultGazetteer()
	check := func(name string, p Place) {
		for _, frame := range []string{"在%s的", "。%s，", "赴%s考察", "与%s", "%s"} {
			text := strings.Replace(frame, "%s", name, 1)
			ms := g.Find(text)
			if len(ms) != 1 || ms[0].Text != name {
				t.Errorf("Find(%q) = %+v, want one mention of %q", text, ms, name)
				return
			}
			found := false
			for _, c := range ms[0].Candidates {
				found = found || c.Code == p.Code
			}
			if !found {
				t.Errorf("Find(%q): %s not among the candidates", text, p.Name)
			}
		}
	}
	for _, p := range g.Places() {
		if !genericFull[p.Name] {
			check(p.Name, p)
		}
		if p.Short != "" {
			check(p.Short, p)
		}
	}
}

func TestGazetteerFindCandidates(t *testing.T) {
	g := DefaultGazetteer()
	ms := g.Find("金川")
	if len(ms) != 1 || len(ms[0].Candidates) != 2 {
		t.Fatalf("Find(金川) = %+v", ms)
	}
	if a, b := ms[0].Candidates[0].Name, ms[0].Candidates[1].Name; a != "金川县" || b != "金川区" {
		t.Errorf("candidates %s, %s", a, b)
	}
	// Provinces come before prefectures of the same name.
	ms = g.Find("吉林")
	if len(ms) != 1 || ms[0].Candidates[0].Level != LevelProvince {
		t.Errorf("Find(吉林) = %+v", ms)
	}
}

// gazReportText is a synthetic 10 KB report for the benchmark: ordinary
// report language with a few place names.
func gazReportText() string {
	para := "今年以来，全市上下坚持稳中求进工作总基调，规模以上工业增加值同比增长8.5%，" +
		"固定资产投资增长12.3%，高于全省2.1个百分点。支持仪陇、营山等经开区开展循环化改造，" +
		"推进成渝地区双城经济圈建设，新增高新技术企业120家，创建省级示范县3个。" +
		"据泰安日报社报道，市领导带队赴北京、上海、深圳等地开展招商活动。\n"
	var b strings.Builder
	for b.Len() < 10<<10 {
		b.WriteString(para)
	}
	return b.String()
}

func BenchmarkGazetteerFind(b *testing.B) {
	g := DefaultGazetteer()
	text := gazReportText()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if len(g.Find(text)) == 0 {
			b.Fatal("no mentions")
		}
	}
}

func BenchmarkGazetteerLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewGazetteer(gazetteerData); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzGazetteerFind(f *testing.F) {
	for _, s := range []string{
		"", "泰安", "四川省南充市仪陇县", "示范县", "泰安市场", "xx市", "\xff\xfe泰安",
		"河南县域", "在范县", "凉山州", gazReportText()[:600],
	} {
		f.Add(s)
	}
	g := DefaultGazetteer()
	f.Fuzz(func(t *testing.T, text string) {
		end := 0
		for _, m := range g.Find(text) {
			if m.Start < end || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("mention %+v out of order or range (previous end %d)", m, end)
			}
			if text[m.Start:m.End] != m.Text {
				t.Fatalf("text[%d:%d] = %q, Text = %q", m.Start, m.End, text[m.Start:m.End], m.Text)
			}
			if len(m.Candidates) == 0 {
				t.Fatalf("mention %q has no candidates", m.Text)
			}
			end = m.End
		}
	})
}
