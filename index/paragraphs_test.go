package index

import "testing"

func TestParagraphsInOneRead(t *testing.T) {
	ix := mustMem(t)
	mustPut(t, ix, mkDoc("a.txt", "泰安市", "2023-07-03",
		[]string{"第一段第一句。", "第一段第二句。"},
		[]string{"第二段第一句。", "第二段第二句。", "第二段第三句。"}), Added)
	mustPut(t, ix, mkDoc("b.txt", "资阳市", "2023-02-22", []string{"另一份报告。"}), Added)

	got, err := ix.Paragraphs([]ParaRef{{"a.txt", 2}, {"b.txt", 1}, {"a.txt", 9}, {"missing.txt", 1}})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d paragraphs, want 2: %v", len(got), got)
	}
	p := got[ParaRef{"a.txt", 2}]
	if len(p) != 3 || p[0].Text != "第二段第一句。" || p[2].Text != "第二段第三句。" {
		t.Errorf("a.txt paragraph 2 = %+v", p)
	}
	if q := got[ParaRef{"b.txt", 1}]; len(q) != 1 || q[0].Text != "另一份报告。" {
		t.Errorf("b.txt paragraph 1 = %+v", q)
	}
}
