package bot

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// maxMessage is Telegram's limit on a message's text. Telegram counts
// UTF-16 code units of the text after parsing the markup; counting the
// markup too, as we do, errs on the safe side.
const maxMessage = 4096

// textLen is the length Telegram counts: UTF-16 code units.
func textLen(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// splitHTML cuts a Telegram-HTML text into messages of at most limit
// UTF-16 units. It cuts at the last line break that fits; only a single
// line longer than limit is cut elsewhere, and then between characters,
// never inside a tag or an entity. Tags open at a cut are closed at the
// end of one part and opened again at the start of the next, so every
// part is valid on its own.
func splitHTML(s string, limit int) []string {
	if textLen(s) <= limit {
		return []string{s}
	}
	atoms := tokenizeHTML(s)
	// lineW[i] is the width of the line atom i belongs to.
	lineW := make([]int, len(atoms))
	for i := 0; i < len(atoms); {
		j, w := i, 0
		for j < len(atoms) && atoms[j].kind != atomNewline {
			w += atoms[j].w
			j++
		}
		for k := i; k < j; k++ {
			lineW[k] = w
		}
		i = j + 1
	}
	var out []string
	var open []atom // tags open at the start of the current part
	start := 0
	for start < len(atoms) {
		stack := append([]atom(nil), open...)
		w := 0
		for _, a := range open {
			w += a.w
		}
		lastNL, nlStack := -1, []atom(nil)
		i := start
		for ; i < len(atoms); i++ {
			a := atoms[i]
			next := applyTag(stack, a)
			if w+a.w+closersLen(next) > limit && i > start {
				break
			}
			stack, w = next, w+a.w
			if a.kind == atomNewline {
				lastNL, nlStack = i, append([]atom(nil), stack...)
			}
		}
		cut, cutStack := i, stack
		// Cut at the last line break, unless the line that follows it
		// could not fit in a message anyway: then fill this one.
		if i < len(atoms) && lastNL > start && (lastNL+1 >= len(atoms) || lineW[lastNL+1] <= limit) {
			cut, cutStack = lastNL, nlStack
		}
		var b strings.Builder
		for _, a := range open {
			b.WriteString(a.s)
		}
		for _, a := range atoms[start:cut] {
			b.WriteString(a.s)
		}
		for j := len(cutStack) - 1; j >= 0; j-- {
			b.WriteString("</" + cutStack[j].name + ">")
		}
		if part := strings.TrimSpace(b.String()); part != "" && !emptyMarkup(part) {
			out = append(out, part)
		}
		open = cutStack
		start = cut
		if start < len(atoms) && atoms[start].kind == atomNewline {
			start++
		}
	}
	return out
}

type atomKind uint8

const (
	atomText atomKind = iota
	atomNewline
	atomOpen
	atomClose
)

// atom is a piece of Telegram HTML that must not be cut: a tag, an
// entity, or one character.
type atom struct {
	s    string
	w    int // textLen(s)
	kind atomKind
	name string // tag name, for atomOpen and atomClose
}

func tokenizeHTML(s string) []atom {
	var out []atom
	for i := 0; i < len(s); {
		switch s[i] {
		case '<':
			if j := strings.IndexByte(s[i:], '>'); j > 0 {
				tag := s[i : i+j+1]
				name := strings.TrimPrefix(tag[1:len(tag)-1], "/")
				if k := strings.IndexAny(name, " \t\n"); k >= 0 {
					name = name[:k]
				}
				kind := atomOpen
				if strings.HasPrefix(tag, "</") {
					kind = atomClose
				}
				out = append(out, atom{s: tag, w: textLen(tag), kind: kind, name: name})
				i += j + 1
				continue
			}
		case '&':
			if j := strings.IndexByte(s[i:], ';'); j > 0 && j < 12 {
				out = append(out, atom{s: s[i : i+j+1], w: j + 1})
				i += j + 1
				continue
			}
		case '\n':
			out = append(out, atom{s: "\n", w: 1, kind: atomNewline})
			i++
			continue
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		out = append(out, atom{s: s[i : i+n], w: textLen(s[i : i+n])})
		i += n
	}
	return out
}

// applyTag returns the stack of open tags after a; it does not modify stack.
func applyTag(stack []atom, a atom) []atom {
	switch a.kind {
	case atomOpen:
		return append(stack[:len(stack):len(stack)], a)
	case atomClose:
		for j := len(stack) - 1; j >= 0; j-- {
			if stack[j].name == a.name {
				return stack[:j:j]
			}
		}
	}
	return stack
}

func closersLen(stack []atom) int {
	n := 0
	for _, a := range stack {
		n += len(a.name) + 3
	}
	return n
}

// emptyMarkup reports whether part is nothing but tags: Telegram refuses
// a message without text.
func emptyMarkup(part string) bool {
	for _, a := range tokenizeHTML(part) {
		if a.kind == atomText && strings.TrimSpace(a.s) != "" {
			return false
		}
	}
	return true
}
