"""Decisions in the genres of real archives (issue 15), read end to end by the whole pipeline.

Each text is written by hand in the layout of one genre (a raadsbesluit, a Gemeenteblad or
Waterschapsblad notice, a committee decision list, council minutes, a water board's decision list, a
letter under mandate, a motion's record, a plan explanation) and goes through ``extract.analyse`` as a
user's file would: the dates and bodies come from the real components, not from the test.
"""

from __future__ import annotations

import pytest

from pipeline.extract import analyse
from pipeline.models import CleanText


def run(nlp, text: str, doc_id: str = "genre"):
    return analyse(doc_id, CleanText(text=text), nlp)


def dated(extraction) -> list[tuple]:
    return [(d.actor, d.date, d.status) for d in extraction.decisions if d.date]


RAADSBESLUIT = """Raadsbesluit

De raad van de gemeente Oldebroek;

gelezen het voorstel van burgemeester en wethouders van 14 februari 2023;

gelet op artikel 147 van de Gemeentewet;

besluit:

1. vast te stellen de Verordening jeugdhulp Oldebroek 2023;
2. de Verordening jeugdhulp Oldebroek 2019 in te trekken.

Aldus besloten in de openbare vergadering van de raad van 28 maart 2023.

De griffier,                         De voorzitter,
P. Bakker                            J. de Wit
"""


def test_genres_raadsbesluit_points_take_the_date_of_aldus_besloten(nlp):
    x = run(nlp, RAADSBESLUIT)
    points = [d for d in x.decisions if d.number]
    assert [(d.number, d.actor, d.date, d.status) for d in points] == [
        ("1", "gemeenteraad", "2023-03-28", "adopted"), ("2", "gemeenteraad", "2023-03-28", "adopted")]
    assert all(d.government == "Oldebroek" and d.government_code == "gm0269" for d in points)
    # the proposal it read is the college's, of its own date; the closing line is no third decision
    assert ("college_bw", "2023-02-14", "proposed") in dated(x)
    assert len([d for d in dated(x) if d[0] == "gemeenteraad"]) == 2


GEMEENTEBLAD = """GEMEENTEBLAD
Officiële uitgave van de gemeente Zeewolde

Nr. 45123
3 mei 2024

Besluit van het college van burgemeester en wethouders van de gemeente Zeewolde tot vaststelling van de Beleidsregels terrassen 2024

Het college van burgemeester en wethouders van de gemeente Zeewolde;

gelet op artikel 4:81 van de Algemene wet bestuursrecht;

besluit:

vast te stellen de Beleidsregels terrassen 2024.

Artikel 1 Begripsbepalingen
In deze beleidsregels wordt verstaan onder terras: een buiten gelegen deel van een horecabedrijf.

Aldus besloten in de vergadering van 23 april 2024.

Burgemeester en wethouders van Zeewolde,
de secretaris,                de burgemeester,
"""

WATERSCHAPSBLAD = """WATERSCHAPSBLAD
Officiële uitgave van Waterschap Rijn en IJssel

Besluit van het dagelijks bestuur van het waterschap Rijn en IJssel tot vaststelling van de Beleidsregel schouw 2024

Het dagelijks bestuur van het waterschap Rijn en IJssel;

overwegende dat het wenselijk is regels te stellen voor de schouw;

besluit:

vast te stellen de Beleidsregel schouw 2024.

Aldus vastgesteld in de vergadering van het dagelijks bestuur van 9 april 2024.
"""


@pytest.mark.parametrize("text, expected, gov", [
    (GEMEENTEBLAD, ("college_bw", "2024-04-23", "adopted"), "gm0050"),
    (WATERSCHAPSBLAD, ("dagelijks_bestuur", "2024-04-09", "adopted"), "ws0152"),
])
def test_genres_notice_is_one_decision_on_the_day_it_was_taken(nlp, text, expected, gov):
    x = run(nlp, text)
    assert x.document.doc_type == "bekendmaking"
    # one decision: not the heading, the block and the closing line as three; not the publication date
    assert dated(x) == [expected]
    assert x.decisions[0].government_code == gov


COMMITTEE = """Besluitenlijst commissie Ruimte d.d. 12 maart 2024

Aanwezig: mevrouw A. de Groot (voorzitter), de heer B. Smit (griffier)

1. Opening en mededelingen
De voorzitter opent de vergadering.

2. Vaststellen besluitenlijst 13 februari 2024
De besluitenlijst wordt ongewijzigd vastgesteld.

3. Raadsvoorstel bestemmingsplan Kerkstraat
De commissie adviseert het voorstel als hamerstuk te behandelen in de raad.
Wethouder Jansen zegt toe de commissie voor de zomer te informeren over de parkeerdruk.
"""


def test_genres_committee_list_advice_and_promise_on_the_meeting_date(nlp):
    x = run(nlp, COMMITTEE)
    assert x.document.meeting_body == "raadscommissie" and x.document.meeting_date == "2024-03-12"
    assert dated(x) == [("raadscommissie", "2024-03-12", "adopted"), ("raadscommissie", "2024-03-12", "proposed"),
                        ("wethouder", "2024-03-12", "promised")]
    promise = x.decisions[-1]
    assert promise.text.startswith("Wethouder Jansen zegt toe")  # not the item's title above it


MINUTES = """Notulen van de openbare vergadering van de gemeenteraad van Heerde, gehouden op 5 juni 2023

1. Opening
De voorzitter opent de vergadering om 19.30 uur.

2. Motie vreemd aan de orde van de dag: speeltuinen
Mevrouw Kaya dient de motie M1 in. De motie verzoekt het college om voor 1 oktober 2023 een plan voor de speeltuinen op te stellen.
De motie wordt aangenomen met 19 stemmen voor en 8 tegen.

3. Amendement A2 bij de kadernota
De fractie van D66 besluit het amendement aan te houden.
Het amendement wordt verworpen.

4. Kadernota 2024
Burgemeester Smit zegt toe de raad in het najaar te informeren over de kosten.
De voorzitter concludeert dat de raad instemt met de kadernota.
"""


def test_genres_minutes_outcomes_votes_promises_and_no_party_as_the_council(nlp):
    x = run(nlp, MINUTES)
    recs = [(d.actor, d.date, d.status, d.number, d.votes_for, d.votes_against) for d in x.decisions if d.date]
    assert recs == [("gemeenteraad", "2023-06-05", "adopted", "M1", 19, 8),
                    ("gemeenteraad", "2023-06-05", "rejected", "A2", None, None),
                    ("burgemeester", "2023-06-05", "promised", None, None, None),
                    ("gemeenteraad", "2023-06-05", "adopted", "4", None, None)]
    assert not any(d.actor == "gemeenteraad" and d.text.startswith("De fractie") for d in x.decisions)


WATER_BOARD = """Besluitenlijst vergadering dijkgraaf en heemraden 16 januari 2024

1. Verslag vorige vergadering
Conform vastgesteld.

2. Voorstel aanleg natuurvriendelijke oevers Baarsloot
Besluit: dijkgraaf en heemraden stemmen in met het voorstel en stellen een krediet van € 450.000 beschikbaar.
"""


def test_genres_water_board_decision_list(nlp):
    assert dated(run(nlp, WATER_BOARD)) == [("college_dijkgraaf_heemraden", "2024-01-16", "adopted")] * 2


MANDATE_LETTER = """Gemeente Epe

Aan de heer K. Visser
Dorpsstraat 4

Datum: 8 augustus 2024
Onderwerp: uw aanvraag omgevingsvergunning

Geachte heer Visser,

Op 2 juli 2024 hebben wij uw aanvraag voor een omgevingsvergunning ontvangen. Wij hebben besloten de vergunning te verlenen onder de voorwaarden in de bijlage.

Wij verzoeken u voor 1 oktober 2024 de tekeningen aan te vullen.

Met vriendelijke groet,

Burgemeester en wethouders van Epe,
namens deze,

de teamleider Vergunningen,
L. Bos
"""


def test_genres_letter_under_mandate_dates_wij_hebben_besloten_and_its_request_by_the_letter(nlp):
    x = run(nlp, MANDATE_LETTER)
    recs = [(d.actor, d.date, d.status) for d in x.decisions if d.date]
    assert ("college_bw", "2024-08-08", "adopted") in recs
    # a request is made the day the letter is written; "voor 1 oktober 2024" is the deadline it sets
    assert ("college_bw", "2024-08-08", "proposed") in recs and not any(r[1] == "2024-10-01" for r in recs)
    assert all("teamleider" in (d.mandate_holder or "") for d in x.decisions if d.actor == "college_bw")


MOTION_RECORD = """Motie: Speelplekken in elke wijk

Datum ingediend\t12-03-2025
Uitslag\tAangenomen
Portefeuillehouder\tA. Jansen (Wethouder)

Inhoud

De gemeenteraad van Zwolle bijeen op 12 maart 2025 ter bespreking van de Speelruimtenota

Constaterende dat:
- Op 14 november 2024 de motie 'Buitenspelen' is aangenomen;

Verzoekt het college:
- voor de zomer een plan voor speelplekken in elke wijk op te stellen;

En gaat over tot de orde van de dag.
"""


def test_genres_motion_record_outcome_field_and_cited_motion(nlp):
    x = run(nlp, MOTION_RECORD)
    recs = dated(x)
    assert ("gemeenteraad", "2025-03-12", "adopted") in recs  # "Uitslag: Aangenomen"
    assert ("gemeenteraad", "2024-11-14", "adopted") in recs
    assert all(d.government == "Zwolle" for d in x.decisions)


def test_genres_a_place_named_in_a_decision_is_not_its_government(nlp):
    text = ("Besluitenlijst van de vergadering van de gemeenteraad van Den Helder van 29 juni 2015\n\n"
            "9. Voorstel begroting-app\nDe raad besluit unaniem: een app voor de begroting te laten ontwikkelen, "
            "naar voorbeeld van de app van de gemeente Hengelo.\n\nDe griffier van de gemeente Den Helder\n")
    x = run(nlp, text)
    assert x.document.government == "Den Helder"
    assert [d.government for d in x.decisions if d.date] == ["Den Helder"]


def test_genres_meeting_titles_give_body_ids_never_title_slugs(nlp):
    text = ("Verslag bestuurlijk overleg programmeringsafspraken wind Noord\n\nWoensdag 10 juli 2024 10.00 uur\n\n"
            "1. Verslag vorige vergadering\nHet verslag wordt ongewijzigd vastgesteld.\n")
    x = run(nlp, text)
    assert x.document.meeting_body == "bestuurlijk_overleg"
    assert [d.actor for d in x.decisions if d.date] == ["bestuurlijk_overleg"]
    assert x.decisions[0].actor_text.lower().startswith("bestuurlijk overleg")


@pytest.mark.parametrize("sentence, actor", [
    ("Het bestemmingsplan Dorpskern is op 30 maart 2017 vastgesteld.", "gemeenteraad"),
    ("Het wijzigingsplan Kerkweg 3 is op 12 mei 2016 vastgesteld.", "college_bw"),
    ("Dit is neergelegd in het Streekplan, vastgesteld op 13 december 2006.", "provinciale_staten"),
])
def test_genres_plan_explanation_adoptions_get_the_body_the_law_names(nlp, sentence, actor):
    text = "Toelichting\n\n1 Inleiding\n\n" + sentence + "\n"
    assert [d[0] for d in dated(run(nlp, text))] == [actor]


CONVOCATION = """Gemeente Heerde

Aan de raad van de gemeente Heerde

Datum: 2 september 2024
Onderwerp: oproep vergadering gemeenteraad

Geachte raad,

Hierbij nodig ik u uit tot het bijwonen van de raadsvergadering op maandag 9 september 2024 om 19.30 uur in de raadzaal.
Bijgevoegd treft u de agenda aan.

Hoogachtend,
de voorzitter van de gemeenteraad,

J. de Boer
"""


def test_genres_convocation_letter_calls_the_meeting_of_the_body(nlp):
    recs = dated(run(nlp, CONVOCATION))
    assert ("voorzitter_gemeenteraad", "2024-09-02", "realized") in recs  # the call, by the signer
    assert ("gemeenteraad", "2024-09-09", "planned") in recs  # the meeting it calls


def test_genres_letter_a_plan_put_before_the_council_and_a_heading_run_into_its_paragraph(nlp):
    """"werd aan de raad voorgelegd" is a proposal to the council on its date; a heading without its full stop
    ("... in de zomer van 2027 uitgevoerd") does not lend its words to the paragraph under it."""
    text = ("Raadsinformatiebrief\n\nDatum 1 juli 2026\n\nAan de leden van de gemeenteraad,\n\n"
            "Op 22 januari 2026 werd de Voedselvisie aan de raad voorgelegd ter vaststelling.\n\n"
            "Fase 2 van de weg wordt in de zomer van 2027 uitgevoerd\n"
            "In het kader van het raadsbesluit ‘Krediet fase 2’ d.d. 27 november 2025 informeerden wij u dat de "
            "realisatie van deze tweede fase van de herinrichting van de weg in de zomer van 2026 werd nagestreefd.\n\n"
            "Met vriendelijke groet,\n\nhet college van burgemeester en wethouders\n")
    x = run(nlp, text)
    got = {(d.actor, d.date, d.status) for d in x.decisions}
    assert ("gemeenteraad", "2026-01-22", "proposed") in got
    informed = [d for d in x.decisions if "informeerden" in d.text]
    assert informed and all(not d.text.startswith("Fase 2") for d in informed)


AGENDA_WITH_PROPOSALS = """Bundel - Algemeen Bestuur van 7 november 2024

3	Bestemming resultaat jaarrekening 2023

4	Begroting 2025

4.1 Oplegnotitie Begroting 2025
4.2 Besluiten AB 10-10-2024 inz. Begroting 2025

Agenda Algemeen Bestuur GGD Noord
Datum : 07 november 2024

1. Opening
1.1. Vaststellen agenda

3. Bestemming resultaat jaarrekening 2023 (bijlage 3.1)
Voorgesteld wordt:
1. De bestemming resultaat 2023 te wijzigen.

2. Het college van burgemeester en wethouders van Almere te verzoeken in te stemmen met de mutatie.

4. Begroting 2025 (bijlage 4.1)
Voorgesteld wordt:
1. De begroting 2025 vast te stellen.
2. De reactiebrief op de zienswijzen vast te stellen en te verzenden naar de gemeenten.

Agenda Algemeen bestuur GGD Noord, 07 november 2024

Actualiteitenmemo

Wet Suïcidepreventie
De initiatiefwet Suïcidepreventie is door de eerste en tweede kamer goedgekeurd.
"""


def test_genres_agenda_item_with_proposal_points_is_its_points_and_a_footer_is_no_plan(nlp):
    decisions = run(nlp, AGENDA_WITH_PROPOSALS).decisions
    recs = [(d.number, d.status, d.date, d.text.split("(")[0].strip()) for d in decisions]
    texts = [r[3] for r in recs]
    assert "De begroting 2025 vast te stellen." in texts
    assert any(t.startswith("De reactiebrief") for t in texts)  # the last point of an item is no title
    assert not any(t.startswith(("Bestemming resultaat", "Begroting 2025")) for t in texts)  # titles give way
    assert not any(t.startswith(("Oplegnotitie", "Besluiten AB")) for t in texts)  # a bundle's attachments propose nothing
    assert not any(t.startswith("Agenda Algemeen") for t in texts)  # the running footer plans nothing
    assert all(d.actor != "algemeen_bestuur" for d in decisions if "Suïcidepreventie" in d.text)  # the chambers' act
    assert all(r[2] == "2024-11-07" for r in recs if r[1] == "proposed")


BOARD_RESOLUTION = """BESLUIT AB 10 oktober 2024 Begroting 2025 inclusief meerjarenraming 2026 - 2028 Tekstuele versie: 11102024_13:09 / versie 15102024_09u02

1. Kennis te nemen van de ingekomen zienswijzen op de ontwerpbegroting.

2. In te stemmen met een incidentele ophoging van de inwonerbijdrage voor 2025 met

€ 343 (x 1.000) om het nadelig resultaat af te dekken.

3. De begroting 2025 ter vaststelling te agenderen in de vergadering van het AB van 7 november 2024.
"""


def test_genres_a_board_resolution_titled_besluit_ab_date_is_its_points_on_that_day(nlp):
    from pipeline.nlp import metadata
    from pipeline.nlp.dates import document_date

    assert metadata.title(BOARD_RESOLUTION) == "BESLUIT AB 10 oktober 2024 Begroting 2025 inclusief meerjarenraming 2026 - 2028"
    assert document_date(BOARD_RESOLUTION)[0] == "2024-10-10"
    points = [(d.number, d.actor, d.date, d.status) for d in run(nlp, BOARD_RESOLUTION).decisions if d.number]
    assert points == [(n, "algemeen_bestuur", "2024-10-10", "adopted") for n in ("1", "2", "3")]


def test_genres_list_item_not_dealt_with_is_postponed_on_the_meeting_date(nlp):
    text = ("Besluitenlijst van de vergadering van de gemeenteraad van Den Haag van 13 februari 2025\n\n"
            "A\tVaststelling van de agenda\taangenomen\n\n"
            "B\tWerkagenda circulaire economie (RIS318676) NIET AAN DE ORDE GEWEEST\n\n"
            "C\tVoorstel van het college inzake winkelcentrum\taangenomen\n")
    recs = [(d.status, d.actor, d.date) for d in run(nlp, text).decisions if "Werkagenda" in d.text]
    assert recs == [("postponed", "gemeenteraad", "2025-02-13")]


COVER_NOTE = """Oplegnotitie voor:
Agendapunt:
Vergaderdatum:
Onderwerp:
Behandeling:
Status:

algemeen bestuur GGD Noord
4
11 mei 2023
Voortgang GALA/IZA in de regio
Besluitvormend
Openbaar

Voorstel

Op basis van de bespreking van het dilemma wordt voorgesteld te komen tot de volgende besluiten:

1) De besluitvorming over de thema's te agenderen voor vergaderingen van het algemeen bestuur.

2) De bestuurlijk portefeuillehouders op inhoud en proces mee te nemen in de verdere uitwerking.
"""


def test_genres_cover_note_read_column_by_column_proposes_its_points_to_the_board(nlp):
    """A form whose labels and values were read as two columns ("Onderwerp:" ... "Voortgang ...") gives its subject
    as title and its meeting; "wordt voorgesteld te komen tot de volgende besluiten:" heads the proposals."""
    from pipeline.nlp import metadata

    assert metadata.title(COVER_NOTE) == "Voortgang GALA/IZA in de regio"
    assert metadata.doc_type(COVER_NOTE) == "raadsvoorstel"
    points = [(d.number, d.actor, d.date, d.status) for d in run(nlp, COVER_NOTE).decisions if d.number]
    assert points == [(n, "algemeen_bestuur", "2023-05-11", "proposed") for n in ("1", "2")]


def test_genres_cover_note_with_a_heading_between_labels_and_values_and_voorgesteld_om(nlp):
    text = COVER_NOTE.replace("\nalgemeen bestuur GGD Noord", "\nVoorstel\n\nalgemeen bestuur GGD Noord").replace(
        "Op basis van de bespreking van het dilemma wordt voorgesteld te komen tot de volgende besluiten:",
        "Het Algemeen Bestuur wordt voorgesteld om:")
    points = [(d.number, d.actor, d.date, d.status) for d in run(nlp, text).decisions if d.number]
    assert points == [(n, "algemeen_bestuur", "2023-05-11", "proposed") for n in ("1", "2")]


def test_genres_a_regulation_s_metadata_says_who_adopted_it_and_when(nlp):
    text = ("Identifier: CVDR100394_2\n\nTitle: Beleidsregels verkeersveiligheid en parkeren\n\nCreator: Kampen\n\n"
            "Isratifiedby: college van burgemeester en wethouders\n\nIssued: 2016-10-11\n\n"
            "Inwerkingtredingdatum: 2016-10-27\n\nBeleidsregels verkeersveiligheid en parkeren\n\n1. Parkeren\n\n[Vervallen]\n")
    got = [(d.actor, d.date, d.status, d.object) for d in run(nlp, text).decisions if d.status == "adopted"]
    assert ("college_bw", "2016-10-11", "adopted", "Beleidsregels verkeersveiligheid en parkeren") in got


def test_genres_a_regulation_s_metadata_says_when_it_was_published_and_takes_effect(nlp):
    # (session 24, after a CVDR regulation of the blind set r48: the day it takes effect is the adopter's plan,
    # the official journal's day its publication)
    text = ("Identifier: CVDR680781_1\n\nTitle: Beleidsregel Wet Bibob Someren 2019\n\nCreator: Someren\n\n"
            "Isformatof: 't Contact van 29-08-2019\n\nIsratifiedby: college van burgemeester en wethouders\n\n"
            "Issued: 2019-05-28\n\nInwerkingtredingdatum: 2019-08-30\n\nBeleidsregel Wet Bibob Someren 2019\n")
    got = sorted((d.actor, d.date, d.status) for d in run(nlp, text).decisions)
    assert got == [("college_bw", "2019-05-28", "adopted"), ("college_bw", "2019-08-29", "realized"),
                   ("college_bw", "2019-08-30", "planned")]


def test_genres_a_table_that_dates_adopted_plans_and_granted_permits(nlp):
    text = ("Toelichting\n\nOp 20 maart 2013 is het bestemmingsplan 'Buitengebied Oldambt' vastgesteld.\n\n"
            "a. Bestemmingsplannen\n\nNaam\tNL.IMRO nummer\tDatum vaststelling\n\n"
            "Buitengebied Oldambt\tNL.IMRO.1895.01BP0001-0402\t20-3-2013\n"
            "Oostwold - Huningaweg 11\tNL.IMRO.1895.12BP0002-0401\t1-6-2013\n\n"
            "c. Omgevingsvergunningen\n\nNaam\tNL.IMRO nummer\tDatum verleend\n\n"
            "Zuiderveen 83 Winschoten\tNL.IMRO.1895.01OV0003-0401\t14-4-2014\n")
    got = sorted((d.actor, d.date, d.status) for d in run(nlp, text).decisions if d.date)
    assert got == [("college_bw", "2014-04-14", "adopted"), ("gemeenteraad", "2013-03-20", "adopted"),
                   ("gemeenteraad", "2013-06-01", "adopted")]  # the plan the text tells of once, not again as a row


def test_genres_letter_a_conversation_that_will_take_place_in_two_bodies_is_planned_for_each(nlp):
    text = ("Groningen, 31 oktober 2019.\n\nGeachte Raadsleden,\n\nEr wordt een verslag van de bijeenkomst gemaakt. "
            "Medio 2020 zal in de raadscommissie O&W en de gemeenteraad het gesprek over de toekomst van de jeugdzorg "
            "plaatsvinden.\n\nMet vriendelijke groet,\n\nDe werkgroep\n")
    got = {(d.actor, d.date, d.status) for d in run(nlp, text).decisions}
    assert {("raadscommissie", "2020", "planned"), ("gemeenteraad", "2020", "planned")} <= got


def test_genres_notice_laying_a_draft_open_is_the_issuer_s_proposal_on_its_date(nlp):
    text = ("STAATSCOURANT\n\nOfficiële uitgave van het Koninkrijk der Nederlanden sinds 1814.\n\n"
            "Ter inzage: omgevingsvergunning\n\n•Vennewatersweg 29, Egmond-Binnen - bouw bedrijfswoning.\n\n"
            "Dit ontwerpbesluit ligt vanaf 24 december 2015 zes weken ter inzage in het gemeentehuis van Bergen.\n\n"
            "Bergen, 23 december 2015\n\nBurgemeester en wethouders van Bergen (NH)\n")
    got = {(d.actor, d.date, d.status) for d in run(nlp, text).decisions}
    assert ("college_bw", "2015-12-23", "proposed") in got
    assert ("college_bw", "2015-12-24", "planned") in got  # laid open from the next day


def test_genres_a_regulation_s_chapters_under_its_dictum_are_not_its_points(nlp):
    # "besluit: / vast te stellen de Beleidsregel ... 2019 / 1. / Inleiding / ...": one decision, the dictum; the
    # numbered chapters are the regulation's text (session 24, a CVDR regulation of the blind set r48)
    chapter = [
        'De gemeente krijgt steeds meer te maken met ondermijnende criminaliteit. Ondermijnende criminaliteit'
        ' bestaat uit alle vormen van criminaliteit die een bedreiging zijn voor de integriteit van onze '
        'maatschappij. Kenmerkend voor ondermijning is de verwevenheid tussen de boven- en onderwereld. '
        'Criminelen maken gebruik van legale structuren – zoals vergunningen, subsidies en '
        'overheidsopdrachten – om criminele activiteiten uit te voeren. Dit heeft tot gevolg dat de '
        'integriteit van de overheid wordt aangetast.',
        'Bestuursorganen zijn zelf verantwoordelijk voor een goede toepassing van de Wet Bibob. Daarom worden'
        ' er voor de verschillende toepassingscategorieën van de wet beleidsregels vastgesteld. In de '
        'beleidsregels staat aangegeven binnen welke branches de wet wordt toegepast en in welke gevallen het'
        ' bestuursorgaan een Bibob-advies aanvraagt bij het Bureau Bibob. Een helder Bibob-beleid voorkomt '
        'willekeur, biedt duidelijkheid voor de burger en is inzichtelijk voor de betrokkenen. Bovendien kan '
        'een Bibob-beleidslijn preventief werken.',
        'Artikel 2.1, eerste lid, aanhef en onder e van de Wet algemene bepalingen omgevingsrecht (Wabo) '
        'bepaalt dat het verboden is om een project uit te voeren, voor zover dat geheel of gedeeltelijk '
        'bestaat uit het oprichten, het veranderen of veranderen van de werking, of het in werking hebben van'
        ' een inrichting (omgevingsvergunning milieu).',
        'In artikel 2.20, eerste lid, respectievelijk artikel 5.19, vierde lid en onder b, van de Wabo is '
        'geregeld dat een aanvraag voor een omgevingsvergunning milieu (deels) kan worden geweigerd '
        'respectievelijk een verleende vergunning (deels) kan worden ingetrokken in het geval en onder de '
        'voorwaarden als bedoeld in artikel 3 van de Wet Bibob.',
    ]
    text = ("Het college van burgemeester en wethouders van de gemeente Someren;\n\nbesluit:\n\n"
            "vast te stellen de Beleidsregel Wet Bibob voor omgevingsvergunning milieu en omgevingsvergunning beperkte "
            "milieutoets gemeente Someren 2019\n\n1.\n\nInleiding\n\n" + "\n\n".join(chapter) + "\n")
    got = [(d.number, d.status, d.text.split()[0]) for d in run(nlp, text).decisions]
    assert got == [(None, "adopted", "besluit:")], got
