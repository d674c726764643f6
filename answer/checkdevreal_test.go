package answer

import (
	"strings"
	"testing"
)

// The claims of dev_real_factcheck.jsonl, written from the reports of
// ../shared/corpus/dev-real (true ones, the same with the number changed,
// and claims no report states), checked with dev-real indexed alone. No
// true claim may be called contradicted, no false one confirmed, no
// unstated one given a verdict from a report; the share of expected
// verdicts only ever rises.
const devRealCheckMinRight = 137 // of 152

func TestDevRealFactCheck(t *testing.T) {
	e := sharedEngine(t, "dev-real")
	cases := readShared(t, ReadCheckCases, "dev_real_factcheck.jsonl")
	rep, err := EvaluateCheck(e, cases)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("dev-real fact-check: %d/%d expected verdicts; true contradicted %d, false confirmed %d, unstated given a verdict %d",
		rep.Right, rep.Claims, rep.TrueContradicted, rep.FalseConfirmed, rep.Unstated)
	if rep.Right < devRealCheckMinRight || rep.Serious() > 0 {
		var b strings.Builder
		rep.Write(&b)
		t.Errorf("dev-real fact-check: %d right (floor %d), %d serious misses\n%s",
			rep.Right, devRealCheckMinRight, rep.Serious(), b.String())
	}
}
