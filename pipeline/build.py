"""Folder of documents -> store + index, incrementally.

Only new or changed files (by SHA-256 of their bytes) are extracted again;
documents whose file left the folder are removed; a file that cannot be read
is reported and its previously stored version, if any, is kept. The store is
written in one transaction and the index in one commit.

With ``--scheduler`` and a store many processes may write (PostgreSQL) the cluster's workers store
their documents themselves, one transaction each (see ``pipeline.distributed``), and the build's own
transaction holds only the corpus-wide step: removals, linking, subjects, the word list.
"""

from __future__ import annotations

import errno
import fnmatch
import json
import logging
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from pydantic import BaseModel, Field

from .index import writer as windex
from .ingest.base import ReadError, check_file
from .extract import extract_file, get_nlp, iter_files, sha256_of
from .models import Extraction, Problem, Status
from .store import Store, open_store
from .link.names import LINKED_LABELS
from .link.relink import relink
from .link.subjects import refresh_if_needed as refresh_subjects, without_cycle_collection

_log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]  # (path, done, total)
PARALLEL_MIN_DOCS = 16
#: Files a folder of documents often holds beside them that are no document of the corpus (notes on
#: where the documents came from): skipped unless ``include_defaults`` says otherwise.
DEFAULT_EXCLUDES = ("README*", "SOURCES*", "readme*", "sources*")
#: The store's ``derived_state`` mark of documents a cluster's workers stored whose corpus-wide step
#: (linking, subjects, the word list) has not been committed yet.
WORKER_WRITES = "worker_writes_pending"


class NothingToBuild(ValueError):
    """The paths hold no file to read and the store holds nothing from them: a mistyped folder, most likely."""


def excluded(path: Path, patterns: Iterable[str]) -> bool:
    """Whether ``path`` matches a glob of ``patterns`` (by its name, or by its path for a pattern with a /)."""
    return any(fnmatch.fnmatchcase(path.name, pat) or ("/" in pat and fnmatch.fnmatch(str(path), pat))
               for pat in patterns)


def select_files(paths: Iterable[Path], exclude: Iterable[str] = (), defaults: bool = True,
                 faults: list[Problem] | None = None, follow_links: bool = False) -> tuple[list[Path], list[Path]]:
    """(files to read under ``paths``, files skipped by an ``exclude`` glob or a default one); folders
    that cannot be read, too-long paths and links out of ``paths`` go to ``faults`` (see ``iter_files``)."""
    patterns = [*exclude, *(DEFAULT_EXCLUDES if defaults else ())]
    files, skipped = [], []
    for path in iter_files(paths, faults, follow_links):
        (skipped if patterns and excluded(path, patterns) else files).append(path)
    return files, skipped


class BuildReport(BaseModel):
    added: list[str] = Field(default_factory=list)
    updated: list[str] = Field(default_factory=list)
    unchanged: list[str] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)
    problems: list[Problem] = Field(default_factory=list)
    excluded: list[str] = Field(default_factory=list)  # files skipped by --exclude or a default pattern
    passages_indexed: int = 0
    counts: dict[str, int] = Field(default_factory=dict)

    @property
    def failed(self) -> bool:
        return bool(self.problems)


def build(paths: Iterable[Path], folder: Path, progress: Progress | None = None,
          nlp_base: str = "nl", workers: int | None = None, pdf_reader: str = "pdfminer",
          scheduler: str | None = None, exclude: Iterable[str] = (), default_excludes: bool = True,
          rederive: bool = False, follow_links: bool = False) -> BuildReport:
    """Bring the store and index in ``folder`` up to date with the files under ``paths``.

    ``exclude``: glob patterns of files to leave out (matched on the name, or on the path when the
    pattern holds a /); ``README*`` and ``SOURCES*`` are left out too unless ``default_excludes`` is
    False. A stored document whose file is now excluded is removed. Raises :class:`NothingToBuild`
    when the paths hold no file to read and the store nothing from them.

    ``workers`` processes extract documents in parallel (default: one per core, and
    a single process for small batches, where starting workers costs more than it saves).
    ``pdf_reader`` is "pdfminer" (default) or "fast" (PDFium's text layer).
    ``scheduler`` sends extraction to a Dask cluster instead: "local" starts one of ``workers``
    processes for this build, anything else is a scheduler address (see ``pipeline.distributed``).
    With a PostgreSQL store the workers then write their documents to the database themselves.
    ``rederive``: link the entities and derive subjects and relations over the whole corpus again, even
    when no document changed.
    """
    # Absolute paths are stored, so the original files are found whichever folder ``serve`` runs in.
    paths = [Path(p).absolute() for p in paths]
    started = _now()
    report = BuildReport()
    faults: list[Problem] = []
    files, skipped = select_files(paths, exclude, default_excludes, faults, follow_links)
    report.excluded = [str(p) for p in skipped]
    report.problems.extend(faults)
    # What lies in a folder that could not be read is kept as stored, not taken for deleted.
    unreadable = [Path(os.path.realpath(p.path)) for p in faults if "folder cannot be read" in p.message]
    store = open_store(folder)
    try:
        store.prepare_build()  # a database: a second build waits here, searches go on reading
    except BaseException:
        store.close()
        raise
    indexing: _IndexJob | None = None
    try:
        known = store.hashes()
        roots = [p.resolve() for p in paths]
        if not files and not any(_under(Path(stored), roots) for _, stored in known.values()):
            where = ", ".join(map(str, paths))
            raise NothingToBuild(f"no documents found under {where}" + (
                f" (only {len(skipped)} excluded file(s): {', '.join(Path(p).name for p in skipped[:5])})"
                if skipped else "") + "; name a folder holding PDF, text, Markdown or HTML files")
        seen: dict[str, Path] = {}
        todo: list[tuple[Path, str]] = []
        for path in files:
            stem = path.stem
            if stem in seen:
                report.problems.append(Problem(path=str(path), message=(
                    f"has the same document id {stem!r} as {seen[stem]}; skipped (rename one of them)")))
                continue
            seen[stem] = path
            try:
                check_file(path)
                digest = sha256_of(path)
            except ReadError as exc:
                report.problems.append(Problem(path=str(path), message=str(exc)))
                continue
            except OSError as exc:
                report.problems.append(Problem(path=str(path), message=f"cannot be read ({exc.strerror or exc})"))
                continue
            if known.get(stem, (None,))[0] == digest:
                report.unchanged.append(stem)
            else:
                todo.append((path, digest))
        skipped_now = {str(p.resolve()) for p in skipped}
        gone = [doc_id for doc_id, (_, stored_path) in known.items()
                if doc_id not in seen and _under(Path(stored_path), roots) and not _under(Path(stored_path), unreadable)
                and (_missing(Path(stored_path)) or str(Path(stored_path).resolve()) in skipped_now)]

        extracted: list[str] = []
        clock = _Clock()

        def stored(doc_id: str) -> None:
            extracted.append(doc_id)
            (report.updated if doc_id in known else report.added).append(doc_id)

        # A store many processes may write (PostgreSQL): the cluster's workers store their documents
        # themselves, each in its own transaction, and this process only runs the corpus-wide step.
        # A mark, committed first, says the corpus-wide step is owed until that step commits, so a
        # build stopped in between is finished by the next one even when no file changed since.
        by_workers = bool(scheduler and todo and store.concurrent_writers)
        owed = bool(store.derived_state(WORKER_WRITES))
        if by_workers:
            from .distributed import write_on_cluster

            with store.transaction():
                store.put_derived_state(WORKER_WRITES, b"1")
            for n, written in enumerate(write_on_cluster(todo, scheduler, store.url, nlp_base, workers,
                                                         pdf_reader), 1):
                if progress:
                    progress(written.path, n, len(todo))
                if written.status is Status.FAILURE:
                    report.problems.extend(written.errors)
                    continue
                stored(written.doc_id)
            clock.lap(f"extracted {len(extracted)} documents, stored by the cluster's workers")
        with store.transaction():
            # what the documents that leave or are replaced held, counted out of the corpus's names below
            # (a cluster's workers have replaced theirs already: then every mention is linked again)
            leaving = set(gone) | {path.stem for path, _ in todo if path.stem in known}
            left = None if by_workers and leaving else list(
                store.link_rows(LINKED_LABELS, doc_ids=sorted(leaving), with_start=True)) if leaving else []
            for doc_id in gone:
                store.remove(doc_id)
            for n, result in enumerate(() if by_workers else
                                       extract_many(todo, nlp_base, workers, pdf_reader, scheduler), 1):
                if progress:
                    progress(result.path, n, len(todo))
                if result.status is Status.FAILURE:
                    report.problems.extend(result.errors)
                    continue
                store.put(result)
                stored(result.document.doc_id)
            if not by_workers:
                clock.lap(f"extracted and stored {len(extracted)} documents")
            changed = bool(extracted or gone or rederive or owed)
            if by_workers or owed:
                store.put_derived_state(WORKER_WRITES, b"")
            if left is not None:  # an updated document that failed to extract keeps its stored rows
                gone_now = set(gone) | (set(extracted) & leaving)
                left = [row for row in left if row[1] in gone_now]
            relinked = _relink(store, extracted, left, full=rederive or owed) if changed else set()
            clock.lap("linked entities across the corpus")
            store.unmark_indexed(relinked)
            # The Whoosh index is written by its own processes while subjects are derived here; what this
            # process analyses itself (a few documents, or one worker) it indexes after them: no overlap to
            # gain, and it then does not hold the index's analysers and the derivation at once.
            pending = None if store.searchable else _IndexJob.pending(store, folder)
            alongside = pending is not None and _IndexJob.procs(pending[0], workers) > 1
            indexing = _IndexJob.start(store, folder, workers, pending) if alongside else None
            refresh_subjects(store, changed=changed, rederive=rederive)
            clock.lap("derived subjects and relations")
            if pending is not None and not alongside:
                indexing = _IndexJob.start(store, folder, workers, pending)
            if indexing is not None:  # before the store commits: a failed index write changes nothing
                indexing.wait()
                clock.lap("waited for the index writer's processes")
            if store.searchable:  # the database indexes its own passages, in the same transaction
                report.passages_indexed = _index_in_store(store, changed)
                clock.lap("indexed passages in the database")
            store.record_build(started, _now(), report.added, report.updated, gone,
                               [(p.path, p.message) for p in report.problems])
        report.removed = gone
        if store.searchable:
            report.counts = store.counts()
            return report

        if indexing is not None:
            report.passages_indexed = indexing.finish(store)
            clock.lap(f"indexed {len(indexing.stale)} documents, dropped {len(indexing.orphans)}")
        report.counts = store.counts()
    finally:
        if indexing is not None:
            indexing.cancel()
        store.close()
    return report


def extract_many(todo: list[tuple[Path, str]], nlp_base: str = "nl",
                 workers: int | None = None, pdf_reader: str = "pdfminer",
                 scheduler: str | None = None) -> Iterator[Extraction]:
    """Extract (path, sha256) pairs, in order, in ``workers`` processes when worth it,
    or on the Dask cluster at ``scheduler`` ("local" or an address) when one is given."""
    if scheduler and todo:
        from .distributed import extract_on_cluster

        yield from extract_on_cluster(todo, scheduler, nlp_base, workers, pdf_reader)
        return
    workers = workers or os.cpu_count() or 1
    if workers <= 1 or len(todo) < PARALLEL_MIN_DOCS:
        nlp = get_nlp(nlp_base) if todo else None
        for path, digest in todo:
            yield extract_file(path, nlp, sha256=digest, pdf_reader=pdf_reader)
        return
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(workers, initializer=_worker_init, initargs=(nlp_base, pdf_reader), maxtasksperchild=500) as pool:
        yield from pool.imap(_worker_extract, todo, chunksize=4)


_WORKER_NLP = None
_WORKER_PDF_READER = "pdfminer"


def _worker_init(nlp_base: str, pdf_reader: str = "pdfminer") -> None:
    global _WORKER_NLP, _WORKER_PDF_READER
    _WORKER_NLP = get_nlp(nlp_base)
    _WORKER_PDF_READER = pdf_reader


def _worker_extract(item: tuple[Path, str]) -> Extraction:
    path, digest = item
    return extract_file(path, _WORKER_NLP, sha256=digest, pdf_reader=_WORKER_PDF_READER)


class _Clock:
    """Logs how long each phase of a build took (``spoor -v build`` shows them)."""

    def __init__(self) -> None:
        self.last = time.perf_counter()

    def lap(self, what: str) -> None:
        now = time.perf_counter()
        _log.info("%s in %.2f s", what, now - self.last)
        self.last = now


def _now() -> str:
    """The time now, ISO 8601 in UTC to the second (what the store records of a build)."""
    import datetime as dt

    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def _missing(path: Path) -> bool:
    """Whether ``path`` is surely gone (a file that cannot be looked at now is not)."""
    try:
        return not path.exists()
    except OSError as exc:
        return exc.errno == errno.ENAMETOOLONG


def _under(path: Path, roots: list[Path]) -> bool:
    try:
        resolved = path.resolve()
    except OSError:
        return False
    return any(resolved == root or root in resolved.parents for root in roots)


def _relink(store: Store, added: Iterable[str] = (), left: list[tuple] | None = None,
            full: bool = True) -> set[str]:
    """Unify canonical ids across the corpus, starting from what extraction said of each mention; the
    doc_ids whose indexed names changed (see :func:`pipeline.link.relink.relink`).

    With ``full`` every mention is linked again; else only the mentions of the documents stored now
    (``added``) and of the names whose ids change when the mentions ``left`` (the link rows of the
    documents removed or replaced, read before they went) are counted out and the new ones in."""
    with without_cycle_collection():
        return relink(store, added, left, full=full)


def _index_in_store(store, changed: bool) -> int:
    """Index what the database store lacks (its passages' names and bodies, the word list)."""
    stale, orphans = store.stale_in_index()
    n = store.index_passages(_index_input(store, stale)) if stale else 0
    store.mark_indexed(stale | orphans)
    if changed or stale or orphans:
        store.finish_build()
    return n


class _IndexJob:
    """The Whoosh index brought up to date with the store: whatever the store holds that the index
    does not (new, changed, relinked, or left over by a build killed between the two commits).

    ``start`` (inside the build's transaction, after linking, so passages carry the corpus-wide
    names) hands every stale document to the index writer, whose processes analyse them while the
    build goes on; ``finish`` (after the store committed) commits the index and marks the documents
    indexed. A build that fails in between leaves the index as it was.
    """

    def __init__(self, writer: windex.PassageWriter, folder: Path, stale: set[str], orphans: set[str]) -> None:
        self.writer, self.folder, self.stale, self.orphans, self.added = writer, folder, stale, orphans, 0
        self.done = False

    @staticmethod
    def pending(store: Store, folder: Path) -> tuple[set[str], set[str]]:
        """(documents the index lacks, documents it holds that the store does not)."""
        if not windex.exists(folder):
            store.unmark_indexed()
        elif windex.outdated(folder):  # made by an earlier spoor: every passage is indexed again
            _log.warning("the search index in %s was made by an earlier spoor; it is written anew", folder)
            store.unmark_indexed()
        return store.stale_in_index()

    @staticmethod
    def procs(stale: set[str], workers: int | None) -> int:
        """How many processes analyse the passages (1: this process does, as it hands them over)."""
        procs = workers or os.cpu_count() or 1
        return procs if len(stale) >= windex.PARALLEL_MIN_DOCS else 1

    @classmethod
    def start(cls, store: Store, folder: Path, workers: int | None,
              pending: tuple[set[str], set[str]] | None = None) -> _IndexJob | None:
        stale, orphans = pending if pending is not None else cls.pending(store, folder)
        if not stale and not orphans:
            return None
        job = cls(windex.PassageWriter(folder, cls.procs(stale, workers)), folder, stale, orphans)
        try:
            for doc_id in orphans:
                job.writer.remove(doc_id)
            for doc, passages, entities in _index_rows(store, stale):
                job.added += job.writer.add(doc, passages, entities)
            job.writer.close_input()
        except BaseException:
            job.cancel()
            raise
        return job

    def wait(self) -> None:
        """Wait until the index writer's processes have written their segments; if one failed, raise
        :class:`~pipeline.index.writer.IndexWriteError` saying so (the build then changes nothing)."""
        try:
            self.writer.wait()
        except windex.IndexWriteError as exc:
            raise windex.IndexWriteError(
                f"the search index in {windex.index_dir(self.folder)} could not be written, so this build changed "
                f"nothing: {exc}; the store and the index hold what the last build left and still answer "
                "searches; run the build again with `spoor -v build` to see the cause") from exc

    def finish(self, store: Store) -> int:
        """Commit the index (waiting for its processes), then record it in the store; passages added."""
        try:
            self.writer.commit()
        except Exception as exc:  # the store has committed: its documents stay unmarked, the next build indexes them
            raise windex.IndexWriteError(
                f"the documents were stored, but the search index in {windex.index_dir(self.folder)} could not be "
                f"committed ({type(exc).__name__}: {exc}); searches answer from the previous index until the next "
                "`spoor build` indexes them") from exc
        self.done = True
        with store.transaction():
            store.mark_indexed(self.stale | self.orphans)
        return self.added

    def cancel(self) -> None:
        if not self.done:
            self.done = True
            self.writer.cancel()


def _index_rows(store: Store, doc_ids: set[str]):
    """``_index_input`` as plain rows (only the ORGAN/ORG/LAW entities an index document names)."""
    parsed: dict[str | None, tuple[str, ...]] = {}
    for doc in store.documents():
        if doc.doc_id in doc_ids:
            passages = [windex.PassageRow(doc.doc_id, *row) for row in store.passage_tuples(doc.doc_id)]
            names = []
            for label, text, start, canonical, raw in store.entity_tuples(
                    ("label", "text", "start", "canonical", "warnings"), windex.NAME_LABELS, doc_id=doc.doc_id):
                if raw not in parsed:
                    parsed[raw] = tuple(json.loads(raw)) if raw else ()
                names.append(windex.NameRow(label, text, start, canonical, parsed[raw]))
            yield doc, passages, names


def _index_input(store: Store, doc_ids: set[str]):
    for doc in store.documents():
        if doc.doc_id in doc_ids:
            yield doc, store.passages(doc.doc_id), store.entities(doc.doc_id)
