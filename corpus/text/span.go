package text

// Span is a byte range [Start, End) of a report's decoded text
// (corpus.Document.Text).
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}
