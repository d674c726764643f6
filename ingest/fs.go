package ingest

import (
	"context"
	"fmt"
	"io/fs"

	"github.com/reportbot/reportbot/corpus"
)

// AddFS indexes every file of fsys, such as the sample data embedded in
// the binary, under the path prefix+name. It is for a handful of small
// files known to be reports: one at a time, without workers, batching or
// skips, and the first file that cannot be read ends it with an error.
func (p *Pipeline) AddFS(ctx context.Context, fsys fs.FS, prefix string) error {
	return fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		data, err := fs.ReadFile(fsys, path)
		if err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
		raw, err := corpus.ReadBytes(prefix+path, data)
		if err != nil {
			return err
		}
		if _, err := p.ix.Put(corpus.Process(raw, corpus.Options{})); err != nil {
			return fmt.Errorf("index %s: %w", prefix+path, err)
		}
		return nil
	})
}
