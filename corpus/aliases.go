package corpus

import (
	"github.com/reportbot/reportbot/corpus/figures"
	"github.com/reportbot/reportbot/corpus/formats"
	"github.com/reportbot/reportbot/corpus/geo"
	"github.com/reportbot/reportbot/corpus/text"
)

// This file keeps the API that package corpus had before it was split:
// every exported name of the subpackages that callers used as corpus.X is
// still corpus.X, with the same meaning. Types are aliases (the same type,
// not a copy), constants are the subpackages' constants, and functions
// forward. New code may use either name.
//
// Not forwarded are the tunable package variables (formats.MaxFileSize,
// formats.DocxMaxXMLSize, formats.PDFToText, formats.PDFTimeout): a copy
// here would silently not take effect when set, so set them in their
// package.

// Reading files: package formats.

// RawFile is a report file decoded to UTF-8 text; see formats.RawFile.
type RawFile = formats.RawFile

// DecodedText is text decoded from bytes of an unknown encoding; see
// formats.DecodedText.
type DecodedText = formats.DecodedText

// CorruptError is returned for a file that cannot be parsed; see
// formats.CorruptError.
type CorruptError = formats.CorruptError

// Sentinel errors of reading; see package formats.
var (
	ErrUnsupported = formats.ErrUnsupported
	ErrBinary      = formats.ErrBinary
	ErrTooLarge    = formats.ErrTooLarge
	ErrCorrupt     = formats.ErrCorrupt
	ErrNoPDFTool   = formats.ErrNoPDFTool
	ErrFolderRead  = formats.ErrFolderRead
)

// FileFormat returns the format read for a file name (txt, md, html, docx,
// pdf), or ""; see formats.FileFormat.
func FileFormat(name string) string { return formats.FileFormat(name) }

// ReadFile reads and decodes one report file; see formats.ReadFile.
func ReadFile(path string) (*RawFile, error) { return formats.ReadFile(path) }

// HashFile returns the content hash ReadFile would give a file, without
// decoding it; see formats.HashFile.
func HashFile(path string) (hash string, size int64, err error) { return formats.HashFile(path) }

// ReadBytes decodes a report held in memory; see formats.ReadBytes.
func ReadBytes(name string, data []byte) (*RawFile, error) { return formats.ReadBytes(name, data) }

// ReportFiles walks root and calls fn for every report file under it; see
// formats.ReportFiles.
func ReportFiles(root string, fn func(path string, err error) error) error {
	return formats.ReportFiles(root, fn)
}

// DecodeText decodes the bytes of a plain-text file to UTF-8; see
// formats.DecodeText.
func DecodeText(data []byte) (DecodedText, error) { return formats.DecodeText(data) }

// Text normalization: package text.

// Span is a byte range [Start, End) of Document.Text; see text.Span.
type Span = text.Span

// NormalizeText returns the normalized form of s (simplified script,
// half-width characters, annotations removed); see text.NormalizeText.
func NormalizeText(s string) string { return text.NormalizeText(s) }

// Simplified returns the simplified form of a traditional character, or
// r; see text.Simplified.
func Simplified(r rune) rune { return text.Simplified(r) }

// Places and regions: package geo.

// Region is the place a report is about; see geo.Region.
type Region = geo.Region

// RegionEvidence is everything known about a report that may name its
// region; see geo.RegionEvidence.
type RegionEvidence = geo.RegionEvidence

// Gazetteer finds and resolves place names; see geo.Gazetteer.
type Gazetteer = geo.Gazetteer

// Place is one administrative division; see geo.Place.
type Place = geo.Place

// PlaceMention is a place name found in a text; see geo.PlaceMention.
type PlaceMention = geo.PlaceMention

// Level is the tier of an administrative division; see geo.Level.
type Level = geo.Level

// The tiers of administrative divisions; see geo.LevelProvince.
const (
	LevelProvince   = geo.LevelProvince
	LevelPrefecture = geo.LevelPrefecture
	LevelCounty     = geo.LevelCounty
)

// Via values of Region; see geo.ViaSidecar.
const (
	ViaSidecar  = geo.ViaSidecar
	ViaFileName = geo.ViaFileName
	ViaTitle    = geo.ViaTitle
	ViaSource   = geo.ViaSource
	ViaBody     = geo.ViaBody
)

// DefaultGazetteer returns the gazetteer built from the embedded division
// table; see geo.DefaultGazetteer.
func DefaultGazetteer() *Gazetteer { return geo.DefaultGazetteer() }

// NewGazetteer builds a gazetteer from a division table; see
// geo.NewGazetteer.
func NewGazetteer(data string) (*Gazetteer, error) { return geo.NewGazetteer(data) }

// IsMunicipality reports whether p is 北京, 天津, 上海 or 重庆; see
// geo.IsMunicipality.
func IsMunicipality(p Place) bool { return geo.IsMunicipality(p) }

// Figures, numbers and periods: package figures.

// Figure is one number in a sentence, with its meaning; see
// figures.Figure.
type Figure = figures.Figure

// Kind is what a figure measures; see figures.Kind.
type Kind = figures.Kind

// The kinds of figures; see figures.KindGrowth.
const (
	KindGrowth = figures.KindGrowth
	KindAmount = figures.KindAmount
	KindShare  = figures.KindShare
	KindCount  = figures.KindCount
	KindRank   = figures.KindRank
	KindDiff   = figures.KindDiff
	KindChange = figures.KindChange
	KindOther  = figures.KindOther
)

// Period is the time a figure covers; see figures.Period.
type Period = figures.Period

// PeriodMention is a time expression found in a sentence; see
// figures.PeriodMention.
type PeriodMention = figures.PeriodMention

// NumberToken is one number found in a sentence; see figures.NumberToken.
type NumberToken = figures.NumberToken

// FindPeriods finds the time expressions of a normalized sentence; see
// figures.FindPeriods.
func FindPeriods(text string) []PeriodMention { return figures.FindPeriods(text) }

// ParsePeriod parses a string that is only a period expression, as a
// question states it; see figures.ParsePeriod.
func ParsePeriod(s string) (Period, bool) { return figures.ParsePeriod(s) }

// ScanNumbers finds the numbers of a normalized sentence; see
// figures.ScanNumbers.
func ScanNumbers(text string) []NumberToken { return figures.ScanNumbers(text) }

// ParseArabicNumber parses a number written in Arabic digits; see
// figures.ParseArabicNumber.
func ParseArabicNumber(s string) (float64, bool) { return figures.ParseArabicNumber(s) }

// ParseChineseNumber parses a number written in Chinese numerals; see
// figures.ParseChineseNumber.
func ParseChineseNumber(s string) (value float64, ok bool) { return figures.ParseChineseNumber(s) }

// FormatNumber renders a value the way an answer shows it; see
// figures.FormatNumber.
func FormatNumber(v float64) string { return figures.FormatNumber(v) }

// ObjectPlace tells a place a sentence names as what a figure is compared
// with or ranked within; see figures.ObjectPlace.
func ObjectPlace(s string, p PlaceMention) bool { return figures.ObjectPlace(s, p) }
