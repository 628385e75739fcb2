"""A college's decision list as a municipality's site gives it ("b&w besluitenlijst 21 december 2021" over memos with
"Besluit" under each), and the earlier decisions its explanations cite (issue 15, session 22, after a blind
annotation of college lists, Woo decisions and party reports): the list is the college's meeting, "Besluit" the
college's decision on its day; "bij besluit van 02 juli 2020 door de raad" and "is door het college ... een afwijzend
besluit genomen" are earlier decisions with their maker and day; a meeting still to come ("in een
commissievergadering") is no actor. Read end to end by the whole pipeline, as in ``tests/test_genres.py``.
"""
from __future__ import annotations

from pipeline.extract import analyse
from pipeline.models import CleanText

LIST = """b&w besluitenlijst 21 december 2021

Aanwezig

 • J. Jansen, burgemeester
 • B.M. de Vries, wethouder

Raadsmemo Bindelwijk: Onderwijs, Sport en Voorzieningen

De Raad heeft op 17 december 2020 een besluit genomen over het onderzoek van de locatie Bindelwijk. Het college \
stelt de Raad voor deze notitie in een commissievergadering te bespreken.

Besluit

De overgelegde memo ter informatie aan te bieden aan de raad, met het verzoek deze voor commissiebehandeling te agenderen.

Wob-verzoek stukken Entrada

De verzochte stukken kunnen niet openbaar worden gemaakt, omdat deze bij besluit van 02 juli 2020 door de raad \
geheim zijn verklaard. Op 17 november 2020 is door het college conform het raadsbesluit een afwijzend besluit genomen \
op het Wob-verzoek.
"""


def read(nlp):
    x = analyse("ouder-amstel-besluitenlijst-college-2021-12-21", CleanText(text=LIST), nlp)
    return x, [(d.status, d.actor, d.date, d.text[:50]) for d in x.decisions]


def test_a_college_list_titled_by_its_body_is_the_colleges_meeting(nlp):
    x, got = read(nlp)
    assert (x.document.meeting_body, x.document.meeting_date) == ("college_bw", "2021-12-21")
    memo = next(d for d in x.decisions if "overgelegde memo" in d.text)
    assert (memo.status, memo.actor, memo.date) == ("adopted", "college_bw", "2021-12-21"), got


def test_earlier_decisions_cited_by_day_and_maker(nlp):
    x, got = read(nlp)
    dated = {(d.actor, d.date) for d in x.decisions}
    assert ("gemeenteraad", "2020-07-02") in dated, got  # "bij besluit van 02 juli 2020 door de raad"
    assert ("college_bw", "2020-11-17") in dated, got  # "een afwijzend besluit genomen"
    assert ("gemeenteraad", "2020-12-17") in dated, got


def test_a_meeting_still_to_come_is_not_who_proposes(nlp):
    x, got = read(nlp)
    rec = next(d for d in x.decisions if "stelt de Raad voor" in d.text)
    assert (rec.status, rec.actor) == ("proposed", "college_bw"), got



def test_what_a_meeting_did_not_come_to_is_postponed(nlp):
    # a council's decision list (r45, Den Haag): an item's outcome "NIET BEHANDELD", and a line under the last row
    # "AGENDAPUNTEN S, T, U zijn niet aan de orde geweest": postponed by the council on the meeting's day; the row above
    # keeps its own outcome
    text = ("Besluitenlijst van de raadsvergadering van donderdag 8 mei 2025\n\n"
            "R\tRaadsmededeling Noodverordening NAVO-top (RIS321925)\n\n"
            "322168 Motie R.1 VVD Gratis OV tijdens de NAVO top\tAangenomen\n"
            "AGENDAPUNTEN S, T, U zijn niet aan de orde geweest\n\n"
            "V\tWerkagenda circulaire economie (RIS318676) NIET BEHANDELD\n")
    x = analyse("denhaag-besluitenlijst-raad-2025-05-08", CleanText(text=text), nlp)
    got = [(d.status, d.date, d.text.split("\n")[0][:30]) for d in x.decisions if d.actor == "gemeenteraad"]
    assert ("adopted", "2025-05-08", "322168 Motie R.1 VVD Gratis OV") in got, got
    assert ("postponed", "2025-05-08", "AGENDAPUNTEN S, T, U zijn niet") in got, got
    assert any(s == "postponed" and "circulaire" in t for s, _, t in got), got
