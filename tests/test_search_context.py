"""Answers a snippet holds (#17, session 19, from a fifth blind question set): a date question on a passage of a
meeting's list shows the meeting's day even when the passage names other days, and a query of keywords that ends in
what it wants ("... budget", "... uitslag") asks for it as a question would."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.search import search
from pipeline.search.engine import split_intent

def _one_document_index(tmp_path: Path, name: str, text: str) -> Path:
    """The index of one document ``name`` with ``text``, built in ``tmp_path``."""
    from pipeline.build import build

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / name).write_text(text, encoding="utf-8")
    assert not build([docs], tmp_path / "ix").problems
    return tmp_path / "ix"


LIST = """Besluitenlijst Provinciale Staten van Limburg

Vergadering van vrijdag 4 oktober 2019

1. Opening

2. Opheffen geheimhouding

Provinciale Staten besluiten de geheimhouding op te heffen op de documenten van de besloten Statenvergaderingen van
14 december 2018 en 27 mei 2019, zoals bekrachtigd in besluit G-18-052 d.d. 14 december 2018.

Besluit: conform.
"""


@pytest.fixture(scope="module")
def list_index(tmp_path_factory) -> Path:
    from pipeline.build import build

    docs = tmp_path_factory.mktemp("context")
    (docs / "besluitenlijst-ps-limburg.txt").write_text(LIST, encoding="utf-8")
    folder = tmp_path_factory.mktemp("context-ix")
    report = build([docs], folder)
    assert not report.problems, report.problems
    return folder


def test_a_date_question_on_a_meetings_list_shows_the_meetings_day(list_index):
    hit = search(list_index, "wanneer is de geheimhouding van besluit G18-052 opgeheven").hits[0]
    assert hit.meeting_date == "2019-10-04"
    assert "4 oktober 2019" in hit.snippet  # though the passage names two other days


@pytest.mark.parametrize("query, intent", [
    ("vervanging fietsbrug Wyldehoarne Joure budget", "number"),
    ("voorstel Peperstraat van agenda halen uitslag", "outcome"),
    ("afvalinzameling Joure", None),
])
def test_a_query_of_keywords_asks_for_the_answer_it_names(query, intent):
    assert split_intent(query) == (query, intent)


# A tree-felling notice as the forms of provinces are written: every section names the address, and the
# answers stand in the form's questions, which name little of what is asked.
NOTICE_SECTIONS = {
    "Melding": "Op 20 augustus 2024 ontvingen wij uw melding voor het project bomen kappen op de locatie Mengerweg 13a in Wesepe.",
    "Locatie": "Adres van de locatie waar u gaat kappen: Mengerweg 13a, 8124 PG Wesepe. Kadastrale gemeente Wesepe, sectie D.",
    "Herbeplanting": "Herbeplantingsplan Mengerweg 13a Wesepe. Na het kappen volgt de herbeplanting aan de Mengerweg 13a in de winter.",
    "Afronding": "Afrondingsbrief over het kappen aan de Mengerweg 13a Wesepe verzonden aan de melder.",
    "Kaart": "Kapplan Mengerweg 13a Wesepe: de te kappen bomen staan op de kaart aan de Mengerweg.",
    "Soorten": "Welke soorten gaat u verwijderen? Eiken. Wat is ongeveer de leeftijd van wat u gaat verwijderen? 40 tot 60 jaar.",
    "Aanleiding": "Geef aan wat de reden is voor het verwijderen. Verjonging van oudere grove den.",
}
FORM_NOTE = " Dit onderdeel van het formulier is door de melder ingevuld en door de provincie gecontroleerd op volledigheid."


def test_a_documents_passages_shown_each_add_a_word_asked_for(tmp_path):
    text = "# Kapmelding\n\n" + "".join(f"## {head}\n\n{body}{FORM_NOTE * 6}\n\n" for head, body in NOTICE_SECTIONS.items())
    index = _one_document_index(tmp_path, "kapmelding-mengerweg.md", text)
    group = search(index, "Mengerweg 13a Wesepe kappen leeftijd reden").groups[0]
    shown = " ".join(h.snippet for h in group.hits).replace("**", "")
    # five sections name the address and felling, and score highest; the two that answer follow the best one
    assert len(group.hits) == 3 and "Mengerweg" in group.hits[0].snippet
    assert "40 tot 60 jaar" in shown and "Verjonging van oudere grove den" in shown


def test_a_snippet_that_ends_on_a_forms_question_shows_its_answer(tmp_path):
    index = _one_document_index(
        tmp_path, "kapmelding-kiefteweg.txt",
        "Melding houtopstand Kiefteweg Diepenheim\n\n"
        "Welke boom- of struiksoort(en) gaat u verwijderen?\n"
        "Ik ga niets verwijderen, alleen opsnoeien en tijdelijk afzetten waar dat nodig is voor de veiligheid.\n"
        "Het betreft voornamelijk els en populier en een enkele berk.\n"
        "Wat is ongeveer de leeftijd van de bomen en/of struiken die u gaat verwijderen?\n"
        "30 jaar\n")
    snippets = [h.snippet for h in search(index, "welke struiksoorten verwijderen Diepenheim").hits]
    assert any("els en populier" in s for s in snippets), snippets
    assert not any("30 jaar" in s for s in snippets)  # the next question and its answer are not this one's


def test_a_short_best_sentence_shows_the_next_ones_up_to_about_a_snippets_length(tmp_path):
    index = _one_document_index(
        tmp_path, "kapmelding-sluitersdijk.txt",
        "Kapmelding Sluitersdijk\n\n"
        "Op het perceel aan de Sluitersdijk 26 in Hengelo worden drie eiken gekapt en wordt daarna een nieuwe houtwal "
        "aangeplant. Hiermee wordt begonnen vanaf 1 november 2025. Het gebruikte gereedschap zal een schop zijn. "
        "De melder draagt zorg voor de afvoer van het hout.\n\n"
        + "Dit formulier is door de melder ingevuld en door de provincie gecontroleerd op volledigheid. " * 8 + "\n")
    snippet = search(index, "Sluitersdijk 26 Hengelo houtwal aangeplant").hits[0].snippet
    assert "1 november 2025" in snippet, snippet  # the sentence after the best one, which holds none of the query
    assert len(snippet.replace("**", "")) <= 420


# A plan's explanation: its name holds a number ("Wijziging 1") and the sentence that names it holds more of the
# question's words than the one that gives the count.
COUNTED = """Toelichting wijzigingsplan Laares 2014

Het gebied waarop het bestemmingsplan "Laares 2014 - Wijziging 1" betrekking heeft is gelegen aan de westzijde van de
Laaressingel, tussen de Leliestraat en de Papaverstraat. De gemeente Enschede bouwt hier sinds de jaren zestig in een
groen stadsdeel met veel water, brede lanen, speelplekken en ruime tuinen, dicht bij het centrum van de stad, het
station en de winkels, zodat de buurt ook in de toekomst aantrekkelijk blijft voor jonge gezinnen en voor ouderen.
Voor de 15 aaneengesloten woningen langs de Laaressingel is een wijzigingsprocedure nodig.
"""


def test_a_question_about_how_many_shows_the_number_before_what_it_counts(tmp_path):
    folder = _one_document_index(tmp_path, "laares-wijziging.txt", COUNTED)
    hit = search(folder, "Hoeveel aaneengesloten woningen langs de Laaressingel maakt de wijziging van "
                         "bestemmingsplan Laares 2014 mogelijk?").hits[0]
    assert "15 **aaneengesloten**" in hit.snippet  # not the sentence of "Wijziging 1" alone


@pytest.mark.parametrize("question, counted", [
    ("Hoeveel aaneengesloten woningen langs de Laaressingel", {"aaneengeslot", "woning"}),
    ("Hoeveel windmolens moeten er bij", {"windmolen"}),
    ("Met hoeveel is het aantal formele bestuurlijke overleggen afgenomen", {"formel", "bestur", "overlegg"}),
    ("wanneer is het plan vastgesteld", set()),
])
def test_what_a_question_counts_is_the_words_after_hoeveel_or_aantal(question, counted):
    from pipeline.search.engine import counted_stems

    assert counted_stems(question) == counted


# A plan's explanation whose page ends with a section's heading: the section's words stand on the next page.
HEADING_AT_PAGE_END = (
    "Toelichting Echt-Susteren 2023\n\n1.1 Aanleiding\n\nDe gemeente Echt-Susteren voegt haar bestemmingsplannen "
    "samen tot een omgevingsplan. Dat plan geldt voor het hele grondgebied van de gemeente, met uitzondering van enkele "
    "gebieden waarvoor nog een procedure loopt. De gemeente werkt daarbij samen met de buurgemeenten.\n\n"
    "1.2 Plannen opgenomen in het initieel omgevingsplan\n\f"
    "Bijlage 1 van deze toelichting somt de 81 regelingen op die hierin zijn samengevoegd. De bestaande regels blijven "
    "zoveel mogelijk gelden.\n\n1.3 Begrenzing\n\nHet gebied beslaat een groot deel van de gemeente.\n")


def test_a_heading_that_ends_its_passage_shows_the_words_after_it(tmp_path):
    folder = _one_document_index(tmp_path, "echt-susteren-omgevingsplan.txt", HEADING_AT_PAGE_END)
    result = search(folder, "welke plannen zijn opgenomen in het initieel omgevingsplan")
    heading = next(h for h in result.hits if "1.2 **Plannen**" in h.snippet)
    assert "de 81 regelingen" in heading.snippet  # the next page's opening, though it holds no word asked for


# A plan's explanation whose name ("Koksgoedweg tussen 1 en 3", "Wehl") stands in its title and in a sentence that
# holds some of the question's other words; the answer's sentence holds the rest of them but not the name.
NAMED = """Bestemmingsplan Koksgoedweg tussen 1 en 3 Wehl

Het plan Koksgoedweg tussen 1 en 3 in Wehl maakt bouwwerken mogelijk; op basis van het onderzoek kan worden gesteld dat
de bovengrond op de onderhavige locatie van het bouwplan licht verontreinigd is met zware metalen uit de oude
boomgaard die hier tot in de jaren zeventig stond, zodat er voor het gebruik als tuin geen bezwaren zijn.
In het grondwater is een lichte verontreiniging vastgesteld voor barium, een stof die in deze streek van nature in de
bodem voorkomt en die volgens de onderzoekers geen gevaar oplevert voor de gezondheid van de toekomstige bewoners.
"""


def test_a_documents_name_does_not_choose_the_sentence_of_its_passage(tmp_path):
    # the words of the question that the title holds name the document; the sentence is chosen by the others
    folder = _one_document_index(tmp_path, "wehl-koksgoedweg.txt", NAMED)
    hit = search(folder, "Met welke stof is het grondwater licht verontreinigd bij het bouwplan Koksgoedweg tussen 1 "
                         "en 3 in Wehl?").hits[0]
    assert "barium" in hit.snippet, hit.snippet
