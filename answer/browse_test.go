package answer

import (
	"errors"
	"strings"
	"testing"

	"github.com/reportbot/reportbot/index"
)

func TestFilesStatsRegions(t *testing.T) {
	e := rankingEngine(t)
	files := e.Files()
	if len(files) != 3 || files[0].Date < files[len(files)-1].Date {
		t.Errorf("Files: %d files, want 3, newest first: %+v", len(files), files)
	}
	if st := e.Stats(); st.Files != 3 || st.Sentences == 0 || st.Figures == 0 {
		t.Errorf("Stats: %+v", st)
	}
	if got := strings.Join(e.Regions(), " "); got != "泰安市 资阳市" {
		t.Errorf("Regions = %q, want the region with most reports first", got)
	}
}

func TestParagraph(t *testing.T) {
	e := rankingEngine(t)
	res, err := e.Ask("泰安1-6月制造业投资增速", 1)
	if err != nil || len(res.Answers) == 0 {
		t.Fatalf("Ask: %v %+v", err, res)
	}
	a := res.Answers[0]
	sents, err := e.Paragraph(a.File, a.Paragraph)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, s := range sents {
		found = found || s.Index == a.SentenceNo && s.Text == a.SourceText
	}
	if !found {
		t.Errorf("paragraph %d of %s lacks the answer's sentence %q: %+v", a.Paragraph, a.File, a.SourceText, sents)
	}
	if _, err := e.Paragraph("no/such.txt", 1); err == nil {
		t.Error("a paragraph of a file not in the index")
	}
}

func TestSearch(t *testing.T) {
	e := rankingEngine(t)
	hits, err := e.Search("工业投资", 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 {
		t.Fatalf("%d hits, want the 2 asked for", len(hits))
	}
	for _, h := range hits {
		if !strings.Contains(h.Sentence.Text, "工业") || h.File.Path == "" {
			t.Errorf("hit %q of %q", h.Sentence.Text, h.File.Path)
		}
	}
	// Questions are normalized: full-width and traditional script match.
	if hits, err := e.Search("工業投資", 10); err != nil || len(hits) == 0 {
		t.Errorf("traditional script: %d hits, %v", len(hits), err)
	}
}

// searchOnly is an index that can search and nothing else, as a test's
// fake may be.
type searchOnly struct{}

func (searchOnly) Search(index.Query) ([]index.Hit, error) { return nil, nil }

func TestBrowsingAnIndexThatOnlySearches(t *testing.T) {
	e := New(searchOnly{})
	if e.Files() != nil || e.Stats() != (Stats{}) || len(e.Regions()) != 0 {
		t.Errorf("Files %v, Stats %+v, Regions %v: want nothing", e.Files(), e.Stats(), e.Regions())
	}
	if _, err := e.Paragraph("a.txt", 1); !errors.Is(err, ErrCannotBrowse) {
		t.Errorf("Paragraph: %v, want ErrCannotBrowse", err)
	}
	if ex := e.Examples(t.Context(), 3); len(ex) != 0 {
		t.Errorf("Examples: %v", ex)
	}
}
