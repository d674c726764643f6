package answer

import (
	"encoding/json"
	"fmt"
	"io"
)

// WriteJSON writes a Result (or a CheckResult) as one line of JSON, the
// object "ask -json" (or "check -json") prints: every front end that offers
// JSON answers (the command line, the socket, the web page's /api/ask and
// /api/check) writes it through here, so that they cannot drift apart. Text is written as it is (no \u003c escapes of < > &): the
// reader is a program, not an HTML page.
func WriteJSON(w io.Writer, r any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("write answer as JSON: %w", err)
	}
	return nil
}
