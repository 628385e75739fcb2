"""Board pages that report a meeting's decisions under "Voorstel:" / "Besluit:" labels (issue 15, after a blind
annotation of decision lists of more governments): the head says which body meets ("Elke week vergadert het
dagelijks bestuur"), "Besloten is om" above numbered points gives one decision a point, and a "Voorstel:" that a
"Besluit:" answers is not a separate proposal. Read end to end by the whole pipeline, as in ``tests/test_genres.py``.
"""
from __future__ import annotations

from tests.test_genres_college import run

BOARD_PAGE = """Het dagelijks bestuur voert het beleid uit dat het algemeen bestuur vaststelt. Elke week vergadert het
dagelijks bestuur. Over de besluiten wordt na de vergadering bericht op deze pagina.

In de vergadering van 14 mei 2024 zijn de volgende besluiten genomen.

Voorstel: Vaststellen van het projectplan Waterwet dijkversterking Lekdijk

Besluit:
Besloten is om

  1. Het projectplan Waterwet dijkversterking Lekdijk d.d. 2 april 2024 vast te stellen;
  2. De gemeente Culemborg schriftelijk te informeren over het vastgestelde projectplan.

Voorstel:
Lening bij de Nederlandse Waterschapsbank

Besluit:
Het dagelijks bestuur heeft ingestemd met een lening van € 20 miljoen bij de Nederlandse Waterschapsbank.

Context:
De lening past binnen het treasurystatuut.
"""


def test_a_board_page_dates_each_numbered_point_to_the_meeting_of_the_body_that_meets(nlp):
    ex = run(nlp, BOARD_PAGE)
    taken = [d for d in ex.decisions if (d.actor, d.date, d.status) == ("dagelijks_bestuur", "2024-05-14", "adopted")]
    assert any("projectplan Waterwet" in d.text and "Culemborg" not in d.text for d in taken)
    assert any("Culemborg" in d.text and "projectplan Waterwet dijkversterking Lekdijk d.d." not in d.text for d in taken)
    assert any("lening van € 20 miljoen" in d.text for d in taken)
    assert len(taken) == 3
    assert not any(d.date == "2024-04-02" for d in ex.decisions)  # the plan's own date, not a decision's


def test_a_proposal_that_the_decision_under_it_answers_is_not_a_second_record(nlp):
    ex = run(nlp, BOARD_PAGE)
    assert not any(d.status == "proposed" for d in ex.decisions)
