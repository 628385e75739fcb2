"""The store for analysts: as Parquet (issue 9), one folder per table, partitioned by year, or as a
Datasette-ready SQLite database (issue 18, ``export_sqlite``).

``export_parquet(index, out)`` writes ``out/documents``, ``out/passages``, ``out/entities``,
``out/decisions`` and, when the store has them, ``out/subjects`` and ``out/relations``, each as
``year=YYYY/part-0.parquet`` files (hive partitioning; ``year=unknown`` for undated documents).
A record's year is its document's year; a subject's is the year it was first seen. Readable with

    pandas.read_parquet("out/entities")
    duckdb.sql("select * from read_parquet('out/entities/**/*.parquet', hive_partitioning=1)")

Documents are read from the store a batch at a time, in year order, and each batch is appended to
the open file of its year as one row group, so the export never holds more than one batch of
documents (with their passages, entities and decisions) in memory. Columns are those of the
SQLite tables (minus internal row ids); ``warnings`` and ``aliases`` become lists of strings, other
JSON columns (``subjects.documents``, ``subjects.spans``, ``relations.via``) stay JSON text. A
table folder is written beside the old one and swapped in when complete.
"""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from . import locate
from .sqlite import DB_NAME

_log = logging.getLogger(__name__)

BATCH_DOCS = 200
UNKNOWN_YEAR = "unknown"
DOC_TABLES = ("documents", "passages", "entities", "decisions")
OPTIONAL_TABLES = ("subjects", "relations")
_ORDER = {"documents": "doc_id", "passages": "doc_id, passage_no", "entities": "doc_id, start, id",
          "decisions": "doc_id, start, id", "relations": "doc_id, id"}
_DROP = {"entities": {"id", "extracted_canonical", "extracted_warnings"}, "decisions": {"id"}, "relations": {"id"}}
_LISTS = {"warnings", "aliases"}
_YEAR_SQL = "CASE WHEN {col} GLOB '[0-9][0-9][0-9][0-9]*' THEN substr({col}, 1, 4) ELSE '" + UNKNOWN_YEAR + "' END"
_YEAR_SQL_PG = "CASE WHEN {col} ~ '^[0-9]{{4}}' THEN substr({col}, 1, 4) ELSE '" + UNKNOWN_YEAR + "' END"

Progress = Callable[[int, int], None]  # (documents done, total)


class ExportError(RuntimeError):
    """The export cannot be made: no store, or pyarrow is missing."""


def export_parquet(index: Path, out: Path, batch_docs: int = BATCH_DOCS,
                   progress: Progress | None = None) -> dict[str, int]:
    """Write the store of ``index`` as Parquet under ``out``; returns the rows written per table."""
    try:
        import pyarrow  # noqa: F401
    except ImportError as exc:
        raise ExportError("Parquet export needs pyarrow: pip install pyarrow (spoor's analytics extra)") from exc
    where = locate(index)
    if not where.exists():
        raise ExportError(f"no index in {index}: run `spoor build` first (or pass --index)")
    db, con = where, _READERS[where.kind](where)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    try:
        have = con.tables()
        tables = [t for t in DOC_TABLES + OPTIONAL_TABLES if t in have]
        missing = [t for t in DOC_TABLES if t not in have]
        if missing:
            raise ExportError(f"{db} is not a spoor store (no table {missing[0]}); run `spoor build` again")
        writers = {t: _TableWriter(out, t, _schema(con, t)) for t in tables}
        try:
            _export_documents(con, writers, batch_docs, progress)
            if "relations" in writers:
                _export_rows(con, writers["relations"], "SELECT r.*, " + con.year_sql.format(col="d.date") +
                             " AS _year FROM relations r LEFT JOIN documents d USING (doc_id) "
                             "ORDER BY _year, r.doc_id, r.id", batch_docs * 20)
            if "subjects" in writers:
                _export_rows(con, writers["subjects"], "SELECT *, " + con.year_sql.format(col="first_seen") +
                             " AS _year FROM subjects ORDER BY _year, id", batch_docs * 20)
            counts = {t: w.close() for t, w in writers.items()}
        except BaseException:
            for w in writers.values():
                w.abort()
            raise
    finally:
        con.close()
    return counts


class _Sqlite:
    """The SQLite store, read-only."""

    year_sql = _YEAR_SQL

    def __init__(self, where):
        self.con = sqlite3.connect(f"file:{where.target / DB_NAME}?mode=ro", uri=True)
        self.con.row_factory = sqlite3.Row

    def execute(self, sql: str, args=()):
        return self.con.execute(sql, args)

    def tables(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def columns(self, table: str) -> list[tuple[str, str]]:
        return [(r[1], (r[2] or "").upper()) for r in self.con.execute(f"PRAGMA table_info({table})")]

    def close(self) -> None:
        self.con.close()


class _Database:
    """The PostgreSQL store (``pipeline.store.postgres``); the search column (tsvector) is left out."""

    year_sql = _YEAR_SQL_PG

    def __init__(self, where):
        self.store = where.open()

    def execute(self, sql: str, args=()):
        return self.store._exec(sql, args)

    def tables(self) -> set[str]:
        return {r["name"] for r in self.execute(
            "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()")}

    def columns(self, table: str) -> list[tuple[str, str]]:
        rows = self.execute("SELECT column_name AS name, data_type AS type FROM information_schema.columns "
                            "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
                            (table,))
        return [(r["name"], "LIST" if r["type"] == "ARRAY" else r["type"].upper())
                for r in rows if r["type"] != "tsvector"]

    def close(self) -> None:
        self.store.close()


def _export_documents(con, writers: dict, batch_docs: int, progress: Progress | None) -> None:
    year = con.year_sql.format(col="date")
    total = con.execute("SELECT COUNT(*) AS n FROM documents").fetchone()["n"]
    docs = con.execute(f"SELECT doc_id, {year} AS _year FROM documents ORDER BY _year, doc_id").fetchall()
    done = 0
    for batch_year, doc_ids in _batches(docs, batch_docs):
        marks = ", ".join("?" for _ in doc_ids)
        for table in DOC_TABLES:
            rows = con.execute(f"SELECT * FROM {table} WHERE doc_id IN ({marks}) ORDER BY {_ORDER[table]}", doc_ids)
            writers[table].write(batch_year, rows.fetchall())
        done += len(doc_ids)
        if progress:
            progress(done, total)


def _batches(docs: list, size: int) -> Iterator[tuple[str, list[str]]]:
    """(year, doc_ids) of at most ``size`` documents, all of one year, in year order."""
    batch: list[str] = []
    year = None
    for row in docs:
        if batch and (row["_year"] != year or len(batch) >= size):
            yield year, batch
            batch = []
        year = row["_year"]
        batch.append(row["doc_id"])
    if batch:
        yield year, batch


def _export_rows(con, writer: _TableWriter, sql: str, size: int) -> None:
    cursor = con.execute(sql)
    while rows := cursor.fetchmany(size):
        by_year: dict[str, list] = {}
        for row in rows:
            by_year.setdefault(row["_year"], []).append(row)
        for year, part in by_year.items():  # rows come in year order, so each year's file is opened once
            writer.write(year, part)


def _schema(con, table: str):
    import pyarrow as pa

    fields = []
    for name, decl in con.columns(table):
        if name in _DROP.get(table, ()):
            continue
        if name in _LISTS or decl == "LIST":
            typ = pa.list_(pa.string())
        elif "INT" in decl:
            typ = pa.int64()
        elif "REAL" in decl or "DOUBLE" in decl:
            typ = pa.float64()
        else:
            typ = pa.string()
        fields.append(pa.field(name, typ))
    return pa.schema(fields)


class _TableWriter:
    """Writes one table under ``out/<table>.partial`` a year at a time; ``close`` swaps it in."""

    def __init__(self, out: Path, table: str, schema):
        self.final = out / table
        self.tmp = out / f".{table}.partial"
        shutil.rmtree(self.tmp, ignore_errors=True)
        self.tmp.mkdir(parents=True)
        self.schema = schema
        self.year: str | None = None
        self.writer = None
        self.rows = 0

    def write(self, year: str, rows: list[sqlite3.Row]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if year != self.year:
            self._close_file()
            self.year = year
            folder = self.tmp / f"year={year}"
            folder.mkdir(parents=True, exist_ok=True)
            self.writer = pq.ParquetWriter(folder / "part-0.parquet", self.schema, compression="zstd")
        if not rows:
            return
        columns = {f.name: [_value(f.name, r[f.name]) for r in rows] for f in self.schema}
        self.writer.write_table(pa.Table.from_pydict(columns, schema=self.schema))
        self.rows += len(rows)

    def _close_file(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None

    def close(self) -> int:
        if self.year is None:  # no rows at all: one empty file keeps the schema readable
            self.write(UNKNOWN_YEAR, [])
        self._close_file()
        old = self.final.with_name(f".{self.final.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if self.final.exists():
            self.final.rename(old)
        self.tmp.rename(self.final)
        shutil.rmtree(old, ignore_errors=True)
        _log.info("%s: %d rows", self.final, self.rows)
        return self.rows

    def abort(self) -> None:
        self._close_file()
        shutil.rmtree(self.tmp, ignore_errors=True)


def _value(name: str, value):
    if isinstance(value, list):
        return value
    if name in _LISTS:
        return json.loads(value) if value else []
    return value


#: The tables an SQLite export holds, each after the tables it refers to.
SQLITE_TABLES = ("builds", "documents", "passages", "entities", "decisions", "subjects", "relations",
                 "failed_files", "document_added")
EXPORT_PART = ".spoor-export.partial"


def export_sqlite(index, out: Path, batch_rows: int = 5000) -> dict[str, int]:
    """Write the store of ``index`` (an index folder or a database address) as a Datasette-ready SQLite
    database ``out/spoor.db`` with ``out/datasette-metadata.json``; returns the rows written per table.

    The database is made with this spoor's schema, whatever made the store: every table's ``doc_id``
    refers to ``documents`` (so Datasette links a row to its document, even for a store made before
    the tables had foreign keys), passages have their full-text table, and the analysts' views (no
    reserved words, first and last day of each date) are there. Open it with
    ``datasette out/spoor.db --metadata out/datasette-metadata.json``."""
    from .sqlite import DATASETTE_METADATA, Store

    where = locate(index)
    if not where.exists():
        raise ExportError(f"no index in {index}: run `spoor build` first (or pass --index)")
    out = Path(out)
    if where.kind == "sqlite" and (out / DB_NAME).resolve() == (Path(where.target) / DB_NAME).resolve():
        raise ExportError(f"{out} is the index folder itself; name another folder for the export")
    part = out / EXPORT_PART
    shutil.rmtree(part, ignore_errors=True)
    part.mkdir(parents=True)
    con = _READERS[where.kind](where)
    counts: dict[str, int] = {}
    try:
        have = con.tables()
        missing = [t for t in DOC_TABLES if t not in have]
        if missing:
            raise ExportError(f"{where} is not a spoor store (no table {missing[0]}); run `spoor build` again")
        with Store(part) as dst:
            with dst.conn:
                for table in (t for t in SQLITE_TABLES if t in have):
                    wanted = {r["name"] for r in dst.conn.execute(f"PRAGMA table_info({table})")}
                    cols = [c for c, _ in con.columns(table) if c in wanted]
                    names = ", ".join(f'"{c}"' for c in cols)
                    insert = f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' for _ in cols)})"
                    cursor, counts[table] = con.execute(f"SELECT {names} FROM {table}"), 0
                    while rows := cursor.fetchmany(batch_rows):
                        dst.conn.executemany(insert, [[_sqlite_value(r[c]) for c in cols] for r in rows])
                        counts[table] += len(rows)
            dangling = dst.conn.execute("PRAGMA foreign_key_check").fetchall()
            if dangling:
                _log.warning("%d rows of the export refer to no document (first: %s)", len(dangling), tuple(dangling[0]))
            dst.conn.execute("PRAGMA journal_mode=DELETE")  # one file, for Datasette and copying
        for name in (DB_NAME, DATASETTE_METADATA):
            (part / name).replace(out / name)
    except BaseException:
        shutil.rmtree(part, ignore_errors=True)
        raise
    finally:
        con.close()
    shutil.rmtree(part, ignore_errors=True)
    return counts


def _sqlite_value(value):
    """A value of either store as SQLite keeps it: lists and objects as JSON text, booleans as 0/1."""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


#: A read-only reader of each kind of store (``pipeline.store.Location.kind``).
_READERS = {"sqlite": _Sqlite, "postgresql": _Database}
