"""A college's decision list, an objection committee's advice and a Wob letter as real archives write
them (issue 15, after a blind annotation of decision lists and letters of two more municipalities):
hierarchical item numbers ("5.b.2") with numbered points under "Besluit:", the list's own adoption at
the next meeting, a year in a regulation's name that must not date what follows, an advice announced
mid-sentence, a letter in the first person singular, a paragraph broken by a blank line.
Read end to end by the whole pipeline, as in ``tests/test_genres.py``.
"""
from __future__ import annotations

from pipeline.extract import analyse
from pipeline.ingest.clean import clean_pages
from pipeline.models import CleanText


def run(nlp, text: str, doc_id: str = "genre"):
    return analyse(doc_id, CleanText(text=text), nlp)


def dated(extraction) -> list[tuple]:
    return [(d.actor, d.date, d.status) for d in extraction.decisions if d.date]


COLLEGE_LIST = """Openbare besluitenlijst van de vergadering van het college van burgemeester en wethouders
Datum: 17-12-2024

5.b.2

Raadsinformatiebrief appreciatie rekenkameronderzoek woonbeleid

Besluit:

1. De bestuurlijke appreciatie op de aanbevelingen van het

Rekenkameronderzoek Effectiviteit Woonbeleid te versturen aan de gemeenteraad.

5.b.3

Uitvoerings- en handhavingsstrategie

Besluit:

1. In te stemmen met de Uitvoerings- en handhavingsstrategie 2025-2028.
2. De gemeenteraad te informeren over de strategie middels bijgaande raadsinformatiebrief.
3. Een onderzoek in te stellen naar de benodigde capaciteit.

10.a.3

Beantwoording schriftelijke vragen art. 37 RvO raadslid Jansen

Besluit:

1. De beantwoording van de schriftelijke vragen vast te stellen, gesteld door raadslid Jansen d.d. 6 december 2024.

11

Sluiting

Vastgesteld in de vergadering gehouden op 7 januari 2025.

Het college van burgemeester en wethouders,

Deze besluitenlijst is digitaal vastgesteld.
"""


def test_college_list_numbered_points_under_besluit_are_one_decision_each(nlp):
    ex = run(nlp, COLLEGE_LIST)
    at_meeting = [d for d in ex.decisions if d.date == "2024-12-17"]
    assert [(d.actor, d.status) for d in at_meeting] == [("college_bw", "adopted")] * 5
    texts = [" ".join(d.text.split()) for d in at_meeting]
    assert "Rekenkameronderzoek Effectiviteit Woonbeleid te versturen aan de gemeenteraad" in texts[0]  # across the break
    assert texts[2].startswith("2. De gemeenteraad te informeren")
    assert "d.d. 6 december 2024" in texts[4]  # "art." and "d.d." end no sentence


def test_college_list_is_adopted_at_the_next_meeting_and_a_dateless_line_has_no_date(nlp):
    ex = run(nlp, COLLEGE_LIST)
    assert ("college_bw", "2025-01-07", "adopted") in dated(ex)
    digital = [d for d in ex.decisions if "digitaal" in d.text]
    assert all(d.date is None for d in digital)


def test_a_year_in_a_regulations_name_does_not_date_a_yearless_meeting(nlp):
    text = ("Besluitenlijst van de vergadering van het college van burgemeester en wethouders\nDatum: 11-10-2022\n\n"
            "4\n\nWijziging afstemmingsverordening\n\nBesluit:\n\nDe wijziging van de Afstemmingsverordening "
            "Participatiewet gemeente Wassenaar 2015 vast te stellen.\n\n5\n\nKomende raad\n\n"
            "College bespreekt de aanstaande raadsvergadering van 18 oktober.\n")
    values = {e.text: e.value for e in run(nlp, text).entities if e.label == "DATE"}
    assert values["18 oktober"] == "2022-10-18"


def test_a_reports_year_dates_the_months_of_its_own_paragraph(nlp):
    text = ("Agenda gemeenteraad 12 oktober 2015\n\nOp 17 maart 2014 heeft de raad de kaders vastgesteld.\n\n"
            "Het college biedt de tussenrapportage 2015 aan. De rapportage is gebaseerd op de periode januari "
            "tot en met augustus.\n")
    values = [e.value for e in run(nlp, text).entities if e.label == "DATE"]
    assert "2015-01/2015-08" in values or {"2015-01", "2015-08"} <= set(values)


ADVICE = """Advies van de bezwaarschriftencommissie

Aan           Het college van burgemeester en wethouders van de gemeente Amsterdam
Datum         11 april 2018
Onderwerp     Advies naar aanleiding van het bezwaarschrift tegen het verwijderen van een fiets

1. Inleiding
Tegen dit besluit is op 9 februari 2018 een bezwaarschrift ingediend.

3. Advies
Op grond van het vorenstaande adviseer ik u:
-  Het bezwaarschrift van 9 februari 2018 niet-ontvankelijk te verklaren.

Amsterdam, 11 april 2018
"""


def test_an_advice_announced_mid_sentence_is_proposed_to_the_addressee(nlp):
    recs = [d for d in run(nlp, ADVICE).decisions if d.predicate == "adviseren"]
    assert [(d.actor, d.date, d.status) for d in recs] == [("college_bw", "2018-04-11", "proposed")]
    assert recs[0].object.startswith("Het bezwaarschrift van 9 februari 2018 niet-ontvankelijk")


def test_a_paragraph_broken_by_a_blank_line_is_one_sentence_again():
    page = ("Geachte heer,\n\nOp 13 november 2018 heeft u met een beroep op de Wet openbaarheid van bestuur informatie\n\n"
            "verzocht over het noodbevel.\n\nUw verzoek is op 16 november 2018 ontvangen. Op 12 december 2018 is de\n\n"
            "beslistermijn met vier weken verdaagd.\n\nHoogachtend,\n")
    text = clean_pages([page]).text
    assert "informatie verzocht over het noodbevel." in text
    assert "Op 12 december 2018 is de beslistermijn met vier weken verdaagd." in text
    assert "Geachte heer,\n\nOp 13" in text  # a short line stays its own paragraph


def test_a_letters_extension_of_the_term_is_the_issuers_decision(nlp):
    text = ("Gemeente Amsterdam\n\nDatum 12 augustus 2020\nOnderwerp Uw Wob-verzoek\n\nGeachte heer/mevrouw,\n\n"
            "Het is niet mogelijk om binnen vier weken op uw verzoek te beslissen. Op grond van artikel 6 van de Wob "
            "verleng ik de beslistermijn van uw verzoek met vier weken.\n\nMet vriendelijke groet,\n\n"
            "de burgemeester van Amsterdam\n")
    recs = [d for d in run(nlp, text).decisions if "beslistermijn" in d.text]
    assert [(d.actor, d.date, d.status) for d in recs] == [("burgemeester", "2020-08-12", "adopted")]


VOORDRACHT = """Voordracht voor het College van B&W
Principenota Havenkwartier

Datum collegevergadering:
6 maart 2018

Onderwerp:
In te stemmen met de Principenota Havenkwartier

Het college van Burgemeester en Wethouders besluit:

1. Kennis te nemen van de gebiedsuitwerking en in te stemmen met de ontwikkelopgave voor:
a. Het ontwikkelen van het projectgebied.

b. Het verbinden van het projectgebied met zijn omgeving.

2.

In te stemmen met de volgende deelprojecten:
a. Het voorbereiden van een herinrichting van het pontplein in 2019.

b. Het starten van een project voor het deelgebied Tolhuis, gericht op een fase-2-besluit in kwartaal 1 2019.
Specifieke onderzoeksopdrachten in 2018 betreffen de optimalisering van programma, grondopbrengsten en dekkingsbronnen voor realisering van het metrostation, nader cultuurhistorisch onderzoek, tijdelijk gebruik van vrijkomende terreinen, busontsluiting en woonschepen in het gebied.

c.

d. Het starten van een verkenning naar de vernieuwing van de buurt.

3.

In te stemmen met het als volgt vormgeven van het bestuurlijk opdrachtgeverschap:
Bestuurlijk opdrachtgevers:
- Tolhuis: wethouder Verkeer en Vervoer
- Havenkwartier: wethouder Ruimtelijke Ordening
Ambtelijk opdrachtgevers:
- Tolhuis: directeur Verkeer

4. Kennis te nemen van de financiële dekking van de proceskosten.

Toelichting

In het kader van het projectbesluit vindt in kwartaal 1 2019 tevens besluitvorming plaats over:
a. De omvang van de bouwvelden.
b. Het tijdelijk gebruik van terreinen.
"""


def test_a_college_voordracht_proposes_every_point_to_the_college_meeting(nlp):
    ex = run(nlp, VOORDRACHT)
    assert (ex.document.doc_type, ex.document.meeting_body, ex.document.meeting_date) == (
        "raadsvoorstel", "college_bw", "2018-03-06")
    points = [d for d in ex.decisions if d.number and d.number.isdigit()]
    assert [(d.number, d.actor, d.date, d.status) for d in points] == [
        (n, "college_bw", "2018-03-06", "proposed") for n in ("1", "2", "3", "4")]


def test_decisions_announced_for_a_later_quarter_are_planned(nlp):
    later = [d for d in run(nlp, VOORDRACHT).decisions if d.start > VOORDRACHT.index("Toelichting")]
    assert later and {(d.date, d.status) for d in later} == {("2019-01/2019-03", "planned")}


def test_an_earlier_decision_cited_as_a_participle_phrase(nlp):
    text = ("Burgemeester van Amsterdam\n\nDatum 18 januari 2019\nOnderwerp Beslissing op uw Wob-verzoek\n\n"
            "Geachte heer,\n\nU heeft informatie verzocht over het op 2 november 2018 uitgevaardigde noodbevel. "
            "Het gaat ook om de op 5 maart 2018 door de gemeenteraad vastgestelde verordening.\n\n"
            "Hoogachtend,\n\nde burgemeester van Amsterdam\n")
    cited = {(d.actor, d.date, d.status, d.predicate) for d in run(nlp, text).decisions if d.cited}
    assert ("gemeenteraad", "2018-03-05", "adopted", "vaststellen") in cited
    assert ("burgemeester", "2018-11-02", "adopted", "uitvaardigen") in cited


MINUTES = """Notulen van de openbare vergadering van de gemeenteraad van Hengelo, gehouden op dinsdag 5 maart 2024

5. Raadsvoorstel Verordening jeugdhulp 2024
Wethouder Jansen zegt toe de raad voor de zomer te informeren over de wachtlijsten.
Motie M3 van de SP over wachtlijsten wordt verworpen met 12 stemmen voor en 21 tegen.
Het voorstel wordt met algemene stemmen aangenomen.
"""


def test_minutes_a_motions_outcome_is_the_motions_and_the_proposal_keeps_its_own(nlp):
    recs = {(d.status, d.number): d for d in run(nlp, MINUTES).decisions}
    motion = recs[("rejected", "M3")]
    assert motion.text.startswith("Motie M3") and (motion.votes_for, motion.votes_against) == (12, 21)
    assert recs[("adopted", "5")].object == "Raadsvoorstel Verordening jeugdhulp 2024"
    promise = next(d for d in recs.values() if d.status == "promised")
    assert promise.actor == "wethouder" and promise.object.startswith("Wethouder Jansen zegt toe")


def test_a_letters_expectation_with_a_quarter_is_planned_and_a_mandate_holder_under_namens_dezen(nlp):
    text = ("Gemeente Tilburg\nDatum: 4 februari 2025\nOnderwerp: besluit op uw aanvraag omgevingsvergunning\n\n"
            "Geachte heer Jansen,\n\nWij hebben besloten de omgevingsvergunning voor het bouwen van een dakkapel te "
            "verlenen. Wij verwachten u eind tweede kwartaal 2025 het definitieve besluit toe te sturen.\n\n"
            "Hoogachtend,\nBurgemeester en wethouders van Tilburg,\nnamens dezen,\n\nhet hoofd van de afdeling Vergunningen\n")
    recs = run(nlp, text).decisions
    assert [(d.actor, d.date, d.status) for d in recs if d.status == "planned"] == [
        ("college_bw", "2025-04/2025-06", "planned")]
    adopted = next(d for d in recs if d.status == "adopted")
    assert (adopted.date, adopted.mandate_holder) == ("2025-02-04", "het hoofd van de afdeling Vergunningen")


VERORDENING = """GEMEENTEBLAD
Officiële uitgave van de gemeente Utrecht
Nr. 123456
15 maart 2024

Verordening van de gemeenteraad van de gemeente Utrecht houdende regels omtrent de parkeerbelastingen

De raad van de gemeente Utrecht;
gelezen het voorstel van het college van burgemeester en wethouders van 6 februari 2024;
besluit vast te stellen de volgende verordening:
Artikel 1 Inwerkingtreding
Deze verordening treedt in werking op 1 april 2024.
Ondertekening
Aldus vastgesteld in de openbare vergadering van 7 maart 2024.
De griffier,
De voorzitter,
"""


def test_a_notice_of_a_councils_regulation_is_the_councils_not_its_clerks(nlp):
    ex = run(nlp, VERORDENING)
    assert ex.document.issuer == "gemeenteraad"
    assert ("gemeenteraad", "2024-03-07", "adopted") in dated(ex)
    assert not any(d.actor == "griffier" for d in ex.decisions)


def test_a_notices_title_is_its_heading_under_the_number(nlp):
    text = ("GEMEENTEBLAD\nOfficiële uitgave van de gemeente Ede\nNr. 98765\n22 april 2024\n\n"
            "Verkeersbesluit instellen eenrichtingsverkeer Stationsweg\n\n"
            "Het college van burgemeester en wethouders van de gemeente Ede;\ngelet op artikel 18 van de Wegenverkeerswet 1994;\n"
            "besluit:\n1. eenrichtingsverkeer in te stellen op de Stationsweg;\n\nEde, 16 april 2024\n"
            "Burgemeester en wethouders van Ede,\n")
    ex = run(nlp, text)
    assert ex.document.title == "Verkeersbesluit instellen eenrichtingsverkeer Stationsweg"
    assert ex.document.issuer == "college_bw"


def test_a_list_of_promises_gives_one_promise_a_row_with_its_office_and_date(nlp):
    text = ("Lijst van toezeggingen commissie Bestuur en Middelen\nBijgewerkt tot en met 20 november 2024\n\n"
            "Nr. | Datum | Toezegging | Portefeuillehouder | Stand van zaken\n"
            "T2024-12 | 5 maart 2024 | De raad ontvangt voor de zomer een evaluatie van het parkeerbeleid | wethouder Bakker | afgedaan\n"
            "T2024-15 | 16 april 2024 | Een memo over de kosten van de verbouwing | burgemeester | openstaand\n")
    ex = run(nlp, text)
    assert ex.document.doc_type == "toezeggingenlijst"
    assert [(d.actor, d.date, d.status) for d in ex.decisions] == [
        ("wethouder", "2024-03-05", "promised"), ("wethouder", None, "realized"), ("burgemeester", "2024-04-16", "promised")]
    assert ex.decisions[0].object == "De raad ontvangt voor de zomer een evaluatie van het parkeerbeleid"


def test_minutes_a_promise_in_the_first_person_after_the_speakers_name(nlp):
    text = ("Verslag van de openbare vergadering van de raadscommissie Ruimte, gehouden op 12 september 2023\n\n"
            "3. Voorstel bestemmingsplan Stationsgebied\n"
            "Wethouder Jansen: ik zeg toe dat het verkeersonderzoek voor 1 december 2023 naar de raad gaat.\n")
    assert ("wethouder", "2023-09-12", "promised") in dated(run(nlp, text))


def test_council_decision_list_outcomes_written_after_the_vote(nlp):
    items = ["Motie M12 over fietsparkeren\nMet de stemmen tegen van VVD, DENK en CDA aangenomen.",
             "Amendement A4 over de begroting\nBij zitten en opstaan met algemene stemmen aangenomen.",
             "Motie M14 over de haven\nNa hoofdelijke stemming met 25 leden voor en 16 leden tegen verworpen.",
             "Motie M15 over woningbouw\nZonder hoofdelijke stemming aangenomen."]
    text = ("Besluitenlijst van de vergadering van de gemeenteraad van Amsterdam van 10 maart 2026\n\n"
            + "\n\n".join(f"{i + 1}. {t}" for i, t in enumerate(items)) + "\n")
    got = [(d.number, d.status, d.date, d.vote) for d in run(nlp, text).decisions]
    assert got == [("M12", "adopted", "2026-03-10", "in meerderheid"), ("A4", "adopted", "2026-03-10", "unaniem"),
                   ("M14", "rejected", "2026-03-10", "25-16"), ("M15", "adopted", "2026-03-10", "unaniem")]


def test_a_letters_impersonal_decision_and_a_cited_compound_decision(nlp):
    text = ("Gemeente Amsterdam\n\nDatum 27 juni 2018\nOnderwerp Beslissing op uw Wob-verzoek\n\nGeachte heer,\n\n"
            "Openbaarmaking kan de positie van de gemeente schaden. Daarom is besloten de geheimhouding niet op te heffen. "
            "Wel wordt doorgewerkt aan de brug, conform het B&W-besluit dd. 13 februari 2018.\n\nHoogachtend,\n\n"
            "Burgemeester en wethouders van Amsterdam,\n")
    got = {(d.actor, d.date, d.cited) for d in run(nlp, text).decisions}
    assert ("college_bw", "2018-06-27", False) in got  # "is besloten" in a letter: the writer's, on its date
    assert ("college_bw", "2018-02-13", True) in got
    subordinate = text.replace("Daarom is besloten de geheimhouding niet op te heffen.",
                               "Zo kunt u per document nagaan wat over de openbaarmaking is besloten.").replace(
        "Onderwerp Beslissing op uw Wob-verzoek", "Onderwerp Uw Wob-verzoek")  # (a "Beslissing op" subject is one)
    assert not [d for d in run(nlp, subordinate).decisions if not d.cited]  # "wat ... is besloten" tells no decision


def test_a_notice_of_a_district_with_the_date_its_decision_was_taken(nlp):
    text = ("Bekendmakingen\n\nBesluit weigering woningvorming\n\nStadsdeel West - 24 januari 2018\n\n"
            "Besluit genomen op 19 januari 2018;\n\nweigering van de aanvraag voor het vormen van vijf onzelfstandige "
            "woonruimten.\n\nVoor het inzien van het besluit kunt u een afspraak maken.\n")
    ex = run(nlp, text)
    assert ex.document.issuer == "stadsdeel"
    assert ("stadsdeel", "2018-01-19", "adopted") in dated(ex)
    assert [e.text for e in ex.entities if e.label == "ORGAN"] == ["Stadsdeel West"]
    assert not [e for e in run(nlp, "In het stadsdeel wonen veel mensen.").entities if e.label == "ORGAN"]


def test_a_plural_form_after_a_modal_is_an_infinitive_not_a_decision(nlp):
    text = ("Gedeputeerde Staten van Overijssel\n\nDatum: 17 juli 2023\n\nVragen van de gemeenten:\n"
            "- wil de provincie de termijn van uitstel verlengen\n- kan de provincie de uitzondering opheffen\n")
    assert not [d for d in run(nlp, text).decisions if "verlengen" in d.text]


def test_a_woo_letters_promise_of_an_answer_and_what_was_sent_and_the_writer_named(nlp):
    text = ("Gemeente Amsterdam\n\nDatum 12 augustus 2020\nOnderwerp Uw Wob-verzoek\n\nGeachte heer/mevrouw,\n\n"
            "De noodbevelen zijn u op 22 november 2018 toegezonden. Op grond van artikel 6 van de Wob verleng ik de "
            "beslistermijn met vier weken. U ontvangt derhalve uiterlijk op 6 oktober 2020 van mij antwoord op uw "
            "verzoek.\n\nMet vriendelijke groet,\n\nde burgemeester van Amsterdam\n")
    recs = run(nlp, text).decisions
    got = {(d.actor, d.date, d.status) for d in recs}
    assert {("burgemeester", "2018-11-22", "realized"), ("burgemeester", "2020-10-06", "planned"),
            ("burgemeester", "2020-08-12", "adopted")} <= got
    assert all(d.actor_text != "ik" for d in recs)  # the writer as the letter names it


def test_a_raadsvoorstels_closing_sentence_proposes_the_resolution_under_it(nlp):
    # "Gezien het vorenstaande stelt het college de raad voor het volgende besluit te nemen:" (r48, a Den Haag
    # raadsvoorstel): the college proposes; the council's "besluit:" under it is the council's, on the day it was taken
    text = ("Datum\n28 januari 2025\n\nVoorstel van het college inzake de Gemeenschappelijke regeling Veiligheidsregio 2025\n\n"
            "Het college is van mening dat de zienswijze op passende wijze is verwerkt.\n\n"
            "Gezien het vorenstaande stelt het college de raad voor het volgende besluit te nemen:\n\n"
            "de raad van de gemeente Den Haag,\n\ngezien het voorstel van het college van 28 januari 2025;\n\nbesluit:\n\n"
            "toestemming te verlenen aan het college tot het treffen van de gemeenschappelijke regeling.\n\n"
            "Aldus besloten in de openbare raadsvergadering van 13 februari 2025.\n")
    x = analyse("denhaag-raadsvoorstel-2025-01-28", CleanText(text=text), nlp)
    assert not [d.text for d in x.decisions if d.actor == "college_bw" and d.status == "adopted"], \
        [(d.actor, d.status, d.text[:60]) for d in x.decisions]
    assert ("gemeenteraad", "2025-02-13", "adopted") in [(d.actor, d.date, d.status) for d in x.decisions]


def test_a_resolutions_points_whose_numbers_stand_apart_are_one_decision_each(nlp):
    # a PDF that set the points' numbers in a column of their own gives "I." / "II." / the two points (r47, a Den Haag
    # raadsvoorstel): each point is the council's decision, numbered as written
    text = ("de raad van de gemeente Den Haag,\n\ngezien het voorstel van het college van 8 april 2025, besluit:\n\nI.\n\nII.\n\n"
            "de maximum planvoorraad in het Haags Hotelbeleid 2021 vast te stellen op een maximum van 1.400 kamers;\n\n"
            "geen medewerking te verlenen aan nieuwe short stay-initiatieven, totdat nieuw beleid is vastgesteld.\n\n"
            "Aldus besloten in de openbare raadsvergadering van 9 juli 2025.\n\nDe griffier,\n\nDe voorzitter,\n")
    x = analyse("denhaag-raadsbesluit-2025-07-09", CleanText(text=text), nlp)
    points = [(d.number, d.date, d.status, d.text.split()[0]) for d in x.decisions if d.actor == "gemeenteraad"]
    assert points == [("I", "2025-07-09", "adopted", "de"), ("II", "2025-07-09", "adopted", "geen")], points


def test_what_a_letter_says_its_college_will_deliver_is_the_colleges(nlp):
    # "Het college verwacht nieuw short stay-beleid kort na de zomer aan de gemeenteraad aan te bieden": planned by the
    # college the sentence opens with, whoever signs the document (here the council's resolution under the proposal)
    text = ("Datum\n8 april 2025\n\nWijziging planvoorraad\n\nGeachte raad,\n\nHet college verwacht nieuw short stay-beleid "
            "kort na de zomer aan de gemeenteraad aan te bieden.\n\nAldus besloten in de openbare raadsvergadering van 9 juli "
            "2025.\n\nDe griffier,\n\nDe voorzitter,\n")
    x = analyse("denhaag-brief-2025-04-08", CleanText(text=text), nlp)
    assert [(d.actor, d.date, d.status) for d in x.decisions if "short stay" in d.text] == [("college_bw", "2025-SU", "planned")], \
        [(d.actor, d.date, d.status, d.text[:50]) for d in x.decisions]
