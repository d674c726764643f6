package answer

import (
	"fmt"
	"sort"
	"strings"

	"github.com/reportbot/reportbot/corpus"
	"github.com/reportbot/reportbot/lexicon"
)

// Comparisons and trends are answered by the single-figure engine, asked
// once per row: a comparison asks each region the same question (泰安和济南
// 工业投资增速 → 泰安工业投资增速, 济南工业投资增速), a trend asks its region
// the question without a period and keeps one figure per period. Every
// row is an ordinary answer with its own sentence and source, so the
// rules that keep single answers right keep rows right.

// Modes of a Result.
const (
	ModeSingle  = "single"
	ModeCompare = "compare"
	ModeTrend   = "trend"
)

// Row is one region of a comparison or one period of a trend.
type Row struct {
	// Label is what the row stands for: the region (泰安) or the period
	// (2023年1-5月).
	Label  string  `json:"label"`
	Answer *Answer `json:"answer,omitempty"`
	// Others are further figures of the row: for a region, its next
	// answers; for a period, the same figure stated by other reports (a
	// conflict among them is also in Note). They are what 更多结果 shows.
	Others []Answer `json:"others,omitempty"`
	// Series is, in a trend, the length of the row's period (全年, 上半年,
	// 一季度, 1-5月): figures of different lengths are not one series, so
	// rows are grouped by it.
	Series string `json:"series,omitempty"`
	// Note says why a row has no answer, or what to know about it (two
	// reports state different numbers for the period).
	Note string `json:"note,omitempty"`
}

// placeAsked is a place named in a comparison, as written.
type placeAsked struct {
	text, name string
	place      corpus.Place
	start, end int
}

// multiQuestion is a question read as a comparison or a trend.
type multiQuestion struct {
	mode   string
	places []placeAsked
	// core is the question without its places and without the words
	// that make it a comparison or a trend: what each row asks.
	core string
	// tier is set for a ranking (贵州各市州GDP增速): the places of that
	// tier under the one place named are compared; lowest puts the lowest
	// value first.
	tier   string
	lowest bool
}

// readMulti tells comparisons and trends from single questions.
func readMulti(question string, g *corpus.Gazetteer) multiQuestion {
	norm := normalizeQuestion(question)
	mq := multiQuestion{mode: ModeSingle}
	if g != nil {
		provinceCode := ""
		for _, m := range g.Find(norm) {
			p, ok := pickPlace(g, m.Candidates, "")
			if !ok {
				continue
			}
			// 山东泰安: a province before a place in it names one place.
			if provinceCode != "" && p.ProvinceCode == provinceCode && len(mq.places) > 0 && p.Level != corpus.LevelProvince {
				last := &mq.places[len(mq.places)-1]
				if last.end == m.Start {
					last.text, last.name, last.end = last.text+m.Text, p.Name, m.End
					continue
				}
			}
			if p.Level == corpus.LevelProvince {
				provinceCode = p.Code
			}
			if containsPlace(mq.places, p.Name) {
				continue
			}
			mq.places = append(mq.places, placeAsked{text: m.Text, name: p.Name, place: p, start: m.Start, end: m.End})
		}
	}
	core := norm
	listed := len(mq.places) >= 2 && listsPlaces(norm, mq.places)
	if listed {
		// The list and its joining words: 遵义和黔西南、安顺.
		core = norm[:mq.places[0].start] + " " + norm[mq.places[len(mq.places)-1].end:]
	} else {
		for i := len(mq.places) - 1; i >= 0; i-- {
			p := mq.places[i]
			core = core[:p.start] + " " + core[p.end:]
		}
	}
	trend := false
	for _, w := range lexicon.TrendWords {
		if strings.Contains(core, w.Text) {
			trend = true
			core = strings.ReplaceAll(core, w.Text, " ")
		}
	}
	compareWord := false
	for _, w := range lexicon.CompareWords {
		if strings.Contains(core, w.Text) {
			compareWord = true
			core = strings.ReplaceAll(core, w.Text, " ")
		}
	}
	// 太原GDP增速与银川相比: places apart, asked to compare. The joiner
	// left beside a place's gap goes with it.
	apart := !listed && len(mq.places) >= 2 && compareWord && !trend
	if apart {
		fields := strings.Fields(core)
		for i, f := range fields {
			for _, j := range lexicon.FollowUpJoiners {
				f = strings.TrimSuffix(strings.TrimPrefix(f, j.Text), j.Text)
			}
			fields[i] = f
		}
		core = strings.Join(fields, " ")
	}
	if len(mq.places) == 1 && !trend {
		for _, w := range lexicon.RankingWords {
			if strings.Contains(core, w.Text) && above(mq.places[0].place, w.Tier) {
				mq.tier = w.Tier
				core = strings.ReplaceAll(core, w.Text, " ")
				break
			}
		}
		if mq.tier != "" {
			for _, o := range lexicon.RankingOrders {
				if strings.Contains(core, o.Text) {
					mq.lowest = o.Lowest
					core = strings.ReplaceAll(core, o.Text, " ")
					break
				}
			}
		}
	}
	mq.core = strings.Join(strings.Fields(core), "")
	switch {
	case mq.tier != "", apart:
		mq.mode = ModeCompare
	case trend && len(mq.places) <= 1:
		mq.mode = ModeTrend
	case listed:
		mq.mode = ModeCompare
	}
	return mq
}

// above tells whether a place has places of tier under it: a province
// has prefectures and counties, a prefecture counties.
func above(p corpus.Place, tier string) bool {
	switch tier {
	case lexicon.TierPrefecture:
		return p.Level == corpus.LevelProvince && !corpus.IsMunicipality(p)
	case lexicon.TierCounty:
		return p.Level == corpus.LevelProvince || p.Level == corpus.LevelPrefecture
	}
	return false
}

func containsPlace(ps []placeAsked, name string) bool {
	for _, p := range ps {
		if p.name == name {
			return true
		}
	}
	return false
}

// listsPlaces reports places named as a list (泰安和济南, 遵义、安顺):
// only a joining word stands between them. 泰安比济南高 compares two places
// in one figure and is no list.
func listsPlaces(norm string, ps []placeAsked) bool {
	for i := 1; i < len(ps); i++ {
		gap := strings.TrimSpace(norm[ps[i-1].end:ps[i].start])
		switch gap {
		case "和", "与", "、", "及", ",", "同", "跟", "对比", "比较":
		default:
			return false
		}
	}
	return true
}

// Respond answers a question of any mode: a single figure, a comparison
// of regions or a trend of one region.
func (e *Engine) Respond(question string, opt Options) (Result, error) {
	mq := readMulti(question, e.Gazetteer)
	switch {
	case mq.tier != "":
		return e.ranking(question, mq, opt)
	case mq.mode == ModeCompare:
		return e.compare(question, mq, opt)
	case mq.mode == ModeTrend:
		return e.trend(question, mq, opt)
	}
	res, err := e.AskWith(question, opt)
	res.Mode = ModeSingle
	return res, err
}

// compare asks each region the same question. Without an asked period the
// rows take the latest period that all regions state, and say so when
// there is none.
func (e *Engine) compare(question string, mq multiQuestion, opt Options) (Result, error) {
	res := Result{Question: question, Mode: ModeCompare, Answers: []Answer{}, Related: []Related{}}
	type regionAnswers struct {
		place placeAsked
		res   Result
	}
	var all []regionAnswers
	for _, p := range mq.places {
		r, err := e.AskWith(p.text+mq.core, Options{N: 10, Explain: opt.Explain})
		if err != nil {
			return res, err
		}
		all = append(all, regionAnswers{p, r})
	}
	if len(all) > 0 {
		res.Understood = all[0].res.Understood
	}
	asked := !res.Understood.Period.IsZero()
	common := ""
	if !asked {
		common = latestCommonPeriod(func(yield func([]Answer) bool) {
			for _, ra := range all {
				if !yield(ra.res.Answers) {
					return
				}
			}
		})
	}
	var periods []string
	for _, ra := range all {
		row := Row{Label: ra.place.text}
		var pick *Answer
		for i := range ra.res.Answers {
			a := ra.res.Answers[i]
			if common == "" || a.Period == common {
				pick = &a
				break
			}
		}
		switch {
		case pick != nil:
			row.Answer = pick
			for _, a := range ra.res.Answers {
				if len(row.Others) == maxRowOthers {
					break
				}
				if a.File != pick.File || a.SentenceNo != pick.SentenceNo || a.Figure != pick.Figure {
					row.Others = append(row.Others, a)
				}
			}
			res.Answers = append(res.Answers, *pick)
			periods = append(periods, pick.Period)
		case ra.res.Note != "":
			row.Note = ra.res.Note
		default:
			row.Note = "没有找到这项数字"
		}
		res.Rows = append(res.Rows, row)
	}
	switch {
	case len(res.Answers) == 0:
		res.Note = "没有找到可比的数字"
	case !asked && common == "" && !allSame(periods):
		res.Note = "各地区报告的时期不同,请注意时期一栏"
	case !asked && common != "":
		res.Note = "按各地区都有的最新时期(" + common + ")比较"
	}
	return res, nil
}

// trend asks its region the question without a period and keeps one row
// per period, in time order. Two reports that state different numbers
// for one period both stay, with a note: a conflict is shown, not hidden.
func (e *Engine) trend(question string, mq multiQuestion, opt Options) (Result, error) {
	res := Result{Question: question, Mode: ModeTrend, Answers: []Answer{}, Related: []Related{}}
	place := ""
	if len(mq.places) > 0 {
		place = mq.places[0].text
	}
	r, err := e.AskWith(place+mq.core, Options{N: maxTrendPoints, Explain: opt.Explain})
	if err != nil {
		return res, err
	}
	res.Understood, res.Related, res.Why = r.Understood, r.Related, r.Why
	if len(r.Answers) == 0 {
		res.Note = r.Note
		return res, nil
	}
	// The indicator of the best answer makes the series; a narrower or
	// other indicator among the further answers is not a point of it.
	metric := canonical(r.Answers[0].Metric)
	kind := r.Answers[0].Kind
	byPeriod := map[string][]Answer{}
	var order []string
	for _, a := range r.Answers {
		if canonical(a.Metric) != metric || a.Kind != kind || a.Period == "" {
			continue
		}
		if _, ok := byPeriod[a.Period]; !ok {
			order = append(order, a.Period)
		}
		byPeriod[a.Period] = append(byPeriod[a.Period], a)
	}
	sort.SliceStable(order, func(i, j int) bool {
		return periodBefore(byPeriod[order[i]][0], byPeriod[order[j]][0])
	})
	for _, p := range order {
		as := byPeriod[p]
		first := as[0]
		row := Row{Label: p, Answer: &first}
		if len(as) > 1 {
			row.Others = as[1:min(len(as), 1+maxRowOthers)]
		}
		res.Answers = append(res.Answers, first)
		var others []string
		for _, o := range as[1:] {
			if o.Value != first.Value || o.Unit != first.Unit {
				others = append(others, fmt.Sprintf("%s%s(%s)", o.Value, o.Unit, SourceLine(o.Title, o.Date, o.Source, o.File, o.Paragraph)))
				res.Answers = append(res.Answers, o)
			}
		}
		if len(others) > 0 {
			row.Note = "另有报告记为 " + strings.Join(others, "; ")
		}
		res.Rows = append(res.Rows, row)
	}
	groupBySeries(res.Rows)
	var notes []string
	if groups := seriesCounts(res.Rows); len(groups) > 1 {
		notes = append(notes, "不同口径的数字不是一个序列,已分组:"+strings.Join(groups, "、"))
	}
	if mixedLengths(res.Rows, "年初累计") {
		notes = append(notes, "累计数字截至的月份不同,请看时期一栏")
	}
	res.Note = strings.Join(notes, ";")
	return res, nil
}

// seriesOf names the series a period's figure belongs to: 全年; 年初累计
// (一季度, 1-5月, 上半年, 前三季度: from January to a month); 当月 (one
// month); 单季 (二季度). Figures of different series are not one line.
func seriesOf(p corpus.Period) string {
	start, end := p.StartMonth, p.EndMonth
	switch {
	case start == 0 && end == 0, start == 1 && end == 12:
		return "全年"
	case start == 1:
		return "年初累计"
	case start == end:
		return "当月"
	case end-start == 2 && start%3 == 1:
		return "单季"
	}
	return fmt.Sprintf("%d-%d月", start, end)
}

// groupBySeries sets each row's series and orders the rows by series, the
// series with most points first, each in time order (the rows come in
// time order, and the sort is stable).
func groupBySeries(rows []Row) {
	count := map[string]int{}
	first := map[string]int{}
	for i := range rows {
		if rows[i].Answer == nil {
			continue
		}
		rows[i].Series = seriesOf(parseAnswerPeriod(*rows[i].Answer))
		if count[rows[i].Series] == 0 {
			first[rows[i].Series] = i
		}
		count[rows[i].Series]++
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i].Series, rows[j].Series
		if a == b {
			return false
		}
		if count[a] != count[b] {
			return count[a] > count[b]
		}
		return first[a] < first[b]
	})
}

// mixedLengths tells whether the rows of a series end in different
// months (一季度 and 上半年 among 年初累计).
func mixedLengths(rows []Row, series string) bool {
	end := -1
	for _, r := range rows {
		if r.Series != series {
			continue
		}
		p := parseAnswerPeriod(*r.Answer)
		if end >= 0 && p.EndMonth != end {
			return true
		}
		end = p.EndMonth
	}
	return false
}

// seriesCounts lists a trend's series in row order with their sizes:
// 一季度3个.
func seriesCounts(rows []Row) []string {
	var names []string
	count := map[string]int{}
	for _, r := range rows {
		if r.Series == "" {
			continue
		}
		if count[r.Series] == 0 {
			names = append(names, r.Series)
		}
		count[r.Series]++
	}
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = fmt.Sprintf("%s%d个", n, count[n])
	}
	return out
}

// TimePosition places an answer's period on a time axis: its year plus
// the fraction of the year at the middle of the period's last month
// (2023年上半年 is 2023.46, 2023年 is 2023.96), so that every point lies
// inside its own year; 0 when the period has no year.
func (a Answer) TimePosition() float64 {
	p := parseAnswerPeriod(a)
	if p.Year == 0 {
		return 0
	}
	end := p.EndMonth
	if end == 0 {
		end = 12
	}
	return float64(p.Year) + (float64(end)-0.5)/12
}

// maxRowOthers bounds the further figures kept with a row.
const maxRowOthers = 5

// maxTrendPoints bounds the figures a trend collects.
const maxTrendPoints = 40

// periodBefore orders answers in time: by year, then by the months the
// period ends and starts at; a period without a year last.
func periodBefore(a, b Answer) bool {
	pa, pb := parseAnswerPeriod(a), parseAnswerPeriod(b)
	switch {
	case pa.Year == 0 && pb.Year != 0:
		return false
	case pb.Year == 0 && pa.Year != 0:
		return true
	case pa.Year != pb.Year:
		return pa.Year < pb.Year
	case pa.EndMonth != pb.EndMonth:
		return pa.EndMonth < pb.EndMonth
	}
	return pa.StartMonth < pb.StartMonth
}

func parseAnswerPeriod(a Answer) corpus.Period {
	if p, ok := corpus.ParsePeriod(a.Period); ok {
		return p
	}
	for _, pm := range corpus.FindPeriods(a.Period) {
		return pm.Period
	}
	return corpus.Period{}
}

// latestCommonPeriod returns the latest period that every list of answers
// holds, or "".
func latestCommonPeriod(lists func(yield func([]Answer) bool)) string {
	count := map[string]int{}
	first := map[string]Answer{}
	n := 0
	lists(func(as []Answer) bool {
		n++
		seen := map[string]bool{}
		for _, a := range as {
			if a.Period != "" && !seen[a.Period] {
				seen[a.Period] = true
				count[a.Period]++
				first[a.Period] = a
			}
		}
		return true
	})
	best := ""
	for p, c := range count {
		if c != n {
			continue
		}
		if best == "" || periodBefore(first[best], first[p]) {
			best = p
		}
	}
	return best
}

func allSame(ss []string) bool {
	for _, s := range ss {
		if s != ss[0] {
			return false
		}
	}
	return true
}
