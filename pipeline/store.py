"""Records on disk: one SQLite database an analyst can open with pandas or Datasette.

Tables: ``documents`` (with the cleaned text), ``passages``, ``entities``,
``decisions``. All writes of a build happen in one transaction, so a killed
build leaves the previous state in place.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from functools import lru_cache
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from .models import Decision, Document, Entity, Extraction, Passage

_log = logging.getLogger(__name__)

DB_NAME = "spoor.db"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, title TEXT, date TEXT, date_source TEXT, doc_type TEXT,
    pages INTEGER, sha256 TEXT, path TEXT, format TEXT, words INTEGER,
    warnings TEXT, text TEXT
);
CREATE TABLE IF NOT EXISTS passages (
    doc_id TEXT, passage_no INTEGER, page INTEGER, start INTEGER, "end" INTEGER, text TEXT,
    PRIMARY KEY (doc_id, passage_no)
);
CREATE TABLE IF NOT EXISTS entities (
    id INTEGER PRIMARY KEY, doc_id TEXT, label TEXT, text TEXT, start INTEGER, "end" INTEGER,
    page INTEGER, canonical TEXT, value TEXT, mod TEXT, parent TEXT, role TEXT, warnings TEXT
);
CREATE TABLE IF NOT EXISTS decisions (
    id INTEGER PRIMARY KEY, doc_id TEXT, actor TEXT, actor_text TEXT, date TEXT, date_text TEXT,
    status TEXT, predicate TEXT, object TEXT, number TEXT, vote TEXT, text TEXT,
    start INTEGER, "end" INTEGER, page INTEGER
);
CREATE TABLE IF NOT EXISTS indexed (
    doc_id TEXT PRIMARY KEY, sha256 TEXT
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
"""

_TABLE_MODELS = {"documents": Document, "entities": Entity, "decisions": Decision, "passages": Passage}
_JSON_COLUMNS = {"warnings"}


@lru_cache(maxsize=None)
def _model_fields(model) -> frozenset[str]:
    return frozenset(model.model_fields)


class Store:
    """The SQLite database of one index folder."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.path = self.folder / DB_NAME
        self.folder.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(self.path, timeout=30)
        self.conn.row_factory = sqlite3.Row
        self._column_cache: dict[str, set[str]] = {}
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.executescript(_SCHEMA)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing (callers wrap a whole build in ``with store.conn:``) ----------
    def put(self, extraction: Extraction) -> None:
        """Replace everything stored for the extraction's document."""
        doc = extraction.document
        assert doc is not None
        self.remove(doc.doc_id)
        self._insert("documents", {**self._row(doc), "text": extraction.text})
        for table, records in (("passages", extraction.passages), ("entities", extraction.entities),
                               ("decisions", extraction.decisions)):
            for rec in records:
                self._insert(table, self._row(rec))

    def remove(self, doc_id: str) -> None:
        """Delete a document's rows (its ``indexed`` mark stays until the index drops it too)."""
        for table in ("documents", "passages", "entities", "decisions"):
            self.conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))

    def mark_indexed(self, doc_ids: Iterable[str]) -> None:
        """Record that the search index now holds the stored version of these documents."""
        for doc_id in doc_ids:
            self.conn.execute("DELETE FROM indexed WHERE doc_id = ?", (doc_id,))
            self.conn.execute("INSERT INTO indexed SELECT doc_id, sha256 FROM documents WHERE doc_id = ?", (doc_id,))

    def stale_in_index(self) -> tuple[set[str], set[str]]:
        """(doc_ids whose stored version the index lacks, doc_ids the index holds but the store does not)."""
        stale = {r[0] for r in self.conn.execute(
            "SELECT d.doc_id FROM documents d LEFT JOIN indexed i ON d.doc_id = i.doc_id "
            "WHERE i.sha256 IS NULL OR i.sha256 != d.sha256")}
        orphans = {r[0] for r in self.conn.execute(
            "SELECT doc_id FROM indexed WHERE doc_id NOT IN (SELECT doc_id FROM documents)")}
        return stale, orphans

    def set_canonicals(self, updates: Iterable[tuple[int, str | None, list[str]]]) -> None:
        """Set (row id, canonical, warnings) of entities after linking across the corpus."""
        self.conn.executemany("UPDATE entities SET canonical = ?, warnings = ? WHERE id = ?",
                              [(canon, json.dumps(warnings, ensure_ascii=False), row_id)
                               for row_id, canon, warnings in updates])

    def delete_entities(self, row_ids: Iterable[int]) -> None:
        self.conn.executemany("DELETE FROM entities WHERE id = ?", [(i,) for i in row_ids])

    def _row(self, record) -> dict:
        columns = self._columns(record)
        data = record.model_dump()
        return {k: (json.dumps(v, ensure_ascii=False) if k in _JSON_COLUMNS else v)
                for k, v in data.items() if k in columns}

    def _columns(self, record) -> set[str]:
        table = {Document: "documents", Entity: "entities", Decision: "decisions", Passage: "passages"}[type(record)]
        if table not in self._column_cache:
            self._column_cache[table] = {row[1] for row in self.conn.execute(f"PRAGMA table_info({table})")}
        return self._column_cache[table]

    def _insert(self, table: str, row: dict) -> None:
        cols = ", ".join(f'"{c}"' for c in row)
        marks = ", ".join("?" for _ in row)
        self.conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", list(row.values()))

    # -- reading ---------------------------------------------------------------
    def hashes(self) -> dict[str, tuple[str, str]]:
        """doc_id -> (sha256, path) of every stored document."""
        return {r["doc_id"]: (r["sha256"], r["path"]) for r in self.conn.execute(
            "SELECT doc_id, sha256, path FROM documents")}

    def documents(self) -> list[Document]:
        return [self._model(Document, r) for r in self.conn.execute(
            "SELECT * FROM documents ORDER BY date IS NULL, date, doc_id")]

    def document(self, doc_id: str) -> tuple[Document, str] | None:
        row = self.conn.execute("SELECT * FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return (self._model(Document, row), row["text"]) if row else None

    def entities(self, doc_id: str | None = None, label: str | None = None) -> list[Entity]:
        sql, args = "SELECT * FROM entities WHERE 1=1", []
        if doc_id:
            sql, args = sql + " AND doc_id = ?", args + [doc_id]
        if label:
            sql, args = sql + " AND label = ?", args + [label]
        return [self._model(Entity, r) for r in self.conn.execute(sql + " ORDER BY doc_id, start", args)]

    def entity_rows(self) -> list[tuple[int, Entity]]:
        return [(r["id"], self._model(Entity, r)) for r in self.conn.execute(
            "SELECT * FROM entities ORDER BY doc_id, start")]

    def decisions(self, doc_id: str | None = None) -> list[Decision]:
        sql, args = "SELECT * FROM decisions", []
        if doc_id:
            sql, args = sql + " WHERE doc_id = ?", [doc_id]
        return [self._model(Decision, r) for r in self.conn.execute(sql + " ORDER BY doc_id, start", args)]

    def passages(self, doc_id: str | None = None) -> list[Passage]:
        sql, args = "SELECT * FROM passages", []
        if doc_id:
            sql, args = sql + " WHERE doc_id = ?", [doc_id]
        return [self._model(Passage, r) for r in self.conn.execute(sql + " ORDER BY doc_id, passage_no", args)]

    def counts(self) -> dict[str, int]:
        one = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        out = {"documents": one("SELECT COUNT(*) FROM documents"),
               "pages": one("SELECT COALESCE(SUM(pages), 0) FROM documents"),
               "passages": one("SELECT COUNT(*) FROM passages"),
               "decisions": one("SELECT COUNT(*) FROM decisions")}
        for row in self.conn.execute("SELECT label, COUNT(*) FROM entities GROUP BY label ORDER BY label"):
            out[f"entities.{row[0]}"] = row[1]
        return out

    @staticmethod
    def _model(model, row: sqlite3.Row):
        fields = _model_fields(model)
        data = {k: row[k] for k in row.keys() if k in fields}
        for k in _JSON_COLUMNS & data.keys():
            data[k] = json.loads(data[k]) if data[k] else []
        return model(**data)

    # -- subjects and relations (issue 6; recomputed for the whole corpus) -------
    def put_subjects(self, subjects, relations) -> None:
        """Replace all stored subjects and relations (``pipeline.subjects.Subject``/``Relation``)."""
        self.conn.execute("DELETE FROM subjects")
        self.conn.execute("DELETE FROM relations")
        self.conn.executemany(
            "INSERT INTO subjects VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [(s.id, s.name, s.label, s.kind, int(s.generic), json.dumps(s.aliases, ensure_ascii=False),
              json.dumps([d.model_dump() for d in s.documents]), s.first_seen, s.last_seen, s.mentions,
              json.dumps(s.spans)) for s in subjects])
        self.conn.executemany(
            'INSERT INTO relations (type, source, target, target_name, status, cue, "when", score, doc_id, page, '
            'text, start, "end", date, via, note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
            [(r.type, r.source, r.target, r.target_name, r.status, r.cue, r.when, r.score, r.evidence.doc_id,
              r.evidence.page, r.evidence.text, r.evidence.start, r.evidence.end, r.evidence.date,
              r.via.model_dump_json() if r.via else None, r.note) for r in relations])

    def has_subjects(self) -> bool:
        """True once subjects were computed for the stored corpus (or it is empty)."""
        return bool(self.conn.execute("SELECT 1 FROM subjects LIMIT 1").fetchone()) or not self.conn.execute(
            "SELECT 1 FROM documents LIMIT 1").fetchone()

    def relations(self, subject: str | None = None) -> list:
        """Stored relations (``pipeline.subjects.Relation``), optionally those from or to one subject."""
        from .subject_records import Evidence, Relation

        sql, args = "SELECT * FROM relations", []
        if subject:
            sql, args = sql + " WHERE source = ? OR target = ?", [subject, subject]
        out = []
        for r in self.conn.execute(sql + " ORDER BY id", args):
            ev = Evidence(doc_id=r["doc_id"], page=r["page"], text=r["text"], start=r["start"], end=r["end"],
                          date=r["date"])
            out.append(Relation(type=r["type"], source=r["source"], target=r["target"], target_name=r["target_name"],
                                status=r["status"], cue=r["cue"], when=r["when"], score=r["score"], evidence=ev,
                                via=Evidence.model_validate_json(r["via"]) if r["via"] else None, note=r["note"]))
        return out

    def subjects(self) -> list:
        """Stored subjects (``pipeline.subjects.Subject``) with their outgoing and incoming relations."""
        from .subject_records import Subject, SubjectDoc

        out = []
        for r in self.conn.execute("SELECT * FROM subjects ORDER BY mentions DESC, id"):
            out.append(Subject(id=r["id"], name=r["name"], label=r["label"], kind=r["kind"], generic=bool(r["generic"]),
                               aliases=json.loads(r["aliases"]), first_seen=r["first_seen"], last_seen=r["last_seen"],
                               documents=[SubjectDoc(**d) for d in json.loads(r["documents"])],
                               mentions=r["mentions"], spans=[tuple(x) for x in json.loads(r["spans"] or "[]")]))
        by_id = {s.id: s for s in out}
        for rel in self.relations():
            if rel.source in by_id:
                by_id[rel.source].relations.append(rel)
            if rel.target in by_id and rel.type != "same_as" and rel.target != rel.source:
                by_id[rel.target].incoming.append(rel)
        return out

    def subject_spans(self, subject_id: str) -> list[tuple[str, int, int, int]]:
        """(doc_id, start, end, page) of every mention of one subject."""
        row = self.conn.execute("SELECT spans FROM subjects WHERE id = ?", (subject_id,)).fetchone()
        return [tuple(x) for x in json.loads(row[0])] if row and row[0] else []

    # -- export ----------------------------------------------------------------
    def records(self) -> Iterator[dict]:
        """Every document with its entities and decisions, in the JSON Lines contract."""
        for doc in self.documents():
            yield doc.model_dump()
            for ent in self.entities(doc.doc_id):
                yield ent.model_dump()
            for dec in self.decisions(doc.doc_id):
                yield dec.model_dump()


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
