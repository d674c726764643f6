package web

import (
	"context"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/reportbot/reportbot/answer"
	"github.com/reportbot/reportbot/chart"
	"github.com/reportbot/reportbot/index"
	"github.com/reportbot/reportbot/ingest"
	"github.com/reportbot/reportbot/internal/testshared"
)

// envScreenshots names a folder where the browser test also keeps its
// screenshots, to be looked at (they always go to a temporary folder).
const envScreenshots = "REPORTBOT_SCREENSHOTS"

// chromiumPath finds Debian's Chromium. Outside CI a machine without it
// skips the browser test, saying how to install it; CI must have it.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is missing: CI must install it (.ci/run: apt-get install chromium)")
	}
	t.Skip("chromium is not installed: apt-get install chromium (Debian) to run the browser test")
	return ""
}

// sharedEngine is an engine over the seed reports and the dev-real
// reports of ../shared, read in place.
func sharedEngine(t *testing.T) *answer.Engine {
	t.Helper()
	seeds := testshared.Path(t, "corpus", "seeds")
	devReal := testshared.Path(t, "corpus", "dev-real")
	ix, err := index.OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	rep, err := ingest.New(ix).Run(context.Background(), []string{seeds, devReal}, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Skipped) > 0 {
		t.Logf("skipped: %+v", rep.Skipped)
	}
	return answer.New(ix)
}

// browser starts a headless Chromium of its own (fresh profile, no
// network of its own) and returns a context to drive it.
func browser(t *testing.T) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	// The first action starts the browser, on a context without a
	// deadline (a deadline there would end the browser with it).
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// step runs actions with a deadline.
func step(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 45*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

func value[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 45*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// viewports are a phone's and a wide screen's (a laptop on a projector).
var viewports = []struct {
	name          string
	width, height int64
}{
	{"phone", 390, 844},
	{"wide", 1400, 900},
}

// screenshots saves the whole page at each viewport, into a temporary
// folder and, when $REPORTBOT_SCREENSHOTS is set, into that folder.
func screenshots(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dirs := []string{t.TempDir()}
	if d := os.Getenv(envScreenshots); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, d)
	}
	for _, vp := range viewports {
		step(t, ctx, "viewport "+vp.name, chromedp.EmulateViewport(vp.width, vp.height))
		png := value(t, ctx, "screenshot", chromedp.FullScreenshot(100))
		for _, d := range dirs {
			p := filepath.Join(d, fmt.Sprintf("%s-%s.png", name, vp.name))
			if err := os.WriteFile(p, png, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("screenshot: %s", p)
		}
	}
	step(t, ctx, "viewport reset", chromedp.ResetViewport())
}

// TestBrowser asks in a real browser as a person would: types a question,
// submits it, and reads the answer in the rendered page; then a trend,
// whose chart must load.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test: not with -short")
	}
	eng := sharedEngine(t)
	ctx := browser(t)
	s := testServer(t, Config{Engine: eng})
	srv := httptest.NewServer(s)
	defer srv.Close()

	step(t, ctx, "open the page", chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible("#q"))
	step(t, ctx, "ask",
		chromedp.SendKeys("#q", "泰安工业投资增速"),
		chromedp.Click("form.ask button"),
		chromedp.WaitVisible("#answer"),
	)
	if got := value(t, ctx, "figure", chromedp.Text(".answer .value")); got != "31.9%" {
		t.Errorf("figure shown: %q, want 31.9%%", got)
	}
	sentence := value(t, ctx, "sentence", chromedp.Text("blockquote.sentence"))
	if !strings.Contains(sentence, "全市工業投資同比增長31.9%,高于全省21.7個百分點") {
		t.Errorf("sentence shown: %q", sentence)
	}
	if got := value(t, ctx, "marked figure", chromedp.Text("blockquote.sentence mark")); got != "31.9%" {
		t.Errorf("marked: %q, want the figure", got)
	}
	source := value(t, ctx, "source", chromedp.Text("dl.source"))
	for _, want := range []string{"中华泰山网", "2023-07-03", "第1段"} {
		if !strings.Contains(source, want) {
			t.Errorf("source lacks %q: %q", want, source)
		}
	}
	screenshots(t, ctx, "answer")

	// 原文 leads to the full text with the sentence marked.
	step(t, ctx, "full text", chromedp.Click("details.para a.button"), chromedp.WaitVisible(".fulltext .marked"))
	if got := value(t, ctx, "marked sentence", chromedp.Text(".fulltext .marked")); !strings.Contains(got, "31.9%") {
		t.Errorf("marked sentence in the full text: %q", got)
	}

	// A trend: its table and its chart, loaded by the browser.
	trend := "大庆GDP增速走势"
	step(t, ctx, "trend", chromedp.Navigate(srv.URL+"/?"+url.Values{"q": {trend}}.Encode()), chromedp.WaitVisible("table.rows"))
	rows := value(t, ctx, "trend table", chromedp.Text("table.rows tbody"))
	for _, want := range []string{"10.5%", "0.7%", "1.2%"} {
		if !strings.Contains(rows, want) {
			t.Errorf("trend table lacks %s: %q", want, rows)
		}
	}
	step(t, ctx, "chart", chromedp.WaitVisible("figure.chart img"))
	width := value(t, ctx, "chart loaded", chromedp.Evaluate[int](`(async () => {
		const img = document.querySelector("figure.chart img");
		if (!img.complete) { await new Promise(r => { img.onload = r; img.onerror = r; }); }
		return img.naturalWidth;
	})()`, chromedp.EvalAwaitPromise))
	if width < 800 {
		t.Errorf("the chart did not load: naturalWidth %d", width)
	}
	// On a phone the page loads the chart drawn for it, whose labels
	// stay readable at the phone's width.
	step(t, ctx, "phone viewport", chromedp.EmulateViewport(390, 844))
	phoneWidth := value(t, ctx, "phone chart loaded", chromedp.Evaluate[int](`(async () => {
		const img = document.querySelector("figure.chart img");
		for (let i = 0; i < 100 && !(img.complete && img.currentSrc.includes("w=phone")); i++) {
			await new Promise(r => setTimeout(r, 50));
		}
		return img.currentSrc.includes("w=phone") ? img.naturalWidth : -1;
	})()`, chromedp.EvalAwaitPromise))
	if phoneWidth != chart.PhoneWidth {
		t.Errorf("the phone's chart: naturalWidth %d, want %d", phoneWidth, chart.PhoneWidth)
	}
	screenshots(t, ctx, "trend")

	// The reports, filtered by a region.
	step(t, ctx, "reports", chromedp.Navigate(srv.URL+"/reports?"+url.Values{"region": {"泰安市"}}.Encode()), chromedp.WaitVisible("table.list"))
	list := value(t, ctx, "report list", chromedp.Text("table.list"))
	if !strings.Contains(list, "泰安") || strings.Contains(list, "嘉峪关") {
		t.Errorf("reports of 泰安市: %q", list)
	}
	screenshots(t, ctx, "reports")
}

// TestBrowserCheck checks a draft in a real browser: one figure as a
// seed report states it, one changed; the page marks the first green,
// the second red with the report's number, and a tap on a figure shows
// its source.
func TestBrowserCheck(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test: not with -short")
	}
	eng := sharedEngine(t)
	ctx := browser(t)
	s := testServer(t, Config{Engine: eng})
	srv := httptest.NewServer(s)
	defer srv.Close()

	// The seed report of 泰安 (2023-07) states 工业投资 31.9% and
	// 规上工业增加值 11.4% for 1-5月; the draft changes the second.
	draft := "今年1-5月,泰安市工业投资同比增长31.9%,规上工业增加值同比增长12.4%,两项指标均好于全省平均水平。"
	step(t, ctx, "open the check page", chromedp.Navigate(srv.URL+"/"), chromedp.Click(`nav a[href="/check"]`), chromedp.WaitVisible("#text"))
	step(t, ctx, "check",
		chromedp.SendKeys("#text", draft),
		chromedp.SendKeys(`input[name="date"]`, "2023-07"),
		chromedp.Click("form.check button"),
		chromedp.WaitVisible("#result"),
	)
	if got := value(t, ctx, "summary", chromedp.Text(".summary")); !strings.Contains(got, "2个数字") || !strings.Contains(got, "1个相符") || !strings.Contains(got, "1个不符") {
		t.Errorf("summary: %q", got)
	}
	if got := value(t, ctx, "green mark", chromedp.Text("a.fig.ok")); !strings.Contains(got, "31.9%") {
		t.Errorf("confirmed mark: %q", got)
	}
	if got := value(t, ctx, "red mark", chromedp.Text("a.fig.bad")); !strings.Contains(got, "12.4%") || !strings.Contains(got, "报告为11.4%") {
		t.Errorf("contradicted mark: %q", got)
	}
	green := value(t, ctx, "green", chromedp.Evaluate[string](`getComputedStyle(document.querySelector("a.fig.ok")).backgroundColor`))
	red := value(t, ctx, "red", chromedp.Evaluate[string](`getComputedStyle(document.querySelector("a.fig.bad")).backgroundColor`))
	if green == red || green == "rgba(0, 0, 0, 0)" || red == "rgba(0, 0, 0, 0)" {
		t.Errorf("marks are not coloured apart: %s, %s", green, red)
	}
	// A tap on the red figure leads to its source: the report's sentence
	// with its number marked.
	step(t, ctx, "tap the red figure", chromedp.Click("a.fig.bad"), chromedp.WaitVisible("li.verdict.bad:target"))
	if got := value(t, ctx, "report number", chromedp.Text("li.verdict.bad:target blockquote.sentence mark")); got != "11.4%" {
		t.Errorf("the report's number marked in its sentence: %q", got)
	}
	source := value(t, ctx, "source", chromedp.Text("li.verdict.bad dl.source"))
	for _, want := range []string{"中华泰山网", "2023-07-03", "第1段"} {
		if !strings.Contains(source, want) {
			t.Errorf("source lacks %q: %q", want, source)
		}
	}
	step(t, ctx, "top", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
	screenshots(t, ctx, "check")

	// A statement typed into the search box is checked.
	step(t, ctx, "statement in the search box",
		chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible("#q"),
		chromedp.SendKeys("#q", "泰安1-5月工业投资同比增长31.9%"),
		chromedp.Click("form.ask button"),
		chromedp.WaitVisible("#result"),
	)
	if got := value(t, ctx, "statement checked", chromedp.Text("a.fig.ok")); !strings.Contains(got, "31.9%") {
		t.Errorf("statement from the search box: %q", got)
	}
}

func ptr[T any](v T) *T { return &v }
