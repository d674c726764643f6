package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/reportbot/reportbot/index"
	"github.com/reportbot/reportbot/ingest"
	"github.com/reportbot/reportbot/sample"
)

// defaultIndexDir is $REPORTBOT_INDEX, else reportbot/index in the user's
// data directory ($XDG_DATA_HOME, ~/.local/share, or the platform's own).
func defaultIndexDir() string {
	if d := os.Getenv("REPORTBOT_INDEX"); d != "" {
		return d
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "reportbot", "index")
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return filepath.Join(os.TempDir(), "reportbot", "index")
	}
	switch runtime.GOOS {
	case "darwin":
		return filepath.Join(home, "Library", "Application Support", "reportbot", "index")
	case "windows":
		if d, err := os.UserConfigDir(); err == nil {
			return filepath.Join(d, "reportbot", "index")
		}
	}
	return filepath.Join(home, ".local", "share", "reportbot", "index")
}

// indexExists reports whether dir holds an index.
func indexExists(dir string) bool {
	_, err := os.Stat(dir)
	return err == nil
}

// openForQuestions opens the index at dir for reading, or, when there is
// none yet, an in-memory index of the built-in sample data, and then says
// so on stderr.
func openForQuestions(ctx context.Context, dir string, stderr io.Writer) (*index.Index, error) {
	if indexExists(dir) {
		return index.Open(dir, index.Options{ReadOnly: true})
	}
	ix, err := loadSample(ctx)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(stderr, "(no index at %s yet: answering from the built-in sample data; build an index with: reportbot index PATH...)\n", dir)
	return ix, nil
}

// loadSample builds an in-memory index of the embedded sample fact sheets.
func loadSample(ctx context.Context) (*index.Index, error) {
	ix, err := index.OpenMem()
	if err != nil {
		return nil, err
	}
	if err := ingest.New(ix).AddFS(ctx, sample.Files(), "sample/"); err != nil {
		ix.Close()
		return nil, fmt.Errorf("load sample data: %w", err)
	}
	return ix, nil
}

// since formats an elapsed time for summaries.
func since(t time.Time) string {
	d := time.Since(t)
	if d < time.Second {
		return d.Round(time.Millisecond).String()
	}
	return d.Round(10 * time.Millisecond).String()
}
