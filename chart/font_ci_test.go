package chart

import (
	"os"
	"testing"
)

// CI installs a CJK font; without it charts cannot be drawn, and that
// must fail there rather than skip.
func TestFontInCI(t *testing.T) {
	if os.Getenv("CI") != "true" {
		t.Skip("only checked in CI")
	}
	if err := loadFont(); err != nil {
		t.Fatal(err)
	}
}
