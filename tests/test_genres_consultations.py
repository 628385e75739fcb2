"""Reports of consultations, committee decision lists and Kamer reports read as whole documents (issue 15, after a
blind annotation of full real documents: committee lists, a provincial consultation's report, Kamer papers). Read end
to end by the whole pipeline, as in ``tests/test_genres.py``.
"""
from __future__ import annotations

from pipeline.extract import analyse
from pipeline.models import CleanText


def run(nlp, text: str, doc_id: str = "genre"):
    return analyse(doc_id, CleanText(text=text), nlp)


COMMITTEE_LIST = """BESLUITENLIJST OPENBARE COMMISSIEVERGADERING

Raadscommissie voor Ruimte, wonen en natuur

Datum 20 mei 2014
Aanwezig

01. Opening en mededelingen

De voorzitter opent de vergadering en heet de aanwezigen welkom.

03. Vaststelling van de besluitenlijst van de vergadering van 24 april 2014

De commissie stelt de besluitenlijst ongewijzigd vast.

04. Rondvraag

Er zijn geen rondvragen.
"""


def test_a_committee_named_with_voor_keeps_its_name_and_its_decisions_carry_it(nlp):
    x = run(nlp, COMMITTEE_LIST)
    assert "Raadscommissie voor Ruimte, wonen en natuur" in [e.text for e in x.entities if e.label == "ORGAN"]
    adopted = [d for d in x.decisions if d.status == "adopted" and d.date == "2014-05-20"]
    assert adopted and all(d.actor == "raadscommissie" for d in adopted)
    # the body by its name, not by the meeting word of the title ("COMMISSIEVERGADERING")
    assert all(d.actor_text == "Raadscommissie voor Ruimte, wonen en natuur" for d in adopted)


CONSULTATION = """Verslag bestuurlijk overleg ZSDZ

Woensdag 20 maart 2024 09:00 – 10:30 uur

1. Opening

De voorzitter opent de vergadering.

2. Verslagen – ter vaststelling

De verslagen worden na accordering openbaar gemaakt. De verslagen worden nog niet vastgesteld.

3. Programmeringsafspraken

Voor het gebied stelt de provincie voor om uit te gaan van 400 GWh in 2030 (som 4 gemeenten).

4. Sluiting
"""


def test_minutes_date_a_proposal_made_at_the_meeting_by_the_meeting_not_by_the_year_it_aims_at(nlp):
    x = run(nlp, CONSULTATION)
    proposed = [d for d in x.decisions if d.status == "proposed"]
    assert [(d.actor, d.date) for d in proposed] == [("gedeputeerde_staten", "2024-03-20")]
    # "stelt ... voor om uit te gaan van ... in 2030": proposing, not "instellen" with "in" of "in 2030"
    assert proposed[0].predicate == "voorstellen"
    assert not any(d.date == "2030" for d in x.decisions)


def test_minutes_that_do_not_yet_adopt_an_item_postpone_it(nlp):
    x = run(nlp, CONSULTATION)
    assert [(d.status, d.date) for d in x.decisions if "nog niet vastgesteld" in d.text] == [("postponed", "2024-03-20")]


AGENDA = """Agenda gemeenteraad

Vergadering van de gemeenteraad op maandag 12 oktober 2015, 19.30 uur

1. Opening

2. Krediet sporthal
Het college stelt de raad voor een krediet van € 4,7 mln beschikbaar te stellen.
"""


def test_an_agenda_s_explanation_of_what_the_college_proposes_is_not_dated_by_the_meeting(nlp):
    # (the agenda item itself is proposed to the council on the meeting's day; the college's proposal has no day)
    x = run(nlp, AGENDA)
    college = [d for d in x.decisions if d.actor == "college_bw" and d.status == "proposed"]
    assert college and all(d.date is None for d in college)


KAMER_REPORT = """Tweede Kamer der Staten-Generaal

Vergaderjaar 2024–2025

VERSLAG VAN EEN SCHRIFTELIJK OVERLEG

Vastgesteld 30 september 2024

De vaste commissie voor Onderwijs, Cultuur en Wetenschap heeft een aantal vragen en opmerkingen voorgelegd aan de
minister van Onderwijs, Cultuur en Wetenschap over de brief van 3 juli 2024. De minister heeft deze vragen beantwoord.
De Tweede Kamer en de minister spreken in oktober verder.
"""


def test_a_committee_in_a_kamer_paper_is_the_kamer_s_not_a_council_s(nlp):
    x = run(nlp, KAMER_REPORT)
    named = [e for e in x.entities if e.label == "ORGAN" and e.text.startswith(("commissie voor Onderwijs",
                                                                              "vaste commissie voor Onderwijs"))]
    assert named and all(e.canonical == "kamercommissie" for e in named)


STATENVOORSTEL = """Statenvoorstel

Datum 16 juli 2024
Onderwerp: Vaststelling instructieregel windenergie

Aan Provinciale Staten

We stellen u voor een uitzondering op de clustereis te maken voor bedrijventerreinen.

Om te kunnen sturen waar windturbines komen, adviseren wij u om in de instructieregel een maximum van 2,3 TWh aan
windenergie op te nemen.

Gedeputeerde Staten van Overijssel
"""


def test_what_the_writers_of_a_proposal_propose_in_it_is_proposed_on_its_date(nlp):
    x = run(nlp, STATENVOORSTEL)
    writers = [(d.actor, d.date) for d in x.decisions if d.actor == "gedeputeerde_staten"]
    # "te kunnen" in the purpose clause is no modal over "adviseren wij u"
    assert writers == [("gedeputeerde_staten", "2024-07-16")] * 2


CONSULTATION_NAMED = """Verslag bestuurlijk overleg programmeringsafspraken Hellendoorn

Woensdag 10 juli 2024 10.00 – 11.00 uur

1. Verzoek van Hellendoorn

De raad heeft het college verzocht aanvullingen op de afspraken op te nemen.

2. Conclusie

Het verslag wordt ongewijzigd vastgesteld.
"""


def test_the_body_whose_meeting_the_head_records_is_a_body_mention_by_its_whole_name(nlp):
    x = run(nlp, CONSULTATION_NAMED)
    assert x.document.meeting_body == "bestuurlijk_overleg"
    organs = [(e.text, e.canonical) for e in x.entities if e.label == "ORGAN"]
    assert ("bestuurlijk overleg programmeringsafspraken Hellendoorn", "bestuurlijk_overleg") in organs


CABINET_LIST = """MINISTERRAAD

Besluitenlijst van de vergadering van vrijdag 6 december 2024

4. Ontwerpbesluiten

b. Besluit verlenging werkingsduur van de gedragsregels voor de overheid in de Mededingingswet (Verlenging Wet
markt en overheid 1 juli 2025 – 1 juli 2027) (Minister van EZ)

Het besluit verlengt de geldingsduur van de gedragsregels met twee jaar. Voor een inhoudelijke wijziging ligt er een
wetsvoorstel bij de Tweede Kamer sinds december 2021, maar deze is nog niet behandeld.

Aangenomen.

5. Benoemingen

a. Voortzetting voorzitterschap bij het Nationaal Klimaat Platform (Minister van KGG)

De raad stemt in met de voortzetting van het voorzitterschap van drs. C.C.M. Vendrik tot 3 november 2026.
"""


def test_a_term_in_an_item_or_in_what_the_meeting_decided_does_not_date_the_decision(nlp):
    x = run(nlp, CABINET_LIST)
    assert not any(d.status == "planned" for d in x.decisions)
    assert not any(d.status == "postponed" for d in x.decisions)  # "deze is nog niet behandeld" tells of a bill
    chair = [d for d in x.decisions if "voortzetting van het voorzitterschap" in d.text]
    assert [(d.actor, d.date, d.status) for d in chair] == [("ministerraad", "2024-12-06", "adopted")]
    assert any(d.actor == "ministerraad" and d.date == "2024-12-06" and d.status == "adopted"
               and "werkingsduur" in d.text for d in x.decisions)


PROVINCE_MAIL = """Van: team Nieuwe Energie
Verzonden: woensdag 24 juli 2024 15:47
Onderwerp: Windbeleid

Geachte wethouders duurzaamheid,

Gedeputeerde Staten hebben in de vergadering van 17 juli 2024 het definitieve windbeleid vastgesteld.

Inwerkingtreding van het windbeleid
De inwerkingtreding hebben wij gepland op 16 oktober 2024.
We hebben gepland de eerste gebieden open te stellen per 16 oktober 2024.

Met vriendelijke groet,

team Nieuwe Energie | Provincie Overijssel | Postbus 10078 | 8000 GB Zwolle
"""


def test_what_a_province_s_mail_says_it_has_planned_is_planned_by_its_executive_on_that_day(nlp):
    x = run(nlp, PROVINCE_MAIL)
    planned = [(d.actor, d.date, d.status) for d in x.decisions if "gepland" in d.text and "wij" in d.text.lower()
               or d.text.startswith("We hebben gepland")]
    assert planned == [("gedeputeerde_staten", "2024-10-16", "planned")] * 2


def test_a_plan_inside_what_a_body_decides_is_the_decision(nlp):
    x = run(nlp, "Besluitenlijst algemeen bestuur 2 februari 2021\n\n1. Begroting\nVervolgens besluit het AB dat "
                 "hiervoor een extra vergadering van het algemeen bestuur wordt gepland.\n")
    assert [(d.actor, d.date, d.status) for d in x.decisions] == [("algemeen_bestuur", "2021-02-02", "adopted")]


COUNCIL_NEWS = """Gemeente Brunssum

Uit de gemeenteraad

De gemeenteraad kwam voor een vergadering bij elkaar op woensdag 7 juli 1999. Tijdens deze bijeenkomst zijn de
volgende besluiten genomen.

Nota Integrale Openbare Orde en Veiligheid
De raad is akkoord gegaan met de nota Integrale Openbare Orde en Veiligheid.
"""


def test_a_news_item_on_a_meeting_the_council_held_dates_what_it_agreed_to(nlp):
    x = run(nlp, COUNCIL_NEWS)
    assert [(d.actor, d.date, d.status) for d in x.decisions] == [("gemeenteraad", "1999-07-07", "adopted")]


MOTIONS_NEWS = """23.3.2023

Een korte en krachtige raadsvergadering

De raadsvergadering van dinsdag 21 maart kende geen uitgebreide agenda.

Motie N9
De VVD diende een motie in om in overleg te treden met de provincie over de oversteekplaatsen. Deze moeten veiliger,
volgens de gehele raad. De motie werd unaniem aangenomen.

Wegwerpbekers
De motie van GroenLinks om alle vergunninghouders van een evenementen- of buitentapvergunning te verplichten met
statiegeldbekers te werken met ingang van 1 juli 2023 is ingetrokken.
"""


def test_a_news_item_s_motions_are_the_council_s_on_the_day_of_the_meeting_it_reports(nlp):
    x = run(nlp, MOTIONS_NEWS)
    # an outcome with no decision before it to take its vote is a record of its own; a withdrawn motion is withdrawn,
    # and the day inside what it asked ("met ingang van 1 juli 2023") is not the day it was withdrawn
    assert [(d.actor, d.date, d.status) for d in x.decisions] == [
        ("gemeenteraad", "2023-03-21", "adopted"), ("gemeenteraad", "2023-03-21", "withdrawn")]


REVIEW_NEWS = """Terugblik op de raadsvergadering van 19 december 2016

De gemeenteraad vergaderde op 19 december 2016. De raad heeft een besluit genomen over de uitwerking van de
tegenprestatie uit de Participatiewet. Zo is besloten om ook nascheiden als optie te onderzoeken en is het college
verzocht om met maatwerkoplossingen te komen voor de inzameling van luiers.
"""


def test_a_news_item_s_decisions_taken_and_the_subject_of_a_next_clause_is_not_the_decider(nlp):
    x = run(nlp, REVIEW_NEWS)
    # "heeft een besluit genomen over" is a decision; "en is het college verzocht" is another clause's subject
    assert [(d.actor, d.date, d.status) for d in x.decisions] == [("gemeenteraad", "2016-12-19", "adopted")] * 2


def test_a_council_that_votes_for_a_proposal_adopts_it(nlp):
    x = run(nlp, "Raad neemt vier besluiten\n\nIn de raadsvergadering van 4 oktober 2018 zijn besluiten genomen.\n\n"
                 "Vervolgens stemt de raad unaniem voor de nieuwe APV 2018, die de versie uit 2016 vervangt. "
                 "Het voorstel kreeg 18 stemmen voor de nieuwe regels en 10 tegen.\n")
    assert [(d.actor, d.date, d.status) for d in x.decisions if "APV" in d.text] == [
        ("gemeenteraad", "2018-10-04", "adopted")]


def test_a_committee_s_name_takes_a_list_of_its_subjects_but_not_its_chair_s_name(nlp):
    x = run(nlp, "De voorzitter van de vaste commissie voor Binnenlandse Zaken, Bergman, stuurde de brief. De Commissie "
                 "Bouwen, Wonen, Buitenruimte en de commissie Bestuur, Middelen en Economie vergaderden.\n")
    names = [e.text for e in x.entities if e.label == "ORGAN" and "ommissie" in e.text]
    assert "vaste commissie voor Binnenlandse Zaken" in names  # (a standing committee's name keeps "vaste")
    assert "Commissie Bouwen, Wonen, Buitenruimte" in names and "commissie Bestuur, Middelen en Economie" in names


def test_a_motion_put_off_at_the_meeting_is_postponed_and_an_arrest_is_no_decision(nlp):
    x = run(nlp, "Verslag raadsvergadering 4 oktober 2018\n\nDe discussie gaat over de motie over de terrassen. "
                 "Uiteindelijk wordt de motie aangehouden op advies van de portefeuillehouder. "
                 "Na afloop werd een demonstrant aangehouden door de politie.\n")
    assert [(d.actor, d.date, d.status) for d in x.decisions] == [("gemeenteraad", "2018-10-04", "postponed")]


def test_minutes_do_not_date_another_body_s_earlier_decision_by_the_meeting(nlp):
    x = run(nlp, CONSULTATION_NAMED + "\n3. Maximum\n\nWel heeft GS besloten om vast te houden aan het maximum aantal "
                                      "GWh per gemeente.\n")
    gs = [(d.actor, d.date) for d in x.decisions if d.text.startswith("Wel heeft GS besloten")]
    assert gs == [("gedeputeerde_staten", None)]  # told in the minutes, taken before the meeting


def test_what_a_province_will_open_up_on_a_day_is_planned_then(nlp):
    x = run(nlp, "Datum 21 mei 2024\n\nGeachte Statenleden,\n\nDe eerste gebieden stellen we per 15 oktober 2024 open, "
                 "voor een periode van minimaal drie maanden.\n\nGedeputeerde Staten van Overijssel,\n")
    assert [(d.actor, d.date, d.status) for d in x.decisions] == [("gedeputeerde_staten", "2024-10-15", "planned")]
