package index

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strconv"

	"github.com/reportbot/reportbot/corpus"
)

// The stored form of a sentence is a hand-written binary encoding rather
// than JSON or gob: it is stored once per sentence, so its size dominates
// the index. Measured on the synthetic sentences of the benchmarks
// (go test -run BlobSize -v): 311 bytes per sentence of 100 bytes of text
// (Text and Norm are both stored), where JSON takes 1.8× and gob, which
// must repeat its type description in every self-contained blob, 2.4× that
// (and base64 would add a third). Strings are length-prefixed, integers
// are varints, spans of figures are relative to the sentence, and the
// common redundancies (Norm == Text, Raw == Value, Number == ±Value) cost
// one flag bit. zap compresses each document's stored fields with snappy
// on top of this.
//
// Any change to this format, or to the corpus types it encodes, must bump
// Schema. TestBlobCoversCorpusTypes fails when a field is added to the
// corpus types so that it cannot be silently dropped here.

const blobVersion = 1

const (
	sentNormIsText = 1 << iota
)

const (
	figRawIsValue = 1 << iota
	figNumIsValue
	figNumIsNegValue
)

// encodeSentence appends the stored form of s, tagged with the file's hash
// tag, to dst.
func encodeSentence(dst []byte, tag string, s *corpus.Sentence) []byte {
	dst = append(dst, blobVersion)
	dst = appendString(dst, tag)
	var flags uint64
	if s.Norm == s.Text {
		flags |= sentNormIsText
	}
	dst = binary.AppendUvarint(dst, flags)
	dst = binary.AppendVarint(dst, int64(s.Para))
	dst = binary.AppendVarint(dst, int64(s.Index))
	dst = binary.AppendVarint(dst, int64(s.Span.Start))
	dst = binary.AppendVarint(dst, int64(s.Span.End-s.Span.Start))
	dst = appendString(dst, s.Text)
	if flags&sentNormIsText == 0 {
		dst = appendString(dst, s.Norm)
	}
	dst = binary.AppendUvarint(dst, uint64(len(s.Figures)))
	for i := range s.Figures {
		dst = encodeFigure(dst, s.Span.Start, &s.Figures[i])
	}
	return dst
}

// blobSizeHint is an upper bound of the size of encodeSentence's output
// (every varint counted at its maximum of 10 bytes).
func blobSizeHint(tag string, s *corpus.Sentence) int {
	n := 1 + 10 + len(tag) + 10 + 4*10 + 2*10 + len(s.Text) + len(s.Norm) + 10
	for i := range s.Figures {
		f := &s.Figures[i]
		n += 10 + 12*10 + 8 + 5*10 + len(f.Raw) + len(f.Value) + len(f.Unit) + len(f.Kind) + len(f.Metric) + len(f.Scope) +
			len(f.Comparator) + len(f.Qualifier) + len(f.Modality) + len(f.Period.Text) + len(f.Period.Raw) + len(f.Region)
	}
	return n
}

func encodeFigure(dst []byte, base int, f *corpus.Figure) []byte {
	var flags uint64
	if f.Raw == f.Value {
		flags |= figRawIsValue
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
	dst = appendString(dst, f.Unit)
	dst = appendString(dst, string(f.Kind))
	dst = appendString(dst, f.Metric)
	dst = appendString(dst, f.Scope)
	dst = appendString(dst, f.Comparator)
	dst = appendString(dst, f.Qualifier)
	dst = appendString(dst, f.Modality)
	dst = binary.AppendVarint(dst, int64(f.Period.Year))
	dst = binary.AppendVarint(dst, int64(f.Period.StartMonth))
	dst = binary.AppendVarint(dst, int64(f.Period.EndMonth))
	dst = appendString(dst, f.Period.Text)
	dst = appendString(dst, f.Period.Raw)
	dst = appendString(dst, f.Region)
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

// decodeSentence is the inverse of encodeSentence; it returns the file's
// hash tag and the sentence.
func decodeSentence(b []byte) (tag string, s corpus.Sentence, err error) {
	if len(b) == 0 || b[0] != blobVersion {
		return "", s, fmt.Errorf("%w: unknown version", errBlob)
	}
	r := &blobReader{b: b[1:]}
	tag = r.string()
	flags := r.uvarint()
	s.Para = r.varint()
	s.Index = r.varint()
	s.Span.Start = r.varint()
	s.Span.End = s.Span.Start + r.varint()
	s.Text = r.string()
	if flags&sentNormIsText != 0 {
		s.Norm = s.Text
	} else {
		s.Norm = r.string()
	}
	n := r.uvarint()
	if r.err == nil && n > uint64(len(r.b)) { // every figure takes ≥ 1 byte
		r.err = errBlob
	}
	if r.err == nil && n > 0 {
		s.Figures = make([]corpus.Figure, n)
		for i := range s.Figures {
			decodeFigure(r, s.Span.Start, &s.Figures[i])
		}
	}
	if r.err == nil && len(r.b) != 0 {
		r.err = fmt.Errorf("%w: %d trailing bytes", errBlob, len(r.b))
	}
	if r.err != nil {
		return "", corpus.Sentence{}, r.err
	}
	return tag, s, nil
}

func decodeFigure(r *blobReader, base int, f *corpus.Figure) {
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
	f.Unit = r.string()
	f.Kind = corpus.Kind(r.string())
	f.Metric = r.string()
	f.Scope = r.string()
	f.Comparator = r.string()
	f.Qualifier = r.string()
	f.Modality = r.string()
	f.Period.Year = r.varint()
	f.Period.StartMonth = r.varint()
	f.Period.EndMonth = r.varint()
	f.Period.Text = r.string()
	f.Period.Raw = r.string()
	f.Region = r.string()
	f.Span.Start = base + r.varint()
	f.Span.End = f.Span.Start + r.varint()
}
