package geo

// Region is the place a report is about.
type Region struct {
	Name     string `json:"name,omitempty"`     // 泰安市
	Code     string `json:"code,omitempty"`     // division code, 3709
	Province string `json:"province,omitempty"` // 山东省
	// Via tells how the region was found: sidecar, filename, title,
	// source, body; empty when unknown.
	Via string `json:"via,omitempty"`
	// Evidence is the text that decided it (泰安日报社, 仪陇 → 南充市).
	Evidence string `json:"evidence,omitempty"`
	// Confidence is 0 (unknown) to 1 (stated by a sidecar file).
	Confidence float64 `json:"confidence"`
}
