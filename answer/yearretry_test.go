package answer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/reportbot/reportbot/corpus"
	"github.com/reportbot/reportbot/index"
)

// TestYearRetry: with years of reports of one city stating the same
// indicator and fewer candidates than reports, the asked year's sentence
// is found by a second search among the sentences with a figure of that
// year.
func TestYearRetry(t *testing.T) {
	var docs []*corpus.Document
	for y := 2015; y <= 2023; y++ {
		s := fmt.Sprintf("%d年,全市工业投资同比增长%d.5%%。\n", y, y-2000)
		if y == 2016 {
			// A long sentence scores lowest in the search.
			s = fmt.Sprintf("%d年,在各方面共同努力下,克服多重困难,全市工业投资同比增长16.5%%,项目建设扎实推进,产业结构持续优化。\n", y)
		}
		docs = append(docs, report(t, fmt.Sprintf("r/taian_%d.txt", y), "泰安市", fmt.Sprintf("%d-12-20", y), fmt.Sprintf("%d年工业运行情况\n%s", y, s)))
	}
	e := memEngine(t, docs...)
	e.Candidates = 3
	q := ParseQuestion("泰安2016年工业投资增速", e.Gazetteer, testNow)
	hits, err := e.Index.Search(index.Query{Text: searchText(q), Terms: searchTerms(q), Regions: []string{"泰安市"}, Limit: e.Candidates})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hits {
		if strings.Contains(h.File.Path, "2016") {
			t.Fatalf("the 2016 sentence is among the first %d candidates: the test does not test the retry", e.Candidates)
		}
	}
	res, err := e.Ask("泰安2016年工业投资增速", 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Answers) == 0 || res.Answers[0].Value != "16.5" {
		t.Fatalf("answers %+v, want 16.5 first", res.Answers)
	}
}
