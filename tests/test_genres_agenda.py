"""Agendas and meeting pages of council information systems (issue 15, after a blind annotation of more
governments): a news item's agenda written as plain lines under "Dit is de agenda:", an agenda whose items state
their proposal ("• Voorstel om in te stemmen met ..."), and a meeting page (iBabs, Notubiz) whose items carry a
"Voorgesteld besluit" and then a "Besluit". Read end to end by the whole pipeline, as in ``tests/test_genres.py``.
"""
from __future__ import annotations

from tests.test_genres_college import run

NEWS_AGENDA = """Gemeenteraadsvergadering 10 juni 2024 De gemeenteraad vergadert volgende week maandag 10 juni.
Besluitvormende raadsvergadering

In deze vergadering neemt de raad formeel de besluiten. Dit is de agenda:

Opening.

Vaststellen agenda.

Vragenronde raadsleden.

Voorstel tot wijziging gemeenschappelijke regeling Sallcon.

Programmabegroting GGD IJsselland.

Sluiting.

Spreekrecht

Tijdens de raadsbijeenkomst kun je inspreken over onderwerpen die niet op de agenda staan.
"""


def test_an_agenda_on_plain_lines_puts_each_subject_to_the_meeting(nlp):
    ex = run(nlp, NEWS_AGENDA, "dorpwijk-nieuws-raad")
    put = [(d.actor, d.date, d.status, d.text.rstrip(".")) for d in ex.decisions]
    assert ("gemeenteraad", "2024-06-10", "proposed", "Voorstel tot wijziging gemeenschappelijke regeling Sallcon") in put
    assert ("gemeenteraad", "2024-06-10", "proposed", "Programmabegroting GGD IJsselland") in put
    texts = [d.text for d in ex.decisions]
    assert not any(t.startswith(("Opening", "Vragenronde", "Sluiting", "Spreekrecht", "Tijdens")) for t in texts)


BULLET_AGENDA = """Raadsvergadering 28 mei 2020 19:30:00

Agenda

 • Voorstel om in te stemmen met de wijze van afdoening van de ingekomen stukken en de lijst met toezeggingen.

 • Voorstel om in te stemmen met de lijst van de volgende hamerstukken.

 • De gemeente werkt samen met de andere gemeenten aan de decentralisatie van Beschermd wonen.
"""


def test_an_agenda_item_that_states_its_proposal_is_put_to_the_meeting(nlp):
    ex = run(nlp, BULLET_AGENDA, "veendorp-agenda-raad")
    put = [(d.actor, d.date, d.status) for d in ex.decisions if d.text.startswith("Voorstel om in te stemmen")]
    assert put == [("gemeenteraad", "2020-05-28", "proposed")] * 2


MEETING_PAGE = """Collegebesluiten

dinsdag 16 december 2025

09:30 - 13:00
Locatie

Collegekamer Het Klavier

Voorzitter
J. Hamming

Agendapunten

  1. 1

    Besluit

    De voorliggende agenda wordt vastgesteld.

  2. 2.1

    Voorgesteld besluit

    De besluitenlijst collegevergadering d.d. 9 december 2025 wordt vastgesteld.

    Besluit

    De besluitenlijst collegevergadering d.d. 9 december 2025 wordt vastgesteld.

  3. 3
    Collegevoorstellen
  4. 3.1

    Het plan Hooivork heeft een tweetal aanpassingen opgeleverd bij de inpassing van de woningbouw.

    Voorgesteld besluit

    1. in te stemmen met het resultaat van de onderhandeling met Casade;
    2. de realisatie van een natuurplas uit het plan Hooivork te halen.

    Besluit

    1. in te stemmen met het resultaat van de onderhandeling met Casade;
    2. de realisatie van een natuurplas uit het plan Hooivork te halen.

  5. 3.2

    De gemeente wil definitief aansluiten bij het samenwerkingsverband van inkoopbureau Karel.

    Voorgesteld besluit

    1. een samenwerkingsovereenkomst aan te gaan met inkoopbureau Karel.
"""


def test_a_proposal_decided_in_the_same_words_is_one_decision(nlp):
    ex = run(nlp, MEETING_PAGE, "zandloon-collegebesluiten")
    casade = [(d.status, d.date) for d in ex.decisions if "onderhandeling met Casade" in d.text]
    assert casade == [("adopted", "2025-12-16")]
    minutes = [(d.status, d.actor) for d in ex.decisions if "besluitenlijst collegevergadering" in d.text]
    assert minutes == [("adopted", "college_bw")]


def test_a_proposal_without_its_decision_stays_proposed(nlp):
    ex = run(nlp, MEETING_PAGE, "zandloon-collegebesluiten")
    karel = [(d.status, d.actor, d.date) for d in ex.decisions if "samenwerkingsovereenkomst" in d.text]
    assert karel == [("proposed", "college_bw", "2025-12-16")]


def test_the_fields_and_labels_of_a_meeting_page_are_no_decisions(nlp):
    ex = run(nlp, MEETING_PAGE, "zandloon-collegebesluiten")
    texts = [d.text.strip() for d in ex.decisions]
    assert not any(t.startswith(("Collegekamer", "Voorgesteld besluit", "Collegevoorstellen", "Hamming")) for t in texts)


VIDEO_AGENDA = """Commissie Watersysteembeheer

donderdag 26 oktober 2023

Agendapunten

  1. 1

    00:00:03 - 00:02:09 - E. de Groot
  2. 2
    De actielijst vast te stellen.
  3. 4
    Voorstellen ter advisering
  4. 4.1

    Voorgesteld besluit

    1. De Programmabegroting 2024 vast te stellen en het dagelijks bestuur te machtigen tot:
    a. Het aangaan van een langlopende geldlening tot een maximumbedrag van € 75.000.000,--.
    b. Autorisatie van de B-kredieten 2024.
    2. Kennis te nemen van het Projectenboek 2024 – 2029.
"""


def test_speakers_group_headings_and_lettered_sub_points_are_no_agenda_items(nlp):
    ex = run(nlp, VIDEO_AGENDA, "maasland-commissie-agenda")
    texts = [d.text.strip() for d in ex.decisions]
    assert any(t.startswith("De actielijst") for t in texts)
    assert not any(t.startswith(("00:", "Voorstellen ter advisering", "Autorisatie", "Het aangaan")) for t in texts)


COUNCIL_PAGE = """Raadsvergadering

donderdag 25 november 2021

19:00
Locatie

Raadzaal in het stadhuis

Voorzitter
J. Hamming

Agendapunten

  1. 1

    Vaststellen van de agenda

  2. 2

    Voorstel Peperstraat
"""


def test_the_chair_of_a_meeting_page_is_no_agenda_item(nlp):
    ex = run(nlp, COUNCIL_PAGE, "zaanwerf-raadsvergadering")
    assert [d.text.strip() for d in ex.decisions if d.status == "proposed"] == ["Vaststellen van de agenda",
                                                                               "Voorstel Peperstraat"]


BOARD_LIST = """Besluitenlijst Algemeen Bestuur 4 oktober 2022

Op 4 oktober 2022 heeft het Algemeen Bestuur vergaderd.

1. Opening en mededelingen

2. Bespreekpunten

2.1 Tweede bestuursrapportage 2022

 1. De Tweede bestuursrapportage 2022 vast te stellen.
 2. Het controleprotocol 2022 vast te stellen.
 3. Een voorziening Verlofsparen in te stellen.

2.2 Actuele organisatieontwikkelingen

Besluit: Er wordt een aantal zaken uitgewisseld.
"""


def test_the_resolutions_points_under_a_decision_lists_item_are_its_decisions(nlp):
    ex = run(nlp, BOARD_LIST, "dichtbij-besluitenlijst-ab")
    points = [(d.actor, d.date, d.status) for d in ex.decisions if "te stellen" in d.text]
    assert points == [("algemeen_bestuur", "2022-10-04", "adopted")] * 3


NEWS_INLINE = """Onderwerpen gemeenteraadsvergadering op 14 juli 2020

Tijdens de laatste gemeenteraadsvergadering voor het zomerreces nemen we afscheid van de kinderburgemeester. Ook op \
de agenda: de Programmarekening 2019, het onttrekkingsbesluit van de Maarssenbroekse Slag, het Beoordelingskader en \
contour Ruimtelijk Economisch Programma.

Op 29 juli vindt geen raadsvergadering plaats. Verder staan er twee bespreekstukken op de agenda van september, \
namelijk een besluit over het huisvestingsplan onderwijs en een besluit over de renovatie van een kunstgrasveld.
"""


def test_an_agenda_told_in_one_sentence_puts_each_subject_to_the_meeting_the_text_announced(nlp):
    ex = run(nlp, NEWS_INLINE, "vechtdorp-nieuws-raad")
    put = [(d.actor, d.date, d.text) for d in ex.decisions if d.status == "proposed"]
    assert ("gemeenteraad", "2020-07-14", "de Programmarekening 2019") in put
    assert ("gemeenteraad", "2020-07-14", "het Beoordelingskader en contour Ruimtelijk Economisch Programma") in put
    assert any(t == "een besluit over het huisvestingsplan onderwijs" for _, _, t in put)


COLLEGE_LIST_HEAD = """Besluitenlijst vergadering 2 april 2024

Openbare besluitenlijst

Het college van burgemeester en wethouders Barendrecht van 2 april 2024

1 Opening en vaststelling agenda

Het college stelt de agenda vast.

7 Gewijzigde vaststelling uitwerkingsplan Vrouwenpolder fase 5

Besluit

 • 1. Het gewijzigde uitwerkingsplan Vrouwenpolder fase 5 vast te stellen.
 • 2. De raadsinformatiebrief vast te stellen en te versturen.

Het college besluit conform het voorstel.
"""


def test_a_decision_list_whose_head_names_the_board_is_that_boards_and_conform_adds_no_decision(nlp):
    ex = run(nlp, COLLEGE_LIST_HEAD, "zwaandrecht-besluitenlijst-college")
    assert ex.document.meeting_body == "college_bw"
    points = [(d.actor, d.date) for d in ex.decisions if d.text.lstrip("• ").startswith(("1.", "2."))]
    assert points == [("college_bw", "2024-04-02")] * 2
    assert not any(d.text.startswith("Het college besluit conform") for d in ex.decisions)
