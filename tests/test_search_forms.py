"""Search on what a third blind question set over real documents showed (#17, session 17): identifiers that are
numbers in dotted groups or hold a plan's code, a capital word inside an identifier that is no abbreviation, a
role under a name that answers "wie", an abbreviation before a number that ends no sentence, and questions that
ask for a size. Small documents are written here; the question sets are scored by ``bench/bench_search.py``."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.index import compounds
from pipeline.link.aliases import AliasGroup, AliasTable
from pipeline.search import search
from pipeline.search.engine import split_intent
from pipeline.search.snippets import _prepared

NOTICE = """Melding houtopstanden

Op 13 september 2024 ontvingen wij uw melding voor het project 24.30.760.01.1086 - Stekkenkamp herstel
(kapmelding) op de locatie perceel OMN01 F 4710.
"""
PLAN = """Wijzigingsplan Jan Ruijglaan 4 en 6

IMRO-idn:\tNL.IMRO.0093.BP2017JanRuijgl2-VG01

Het plan maakt twee woningen voor boswachters mogelijk.
"""
OTHER_PLAN = """Uitwerkingsplan Westergouwe

Hierdoor is het plan geschikt voor uitwisseling via het Informatie Model Ruimtelijke Ordening (IMRO) 2012.
IMRO-idn: NL.IMRO.0513.1106UPWestergouwe2-DF01. Het plan gaat over woningen. Het plan is vastgesteld.
"""
FOREWORD = """Tussenstand RES

Voor u ligt de Tussenstand van de RES. Deze geeft de stand van zaken weer op 1 juli 2022. Wij vertrouwen
erop dat de bestuurders deze Tussenstand bespreken.

We wensen onze bestuurders een goed gesprek.

Karin Komdeur
Programmamanager RES
"""


@pytest.fixture(scope="module")
def forms_index(tmp_path_factory) -> Path:
    from pipeline.build import build

    docs = tmp_path_factory.mktemp("forms")
    for stem, text in {"melding-stekkenkamp": NOTICE, "plan-jan-ruijglaan": PLAN, "plan-westergouwe": OTHER_PLAN,
                       "tussenstand-res": FOREWORD}.items():
        (docs / f"{stem}.txt").write_text(text, encoding="utf-8")
    folder = tmp_path_factory.mktemp("forms-ix")
    report = build([docs], folder)
    assert not report.problems, report.problems
    return folder


def _docs(result) -> list[str]:
    return list(dict.fromkeys(h.doc_id for h in result.hits))


def test_a_number_in_dotted_groups_is_an_identifier_with_parts():
    assert compounds.parts("24.30.760.01.1086") == ("760", "1086")
    assert compounds.parts("16-12-2024") == ()  # a date stays whole


def test_a_project_number_typed_with_other_separators_finds_it(forms_index):
    assert _docs(search(forms_index, "24-30-760-01-1086"))[0] == "melding-stekkenkamp"


@pytest.mark.parametrize("query", ["BP2017-JanRuijgl2", "NL.IMRO.0093", "over welk plan gaat NL.IMRO.0093 BP2017-JanRuijgl2",
                                   "0093.BP2017JanRuijgl2", "imro.0093"])  # (session 24: a run of its middle parts)
def test_a_plan_code_or_its_head_typed_otherwise_finds_the_plan(forms_index, query):
    assert _docs(search(forms_index, query))[0] == "plan-jan-ruijglaan"


def test_a_capital_word_inside_an_identifier_names_no_abbreviation():
    group = AliasGroup(key="imro", name="IMRO", label="ORG",
                       forms=["IMRO", "NL.IMRO", "Informatie Model Ruimtelijke Ordening"])
    table = AliasTable([group])
    assert table.find("over welk plan gaat NL.IMRO.0093") == []
    assert [f for _, f in table.find("het IMRO van 2012")] == ["imro"]


def test_who_is_answered_by_the_name_over_the_role_asked_for(forms_index):
    result = search(forms_index, "wie is programmamanager van de RES")
    assert "Karin Komdeur" in result.hits[0].snippet.replace("**", "")


def test_an_abbreviation_before_a_number_ends_no_sentence():
    text = "Uit een uitspraak d.d. 23 februari 2005 (zaaknr. 200401868/1) volgt een afstand van 100 meter. Klaar."
    clean, _, _, sentences, _ = _prepared(text)
    assert clean[sentences[0][0]:sentences[0][1]].strip().endswith("100 meter.")


@pytest.mark.parametrize("query, rest", [("hoe breed is de spuitvrije zone", "de spuitvrije zone"),
                                         ("welke afstand is wenselijk", "afstand wenselijk")])
def test_a_question_for_a_size_asks_for_a_number(query, rest):
    assert split_intent(query) == (rest, "number")
