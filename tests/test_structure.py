"""The frame of a decision document (issue 15): layout, meeting, issuer, and the decisions read from it.

Each test builds a small Dutch text by hand for one layout, with its DATE and ORGAN spans set here
(see ``tests/test_decisions.py``), so it does not depend on the dates and entities components.
"""

from __future__ import annotations

import json

import pytest

from pipeline.nlp.decisions import STATUSES, find_decisions
from pipeline.nlp.structure import DATA_PATH, load_structure
from tests.test_decisions import DATES, ORGANS, make_doc

ORGANS.update({"Burgemeester en wethouders": "college_bw", "Gedeputeerde Staten van Overijssel": "gedeputeerde_staten",
               "De Kamer": "tweede_kamer", "Gemeenteraad": "gemeenteraad"})
DATES.update({"29 juni 2015": "2015-06-29", "12 oktober 2015": "2015-10-12", "18 maart 2024": "2024-03-18",
              "12 maart 2024": "2024-03-12", "6 juli 2021": "2021-07-06", "3 maart 2020": "2020-03-03",
              "10 januari 2024": "2024-01-10"})


def dated(decisions: list[dict]) -> list[dict]:
    return [d for d in decisions if d["date"]]


def test_structure_data_file_loads_and_is_consistent():
    data = json.loads(DATA_PATH.read_text(encoding="utf-8"))
    assert set(data["layouts"]) >= {"decision_list", "minutes", "agenda", "motion", "notice", "proposal"}
    assert set(data["outcomes"].values()) <= set(STATUSES)
    assert set(data["outcome_labels"].values()) <= set(STATUSES)
    assert load_structure()["outcomes"]["aangehouden"] == "postponed"


def test_structure_data_bodies_are_knowledge_base_ids_and_patterns_compile():
    import re

    from pipeline.nlp.structure import body_id

    data = load_structure()
    kb = {b["id"] for b in json.loads((DATA_PATH.parent / "kb_bodies.json").read_text(encoding="utf-8"))["bodies"]}
    assert set(data["body_heads"].values()) <= kb
    assert set(data["adopting_bodies"].values()) <= kb
    assert set(data["proposers"]) | set(data["proposers"].values()) <= kb
    for key in ("promises", "letter_requests", "convocations"):
        assert all(re.compile(p) for p in data[key])
    assert body_id("Bestuurlijk overleg programmeringsafspraken wind ZSDZ") == "bestuurlijk_overleg"
    assert body_id("openbare commissievergadering") == "raadscommissie"
    assert body_id("Nr. 289 Verslag van een schriftelijk overleg") is None
    assert body_id("Jongerenraad") is None  # a word ending in "raad" is no gemeenteraad


def test_structure_decision_list_item_with_outcome_is_the_meetings_decision():
    text = ("Besluitenlijst van de openbare vergadering van de gemeenteraad van 29 juni 2015\n\n"
            "1. Vaststelling agenda\n\nVastgesteld.\n\n"
            "2. Motie M.1 over de kermis\n\nVerworpen.\n\n"
            "3. Verordening kamerverhuur 2015\n\nAangehouden tot de volgende vergadering.\n\n"
            "4. Rondvraag\n\nBesproken.\n")
    doc = make_doc(text)
    recs = dated(find_decisions(doc))
    assert doc._.meeting["body"] == "gemeenteraad" and doc._.meeting["date"] == "2015-06-29"
    assert [(d["actor"], d["date"], d["status"], d["number"]) for d in recs] == [
        ("gemeenteraad", "2015-06-29", "adopted", "1"),
        ("gemeenteraad", "2015-06-29", "rejected", "M.1"),
        ("gemeenteraad", "2015-06-29", "postponed", "3")]


def test_structure_vote_counts_become_fields():
    text = ("Besluitenlijst van de vergadering van de gemeenteraad van 29 juni 2015\n\n"
            "5. Voorstel parkeren\n\nAangenomen met 31 tegen 13 stemmen.\n")
    d = dated(find_decisions(make_doc(text)))[0]
    assert (d["status"], d["vote"], d["votes_for"], d["votes_against"]) == ("adopted", "31-13", 31, 13)


def test_structure_minutes_passive_outcome_and_conclusion():
    text = ("Verslag Bestuurlijk Overleg Wind d.d. 18 maart 2024\n\n"
            "1 Verslag vorige vergadering\nHet verslag wordt ongewijzigd vastgesteld.\n\n"
            "2 Programmering\nEr is gesproken over de planning.\nConclusie:\n- De bandbreedte wordt opgenomen.\n")
    doc = make_doc(text)
    recs = dated(find_decisions(doc))
    assert doc._.layout == "minutes"
    assert [(d["actor_text"], d["date"], d["status"]) for d in recs] == [
        ("Bestuurlijk Overleg Wind", "2024-03-18", "adopted"), ("Bestuurlijk Overleg Wind", "2024-03-18", "adopted")]


def test_structure_agenda_items_are_proposals_to_the_meeting():
    text = ("Gemeenteraad 12 oktober 2015 19:30 uur\nAgenda\n"
            "1\nOpening.\n2\nVaststelling agenda.\n3\nSpreekrecht burgers.\n"
            "4\nVoorstel tot het vaststellen van de Welstandsnota 2015.\n")
    recs = dated(find_decisions(make_doc(text)))
    assert [(d["actor"], d["date"], d["status"], d["number"]) for d in recs] == [
        ("gemeenteraad", "2015-10-12", "proposed", "2"), ("gemeenteraad", "2015-10-12", "proposed", "4")]


def test_structure_letter_wij_resolves_to_the_signing_body():
    text = ("Geachte leden van Provinciale Staten,\n\n"
            "Wij hebben op 12 maart 2024 besloten de subsidieregeling te verlengen.\n\n"
            "Hoogachtend,\n\nGedeputeerde Staten van Overijssel,\n\nvoorzitter, A. Jansen\n")
    doc = make_doc(text)
    recs = dated(find_decisions(doc))
    assert doc._.issuer == "gedeputeerde_staten"
    assert [(d["actor"], d["date"], d["status"]) for d in recs] == [("gedeputeerde_staten", "2024-03-12", "adopted")]


def test_structure_notice_besluit_block_and_mandate():
    text = ("Provinciaal blad van Overijssel\n\n"
            "Gedeputeerde Staten van Overijssel maken bekend dat zij hebben besloten:\n\n"
            "1. de aanvraag van de stichting toe te kennen;\n2. de kosten te vergoeden.\n\n"
            "Zwolle, 12 maart 2024\n\nGedeputeerde Staten van Overijssel,\nnamens deze,\n"
            "de teamleider Subsidies, B. de Vries\n")
    doc = make_doc(text, doc_date="2024-03-12")
    recs = find_decisions(doc)
    assert doc._.layout == "notice" and doc._.issuer == "gedeputeerde_staten"
    points = [d for d in recs if d["number"]]
    assert [d["number"] for d in points] == ["1", "2"]
    assert all(d["actor"] == "gedeputeerde_staten" and d["date"] == "2024-03-12" for d in points)
    assert all("teamleider" in (d["mandate_holder"] or "") for d in points)


def test_structure_motion_requests_are_the_bodys_proposals():
    text = ("Nr. 143 MOTIE VAN HET LID JANSEN\nVoorgesteld 6 juli 2021\nDe Kamer,\n\ngehoord de beraadslaging,\n"
            "constaterende dat spaarders betalen;\n"
            "verzoekt de regering, een grens te definiëren;\n"
            "verzoekt de regering tevens, een wetsvoorstel voor te bereiden,\n\nen gaat over tot de orde van de dag.\n")
    recs = dated(find_decisions(make_doc(text)))
    assert [(d["actor"], d["date"], d["status"]) for d in recs] == [("tweede_kamer", "2021-07-06", "proposed")] * 2


def test_structure_cited_decision_is_marked():
    text = "Gelet op het besluit van Gedeputeerde Staten van 3 maart 2020 is de weg gesloten gebleven.\n"
    recs = [d for d in find_decisions(make_doc(text)) if d.get("cited")]
    assert [(d["actor"], d["date"], d["status"]) for d in recs] == [("gedeputeerde_staten", "2020-03-03", "adopted")]


@pytest.mark.parametrize("text", [
    "Het plangebied ligt aan de rand van het dorp. De weg wordt verbreed.\n",
    "Agenda\n1. Opening\n2. Rondvraag\n3. Sluiting\n",
])
def test_structure_no_decisions_without_an_outcome(text):
    assert dated(find_decisions(make_doc(text))) == []


ORGANS.update({"Minister": "minister", "Staatssecretaris": "staatssecretaris", "Wethouder Bot": "wethouder",
               "wethouder": "wethouder"})
DATES.update({"12 november 2021": "2021-11-12", "april 2011": "2011-04", "1 maart 2011": "2011-03-01",
              "20 mei 2014": "2014-05-20"})


def test_structure_note_advice_proposes_each_point_to_its_addressee():
    text = ("Aan de Minister\n\nTER BESLISSING\nDatum\n12 november 2021\n\nGeadviseerd besluit\n"
            "U wordt geadviseerd in te stemmen met:\n\n"
            "_ De wijzigingsvoorstellen voor het actieprogramma naar aanleiding van de aangenomen moties.\n\n"
            "_ Het verzenden van de bijgevoegde Kamerbrief over de moties.\n\n"
            "Kernpunten\n\nDe voorstellen maken de maatregelen beter uitvoerbaar in de praktijk.\n")
    recs = dated(find_decisions(make_doc(text, doc_date="2021-11-12")))
    assert [(d["actor"], d["date"], d["status"]) for d in recs] == [("minister", "2021-11-12", "proposed")] * 2
    assert "wijzigingsvoorstellen" in recs[0]["object"] and "Kamerbrief" in recs[1]["object"]
    # a note without a day of its own: the advice is a proposal, but not dated by a deadline
    undated = find_decisions(make_doc(text.replace("12 november 2021", "volgende week"), doc_date="2021"))
    assert dated(undated) == [] and {d["status"] for d in undated} == {"proposed"}
    # addressed by the minister's code ("Aan: MPVO"); a note to nobody it can name proposes undated
    coded = dated(find_decisions(make_doc(text.replace("Aan de Minister", "Aan: MPVO"), doc_date="2021-11-12")))
    assert [d["actor"] for d in coded] == ["minister", "minister"]
    nobody = find_decisions(make_doc(text.replace("Aan de Minister", "Aan: iedereen"), doc_date="2021-11-12"))
    assert dated(nobody) == [] and len(nobody) == 2


def test_structure_minister_zal_in_a_cabinet_decision_list_is_no_promise():
    text = ("MINISTERRAAD\nBesluitenlijst van de vergadering van de ministerraad gehouden op 12 maart 2024\n\n"
            "1. Kabinetsreactie Gezondheid\n\nAangenomen. De Minister zal de brief aan de Tweede Kamer sturen.\n")
    recs = find_decisions(make_doc(text))
    assert not [d for d in recs if d["status"] in ("promised", "planned") and d["actor"] == "minister"]


def test_structure_letter_signed_by_a_national_office_and_its_intention():
    text = ("Aan de Voorzitter van de Tweede Kamer\n\nDatum 1 maart 2011\n\n"
            "In deze brief ga ik in op de uitkomsten van het onderzoek.\n\n"
            "Ik ben daarom voornemens om in april 2011 een expertmeeting te organiseren.\n\n"
            "De Staatssecretaris van Veiligheid en Justitie,\n\nF. Teeven\n")
    doc = make_doc(text, doc_date="2011-03-01")
    recs = dated(find_decisions(doc))
    assert doc._.issuer == "staatssecretaris"
    assert [(d["actor"], d["date"], d["status"]) for d in recs] == [("staatssecretaris", "2011-04", "planned")]


def test_structure_woo_decision_in_the_first_person():
    text = ("Geachte verzoeker,\n\nOp 12 maart 2024 ontvingen wij uw verzoek.\n\n"
            "De door u gevraagde informatie maken wij gedeeltelijk openbaar.\n"
            "Daarom hebben wij de persoonsgegevens onleesbaar gemaakt in de documenten.\n\n"
            "Met vriendelijke groet,\nnamens Gedeputeerde Staten van Overijssel,\n\nJ. Jansen\n")
    recs = dated(find_decisions(make_doc(text, doc_date="2024-03-18")))
    assert [(d["actor"], d["date"], d["status"]) for d in recs] == [
        ("gedeputeerde_staten", "2024-03-18", "adopted"), ("gedeputeerde_staten", "2024-03-18", "rejected")]


def test_structure_letter_answer_is_realized_today_an_earlier_notice_is_not_dated():
    text = ("Geachte heer Jansen,\n\nIn deze brief beantwoorden we uw vragen over het windpark.\n\n"
            "Daarover hebben wij u eerder schriftelijk geïnformeerd.\n\n"
            "Hoogachtend,\n\nGedeputeerde Staten van Overijssel,\n\nvoorzitter, A. Jansen\n")
    recs = find_decisions(make_doc(text, doc_date="2024-03-18"))
    assert [(d["date"], d["status"]) for d in recs if d["actor"] == "gedeputeerde_staten"] == [
        ("2024-03-18", "realized"), (None, "realized")]


def test_structure_minutes_party_acts_the_decided_line_and_a_plan_by_he():
    text = ("Besluitenlijst van de vergadering van de gemeenteraad van 29 juni 2015\n\n"
            "1. Jaarverslag Stichting Meerwerf\n"
            "Naar aanleiding van het preadvies besluit de fractie van D66 het amendement aan te houden.\n"
            "De raad besluit unaniem:\nin te stemmen met het jaarverslag 2013 van de Stichting Meerwerf\n\n"
            "2. Groengebied\nWethouder Bot geeft aan niet op de hoogte te zijn van een vooroverleg. "
            "Hij zal dit voor de toekomst in de staf gaan voorbereiden.\n")
    recs = dated(find_decisions(make_doc(text)))
    assert not any("fractie" in d["text"] for d in recs)  # a party group's act is no decision of the raad
    jaarverslag = [d for d in recs if d["actor"] == "gemeenteraad" and "jaarverslag" in (d["object"] or "")]
    assert jaarverslag and jaarverslag[0]["status"] == "adopted"
    plans = [d for d in find_decisions(make_doc(text)) if d["status"] == "planned"]
    assert [(d["actor"], d["date"]) for d in plans] == [("wethouder", None)]  # "zal": planned; "zegt toe": a promise
    assert "staf" in plans[0]["text"]


def test_structure_named_motion_and_promise_cited_with_their_dates():
    ORGANS.update({"PS": "provinciale_staten"})
    DATES.update({"26 juni 2024": "2024-06-26", "29 november 2023": "2023-11-29"})
    text = ("Wij voeren de motie ‘De lusten dan ook de lasten’ PS 26 juni 2024 uit. Zo geven wij uitvoering aan de "
            "motie ‘De lusten dan ook de lasten’ PS 26 juni 2024. Wij geven voorbeelden (conform toezegging aan PS "
            "van 29 november 2023). De motie ‘Grip op wind’ is besproken op 26 juni 2024.\n\n"
            "Hoogachtend,\n\nGedeputeerde Staten van Overijssel,\n")
    recs = [d for d in find_decisions(make_doc(text, doc_date="2024-03-12")) if d.get("cited")]
    assert [(d["actor"], d["date"], d["status"]) for d in recs] == [
        ("provinciale_staten", "2024-06-26", "adopted"), ("gedeputeerde_staten", "2023-11-29", "promised")]


def test_structure_meetings_a_proposal_schedules_are_planned():
    ORGANS.update({"Statencommissie Milieu & Energie": "statencommissie"})
    DATES.update({"18 september 2024": "2024-09-18", "25 september 2024": "2024-09-25", "3 juni 2024": "2024-06-03"})
    text = ("Statenvoorstel\n\nWij hebben de indieners gewezen op het spreekrecht tijdens de vergadering van de "
            "Statencommissie Milieu & Energie van 18 september 2024. Op 25 september 2024 vindt de bespreking plaats "
            "in de vergadering van de Statencommissie Milieu & Energie. In de vergadering van de Statencommissie "
            "Milieu & Energie van 3 juni 2024 vond de bespreking van de notitie plaats.\n\n"
            "Hoogachtend,\n\nGedeputeerde Staten van Overijssel,\n")
    recs = [d for d in find_decisions(make_doc(text, doc_date="2024-07-16")) if d["status"] == "planned"]
    assert [(d["actor"], d["date"]) for d in recs] == [("statencommissie", "2024-09-18"), ("statencommissie", "2024-09-25")]


def test_structure_table_rows_minutes_votes_and_a_stamped_motion():
    ORGANS.update({"gemeenteraad": "gemeenteraad", "Griffier": "griffier", "De raad van de gemeente Den Haag": "gemeenteraad"})
    DATES.update({"29 november 2024": "2024-11-29", "23 januari 2025": "2025-01-23", "8 mei 2025": "2025-05-08"})
    # a decision table read by rows: each row with its outcome, rows that start with a case number too
    table = ("Besluitenlijst van de vergadering van de gemeenteraad van 8 mei 2025\n\n"
             "Punt Omschrijving\tBesluit\n"
             "G.1 Voorstel van het presidium inzake benoeming voorzitters\tAangenomen\n\n"
             "322129 Motie I.1 PVV Asielzoekers het land uit\tVerworpen\n\n"
             "322133 Motie I.5 VVD Zet de relschoppers online\tAangenomen\n\n"
             "Amendement J.A CU/SGP Maak terugkeer mogelijk\tVerworpen\n")
    recs = dated(find_decisions(make_doc(table)))
    assert [(d["number"], d["status"]) for d in recs] == [
        ("G.1", "adopted"), ("I.1", "rejected"), ("I.5", "adopted"), ("J.A", "rejected")]
    assert {d["actor"] for d in recs} == {"gemeenteraad"}
    # minutes: the body is the one the head line names, not the clerk listed under it; "De motie wordt
    # aangenomen" is the motion put to the vote just before
    minutes = ("Vergadering gemeenteraad Den Haag gehouden op vrijdag 29 november 2024\n"
               "Voorzitter: de heer R. Sluijs\nGriffier: drs. C. Jansen\n\n"
               "- Voorstel van het college inzake bestemmingsplan Dreven\n\n"
               "In stemming komt amendement H.B SP.\n\n"
               "De voorzitter. Het amendement wordt aangenomen met 37 tegen 7 stemmen.\n\n"
               "In stemming komt motie H.1 HvDH.\n\n"
               "De voorzitter. De motie wordt aangenomen met 31 tegen 13 stemmen.\n")
    recs = dated(find_decisions(make_doc(minutes)))
    assert [(d["actor"], d["date"], d["number"], d["votes_for"]) for d in recs] == [
        ("gemeenteraad", "2024-11-29", "H.B", 37), ("gemeenteraad", "2024-11-29", "H.1", 31)]
    # a motion stamped with its outcome: one record, the motion's request with the stamp's outcome
    motion = ("GEMEENTERAAD\n\nMotie: Schort het overleg op totdat het Openbaar Ministerie gaat vervolgen Indiener: "
              "R. Guernaoui, Hart voor Den Haag\n\n"
              "De raad van de gemeente Den Haag, in vergadering bijeen op 23 januari 2025,\n\n"
              "Verzoekt de burgemeester,\n\n• de overleggen op te schorten.\n\n"
              "En gaat over tot de orde van de dag.\n\nP.4 HvDH\n\nverworpen\n\n"
              "Aldus verworpen in de openbare raadsvergadering van 23 januari 2025\n")
    recs = find_decisions(make_doc(motion))
    assert [(d["actor"], d["date"], d["status"]) for d in recs] == [("gemeenteraad", "2025-01-23", "rejected")]
    assert "op te schorten" in recs[0]["text"]


def test_structure_a_body_the_knowledge_base_does_not_know_is_named_as_the_actor():
    DATES.update({"26 april 2024": "2024-04-26", "4 juli 2024": "2024-07-04"})
    text = ("Memo aan de raad\n\nDe Verbindende Coalitie stemde op 26 april 2024 in met het plan. "
            "Op 4 juli 2024 stemde de Verbindende Coalitie in met de inrichting van het Netwerkbureau.\n")
    recs = dated(find_decisions(make_doc(text, doc_date="2024-08-13")))
    assert [(d["actor_text"], d["date"]) for d in recs] == [
        ("Verbindende Coalitie", "2024-04-26"), ("Verbindende Coalitie", "2024-07-04")]
    assert {d["actor"] for d in recs} == {None}  # no canonical body is made up


def test_structure_listed_promises_one_record_each():
    ORGANS.update({"Wethouder De Jonge": "wethouder"})
    DATES.update({"3 oktober 2024": "2024-10-03"})
    text = ("Besluitenlijst van de vergadering van de gemeenteraad van 3 oktober 2024\n\n"
            "Toezeggingen\n\nWethouder De Jonge heeft op verzoek van de fractie CDA de volgende toezeggingen gedaan:\n"
            "- Voor het einde van het jaar breng ik de mogelijkheden in bij het overleg met de scholen.\n\n"
            "Voor het kerstreces geef ik een terugkoppeling aan de raad over het aanbestedingsbeleid.\n\n"
            "Aantekeningen\n\nDe vergadering wordt gesloten.\n")
    recs = [d for d in find_decisions(make_doc(text)) if d["status"] == "promised"]
    assert [(d["actor"], d["date"]) for d in recs] == [("wethouder", "2024-10-03")] * 2
    assert "scholen" in recs[0]["text"] and "kerstreces" in recs[1]["text"]


def test_structure_inverted_promise_with_what_follows():
    ORGANS.update({"Commissie beheer": "raadscommissie", "wethouder Rog": "wethouder"})
    DATES.update({"17 juni 2021": "2021-06-17"})
    text = ("Besluitenlijst\n\nCommissie beheer\n\nDatum: donderdag 17 juni 2021\n\n8. Aanpak rattenoverlast\n"
            "Bij de behandeling van agendapunt 8 zegt wethouder Rog op verzoek van D66 het volgende toe. De bestrijding "
            "zal gemonitord worden en er volgt jaarlijks een voortgangsrapportage.\n\nToelichting\n")
    recs = [d for d in find_decisions(make_doc(text)) if d["status"] == "promised"]
    assert [(d["actor"], d["date"]) for d in recs] == [("wethouder", "2021-06-17")]
    assert recs[0]["text"].startswith("De bestrijding zal gemonitord worden")  # what was promised, not the intro


def test_structure_letter_deliveries_on_a_later_date_are_planned_and_a_proposals_we_is_the_college():
    ORGANS.update({"Burgemeester en wethouders van Utrecht": "college_bw"})
    DATES.update({"28 mei 2025": "2025-05-28", "Q4 van 2026": "2026-10/2026-12", "2027": "2027", "2024": "2024"})
    letter = ("Aan de gemeenteraad\n\nDatum 28 mei 2025\n\nGeachte leden van de raad,\n\nIn Q4 van 2026 volgt een "
              "voortgangsrapportage van het uitvoeringsprogramma. In 2024 volgde een eerdere rapportage.\n\n"
              "Met vriendelijke groet,\n\nBurgemeester en wethouders van Utrecht,\n")
    recs = [d for d in find_decisions(make_doc(letter, doc_date="2025-05-28")) if d["status"] == "planned"]
    assert [(d["actor"], d["date"]) for d in recs] == [("college_bw", "2026-10/2026-12")]  # the earlier one is no plan
    DATES.update({"10 oktober 2024": "2024-10-10"})
    proposal = ("Raadsvoorstel\n\nVergaderdatum: 10 oktober 2024\n\nWe verwachten de uitvoeringsagenda eind 2024 op "
                "te leveren. We kiezen hiermee voor een duidelijkere scheiding tussen regie en uitvoering.\n")
    recs = find_decisions(make_doc(proposal, doc_date="2024-10-03"))
    assert not [d for d in recs if d["status"] == "adopted" and d["date"]]  # what a proposal argues is no decision
    assert {d["actor"] for d in recs if d.get("actor_text") in ("we", "We")} <= {"college_bw"}


def test_structure_list_whose_line_breaks_were_lost_and_a_year_in_a_name():
    DATES.update({"11 juli 2023": "2023-07-11", "2023": "2023"})
    text = ("Besluitenlijst 8e vergadering gemeenteraad, 11 juli 2023 Voorzitter: mevrouw E. Blanksma Griffier: de heer "
            "G.J. de Graaf Groen Links (6) VVD (5) Helder Helmond (5) SP (3) CDA (3) D66 (3) aanwezig zijn alle leden. "
            "Raadsvoorstel 65 1e Bestuursrapportage. Het voorstel wordt met algemene stemmen aangenomen. besluit: 1. "
            "Vaststellen van de 1e bestuursrapportage 2023.\n")
    recs = dated(find_decisions(make_doc(text)))
    assert [(d["actor"], d["date"], d["status"]) for d in recs] == [("gemeenteraad", "2023-07-11", "adopted")]


def test_structure_cited_mandate_decisions_and_no_guessed_date_for_nobodys_decision():
    ORGANS.update({"Gedeputeerde Staten": "gedeputeerde_staten"})
    DATES.update({"17 december 2013": "2013-12-17", "9 januari 2014": "2014-01-09"})
    text = ("Provinciaal blad\n\nOndermandaatbesluit directeur Concernzaken\n\nGelet op:\n"
            "- het mandaatbesluit van Gedeputeerde Staten voor de provinciale organisatie 2014 van 17 december 2013;\n\n"
            "Besluiten omtrent verzekeringsovereenkomsten op basis van het beschikbare budget\n")
    recs = find_decisions(make_doc(text, doc_date="2014-01-09"))
    cited = [d for d in recs if d.get("cited")]
    assert [(d["actor"], d["date"], d["status"]) for d in cited] == [("gedeputeerde_staten", "2013-12-17", "adopted")]
    assert all(d["date"] is None for d in recs if d["actor"] is None and not d.get("actor_text"))


def test_structure_raadsvoorstel_with_its_signed_raadsbesluit():
    """A raadsvoorstel proposes its points to the council; the raadsbesluit under it, signed "Almere, 10
    oktober 2024 / De raad voornoemd," without "Aldus besloten", is the council's adoption on that day, and
    the proposal stays the college's."""
    DATES.update({"20 juni 2024": "2024-06-20", "10 oktober 2024": "2024-10-10"})
    text = ("Voorstel aan de raad\n\nDatum raadsvergadering\n20 juni 2024\n\nOnderwerp\n\nMaatschappelijke agenda\n\n"
            "Voorgesteld raadsbesluit\n\n1. De Maatschappelijke agenda vast te stellen.\n\n"
            "2. Het beleidskader sociaal domein in te trekken.\n\n"
            "Beoogd effect\n\nWe kiezen hiermee voor een duidelijkere scheiding tussen regie en uitvoering.\n\n"
            "Raadsbesluit\n\nDe raad van de gemeente Almere\n\nGezien het voorstel van burgemeester en wethouders,\n\n"
            "Besluit:\n\n1. De Maatschappelijke agenda vast te stellen.\n\n"
            "2. Het beleidskader sociaal domein in te trekken.\n\n"
            "Almere, 10 oktober 2024\n\nDe raad voornoemd,\n\nDe griffier,\n\nDe voorzitter,\n")
    doc = make_doc(text)
    recs = find_decisions(doc)
    assert doc._.issuer == "college_bw"
    adopted = [(d["number"], d["actor"], d["date"]) for d in recs if d["status"] == "adopted" and d["date"]]
    assert adopted == [("1", "gemeenteraad", "2024-10-10"), ("2", "gemeenteraad", "2024-10-10")]
    proposed = [d["number"] for d in recs if d["status"] == "proposed" and d["number"]]
    assert proposed == ["1", "2"]
    # without the signature the besluit block stays what the proposal puts to the meeting
    unsigned = find_decisions(make_doc(text.replace("De raad voornoemd,", "")))
    assert not [d for d in unsigned if d["status"] == "adopted" and d["date"] == "2024-10-10"]


def test_structure_collegevoorstel_besluit_with_lists_nested_twice():
    """A proposal to the college ("Voorstel aan Burgemeester en / Wethouders") closed by "Aldus vastgesteld in
    het college van BenW d.d. 4 juni 2024": its points are the college's adoptions that day, also the points
    after a point whose own list has a list ("1. ... A. ... a. ... b. ... B. ... 2. ...")."""
    DATES.update({"4 juni 2024": "2024-06-04"})
    text = ("Voorstel aan Burgemeester en\nWethouders\nDatum BenW\n4 juni 2024\n\nOnderwerp\n\nMaatschappelijke agenda\n\n"
            "Besluit\n\nHet college besluit:\n1. De raad voor te stellen:\n\n"
            "A. De uitgangspunten van de agenda vast te stellen:\n\n"
            "a. Het versterken van kansrijke, bestaande bewegingen als fundament.\n\n"
            "b. Een breder perspectief op de ontwikkeling en groei van de stad.\n\n"
            "B. Het beleidskader sociaal domein in te trekken.\n\n"
            "2. In te stemmen met de reactiebrief aan de adviesraad.\n\n"
            "3. De motie 24058.001 hiermee als afgedaan te beschouwen.\n\n"
            "Aldus vastgesteld in het college van BenW d.d. 4 juni 2024\n")
    recs = find_decisions(make_doc(text))
    points = [(d["number"], d["actor"], d["date"], d["status"]) for d in recs if d["number"]]
    assert points == [(n, "college_bw", "2024-06-04", "adopted") for n in ("1", "2", "3")]


def test_structure_each_motion_line_of_an_item_is_its_own_outcome():
    """Under "Moties vreemd aan de agenda", every "Motie X wordt aangenomen/verworpen" line is a decision of its own,
    also without a full stop, with an aside ("wordt, na een stemverklaring van FVD, unaniem aangenomen") or a quoted
    title."""
    DATES.update({"11 juli 2023": "2023-07-11"})
    text = ("Besluitenlijst vergadering gemeenteraad, 11 juli 2023\n\n"
            "19. Moties vreemd aan de agenda\n"
            "Motie 67 wordt unaniem aangenomen\n"
            "Wij vragen het college om: de verbreding van de A67 opnieuw te agenderen;\n"
            "Motie Whatsapp buurtpreventiegroepen wordt unaniem aangenomen\n"
            "Verzoekt het college om:\n1.\n2.\nte onderzoeken of dat privacy gevaren met zich meebrengt;\n"
            "Motie Safe Streets wordt, na een stemverklaring van FVD, unaniem aangenomen.\n"
            "Motie ‘Oplegger wijzigingen raadsvoorstel’ wordt verworpen: Voor: 14 (HH, FVD) Tegen: 19 (GrL, SP)\n"
            "20. Sluiting\n")
    recs = [d for d in find_decisions(make_doc(text)) if d["date"] == "2023-07-11"]
    assert [d["status"] for d in recs] == ["adopted", "adopted", "adopted", "rejected"]
    assert all(d["actor"] == "gemeenteraad" for d in recs)


def test_structure_letter_of_a_wethouder_writing_wij_is_the_colleges_and_cites_a_raadsbesluit():
    """A letter signed "G. Slegers, wethouder" that says "wij" speaks for the college; "het raadsbesluit ‘X’ d.d.
    27 november 2025" is the council's earlier decision."""
    DATES.update({"27 november 2025": "2025-11-27", "22 juni 2026": "2026-06-22", "22 april 2026": "2026-04-22"})
    text = ("Gemeente Zaanstad\n\nAan de gemeenteraad\n\nDatum 22 juni 2026\n\n"
            "In het kader van het raadsbesluit ‘Kredietbesluit Stadsweg A7’ d.d. 27 november 2025 informeerden wij u "
            "over de planning.\n\nOp 22 april 2026 hebben wij u geïnformeerd over de stikstof.\n\n"
            "Wij hebben besloten de uitvoering uit te stellen.\n\n"
            "Met vriendelijke groet,\n\nG. Slegers, wethouder\n")
    doc = make_doc(text, doc_date="2026-06-22")
    recs = find_decisions(doc)
    assert doc._.issuer == "college_bw"
    assert ("gemeenteraad", "2025-11-27", "adopted") in [(d["actor"], d["date"], d["status"]) for d in recs]
    assert ("college_bw", "2026-06-22", "adopted") in [(d["actor"], d["date"], d["status"]) for d in recs]
    ik = find_decisions(make_doc(text.replace("wij", "ik").replace("Wij hebben", "Ik heb"), doc_date="2026-06-22"))
    assert ("wethouder", "2026-06-22", "adopted") in [(d["actor"], d["date"], d["status"]) for d in ik]


def test_structure_meeting_the_kb_does_not_know_and_the_chairs_conclusion_heading():
    """"Besluitenlijst Carrousel" names a meeting by its own name; "Datum en tijdstip" has the date on the next
    line; "Conclusie voorzitter" heads the outcome on the line under it; "De motie wordt mogelijk ingetrokken" is
    no outcome yet."""
    DATES.update({"19 september 2024": "2024-09-19"})
    text = ("Zaal\n\nStad\n\nDatum en tijdstip\n\n19 september 2024 20:35-22:00 uur\n\nOnderwerp\n\n"
            "Besluitenlijst Carrousel\n\nRaadsvoorstel Maatschappelijke Agenda (24161)\n\n"
            "Voorzitter: Martine van Bemmel\n\nConclusie voorzitter\n\nOpnieuw agenderen\n\n"
            "Motie: Gezonde voeding\tDe motie wordt mogelijk ingetrokken.\n")
    recs = [d for d in find_decisions(make_doc(text)) if d["date"]]
    assert [(d["actor_text"], d["date"], d["status"]) for d in recs] == [("Carrousel", "2024-09-19", "adopted")]
    assert "Opnieuw agenderen" in recs[0]["text"]


def test_structure_letter_reports_what_the_reader_was_told_and_plans_by_season():
    """"2 juni jl. bent u geïnformeerd" is what the college did then (a "kennisgeving" "van college aan de
    gemeenteraad" signed by a wethouder is the college's); "In het najaar van 2026 bespreken we ..." is a plan."""
    from pipeline.nlp.reading import compare_dates

    assert compare_dates("2026-FA", "2026-06-29") == 1 and compare_dates("2026-SP", "2026-06-29") == -1
    DATES.update({"2 juni": "2026-06-02", "25 juni 2026": "2026-06-25"})
    text = ("Kennisgeving\n\nDATUM 25 juni 2026\n\nTer informatie van college aan de gemeenteraad\n\n"
            "Geachte leden van de gemeenteraad,\n\n2 juni jl. bent u geïnformeerd over de uitspraak van de rechtbank.\n\n"
            "Met vriendelijke groet,\n\nH. van der Laan, wethouder\n")
    doc = make_doc(text, doc_date="2026-06-25")
    recs = find_decisions(doc)
    assert doc._.issuer == "college_bw"
    assert ("college_bw", "2026-06-02", "realized") in [(d["actor"], d["date"], d["status"]) for d in recs]


def test_structure_notice_signed_under_its_place_and_date_line_names_its_issuer():
    """"Bergen, 23 december 2015" with "Burgemeester en wethouders van Bergen (NH)" under it: the college issued it."""
    DATES.update({"23 december 2015": "2015-12-23", "24 december 2015": "2015-12-24"})
    text = ("Ter inzage: omgevingsvergunning\n\nVennewatersweg 29 - bouw bedrijfswoning.\n\n"
            "Dit ontwerpbesluit ligt vanaf 24 december 2015 zes weken ter inzage.\n\n"
            "Bergen, 23 december 2015\n\nBurgemeester en wethouders van Bergen (NH)\n")
    doc = make_doc(text, doc_date="2015-12-23")
    find_decisions(doc)
    assert doc._.issuer == "college_bw"


def test_structure_letter_cites_its_own_request_and_the_addressees_advice():
    """A letter to a body: "ons verzoek van 1 mei 2024" is the writer's earlier act, "Op 17 mei 2024 ontvingen wij uw
    advies" the addressee's, each on its own date."""
    DATES.update({"1 mei 2024": "2024-05-01", "17 mei 2024": "2024-05-17", "4 juni 2024": "2024-06-04"})
    ORGANS.update({"Adviesraad Sociaal Domein": "adviesraad"})
    text = ("Datum\n\n4 juni 2024\n\nAan de Adviesraad Sociaal Domein\n\nReactie op advies\n\nGeachte mevrouw Jansen,\n\n"
            "Op 17 mei 2024 ontvingen wij uw advies over de agenda. Dit naar aanleiding van ons verzoek van 1 mei 2024 "
            "om een formeel advies uit te brengen.\n\nHoogachtend,\n\nburgemeester en wethouders van Almere,\n")
    recs = find_decisions(make_doc(text, doc_date="2024-06-04"))
    got = {(d["actor"], d["date"], d["status"]) for d in recs}
    assert ("adviesraad", "2024-05-17", "realized") in got and ("college_bw", "2024-05-01", "realized") in got


def test_structure_promise_in_a_subordinate_clause():
    # Dutch puts the verb last in a subordinate clause: "... dat de provincie de toezegging doet dat ..."
    ORGANS.update({"Gedeputeerde": "gedeputeerde"})
    DATES.update({"10 juli 2024": "2024-07-10"})
    text = ("Verslag bestuurlijk overleg\n\nWoensdag 10 juli 2024\n\n1. Aanvullingen\n"
            "De voorzitter antwoordt hierop dat met uitzondering van punt a de Gedeputeerde de toezegging doet dat "
            "deze punten worden meegenomen.\n")
    recs = [d for d in find_decisions(make_doc(text)) if d["status"] == "promised"]
    assert [(d["actor"], d["date"]) for d in recs] == [("gedeputeerde", "2024-07-10")]
