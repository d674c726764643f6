package corpus

// Document is one report, read, cleaned and analysed.
type Document struct {
	Path     string `json:"path"`
	Format   string `json:"format"`   // txt, md, html, docx, pdf
	Encoding string `json:"encoding"` // utf-8, utf-16le, utf-16be, gb18030, big5
	Hash     string `json:"hash"`     // sha256 of the file's bytes, hex
	Size     int64  `json:"size"`     // bytes on disk

	// Text is the decoded text; every Span points into it.
	Text string `json:"-"`

	Title      string `json:"title,omitempty"`
	Date       string `json:"date,omitempty"`        // YYYY-MM-DD, YYYY-MM or YYYY
	DateSource string `json:"date_source,omitempty"` // sidecar, html-meta, line, filename
	Source     string `json:"source,omitempty"`      // newspaper or site
	Region     Region `json:"region"`

	Paragraphs []Paragraph `json:"paragraphs,omitempty"`
	// Warnings are problems that did not stop reading (hidden text, a
	// missing date, an unknown region).
	Warnings []string `json:"warnings,omitempty"`
}

// Paragraph is a block of text between blank lines or line breaks.
type Paragraph struct {
	Index     int        `json:"index"` // 1-based
	Span      Span       `json:"span"`
	Sentences []Sentence `json:"sentences"`
}

// Sentence is the unit that is indexed and quoted.
type Sentence struct {
	Para  int  `json:"para"`  // 1-based paragraph number
	Index int  `json:"index"` // 1-based, counted over the whole document
	Span  Span `json:"span"`
	// Text is the original sentence, verbatim: Document.Text[Span].
	Text string `json:"text"`
	// Norm is the normalized form used for matching: simplified script,
	// half-width characters, annotations and filler removed.
	Norm    string   `json:"norm"`
	Figures []Figure `json:"figures,omitempty"`
}
