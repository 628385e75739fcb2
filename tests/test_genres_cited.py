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


SCANNED_MINUTES = """28 augustus 1973 nr 495 Openbare vergadering van de raad der gemeente Hoekdam op dinsdag 26 juni 1973 om \
19.30 uur ten gemeentehuize (raadzaal). Aanwezig zijn de heren: J.J. Pellis, P.J.M. Kunst en A. Verheijen. De voorzitter \
opent de vergadering met het voorgeschreven gebed. 1- Vaststelling van de notulen van de vergadering van 16 mei 1973. De \
aangeboden ontwerp-notulen van de vergadering van 16 mei 1973 worden zonder hoofdelijke stemming goedgekeurd en \
vastgesteld. 2- Ingekomen stukken en mededelingen. Zonder hoofdelijke stemming wordt overeenkomstig de voorstellen van \
burgemeester en wethouders, zoals deze zijn vermeld onder I, II en III, besloten.
"""


def test_scanned_minutes_run_together_are_dated_by_the_meeting_their_head_names(nlp):
    ex = run(nlp, SCANNED_MINUTES, "hoekdam-notulen")
    assert ex.document.meeting_date == "1973-06-26"  # not the stamp above it, 28 August
    notulen = [d for d in ex.decisions if "ontwerp-notulen" in d.text]
    assert [(d.actor, d.date) for d in notulen] == [("gemeenteraad", "1973-06-26")]  # not the day of the minutes adopted
    carried = [d for d in ex.decisions if d.text.startswith("Zonder hoofdelijke stemming wordt")]
    assert [(d.actor, d.date) for d in carried] == [("gemeenteraad", "1973-06-26")]


STATES_NEWS = """Besluiten Provinciale Staten 28 september 2011

Provinciale Staten hebben gesproken over de busdienstregeling 2012.

Tot slot is de Programmabegroting 2012 door de Staten vastgesteld. Aan het begin van de vergadering is de heer Ram \
geïnstalleerd als statenlid voor de PVV. Hij volgt hiermee mevrouw Wolthof op.
"""


def test_a_member_installed_in_a_role_is_a_decision_of_the_meeting(nlp):
    ex = run(nlp, STATES_NEWS, "noorderland-besluiten-ps")
    installed = [d for d in ex.decisions if "geïnstalleerd" in d.text]
    assert [(d.actor, d.date, d.status) for d in installed] == [("provinciale_staten", "2011-09-28", "adopted")]


def test_installing_equipment_is_no_decision(nlp):
    ex = run(nlp, "Hoekdam, 3 mei 2024\n\nDe gemeente installeert deze zomer zonnepanelen op het stadhuis.\n")
    assert not any(d.predicate == "installeren" for d in ex.decisions)


JOURNAL_LIST = """Gemeenteblad van Hoekdam

Datum publicatieOrganisatieJaargang en nummerRubriek
HoekdamGemeenteblad 2021, 110136Overige overheidsinformatieGemeente Hoekdam - Besluitenlijst raadsvergadering 25 maart 2021

Raadzaal Stadhuis Hoekdam, aanvang 19.30 uur

1. Opening en vaststelling agenda

- De voorzitter opent de vergadering.

- De gewijzigde agenda wordt vastgesteld.

3. Verordening parkeerbelastingen 2021

Het voorstel wordt unaniem aangenomen.
"""


def test_a_decision_list_published_in_the_municipal_journal_is_read_as_a_decision_list(nlp):
    ex = run(nlp, JOURNAL_LIST, "hoekdam-gemeenteblad-110136")
    assert (ex.document.doc_type, ex.document.title) == ("besluitenlijst", "Besluitenlijst raadsvergadering 25 maart 2021")
    assert ("gemeenteraad", "2021-03-25", "adopted") in [(d.actor, d.date, d.status) for d in ex.decisions
                                                         if "Verordening parkeerbelastingen" in d.text]


PROPOSAL = """Raadsvergadering : 21 februari 2013
Agendanummer : 7
Onderwerp : Onderzoek samenwerking

Hoekdam, 5 februari 2013

Aan de raad,

Voorgesteld wordt:
1. Kennis te nemen van de uitkomsten van het onderzoek op basis van de motie van 20 december 2012.
2. Af te zien van een ambtelijke of bestuurlijke fusie met de buurgemeenten.
"""


def test_a_proposal_headed_by_the_council_meeting_it_goes_to_is_put_to_that_meeting(nlp):
    ex = run(nlp, PROPOSAL, "hoekdam-raadsvoorstel")
    points = [(d.actor, d.date, d.status) for d in ex.decisions if d.number]
    assert points == [("gemeenteraad", "2013-02-21", "proposed")] * 2


COLLEGE_SUMMARY = """Samenvatting collegebesluiten 26 oktober 2021

Het college van burgemeester en wethouders neemt wekelijks besluiten. Onderstaand vindt u de lijst van deze besluiten.

Beantwoording raadsvragen

Het college besluit de raadsvragen van de commissievergadering 17 mei te beantwoorden met een raadsbericht.

Bezwaar geheimhouding

Het college besluit het bezwaar over de beslissing van 9 maart 2021 ongegrond te verklaren.
"""


def test_a_summary_of_college_decisions_dates_each_decision_by_its_meeting(nlp):
    ex = run(nlp, COLLEGE_SUMMARY, "hoekdam-collegebesluiten")
    assert (ex.document.meeting_body, ex.document.meeting_date) == ("college_bw", "2021-10-26")
    taken = [(d.actor, d.date) for d in ex.decisions if d.text.startswith("Het college besluit")]
    assert taken == [("college_bw", "2021-10-26")] * 2  # not 17 May or 9 March: what was decided about


def test_a_proposal_cited_with_a_comma_before_its_day_is_the_colleges_proposal(nlp):
    text = ("Verordening parkeerbelastingen 2019\n\nDe raad van de gemeente Hoekdam;\n\nGelet op het voorstel van "
            "burgemeester en wethouders, d.d. 09-10-2018;\n\nbesluit vast te stellen de Verordening parkeerbelastingen 2019.\n")
    ex = run(nlp, text, "hoekdam-verordening")
    assert ("college_bw", "2018-10-09", "proposed") in [(d.actor, d.date, d.status) for d in ex.decisions]


def test_a_motion_adopted_without_a_body_named_is_the_assemblys_the_text_speaks_of(nlp):
    text = ("Waterbak Hoekdam\n\nHet onderwerp houdt de gemoederen in de gemeenteraad al geruime tijd bezig. In december "
            "2020 werd een motie aangenomen met 10-9 stemmen om de waterbak eruit te halen. Het college legde de motie "
            "echter naast zich neer.\n")
    ex = run(nlp, text, "hoekdam-nieuws-waterbak")
    assert [(d.actor, d.date, d.status) for d in ex.decisions if "motie aangenomen" in d.text] == [
        ("gemeenteraad", "2020-12", "adopted")]


RUN_ON_LIST = ("Besluitenlijst van de openbare vergadering van de gemeenteraad van Hoekdam op 12 maart 2024 1. Opening De "
               "voorzitter opent de vergadering. 2. Vaststelling van de agenda De agenda wordt ongewijzigd vastgesteld. 3. "
               "Verordening parkeerbelastingen 2024 Het voorstel wordt unaniem aangenomen. 4. Motie M1 van de SP over "
               "betaalbare huurwoningen De motie wordt verworpen met 12 tegen 15 stemmen. 5. Sluiting De voorzitter sluit "
               "de vergadering.")


def test_a_decision_list_whose_line_breaks_were_lost_gives_each_item_its_outcome(nlp):
    from pipeline.extract import analyse
    from pipeline.ingest.clean import clean_pages

    ex = analyse("hoekdam-besluitenlijst", clean_pages([RUN_ON_LIST]), nlp)
    got = {(d.number, d.actor, d.date, d.status) for d in ex.decisions}
    assert ("3", "gemeenteraad", "2024-03-12", "adopted") in got
    assert ("M1", "gemeenteraad", "2024-03-12", "rejected") in got
    assert not any("opent de vergadering" in d.text for d in ex.decisions)


COLLEGE_NOTES = """Besluitenlijst college van burgemeester en wethouders 2 oktober 2018

1. Rondvraag

Besluit
1. Wethouder Neeleman deelt met het college de actuele stand van zaken in het dossier over de scholen.
2. Het college krijgt op 30 oktober de colleges van de buurgemeenten op bezoek in het streekmuseum.
3. Het rapport over de jeugdzorg vast te stellen.
"""


def test_points_under_a_decision_label_that_only_report_are_not_decisions(nlp):
    ex = run(nlp, COLLEGE_NOTES, "hoekdam-besluitenlijst-college")
    texts = [d.text for d in ex.decisions]
    assert any("jeugdzorg vast te stellen" in t for t in texts)
    assert not any("deelt met het college" in t or "op bezoek" in t for t in texts)


LIVE_PAGE = """Liveblog: Raadsvergadering gemeente Hoekdam 2 november 2023

Welkom bij de liveblog van de raadsvergadering. Onder de livestream kunt u de agenda van de avond lezen.

Agenda

1 Opening en mededelingen
3 Vaststellen van de agenda
4 Vaststellen besluitenlijst raadsvergadering 28 september 2023
6 Benoeming vervangende wethouder
7 Verlening ontheffing woonplaatsvereiste mevrouw Meijs
12 Sluiting
"""


def test_an_agendas_meeting_is_the_one_its_head_names_not_the_day_an_item_names(nlp):
    ex = run(nlp, LIVE_PAGE, "hoekdam-liveblog")
    assert (ex.document.meeting_body, ex.document.meeting_date) == ("gemeenteraad", "2023-11-02")
    assert not ex.document.title.startswith("1 Opening")
    items = [(d.number, d.date, d.status) for d in ex.decisions if d.number in ("6", "7")]
    assert items == [("6", "2023-11-02", "proposed"), ("7", "2023-11-02", "proposed")]


def test_an_outcome_reported_by_the_items_number_is_that_items_decision(nlp):
    text = LIVE_PAGE + "\nLiveblog\n\nDe vergadering is geopend.\n\nAgendapunt 7 is unaniem aangenomen.\n"
    ex = run(nlp, text, "hoekdam-liveblog")
    taken = [(d.number, d.status, d.object) for d in ex.decisions if d.status == "adopted"]
    assert taken == [("7", "adopted", "Verlening ontheffing woonplaatsvereiste mevrouw Meijs")]


BOARD_RESOLUTION = """Informatieprotocol Regio Hoekdam

Het AB van de Gemeenschappelijke regeling Regio Hoekdam, bijeen in zijn vergadering van 15 september 2021 ;

Gelet op de Wet gemeenschappelijke regelingen;

Besluit

vast te stellen het volgende Informatieprotocol Regio Hoekdam:

Hoofdstuk 1 Inleiding
"""


def test_a_board_resolution_that_opens_with_its_meeting_is_that_boards_decision_of_that_day(nlp):
    ex = run(nlp, BOARD_RESOLUTION, "regio-hoekdam-informatieprotocol")
    taken = [(d.actor, d.date, d.status) for d in ex.decisions if "Informatieprotocol" in (d.object or "")]
    assert taken == [("algemeen_bestuur", "2021-09-15", "adopted")]


def test_a_proposal_made_with_doen_is_the_bodys_proposal(nlp):
    ex = run(nlp, "Het college heeft op 3 mei 2008 een voorstel gedaan voor de begroting 2009-2012.\n")
    assert [(d.actor, d.date, d.status) for d in ex.decisions] == [("college_bw", "2008-05-03", "proposed")]


COLLEGE_NEWS = """2 juli – Besluiten van burgemeester en wethouders

De besluiten van het college van burgemeester en wethouders van 2 juli 2024.

Volgende stap regionale samenwerking voor afvalbeheer

Het college van B en W stelt de gemeenteraad voor geen zienswijze in te dienen voor de toetreding tot de \
gemeenschappelijke regeling Reinigingsdienst Maasland.
"""


def test_a_news_page_of_the_colleges_decisions_of_a_day_dates_its_proposals_by_that_day(nlp):
    ex = run(nlp, COLLEGE_NEWS, "hoekdam-nieuws-collegebesluiten")
    assert [(d.actor, d.date, d.status, d.predicate) for d in ex.decisions] == [
        ("college_bw", "2024-07-02", "proposed", "voorstellen")]  # "in te dienen" is no "stelt ... in"


def test_a_letter_that_lays_down_its_choice_decides_it(nlp):
    text = ("Zwolle, 21 mei 2024\n\nAan Provinciale Staten van Overijssel\n\nWe leggen dit vast door een "
            "voorkeursvolgorde op te nemen in een beleidsregel.\n\nMet vriendelijke groet,\n\nGedeputeerde Staten van "
            "Overijssel\n")
    ex = run(nlp, text, "overijssel-brief")
    assert ("gedeputeerde_staten", "2024-05-21", "adopted") in [(d.actor, d.date, d.status) for d in ex.decisions]


COUNCIL_NEWS = """De raad heeft besloten

Op dinsdagavond 12 december vond voor het jaar 2023 de laatste besluitvormende vergadering van de gemeenteraad \
Hoekdam plaats. Tijdens deze vergadering heeft de raad verschillende bestemmingsplannen vastgesteld.

Voorafgaand aan de vergadering werden twee petities aan de raad aangeboden. Daarvoor heeft de raad een amendement \
aangenomen bij de Slotrapportage 2023.
"""


def test_a_news_item_on_the_meeting_that_took_place_dates_the_councils_decisions_by_it(nlp):
    ex = run(nlp, COUNCIL_NEWS, "hoekdam-nieuws-raad")
    amendment = [(d.actor, d.date) for d in ex.decisions if "amendement" in d.text]
    assert amendment == [("gemeenteraad", "2023-12-12")]  # not 2023, the year of the report it amends


ANNOUNCEMENT = """Raadsvergadering Hoekdam

De gemeenteraad vergadert op maandag 26 januari 2026 om 19.30 uur in de raadszaal van het gemeentehuis. U bent van \
harte welkom in de raadzaal, maar gezien de beperkte capaciteit van de publieke tribune moet u zich aanmelden.

Onderwerpen oriënterende raadsbijeenkomst
- Aanwijzing mevrouw De Lang als plaatsvervangend griffier
- Normenkader Hoekdam 2025 (H)
- Biodiversiteitsplan Hoekdam 2026-2036 (B)

Meer informatie
"""


def test_a_news_item_announcing_a_meeting_puts_the_subjects_listed_under_a_heading_to_it(nlp):
    ex = run(nlp, ANNOUNCEMENT, "hoekdam-nieuws-raadsvergadering")
    put = [(d.actor, d.date, d.status) for d in ex.decisions if d.predicate == "agenderen"]
    assert put == [("gemeenteraad", "2026-01-26", "proposed")] * 3


SUMMARY = """Samenvatting collegebesluiten 26 oktober 2021

Het college van burgemeester en wethouders neemt wekelijks besluiten. Onderstaand vindt u de lijst van deze besluiten, \
inclusief korte toelichtingen per besluit.

Bespreekstukken

Begrotingswijziging n.a.v. de septembercirculaire gemeentefonds

Jaarlijks ontvangt de gemeente vanuit het ministerie een mei-, september- en decembercirculaire.

Bezwaar geheimhouding verslag

Het college stelt nu voor aan de gemeenteraad om dat bezwaar af te wijzen.
"""


def test_a_summary_of_college_decisions_makes_each_subject_heading_a_decision_of_that_day(nlp):
    ex = run(nlp, SUMMARY, "hoekdam-collegebesluiten")
    got = [(d.status, d.date, d.text.split("\n")[0]) for d in ex.decisions]
    assert ("adopted", "2021-10-26", "Begrotingswijziging n.a.v. de septembercirculaire gemeentefonds") in got
    assert ("proposed", "2021-10-26", "Het college stelt nu voor aan de gemeenteraad om dat bezwaar af te wijzen.") in got
    assert not any(t.startswith(("Bespreekstukken", "Bezwaar geheimhouding", "Onderstaand")) for _, _, t in got)


def test_a_pages_navigation_and_a_meetings_fields_are_no_title():
    from pipeline.nlp import metadata

    page = ("Terug naar het overzicht\n\nGriffier: J. Jansen\n\nMaat: px\n\nAfvalbeleid Hoekdam 2024-2028\n\n"
            "De raad heeft het afvalbeleid vastgesteld.\n")
    assert metadata.title(page, "hoekdam-pagina") == "Afvalbeleid Hoekdam 2024-2028"


def test_a_sentence_of_the_minutes_is_no_title_of_the_meeting(nlp):
    text = ("De agenda wordt ongewijzigd vastgesteld\n\nVergadering van de gemeenteraad van 29 januari 2024\n\n"
            "1. Opening\n\nDe voorzitter opent de vergadering.\n\n2. Verordening parkeren\n\nBesluit: aangenomen.\n")
    ex = run(nlp, text, "hoekdam-besluitenlijst-raad")
    assert not ex.document.title.startswith("De agenda wordt")


DATED_ITEMS = """Besluitenlijst Algemeen Bestuur 2 februari 2021

NR Datum overleg Besluit
1. 25 januari 2021 Concept-kadernota 2022
Het Algemeen Bestuur besluit de Kadernota 2022 voorlopig vast te stellen.
2. 2 februari 2021 Kadernota 2022
Het Algemeen Bestuur besluit dat de Kadernota 2022 herschreven wordt.
"""


def test_items_that_carry_their_own_meetings_day_date_what_was_decided_under_them(nlp):
    ex = run(nlp, DATED_ITEMS, "ggd-hoekdam-besluitenlijst-ab")
    got = [(d.date, d.text.split()[4]) for d in ex.decisions if d.text.startswith("Het Algemeen Bestuur besluit")]
    assert got == [("2021-01-25", "de"), ("2021-02-02", "dat")]  # each item's own day
