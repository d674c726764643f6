package ingest

import (
	"cmp"
	"context"
	"runtime"
	"strings"
	"sync"

	"github.com/reportbot/reportbot/corpus"
)

// Extract reads and analyses the given files on workers goroutines
// (GOMAXPROCS if ≤ 0), as Run's workers do, but indexes nothing, and
// returns the bytes read. It measures what the corpus package costs of a
// run, so that the benchmark can split ingest time between reading and
// indexing. The first file that cannot be read is the error, after all
// the others were read.
func Extract(ctx context.Context, paths []string, workers int) (int64, error) {
	return extract(ctx, paths, workers, nil)
}

// Sentences reads and analyses the given files as Extract does and
// returns the text of every sentence, as written in its file (in no
// particular order across files), and the bytes read: the input of a
// plain index (index.Plain) built from the same sentences as reportbot's.
// With byParagraph, each text is a paragraph's sentences joined instead.
func Sentences(ctx context.Context, paths []string, workers int, byParagraph bool) ([]string, int64, error) {
	var mu sync.Mutex
	var out []string
	n, err := extract(ctx, paths, workers, func(d *corpus.Document) {
		var ss []string
		for _, p := range d.Paragraphs {
			var para strings.Builder
			for _, s := range p.Sentences {
				if byParagraph {
					para.WriteString(s.Text)
				} else {
					ss = append(ss, s.Text)
				}
			}
			if byParagraph && para.Len() > 0 {
				ss = append(ss, para.String())
			}
		}
		mu.Lock()
		out = append(out, ss...)
		mu.Unlock()
	})
	return out, n, err
}

func extract(ctx context.Context, paths []string, workers int, each func(*corpus.Document)) (int64, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan string)
	var mu sync.Mutex
	var total int64
	var firstErr error
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				raw, err := corpus.ReadFile(p)
				if err != nil {
					mu.Lock()
					firstErr = cmp.Or(firstErr, err)
					mu.Unlock()
					continue
				}
				d := corpus.Process(raw, corpus.Options{})
				if each != nil {
					each(d)
				}
				mu.Lock()
				total += raw.Size
				mu.Unlock()
			}
		}()
	}
	for _, p := range paths {
		if ctx.Err() != nil {
			break
		}
		jobs <- p
	}
	close(jobs)
	wg.Wait()
	return total, cmp.Or(ctx.Err(), firstErr)
}
