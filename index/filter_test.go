package index

import (
	"fmt"
	"math"
	"testing"
)

// A filter (Regions, Years) keeps only matching sentences and leaves
// their scores as the same search without it gives them, on an index on
// disk (whose keyword fields read as having infinite norms), before and
// after compaction.
func TestFilterLeavesScores(t *testing.T) {
	ix, err := Open(t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = ix.Close() }()
	g := newGen(11)
	for _, name := range []string{"segments", "compacted"} {
		if name == "compacted" {
			if err := ix.Compact(t.Context()); err != nil {
				t.Fatal(err)
			}
		}
		regions := []string{"泰安市", "济南市", "山东省"}
		for i := 0; i < 30; i++ {
			d := g.doc(fmt.Sprintf("%s%02d.txt", name, i), regions[i%3], 20)
			if i%2 == 0 {
				d.Date = "2022-05-01"
			}
			if _, err := ix.Put(d); err != nil {
				t.Fatal(err)
			}
		}
		m := g.pick(metricNames)
		for _, q := range []Query{
			{Regions: []string{"泰安市"}},
			{Regions: []string{"泰安市", "山东省"}},
			{Years: []int{2023}},
			{Regions: []string{"济南市", "山东省"}, Years: []int{2022, 2023}},
		} {
			q.Text, q.Terms = m+"增速", []string{m}
			filtered, alone := passageScores(t, ix, q)
			if len(filtered) == 0 || len(filtered) == len(alone) {
				t.Fatalf("%s %v %v: %d of %d passages: the filter should keep some", name, q.Regions, q.Years, len(filtered), len(alone))
			}
			for id, score := range filtered {
				want, ok := alone[id]
				if !ok || math.IsNaN(score) || math.Abs(score-want) > 1e-9*want {
					t.Fatalf("%s %v %v: passage %s scored %v, unfiltered %v", name, q.Regions, q.Years, id, score, want)
				}
			}
		}
	}
}

// passageScores runs q's plan, and the plan of q without its filters,
// and returns the passages each matched with their scores.
func passageScores(t *testing.T, ix *Index, q Query) (filtered, alone map[string]float64) {
	t.Helper()
	snap := snapshotOf(t, ix)
	defer snap.Close()
	run := func(q Query) map[string]float64 {
		pl, err := ix.buildQuery(snap, q, ix.budget)
		if err != nil || pl == nil {
			t.Fatalf("plan %+v: %v", q, err)
		}
		raws, err := ix.searchSnapshot(snap, pl.q, MaxLimit)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]float64{}
		for _, h := range raws {
			out[h.id] = h.score
		}
		return out
	}
	return run(q), run(Query{Text: q.Text, Terms: q.Terms})
}
