package index

import (
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/reportbot/reportbot/corpus"
)

// The stored form of a passage (a run of sentences of one paragraph, see
// doc.go) is a hand-written binary encoding rather than JSON or gob: it
// is stored once per passage, so its size dominates the index. Strings
// are length-prefixed, integers are varints, spans of figures are
// relative to their sentence, and the common redundancies cost one flag
// bit each instead of a copy: Norm when it equals Text or
// NormalizeText(Text), a figure's Raw when it equals its Value, Number
// when it is ±Value, its Metric and Period.Raw when they occur in Norm
// (stored as an offset and length), its Region when it is the file's
// (filled in from FileInfo when the hit is joined). The hash tag (6
// bytes), the paragraph and the first sentence's ordinal are stored once
// per passage, and each sentence is length-prefixed so that a reader can
// skip it. On the sentences of the synthetic corpus (go test -run
// BlobSize -v): about 160 bytes per sentence of 98 bytes of text; JSON
// takes 3.2× as much and gob 4.4×. zap compresses each document's stored
// fields with snappy on top of this.
//
// Any change to this format, or to the corpus types it encodes, must bump
// Schema. TestBlobCoversCorpusTypes fails when a field is added to the
// corpus types so that it cannot be silently dropped here.

const blobVersion = 3

const (
	passageTagIsHex = 1 << iota
)

const (
	sentNormIsText = 1 << iota
	sentNormIsNormalized
	sentTextIsCompact // Text (and Norm if stored) in compact form (compact.go)
)

const (
	figRawIsValue = 1 << iota
	figNumIsValue
	figNumIsNegValue
	figMetricInNorm
	figPeriodRawInNorm
	figRegionIsFile
)

// tagHexLen is the length of a hash tag stored as bytes (hashTag).
const tagHexLen = 12

// encodePassage appends the stored form of the sentences ss of one
// paragraph, the first of which is the first-th sentence of its file
// (1-based), tagged with the file's hash tag, to dst; fileRegion is the
// region of its file (Region.Name).
func encodePassage(dst []byte, tag, fileRegion string, first int, ss []corpus.Sentence) []byte {
	dst = append(dst, blobVersion)
	var flags uint64
	var tagBytes [tagHexLen / 2]byte
	if len(tag) == tagHexLen && isLowerHex(tag) {
		if _, err := hex.Decode(tagBytes[:], []byte(tag)); err == nil {
			flags |= passageTagIsHex
		}
	}
	dst = binary.AppendUvarint(dst, flags)
	if flags&passageTagIsHex != 0 {
		dst = append(dst, tagBytes[:]...)
	} else {
		dst = appendString(dst, tag)
	}
	para := 0
	if len(ss) > 0 {
		para = ss[0].Para
	}
	dst = binary.AppendVarint(dst, int64(para))
	dst = binary.AppendUvarint(dst, uint64(first))
	dst = binary.AppendUvarint(dst, uint64(len(ss)))
	var body []byte
	var tab stringTable
	for i := range ss {
		body = encodeSentence(body[:0], fileRegion, &ss[i], &tab)
		dst = binary.AppendUvarint(dst, uint64(len(body)))
		dst = append(dst, body...)
	}
	return dst
}

// encodeSentence appends the stored form of s without its paragraph
// (stored once per passage) to dst; tab numbers the passage's strings.
func encodeSentence(dst []byte, fileRegion string, s *corpus.Sentence, tab *stringTable) []byte {
	var flags uint64
	switch {
	case s.Norm == s.Text:
		flags |= sentNormIsText
	case corpus.NormalizeText(s.Text) == s.Norm:
		flags |= sentNormIsNormalized
	}
	storeNorm := flags&(sentNormIsText|sentNormIsNormalized) == 0
	textLen, ok := compactLen(s.Text)
	normLen := 0
	if ok && storeNorm {
		normLen, ok = compactLen(s.Norm)
	}
	if ok {
		flags |= sentTextIsCompact
	}
	dst = binary.AppendUvarint(dst, flags)
	dst = binary.AppendVarint(dst, int64(s.Index))
	dst = binary.AppendVarint(dst, int64(s.Span.Start))
	dst = binary.AppendVarint(dst, int64(s.Span.End-s.Span.Start))
	switch {
	case ok:
		dst = binary.AppendUvarint(dst, uint64(textLen))
		dst, _ = appendCompactText(dst, s.Text)
	default:
		dst = appendString(dst, s.Text)
	}
	switch {
	case storeNorm && ok:
		dst = binary.AppendUvarint(dst, uint64(normLen))
		dst, _ = appendCompactText(dst, s.Norm)
	case storeNorm:
		dst = appendString(dst, s.Norm)
	}
	dst = binary.AppendUvarint(dst, uint64(len(s.Figures)))
	for i := range s.Figures {
		dst = encodeFigure(dst, s.Span.Start, s.Norm, fileRegion, &s.Figures[i], tab)
	}
	return dst
}

func isLowerHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// blobSizeHint is an upper bound of the size of encodePassage's output
// for ss (every varint counted at its maximum of 10 bytes).
func blobSizeHint(tag string, ss []corpus.Sentence) int {
	n := 1 + 10 + len(tag) + 3*10
	for i := range ss {
		n += 10 + sentenceSizeHint(&ss[i])
	}
	return n
}

func sentenceSizeHint(s *corpus.Sentence) int {
	n := 10 + 3*10 + 2*10 + len(s.Text) + len(s.Norm) + 10
	for i := range s.Figures {
		f := &s.Figures[i]
		n += 10 + 12*10 + 8 + 5*10 + len(f.Raw) + len(f.Value) + len(f.Unit) + len(f.Kind) + len(f.Metric) + len(f.Scope) +
			len(f.Comparator) + len(f.Qualifier) + len(f.Modality) + len(f.Period.Text) + len(f.Period.Raw) + len(f.Region)
	}
	return n
}

func encodeFigure(dst []byte, base int, norm, fileRegion string, f *corpus.Figure, tab *stringTable) []byte {
	var flags uint64
	if f.Raw == f.Value {
		flags |= figRawIsValue
	}
	metricAt, periodAt := -1, -1
	if f.Metric != "" {
		if metricAt = strings.Index(norm, f.Metric); metricAt >= 0 {
			flags |= figMetricInNorm
		}
	}
	if f.Period.Raw != "" {
		if periodAt = strings.Index(norm, f.Period.Raw); periodAt >= 0 {
			flags |= figPeriodRawInNorm
		}
	}
	if f.Region != "" && f.Region == fileRegion {
		flags |= figRegionIsFile
	}
	if v, err := strconv.ParseFloat(f.Value, 64); err == nil && f.Value != "" {
		switch {
		case math.Float64bits(v) == math.Float64bits(f.Number):
			flags |= figNumIsValue
		case math.Float64bits(-v) == math.Float64bits(f.Number):
			flags |= figNumIsNegValue
		}
	}
	dst = binary.AppendUvarint(dst, flags)
	if flags&figRawIsValue == 0 {
		dst = appendString(dst, f.Raw)
	}
	dst = appendString(dst, f.Value)
	if flags&(figNumIsValue|figNumIsNegValue) == 0 {
		dst = binary.LittleEndian.AppendUint64(dst, math.Float64bits(f.Number))
	}
	dst = tab.appendString(dst, f.Unit)
	dst = tab.appendString(dst, string(f.Kind))
	if flags&figMetricInNorm != 0 {
		dst = binary.AppendUvarint(dst, uint64(metricAt))
		dst = binary.AppendUvarint(dst, uint64(len(f.Metric)))
	} else {
		dst = tab.appendString(dst, f.Metric)
	}
	dst = tab.appendString(dst, f.Scope)
	dst = tab.appendString(dst, f.Comparator)
	dst = tab.appendString(dst, f.Qualifier)
	dst = tab.appendString(dst, f.Modality)
	dst = binary.AppendVarint(dst, int64(f.Period.Year))
	dst = binary.AppendVarint(dst, int64(f.Period.StartMonth))
	dst = binary.AppendVarint(dst, int64(f.Period.EndMonth))
	dst = tab.appendString(dst, f.Period.Text)
	if flags&figPeriodRawInNorm != 0 {
		dst = binary.AppendUvarint(dst, uint64(periodAt))
		dst = binary.AppendUvarint(dst, uint64(len(f.Period.Raw)))
	} else {
		dst = tab.appendString(dst, f.Period.Raw)
	}
	if flags&figRegionIsFile == 0 {
		dst = tab.appendString(dst, f.Region)
	}
	dst = binary.AppendVarint(dst, int64(f.Span.Start-base))
	dst = binary.AppendVarint(dst, int64(f.Span.End-f.Span.Start))
	return dst
}

func appendString(dst []byte, s string) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(s)))
	return append(dst, s...)
}

var errBlob = errors.New("corrupt stored sentence")

// blobReader decodes with bounds checks: a corrupt blob yields an error,
// never a panic.
type blobReader struct {
	b   []byte
	err error
}

func (r *blobReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errBlob
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *blobReader) varint() int {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b)
	if n <= 0 || v > math.MaxInt32 || v < math.MinInt32 {
		r.err = errBlob
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

func (r *blobReader) string() string {
	n := r.uvarint()
	if r.err != nil {
		return ""
	}
	if n > uint64(len(r.b)) {
		r.err = errBlob
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

// text reads a string stored by encodeSentence's text rule.
func (r *blobReader) text(flags uint64) string {
	if flags&sentTextIsCompact == 0 {
		return r.string()
	}
	n := r.uvarint()
	if r.err != nil {
		return ""
	}
	if n > uint64(len(r.b)) {
		r.err = errBlob
		return ""
	}
	s, ok := decodeCompactText(r.b[:n])
	if !ok {
		r.err = errBlob
		return ""
	}
	r.b = r.b[n:]
	return s
}

func (r *blobReader) float() float64 {
	if r.err != nil {
		return 0
	}
	if len(r.b) < 8 {
		r.err = errBlob
		return 0
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64(r.b))
	r.b = r.b[8:]
	return v
}

// storedPassage is a passage blob split into its header and the still
// encoded sentences, so a reader decodes only the sentences it needs.
type storedPassage struct {
	tag         string
	para, first int
	bodies      [][]byte
}

// splitPassage reads the header of a passage blob and splits its
// sentences apart without decoding them.
func splitPassage(b []byte) (storedPassage, error) {
	var p storedPassage
	if len(b) == 0 || b[0] != blobVersion {
		return p, fmt.Errorf("%w: unknown version", errBlob)
	}
	r := &blobReader{b: b[1:]}
	p.tag = r.tag(r.uvarint())
	p.para = r.varint()
	p.first = int(r.uvarint())
	n := r.uvarint()
	if r.err == nil && (n > uint64(len(r.b)) || p.first < 0 || p.first > maxIDNumber) { // every sentence takes ≥ 1 byte
		r.err = errBlob
	}
	if r.err == nil {
		p.bodies = make([][]byte, 0, n)
		for i := uint64(0); i < n && r.err == nil; i++ {
			m := r.uvarint()
			if r.err == nil && m > uint64(len(r.b)) {
				r.err = errBlob
			}
			if r.err == nil {
				p.bodies = append(p.bodies, r.b[:m:m])
				r.b = r.b[m:]
			}
		}
	}
	if r.err == nil && len(r.b) != 0 {
		r.err = fmt.Errorf("%w: %d trailing bytes", errBlob, len(r.b))
	}
	if r.err != nil {
		return storedPassage{}, r.err
	}
	return p, nil
}

func (r *blobReader) tag(flags uint64) string {
	if flags&passageTagIsHex == 0 {
		return r.string()
	}
	if r.err != nil {
		return ""
	}
	if len(r.b) < tagHexLen/2 {
		r.err = errBlob
		return ""
	}
	t := hex.EncodeToString(r.b[:tagHexLen/2])
	r.b = r.b[tagHexLen/2:]
	return t
}

// substring reads an offset and a length into s and returns that part of
// it.
func (r *blobReader) substring(s string) string {
	at, n := r.uvarint(), r.uvarint()
	if r.err != nil {
		return ""
	}
	if at > uint64(len(s)) || n > uint64(len(s))-at {
		r.err = errBlob
		return ""
	}
	return s[at : at+n]
}

// decodePassage is the inverse of encodePassage: the file's hash tag, the
// ordinal of the first sentence and the sentences. fileRegion is the
// region of the file the tag names, given to the figures whose region is
// their file's.
func decodePassage(b []byte, fileRegion string) (tag string, first int, ss []corpus.Sentence, err error) {
	p, err := splitPassage(b)
	if err != nil {
		return "", 0, nil, err
	}
	if ss, err = p.sentences(fileRegion); err != nil {
		return "", 0, nil, err
	}
	return p.tag, p.first, ss, nil
}

// sentences decodes all of the passage's sentences.
func (p *storedPassage) sentences(fileRegion string) ([]corpus.Sentence, error) {
	ss := make([]corpus.Sentence, len(p.bodies))
	var tab stringTable
	for i, body := range p.bodies {
		var err error
		if ss[i], err = decodeSentence(body, p.para, fileRegion, &tab); err != nil {
			return nil, err
		}
	}
	return ss, nil
}

// decodeSentence decodes one sentence of a passage of paragraph para.
// The sentences of a passage must be decoded in order, with one tab.
func decodeSentence(b []byte, para int, fileRegion string, tab *stringTable) (s corpus.Sentence, err error) {
	r := &blobReader{b: b}
	flags := r.uvarint()
	s.Para = para
	s.Index = r.varint()
	s.Span.Start = r.varint()
	s.Span.End = s.Span.Start + r.varint()
	s.Text = r.text(flags)
	switch {
	case flags&sentNormIsText != 0:
		s.Norm = s.Text
	case flags&sentNormIsNormalized != 0:
		s.Norm = corpus.NormalizeText(s.Text)
	default:
		s.Norm = r.text(flags)
	}
	n := r.uvarint()
	if r.err == nil && n > uint64(len(r.b)) { // every figure takes ≥ 1 byte
		r.err = errBlob
	}
	if r.err == nil && n > 0 {
		s.Figures = make([]corpus.Figure, n)
		for i := range s.Figures {
			decodeFigure(r, s.Span.Start, s.Norm, fileRegion, &s.Figures[i], tab)
		}
	}
	if r.err == nil && len(r.b) != 0 {
		r.err = fmt.Errorf("%w: %d trailing bytes", errBlob, len(r.b))
	}
	if r.err != nil {
		return corpus.Sentence{}, r.err
	}
	return s, nil
}

func decodeFigure(r *blobReader, base int, norm, fileRegion string, f *corpus.Figure, tab *stringTable) {
	flags := r.uvarint()
	if flags&figRawIsValue == 0 {
		f.Raw = r.string()
	}
	f.Value = r.string()
	if flags&figRawIsValue != 0 {
		f.Raw = f.Value
	}
	switch {
	case flags&(figNumIsValue|figNumIsNegValue) == 0:
		f.Number = r.float()
	case r.err == nil:
		v, err := strconv.ParseFloat(f.Value, 64)
		if err != nil {
			r.err = errBlob
			return
		}
		if flags&figNumIsNegValue != 0 {
			v = -v
		}
		f.Number = v
	}
	f.Unit = tab.readString(r)
	f.Kind = corpus.Kind(tab.readString(r))
	if flags&figMetricInNorm != 0 {
		f.Metric = r.substring(norm)
	} else {
		f.Metric = tab.readString(r)
	}
	f.Scope = tab.readString(r)
	f.Comparator = tab.readString(r)
	f.Qualifier = tab.readString(r)
	f.Modality = tab.readString(r)
	f.Period.Year = r.varint()
	f.Period.StartMonth = r.varint()
	f.Period.EndMonth = r.varint()
	f.Period.Text = tab.readString(r)
	if flags&figPeriodRawInNorm != 0 {
		f.Period.Raw = r.substring(norm)
	} else {
		f.Period.Raw = tab.readString(r)
	}
	if flags&figRegionIsFile != 0 {
		f.Region = fileRegion
	} else {
		f.Region = tab.readString(r)
	}
	f.Span.Start = base + r.varint()
	f.Span.End = f.Span.Start + r.varint()
}
