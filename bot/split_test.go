package bot

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestSplitHTMLShort(t *testing.T) {
	if got := splitHTML("<b>a</b>\nb", 100); len(got) != 1 || got[0] != "<b>a</b>\nb" {
		t.Errorf("short text split: %q", got)
	}
}

func TestSplitHTMLBetweenLines(t *testing.T) {
	var lines []string
	for i := 0; i < 40; i++ {
		lines = append(lines, "<b>"+strings.Repeat("数", 20)+"</b> &amp; "+strings.Repeat("字", 10))
	}
	text := strings.Join(lines, "\n")
	parts := splitHTML(text, 200)
	if len(parts) < 2 {
		t.Fatalf("%d parts", len(parts))
	}
	for _, p := range parts {
		if textLen(p) > 200 {
			t.Errorf("part of %d units", textLen(p))
		}
		checkHTML(t, p)
		// Every part is whole lines.
		for _, l := range strings.Split(p, "\n") {
			if l != lines[0] {
				t.Errorf("a line was cut: %q", l)
			}
		}
	}
	if got := strings.Join(parts, "\n"); got != text {
		t.Errorf("parts do not add up to the text")
	}
}

func TestSplitHTMLLongLine(t *testing.T) {
	// One line, much longer than a message, with tags and entities
	// everywhere: cuts fall between characters, tags are closed and
	// opened again, entities stay whole.
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	b.WriteString("<b>标题</b>\n<blockquote>")
	for i := 0; i < 3000; i++ {
		switch r.IntN(10) {
		case 0:
			b.WriteString("<b>加粗&lt;文字&gt;</b>")
		case 1:
			b.WriteString("&amp;")
		case 2:
			b.WriteString("😀") // two UTF-16 units
		default:
			b.WriteString("汉")
		}
	}
	b.WriteString("</blockquote>")
	text := b.String()
	parts := splitHTML(text, 500)
	if len(parts) < 4 {
		t.Fatalf("%d parts", len(parts))
	}
	var plain strings.Builder
	for i, p := range parts {
		if n := textLen(p); n > 500 {
			t.Errorf("part %d: %d units", i, n)
		}
		checkHTML(t, p)
		plain.WriteString(stripTags(p))
	}
	if got, want := plain.String(), stripTags(strings.Replace(text, "\n", "", 1)); got != want {
		t.Errorf("text lost or changed in splitting")
	}
	if !strings.HasPrefix(parts[1], "<blockquote>") {
		t.Errorf("the second part does not reopen the quote: %.40q", parts[1])
	}
}

func stripTags(s string) string {
	var b strings.Builder
	for _, a := range tokenizeHTML(s) {
		if a.kind == atomText {
			b.WriteString(a.s)
		}
	}
	return b.String()
}
