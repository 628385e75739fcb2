"""Decision points (issue 5): reported decisions, numbered points, plans, realized changes.

Most tests build small Docs by hand (DATE and ORGAN spans set here), so they do
not depend on the dates and entities components; a few run the whole pipeline
and only assert what those components are sure to deliver.
"""

from __future__ import annotations

import json
import re

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

import pipeline.nlp  # noqa: F401  (registers the Doc/Span extensions)
from pipeline.nlp.decisions import CLASSES, STATUSES, find_decisions
from pipeline.nlp.reading import DATA_PATH, load_lexicon
from pipeline.nlp.segment import segment

_NLP = spacy.blank("nl")

ORGANS = {
    "gemeenteraad": "gemeenteraad", "gemeenteraden": "gemeenteraad", "raad": "gemeenteraad",
    "college": "college_bw", "Gedeputeerde Staten": "gedeputeerde_staten",
    "Provinciale Staten": "provinciale_staten", "dagelijks bestuur": "dagelijks_bestuur",
    "algemeen bestuur": "algemeen_bestuur", "Stuurgroep": "stuurgroep", "DB": "dagelijks_bestuur",
    "AB-vergadering": "algemeen_bestuur",
}
DATES = {
    "3 maart 2016": "2016-03-03", "12 mei 2014": "2014-05-12", "5 april 2022": "2022-04-05",
    "2 februari 2018": "2018-02-02", "9 juni 2020": "2020-06-09", "Mei 2017": "2017-05",
    "Uiterlijk 1 oktober 2017": "2017-10-01", "3 juni 2016": "2016-06-03", "1 januari 2019": "2019-01-01",
    "2 april 2020": "2020-04-02", "1-1-2020": "2020-01-01", "4 mei 2015": "2015-05-04",
    "2016": "2016", "2015": "2015", "21 maart 2013": "2013-03-21", "November 2019": "2019-11",
    "2030": "2030",
}


def make_doc(text: str, doc_date: str | None = None, title: str = "") -> Doc:
    """A Doc with ORGAN and DATE spans for every known surface form (whole words)."""
    doc = _NLP.make_doc(title + text)
    doc._.meta = {"doc_date": doc_date}
    doc._.doc_date = doc_date
    spans = {"entities": [], "dates": []}
    for table, key, label in ((ORGANS, "entities", "ORGAN"), (DATES, "dates", "DATE")):
        taken: set[int] = set()
        for surface in sorted(table, key=len, reverse=True):
            for m in re.finditer(r"(?<![\w-])" + re.escape(surface) + r"(?![\w-])", doc.text):
                span = doc.char_span(m.start(), m.end(), label=label)
                if span is None or taken & set(range(span.start, span.end)):
                    continue
                taken.update(range(span.start, span.end))
                if label == "ORGAN":
                    span._.canonical = table[surface]
                else:
                    span._.value = table[surface]
                spans[key].append(span)
    doc.spans["entities"] = spans["entities"]
    doc.spans["dates"] = spans["dates"]
    return doc


def only(decisions: list[dict]) -> dict:
    assert len(decisions) == 1, decisions
    return decisions[0]


# --------------------------------------------------------------------------- reported decisions
@pytest.mark.parametrize("text, actor, date, status, predicate", [
    ("De gemeenteraad heeft op 3 maart 2016 ingestemd met de nota Wonen en Zorg.",
     "gemeenteraad", "2016-03-03", "adopted", "instemmen"),
    ("Op 12 mei 2014 is door het college de begroting 2015 vastgesteld.",
     "college_bw", "2014-05-12", "adopted", "vaststellen"),
    ("Gedeputeerde Staten hebben op 5 april 2022 besloten de subsidie te verlenen.",
     "gedeputeerde_staten", "2022-04-05", "adopted", "besluiten"),
    ("Op 9 juni 2020 is de motie door de raad verworpen.",
     "gemeenteraad", "2020-06-09", "rejected", "verwerpen"),
    ("Het voorstel is op 4 mei 2015 door de raad niet aangenomen.",
     "gemeenteraad", "2015-05-04", "rejected", "aannemen"),
    ("Op 21 maart 2013 stemde het algemeen bestuur in met de kadernota.",
     "algemeen_bestuur", "2013-03-21", "adopted", "instemmen"),
])
def test_decisions_reported_word_orders(text, actor, date, status, predicate):
    d = only(find_decisions(make_doc(text)))
    assert (d["actor"], d["date"], d["status"], d["predicate"]) == (actor, date, status, predicate)
    assert text[d["start"]:d["end"]] == d["text"]


def test_decisions_object_is_what_was_decided():
    d = only(find_decisions(make_doc("De gemeenteraad heeft op 3 maart 2016 ingestemd met de nota Wonen en Zorg.")))
    assert d["object"] == "de nota Wonen en Zorg"
    d = only(find_decisions(make_doc("Op 12 mei 2014 is door het college de begroting 2015 vastgesteld.")))
    assert d["object"] == "de begroting 2015"


def test_decisions_vote_attaches_to_the_decision_before():
    text = ("Het dagelijks bestuur heeft op 2 februari 2018 het jaarverslag vastgesteld. "
            "Het voorstel werd unaniem aangenomen.")
    d = only(find_decisions(make_doc(text)))
    assert (d["actor"], d["predicate"], d["vote"]) == ("dagelijks_bestuur", "vaststellen", "unaniem")


@pytest.mark.parametrize("intro, vote", [
    ("De raad besluit unaniem:", "unaniem"),
    ("De raad besluit bij acclamatie:", "unaniem"),
    ("De raad besluit in meerderheid:", "in meerderheid"),
    ("De raad besluit in meerderheid (17 stemmen voor en 12 stemmen tegen):", "17-12"),
])
def test_decisions_council_decides_with_vote_on_meeting_date(intro, vote):
    text = f"{intro}\nde verordening parkeren vast te stellen."
    d = only(find_decisions(make_doc(text, doc_date="2015-09-28")))
    assert (d["actor"], d["status"], d["vote"], d["date"]) == ("gemeenteraad", "adopted", vote, "2015-09-28")
    assert d["predicate"] == "vaststellen"
    assert "verordening parkeren" in d["object"]


def test_decisions_past_decision_ignores_target_year():
    text = "Provinciale Staten hebben de doelstelling onderschreven om in 2030 klaar te zijn."
    d = only(find_decisions(make_doc(text, doc_date="2024-05-01")))
    assert d["actor"] == "provinciale_staten" and d["date"] is None


def test_decisions_label_year_is_not_the_date():
    d = only(find_decisions(make_doc("De raad heeft de begroting 2016 vastgesteld.")))
    assert d["actor"] == "gemeenteraad" and d["date"] is None


def test_decisions_recipient_is_not_the_actor():
    d = only(find_decisions(make_doc("Op 4 mei 2015 is het plan voorgelegd aan de gemeenteraden.")))
    assert d["actor"] is None and d["status"] == "proposed" and d["date"] == "2015-05-04"


def test_decisions_meeting_date_of_the_paragraph_governs():
    text = ("In de AB-vergadering van 3 juni 2016 is het plan toegelicht. "
            "Er is ingestemd met de verdere uitwerking door het algemeen bestuur.")
    d = only(find_decisions(make_doc(text)))
    assert (d["actor"], d["date"], d["predicate"]) == ("algemeen_bestuur", "2016-06-03", "instemmen")


@pytest.mark.parametrize("text", [
    "Het algemeen bestuur besluit over de begroting en de jaarrekening.",
    "Voor zover kaders nodig zijn, worden deze vastgesteld door de gemeenteraden.",
    "Doordat er in veel gemeenten geen zoekgebieden zijn vastgesteld, komen er veel aanvragen.",
    "Het college kan de regeling vaststellen als de raad dat wil.",
    "Op 4 mei 2015 vroeg de raad het college op korte termijn een besluit te nemen.",
    "Na een jaar wordt de voortgang besproken.",
    "De Regioraad is het hoogste orgaan.",
])
def test_decisions_generic_statements_are_not_decisions(text):
    assert find_decisions(make_doc(text, doc_date="2016-01-01")) == []


# --------------------------------------------------------------------------- numbered decision points
def test_decisions_numbered_points_of_an_adopted_decision():
    text = ("Het college besluit:\n\n1. de nota vast te stellen;\n2. de raad te informeren over de nota;\n"
            "3. de kosten te dekken uit de reserve.\n\nToelichting\n\nDe nota is besproken.")
    decs = find_decisions(make_doc(text, doc_date="2017-03-14"))
    assert [d["number"] for d in decs] == ["1", "2", "3"]
    assert {d["actor"] for d in decs} == {"college_bw"}
    assert {d["status"] for d in decs} == {"adopted"}
    assert {d["date"] for d in decs} == {"2017-03-14"}
    assert [d["predicate"] for d in decs] == ["vaststellen", "informeren", "dekken"]


def test_decisions_proposed_points_with_subpoints_and_headings():
    text = ("VOORGESTELD BESLUIT\n\nOrganisatie\n\n1. De regeling op te heffen.\n"
            "1. Onderdeel A\n2. Onderdeel B\n"
            "2. Een nieuwe regeling in te stellen. In die regeling:\n- a. besluit het bestuur bij meerderheid;\n"
            "- b. is de voorzitter onafhankelijk.\nFinanciën\n3. De kosten te verdelen naar inwonertal.\n\n"
            "1. INLEIDING\n\nDit is de inleiding.")
    decs = find_decisions(make_doc(text))
    assert [d["number"] for d in decs] == ["1", "2", "3"]  # a point's own list is its content, no decisions of their own
    assert {d["status"] for d in decs} == {"proposed"}
    assert decs[0]["predicate"] == "opheffen"


def test_decisions_repeated_points_are_not_duplicated():
    points = "1. De regeling op te heffen.\n2. De kosten te verdelen naar inwonertal."
    text = (f"Voorgesteld besluit\n\n{points}\n\nHoofdstuk 2\n\nDit hoofdstuk licht de beslispunten 1 en 2 toe.\n\n"
            f"{points}\n\nDe regeling is oud.")
    decs = find_decisions(make_doc(text))
    assert [d["number"] for d in decs] == ["1", "2"]


def test_decisions_number_on_its_own_line():
    text = "Het college besluit:\n\n1\n\nDe vragen van de gemeenten te beantwoorden volgens de brieven.\n\nInleiding"
    d = only(find_decisions(make_doc(text, doc_date="2023-07-17")))
    assert (d["number"], d["actor"], d["predicate"]) == ("1", "college_bw", "beantwoorden")


# --------------------------------------------------------------------------- plans, realized changes, questions
@pytest.mark.parametrize("row, actor, date, predicate", [
    ("Voorstel door DB Mei 2017", "dagelijks_bestuur", "2017-05", "voorstellen"),
    ("Vaststellen door de gemeenteraden Uiterlijk 1 oktober 2017", "gemeenteraad", "2017-10-01", "vaststellen"),
    ("Stuurgroep stelt eindrapport op November 2019", "stuurgroep", "2019-11", "opstellen"),
])
def test_decisions_schedule_rows_are_planned(row, actor, date, predicate):
    text = f"Tijdpad\n{row}\nAfronding project"
    d = only(find_decisions(make_doc(text, doc_date="2016-12-01")))
    assert (d["actor"], d["date"], d["status"], d["predicate"]) == (actor, date, "planned", predicate)


def test_decisions_agenda_of_a_body_is_a_planned_step():
    text = "De resultaten staan op 3 juni 2016 ter bespreking op de agenda van het algemeen bestuur."
    d = only(find_decisions(make_doc(text, doc_date="2016-01-10")))
    assert (d["actor"], d["date"], d["status"], d["predicate"]) == ("algemeen_bestuur", "2016-06-03", "planned", "bespreken")


@pytest.mark.parametrize("text, date, predicate", [
    ("Per 1 januari 2019 wordt de regeling opgeheven.", "2019-01-01", "opheffen"),
    ("Op 2 april 2020 is de nieuwe dienst gestart.", "2020-04-02", "starten"),
])
def test_decisions_realized_changes(text, date, predicate):
    d = only(find_decisions(make_doc(text)))
    assert (d["status"], d["date"], d["predicate"]) == ("realized", date, predicate)


def test_decisions_future_decision_is_planned():
    d = only(find_decisions(make_doc("Op 4 mei 2015 besluiten Provinciale Staten over het plan.", doc_date="2015-01-20")))
    assert (d["actor"], d["status"]) == ("provinciale_staten", "planned")


def test_decisions_question_to_a_body_is_a_proposal():
    text = "Vragen:\n- Stemt u in met het opstellen van een nieuwe regeling per 1-1-2020?\n- Hoe gaat het?"
    d = only(find_decisions(make_doc(text)))
    assert (d["status"], d["date"], d["predicate"]) == ("proposed", "2020-01-01", "instemmen")
    assert d["object"].startswith("in met het opstellen")


# --------------------------------------------------------------------------- structure and robustness
def test_decisions_segment_joins_wrapped_lines_and_keeps_items():
    text = ("De gemeenteraad heeft op 3 maart 2016 ingestemd met een plan voor de hele\n"
            "regio en de gemeenten daarin.\n- eerste punt\n- tweede punt")
    units = [text[u.start:u.end] for u in segment(text)]
    assert units == ["De gemeenteraad heeft op 3 maart 2016 ingestemd met een plan voor de hele\n"
                     "regio en de gemeenten daarin.", "- eerste punt", "- tweede punt"]


def test_decisions_segment_keeps_abbreviations_inside_sentences():
    text = "De heer drs. G.J. Jansen is o.a. benoemd d.d. 3 maart 2016. Daarna volgt meer."
    assert len(segment(text, load_lexicon().words("abbreviations"))) == 2


def test_decisions_records_have_the_contract_keys():
    from pipeline.models import Decision

    decs = find_decisions(make_doc("De raad besluit unaniem:\nde verordening vast te stellen.", doc_date="2015-09-28"))
    for d in decs:
        Decision(doc_id="x", **d)  # validates against the record the lead writes
        assert d["status"] in STATUSES


@pytest.mark.parametrize("text", ["", "\n\n\n", "1.\n2.\n3.", "besluit:", ":::", "- a.\n- b.", "Op  is  door  de  vastgesteld",
                                  "Het college besluit:\n", "?" * 50, "9a. b) (c) 10) ii."])
def test_decisions_odd_text_does_not_raise(text):
    assert isinstance(find_decisions(make_doc(text)), list)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(list("ab :.;?-\n1)(") + ["raad ", "besluit ", "vastgesteld ", "heeft ", "door ",
                                                        "3 maart 2016", "Het college besluit:\n", "a. "]),
                max_size=40).map("".join))
def test_decisions_random_text_does_not_raise(text):
    for d in find_decisions(make_doc(text)):
        assert 0 <= d["start"] <= d["end"] <= len(text)


# --------------------------------------------------------------------------- data file
def test_decisions_data_file_is_well_formed():
    raw = json.loads(DATA_PATH.read_text(encoding="utf-8"))
    lex = load_lexicon()
    assert set(lex.vclass.values()) <= set(CLASSES)
    for lemma, verb in raw["verbs"].items():
        assert verb["participle"], lemma
        assert ("particle" in verb) == ("base" in verb), lemma
        for form in verb.get("present", []) + verb.get("past", []) + verb["participle"]:
            assert form == form.lower().strip(), form
    assert set(raw["nouns"].values()) <= set(raw["verbs"]), set(raw["nouns"].values()) - set(raw["verbs"])
    assert set(raw["votes"].values()) <= {"unaniem", "in meerderheid"}
    assert set(raw["auxiliaries"]) == {"perfect", "passive_past", "passive_present", "future", "modal"}
    assert set(raw["question_lemmas"]) <= set(raw["question_verbs"])


# --------------------------------------------------------------------------- through the whole pipeline
@pytest.fixture(scope="module")
def full_nlp():
    from pipeline.nlp import build_nlp

    return build_nlp()


def _run(nlp, text: str, meta: dict | None = None) -> Doc:
    from pipeline.nlp import new_doc

    doc = new_doc(nlp, text, meta or {})
    if not doc.spans.get("dates") or not [s for s in doc.spans.get("entities", []) if s.label_ == "ORGAN"]:
        pytest.skip("the dates/entities components do not tag this text (yet)")
    return doc


def test_decisions_pipeline_reported_decision(full_nlp):
    doc = _run(full_nlp, "De gemeenteraad heeft op 3 maart 2016 ingestemd met de nota Wonen.")
    d = only(doc._.decisions)
    assert (d["date"], d["status"], d["predicate"]) == ("2016-03-03", "adopted", "instemmen")
    assert "raad" in (d["actor"] or "")


def test_decisions_pipeline_decision_list(full_nlp):
    text = ("Besluitenlijst raadsvergadering 28 september 2015\n\n"
            "4. Voorstel tot vaststellen van de verordening.\n"
            "De raad besluit unaniem:\n1. de verordening vast te stellen;\n2. het college te vragen de raad te informeren.")
    doc = _run(full_nlp, text)
    points = [d for d in doc._.decisions if d["number"]]
    assert [d["number"] for d in points] == ["1", "2"]
    assert {d["vote"] for d in points} == {"unaniem"}
    assert {d["status"] for d in points} == {"adopted"}


def test_decisions_pipeline_component_never_raises(full_nlp):
    from pipeline.nlp import new_doc

    doc = new_doc(full_nlp, "1.\n\n- a.\n:\n?" * 20)
    assert isinstance(doc._.decisions, list)


def test_decisions_passive_with_only_an_adverb_between_takes_the_subject_as_object():
    recs = find_decisions(make_doc("Op 3 juni 2016 is de agenda hierna vastgesteld.\n"))
    assert [(d["date"], d["object"]) for d in recs] == [("2016-06-03", "de agenda")]
    recs = find_decisions(make_doc("Op 3 juni 2016 is de begroting door de gemeenteraad ongewijzigd vastgesteld.\n"))
    assert [(d["actor"], d["object"]) for d in recs] == [("gemeenteraad", "de begroting")]


def test_decisions_a_date_after_na_does_not_date_the_decision():
    recs = find_decisions(make_doc("Na 21 maart 2013 zijn door het college een aantal vergunningen verleend.\n"))
    assert all(d["date"] != "2013-03-21" for d in recs)
    recs = find_decisions(make_doc("Op 21 maart 2013 zijn door het college een aantal vergunningen verleend.\n"))
    assert [d["date"] for d in recs] == ["2013-03-21"]


@pytest.mark.parametrize("sentence", [
    "U kunt ervoor kiezen om niet met dit voorstel in te stemmen.",
    "In het geval dat u ervoor kiest om niet met dit voorstel in te stemmen, laat het beleidskader op zich wachten.",
    "Met de uitvoeringsagenda geven we invulling aan de uitgangspunten die met deze agenda zijn vastgesteld.",
])
def test_options_conditions_and_relative_clauses_of_a_letter_are_no_dated_decisions(sentence):
    """What a proposal offers the reader, a condition, a decision a relative clause mentions: none is a decision the
    writer took on the letter's date."""
    text = "Geachte leden van de raad,\n\n" + sentence + "\n\nHoogachtend,\n\nhet college van burgemeester en wethouders\n"
    recs = find_decisions(make_doc(text, doc_date="2024-10-03"))
    assert not [d for d in recs if d["date"]]


def test_a_proposal_with_its_particle_after_the_addressee_is_no_adoption(nlp):
    """"Het college stelt de raad voor een krediet beschikbaar te stellen": the college proposes (the particle
    "beschikbaar" belongs to the infinitive), it does not make the credit available."""
    from pipeline.nlp import new_doc

    doc = nlp(new_doc(nlp, "Agenda gemeenteraad 12 oktober 2015\n\nHet college stelt thans de raad voor een krediet "
                           "van € 4,7 mln beschikbaar te stellen.\n", {"doc_id": "x"}))
    assert not [d for d in doc._.decisions if d["status"] == "adopted"]


def test_a_passive_with_the_writer_as_agent_stays_the_writer_s(nlp):
    """"door ons vastgesteld" is the writing body's act; only an agent spoor cannot resolve drops the record."""
    from pipeline.nlp import new_doc

    text = ("Datum 5 maart 2024\n\nGeachte raad,\n\nHet plan is op 3 maart 2024 door ons vastgesteld.\n\nHoogachtend,\n\n"
            "burgemeester en wethouders van Almere\n")
    doc = nlp(new_doc(nlp, text, {"doc_id": "x"}))
    assert ("college_bw", "2024-03-03", "adopted") in {(d["actor"], d["date"], d["status"]) for d in doc._.decisions}
