package answer

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportbot/reportbot/corpus"
	"github.com/reportbot/reportbot/internal/testshared"
)

// The claims of dev_real_factcheck.jsonl, written from the reports of
// ../shared/corpus/dev-real (true ones, the same with the number changed,
// and claims no report states), checked with dev-real indexed alone. No
// true claim may be called contradicted, no false one confirmed, no
// unstated one given a verdict from a report; the share of expected
// verdicts only ever rises.
const devRealCheckMinRight = 141 // of 152

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

// Every sentence of the dev-real reports, checked as a claim against the
// reports with its report's region and date: a report never contradicts
// itself, so no figure may be called contradicted. Most are confirmed.
func TestDevRealSentencesAreNotContradicted(t *testing.T) {
	e := sharedEngine(t, "dev-real")
	files, _ := filepath.Glob(filepath.Join(testshared.Path(t, "corpus", "dev-real"), "*.txt"))
	figures, confirmed := 0, 0
	for _, f := range files {
		d, err := corpus.ReadDocument(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range d.Paragraphs {
			for _, s := range p.Sentences {
				if len(s.Figures) == 0 {
					continue
				}
				res, err := e.Check(s.Text, CheckOptions{Region: d.Region.Name, Date: d.Date})
				if err != nil {
					t.Fatal(err)
				}
				for _, cf := range res.Figures {
					figures++
					switch cf.Verdict {
					case Confirmed:
						confirmed++
					case Contradicted:
						t.Errorf("%s: %q: %s called contradicted by %s (%s)", filepath.Base(f), s.Norm,
							cf.Claimed.Text, cf.Answer.ValueText(), cf.Answer.Sentence)
					}
				}
			}
		}
	}
	t.Logf("dev-real sentences as claims: %d figures, %d confirmed", figures, confirmed)
	if confirmed < figures*8/10 {
		t.Errorf("only %d of %d figures confirmed by their own reports", confirmed, figures)
	}
}
