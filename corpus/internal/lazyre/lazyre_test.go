package lazyre

import "testing"

func TestNewCompilesOnceOnFirstUse(t *testing.T) {
	re := New(`a+b`)
	first := re()
	if !first.MatchString("xaab") || re() != first {
		t.Fatal("the pattern is not compiled once, or does not match")
	}
}
