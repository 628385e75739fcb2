"""The Whoosh index of passages: schema, Dutch analyzer and the writer.

The analyzer lower-cases, folds accents (so "heroriëntatie", "heroriéntatie"
and "herorientatie" meet) and every dash to "-" (so "PS23‐001234" with U+2010 is
"ps23-001234"), drops Dutch stop words except the ones that carry meaning in
decisions ("niet", "geen", ...), and applies the Snowball Dutch stemmer.

The ``parts`` field holds, per passage, what its compounds and identifiers are made of, as
"part|term" words ("afval|afvalinzamel", "001234|ps23-001234"; ``compounds.parts``): a query word
finds the index terms it is a part of by a prefix look-up in that field's term list.
"""

from __future__ import annotations

import copy
import logging
import marshal
import os
import queue
import re
import signal
import struct
from bisect import bisect_left
from collections.abc import Iterable
from multiprocessing import Queue
from pathlib import Path
from typing import NamedTuple

from whoosh import index as windex
from whoosh.analysis import (CharsetFilter, CompositeAnalyzer, LowercaseFilter, RegexTokenizer, StemFilter,
                             StopFilter)
from whoosh.codec.base import OutOfOrderError
from whoosh.codec.whoosh3 import (LENGTHS_COLUMN, W3Codec, W3FieldWriter, W3PerDocReader, W3PostingsWriter,
                                    _lenfield)
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.formats import Positions
from whoosh.lang import stopwords_for_language
from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.support.charset import accent_map
from whoosh.util.numeric import byte_to_length
from whoosh.system import emptybytes
from whoosh.writing import PostingPool, SegmentWriter

from ..models import UNRESOLVED, Document, Entity, Passage
from .compounds import DASHES, parts as token_parts, with_elided

_log = logging.getLogger(__name__)

INDEX_NAME = "whoosh"
# Words Whoosh's Dutch stop list drops that change what a decision says.
KEEP_WORDS = frozenset({"niet", "geen", "niets", "tegen", "zonder", "meer", "nog", "na", "voor", "ja"})
STOP_WORDS = frozenset(stopwords_for_language("nl")) - KEEP_WORDS
# Tokens keep inner hyphens (any dash), '+' and '&' so "Wgr-plus", "WGR+" and "B&W" stay one term.
TOKEN_PATTERN = rf"\w+(?:[-&+.{DASHES}]\w+)*\+?"
FOLD_MAP = {**accent_map, **{ord(d): "-" for d in DASHES}}


class IndexWriteError(RuntimeError):
    """A process writing the index failed; nothing of that write was committed."""


def dutch_analyzer(stem: bool = True):
    """Tokenize, lower-case, fold accents, drop stop words, stem (Snowball Dutch)."""
    chain = (RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | CharsetFilter(FOLD_MAP)
             | StopFilter(stoplist=STOP_WORDS, minsize=1))
    if stem:
        chain = chain | StemFilter(lang="nl", cachesize=50_000)
    return chain


def schema() -> Schema:
    return Schema(
        id=ID(stored=True, unique=True),
        doc_id=ID(stored=True, sortable=True),  # sortable: per-document columns make facets cheap
        passage_no=NUMERIC(stored=True),
        page=NUMERIC(stored=True),
        start=STORED(),
        title=TEXT(analyzer=dutch_analyzer(), stored=True, field_boost=1.5),
        date=ID(stored=True),
        year=NUMERIC(stored=True, sortable=True),
        doc_type=ID(stored=True, sortable=True),
        bodies=KEYWORD(stored=True, commas=True, lowercase=True, scorable=True),
        orgs=KEYWORD(stored=True, commas=True, lowercase=True),
        names=TEXT(analyzer=dutch_analyzer(stem=False)),
        # No spelling graph (spelling=True cost ~40% of the index write): "did you mean" looks the
        # typed words up in this field's term dictionary instead (``search._suggest``).
        text=TEXT(analyzer=dutch_analyzer(), stored=True, phrase=True),
        # "part|term" of the passage's compounds and identifiers (see ``part_words``), for look-ups only
        parts=KEYWORD(),
        # the document's meeting (body id, ISO date), to answer from a passage's context
        meeting_body=STORED(), meeting_date=STORED(),
        # the document's government ("Den Helder") and its code ("gm0400"): stored for the context, indexed
        # and sortable for the government filter and facet (an index written before has ``government`` as
        # STORED only and no ``government_code``; see ``has_government``)
        government=ID(stored=True, sortable=True), government_code=ID(stored=True),
    )


def index_dir(folder: Path) -> Path:
    return Path(folder) / INDEX_NAME


def exists(folder: Path) -> bool:
    """Whether an index was ever committed in ``folder``."""
    return windex.exists_in(index_dir(folder)) if index_dir(folder).exists() else False


def outdated(folder: Path) -> bool:
    """Whether the index in ``folder`` was made by a spoor whose index held other fields (it is then
    written anew, from the store, by the next build)."""
    if not exists(folder):
        return False
    try:
        return set(windex.open_dir(index_dir(folder)).schema.names()) != set(schema().names())
    except Exception:  # noqa: BLE001 - an index that cannot be opened is written anew too
        return True


def has_government(schema) -> bool:
    """Whether an index of this schema can filter and count by government (one written since the field
    was indexed; an older one keeps answering, the caller counting governments from the store)."""
    return "government_code" in schema.names() and schema["government"].indexed


def open_or_create(folder: Path):
    """Open the index in ``folder``, creating an empty one if there is none or if it is outdated."""
    path = index_dir(folder)
    path.mkdir(parents=True, exist_ok=True)
    if windex.exists_in(path) and not outdated(folder):
        return windex.open_dir(path)
    return windex.create_in(path, schema())


def open_existing(folder: Path):
    """Open the index in ``folder``; raise FileNotFoundError if none was built."""
    path = index_dir(folder)
    if not windex.exists_in(path):
        raise FileNotFoundError(f"no index in {folder}: run `spoor build` first")
    return windex.open_dir(path)


NAME_LABELS = ("ORGAN", "ORG", "LAW")  # the entities whose names and ids a passage is indexed with


class PassageRow(NamedTuple):
    """A stored passage as a plain row (what the index writer reads of a :class:`Passage`)."""

    doc_id: str
    passage_no: int
    page: int
    start: int
    end: int
    text: str


class NameRow(NamedTuple):
    """A stored ORGAN/ORG/LAW entity as a plain row (what the index writer reads of an :class:`Entity`)."""

    label: str
    text: str
    start: int
    canonical: str | None
    warnings: tuple[str, ...]


_PART_WORDS: dict[str, tuple[str, ...]] = {}
_ALL_STOPS = frozenset(stopwords_for_language("nl"))  # "voor" of "waarvoor" is no part worth a look-up
_WORDS = None


def part_words(text: str) -> str:
    """The "part|term" words of ``text``'s compounds and identifiers, space-separated: each part as the
    analyzer makes it of a word alone, the whole as the text field holds it ("afval|afvalinzamel")."""
    global _WORDS
    if _WORDS is None:
        _WORDS = _QuickAnalyzer.wrap(dutch_analyzer()).word
    word, memo, out = _WORDS, _PART_WORDS, {}
    for raw in _TOKEN.findall(text):
        try:
            found = memo[raw]
        except KeyError:
            if len(memo) > 500_000:
                memo.clear()
            found = ()
            whole = word(raw)
            if whole is not None and (len(raw) >= 7 or not raw.isalpha()):
                pieces = list(token_parts(raw))
                for piece in list(pieces):  # "weidevogelgebied": weide, vogelgebied and vogel, gebied
                    pieces += token_parts(piece) if piece.isalpha() else ()
                stems = {word(p) for p in pieces if p not in _ALL_STOPS} - {None, whole}
                found = tuple(f"{s}|{whole}" for s in sorted(stems) if " " not in s)
            memo[raw] = found
        if found:  # (most words have no parts)
            out.update(dict.fromkeys(found))
    return " ".join(out)


def passage_fields(doc: Document, passage: Passage, entities: Iterable[Entity], parts: bool = True) -> dict:
    """The Whoosh document for one passage; ``entities`` are the document's entities. Without ``parts``
    the compounds' parts are left out (a PostgreSQL store, whose search splits compounds itself, has no use for them)."""
    # An acronym no document defines carries no identity yet; linking may drop it later.
    inside = [e for e in entities if passage.start <= e.start < passage.end and UNRESOLVED not in e.warnings]
    bodies = sorted({e.canonical or e.text for e in inside if e.label == "ORGAN"})
    orgs = sorted({e.canonical or e.text for e in inside if e.label in ("ORG", "LAW")})
    names = " ".join(sorted({e.text for e in inside if e.label in NAME_LABELS}
                            | {(e.canonical or "").replace("_", " ") for e in inside
                               if e.label in NAME_LABELS}))
    year = int(doc.date[:4]) if doc.date and doc.date[:4].isdigit() else None
    indexed = with_elided(passage.text)  # "goot- en bouwhoogte" also indexes "goothoogte"
    fields = dict(
        id=f"{doc.doc_id}#{passage.passage_no}", doc_id=doc.doc_id, passage_no=passage.passage_no,
        page=passage.page, start=passage.start, title=doc.title, date=doc.date or "",
        doc_type=doc.doc_type, bodies=",".join(bodies), orgs=",".join(orgs), names=names,
        text=indexed, parts=part_words(indexed) if parts else "", meeting_body=getattr(doc, "meeting_body", None) or "",
        meeting_date=getattr(doc, "meeting_date", None) or "",
    )
    if indexed is not passage.text:
        fields["_stored_text"] = passage.text
    for name in ("government", "government_code"):  # an empty ID would be a term of its own
        if getattr(doc, name, None):
            fields[name] = getattr(doc, name)
    if year is not None:
        fields["year"] = year
    return fields


def ensure_writable(folder: Path) -> None:
    """Raise whoosh's LockError now if another writer holds the index, before any work is done."""
    if not exists(folder):
        return
    lock = windex.open_dir(index_dir(folder)).lock("WRITELOCK")
    if not lock.acquire(blocking=False):
        raise windex.LockError(f"the index in {folder} is locked by another writer")
    lock.release()


# From this many documents on, passages are analysed in one process per core (Whoosh's MpWriter,
# a segment each); below it, starting the processes costs more than it saves.
PARALLEL_MIN_DOCS = 100


class _LengthsReader(W3PerDocReader):
    """Whoosh's per-document reader, remembering which fields have no length column, and the lengths.

    Writing a segment asks for the length of every posting's field; for a field without lengths
    (ids, numbers, ``orgs``) Whoosh looked for the column file again each time (an ``os.stat`` per
    posting, a tenth of the index write), and for one with lengths it read the byte from the column
    file (a seek and a read per posting). A written segment's files never change, so the answers are
    kept: a field's lengths are read once, for all documents, as Whoosh decodes them.
    """

    def __init__(self, storage, segment) -> None:
        super().__init__(storage, segment)
        self._lengths: dict[str, list | None] = {}

    def field_lengths(self, fieldname) -> list | None:
        """The lengths of ``fieldname`` in every document (None: the field keeps none)."""
        try:
            return self._lengths[fieldname]
        except KeyError:
            reader = self._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
            lengths = None if reader is None else [byte_to_length(b) if b else None
                                                   for b in (reader[n] for n in range(self._doccount))]
            self._lengths[fieldname] = lengths
            return lengths

    def doc_field_length(self, docnum, fieldname, default=0):
        lengths = self.field_lengths(fieldname)
        if docnum > self._doccount:
            raise IndexError(f"Asked for docnum {docnum!r} of {self._doccount}")
        return default if lengths is None else lengths[docnum]

    def _cached_reader(self, fieldname, column):
        try:
            return self._readers[fieldname]
        except KeyError:
            reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
            self._readers[fieldname] = reader
            return reader


class _PostingsWriter(W3PostingsWriter):
    """Whoosh's posting-list writer without its per-posting type assertions (the postings come from this
    module's pool, sorted and typed): the same blocks, written from the same calls."""

    def add_posting(self, id_, weight, vbytes, length=None):
        ids = self._ids
        if len(ids) >= self._blocklimit:
            self._write_block()
            ids = self._ids
        ids.append(id_)
        self._weights.append(weight)
        if weight > self._maxweight:
            self._maxweight = weight
        if vbytes:
            self._values.append(vbytes)
        if length:
            minlength = self._minlength
            if minlength is None or length < minlength:
                self._minlength = length
            if length > self._maxlength:
                self._maxlength = length


class _FieldWriter(W3FieldWriter):
    """Whoosh's term and postings writer, turning the sorted postings into terms as Whoosh's
    ``FieldWriter.add_postings`` does (the same calls in the same order, so the same files) with less
    work per posting: the order is checked per term instead of per posting, a field's lengths are
    looked up in :class:`_LengthsReader`'s list, and postings go straight to the posting-list writer.
    Writing the terms of a segment was about half of an index-writer process's time."""

    def add_postings(self, schema, lengths, items):
        start_field, start_term, finish_term, finish_field = (self.start_field, self.start_term, self.finish_term,
                                                              self.finish_field)
        quick = type(lengths) is _LengthsReader
        dfl = lengths.doc_field_length if lengths else (lambda docnum, fieldname: 0)
        lastfn = lasttext = None
        add = table = None
        for fieldname, btext, docnum, weight, value in items:
            if fieldname != lastfn:
                if lastfn is not None and fieldname < lastfn:
                    raise OutOfOrderError("Field %r .. %r" % (lastfn, fieldname))
                if lasttext is not None:
                    finish_term()
                if lastfn is not None:
                    finish_field()
                start_field(fieldname, schema[fieldname])
                lastfn, lasttext = fieldname, None
                table = lengths.field_lengths(fieldname) if quick else None
            if docnum == -1:  # a spelling word (Whoosh writes no spelling graph here either)
                continue
            if btext != lasttext:
                if lasttext is not None:
                    if btext < lasttext:
                        raise OutOfOrderError("Term %s:%r .. %s:%r" % (lastfn, lasttext, fieldname, btext))
                    finish_term()
                start_term(btext)
                lasttext = btext
                add = self._postwriter.add_posting
            if table is None:
                length = dfl(docnum, fieldname)
            elif docnum > lengths._doccount:
                raise IndexError(f"Asked for docnum {docnum!r} of {lengths._doccount}")
            else:
                length = table[docnum]
            add(docnum, weight, emptybytes if value is None else value, length)
        if lasttext is not None:
            finish_term()
        if lastfn is not None:
            finish_field()


class _Codec(W3Codec):
    """Whoosh's default codec with :class:`_LengthsReader`, :class:`_FieldWriter` and
    :class:`_PostingsWriter`; it writes the same files, and the index records it as the plain default
    codec (see ``__reduce__``), so any Whoosh can open the index."""

    def per_document_reader(self, storage, segment):
        return _LengthsReader(storage, segment)

    def field_writer(self, storage, segment):
        return _FieldWriter(self, storage, segment)

    def postings_writer(self, dbfile, byteids=False):
        return _PostingsWriter(dbfile, blocklimit=self._blocklimit, byteids=byteids, compression=self._compression,
                               inlinelimit=self._inlinelimit)

    def __reduce__(self):
        return W3Codec, (self._blocklimit, self._compression, self._inlinelimit)


class _Pool(PostingPool):
    """Whoosh's posting pool, spilling its sorted runs to disk as blocks of postings.

    A writer whose postings outgrow ``limitmb`` sorts them into runs on disk and merges the runs at the
    end; Whoosh writes and reads a run one posting at a time (a fifth of a large index write). Blocks
    are written and read whole; the postings, their order and the segment written are the same.
    """

    BLOCK = 20_000

    def add(self, item) -> None:
        """Whoosh's ``add`` (the same size estimate, so the same runs) without its per-posting checks:
        the postings come from this module's writers, whose terms and values are bytes."""
        self.fieldnames.add(item[0])
        self.currentsize += 150 + len(item[0]) + 2 * len(item[1]) + len(item[4] or "")
        if self.currentsize > self.limit:
            self.save()
        self.current.append(item)

    def add_field(self, fieldname: str, posts: list) -> None:
        """``add`` for the postings of one field of one document at once (the same size estimate; a run
        may end a few postings later, which changes nothing written: the runs are merged in order)."""
        if not posts:
            return
        self.fieldnames.add(fieldname)
        self.currentsize += (150 + len(fieldname)) * len(posts) + 2 * sum(len(p[1]) for p in posts) + sum(
            len(p[4]) for p in posts if p[4] is not None)
        self.current.extend(posts)
        if self.currentsize > self.limit:
            self.save()

    def _write_run(self, f, items):
        items = items if isinstance(items, list) else list(items)
        for i in range(0, len(items), self.BLOCK):
            data = marshal.dumps(items[i:i + self.BLOCK])
            f.write(_BLOCK_SIZE.pack(len(data)))
            f.write(data)
        f.close()

    def _read_run(self, path):
        # a block is read whole and then unmarshalled: marshal.load(f) asks the file for every
        # object, ten times slower than marshal.loads of the same bytes
        f = self._open_run(path)
        try:
            while head := f.read(_BLOCK_SIZE.size):
                yield from marshal.loads(f.read(_BLOCK_SIZE.unpack(head)[0]))
        finally:
            f.close()
            self._remove_run(path)


_BLOCK_SIZE = struct.Struct("<Q")


class _SegmentWriter(SegmentWriter):
    """Whoosh's segment writer whose ``add_document`` hands a field's postings to a :class:`_Pool` at once
    instead of one call per posting (the same postings, lengths, stored values and columns)."""

    def add_document(self, **fields):
        pool = self.pool
        plain = self.__dict__.get("_plain")
        if plain is None:  # (spoor's schema has no spelling graph and no term vectors)
            plain = self._plain = not any(f.separate_spelling() or f.vector for _, f in self.schema.items())
        if type(pool) is not _Pool or not plain:
            return super().add_document(**fields)
        self._check_state()
        perdocwriter, schema, docnum = self.perdocwriter, self.schema, self.docnum
        docboost = self._doc_boost(fields)
        fieldnames = sorted([name for name in fields.keys() if not name.startswith("_")])
        self._check_fields(schema, fieldnames)
        perdocwriter.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields.get(fieldname)
                if value is None:
                    continue
                field = schema[fieldname]
                length = 0
                if field.indexed:
                    fieldboost = self._field_boost(fields, fieldname, docboost)
                    items = list(field.index(value))
                    if field.scorable:
                        for item in items:
                            length += item[1]
                    pool.add_field(fieldname, [(fieldname, tbytes, docnum, weight * fieldboost, vbytes)
                                               for tbytes, _, weight, vbytes in items])
                customval = fields.get("_stored_%s" % fieldname, value)
                perdocwriter.add_field(fieldname, field, customval if field.stored else None, length)
                column = field.column_type
                if column and customval is not None:
                    perdocwriter.add_column_value(fieldname, column, field.to_column_value(customval))
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1


_TOKEN = re.compile(TOKEN_PATTERN)


class _Token:
    """The token :class:`_QuickAnalyzer` hands out (what a field's format reads of one)."""

    __slots__ = ("text", "pos", "boost", "stopped")

    def __init__(self) -> None:
        self.boost, self.stopped = 1.0, False


class _QuickAnalyzer:
    """Gives the tokens of an analyzer chain of a regex tokenizer and per-word filters (lower case,
    character folding, stop words, stemming: :func:`dutch_analyzer`), word for word the same, at a
    fraction of the cost: what the filters make of a word is worked out once per distinct word.

    Only stands in while a writer process indexes (never pickled into the index), and only for the
    calls a field makes when indexing a value; anything else goes to the chain itself.
    """

    MEMO = 300_000

    def __init__(self, chain: CompositeAnalyzer, steps: list) -> None:
        self.chain, self.steps = chain, steps
        expression = chain.items[0].expression
        self.finditer = expression.finditer
        # the words as strings at once (no match object per word) when the pattern has no groups of its own
        self.findall = expression.findall if expression.groups == 0 else None
        self.renumber = any(kind == "stop" and f.renumber for kind, f in steps)
        self.memo: dict[str, str | None] = {}

    @classmethod
    def wrap(cls, analyzer):
        """A quick stand-in for ``analyzer``, or None when its chain holds anything else."""
        if type(analyzer) is not CompositeAnalyzer or not analyzer.items:
            return None
        tokenizer, *filters = analyzer.items
        if type(tokenizer) is not RegexTokenizer or tokenizer.gaps:
            return None
        kinds = {LowercaseFilter: "lower", CharsetFilter: "charset", StopFilter: "stop", StemFilter: "stem"}
        steps = [(kinds.get(type(f)), f) for f in filters]
        if any(kind is None for kind, _ in steps) or sum(kind == "stop" for kind, _ in steps) > 1:
            return None
        return cls(analyzer, steps)

    def word(self, text: str) -> str | None:
        """What the filters make of one word; None for a stop word."""
        for kind, f in self.steps:
            if kind == "lower":
                text = text.lower()
            elif kind == "charset":
                text = text.translate(f.charmap)
            elif kind == "stop":
                if not (len(text) >= f.min and (f.max is None or len(text) <= f.max) and text not in f.stops):
                    return None
            elif text not in f.ignore:
                text = f._stem(text)
        return text

    def terms(self, value: str):
        """(word as the filters leave it, position) of every word of ``value`` that is no stop word:
        what the chain's tokens say, each distinct word analysed once (kept in ``memo``)."""
        memo, word, renumber = self.memo, self.word, self.renumber
        first, kept = None, 0
        words = self.findall(value) if self.findall else [m.group(0) for m in self.finditer(value)]
        for i, raw in enumerate(words):
            try:
                text = memo[raw]
            except KeyError:
                if len(memo) >= self.MEMO:
                    memo.clear()
                text = memo[raw] = word(raw)
            if text is None:
                continue
            if not renumber:
                yield text, i
            elif first is None:
                first = i
                yield text, i
            else:
                kept += 1
                yield text, first + kept

    def positions(self, value: str) -> dict[str, list[int]]:
        """Each word of ``value`` with its positions, in order of first occurrence: the tokens of
        ``__call__(value, positions=True)`` gathered as Whoosh's Positions format gathers them."""
        poses: dict[str, list[int]] = {}
        for text, pos in self.terms(value):
            try:
                poses[text].append(pos)
            except KeyError:
                poses[text] = [pos]
        return poses

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True, start_pos=0,
                 start_char=0, tokenize=True, mode="", no_morph=False, boosts=False, **kwargs):
        if chars or keeporiginal or not removestops or not tokenize or no_morph or kwargs or start_pos:
            yield from self.chain(value, positions=positions, chars=chars, keeporiginal=keeporiginal,
                                  removestops=removestops, start_pos=start_pos, start_char=start_char,
                                  tokenize=tokenize, mode=mode, no_morph=no_morph, boosts=boosts, **kwargs)
            return
        t = _Token()
        for t.text, pos in self.terms(value):
            if positions:
                t.pos = pos
            yield t


class _QuickPositions(Positions):
    """Whoosh's Positions format, the same postings from a :class:`_QuickAnalyzer` without a token per
    word, and the value of a word seen once in a passage (most of them) encoded once per position.

    Equal values being one object, Whoosh's pickled posting blocks store each once (a smaller postings
    file); a block reads back the same postings.
    """

    @classmethod
    def wrap(cls, fmt):
        """A quick stand-in for ``fmt``, or None when it is not exactly Whoosh's Positions."""
        if type(fmt) is not Positions:
            return None
        quick = copy.copy(fmt)
        quick.__class__ = cls
        quick._once = {}
        return quick

    def word_values(self, value, analyzer, **kwargs):
        if type(analyzer) is not _QuickAnalyzer or not isinstance(value, str) or kwargs.keys() - {"mode"}:
            yield from super().word_values(value, analyzer, **kwargs)
            return
        fb, once, encode = self.field_boost, self._once, self.encode
        for w, poslist in analyzer.positions(value).items():
            n = len(poslist)
            if n == 1:
                pos = poslist[0]
                try:
                    vbytes = once[pos]
                except KeyError:
                    vbytes = once[pos] = encode(poslist)
            else:
                vbytes = encode(poslist)
            yield w, n, n * fb, vbytes  # Whoosh sums a boost of 1.0 per position: n, exactly


class _SubWriter(SubWriterTask):
    """One of the processes of :class:`_MpWriter`, writing one segment: its segment writer gets a
    :class:`_Pool`, and its copy of the schema :class:`_QuickAnalyzer` stand-ins (the index's schema is
    the parent's). Whatever stops it, it hands over either its segment or a :class:`_Failed`."""

    PATIENCE = 5.0  # seconds between looks at whether the build is still there
    NICE = 5  # added to the processes' niceness

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self._parent = os.getpid()

    def run(self) -> None:
        # The build's main process derives subjects meanwhile, the longer part of that phase: at equal
        # priority the three processes share two cores and these finish first, leaving a core idle.
        # Niced, these share one core while the main process has the other, and both when it is done.
        try:
            os.nice(self.NICE)
        except OSError:
            pass
        try:
            ix = self.storage.open_index(self.indexname)
            writer = self.writer = _SegmentWriter(ix, _lk=False, **self.kwargs)
            while (job := self._next_job()) is not None:
                self._process_file(*job)
            fieldnames = writer.pool.fieldnames
            result = (None, fieldnames, writer._finalize_segment())
        except BaseException as exc:  # noqa: BLE001 - handed to the parent, which fails the write
            _log.info("index writer process %d failed", os.getpid(), exc_info=True)
            self.resultqueue.put(_Failed(os.getpid(), f"{type(exc).__name__}: {exc}"[:500]))
            raise SystemExit(1) from None
        self.resultqueue.put(result)

    def _next_job(self):
        """The next batch of documents (None: no more); stops the process if the build that started
        it was killed before saying there are no more (it would wait forever)."""
        while True:
            try:
                return self.jobqueue.get(timeout=self.PATIENCE)
            except queue.Empty:
                if os.getppid() != self._parent:
                    raise IndexWriteError("the build that started it has ended") from None

    def _process_file(self, filename, doc_count):
        pool = self.writer.pool
        if type(pool) is PostingPool and not pool.runs and not pool.current:
            pool.__class__ = _Pool
            for name in self.writer.schema.names():
                field = self.writer.schema[name]
                quick = _QuickAnalyzer.wrap(getattr(field, "analyzer", None))
                if quick is not None:
                    field.analyzer = quick
                    quick_format = _QuickPositions.wrap(field.format)
                    if quick_format is not None:
                        field.format = quick_format
        super()._process_file(filename, doc_count)


class _Failed(NamedTuple):
    """What a :class:`_SubWriter` hands over instead of its segment when it fails."""

    pid: int
    error: str


class _MpWriter(MpWriter):
    """Whoosh's writer that analyses documents in several processes (a segment each), with
    :class:`_SubWriter` processes and no bound on the batches waiting for them (batches are files on
    disk): the caller hands over all its documents at once and goes on with other work while they are
    analysed. Unlike Whoosh's, it never commits without the segment of every process: a process that
    fails, is killed or hands over nothing makes ``wait()`` and ``commit()`` raise :class:`IndexWriteError`.
    """

    def __init__(self, ix, **kwargs) -> None:
        super().__init__(ix, **kwargs)
        assert self.multisegment, "only the writer that keeps its processes' segments is checked"
        self.jobqueue = Queue()
        self._segments: list | None = None

    def close_input(self) -> None:
        """No more documents: the processes write their segments now instead of at ``commit()``."""
        if isinstance(self.jobqueue, _Closed):
            return
        if self.docbuffer:
            self._enqueue()
        for _ in self.tasks:
            self.jobqueue.put(None)
        self.jobqueue = _Closed()  # commit() announces the end once more: to no one

    def wait(self) -> None:
        """Wait until every process has written its segment; raise :class:`IndexWriteError` if one did not."""
        if self._segments is not None:
            return
        self.close_input()
        for task in self.tasks:
            task.join()
        handed: list = []
        for _ in self.tasks:  # a process's result is in the pipe before it exits
            try:
                handed.append(self.resultqueue.get(timeout=1))
            except queue.Empty:
                break
        failed = {r.pid: r.error for r in handed if isinstance(r, _Failed)}
        for task in self.tasks:
            if task.pid in failed:
                continue
            if task.exitcode and task.exitcode < 0:
                failed[task.pid] = f"killed by {signal.Signals(-task.exitcode).name}"
            elif task.exitcode:
                failed[task.pid] = f"exit code {task.exitcode}"
        segments = [r[2] for r in handed if not isinstance(r, _Failed)]
        if not failed and len(segments) < len(self.tasks):
            failed[0] = f"{len(self.tasks) - len(segments)} of {len(self.tasks)} ended without handing over a segment"
        if failed:
            errors = list(dict.fromkeys(failed[pid] for pid in sorted(failed)))
            raise IndexWriteError(f"{len(failed)} of {len(self.tasks)} index-writing processes failed ("
                                  + "; ".join(errors) + ")")
        self._segments = segments

    def _commit(self, mergetype, optimize, merge) -> None:
        self.close_input()
        finalsegments = self._merge_segments(mergetype, optimize, merge)  # while the processes write
        self.wait()
        finalsegments += self._segments
        if self._added:
            finalsegments.append(self._finalize_segment())
        else:
            self._close_segment()
        self._commit_toc(finalsegments)
        self._finish()

    def cancel(self) -> None:
        """Stop the processes and drop everything written (the index stays as it was committed last)."""
        try:
            for task in self.tasks:
                if task.is_alive():
                    task.terminate()
            for task in self.tasks:
                task.join()
        finally:
            if not self.is_closed:  # a commit that failed late may have closed it already
                SegmentWriter.cancel(self)

    def _new_task(self):
        task = _SubWriter(self.storage, self.indexname, self.jobqueue, self.resultqueue, self.subargs,
                          self.multisegment)
        self.tasks.append(task)
        task.start()
        return task


class _Closed:
    """The job queue of a :class:`_MpWriter` after ``close_input``."""

    def put(self, *args, **kwargs) -> None:
        pass


class PassageWriter:
    """Removes and adds documents' passages; searches see nothing of it until ``commit()``.

    Use it as a context manager: leaving the block by an exception cancels everything written.
    ``procs`` > 1 analyses passages in that many processes (for large batches).
    """

    def __init__(self, folder: Path, procs: int = 1):
        ix = open_or_create(folder)
        if procs > 1:
            # 64 MB of postings per process before they are sorted out to disk: the processes run beside
            # the build's own corpus-wide work, and spilling blocks of postings is cheap (see _Pool)
            self._writer = _MpWriter(ix, procs=procs, multisegment=True, limitmb=64, codec=_Codec())
        else:
            self._writer = ix.writer(limitmb=256, codec=_Codec())
            if type(self._writer.pool) is PostingPool:
                self._writer.pool.__class__ = _Pool
            if type(self._writer) is SegmentWriter:
                self._writer.__class__ = _SegmentWriter
        self._fields = set(ix.schema.names())
        self.changed = False

    def remove(self, doc_id: str) -> None:
        self._writer.delete_by_term("doc_id", doc_id)
        self.changed = True

    def add(self, doc: Document, passages: list[Passage], entities: list[Entity]) -> int:
        """Replace the document's passages in the index (committed ones only); returns how many were added.

        ``passages`` and ``entities`` may be records or rows with the same attributes (``PassageRow``,
        ``NameRow``)."""
        self.remove(doc.doc_id)
        # each passage gets only the entities that can name it (what passage_fields would keep of all)
        named = sorted((e for e in entities if e.label in NAME_LABELS and UNRESOLVED not in e.warnings),
                       key=lambda e: e.start)
        starts = [e.start for e in named]
        known = self._fields
        for passage in passages:
            inside = named[bisect_left(starts, passage.start):bisect_left(starts, passage.end)]
            fields = passage_fields(doc, passage, inside)
            if not known.issuperset(k for k in fields if not k.startswith("_")):
                # an index made by an older spoor lacks the newer fields ("_stored_text": what is stored)
                fields = {k: v for k, v in fields.items() if k in known or k.startswith("_stored_") and k[8:] in known}
            self._writer.add_document(**fields)
        return len(passages)

    def commit(self) -> None:
        if self.changed:
            self._writer.commit()
        else:
            self._writer.cancel()

    def close_input(self) -> None:
        """All documents were added: worker processes may finish their part before ``commit()``."""
        if isinstance(self._writer, _MpWriter):
            self._writer.close_input()

    def wait(self) -> None:
        """Wait until the documents are analysed (a segment written per process), without committing;
        raise :class:`IndexWriteError` if a process failed (``cancel()`` then drops everything)."""
        if isinstance(self._writer, _MpWriter):
            self._writer.wait()

    def cancel(self) -> None:
        """Drop everything written (the index stays as it was committed last)."""
        if not self._writer.is_closed:
            self._writer.cancel()

    def __enter__(self) -> PassageWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            self._writer.cancel()


def write(folder: Path, remove: Iterable[str], add: Iterable[tuple[Document, list[Passage], list[Entity]]],
          procs: int = 1) -> int:
    """Delete the passages of ``remove`` doc_ids and add new ones, in one commit. Returns passages added."""
    added = 0
    with PassageWriter(folder, procs) as writer:
        for doc_id in remove:
            writer.remove(doc_id)
        for doc, doc_passages, entities in add:
            added += writer.add(doc, doc_passages, entities)
        writer.commit()
    return added
