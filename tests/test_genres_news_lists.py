"""What a council meeting takes without debate, told by a news item or announced by an agenda, and the question a
news item's title asks (issue 15, session 19, after a blind annotation of municipal news items and agendas). Read end
to end by the whole pipeline, as in ``tests/test_genres.py``.
"""
from __future__ import annotations

from pipeline.extract import analyse
from pipeline.models import CleanText


def run(nlp, text: str, doc_id: str = "genre"):
    return analyse(doc_id, CleanText(text=text), nlp)


NEWS = """Wat heeft de gemeenteraad besloten op 8 november 2018?

Vorige week donderdag, 8 november 2018, vergaderde de gemeenteraad in het gemeentehuis. Hieronder leest u welke
besluiten de gemeenteraad in deze vergadering genomen heeft.

Hamerstukken

 • Wijziging Financiële verordening gemeente Rivierdal 2017;
 • Vaststelling bouwverordening gemeente Rivierdal;
 • Vaststelling toeristisch-recreatieve visie Rivierdal.

Nieuw burgercommissielid
"""

AGENDA = """Waar besluit de gemeenteraad op donderdag 14 december 2023 over?

Donderdag 14 december 2023 begint om 19.30 uur de openbare vergadering van de gemeenteraad van Rivierdal.

Zonder bespreking

De volgende onderwerpen worden zonder bespreking bij hamerslag afgedaan, de zogenoemde B-lijst van hamerslagpunten:

 • Gemeentelijke rekenkamer: vaststellen verordening; benoemen voorzitter en leden; vaststellen vergoeding voorzitter
   en leden; benoemen leden klankbordgroep samenwerkende rekenkamers.
 • Vaststellen nieuwe verordening ambtelijke bijstand en fractieondersteuning.
 • Vaststellen Samenwerkingsagenda Kop van de Veluwe 2024-2028.
 • Aanpassen grondbeleid (actief grondbeleid).
"""


def test_a_news_items_hamerstukken_are_the_councils_decisions_at_the_meeting(nlp):
    x = run(nlp, NEWS)
    taken = {d.object: d for d in x.decisions if d.status == "adopted"}
    assert any("bouwverordening" in (o or "") for o in taken), [(d.status, d.object) for d in x.decisions]
    assert len([o for o in taken if o and ("verordening" in o or "visie" in o)]) == 3
    assert all(d.actor == "gemeenteraad" and d.date == "2018-11-08" for d in taken.values())


def test_an_announced_list_taken_without_debate_is_proposed_to_the_meeting(nlp):
    x = run(nlp, AGENDA)
    proposed = [d for d in x.decisions if d.status == "proposed" and d.actor == "gemeenteraad"
                and d.date == "2023-12-14"]
    assert len(proposed) == 4, [(d.status, d.actor, d.date, d.object) for d in x.decisions]
    assert "grondbeleid" in proposed[-1].object
    # however long an item, and though it opens with a body's name, it is put to the council
    assert proposed[0].object.startswith("Gemeentelijke rekenkamer: vaststellen verordening")
    assert not [d for d in x.decisions if d.actor == "rekenkamer"]


def test_a_title_that_asks_what_was_decided_is_no_decision(nlp):
    for text in (NEWS, AGENDA):
        x = run(nlp, text)
        assert not [d for d in x.decisions if d.text.rstrip().endswith("?")]


LOOK_BACK = """Terugblik raadsvergadering 16 oktober 2025: Autoluw Sneek en De Rolpeal

De raadsleden spraken uitgebreid over de evaluatie van de proef autoluwe binnenstad.

De VVD kwam samen met de SP met een amendement om alle verkeersmaatregelen stop te zetten.

Dit amendement werd niet aangenomen met 11 stemmen voor en 23 stemmen tegen.
"""


def test_a_look_back_on_a_meeting_dates_what_it_rejected(nlp):
    x = run(nlp, LOOK_BACK)
    rejected = [d for d in x.decisions if d.status == "rejected"]
    assert [(d.actor, d.date, d.votes_for, d.votes_against) for d in rejected] == [("gemeenteraad", "2025-10-16", 11, 23)]


TRAFFIC = """Burgemeester en wethouders van de gemeente Rivierdal,
Wensen tijdelijke verkeersmaatregelen te treffen tijdens het Najaarsfestival op 13 september 2025.
Overwegende
dat op 13 september 2025 het evenement Najaarsfestival plaatsvindt op het Raadhuisplein te Rivierdal;
Gelet op:
- artikel 15, lid 1, Wegenverkeerswet 1994;
BESLUITEN:
Op zaterdag 13 september 2025, van 07.00 uur tot 23.45 uur, wordt het Raadhuisplein afgesloten voor alle verkeer.
Mededelingen
Bezwaar- of beroepsclausule
Bent u het niet eens met het besluit? Neem dan eerst telefonisch contact op met de persoon die in het besluit staat.
"""


def test_a_resolution_opened_by_its_body_and_a_comma_is_that_bodys(nlp):
    x = run(nlp, TRAFFIC)
    adopted = [d for d in x.decisions if d.status == "adopted"]
    assert adopted and all(d.actor == "college_bw" for d in adopted), [(d.status, d.actor, d.text[:40]) for d in x.decisions]


def test_the_notices_remedy_asked_as_a_question_is_no_proposal(nlp):
    x = run(nlp, TRAFFIC)
    assert not [d for d in x.decisions if "niet eens" in d.text]


BUDGET_PAGE = """Begroting 2025

De conceptbegroting 2025 is op 3 april 2024 aangeboden aan de gemeenteraden met het verzoek om hun zienswijze kenbaar
te maken, na vaststelling door het Dagelijks Bestuur in haar vergadering van 3 april 2024.
"""
MINUTES_ITEM = """Agenda raadsvergadering 6 juli 2021

1. Opening
2. Vaststelling besluitenlijst van de raadsvergadering van 8 juni 2021
"""


def test_an_adoption_by_a_body_named_as_a_noun_is_its_earlier_decision(nlp):
    x = run(nlp, BUDGET_PAGE)
    cited = [(d.status, d.actor, d.date) for d in x.decisions if d.cited]
    assert ("adopted", "dagelijks_bestuur", "2024-04-03") in cited


def test_adopting_a_meetings_list_is_no_decision_of_that_meeting(nlp):
    x = run(nlp, MINUTES_ITEM)
    assert not [d for d in x.decisions if d.cited and d.date == "2021-06-08"]


MEETING_PAGE = """link naar deze pagina

Raadsvergadering - 24 mei 2016

Locatie: Raadzaal
Aanvang: 19:30
Eindtijd: 22:30
Voorzitter: dhr. M.P. Dadema

1
Opening
2
Vaststelling agenda
3
Interpellaties
4
Vaststellen raadsvoorstel vestiging asielzoekerscentrum in Rivierdal (bespreekstuk)
"""

DECIDING_MEETING = """Besluitvormende raadsvergadering

donderdag 11 juli 2024

19:30 - 23:00
Locatie

Raadszaal, gemeentehuis Rivierdal

Voorzitter
G.J. van den Hengel

Agendapunten

 1. 1

  00:03:52 - 00:04:34 - Gerard vd Hengel (voorzitter)
 2. 2

  Besluit

  1. de besluitenlijst van 16 mei 2024 ongewijzigd vast te stellen;
  2. de jaarstukken 2023 vast te stellen.
"""


def test_a_meeting_page_with_the_day_on_the_bodys_line_and_numbers_alone_is_an_agenda(nlp):
    x = run(nlp, MEETING_PAGE)
    proposed = [(d.actor, d.date, d.object) for d in x.decisions if d.status == "proposed"]
    assert ("gemeenteraad", "2016-05-24") in [p[:2] for p in proposed], proposed
    assert any("asielzoekerscentrum" in (p[2] or "") for p in proposed)
    assert not [p for p in proposed if "Interpellaties" in (p[2] or "")]  # procedural, like "Rondvraag"


def test_a_deciding_meeting_of_the_council_is_the_councils(nlp):
    x = run(nlp, DECIDING_MEETING)
    adopted = [d for d in x.decisions if d.status == "adopted"]
    assert adopted and all(d.actor == "gemeenteraad" and d.date == "2024-07-11" for d in adopted), \
        [(d.status, d.actor, d.date, d.text[:40]) for d in x.decisions]


EXTENSION = """Verlengde werking verkeersbesluit tijdelijke maatregelen Hilleshagerweg

Burgemeester en Wethouders van Rivierdal

Motivering:

Op 26 mei 2020 heeft het College een verkeersbesluit genomen inzake tijdelijke maatregelen op de Hilleshagerweg.
"""


def test_a_kind_of_decision_taken_is_a_decision(nlp):
    x = run(nlp, EXTENSION)
    assert ("adopted", "college_bw", "2020-05-26") in [(d.status, d.actor, d.date) for d in x.decisions]


EMPTY_HEAD = """Raadsbesluit

Onderwerp: Dagtekening: Agendanummer:
Samenwerkingsakkoord Metropoolregio Rivierdal 2019-2022

De raad van de gemeente Rivierdal;

gelezen het voorstel van het college van burgemeester en wethouders van 15 januari 2019;

besluit:

1. In te stemmen met de voorgestelde zienswijze.

Aldus besloten in de openbare vergadering van de raad van 26 februari 2019.
"""


def test_a_row_of_empty_fields_is_no_subject_and_no_title(nlp):
    x = run(nlp, EMPTY_HEAD)
    assert not [d for d in x.decisions if "Dagtekening" in d.text], [(d.status, d.text[:40]) for d in x.decisions]
    from pipeline.nlp import metadata
    assert "Dagtekening" not in metadata.title(EMPTY_HEAD, "x")


OUTCOMES = """Uitkomsten raadsvergadering 10 juni 2021
14 juni 2021
Tijdens de afgelopen vergadering heeft de gemeenteraad unaniem ingestemd met de voorliggende hamerstukken.
- Instandhoudingsinvestering voetbal en scholen Brakel (20 stemmen voor)
- Regionale Energiestrategie Rivierenland (20 stemmen voor)
De volgende moties en amendementen zijn in de raad behandeld:
- Motie van treurnis over MFA (verworpen, 4 stemmen voor)
- Motie zonnepanelen op daken (aangenomen, 20 stemmen voor)
Meer informatie?
Alle stukken van de gemeenteraad incl. genomen besluiten op 10 juni zijn terug te vinden op het raadsinformatiesysteem.
"""


def test_the_outcomes_of_a_meeting_are_its_decisions_that_day(nlp):
    x = run(nlp, OUTCOMES)
    got = [(d.status, d.actor, d.date) for d in x.decisions if "Motie" in d.text or "Rivierenland" in d.text]
    assert ("rejected", "gemeenteraad", "2021-06-10") in got and ("adopted", "gemeenteraad", "2021-06-10") in got, got
    assert any("Regionale Energiestrategie" in (d.object or "") and d.status == "adopted" for d in x.decisions)
    assert not [d for d in x.decisions if "terug te vinden" in d.text]  # where to read them decides nothing


COLLEGE_PAGE = """Bestuur Besluitenlijst van B&W van 8 februari 2024

Maatregelen verkeersknelpunt Lichttorenhoofd

In het Lichttorenhoofd kan het 's avonds druk zijn met verkeer. De enige oplossing is een tunnel. We kiezen er daarom
voor om verder te gaan met de onderzoeken naar de aanleg van een tunnel. We leggen de gemeenteraad hiervoor nog een
voorstel voor.
"""


def test_a_college_list_under_a_sites_section_word_is_the_colleges(nlp):
    x = run(nlp, COLLEGE_PAGE)
    ours = [(d.status, d.actor, d.date) for d in x.decisions if d.text.startswith("We ")]
    assert ours and all(a == "college_bw" and day == "2024-02-08" for _, a, day in ours), ours


COLLEGE_LIST = """Collegebesluitenlijst 26 maart 2019

Aanwezig:
mevrouw R. Kruisinga, burgemeester
de heer P.A.M. Calis, wethouder

Onderwerp: Overheveling budgetten 2018 naar 2019 gemeente Laren
Korte inhoud: Het college vraagt de raad om deze niet uitgegeven middelen in 2018 over te hevelen naar 2019.
Besluit - Het college besluit:

 1. akkoord te gaan met de genoemde overhevelingsverzoeken van de budgetten 2018 naar 2019;
 2. het overhevelingsverzoek nummer 8 te dekken via de bestemmingsreserve Exploitatie WSI;
"""


def test_a_college_list_titled_by_its_one_word_is_the_colleges_meeting(nlp):
    x = run(nlp, COLLEGE_LIST)
    points = [(d.actor, d.date) for d in x.decisions if d.text.lstrip().startswith(("1.", "2."))]
    assert points and all(p == ("college_bw", "2019-03-26") for p in points), points
