package lexicon

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// row is one row of any table, for the checks every table must pass.
type row struct{ word, example string }

func wordRows(ws []Word) []row {
	out := make([]row, len(ws))
	for i, w := range ws {
		out[i] = row{w.Text, w.Example}
	}
	return out
}

// allTables lists every table by name.
func allTables() map[string][]row {
	t := map[string][]row{
		"NonFigureUnits": wordRows(NonFigureUnits), "GrowthWords": wordRows(GrowthWords),
		"DeclineWords": wordRows(DeclineWords), "NotDeclineWords": wordRows(NotDeclineWords),
		"ShareWords": wordRows(ShareWords), "RateEndings": wordRows(RateEndings),
		"BelowWords": wordRows(BelowWords), "RankVerbs": wordRows(RankVerbs), "ChangeUpWords": wordRows(ChangeUpWords),
		"ChangeDownWords": wordRows(ChangeDownWords), "Qualifiers": wordRows(Qualifiers),
		"NotQualifiers": wordRows(NotQualifiers), "Scopes": wordRows(Scopes),
		"AgainstWords": wordRows(AgainstWords), "QuestionComparators": wordRows(QuestionComparators),
		"MetricPrefixes": wordRows(MetricPrefixes), "MetricSuffixes": wordRows(MetricSuffixes),
		"MidPredicates": wordRows(MidPredicates), "AttributeWords": wordRows(AttributeWords),
		"CombiningAttributes": wordRows(CombiningAttributes), "LeadingVerbs": wordRows(LeadingVerbs),
		"HeadNouns": wordRows(HeadNouns), "SelfWords": wordRows(SelfWords),
		"QuestionWords": wordRows(QuestionWords), "AmountWords": wordRows(AmountWords),
	}
	for _, a := range Abbreviations {
		t["Abbreviations"] = append(t["Abbreviations"], row{a.Long, a.Example})
	}
	for _, c := range Completions {
		t["Completions"] = append(t["Completions"], row{c.Short, c.Example})
	}
	t["Derived"] = wordRows(Derived)
	t["MethodPhrases"] = wordRows(MethodPhrases)
	t["IndicatorHeads"] = wordRows(IndicatorHeads)
	t["TrendWords"] = wordRows(TrendWords)
	t["CompareWords"] = wordRows(CompareWords)
	for _, p := range PairWords {
		t["PairWords"] = append(t["PairWords"], row{p.Text, p.Example})
	}
	for _, w := range RankingWords {
		t["RankingWords"] = append(t["RankingWords"], row{w.Text, w.Example})
	}
	for _, o := range RankingOrders {
		t["RankingOrders"] = append(t["RankingOrders"], row{o.Text, o.Example})
	}
	t["QualifiedIndustries"] = wordRows(QualifiedIndustries)
	t["BareHeads"] = wordRows(BareHeads)
	t["ListJoiners"] = wordRows(ListJoiners)
	t["ContributionWords"] = wordRows(ContributionWords)
	t["WholeQualifiers"] = wordRows(WholeQualifiers)
	t["EmptyMetrics"] = wordRows(EmptyMetrics)
	for _, s := range Sectors {
		t["Sectors"] = append(t["Sectors"], row{s.Word, s.Example})
	}
	for _, u := range Units {
		t["Units"] = append(t["Units"], row{u.Text, u.Example})
	}
	for _, b := range Baselines {
		t["Baselines"] = append(t["Baselines"], row{b.Text, b.Example})
	}
	for _, f := range IndicatorFillers {
		t["IndicatorFillers"] = append(t["IndicatorFillers"], row{f.Text, f.Example})
	}
	for _, h := range UnitHints {
		t["UnitHints"] = append(t["UnitHints"], row{h.Word, h.Example})
	}
	for _, m := range QuestionModalities {
		t["QuestionModalities"] = append(t["QuestionModalities"], row{m.Text, m.Example})
	}
	for _, m := range ReportModalities {
		t["ReportModalities"] = append(t["ReportModalities"], row{m.Text, m.Example})
	}
	for _, y := range RelativeYears {
		t["RelativeYears"] = append(t["RelativeYears"], row{y.Text, y.Example})
	}
	return t
}

// Every row has a word, an example that shows the word, and no other row
// of its table has the same word.
func TestEveryRowHasAnExampleAndNoTwin(t *testing.T) {
	for name, rows := range allTables() {
		if len(rows) == 0 {
			t.Errorf("%s: empty table", name)
		}
		seen := map[string]bool{}
		for _, r := range rows {
			if r.word == "" {
				t.Errorf("%s: a row without a word", name)
			}
			if !strings.Contains(r.example, r.word) {
				t.Errorf("%s %q: example %q does not show it", name, r.word, r.example)
			}
			if seen[r.word] {
				t.Errorf("%s %q: listed twice", name, r.word)
			}
			seen[r.word] = true
		}
	}
}

func TestWantRulesAreExclusive(t *testing.T) {
	owner := map[string]Kind{}
	for _, r := range WantRules {
		found := false
		for _, w := range r.Words {
			if k, ok := owner[w]; ok {
				t.Errorf("%q wants both %s and %s", w, k, r.Kind)
			}
			owner[w] = r.Kind
			found = found || strings.Contains(r.Example, w)
		}
		if !found {
			t.Errorf("%s: example %q has none of its words", r.Kind, r.Example)
		}
	}
}

// Tables that contradict each other when they share a word.
func TestNoConflictsAcrossTables(t *testing.T) {
	tables := allTables()
	for _, pair := range [][2]string{
		{"GrowthWords", "DeclineWords"},           // a word cannot both raise and lower
		{"ChangeUpWords", "ChangeDownWords"},      // nor an absolute change
		{"Sectors", "IndicatorFillers"},           // a sector narrows; a filler means nothing
		{"Sectors", "MetricPrefixes"},             // a sector is kept in a metric
		{"Sectors", "QuestionWords"},              // and in a question's indicator
		{"Sectors", "Scopes"},                     // 全省 is a scope, not a part of the economy
		{"HeadNouns", "LeadingVerbs"},             // a noun ends a phrase a verb starts
		{"Qualifiers", "NotQualifiers"},           // 达到 is no qualifier
		{"AttributeWords", "Sectors"},             // an attribute names no indicator
		{"QuestionComparators", "Sectors"},        // comparators are stripped, sectors kept
		{"NonFigureUnits", "Units"},               // a duration is not a figure's unit
		{"RelativeYears", "MetricPrefixes"},       // a year is read as a period first
		{"CombiningAttributes", "LeadingVerbs"},   // 总数 is a noun
		{"SelfWords", "QuestionComparators"},      // 全市 names the place; 全省 compares
		{"AgainstWords", "GrowthWords"},           // 高于 compares, it does not grow
		{"ChangeDownWords", "GrowthWords"},        // a fall is no growth
		{"Baselines", "Scopes"},                   // a period base is not a place
		{"UnitHints", "QuestionWords"},            // a unit asked for is not filler
		{"AmountWords", "IndicatorFillers"},       // asked amounts and metric fillers differ
		{"MidPredicates", "HeadNouns"},            // verbs are not nouns
		{"ShareWords", "DeclineWords"},            // 占 is no decline
		{"RateEndings", "GrowthWords"},            // 率 is a share
		{"QuestionModalities", "QuestionWords"},   // 目标 is meaning, not filler
		{"MetricSuffixes", "HeadNouns"},           // a suffix is stripped, a head noun kept
		{"BelowWords", "ChangeUpWords"},           // below is no increase
		{"Abbreviations", "IndicatorFillers"},     // an indicator's word is no filler
		{"Abbreviations", "Sectors"},              // an abbreviation is one indicator
		{"Abbreviations", "QuestionWords"},        //
		{"CombiningAttributes", "MetricSuffixes"}, // 总数 is kept
		{"EmptyMetrics", "HeadNouns"},             // an empty metric names nothing
		{"EmptyMetrics", "Sectors"},               //
		{"Derived", "Sectors"},                    // a per-capita figure is no part
		{"Derived", "IndicatorFillers"},           // and it is not dropped
	} {
		in := map[string]bool{}
		for _, r := range tables[pair[0]] {
			in[r.word] = true
		}
		for _, r := range tables[pair[1]] {
			if in[r.word] {
				t.Errorf("%q is in both %s and %s", r.word, pair[0], pair[1])
			}
		}
	}
}

// A self word names the report's place: it must never reach a metric.
func TestSelfWordsAreMetricPrefixes(t *testing.T) {
	prefixes := map[string]bool{}
	for _, p := range MetricPrefixes {
		prefixes[p.Text] = true
	}
	for _, w := range SelfWords {
		if !prefixes[w.Text] {
			t.Errorf("self word %q is not stripped from metrics", w.Text)
		}
	}
}

func TestOrderedLongestFirst(t *testing.T) {
	check := func(name string, words []string) {
		for i := 1; i < len(words); i++ {
			if utf8.RuneCountInString(words[i]) > utf8.RuneCountInString(words[i-1]) {
				t.Errorf("%s: %q after shorter %q", name, words[i], words[i-1])
			}
		}
	}
	check("Units", Words(Units, func(u Unit) string { return u.Text }))
	check("Abbreviations", Words(Abbreviations, func(a Abbreviation) string { return a.Long }))
	check("MetricSuffixes", Words(MetricSuffixes, func(w Word) string { return w.Text }))
	check("MethodPhrases", Words(MethodPhrases, func(w Word) string { return w.Text }))
	check("Qualifiers", Words(Qualifiers, func(w Word) string { return w.Text }))
	check("QuestionComparators", Words(QuestionComparators, func(w Word) string { return w.Text }))
}

func TestUnitMultipliers(t *testing.T) {
	for _, u := range Units {
		if u.Base == "" {
			continue
		}
		if _, ok := UnitByText(u.Base); !ok {
			t.Errorf("%s: base %q is not a unit", u.Text, u.Base)
		}
		if u.Multiplier <= 1 {
			t.Errorf("%s: multiplier %v", u.Text, u.Multiplier)
		}
	}
	if u, _ := UnitByText("万户"); u.Multiplier != 1e4 || u.Base != "户" || !u.IsCount() {
		t.Errorf("万户 = %+v", u)
	}
}

func TestHowManyPattern(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"新增规上企业多少户", "多少户"},
		{"竣工面积多少万平方米", "多少万平方米"},
		{"工业投资完成多少亿元", "多少亿元"},
		{"比全省高几个百分点", "几个百分点"},
		{"一共有几家", "有几家"},
		{"增速", ""},
	} {
		if got := HowManyPattern.FindString(tc.in); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.in, got, tc.want)
		}
	}
}
