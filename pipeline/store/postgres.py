"""The store on PostgreSQL: one database shared by many readers (the web page) and builds.

``spoor --store postgresql://user:password@host/db`` keeps the same tables as the SQLite store, and the
passages also answer searches with PostgreSQL's full-text search (``pipeline.search.postgres``): the
``spoor_dutch`` configuration (Dutch Snowball stems, accents folded with ``unaccent``, no stop list),
a ``tsvector`` column with a GIN index, ``ts_headline`` snippets. The schema is created and upgraded
with Alembic (``pipeline/migrations``) when a store is opened; builds take an advisory lock, so two
builds run one after the other while searches go on reading the last committed state.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable
from contextlib import AbstractContextManager, contextmanager
from functools import lru_cache
from pathlib import Path

from .sqlite import Store

_log = logging.getLogger(__name__)

#: The newest migration in pipeline/migrations/versions (a test checks it is Alembic's head).
SCHEMA_REVISION = "0007"
_MIGRATE_LOCK = 0x5370_6F6F  # advisory lock keys ("Spoo", "Spor")
_BUILD_LOCK = 0x5370_6F72


from . import StoreError  # noqa: E402,F401  (the store package's error; raised here for a database)


def safe_url(url: str) -> str:
    """The store's address as messages show it: a database's connection string without its password,
    whatever its form (``postgresql://u:pw@h/db``, ``?password=``, an unencoded ``/`` or ``@`` in the
    password, ``key=value`` pairs); a folder as it is."""
    return mask_secrets(str(url), str(url))


_URI_SECRET = re.compile(r"^(\w+(?:\+\w+)?://[^:/@?]*):(.*)@(?=[^@]*$)")  # user:password@ up to the LAST @
_KV_SECRET = re.compile(r"""(\b(?:password|sslpassword|passfile)\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&]+)""", re.I)


def secrets_of(target: str) -> list[str]:
    """The secret parts of a connection string (its password, as written and as the driver reads it)."""
    found = []
    m = _URI_SECRET.match(target)
    if m and m.group(2):
        found.append(m.group(2))
    found += [v.strip("'") for _, v in _KV_SECRET.findall(target)]
    try:
        from psycopg.conninfo import conninfo_to_dict

        password = conninfo_to_dict(_libpq_url(target)).get("password")
        if password:
            found.append(str(password))
    except Exception:  # noqa: BLE001 - a string the driver cannot parse still has its written parts masked
        pass
    return sorted({f for f in found if f}, key=len, reverse=True)


def mask_secrets(text: str, target: str) -> str:
    """``text`` (a message, an address) with every secret of the connection string ``target`` replaced by ***."""
    shown = _URI_SECRET.sub(lambda m: f"{m.group(1)}:***@", text) if text == target else text
    shown = _KV_SECRET.sub(lambda m: m.group(1) + "***", shown)
    for secret in secrets_of(target):
        shown = shown.replace(secret, "***")
    return shown


@lru_cache(maxsize=256)
def _placeholders(sql: str) -> str:
    return sql.replace("%", "%%").replace("?", "%s")


def _clean(value):
    # PostgreSQL text cannot hold NUL characters; a document that has them keeps the rest.
    return value.replace("\x00", " ") if isinstance(value, str) and "\x00" in value else value


class PgStore(Store):
    """The store in a PostgreSQL database (same methods as the SQLite :class:`~pipeline.store.sqlite.Store`)."""

    searchable = True
    concurrent_writers = True
    _SCAN = ""  # the planner chooses from its statistics

    def __init__(self, url: str):
        try:
            import psycopg
            from psycopg.rows import dict_row
        except ImportError as exc:
            raise StoreError("a PostgreSQL store needs psycopg: pip install 'spoor[postgresql]'") from exc
        self.url = url
        self.folder = None
        self._column_cache: dict[str, set[str]] = {}
        try:
            self.conn = psycopg.connect(_libpq_url(url), autocommit=True, row_factory=dict_row, connect_timeout=10)
        except psycopg.Error as exc:  # unreachable, refused, or a connection string the driver cannot parse
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"cannot connect to {safe_url(url)}: {mask_secrets(first, url)}") from None
        migrate(self)

    def __repr__(self) -> str:
        return f"<PgStore {safe_url(self.url)}>"

    def _exec(self, sql: str, args: Iterable = ()):
        return self.conn.execute(_placeholders(sql), [_clean(a) for a in args] or None)

    def _many(self, sql: str, rows: Iterable[Iterable]) -> None:
        rows = [[_clean(v) for v in row] for row in rows]
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(_placeholders(sql), rows)

    def transaction(self) -> AbstractContextManager:
        return self.conn.transaction()

    def _tuples(self, sql: str, args: Iterable = ()):
        from psycopg.rows import tuple_row

        with self.conn.cursor(row_factory=tuple_row) as cur:
            yield from cur.execute(_placeholders(sql), [_clean(a) for a in args] or None)

    def _table_columns(self, table: str) -> set[str]:
        return {r["name"] for r in self._exec(
            "SELECT column_name AS name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = ?", (table,))}

    def generation(self) -> tuple:
        return (self._exec("SELECT n FROM generation WHERE id = 1").fetchone()["n"],)

    # -- builds ----------------------------------------------------------------------------
    def prepare_build(self) -> None:
        """Before a build: wait until no other build writes to this database (held until closed)."""
        self.lock_for_build()

    def lock_for_build(self) -> None:
        """Wait until no other build writes to this database; held until the store is closed."""
        if not self._exec("SELECT pg_try_advisory_lock(?) AS ok", (_BUILD_LOCK,)).fetchone()["ok"]:
            _log.warning("another build is writing to %s; waiting for it to finish", safe_url(self.url))
            self._exec("SELECT pg_advisory_lock(?)", (_BUILD_LOCK,))

    def index_passages(self, items: Iterable[tuple]) -> int:
        """Give the passages of (document, passages, entities) their searchable names and bodies;
        the ``tsv`` column follows by itself. Returns how many passages were indexed."""
        from ..index.writer import passage_fields

        n, rows = 0, []
        for doc, passages, entities in items:
            # only passages whose fields change are written (each write makes the tsv and its index
            # entries again): linking that renames one name touches a few passages of a document
            held = {row[0]: row[1:] for row in self._tuples(
                "SELECT passage_no, title, names, bodies, orgs FROM passages WHERE doc_id = ?", (doc.doc_id,))}
            for p in passages:
                f = passage_fields(doc, p, entities, parts=False)
                fields = _searchable(f)
                n += 1
                if held.get(p.passage_no) != fields:
                    rows.append((*fields, doc.doc_id, p.passage_no))
            if len(rows) >= 2000:
                self._many("UPDATE passages SET title = ?, names = ?, bodies = ?, orgs = ? "
                           "WHERE doc_id = ? AND passage_no = ?", rows)
                rows = []
        self._many("UPDATE passages SET title = ?, names = ?, bodies = ?, orgs = ? "
                   "WHERE doc_id = ? AND passage_no = ?", rows)
        return n

    def put_searchable(self, extraction) -> None:
        """``put``, the passages inserted already searchable: their names and bodies from the document's
        own entities (what ``index_passages`` gives them before linking renames any), so the ``tsv``
        column and its index are made once. The caller marks the document indexed in the same transaction."""
        from ..index.writer import passage_fields

        doc = extraction.document
        super().put(extraction.model_copy(update={"passages": []}))
        rows = []
        for p in extraction.passages:
            title, names, bodies, orgs = _searchable(passage_fields(doc, p, extraction.entities, parts=False))
            rows.append({**self._row(p, "passages"), "title": title, "names": names, "bodies": bodies, "orgs": orgs})
        self._insert("passages", rows)

    def writing_worker(self) -> None:
        """This connection stores documents for a cluster build: its commits do not wait for the disk.
        Safe: the build's own last commit does, and the write-ahead log reaches the disk in order, so
        once that commit is durable every document written before it is too; a crash before it loses
        documents the next build extracts again (their hashes are not stored)."""
        self._exec("SET synchronous_commit TO off")

    def finish_build(self) -> None:
        """After a build's writes, in its transaction: the word list for typos, and a new generation."""
        self._exec("DELETE FROM vocabulary")
        self._exec("INSERT INTO vocabulary SELECT word, ndoc FROM ts_stat("
                   "'SELECT to_tsvector(''simple'', text) FROM passages') WHERE length(word) > 2")
        self._exec("UPDATE generation SET n = n + 1 WHERE id = 1")


def _searchable(fields: dict) -> tuple[str, str, list[str], list[str]]:
    """(title, names, bodies, orgs) of a passage's index fields, as the passages table holds them."""
    return (_clean(fields["title"] or ""), _clean(fields["names"]),
            [_clean(b) for b in fields["bodies"].split(",") if b], [_clean(o) for o in fields["orgs"].split(",") if o])


def _libpq_url(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def migrate(store: PgStore) -> None:
    """Bring the database's schema to ``SCHEMA_REVISION`` with Alembic (one process at a time)."""
    if _revision(store) == SCHEMA_REVISION:
        return
    store._exec("SELECT pg_advisory_lock(?)", (_MIGRATE_LOCK,))
    try:
        if _revision(store) != SCHEMA_REVISION:
            _log.info("migrating %s to schema %s", safe_url(store.url), SCHEMA_REVISION)
            upgrade(store.url)
    finally:
        store._exec("SELECT pg_advisory_unlock(?)", (_MIGRATE_LOCK,))


def _revision(store: PgStore) -> str | None:
    row = store._exec("SELECT to_regclass('alembic_version') IS NOT NULL AS ok").fetchone()
    if not row["ok"]:
        return None
    row = store._exec("SELECT version_num FROM alembic_version").fetchone()
    return row["version_num"] if row else None


def alembic_config(url: str | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).with_name("migrations")))
    if url:
        cfg.set_main_option("sqlalchemy.url", _sqlalchemy_url(url).replace("%", "%%"))
    return cfg


def upgrade(url: str, revision: str = "head") -> None:
    """Run Alembic's migrations up to ``revision`` on the database at ``url``."""
    from alembic import command
    from sqlalchemy import create_engine

    engine = create_engine(_sqlalchemy_url(url))
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    finally:
        engine.dispose()


def _sqlalchemy_url(url: str) -> str:
    return re.sub(r"^postgres(ql)?(\+psycopg)?://", "postgresql+psycopg://", url)


_SHARED = threading.local()


@contextmanager
def shared_store(url: str):
    """A store kept open for this thread between calls (searches, a web worker's requests), so a
    query does not pay for a new connection; one that broke is replaced on the next call."""
    stores = _SHARED.__dict__.setdefault("stores", {})
    store = stores.get(url)
    if store is None or store.conn.closed or store.conn.broken:
        store = stores[url] = PgStore(url)
    try:
        yield store
    except Exception:
        if store.conn.broken:
            stores.pop(url, None)
        raise
