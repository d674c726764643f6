package index

import (
	"path/filepath"
	"testing"
)

func TestPlainIndexesAndMatches(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plain")
	p, err := CreatePlain(dir)
	if err != nil {
		t.Fatal(err)
	}
	sents := []string{"全市规上工业增加值增长6.1%。", "社会消费品零售总额增长4.2%。", "城镇新增就业1.2万人。"}
	if err := p.Add(1, sents); err != nil {
		t.Fatal(err)
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := CreatePlain(dir); err == nil {
		t.Fatal("CreatePlain over an existing index: no error")
	}
	p, err = OpenPlain(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	got, err := p.Match("消费品零售", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0] != sents[1] {
		t.Fatalf("Match = %q, want [%q]", got, sents[1])
	}
}
