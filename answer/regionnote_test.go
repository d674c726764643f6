package answer

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

func TestRegionNote(t *testing.T) {
	answers := func(regions ...string) []Answer {
		var as []Answer
		for _, r := range regions {
			as = append(as, Answer{Region: r})
		}
		return as
	}
	tests := []struct {
		name       string
		understood Question
		answers    []Answer
		want       string
	}{
		{"region named", Question{Text: "泰安工业投资增速", Region: "泰安市"}, answers("泰安市"), ""},
		{"county named", Question{Text: "安岳工业投资增速", Region: "资阳市", Place: "安岳县"}, answers("资阳市"), ""},
		{"province named", Question{Text: "山东工业投资增速", Province: "山东省"}, answers("泰安市", "济南市"), ""},
		{"nothing answered", Question{Text: "工业投资增速"}, nil, ""},
		{"one region", Question{Text: "工业投资增速"}, answers("泰安市", "泰安市"), "未指明地区,按泰安市回答"},
		{"several", Question{Text: "工业投资增速"}, answers("嘉峪关市", "泰安市"), "未指明地区:找到了嘉峪关市、泰安市的数字,请写明要哪个地区,例如“嘉峪关工业投资增速”"},
		{"many", Question{Text: "工业投资增速"}, answers("甲市", "乙市", "丙市", "丁市", "戊市"), "未指明地区:找到了甲市、乙市、丙市、丁市等的数字,请写明要哪个地区,例如“甲工业投资增速”"},
		{"no region known", Question{Text: "工业投资增速"}, answers(""), "未指明地区"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := regionNote(Result{Understood: tt.understood, Answers: tt.answers}); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestRelatedScoreIsNeverASentinel: a score the search did not give is
// absent from the JSON, not 0.
func TestRelatedScoreIsNeverASentinel(t *testing.T) {
	for _, tt := range []struct {
		score float64
		want  string
	}{{math.NaN(), `"sentence_no":0}`}, {math.Inf(1), `"sentence_no":0}`}, {0.8249, `"score":0.82}`}, {0, `"score":0}`}} {
		b, _ := json.Marshal(Related{Score: searchScore(tt.score)})
		if !strings.HasSuffix(string(b), tt.want) {
			t.Errorf("score %v: %s, want it to end %s", tt.score, b, tt.want)
		}
	}
}
