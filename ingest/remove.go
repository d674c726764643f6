package ingest

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Remove drops from the index the files named by paths: a file, or a
// folder, which drops every indexed file under it. A path is taken as the
// index names files (CanonicalPath, whether or not the file still exists)
// and also exactly as written, for entries an older version stored under
// a relative path. It returns the entries removed and the paths that
// matched none.
func (p *Pipeline) Remove(paths []string) (removed, unmatched []string, err error) {
	files := p.ix.Files()
	drop := map[string]bool{}
	for _, given := range paths {
		canon := canonicalOrGone(given)
		literal := filepath.Clean(given)
		matched := false
		for _, f := range files {
			if f.Path == canon || f.Path == literal || under(f.Path, canon) || under(f.Path, literal) {
				drop[f.Path] = true
				matched = true
			}
		}
		if !matched {
			unmatched = append(unmatched, given)
		}
	}
	if len(drop) == 0 {
		return nil, unmatched, nil
	}
	removed, err = p.ix.Prune(func(path string) bool { return !drop[path] })
	if err != nil {
		return removed, unmatched, fmt.Errorf("remove: %w", err)
	}
	return removed, unmatched, nil
}

// under reports whether path is inside the folder dir.
func under(path, dir string) bool {
	if dir == "" || dir == "." {
		return false
	}
	return strings.HasPrefix(path, strings.TrimSuffix(dir, string(filepath.Separator))+string(filepath.Separator))
}
