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
answered with ``None``, and the caller lets Whoosh's own matchers score it. :class:`Scores` keeps
the scores of a query's terms and phrases per index generation and works out AND/OR/NOT on arrays
of all passages (``search`` keeps one per open index).

Reading a common word's blocks still costs Whoosh's unpickling (about 1 µs a posting). :func:`warm`
writes the postings of every word of the text, names and title fields that at least ``MIN_DF``
passages hold, with the text field's positions and each posting's BM25F score (without a query's
boost: a word's scores are the same in every query of one index generation), as numpy arrays beside
the index (``postings/<generation>/``), once per index generation; :class:`Postings` memory-maps them
when they are there, and reads only the rarer words from Whoosh. A word of the arrays is then a slice
of them, times its boost: no term dictionary look-up, no idf, no field lengths (a query's first run
in a new generation costs little more than a repeat). Arrays an older spoor wrote, without scores,
are scored from their weights as before. ``spoor serve`` runs ``warm`` in a
separate process when it opens an index generation without them: searches go on meanwhile, and use
the arrays once they are written.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import threading
import time
from array import array
from collections import OrderedDict
from pathlib import Path

import numpy as np
from whoosh import scoring
from whoosh.codec import whoosh3
from whoosh.collectors import ScoredCollector
from whoosh.query import And, AndMaybe, AndNot, Or, Phrase, Term
from whoosh.reading import SegmentReader as _SEGMENT_READER
from whoosh.util.numeric import byte_to_length

_LENGTH_OF_BYTE = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)
_log = logging.getLogger(__name__)
CACHE = "postings"  # folder beside the index's "whoosh" folder
CACHED_FIELDS = ("text", "names", "title")
MIN_DF = 256  # words in fewer passages are two Whoosh blocks at most: quick to read as they are
_STRIDE = np.int64(1) << 32  # (passage, position) pairs as one int64, for phrase matching


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
        self._deletions: dict[int, np.ndarray] = {}
        self.folder: Path | None = None
        self.cache: _Cache | None = None
        self._looked = 0.0

    def prepare(self, fieldnames) -> None:
        """Read the field lengths of ``fieldnames`` now (opening an index) rather than in a first search."""
        if self.usable:
            for name in fieldnames:
                if name in self.searcher.schema and self.searcher.schema[name].scorable:
                    self._field_lengths(name)

    def use_cache(self, folder: Path) -> None:
        """Read the postings ``warm`` wrote for this index generation in ``folder``, once they are there."""
        self.folder = Path(folder)
        self._look()

    def _look(self) -> None:
        if self.cache is not None or self.folder is None or not self.usable:
            return
        now = time.monotonic()
        if now - self._looked < 1.0:  # a stat call per second at most while the arrays are being written
            return
        self._looked = now
        self.cache = _Cache.open(self.folder, generation_key(self.searcher), self.scoring_key())

    # -- public ------------------------------------------------------------------------------------
    def score(self, q) -> tuple[np.ndarray, np.ndarray] | None:
        """(document numbers, scores) of every document ``q`` matches, or None when only Whoosh can say."""
        if not self.usable:
            return None
        self._look()
        if type(q) is Term:
            return self._term(q.fieldname, q.text, q.boost)
        if type(q) is Phrase and q.slop == 1:
            return self._phrase(q)
        return None

    # -- terms -------------------------------------------------------------------------------------
    def _term(self, fieldname: str, text, boost: float, values: bool = False):
        empty = (np.empty(0, dtype=np.int32), np.empty(0), *((_Positions.of([]),) if values else ()))
        schema = self.searcher.schema
        if fieldname not in schema:
            return empty
        field = schema[fieldname]
        try:
            btext = field.to_bytes(text)
        except ValueError:
            return empty
        # a word of the arrays is a word of this generation's index: no look-up in the term dictionary
        cached = self.cache.get(fieldname, btext) if self.cache is not None else None
        if cached is None and (fieldname, btext) not in self.searcher.reader():
            return empty
        if cached is not None and (cached[2] is not None or not values):
            ids, weights, vals, scores = cached
        else:
            ids, weights, vals = self._read(fieldname, btext, field.format, values)
            scores = None
            if values:
                decode = field.format.decode_positions
                vals = _Positions.of([decode(v) for v in vals])
        if scores is None:
            scores = self._bm25(fieldname, btext, ids, weights)
        if boost != 1.0:
            scores = scores * boost
        return (ids, scores, vals) if values else (ids, scores)

    def _bm25(self, fieldname: str, btext: bytes, ids: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """The scores of a term's postings (``ids``, ``weights``), without its boost."""
        field = self.searcher.schema[fieldname]
        if not field.scorable:  # WeightScorer: the weight is the score
            return weights
        K1, B, avgfl = self._bm25_params(fieldname)
        idf = self.searcher.idf(fieldname, btext)
        # whoosh.scoring.bm25, operation for operation; its length part per document worked out once
        norm = self._length_norms(fieldname, K1, B, avgfl)[ids]
        return idf * ((weights * (K1 + 1)) / (weights + norm))

    def _bm25_params(self, fieldname: str) -> tuple[float, float, float]:
        """(K1, B, average field length) of ``fieldname``, as ``whoosh.scoring.BM25F`` scores it."""
        weighting = self.searcher.weighting
        return (weighting.K1, weighting._field_B.get(fieldname, weighting.B),
                self.searcher.avg_field_length(fieldname) or 1)

    def scoring_key(self) -> dict:
        """What the scores of a term depend on besides its postings and its document frequency (the same
        in one index generation): the weighting's parameters and the average lengths of the cached fields."""
        schema = self.searcher.schema
        return {"docs": self.searcher.doc_count_all(),
                "fields": {f: list(self._bm25_params(f)) if schema[f].scorable else None
                           for f in CACHED_FIELDS if f in schema}}

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
            deleted = self._deleted(reader)
            if len(deleted):
                keep = ~np.isin(ids_parts[-1] - offset, deleted)
                if values:
                    start = len(vals) - len(ids_parts[-1])
                    vals[start:] = [v for v, k in zip(vals[start:], keep) if k]
                ids_parts[-1], weight_parts[-1] = ids_parts[-1][keep], weight_parts[-1][keep]
        if not ids_parts:
            return np.empty(0, dtype=np.int32), np.empty(0), vals
        return np.concatenate(ids_parts).astype(np.int32), np.concatenate(weight_parts), vals

    def _deleted(self, reader) -> np.ndarray:
        """A segment's deleted document numbers, sorted (read once per searcher)."""
        found = self._deletions.get(id(reader))
        if found is None:
            found = self._deletions[id(reader)] = np.sort(np.fromiter(reader.deleted_docs_set, dtype=np.int64))
        return found

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

    def _length_norms(self, fieldname: str, K1: float, B: float, avgfl: float) -> np.ndarray:
        """BM25's ``K1 * ((1 - B) + B * length / avgfl)`` of every document, kept with the lengths: the
        same numbers, element for element, as working it out for a term's documents each time."""
        key = ("norm", fieldname, K1, B, avgfl)
        found = self._lengths.get(key)
        if found is None:
            found = self._lengths[key] = K1 * ((1 - B) + B * self._field_lengths(fieldname) / avgfl)
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
        # the passages that hold every word: the rarest word's, looked up in the others' (sorted) lists
        common = min((ids for ids, _, _ in parts), key=len)
        for ids, _, _ in parts:
            if ids is not common and len(common):  # a mask of all passages: quicker than a search per passage
                held = np.zeros(self.size, dtype=bool)
                held[ids] = True
                common = common[held[common]]
        if not len(common):
            return np.empty(0, dtype=np.int32), np.empty(0)
        # Word k of the phrase must stand at a position p + k of a passage where word 0 stands at p:
        # (passage, p) pairs of all words, as int64 keys, intersected.
        starts = None
        picked = []
        for k, (ids, scores, positions) in enumerate(parts):
            at = np.searchsorted(ids, common)
            picked.append(scores[at])
            owner, pos = positions.pairs(at)  # owner: index into `common`
            # sorted and unique already: passages in order, a passage's positions ascending
            keys = owner.astype(np.int64) * _STRIDE + (pos.astype(np.int64) - k)
            starts = keys if starts is None else _sorted_intersection(starts, keys)
            if not len(starts):
                break
        keep = np.zeros(len(common), dtype=bool)
        keep[(starts // _STRIDE).astype(np.int64)] = True
        found = common[keep]
        total = _tree_sum([s[keep] for s in picked])  # the order Whoosh's IntersectionMatchers add in
        if q.boost != 1.0:
            total = total * q.boost
        return found, total


def _sorted_intersection(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The values of sorted array ``a`` that are in sorted array ``b`` (both without repeats)."""
    if not len(a) or not len(b):
        return a[:0]
    if len(b) < len(a):  # the same values, sorted: the shorter array looked up in the longer
        a, b = b, a
    at = np.searchsorted(b, a)
    at[at == len(b)] = 0
    return a[b[at] == a]


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



class AllScores(ScoredCollector):
    """Every match of a query with its score, in document order (no sorting, no top N)."""

    def prepare(self, top_searcher, q, context):
        super().prepare(top_searcher, q, context)
        self.ids, self.values = array("i"), array("d")

    def _collect(self, global_docnum, score):
        self.ids.append(global_docnum)
        self.values.append(score)
        return 0

    def results(self):
        return None


class Scores:
    """Scores of a query's parts, kept per index generation, combined on arrays of all passages.

    A term or phrase ("leaf") is scored by Whoosh once (BM25F, with its boost) and kept as
    (document numbers, scores) until ``budget`` postings are kept; OR adds, AND requires every
    part, ANDNOT drops what the second part matches, ANDMAYBE adds the second part where the first
    matches: as Whoosh's matchers do, but a common word costs an array operation instead of a
    Python loop over its postings once it was seen."""

    def __init__(self, size: int, budget: int = 4_000_000):
        self.size, self.budget, self.kept = size, budget, 0
        self.leaves: OrderedDict = OrderedDict()
        self._lock = threading.Lock()  # for ``leaves`` (scoring itself is done outside it)
        self._by_searcher: dict[int, Postings] = {}
        self.postings: Postings | None = None
        self.folder: Path | None = None  # where `postings.warm` may have written this index's arrays

    def leaf(self, q, searcher) -> tuple[np.ndarray, np.ndarray]:
        """(document numbers, scores) of a term or phrase ``q``, scored once and kept. Threads may
        call this side by side, each with its own searcher over the same segments."""
        with self._lock:
            found = self.leaves.get(q)
            if found is not None:
                self.leaves.move_to_end(q)
                return found
        found = self.postings_of(searcher).score(q)
        if found is None:  # not a plain term or phrase: Whoosh's matchers score it
            collector = AllScores()
            searcher.search_with_collector(q, collector)
            found = (np.frombuffer(collector.ids, dtype=np.int32),
                     np.frombuffer(collector.values, dtype=np.float64))
        with self._lock:
            if q not in self.leaves:
                self.leaves[q] = found
                self.kept += len(found[0])
            while self.kept > self.budget and len(self.leaves) > 1:
                self.kept -= len(self.leaves.popitem(last=False)[1][0])
        return found

    def postings_of(self, searcher) -> Postings:
        """The :class:`Postings` of ``searcher``: a searcher over the same segments as ``postings``'s
        shares its field lengths and written arrays; another (a new index generation) starts afresh."""
        mine = self._by_searcher.get(id(searcher))
        if mine is not None and mine.searcher is searcher:
            return mine
        if self.postings is not None and self.postings.searcher is searcher:
            mine = self.postings
        elif self.postings is not None and generation_key(self.postings.searcher) == generation_key(searcher):
            mine = Postings(searcher)
            mine.folder, mine.cache, mine._looked = self.postings.folder, self.postings.cache, self.postings._looked
            mine._lengths = self.postings._lengths  # the same segments: the same lengths (a dict added to whole)
        else:
            mine = Postings(searcher)
            if self.folder is not None:
                mine.use_cache(self.folder)
            self.postings = mine
        self._by_searcher[id(searcher)] = mine
        return mine

    def matches(self, q, searcher) -> np.ndarray:
        """Which passages ``q`` matches (a filter), as a mask."""
        mask = np.zeros(self.size, dtype=bool)
        mask[self.leaf(q, searcher)[0]] = True
        return mask

    def evaluate(self, q, searcher, deadline: float | None = None,
                 skipped: list | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(score per passage, which passages match) for query ``q``.

        Past ``deadline`` (``time.perf_counter()``), a term or phrase not scored before is left out (as
        matching nothing) and appended to ``skipped``: an expensive query answers in part, in time.
        The parts' scores are summed in one pass (``np.bincount``), in the order the query names them:
        the same sums, to the last bit, as adding them one by one."""
        parts: list[tuple[np.ndarray, np.ndarray]] = []
        self._add(q, searcher, parts, 1.0, (deadline, skipped if skipped is not None else []))
        hit = np.zeros(self.size, dtype=bool)
        if not parts:
            return np.zeros(self.size), hit
        if len(parts) == 1:
            ids, values = parts[0]
            scores = np.zeros(self.size)
            scores[ids] = values
        else:
            ids = np.concatenate([i for i, _ in parts])
            scores = np.bincount(ids, weights=np.concatenate([v for _, v in parts]), minlength=self.size)
        hit[ids] = True
        return scores, hit

    def _add(self, q, searcher, parts: list, factor: float, budget=(None, None)) -> None:
        """Append the (passages, scores) that ``q`` adds, times ``factor``, to ``parts``."""
        boost = factor * getattr(q, "boost", 1.0)
        if isinstance(q, Or) and not getattr(q, "minmatch", 0) and getattr(q, "scale", None) is None:
            for sub in q.subqueries:
                self._add(sub, searcher, parts, boost, budget)
        elif isinstance(q, (And, AndNot, AndMaybe)):
            found = [self.evaluate(sub, searcher, *budget) for sub in (q.subqueries if isinstance(q, And) else (q.a, q.b))]
            if isinstance(q, And):
                mask = np.logical_and.reduce([h for _, h in found])
                total = np.sum([s for s, _ in found], axis=0)
            elif isinstance(q, AndNot):
                mask, total = found[0][1] & ~found[1][1], found[0][0]
            else:
                mask, total = found[0][1], found[0][0] + found[1][0]
            ids = np.flatnonzero(mask)
            parts.append((ids, total[ids] * boost))
        else:  # a term, a phrase, or anything else Whoosh scores itself, boost included
            deadline, skipped = budget
            if deadline is not None and q not in self.leaves and time.perf_counter() > deadline:
                skipped.append(q)
                return
            ids, values = self.leaf(q, searcher)
            parts.append((ids, values * factor))


class _Positions:
    """Positions of a term's postings: flat array ``pos`` and ``start`` (posting i holds
    pos[start[i]:start[i + 1]])."""

    def __init__(self, pos: np.ndarray, start: np.ndarray):
        self.pos, self.start = pos, start

    @classmethod
    def of(cls, lists: list[list[int]]) -> _Positions:
        lengths = np.fromiter((len(x) for x in lists), dtype=np.int64, count=len(lists))
        start = np.zeros(len(lists) + 1, dtype=np.int64)
        np.cumsum(lengths, out=start[1:])
        flat = [p for x in lists for p in x]
        return cls(np.asarray(flat, dtype=np.int32), start)

    def pairs(self, at: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(index into ``at``, position) of every position of the postings ``at``."""
        first, last = self.start[at], self.start[at + 1]
        lengths = last - first
        owner = np.repeat(np.arange(len(at)), lengths)
        if not len(owner):
            return owner, np.empty(0, dtype=np.int32)
        shift = np.repeat(first - np.concatenate(([0], np.cumsum(lengths)[:-1])), lengths)
        return owner, np.asarray(self.pos)[np.arange(len(owner)) + shift]


def generation_key(searcher) -> str:
    """Names the index generation a searcher reads: its segments, and their deletions."""
    parts = []
    for sub, _ in searcher.leaf_searchers():
        reader = sub.reader()
        segment = reader._segment
        parts.append(f"{segment.segment_id()}.{segment.deleted_count()}")
    return "-".join(parts) or "empty"


class _Cache:
    """The arrays ``warm`` wrote, memory-mapped: per (field, term) a range of ``ids``/``weights``/``scores``
    and, for the text field, of ``pstart`` into ``pos``. ``scores`` (BM25F without a query's boost) are
    used when they were worked out with this searcher's weighting and field lengths (``scoring_key``)."""

    def __init__(self, folder: Path, meta: dict, scoring: dict | None = None):
        # plain arrays over the maps: slicing a ``np.memmap`` costs more than slicing an array
        load = lambda name: np.asarray(np.load(folder / f"{name}.npy", mmap_mode="r"))  # noqa: E731
        self.ids, self.weights, self.pos, self.pstart = load("ids"), load("weights"), load("pos"), load("pstart")
        self.scores = load("scores") if meta.get("scoring") is not None and meta.get("scoring") == scoring \
            and (folder / "scores.npy").exists() else None
        self.terms = {(f, t.encode("utf-8")): tuple(r) for f, items in meta["terms"].items() for t, r in items.items()}

    @classmethod
    def open(cls, folder: Path, key: str, scoring: dict | None = None) -> _Cache | None:
        where = Path(folder) / CACHE / key
        try:
            meta = json.loads((where / "meta.json").read_text(encoding="utf-8"))
            return cls(where, meta, scoring) if meta.get("key") == key else None
        except (OSError, ValueError, KeyError):
            return None

    def get(self, fieldname: str, btext: bytes):
        """(ids, weights, positions or None, scores or None) of a term, or None when it is not cached: the
        weights only when there are no scores (they are what scores are worked out from)."""
        r = self.terms.get((fieldname, btext))
        if r is None:
            return None
        lo, hi, plo = r
        positions = None
        if plo >= 0:
            positions = _Positions(self.pos, self.pstart[plo:plo + (hi - lo) + 1])
        if self.scores is not None:
            return self.ids[lo:hi], None, positions, self.scores[lo:hi]
        return self.ids[lo:hi], np.asarray(self.weights[lo:hi], dtype=np.float64), positions, None


def has_arrays(folder: Path, searcher) -> bool:
    """Whether ``warm`` wrote the arrays of the index generation ``searcher`` reads."""
    return (Path(folder) / CACHE / generation_key(searcher) / "meta.json").exists()


def warm(folder: Path, min_df: int = MIN_DF) -> Path | None:
    """Write the postings of the common words of the index in ``folder`` as arrays (see the module
    docstring); a no-op when this generation has them. Returns their folder, or None when the index
    is not one :class:`Postings` can read."""
    from ..index.writer import open_existing

    folder = Path(folder)
    with open_existing(folder).searcher() as searcher:
        fast = Postings(searcher)
        if not fast.usable:
            return None
        key = generation_key(searcher)
        home = folder / CACHE
        target = home / key
        if (target / "meta.json").exists():
            return target
        reader = searcher.reader()
        ids, weights, scores, pos, pstart = [], [], [], [], [np.zeros(1, dtype=np.int64)]
        terms: dict[str, dict[str, list[int]]] = {}
        n = npos = nposting = 0
        for fieldname in CACHED_FIELDS:
            if fieldname not in searcher.schema:
                continue
            field = searcher.schema[fieldname]
            positional = field.format.supports("positions")
            terms[fieldname] = {}
            for btext in reader.lexicon(fieldname):
                if reader.doc_frequency(fieldname, btext) < min_df:
                    continue
                t_ids, t_weights, vals = fast._read(fieldname, btext, field.format, positional)
                plo = -1
                if positional:
                    decoded = _Positions.of([field.format.decode_positions(v) for v in vals])
                    pos.append(decoded.pos)
                    pstart.append(decoded.start[1:] + npos)
                    plo, npos = nposting, npos + len(decoded.pos)
                    nposting += len(t_ids)
                ids.append(t_ids)
                weights.append(t_weights)
                scores.append(fast._bm25(fieldname, btext, t_ids, t_weights))  # as ``_term`` works them out
                terms[fieldname][btext.decode("utf-8")] = [n, n + len(t_ids), plo]
                n += len(t_ids)
        w64 = np.concatenate(weights) if weights else np.empty(0)
        w32 = w64.astype(np.float32)
        tmp = home / f".{key}.{os.getpid()}"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        np.save(tmp / "ids.npy", np.concatenate(ids) if ids else np.empty(0, dtype=np.int32))
        np.save(tmp / "weights.npy", w32 if np.array_equal(w32, w64) else w64)  # tf x boost: exact in float32
        np.save(tmp / "pos.npy", np.concatenate(pos) if pos else np.empty(0, dtype=np.int32))
        np.save(tmp / "pstart.npy", np.concatenate(pstart))
        np.save(tmp / "scores.npy", np.concatenate(scores) if scores else np.empty(0))
        (tmp / "meta.json").write_text(json.dumps({"key": key, "min_df": min_df, "scoring": fast.scoring_key(),
                                                   "terms": terms}), encoding="utf-8")
        try:
            os.replace(tmp, target)
        except OSError:  # another process wrote the same generation first
            shutil.rmtree(tmp, ignore_errors=True)
        for old in home.iterdir():  # earlier generations (a reader still mapping them keeps its copy)
            if old.name != key and not old.name.startswith("."):
                shutil.rmtree(old, ignore_errors=True)
        return target


def warm_in_background(folder: Path) -> subprocess.Popen | None:
    """Start ``warm(folder)`` in a separate process (the caller goes on); None if it cannot start."""
    try:
        return subprocess.Popen([sys.executable, "-m", "pipeline.search.postings", str(folder)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
                                cwd=str(Path(__file__).resolve().parents[2]))
    except OSError as exc:
        _log.warning("postings of %s not written: %s", folder, exc)
        return None


if __name__ == "__main__":  # python -m pipeline.search.postings FOLDER
    warm(Path(sys.argv[1]))
