package answer

import (
	"math"
	"strings"
)

// AskWith answers one question. A question that names no region is
// answered from whatever region has the figure; the result then says so
// (RegionNote), so that a reader never takes 泰安's figure for their own.
func (e *Engine) AskWith(question string, opt Options) (Result, error) {
	res, err := e.askWith(question, opt)
	if err == nil {
		res.RegionNote = regionNote(res)
	}
	return res, err
}

// maxRegionsNamed bounds the regions a note lists.
const maxRegionsNamed = 4

// regionNote is the note for a question without a region: the region
// chosen when every answer is about one, else the regions found and a
// request to name one. Empty when the question names a region or nothing
// was answered.
func regionNote(res Result) string {
	u := res.Understood
	if u.Region != "" || u.Place != "" || u.Province != "" || len(res.Answers) == 0 {
		return ""
	}
	var regions []string
	seen := map[string]bool{}
	for _, a := range res.Answers {
		if a.Region != "" && !seen[a.Region] {
			seen[a.Region] = true
			regions = append(regions, a.Region)
		}
	}
	switch len(regions) {
	case 0:
		return "未指明地区"
	case 1:
		return "未指明地区,按" + regions[0] + "回答"
	}
	named := regions
	more := ""
	if len(named) > maxRegionsNamed {
		named, more = named[:maxRegionsNamed], "等"
	}
	return "未指明地区:找到了" + strings.Join(named, "、") + more + "的数字,请写明要哪个地区,例如“" + strings.TrimSuffix(regions[0], "市") + u.Text + "”"
}

// searchScore is a search score for JSON: rounded, and nil when it is
// not a number (JSON has none, and a 0 would be a made-up score).
func searchScore(f float64) *float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil
	}
	r := math.Round(f*100) / 100
	return &r
}
