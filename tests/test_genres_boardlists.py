"""A board's decision list as municipal sites publish it (issue 15, after a blind annotation of college lists of
four more municipalities): a head that names no body, sub-numbered points under "Besluit:" ("1.1", "1.2"), a table
whose cells stand on lines of their own ("4.1" / title / "Zaaknummer ..." / what it resolves), and an item's own
title that holds another meeting's date. Read end to end by the whole pipeline, as in ``tests/test_genres.py``.
"""
from __future__ import annotations

from pipeline.extract import analyse
from pipeline.models import CleanText


def run(nlp, text: str, doc_id: str = "genre"):
    return analyse(doc_id, CleanText(text=text), nlp)


NO_BODY_LIST = """Besluitenlijst 23 april 2024

Voorzitter M. Out
Aanwezigen J. Broek, T. Dijk, M. Out en C. Staal

1 Vaststellen van de openbare besluitenlijst van de vergadering d.d. 16 april 2024
Besluit: Vastgesteld.

2 Vervolg Proeftuin Aardgasvrije Wijk Lariks (31009-2024)
De stad wil in 2050 een CO2 neutrale stad zijn.
Besluit:
1.1 De ontwikkeling van een collectief warmtesysteem te continueren.
1.2 Het gebied Lariks Beek en omgeving uit te breiden.
1.3 Dit voornemen ter besluitvorming voor te leggen aan de gemeenteraad op 13 juni 2024.

3 Beantwoording raadsvragen D66 vaccinatiegraad (34714-2024)
De raadsfractie van D66 heeft vragen gesteld over de vaccinatiegraad.
Besluit:
1.1 De antwoorden op de raadsvragen over de vaccinatiegraad versturen aan D66.
"""


def test_a_list_that_names_no_body_is_the_college_s_when_it_answers_and_addresses_the_council(nlp):
    # the items put a plan to the council and answer its members' questions: only the college decides that
    x = run(nlp, NO_BODY_LIST)
    assert x.document.meeting_body == "college_bw"
    dated = [(d.actor, d.date, d.status) for d in x.decisions if d.date]
    assert dated.count(("college_bw", "2024-04-23", "adopted")) == 5
    assert not any(d.actor == "gemeenteraad" and d.status == "adopted" for d in x.decisions)


def test_sub_numbered_points_under_besluit_are_one_decision_each(nlp):
    texts = [d.text for d in run(nlp, NO_BODY_LIST).decisions]
    assert any(t.startswith("1.1 De ontwikkeling van een collectief warmtesysteem") for t in texts)
    assert any(t.startswith("1.2 Het gebied Lariks Beek") for t in texts)
    assert any(t.startswith("1.1 De antwoorden op de raadsvragen") for t in texts)
    assert not any(t.startswith("Besluit:\n1.1") for t in texts)  # not the label with its points run together


CELL_LIST = """BenW besluitenlijst 28 maart 2023

Besluitenlijst

van de vergadering van burgemeester en wethouders op dinsdag 28 maart 2023.

Nr.

Onderwerp

Besluit

2

Besluitenlijst van de vergadering van dinsdag 21 maart 2023

Onveranderd vastgesteld.

4.1

Bestuurlijke afspraken college 2023-2026

Zaaknummer 19913-2023

Vast te stellen

1.    de portefeuilleverdeling

2.    de vervangingsregeling

4.2

Ledenraadpleging Cao Gemeenten 2023

Zaaknummer 18859-2023

1.    In te stemmen met Cao Gemeenten 2023

4.4

Eindevaluatie Maatwerkfonds Vaste lasten

Zaaknummer 18587-2023

Bijgaande brief vast te stellen en met de eindevaluatie aan de gemeenteraad te sturen.
"""


def test_a_table_s_cells_on_lines_of_their_own_give_each_item_what_it_resolves(nlp):
    x = run(nlp, CELL_LIST)
    by_text = {d.text.split("\n")[0]: d for d in x.decisions}
    intro = next(d for d in x.decisions if d.text.startswith("Vast te stellen"))
    assert "de portefeuilleverdeling" in intro.text and "de vervangingsregeling" in intro.text  # one decision, its list
    assert (intro.actor, intro.date, intro.status) == ("college_bw", "2023-03-28", "adopted")
    cao = next(d for t, d in by_text.items() if "In te stemmen met Cao Gemeenten" in t)
    assert (cao.actor, cao.date, cao.status) == ("college_bw", "2023-03-28", "adopted")
    letter = next(d for t, d in by_text.items() if t.startswith("Bijgaande brief vast te stellen"))
    assert (letter.actor, letter.date, letter.status) == ("college_bw", "2023-03-28", "adopted")
    assert not any(d.text.strip().startswith("Zaaknummer") for d in x.decisions)


def test_an_item_s_title_with_another_meeting_s_date_is_not_the_list_s_title(nlp):
    # "Besluitenlijst van de vergadering van dinsdag 21 maart 2023" is item 2 of the list of 28 maart
    assert run(nlp, CELL_LIST).document.title == "BenW besluitenlijst 28 maart 2023"


BULLET_LIST = """Collegebesluiten 4 november 2025
Besluitenlijst van de collegevergadering van dinsdag 4 november 2025
5. Nut en noodzaak tweede Zuiderzeehaven
- De raad met bijgevoegd raadsvoorstel te adviseren om in te stemmen met het voorgestelde vervolgproces.
6. Beter benutten van bestaande bedrijventerreinen
- Akkoord te gaan met de inhoud van bijgevoegde informatienota en deze door te sturen naar de gemeenteraad.
7. Slotwijziging 2025
De raad met bijgevoegd raadsvoorstel te adviseren om:
- Het positieve resultaat van de Slotwijziging toe te voegen aan de algemene reserve.
- De begrotingswijziging 18-2025 vast te stellen.
8. Ontwerpbesluit oprichting Gemeentelijk Energiebedrijf
- Het ontwerpbesluit vast te stellen voor de oprichting van een gemeentelijk energiebedrijf.
- De gemeenteraad met bijgevoegde opinienota in de gelegenheid te stellen wensen en bedenkingen kenbaar te maken.
"""


def test_bulleted_resolutions_under_a_numbered_item_are_one_decision_each(nlp):
    x = run(nlp, BULLET_LIST)
    found = [(d.text.lstrip("- ").split(" ")[0], d.actor, d.date, d.status) for d in x.decisions if d.date]
    assert ("Akkoord", "college_bw", "2025-11-04", "adopted") in found
    assert ("Het", "college_bw", "2025-11-04", "adopted") in found  # the energy company's draft decision
    assert sum(1 for d in x.decisions if d.text.startswith("- De gemeenteraad met bijgevoegde opinienota")) == 1


def test_a_board_s_advice_to_the_council_is_its_proposal(nlp):
    # "De raad ... te adviseren om ...": the college proposes; the council decides later
    x = run(nlp, BULLET_LIST)
    advice = [d for d in x.decisions if "te adviseren" in d.text]
    assert len(advice) == 2
    assert all((d.actor, d.date, d.status) == ("college_bw", "2025-11-04", "proposed") for d in advice)
    slot = next(d for d in advice if d.text.startswith("De raad met bijgevoegd raadsvoorstel te adviseren om:"))
    assert "begrotingswijziging 18-2025" in slot.text  # with the points it proposes



def test_a_mandate_given_in_a_clause_after_the_decision_leaves_the_board_deciding(nlp):
    # "... met dien verstande dat de wethouder is gemandateerd ...": the wethouder receives a mandate, the college decides
    text = ("Besluitenlijst van de vergadering van het college van burgemeester en wethouders van 16 december 2025\n\n"
            "3.1 Inkoop\nHet college besluit conform het voorstel met dien verstande dat de wethouder is gemandateerd "
            "voor het doorvoeren van tekstuele wijzigingen.\n")
    d = next(d for d in run(nlp, text).decisions if d.text.startswith("Het college besluit"))
    assert (d.actor, d.date, d.predicate) == ("college_bw", "2025-12-16", "besluiten")


SPEAKERS = """Raadsvergadering 17 december 2013

5. Spreekrecht

Besluit

De volgende drie personen maken van het spreekrecht gebruik:

1. mevrouw J. Hesen te Kessel-Eik, namens Cumela Limburg;
2. de heer M. Hagens te Baexem, namens de Actiegroep N280;
3. de heer M. Cuijpers te Baexem, op persoonlijke titel.

6. Bestemmingsplan Buitengebied

Besluit

De gemeenteraad besluit unaniem het bestemmingsplan vast te stellen.
"""


def test_a_list_under_its_own_sentence_is_not_the_label_s_decisions(nlp):
    # "Besluit" / "De volgende drie personen maken van het spreekrecht gebruik:" / "1. mevrouw J. Hesen ...": speakers
    x = run(nlp, SPEAKERS)
    assert not any("Hesen" in d.text or "Hagens" in d.text for d in x.decisions)
    assert any(d.actor == "gemeenteraad" and d.date == "2013-12-17" and "bestemmingsplan" in d.text for d in x.decisions)


OLD_MINUTES = """Gemeente Enkhuizen

RAADSNOTULEN

Enkhuizen, 2 oktober 2001.

Zakelijk verslag van het verhandelde in de openbare vergadering van de raad der gemeente Enkhuizen, gehouden op
dinsdag 2 oktober 2001 te 20.00 uur, in het stadhuis.

Aanwezig 16 leden, namelijk de heren H.F.P. Bode (pvda, wethouder), N.P. Dol (vl/gl, wethouder).

Agenda Voorstel
Opening.
Verslag van de vergadering gehouden op 4 september 2001.
"""


def test_raadsnotulen_are_minutes_of_the_council_s_meeting_on_their_day(nlp):
    doc = run(nlp, OLD_MINUTES).document
    assert (doc.doc_type, doc.meeting_body, doc.meeting_date) == ("verslag", "gemeenteraad", "2001-10-02")


PROMISES_PAGE = """Ga naar de inhoud van deze pagina Ga naar het zoeken Ga naar het menu
Vorige pagina

Stadsberaad Raadzaal

donderdag 15 september 2022

18:30 - 22:51
Toelichting

Tijdens de vergaderingen worden filmopnamen gemaakt.

Agendapunten

 1. 1

  Voorzitter: R. Spiekstra

  Toezeggingen:

  \u2022 Wethouder Slegers zegt toe dat er een raadsinformatiebrief komt over de werkzaamheden aan de Zaanbrug.
  \u2022 Burgemeester Hamming zegt toe terug te komen op de vraag van raadslid Pieterson.
"""


def test_a_meeting_page_under_any_name_with_its_day_and_hours_gives_its_promises(nlp):
    # a council information system's page: a meeting's name, its day, its hours; "Toezeggingen:" tells what it promised
    x = run(nlp, PROMISES_PAGE)
    promised = sorted((d.actor, d.date) for d in x.decisions if d.status == "promised")
    assert promised == [("burgemeester", "2022-09-15"), ("wethouder", "2022-09-15")]


COMMITTEE_PAGE = """Informatieve commissie

woensdag 15 juni 2022

19:30 - 22:04
Locatie

Raadszaal, Ambtmanstraat 13 Tiel

Agendapunten

 1. 1
  Opening en mededelingen - 19:30
 2. 3
  Vaststellen agenda - 19:32
 3. 4
  Bestemmingsplan Westelijke Ontsluiting - 19:40
"""


def test_a_committee_s_meeting_page_puts_its_items_to_that_meeting(nlp):
    x = run(nlp, COMMITTEE_PAGE)
    assert x.document.meeting_date == "2022-06-15"
    put = [d for d in x.decisions if d.status == "proposed" and "Westelijke Ontsluiting" in d.text]
    assert put and (put[0].actor_text, put[0].date) == ("Informatieve commissie", "2022-06-15")
    assert put[0].text == "Bestemmingsplan Westelijke Ontsluiting"  # not its hour ("- 19:40")


DAYS_INSIDE = """Besluitenlijst van de vergadering van het college van burgemeester en wethouders van 9 februari 2021

Beantwoording artikel 34-vragen

Het college heeft besloten de vragen van PGB over de uitzending van 9 december 2020 door middel van de bijgevoegde
brief te beantwoorden.

Gemeenschappelijke regeling GGD

Het college heeft vastgesteld met terugwerkende kracht 01-01-2021 de nieuwe gemeenschappelijke regeling GGD.
"""


def test_a_day_inside_what_the_board_decided_does_not_date_the_decision(nlp):
    x = run(nlp, DAYS_INSIDE)
    told = [(d.actor, d.date) for d in x.decisions if d.text.startswith("Het college heeft")]
    assert told == [("college_bw", "2021-02-09"), ("college_bw", "2021-02-09")]


NEWS_REPORT = """Raadsvergadering 26 november

Gepubliceerd op: 27 november 2019 10:05

Op 26 november was de raadsvergadering uit de novembercyclus. Lees het korte verslag hier.

Toelating en beëdiging raadslid PvdA

De raad stemt in met de toelating en beëdiging van Hennie Challik als raadslid voor de PvdA.

Werkgeversvereniging

De raad heeft besloten om zich bij de werkgeversvereniging aan te sluiten.
"""


def test_a_report_of_a_meeting_dates_its_decisions_by_the_meeting_not_the_publication(nlp):
    x = run(nlp, NEWS_REPORT)
    assert [(d.actor, d.date) for d in x.decisions if d.status == "adopted"] == [("gemeenteraad", "2019-11-26")] * 2


ANNOUNCED = """Besluitenlijst

De gemeenteraad van Het Hogeland heeft in de vergadering van 1 februari 2023 over de volgende punten een besluit genomen:

  \u2022 Bestemmingsplan Buitengebied Hornsterweg 1 Saaxumhuizen
  \u2022 Krediet energiebesparende maatregelen openluchtzwembaden
  \u2022 Motie: \u2018Definitief einde gaswinning Groningenveld\u2019
"""


def test_the_subjects_a_council_took_a_decision_on_are_its_decisions_of_that_meeting(nlp):
    x = run(nlp, ANNOUNCED)
    assert [(d.text.split(" ")[0], d.actor, d.date) for d in x.decisions] == [
        ("Bestemmingsplan", "gemeenteraad", "2023-02-01"), ("Krediet", "gemeenteraad", "2023-02-01"),
        ("Motie:", "gemeenteraad", "2023-02-01")]


def test_a_title_s_day_before_the_page_s_own_weekday_date_is_no_list_sharing_its_year(nlp):
    # "Besluiten van burgemeester en wethouders 22 december dinsdag 12 januari 2021": the meeting of 22 December 2020
    x = run(nlp, "Besluiten van burgemeester en wethouders 22 december dinsdag 12 januari 2021\n\nHet college vergadert.\n")
    assert [e.value for e in x.entities if e.label == "DATE"][:2] == ["2020-12-22", "2021-01-12"]


WEEKLY_NEWS = """Gemeentenieuws week 45

maandag 4 november 2019

Besluiten en plannen van het college van Burgemeester en Wethouders

In de vergadering van 22 oktober jl. is o.a. aan de orde geweest:

Visienotitie armoedebestrijding
Het college heeft een visienotitie armoedebestrijding vastgesteld. De gemeenteraad wordt gevraagd deze vast te stellen.

Subsidieovereenkomst ONS Welzijn 2020-2021
Het College heeft besloten een subsidieovereenkomst met ONS Welzijn aan te gaan voor de jaren 2020-2021.
"""


def test_a_news_page_s_board_decisions_are_dated_by_the_meeting_it_reports(nlp):
    # "In de vergadering van 22 oktober jl." under the heading that names the college: its meeting, not the page's day
    x = run(nlp, WEEKLY_NEWS)
    told = [(d.actor, d.date) for d in x.decisions if d.text.startswith("Het")]
    assert told == [("college_bw", "2019-10-22"), ("college_bw", "2019-10-22")]


CONTINUED = """Ga naar de inhoud van deze pagina

Raad

dinsdag 23 maart 2021

21:00 - 23:00

Locatie
Raadzaal
Voorzitter
A.J. Gerritsen
Toelichting

Vervolg geschorste vergadering 16 maart 2021

De voorzitter van de raad geeft aan hoe de continuering van de raadsvergadering plaatsvindt.

Agenda documenten

Agendapunten

 1. Over dit ordevoorstel is reeds een besluit genomen bij de Raadsvergadering van 16 maart 2021.

 2. Conform Reglement van Orde (artikel 20 lid 2) op voorstel van het presidium.
  De ingekomen stukken zijn reeds vastgesteld in de raadsvergadering van 16 maart 2021.

 3. Uitbreiding begraafplaats Bornerbroek
"""


def test_a_meeting_page_named_after_its_body_is_that_body_s_meeting_on_its_own_day(nlp):
    # the body's name over the page's day and hours, even where the items are not headed "Agendapunten"
    doc = run(nlp, CONTINUED.replace("Agendapunten\n\n", "")).document
    assert (doc.meeting_body, doc.meeting_date) == ("gemeenteraad", "2021-03-23")


def test_an_item_decided_at_the_first_session_of_a_suspended_meeting_is_adopted_that_day(nlp):
    x = run(nlp, CONTINUED)
    done = [(d.actor, d.date, d.status) for d in x.decisions if "reeds" in d.text]
    assert done == [("gemeenteraad", "2021-03-16", "adopted")] * 2


# A list of the letters a committee received, as the Tweede Kamer publishes them: each entry names its sender on a
# line of its own that ends in a comma, like a signature ("De staatssecretaris van Financiën,") would.
LETTERS_RECEIVED = """Overzicht ingekomen stukken

Wetgeving - staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties,
Bijleveld-Schouten A.Th.B. - 24 maart 2009
Nota van wijziging Kieswet (30569)

Brief regering - minister van Justitie,
Hirsch Ballin E.M.H. - 11 maart 2009
Griffierecht in huisvuilzaken
"""


def test_a_list_of_letters_is_not_signed_by_the_sender_of_an_entry(nlp):
    assert run(nlp, LETTERS_RECEIVED).document.issuer != "staatssecretaris"
