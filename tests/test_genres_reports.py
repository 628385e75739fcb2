"""News items on a meeting, letters signed by their board alone, run-on minutes and meeting pages (issue 15, after a
blind annotation of decision lists, letters and notices of nineteen more governments): what a report says the body
"besloot" takes the day the report says it met; bullets under "besloot de raad unaniem om:" are one decision each; a
letter that ends with "Gedeputeerde Staten van Overijssel" is theirs; "In december 2023 hebben we u geïnformeerd" is
dated that month; "gehouden op dinsdag 17 december 2002" dates a meeting whose title runs on; a meeting's record is
dated by its meeting; "Provinciale Staten wordt gevraagd:" puts what follows to the meeting. Read end to end by the
whole pipeline, as in ``tests/test_genres.py``.
"""
from __future__ import annotations

from tests.test_genres_college import dated, run

NEWS = """Uit de raad

Publicatie: 25 april 2023

Afgelopen donderdagavond 20 april 2023 vergaderde de gemeenteraad. Eerst werd gedebatteerd over het bestemmingsplan
Pieter de Hooghstraat.

De raad besloot ook om voor dit bestemmingsplan geen exploitatieplan vast te stellen.

Tot slot besloot de raad unaniem om:
-             de eerste wijziging Verordening tarieven sportaccommodaties 2023 vast te stellen.
-             geen zienswijze in te dienen op de eerste wijziging Gemeenschappelijke Regeling SVHW 2023 en
-             de toleranties en verantwoordingsgrenzen 2023 voor de rechtmatigheidsverantwoording 2023 vast te stellen.

Terug naar nieuwsoverzicht
"""


def test_a_news_item_on_a_meeting_dates_what_the_body_decided_there_one_decision_a_bullet(nlp):
    ex = run(nlp, NEWS)
    taken = [d for d in ex.decisions if (d.actor, d.date, d.status) == ("gemeenteraad", "2023-04-20", "adopted")]
    assert len(taken) == 4  # the exploitatieplan and the three bullets, not the publication's day
    assert [d.text.split()[0] for d in taken[1:]] == ["de", "geen", "de"]
    assert any("toleranties" in d.text for d in taken)


TWO_MEETINGS = NEWS.replace("Eerst werd", "Op 13 april 2023 vergaderde de gemeenteraad ook. Eerst werd")


def test_a_report_of_two_meetings_dates_no_undated_decision_by_guessing(nlp):
    ex = run(nlp, TWO_MEETINGS)
    assert not any(d.date == "2023-04-20" and "exploitatieplan" in d.text for d in ex.decisions)


LETTER = """Provincie Overijssel

Aan Provinciale Staten van Overijssel

Zwolle, 21 mei 2024

Onderwerp: Definitief windbeleid

Geachte Statenleden,

In december 2023 hebben we u geïnformeerd (kenmerk D2023-12-002880) over ons voornemen om programmeringsafspraken te
maken.
In maart 2024 hebben wij besloten het windbeleid vast te stellen.

Gedeputeerde Staten van Overijssel
"""


def test_a_letter_signed_by_its_board_alone_is_the_boards_and_tells_what_it_did_that_month(nlp):
    ex = run(nlp, LETTER)
    assert ("gedeputeerde_staten", "2024-03", "adopted") in dated(ex)
    assert ("gedeputeerde_staten", "2023-12", "realized") in dated(ex)  # the month it informed, not the letter's day


MINUTES = """NOTULEN GEMEENTERAAD NOORDWIJK dd Notulen van de openbare vergadering van de raad der gemeente Noordwijk, gehouden op dinsdag 17 december 2002, aanvang 20.00h, en voortgezet op donderdag 19 december 2002, aanvang 18.00h Aanwezig: Voorzitter: de heer J.W. van der Sluijs

De raad besluit unaniem het voorstel tot benoeming van een lid van de Programmaraad aan te nemen.
"""


def test_run_on_minutes_are_dated_by_the_day_their_meeting_was_held(nlp):
    ex = run(nlp, MINUTES)
    assert (ex.document.meeting_body, ex.document.meeting_date, ex.document.date) == (
        "gemeenteraad", "2002-12-17", "2002-12-17")
    assert ("gemeenteraad", "2002-12-17", "adopted") in dated(ex)


MEETING_PAGE = """(PS) Provinciale Staten

Statenvergadering

vrijdag 4 oktober 2019 10:00 - 18:00

Agendapunten

 • 6.1.1

  Voorgesteld besluit
  Provinciale Staten wordt gevraagd:
  de geheimhouding op de documenten van de besloten Statenvergadering van 14 december 2018 met toepassing van artikel 25, derde lid, van de Provinciewet op te heffen.

  Besluit
  Provinciale Staten besluiten: de geheimhouding op de documenten van de besloten Statenvergadering van 14 december 2018 met toepassing van artikel 25, derde lid, van de Provinciewet op te heffen.

In de besluitenlijst van Provinciale Staten staat vermeld wat Provinciale Staten tijdens een vergadering hebben besloten.
"""


def test_a_meeting_page_puts_what_the_states_are_asked_and_records_what_they_decided(nlp):
    ex = run(nlp, MEETING_PAGE)
    assert ex.document.date == "2019-10-04"
    assert sorted(dated(ex)) == [("provinciale_staten", "2019-10-04", "adopted"),
                                 ("provinciale_staten", "2019-10-04", "proposed")]
    assert not any(d.text.strip() == "Voorgesteld besluit" for d in ex.decisions)
    assert not any("staat vermeld" in d.text for d in ex.decisions)  # what such lists are for, no decision


JOINT_NOTICE = """Gemeenschappelijke regeling DUO+

De colleges van burgemeester en wethouders van de gemeenten Diemen, Ouder-Amstel en Uithoorn maken bekend dat zij op 8 januari 2015 met toestemming van de gemeenteraden hebben besloten de gemeenschappelijke regeling DUO+ te treffen.

GEMEENSCHAPPELIJKE REGELING OPENBAAR LICHAAM DUO+

Gelezen de kaderbesluiten deelname Samenwerkingsorganisatie van de gemeenteraden van Diemen d.d. 23 januari 2014, Uithoorn d.d. 30 januari 2014 en Ouder Amstel d.d. 13 februari 2014;
"""


def test_a_joint_notice_is_the_colleges_decision_and_cites_each_councils_own_decision(nlp):
    ex = run(nlp, JOINT_NOTICE)
    assert ("college_bw", "2015-01-08", "adopted") in dated(ex)  # "zij": the colleges, not the councils that consented
    cited = sorted(d.date for d in ex.decisions if d.cited and d.actor == "gemeenteraad")
    assert cited == ["2014-01-23", "2014-01-30", "2014-02-13"]


STATES_REPORT = """Verslag Provinciale Staten vergadering van 8 november 2023

Dit zijn de amendementen:

- De fractie 50PLUS heeft een amendement ingediend over 'Museale voorzieningen binnen het FvA'. Dit amendement heeft geen meerderheid behaald en is daarmee verworpen.
- De fractie 50PLUS heeft een amendement ingediend over 'Schrappen verhoging opcenten MRB 2024'. Dit amendement heeft geen meerderheid behaald en is daarmee verworpen.
- De fractie BBB heeft een amendement ingediend over 'Technische aanpassing Uitvoeringsreserve'. Dit amendement is met algemene stemmen aangenomen.
"""


def test_a_report_keeps_each_amendments_outcome_with_the_amendment_it_names(nlp):
    ex = run(nlp, STATES_REPORT)
    got = sorted((d.object, d.status) for d in ex.decisions
                 if (d.actor, d.date) == ("provinciale_staten", "2023-11-08"))
    assert got == [("Museale voorzieningen binnen het FvA", "rejected"), ("Schrappen verhoging opcenten MRB 2024", "rejected"),
                   ("Technische aanpassing Uitvoeringsreserve", "adopted")]


GS_NEWS_LIST = """GS-besluitenlijst 18 augustus 2020


Beantwoording schriftelijke vragen over branden in Wijster

Gedeputeerde Staten hebben schriftelijke vragen beantwoord over branden in de afgelopen drie jaar bij bedrijven te Wijster. De antwoorden zijn te lezen op www.drentsparlement.nl

Vaststellen Cultuurnota 2021-2024 'Cultuur om te delen'

De ontwerp-Cultuurnota 2021-2024 'Cultuur om te delen' is door Gedeputeerde Staten vastgesteld. Voor meer informatie: Cultuur om te delen

Wob-verzoek Werkgroep Geelbroek

Gedeputeerde Staten hebben naar aanleiding van een Wob-verzoek besloten documenten inzake de indiener openbaar te maken.
"""


def test_a_list_of_headed_paragraphs_keeps_each_paragraphs_own_decision(nlp):
    ex = run(nlp, GS_NEWS_LIST)
    texts = [d.text for d in ex.decisions if (d.actor, d.date, d.status) == ("gedeputeerde_staten", "2020-08-18", "adopted")]
    assert any(t.startswith("De ontwerp-Cultuurnota") for t in texts)
    assert any("Wob-verzoek besloten" in t for t in texts)
    assert not any(t.startswith("GS-besluitenlijst") for t in texts)  # not the list's head run down to one sentence


NEWS_PLAN = """Hoorzitting gemeenteraad woningbouwlocaties

Gepubliceerd: 2 oktober 2019

De gemeenteraad houdt donderdag 10 oktober aanstaande een hoorzitting over nieuwe woningbouwlocaties.

Daaropvolgend neemt de raad een besluit op 31 oktober 2019.
"""


def test_a_day_this_month_aanstaande_stays_in_the_month_and_taking_a_decision_on_a_day_is_planned(nlp):
    ex = run(nlp, NEWS_PLAN)
    assert "2019-10-10" in [e.value for e in ex.entities if e.label == "DATE"]  # not October 2020
    assert ("gemeenteraad", "2019-10-31", "planned") in dated(ex)


MOTION_PAGE_FIELDS = """Vorige pagina
Moties
MO01 motie vreemd VVD PvdA - trammalant om de dakrand
- Agendapunt
-
Raadsplein: Agenda en raadsstukken 2025
donderdag 4 december 17:00 tot 22:30
Raadzaal - Datum
- 04-12-2025
- Titel
- MO01 motie vreemd VVD PvdA - trammalant om de dakrand
- Status
- {status}
- Toelichting
- Verzoekt het college: - Het geamendeerde raadsvoorstel uit te voeren.
"""


def test_a_motions_page_in_a_council_system_is_the_councils_decision_on_the_day_it_names(nlp):
    ex = run(nlp, MOTION_PAGE_FIELDS.format(status="Aangenomen"))
    assert ("gemeenteraad", "2025-12-04", "adopted") in dated(ex)
    ex = run(nlp, MOTION_PAGE_FIELDS.format(status="Verworpen"))
    assert ("gemeenteraad", "2025-12-04", "rejected") in dated(ex)
    ex = run(nlp, MOTION_PAGE_FIELDS.format(status="In behandeling"))
    assert not any(d.status in ("adopted", "rejected") for d in ex.decisions)


GS_PRESS = """Besluitenlijst en persbericht Vergadering van Gedeputeerde Staten,
dinsdag 17 april 2001

1. Elk jaar doet de Provinciale Archiefinspectie verslag van haar werk. Vandaag hebben Gedeputeerde Staten het
verslag over het jaar 2000 voor kennisgeving aangenomen.
Vervolgprocedure: 16 mei Statencommissie Welzijnszaken
"""

PLAN_STEPS = """# Wijzigingsplan Bekslaan Zuidzijde

### Gemeente Bloemendaal

#### **Procedure overzicht**

| Fase               | Vastgesteld door | Datum               |
|--------------------|------------------|---------------------|
| ontwerp            | College          | 10 april 2018       |
| vastgesteld        | College          | 3 juli 2018         |

Het college heeft op 3 juli 2018 het wijzigingsplan vastgesteld.
"""


def test_a_schedule_step_after_the_document_is_planned_and_one_before_it_done(nlp):
    ex = run(nlp, GS_PRESS)
    assert ("statencommissie", "2001-05-16", "planned") in dated(ex)
    ex = run(nlp, PLAN_STEPS)
    assert ("college_bw", "2018-04-10", "planned") not in dated(ex)


PASSIVE_NEWS = NEWS.replace("De raad besloot ook om", "Daarmee is het bestemmingsplan Pieter de Hooghstraat vastgesteld. De raad besloot ook om")


def test_what_a_news_item_says_was_adopted_without_a_body_is_the_reported_meetings(nlp):
    ex = run(nlp, PASSIVE_NEWS)
    assert any((d.actor, d.date, d.status) == ("gemeenteraad", "2023-04-20", "adopted") and d.text.startswith("Daarmee")
               for d in ex.decisions)


HAMMERED = """Raadsvoorstellen alle aangenomen

Geplaatst op vrijdag 16 juli 2021

Tijdens de afgelopen raadsvergadering op 6 juli 2021 werden alle ingediende voorstellen aangenomen.

Hamerstukken zijn onderwerpen waarvan de raad heeft besloten dat die niet meer besproken hoeven te worden. Op 6 juli \\
2021 werden de volgende hamerstukken ongewijzigd en unaniem vastgesteld of aangenomen.

 • Voorbereidingskrediet woningbouwprojecten
  Voorstel voor voorbereidingskredieten voor drie plannen voor woningbouw.
 • Bestemmingsplan Tongerveldweg Maasbree
  In dit plan wordt de bestemming van dit bedrijf gewijzigd.
 • Bestemmingsplan Molengaerde in Kessel
"""


def test_each_item_under_the_volgende_hamerstukken_werden_vastgesteld_is_the_reported_meetings(nlp):
    ex = run(nlp, HAMMERED)
    taken = {d.text for d in ex.decisions if (d.actor, d.date, d.status) == ("gemeenteraad", "2021-07-06", "adopted")}
    assert {"Voorbereidingskrediet woningbouwprojecten", "Bestemmingsplan Tongerveldweg Maasbree",
            "Bestemmingsplan Molengaerde in Kessel"} <= taken
    assert not any(d.text.startswith("Hamerstukken zijn") for d in ex.decisions)  # what the word means, no decision
