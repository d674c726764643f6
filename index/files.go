package index

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/reportbot/reportbot/corpus"
)

// FileInfo is what the index knows of one indexed file: the metadata of
// its corpus.Document, counts, and when it was indexed.
type FileInfo struct {
	Path       string        `json:"path"`
	Hash       string        `json:"hash"`
	Size       int64         `json:"size"`
	Format     string        `json:"format,omitempty"`
	Encoding   string        `json:"encoding,omitempty"`
	Title      string        `json:"title,omitempty"`
	Date       string        `json:"date,omitempty"`
	DateSource string        `json:"date_source,omitempty"`
	Source     string        `json:"source,omitempty"`
	Region     corpus.Region `json:"region"`
	Paragraphs int           `json:"paragraphs"`
	Sentences  int           `json:"sentences"`
	Figures    int           `json:"figures"`
	IndexedAt  time.Time     `json:"indexed_at"`
	Warnings   []string      `json:"warnings,omitempty"`
}

// Stats summarises an index.
type Stats struct {
	Files, Sentences, Figures int
	// LastIndexed is the latest FileInfo.IndexedAt; zero when empty.
	LastIndexed time.Time
	// SizeOnDisk is the size of the index directory in bytes; 0 in memory.
	SizeOnDisk int64
}

// paraRange says which passages (n of passageID) make up a paragraph:
// First .. First+Count-1.
type paraRange struct {
	Para, First, Count int
}

// fileRecord is the stored form of a file document.
type fileRecord struct {
	FileInfo
	// Key is the file's key in sentence IDs (ids.go).
	Key int `json:"key"`
	// Passages is the number of passage documents (passage.go).
	Passages int `json:"passages"`
	// Paras are in document order, each [paragraph index, first passage,
	// passages]; a paragraph without sentences is absent.
	Paras [][3]int `json:"paras,omitempty"`
}

// fileEntry is the in-memory form of a file document. Entries are
// immutable once published in Index.files or Index.pending.
type fileEntry struct {
	info FileInfo
	key  int
	tag  string
	// passages is the number of passage documents, IDs 1..passages.
	passages int
	paras    []paraRange
	// prev is the version this one replaced, kept so that a search that
	// started before the replacement can still join its hits (one level).
	prev *fileEntry
}

// hashTag is what every sentence blob records of its file's hash, to join a
// hit with the FileInfo of the same version. 12 hex digits make a mix-up
// of two versions of one path practically impossible.
func hashTag(hash string) string {
	if len(hash) > 12 {
		return hash[:12]
	}
	return hash
}

func (e *fileEntry) record() fileRecord {
	r := fileRecord{FileInfo: e.info, Key: e.key, Passages: e.passages, Paras: make([][3]int, len(e.paras))}
	for i, p := range e.paras {
		r.Paras[i] = [3]int{p.Para, p.First, p.Count}
	}
	return r
}

func entryFromRecord(r *fileRecord) *fileEntry {
	e := &fileEntry{info: r.FileInfo, key: r.Key, tag: hashTag(r.Hash), passages: r.Passages, paras: make([]paraRange, len(r.Paras))}
	for i, p := range r.Paras {
		e.paras[i] = paraRange{Para: p[0], First: p[1], Count: p[2]}
	}
	return e
}

// loadAll completes ix.files on a lazily opened index.
func (ix *Index) loadAll() error {
	ix.mu.RLock()
	done := !ix.lazy || ix.allLoaded
	ix.mu.RUnlock()
	if done {
		return nil
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.allLoaded {
		return nil
	}
	if err := ix.loadFiles(); err != nil {
		return err
	}
	ix.allLoaded = true
	return nil
}

// loadSome reads the records of the given paths that a lazily opened
// index has not read yet: one search for all of them (file records hold
// their path as a keyword; sentences do not).
func (ix *Index) loadSome(paths []string) error {
	ix.mu.RLock()
	if !ix.lazy || ix.allLoaded {
		ix.mu.RUnlock()
		return nil
	}
	var want []string
	seen := map[string]bool{}
	for _, p := range paths {
		if ix.files[p] == nil && !seen[p] {
			seen[p] = true
			want = append(want, p)
		}
	}
	ix.mu.RUnlock()
	if len(want) == 0 {
		return nil
	}
	return ix.loadRecords(termsQuery(fieldPath, want), len(want))
}

// loadKeys reads the records of the given file keys that a lazily opened
// index has not read yet, by document ID.
func (ix *Index) loadKeys(keys []int) error {
	ix.mu.RLock()
	if !ix.lazy || ix.allLoaded {
		ix.mu.RUnlock()
		return nil
	}
	var ids []string
	seen := map[int]bool{}
	for _, k := range keys {
		if _, ok := ix.keyPath[k]; !ok && !seen[k] {
			seen[k] = true
			ids = append(ids, fileID(k))
		}
	}
	ix.mu.RUnlock()
	if len(ids) == 0 {
		return nil
	}
	return ix.loadRecords(query.NewDocIDQuery(ids), len(ids))
}

// loadRecords reads the file records q finds (at most n) into ix.files.
func (ix *Index) loadRecords(q query.Query, n int) error {
	req := bleve.NewSearchRequestOptions(q, n, 0, false)
	req.Fields = []string{fieldMeta}
	res, err := ix.bi.Search(req)
	if err != nil {
		return fmt.Errorf("load file records: %w", err)
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for _, h := range res.Hits {
		s, _ := h.Fields[fieldMeta].(string)
		var r fileRecord
		if err := json.Unmarshal([]byte(s), &r); err != nil {
			return fmt.Errorf("load file records: document %s: %w", h.ID, err)
		}
		if ix.files[r.Path] == nil {
			ix.addLocked(entryFromRecord(&r))
		}
	}
	return nil
}

// addLocked publishes a committed entry; ix.mu must be held.
func (ix *Index) addLocked(e *fileEntry) {
	ix.files[e.info.Path] = e
	ix.keyPath[e.key] = e.info.Path
	if e.key >= ix.nextKey {
		ix.nextKey = e.key + 1
	}
}

// loadFiles reads every file document into ix.files. A writable index
// runs it once, at open, so that no later call needs bleve to learn about
// files; ix.mu must be held, or the index not yet shared.
func (ix *Index) loadFiles() error {
	q := query.NewTermQuery(kindFile)
	q.SetField(fieldKind)
	const page = 1000
	var after []string
	for {
		req := bleve.NewSearchRequestOptions(q, page, 0, false)
		req.Fields = []string{fieldMeta}
		req.SortBy([]string{"_id"})
		if after != nil {
			req.SearchAfter = after
		}
		res, err := ix.bi.Search(req)
		if err != nil {
			return fmt.Errorf("load file list: %w", err)
		}
		for _, h := range res.Hits {
			s, _ := h.Fields[fieldMeta].(string)
			var r fileRecord
			if err := json.Unmarshal([]byte(s), &r); err != nil {
				return fmt.Errorf("load file list: document %s: %w", h.ID, err)
			}
			ix.addLocked(entryFromRecord(&r))
		}
		if len(res.Hits) < page {
			return nil
		}
		after = []string{res.Hits[len(res.Hits)-1].ID}
	}
}

// Unchanged reports whether path is indexed with content hash hash, so
// the caller can skip reading and extracting it.
func (ix *Index) Unchanged(path, hash string) bool {
	_ = ix.loadSome([]string{path}) // unknown: not unchanged
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	e := ix.files[path]
	return e != nil && e.info.Hash == hash
}

// File returns the FileInfo of an indexed path.
func (ix *Index) File(path string) (FileInfo, bool) {
	_ = ix.loadSome([]string{path}) // unknown: not found
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	e := ix.files[path]
	if e == nil {
		return FileInfo{}, false
	}
	return e.info, true
}

// Files returns every indexed file, newest report first (by Date, then
// Path).
func (ix *Index) Files() []FileInfo {
	_ = ix.loadAll() // on failure, the files known so far
	ix.mu.RLock()
	out := make([]FileInfo, 0, len(ix.files))
	for _, e := range ix.files {
		out = append(out, e.info)
	}
	ix.mu.RUnlock()
	sort.Slice(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date > out[j].Date
		}
		return out[i].Path < out[j].Path
	})
	return out
}

// Stats counts files, sentences and figures and measures the directory.
func (ix *Index) Stats() Stats {
	var st Stats
	_ = ix.loadAll() // on failure, the files known so far
	ix.mu.RLock()
	for _, e := range ix.files {
		st.Files++
		st.Sentences += e.info.Sentences
		st.Figures += e.info.Figures
		if e.info.IndexedAt.After(st.LastIndexed) {
			st.LastIndexed = e.info.IndexedAt
		}
	}
	ix.mu.RUnlock()
	if ix.dir != "" {
		st.SizeOnDisk = SizeOnDisk(ix.dir)
	}
	return st
}

// SizeOnDisk sums the regular files under an index directory. Errors are
// skipped: scorch removes obsolete segment files while we walk.
func SizeOnDisk(dir string) int64 {
	var n int64
	_ = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}
