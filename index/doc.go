// Package index stores analysed reports and answers questions about them in
// milliseconds.
//
// It is the only package of reportbot that imports bleve; no bleve type
// appears in its API, so the search engine can be replaced without touching
// the callers.
//
// Design:
//
//   - An index is a directory:
//
//     DIR/reportbot-index.json  schema version and creation facts
//     DIR/write.lock            flock'ed by every open (see Locking)
//     DIR/bleve/                a bleve v2 scorch index (zap segments + root.bolt)
//
//     OpenMem builds the same index in memory (bleve.NewMemOnly) for tests
//     of other packages; it has no directory, lock or schema file.
//
//   - One bleve document per sentence, ID "<path>#<n>", n = 1..Sentences of
//     the file in document order (n is the ordinal, which equals
//     Sentence.Index when the corpus numbers sentences 1, 2, 3, ...; using
//     our own ordinal guarantees the IDs of a file are exactly #1..#count, so
//     replacing or removing a file needs nothing but its sentence count).
//     Fields:
//
//     norm    indexed, unstored: Sentence.Norm through the cjk analyzer
//     (unicode words, width folding, lower case, CJK bigrams).
//     No term vectors, no doc values, no _all field: phrase
//     queries are therefore unavailable, and Query.Terms are
//     matched as "all bigrams of the phrase" instead.
//     region  keyword, indexed without frequencies/norms (filter only)
//     path    keyword, same
//     date    keyword, same
//     s       stored, unindexed: the sentence in a compact binary
//     encoding (blob.go) — Para, Index, Span, Text, Norm,
//     Figures, plus a tag of the file's hash.
//
//     Documents are built directly (document.Document, Batch.IndexAdvanced)
//     rather than through bleve's reflection mapping: it is faster and
//     guarantees no field is indexed or stored by accident. The mapping is
//     still declared so that queries analyse text with the right analyzer.
//
//   - Per file one document "file:<path>" with an indexed keyword kind=file
//     (to find them all at Open) and a stored JSON blob "meta": FileInfo
//     plus the paragraph → sentence-range table. Open loads all of them into
//     a map, so a hit is joined to its file, Files and Stats are answered,
//     and Unchanged(path, hash) is decided without touching bleve.
//
//   - Writes. Put, PutBatch and Writer all end in one bleve Batch holding,
//     for every file in it, the file document, all its sentence documents
//     (an existing ID is replaced) and deletes for the old file's surplus IDs.
//     Scorch applies a batch atomically: Scorch.Batch analyses every
//     document, builds ONE new segment for the whole batch, computes the
//     obsoleted doc numbers of every ID in the batch in every older segment,
//     and the introducer swaps in a new IndexSnapshot holding the new segment
//     and the deletion bitmaps under rootLock in one step
//     (bleve/v2 index/scorch/scorch.go Batch, prepareSegment;
//     introducer.go introduceSegment). Searches run on a snapshot, so they
//     see all of a batch or none of it. On disk, the persister writes the
//     segment file and then records the whole snapshot (segment list and
//     deletion bitmaps) in one bolt transaction (persister.go
//     persistSnapshotDirect: Begin(true) … Commit, Sync); after a crash
//     Open loads the last committed snapshot, i.e. the state after some
//     whole batch. Batch returns only after that commit (the index is not
//     opened with unsafe_batch), so a returned Put is durable.
//     A file whose content hash is unchanged is not written at all.
//
//   - Consistency of the file join. Writes are serialised by a mutex;
//     searches never wait for writes. Every sentence blob carries a tag of
//     its file's hash, and the map keeps, per path, the committed entry, the
//     entry being written and the previous one, so a hit is always joined to
//     the FileInfo of the very version it came from, even while that file
//     is being replaced. Only a hit from a file removed during the search
//     gets a FileInfo with nothing but its Path.
//
//   - Search is a bleve disjunction: a match query (OR of the cjk bigrams of
//     Query.Text) plus one AND-match per Query.Terms phrase with a boost;
//     Regions and Paths are a BooleanQuery Filter, which does not change
//     scores. Stored blobs are loaded with SearchRequest.Fields (bleve
//     fetches each hit's stored fields once; there is no cheaper path
//     through the public API).
//
//   - Locking. bbolt flocks root.bolt for as long as a bleve index is open:
//     LOCK_EX for writers, LOCK_SH for read-only opens, and with scorch's
//     default options it RETRIES FOREVER (bbolt Options.Timeout = 0 unless
//     scorch is given "bolt_timeout"; bleve/v2 index/scorch/scorch.go
//     openBolt; bbolt bolt_unix.go flock). A second writer, or a reader
//     while a writer is open, would therefore hang. So every open first
//     flocks DIR/write.lock with LOCK_NB on a fresh file description:
//     LOCK_EX for writing, LOCK_SH for ReadOnly. It fails at once with
//     ErrLocked; bleve is then opened with bolt_timeout as a second line of
//     defence against foreign programs. Consequences: many readers may share
//     an index; one writer excludes every other open, readers included (bolt
//     leaves no choice). A process that both serves questions and indexes
//     must open read-write once and use that *Index for both: Search works
//     during writes. flock locks belong to the open file description, so
//     two opens in one process conflict exactly like two processes, and the
//     kernel drops the lock if the process dies (no stale locks).
//
//   - Schema. reportbot-index.json records Schema; opening an index of
//     another schema fails with an error wrapping ErrSchema that tells the
//     user how to rebuild. Changing what is indexed or the blob encoding
//     must bump Schema.
package index
