package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bolterrors "go.etcd.io/bbolt/errors"
)

// Schema is the version of what this package writes: fields, analyzers,
// document IDs and the stored encodings. Bump it whenever any of them
// changes; older indexes then ask to be rebuilt instead of answering wrong.
const Schema = 5

// Names inside an index directory.
const (
	schemaFile = "reportbot-index.json"
	lockFile   = "write.lock"
	bleveDir   = "bleve"
)

// Field names of the bleve documents.
const (
	fieldNorm   = "norm"
	fieldRegion = "region"
	fieldYear   = "year"
	fieldPath   = "path"
	fieldBlob   = "s"
	fieldKind   = "kind"
	fieldMeta   = "meta"
	kindFile    = "file"
)

// boltTimeout bounds bolt's wait for root.bolt's flock. Our own lock on
// write.lock fails first for every reportbot process; this only matters if
// a foreign program (the bleve CLI, say) holds the index.
const boltTimeout = "2s"

var (
	// ErrSchema is wrapped by the error of opening an index written by an
	// incompatible version of this package.
	ErrSchema = errors.New("incompatible index schema")
	// ErrLocked is wrapped by the error of opening an index another open
	// holds: a writer excludes every other open, a reader excludes writers.
	ErrLocked = errors.New("index is locked")
	// ErrNotIndex is wrapped by the error of opening a directory that exists
	// but is not a reportbot index; nothing in it is touched.
	ErrNotIndex = errors.New("not a reportbot index")
	// ErrReadOnly is returned by writes to an index opened ReadOnly.
	ErrReadOnly = errors.New("index is open read-only")
	// ErrClosed is returned by every method after Close.
	ErrClosed = errors.New("index is closed")
)

// Options tell Open how to open an index.
type Options struct {
	// ReadOnly opens an existing index for searching only. Many read-only
	// opens may share an index, but not with a writer (see the package
	// documentation, Locking).
	ReadOnly bool
}

// Index is an open index. All methods are safe for concurrent use;
// searches do not wait for writes.
type Index struct {
	dir      string // "" for OpenMem
	readOnly bool
	bi       bleve.Index
	lock     *os.File // nil for OpenMem

	// cjk analyses queries; fast (the same tokens, faster) analyses
	// sentences at indexing. Keyword fields are one term each (termField).
	cjk, fast analysis.Analyzer

	// wmu orders writes: begin (check against files, build the batch) and
	// the publication of a written batch happen under it; bleve writes
	// without it. landed (on wmu) is signalled whenever a batch lands.
	wmu      sync.Mutex
	landed   *sync.Cond
	inflight map[string]bool // paths in batches being written (also under mu)
	flying   int             // batches being written

	mu    sync.RWMutex
	files map[string]*fileEntry // committed
	// lazy: a read-only open loads file records when first needed (one
	// path at a time for hits; all of them for Files and Stats), so that
	// "reportbot ask" on an index of tens of thousands of files starts
	// without reading them all. allLoaded says ix.files is complete.
	lazy      bool
	allLoaded bool
	pending   map[string]*fileEntry // in a batch being applied
	// keyPath maps the key of every file in files or pending (or once
	// assigned by keyFor) to its path; assigned holds the keys given to
	// paths not yet committed, and nextKey is the next new key.
	keyPath  map[int]string
	assigned map[string]int
	nextKey  int

	closed atomic.Bool

	budget uint64 // candidateBudget; tests lower it
}

// schemaInfo is the content of reportbot-index.json.
type schemaInfo struct {
	Schema   int       `json:"schema"`
	Created  time.Time `json:"created"`
	Engine   string    `json:"engine"`
	Analyzer string    `json:"analyzer"`
}

// Open opens the index in dir. Unless opts.ReadOnly, a missing or empty
// dir is created as a new index. A directory holding anything but a
// reportbot index is refused with ErrNotIndex and left untouched.
func Open(dir string, opts Options) (*Index, error) {
	state, err := inspectDir(dir)
	if err != nil {
		return nil, err
	}
	switch {
	case state == dirMissing && opts.ReadOnly:
		return nil, fmt.Errorf("open index %s: %w", dir, fs.ErrNotExist)
	case state == dirEmpty && opts.ReadOnly:
		return nil, fmt.Errorf("open index %s: directory is empty, not an index yet: %w", dir, ErrNotIndex)
	case state == dirForeign:
		return nil, fmt.Errorf("open index %s: the directory exists and is not empty but has no %s: %w (choose another directory)", dir, schemaFile, ErrNotIndex)
	case state == dirMissing:
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("create index %s: %w", dir, err)
		}
	}

	lock, err := lockDir(dir, !opts.ReadOnly)
	if err != nil {
		return nil, err
	}
	ix, err := openLocked(dir, opts)
	if err != nil {
		unlockDir(lock)
		return nil, err
	}
	ix.lock = lock
	return ix, nil
}

// openLocked opens dir once its lock is held.
func openLocked(dir string, opts Options) (*Index, error) {
	info, err := readSchema(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist) && !opts.ReadOnly:
		// A new index. The schema file is written first so that a crash
		// during creation leaves a directory we recognise (and complete
		// below on the next open) rather than a foreign one.
		info = schemaInfo{Schema: Schema, Created: time.Now().UTC(), Engine: "bleve/v2 scorch", Analyzer: cjk.AnalyzerName}
		if err := writeSchema(dir, info); err != nil {
			return nil, err
		}
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("open index %s: no %s: %w", dir, schemaFile, ErrNotIndex)
	case err != nil:
		return nil, err
	}
	if info.Schema != Schema {
		return nil, fmt.Errorf("index %s was built by an incompatible version (schema %d, need %d): rebuild it with \"reportbot index -rebuild PATH...\": %w",
			dir, info.Schema, Schema, ErrSchema)
	}

	bdir := filepath.Join(dir, bleveDir)
	var bi bleve.Index
	if _, err := os.Stat(filepath.Join(bdir, "index_meta.json")); errors.Is(err, fs.ErrNotExist) {
		if opts.ReadOnly {
			return nil, fmt.Errorf("open index %s: %s is missing (an interrupted creation? open it for writing once): %w", dir, bdir, ErrNotIndex)
		}
		// Creation interrupted before bleve wrote its metadata: start over.
		if err := os.RemoveAll(bdir); err != nil {
			return nil, fmt.Errorf("create index %s: %w", dir, err)
		}
		m, err := newMapping()
		if err != nil {
			return nil, err
		}
		bi, err = bleve.NewUsing(bdir, m, scorch.Name, scorch.Name, nil)
		if err != nil {
			return nil, fmt.Errorf("create index %s: %w", dir, err)
		}
	} else {
		bi, err = bleve.OpenUsing(bdir, map[string]interface{}{
			"read_only":    opts.ReadOnly,
			"bolt_timeout": boltTimeout,
		})
		if errors.Is(err, bolterrors.ErrTimeout) {
			return nil, fmt.Errorf("index %s is in use by another program (bolt lock timeout after %s): %w", dir, boltTimeout, ErrLocked)
		}
		if err != nil {
			return nil, fmt.Errorf("open index %s: %w", dir, err)
		}
	}
	ix, err := newIndex(bi, dir, opts.ReadOnly)
	if err != nil {
		_ = bi.Close()
		return nil, err
	}
	return ix, nil
}

// OpenMem returns a new empty index in memory, for tests of other
// packages. It behaves like an on-disk index except that nothing persists
// and there is no locking.
func OpenMem() (*Index, error) {
	m, err := newMapping()
	if err != nil {
		return nil, err
	}
	bi, err := bleve.NewMemOnly(m)
	if err != nil {
		return nil, fmt.Errorf("create in-memory index: %w", err)
	}
	ix, err := newIndex(bi, "", false)
	if err != nil {
		_ = bi.Close()
		return nil, err
	}
	return ix, nil
}

func newIndex(bi bleve.Index, dir string, readOnly bool) (*Index, error) {
	ix := &Index{
		dir:      dir,
		readOnly: readOnly,
		bi:       bi,
		files:    map[string]*fileEntry{},
		pending:  map[string]*fileEntry{},
		inflight: map[string]bool{},
		keyPath:  map[int]string{},
		assigned: map[string]int{},
		nextKey:  1,
		budget:   candidateBudget,
	}
	ix.landed = sync.NewCond(&ix.wmu)
	var err error
	m := bi.Mapping()
	if ix.cjk = m.AnalyzerNamed(cjk.AnalyzerName); ix.cjk == nil {
		return nil, fmt.Errorf("open index %s: analyzer %s not available", dir, cjk.AnalyzerName)
	}
	ix.fast = &fastCJK{fallback: ix.cjk}
	if readOnly {
		ix.lazy = true
		return ix, nil
	}
	if err = ix.loadFiles(); err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	ix.allLoaded = true
	return ix, nil
}

// newMapping declares the fields (see the package documentation). Documents
// are built by hand, so the mapping matters for queries (which analyzer a
// field uses) and as documentation inside the index; dynamic fields and
// _all are off so that nothing else is ever indexed.
func newMapping() (*mapping.IndexMappingImpl, error) {
	text := mapping.NewTextFieldMapping()
	text.Analyzer = cjk.AnalyzerName
	text.Store = false
	text.IncludeTermVectors = false
	text.IncludeInAll = false
	text.DocValues = false

	kw := func() *mapping.FieldMapping {
		f := mapping.NewKeywordFieldMapping()
		f.Store = false
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		f.DocValues = false
		f.SkipFreqNorm = true
		return f
	}
	stored := func() *mapping.FieldMapping {
		f := mapping.NewTextFieldMapping()
		f.Index = false
		f.Store = true
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}

	doc := mapping.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(fieldNorm, text)
	doc.AddFieldMappingsAt(fieldRegion, kw())
	doc.AddFieldMappingsAt(fieldYear, kw())
	doc.AddFieldMappingsAt(fieldPath, kw())
	doc.AddFieldMappingsAt(fieldKind, kw())
	doc.AddFieldMappingsAt(fieldBlob, stored())
	doc.AddFieldMappingsAt(fieldMeta, stored())

	m := mapping.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = cjk.AnalyzerName
	m.DefaultField = fieldNorm
	m.IndexDynamic = false
	m.StoreDynamic = false
	m.DocValuesDynamic = false
	if err := m.Validate(); err != nil {
		return nil, fmt.Errorf("index mapping: %w", err)
	}
	return m, nil
}

// Close releases the index and its lock. Writes in progress finish first.
func (ix *Index) Close() error {
	if ix.closed.Swap(true) {
		return ErrClosed
	}
	ix.wmu.Lock()
	defer ix.wmu.Unlock()
	ix.quiesce()
	err := ix.bi.Close()
	if ix.lock != nil {
		unlockDir(ix.lock)
		ix.lock = nil
	}
	if err != nil {
		return fmt.Errorf("close index %s: %w", ix.dir, err)
	}
	return nil
}

// Dir returns the index directory, "" for an in-memory index.
func (ix *Index) Dir() string { return ix.dir }

// Delete removes the index in dir, for a rebuild. It refuses a directory
// that is not a reportbot index (any schema), and an index that is open.
func Delete(dir string) error {
	state, err := inspectDir(dir)
	if err != nil {
		return err
	}
	switch state {
	case dirMissing:
		return nil
	case dirEmpty:
		return os.Remove(dir)
	case dirForeign:
		return fmt.Errorf("delete index %s: refusing, it has no %s: %w", dir, schemaFile, ErrNotIndex)
	}
	lock, err := lockDir(dir, true)
	if err != nil {
		return err
	}
	defer unlockDir(lock)
	// Remove everything but the lock file (still held), then the rest.
	ents, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("delete index %s: %w", dir, err)
	}
	for _, e := range ents {
		if e.Name() == lockFile {
			continue
		}
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			return fmt.Errorf("delete index %s: %w", dir, err)
		}
	}
	if err := os.Remove(filepath.Join(dir, lockFile)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("delete index %s: %w", dir, err)
	}
	if err := os.Remove(dir); err != nil {
		return fmt.Errorf("delete index %s: %w", dir, err)
	}
	return nil
}

type dirState int

const (
	dirMissing dirState = iota
	dirEmpty
	dirIndex   // has reportbot-index.json
	dirForeign // not empty, no reportbot-index.json
)

func inspectDir(dir string) (dirState, error) {
	ents, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return dirMissing, nil
	}
	if err != nil {
		return 0, fmt.Errorf("open index %s: %w", dir, err)
	}
	if len(ents) == 0 {
		return dirEmpty, nil
	}
	for _, e := range ents {
		if e.Name() == schemaFile {
			return dirIndex, nil
		}
	}
	// A lone write.lock is what an open that failed at once leaves behind.
	if len(ents) == 1 && ents[0].Name() == lockFile {
		return dirEmpty, nil
	}
	return dirForeign, nil
}

func readSchema(dir string) (schemaInfo, error) {
	var info schemaInfo
	b, err := os.ReadFile(filepath.Join(dir, schemaFile))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return info, err
		}
		return info, fmt.Errorf("open index %s: %w", dir, err)
	}
	if err := json.Unmarshal(b, &info); err != nil || info.Schema == 0 {
		return info, fmt.Errorf("open index %s: %s is damaged (%v): %w", dir, schemaFile, err, ErrNotIndex)
	}
	return info, nil
}

// writeSchema writes reportbot-index.json atomically (temp file, fsync,
// rename) so a crash never leaves a half-written one.
func writeSchema(dir string, info schemaInfo) error {
	b, err := json.MarshalIndent(info, "", "  ")
	if err != nil {
		return fmt.Errorf("create index %s: %w", dir, err)
	}
	b = append(b, '\n')
	tmp, err := os.CreateTemp(dir, schemaFile+".tmp*")
	if err != nil {
		return fmt.Errorf("create index %s: %w", dir, err)
	}
	_, err = tmp.Write(b)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), filepath.Join(dir, schemaFile))
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
		return fmt.Errorf("create index %s: %w", dir, err)
	}
	return nil
}
