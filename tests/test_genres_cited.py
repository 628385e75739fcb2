"""Weekly lists and decisions cited in bulk (issue 15, after a blind annotation of more governments): a list of the
college's decisions headed by its week ("Publicatielijst ... Volgnummer: week 22, 2022") is dated by that week, and a
regulation that cites the consent of many councils, each on its own day, holds one decision a council. Read end to end
by the whole pipeline, as in ``tests/test_genres.py``.
"""
from __future__ import annotations

from tests.test_genres_college import run

WEEKLY_LIST = """Publicatielijst Besluiten van Burgemeester en Wethouders Volgnummer: week 22, 2022

Voorstel programma Leven over Plan van aanpak ondermijning 2022

Het college besluit:

 1. Het plan van aanpak ondermijning 2022 vast te stellen;
 2. Het plan van aanpak ondermijning 2022 toe te sturen naar de raad middels bijgevoegd raadsbericht.

Voorstel programma Organiseren over Beantwoording schriftelijke vragen incident 15 april 2022

Het college besluit de schriftelijke vragen van het CDA over het incident op 15 april 2022 te beantwoorden.

Voorstel programma Organiseren over Conceptbegroting regio

Het college besluit de raad een zienswijze voor te leggen over de conceptbegroting van de regio.
"""


def test_a_weekly_list_of_the_college_is_dated_by_its_week(nlp):
    ex = run(nlp, WEEKLY_LIST, "hoekdam-publicatielijst")
    assert ex.document.date == "2022-05-30/2022-06-05"
    assert ex.document.meeting_body == "college_bw"
    plan = [d for d in ex.decisions if "aanpak ondermijning 2022 vast te stellen" in d.text]
    assert [(d.actor, d.date) for d in plan] == [("college_bw", "2022-05-30/2022-06-05")]


def test_the_head_of_a_list_of_decisions_is_not_a_decision(nlp):
    ex = run(nlp, WEEKLY_LIST, "hoekdam-publicatielijst")
    assert not any(d.text.startswith("Publicatielijst") for d in ex.decisions)


REGULATION = """Gemeenschappelijke regeling Omgevingsdienst Noorderland

Het college van Gedeputeerde Staten van Groningen;

Gelet op:
de instemming van de gemeenteraden van de bovengenoemde deelnemende gemeenten bij raadsbesluit van Appingedam d.d. \
14 februari 2013, Bedum d.d. 18 oktober 2012, Delfzijl d.d. 28 februari 2013, Eemsmond d.d.28 februari 2013 en \
Zuidhorn d.d. 8 oktober 2012;

HEEFT BESLOTEN:

vast te stellen de Gemeenschappelijke regeling Omgevingsdienst Noorderland.
"""


def test_the_consent_of_many_councils_is_one_decision_a_council_each_of_its_own_municipality(nlp):
    ex = run(nlp, REGULATION, "noorderland-regeling")
    councils = sorted((d.date, d.government) for d in ex.decisions if d.actor == "gemeenteraad")
    assert councils == [("2012-10-08", "Zuidhorn"), ("2012-10-18", "Bedum"), ("2013-02-14", "Appingedam"),
                        ("2013-02-28", "Delfzijl"), ("2013-02-28", "Eemsmond")]
    assert all(d.status == "adopted" for d in ex.decisions if d.actor == "gemeenteraad")


def test_a_date_written_against_its_abbreviation_is_still_a_date(nlp):
    ex = run(nlp, "De raad van Hoekdam heeft het plan vastgesteld in de vergadering d.d.28 februari 2013.")
    assert "2013-02-28" in [e.value for e in ex.entities if e.label == "DATE"]
