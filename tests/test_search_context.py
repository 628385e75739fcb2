"""Answers a snippet holds (#17, session 19, from a fifth blind question set): a date question on a passage of a
meeting's list shows the meeting's day even when the passage names other days, and a query of keywords that ends in
what it wants ("... budget", "... uitslag") asks for it as a question would."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.search import search
from pipeline.search.engine import split_intent

LIST = """Besluitenlijst Provinciale Staten van Limburg

Vergadering van vrijdag 4 oktober 2019

1. Opening

2. Opheffen geheimhouding

Provinciale Staten besluiten de geheimhouding op te heffen op de documenten van de besloten Statenvergaderingen van
14 december 2018 en 27 mei 2019, zoals bekrachtigd in besluit G-18-052 d.d. 14 december 2018.

Besluit: conform.
"""


@pytest.fixture(scope="module")
def list_index(tmp_path_factory) -> Path:
    from pipeline.build import build

    docs = tmp_path_factory.mktemp("context")
    (docs / "besluitenlijst-ps-limburg.txt").write_text(LIST, encoding="utf-8")
    folder = tmp_path_factory.mktemp("context-ix")
    report = build([docs], folder)
    assert not report.problems, report.problems
    return folder


def test_a_date_question_on_a_meetings_list_shows_the_meetings_day(list_index):
    hit = search(list_index, "wanneer is de geheimhouding van besluit G18-052 opgeheven").hits[0]
    assert hit.meeting_date == "2019-10-04"
    assert "4 oktober 2019" in hit.snippet  # though the passage names two other days


@pytest.mark.parametrize("query, intent", [
    ("vervanging fietsbrug Wyldehoarne Joure budget", "number"),
    ("voorstel Peperstraat van agenda halen uitslag", "outcome"),
    ("afvalinzameling Joure", None),
])
def test_a_query_of_keywords_asks_for_the_answer_it_names(query, intent):
    assert split_intent(query) == (query, intent)
