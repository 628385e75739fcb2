"""Search on what a fifth blind question set over real documents showed (#17, session 19): a compound whose head
is left out after a hyphen ("goot- en bouwhoogte", "boom- of struiksoort", "fiets- voetgangersbrug") holds the
whole word a user types ("goothoogte"). Small documents are written here; the question sets are scored by
``bench/bench_search.py``."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.index import compounds
from pipeline.search import search

PLAN = """Wijzigingsplan Dorpsstraat 4

Voor de nieuwe woning geldt een maximale goot- en bouwhoogte van 4,5 en 9 meter.
"""
NOTE = """Nota onderhoud gemeentehuis

De goot van het gemeentehuis wordt vervangen. De hoogte van de steigers is 9 meter. Bij de goot komt een
nieuwe afvoer, en de goot wordt geschilderd.
"""
NOTICE = """Melding houtopstanden Raalte

Welke boom- of struiksoort(en) gaat u verwijderen?
Quercus robur
"""


@pytest.fixture(scope="module")
def elided_index(tmp_path_factory) -> Path:
    from pipeline.build import build

    docs = tmp_path_factory.mktemp("elided")
    for stem, text in {"plan-dorpsstraat": PLAN, "nota-gemeentehuis": NOTE, "melding-raalte": NOTICE}.items():
        (docs / f"{stem}.txt").write_text(text, encoding="utf-8")
    folder = tmp_path_factory.mktemp("elided-ix")
    report = build([docs], folder)
    assert not report.problems, report.problems
    return folder


@pytest.mark.parametrize("text, words", [
    ("de goot- en bouwhoogte", ["goothoogte"]),
    ("Welke boom- of struiksoort(en)", ["boomsoort"]),
    ("de fiets- voetgangersbrug", ["fietsbrug"]),
    ("bouw-, woon- en werkgebieden", ["bouwgebieden", "woongebieden"]),
    ("bouw- en gebruiksmogelijkheden", ["bouwmogelijkheden"]),
    ("verkeers- veiligheid", []),  # a word broken at a line end, no compound left out
    ("Noord- en Oost-Nederland", []),
])
def test_a_modifier_written_apart_makes_the_whole_compound(text, words):
    assert [w for _, _, w in compounds.elided(text)] == words


def test_a_compound_typed_whole_finds_its_modifier_written_apart(elided_index):
    result = search(elided_index, "goothoogte")
    assert result.hits[0].doc_id == "plan-dorpsstraat"
    assert "**goot**- en bouwhoogte" in result.hits[0].snippet  # the text as written, the modifier marked


def test_the_answer_under_a_form_question_with_a_modifier_written_apart(elided_index):
    result = search(elided_index, "welke boomsoort wordt gekapt in Raalte")
    assert result.hits[0].doc_id == "melding-raalte"
    assert "**boom**- of struiksoort" in result.hits[0].snippet
