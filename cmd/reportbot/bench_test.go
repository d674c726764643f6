package main

import (
	"bytes"
	"context"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/reportbot/reportbot/internal/testshared"
)

// TestMain lets a test re-run this test binary as reportbot itself: bench
// starts its serve phase and ask's cold starts as child processes of
// os.Executable(), which under "go test" is the test binary.
func TestMain(m *testing.M) {
	testshared.RunChild("REPORTBOT_TEST_AS_MAIN", func() int {
		main() // exits with the command's status
		return exitOK
	})
	testshared.Main(m)
}

// TestBench runs the whole benchmark on a small corpus: generation,
// ingest, the serve phase in a child process, cold starts, the table.
func TestBench(t *testing.T) {
	if testing.Short() {
		t.Skip("runs child processes; skipped with -short")
	}
	t.Setenv("REPORTBOT_TEST_AS_MAIN", "1")
	var stdout, stderr bytes.Buffer
	args := []string{"bench", "-sentences", "3000", "-questions", "60", "-rounds", "1", "-cold", "2", "-dir", t.TempDir()}
	if err := Run(context.Background(), args, nil, &stdout, &stderr); err != nil {
		t.Fatalf("bench: %v\n%s\n%s", err, stdout.String(), stderr.String())
	}
	out := stdout.String()
	t.Log(out)
	for _, row := range []string{"ingest throughput", "index on disk ÷ text", "peak RSS indexing", "peak RSS serving",
		"answer median / p99", "bare query median", "answer median ÷ bare median", "ask cold start"} {
		if !strings.Contains(out, "| "+row) {
			t.Errorf("no row %q", row)
		}
	}
	if !strings.HasPrefix(out, "reportbot bench: 3000 sentences in ") {
		t.Errorf("the index does not hold the 3000 sentences generated:\n%s", out)
	}
	// The ground truth is answered: the synthetic corpus and the engine
	// agree on what the facts are.
	m := regexp.MustCompile(`facts top-1 \| (\d+)/(\d+)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatal("no facts row")
	}
	got, _ := strconv.Atoi(m[1])
	total, _ := strconv.Atoi(m[2])
	if total == 0 || got*10 < total*9 {
		t.Errorf("facts answered: %d of %d, want at least 90%%", got, total)
	}
	if !strings.Contains(out, "negatives unanswered | ") {
		t.Error("no negatives row")
	}
}

// TestBenchJSON checks that -json prints one object with the fields a
// quick check reads, the plain reference's among them.
func TestBenchJSON(t *testing.T) {
	if testing.Short() {
		t.Skip("runs child processes; skipped with -short")
	}
	t.Setenv("REPORTBOT_TEST_AS_MAIN", "1")
	var stdout, stderr bytes.Buffer
	args := []string{"bench", "-json", "-sentences", "1000", "-questions", "20", "-rounds", "1", "-cold", "1", "-dir", t.TempDir()}
	if err := Run(context.Background(), args, nil, &stdout, &stderr); err != nil {
		t.Fatalf("bench: %v\n%s\n%s", err, stdout.String(), stderr.String())
	}
	var got map[string]any
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, stdout.String())
	}
	for _, k := range []string{"sentences", "ingest_mb_s", "plain_ingest_mb_s", "index_ratio", "plain_index_ratio",
		"answer_p50_ms", "answer_p99_ms", "bare_p50_ms", "plain_p50_ms", "serve_rss_mb", "index_rss_mb", "cold_ms",
		"facts_right", "facts_total", "negatives_silent"} {
		v, ok := got[k].(float64)
		if !ok {
			t.Errorf("no number %q", k)
			continue
		}
		if v <= 0 && k != "negatives_silent" {
			t.Errorf("%s = %v, want > 0", k, v)
		}
	}
	if got["sentences"] != 1000.0 {
		t.Errorf("sentences = %v, want 1000", got["sentences"])
	}
}
