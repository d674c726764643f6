package answer

import (
	"strings"
	"testing"
)

// The real reports of ../shared/corpus/dev-real, of every style and
// level, indexed alone and asked dev_real_qa.jsonl and
// dev_real_negative.jsonl: at least 95 % right (139 of 146), at most 1 %
// wrong first answers (none today), every negative unanswered. The floor
// only ever rises.
const (
	devRealMinTop1  = 139 // of 146
	devRealMaxWrong = 0
)

func TestDevRealSet(t *testing.T) {
	e := sharedEngine(t, "dev-real")
	cases := readShared(t, ReadEvalCases, "dev_real_qa.jsonl", "dev_real_negative.jsonl")
	rep, err := Evaluate(e, cases)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("dev-real: top-1 %d/%d, wrong first answers %d, negatives answered %d/%d",
		rep.Top1, rep.Questions, rep.Wrong, rep.Answered, rep.Negatives)
	if rep.Top1 < devRealMinTop1 || rep.Wrong > devRealMaxWrong || rep.Answered != 0 {
		var b strings.Builder
		rep.Write(&b)
		t.Errorf("dev-real: top-1 %d (floor %d), wrong %d (ceiling %d), negatives answered %d\n%s",
			rep.Top1, devRealMinTop1, rep.Wrong, devRealMaxWrong, rep.Answered, b.String())
	}
}
