package answer

import "testing"

// TestOtherPeriods: 其他时期 of 泰安's growth of industrial investment in
// 1-6月 2023 are its target for 2023 and its growth in 2022, from another
// report, newest report first; neither the answer itself nor another
// city's figure, nor another indicator's.
func TestOtherPeriods(t *testing.T) {
	e := rankingEngine(t)
	res, err := e.Ask("泰安1-6月工业投资增速", 10)
	if err != nil || len(res.Answers) == 0 || res.Answers[0].Value != "12.5" {
		t.Fatalf("Ask: %v %+v", err, res.Answers)
	}
	list, err := e.OtherPeriods(res)
	if err != nil {
		t.Fatal(err)
	}
	var values []string
	for _, a := range list {
		values = append(values, a.Value+a.Unit+" "+a.Period+" "+a.File)
		if a.Region != "泰安市" || a.Kind != res.Answers[0].Kind || !SameIndicator(a.Metric, res.Answers[0].Metric) {
			t.Errorf("not the same indicator of the same region: %+v", a)
		}
		if a.Value == "12.5" && a.File == res.Answers[0].File {
			t.Errorf("the answer itself is listed: %+v", a)
		}
	}
	if len(list) != 2 || list[0].Value != "15" || list[1].Value != "8.4" {
		t.Errorf("other periods: %q, want the 15%% target of 2023, then 8.4%% of 2022", values)
	}
	for i := 1; i < len(list); i++ {
		if list[i-1].Date < list[i].Date {
			t.Errorf("not newest report first: %q", values)
		}
	}

	if list, err := e.OtherPeriods(Result{Question: "泰安GDP增速"}); err != nil || list != nil {
		t.Errorf("a result without answers: %v, %v", list, err)
	}
}
