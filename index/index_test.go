package index

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"github.com/reportbot/reportbot/corpus"
)

var taian = [][]string{
	{"今年以来，全市经济运行稳中有进。", "1-5月，全市工业投资同比增长31.9%，高于全省平均水平。"},
	{"全市规模以上工业增加值增长8.2%。", "社会消费品零售总额完成560.3亿元，增长6.1%。", "新签约项目126个。"},
}

var jining = [][]string{
	{"1-5月，全市工业投资同比增长12.4%。", "固定资产投资增长5.5%。"},
}

func TestPutUnchangedReplaced(t *testing.T) {
	ix := mustMem(t)
	v1 := mkDoc("reports/taian.txt", "泰安市", "2023-06-10", taian...)
	mustPut(t, ix, v1, Added)
	if !ix.Unchanged(v1.Path, v1.Hash) {
		t.Fatal("Unchanged after Put = false")
	}
	if ix.Unchanged(v1.Path, "other") || ix.Unchanged("nope", v1.Hash) {
		t.Fatal("Unchanged with another hash or path = true")
	}
	mustPut(t, ix, v1, Unchanged)

	// v2 has fewer sentences: the surplus of v1 must disappear.
	v2 := mkDoc("reports/taian.txt", "泰安市", "2023-06-11",
		[]string{"1-5月，全市工业投资同比增长30.0%。"}, []string{"出口总额增长3.3%。"})
	mustPut(t, ix, v2, Replaced)
	if ix.Unchanged(v1.Path, v1.Hash) || !ix.Unchanged(v2.Path, v2.Hash) {
		t.Fatal("Unchanged does not follow the replacement")
	}
	got, err := ix.Sentences(v2.Path)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"1-5月，全市工业投资同比增长30.0%。", "出口总额增长3.3%。"}
	if !slices.Equal(sentTexts(got), want) {
		t.Fatalf("Sentences after replace = %q, want %q", sentTexts(got), want)
	}
	// Old text is not found, new is found once.
	if hits := mustSearch(t, ix, Query{Terms: []string{"社会消费品零售总额"}}); len(hits) != 0 {
		t.Fatalf("old sentence still found: %q", hitTexts(hits))
	}
	hits := mustSearch(t, ix, Query{Text: "增长"})
	if len(hits) != 2 {
		t.Fatalf("search 增长 after replace: %d hits %q, want 2", len(hits), hitTexts(hits))
	}
	for _, h := range hits {
		if h.File.Hash != v2.Hash || h.File.Date != "2023-06-11" {
			t.Fatalf("hit joined to %+v, want v2", h.File)
		}
	}
	st := ix.Stats()
	if st.Files != 1 || st.Sentences != 2 || st.Figures != 4 { // 1, 5, 30.0, 3.3
		t.Fatalf("Stats = %+v", st)
	}
}

func sentTexts(ss []corpus.Sentence) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Text
	}
	return out
}

func TestSearchCJK(t *testing.T) {
	ix := mustMem(t)
	d := mkDoc("reports/taian.txt", "泰安市", "2023-06-10", taian...)
	mustPut(t, ix, d, Added)

	hits := mustSearch(t, ix, Query{Text: "工业投资增速"})
	if len(hits) == 0 || hits[0].Sentence.Text != "1-5月，全市工业投资同比增长31.9%，高于全省平均水平。" {
		t.Fatalf("工业投资增速: %q", hitTexts(hits))
	}
	h := hits[0]
	wantS := d.Paragraphs[0].Sentences[1]
	if !reflect.DeepEqual(h.Sentence, wantS) {
		t.Fatalf("hit sentence\n got %+v\nwant %+v", h.Sentence, wantS)
	}
	if h.ID != "reports/taian.txt#2" || h.File.Path != d.Path || h.File.Region.Name != "泰安市" || h.File.Title != d.Title {
		t.Fatalf("hit %s file %+v", h.ID, h.File)
	}
	if d.Text[h.Sentence.Span.Start:h.Sentence.Span.End] != h.Sentence.Text {
		t.Fatal("span does not quote the text")
	}
	f := h.Sentence.Figures[2] // 1, 5, 31.9
	if f.Value != "31.9" || f.Number != 31.9 || f.Unit != "%" || d.Text[f.Span.Start:f.Span.End] != "31.9%" {
		t.Fatalf("figure %+v", f)
	}

	// ASCII numbers are words of their own.
	hits = mustSearch(t, ix, Query{Text: "31.9"})
	if len(hits) != 1 || hits[0].ID != "reports/taian.txt#2" {
		t.Fatalf("31.9: %q", hitTexts(hits))
	}
	if hits := mustSearch(t, ix, Query{Text: "560.3亿元"}); len(hits) == 0 || !strings.Contains(hits[0].Sentence.Text, "560.3") {
		t.Fatalf("560.3亿元: %q", hitTexts(hits))
	}
	// Nothing shared, nothing found; an empty query finds nothing.
	if hits := mustSearch(t, ix, Query{Text: "航天飞机"}); len(hits) != 0 {
		t.Fatalf("航天飞机: %q", hitTexts(hits))
	}
	if hits := mustSearch(t, ix, Query{Text: "  "}); len(hits) != 0 {
		t.Fatalf("empty query: %q", hitTexts(hits))
	}
	// Limit.
	if hits := mustSearch(t, ix, Query{Text: "全市增长", Limit: 2}); len(hits) != 2 {
		t.Fatalf("Limit 2: %d hits", len(hits))
	}
}

func TestSearchTermsBoost(t *testing.T) {
	ix := mustMem(t)
	mustPut(t, ix, mkDoc("a.txt", "泰安市", "2023", []string{
		"全市工业增加值增长8.2%，投资增长较快。",
		"全市工业投资同比增长31.9%。",
	}), Added)
	// Without Terms the first sentence (more shared bigrams of the text)
	// may win; with the phrase 工业投资 as a Term the sentence holding the
	// whole phrase must come first.
	hits := mustSearch(t, ix, Query{Text: "工业 投资 增长", Terms: []string{"工业投资"}})
	if len(hits) != 2 || hits[0].ID != "a.txt#2" {
		t.Fatalf("Terms boost: %q", hitTexts(hits))
	}
	// Terms alone: all bigrams of the phrase are required.
	hits = mustSearch(t, ix, Query{Terms: []string{"工业投资"}})
	if len(hits) != 1 || hits[0].ID != "a.txt#2" {
		t.Fatalf("Terms only: %q", hitTexts(hits))
	}
}

func TestRegionAndPathFilter(t *testing.T) {
	ix := mustMem(t)
	mustPut(t, ix, mkDoc("taian.txt", "泰安市", "2023-06-10", taian...), Added)
	mustPut(t, ix, mkDoc("jining.txt", "济宁市", "2023-06-12", jining...), Added)
	mustPut(t, ix, mkDoc("none.txt", "", "2023-06-12", []string{"全市工业投资增长1.0%。"}), Added)

	// Terms alone require every bigram of 工业投资: three sentences.
	all := mustSearch(t, ix, Query{Terms: []string{"工业投资"}})
	if len(all) != 3 {
		t.Fatalf("unfiltered: %q", hitTexts(all))
	}
	hits := mustSearch(t, ix, Query{Terms: []string{"工业投资"}, Regions: []string{"济宁市"}})
	if len(hits) != 1 || hits[0].File.Region.Name != "济宁市" || !strings.Contains(hits[0].Sentence.Text, "12.4%") {
		t.Fatalf("region 济宁市: %q", hitTexts(hits))
	}
	// The filter does not change scores.
	for _, h := range all {
		if h.ID == hits[0].ID && h.Score != hits[0].Score {
			t.Fatalf("filter changed the score: %v vs %v", h.Score, hits[0].Score)
		}
	}
	hits = mustSearch(t, ix, Query{Terms: []string{"工业投资"}, Regions: []string{"济宁市", "泰安市"}})
	if len(hits) != 2 {
		t.Fatalf("two regions: %q", hitTexts(hits))
	}
	if hits := mustSearch(t, ix, Query{Terms: []string{"工业投资"}, Regions: []string{"青岛市"}}); len(hits) != 0 {
		t.Fatalf("unknown region: %q", hitTexts(hits))
	}
	hits = mustSearch(t, ix, Query{Terms: []string{"工业投资"}, Paths: []string{"none.txt"}})
	if len(hits) != 1 || hits[0].File.Path != "none.txt" {
		t.Fatalf("path filter: %q", hitTexts(hits))
	}
	hits = mustSearch(t, ix, Query{Terms: []string{"工业投资"}, Regions: []string{"泰安市"}, Paths: []string{"jining.txt"}})
	if len(hits) != 0 {
		t.Fatalf("region and path filters are both applied: %q", hitTexts(hits))
	}
}

func TestRemovePrune(t *testing.T) {
	ix := mustMem(t)
	for _, p := range []string{"a.txt", "b.txt", "c.txt", "d.txt"} {
		mustPut(t, ix, mkDoc(p, "泰安市", "2023", jining...), Added)
	}
	if err := ix.Remove("b.txt"); err != nil {
		t.Fatal(err)
	}
	if err := ix.Remove("b.txt"); err != nil {
		t.Fatalf("second Remove: %v", err)
	}
	removed, err := ix.Prune(func(p string) bool { return p == "a.txt" })
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(removed, []string{"c.txt", "d.txt"}) {
		t.Fatalf("Prune removed %q", removed)
	}
	hits := mustSearch(t, ix, Query{Text: "投资增长"})
	if len(hits) != 2 {
		t.Fatalf("after prune: %d hits", len(hits))
	}
	for _, h := range hits {
		if h.File.Path != "a.txt" {
			t.Fatalf("hit from removed file %s", h.ID)
		}
	}
	if fs := ix.Files(); len(fs) != 1 || fs[0].Path != "a.txt" {
		t.Fatalf("Files = %+v", fs)
	}
	if _, err := ix.Sentences("b.txt"); err == nil {
		t.Fatal("Sentences of a removed file: no error")
	}
	// A removed file comes back as Added.
	mustPut(t, ix, mkDoc("b.txt", "泰安市", "2023", jining...), Added)
}

func TestParagraph(t *testing.T) {
	ix := mustMem(t)
	d := mkDoc("taian.txt", "泰安市", "2023", taian...)
	mustPut(t, ix, d, Added)
	for pi, p := range d.Paragraphs {
		got, err := ix.Paragraph(d.Path, p.Index)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, p.Sentences) {
			t.Fatalf("Paragraph %d\n got %q\nwant %q", pi+1, sentTexts(got), sentTexts(p.Sentences))
		}
	}
	if _, err := ix.Paragraph(d.Path, 9); err == nil {
		t.Fatal("missing paragraph: no error")
	}
	all, err := ix.Sentences(d.Path)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 5 || all[4].Index != 5 || all[0].Index != 1 {
		t.Fatalf("Sentences: %q", sentTexts(all))
	}
}

func TestFilesAndStats(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	ix, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	mustPut(t, ix, mkDoc("b.txt", "泰安市", "2023-06-10", taian...), Added)
	mustPut(t, ix, mkDoc("a.txt", "济宁市", "2023-06-10", jining...), Added)
	mustPut(t, ix, mkDoc("c.txt", "济宁市", "2024-01", jining...), Added)
	var order []string
	for _, f := range ix.Files() {
		order = append(order, f.Path)
	}
	if !slices.Equal(order, []string{"c.txt", "a.txt", "b.txt"}) {
		t.Fatalf("Files order %q", order)
	}
	st := ix.Stats()
	if st.Files != 3 || st.Sentences != 9 || st.Figures != 15 || st.LastIndexed.IsZero() || st.SizeOnDisk <= 0 {
		t.Fatalf("Stats = %+v", st)
	}
	fi, ok := ix.File("b.txt")
	if !ok || fi.Paragraphs != 2 || fi.Sentences != 5 || fi.Region.Province != "山东省" || fi.Encoding != "utf-8" {
		t.Fatalf("File(b.txt) = %+v", fi)
	}
}

func TestPersistence(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	ix, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := mkDoc("taian.txt", "泰安市", "2023-06-10", taian...)
	mustPut(t, ix, d, Added)
	mustPut(t, ix, mkDoc("jining.txt", "济宁市", "2023-06-12", jining...), Added)
	if err := ix.Remove("jining.txt"); err != nil {
		t.Fatal(err)
	}
	before := ix.Files()
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); !errors.Is(err, ErrClosed) {
		t.Fatalf("second Close: %v", err)
	}
	if _, err := ix.Search(Query{Text: "投资"}); !errors.Is(err, ErrClosed) {
		t.Fatalf("Search after Close: %v", err)
	}

	for _, ro := range []bool{true, false} {
		ix, err := Open(dir, Options{ReadOnly: ro})
		if err != nil {
			t.Fatalf("reopen (read-only %v): %v", ro, err)
		}
		if !reflect.DeepEqual(ix.Files(), before) {
			t.Fatalf("Files after reopen\n got %+v\nwant %+v", ix.Files(), before)
		}
		if !ix.Unchanged(d.Path, d.Hash) {
			t.Fatal("Unchanged after reopen = false")
		}
		hits := mustSearch(t, ix, Query{Text: "工业投资增速", Terms: []string{"工业投资"}})
		if len(hits) == 0 || hits[0].ID != "taian.txt#2" || hits[0].File.Hash != d.Hash {
			t.Fatalf("after reopen: %q", hitTexts(hits))
		}
		if ro {
			if _, err := ix.Put(d); !errors.Is(err, ErrReadOnly) {
				t.Fatalf("Put on read-only: %v", err)
			}
		} else {
			mustPut(t, ix, d, Unchanged)
		}
		if err := ix.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSchemaMismatch(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	ix, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, schemaFile), []byte(`{"schema":99}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, ro := range []bool{false, true} {
		_, err = Open(dir, Options{ReadOnly: ro})
		if !errors.Is(err, ErrSchema) {
			t.Fatalf("Open: %v, want ErrSchema", err)
		}
		want := fmt.Sprintf(`index %s was built by an incompatible version (schema 99, need %d): rebuild it with "reportbot index -rebuild PATH..."`, dir, Schema)
		if !strings.HasPrefix(err.Error(), want) {
			t.Fatalf("message\n got %s\nwant %s", err, want)
		}
	}
	// Delete accepts an index of another schema; then Open starts afresh.
	if err := Delete(dir); err != nil {
		t.Fatal(err)
	}
	ix, err = Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
}

func TestNotAnIndex(t *testing.T) {
	dir := t.TempDir()
	precious := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(precious, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, ro := range []bool{false, true} {
		if _, err := Open(dir, Options{ReadOnly: ro}); !errors.Is(err, ErrNotIndex) || !strings.Contains(err.Error(), dir) {
			t.Fatalf("Open(foreign dir): %v", err)
		}
	}
	if err := Delete(dir); !errors.Is(err, ErrNotIndex) {
		t.Fatalf("Delete(foreign dir): %v", err)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Fatalf("foreign dir was touched: %v", ents)
	}
	if _, err := Open(filepath.Join(dir, "missing"), Options{ReadOnly: true}); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("read-only Open of a missing dir: %v", err)
	}
}

func TestLocking(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	w, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// A second writer in the same process: flock locks belong to the open
	// file description, so this conflicts just like another process.
	_, err = Open(dir, Options{})
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "index "+dir+" is being written by another reportbot process") {
		t.Fatalf("second writer: %v", err)
	}
	if _, err := Open(dir, Options{ReadOnly: true}); !errors.Is(err, ErrLocked) {
		t.Fatalf("reader beside a writer: %v", err)
	}
	if err := Delete(dir); !errors.Is(err, ErrLocked) {
		t.Fatalf("Delete of an open index: %v", err)
	}
	mustPut(t, w, mkDoc("a.txt", "泰安市", "2023", jining...), Added)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}

	// Readers share; a writer beside readers is refused.
	r1, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	r2, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("second reader: %v", err)
	}
	if _, err := Open(dir, Options{}); !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "open read-only by another") {
		t.Fatalf("writer beside readers: %v", err)
	}
	if len(mustSearch(t, r2, Query{Text: "投资"})) != 2 {
		t.Fatal("reader does not see the data")
	}
	r1.Close()
	r2.Close()
	w, err = Open(dir, Options{})
	if err != nil {
		t.Fatalf("writer after readers closed: %v", err)
	}
	w.Close()
}

// TestBoltWouldBlock documents why our own lock exists: bleve's bolt
// flock waits for as long as bolt_timeout says, forever by default. With a
// writer open, a plain read-only bleve open only gives up at the timeout.
func TestBoltWouldBlock(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	w, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	bi, err := bleve.OpenUsing(filepath.Join(dir, bleveDir), map[string]interface{}{"read_only": true, "bolt_timeout": "100ms"})
	if err == nil {
		bi.Close()
		t.Fatal("bleve opened an index held by a writer; bolt locking changed, revisit lock_unix.go")
	}
	if !strings.Contains(err.Error(), "timeout") {
		t.Fatalf("bleve open beside a writer: %v", err)
	}
}

func TestWriter(t *testing.T) {
	ix := mustMem(t)
	mustPut(t, ix, mkDoc("old.txt", "泰安市", "2023", jining...), Added)
	w := ix.NewWriter(2000) // small: forces several batches
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 25; i++ {
				d := mkDoc(fmt.Sprintf("g%d/%02d.txt", g, i), "泰安市", "2023", taian...)
				if out, err := w.Put(d); err != nil || out != Added {
					errs <- fmt.Errorf("Put %s: %v %v", d.Path, out, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	// Replacing a committed file, superseding a queued one, and queuing the
	// committed version again.
	if out, _ := w.Put(mkDoc("old.txt", "泰安市", "2023", taian...)); out != Replaced {
		t.Fatalf("replace via Writer: %v", out)
	}
	if out, _ := w.Put(mkDoc("new.txt", "泰安市", "2023", taian...)); out != Added {
		t.Fatalf("add via Writer: %v", out)
	}
	if out, _ := w.Put(mkDoc("new.txt", "泰安市", "2023", taian...)); out != Unchanged {
		t.Fatalf("same queued doc: %v", out)
	}
	if out, _ := w.Put(mkDoc("new.txt", "泰安市", "2023", jining...)); out != Added {
		t.Fatalf("superseding queued doc: %v", out)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	st := ix.Stats()
	if st.Files != 102 || st.Sentences != 101*5+2 {
		t.Fatalf("Stats = %+v", st)
	}
	if s, _ := ix.Sentences("new.txt"); len(s) != 2 {
		t.Fatalf("new.txt has %d sentences, want the superseding version's 2", len(s))
	}
	hits := mustSearch(t, ix, Query{Text: "社会消费品零售总额", Limit: 500})
	if len(hits) != 101 {
		t.Fatalf("%d hits, want 101", len(hits))
	}
}

func TestPutBatch(t *testing.T) {
	ix := mustMem(t)
	a := mkDoc("a.txt", "泰安市", "2023", taian...)
	outs, err := ix.PutBatch([]*corpus.Document{a, mkDoc("b.txt", "济宁市", "2023", jining...)})
	if err != nil || !slices.Equal(outs, []Outcome{Added, Added}) {
		t.Fatalf("PutBatch = %v, %v", outs, err)
	}
	outs, err = ix.PutBatch([]*corpus.Document{a, mkDoc("b.txt", "济宁市", "2024", jining...)})
	if err != nil || !slices.Equal(outs, []Outcome{Unchanged, Replaced}) {
		t.Fatalf("PutBatch again = %v, %v", outs, err)
	}
	if _, err := ix.PutBatch([]*corpus.Document{a, a}); err == nil {
		t.Fatal("duplicate path in PutBatch: no error")
	}
	bad := *a
	bad.Hash = ""
	if _, err := ix.Put(&bad); err == nil {
		t.Fatal("Put without hash: no error")
	}
}

// TestJoin checks that a hit is joined to the version of its file it came
// from while that file is being replaced.
func TestJoin(t *testing.T) {
	ix := mustMem(t)
	old := &fileEntry{info: FileInfo{Path: "p", Hash: "aaaaaaaaaaaaaaaa"}, tag: "aaaaaaaaaaaa"}
	cur := &fileEntry{info: FileInfo{Path: "p", Hash: "bbbbbbbbbbbbbbbb"}, tag: "bbbbbbbbbbbb", prev: old}
	next := &fileEntry{info: FileInfo{Path: "p", Hash: "cccccccccccccccc"}, tag: "cccccccccccc"}
	ix.files["p"] = cur
	ix.pending["p"] = next
	for tag, want := range map[string]string{"aaaaaaaaaaaa": "aaaaaaaaaaaaaaaa", "bbbbbbbbbbbb": "bbbbbbbbbbbbbbbb", "cccccccccccc": "cccccccccccccccc", "dddddddddddd": "bbbbbbbbbbbbbbbb"} {
		if got := ix.joinLocked("p", tag).Hash; got != want {
			t.Errorf("join tag %s: %s, want %s", tag, got, want)
		}
	}
	if got := ix.joinLocked("gone", "x"); got.Path != "gone" || got.Hash != "" {
		t.Errorf("join of a removed file: %+v", got)
	}
}

// TestSearchBudget: past the candidate budget the commonest bigrams of the
// question are left out; the best sentence must still come first.
func TestSearchBudget(t *testing.T) {
	ix := mustMem(t)
	mustPut(t, ix, mkDoc("taian.txt", "泰安市", "2023", taian...), Added)
	mustPut(t, ix, mkDoc("jining.txt", "济宁市", "2023", jining...), Added)
	for i := 0; i < 20; i++ {
		mustPut(t, ix, mkDoc(fmt.Sprintf("x%d.txt", i), "泰安市", "2023", []string{"全市经济增长较快。", "全市投资增长平稳。"}), Added)
	}
	full := mustSearch(t, ix, Query{Text: "全市工业投资增速", Terms: []string{"工业投资"}, Regions: []string{"泰安市"}})
	ix.budget = 1
	cut := mustSearch(t, ix, Query{Text: "全市工业投资增速", Terms: []string{"工业投资"}, Regions: []string{"泰安市"}})
	if len(cut) == 0 || cut[0].ID != "taian.txt#2" || full[0].ID != "taian.txt#2" {
		t.Fatalf("best hit: full %q, budget 1 %q", hitTexts(full), hitTexts(cut))
	}
	if len(cut) >= len(full) {
		t.Fatalf("budget 1 kept the common bigrams: %d hits, unlimited %d", len(cut), len(full))
	}
	// Without Terms, at least the rarest bigram is searched.
	if hits := mustSearch(t, ix, Query{Text: "全市增长"}); len(hits) == 0 {
		t.Fatal("budget 1, only common bigrams: no hits")
	}
}

// TestReopenManyFiles: Open loads the file list in pages; more files than
// a page must all come back.
func TestReopenManyFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	ix, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var docs []*corpus.Document
	for i := 0; i < 2345; i++ {
		docs = append(docs, mkDoc(fmt.Sprintf("r/%04d.txt", i), "泰安市", "2023", []string{"全市工业投资增长1.5%。"}))
	}
	if _, err := ix.PutBatch(docs); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix, err = Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if st := ix.Stats(); st.Files != 2345 || st.Sentences != 2345 {
		t.Fatalf("after reopen: %+v", st)
	}
	for _, d := range docs[2300:] {
		if !ix.Unchanged(d.Path, d.Hash) {
			t.Fatalf("%s lost", d.Path)
		}
	}
}

// A sentence is found by the indicators its figures carry from elsewhere,
// not only by its own words.
func TestSearchFindsCarriedIndicators(t *testing.T) {
	ix := mustMem(t)
	d := mkDoc("reports/r.txt", "泰安市", "2023-06-10", []string{"甲县(5.9%)、乙县(3.1%)两县低于全市平均水平。"})
	for i := range d.Paragraphs[0].Sentences[0].Figures {
		d.Paragraphs[0].Sentences[0].Figures[i].Metric = "规上工业增加值"
	}
	mustPut(t, ix, d, Added)
	if hits := mustSearch(t, ix, Query{Text: "规上工业增加值"}); len(hits) != 1 {
		t.Fatalf("hits %q, want the sentence whose figures are 规上工业增加值's", hitTexts(hits))
	}
}

func TestYearFilter(t *testing.T) {
	ix := mustMem(t)
	d := mkDoc("a2022.txt", "泰安市", "2022-06-10", []string{"全市工业投资同比增长11.5%。", "全年经济运行平稳。"})
	d.Paragraphs[0].Sentences[0].Figures[0].Period = corpus.Period{}
	mustPut(t, ix, d, Added)
	mustPut(t, ix, mkDoc("a2023.txt", "泰安市", "2023-06-10", []string{"全市工业投资同比增长31.9%。"}), Added) // 2023年1-5月
	// A figure's year is its report's when its period names none; a
	// sentence without figures has no year.
	hits := mustSearch(t, ix, Query{Text: "工业投资增长 经济运行", Years: []int{2022}})
	if len(hits) != 1 || hits[0].ID != "a2022.txt#1" {
		t.Fatalf("Years 2022: %q", hitTexts(hits))
	}
	hits = mustSearch(t, ix, Query{Text: "工业投资增长", Years: []int{2022, 2023}, Regions: []string{"泰安市"}})
	if len(hits) != 2 {
		t.Fatalf("Years 2022, 2023: %q", hitTexts(hits))
	}
	if hits := mustSearch(t, ix, Query{Text: "工业投资增长", Years: []int{2019}}); len(hits) != 0 {
		t.Fatalf("Years 2019: %q", hitTexts(hits))
	}
}

// TestSnapshotSearchMatchesBleve: Search's own run of the query (stored
// sentences read by document number) finds what bleve's Search finds,
// with the same scores, across several segments and a replaced file.
func TestSnapshotSearchMatchesBleve(t *testing.T) {
	ix, err := Open(filepath.Join(t.TempDir(), "ix"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	mustPut(t, ix, mkDoc("taian.txt", "泰安市", "2023-06-10", taian...), Added)
	mustPut(t, ix, mkDoc("jining.txt", "济宁市", "2023-06-10", jining...), Added)
	mustPut(t, ix, mkDoc("taian.txt", "泰安市", "2023-06-11", jining...), Replaced)
	mustPut(t, ix, mkDoc("zibo.txt", "淄博市", "2023-06-10", taian...), Added)
	for _, q := range []Query{
		{Text: "工业投资增长"},
		{Text: "全市增长", Terms: []string{"工业投资"}, Regions: []string{"淄博市", "济宁市"}, Limit: 3},
		{Terms: []string{"固定资产投资"}},
	} {
		if len(mustSearch(t, ix, q)) == 0 {
			t.Fatalf("%+v: no hits", q)
		}
		r := snapshotOf(t, ix)
		pl, err := ix.buildQuery(r, q, ix.budget)
		if err != nil {
			t.Fatal(err)
		}
		limit := q.Limit
		if limit == 0 {
			limit = DefaultLimit
		}
		got, err := ix.searchSnapshot(r, pl.q, limit)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		req := bleve.NewSearchRequestOptions(pl.q, limit, 0, false)
		req.Fields = []string{fieldBlob}
		res, err := ix.bi.Search(req)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(res.Hits) || len(got) == 0 {
			t.Fatalf("%+v: %d hits, bleve %d", q, len(got), len(res.Hits))
		}
		for i, m := range res.Hits {
			blob, _ := m.Fields[fieldBlob].(string)
			sameScore := got[i].score == m.Score || math.IsNaN(got[i].score) && math.IsNaN(m.Score)
			if !sameScore || got[i].id != m.ID || string(got[i].blob) != blob {
				t.Errorf("%+v: hit %d: %s %v, bleve %s %v", q, i, got[i].id, got[i].score, m.ID, m.Score)
			}
		}
	}
}

// TestCompact: after Compact the index holds one segment and answers as
// before; writes go on afterwards.
func TestCompact(t *testing.T) {
	ix, err := Open(filepath.Join(t.TempDir(), "ix"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for i := 0; i < 6; i++ { // a batch each: six segments
		mustPut(t, ix, mkDoc(fmt.Sprintf("r%d.txt", i), "泰安市", "2023-06-10", taian...), Added)
	}
	q := Query{Text: "工业投资增长", Limit: 100}
	before := mustSearch(t, ix, q)
	segments := func() int {
		snap := snapshotOf(t, ix)
		defer snap.Close()
		return len(snap.Segments())
	}
	t.Logf("%d segments before Compact", segments())
	if err := ix.Compact(context.Background()); err != nil {
		t.Fatal(err)
	}
	if files, _ := filepath.Glob(filepath.Join(ix.Dir(), "bleve", "store", "*.zap")); len(files) != 1 {
		t.Errorf("%d segment files after Compact, want the merged one only", len(files))
	}
	if segs := segments(); segs != 1 {
		t.Errorf("%d segments after Compact, want 1", segs)
	}
	after := mustSearch(t, ix, q)
	if len(after) != len(before) || len(after) == 0 {
		t.Fatalf("%d hits after Compact, %d before", len(after), len(before))
	}
	ids := func(hs []Hit) map[string]bool {
		m := map[string]bool{}
		for _, h := range hs {
			m[h.ID] = true
		}
		return m
	}
	if !reflect.DeepEqual(ids(before), ids(after)) {
		t.Errorf("hits changed by Compact")
	}
	mustPut(t, ix, mkDoc("r9.txt", "泰安市", "2023-06-10", taian...), Added)
	if st := ix.Stats(); st.Files != 7 {
		t.Errorf("%d files after a write following Compact", st.Files)
	}
}

// TestPassageSentencesMatchAlone: a passage is found as a whole, but only
// its sentences that match by themselves are hits: a phrase whose
// bigrams are spread over two sentences finds neither, and a region
// filter keeps only the sentence about that region.
func TestPassageSentencesMatchAlone(t *testing.T) {
	ix := mustMem(t)
	d := mkDoc("sd.txt", "山东省", "2023-06-10", []string{
		"全省工业经济稳中有进。",
		"济宁市工业投资增长12.5%。",
		"泰安市技改投资增长8.1%。",
	})
	for i := range d.Paragraphs[0].Sentences[1].Figures {
		d.Paragraphs[0].Sentences[1].Figures[i].Region = "济宁市"
	}
	for i := range d.Paragraphs[0].Sentences[2].Figures {
		d.Paragraphs[0].Sentences[2].Figures[i].Region = "泰安市"
	}
	mustPut(t, ix, d, Added)
	if got := ix.files["sd.txt"].passages; got != 1 {
		t.Fatalf("%d passages, want the paragraph as one", got)
	}
	// 经济投资: 经济 in the first sentence, 投资 in the others.
	if hits := mustSearch(t, ix, Query{Terms: []string{"经济投资"}}); len(hits) != 0 {
		t.Errorf("a phrase spread over sentences: %q", hitTexts(hits))
	}
	hits := mustSearch(t, ix, Query{Text: "投资增长", Regions: []string{"泰安市"}})
	if len(hits) != 1 || hits[0].ID != "sd.txt#3" {
		t.Errorf("Regions 泰安市: %q", hitTexts(hits))
	}
	hits = mustSearch(t, ix, Query{Text: "工业投资"})
	if len(hits) != 3 || hits[0].ID != "sd.txt#2" {
		t.Errorf("工业投资: %q; want the sentence with both bigrams first", hitTexts(hits))
	}
}
