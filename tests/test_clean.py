"""Text normalisation: characters, hyphenation, paragraphs, lists, page furniture, offsets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.ingest.clean import clean_pages, keep_hyphen
from pipeline.ingest import read

ROOT = Path(__file__).resolve().parents[1]
WRAPPED = ("Twente is een stedelijke regio waarbinnen het bruist van de creativiteit in een mooie\n"
           "omgeving, met een sterke identiteit en een voor Nederland gunstig technisch profiel\n"
           "dat van oudsher wordt bepaald door de maakindustrie en de textielnijverheid in het\n"
           "oosten van het land; de regio was lange tijd structureel kwetsbaar voor crises.\n")


def _text(*pages: str) -> str:
    return clean_pages(list(pages)).text


def test_clean_ligatures_become_letters_and_symbols_stay():
    text = _text("De ﬁnanciële ﬂexibiliteit: € 50.000 voor ‘één’ “coördinator”, geïnd; 10 m² en ½ uur")
    assert text == "De financiële flexibiliteit: € 50.000 voor ‘één’ “coördinator”, geïnd; 10 m² en ½ uur"


def test_clean_strips_control_and_zero_width_characters():
    assert _text("Twen\x00te\u200b raad\x07 besluit\ufeff") == "Twente raad besluit"


@pytest.mark.parametrize("raw, expected", [
    ("aanvraag voor de ver-\ngunning van de gemeente", "aanvraag voor de vergunning van de gemeente"),
    ("de hero-\nriëntatie start", "de heroriëntatie start"),
    ("de provincie Noord-\nHolland besluit", "de provincie Noord-Holland besluit"),
    ("het vervallen van de Wgr-plus-\nstatus in 2015", "het vervallen van de Wgr-plus-status in 2015"),
    ("uitvoering van de RUD-\ntaken door", "uitvoering van de RUD-taken door"),
    ("het besluitvormend 4O-\norgaan laten", "het besluitvormend 4O-orgaan laten"),
    ("met college-\nen raadsleden", "met college- en raadsleden"),
    ("de periode 2014-\n2018 loopt", "de periode 2014-2018 loopt"),
    ("een auto-\nongeluk gezien", "een auto-ongeluk gezien"),
    ("het kabinet Rutte-\nII besloot", "het kabinet Rutte-II besloot"),
    ("met soft\u00ad\nhyphen en ver\u00adborgen", "met softhyphen en verborgen"),
])
def test_clean_rejoins_line_end_hyphenation_but_keeps_compounds(raw, expected):
    assert _text(raw) == expected


@pytest.mark.parametrize("line", [
    "de RUD (uitvoeringsdienst vergunning-verlening en handhaving)",
    "vanuit de Wgr-plus en de sociaal-economische structuur van het 4O-orgaan",
    "afstemmings- en debatmoment, Stad-platteland",
])
def test_clean_keeps_hyphenated_compounds_on_one_line(line):
    assert _text(line) == line


def test_clean_uses_the_documents_own_spelling_of_a_compound():
    text = _text("de sociaal-economische agenda\n\nen de sociaal-\neconomische structuur")
    assert text.endswith("en de sociaal-economische structuur")
    assert _text("de vergunningverlening\n\nen de vergunning-\nverlening") .endswith(
        "en de vergunningverlening")


@pytest.mark.parametrize("left, right, keep", [
    ("ver", "gunning", False), ("Noord", "Holland", True), ("Wgr", "plus", False),
    ("BDU", "middelen", True), ("zee", "egel", True), ("mu-se", "um", True),
])
def test_clean_keep_hyphen_rules(left, right, keep):
    assert keep_hyphen(left, right) is keep


def test_clean_joins_wrapped_lines_into_a_paragraph():
    text = _text(WRAPPED + "\nDe bijdrage van de overheid ligt vooral in het uitvoeren van kerntaken.\n")
    paragraphs = text.split("\n\n")
    assert len(paragraphs) == 2
    assert paragraphs[0] == " ".join(WRAPPED.split())


def test_clean_joins_a_sentence_split_by_a_blank_line():
    text = _text(WRAPPED.replace("maakindustrie en de", "maakindustrie en de\n"))
    assert "\n" not in text


@pytest.mark.parametrize("items", [
    ["1. De raad besluit de verordening vast te stellen;", "2. Het college te verzoeken;"],
    ["- eerste punt van de lijst", "- tweede punt", "- derde punt"],
    ["• samenwerking waarbij het lokale primaat vertrekpunt is;", "• samenwerking die eenvoudig is;"],
    ["a. Vindt besluitvorming plaats op basis van meerderheid;", "b. Is unanimiteit vereist."],
    ["A. Twenteraad", "B. Sturing door portefeuillehouders"],
])
def test_clean_keeps_list_items_on_their_own_lines(items):
    text = _text(WRAPPED + "\nDe raad besluit:\n" + "\n".join(items))
    lines = text.split("\n")
    assert lines[-len(items):] == items
    assert lines[-len(items) - 1] == "De raad besluit:"


def test_clean_wrapped_list_item_is_joined():
    text = _text(WRAPPED + "• samenwerking waarin ruimte is voor initiatieven op de schaal van de 14 gemeenten,\n"
                 "maar ook voor kleinere coalities;\n• samenwerking die eenvoudig is;")
    assert text.split("\n")[-2:] == [
        "• samenwerking waarin ruimte is voor initiatieven op de schaal van de 14 gemeenten, "
        "maar ook voor kleinere coalities;", "• samenwerking die eenvoudig is;"]


def test_clean_lone_bullet_joins_its_item():
    assert _text("Punten:\n\n•\n\nOp basis van deze punten.") == "Punten:\n\n• Op basis van deze punten."


def test_clean_keeps_headings_and_table_rows_apart():
    text = _text("Aanleiding\n" + WRAPPED + "\nVersie\tDatum\n1\t15-11-2012\n")
    lines = text.split("\n")
    assert lines[0] == "Aanleiding"
    assert lines[-2:] == ["Versie\tDatum", "1\t15-11-2012"]


@pytest.mark.parametrize("header, footer", [
    ("Notitie | Eerste contour vernieuwde regionale samenwerking", "PAGINA {n}/4"),
    ("Gemeente Den Helder", "Pagina {n} van 4"),
    ("Raadsvoorstel 2015-061", "- {n} -"),
    ("", "{n}"),
])
def test_clean_removes_running_headers_and_footers(header, footer):
    bodies = ["De raad besluit unaniem.", "Het college stemt in.", "Vaststelling op 3 juni.",
              "Sluiting om 22.00 uur."]
    pages = [f"{header}\n\n{body}\n\n{footer.format(n=n)}\n" for n, body in enumerate(bodies, 1)]
    assert clean_pages(pages).text.split("\n\n") == bodies


def test_clean_removes_page_number_lines_even_on_one_page():
    assert _text("Eerste regel.\n\nPAGINA 3/7\n\nTweede regel.") == "Eerste regel.\n\nTweede regel."


def test_clean_normalises_whitespace():
    text = _text("  Twee   spaties  \u00a0 hier.   \n\n\n\n\nNieuwe   alinea.\t\n")
    assert text == "Twee spaties hier.\n\nNieuwe alinea."


def _first_lines(pages: list[str]) -> list[str]:
    return [next((line.strip() for line in page.split("\n") if len(line.strip()) > 12), "")
            for page in pages]


@pytest.mark.parametrize("pages", [
    ["Eerste pagina.", "Tweede pagina.", "Derde pagina."],
    ["Kop\n" + WRAPPED, WRAPPED.upper(), "", "Slot van het stuk hier."],
    [WRAPPED[:-1] + " en de\n", "verdere ontwikkeling van de regio in het oosten van het land.\n"],
    ["Een woord met ver-\n", "gunning aan het begin van de pagina volgt hier.\n"],
    ["", "", "Pas op pagina drie begint de tekst."],
])
def test_clean_page_starts_map_each_pages_first_line_to_its_page(pages):
    cleaned = clean_pages(pages)
    assert len(cleaned.page_starts) == len(pages)
    assert cleaned.page_starts == sorted(cleaned.page_starts) and cleaned.page_starts[0] == 0
    assert all(0 <= s <= len(cleaned.text) for s in cleaned.page_starts)
    for number, first in enumerate(_first_lines(pages), 1):
        if not first:
            continue
        probe = re.sub(r"-$", "", first)[:12]
        at = cleaned.text.find(probe)
        assert at >= 0 and cleaned.page_of(at) == number


def test_clean_page_starts_of_the_corpus_pdf():
    doc = read(ROOT / "corpus" / "000_d1e22d0901ae206a.pdf")
    cleaned = clean_pages(doc.pages)
    assert len(cleaned.page_starts) == len(doc.pages)
    for number, page in enumerate(doc.pages, 1):
        body = [line for line in page.split("\n") if len(line.split()) >= 4
                and not line.startswith(("Notitie", "PAGINA"))]
        probe = " ".join(body[len(body) // 2].split()[:4])  # a line from the middle of the page
        at = cleaned.text.find(probe)
        assert at >= 0 and cleaned.page_of(at) == number


def test_clean_empty_input():
    assert clean_pages([]).text == "" and clean_pages([]).page_starts == [0]
    assert clean_pages(["", "  \n"]).page_starts == [0, 0]


def test_clean_dated_running_header_is_kept_once_where_it_first_appears():
    """A letter repeats its date in the header of every page: page 1 keeps it (it is the letter's date),
    later pages lose it, as they lose any other running line."""
    pages = [["Datum", "18 februari 2025", "Zaaknummer 2024-014725", "", "Geachte heer,", "",
              "Wij hebben uw verzoek ontvangen en besluiten als volgt.", "", "Eerst de aanleiding."],
             ["Datum", "18 februari 2025", "Zaaknummer 2024-014725", "", "Daarom wijzen wij het verzoek af.", "",
              "Met vriendelijke groet,", "", "Gedeputeerde Staten"]]
    text = clean_pages(["\n".join(p) for p in pages]).text
    assert text.count("18 februari 2025") == 1 and text.index("18 februari 2025") < text.index("Geachte")
    assert "Zaaknummer" not in text  # an undated running line goes on every page


def test_clean_letter_spaced_text_is_read_word_by_word():
    """Some exports spell every word out ("r a a d s v e r g a d e r i ng") with wider gaps between words."""
    page = "\n".join([
        "de  R a ad  v an  de  g e m e e n te  D en  H e l d er",
        "G e a c h te  r a a d,",
        "Hierbij  n o d ig  ik  u uit  tot  het  b i j w o n en  v an  de  r a a d s v e r g a d e r i ng  op",
        "maandag  7 o k t o b er  2 0 15  om  1 9 : 30  u ur  in  de  r a a d z a al.",
    ])
    text = clean_pages([page]).text
    assert "de Raad van de gemeente Den Helder" in text
    assert "Hierbij nodig ik u uit tot het bijwonen van de raadsvergadering op" in text
    assert "7 oktober 2015 om 19:30 uur in de raadzaal." in text


def test_clean_ordinary_text_with_wide_gaps_is_left_alone():
    """Columns set apart by several spaces are not letter spacing."""
    page = "\n".join(["Groep A B C  totaal  12", "Kosten  € 1 200  per jaar", "Het college besluit  de nota vast te stellen"])
    assert clean_pages([page]).text.split("\n")[0] == "Groep A B C totaal 12"


@pytest.mark.parametrize("broken, right", [
    ("1e partiÃ«le herziening van het bestemmingsplan", "1e partiële herziening van het bestemmingsplan"),
    ("Hollum â€“ Jan Jacobsweg", "Hollum – Jan Jacobsweg"),
    ("de raad heeft op 3 maart ingestemd; Ã©Ã©n stem tegen", "de raad heeft op 3 maart ingestemd; één stem tegen"),
    ("PartiÃ«le herziening\n\n| 33 \u00c2 | Kostverloren \u00c2 | 1953 \u00c2 |",
     "Partiële herziening\n\n| 33 | Kostverloren | 1953 |"),
])
def test_clean_repairs_utf8_read_as_windows_1252(broken, right):
    """Text exported twice (UTF-8 decoded as Windows-1252 before it reached spoor) reads as written."""
    assert clean_pages([broken]).text == right


def test_clean_leaves_correct_dutch_alone():
    text = "Eén reëel geïnformeerd café: € 1.200, ‘aldus’ — de raad."
    assert clean_pages([text]).text == text


def test_a_heading_without_full_stop_keeps_its_own_line_above_a_full_paragraph_line():
    width = "x" * 80
    pages = ["Fase 2 Stadsweg A7 wordt in de zomer van 2027 (na de voltooiing van AVANT) uitgevoerd\n"
             "In het kader van het raadsbesluit over de uitvoering van fase 2 van de Stadsweg A7 informeerden\n"
             "wij u dat de realisatie in de zomer van 2026 werd nagestreefd, tegelijk met de werken ernaast.\n"
             "Het college van\nDe Wolden besloot op de gemeente te wachten met de rest van het werk van " + width + "\n"]
    text = clean_pages(pages).text
    assert "uitgevoerd\nIn het kader" in text
    assert "informeerden wij u" in text  # a wrapped line still joins
    assert "Het college van\nDe Wolden" in text or "Het college van De Wolden" in text  # a name is no new sentence


def test_a_numbered_list_run_together_on_one_line_is_split_into_its_items():
    from pipeline.ingest.clean import split_run_on

    line = ("AGENDA Algemeen bestuur 29 oktober 2014 " + "toelichting " * 20 + "1. Opening en vaststelling van de agenda "
            "2. Verslagen a. Mededelingen 1. Mededelingen van de voorzitter 2. Mededelingen van de gemeenten "
            "3. Financiën a. Halfjaarrapportage 4. Rondvraag en sluiting")
    parts = split_run_on(line)
    assert parts[1] == "1. Opening en vaststelling van de agenda"
    assert "3. Financiën a. Halfjaarrapportage" in parts and parts[-1] == "4. Rondvraag en sluiting"
    prose = "In artikel 4. Het college besluit daarover later. " * 8  # a lone number in prose is no list
    assert split_run_on(prose) == [prose]


def test_clean_joins_a_head_word_spelled_out_on_its_own_line_and_leaves_other_lines():
    text = clean_pages(["De raad van de gemeente Ermelo;\n\nb e s l u i t :\n\n1. De kadernota vast te stellen.\n"
                        "Bijlagen a b c bij dit besluit\n"]).text
    assert "\nbesluit:\n" in text
    assert "a b c bij dit besluit" in text  # (single letters inside a sentence stay)
