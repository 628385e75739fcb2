"""Whoosh posting lists read a block at a time into numpy arrays, scored as Whoosh scores them.

Whoosh scores a term by walking its postings in Python, one call per posting and per layer of
matchers: about 5 µs a posting, so a word found in half of 100,000 passages costs a quarter of a
second the first time a query holds it. :class:`Postings` reads the same posting blocks of the
index's default codec (W3) whole, decodes their document numbers with ``numpy.cumsum`` and
computes BM25F over arrays of field lengths, in the same floating-point operations and order as
``whoosh.scoring.BM25FScorer``, so the scores are the same numbers (a test compares them). A
phrase is the sum of its words' scores where the words follow each other, as Whoosh's
``SpanNear2`` matches and scores it; positions are decoded only for passages that hold every word.

Anything else (another codec or weighting, a term query subclass, positions not indexed) is
answered with ``None``, and the caller lets Whoosh's own matchers score it.
"""

from __future__ import annotations

import numpy as np
from whoosh import scoring
from whoosh.codec import whoosh3
from whoosh.query import Phrase, Term
from whoosh.reading import SegmentReader as _SEGMENT_READER
from whoosh.util.numeric import byte_to_length

_LENGTH_OF_BYTE = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)


class Postings:
    """Scores of terms and phrases over all documents of one open searcher (global document numbers)."""

    def __init__(self, searcher):
        self.searcher = searcher
        self.size = searcher.doc_count_all()
        self.leaves = searcher.leaf_searchers()  # (segment searcher, offset of its document numbers)
        weighting = searcher.weighting
        self.usable = (type(weighting) is scoring.BM25F
                       and all(isinstance(s.reader(), _SEGMENT_READER) for s, _ in self.leaves)
                       and all(isinstance(s.reader()._codec, whoosh3.W3Codec) for s, _ in self.leaves))
        self._lengths: dict[str, np.ndarray] = {}

    # -- public ------------------------------------------------------------------------------------
    def score(self, q) -> tuple[np.ndarray, np.ndarray] | None:
        """(document numbers, scores) of every document ``q`` matches, or None when only Whoosh can say."""
        if not self.usable:
            return None
        if type(q) is Term:
            return self._term(q.fieldname, q.text, q.boost)
        if type(q) is Phrase and q.slop == 1:
            return self._phrase(q)
        return None

    # -- terms -------------------------------------------------------------------------------------
    def _term(self, fieldname: str, text, boost: float, values: bool = False):
        empty = (np.empty(0, dtype=np.int32), np.empty(0))
        schema = self.searcher.schema
        if fieldname not in schema:
            return (*empty, []) if values else empty
        field = schema[fieldname]
        try:
            btext = field.to_bytes(text)
        except ValueError:
            return (*empty, []) if values else empty
        if (fieldname, btext) not in self.searcher.reader():
            return (*empty, []) if values else empty
        ids, weights, vals = self._read(fieldname, btext, field.format, values)
        if field.scorable:
            weighting = self.searcher.weighting
            B = weighting._field_B.get(fieldname, weighting.B)
            K1 = weighting.K1
            idf = self.searcher.idf(fieldname, btext)
            avgfl = self.searcher.avg_field_length(fieldname) or 1
            fl = self._field_lengths(fieldname)[ids]
            # whoosh.scoring.bm25, operation for operation
            scores = idf * ((weights * (K1 + 1)) / (weights + K1 * ((1 - B) + B * fl / avgfl)))
        else:  # WeightScorer: the weight is the score
            scores = weights
        if boost != 1.0:
            scores = scores * boost
        return (ids, scores, vals) if values else (ids, scores)

    def _read(self, fieldname: str, btext: bytes, format_, values: bool):
        """(global document numbers, weights, [positions' encoded values]) of a term, deleted documents left out."""
        ids_parts, weight_parts, vals = [], [], []
        for sub, offset in self.leaves:
            reader = sub.reader()
            if (fieldname, btext) not in reader:
                continue
            m = reader._terms.matcher(fieldname, btext, format_)
            if isinstance(m, whoosh3.W3LeafMatcher):
                while m.is_active():
                    if m._data is None:
                        m._read_data()
                    data = m._data
                    raw = np.asarray(data[0], dtype=np.int64)
                    ids_parts.append((raw if m._byteids else np.cumsum(raw)) + offset)
                    w = data[1]
                    n = m._blocklength
                    weight_parts.append(np.ones(n) if w is None else np.full(n, float(w)) if isinstance(w, float)
                                        else np.asarray(w, dtype=np.float64))
                    if values:
                        vals.extend(data[2])
                    m._next_block()
            else:  # a term with very few postings, kept inline in the term dictionary
                got = list(zip(*((m.id(), m.weight(), m.value() if values else None) for _ in _walk(m)))) or [(), (), ()]
                ids_parts.append(np.asarray(got[0], dtype=np.int64) + offset)
                weight_parts.append(np.asarray(got[1], dtype=np.float64))
                if values:
                    vals.extend(got[2])
            deleted = reader.deleted_docs_set
            if deleted:
                keep = ~np.isin(ids_parts[-1] - offset, np.fromiter(deleted, dtype=np.int64))
                if values:
                    start = len(vals) - len(ids_parts[-1])
                    vals[start:] = [v for v, k in zip(vals[start:], keep) if k]
                ids_parts[-1], weight_parts[-1] = ids_parts[-1][keep], weight_parts[-1][keep]
        if not ids_parts:
            return np.empty(0, dtype=np.int32), np.empty(0), vals
        return np.concatenate(ids_parts).astype(np.int32), np.concatenate(weight_parts), vals

    def _field_lengths(self, fieldname: str) -> np.ndarray:
        """Each document's length of ``fieldname`` as Whoosh stores it (one byte, decoded), default 1."""
        found = self._lengths.get(fieldname)
        if found is None:
            found = np.ones(self.size, dtype=np.float64)
            for sub, offset in self.leaves:
                perdoc = sub.reader()._perdoc
                column = perdoc._cached_reader(whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN)
                if column is None:
                    continue
                raw = np.frombuffer(column._dbfile.get(column._basepos, column._count), dtype=np.uint8)
                lengths = _LENGTH_OF_BYTE[raw]
                lengths[raw == 0] = 1  # Whoosh's doc_field_length(..., default=1) for a missing length
                found[offset:offset + len(raw)] = lengths
            self._lengths[fieldname] = found
        return found

    # -- phrases -----------------------------------------------------------------------------------
    def _phrase(self, q: Phrase):
        field = self.searcher.schema[q.fieldname] if q.fieldname in self.searcher.schema else None
        if field is None or not field.format or not field.format.supports("positions"):
            return None
        words = list(q.words)
        reader = self.searcher.reader()
        try:
            if not all((q.fieldname, field.to_bytes(w)) in reader for w in words):
                return np.empty(0, dtype=np.int32), np.empty(0)
        except ValueError:
            return np.empty(0, dtype=np.int32), np.empty(0)
        parts = [self._term(q.fieldname, w, 1.0, values=True) for w in words]
        common = parts[0][0]
        for ids, _, _ in parts[1:]:
            common = np.intersect1d(common, ids, assume_unique=True)
        if not len(common):
            return np.empty(0, dtype=np.int32), np.empty(0)
        found, picked = [], []
        for ids, scores, vals in parts:
            at = np.searchsorted(ids, common)
            picked.append((scores[at], [vals[i] for i in at.tolist()]))
        decode = field.format.decode_positions
        keep = np.zeros(len(common), dtype=bool)
        for n in range(len(common)):
            starts = set(decode(picked[0][1][n]))
            for k in range(1, len(words)):
                starts &= {p - k for p in decode(picked[k][1][n])}
                if not starts:
                    break
            keep[n] = bool(starts)
        found = common[keep]
        total = _tree_sum([s[keep] for s, _ in picked])  # the order Whoosh's IntersectionMatchers add in
        if q.boost != 1.0:
            total = total * q.boost
        return found, total


def _tree_sum(arrays: list[np.ndarray]) -> np.ndarray:
    """Sum as ``whoosh.util.make_binary_tree`` nests IntersectionMatchers: halves, left + right."""
    if len(arrays) == 1:
        return arrays[0]
    half = len(arrays) // 2
    return _tree_sum(arrays[:half]) + _tree_sum(arrays[half:])


def _walk(m):
    while m.is_active():
        yield
        m.next()

