"""The knowledge base data files load, are consistent, and lookups behave (issue 4)."""

import json

import pytest

from pipeline.nlp import kb as kbmod
from pipeline.nlp.kb import DATA_DIR, TOOI_RE, build_kb, fold, read_municipalities, spaceless, validate


@pytest.fixture(scope="module")
def kb():
    return build_kb()


def test_kb_data_files_are_valid(kb):
    assert validate(kb) == []


@pytest.mark.parametrize("name", ["kb_bodies.json", "kb_organisations.json", "kb_laws.json", "kb_places.json",
                                  "kb_persons.json", "kb_money.json"])
def test_kb_data_file_is_json_with_doc(name):
    data = json.loads((DATA_DIR / name).read_text(encoding="utf-8"))
    assert data.get("_doc")


def test_kb_ids_unique_across_files():
    ids = []
    for name, key in (("kb_bodies.json", "bodies"), ("kb_organisations.json", "organisations"), ("kb_laws.json", "laws")):
        ids += [e["id"] for e in json.loads((DATA_DIR / name).read_text(encoding="utf-8"))[key]]
    assert len(ids) == len(set(ids))


def test_kb_municipalities_are_the_342_with_14_in_twente():
    rows = read_municipalities()
    assert len(rows) == 342
    assert len({r["name"] for r in rows}) == 342
    twente = {r["name"] for r in rows if r["twente"]}
    assert twente == {"Almelo", "Borne", "Dinkelland", "Enschede", "Haaksbergen", "Hellendoorn", "Hengelo",
                      "Hof van Twente", "Losser", "Oldenzaal", "Rijssen-Holten", "Tubbergen", "Twenterand", "Wierden"}
    assert all(r["province"] == "Overijssel" for r in rows if r["twente"])


def test_kb_tooi_codes_well_formed_where_present(kb):
    codes = {e.id: e.tooi for e in kb.entries.values() if e.tooi}
    assert all(TOOI_RE.match(c) for c in codes.values())
    # the national vocabulary has these; the GR bodies are ours and have none
    for body in ("gemeenteraad", "provinciale_staten", "gedeputeerde_staten", "minister"):
        assert body in codes
    for body in ("regioraad", "twenteraad", "portefeuillehoudersoverleg", "stuurgroep"):
        assert body not in codes


def test_kb_every_alias_resolves_to_one_id(kb):
    shared = {k: ids for k, ids in kb.ci.items() if len(ids) > 1 and k not in kbmod.ALLOWED_SHARED}
    # only municipalities' organisation forms may repeat (none today)
    assert all(all(i.startswith("gemeente_") for i in ids) for ids in shared.values())
    assert all(len(ids) == 1 for ids in kb.cs.values())


@pytest.mark.parametrize("name,expected", [
    ("Colleges van B&W", "college_bw"),
    ("colleges van Burgemeester & Wethouders", "college_bw"),
    ("Twentebedrijf", "twente_bedrijf"),
    ("Twente Bedrijf", "twente_bedrijf"),
    ("TwenteRaad", "twenteraad"),
    ("Twenteberaad", "twente_beraad"),
    ("pho’s", "portefeuillehoudersoverleg"),
    ("PFO", "portefeuillehoudersoverleg"),
    ("Wgr+", "wgr_plus"),
    ("coordinerend bestuur", "coordinerend_bestuur"),
    ("Den Haag", "s_gravenhage"),
    ("gemeente Hof van Twente", "gemeente_hof_van_twente"),
])
def test_kb_lookup_variants(kb, name, expected):
    assert kb.lookup(name) == [expected]


@pytest.mark.parametrize("name", ["ab", "Db", "gs"])
def test_kb_abbreviations_are_case_sensitive(kb, name):
    assert kb.lookup(name) == []


@pytest.mark.parametrize("name,expected", [
    ("Twenteraadt", "twenteraad"),              # one OCR edit on a 10-letter name
    ("Recreatieschap Twentte", "recreatieschap_twente"),
    ("Veiligheidsregio Twnte", "veiligheidsregio_twente"),
    ("Regeling", None),                         # one edit from 'regering', but too short to guess
    ("Twenteraden", None),                      # two edits on a short name
    ("Gemeenteraadslid", None),
])
def test_kb_fuzzy_thresholds(kb, name, expected):
    assert kb.fuzzy(name) == expected


def test_kb_fuzzy_keeps_distinct_bodies_apart(kb):
    assert kb.lookup("Twenteraad") == ["twenteraad"]
    assert kb.lookup("Twente Beraad") == ["twente_beraad"]
    assert kb.lookup("Regioraad") == ["regioraad"]
    assert kb.lookup("besluitvormend 4O-orgaan") != kb.lookup("bestuurlijk orgaan")


@pytest.mark.parametrize("text,folded", [("Heroriéntatie", "herorientatie"), ("pho’s", "pho's"), ("COÖRDINEREND", "coordinerend")])
def test_kb_fold(text, folded):
    assert fold(text) == folded


def test_kb_spaceless_ignores_spaces_and_hyphens():
    assert spaceless("Twente Bedrijf") == spaceless("Twentebedrijf") == spaceless("Twente-bedrijf")


def test_kb_body_rules_of_issue_15_load(kb):
    # the lexicons the entity component reads for committees, compound bodies and the signing chair
    assert {"ruimte", "middelen", "samenleving"} <= kb.committee_topics
    assert "commissie" in kb.body_suffixes and kb.body_suffixes["raad"].get("capital") is True
    assert "leidraad" in kb.not_suffix_bodies
    assert set(kb.signature_chair.values()) <= set(kb.entries)
    assert kb.entries["tweede_kamer"].extra["abbreviation_after"]["Kamer"]
    assert kb.entries["bestuurlijk_overleg"].named == "acronym"
    assert kb.entries["raad_van_state"].label == "ORGAN"
