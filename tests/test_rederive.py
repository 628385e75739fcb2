"""An index built in steps (documents added, changed, removed) holds what ``spoor build --rederive``
derives from the same files at once: the same canonical ids (and mentions held back), subjects,
relations and events (issue 19), though a build in steps links only what changed."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from pipeline.build import build
from pipeline.link.timeline import events
from pipeline.store import open_store

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture()
def new_store(request, backend, tmp_path):
    """A function giving a fresh store target of the backend each call (a folder, or a new database)."""
    made = iter(range(100))

    def new() -> str:
        if backend == "sqlite":
            return str(tmp_path / f"store{next(made)}")
        return request.getfixturevalue("pg_server")()
    return new


def derived(folder) -> dict:
    """What the derivation steps left in a store: every entity's canonical id, the subjects, the relations."""
    store = open_store(folder)
    try:
        entities = sorted(store.entity_tuples(("doc_id", "label", "text", "start", "end", "canonical", "warnings")),
                          key=lambda r: tuple("" if v is None else str(v) for v in r))
        subjects = sorted((s.id, s.name, s.label, s.kind, s.government, s.body, tuple(s.aliases), s.mentions,
                           tuple(tuple(x) for x in s.spans), tuple((d.doc_id, tuple(d.pages)) for d in s.documents))
                          for s in store.subjects())
        relations = sorted((r.type, r.source, r.target, r.target_name, r.evidence.doc_id, r.evidence.start)
                           for r in store.relations())
        # which mentions linking holds back (the id a held one had before does not matter: it is linked again)
        held = sorted((row[1], row[2], row[3], row[-1]) for row in store.link_rows(held=True, with_start=True))
        dates = {d.doc_id: d.date for d in store.documents()}
        timeline = [(e.date, e.actor, e.what, e.status, tuple((s.doc_id, s.start) for s in e.sources))
                    for e in events(store.decisions(), documents=dates)]
    finally:
        store.close()
    return {"entities": entities, "subjects": subjects, "relations": relations, "held": held, "events": timeline}


def test_build_in_steps_equals_rederive(tmp_path, new_store, caplog):
    files = sorted(p for p in CORPUS.iterdir() if p.suffix == ".txt")
    assert len(files) >= 3
    docs, steps = tmp_path / "docs", new_store()
    docs.mkdir()
    for f in files[:-1]:
        shutil.copy(f, docs / f.name)
    build([docs], steps, workers=1)
    with caplog.at_level(logging.INFO, logger="pipeline.link.relink"):
        shutil.copy(files[-1], docs / files[-1].name)  # a document added
        build([docs], steps, workers=1)
        changed = docs / files[0].name  # a document changed: a paragraph of another added to it
        changed.write_text(changed.read_text(encoding="utf-8") + "\n\n" + files[1].read_text(encoding="utf-8")[:3000],
                           encoding="utf-8")
        build([docs], steps, workers=1)
        (docs / files[1].name).unlink()  # a document removed
        report = build([docs], steps, workers=1)
    assert report.removed == [files[1].stem]
    # each step linked only the mentions of the documents it stored and of the names whose ids changed
    steps_linked = [r.getMessage() for r in caplog.records if r.name == "pipeline.link.relink"]
    assert len(steps_linked) == 3 and all("wrote the mentions of" in m for m in steps_linked), steps_linked

    stepwise = derived(steps)

    fresh = new_store()
    build([docs], fresh, workers=1, rederive=True)
    once = derived(fresh)
    assert once["subjects"] and once["relations"] and once["events"]
    for part in ("entities", "held", "subjects", "relations", "events"):
        assert stepwise[part] == once[part], part
    rederived = build([docs], steps, workers=1, rederive=True)  # nothing extracted, everything derived again
    assert not rederived.added and not rederived.updated
    assert derived(steps) == once


def test_build_in_steps_keeps_an_acronym_a_later_document_defines(tmp_path, new_store):
    docs, steps, fresh = tmp_path / "docs", new_store(), new_store()
    docs.mkdir()
    (docs / "brief.txt").write_text(
        "Brief van het college van burgemeester en wethouders van Enschede\n\nEnschede, 3 maart 2021\n\n"
        "Het college heeft besloten de samenwerking met de RWKV voort te zetten. De RWKV ontvangt een bijdrage "
        "van 20.000 euro.\n", encoding="utf-8")
    build([docs], steps, workers=1)
    (docs / "verslag.txt").write_text(
        "Verslag van de vergadering van de gemeenteraad van Enschede\n\nEnschede, 10 april 2021\n\n"
        "De Regionale Werkgroep Kust en Veen (RWKV) presenteert haar plannen. De gemeenteraad besluit de "
        "Regionale Werkgroep Kust en Veen te steunen.\n", encoding="utf-8")
    build([docs], steps, workers=1)
    build([docs], fresh, workers=1, rederive=True)
    once = derived(fresh)
    assert [e for e in once["entities"] if e[0] == "brief" and e[2] == "RWKV"]  # the fresh build links them
    assert derived(steps) == once

    (docs / "verslag.txt").unlink()  # the defining document gone: the acronym is held back again
    build([docs], steps, workers=1)
    alone = new_store()
    build([docs], alone, workers=1, rederive=True)
    assert not [e for e in derived(alone)["entities"] if e[2] == "RWKV"]
    assert derived(steps) == derived(alone)


def test_build_in_steps_finds_a_new_name_in_documents_scanned_before(tmp_path, new_store, caplog):
    """A name that becomes a subject only when a later document repeats it is also found in the documents
    whose texts earlier builds scanned (and kept what they found); an unchanged document is not scanned again."""
    docs, steps, fresh = tmp_path / "docs", new_store(), new_store()
    docs.mkdir()
    (docs / "notitie.txt").write_text(
        "Notitie van het college van Hengelo\n\nHengelo, 3 maart 2021\n\n"
        "Het college wil het Kustfonds Noord verder uitbouwen met de provincie.\n", encoding="utf-8")
    (docs / "memo.txt").write_text(
        "Memo van de gemeente Hengelo\n\nHengelo, 5 maart 2021\n\nDe begroting wordt in mei besproken.\n",
        encoding="utf-8")
    build([docs], steps, workers=1)
    assert not any(s[1] == "Kustfonds Noord" for s in derived(steps)["subjects"])  # one mention: no subject yet
    (docs / "verslag.txt").write_text(
        "Verslag van de gemeenteraad van Hengelo\n\nHengelo, 10 april 2021\n\n"
        "Het Kustfonds Noord krijgt een bijdrage. De raad vraagt het Kustfonds Noord om een plan.\n",
        encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="pipeline.link.subjects"):
        build([docs], steps, workers=1)
    assert "subject parts: 2 of 3 documents" in caplog.text  # the new one, and the one naming the new name
    stepwise = derived(steps)
    build([docs], fresh, workers=1, rederive=True)
    assert stepwise == derived(fresh)
    subject = next(s for s in stepwise["subjects"] if s[1] == "Kustfonds Noord")
    assert {d for d, _ in subject[-1]} == {"notitie", "verslag"}


def test_adding_a_batch_and_removing_it_equals_deriving_at_once(tmp_path, new_store):
    """A then B added equals A+B derived at once; A+B with B removed again equals A derived alone: the
    canonical ids, mentions held back, subjects, relations and events (issue 19)."""
    files = sorted(p for p in CORPUS.iterdir() if p.suffix == ".txt")
    assert len(files) >= 4
    half = len(files) // 2
    a, b = files[:half], files[half:]
    docs = tmp_path / "docs"
    docs.mkdir()

    def put(batch):
        for f in batch:
            shutil.copy(f, docs / f.name)

    put(a)
    only_a = new_store()
    build([docs], only_a, workers=1, rederive=True)
    steps = new_store()
    build([docs], steps, workers=1)
    put(b)
    added = build([docs], steps, workers=1)
    assert sorted(added.added) == sorted(f.stem for f in b) and not added.updated
    at_once = new_store()
    build([docs], at_once, workers=1, rederive=True)
    both = derived(at_once)
    assert both["subjects"] and both["relations"] and both["events"]
    assert derived(steps) == both

    for f in b:
        (docs / f.name).unlink()
    removed = build([docs], at_once, workers=1)
    assert sorted(removed.removed) == sorted(f.stem for f in b)
    alone = derived(only_a)
    assert alone["subjects"] != both["subjects"]  # B counted: the comparison can fail
    assert derived(at_once) == alone
