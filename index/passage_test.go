package index

import (
	"reflect"
	"strings"
	"testing"

	"github.com/reportbot/reportbot/corpus"
)

func TestPassageSpans(t *testing.T) {
	para := func(sizes ...int) corpus.Paragraph {
		var p corpus.Paragraph
		for _, n := range sizes {
			p.Sentences = append(p.Sentences, corpus.Sentence{Norm: strings.Repeat("x", n)})
		}
		return p
	}
	for _, tt := range []struct {
		name  string
		paras []corpus.Paragraph
		want  []passageSpan
	}{
		{"empty", nil, nil},
		{"a paragraph without sentences has no passage", []corpus.Paragraph{para(), para(10)},
			[]passageSpan{{para: 1, from: 0, to: 1, first: 1}}},
		{"short paragraphs are one passage each", []corpus.Paragraph{para(10, 20), para(30)},
			[]passageSpan{{0, 0, 2, 1}, {1, 0, 1, 3}}},
		{"at most eight sentences", []corpus.Paragraph{para(1, 1, 1, 1, 1, 1, 1, 1, 1, 1)},
			[]passageSpan{{0, 0, 8, 1}, {0, 8, 10, 9}}},
		{"at most 1200 bytes past the first sentence", []corpus.Paragraph{para(700, 500, 1, 2000, 5)},
			[]passageSpan{{0, 0, 2, 1}, {0, 2, 3, 3}, {0, 3, 4, 4}, {0, 4, 5, 5}}},
	} {
		if got := passageSpans(tt.paras); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
}
