"""The SQLite store as analysts open it (issue 18): foreign keys, full-text search over passages, views
with readable column names and date ranges pandas reads, and a Datasette metadata file that matches."""

from __future__ import annotations

import json
import sqlite3

import pytest

from pipeline.store.sqlite import DATASETTE_METADATA, Store


@pytest.fixture(scope="module")
def db(built_index):
    con = sqlite3.connect(f"file:{built_index / 'spoor.db'}?mode=ro", uri=True)
    yield con
    con.close()


def test_store_links_every_table_to_its_documents(db):
    for table in ("passages", "entities", "decisions"):
        fks = db.execute(f"PRAGMA foreign_key_list({table})").fetchall()
        assert [(f[2], f[3], f[4]) for f in fks] == [("documents", "doc_id", "doc_id")], table
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_store_passages_have_a_full_text_table(db):
    found = db.execute("SELECT p.doc_id FROM passages_fts f JOIN passages p ON p.rowid = f.rowid "
                       "WHERE passages_fts MATCH 'twenteraad'").fetchall()
    assert found and {d for (d,) in found} == {d for (d,) in db.execute(
        "SELECT DISTINCT doc_id FROM passages WHERE text LIKE '%Twenteraad%'")}
    # accents folded: "heroriëntatie" is found by "herorientatie"
    assert db.execute("SELECT count(*) FROM passages_fts WHERE passages_fts MATCH 'herorientatie'").fetchone()[0] > 0


def test_store_full_text_follows_a_rebuild(tmp_path, corpus_copy):
    from pipeline.build import build

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("De gemeenteraad bespreekt de zwembadtarieven.\n", encoding="utf-8")
    build([docs], tmp_path / "ix")
    (docs / "a.txt").write_text("De gemeenteraad bespreekt de parkeertarieven.\n", encoding="utf-8")
    build([docs], tmp_path / "ix")
    con = sqlite3.connect(tmp_path / "ix" / "spoor.db")
    count = lambda word: con.execute("SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?", (word,)).fetchone()[0]  # noqa: E731
    assert count("parkeertarieven") == 1 and count("zwembadtarieven") == 0


@pytest.mark.parametrize("value, start, end", [
    ("2015", "2015-01-01", "2015-12-31"), ("2016-02", "2016-02-01", "2016-02-29"),
    ("2015-03-11", "2015-03-11", "2015-03-11"), ("2015-SP", "2015-03-01", "2015-05-31"),
    ("2015-03/2016", "2015-03-01", "2016-12-31"), ("2015-03-11T10:00", "2015-03-11", "2015-03-11"),
    ("later", None, None), (None, None, None),
])
def test_store_views_give_first_and_last_day(tmp_path, value, start, end):
    with Store(tmp_path) as store, store.conn:
        store.conn.execute("INSERT INTO decisions (doc_id, date, status) VALUES ('d', ?, 'adopted')", (value,))
        row = store.conn.execute("SELECT date_start, date_end FROM decisions_view").fetchone()
    assert tuple(row) == (start, end)


def test_store_views_have_no_reserved_words_and_pandas_reads_their_dates(db):
    pd = pytest.importorskip("pandas")
    for view in ("documents_view", "passages_view", "entities_view", "decisions_view", "relations_view"):
        df = pd.read_sql(f"SELECT * FROM {view}", db)
        assert not {"end", "when", "start"} & set(df.columns), view
        for col in [c for c in df.columns if c.endswith(("_start", "_end")) and "offset" not in c]:
            parsed = pd.to_datetime(df[col], format="ISO8601")
            assert parsed.notna().sum() == df[col].notna().sum(), (view, col)
    dated = pd.read_sql("SELECT date_start FROM decisions_view WHERE date_start IS NOT NULL", db)
    assert len(dated) > 10


def test_store_datasette_metadata_names_what_is_there(built_index, db):
    meta = json.loads((built_index / DATASETTE_METADATA).read_text(encoding="utf-8"))
    tables = meta["databases"]["spoor"]["tables"]
    have = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    assert set(tables) <= have
    for name, info in tables.items():
        cols = {r[1] for r in db.execute(f"PRAGMA table_info({name})")}
        assert set(info.get("facets", [])) <= cols, name
        assert info.get("hidden") or info.get("description"), name


# -- the export Datasette opens (issue 18) ------------------------------------------------------------
def _datasette(folder):
    """Ask Datasette (its Python API, in process) about ``folder/spoor.db`` with the metadata beside it."""
    import asyncio

    from datasette.app import Datasette

    ds = Datasette([str(folder / "spoor.db")], metadata=json.loads((folder / DATASETTE_METADATA).read_text("utf-8")))

    def get(path: str):
        async def run():
            await ds.invoke_startup()
            return await ds.client.get(path)
        response = asyncio.run(run())
        assert response.status_code == 200, (path, response.text[:300])
        return response.json()
    return get


def _old_store(folder, built_index):
    """A store as an older spoor made it: the same rows, no foreign keys, no analysts' views."""
    from pipeline.store.sqlite import _SCHEMA

    folder.mkdir()
    con = sqlite3.connect(folder / "spoor.db")
    con.executescript(_SCHEMA.replace("REFERENCES documents (doc_id)", ""))
    con.execute("ATTACH ? AS built", (str(built_index / "spoor.db"),))
    for table in ("documents", "passages", "entities", "decisions"):
        cols = ", ".join(f'"{r[1]}"' for r in con.execute(f"PRAGMA main.table_info({table})"))
        con.execute(f"INSERT INTO main.{table} ({cols}) SELECT {cols} FROM built.{table}")
    con.commit()
    con.execute("DETACH built")
    assert con.execute("PRAGMA foreign_key_list(passages)").fetchall() == []
    con.close()
    return folder


@pytest.mark.parametrize("made", ["now", "before foreign keys"])
def test_store_export_answers_in_datasette(built_index, db, tmp_path, runner, made):
    """`spoor export --sqlite` writes a database Datasette answers from: a facet over a view, the
    full-text search over passages, a view's rows, and every passage linked to its document."""
    from pipeline.cli import app

    store = built_index if made == "now" else _old_store(tmp_path / "old", built_index)
    result = runner.invoke(app, ["export", "--sqlite", str(tmp_path / "ds"), "--index", str(store)])
    assert result.exit_code == 0, result.output
    assert "datasette " in result.output
    get = _datasette(tmp_path / "ds")
    facet = get("/spoor/documents_view.json?_facet=doc_type&_size=0")["facet_results"]["doc_type"]["results"]
    assert {f["value"]: f["count"] for f in facet} == dict(db.execute(
        "SELECT doc_type, count(*) FROM documents GROUP BY doc_type").fetchall())
    found = get("/spoor/passages.json?_search=twenteraad&_shape=objects&_labels=on&_size=max")["rows"]
    assert {r["doc_id"]["value"] for r in found} == {d for (d,) in db.execute(
        "SELECT DISTINCT doc_id FROM passages WHERE text LIKE '%Twenteraad%'")}
    titles = dict(db.execute("SELECT doc_id, title FROM documents"))
    assert all(r["doc_id"]["label"] == titles[r["doc_id"]["value"]] for r in found)  # the foreign key, followed
    rows = get("/spoor/decisions_view.json?_shape=array&_size=max")
    assert len(rows) == db.execute("SELECT count(*) FROM decisions").fetchone()[0]
    assert all(r["date_start"] <= r["date_end"] for r in rows if r["date_start"])
    links = get("/spoor/documents/002_fdc62ef994946342.json?_extras=foreign_key_tables")["foreign_key_tables"]
    assert {t["other_table"] for t in links if t["count"]} >= {"passages", "entities"}


def test_store_export_needs_a_target(runner, built_index):
    from pipeline.cli import app

    result = runner.invoke(app, ["export", "--index", str(built_index)])
    assert result.exit_code == 2 and "--sqlite" in result.output and "Traceback" not in result.output
    same = runner.invoke(app, ["export", "--sqlite", str(built_index), "--index", str(built_index)])
    assert same.exit_code == 2 and "index folder itself" in same.output
