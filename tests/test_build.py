"""Incremental builds: what is re-read, removed and kept when files change or break."""

from __future__ import annotations

import os
import shutil

import pytest

from pipeline.build import build
from pipeline.search import search
from pipeline.store.sqlite import Store

pytestmark = pytest.mark.slow

NOTE = ("Notitie\n\nSamenwerking in de regio\n\nDe gemeenteraad heeft op 3 maart 2016 ingestemd met "
        "het voorstel om de samenwerking met de buurgemeenten te versterken.\n")


@pytest.fixture()
def folder(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "een.txt").write_text(NOTE, encoding="utf-8")
    (docs / "twee.txt").write_text(NOTE.replace("versterken", "verbreden").replace("2016", "2017"),
                                   encoding="utf-8")
    return docs


def test_build_unchanged_corpus_reads_nothing_again(folder, tmp_path):
    first = build([folder], tmp_path / "ix")
    again = build([folder], tmp_path / "ix")
    assert sorted(first.added) == ["een", "twee"]
    assert again.added == again.updated == [] and sorted(again.unchanged) == ["een", "twee"]


def test_build_changed_file_is_updated_and_removed_file_dropped(folder, tmp_path):
    build([folder], tmp_path / "ix")
    (folder / "een.txt").write_text(NOTE.replace("buurgemeenten", "Achterhoek"), encoding="utf-8")
    (folder / "twee.txt").unlink()
    report = build([folder], tmp_path / "ix")
    assert report.updated == ["een"] and report.removed == ["twee"]
    assert [h.doc_id for h in search(tmp_path / "ix", "Achterhoek").hits] == ["een"]
    assert search(tmp_path / "ix", "verbreden").hits == []


def test_build_broken_new_version_keeps_the_stored_one(folder, tmp_path):
    build([folder], tmp_path / "ix")
    (folder / "een.txt").write_bytes(b"")
    report = build([folder], tmp_path / "ix")
    assert [p.path.endswith("een.txt") for p in report.problems] == [True]
    with Store(tmp_path / "ix") as store:
        assert store.document("een") is not None
    assert search(tmp_path / "ix", "buurgemeenten").hits


def test_build_bad_files_are_named_and_the_rest_is_built(folder, tmp_path):
    (folder / "leeg.txt").write_bytes(b"")
    (folder / "kapot.pdf").write_bytes(os.urandom(4096))
    report = build([folder], tmp_path / "ix")
    named = sorted(os.path.basename(p.path) for p in report.problems)
    assert named == ["kapot.pdf", "leeg.txt"]
    assert all(p.message for p in report.problems)
    assert sorted(report.added) == ["een", "twee"]


def test_build_duplicate_doc_ids_are_reported(folder, tmp_path):
    sub = folder / "sub"
    sub.mkdir()
    shutil.copy(folder / "een.txt", sub / "een.txt")
    report = build([folder], tmp_path / "ix")
    assert any("same document id" in p.message for p in report.problems)


def test_build_rebuilds_a_deleted_index_from_the_store(folder, tmp_path):
    build([folder], tmp_path / "ix")
    shutil.rmtree(tmp_path / "ix" / "whoosh")
    build([folder], tmp_path / "ix")
    assert search(tmp_path / "ix", "buurgemeenten").hits


def test_build_after_a_crash_between_store_and_index_indexes_what_is_missing(folder, tmp_path, monkeypatch):
    import pipeline.build as b

    def crash(*args, **kwargs):
        raise KeyboardInterrupt("killed")

    monkeypatch.setattr(b.windex.PassageWriter, "commit", crash)  # the store has committed by then
    with pytest.raises(KeyboardInterrupt):
        build([folder], tmp_path / "ix")
    monkeypatch.undo()
    report = build([folder], tmp_path / "ix")
    assert sorted(report.unchanged) == ["een", "twee"] and report.passages_indexed > 0
    assert search(tmp_path / "ix", "buurgemeenten").hits


def test_build_single_whoosh_distribution_installed():
    from importlib.metadata import packages_distributions

    assert [d.lower() for d in packages_distributions()["whoosh"]] == ["whoosh-reloaded"]


def test_build_parallel_workers_store_the_same_records(folder, tmp_path, monkeypatch):
    import pipeline.build as b

    for n in range(4):
        (folder / f"extra{n}.txt").write_text(NOTE.replace("2016", str(2010 + n)), encoding="utf-8")
    build([folder], tmp_path / "one", workers=1)
    monkeypatch.setattr(b, "PARALLEL_MIN_DOCS", 2)
    build([folder], tmp_path / "two", workers=2)
    with Store(tmp_path / "one") as one, Store(tmp_path / "two") as two:
        assert list(one.records()) == list(two.records())


def test_build_while_another_build_writes_is_a_clear_error(folder, tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app
    from pipeline.index.writer import open_or_create

    build([folder], tmp_path / "ix")
    (folder / "een.txt").write_text(NOTE.replace("buurgemeenten", "Achterhoek"), encoding="utf-8")
    writer = open_or_create(tmp_path / "ix").writer()  # holds the index's write lock, as a running build does
    try:
        result = CliRunner().invoke(app, ["build", str(folder), "--index", str(tmp_path / "ix"), "--quiet"])
    finally:
        writer.cancel()
    assert result.exit_code == 2 and "another `spoor build`" in result.stderr
    with Store(tmp_path / "ix") as store:  # the store kept its previous state
        assert "buurgemeenten" in store.document("een")[1]


@pytest.mark.parametrize("text", [
    "De gemeenteraad van Enschede besluit het Wgr-plus-statuut vast te stellen; B&W en WGR+ voeren het uit.",
    "Heroriëntatie, heroriéntatie en herorientatie: niet geen niets tegen zonder meer nog na voor ja.",
    "  het de een   ", "", "1.2.3 a-b-c d&e f+ 2016-2019 €1.000.000,-",
])
def test_build_index_writer_analyses_words_as_the_schema_does(text):
    # The index writer's processes analyse passages with a quick stand-in for the schema's analyzer;
    # searches analyse queries with the analyzer itself: both must make the same terms and positions.
    from pipeline.index.writer import _QuickAnalyzer, dutch_analyzer

    for stem in (True, False):
        chain = dutch_analyzer(stem)
        quick = _QuickAnalyzer.wrap(chain)
        assert quick is not None
        want = [(t.text, t.pos) for t in chain(text, positions=True, mode="index")]
        assert [(t.text, t.pos) for t in quick(text, positions=True, mode="index")] == want


def test_build_index_in_processes_holds_what_one_process_writes(folder, tmp_path, monkeypatch):
    from whoosh.index import open_dir

    import pipeline.build as b

    for n in range(6):
        (folder / f"extra{n}.txt").write_text(NOTE.replace("2016", str(2010 + n)), encoding="utf-8")
    build([folder], tmp_path / "one", workers=1)
    monkeypatch.setattr(b.windex, "PARALLEL_MIN_DOCS", 2)
    build([folder], tmp_path / "two", workers=2)

    def content(ix):
        with open_dir(str(ix / "whoosh")).searcher() as s:
            r = s.reader()
            stored = sorted(sorted(f.items()) for f in r.all_stored_fields())
            terms = {name: sorted((t, r.doc_frequency(name, t), r.frequency(name, t)) for t in r.lexicon(name))
                     for name in ("text", "title", "names", "bodies")}
            ids = {n: f["id"] for n, f in enumerate(r.all_stored_fields())}
            positions = {name: sorted((t, ids[n], weight, tuple(poses)) for t in r.lexicon(name)
                                      for (n, poses), (_, weight) in zip(r.postings(name, t).items_as("positions"),
                                                                         r.postings(name, t).items_as("weight")))
                         for name in ("text", "title", "names")}
            lengths = sorted((ids[n], r.doc_field_length(n, "text"), r.doc_field_length(n, "title"))
                             for n in ids)
            return stored, terms, positions, lengths

    assert content(tmp_path / "one") == content(tmp_path / "two")


def test_build_rewrites_an_index_made_with_other_fields(tmp_path, corpus_copy):
    """After an upgrade that changes the index's fields, the next build writes the index anew from the
    store (no file changed), so searches use the new fields instead of failing or missing them."""
    from whoosh import index as windex
    from whoosh.fields import ID, TEXT, Schema

    from pipeline.index.writer import index_dir, outdated

    folder = tmp_path / "ix"
    build([corpus_copy], folder)
    windex.create_in(index_dir(folder), Schema(doc_id=ID(stored=True), text=TEXT))  # an "older" index
    assert outdated(folder)
    report = build([corpus_copy], folder)
    assert not outdated(folder) and report.passages_indexed > 0
    assert search(folder, "Twenteraad").hits
