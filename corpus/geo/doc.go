// Package geo knows China's administrative divisions and decides which
// place a report is about.
//
// Design:
//
//   - The gazetteer (gazetteer.go) is the province, prefecture and county
//     table generated from shared/data/admin-divisions by
//     internal/gengazetteer (go generate) and embedded, so the package
//     works without the shared folder. DefaultGazetteer builds it once.
//     Every place is known by its full name (泰安市) and, where that is
//     safe, its short name (泰安).
//   - Gazetteer.Find scans normalized text in one pass over a rune trie,
//     longest name first, allocating only its result. Ordinary words that
//     contain a name (高新技术, 示范县) are blocked, one-rune-stem names
//     (范县) need a word boundary, and a name whose 县/市/区 begins a word
//     (泰安市场) falls back to the shorter name.
//   - ResolveRegion (region.go) weighs the evidence of a report in order:
//     a sidecar file, the file name, the title, the source line, and last
//     a vote over the body in which a place's newspaper or government
//     counts more than a destination or a company. A county names its
//     prefecture, so a Region is prefecture-level where possible, and a
//     name that fits several places is settled by the provinces the other
//     mentions point at. Region.Confidence says how sure it is.
//
// The package imports nothing else of the project.
package geo
