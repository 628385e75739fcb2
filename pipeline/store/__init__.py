"""Records on disk, behind one interface.

In: the records of ``pipeline.extract`` (an ``Extraction`` per document) and what ``pipeline.link``
derives from them (subjects, relations). Out: the same records read back, for linking, search, the
timeline, the web page and exports (``export``: Parquet and JSON Lines).

Two backends speak the same methods (:class:`Store` is the contract):

* ``sqlite.Store``: the embedded default, ``spoor.db`` in an index folder beside the Whoosh index;
* ``postgres.PgStore``: a shared PostgreSQL database (``postgresql://...``), schema by Alembic
  migrations (``migrations/``), which also indexes its passages for full-text search.

:func:`locate` is the one place that tells them apart, from the target a user gives (a folder or a
database URL); everything else takes the :class:`Location` or the store it opens and never asks which
backend it has. Exports: ``locate``, ``Location``, ``open_store``, ``store_exists``,
``store_signature``, ``is_database_url``, ``Store``, ``StoreError``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Protocol, runtime_checkable

from ..models import Decision, Document, Entity, Extraction, Passage
from .sqlite import DB_NAME

DATABASE_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


class StoreError(RuntimeError):
    """A store that cannot be reached or used; the message names it (without its password)."""


@runtime_checkable
class Store(Protocol):
    """What every backend's store does (``sqlite.Store``, ``postgres.PgStore``)."""

    #: Whether the store also answers searches itself (PostgreSQL); otherwise a Whoosh index does.
    searchable: bool
    #: Whether many processes may write documents at once (a cluster's workers store their own documents).
    concurrent_writers: bool
    #: The address other processes open the same store by (a database's), or None (a folder).
    url: str | None
    #: The index folder (embedded store) or None (a database).
    folder: Path | None

    def close(self) -> None: ...
    def transaction(self) -> AbstractContextManager: ...
    def generation(self) -> tuple: ...
    def prepare_build(self) -> None: ...
    def put(self, extraction: Extraction) -> None: ...
    def remove(self, doc_id: str) -> None: ...
    def hashes(self) -> dict[str, tuple[str, str]]: ...
    def documents(self) -> list[Document]: ...
    def document(self, doc_id: str) -> tuple[Document, str] | None: ...
    def entities(self, doc_id: str | None = None, label: str | None = None) -> list[Entity]: ...
    def decisions(self, doc_id: str | None = None) -> list[Decision]: ...
    def passages(self, doc_id: str | None = None) -> list[Passage]: ...
    def counts(self) -> dict[str, int]: ...
    def texts(self) -> Iterator[tuple[str, str | None, str, str]]: ...
    def records(self) -> Iterator[dict]: ...
    def subjects(self, spans: bool = True, documents: bool = True, ids: list[str] | None = None) -> list: ...
    def relations(self, subject: str | None = None) -> list: ...
    def put_subjects(self, subjects, relations) -> None: ...
    def mark_indexed(self, doc_ids: Iterable[str]) -> None: ...
    def record_build(self, started: str, finished: str, added: list[str], updated: list[str], removed: list[str],
                     failed: list[tuple[str, str]]) -> None: ...
    def last_build(self) -> dict | None: ...
    def failed_files(self) -> list[tuple[str, str]]: ...
    def added_times(self) -> dict[str, str]: ...


# libpq's key=value form: "host=db.example.nl dbname=spoor user=spoor password=..."
_KEY_VALUE = re.compile(r"^\s*(?:host|hostaddr|dbname|user|port|service)\s*=\S", re.I)


def is_database_url(target) -> bool:
    """Whether ``target`` names a database server (``postgresql://...`` or libpq's ``key=value`` pairs)
    rather than an index folder."""
    return isinstance(target, str) and (target.startswith(DATABASE_SCHEMES) or bool(_KEY_VALUE.match(target)))


class Location:
    """Where a store lives, before anything is opened: what callers keep and pass on."""

    kind: str  # "sqlite" or "postgresql": the key of a backend table (search's backends, export's readers)
    target: Path | str
    #: A folder where derived data may be kept between processes (None: nowhere, e.g. a database).
    cache_dir: Path | None

    def open(self) -> Store: ...
    def exists(self) -> bool: ...
    def signature(self) -> tuple: ...
    def reading(self) -> AbstractContextManager[Store]: ...
    def check(self) -> None: ...

    def __str__(self) -> str:
        return str(self.target)


class FolderLocation(Location):
    """The embedded store: ``spoor.db`` (SQLite) in an index folder, beside the Whoosh index."""

    kind = "sqlite"

    def __init__(self, target: Path | str):
        self.target = self.cache_dir = Path(target)

    def open(self) -> Store:
        import sqlite3

        from .sqlite import Store as SqliteStore

        try:
            return SqliteStore(self.target)
        except (OSError, sqlite3.Error) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            raise StoreError(f"the index folder {self.target} cannot be opened or created ({reason}); "
                             "name a folder you may write to with --index") from exc

    def exists(self) -> bool:
        return (self.target / DB_NAME).exists()

    def signature(self) -> tuple:
        # (mtime, size) of the database and its WAL, read without opening the database
        return tuple(_stat(p) for p in (self.target / DB_NAME, self.target / (DB_NAME + "-wal")))

    @contextmanager
    def reading(self) -> Iterator[Store]:
        store = self.open()
        try:
            yield store
        finally:
            store.close()

    def check(self) -> None:
        return None  # a folder is created by the first build; reading one that is not there says so


class DatabaseLocation(Location):
    """A shared PostgreSQL database (``postgresql://user@host/db``)."""

    kind = "postgresql"
    cache_dir = None

    def __init__(self, target: str):
        self.target = target

    def open(self) -> Store:
        from .postgres import PgStore

        return PgStore(self.target)

    def exists(self) -> bool:
        return True  # a database server always counts as a store (the schema is made on opening)

    def signature(self) -> tuple:
        with self.reading() as store:
            return tuple(store.generation())

    def reading(self) -> AbstractContextManager[Store]:
        from .postgres import shared_store

        return shared_store(self.target)  # kept open for this thread between calls

    def check(self) -> None:
        self.open().close()  # StoreError, without the password, when it cannot be reached or used

    def __str__(self) -> str:
        from .postgres import safe_url

        return safe_url(self.target)


def locate(target: Path | str | Location) -> Location:
    """The store a user named: a ``postgresql://`` address or an index folder. The one place that tells them apart."""
    if isinstance(target, Location):
        return target
    return DatabaseLocation(target) if is_database_url(target) else FolderLocation(target)


def open_store(target: Path | str | Location) -> Store:
    """The store at ``target``, opened (close it, or use it in a ``with``)."""
    return locate(target).open()


def store_exists(target: Path | str | Location) -> bool:
    """Whether a store was ever created at ``target`` (a database server always counts as one)."""
    return locate(target).exists()


def store_signature(target: Path | str | Location) -> tuple:
    """Changes whenever a build commits to the store at ``target``: what is derived from it is kept until then."""
    return locate(target).signature()


def _stat(path: Path) -> tuple[int, int]:
    """(mtime, size) of a file; (0, 0) when missing or empty (a reader may create an empty WAL file)."""
    try:
        st = path.stat()
    except OSError:
        return 0, 0
    return (st.st_mtime_ns, st.st_size) if st.st_size else (0, 0)
