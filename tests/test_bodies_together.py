"""Bodies that act together, bodies named in lists of people and bodies beyond the Dutch governments (issue 15,
session 22, after whole letters of a province and a blind annotation of minutes and decision lists of eight more
governments): each body of "door de gemeenteraden, Provinciale Staten (30 juni 2021) en de algemeen besturen ...
vastgesteld" is an actor, with the date written after it; "W.G. de Raad" among the members present is a person, not
the council; a water board's "Algemene Vergadering" is its general board; motions and amendments listed one per line
are one decision each. Read end to end by the whole pipeline, as in ``tests/test_genres.py``.
"""
from __future__ import annotations

from pipeline.extract import analyse
from pipeline.models import CleanText


def run(nlp, text: str, doc_id: str = "letter"):
    return analyse(doc_id, CleanText(text=text), nlp)


def decided(x):
    return [(d.status, d.actor, d.actor_text, d.date, d.text[:60]) for d in x.decisions]


LETTER = """Gedeputeerde Staten van Overijssel

Zwolle, 21 mei 2024

Aan Provinciale Staten van Overijssel

Onderwerp: voortgang windbeleid

Geachte Staten,

De Regionale Energie Strategie (RES) 1.0 is door de gemeenteraden (met uitzondering van de gemeente Rijssen-Holten), \
Provinciale Staten (30 juni 2021) en de algemeen besturen van de waterschappen vastgesteld.

Gedeputeerde Staten van Overijssel,
"""


def test_each_body_of_a_passive_agent_list_is_an_actor_with_its_own_date(nlp):
    x = run(nlp, LETTER)
    got = sorted((d.actor, d.date) for d in x.decisions if "Energie Strategie" in d.text)
    assert got == [("algemeen_bestuur", None), ("gemeenteraad", None), ("provinciale_staten", "2021-06-30")], decided(x)
    assert len({d.text for d in x.decisions if "Energie Strategie" in d.text}) == 1  # one sentence, three records


def test_a_council_and_its_college_that_agree_together_both_decide(nlp):
    x = run(nlp, "Persbericht gemeente Hengelo, 4 maart 2020\n\nDe gemeenteraad en het college van Hengelo hebben op "
                 "3 maart 2020 ingestemd met het plan voor het stadspark.\n")
    got = sorted((d.actor, d.date, d.status) for d in x.decisions)
    assert got == [("college_bw", "2020-03-03", "adopted"), ("gemeenteraad", "2020-03-03", "adopted")], decided(x)


def test_a_body_named_as_the_object_of_another_stays_no_actor(nlp):
    x = run(nlp, "Persbericht gemeente Hengelo, 4 maart 2020\n\nHet college heeft op 3 maart 2020 de gemeenteraad en "
                 "de rekenkamer geïnformeerd over het plan.\n")
    assert all(d.actor != "gemeenteraad" for d in x.decisions), decided(x)
    x = run(nlp, "Besluitenlijst van de gemeenteraad van 29 juni 2015\n\n1. Rekenkamerrapport\nDe raad besluit dat de "
                 "rapportage aan de raad en het college wordt uitgebracht.\n", "besluitenlijst")
    assert [d.actor for d in x.decisions] == ["gemeenteraad"], decided(x)
    x = run(nlp, "Toelichting\n\nHet uitwerkingsplan is op 3 maart 2020 door Burgemeester en de Wethouders van de "
                 "gemeente Uden vastgesteld.\n", "toelichting")
    assert "wethouder" not in [d.actor for d in x.decisions], decided(x)


MEMBERS = """DATUM 8 mei 2012 VERSLAG VAN BESPREKING Conceptnotulen van de 6de vergadering van de Algemene Vergadering \
van Waterschap Zuiderzeeland DEELNEMERS mevrouw M.L.C. Blom, de heer C. Bos, J. Nieuwenhuis (voorzitter), \
W.G. de Raad, J. Riemens en H. Zwaaf.

1. OPENING
De voorzitter opent de vergadering en heet de aanwezigen welkom.
"""


def test_a_member_named_de_raad_is_no_council_and_the_general_assembly_meets(nlp):
    x = run(nlp, MEMBERS, "zuiderzeeland-notulen-algemene-vergadering-2012-05-08")
    organs = {(e.text, e.canonical) for e in x.entities if e.label == "ORGAN"}
    assert ("Raad", "gemeenteraad") not in organs, organs
    assert x.document.meeting_body == "algemeen_bestuur", x.document


def test_the_european_institutions_are_bodies_of_no_dutch_government(nlp):
    x = run(nlp, "Besluitenlijst ministerraad 6 december 2024\n\nDe Raad van de Europese Unie en het Europees "
                 "Parlement hebben op 4 december 2024 ingestemd met de richtlijn. De Europese Commissie en de Eurogroep "
                 "zijn geïnformeerd.\n", "ministerraad")
    organs = {e.canonical for e in x.entities if e.label == "ORGAN"}
    assert {"raad_van_de_europese_unie", "europees_parlement", "europese_commissie", "eurogroep"} <= organs, organs
    eu = [d for d in x.decisions if d.actor in ("raad_van_de_europese_unie", "europees_parlement")]
    assert sorted(d.actor for d in eu) == ["europees_parlement", "raad_van_de_europese_unie"], decided(x)
    assert all(d.government is None and d.date == "2024-12-04" for d in eu), [(d.actor, d.government) for d in eu]


def test_motions_and_amendments_listed_one_per_line_are_each_a_decision(nlp):
    x = run(nlp, "Verslag van de vergadering van Provinciale Staten van Drenthe op 17 december 2003\n\nAgenda\n\n"
                 "- Amendement C (verworpen)\n- Amendement 4 (aangenomen)\n- Amendement over de kosten (aangenomen)\n",
            "drenthe-verslag")
    got = [(d.status, d.actor, d.date) for d in x.decisions]
    assert got == [("rejected", "provinciale_staten", "2003-12-17"), ("adopted", "provinciale_staten", "2003-12-17"),
                   ("adopted", "provinciale_staten", "2003-12-17")], decided(x)
