"""The store and search on both backends: SQLite + Whoosh in a folder, and a PostgreSQL database.

The ``backend`` fixture runs each test twice; ``built_store`` is the sample corpus built into the one
or the other. A PostgreSQL run needs a server (``.ci/run`` starts one; see tests/conftest.py).
"""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import pytest

from pipeline.cli import app
from pipeline.search import QueryError, search
from pipeline.store import open_store

PLAN, OUTCOME, PRESENTATION, ADVICE, NOTE = "000", "001", "002", "003", "004"


def _docs(result) -> list[str]:
    return list(dict.fromkeys(h.doc_id[:3] for h in result.hits))


# -- storage ----------------------------------------------------------------------------------------
def test_store_holds_the_same_records_on_both_backends(built_store, built_index):
    """What a build stores (the JSON Lines contract, subjects, relations) does not depend on the backend."""
    with open_store(built_store) as store, open_store(built_index) as reference:
        assert store.counts() == reference.counts()
        assert list(store.records()) == list(reference.records())
        assert store.subjects() == reference.subjects()
        assert store.counts()["documents"] == 5


def test_store_rebuild_of_an_unchanged_corpus_extracts_nothing(built_store, corpus_copy):
    from pipeline.build import build

    report = build([corpus_copy], built_store)
    assert not report.added and not report.updated and not report.removed
    assert len(report.unchanged) == 5


def test_store_follows_changed_and_removed_files(empty_store, tmp_path):
    from pipeline.build import build

    corpus = tmp_path / "docs"
    corpus.mkdir()
    for name in ("002_fdc62ef994946342.txt", "004_c4e96080b47c4daa.txt"):
        shutil.copy(Path("corpus") / name, corpus / name)
    build([corpus], empty_store)
    (corpus / "004_c4e96080b47c4daa.txt").unlink()
    extra = corpus / "999_nieuw.txt"
    extra.write_text("Besluit\n\nDe gemeenteraad van Enschede heeft op 3 maart 2022 besloten de "
                     "Twentse Zwemvereniging op te heffen.\n", encoding="utf-8")
    report = build([corpus], empty_store)
    assert report.removed == ["004_c4e96080b47c4daa"] and report.added == ["999_nieuw"]
    with open_store(empty_store) as store:
        assert {d.doc_id for d in store.documents()} == {"002_fdc62ef994946342", "999_nieuw"}
    assert _docs(search(empty_store, "Zwemvereniging")) == ["999"]
    assert NOTE not in _docs(search(empty_store, "SSNT"))  # the note left the corpus, and the index


# -- search -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("query, doc", [
    ("Twenteraad", PLAN),
    ("Veilig Thuis Twente", ADVICE),   # the advice only says VTT
    ("SSNT", NOTE),                    # the note spells it out
    ("ontvlechting", OUTCOME),         # the outcome says "ontvlochten"
])
def test_search_finds_the_document_on_both_backends(built_store, query, doc):
    assert doc in _docs(search(built_store, query))[:2]


def test_search_typo_is_found_and_corrected(built_store):
    result = search(built_store, "twnteraad")
    assert result.suggestion and "twenteraad" in result.suggestion.casefold()
    assert PLAN in _docs(result)


def test_search_snippets_mark_the_words_and_carry_page_and_date(built_store):
    result = search(built_store, "Regioraad")
    assert result.hits and all("**" in h.snippet for h in result.hits[:3])
    hit = result.hits[0]
    assert hit.page >= 1 and hit.title and hit.doc_type
    assert all("<" not in h.snippet for h in result.hits)


def test_search_filters_and_facets(built_store):
    everything = search(built_store, "samenwerking", limit=50, facets=True)
    years = {f.value for f in everything.facets["year"]}
    assert {"2013", "2019"} <= years
    assert {f.value for f in everything.facets["type"]} >= {"advies"}
    only_2019 = search(built_store, "samenwerking", limit=50, date_from="2019", date_to="2019")
    assert only_2019.hits and all(h.date.startswith("2019") for h in only_2019.hits)
    advice = search(built_store, "samenwerking", limit=50, doc_type="advies")
    assert advice.hits and {h.doc_type for h in advice.hits} == {"advies"}
    body = search(built_store, "samenwerking", limit=50, body="algemeen bestuur")
    assert body.hits and all("algemeen_bestuur" in h.bodies for h in body.hits)


def test_search_sorts_by_date(built_store):
    dates = [h.date for h in search(built_store, "samenwerking", limit=30, sort="date_asc").hits if h.date]
    assert dates == sorted(dates)


def test_search_phrases_and_exclusion(built_store):
    phrase = search(built_store, '"Twente Beraad"')
    assert _docs(phrase)[0] == PRESENTATION
    assert "twente beraad" in phrase.hits[0].snippet.casefold().replace("**", "")
    without = search(built_store, "Twenteraad NOT Beraad", limit=50)
    assert PRESENTATION not in _docs(without)


@pytest.mark.parametrize("odd", ['"unbalanced', "((", "a" * 2000, "x\x00y\x07z", "NOT", "Wgr+ OR *"])
def test_search_odd_input_answers_or_says_why(built_store, odd):
    try:
        result = search(built_store, odd)
    except QueryError as exc:
        assert str(exc)
    else:
        assert result.total >= 0


def test_search_cli_json_contract_on_both_backends(runner, built_store):
    result = runner.invoke(app, ["search", "Twenteraad", "--store", built_store, "--json", "--limit", "3"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    hits = found["hits"]
    assert hits and {"doc_id", "page", "date", "score", "snippet"} <= set(hits[0])
    assert 1 <= len(found["groups"]) <= 3 <= found["passages"] and found["documents"] >= len(found["groups"])


def test_subject_card_is_the_same_on_both_backends(built_store, built_index):
    from pipeline.search.card import subject_card

    card = subject_card(built_store, "Twenteraad")
    assert card is not None and card.outcome
    assert card.model_dump() == subject_card(built_index, "Twenteraad").model_dump()


# -- PostgreSQL only ----------------------------------------------------------------------------------
@pytest.fixture()
def database(pg_server) -> str:
    return pg_server()


def test_pg_schema_revision_is_alembics_head():
    from alembic.script import ScriptDirectory

    from pipeline.store.postgres import SCHEMA_REVISION, alembic_config

    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == SCHEMA_REVISION


def test_pg_unreachable_database_is_one_clear_line(runner):
    url = "postgresql://someone:secret@127.0.0.1:1/nothing"
    result = runner.invoke(app, ["search", "Twenteraad", "--store", url])
    assert result.exit_code == 2
    assert "cannot connect to postgresql://someone:***@127.0.0.1:1/nothing" in " ".join(result.output.split())
    assert "secret" not in result.output and "Traceback" not in result.output


def test_pg_builds_and_searches_at_the_same_time(database, corpus_copy, tmp_path):
    """Two builds of different folders and a web page's searches, all at once on one database:
    no errors, no lost writes, and every search sees a committed state."""
    from starlette.testclient import TestClient

    from pipeline.build import build
    from pipeline.web import create_app

    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    for n, f in enumerate(sorted(corpus_copy.glob("*.*"))):
        shutil.copy(f, (first if n % 2 else second) / f.name)
    build([first], database)  # something to search while the rest is built
    (second / "998_extra.txt").write_text("De regioraad van Twente besloot op 1 mei 2014 tot een Twentse "
                                          "Zwemvereniging.\n", encoding="utf-8")
    errors: list[BaseException] = []
    totals: list[int] = []
    done = threading.Event()

    def builder(folder):
        try:
            report = build([folder], database)
            assert not report.problems
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    def reader():
        client = TestClient(create_app(database))
        try:
            while not done.is_set():
                totals.append(search(database, "Twente").total)
                page = client.get("/", params={"q": "Twenteraad"})
                assert page.status_code == 200
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    readers = [threading.Thread(target=reader) for _ in range(3)]
    builders = [threading.Thread(target=builder, args=(f,)) for f in (first, second)]
    for t in readers + builders:
        t.start()
    for t in builders:
        t.join()
    done.set()
    for t in readers:
        t.join()
    assert not errors, errors
    assert totals and all(t > 0 for t in totals)
    with open_store(database) as store:
        stored = {d.doc_id for d in store.documents()}
    expected = {f.stem for f in first.iterdir()} | {f.stem for f in second.iterdir()}
    assert stored == expected
    assert _docs(search(database, "Zwemvereniging")) == ["998"]


def test_export_parquet_from_both_backends(built_store, tmp_path):
    import pandas as pd

    from pipeline.store.export import export_parquet

    counts = export_parquet(built_store, tmp_path / "pq")
    with open_store(built_store) as store:
        assert counts["entities"] == sum(v for k, v in store.counts().items() if k.startswith("entities."))
    entities = pd.read_parquet(tmp_path / "pq" / "entities")
    assert set(entities["year"].astype(str)) >= {"2013", "2019"}
    assert "tsv" not in pd.read_parquet(tmp_path / "pq" / "passages").columns


def test_backends_store_keeps_the_document_context_and_decision_details(empty_store):
    """The contract's newer fields (government, meeting, votes, mandate, cited) come back from either store."""
    from pipeline.models import Decision, Document, Extraction, Status

    doc = Document(doc_id="ctx", title="Besluitenlijst raad", doc_type="decision_list", pages=1, sha256="0",
                   path="ctx.txt", format="text", government="Enschede", government_kind="gemeente",
                   government_code="gm0153", issuer="gemeenteraad", meeting_body="gemeenteraad",
                   meeting_date="2024-03-12", valid_from="2024-04-01", valid_until="2025-12-31")
    dec = Decision(doc_id="ctx", actor="gemeenteraad", status="adopted", text="Motie M.1 aangenomen", start=0, end=20,
                   number="M.1", votes_for=31, votes_against=13, government="Enschede", government_code="gm0153",
                   mandate_holder=None, cited=True)
    with open_store(empty_store) as store:
        with store.transaction():
            store.put(Extraction(path="ctx.txt", status=Status.SUCCESS, document=doc, decisions=[dec], text="x"))
        [got] = [d for d in store.documents() if d.doc_id == "ctx"]
        [back] = store.decisions("ctx")
        with store.transaction():
            store.remove("ctx")
    assert (got.government, got.government_code, got.meeting_date) == ("Enschede", "gm0153", "2024-03-12")
    assert (got.valid_from, got.valid_until) == ("2024-04-01", "2025-12-31")
    assert (back.votes_for, back.votes_against, back.cited, back.government) == (31, 13, True, "Enschede")


def test_backends_sqlite_store_of_an_older_spoor_gains_the_new_columns(tmp_path):
    """A store made before the contract grew opens, gets the columns, and its old rows still read."""
    import sqlite3

    from pipeline.store.sqlite import DB_NAME

    tmp_path.mkdir(exist_ok=True)
    con = sqlite3.connect(tmp_path / DB_NAME)
    con.executescript("""
        CREATE TABLE decisions (id INTEGER PRIMARY KEY, doc_id TEXT, actor TEXT, actor_text TEXT, date TEXT,
            date_text TEXT, status TEXT, predicate TEXT, object TEXT, number TEXT, vote TEXT, text TEXT,
            start INTEGER, "end" INTEGER, page INTEGER);
        INSERT INTO decisions (doc_id, status, text, start, "end", page) VALUES ('old', 'adopted', 'x', 0, 1, 1);
    """)
    con.commit()
    con.close()
    with open_store(str(tmp_path)) as store:
        [old] = store.decisions("old")
    assert old.status == "adopted" and old.cited is False and old.votes_for is None


# -- the government facet and filter (issue 18) -----------------------------------------------------
GOVERNMENTS = {"Enschede": 4, "Hengelo": 3, "Almelo": 2}


def _three_governments(folder: Path) -> Path:
    folder.mkdir()
    n = 0
    for gov, count in GOVERNMENTS.items():
        for i in range(count):
            n += 1
            (folder / f"brief_{n:02d}.txt").write_text(
                f"Gemeente {gov}\n\nRaadsinformatiebrief\n\nOnderwerp: fietspad langs het kanaal, deel {i + 1}\n\n"
                f"Het college van burgemeester en wethouders van {gov} informeert de raad over de aanleg van het "
                f"fietspad langs het kanaal. De kosten bedragen {i + 1}00.000 euro.\n", encoding="utf-8")
    return folder


def test_backends_government_facet_and_filter_are_exact(empty_store, tmp_path, monkeypatch):
    """The government facet counts every matching document and the filter keeps exactly one government's,
    however many documents match (the web page no longer counts over a pool of the first ones)."""
    from pipeline.build import build
    from pipeline.web import results

    build([_three_governments(tmp_path / "docs")], empty_store)
    monkeypatch.setattr(results, "GOVERNMENT_POOL", 2)  # the old path counted over this many documents
    page = results.run(empty_store, "fietspad", dict.fromkeys(results.FILTER_FIELDS), page_size=2)
    assert {f.value: f.count for f in page.facets["government"]} == GOVERNMENTS
    assert page.documents == 9 and page.pages == 5 and page.note is None
    for gov, code in (("Hengelo", "Hengelo"), ("Almelo", "gm0141")):  # by name or by code
        filters = {**dict.fromkeys(results.FILTER_FIELDS), "government": code}
        kept = results.run(empty_store, "fietspad", filters, page_size=2)
        assert kept.error is None and kept.documents == GOVERNMENTS[gov]
        assert {f.value: f.count for f in kept.facets["government"]} == {gov: GOVERNMENTS[gov]}
        shown = [g.doc_id for p in range(1, kept.pages + 1)
                 for g in results.run(empty_store, "fietspad", filters, page=p, page_size=2).groups]
        assert len(shown) == GOVERNMENTS[gov] and {results.governments(empty_store)[d] for d in shown} == {gov}
    direct = search(empty_store, "fietspad", 20, government="Enschede", facets=True)
    assert len(direct.groups) == 4 and all(h.government == "Enschede" for h in direct.hits)


def test_backends_an_index_without_governments_still_counts_them(tmp_path, monkeypatch):
    """An index written before the government field was indexed keeps answering: the page counts the
    governments of the documents it found, from the store."""
    from pipeline.build import build
    from pipeline.search import engine
    from pipeline.web import results

    build([_three_governments(tmp_path / "docs")], tmp_path / "index")
    monkeypatch.setattr(engine, "has_government", lambda schema: False)
    page = results.run(tmp_path / "index", "fietspad", dict.fromkeys(results.FILTER_FIELDS))
    assert {f.value: f.count for f in page.facets["government"]} == GOVERNMENTS
    kept = results.run(tmp_path / "index", "fietspad", {**dict.fromkeys(results.FILTER_FIELDS), "government": "almelo"})
    assert kept.documents == 2


def test_backends_sqlite_export_for_datasette(built_store, built_index, tmp_path):
    """Either store exports to the same Datasette-ready SQLite database, doc_ids linked to documents."""
    import sqlite3

    from pipeline.store.export import export_sqlite

    counts = export_sqlite(built_store, tmp_path / "ds")
    con = sqlite3.connect(tmp_path / "ds" / "spoor.db")
    ref = sqlite3.connect(built_index / "spoor.db")
    for table in ("documents", "passages", "entities", "decisions", "subjects", "relations"):
        n = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        assert n == counts[table] == ref.execute(f"SELECT count(*) FROM {table}").fetchone()[0], table
    assert con.execute("PRAGMA foreign_key_list(decisions)").fetchall()[0][2] == "documents"
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    aliases = dict(con.execute("SELECT id, aliases FROM subjects"))
    assert json.loads(aliases["twenteraad"]) == json.loads(dict(ref.execute("SELECT id, aliases FROM subjects"))["twenteraad"])
    assert con.execute("SELECT count(*) FROM passages_fts WHERE passages_fts MATCH 'twenteraad'").fetchone()[0] > 0


# -- compounds, identifiers and typos on both backends (issue 17) ----------------------------------------
@pytest.fixture(scope="module")
def small_real(request, backend, tmp_path_factory) -> str:
    """The three small documents of tests/test_search_real.py, built into a folder or a database."""
    from pipeline.build import build
    from test_search_real import LETTER, NOTE, OTHER

    docs = tmp_path_factory.mktemp("small_real")
    for name, text in (("brief-afval", LETTER), ("notitie-verkeer", NOTE), ("besluitenlijst-college", OTHER)):
        (docs / f"{name}.txt").write_text(text, encoding="utf-8")
    target = str(tmp_path_factory.mktemp("ix")) if backend == "sqlite" else request.getfixturevalue("pg_server")()
    assert not build([docs], target).problems
    return target


def _ids(result) -> list[str]:
    return list(dict.fromkeys(h.doc_id for h in result.hits))


@pytest.mark.parametrize("query, first", [
    ("PS23-001234", "brief-afval"), ("PS23\u2010001234", "brief-afval"), ("ps23 001234", "brief-afval"),
    ("001234", "brief-afval"),                  # a part of an identifier
    ("AU15 10692", "notitie-verkeer"), ("10692", "notitie-verkeer"),
    ("papierinzameling", "notitie-verkeer"),    # a compound finds its words written apart ("inzameling van oud papier")
    ("inzameling van afval", "brief-afval"),    # words apart find the compound ("afvalinzameling")
    ("milieu zone", "brief-afval"),             # "milieuzone"
    ("afval", "brief-afval"),                   # a word the index holds only inside compounds
    ("afvalinzamling", "brief-afval"),          # a typo is still a typo
])
def test_backends_compounds_and_identifiers_found_either_way(small_real, query, first):
    result = search(small_real, query)
    assert _ids(result)[0] == first
    if query[0].isdigit() or query.startswith(("ps23", "AU15", "afval ")):
        assert result.suggestion is None  # a part of an identifier is no typo


def test_backends_a_known_word_is_never_widened_to_a_near_word(small_real):
    # "rattenbestrijding" is no typo of "rampenbestrijding": its words are Dutch words
    result = search(small_real, "rattenbestrijding")
    assert "besluitenlijst-college" not in _ids(result)
    assert _ids(search(small_real, "Peters")) == ["notitie-verkeer"]  # a name the index holds, not "Pieters"
    if small_real.startswith("postgresql"):  # PostgreSQL's "did you mean" (the Whoosh backend's is its own)
        assert search(small_real, "afvalinzamling").suggestion == "afvalinzameling"
        assert search(small_real, "papierinzameling").suggestion is None  # made of words: no typo


@pytest.fixture(scope="module")
def plan_codes(request, backend, tmp_path_factory) -> str:
    """Two plan explanations, each with its IMRO code, built into a folder or a database."""
    from pipeline.build import build

    docs = tmp_path_factory.mktemp("plan_codes")
    (docs / "wijzigingsplan-gilzeweg.txt").write_text(
        "Wijzigingsplan Gilzeweg 1c Bavel\n\nIdn: NL.IMRO.0758.BP2018224003-VG01\n\nHet plan maakt maximaal zeven "
        "vrijstaande woningen mogelijk.\n", encoding="utf-8")
    (docs / "wijzigingsplan-heiligerweg.txt").write_text(
        "Wijzigingsplan Woningbouw Heiligerweg\n\nIdn: NL.IMRO.1903.WPLKOM1007-VG01\n\nDe voorgevels van de woningen "
        "liggen maximaal drie meter achter de lijn; de woningen en de maximaal toegestane woningen.\n", encoding="utf-8")
    target = str(tmp_path_factory.mktemp("ix")) if backend == "sqlite" else request.getfixturevalue("pg_server")()
    assert not build([docs], target).problems
    return target


@pytest.mark.parametrize("query", ["0758.bp2018224003", "Wijzigingsplan 0758.bp2018224003 vg01: hoeveel woningen maximaal?"])
def test_backends_a_run_of_an_identifiers_parts_finds_it(plan_codes, query):
    # (session 24: two parts of "NL.IMRO.0758.BP2018224003-VG01" typed with their dot found nothing)
    assert _ids(search(plan_codes, query))[:1] == ["wijzigingsplan-gilzeweg"]


def test_backends_an_identifiers_part_counts_as_much_as_the_identifier(plan_codes):
    # "BP2018224003 voorgevels": the plan whose code holds the part typed ranks above the one that only says
    # "voorgevels" (a part with digits is no common word inside a compound)
    assert _ids(search(plan_codes, "BP2018224003 voorgevels"))[:1] == ["wijzigingsplan-gilzeweg"]
