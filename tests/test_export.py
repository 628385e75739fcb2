"""The store as Parquet, partitioned by year, read back with pandas and DuckDB (issue 9)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pipeline.cli import app
from pipeline.store.export import export_parquet

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

TABLES = ("documents", "passages", "entities", "decisions", "subjects", "relations")


def _store_counts(index: Path) -> dict[str, int]:
    with sqlite3.connect(index / "spoor.db") as con:
        return {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}


@pytest.fixture(scope="module")
def exported(built_index, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("parquet")
    counts = export_parquet(built_index, out)
    assert counts == _store_counts(built_index)
    return out


@pytest.mark.parametrize("table", TABLES)
def test_export_pandas_reads_every_row_of_the_store(exported, built_index, table):
    df = pd.read_parquet(exported / table)
    assert len(df) == _store_counts(built_index)[table] > 0
    assert "year" in df.columns


def test_export_partitions_by_the_documents_year(exported, built_index):
    with sqlite3.connect(built_index / "spoor.db") as con:
        dates = dict(con.execute("SELECT doc_id, date FROM documents"))
        per_doc = dict(con.execute("SELECT doc_id, COUNT(*) FROM entities GROUP BY doc_id"))
    ents = pd.read_parquet(exported / "entities")
    for doc_id, group in ents.groupby("doc_id", observed=True):
        assert {str(y) for y in group.year} == {dates[doc_id][:4]}
        assert len(group) == per_doc[doc_id]
    years = sorted(p.name for p in (exported / "entities").iterdir())
    assert years == sorted(f"year={d[:4]}" for d in set(d[:4] for d in dates.values()))


def test_export_keeps_values_and_lists(exported, built_index):
    docs = pd.read_parquet(exported / "documents").set_index("doc_id")
    with sqlite3.connect(built_index / "spoor.db") as con:
        for doc_id, words, text in con.execute("SELECT doc_id, words, text FROM documents"):
            assert docs.loc[doc_id, "words"] == words and docs.loc[doc_id, "text"] == text
    ents = pd.read_parquet(exported / "entities", columns=["warnings"])
    assert all(hasattr(w, "__len__") and not isinstance(w, str) for w in ents.warnings)


def test_export_duckdb_reads_hive_partitions(exported, built_index):
    duckdb = pytest.importorskip("duckdb")
    rows = duckdb.sql(f"select count(*), count(distinct year) from "
                      f"read_parquet('{exported}/entities/**/*.parquet', hive_partitioning=1)").fetchall()[0]
    assert rows[0] == _store_counts(built_index)["entities"]
    assert rows[1] == len(list((exported / "entities").iterdir()))


def test_export_in_small_batches_writes_the_same_rows_and_replaces_old_files(built_index, exported, tmp_path):
    export_parquet(built_index, tmp_path, batch_docs=1)
    counts = export_parquet(built_index, tmp_path, batch_docs=1)  # again: replaces, never appends
    assert counts == _store_counts(built_index)
    for table in ("entities", "decisions", "passages"):
        a = pd.read_parquet(tmp_path / table).drop(columns="year").astype(str)
        b = pd.read_parquet(exported / table).drop(columns="year").astype(str)
        assert a.sort_values(list(a.columns)).values.tolist() == b.sort_values(list(b.columns)).values.tolist()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_export_undated_documents_go_to_year_unknown(tmp_path):
    from pipeline.build import build

    doc = tmp_path / "in" / "notitie.txt"
    doc.parent.mkdir()
    doc.write_text("Notitie\n\nDe gemeenteraad van Enschede besluit de samenwerking voort te zetten.\n", encoding="utf-8")
    build([doc.parent], tmp_path / "ix")
    export_parquet(tmp_path / "ix", tmp_path / "pq")
    assert [p.name for p in (tmp_path / "pq" / "documents").iterdir()] == ["year=unknown"]
    assert pd.read_parquet(tmp_path / "pq" / "documents").doc_id.tolist() == ["notitie"]


def test_export_cli_writes_parquet_and_reports_counts(runner, built_index, tmp_path):
    result = runner.invoke(app, ["export", "--parquet", str(tmp_path / "pq"), "--index", str(built_index), "--quiet"])
    assert result.exit_code == 0, result.output
    assert f"{_store_counts(built_index)['entities']} entities" in result.stdout
    assert (tmp_path / "pq" / "decisions").is_dir()


def test_export_cli_without_index_says_what_to_do(runner, tmp_path):
    result = runner.invoke(app, ["export", "--parquet", str(tmp_path / "pq"), "--index", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert "spoor build" in result.stderr
