// Package chart draws the answer to a comparison (bars, one per region)
// or a trend (a line with points, one per period) as a PNG image for a
// phone or a projector.
//
// Design: a chart is built in two steps. FromResult decides what to show
// (labels, values, the unit on the axis, the footnote with the sources),
// which tests check as data; Render draws it with gonum.org/v1/plot. The
// Chinese labels need a font with both CJK and Latin glyphs (digits, GDP,
// %): the first of REPORTBOT_FONT and the usual locations of WenQuanYi
// Micro Hei (Debian's fonts-wqy-microhei, Apache 2.0) and Noto Sans CJK
// that can be read. The font is read from the system, not embedded, to
// keep the binary small. (Droid Sans Fallback is no choice: it has no
// Latin digits.)
package chart

import (
	"errors"
	"fmt"
	"image/color"
	"io"
	"os"
	"sort"
	"strings"
	"sync"

	"golang.org/x/image/font/opentype"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/reportbot/reportbot/answer"
)

// Kind of chart.
const (
	Bars = "bars" // a comparison of regions
	Line = "line" // a trend over periods
)

// Chart is what a chart shows.
type Chart struct {
	Kind   string
	Title  string
	Unit   string    // on the value axis
	Labels []string  // one per point: the region or the period
	Values []float64 // one per point
	// Footnote names the sources (3份报告 · 来源: …).
	Footnote string
	// Series and X are set for a trend: each point's period length (全年,
	// 一季度) and its place in time (2023.5 for 2023年上半年, 0 when its
	// year is not known). A trend of several series draws one line for
	// each on a time axis, with a legend.
	Series []string
	X      []float64
}

// seriesNames lists c's series in the order of their first point.
func (c Chart) seriesNames() []string {
	var names []string
	seen := map[string]bool{}
	for _, s := range c.Series {
		if !seen[s] {
			seen[s] = true
			names = append(names, s)
		}
	}
	return names
}

// onTimeAxis tells whether c is drawn as several lines on a time axis.
func (c Chart) onTimeAxis() bool {
	return c.Kind == Line && len(c.seriesNames()) > 1 && len(c.X) == len(c.Values)
}

// Size of the image: readable on a phone, at least 800×500 px.
const (
	Width  = 1000
	Height = 625
)

// ErrNoChart is returned by FromResult for a result with nothing to draw.
var ErrNoChart = errors.New("nothing to chart: not a comparison or trend, or fewer than two figures")

// FromResult chooses what to draw for a comparison or a trend: one point
// per row that has an answer, all of the unit of the first (a row in
// another unit cannot share the axis and is left out, and said so).
func FromResult(res answer.Result) (Chart, error) {
	c := Chart{Title: res.Question}
	switch res.Mode {
	case answer.ModeCompare:
		c.Kind = Bars
	case answer.ModeTrend:
		c.Kind = Line
	default:
		return c, ErrNoChart
	}
	files := map[string]bool{}
	left, noYear := 0, 0
	for _, r := range res.Rows {
		if r.Answer == nil {
			continue
		}
		a := r.Answer
		if c.Unit == "" && len(c.Values) == 0 {
			c.Unit = a.Unit
		}
		if a.Unit != c.Unit {
			left++
			continue
		}
		if c.Kind == Line && r.Series != "" && a.TimePosition() == 0 && len(res.Rows) > 1 && hasSeveralSeries(res.Rows) {
			// Without a year the point has no place on the time axis.
			noYear++
			continue
		}
		c.Labels = append(c.Labels, r.Label)
		c.Values = append(c.Values, a.Number)
		if c.Kind == Line {
			c.Series = append(c.Series, r.Series)
			c.X = append(c.X, a.TimePosition())
		}
		files[a.File] = true
	}
	if len(c.Values) < 2 && !(c.Kind == Bars && len(c.Values) == 1) {
		return c, ErrNoChart
	}
	var sources []string
	for f := range files {
		sources = append(sources, f)
	}
	sort.Strings(sources)
	c.Footnote = fmt.Sprintf("数据来自%d份报告", len(sources))
	switch {
	case c.Kind == Bars && len(res.Answers) > 0 && allSamePeriod(res.Answers):
		c.Footnote = res.Answers[0].Period + " · " + c.Footnote
	case c.Kind == Bars:
		// Bars of different periods are never shown as one comparison
		// without saying so: each bar names its period.
		i := 0
		for _, r := range res.Rows {
			if r.Answer == nil || r.Answer.Unit != c.Unit || i >= len(c.Labels) {
				continue
			}
			if r.Answer.Period != "" {
				c.Labels[i] += "\n" + r.Answer.Period
			}
			i++
		}
		c.Footnote = "各地区时期不同 · " + c.Footnote
	}
	if left > 0 {
		c.Footnote += fmt.Sprintf(";%d项单位不同,未画出", left)
	}
	if noYear > 0 {
		c.Footnote += fmt.Sprintf(";%d项没有年份,未画出", noYear)
	}
	return c, nil
}

// hasSeveralSeries tells whether a trend's rows are of more than one
// period length.
func hasSeveralSeries(rows []answer.Row) bool {
	first := ""
	for _, r := range rows {
		if r.Answer == nil || r.Series == "" {
			continue
		}
		if first == "" {
			first = r.Series
		} else if r.Series != first {
			return true
		}
	}
	return false
}

// fontPaths are where CJK fonts are found, in order.
var fontPaths = []string{
	"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
	"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
	"/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
	"/System/Library/Fonts/PingFang.ttc",
	`C:\Windows\Fonts\msyh.ttc`,
}

// cjkTypeface is the name the CJK font is registered under.
const cjkTypeface = "CJK"

var (
	fontOnce sync.Once
	fontErr  error
)

// Ready reports whether charts can be drawn here: nil when a CJK font
// was found, else an error saying how to install one.
func Ready() error { return loadFont() }

// loadFont registers the first CJK font found as plot's default font.
func loadFont() error {
	fontOnce.Do(func() {
		paths := fontPaths
		if p := os.Getenv("REPORTBOT_FONT"); p != "" {
			paths = append([]string{p}, paths...)
		}
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				continue
			}
			f, err := parseFont(b)
			if err != nil {
				continue // a collection the parser cannot read: try the next
			}
			font.DefaultCache.Add(font.Collection{{Font: font.Font{Typeface: cjkTypeface}, Face: f}})
			plot.DefaultFont = font.Font{Typeface: cjkTypeface}
			plotter.DefaultFont = font.Font{Typeface: cjkTypeface}
			return
		}
		fontErr = errors.New("no readable CJK font for chart labels: apt-get install fonts-wqy-microhei, or set REPORTBOT_FONT to a .ttf or .ttc file")
	})
	return fontErr
}

// parseFont reads a single font or the first font of a collection (.ttc).
func parseFont(b []byte) (*opentype.Font, error) {
	if f, err := opentype.Parse(b); err == nil {
		return f, nil
	}
	coll, err := opentype.ParseCollection(b)
	if err != nil {
		return nil, err
	}
	if f, err := coll.Font(0); err == nil {
		return f, nil
	}
	// Some collections (WenQuanYi's) have tables that do not start on a
	// four-byte boundary, which the parser refuses: copy the first font
	// out into a font file of its own, aligned.
	single, err := firstFontOfCollection(b)
	if err != nil {
		return nil, err
	}
	return opentype.Parse(single)
}

// firstFontOfCollection copies the first font of a TrueType collection
// into a single font file whose tables are four-byte aligned.
func firstFontOfCollection(b []byte) ([]byte, error) {
	u32 := func(o int) (uint32, error) {
		if o < 0 || o+4 > len(b) {
			return 0, errors.New("font collection: truncated")
		}
		return uint32(b[o])<<24 | uint32(b[o+1])<<16 | uint32(b[o+2])<<8 | uint32(b[o+3]), nil
	}
	if len(b) < 16 || string(b[:4]) != "ttcf" {
		return nil, errors.New("not a font collection")
	}
	off, err := u32(12) // the first font's table directory
	if err != nil {
		return nil, err
	}
	dir := int(off)
	if dir+12 > len(b) {
		return nil, errors.New("font collection: truncated")
	}
	numTables := int(b[dir+4])<<8 | int(b[dir+5])
	if numTables == 0 || numTables > 256 || dir+12+16*numTables > len(b) {
		return nil, errors.New("font collection: bad table count")
	}
	head := 12 + 16*numTables
	out := make([]byte, head, len(b))
	copy(out[:12], b[dir:dir+12])
	for i := 0; i < numTables; i++ {
		rec := dir + 12 + 16*i
		tOff, err1 := u32(rec + 8)
		tLen, err2 := u32(rec + 12)
		if err1 != nil || err2 != nil || int(tOff)+int(tLen) > len(b) {
			return nil, errors.New("font collection: table out of range")
		}
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		newOff := len(out)
		out = append(out, b[tOff:tOff+tLen]...)
		r := 12 + 16*i
		copy(out[r:r+8], b[rec:rec+8]) // tag and checksum
		out[r+8], out[r+9], out[r+10], out[r+11] = byte(newOff>>24), byte(newOff>>16), byte(newOff>>8), byte(newOff)
		copy(out[r+12:r+16], b[rec+12:rec+16])
	}
	return out, nil
}

// Size of the phone variant: a phone shows an image about 390 CSS pixels
// wide, so the default image's labels shrink to 40% there. Drawn on a
// square of 640 px with the same font sizes in points, its labels show at
// 60%, as large as the page's own small print.
const (
	PhoneWidth  = 640
	PhoneHeight = 640
)

// Smallest and largest size RenderSize draws.
const (
	MinSide = 200
	MaxSide = 4000
)

// Render draws c as a PNG of Width×Height pixels.
func Render(w io.Writer, c Chart) error {
	return RenderSize(w, c, Width, Height)
}

// RenderSize draws c as a PNG of width×height pixels, with the labels at
// the same sizes in points as Render's: a smaller image has larger labels
// for its size. Each side must be within MinSide and MaxSide.
func RenderSize(w io.Writer, c Chart, width, height int) error {
	if width < MinSide || width > MaxSide || height < MinSide || height > MaxSide {
		return fmt.Errorf("chart size %d×%d: each side must be %d to %d pixels", width, height, MinSide, MaxSide)
	}
	if err := loadFont(); err != nil {
		return err
	}
	p := plot.New()
	p.Title.Text = wrapTitle(c.Title, width)
	p.Title.TextStyle.Font.Size = 26
	p.Y.Label.Text = c.Unit
	p.Y.Label.TextStyle.Font.Size = 20
	p.X.Label.Text = c.Footnote
	p.X.Label.TextStyle.Font.Size = 16
	p.X.Label.TextStyle.Color = color.Gray{Y: 90}
	p.X.Tick.Label.Font.Size = 18
	p.Y.Tick.Label.Font.Size = 18
	if strings.TrimSpace(c.Title) == "" {
		p.Title.Text = " "
	}
	values := make(plotter.Values, len(c.Values))
	copy(values, c.Values)
	accent := color.RGBA{R: 0x1f, G: 0x5f, B: 0xa8, A: 0xff}
	switch c.Kind {
	case Bars:
		bars, err := plotter.NewBarChart(values, vg.Points(float64(width)*0.5/float64(len(values)+1)))
		if err != nil {
			return fmt.Errorf("bars: %w", err)
		}
		bars.Color = accent
		bars.LineStyle.Width = 0
		p.Add(bars)
		p.Add(valueLabels(values, true))
		p.X.Min, p.X.Max = -0.6, float64(len(values))-0.4
	case Line:
		if c.onTimeAxis() {
			if err := drawSeries(p, c); err != nil {
				return err
			}
			break
		}
		fallthrough
	default:
		pts := make(plotter.XYs, len(values))
		for i, v := range values {
			pts[i].X, pts[i].Y = float64(i), v
		}
		line, points, err := plotterLinePoints(pts)
		if err != nil {
			return fmt.Errorf("line: %w", err)
		}
		line.Color, line.Width = accent, vg.Points(3)
		points.Shape, points.Color, points.Radius = draw.CircleGlyph{}, accent, vg.Points(6)
		p.Add(line, points)
		p.Add(valueLabels(values, false))
		p.X.Min, p.X.Max = -0.5, float64(len(values))-0.5
	}
	if !c.onTimeAxis() {
		p.NominalX(shortLabels(c.Labels)...)
	}
	if len(c.Labels) > 5 && !c.onTimeAxis() {
		// Many periods side by side: smaller labels, so they do not touch.
		p.X.Tick.Label.Font.Size = 14
	}
	// Room above the highest value for its label; zero in view for bars.
	lo, hi := minMax(values)
	if c.Kind == Bars && lo > 0 {
		lo = 0
	}
	pad := (hi - lo) * 0.15
	if pad == 0 {
		pad = 1
	}
	p.Y.Min, p.Y.Max = lo-pad*boolF(lo < 0 || c.Kind == Line), hi+pad
	if c.onTimeAxis() {
		// Room at the top for the legend, one line per series, and at
		// the bottom for labels written below their points.
		p.Y.Max = hi + pad*(1+1.2*float64(len(c.seriesNames())))
		p.Y.Min = lo - pad*2
	}
	img := vgimg.NewWith(vgimg.UseWH(vg.Length(width)*vg.Inch/vgimg.DefaultDPI, vg.Length(height)*vg.Inch/vgimg.DefaultDPI), vgimg.UseDPI(vgimg.DefaultDPI))
	p.Draw(draw.New(img))
	png := vgimg.PngCanvas{Canvas: img}
	if _, err := png.WriteTo(w); err != nil {
		return fmt.Errorf("write png: %w", err)
	}
	return nil
}

// wrapTitle breaks a title too long for one line of an image width px
// wide into lines of at most that many characters, so that a narrow
// image keeps its title's font size rather than cutting it off.
func wrapTitle(title string, width int) string {
	// A CJK character of the 26 pt title is about 35 px wide at 96 dpi;
	// Latin letters and digits are narrower, counted as half.
	const charPx = 35
	limit := 2 * (width - 80) / charPx
	var lines []string
	var line []rune
	half := 0
	for _, r := range title {
		w := 2
		if r < 0x2E80 {
			w = 1
		}
		if half+w > limit && len(line) > 0 {
			lines = append(lines, string(line))
			line, half = nil, 0
		}
		line = append(line, r)
		half += w
	}
	return strings.Join(append(lines, string(line)), "\n")
}

// seriesColors tell the series of a trend apart; the first is the accent
// of single-series charts.
var seriesColors = []color.RGBA{
	{R: 0x1f, G: 0x5f, B: 0xa8, A: 0xff},
	{R: 0xd9, G: 0x5f, B: 0x0e, A: 0xff},
	{R: 0x2c, G: 0x9c, B: 0x4a, A: 0xff},
	{R: 0x8c, G: 0x3c, B: 0xa8, A: 0xff},
	{R: 0x99, G: 0x66, B: 0x33, A: 0xff},
}

// higherNearby tells whether another series than name has a higher point
// within a year of pt.
func (c Chart) higherNearby(name string, pt plotter.XY) bool {
	for i, s := range c.Series {
		if s != name && c.X[i]-pt.X < 1 && pt.X-c.X[i] < 1 && c.Values[i] > pt.Y {
			return true
		}
	}
	return false
}

// crowded is how close in years two points of a series are for only the
// later to be labelled.
const crowded = 0.3

// drawSeries draws a trend of several period lengths: one line per series
// on a time axis marked in years, each point labelled with its value,
// and a legend naming the series.
func drawSeries(p *plot.Plot, c Chart) error {
	names := c.seriesNames()
	p.Legend.Top = true
	p.Legend.TextStyle.Font.Size = 18
	p.Legend.ThumbnailWidth = vg.Points(24)
	lo, hi := c.X[0], c.X[0]
	for si, name := range names {
		var pts plotter.XYs
		for i, s := range c.Series {
			if s == name {
				pts = append(pts, plotter.XY{X: c.X[i], Y: c.Values[i]})
				lo, hi = min(lo, c.X[i]), max(hi, c.X[i])
			}
		}
		col := seriesColors[si%len(seriesColors)]
		line, points, err := plotterLinePoints(pts)
		if err != nil {
			return fmt.Errorf("series %s: %w", name, err)
		}
		line.Color, line.Width = col, vg.Points(3)
		points.Shape, points.Color, points.Radius = draw.CircleGlyph{}, col, vg.Points(6)
		p.Add(line, points)
		p.Legend.Add(name, line, points)
		var upper, lower plotter.XYLabels
		for i, pt := range pts {
			// A point close before the next of its series leaves the
			// label to it (the table has every value).
			if i+1 < len(pts) && pts[i+1].X-pt.X < crowded {
				continue
			}
			// Below its point when another series is higher at about the
			// same time, so that labels do not write over each other.
			if c.higherNearby(name, pt) {
				lower.XYs, lower.Labels = append(lower.XYs, pt), append(lower.Labels, trimNumber(pt.Y))
			} else {
				upper.XYs, upper.Labels = append(upper.XYs, pt), append(upper.Labels, trimNumber(pt.Y))
			}
		}
		for _, set := range []struct {
			l     plotter.XYLabels
			below bool
		}{{upper, false}, {lower, true}} {
			if len(set.l.XYs) == 0 {
				continue
			}
			labels, err := plotter.NewLabels(set.l)
			if err != nil {
				return fmt.Errorf("labels: %w", err)
			}
			for i := range labels.TextStyle {
				labels.TextStyle[i].Font.Size = 18
				labels.TextStyle[i].XAlign = draw.XCenter
				labels.TextStyle[i].YAlign = draw.YBottom
				labels.TextStyle[i].Color = col
				if set.below {
					labels.TextStyle[i].YAlign = draw.YTop
				}
			}
			labels.Offset = vg.Point{Y: vg.Points(8)}
			if set.below {
				labels.Offset = vg.Point{Y: -vg.Points(8)}
			}
			p.Add(labels)
		}
	}
	// A tick at each year's start, the year's label at its middle (at
	// most about eight labelled years).
	first, last := int(lo), int(hi)
	p.X.Min, p.X.Max = float64(first), float64(last)+1
	step := max(1, (last-first+1+7)/8)
	var ticks []plot.Tick
	for y := first; y <= last+1; y++ {
		ticks = append(ticks, plot.Tick{Value: float64(y)})
		if (y-first)%step == 0 && y <= last {
			ticks = append(ticks, plot.Tick{Value: float64(y) + 0.5, Label: fmt.Sprintf("%d", y)})
		}
	}
	p.X.Tick.Marker = plot.ConstantTicks(ticks)
	return nil
}

func plotterLinePoints(pts plotter.XYs) (*plotter.Line, *plotter.Scatter, error) {
	l, err := plotter.NewLine(pts)
	if err != nil {
		return nil, nil, err
	}
	s, err := plotter.NewScatter(pts)
	if err != nil {
		return nil, nil, err
	}
	return l, s, nil
}

// valueLabels writes each value above its bar or point.
func valueLabels(values plotter.Values, bars bool) *plotter.Labels {
	xys := make(plotter.XYs, len(values))
	texts := make([]string, len(values))
	for i, v := range values {
		xys[i].X, xys[i].Y = float64(i), v
		texts[i] = trimNumber(v)
	}
	labels, err := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: texts})
	if err != nil {
		return nil
	}
	for i := range labels.TextStyle {
		labels.TextStyle[i].Font.Size = 18
		labels.TextStyle[i].XAlign = draw.XCenter
		labels.TextStyle[i].YAlign = draw.YBottom
	}
	labels.Offset = vg.Point{Y: vg.Points(10)}
	return labels
}

// maxLabelRunes keeps axis labels from running into each other.
const maxLabelRunes = 8

// maxPeriodRunes keeps a bar's period line whole (2023年前三季度).
const maxPeriodRunes = 11

// shortLabels cuts long labels so that they do not overlap on the axis.
func shortLabels(ls []string) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		lines := strings.Split(l, "\n")
		for k, line := range lines {
			limit := maxLabelRunes
			if k > 0 {
				limit = maxPeriodRunes // a period under its bar: 2023年1-10月
			}
			if r := []rune(line); len(r) > limit {
				lines[k] = string(r[:limit-1]) + "…"
			}
		}
		out[i] = strings.Join(lines, "\n")
	}
	return out
}

func allSamePeriod(as []answer.Answer) bool {
	for _, a := range as {
		if a.Period != as[0].Period {
			return false
		}
	}
	return as[0].Period != ""
}

func minMax(vs []float64) (float64, float64) {
	lo, hi := vs[0], vs[0]
	for _, v := range vs {
		lo, hi = min(lo, v), max(hi, v)
	}
	return lo, hi
}

func boolF(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func trimNumber(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s
}
