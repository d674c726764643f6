package corpus

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/reportbot/reportbot/corpus/figures"
	"github.com/reportbot/reportbot/corpus/text"
)

// Options control how a report is analysed.
type Options struct {
	// Gazetteer resolves places; nil means DefaultGazetteer().
	Gazetteer *Gazetteer
	// Sidecar overrides what the file says about itself.
	Sidecar Sidecar
}

// ReadDocument reads, cleans and analyses the report at path, including a
// sidecar .meta file beside it.
func ReadDocument(path string) (*Document, error) {
	raw, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	side, err := ReadSidecar(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return Process(raw, Options{Sidecar: side}), nil
}

// Process turns a decoded file into a Document: cleaning, metadata,
// region, paragraphs, sentences and figures.
func Process(raw *RawFile, opts Options) *Document {
	g := opts.Gazetteer
	if g == nil {
		g = DefaultGazetteer()
	}
	doc := &Document{
		Path:     raw.Path,
		Format:   raw.Format,
		Encoding: raw.Encoding,
		Hash:     raw.Hash,
		Size:     raw.Size,
		Text:     raw.Text,
		Warnings: append([]string(nil), raw.Warnings...),
	}

	lines := text.SplitLines(raw.Text)
	type kept struct {
		n    text.NormText
		kind text.LineKind
	}
	var body []kept
	var lineDate, lineSource string
	var titleCandidate = -1 // index in body of a line that may be the title
	hidden := 0
	tail := false
	for _, l := range lines {
		n := text.NormalizeSpan(raw.Text[l.Start:l.End], l.Start)
		kind := text.ClassifyLine(n.Text)
		if tail && kind == text.LineBody && !text.IsLongProse(n.Text) {
			kind = text.LineBoilerplate
		}
		switch kind {
		case text.LineTail:
			tail = true
			continue
		case text.LineHidden:
			hidden += max(text.HiddenChars(n.Text), 1)
			continue
		case text.LineMeta:
			d, s := metaFromLine(n.Text)
			if lineDate == "" {
				lineDate = d
			}
			if lineSource == "" {
				lineSource = s
			}
			// A line just before the first metadata line is the title.
			if titleCandidate < 0 && len(body) > 0 && len(body) <= 3 {
				titleCandidate = len(body) - 1
			}
			continue
		case text.LineBlank, text.LineBoilerplate:
			continue
		}
		body = append(body, kept{n: n, kind: kind})
	}
	if hidden > 0 {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("the file hides part of the report (about %d characters marked as hidden)", hidden))
	}

	// Title: the sidecar, the page's own title, the line before the
	// metadata line, or a short first line that is not a sentence. The
	// title line is metadata, not a sentence: headlines restate body
	// figures without their indicator.
	titleLine := -1
	switch {
	case titleCandidate >= 0 && looksLikeTitle(body[titleCandidate].n.Text, 90):
		titleLine = titleCandidate
	case len(body) > 0 && looksLikeTitle(body[0].n.Text, 40):
		titleLine = 0
	case len(body) > 0 && raw.Title != "" && body[0].n.Text == NormalizeText(raw.Title):
		titleLine = 0
	}
	title := ""
	switch {
	case opts.Sidecar.Title != "":
		title = opts.Sidecar.Title
	case raw.Title != "":
		title = NormalizeText(raw.Title)
	case titleLine >= 0:
		title = body[titleLine].n.Text
	}
	doc.Title = cleanTitle(title)
	// The site's name that cleanTitle drops ("…_德阳市经济和信息化局") still
	// says where the report is from.
	titleEvidence := title
	if titleLine >= 0 {
		body = append(body[:titleLine], body[titleLine+1:]...)
	}

	// Date and source.
	switch {
	case opts.Sidecar.Date != "":
		doc.Date, doc.DateSource = opts.Sidecar.Date, "sidecar"
	case raw.Date != "":
		doc.Date, doc.DateSource = raw.Date, "page"
	case lineDate != "":
		doc.Date, doc.DateSource = lineDate, "line"
	default:
		if d := dateFromFileName(raw.Path); d != "" {
			doc.Date, doc.DateSource = d, "filename"
		} else if d := dateFromURLs(raw.Text); d != "" {
			doc.Date, doc.DateSource = d, "url"
		} else if raw.Created != "" {
			// A .docx file's creation date is often a template's: the
			// weakest evidence, used only when nothing else says.
			doc.Date, doc.DateSource = raw.Created, "file-properties"
		}
	}
	switch {
	case opts.Sidecar.Source != "":
		doc.Source = opts.Sidecar.Source
	case raw.Source != "":
		doc.Source = NormalizeText(raw.Source)
	case lineSource != "":
		doc.Source = lineSource
	}
	dateline := ""
	if len(body) > 0 {
		dateline = sourceFromDateline(body[0].n.Text)
	}
	if doc.Source == "" {
		doc.Source = dateline
	}

	// Region.
	ev := RegionEvidence{
		Sidecar:  opts.Sidecar.Region,
		FileName: filepath.Base(raw.Path),
		Title:    titleEvidence,
		Source:   strings.TrimSpace(doc.Source + " " + NormalizeText(raw.Site)),
	}
	// The place names of each paragraph are found once, for the region
	// and for the figures of its sentences.
	ev.BodyPlaces = make([][]PlaceMention, len(body))
	for i, k := range body {
		if i == 0 && dateline != "" && dateline != ev.Source {
			ev.Source = strings.TrimSpace(ev.Source + " " + dateline)
		}
		ev.Body = append(ev.Body, k.n.Text)
		ev.BodyPlaces[i] = g.Find(k.n.Text)
	}
	doc.Region = countyRegion(g, g.ResolveRegion(ev), ev)
	if doc.Region.Name == "" {
		doc.Warnings = append(doc.Warnings, "region unknown: name it in a sidecar file (region: 泰安市) or in the file name")
	}
	if doc.Date == "" {
		doc.Warnings = append(doc.Warnings, "publication date unknown: periods such as 1-5月 have no year")
	}

	// Paragraphs, sentences, figures.
	// A report with no date still dates its year-less periods (前三季度) by
	// the year it speaks of: its title's, else the latest its lead states.
	resolveDate := doc.Date
	if resolveDate == "" {
		lead := make([]string, 0, leadParagraphsForYear)
		for i := 0; i < len(body) && i < leadParagraphsForYear; i++ {
			lead = append(lead, body[i].n.Text)
		}
		resolveDate = statedYear(doc.Title, lead)
	}
	// Without a title, an archive's file name (太原_2023-07_上半年经济运行)
	// says what part of the year the report covers.
	periodTitle := doc.Title
	if periodTitle == "" {
		base := filepath.Base(raw.Path)
		periodTitle = NormalizeText(strings.TrimSuffix(base, filepath.Ext(base)))
	}
	ctx := figures.NewExtractor(doc.Region, resolveDate, g, titlePeriod(periodTitle, resolveDate))
	ctx.SetRankingTitle(doc.Title)
	sentNo := 0
	for i, k := range body {
		p := Paragraph{Index: len(doc.Paragraphs) + 1, Span: k.n.Span(0, len(k.n.Text))}
		ranges := text.SplitSentences(k.n.Text)
		if len(ranges) > 0 {
			p.Sentences = make([]Sentence, 0, len(ranges))
		}
		for _, r := range ranges {
			text := k.n.Text[r.Start:r.End]
			sp := k.n.Span(r.Start, r.End)
			sentNo++
			s := Sentence{
				Para:  p.Index,
				Index: sentNo,
				Span:  sp,
				Text:  raw.Text[sp.Start:sp.End],
				Norm:  text,
			}
			s.Figures = ctx.ExtractFound(&k.n, r.Start, r.End, ev.BodyPlaces[i])
			p.Sentences = append(p.Sentences, s)
		}
		if len(p.Sentences) > 0 {
			doc.Paragraphs = append(doc.Paragraphs, p)
		}
		ctx.EndParagraph()
	}
	return doc
}

// leadParagraphsForYear are the paragraphs searched for the year a report
// without a date speaks of.
const leadParagraphsForYear = 3

// statedYear is the year a report speaks of, as a date ("2024"), when it
// has no date: the year its title names, else the latest year its lead
// paragraphs name as a period (not a comparison: 比2019年同期).
func statedYear(title string, lead []string) string {
	best := 0
	for _, pm := range FindPeriods(title) {
		if !pm.Comparator && pm.Period.Year > best {
			best = pm.Period.Year
		}
	}
	if best == 0 {
		for _, para := range lead {
			for _, pm := range FindPeriods(para) {
				if !pm.Comparator && !pm.Date && pm.Period.Year > best {
					best = pm.Period.Year
				}
			}
		}
	}
	if best == 0 {
		return ""
	}
	return strconv.Itoa(best)
}

// countyRegion narrows a region to a county when what decided it names
// only the county: "安岳县2023年政府工作报告" is about 安岳县, whose 全县
// figures are not 资阳市's. Body mentions of counties do not narrow it: a
// city's report names its counties.
func countyRegion(g *Gazetteer, r Region, ev RegionEvidence) Region {
	var text string
	switch r.Via {
	case ViaSidecar:
		text = ev.Sidecar
	case ViaFileName:
		text = strings.TrimSuffix(ev.FileName, filepath.Ext(ev.FileName))
	case ViaTitle:
		text = ev.Title
	case ViaSource:
		text = ev.Source
	default:
		return r
	}
	var county Place
	for _, m := range g.Find(NormalizeText(text)) {
		for _, c := range m.Candidates {
			switch {
			case c.Code == r.Code:
				return r // the region itself is named
			case c.Level == LevelCounty && g.Prefecture(c).Code == r.Code && county.Code == "":
				county = c
			}
		}
	}
	if county.Code == "" {
		return r
	}
	r.Name, r.Code, r.Evidence = county.Name, county.Code, county.Name
	return r
}

// titlePeriod is the part of a year a title is about ("上半年经济运行情况",
// "1-5月工业运行"): the period of every figure that states none. A bare
// year is not used: "2024年政府工作报告" reviews 2023.
func titlePeriod(title, date string) Period {
	for _, pm := range FindPeriods(title) {
		if pm.Comparator || pm.Date || pm.Span || pm.Period.StartMonth == 0 {
			continue
		}
		if pm.Period.StartMonth == 1 && pm.Period.EndMonth == 12 {
			continue
		}
		p := pm.Period.Resolve(date)
		p.Raw = ""
		return p
	}
	return Period{}
}

// looksLikeTitle reports a short line that is not a sentence of the body.
func looksLikeTitle(s string, maxRunes int) bool {
	n := utf8.RuneCountInString(s)
	if n < 4 || n > maxRunes {
		return false
	}
	if strings.HasSuffix(s, "。") || strings.HasSuffix(s, ";") || strings.HasSuffix(s, ":") {
		return false
	}
	if maxRunes <= 40 && strings.ContainsAny(s, ",。") {
		return false
	}
	return true
}
