package lexicon

import (
	"strings"
	"testing"
)

// Each rounding word's example shows it, and no word is listed twice; the
// answer package runs each example through the claim reader.
func TestRoundingWords(t *testing.T) {
	seen := map[string]bool{}
	for _, w := range RoundingWords {
		if !strings.Contains(w.Example, w.Text) {
			t.Errorf("%q: example %q does not show it", w.Text, w.Example)
		}
		if seen[w.Text] {
			t.Errorf("%q listed twice", w.Text)
		}
		seen[w.Text] = true
		switch w.Rounding {
		case RoundAbout, RoundAtMost, RoundAtLeast:
		default:
			t.Errorf("%q: unknown rounding %q", w.Text, w.Rounding)
		}
		if r, ok := RoundingOf(w.Text); !ok || r != w.Rounding {
			t.Errorf("RoundingOf(%q) = %q, %v", w.Text, r, ok)
		}
	}
	if _, ok := RoundingOf("达到"); ok {
		t.Error("达到 is a verb, not a rounding")
	}
}

func TestQuestionMarkers(t *testing.T) {
	for _, w := range QuestionMarkers {
		if !strings.Contains(w.Example, w.Text) {
			t.Errorf("%q: example %q does not show it", w.Text, w.Example)
		}
	}
}

func TestMeasureWords(t *testing.T) {
	seen := map[string]bool{}
	for _, w := range MeasureWords {
		if !strings.Contains(w.Example, w.Text) {
			t.Errorf("%q: example %q does not show it", w.Text, w.Example)
		}
		if seen[w.Text] {
			t.Errorf("%q listed twice", w.Text)
		}
		seen[w.Text] = true
	}
}

func TestEras(t *testing.T) {
	for _, e := range Eras {
		if !strings.Contains(e.Example, e.Text) {
			t.Errorf("%q: example %q does not show it", e.Text, e.Example)
		}
		if (e.From == 0) != (e.Years != 0) || e.From > e.To {
			t.Errorf("%q: a plan has years From-To, a span counted back has Years", e.Text)
		}
	}
}

func TestClaimFrames(t *testing.T) {
	for _, f := range ClaimFrames {
		i := strings.Index(f.Example, f.Open)
		if i < 0 || !strings.Contains(f.Example[i+len(f.Open):], f.Close) {
			t.Errorf("%s…%s: example %q does not show it", f.Open, f.Close, f.Example)
		}
	}
}
