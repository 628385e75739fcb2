"""The issuing government of a document and of a decision (pipeline/nlp/government.py)."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from pipeline.nlp import government as gov


def test_government_data_file_holds_every_level_with_codes():
    data = json.loads((resources.files("pipeline.nlp") / "data" / "governments.json").read_text(encoding="utf-8"))
    current = [m for m in data["municipalities"] if "until" not in m]
    assert len(current) == 342
    assert len(data["provinces"]) == 12 and len(data["water_boards"]) == 21
    codes = [m["code"] for m in data["municipalities"]]
    assert len(codes) == len(set(codes)) and all(c.startswith("gm") and len(c) == 6 for c in codes)
    provinces = {p["code"] for p in data["provinces"]}
    assert all(m["province"] in provinces for m in data["municipalities"])
    assert "source" in data["_source"] or "CBS" in data["_source"]


@pytest.mark.parametrize("name,kind,code", [
    ("Enschede", "gemeente", "gm0153"), ("Overijssel", "provincie", "pv23"), ("Den Haag", "gemeente", "gm0518"),
    ("Haren", "gemeente", "gm0017"), ("Vechtstromen", "waterschap", "ws0663"), ("Fryslân", "provincie", "pv21"),
])
def test_government_lookup_finds_codes_including_merged_municipalities(name, kind, code):
    found = gov.lookup(name)
    assert found is not None and (found.kind, found.code) == (kind, code)


@pytest.mark.parametrize("text,name,kind", [
    ("Burgemeester en wethouders van Deventer maken bekend dat zij hebben besloten ...", "Deventer", "gemeente"),
    ("Gedeputeerde Staten van Overijssel,\ngelet op artikel 2 ...", "Overijssel", "provincie"),
    ("De raad van de gemeente Heerlen;\ngelezen het voorstel ...", "Heerlen", "gemeente"),
    ("Gemeenteblad van Zwolle\nOfficiële uitgave\nBesluit: ...", "Zwolle", "gemeente"),
    ("Tweede Kamer der Staten-Generaal\nVergaderjaar 2024–2025\nMOTIE VAN DE LEDEN A EN B\nDe Kamer,\n"
     "gehoord de beraadslaging,", "Tweede Kamer der Staten-Generaal", "rijk"),
    ("MINISTERRAAD\nBESLUITENLIJST\nvan de vergadering van 6 december 2024", "Ministerraad", "rijk"),
    ("Regio Twente\nAgenda algemeen bestuur\n1. Opening", "Regio Twente", "samenwerkingsverband"),
    ("Toelichting\nIdn: NL.IMRO.0164.BP0084-0301\nHoofdstuk 1", "Hengelo", "gemeente"),
])
def test_government_find_reads_formula_header_and_letterhead(text, name, kind):
    found = gov.find(text)
    assert found is not None and (found.name, found.kind) == (name, kind)


def test_government_of_a_province_letter_to_a_municipality_is_the_province():
    text = ("Gemeente Wierden\nT.a.v. College van B&W\nPostbus 43\n7640 AA Wierden\nProvincie Overijssel\n"
            "Luttenbergstraat 2\nPostbus 10078\n8000 GB Zwolle\nTelefoon 038 499 88 99\nwww.overijssel.nl\n"
            "Onderwerp: Reactie op uw brieven\nGeacht college,\nWij hebben besloten ...")
    assert gov.find(text).code == "pv23"


def test_government_a_formula_in_running_text_is_no_sender():
    text = ("Provincie Overijssel\nwww.overijssel.nl\nVerslag bestuurlijk overleg\n"
            "De wethouder koppelt dit terug aan de gemeenteraad van Tubbergen.")
    assert gov.find(text).code == "pv23"


def test_government_from_the_file_name_as_last_resort():
    assert gov.find("1. Inleiding\nTekst zonder afzender.", "denhelder-agenda-raad-2015").code == "gm0400"
    assert gov.find("Tekst zonder afzender.", "x") is None


@pytest.mark.parametrize("stem, name", [
    ("regio-achterhoek-agenda-achterhoek-raad-2025-03-31", "Regio Achterhoek"),  # (not "Regio Achterhoek-Agenda")
    ("regio-gooi-en-vechtstreek-agenda-algemeen-bestuur-2019-07-11", "Regio Gooi en Vechtstreek"),
    ("res-west-overijssel-tussenstand-res2-2023-07", "RES West-Overijssel"),
    ("regio-achterhoek-regeling-mandatering-bevoegdheden-2024-05-08", "Regio Achterhoek"),  # (not "...-Regeling")
])
def test_a_regions_name_in_a_file_name_ends_at_the_type_word(stem, name):
    found = gov.from_stem(stem)
    assert (found.name, found.kind) == (name, "samenwerkingsverband")


def test_government_of_decisions_follows_the_actor():
    enschede = gov.lookup("Enschede")
    doc_text = "Gemeente Enschede\nBrief\nGedeputeerde Staten van Overijssel hebben op 3 maart besloten ..."
    assert gov.for_decision("gemeenteraad", "de raad", "De raad besluit ...", enschede, doc_text) == enschede
    assert gov.for_decision(None, None, "Besloten conform voorstel.", enschede, doc_text) == enschede
    assert gov.for_decision("tweede_kamer", "Tweede Kamer", "De Tweede Kamer nam de motie aan.", enschede).kind == "rijk"
    cited = gov.for_decision("gedeputeerde_staten", "Gedeputeerde Staten", "GS besloten ...", enschede, doc_text)
    assert cited.code == "pv23"
    named = gov.for_decision("gemeenteraad", "de gemeenteraad van Deventer", "...", enschede, doc_text)
    assert named.code == "gm0150"


def test_government_of_a_plural_body_of_another_level_is_none():
    overijssel = gov.lookup("Overijssel")
    doc_text = "Provincie Overijssel\nDe gemeente Ommen en de gemeente Raalte ..."
    assert gov.for_decision("gemeenteraad", "gemeenteraden", "besluiten door de gemeenteraden", overijssel,
                            doc_text) is None
    assert gov.for_decision("gemeenteraad", "de raad", "De raad besloot", overijssel, doc_text).code == "gm0148" \
        or gov.for_decision("gemeenteraad", "de raad", "De raad besloot", overijssel, doc_text).kind == "gemeente"
