"""The Whoosh index of passages: schema, Dutch analyzer and the writer.

The analyzer lower-cases, folds accents (so "heroriëntatie", "heroriéntatie"
and "herorientatie" meet), drops Dutch stop words except the ones that carry
meaning in decisions ("niet", "geen", ...), and applies the Snowball Dutch
stemmer.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from whoosh import index as windex
from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.lang import stopwords_for_language
from whoosh.support.charset import accent_map

from .link import UNRESOLVED
from .models import Document, Entity, Passage

_log = logging.getLogger(__name__)

INDEX_NAME = "whoosh"
# Words Whoosh's Dutch stop list drops that change what a decision says.
KEEP_WORDS = frozenset({"niet", "geen", "niets", "tegen", "zonder", "meer", "nog", "na", "voor", "ja"})
STOP_WORDS = frozenset(stopwords_for_language("nl")) - KEEP_WORDS
# Tokens keep inner hyphens, '+' and '&' so "Wgr-plus", "WGR+" and "B&W" stay one term.
TOKEN_PATTERN = r"\w+(?:[-&+.]\w+)*\+?"


def dutch_analyzer(stem: bool = True):
    """Tokenize, lower-case, fold accents, drop stop words, stem (Snowball Dutch)."""
    chain = (RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | CharsetFilter(accent_map)
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
    )


def index_dir(folder: Path) -> Path:
    return Path(folder) / INDEX_NAME


def exists(folder: Path) -> bool:
    """Whether an index was ever committed in ``folder``."""
    return windex.exists_in(index_dir(folder)) if index_dir(folder).exists() else False


def open_or_create(folder: Path):
    """Open the index in ``folder``, creating an empty one if there is none."""
    path = index_dir(folder)
    path.mkdir(parents=True, exist_ok=True)
    if windex.exists_in(path):
        return windex.open_dir(path)
    return windex.create_in(path, schema())


def open_existing(folder: Path):
    """Open the index in ``folder``; raise FileNotFoundError if none was built."""
    path = index_dir(folder)
    if not windex.exists_in(path):
        raise FileNotFoundError(f"no index in {folder}: run `spoor build` first")
    return windex.open_dir(path)


NAME_LABELS = ("ORGAN", "ORG", "LAW")  # the entities whose names and ids a passage is indexed with


def passage_fields(doc: Document, passage: Passage, entities: Iterable[Entity]) -> dict:
    """The Whoosh document for one passage; ``entities`` are the document's entities."""
    # An acronym no document defines carries no identity yet; linking may drop it later.
    inside = [e for e in entities if passage.start <= e.start < passage.end and UNRESOLVED not in e.warnings]
    bodies = sorted({e.canonical or e.text for e in inside if e.label == "ORGAN"})
    orgs = sorted({e.canonical or e.text for e in inside if e.label in ("ORG", "LAW")})
    names = " ".join(sorted({e.text for e in inside if e.label in NAME_LABELS}
                            | {(e.canonical or "").replace("_", " ") for e in inside
                               if e.label in NAME_LABELS}))
    year = int(doc.date[:4]) if doc.date and doc.date[:4].isdigit() else None
    fields = dict(
        id=f"{doc.doc_id}#{passage.passage_no}", doc_id=doc.doc_id, passage_no=passage.passage_no,
        page=passage.page, start=passage.start, title=doc.title, date=doc.date or "",
        doc_type=doc.doc_type, bodies=",".join(bodies), orgs=",".join(orgs), names=names,
        text=passage.text,
    )
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


class PassageWriter:
    """Removes and adds documents' passages; searches see nothing of it until ``commit()``.

    Use it as a context manager: leaving the block by an exception cancels everything written.
    ``procs`` > 1 analyses passages in that many processes (for large batches).
    """

    def __init__(self, folder: Path, procs: int = 1):
        ix = open_or_create(folder)
        if procs > 1:
            self._writer = ix.writer(procs=procs, multisegment=True, limitmb=128)
        else:
            self._writer = ix.writer(limitmb=256)
        self.changed = False

    def remove(self, doc_id: str) -> None:
        self._writer.delete_by_term("doc_id", doc_id)
        self.changed = True

    def add(self, doc: Document, passages: list[Passage], entities: list[Entity]) -> int:
        """Replace the document's passages in the index (committed ones only); returns how many were added."""
        self.remove(doc.doc_id)
        for passage in passages:
            self._writer.add_document(**passage_fields(doc, passage, entities))
        return len(passages)

    def commit(self) -> None:
        if self.changed:
            self._writer.commit()
        else:
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
