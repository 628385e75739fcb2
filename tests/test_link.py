"""Corpus-level canonicalisation: link_entities (issue 4)."""

import pytest

from pipeline.link.names import link_entities
from pipeline.models import Entity
from pipeline.nlp import build_nlp, new_doc


def ent(doc_id, label, text, canonical, warnings=()):
    return Entity(doc_id=doc_id, label=label, text=text, start=0, end=len(text), page=1,
                  canonical=canonical, warnings=list(warnings))


def canon(linked, doc_id, text):
    return {e.canonical for e in linked if e.doc_id == doc_id and e.text == text}


def test_link_abbreviation_defined_in_one_document_used_in_another():
    nlp = build_nlp()
    docs = {"2019": "De Stichting Kust en Zee (SKZ) is opgericht. De SKZ groeit.",
            "2021": "Dit jaar heeft de SKZ drie nieuwe medewerkers."}
    records = []
    for doc_id, text in docs.items():
        doc = new_doc(nlp, text, {"doc_id": doc_id})
        records += [Entity(doc_id=doc_id, label=s.label_, text=s.text, start=s.start_char, end=s.end_char, page=1,
                           canonical=s._.canonical, warnings=list(s._.warnings or [])) for s in doc.spans["entities"]]
    linked = link_entities(records)
    assert canon(linked, "2021", "SKZ") == canon(linked, "2019", "SKZ") == {"stichting_kust_en_zee"}
    assert not any("unresolved_abbreviation" in e.warnings for e in linked)


def test_link_acronym_and_expansion_in_different_documents():
    linked = link_entities([ent("a", "ORG", "OVX", "ovx", ["unresolved_abbreviation"]),
                            ent("b", "ORG", "Organisatie Voor Xenia", "organisatie_voor_xenia")])
    assert canon(linked, "a", "OVX") == {"organisatie_voor_xenia"}


def test_link_kb_abbreviation_and_full_name_share_id():
    nlp = build_nlp()
    a = new_doc(nlp, "Voor de GGD, OZJT en VTT komt een nieuwe regeling.", {})
    b = new_doc(nlp, "Het gaat om de GGD Twente, de OZJT en Veilig Thuis Twente.", {})
    ids_a = {s.text: s._.canonical for s in a.spans["entities"]}
    ids_b = {s.text: s._.canonical for s in b.spans["entities"]}
    assert ids_a["VTT"] == ids_b["Veilig Thuis Twente"] == "veilig_thuis_twente"


def test_link_fuzzy_variants_of_minted_names():
    linked = link_entities([ent("a", "ORG", "Stichting Kust en Zee", "stichting_kust_en_zee"),
                            ent("b", "ORG", "Stichting Kust en Zeee", "stichting_kust_en_zeee")])
    assert canon(linked, "b", "Stichting Kust en Zeee") == {"stichting_kust_en_zee"}


@pytest.mark.parametrize("a,b", [
    (("college", "gedeputeerde_staten"), ("college", "college_bw")),
    (("Twenteraad", "twenteraad"), ("Twente Beraad", "twente_beraad")),
])
def test_link_never_merges_two_kb_ids(a, b):
    linked = link_entities([ent("a", "ORGAN", *a), ent("b", "ORGAN", *b)])
    assert canon(linked, "a", a[0]) == {a[1]}
    assert canon(linked, "b", b[0]) == {b[1]}


def test_link_person_without_initial_joins_the_one_with():
    linked = link_entities([ent("a", "PERSON", "mw. T. Vos", "vos_t"), ent("b", "PERSON", "mevrouw Vos", "vos")])
    assert canon(linked, "b", "mevrouw Vos") == {"vos_t"}


def test_link_person_without_initial_stays_when_ambiguous():
    linked = link_entities([ent("a", "PERSON", "T. Vos", "vos_t"), ent("a", "PERSON", "K. Vos", "vos_k"),
                            ent("b", "PERSON", "mevrouw Vos", "vos")])
    assert canon(linked, "b", "mevrouw Vos") == {"vos"}


def test_link_unresolved_acronyms_dropped_or_kept():
    records = [ent("a", "ORG", "QXZ", "qxz", ["unresolved_abbreviation"]), ent("a", "ORGAN", "AB", "algemeen_bestuur")]
    assert [e.text for e in link_entities(records)] == ["AB"]
    assert [e.text for e in link_entities(records, drop_unresolved=False)] == ["QXZ", "AB"]


def test_link_fills_missing_canonical_and_keeps_input_untouched():
    records = [ent("a", "ORG", "Stichting Nieuw", None)]
    linked = link_entities(records)
    assert linked[0].canonical == "stichting_nieuw"
    assert records[0].canonical is None
