"""Records on disk: one SQLite database an analyst can open with pandas or Datasette.

Tables: ``documents`` (with the cleaned text), ``passages``, ``entities``,
``decisions``. All writes of a build happen in one transaction, so a killed
build leaves the previous state in place.

:func:`open_store` opens the store a user named: an index folder (this SQLite file, the embedded
default) or a ``postgresql://`` address (``pipeline.store.postgres``, a shared deployment). Both speak the
same methods; SQL here is written once, with ``?`` placeholders, in the subset both engines share.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import sqlite3
from functools import lru_cache
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import IO

from ..models import Decision, Document, Entity, Extraction, Passage

_log = logging.getLogger(__name__)

DB_NAME = "spoor.db"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, title TEXT, date TEXT, date_source TEXT, doc_type TEXT,
    pages INTEGER, sha256 TEXT, path TEXT, format TEXT, words INTEGER,
    warnings TEXT, text TEXT
);
CREATE TABLE IF NOT EXISTS passages (
    doc_id TEXT REFERENCES documents (doc_id), passage_no INTEGER, page INTEGER, start INTEGER, "end" INTEGER, text TEXT,
    PRIMARY KEY (doc_id, passage_no)
);
CREATE TABLE IF NOT EXISTS entities (
    id INTEGER PRIMARY KEY, doc_id TEXT REFERENCES documents (doc_id), label TEXT, text TEXT, start INTEGER, "end" INTEGER,
    page INTEGER, canonical TEXT, value TEXT, mod TEXT, parent TEXT, role TEXT, warnings TEXT
);
CREATE TABLE IF NOT EXISTS decisions (
    id INTEGER PRIMARY KEY, doc_id TEXT REFERENCES documents (doc_id), actor TEXT, actor_text TEXT, date TEXT, date_text TEXT,
    status TEXT, predicate TEXT, object TEXT, number TEXT, vote TEXT, text TEXT,
    start INTEGER, "end" INTEGER, page INTEGER
);
CREATE TABLE IF NOT EXISTS indexed (
    doc_id TEXT PRIMARY KEY, sha256 TEXT
);
CREATE TABLE IF NOT EXISTS entities_held (
    id INTEGER PRIMARY KEY, doc_id TEXT, label TEXT, text TEXT, start INTEGER, "end" INTEGER,
    page INTEGER, canonical TEXT, value TEXT, mod TEXT, parent TEXT, role TEXT, warnings TEXT,
    extracted_canonical TEXT, extracted_warnings TEXT
);
CREATE INDEX IF NOT EXISTS entities_held_doc ON entities_held (doc_id);
CREATE TABLE IF NOT EXISTS document_parts (
    doc_id TEXT PRIMARY KEY, key TEXT, parts BLOB
);
CREATE TABLE IF NOT EXISTS derived_state (
    name TEXT PRIMARY KEY, value BLOB
);
CREATE INDEX IF NOT EXISTS entities_doc ON entities (doc_id);
CREATE INDEX IF NOT EXISTS entities_canonical ON entities (label, canonical);
CREATE INDEX IF NOT EXISTS decisions_doc ON decisions (doc_id);
CREATE TABLE IF NOT EXISTS subjects (
    id TEXT PRIMARY KEY, name TEXT, label TEXT, kind TEXT, generic INTEGER, aliases TEXT, documents TEXT,
    first_seen TEXT, last_seen TEXT, mentions INTEGER, spans TEXT
);
CREATE TABLE IF NOT EXISTS relations (
    id INTEGER PRIMARY KEY, type TEXT, source TEXT, target TEXT, target_name TEXT, status TEXT, cue TEXT,
    "when" TEXT, score REAL, doc_id TEXT, page INTEGER, text TEXT, start INTEGER, "end" INTEGER, date TEXT,
    via TEXT, note TEXT
);
CREATE INDEX IF NOT EXISTS relations_source ON relations (source);
CREATE TABLE IF NOT EXISTS builds (
    id INTEGER PRIMARY KEY, started TEXT, finished TEXT, added INTEGER, updated INTEGER, removed INTEGER,
    failed INTEGER
);
CREATE TABLE IF NOT EXISTS failed_files (path TEXT, message TEXT, build_id INTEGER REFERENCES builds (id));
CREATE TABLE IF NOT EXISTS document_added (doc_id TEXT PRIMARY KEY, added TEXT, build_id INTEGER REFERENCES builds (id));
"""

def _date_range(value: str) -> tuple[str, str]:
    """SQL for the first and last day (ISO) of an ISO date value of any precision the records write
    ("2015", "2015-03", "2015-03-11", a season "2015-SP", an interval "2015-03/2016"), NULL otherwise."""
    def one(v: str, last: bool) -> str:
        season = (f"WHEN {v} GLOB '[0-9][0-9][0-9][0-9]-[A-Z][A-Z]' THEN "
                  + (f"date({_season_start(v)}, '+3 months', '-1 day')" if last else _season_start(v)))
        return (f"CASE WHEN {v} GLOB '[0-9][0-9][0-9][0-9]' THEN {v} || '{'-12-31' if last else '-01-01'}' "
                f"WHEN {v} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' THEN "
                + (f"date({v} || '-01', '+1 month', '-1 day') " if last else f"{v} || '-01' ")
                + f"WHEN {v} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN substr({v}, 1, 10) {season} END")
    left = f"(CASE WHEN instr({value}, '/') > 0 THEN substr({value}, 1, instr({value}, '/') - 1) ELSE {value} END)"
    right = f"(CASE WHEN instr({value}, '/') > 0 THEN substr({value}, instr({value}, '/') + 1) ELSE {value} END)"
    return one(left, False), one(right, True)


def _season_start(v: str) -> str:
    from ..nlp.dates_scan import load_lexicon

    months = load_lexicon()["dates"]["season_start_month"]
    cases = " ".join(f"WHEN '{k}' THEN '-{m:02d}-01'" for k, m in sorted(months.items()))
    return f"(substr({v}, 1, 4) || CASE substr({v}, 6, 2) {cases} END)"


def _dated(value: str, prefix: str = "date") -> str:
    start, end = _date_range(value)
    return f"{start} AS {prefix}_start, {end} AS {prefix}_end"


# For analysts (Datasette, pandas): passages searchable with SQLite's full-text search, and views with
# readable column names (no reserved words: start_offset/end_offset, happened) and the first and last
# day of every date value (date_start/date_end), which pandas.to_datetime reads.
_ANALYST_SCHEMA = f"""
CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5(text, content='passages', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER IF NOT EXISTS passages_fts_insert AFTER INSERT ON passages BEGIN
  INSERT INTO passages_fts (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER IF NOT EXISTS passages_fts_delete AFTER DELETE ON passages BEGIN
  INSERT INTO passages_fts (passages_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE TRIGGER IF NOT EXISTS passages_fts_update AFTER UPDATE ON passages BEGIN
  INSERT INTO passages_fts (passages_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
  INSERT INTO passages_fts (rowid, text) VALUES (new.rowid, new.text);
END;
DROP VIEW IF EXISTS documents_view;
CREATE VIEW documents_view AS SELECT d.doc_id, d.title, d.date, {_dated("d.date")}, d.date_source, d.doc_type,
  d.government, d.government_kind, d.government_code, d.issuer, d.meeting_body, d.meeting_date,
  {_dated("d.meeting_date", "meeting_date")}, d.valid_from, d.valid_until, d.pages, d.words, d.format, d.path, d.warnings, a.added
  FROM documents d LEFT JOIN document_added a ON a.doc_id = d.doc_id;
DROP VIEW IF EXISTS passages_view;
CREATE VIEW passages_view AS SELECT doc_id, passage_no, page, start AS start_offset, "end" AS end_offset, text FROM passages;
DROP VIEW IF EXISTS entities_view;
CREATE VIEW entities_view AS SELECT id, doc_id, label, text, canonical, value,
  {_dated("CASE WHEN label = 'DATE' THEN value END")}, mod, parent, role, page,
  start AS start_offset, "end" AS end_offset, warnings FROM entities;
DROP VIEW IF EXISTS decisions_view;
CREATE VIEW decisions_view AS SELECT id, doc_id, date, {_dated("date")}, date_text, status, actor, actor_text,
  government, government_code, predicate, object, number, vote, votes_for, votes_against, mandate_holder, cited,
  actor_office, page, start AS start_offset, "end" AS end_offset, text FROM decisions;
DROP VIEW IF EXISTS relations_view;
CREATE VIEW relations_view AS SELECT id, type, source, target, target_name, status, cue, "when" AS happened,
  {_dated('"when"', "happened")}, score, doc_id, page, date, {_dated("date")}, text,
  start AS start_offset, "end" AS end_offset, via, note FROM relations;
"""
DATASETTE_METADATA = "datasette-metadata.json"

# Columns the record contract gained after a store was first made: added to an older store when it is
# opened (PostgreSQL: migration 0002). (table, column, SQLite type)
ADDED_COLUMNS = (
    ("documents", "government", "TEXT"), ("documents", "government_kind", "TEXT"),
    ("documents", "government_code", "TEXT"), ("documents", "issuer", "TEXT"),
    ("documents", "meeting_body", "TEXT"), ("documents", "meeting_date", "TEXT"),
    ("decisions", "government", "TEXT"), ("decisions", "government_code", "TEXT"),
    ("decisions", "votes_for", "INTEGER"), ("decisions", "votes_against", "INTEGER"),
    ("decisions", "mandate_holder", "TEXT"), ("decisions", "cited", "INTEGER NOT NULL DEFAULT 0"),
    ("subjects", "government", "TEXT"), ("subjects", "body", "TEXT"),  # PostgreSQL: migration 0003
    # what extraction said of an entity, kept beside what linking made of it (PostgreSQL: migration 0005)
    ("entities", "extracted_canonical", "TEXT"), ("entities", "extracted_warnings", "TEXT"),
    ("decisions", "actor_office", "TEXT"),  # PostgreSQL: migration 0006
    ("documents", "valid_from", "TEXT"), ("documents", "valid_until", "TEXT"),  # PostgreSQL: migration 0007
)
# The documents table's columns but the cleaned text (the same in PostgreSQL's schema).
_DOCUMENT_COLUMNS = ("doc_id", "title", "date", "date_source", "doc_type", "pages", "sha256", "path", "format",
                     "words", "warnings") + tuple(c for t, c, _ in ADDED_COLUMNS if t == "documents")

# The columns an entity mention keeps while linking holds it back (``entities_held``).
_HELD_COLUMNS = ("id", "doc_id", "label", "text", "start", "end", "page", "canonical", "value", "mod", "parent",
                 "role", "warnings", "extracted_canonical", "extracted_warnings")

_TABLE_MODELS = {"documents": Document, "entities": Entity, "decisions": Decision, "passages": Passage}
_JSON_COLUMNS = {"warnings"}


@lru_cache(maxsize=None)
def _model_fields(model) -> frozenset[str]:
    return frozenset(model.model_fields)


class Store:
    """The SQLite database of one index folder."""

    #: Whether the store also answers searches itself (PostgreSQL); SQLite leaves that to Whoosh.
    searchable = False
    #: Whether many processes may write documents at once (PostgreSQL): a cluster's workers then store
    #: what they extract themselves; SQLite takes one writer, the build's process.
    concurrent_writers = False
    #: The address other processes open the same store by (a database's; None for a folder).
    url: str | None = None
    #: Read every row of a table rather than look up most of them through an index (SQLite has no
    #: statistics to choose so itself, and reading the mentions of a corpus label by label costs half again).
    _SCAN = " NOT INDEXED"

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.path = self.folder / DB_NAME
        self.folder.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(self.path, timeout=30)
        self.conn.row_factory = sqlite3.Row
        self._column_cache: dict[str, set[str]] = {}
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.executescript(_SCHEMA)
        self._add_columns()
        self._for_analysts()

    def _add_columns(self) -> None:
        """Give a store made by an older spoor the columns the record contract gained since."""
        have: dict[str, set[str]] = {}
        for table, column, kind in ADDED_COLUMNS:
            cols = have.setdefault(table, {r["name"] for r in self.conn.execute(f"PRAGMA table_info({table})")})
            if column not in cols:
                with self.conn:
                    self.conn.execute(f'ALTER TABLE {table} ADD COLUMN "{column}" {kind}')
                cols.add(column)

    def _for_analysts(self) -> None:
        """The full-text table and readable views (made again when this spoor's definition differs), and
        a metadata file for ``datasette spoor.db --metadata datasette-metadata.json`` beside the database."""
        have = self.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'relations_view'").fetchone()
        if have is None or have[0] not in _ANALYST_SCHEMA:
            with self.conn:
                self.conn.executescript(_ANALYST_SCHEMA)
                if self.conn.execute("SELECT 1 FROM passages LIMIT 1").fetchone():
                    self.conn.execute("INSERT INTO passages_fts (passages_fts) VALUES ('rebuild')")
        from importlib import resources

        wanted = (resources.files("pipeline.store") / "data" / DATASETTE_METADATA).read_text(encoding="utf-8")
        target = self.folder / DATASETTE_METADATA
        try:
            if not target.exists() or target.read_text(encoding="utf-8") != wanted:
                target.write_text(wanted, encoding="utf-8")
        except OSError as exc:  # a read-only folder still answers
            _log.debug("no %s in %s: %s", DATASETTE_METADATA, self.folder, exc)

    def __repr__(self) -> str:
        return f"<Store {self.path}>"

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- the two places the engines differ in how SQL is sent ---------------------
    def _exec(self, sql: str, args: Iterable = ()):
        """Run one statement (``?`` placeholders); returns a cursor whose rows are read by column name."""
        return self.conn.execute(sql, tuple(args))

    def _many(self, sql: str, rows: Iterable[Iterable]) -> None:
        self.conn.executemany(sql, rows)

    def transaction(self) -> AbstractContextManager:
        """``with store.transaction():`` commits everything inside at once, or nothing."""
        return self.conn

    def generation(self) -> tuple:
        """Changes whenever a build commits (caches of what the store holds are keyed by it)."""
        return tuple(_mtime(p) for p in (self.path, self.path.with_name(DB_NAME + "-wal")))

    def prepare_build(self) -> None:
        """Before a build: the folder's search index must not be held by another writer (Whoosh's
        LockError now, before any work is done)."""
        from ..index.writer import ensure_writable

        if not os.access(self.folder, os.W_OK) or (self.path.exists() and not os.access(self.path, os.W_OK)):
            raise PermissionError(errno.EACCES, "no permission to write there", str(self.folder))
        ensure_writable(self.folder)

    # -- writing (callers wrap a whole build in ``with store.transaction():``) ----------
    def put(self, extraction: Extraction) -> None:
        """Replace everything stored for the extraction's document."""
        doc = extraction.document
        assert doc is not None
        self.remove(doc.doc_id)
        self._insert("documents", [{**self._row(doc, "documents"), "text": extraction.text}])
        for table, records in (("passages", extraction.passages), ("decisions", extraction.decisions)):
            self._insert(table, [self._row(rec, table) for rec in records])
        rows = []
        for rec in extraction.entities:  # what extraction said stays beside what linking makes of it
            row = self._row(rec, "entities")
            row["extracted_canonical"], row["extracted_warnings"] = row.get("canonical"), row.get("warnings")
            rows.append(row)
        self._insert("entities", rows)

    def remove(self, doc_id: str) -> None:
        """Delete a document's rows (its ``indexed`` mark stays until the index drops it too)."""
        for table in ("documents", "passages", "entities", "entities_held", "decisions", "document_parts"):
            self._exec(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))

    def mark_indexed(self, doc_ids: Iterable[str]) -> None:
        """Record that the search index now holds the stored version of these documents."""
        for doc_id in doc_ids:
            self._exec("DELETE FROM indexed WHERE doc_id = ?", (doc_id,))
            self._exec("INSERT INTO indexed SELECT doc_id, sha256 FROM documents WHERE doc_id = ?", (doc_id,))

    def unmark_indexed(self, doc_ids: Iterable[str] | None = None) -> None:
        """Forget that the index holds these documents (all of them with None): they are indexed again."""
        if doc_ids is None:
            self._exec("DELETE FROM indexed")
        else:
            self._many("DELETE FROM indexed WHERE doc_id = ?", [(d,) for d in doc_ids])

    def stale_in_index(self) -> tuple[set[str], set[str]]:
        """(doc_ids whose stored version the index lacks, doc_ids the index holds but the store does not)."""
        stale = {r["doc_id"] for r in self._exec(
            "SELECT d.doc_id FROM documents d LEFT JOIN indexed i ON d.doc_id = i.doc_id "
            "WHERE i.sha256 IS NULL OR i.sha256 != d.sha256")}
        orphans = {r["doc_id"] for r in self._exec(
            "SELECT doc_id FROM indexed WHERE doc_id NOT IN (SELECT doc_id FROM documents)")}
        return stale, orphans

    def set_canonicals(self, updates: Iterable[tuple[int, str | None, list[str]]]) -> None:
        """Set (row id, canonical, warnings) of entities after linking across the corpus."""
        self._many("UPDATE entities SET canonical = ?, warnings = ? WHERE id = ?",
                   [(canon, json.dumps(warnings, ensure_ascii=False), row_id) for row_id, canon, warnings in updates])

    def delete_entities(self, row_ids: Iterable[int]) -> None:
        self._many("DELETE FROM entities WHERE id = ?", [(i,) for i in row_ids])

    # -- what each document contributes to the subjects, kept between builds (issue 19) ----------
    def document_parts(self) -> Iterator[tuple[str, str, bytes]]:
        """(doc_id, key, parts) of every document's stored subject parts (``pipeline.link.parts``)."""
        for row in self._exec("SELECT doc_id, key, parts FROM document_parts"):
            yield row["doc_id"], row["key"], row["parts"]

    def put_document_parts(self, rows: Iterable[tuple[str, str, bytes]]) -> None:
        """Store (doc_id, key, parts), replacing what a document had."""
        rows = list(rows)
        self._many("DELETE FROM document_parts WHERE doc_id = ?", [(doc_id,) for doc_id, _, _ in rows])
        self._many("INSERT INTO document_parts (doc_id, key, parts) VALUES (?, ?, ?)", rows)

    def clear_document_parts(self, states: Iterable[str] | None = None) -> None:
        """Forget every stored part (a full re-derivation scans every document again) and the
        ``derived_state`` entries named in ``states`` (all of them with None)."""
        self._exec("DELETE FROM document_parts")
        if states is None:
            self._exec("DELETE FROM derived_state")
        else:
            self._many("DELETE FROM derived_state WHERE name = ?", [(name,) for name in states])

    def derived_state(self, name: str) -> bytes | None:
        row = self._exec("SELECT value FROM derived_state WHERE name = ?", (name,)).fetchone()
        return row["value"] if row else None

    def put_derived_state(self, name: str, value: bytes) -> None:
        self._exec("DELETE FROM derived_state WHERE name = ?", (name,))
        self._exec("INSERT INTO derived_state (name, value) VALUES (?, ?)", (name, value))

    # -- linking from what extraction said (issue 19) ----------------------------------------
    #: An entity row as linking reads it: (id, doc_id, label, text, canonical, warnings, extracted canonical,
    #: extracted warnings, held); the extracted warnings are None for a row stored before spoor kept them.
    LINK_COLUMNS = ("id", "doc_id", "label", "text", "canonical", "warnings", "extracted_canonical",
                    "extracted_warnings")

    def link_rows(self, labels: tuple[str, ...] | None = None, doc_ids: list[str] | None = None,
                  named: tuple[str, str] | None = None, held: bool | None = None,
                  with_start: bool = False) -> Iterator[tuple]:
        """Every entity, and every mention linking holds back (an acronym no document defines), as
        :attr:`LINK_COLUMNS` plus whether it is held (1) or not (0), in document order, read one at a time.

        ``labels``: of these labels only; ``doc_ids``: of these documents only; ``named``: (label, canonical)
        the entities (not held) linking gave that id; ``held``: only the held (True) or the other (False)
        mentions; ``with_start``: each row ends with the mention's start offset too."""
        if doc_ids is not None and len(doc_ids) > 500:  # within any database's limit of parameters
            ids = sorted(doc_ids)
            for k in range(0, len(ids), 500):
                yield from self.link_rows(labels, ids[k:k + 500], named, held, with_start)
            return
        cols = ", ".join(f'"{c}"' for c in self.LINK_COLUMNS)
        selects, args = [], []
        for table, flag in (("entities", 0), ("entities_held", 1)):
            if held is not None and held != bool(flag) or named is not None and flag:
                continue
            where = []
            if labels:
                where.append("label IN (" + ", ".join("?" for _ in labels) + ")")
                args += list(labels)
            if doc_ids is not None:
                where.append("doc_id IN (" + ", ".join("?" for _ in doc_ids) + ")" if doc_ids else "1 = 0")
                args += list(doc_ids)
            if named is not None:
                where.append("label = ? AND canonical = ?")
                args += list(named)
            selects.append(f"SELECT {cols}, {flag} AS held, start FROM {table}"
                           + (" WHERE " + " AND ".join(where) if where else ""))
        for row in self._tuples(" UNION ALL ".join(selects) + " ORDER BY doc_id, start, id", args):
            yield row if with_start else row[:-1]

    def hold_entities(self, row_ids: Iterable[int]) -> None:
        """Take mentions out of the entities (linking drops them), kept to be linked again by later builds."""
        cols = ", ".join(f'"{c}"' for c in _HELD_COLUMNS)
        ids = [(i,) for i in row_ids]
        self._many(f"INSERT INTO entities_held ({cols}) SELECT {cols} FROM entities WHERE id = ?", ids)
        self._many("DELETE FROM entities WHERE id = ?", ids)

    def restore_entities(self, updates: Iterable[tuple[int, str | None, list[str]]]) -> None:
        """Bring held mentions back as entities with (held row id, canonical, warnings) linking gave them."""
        cols = [c for c in _HELD_COLUMNS if c not in ("id", "canonical", "warnings")]
        names = ", ".join(f'"{c}"' for c in cols)
        updates = list(updates)
        self._many(f"INSERT INTO entities ({names}, canonical, warnings) SELECT {names}, ?, ? FROM entities_held "
                   "WHERE id = ?", [(canon, json.dumps(warnings, ensure_ascii=False), row_id)
                                    for row_id, canon, warnings in updates])
        self._many("DELETE FROM entities_held WHERE id = ?", [(row_id,) for row_id, _, _ in updates])

    def _row(self, record, table: str) -> dict:
        columns = self._columns(table)
        data = record.model_dump()
        # JSON lists as text; booleans as 0/1 (the same INTEGER column in both databases)
        return {k: (json.dumps(v, ensure_ascii=False) if k in _JSON_COLUMNS else int(v) if isinstance(v, bool) else v)
                for k, v in data.items() if k in columns}

    def _columns(self, table: str) -> set[str]:
        if table not in self._column_cache:
            self._column_cache[table] = self._table_columns(table)
        return self._column_cache[table]

    def _table_columns(self, table: str) -> set[str]:
        return {row["name"] for row in self._exec(f"PRAGMA table_info({table})")}

    def _insert(self, table: str, rows: list[dict]) -> None:
        if not rows:
            return
        names = list(rows[0])
        cols = ", ".join(f'"{c}"' for c in names)
        marks = ", ".join("?" for _ in names)
        self._many(f"INSERT INTO {table} ({cols}) VALUES ({marks})", [[r[c] for c in names] for r in rows])

    def record_build(self, started: str, finished: str, added: list[str], updated: list[str], removed: list[str],
                     failed: list[tuple[str, str]]) -> None:
        """Remember one build (ISO times, the doc_ids it added, changed and removed, the (path, reason) of
        the files it could not read): the status page shows the last; new documents get their arrival time."""
        self._exec("INSERT INTO builds (started, finished, added, updated, removed, failed) VALUES (?, ?, ?, ?, ?, ?)",
                   (started, finished, len(added), len(updated), len(removed), len(failed)))
        build_id = self._exec("SELECT MAX(id) AS id FROM builds").fetchone()["id"]
        self._exec("DELETE FROM failed_files")
        self._many("INSERT INTO failed_files (path, message, build_id) VALUES (?, ?, ?)",
                   [(path, message, build_id) for path, message in failed])
        self._many("DELETE FROM document_added WHERE doc_id = ?", [(d,) for d in removed])
        self._many("INSERT INTO document_added (doc_id, added, build_id) SELECT ?, ?, ? WHERE NOT EXISTS "
                   "(SELECT 1 FROM document_added WHERE doc_id = ?)", [(d, finished, build_id, d) for d in added])
        # documents stored before builds were recorded count as there since this build
        self._exec("INSERT INTO document_added (doc_id, added, build_id) SELECT doc_id, ?, ? FROM documents "
                   "WHERE doc_id NOT IN (SELECT doc_id FROM document_added)", (finished, build_id))

    def last_build(self) -> dict | None:
        """The last recorded build: started, finished (ISO), added, updated, removed, failed (counts)."""
        row = self._exec("SELECT * FROM builds ORDER BY id DESC LIMIT 1").fetchone()
        return {k: row[k] for k in ("started", "finished", "added", "updated", "removed", "failed")} if row else None

    def failed_files(self) -> list[tuple[str, str]]:
        """(path, reason) of every file the last build could not read."""
        return [(r["path"], r["message"]) for r in self._exec("SELECT path, message FROM failed_files ORDER BY path")]

    def added_times(self) -> dict[str, str]:
        """doc_id -> when it came into the store (ISO time of the build that first stored it)."""
        return {r["doc_id"]: r["added"] for r in self._exec("SELECT doc_id, added FROM document_added")}

    # -- reading ---------------------------------------------------------------
    def hashes(self) -> dict[str, tuple[str, str]]:
        """doc_id -> (sha256, path) of every stored document."""
        return {r["doc_id"]: (r["sha256"], r["path"]) for r in self._exec(
            "SELECT doc_id, sha256, path FROM documents")}

    def documents(self) -> list[Document]:
        columns = ", ".join(_DOCUMENT_COLUMNS)  # not the texts: ``document`` and ``texts`` read those
        return [self._model(Document, r) for r in self._exec(
            f"SELECT {columns} FROM documents ORDER BY date IS NULL, date, doc_id")]

    def document(self, doc_id: str) -> tuple[Document, str] | None:
        row = self._exec("SELECT * FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return (self._model(Document, row), row["text"]) if row else None

    def entities(self, doc_id: str | None = None, label: str | None = None) -> list[Entity]:
        sql, args = "SELECT * FROM entities WHERE 1=1", []
        if doc_id:
            sql, args = sql + " AND doc_id = ?", args + [doc_id]
        if label:
            sql, args = sql + " AND label = ?", args + [label]
        return [self._model(Entity, r) for r in self._exec(sql + " ORDER BY doc_id, start, id", args)]

    def entity_rows(self) -> list[tuple[int, Entity]]:
        return [(r["id"], self._model(Entity, r)) for r in self._exec(
            "SELECT * FROM entities ORDER BY doc_id, start, id")]

    def decisions(self, doc_id: str | None = None) -> list[Decision]:
        sql, args = "SELECT * FROM decisions", []
        if doc_id:
            sql, args = sql + " WHERE doc_id = ?", [doc_id]
        return [self._model(Decision, r) for r in self._exec(sql + " ORDER BY doc_id, start, id", args)]

    def passages(self, doc_id: str | None = None) -> list[Passage]:
        sql, args = "SELECT * FROM passages", []
        if doc_id:
            sql, args = sql + " WHERE doc_id = ?", [doc_id]
        return [self._model(Passage, r) for r in self._exec(sql + " ORDER BY doc_id, passage_no", args)]

    def counts(self) -> dict[str, int]:
        one = lambda sql: int(self._exec(sql).fetchone()["n"])  # noqa: E731
        out = {"documents": one("SELECT COUNT(*) AS n FROM documents"),
               "pages": one("SELECT COALESCE(SUM(pages), 0) AS n FROM documents"),
               "passages": one("SELECT COUNT(*) AS n FROM passages"),
               "decisions": one("SELECT COUNT(*) AS n FROM decisions")}
        for row in self._exec("SELECT label, COUNT(*) AS n FROM entities GROUP BY label ORDER BY label"):
            out[f"entities.{row['label']}"] = int(row["n"])
        return out

    def name_forms(self) -> Iterator[tuple[str, str, str, int]]:
        """(label, canonical, surface text, mentions) of the linked bodies, organisations and laws,
        one row per distinct surface text, in the order first mentioned."""
        for row in self._exec("SELECT label, canonical, text, COUNT(*) AS n FROM entities WHERE canonical IS NOT NULL "
                              "AND label IN ('ORGAN', 'ORG', 'LAW') GROUP BY label, canonical, text ORDER BY MIN(id)"):
            yield row["label"], row["canonical"], row["text"], row["n"]

    def page_starts(self) -> Iterator[tuple[str, int, int]]:
        """(doc_id, page, offset of the page's first passage) of every stored page."""
        for row in self._exec('SELECT doc_id, page, MIN(start) AS start FROM passages GROUP BY doc_id, page'):
            yield row["doc_id"], row["page"], row["start"]

    def texts(self) -> Iterator[tuple[str, str | None, str, str]]:
        """(doc_id, date, cleaned text, doc_type) of every stored document, by doc_id (so what is derived
        from them does not depend on the order the documents were written in, e.g. by a cluster's workers)."""
        for row in self._exec("SELECT doc_id, date, text, doc_type FROM documents ORDER BY doc_id"):
            yield row["doc_id"], row["date"], row["text"] or "", row["doc_type"] or ""

    @staticmethod
    def _model(model, row):
        fields = _model_fields(model)
        data = {k: row[k] for k in row.keys() if k in fields}
        for k in _JSON_COLUMNS & data.keys():
            data[k] = json.loads(data[k]) if data[k] else []
        return model(**data)

    # -- subjects and relations (issue 6; recomputed for the whole corpus) -------
    def put_subjects(self, subjects, relations) -> None:
        """Replace all stored subjects and relations (``pipeline.link.subjects.Subject``/``Relation``);
        ``subjects`` may be an iterator, each subject written as it comes."""
        from ..models import SubjectDoc

        doc_fields = tuple(SubjectDoc.model_fields)  # what model_dump gives, without its cost per document
        self._exec("DELETE FROM subjects")
        self._exec("DELETE FROM relations")
        self._many(
            "INSERT INTO subjects (id, name, label, kind, generic, aliases, documents, first_seen, last_seen, "
            "mentions, spans, government, body) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            ((s.id, s.name, s.label, s.kind, int(s.generic), json.dumps(s.aliases, ensure_ascii=False),
              json.dumps([_doc_fields(d, doc_fields) for d in s.documents]),
              s.first_seen, s.last_seen, s.mentions,
              json.dumps(s.spans), s.government, s.body) for s in subjects))
        self._many(
            'INSERT INTO relations (type, source, target, target_name, status, cue, "when", score, doc_id, page, '
            'text, start, "end", date, via, note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
            [(r.type, r.source, r.target, r.target_name, r.status, r.cue, r.when, r.score, r.evidence.doc_id,
              r.evidence.page, r.evidence.text, r.evidence.start, r.evidence.end, r.evidence.date,
              r.via.model_dump_json() if r.via else None, r.note) for r in relations])

    def has_subjects(self) -> bool:
        """True once subjects were computed for the stored corpus (or it is empty)."""
        return bool(self._exec("SELECT 1 AS one FROM subjects LIMIT 1").fetchone()) or not self._exec(
            "SELECT 1 AS one FROM documents LIMIT 1").fetchone()

    def relations(self, subject: str | None = None) -> list:
        """Stored relations (``pipeline.link.subjects.Relation``), optionally those from or to one subject."""
        from ..models import Evidence, Relation

        sql, args = "SELECT * FROM relations", []
        if subject:
            sql, args = sql + " WHERE source = ? OR target = ?", [subject, subject]
        out = []
        for r in self._exec(sql + " ORDER BY id", args):
            ev = Evidence(doc_id=r["doc_id"], page=r["page"], text=r["text"], start=r["start"], end=r["end"],
                          date=r["date"])
            out.append(Relation(type=r["type"], source=r["source"], target=r["target"], target_name=r["target_name"],
                                status=r["status"], cue=r["cue"], when=r["when"], score=r["score"], evidence=ev,
                                via=Evidence.model_validate_json(r["via"]) if r["via"] else None, note=r["note"]))
        return out

    def subjects(self, spans: bool = True, documents: bool = True, ids: list[str] | None = None) -> list:
        """Stored subjects (``pipeline.link.subjects.Subject``) with their outgoing and incoming relations;
        ``spans=False`` leaves their mentions out (``subject_spans`` reads one subject's),
        ``documents=False`` their documents; ``ids``: only these subjects."""
        from ..models import Subject, SubjectDoc

        out = []
        columns = ("id, name, label, kind, generic, aliases, first_seen, last_seen, mentions, government, body, "
                   + ("documents" if documents else "'[]' AS documents") + ", " + ("spans" if spans else "NULL AS spans"))
        where, args = "", []
        if ids is not None:
            where, args = f" WHERE id IN ({', '.join('?' for _ in ids)})", list(ids)
            if not ids:
                return []
        for r in self._exec(f"SELECT {columns} FROM subjects{where} ORDER BY mentions DESC, id", args):
            out.append(Subject(id=r["id"], name=r["name"], label=r["label"], kind=r["kind"], generic=bool(r["generic"]),
                               aliases=json.loads(r["aliases"]), first_seen=r["first_seen"], last_seen=r["last_seen"],
                               # stored by us: built without validating each of thousands again
                               documents=[SubjectDoc.model_construct(**d) for d in json.loads(r["documents"])],
                               mentions=r["mentions"], spans=[tuple(x) for x in json.loads(r["spans"] or "[]")],
                               government=r["government"], body=r["body"]))
        by_id = {s.id: s for s in out}
        for rel in self.relations():
            if rel.source in by_id:
                by_id[rel.source].relations.append(rel)
            if rel.target in by_id and rel.type != "same_as" and rel.target != rel.source:
                by_id[rel.target].incoming.append(rel)
        return out

    def subject_spans(self, subject_id: str) -> list[tuple[str, int, int, int]]:
        """(doc_id, start, end, page) of every mention of one subject."""
        row = self._exec("SELECT spans FROM subjects WHERE id = ?", (subject_id,)).fetchone()
        return [tuple(x) for x in json.loads(row["spans"])] if row and row["spans"] else []

    # -- export ----------------------------------------------------------------
    def records(self) -> Iterator[dict]:
        """Every document with its entities and decisions, in the JSON Lines contract."""
        for doc in self.documents():
            yield doc.model_dump()
            for ent in self.entities(doc.doc_id):
                yield ent.model_dump()
            for dec in self.decisions(doc.doc_id):
                yield dec.model_dump()

    # -- plain rows for the corpus-wide passes (issue 8) ------------------------------------
    def entity_tuples(self, columns: tuple[str, ...], labels: tuple[str, ...] | None = None,
                      ordered: bool = False, doc_id: str | None = None) -> Iterator[tuple]:
        """The ``columns`` of every entity (of ``labels``, of one document) as plain tuples, in
        document order when ``ordered``, read one at a time: linking, subjects and the index writer
        go over every mention of a corpus without making a record of each."""
        cols = ", ".join(f'"{c}"' for c in columns)
        sql, args = f"SELECT {cols} FROM entities{self._SCAN if doc_id is None else ''} WHERE 1 = 1", []
        if labels:
            sql, args = sql + " AND label IN (" + ", ".join("?" for _ in labels) + ")", args + list(labels)
        if doc_id is not None:
            sql, args = sql + " AND doc_id = ?", args + [doc_id]
        yield from self._tuples(sql + (" ORDER BY doc_id, start, id" if ordered else ""), args)

    def decision_tuples(self, columns: tuple[str, ...]) -> Iterator[tuple]:
        """The ``columns`` of every decision as plain tuples, in the order of :meth:`decisions`."""
        cols = ", ".join(f'"{c}"' for c in columns)
        yield from self._tuples(f"SELECT {cols} FROM decisions ORDER BY doc_id, start, id")

    def _tuples(self, sql: str, args: Iterable = ()) -> Iterator[tuple]:
        """The rows of one statement as plain tuples (no row object per row: for corpus-wide passes)."""
        cur = self.conn.cursor()
        cur.row_factory = None
        yield from cur.execute(sql, tuple(args))

    def passage_tuples(self, doc_id: str) -> list[tuple[int, int, int, int, str]]:
        """(passage_no, page, start, end, text) of one document's passages, in order (the index writer's input)."""
        return [(r["passage_no"], r["page"], r["start"], r["end"], r["text"]) for r in self._exec(
            'SELECT passage_no, page, start, "end", text FROM passages WHERE doc_id = ? ORDER BY passage_no',
            (doc_id,))]


def _doc_fields(doc, fields: tuple[str, ...]) -> dict:
    """A subject's document (``SubjectDoc``) as stored: its fields, in the model's order (what a record holds
    in its ``__dict__`` when it has them all; read as it is, a corpus's subjects have many thousands)."""
    values = doc.__dict__
    return values if len(values) == len(fields) and next(iter(values)) == fields[0] else {
        k: getattr(doc, k) for k in fields}


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def write_jsonl(records: Iterable[dict], fh: IO[str]) -> int:
    """Write records as JSON Lines; returns how many."""
    n = 0
    for rec in records:
        fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def extraction_records(extraction: Extraction) -> Iterator[dict]:
    """The JSON Lines records of one extraction (document first)."""
    if extraction.document is None:
        return
    yield extraction.document.model_dump()
    for rec in (*extraction.entities, *extraction.decisions):
        yield rec.model_dump()
