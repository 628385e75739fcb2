"""Decision documents in the layouts of other governments (issue 15, stress test of the genre):
pipe rows and table rows with their outcome in a later cell, a table's header row, a minutes title
of one long line, the meeting's body on the line under the title, advice lists of a committee,
a raadsvoorstel with its own fields, a notice with roman-numbered articles, a college's decision
list with numbered points under "Besluit:", a letter of the college, a proposal cited inside a decision.

Each text is written here by hand; DATE and ORGAN spans are set as in ``tests/test_decisions.py``.
"""

from __future__ import annotations

from pipeline.ingest.clean import clean_pages
from pipeline.nlp.decisions import find_decisions
from pipeline.nlp.structure import is_header_row
from tests.test_decisions import DATES, ORGANS, make_doc

ORGANS.update({"gemeenteraad": "gemeenteraad", "college van B&W": "college_bw", "Het college": "college_bw",
               "het college": "college_bw", "commissie Ruimte": "raadscommissie", "Cie Ruimte": "raadscommissie",
               "AB": "algemeen_bestuur", "college van dijkgraaf en hoogheemraden": "college_dijkgraaf_heemraden",
               "Burgemeester en wethouders van Deventer": "college_bw", "griffier": "griffier",
               "burgemeester en wethouders": "college_bw", "Burgemeester en wethouders van Tilburg": "college_bw"})
DATES.update({"11 maart 2024": "2024-03-11", "8 april 2024": "2024-04-08", "14 mei 2024": "2024-05-14",
              "28 mei 2024": "2024-05-28", "19-09-2023": "2023-09-19", "4 oktober 2023": "2023-10-04",
              "27 juni 2023": "2023-06-27", "30 mei 2023": "2023-05-30", "6 februari 2024": "2024-02-06",
              "23 januari 2024": "2024-01-23", "20 maart 2024": "2024-03-20", "7 december 2023": "2023-12-07",
              "14 december 2023": "2023-12-14", "4 februari 2025": "2025-02-04"})


def dated(decisions: list[dict]) -> list[dict]:
    return [d for d in decisions if d["date"]]


def test_pipe_rows_stay_rows_and_each_row_with_an_outcome_is_a_decision():
    raw = ("Besluitenlijst gemeenteraad\n\nVergadering van de gemeenteraad op maandag 11 maart 2024\n\n"
           "Agendapunt 1 | Opening en vaststelling agenda | Besluit: de agenda wordt ongewijzigd vastgesteld\n"
           "Agendapunt 5 | Raadsvoorstel Grondexploitatie Noord | Besluit: aangenomen (unaniem)\n"
           "Agendapunt 6 | Raadsvoorstel Verordening jeugdhulp | Hamerstuk\n"
           "Agendapunt 7 | Raadsvoorstel Bestemmingsplan Wipstrik | Besluit: aangenomen met 27 stemmen voor en 10 tegen\n"
           "  - Amendement A1 (GroenLinks) over extra groen | verworpen (15 voor, 22 tegen)\n"
           "  - Motie M2 (VVD) Parkeren op eigen terrein | ingetrokken\n"
           "Agendapunt 8 | Raadsvoorstel Krediet sportpark | Besluit: aangehouden tot de vergadering van 8 april 2024\n")
    text = clean_pages([raw]).text
    assert "vastgesteld\nAgendapunt 5" in text  # a pipe row is not a wrapped line
    recs = dated(find_decisions(make_doc(text)))
    got = [(d["actor"], d["date"], d["status"], d["number"], d["votes_for"], d["votes_against"]) for d in recs]
    assert got == [
        ("gemeenteraad", "2024-03-11", "adopted", "1", None, None),
        ("gemeenteraad", "2024-03-11", "adopted", "5", None, None),
        ("gemeenteraad", "2024-03-11", "adopted", "6", None, None),
        ("gemeenteraad", "2024-03-11", "adopted", "7", 27, 10),
        ("gemeenteraad", "2024-03-11", "rejected", "A1", 15, 22),
        ("gemeenteraad", "2024-03-11", "withdrawn", "M2", None, None),
        ("gemeenteraad", "2024-03-11", "postponed", "8", None, None)]
    assert recs[1]["object"] == "Raadsvoorstel Grondexploitatie Noord"


def test_table_header_row_is_no_decision_and_a_decision_cell_is_read():
    assert is_header_row("Nr\tOnderwerp\tBesluit") and is_header_row("| Agendapunt | Onderwerp | Advies |")
    assert not is_header_row("1\tNota kwijtschelding\tAangehouden")
    text = ("Besluitenlijst vergadering college van dijkgraaf en hoogheemraden\nDatum: 6 februari 2024\n\n"
            "Nr\tOnderwerp\tBesluit\n"
            "2\tPeilbesluit Schermer-Noord\tHet college besluit het ontwerp-peilbesluit ter inzage te leggen\n"
            "3\tAanbesteding baggerwerk\tGunning aan de laagste inschrijver; akkoord\n"
            "4\tNota Kwijtschelding\tAangehouden\n")
    recs = dated(find_decisions(make_doc(text)))
    assert [(d["actor"], d["status"], d["object"]) for d in recs] == [
        ("college_dijkgraaf_heemraden", "adopted", "Peilbesluit Schermer-Noord"),
        ("college_dijkgraaf_heemraden", "adopted", "Aanbesteding baggerwerk"),
        ("college_dijkgraaf_heemraden", "postponed", "Nota Kwijtschelding")]


def test_minutes_with_a_long_title_line_and_passive_outcomes_after_adverbs():
    text = ("Gemeente Leeuwarden\nNotulen van de openbare vergadering van de gemeenteraad van Leeuwarden, gehouden op "
            "woensdag 4 oktober 2023 in de raadszaal.\n\n"
            "3. Notulen vorige vergadering\nDe notulen worden zonder wijzigingen vastgesteld.\n\n"
            "5. Verordening leerlingenvervoer\n"
            "Motie M3 van de fracties PvdA en GroenLinks over gratis vervoer voor mantelzorgers wordt verworpen "
            "met 12 stemmen voor en 19 tegen.\nHet voorstel wordt zonder hoofdelijke stemming aangenomen.\n\n"
            "6. Rondvraag\nHet voorstel wordt nog niet vastgesteld.\n")
    doc = make_doc(text)
    recs = dated(find_decisions(doc))
    assert doc._.layout == "minutes" and doc._.meeting["date"] == "2023-10-04"
    assert [(d["actor"], d["date"], d["status"], d["votes_for"]) for d in recs] == [
        ("gemeenteraad", "2023-10-04", "adopted", None),
        ("gemeenteraad", "2023-10-04", "adopted", None),  # "Het voorstel": item 5, from its title on
        ("gemeenteraad", "2023-10-04", "rejected", 12),
        ("gemeenteraad", "2023-10-04", "postponed", None)]  # "wordt nog niet vastgesteld": not taken at this meeting
    assert recs[1]["object"] == "Verordening leerlingenvervoer" and recs[2]["number"] == "M3"


def test_the_meetings_body_on_the_line_under_the_title_and_a_cited_proposal_inside_a_decision():
    text = ("Waterschap Rivierenland\n\nBESLUITENLIJST\nvan de openbare vergadering van het algemeen bestuur\n"
            "gehouden op dinsdag 27 juni 2023\n\n"
            "Punt 4. Jaarrekening\nHet AB besluit conform het voorstel van het dagelijks bestuur van 30 mei 2023:\n"
            "de jaarrekening vast te stellen.\n\nPunt 7. Motie Blauwe Diensten\nDe motie wordt verworpen.\n")
    doc = make_doc(text)
    recs = dated(find_decisions(doc))
    assert doc._.meeting == {"body": "algemeen_bestuur", "body_text": "algemeen bestuur", "date": "2023-06-27"}
    got = {(d["actor"], d["date"], d["status"]) for d in recs}
    assert ("dagelijks_bestuur", "2023-05-30", "proposed") in got  # the proposal, cited with its own date
    assert ("algemeen_bestuur", "2023-06-27", "adopted") in got  # the AB's decision on the meeting's date
    assert ("algemeen_bestuur", "2023-06-27", "rejected") in got
    assert ("algemeen_bestuur", "2023-05-30", "proposed") not in got


def test_a_committees_advice_list_hamerstuk_and_bespreekstuk():
    text = ("Adviezenlijst commissie Ruimte\n\nVergadering Cie Ruimte van dinsdag 19-09-2023\n\n"
            "Nr.\tOnderwerp\tAdvies\n"
            "4\tRaadsvoorstel Omgevingsplan Centrum\thamerstuk\n"
            "5\tRaadsvoorstel Mobiliteitsvisie\tbespreekstuk\n")
    doc = make_doc(text)
    recs = dated(find_decisions(doc))
    assert doc._.layout == "decision_list"
    assert [(d["actor"], d["date"], d["predicate"]) for d in recs] == [
        ("raadscommissie", "2023-09-19", "hamerstuk"), ("raadscommissie", "2023-09-19", "bespreekstuk")]


def test_a_raadsvoorstel_proposes_to_its_meeting_and_the_council_adopts():
    text = ("Raadsvoorstel\n\nOnderwerp: Actualisatie Transitievisie Warmte\nDatum collegebesluit: 23 januari 2024\n"
            "Datum raadsvergadering: 20 maart 2024\n\nVoorgesteld besluit\n"
            "1. De Transitievisie Warmte vast te stellen;\n2. Het college opdracht te geven een uitvoeringsprogramma op te stellen.\n\n"
            "Burgemeester en wethouders van Deventer,\n\nDe raad van de gemeente Deventer,\n"
            "gelezen het voorstel van burgemeester en wethouders van 23 januari 2024;\nbesluit:\n"
            "De Transitievisie Warmte vast te stellen.\n\n"
            "Aldus besloten in de openbare vergadering van 20 maart 2024.\nDe griffier,   de voorzitter,\n")
    doc = make_doc(text)
    recs = dated(find_decisions(doc))
    assert doc._.meeting["date"] == "2024-03-20"  # not the date of the college's decision
    assert doc._.issuer == "college_bw"  # the college signs the proposal; the griffier signs for the council
    got = [(d["actor"], d["date"], d["status"]) for d in recs]
    assert got.count(("gemeenteraad", "2024-03-20", "proposed")) >= 2
    assert ("gemeenteraad", "2024-03-20", "adopted") in got
    assert got.count(("college_bw", "2024-01-23", "proposed")) == 1  # the cited proposal, once
    assert not any(d["actor"] == "griffier" for d in recs)


def test_a_notices_roman_numbered_articles_are_one_decision_each():
    text = ("WATERSCHAPSBLAD\nOfficiële uitgave van Hoogheemraadschap van Delfland\n14 december 2023\n\n"
            "Het algemeen bestuur van het Hoogheemraadschap van Delfland,\ngelet op artikel 56 van de Waterschapswet;\n\n"
            "BESLUIT:\nI. vast te stellen de Waterschapsverordening Delfland;\nII. in te trekken de Keur Delfland.\n\n"
            "Aldus besloten in de openbare vergadering van het algemeen bestuur van 7 december 2023.\n")
    recs = dated(find_decisions(make_doc(text, doc_date="2023-12-14")))
    points = [d for d in recs if d["number"] in ("I", "II")]
    assert [(d["actor"], d["date"], d["number"]) for d in points] == [
        ("algemeen_bestuur", "2023-12-07", "I"), ("algemeen_bestuur", "2023-12-07", "II")]


def test_a_colleges_decision_list_numbered_points_under_besluit_and_a_postponed_item():
    text = ("Gemeente Almere\n\nBesluitenlijst college van B&W d.d. 14 mei 2024\n\n"
            "2. Uitvoeringsprogramma Armoede\nBesluit: Het college besluit:\n"
            "1. in te stemmen met het Uitvoeringsprogramma Armoede;\n2. de raad hierover te informeren.\n\n"
            "4. Subsidieregeling sportaccommodaties\n"
            "Besluit: Aangehouden; het voorstel komt terug in de collegevergadering van 28 mei 2024.\n")
    recs = dated(find_decisions(make_doc(text)))
    assert [(d["actor"], d["date"], d["status"], d["number"]) for d in recs] == [
        ("college_bw", "2024-05-14", "adopted", "1"), ("college_bw", "2024-05-14", "adopted", "2"),
        ("college_bw", "2024-05-14", "postponed", "4")]


def test_a_colleges_letter_dates_what_it_has_decided_and_what_the_letter_does():
    text = ("Gemeente Tilburg\nDatum: 4 februari 2025\nOnderwerp: Renovatie schouwburg\n\nGeachte raadsleden,\n\n"
            "Het college heeft besloten de raad per kwartaal over de voortgang te informeren.\n"
            "Met deze brief informeren wij u over de stand van zaken.\n\nMet vriendelijke groet,\n"
            "Burgemeester en wethouders van Tilburg,\n")
    recs = find_decisions(make_doc(text, doc_date="2025-02-04"))
    got = [(d["actor"], d["date"], d["status"]) for d in recs]
    assert ("college_bw", "2025-02-04", "adopted") in got
    assert ("college_bw", "2025-02-04", "realized") in got


def test_a_date_after_per_is_when_a_decision_takes_effect_not_when_it_was_taken():
    DATES.update({"17 september 2024": "2024-09-17", "1 november 2024": "2024-11-01"})
    text = ("Gemeente Groningen\nAan de gemeenteraad\nDatum: 17 september 2024\nOnderwerp: Deelmobiliteit\n\n"
            "Geachte leden van de raad,\n\n"
            "Wij hebben daarom besloten de deelauto's per 1 november 2024 weg te halen.\n\n"
            "Met vriendelijke groet,\nBurgemeester en wethouders van Tilburg,\n")
    recs = dated(find_decisions(make_doc(text, doc_date="2024-09-17")))
    assert [(d["actor"], d["date"], d["status"]) for d in recs] == [("college_bw", "2024-09-17", "adopted")]


def test_votes_in_a_cell_of_their_own_lettered_items_and_a_decision_under_the_table():
    DATES.update({"27 juni 2024": "2024-06-27", "9 april 2024": "2024-04-09"})
    text = ("Besluitenlijst raadsvergadering\n\nDatum: 27 juni 2024\n\n"
            "Agendapunt\tOnderwerp\tBesluit\tStemming\n"
            "6\tRaadsvoorstel Jaarstukken\tAangenomen\tVoor: 36, Tegen: 0\n"
            "6a\tAmendement A2 Reserve sociaal domein\tVerworpen\tVoor: 14, Tegen: 22\n\n"
            "De raad besluit de behandeling van het raadsvoorstel Windpark uit te stellen tot na het zomerreces.\n")
    recs = dated(find_decisions(make_doc(text)))
    assert [(d["actor"], d["status"], d["number"], d["votes_for"], d["votes_against"]) for d in recs[:2]] == [
        ("gemeenteraad", "adopted", "6", 36, 0), ("gemeenteraad", "rejected", "A2", 14, 22)]
    assert len(recs) == 3 and recs[2]["text"].startswith("De raad besluit de behandeling")
    text = ("Besluitenlijst vergadering Gedeputeerde Staten\nDatum: dinsdag 9 april 2024\n\n"
            "A.3 Beantwoording vragen over stikstofdepositie\nVastgesteld met een tekstuele aanpassing.\n\n"
            "A.4 Uitvoeringsagenda Fiets\nAangehouden tot een volgende vergadering.\n")
    recs = dated(find_decisions(make_doc(text)))
    assert [(d["actor"], d["date"], d["status"], d["number"]) for d in recs] == [
        ("gedeputeerde_staten", "2024-04-09", "adopted", "A.3"), ("gedeputeerde_staten", "2024-04-09", "postponed", "A.4")]


def test_outcome_fields_of_a_meeting_export_uitslag_status_and_the_vote_on_the_next_line():
    DATES.update({"12 november 2024": "2024-11-12"})
    text = ("Besluitenlijst van de raadsvergadering van de gemeente Amersfoort van dinsdag 12 november 2024\n\n"
            "3.1 Raadsvoorstel Programmabegroting 2025\nUitslag: Aangenomen\nStemverhouding: 30 voor, 7 tegen\n\n"
            "3.2 Motie 2024-M12 Warme winter voor iedereen\nUitslag: Verworpen\n\n"
            "3.3 Amendement 2024-A4 Geen verhoging toeristenbelasting\nStatus: Ingetrokken\n\n"
            "3.4 Motie 2024-M13 Sportvelden\nStatus: in behandeling\n")
    recs = dated(find_decisions(make_doc(text)))
    assert [(d["actor"], d["date"], d["status"], d["number"], d["votes_for"]) for d in recs] == [
        ("gemeenteraad", "2024-11-12", "adopted", "3.1", 30), ("gemeenteraad", "2024-11-12", "rejected", "M12", None),
        ("gemeenteraad", "2024-11-12", "withdrawn", "A4", None)]


def test_the_new_layout_data_loads_and_names_known_bodies():
    import json

    from pipeline.nlp.structure import DATA_PATH, load_structure

    data = load_structure()
    kb = {b["id"] for b in json.loads((DATA_PATH.parent / "kb_bodies.json").read_text(encoding="utf-8"))["bodies"]}
    assert set(data["proposal_bodies"].values()) <= kb and set(data["clerks"]) <= kb
    assert set(data["proposal_bodies"].values()) <= set(data["assemblies"]) | {"college_bw"}  # a college's voordracht
    assert {"onderwerp", "besluit", "advies"} <= set(data["table_header_words"])
    assert "uitslag" in data["outcome_field_labels"] and "datum collegebesluit" in data["not_meeting_labels"]
    assert data["outcomes"]["bespreekstuk"] == "adopted" and "adviezenlijst" in data["layouts"]["decision_list"]
