package answer

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/reportbot/reportbot/corpus"
	"github.com/reportbot/reportbot/index"
)

// Searcher is the part of the index the engine needs; tests may fake it.
type Searcher interface {
	Search(q index.Query) ([]index.Hit, error)
}

// paragraphsReader is what the engine uses, when the index has it, to read
// the sentences before its candidates in their paragraphs.
type paragraphsReader interface {
	Paragraphs(refs []index.ParaRef) (map[index.ParaRef][]corpus.Sentence, error)
}

// Engine answers questions from an index.
type Engine struct {
	Index     Searcher
	Gazetteer *corpus.Gazetteer
	// Now resolves 今年 and 去年 in questions; nil means time.Now.
	Now func() time.Time
	// Candidates is how many sentences are retrieved per question.
	Candidates int
	// Weights score candidate figures; nil means DefaultWeights.
	Weights *Weights

	provMu    sync.Mutex
	provCache map[string][]string
}

// New returns an engine over ix with the default gazetteer.
func New(ix Searcher) *Engine {
	return &Engine{Index: ix, Gazetteer: corpus.DefaultGazetteer(), Candidates: 120}
}

// Result is the answer to one question.
type Result struct {
	Question   string   `json:"question"`
	Understood Question `json:"understood"`
	// Answers are confident answers, best first; empty when there is none.
	Answers []Answer `json:"answers"`
	// Related are the closest sentences, for a reader to judge, when the
	// engine is not confident (and as context otherwise).
	Related []Related `json:"related"`
	// Note explains an empty answer: no report of the region, no figure
	// of the indicator.
	Note string `json:"note,omitempty"`
	// RegionNote says, for a question that names no region, which region
	// the answers are about, or asks which one is meant (regionnote.go).
	RegionNote string `json:"region_note,omitempty"`
	// Why shows how the answer was reached, when asked for (Options.Explain).
	Why *Explanation `json:"why,omitempty"`
	// Mode is ModeSingle, ModeCompare or ModeTrend (Respond); empty from
	// Ask, which answers single questions only.
	Mode string `json:"mode,omitempty"`
	// Rows are the regions of a comparison or the periods of a trend, in
	// order, each with its answer or a note saying why it has none.
	Rows []Row `json:"rows,omitempty"`
}

// Options tune the answer to one question.
type Options struct {
	// N is the most answers given; 0 means 3.
	N int
	// Explain fills Result.Why with the score terms of the top candidates.
	Explain bool
}

// Answer is one figure that answers a question, with its evidence.
type Answer struct {
	Value      string  `json:"value"`
	Number     float64 `json:"number"`
	Unit       string  `json:"unit"`
	Kind       string  `json:"kind"`
	Metric     string  `json:"metric"`
	Region     string  `json:"region"`
	Period     string  `json:"period"`
	Qualifier  string  `json:"qualifier,omitempty"`
	Modality   string  `json:"modality,omitempty"`
	Scope      string  `json:"scope,omitempty"`
	Comparator string  `json:"comparator,omitempty"`
	Sentence   string  `json:"sentence"`
	SourceText string  `json:"source_text"`
	Figure     string  `json:"figure_text"`
	File       string  `json:"file"`
	Title      string  `json:"title"`
	Date       string  `json:"date"`
	Source     string  `json:"source"`
	Paragraph  int     `json:"paragraph"`
	SentenceNo int     `json:"sentence_no"`
	Score      float64 `json:"score"`
}

// Related is a sentence close to a question.
type Related struct {
	Sentence   string `json:"sentence"`
	SourceText string `json:"source_text"`
	File       string `json:"file"`
	Title      string `json:"title"`
	Date       string `json:"date"`
	Source     string `json:"source"`
	Region     string `json:"region"`
	Paragraph  int    `json:"paragraph"`
	SentenceNo int    `json:"sentence_no"`
	// Score is the search's score; absent when it gave none (NaN), never
	// a made-up 0.
	Score *float64 `json:"score,omitempty"`
}

// Ask answers one question with at most n answers (n ≤ 0 means 3).
func (e *Engine) Ask(question string, n int) (Result, error) {
	return e.AskWith(question, Options{N: n})
}

// askWith answers one question; AskWith adds the region note.
func (e *Engine) askWith(question string, opt Options) (Result, error) {
	n := opt.N
	if n <= 0 {
		n = 3
	}
	now := time.Now
	if e.Now != nil {
		now = e.Now
	}
	q := ParseQuestion(question, e.Gazetteer, now())
	q.explain = opt.Explain
	if strings.TrimSpace(q.search) == "" && q.Indicator == "" {
		return Result{Question: question, Understood: q, Answers: []Answer{}, Related: []Related{},
			Note: "问题里没有指标:请写明要查的指标,例如“泰安工业投资增速”"}, nil
	}
	res, err := e.answer(question, q, n)
	if err != nil || len(res.Answers) > 0 {
		return res, err
	}
	// A place name may be part of an indicator's name (贡嘎培优企业 are
	// enterprises of a programme, not of 贡嘎县): read the question again
	// without a region, and accept only metrics that contain the name.
	if alt, ok := q.asName(); ok {
		res2, err := e.answer(question, alt, n)
		if err != nil {
			return res, err
		}
		if len(res2.Answers) > 0 {
			if res2.Why != nil {
				res2.Why.Reading = "place name read as part of the indicator (" + alt.nameHint + ")"
			}
			return res2, nil
		}
	}
	return res, nil
}

func (e *Engine) weights() *Weights {
	if e.Weights != nil {
		return e.Weights
	}
	return &DefaultWeights
}

// answer runs one reading of a question.
func (e *Engine) answer(question string, q Question, n int) (Result, error) {
	res := Result{Question: question, Understood: q, Answers: []Answer{}, Related: []Related{}}

	limit := e.Candidates
	if limit <= 0 {
		limit = 120
	}
	sq := index.Query{Text: searchText(q), Terms: searchTerms(q), Limit: limit}
	switch {
	case q.Place != "":
		// A county's figures are in its own reports, its city's and its
		// province's.
		sq.Regions = []string{q.Region, q.Place}
		if q.regionProvince != "" {
			sq.Regions = append(sq.Regions, q.regionProvince)
		}
	case q.Region != "":
		sq.Regions = []string{q.Region}
		if q.regionProvince != "" {
			// The province's reports state its prefectures' figures too;
			// ranking keeps only those that name the prefecture.
			sq.Regions = append(sq.Regions, q.regionProvince)
		}
	case q.Province != "":
		sq.Regions = e.provinceRegions(q.Province)
	}
	hits, err := e.Index.Search(sq)
	if err != nil {
		return res, fmt.Errorf("search: %w", err)
	}
	if len(sq.Regions) > 0 && len(hits) == 0 {
		res.Note = fmt.Sprintf("没有关于%s的报告", q.Region+q.Province)
	}

	w := e.weights()
	cands := rankFigures(w, q, hits, e.earlierText())
	if q.Period.Year != 0 && len(hits) >= limit && (len(cands) == 0 || cands[0].score < w.Confident) {
		// The candidates were cut at the limit and none answers: with
		// years of reports of one region stating the same indicator,
		// the asked year's sentence may be below the cut. Search again
		// among the sentences with a figure of that year only, and rank
		// both together.
		yq := sq
		yq.Years = []int{q.Period.Year}
		more, err := e.Index.Search(yq)
		if err != nil {
			return res, fmt.Errorf("search: %w", err)
		}
		if merged := mergeHits(hits, more); len(merged) > len(hits) {
			hits = merged
			cands = rankFigures(w, q, hits, e.earlierText())
		}
	}
	for _, c := range cands {
		if len(res.Answers) >= n {
			break
		}
		if c.score < w.Confident {
			break
		}
		// Further answers are the same indicator in other sentences,
		// periods or reports, or figures scored nearly as high: never a
		// weaker guess at another indicator.
		if len(res.Answers) > 0 && canonical(c.fig.Metric) != canonical(res.Answers[0].Metric) && c.score < cands[0].score-w.RunnerUpGap {
			continue
		}
		if dup(res.Answers, c) {
			continue
		}
		res.Answers = append(res.Answers, c.answer())
	}
	// With nothing for the asked period, the figures of other periods are
	// what the reader should see as related.
	related := cands
	if len(cands) == 0 && !q.Period.IsZero() {
		loose := q
		loose.Period = corpus.Period{}
		related = rankFigures(w, loose, hits, nil)
	}
	outcome := OutcomeAnswered
	switch {
	case len(res.Answers) > 0:
	case res.Note != "":
		outcome = OutcomeNoReports
	case len(cands) == 0 && len(related) > 0 && related[0].score >= w.Confident:
		outcome = OutcomeOtherPeriods
		res.Note = fmt.Sprintf("报告里没有%s的这项数字,下面是其他时期的", q.Period.Text)
	case len(cands) == 0:
		outcome = OutcomeNoFigure
		res.Note = "没有找到足够确定的数字"
	default:
		outcome = OutcomeBelowConfidence
		res.Note = "没有找到足够确定的数字"
	}
	if q.explain {
		res.Why = explain(w, q, len(hits), cands, related, outcome)
	}

	// Related sentences: the best hits that are not already answers.
	seen := map[string]bool{}
	for _, a := range res.Answers {
		seen[fmt.Sprintf("%s#%d", a.File, a.SentenceNo)] = true
	}
	for _, h := range relatedHits(hits, related) {
		if len(res.Related) >= 3 {
			break
		}
		id := fmt.Sprintf("%s#%d", h.File.Path, h.Sentence.Index)
		if seen[id] {
			continue
		}
		seen[id] = true
		res.Related = append(res.Related, Related{
			Sentence: h.Sentence.Norm, SourceText: h.Sentence.Text,
			File: h.File.Path, Title: h.File.Title, Date: h.File.Date, Source: h.File.Source,
			Region: h.File.Region.Name, Paragraph: h.Sentence.Para, SentenceNo: h.Sentence.Index,
			Score: searchScore(h.Score),
		})
	}
	return res, nil
}

// maxParagraphReads bounds the paragraphs read for one question.
const maxParagraphReads = 24

// paragraphs reads, for earlierText, the paragraphs of the hits it is
// asked about, all at once.
type paragraphs struct {
	ix    paragraphsReader
	sents map[index.ParaRef][]corpus.Sentence
}

func (p *paragraphs) fetch(hs []index.Hit) {
	var refs []index.ParaRef
	seen := map[index.ParaRef]bool{}
	for _, h := range hs {
		ref := index.ParaRef{Path: h.File.Path, Para: h.Sentence.Para}
		if !seen[ref] && h.Sentence.Index > 1 && len(refs) < maxParagraphReads {
			seen[ref] = true
			refs = append(refs, ref)
		}
	}
	if len(refs) == 0 {
		return
	}
	// On failure the figures are judged on their own sentence.
	p.sents, _ = p.ix.Paragraphs(refs)
}

func (p *paragraphs) text(h index.Hit) string {
	var b strings.Builder
	for _, s := range p.sents[index.ParaRef{Path: h.File.Path, Para: h.Sentence.Para}] {
		if s.Index >= h.Sentence.Index {
			break
		}
		b.WriteString(s.Norm)
	}
	return canonical(b.String())
}

// earlierText returns the engine's reader of earlier sentences, or nil
// when its index cannot read paragraphs.
func (e *Engine) earlierText() earlierText {
	pr, ok := e.Index.(paragraphsReader)
	if !ok {
		return nil
	}
	return &paragraphs{ix: pr}
}

// provinceRegions lists the regions a question about a province may be
// answered from: the province itself (a municipality such as 北京市 is its
// own region) and its prefectures.
func (e *Engine) provinceRegions(province string) []string {
	e.provMu.Lock()
	defer e.provMu.Unlock()
	if names, ok := e.provCache[province]; ok {
		return names
	}
	names := []string{province}
	var code string
	for _, p := range e.Gazetteer.Lookup(province) {
		if p.Level == corpus.LevelProvince {
			code = p.Code
		}
	}
	if code != "" {
		for _, p := range e.Gazetteer.Places() {
			if p.Level == corpus.LevelPrefecture && p.ProvinceCode == code {
				names = append(names, p.Name)
			}
		}
	}
	if e.provCache == nil {
		e.provCache = map[string][]string{}
	}
	e.provCache[province] = names
	return names
}

func dup(as []Answer, c candidate) bool {
	for _, a := range as {
		if a.File == c.hit.File.Path && a.SentenceNo == c.hit.Sentence.Index && a.Value == c.fig.Value && a.Unit == c.fig.Unit {
			return true
		}
	}
	return false
}

// searchText is what retrieval matches: the indicator as asked, its long
// forms, and the place when it is a county (its figures sit in sentences
// that name it).
func searchText(q Question) string {
	parts := []string{q.search}
	parts = append(parts, expansions(q.Indicator)...)
	if q.placeShort != "" {
		parts = append(parts, q.placeShort)
	}
	return strings.Join(parts, " ")
}

func searchTerms(q Question) []string {
	if q.Indicator == "" {
		return nil
	}
	return []string{q.Indicator}
}

// mergeHits appends to hits those of more that it does not hold.
func mergeHits(hits, more []index.Hit) []index.Hit {
	seen := make(map[string]bool, len(hits))
	for _, h := range hits {
		seen[h.ID] = true
	}
	out := hits
	for _, h := range more {
		if !seen[h.ID] {
			seen[h.ID] = true
			out = append(out, h)
		}
	}
	return out
}

// relatedHits orders hits for the related list: first the sentences of
// the best figures, then the search's own order.
func relatedHits(hits []index.Hit, cands []candidate) []index.Hit {
	var out []index.Hit
	for _, c := range cands {
		out = append(out, c.hit)
	}
	rest := append([]index.Hit(nil), hits...)
	sort.SliceStable(rest, func(i, j int) bool { return rest[i].Score > rest[j].Score })
	return append(out, rest...)
}

// round2 rounds a score for display. A search score can be NaN (bleve's
// scoring of a query whose terms are all absent); JSON has no NaN, so it
// shows as 0.
func round2(f float64) float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return math.Round(f*100) / 100
}
