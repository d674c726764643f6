// Package index stores analysed reports and answers questions about them in
// milliseconds.
//
// It stores and searches the documents it is given (corpus.Documents with
// their path and content hash) and never reads report files itself:
// finding, reading and analysing them is the pipeline's (package ingest),
// which asks Unchanged before analysing a file, writes through a Writer
// and prunes with Prune.
//
// It is the only package of reportbot that imports bleve; no bleve type
// appears in its API, so the search engine can be replaced without touching
// the callers.
//
// # Layout
//
// An index is a directory:
//
//	DIR/reportbot-index.json  schema version and creation facts
//	DIR/write.lock            flock'ed by every open (see Locking)
//	DIR/bleve/                a bleve v2 scorch index (zap segments, root.bolt)
//
// OpenMem builds the same index in memory (bleve.NewMemOnly) for tests of
// other packages; it has no directory, lock or schema file.
//
// # Documents
//
// One bleve document per passage: a run of at most eight consecutive
// sentences of one paragraph (passage.go). Its ID is eight characters: the
// file's key (a number given to a path when it is first indexed, kept in
// its record and reused when the file is replaced) and m = 1..Passages of
// the file in document order, each four characters of an alphabet whose
// byte order is its numeric order (ids.go). Replacing or removing a file
// needs nothing but its key and passage count. New files get increasing
// keys, so new IDs sort above every older segment's, which spares scorch
// looking them up there (see ids.go). A hit is still a sentence: Hit.ID
// is "<path>#<n>", n the sentence's ordinal in its file. Fields (no _all
// field, no doc values, no term vectors anywhere):
//
//	norm    the passage's sentences' search texts (Sentence.Norm and the
//	        indicators its figures carry from elsewhere), one line each;
//	        indexed with frequencies and norms, not stored; cjk analyzer:
//	        unicode words, width folding, lower case, CJK bigrams (no term
//	        vectors: no phrase queries; a Query.Terms phrase is "all of
//	        its bigrams")
//	region  Document.Region.Name, and the other regions its figures are
//	        about; keyword, indexed without frequencies and norms
//	        (filters only); absent when the region is unknown
//	year    the years of its figures (a figure's period year, else its
//	        report's); the same; for Query.Years
//	s       stored, not indexed: the passage in a compact binary encoding
//	        (blob.go): a tag of the file's hash, the paragraph, the first
//	        sentence's ordinal, and each sentence's Index, Span, Text, Norm
//	        unless it can be derived from Text, and Figures
//
// The region and year fields of a passage are those of all its sentences;
// Search applies the filters again to each sentence of a hit passage.
//
// The file's path is not in its passages: a hit's key is joined to its
// file's record.
//
// Documents are built directly (document.Document, Batch.IndexAdvanced) rather
// than through bleve's reflection mapping: it is faster and guarantees no
// field is indexed or stored by accident. The mapping is still declared, so
// that queries use the right analyzers and the index describes itself. At
// indexing time, passages go through fastCJK (analyzer.go): the same
// tokens as the cjk analyzer, five times faster, falling back to the cjk
// analyzer on any rune it does not know, and checked against it by a
// differential test and a fuzz test.
//
// Per file, one document "!" + key, below every passage ID, with an
// indexed keyword kind=file (to find them all at Open), the path as an
// indexed keyword (to find a record by path on a lazy open) and a stored
// JSON blob "meta": FileInfo, the key, the number of passages and the
// paragraph → passage-range table. A writable open loads all of them into a map, so a hit is joined
// to its file, Files and Stats are answered, and Unchanged(path, hash) is
// decided without touching bleve; a read-only open loads them by key or
// path as hits and calls need them.
//
// # Writes
//
// Put, PutBatch and Writer all end in bleve Batches holding,
// for every file in them, the file document, all its passage documents
// (an existing ID is replaced) and deletes for the old file's surplus
// IDs, so a file is always written by exactly one batch. Scorch applies
// a batch atomically: Scorch.Batch analyses every document, builds ONE
// new segment for the whole batch, computes the obsoleted doc numbers of
// every ID of the batch in every older segment, and the introducer swaps
// in a new IndexSnapshot holding the new segment and the deletion bitmaps
// under rootLock in one step (bleve/v2 index/scorch/scorch.go Batch,
// prepareSegment; introducer.go introduceSegment). Searches run on a
// snapshot, so they see all of a batch or none of it. On disk, the
// persister writes the segment file and then records the whole snapshot
// (segment list and deletion bitmaps) in one bolt transaction
// (persister.go persistSnapshotDirect: Begin(true) … Commit, Sync);
// after a crash Open loads the last committed snapshot, i.e. the state
// after some whole batch. Batch returns only after that commit (the
// index is not opened with unsafe_batch), so a returned Put is durable.
// A file whose content hash is unchanged is not encoded or written.
// Writer groups files into batches of about 1 MiB of text (a batch costs
// a segment and a commit) and writes up to two batches at once;
// batches holding the same path are applied in the order they began.
// Memory: bleve holds several KiB per document of a batch until its
// segment is built, so a very large file takes a lot (see BENCHMARKS.md).
//
// # Consistency
//
// Searches never wait for writes. Every
// passage blob carries a tag of its file's hash, and the map keeps, per
// path, the committed entry, the entry being written and the previous
// one, so a hit is joined to the FileInfo of the very version it came
// from, even while that file is being replaced. A hit from a file
// removed during the search is dropped.
//
// # Search
//
// What a bleve query costs is the postings it walks: zap
// decodes the frequency and norm of every posting between two hits
// inside a chunk of up to 1024 postings, so even a conjunction with a
// small filter walks most of each term's postings. A plain OR of all
// bigrams of a question took 25 ms at a million sentences. So the
// question's bigrams are taken rarest first (document frequencies come
// from the term dictionaries) while their frequencies add up to at most
// candidateBudget postings, and the commonest are left out, like stop
// words; a Terms phrase is a boosted conjunction of its rarest bigrams,
// by the same budget. An index smaller than the budget gets the plain
// OR. Regions, Years and Paths are unscored conjunctions (filter.go):
// they do not change scores, and bleve leapfrogs over their postings
// instead of testing every candidate. The plan, the search and the reading of the
// hits' stored blobs use one snapshot; the blobs are read by the document
// number the search found (Search), not by bleve's Document(ID), which
// looks the ID up again in every segment.
//
// # Locking
//
// bbolt flocks root.bolt for as long as a bleve index is open:
// LOCK_EX for writers, LOCK_SH for read-only opens, and with scorch's
// default options it RETRIES FOREVER (bbolt Options.Timeout = 0 unless
// scorch is given "bolt_timeout"; bleve/v2 index/scorch/scorch.go
// openBolt; bbolt bolt_unix.go flock). A second writer, or a reader
// while a writer is open, would therefore hang. So every open first
// flocks DIR/write.lock with LOCK_NB on a fresh file description:
// LOCK_EX for writing, LOCK_SH for ReadOnly. It fails at once with
// ErrLocked; bleve is then opened with bolt_timeout as a second line of
// defence against foreign programs. Consequences: many readers may share
// an index; one writer excludes every other open, readers included (bolt
// leaves no choice). A process that both serves questions and indexes
// must open read-write once and use that *Index for both: Search works
// during writes. flock locks belong to the open file description, so
// two opens in one process conflict exactly like two processes, and the
// kernel drops the lock if the process dies (no stale locks).
//
// # Schema
//
// reportbot-index.json records Schema; opening an index of
// another schema fails with an error wrapping ErrSchema that tells the
// user how to rebuild. Changing what is indexed or the blob encoding
// must bump Schema.
package index
