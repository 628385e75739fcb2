"""Search on what real Dutch government documents do (#17): compounds written either way, typos that
are typos and words that are not, identifiers with any dash or in parts, documents per page, answers
from a passage's context. Small documents are written here; the real-corpus question sets are scored by
``bench/bench_search.py --corpus ../shared/real/docs``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.index import compounds
from pipeline.search import search

needs_dictionary = pytest.mark.skipif(not compounds.dictionary(), reason="Debian's hunspell-nl is not installed")

LETTER = """Gemeente Oostwold

Onderwerp: afvalstoffenheffing 2025

Zaaknummer PS23\u2010001234

Geachte raad,

De afvalinzameling in de kernen wordt vanaf 1 januari 2025 anders geregeld. Het vaste tarief gaat omhoog
omdat de kosten van de afvalinzameling stijgen. In de milieuzone van het centrum geldt een venstertijd.

Met vriendelijke groet,

de wethouder Financiën,

Pieter Jansen
"""
NOTE = """Notitie verkeer

De verkeersveiligheid rond de scholen vraagt aandacht. De ongediertebestrijding in het park is uitbesteed.
De inzameling van oud papier gebeurt door verenigingen. Kenmerk AU15.10692. Contactpersoon mevrouw Peters.
"""
OTHER = """Besluitenlijst van de vergadering van het college op 29 juni 2015

1. Rampenbestrijding

De rampenbestrijding in de regio wordt geoefend. Het college stemt in met het oefenplan.

2. Verkeer

Het college besluit de zone rond de scholen aan te passen. Contactpersoon de heer Pieters.
"""


def _built(tmp_path_factory, name: str, texts: dict[str, str]) -> Path:
    """An index of the given texts (file stem -> text), built once per module."""
    from pipeline.build import build

    docs = tmp_path_factory.mktemp(name)
    for stem, text in texts.items():
        (docs / f"{stem}.txt").write_text(text, encoding="utf-8")
    folder = tmp_path_factory.mktemp(name + "-ix")
    report = build([docs], folder)
    assert not report.problems, report.problems
    return folder


@pytest.fixture(scope="module")
def small_index(tmp_path_factory) -> Path:
    return _built(tmp_path_factory, "docs", {"brief-afval": LETTER, "notitie-verkeer": NOTE, "besluitenlijst-college": OTHER})


def _docs(result) -> list[str]:
    return list(dict.fromkeys(h.doc_id for h in result.hits))


def test_compounds_data_file_loads_and_names_words():
    rules = compounds.rules()
    assert "s" in rules["links"] and rules["min_head"] >= 3
    assert {"heid", "lijk"} <= rules["not_heads"] and "ver" in rules["not_modifiers"]  # from word_forms.json


@needs_dictionary
@pytest.mark.parametrize("word, parts", [("afvalinzameling", ("afval", "inzameling")),
                                         ("verkeersveiligheid", ("verkeer", "veiligheid")),
                                         ("bestemmingsplan", ("bestemming", "plan")),
                                         ("overheid", ()), ("verordening", ()), ("vaststelling", ())])
def test_compounds_split_dutch_compounds_and_leave_words_whole(word, parts):
    assert compounds.split(word) == parts


@pytest.mark.parametrize("token, parts", [("PS23\u2010001234", ("ps23", "001234")), ("ps23-001234", ("ps23", "001234")),
                                          ("AU15.10692", ("au15", "10692")), ("16-12-2024", ()), ("3.500", ())])
def test_compounds_identifier_parts_with_any_dash(token, parts):
    assert compounds.parts(token) == parts


@pytest.mark.parametrize("query", ["PS23-001234", "PS23\u2010001234", "PS23\u2013001234", "ps23 001234", "001234"])
def test_search_identifier_whole_any_dash_or_in_parts(small_index, query):
    result = search(small_index, query)
    assert _docs(result)[0] == "brief-afval"
    assert "PS23" in result.hits[0].snippet


def test_search_identifier_with_a_dot_in_parts(small_index):
    assert _docs(search(small_index, "AU15 10692"))[0] == "notitie-verkeer"


@needs_dictionary
def test_search_compound_finds_its_words_written_apart(small_index):
    # "oud papier inzameling": no document writes "papierinzameling"; the note writes it apart
    result = search(small_index, "papierinzameling")
    assert _docs(result)[0] == "notitie-verkeer"


def test_search_words_apart_find_the_compound_below_an_exact_match(small_index):
    result = search(small_index, "inzameling van afval")
    assert _docs(result)[0] == "brief-afval"
    assert "**afvalinzameling**" in result.hits[0].snippet.casefold()
    apart = search(small_index, "milieu zone")
    assert _docs(apart)[0] == "brief-afval"


@needs_dictionary
def test_search_a_known_word_is_never_widened_to_a_near_word(small_index):
    # "rattenbestrijding" is no typo of "rampenbestrijding": its words are Dutch words
    result = search(small_index, "rattenbestrijding")
    assert "besluitenlijst-college" not in _docs(result)
    # a name the index holds is not widened to another name
    assert _docs(search(small_index, "Peters")) == ["notitie-verkeer"]


def test_search_a_typo_is_still_corrected(small_index):
    assert _docs(search(small_index, "afvalinzamling"))[0] == "brief-afval"


def test_search_limit_counts_documents_and_says_how_many_more(small_index):
    result = search(small_index, "scholen verkeer afval", limit=2, per_doc=1)
    assert len(result.groups) == 2 and all(len(g.hits) == 1 for g in result.groups)
    assert result.documents >= 2 and result.total >= result.documents
    assert all(g.more >= 0 for g in result.groups)


def test_search_json_says_both_counts(runner, small_index):
    from pipeline.cli import app

    out = runner.invoke(app, ["search", "verkeer", "--index", str(small_index), "--json", "--limit", "1"])
    assert out.exit_code == 0, out.output
    found = json.loads(out.output)
    assert len(found["groups"]) == 1 and found["documents"] == 2 and found["passages"] >= 2
    assert {"more", "passages"} <= found["groups"][0].keys()


def test_search_who_answer_on_the_line_under_the_letter(small_index):
    result = search(small_index, "wie is de wethouder financien")
    assert _docs(result)[0] == "brief-afval"
    assert "Pieter Jansen" in " ".join(h.snippet for h in result.hits[:3])


def test_search_when_answered_from_the_meeting_of_a_decision_list(tmp_path):
    from pipeline.search.engine import Matcher, group_rows

    fields = {"doc_id": "mr", "text": "Het college stemt in met het oefenplan rampenbestrijding.", "title": "",
              "meeting_body": "college", "meeting_date": "2015-06-29"}
    (group,) = group_rows([(1.0, fields)], Matcher([]), "date", 5, "relevance")
    assert group.hits[0].snippet.startswith("(college, 29 juni 2015) ")
    assert group.hits[0].meeting_date == "2015-06-29"


# --- session 6: identifiers with other separators, names written short, who signed, all of the query shown

MOTION = """Motie over paraveterinairen

De Kamer, gehoord de beraadslaging,

overwegende dat het rapport over de arbeidsmarkt voor dierenartsen adviseert om meer taken te laten
uitvoeren door paraveterinairen op hbo-niveau, zodat de dierenarts zich kan richten op wat alleen een
dierenarts kan doen en de zorg voor dieren op het platteland betaalbaar en bereikbaar blijft;

overwegende dat een opleiding tot veterinair technicus kan bijdragen aan een efficiëntere taakverdeling en
een betere benutting van vaardigheden in de praktijk, en daarmee aan de kwaliteit en de toegankelijkheid
van de zorg voor gezelschapsdieren en landbouwhuisdieren in het hele land;

verzoekt de regering de benodigde wetswijzigingen te verkennen om paraveterinairen toe te staan specifieke
handelingen binnen de praktijk zelfstandig uit te voeren, en de Kamer daarover voor de zomer te berichten
met een overzicht van de handelingen die daarvoor in aanmerking komen en van de eisen aan de opleiding;

verzoekt de regering voorts in overleg met de beroepsorganisaties te bezien hoe de kwaliteit van die
handelingen geborgd kan worden en welke rol het toezicht daarbij heeft, en gaat over tot de orde van de dag.

Holman
Van Campen
"""
ADDRESSED = """Gemeente Oostwold
T.a.v. College van B&W
Postbus 43

Onderwerp: reactie op uw brief over de kapvergunning aan de Esdoornlaan

Geachte college,

Wij hebben uw brief over de kapvergunning aan de Esdoornlaan ontvangen. Wij zien geen reden de vergunning in te trekken.

Gedeputeerde Staten van Overijssel,

voorzitter, A.P. Heidema

secretaris, N. Versteeg
"""
MINUTES = """Besluitenlijst raadsvergadering 29 juni 2015

De zienswijze op de begroting van de veiligheidsregio onder kenmerk AU15.05274 wordt vastgesteld.
Het college van burgemeester en wethouders stelt de raad voor de begroting te aanvaarden.
Het college van burgemeester en wethouders zegt toe de raad te informeren. Het college van burgemeester en
wethouders voert het besluit uit.
"""


@pytest.fixture(scope="module")
def signed_index(tmp_path_factory) -> Path:
    return _built(tmp_path_factory, "signed",
                  {"motie-paraveterinairen": MOTION, "brief-gs-oostwold": ADDRESSED, "besluitenlijst-raad": MINUTES})


@pytest.mark.parametrize("query", ["AU15-05274", "au15\u201305274"])
def test_search_identifier_typed_with_another_separator_finds_it(signed_index, query):
    result = search(signed_index, query)
    assert _docs(result)[0] == "besluitenlijst-raad"
    assert "AU15.05274" in result.hits[0].snippet


def test_search_a_name_finds_its_short_form_in_the_text(signed_index):
    # "college van B&W" is one of many spellings of the body; the long ones (plurals, "&" for "en") must
    # not crowd it out of the forms searched
    result = search(signed_index, "college van burgemeester en wethouders Esdoornlaan")
    assert "b&w" in [a.casefold() for a in result.also]
    assert "brief-gs-oostwold" in _docs(result)
    assert any("**B&W**" in h.snippet for h in result.hits if h.doc_id == "brief-gs-oostwold")


@pytest.mark.parametrize("query, doc, names", [
    ("wie ondertekende de motie over paraveterinairen", "motie-paraveterinairen", ["Holman", "Van Campen"]),
    ("wie heeft de brief over de kapvergunning Esdoornlaan ondertekend", "brief-gs-oostwold", ["Heidema", "Versteeg"]),
])
def test_search_who_signed_shows_the_signature(signed_index, query, doc, names):
    result = search(signed_index, query)
    assert result.intent == "signer"
    assert _docs(result)[0] == doc
    first = result.hits[0].snippet
    assert all(n in first for n in names), first


def test_signature_block_is_names_under_a_text_not_headings_or_labels():
    from pipeline.search.snippets import signature, signature_words

    assert {"ondertekend", "getekend"} <= signature_words()["signing"] and "griffier" in signature_words()["roles"]
    for text, block in (("Met vriendelijke groet,\n\n(geanonimiseerd)\n\nGerdo Peters", "Gerdo Peters"),
                        ("en gaat over tot de orde van de dag.\n\nHolman\nVan Campen", "Holman\nVan Campen"),
                        ("Aldus besloten.\n\nDe griffier,\n\nJ. de Vries", "De griffier,\n\nJ. de Vries")):
        span = signature(text)
        assert span and text[span[0]:span[1]] == block
    for text in ("Telefoon 038 499 88 99\nKvK\nIBAN", "Datum\nKenmerk\nBijlagen\nGeen", "Geachte raad,\n\nDierenwelzijn",
                 "Zie hieronder.\nGemeente Wierden\nProvincie Overijssel", "Zie hieronder.\nMinisterie van Financiën"):
        assert signature(text) is None, text


def test_search_shows_the_passage_that_holds_a_name_asked_for():
    # "Peters woo besluit": three passages about the Woo decision outscore the one under it with the name
    # typed; a document's passages shown must hold the name too
    from pipeline.search.engine import Concept, Matcher, add_text, group_rows
    from pipeline.search.snippets import TOKENS

    def group(words, texts):
        concepts = []
        for word, weight in words:
            concepts.append(Concept(weight))
            concepts[-1].name = word[:1].isupper()  # as the query's parsing marks a name typed
            add_text(concepts[-1], word, TOKENS, typed=True)
        rows = [(10.0 - n, {"doc_id": "woo-besluit", "text": t, "title": "", "passage_no": n}) for n, t in enumerate(texts)]
        (found,) = group_rows(rows, Matcher(concepts), None, 5, "relevance", per_doc=3)
        return found

    texts = ["Dit besluit is genomen op grond van de Woo.", "Het besluit op uw Woo-verzoek volgt hieronder. Woo besluit.",
             "Tegen dit besluit op grond van de Woo kunt u bezwaar maken.", "Met vriendelijke groet,\n\nGerdo Peters"]
    found = group([("Peters", 2.0), ("woo", 3.0), ("besluit", 1.0)], texts)
    assert any("Peters" in h.snippet for h in found.hits), [h.snippet for h in found.hits]
    assert found.more == 1
    # a passage that adds no word asked for to those shown does not push a better one out (session 24: any word
    # asked for that the passages shown lack does, "groet" as well as a name)
    found = group([("woo", 3.0), ("besluit", 1.0)], texts)
    assert [h.passage_no for h in found.hits] == [0, 1, 2]
    found = group([("groet", 2.0), ("woo", 3.0), ("besluit", 1.0)], texts)
    assert any("groet" in h.snippet for h in found.hits)


# --- session 7: the first page of documents, the outcome of an agenda item further down

def _council_minutes(n: int) -> str:
    """Short minutes that name the college of B&W in every form it has, and nothing else of the letter asked for."""
    return (f"Verslag raadsvergadering {n}\n\nHet college van burgemeester en wethouders (B&W) van Oostwold: "
            f"burgemeester en wethouders, het college van B en W, college B&W, punt {n}.\n")


FAR_LETTER = """Gemeente Wierden
T.a.v. het college van burgemeester en wethouders

Onderwerp: uw verzoek

Geachte college,

""" + "Wij hebben uw verzoek ontvangen en zullen het in de komende weken met de betrokken partijen behandelen. " * 12 + """
Wij besluiten de projectbesluitprocedure voor het windpark te staken.

Gedeputeerde Staten van Overijssel
"""


@pytest.fixture(scope="module")
def page_index(tmp_path_factory) -> Path:
    texts = {f"verslag-raad-{n:02d}": _council_minutes(n) for n in range(24)}
    # and notes that name neither: the name's words are rarer than common words, as in a real corpus
    notes = {f"notitie-{n:02d}": f"Notitie {n}\n\n" + "\n\n".join(
        f"De planning van project {n}.{k} loopt volgens schema en de kosten blijven binnen het budget." for k in range(8))
        for n in range(30)}
    return _built(tmp_path_factory, "page", {**texts, **notes, "brief-gs-wierden": FAR_LETTER})


def test_search_first_page_holds_the_document_with_all_of_the_query(page_index):
    # the long name's common words score the minutes high, passage by passage; the letter holds the name
    # and the rare words asked for, and is what the user looks for: it is on the first page of ten
    query = "brief aan het college van burgemeester en wethouders van Wierden projectbesluitprocedure staken"
    assert _docs(search(page_index, query, limit=10))[0] == "brief-gs-wierden"
    assert _docs(search(page_index, query, limit=10)) == _docs(search(page_index, query, limit=50))[:10]


ITEM_MINUTES = """Besluitenlijst commissie Ruimte 12 maart 2024

1. Opening

De voorzitter opent de vergadering.

2. Vaststellen besluitenlijst

Vastgesteld.

3. Startnotitie Kerkstraat 12

""" + "\n\n".join(
    f"{name} vraagt hoe de bomen aan de {side} kant van het perceel worden ingepast, en of de buurt bij de verdere "
    f"uitwerking wordt betrokken. Zij wil weten hoe hoog de bebouwing aan de {side} kant wordt en of er genoeg "
    "parkeerplaatsen komen. De wethouder legt uit dat de buurt in het najaar wordt uitgenodigd en dat de hoogte "
    "gelijk blijft aan die van de huizen ernaast. Over de parkeerplaatsen volgt een notitie."
    for name, side in (("Anna de Wit", "noordelijke"), ("Karel Smit", "zuidelijke"), ("Fatma Yilmaz", "oostelijke"))) + """

De voorzitter concludeert dat het voorstel als hamerstuk naar de raad gaat.

4. Nota parkeren

Verworpen.
"""


def test_search_on_both_backends_signature_other_names_and_an_items_outcome(empty_store, tmp_path):
    from pipeline.build import build

    docs = tmp_path / "docs"
    docs.mkdir()
    for stem, text in {"motie-paraveterinairen": MOTION, "brief-gs-oostwold": ADDRESSED,
                       "besluitenlijst-commissie": ITEM_MINUTES}.items():
        (docs / f"{stem}.txt").write_text(text, encoding="utf-8")
    assert not build([docs], empty_store).problems
    # who signed: the names under the letter, though no passage with the query's words holds them
    signed = search(empty_store, "wie heeft de brief over de kapvergunning Esdoornlaan ondertekend")
    assert signed.intent == "signer" and _docs(signed)[0] == "brief-gs-oostwold"
    assert "Heidema" in signed.hits[0].snippet and "Versteeg" in signed.hits[0].snippet
    # a name's short form is searched, however many long forms it has
    named = search(empty_store, "college van burgemeester en wethouders Esdoornlaan")
    assert "b&w" in [a.casefold() for a in named.also] and "brief-gs-oostwold" in _docs(named)
    # what was decided on item 3: said passages below its heading, before item 4 (which was rejected)
    outcome = search(empty_store, "wat besloot de commissie over de startnotitie Kerkstraat")
    assert outcome.intent == "outcome" and _docs(outcome)[0] == "besluitenlijst-commissie"
    first = outcome.hits[0].snippet
    assert "hamerstuk" in first and "Verworpen" not in first, first


def test_outcome_words_data_file_loads():
    from pipeline.search import split_intent
    from pipeline.search.snippets import outcome_words

    words = outcome_words()
    assert {"besloot", "aangenomen", "uitslag"} <= words["question"] and "besluit" not in words["question"]
    assert {"aangenom", "hamerstuk", "verworp"} <= words["stems"]
    assert split_intent("is de motie over de kerk aangenomen?")[1] == "outcome"
    assert split_intent("wat besloot de raad over de begroting")[1] == "outcome"
    assert split_intent("windmolens besluit")[1] is None


def test_item_answer_reads_the_rest_of_the_item_and_stops_at_the_next():
    from pipeline.search.engine import Concept, Matcher, add_text
    from pipeline.search.snippets import TOKENS, item_answer

    concept = Concept(1.0)
    add_text(concept, "kerkstraat", TOKENS, typed=True)
    matcher = Matcher([concept])
    text = "2. Opening\n\nDe voorzitter opent.\n\n3. Startnotitie Kerkstraat\n\nDe buurt wordt gehoord."
    later = ["De wethouder licht toe.", "Het plan gaat op 14 mei 2024 naar de raad.\n\n4. Nota parkeren\n\nVerworpen."]
    assert "14 mei 2024" in item_answer(matcher, text, later, "date")
    assert item_answer(matcher, text, later, "outcome") is None  # item 4's outcome is not item 3's
    assert item_answer(matcher, "Geen agendapunt over de Kerkstraat.", later, "date") is None  # no item heading
