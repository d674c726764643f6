// Package lexicon is the one home of the words that decide meaning.
//
// Reading a report and reading a question both turn Chinese words into
// meaning: 增长 makes a growth figure, 规模以上 and 规上 are the same
// indicator, 工业 before 投资 names a part of it, 多少户 asks for a count.
// Those words live here, as typed tables, one file per table:
//
//	indicators.go  abbreviations and synonyms of indicator names
//	units.go       units, their counters and multipliers
//	predicates.go  verbs that make a figure's kind (增长, 下降, 占)
//	scopes.go      comparison scopes and bases (全省, 比上年同期)
//	sectors.go     qualifiers that narrow an indicator to a part (工业, 制造业)
//	fillers.go     words that carry no indicator meaning
//	questions.go   question words: what is wanted, units asked for, targets
//	periods.go     relative period words (今年, 上年)
//
// Every row carries an example. The tests of this package check that each
// example shows its word and that no word sits in two tables that would
// contradict each other; the tests of the packages that apply a table
// (corpus for reports, answer for questions) run each example through the
// code that uses it, so a broken rule is named by its row.
//
// The package imports nothing of the project: everything that reads words
// may import it. Lists whose order matters (longest match first) are
// ordered here by code, never by hand.
package lexicon

import (
	"sort"
	"unicode/utf8"
)

// Kind is what a figure measures. The values are the ones stored in the
// index and printed in JSON answers.
type Kind string

const (
	KindGrowth Kind = "growth" // relative change, %; a decline is negative
	KindAmount Kind = "amount" // a level: money, output, area, capacity
	KindShare  Kind = "share"  // part of a whole, or a completion rate, %
	KindCount  Kind = "count"  // number of enterprises, projects, items
	KindRank   Kind = "rank"   // 居全省第2位
	KindDiff   Kind = "diff"   // percentage points against a comparator
	KindChange Kind = "change" // an absolute increase: 比上年同期增加65个
	KindOther  Kind = "other"  // a number whose meaning is unclear
)

// longestFirst orders words so that a longer word is tried before any
// shorter one (万平方米 before 万, 规模以上 before 规模); words of equal
// length keep their table order.
func longestFirst[T any](rows []T, word func(T) string) []T {
	out := append([]T(nil), rows...)
	sort.SliceStable(out, func(i, j int) bool {
		return utf8.RuneCountInString(word(out[i])) > utf8.RuneCountInString(word(out[j]))
	})
	return out
}

// Words returns the words of a table of rows, in the table's order.
func Words[T any](rows []T, word func(T) string) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = word(r)
	}
	return out
}
