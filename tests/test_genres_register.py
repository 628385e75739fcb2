"""A regulation's page in a register of regulations, resolutions and decision lists of joint arrangements and water
boards (issue 15, after a blind annotation of letters, notices and decision lists of nine more governments): who
adopted a regulation, when it was signed, came into force and expired; a resolution's opening formula; the points
under the sentence that tells the board decided them; a decision's effective date; an agenda's items marked for
decision. Read end to end by the whole pipeline, as in ``tests/test_genres.py``.
"""
from __future__ import annotations

from pipeline.ingest.clean import clean_pages
from pipeline.nlp import metadata
from pipeline.nlp.register import read_register
from tests.test_genres_college import dated, run

# the columns of a CVDR page's history of the regulation, each label a line of its own
HISTORY = "\n\n".join(["Datum inwerkingtreding", "Terugwerkende kracht tot en met", "Datum uitwerkingtreding", "Betreft",
                       "Datum ondertekening", "Bron bekendmaking", "Kenmerk voorstel"]) + "\n"

# a CVDR page ("Wetstechnische informatie") as a web page's text gives it: label and value run together
REGISTER = f"""Ziet u een fout in deze regeling? Meld het ons op regelgeving@overheid.nl!
Koggenland

Aanwijzingsbesluit flexibel cameratoezicht oud en nieuw 2021-2022

Wetstechnische informatie

Gegevens van de regeling
OrganisatieKoggenland
OrganisatietypeGemeente
Officiële naam regelingAanwijzingsbesluit flexibel cameratoezicht oud en nieuw 2021-2022
Vastgesteld doorburgemeester
Onderwerpopenbare orde en veiligheid

Overzicht van in de tekst verwerkte wijzigingen

{HISTORY}
28-12-202103-01-2022nieuwe regeling

23-12-2021

gmb-2021-480440

Tekst van de regeling

Intitulé

Aanwijzingsbesluit flexibel cameratoezicht oud en nieuw 2021-2022

Burgemeester van de gemeente Koggenland;

gehoord de beraadslaging met de driehoek;
"""


def test_a_register_page_tells_who_adopted_the_regulation_and_when_it_was_signed_came_into_force_and_expired(nlp):
    ex = run(nlp, REGISTER)
    got = dated(ex)
    assert got == [("burgemeester", "2021-12-23", "adopted")]  # coming into force and expiry are no decisions ...
    assert (ex.document.valid_from, ex.document.valid_until) == ("2021-12-28", "2022-01-03")  # ... but the text's
    assert ex.document.date == "2021-12-23"  # the signing day, not the first date of the table


def test_a_body_that_adopted_the_regulation_too_signed_it_on_the_same_day(nlp):
    ex = run(nlp, REGISTER.replace("Onderwerpopenbare orde en veiligheid", "Onderwerpopenbare orde en veiligheid\n\n"
                                   "Deze regeling is tevens vastgesteld door het college van burgemeester en wethouders."))
    got = dated(ex)
    assert ("college_bw", "2021-12-23", "adopted") in got and ("burgemeester", "2021-12-23", "adopted") in got


def test_a_register_table_read_with_its_cells_puts_each_date_under_its_label():
    text = REGISTER.replace("28-12-202103-01-2022nieuwe regeling\n\n23-12-2021\n\ngmb-2021-480440",
                            "28-12-2021\t\t03-01-2022\tnieuwe regeling\t23-12-2021\tgmb-2021-480440\t")
    reg = read_register(text)
    assert reg.adopter == "burgemeester"
    assert {k: v[2] for k, v in reg.dates.items()} == {"in_force": "2021-12-28", "expired": "2022-01-03",
                                                         "signed": "2021-12-23"}
    assert read_register("Datum inwerkingtreding\n\n1 januari 2020 treedt de verordening in werking.") is None


RESOLUTION_PAGE = f"""Reglement Adviescommissie voor Ruimtelijke Kwaliteit

Wetstechnische informatie

Vastgesteld doorgemeenteraad

{HISTORY}
01-01-2018wijziging artikel 1, 2 en 5 t/m 11

19-12-2017

Gemeenteblad Texel 2017 nr 51

Tekst van de regeling

De raad van de gemeente Texel:

gelezen het advies van burgemeester en wethouders van 14 november 2017;

Besluit

1. Het jaarverslag 2015-2017 van de Commissie Ruimtelijke Kwaliteit voor kennisgeving aan te nemen;

2. De artikelen 1, 2 en 5 t/m 11 van het reglement gewijzigd vast te stellen;
"""


def test_a_resolutions_points_take_the_day_it_was_signed_and_the_advice_it_read_was_put_to_it(nlp):
    ex = run(nlp, RESOLUTION_PAGE)
    got = dated(ex)
    assert got.count(("gemeenteraad", "2017-12-19", "adopted")) == 2  # the points; the register's own adoption gives way
    assert ex.document.valid_from == "2018-01-01"
    assert ("college_bw", "2017-11-14", "proposed") in got  # "gelezen het advies van burgemeester en wethouders van ..."


VALIDITY = """Permanente link
Naar de actuele versie van de regeling
http://lokaleregelgeving.overheid.nl/CVDR401319
Regeling vervallen per 03-10-2017
Reglement gegevensverstrekking Basisregistratie personen gemeente Enkhuizen
Geldend van 16-10-2015 t/m 02-10-2017 met terugwerkende kracht vanaf 01-01-2015

Burgemeester en wethouders van de gemeente Enkhuizen

Gelet op de artikelen 3.8 en 3.9 van de Wet basisregistratie personen;

BESLUITEN:

vast te stellen het volgende reglement.
"""


def test_a_regulations_text_tells_from_when_it_held_and_until_when(nlp):
    ex = run(nlp, VALIDITY)
    assert (ex.document.valid_from, ex.document.valid_until) == ("2015-10-16", "2017-10-02")  # (not the retroactive day)
    assert not any(d.status == "realized" for d in ex.decisions)  # the text's validity is no decision


def test_a_register_pages_title_is_the_regulations_name_not_the_sites_links():
    page = ("Permanente link\nNaar de actuele versie van de regeling\nhttp://lokaleregelgeving.overheid.nl/CVDR726085\n"
            "Naar de door u bekeken versie\nhttp://lokaleregelgeving.overheid.nl/CVDR726085/1\n"
            "Evaluatie van het gemeentelijk KGO beleid\nGeldend van 07-03-2023 t/m heden\nIntitulé\n")
    assert metadata.title(page, "cvdr") == "Evaluatie van het gemeentelijk KGO beleid"


BOARD_DECIDED = """22 maart 2022

Besluiten

1. Accordering bestuursovereenkomst Haarvaten op Peil

Besluit

Het dagelijks bestuur heeft op 22 maart 2022 besloten:

1. de bestuursovereenkomst 'Haarvaten op Peil', zoals weergegeven in bijlage 2, aan te gaan;
2. de portefeuillehouder te mandateren om de overeenkomst namens het dagelijks bestuur te ondertekenen;
3. aan de afgevaardigde volmacht te verlenen om namens het bestuur deel te nemen aan besluitvorming.

Kernboodschap

Het waterschap gaat samen met de provincie investeren in gebiedsgerichte projecten.
"""


def test_points_under_a_label_and_the_sentence_that_says_who_decided_them_are_that_boards(nlp):
    ex = run(nlp, BOARD_DECIDED)
    got = [(d.number, d.actor, d.date, d.status) for d in ex.decisions]
    assert got == [(n, "dagelijks_bestuur", "2022-03-22", "adopted") for n in ("1", "2", "3")]


EFFECTIVE = """Besluitenlijst Algemeen Bestuur 2 februari 2021

Suïcidepreventie
Het Algemeen Bestuur besluit met een meerderheid aan stemmen om het project suïcidepreventie met ingang van 2022 in de Gemeenschappelijke Regeling op te nemen.
"""


def test_a_decision_is_taken_on_its_meetings_day_not_the_day_it_takes_effect(nlp):
    got = dated(run(nlp, EFFECTIVE))
    assert ("algemeen_bestuur", "2021-02-02", "adopted") in got
    assert not any(date == "2022" for _, date, _ in got)


MARKED_AGENDA = """Agenda vergadering algemeen bestuur

Datum: 14 november 2018
Locatie: kantoor

1. Opening en vaststellen agenda
2. Mededelingen
3. Halfjaarrapportage 2018
Ter besluitvorming
4. Vergaderrooster 2019
Ter informatie
5. Uitgangspuntenbrief 2024
Adviesnota
6. Voortgang project Robuust
Informatienota
7. Rondvraag en sluiting
"""


def test_an_agendas_items_marked_for_decision_are_proposed_to_that_meeting_those_for_information_are_not(nlp):
    ex = run(nlp, MARKED_AGENDA)
    proposed = {d.object for d in ex.decisions if (d.actor, d.date, d.status) == ("algemeen_bestuur", "2018-11-14", "proposed")}
    assert proposed == {"Opening en vaststellen agenda", "Halfjaarrapportage 2018", "Uitgangspuntenbrief 2024"}


PRESS_NOTICE = """Gemeente Westerveld

15-9-2004
College presenteert programmabegroting 2005

De nieuwe programmabegroting voor de gemeente voor 2005 is uit. Op 15 september presenteert het college de programmabegroting aan de pers. De vaste raadscommissie belegt op dinsdag 5 oktober een openbare bijeenkomst (hoorzitting) waar iedereen kan komen die wil reageren op de programmabegroting.

De openbare behandeling van de begroting door de gemeenteraad is op donderdag 11 november. Dan kunt u gebruik maken van het formele inspreekrecht.
"""


def test_a_notice_plans_the_meetings_of_the_bodies_that_hold_them_in_the_year_their_weekdays_fit(nlp):
    ex = run(nlp, PRESS_NOTICE)
    got = dated(ex)
    assert ("raadscommissie", "2004-10-05", "planned") in got  # "belegt op dinsdag 5 oktober een bijeenkomst"
    assert ("gemeenteraad", "2004-11-11", "planned") in got  # "de behandeling ... door de gemeenteraad is op ..."
    days = {e.text: e.value for e in ex.entities if e.label == "DATE"}
    assert days["15 september"] == "2004-09-15"  # the budget is for 2005; the day is the notice's year
    assert days["dinsdag 5 oktober"] == "2004-10-05"  # (5 October 2005 was a Wednesday)


RETOLD = """Terinzagelegging definitief vastgestelde peilbesluiten waterschap Rijn en IJssel 2015 - 2025

Het algemeen bestuur heeft op 3 november 2015 de peilbesluiten 2015-2025 definitief vastgesteld voor de peilvakken in de stroomgebieden Schipbeek en Berkel.

Toelichting
Op 3 november 2015 heeft het algemeen bestuur de peilbesluiten definitief vastgesteld. De peilbesluiten liggen ter inzage.
"""


def test_a_notice_that_tells_its_decision_twice_gives_one_record(nlp):
    got = dated(run(nlp, RETOLD))
    assert got.count(("algemeen_bestuur", "2015-11-03", "adopted")) == 1


SHORT_REPORT = """Nieuwsbericht Kort verslag regiocommissie op 23 juni 2010

Gepubliceerd op: 29 juni 2010 00:00
De commissie besprak de onderwerpen van de algemeen bestuursvergadering van Holland Rijnland (HR) die op 30 juni plaats heeft. De commissie stemde in met het voorstel over de jaarrekening en het jaarverslag van HR.

De commissie stemde in met het voorstel over de begroting 2011 van HR.
"""


def test_a_short_report_of_a_meeting_dates_what_it_agreed_by_that_meeting_not_one_still_to_come(nlp):
    ex = run(nlp, SHORT_REPORT)
    assert (ex.document.meeting_body, ex.document.meeting_date) == ("regiocommissie", "2010-06-23")
    got = dated(ex)
    assert got and all(date == "2010-06-23" for _, date, _ in got)


HRL_PAGE = """HRL_Algemeen Bestuur

woensdag 24 juni 2020 20:00
Locatie:
Digitaal
Voorzitter:
Henri Lenferink

Agendapunten

 • 01

  Beslispunt:
  Floris Schoonderwoerd (wethouder gemeente Kaag en Braassem) aan te wijzen als lid van het Dagelijks Bestuur.  Besluit
  Akkoord

 • 02

  Beslispunt:
  Het verslag van de vergadering van het Algemeen Bestuur van 18 december 2019 vast te stellen  Besluit
  Akkoord
"""


def test_a_meeting_page_whose_body_carries_a_systems_code_decides_for_that_body_not_for_a_members_office(nlp):
    ex = run(nlp, HRL_PAGE)
    assert (ex.document.meeting_body, ex.document.meeting_date) == ("algemeen_bestuur", "2020-06-24")
    got = dated(ex)
    assert got.count(("algemeen_bestuur", "2020-06-24", "adopted")) == 2
    assert not any(actor == "wethouder" for actor, _, _ in got)  # "(wethouder gemeente Kaag en Braassem)": his office


AGENDA_BACKGROUND = """01. AB Besluitvormend

dinsdag 28 oktober 2025

Voorzitter
ir. H.C. Klavers

Agendapunten

  6. 5.a

    De samenwerking met Windpark Hanze is door het Algemeen Bestuur (AB) benoemd als speciaal project.

    Het Algemeen Bestuur besluit:

    1. Kennis te nemen van de evaluatie Deelname ZZL in Windpark Hanze.
    2. De speciale status van het project Windpark Hanze te beëindigen.
"""


def test_on_an_agenda_the_boards_decision_is_what_it_is_asked_and_its_earlier_acts_are_not_of_that_day(nlp):
    ex = run(nlp, AGENDA_BACKGROUND)
    assert ex.document.meeting_date == "2025-10-28"
    got = dated(ex)
    assert got.count(("algemeen_bestuur", "2025-10-28", "proposed")) == 2
    assert ("algemeen_bestuur", "2025-10-28", "adopted") not in got  # "is ... benoemd als speciaal project": before


NEWS_AGENDA = """Agenda raadsvergadering 27 maart 2024

Vanavond is er vanaf 19.30 uur weer een raadsvergadering in het gemeentehuis.

De gemeenteraad gaat tijdens de raadsvergadering besluiten nemen over onder andere:

 • Vergoeding kosten voor opsporen en opruimen ontplofbare oorlogsresten
  Het ministerie vergoedt een deel van deze kosten. De raad neemt in deze vergadering een besluit of het college de vergoeding kan aanvragen.
 • Zienswijze Kadernota Recreatieschap Spaarnwoude 2025
  Het college heeft een mening over de kadernota gemaakt.
 • Wijziging Gemeenschappelijke Regeling Veiligheidsregio Kennemerland
"""


def test_what_a_body_will_decide_listed_as_bullets_is_proposed_to_its_meeting_one_a_bullet(nlp):
    ex = run(nlp, NEWS_AGENDA)
    proposed = [d.object for d in ex.decisions if (d.actor, d.date, d.status) == ("gemeenteraad", "2024-03-27", "proposed")]
    assert proposed == ["Vergoeding kosten voor opsporen en opruimen ontplofbare oorlogsresten",
                        "Zienswijze Kadernota Recreatieschap Spaarnwoude 2025",
                        "Wijziging Gemeenschappelijke Regeling Veiligheidsregio Kennemerland"]


WOB_MINISTER = """Besluit op uw Wob-verzoek

Datum 22 maart 2021

Ik heb besloten om uw verzoek af te wijzen en het document niet openbaar te maken.

Hoogachtend,

DE MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT,

namens deze,
"""


def test_a_ministers_decision_is_a_ministers_and_says_which_minister(nlp):
    ex = run(nlp, WOB_MINISTER)
    got = [(d.actor, d.actor_office, d.date, d.status) for d in ex.decisions if d.date]
    assert ("minister", "minister_ienw", "2021-03-22", "rejected") in got


OPENED = """Leidraad informatievoorziening gemeentebestuur Enschede

Geldend van 17-12-2022 t/m heden

De gemeenteraad van Enschede, in zijn openbare vergadering van 12 december 2022 heeft overwogen dat:

een sterke en open lokale democratie start met goede informatievoorziening aan de raad en zijn raadsleden;

Besluit

  • 1.

    De leidraad informatievoorziening gemeentebestuur Enschede vast te stellen;

  • 2.

    Het college te verzoeken ervoor te zorgen dat de leidraad wordt gehanteerd.
"""


def test_a_resolution_that_opens_with_the_meeting_that_took_it_is_that_bodys_of_that_day(nlp):
    got = dated(run(nlp, OPENED))
    assert got.count(("gemeenteraad", "2022-12-12", "adopted")) == 2
    assert not any(status == "realized" for _, _, status in got)  # (its "Geldend van": the text's validity)


def test_an_undated_text_is_not_dated_by_the_target_year_it_names():
    from pipeline.nlp import dates

    text = ("Het programma schetst de ambities voor de lange termijn (2050). De Dommel wil dat de waterhuishouding in 2050 "
            "toekomstbestendig is.\n\nDit najaar neemt het bestuur een besluit over het Waterbeheerprogramma 2022-2027.")
    matches, doc_date, _ = dates.analyse(text)
    assert doc_date is None or doc_date < "2050"
    assert not any(m.value == "2050-FA" for m in matches)  # "dit najaar" is not the autumn of 2050


CAUCUS_PAGE = """Fractievoorzittersoverleg

donderdag 30 januari 2020

19:30 - 21:00
Locatie

Grootegast Commissiekamer

Voorzitter
Ard van der Tuuk

Agendapunten

 1. 1

  Besluit

  De voorzitter opent de vergadering om 19.30 uur

 2. 2

  Besluit

  De agenda wordt ongewijzigd vastgesteld.
"""


def test_the_page_of_a_meeting_of_group_leaders_is_their_decision_list(nlp):
    ex = run(nlp, CAUCUS_PAGE)
    assert (ex.document.doc_type, ex.document.meeting_body) == ("besluitenlijst", "fractievoorzittersoverleg")
    assert dated(ex) == [("fractievoorzittersoverleg", "2020-01-30", "adopted")]  # the agenda; the opening is none


PAST_DAY = """Benoeming leden rekenkamer gemeenteraad

Gepubliceerd op 28 juni 2023

De rekenkamer van de gemeente Westerwolde is een onafhankelijk orgaan. Op 28 september heeft de gemeenteraad van Westerwolde deze ingesteld.

Omdat de benoemingsperiode van 2 leden is verlopen per 1 juli 2022 heeft het college besloten om deze leden te herbenoemen.
"""


def test_a_day_without_its_year_that_a_text_tells_in_the_past_lies_before_the_text(nlp):
    got = dated(run(nlp, PAST_DAY))
    assert ("gemeenteraad", "2022-09-28", "realized") in got or ("gemeenteraad", "2022-09-28", "adopted") in got
    assert not any(date in ("2023-09-28", "2022-07-01") for _, date, _ in got)  # (nor the day a term ran out)


def test_a_decision_list_whose_title_runs_on_with_its_meeting_is_that_meetings_list(nlp):
    text = ("1 CONCEPT BESLUITENLIJST BEHORENDE BIJ DE OPENBARE VERGADERING (BEGROTING) VAN DE RAAD VAN DE GEMEENTE "
            "GULPEN- WITTEM, GEHOUDEN IN DE RAADZAAL VAN HET GEMEENTEHUIS TE GULPEN DATUM 12 november 2020 AANWEZIG "
            "Voorzitter mw. ing. N.H.C. Ramaekers-Rutjens 1. Opening en vaststellen van de agenda De voorzitter opent om "
            "14:00 uur de vergadering. De agenda wordt zonder op- of aanmerkingen vastgesteld.\n")
    ex = run(nlp, text)
    assert ex.document.doc_type == "besluitenlijst"
    assert ("gemeenteraad", "2020-11-12", "adopted") in dated(ex)


LAID_OPEN_POINTS = """Waterschapsblad van Hoogheemraadschap van Rijnland

Bekendmaking ontwerp-peilbesluit Polder Oudendijk

Dijkgraaf en hoogheemraden van het hoogheemraadschap van Rijnland hebben op 16 maart 2021 het ontwerp-peilbesluit voor de Polder Oudendijk vastgesteld.

Het college van dijkgraaf en hoogheemraden besluit het ontwerp-peilbesluit polder Oudendijk vrij te geven voor terinzagelegging.

Het peilbesluit kan worden ingezien van 30 maart 2021 tot en met 11 mei 2021:

1. tijdens kantooruren bij de receptie van het hoogheemraadschap van Rijnland, Archimedesweg 1 te Leiden.

2. via de link aan de linkerzijde van deze bekendmaking.
"""


def test_where_a_decision_can_be_seen_is_no_list_of_decisions_and_a_board_besluit_te_is_one(nlp):
    ex = run(nlp, LAID_OPEN_POINTS)
    assert not any(d.number in ("1", "2") for d in ex.decisions)  # the places to see it, not decisions
    assert [(d.actor, d.date) for d in ex.decisions if "vrij te geven" in d.text] == [
        ("college_dijkgraaf_heemraden", ex.document.date)] and ex.document.date  # (the notice's date)


BULLETED_LIST = """Besluitenlijst 11 oktober 2022

Notulen B en W vergadering 11 oktober 2022

Ter kennisname/ bespreking

 • Openbare besluitenlijst van de vergadering van Gedeputeerde Staten van Noord-Holland 4 oktober 2022, wordt besproken
 • Lijst met toezeggingen raad, wordt besproken
 • 1576171 Brief Nota Duurzaam Vastgoedbeheer, conform besloten, met inachtneming van tekstuele wijzigingen
 • 1575884 Brief raad ontwikkeling septembercirculaire, conform besloten, met inachtneming van tekstuele wijzigingen
"""


def test_a_decision_list_of_bullets_decides_each_bullet_with_an_outcome_and_only_those(nlp):
    ex = run(nlp, BULLETED_LIST)
    assert (ex.document.meeting_body, ex.document.meeting_date) == ("college_bw", "2022-10-11")
    adopted = [d.object for d in ex.decisions if (d.actor, d.date, d.status) == ("college_bw", "2022-10-11", "adopted")]
    assert adopted == ["1576171 Brief Nota Duurzaam Vastgoedbeheer", "1575884 Brief raad ontwikkeling septembercirculaire"]


RESOLUTION_RUN_ON = """Reglement van orde gemeenteraad Zomeren 2026.

De raad van de gemeente Zomeren;

gezien het voorstel van de griffier en de voorzitter d.d. 25 november 2025;

gezien het advies van de commissie Burger en Bestuur d.d. 27 november 2025

b e s l u i t :

  1. Vast te stellen: Reglement van orde gemeenteraad Zomeren 2026.
  2. In te trekken: Reglement van orde gemeenteraad Zomeren 2015.
"""


def test_a_resolutions_points_after_its_last_ground_are_the_councils_not_dated_by_a_ground(nlp):
    ex = run(nlp, clean_pages([RESOLUTION_RUN_ON]).text, "zomeren-reglement-van-orde")
    points = [(d.actor, d.status, d.date) for d in ex.decisions if d.text.lstrip("12. ").startswith(("Vast", "In te"))]
    assert points == [("gemeenteraad", "adopted", None)] * 2  # (not the committee's advice; not the proposal's day)


RESOLUTION_UNDATED = """Raadsbesluit

De raad van de gemeente Ermeloo;

gelezen het voorstel van het college van 19 mei 2020, nr. e200019350;

b e s l u i t :

 1. De Kadernota 2021 vast te stellen.
 2. Het uitgavenbudget voor hondenvoorzieningen komt te vervallen.
"""


def test_a_resolution_is_not_dated_by_the_proposal_it_read(nlp):
    ex = run(nlp, clean_pages([RESOLUTION_UNDATED]).text, "ermeloo-raadsbesluit-kadernota")
    got = [(d.actor, d.status, d.date) for d in ex.decisions if d.actor == "gemeenteraad"]
    assert got == [("gemeenteraad", "adopted", None)] * 2  # (not the day of the proposal it read)


def test_a_resolution_dated_only_by_a_guess_takes_its_year(nlp):
    head = "Besluit\n\nRaadsbesluit\n\n" + "".join(f"{w}\n\n" for w in ("onze ref.", "e200019439", "casenr.",
                                                                      "20e0003149", "zaak", "4411", "versie", "2"))
    ex = run(nlp, clean_pages([head + RESOLUTION_UNDATED.split("\n", 2)[2]]).text, "ermeloo-raadsbesluit-kadernota")
    assert ex.document.date_source == "inferred"
    got = [(d.actor, d.status, d.date) for d in ex.decisions if d.actor == "gemeenteraad"]
    assert got == [("gemeenteraad", "adopted", "2020")] * 2  # (not the month the guess names; no record of "Besluit")


def test_a_field_that_dates_the_decision_is_no_decision_of_its_own(nlp):
    text = "Felicitatiebrief Tweede Kamer\n\nDatum besluit: 20 maart 2017\n\nOp 14 maart 2017 is de wens " \
           "uitgesproken een felicitatiebrief te sturen.\n"
    ex = run(nlp, text, "hollandia-gs-besluit-felicitatiebrief")
    assert not any(d.text.startswith("Datum besluit") for d in ex.decisions)


def test_show_tells_when_a_regulations_text_is_in_force(nlp):
    from pipeline.reports import render_document

    ex = run(nlp, REGISTER)
    assert "in force 2021-12-28 to 2022-01-03" in render_document(ex.document, ex.entities, ex.decisions, None)


def test_a_resolution_whose_formula_says_what_it_adopts_is_not_dated_by_the_proposal_either(nlp):
    text = ("De raad van de gemeente Bedam;\n\ngelezen het voorstel van het college van 27 mei 2014;\n\n"
            "BESLUIT vast te stellen:\n\nDe Financiële verordening gemeente Bedam 2014.\n")
    got = [(d.actor, d.status, d.date) for d in run(nlp, text, "bedam-raadsbesluit").decisions if d.actor == "gemeenteraad"]
    assert got == [("gemeenteraad", "adopted", None)]
