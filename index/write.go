package index

import (
	"context"
	"encoding/json"
	"fmt"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/reportbot/reportbot/corpus"
)

// Outcome is what a Put did with a file.
type Outcome int

const (
	// Added: the path was not indexed before.
	Added Outcome = iota + 1
	// Replaced: the path was indexed with another content hash; its old
	// sentences are gone.
	Replaced
	// Unchanged: the path was indexed with the same hash; nothing was
	// written.
	Unchanged
)

func (o Outcome) String() string {
	switch o {
	case Added:
		return "added"
	case Replaced:
		return "replaced"
	case Unchanged:
		return "unchanged"
	}
	return "Outcome(" + strconv.Itoa(int(o)) + ")"
}

const (
	// indexedOpts: searchable, nothing else — no stored value, no term
	// vectors, no doc values.
	indexedOpts = bindex.IndexField
	// filterOpts: keyword fields only ever filter, so they skip
	// frequencies and norms too.
	filterOpts = bindex.IndexField | bindex.SkipFreqNorm
	storedOpts = bindex.StoreField
)

// keyFor returns the key of path's sentence IDs (ids.go): its indexed
// key, or a new one, kept for the path until it is committed.
func (ix *Index) keyFor(path string) (int, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if e := ix.files[path]; e != nil {
		return e.key, nil
	}
	if e := ix.pending[path]; e != nil {
		return e.key, nil
	}
	if k, ok := ix.assigned[path]; ok {
		return k, nil
	}
	if ix.nextKey > maxIDNumber {
		return 0, fmt.Errorf("index %s: more than %d files were indexed: rebuild the index", ix.dir, maxIDNumber)
	}
	k := ix.nextKey
	ix.nextKey++
	ix.assigned[path] = k
	ix.keyPath[k] = path
	return k, nil
}

// prepared is a file turned into bleve documents, ready to be committed.
// Preparing is the CPU-heavy part of a write (encoding every sentence) and
// needs no lock, so callers on many goroutines prepare in parallel.
type prepared struct {
	entry *fileEntry
	docs  []*document.Document // sentences #1..#n, then the file document
	bytes int                  // text bytes, for batch sizing
}

func (p *prepared) path() string { return p.entry.info.Path }

func (ix *Index) prepare(doc *corpus.Document, now time.Time) (*prepared, error) {
	if doc == nil {
		return nil, fmt.Errorf("index: nil document")
	}
	if doc.Path == "" {
		return nil, fmt.Errorf("index: document without a path")
	}
	if doc.Hash == "" {
		return nil, fmt.Errorf("index %s: document without a content hash", doc.Path)
	}
	info := FileInfo{
		Path:       doc.Path,
		Hash:       doc.Hash,
		Size:       doc.Size,
		Format:     doc.Format,
		Encoding:   doc.Encoding,
		Title:      doc.Title,
		Date:       doc.Date,
		DateSource: doc.DateSource,
		Source:     doc.Source,
		Region:     doc.Region,
		Paragraphs: len(doc.Paragraphs),
		IndexedAt:  now,
		Warnings:   append([]string(nil), doc.Warnings...),
	}
	e := &fileEntry{tag: hashTag(doc.Hash)}
	for _, para := range doc.Paragraphs {
		info.Sentences += len(para.Sentences)
		for _, s := range para.Sentences {
			info.Figures += len(s.Figures)
		}
	}
	if info.Sentences > maxIDNumber {
		return nil, fmt.Errorf("index %s: %d sentences, more than the %d a file may have", doc.Path, info.Sentences, maxIDNumber)
	}
	key, err := ix.keyFor(doc.Path)
	if err != nil {
		return nil, err
	}
	e.key = key

	spans := passageSpans(doc.Paragraphs)
	p := &prepared{entry: e, docs: make([]*document.Document, 0, len(spans)+1)}
	var regionB []byte
	if doc.Region.Name != "" {
		regionB = []byte(doc.Region.Name)
	}
	// Blobs are encoded into shared 64 KiB blocks: one allocation per
	// block instead of one per passage, and, unlike one buffer grown by
	// append, no block is ever copied or over-allocated by half.
	var blk, text []byte
	var regions []string
	var years []int
	lastPara := -1
	for m, sp := range spans {
		para := &doc.Paragraphs[sp.para]
		ss := para.Sentences[sp.from:sp.to]
		if sp.para != lastPara {
			e.paras = append(e.paras, paraRange{Para: para.Index, First: m + 1})
			lastPara = sp.para
		}
		e.paras[len(e.paras)-1].Count++
		if hint := blobSizeHint(e.tag, ss); cap(blk)-len(blk) < hint {
			blk = make([]byte, 0, max(64<<10, hint))
		}
		start := len(blk)
		blk = encodePassage(blk, e.tag, doc.Region.Name, sp.first, ss)
		blob := blk[start:len(blk):len(blk)]

		text, regions, years = text[:0], regions[:0], years[:0]
		for i := range ss {
			s := &ss[i]
			if i > 0 {
				// A line break keeps the analyzer from pairing the last
				// character of one sentence with the first of the next.
				text = append(text, '\n')
			}
			text = appendSearchText(text, s)
			// A sentence about another place (a province's report on its
			// cities, a ranking list of counties) is found under it too.
			for _, r := range otherRegions(s, doc.Region.Name) {
				if !slices.Contains(regions, r) {
					regions = append(regions, r)
				}
			}
			for _, y := range figureYears(s, doc.Date) {
				if !slices.Contains(years, y) {
					years = append(years, y)
				}
			}
			p.bytes += len(s.Text) + len(s.Norm)
		}
		d := document.NewDocument(passageID(key, m+1))
		d.Fields = make([]document.Field, 0, 3+len(regions)+len(years)) // bleve adds _id
		d.AddField(newTermField(fieldNorm, slices.Clone(text), indexedOpts, ix.fast))
		if regionB != nil {
			d.AddField(newTermField(fieldRegion, regionB, filterOpts, nil))
		}
		for _, r := range regions {
			d.AddField(newTermField(fieldRegion, []byte(r), filterOpts, nil))
		}
		for _, y := range years {
			d.AddField(newTermField(fieldYear, []byte(strconv.Itoa(y)), filterOpts, nil))
		}
		d.AddField(document.NewTextFieldCustom(fieldBlob, nil, blob, storedOpts, nil))
		p.docs = append(p.docs, d)
	}
	e.passages = len(spans)
	e.info = info

	meta, err := json.Marshal(e.record())
	if err != nil {
		return nil, fmt.Errorf("index %s: encode file metadata: %w", doc.Path, err)
	}
	fd := document.NewDocument(fileID(key))
	fd.AddField(newTermField(fieldKind, []byte(kindFile), filterOpts, nil))
	fd.AddField(newTermField(fieldPath, []byte(doc.Path), filterOpts, nil))
	fd.AddField(document.NewTextFieldCustom(fieldMeta, nil, meta, storedOpts, nil))
	p.docs = append(p.docs, fd)
	return p, nil
}

func (ix *Index) writable() error {
	if ix.closed.Load() {
		return ErrClosed
	}
	if ix.readOnly {
		return fmt.Errorf("index %s: %w", ix.dir, ErrReadOnly)
	}
	return nil
}

// Put indexes doc, replacing any earlier version of doc.Path in one atomic
// batch, or does nothing when the path is indexed with the same hash.
// When Put returns, the change is searchable and (on disk) durable.
func (ix *Index) Put(doc *corpus.Document) (Outcome, error) {
	out, err := ix.PutBatch([]*corpus.Document{doc})
	if err != nil {
		return 0, err
	}
	return out[0], nil
}

// PutBatch indexes several files in one bleve batch: much faster than one
// Put each for small files, since every batch waits for a disk commit, and
// still atomic per file (in fact for the whole batch). A path may occur
// once per call.
func (ix *Index) PutBatch(docs []*corpus.Document) ([]Outcome, error) {
	if err := ix.writable(); err != nil {
		return nil, err
	}
	now := time.Now().UTC().Truncate(time.Millisecond)
	outs := make([]Outcome, len(docs))
	var ps []*prepared
	var at []int // index in docs of ps[k]
	seen := make(map[string]bool, len(docs))
	for i, d := range docs {
		if d != nil {
			if seen[d.Path] {
				return nil, fmt.Errorf("index: PutBatch: %s given twice", d.Path)
			}
			seen[d.Path] = true
			if d.Hash != "" && ix.Unchanged(d.Path, d.Hash) {
				outs[i] = Unchanged // skip the encoding; begin checks again
				continue
			}
		}
		p, err := ix.prepare(d, now)
		if err != nil {
			return nil, err
		}
		ps = append(ps, p)
		at = append(at, i)
	}
	if len(ps) == 0 {
		return outs, nil
	}
	pouts, err := ix.commit(ps)
	if err != nil {
		return nil, err
	}
	for k, o := range pouts {
		outs[at[k]] = o
	}
	return outs, nil
}

// commit writes prepared files (distinct paths) in one batch.
func (ix *Index) commit(ps []*prepared) ([]Outcome, error) {
	t, err := ix.begin(ps)
	if err != nil {
		return nil, err
	}
	if err := ix.run(t); err != nil {
		return nil, err
	}
	return t.outs, nil
}

// ticket is a batch between begin and run.
type ticket struct {
	ps   []*prepared
	outs []Outcome
	b    *bleve.Batch
}

// begin turns prepared files into a bleve batch and registers them as in
// flight. It first waits until no batch in flight holds any of the same
// paths, so the batches of one path are applied in the order they began,
// while batches of different paths may be written concurrently (analysis
// of one overlapping the segment building of another).
func (ix *Index) begin(ps []*prepared) (*ticket, error) {
	ix.wmu.Lock()
	defer ix.wmu.Unlock()
	for {
		if err := ix.writable(); err != nil {
			return nil, err
		}
		busy := false
		for _, p := range ps {
			if ix.inflight[p.path()] {
				busy = true
				break
			}
		}
		if !busy {
			break
		}
		ix.landed.Wait()
	}

	t := &ticket{ps: ps, outs: make([]Outcome, len(ps))}
	olds := make([]*fileEntry, len(ps))
	ix.mu.RLock()
	for i, p := range ps {
		old := ix.files[p.path()]
		switch {
		case old == nil:
			t.outs[i] = Added
		case old.info.Hash == p.entry.info.Hash:
			t.outs[i] = Unchanged
		default:
			t.outs[i] = Replaced
		}
		olds[i] = old
	}
	ix.mu.RUnlock()

	b := ix.bi.NewBatch()
	for i, p := range ps {
		if t.outs[i] == Unchanged {
			continue
		}
		// IDs #1..#new are overwritten by the new documents; only an old
		// surplus needs deleting.
		if old := olds[i]; old != nil {
			first := p.entry.passages + 1
			if old.key != p.entry.key {
				// Removed and indexed again meanwhile: nothing of the
				// old key is overwritten.
				first = 1
				b.Delete(fileID(old.key))
			}
			for n := first; n <= old.passages; n++ {
				b.Delete(passageID(old.key, n))
			}
			prev := *old
			prev.prev = nil
			p.entry.prev = &prev
		}
		for _, d := range p.docs {
			if err := b.IndexAdvanced(d); err != nil {
				return nil, fmt.Errorf("index %s: %w", p.path(), err)
			}
		}
	}
	if b.Size() == 0 {
		return t, nil
	}
	t.b = b
	ix.mu.Lock()
	for i, p := range ps {
		if t.outs[i] != Unchanged {
			ix.pending[p.path()] = p.entry
			ix.keyPath[p.entry.key] = p.path()
			ix.inflight[p.path()] = true
		}
	}
	ix.mu.Unlock()
	ix.flying++
	return t, nil
}

// run writes a ticket's batch and publishes its files. It holds no lock
// while bleve works.
func (ix *Index) run(t *ticket) error {
	if t.b == nil {
		return nil
	}
	err := ix.bi.Batch(t.b)
	ix.wmu.Lock()
	ix.mu.Lock()
	for i, p := range t.ps {
		if t.outs[i] == Unchanged {
			continue
		}
		delete(ix.pending, p.path())
		delete(ix.inflight, p.path())
		if err == nil {
			ix.addLocked(p.entry)
			delete(ix.assigned, p.path())
		}
	}
	ix.mu.Unlock()
	ix.flying--
	ix.landed.Broadcast()
	ix.wmu.Unlock()
	if err != nil {
		return fmt.Errorf("index %s: write batch of %d files: %w", ix.dir, len(t.ps), err)
	}
	return nil
}

// quiesce waits, with ix.wmu held, until no batch is in flight.
func (ix *Index) quiesce() {
	for ix.flying > 0 {
		ix.landed.Wait()
	}
}

// Remove deletes path and all its sentences from the index, atomically.
// Removing a path that is not indexed is not an error.
func (ix *Index) Remove(path string) error {
	_, err := ix.remove(func(p string) bool { return p != path })
	return err
}

// Prune removes every indexed file for which keep returns false (files
// that are gone from disk, say) and returns their paths, sorted. keep is
// called without any lock held.
func (ix *Index) Prune(keep func(path string) bool) (removed []string, err error) {
	return ix.remove(keep)
}

// pruneBatchIDs bounds the size of one delete batch; each file's deletes
// stay in one batch.
const pruneBatchIDs = 100_000

func (ix *Index) remove(keep func(string) bool) ([]string, error) {
	ix.wmu.Lock()
	defer ix.wmu.Unlock()
	ix.quiesce()
	if err := ix.writable(); err != nil {
		return nil, err
	}
	ix.mu.RLock()
	all := make([]*fileEntry, 0, len(ix.files))
	for _, e := range ix.files {
		all = append(all, e)
	}
	ix.mu.RUnlock()

	var gone []*fileEntry
	for _, e := range all {
		if !keep(e.info.Path) {
			gone = append(gone, e)
		}
	}
	sort.Slice(gone, func(i, j int) bool { return gone[i].info.Path < gone[j].info.Path })

	var removed []string
	for len(gone) > 0 {
		b := ix.bi.NewBatch()
		k := 0
		for k < len(gone) && (k == 0 || b.Size()+gone[k].passages < pruneBatchIDs) {
			e := gone[k]
			for n := 1; n <= e.passages; n++ {
				b.Delete(passageID(e.key, n))
			}
			b.Delete(fileID(e.key))
			k++
		}
		if err := ix.bi.Batch(b); err != nil {
			return removed, fmt.Errorf("index %s: remove %d files: %w", ix.dir, k, err)
		}
		ix.mu.Lock()
		for _, e := range gone[:k] {
			delete(ix.files, e.info.Path)
			delete(ix.keyPath, e.key)
			removed = append(removed, e.info.Path)
		}
		ix.mu.Unlock()
		gone = gone[k:]
	}
	return removed, nil
}

// Writer collects files from any number of goroutines into large batches:
// a batch costs a disk commit, so grouping small files is what makes bulk
// indexing fast. Every batch holds complete files only, so each file is
// still replaced atomically. Up to two batches are written at once (one
// being analysed while the other's segment is built). Files become
// searchable when their batch is written: when the buffer fills (in the
// background), and at the latest when Flush or Close returns.
type Writer struct {
	ix       *Index
	maxBytes int

	mu     sync.Mutex
	queue  []*prepared
	byPath map[string]int // index in queue
	bytes  int
	err    error // sticky: the first failed batch

	slots  chan struct{} // batches in flight
	flying sync.WaitGroup
}

// DefaultBatchBytes is the text volume (Text and Norm of the sentences) a
// Writer collects before it writes a batch. Measured on 2 cores, 1 MB
// batches indexed faster than 4 or 16 MB ones.
const DefaultBatchBytes = 1 << 20

// writerSlots is how many batches of one Writer may be written at once.
const writerSlots = 2

// NewWriter returns a Writer that writes a batch whenever it holds
// batchBytes of sentence text (DefaultBatchBytes if ≤ 0).
func (ix *Index) NewWriter(batchBytes int) *Writer {
	if batchBytes <= 0 {
		batchBytes = DefaultBatchBytes
	}
	return &Writer{ix: ix, maxBytes: batchBytes, byPath: map[string]int{}, slots: make(chan struct{}, writerSlots)}
}

// Put queues doc and returns its expected outcome, judged against the
// committed index and the queue: Unchanged files are not queued. A later
// Put of a queued path supersedes the queued version. A Put that fills the
// buffer starts writing the batch; errors of batches are returned by a
// later Put, Flush or Close, and after an error every call returns it.
func (w *Writer) Put(doc *corpus.Document) (Outcome, error) {
	if err := w.ix.writable(); err != nil {
		return 0, err
	}
	if doc != nil && doc.Hash != "" {
		// The common case of a re-run: indexed, not queued, unchanged.
		// Decided before the costly encoding.
		w.mu.Lock()
		_, queued := w.byPath[doc.Path]
		err := w.err
		w.mu.Unlock()
		if err != nil {
			return 0, err
		}
		if !queued && w.ix.Unchanged(doc.Path, doc.Hash) {
			return Unchanged, nil
		}
	}
	p, err := w.ix.prepare(doc, time.Now().UTC().Truncate(time.Millisecond))
	if err != nil {
		return 0, err
	}
	path, hash := p.path(), p.entry.info.Hash

	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err != nil {
		return 0, w.err
	}
	committed, indexed := w.ix.File(path)
	out := Added
	if indexed {
		out = Replaced
	}
	if i, ok := w.byPath[path]; ok {
		q := w.queue[i]
		switch {
		case q.entry.info.Hash == hash:
			out = Unchanged
		case indexed && committed.Hash == hash:
			// Back to the indexed version: the queued one must not land.
			w.bytes -= q.bytes
			w.queue[i] = nil
			delete(w.byPath, path)
			out = Unchanged
		default:
			w.bytes += p.bytes - q.bytes
			w.queue[i] = p
		}
	} else if indexed && committed.Hash == hash {
		out = Unchanged
	} else {
		w.byPath[path] = len(w.queue)
		w.queue = append(w.queue, p)
		w.bytes += p.bytes
	}
	if w.bytes >= w.maxBytes {
		if err := w.startLocked(); err != nil {
			return out, err
		}
	}
	return out, nil
}

// startLocked hands the queue to a new batch, with w.mu held. Taking a
// slot and beginning the batch under w.mu keeps batches in queue order and
// makes Puts wait when writing falls behind.
func (w *Writer) startLocked() error {
	q := w.queue[:0]
	for _, p := range w.queue {
		if p != nil {
			q = append(q, p)
		}
	}
	w.queue, w.byPath, w.bytes = nil, map[string]int{}, 0
	if len(q) == 0 {
		return nil
	}
	w.slots <- struct{}{}
	t, err := w.ix.begin(q)
	if err != nil {
		<-w.slots
		w.err = err
		return err
	}
	w.flying.Add(1)
	go func() {
		defer w.flying.Done()
		err := w.ix.run(t)
		<-w.slots
		if err != nil {
			w.mu.Lock()
			if w.err == nil {
				w.err = err
			}
			w.mu.Unlock()
		}
	}()
	return nil
}

// Flush writes the queued files and waits for every batch of this Writer.
func (w *Writer) Flush() error {
	w.mu.Lock()
	err := w.err
	if err == nil {
		err = w.startLocked()
	}
	w.mu.Unlock()
	w.flying.Wait()
	if err != nil {
		return err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// Close flushes. The Writer must not be used afterwards; the Index stays
// open.
func (w *Writer) Close() error { return w.Flush() }

// appendSearchText appends what a sentence is found by: its normalized
// text, and the indicators its figures carry from elsewhere (a subject
// stated in the sentence before, the indicator after a list of places),
// so that a question names what the sentence means and not only what it
// says.
func appendSearchText(b []byte, s *corpus.Sentence) []byte {
	b = append(b, s.Norm...)
	for i, f := range s.Figures {
		if f.Metric == "" || metricBefore(s.Figures[:i], f.Metric) || strings.Contains(s.Norm, f.Metric) {
			continue
		}
		b = append(b, ' ')
		b = append(b, f.Metric...)
	}
	return b
}

func metricBefore(fs []corpus.Figure, metric string) bool {
	for _, f := range fs {
		if f.Metric == metric {
			return true
		}
	}
	return false
}

// otherRegions lists the regions of a sentence's figures other than its
// report's.
func otherRegions(s *corpus.Sentence, docRegion string) []string {
	var out []string
	for _, f := range s.Figures {
		if f.Region != "" && f.Region != docRegion && !slices.Contains(out, f.Region) {
			out = append(out, f.Region)
		}
	}
	return out
}

// figureYears lists the years of a sentence's figures: each figure's
// period year, or, for a figure without one, the year of its report's
// date (docDate, YYYY-MM-DD or YYYY).
func figureYears(s *corpus.Sentence, docDate string) []int {
	var out []int
	for _, f := range s.Figures {
		y := f.Period.Year
		if y == 0 && len(docDate) >= 4 {
			y, _ = strconv.Atoi(docDate[:4])
		}
		if y > 0 && !slices.Contains(out, y) {
			out = append(out, y)
		}
	}
	return out
}

// Compact merges the index's segments into one. A search looks every
// term up in every segment, so after a bulk load (a fresh index of
// thousands of reports ends with a score of segments) questions are
// answered faster from one. It waits for writes in progress and blocks
// new ones until it is done; searches go on. The files of the replaced
// segments are deleted by bleve's background cleanup, which runs once
// the merged state is on disk (Compact waits for that), and at the
// latest when the index is next opened for writing.
func (ix *Index) Compact(ctx context.Context) error {
	ix.wmu.Lock()
	defer ix.wmu.Unlock()
	ix.quiesce()
	if err := ix.writable(); err != nil {
		return err
	}
	ai, err := ix.bi.Advanced()
	if err != nil {
		return fmt.Errorf("compact index %s: %w", ix.dir, err)
	}
	s, ok := ai.(*scorch.Scorch)
	if !ok {
		return nil
	}
	if err := s.ForceMerge(ctx, &onePassMerge); err != nil {
		return fmt.Errorf("compact index %s: %w", ix.dir, err)
	}
	// The merged segment is in the index's current state; a write makes
	// that state durable now (a batch returns once it is on disk), so that
	// the segments it replaced can be deleted before the index is closed.
	if err := ix.bi.SetInternal([]byte(internalCompacted), []byte(time.Now().UTC().Format(time.RFC3339))); err != nil {
		return fmt.Errorf("compact index %s: %w", ix.dir, err)
	}
	ix.awaitCleanup(ctx, s)
	return nil
}

// awaitCleanup waits, for at most compactCleanupWait, until the segment
// files on disk are those of the index's current state. bleve deletes the
// replaced ones in the background once that state is on disk, and offers
// no way to be told; a process that closed the index right away would
// leave them behind until the next writable open (twice the index's size
// on disk, as a run at a million sentences did). Leaving them behind after
// the wait is harmless.
func (ix *Index) awaitCleanup(ctx context.Context, s *scorch.Scorch) {
	if ix.dir == "" {
		return
	}
	store := filepath.Join(ix.dir, "bleve", "store")
	deadline := time.Now().Add(compactCleanupWait)
	for time.Now().Before(deadline) && ctx.Err() == nil {
		r, err := s.Reader()
		if err != nil {
			return
		}
		live := 0
		if snap, ok := r.(*scorch.IndexSnapshot); ok {
			live = len(snap.Segments())
		}
		_ = r.Close()
		files, err := filepath.Glob(filepath.Join(store, "*.zap"))
		if err != nil || len(files) <= live {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}

const compactCleanupWait = 10 * time.Second

// onePassMerge is bleve's single-segment plan with no limit on the
// segments one merge task takes. bleve's own plan merges ten at a time,
// so the twenty-odd segments of a bulk load were merged in two rounds,
// every posting written twice (and on one core, since a plan's tasks run
// one after another).
var onePassMerge = func() mergeplan.MergePlanOptions {
	o := mergeplan.SingleSegmentMergePlanOptions
	o.SegmentsPerMergeTask = 1 << 20
	return o
}()

// internalCompacted is the bleve internal key recording the last Compact.
const internalCompacted = "compacted"
