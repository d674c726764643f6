package answer

import (
	"strings"
	"time"

	"github.com/reportbot/reportbot/corpus"
	"github.com/reportbot/reportbot/lexicon"
)

// A meeting asks in turns: 泰安工业投资增速是多少? then 和济南比呢?, 这几年走势?,
// 去年呢?, 济南呢?. Such a follow-up names no indicator; FollowUp completes
// it from the question before, as a question of its own that any front end
// can show ("按「泰安和济南工业投资增速对比」回答") and the engine answers like
// any other. A message that names an indicator is a new question.

// FollowUp reads text as a follow-up of prev (the last question that got
// an answer) and returns the whole
// question it asks, or text and false when it is not a follow-up (it names
// an indicator, or nothing that could change the previous question).
func (e *Engine) FollowUp(prev, text string) (string, bool) {
	at := time.Now()
	if e.Now != nil {
		at = e.Now()
	}
	return followUp(e.Gazetteer, prev, text, at)
}

func followUp(g *corpus.Gazetteer, prev, text string, at time.Time) (string, bool) {
	if strings.TrimSpace(prev) == "" || strings.TrimSpace(text) == "" {
		return text, false
	}
	// A follow-up is recognised by what is left of it (below), not by
	// the question parser, which takes any leftover words for an
	// indicator.
	if ParseQuestion(prev, g, at).Indicator == "" {
		return text, false
	}
	norm := normalizeQuestion(text)
	cur := readMulti(norm, g)
	before := readMulti(prev, g)
	prevNorm := normalizeQuestion(prev)

	// What the follow-up says besides its places, periods and fillers
	// must be a comparison or a trend, or nothing: 你好 is no follow-up.
	rest := norm
	for i := len(cur.places) - 1; i >= 0; i-- {
		p := cur.places[i]
		rest = rest[:p.start] + " " + rest[p.end:]
	}
	periods := questionPeriods(rest, at)
	for i := len(periods) - 1; i >= 0; i-- {
		rest = rest[:periods[i].Start] + " " + rest[periods[i].End:]
	}
	trend, compare := false, false
	for _, w := range lexicon.TrendWords {
		if strings.Contains(rest, w.Text) {
			trend = true
			rest = strings.ReplaceAll(rest, w.Text, " ")
		}
	}
	for _, w := range lexicon.FollowUpCompare {
		if strings.Contains(rest, w.Text) {
			compare = true
			rest = strings.ReplaceAll(rest, w.Text, " ")
		}
	}
	for _, w := range lexicon.FollowUpJoiners {
		rest = strings.ReplaceAll(rest, w.Text, " ")
	}
	for _, w := range lexicon.FollowUpFillers {
		rest = strings.ReplaceAll(rest, w.Text, " ")
	}
	if strings.Trim(rest, " ?!.,。,!?、") != "" {
		return text, false
	}

	prevTrend := before.mode == ModeTrend
	core := before.core // the previous question without its places
	// A comparison or a trend asks for figures, not "how much".
	listCore := core
	for _, w := range []string{"是多少", "多少", "是几", "?"} {
		listCore = strings.TrimSuffix(listCore, w)
	}
	placeTexts := func(ps []placeAsked) []string {
		out := make([]string, len(ps))
		for i, p := range ps {
			out[i] = p.text
		}
		return out
	}
	switch {
	case len(cur.places) > 0 && compare:
		// 和济南比呢: the places before, and the new ones.
		list := placeTexts(before.places)
		for _, p := range cur.places {
			if !containsPlace(before.places, p.name) {
				list = append(list, p.text)
			}
		}
		if len(list) < 2 {
			return text, false
		}
		return periodText(periods, norm) + strings.Join(list, "和") + listCore + "对比", true
	case len(cur.places) > 0:
		// 济南呢: the same question of another place.
		q := strings.Join(placeTexts(cur.places), "和") + core
		if prevTrend {
			q += "走势"
		} else if len(cur.places) == 1 {
			q = periodText(periods, norm) + q
		}
		return q, true
	case trend:
		// 这几年走势: the previous question over time, of its one place.
		if len(before.places) > 1 {
			return text, false
		}
		return strings.Join(placeTexts(before.places), "") + withoutPeriods(listCore, at) + "走势", true
	case len(periods) > 0:
		// 去年呢: the previous question of another period.
		if prevTrend {
			return text, false
		}
		withoutPrev := withoutPeriods(prevNorm, at)
		for _, w := range lexicon.CompareWords {
			withoutPrev = strings.ReplaceAll(withoutPrev, w.Text, "")
		}
		suffix := ""
		if before.mode == ModeCompare {
			suffix = "对比"
		}
		return periodText(periods, norm) + withoutPrev + suffix, true
	}
	return text, false
}

// questionPeriods finds the periods a question names (not those it
// compares against).
func questionPeriods(s string, at time.Time) []corpus.PeriodMention {
	var out []corpus.PeriodMention
	for _, pm := range corpus.FindPeriods(s) {
		if !pm.Comparator {
			out = append(out, pm)
		}
	}
	return out
}

// periodText is the text of the periods found in s, as written.
func periodText(ps []corpus.PeriodMention, s string) string {
	var b strings.Builder
	for _, p := range ps {
		if p.Start >= 0 && p.End <= len(s) && p.Start < p.End {
			b.WriteString(s[p.Start:p.End])
		}
	}
	return b.String()
}

// withoutPeriods removes the periods a question names.
func withoutPeriods(s string, at time.Time) string {
	ps := questionPeriods(s, at)
	for i := len(ps) - 1; i >= 0; i-- {
		s = s[:ps[i].Start] + s[ps[i].End:]
	}
	return s
}
