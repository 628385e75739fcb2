"""Readers (PDF, text, Markdown, HTML) and every kind of bad input they must refuse clearly."""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

import pytest

from pipeline.ingest.clean import clean_pages
from pipeline.ingest import SUPPORTED_SUFFIXES, Reader, ReadError, read, readers

ROOT = Path(__file__).resolve().parents[1]
CORPUS_PDF = ROOT / "corpus" / "000_d1e22d0901ae206a.pdf"
SHARED = next((p for p in (ROOT.parent / "shared", Path("/work/shared")) if p.is_dir()), None)
DUTCH = "Café in Enschede: de financiële bijdrage van € 50.000 voor ‘één’ coördinator, geïnd."


def _pdf(path: Path, pages: list[str], **canvas_kw) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), **canvas_kw)
    for text in pages:
        for i, line in enumerate(text.split("\n")):
            c.drawString(72, 760 - 14 * i, line)
        c.showPage()
    c.save()
    return path


# -- readers ------------------------------------------------------------------------------------

def test_ingest_registry_covers_every_supported_suffix():
    assert {".pdf", ".txt", ".md", ".html", ".htm"} <= set(SUPPORTED_SUFFIXES)
    for suffix, reader in readers.items():
        assert isinstance(reader, Reader) and suffix in reader.suffixes


def test_ingest_pdf_keeps_pages(tmp_path):
    doc = read(_pdf(tmp_path / "a.pdf", ["Eerste pagina over de Twenteraad", "Tweede pagina, € 5"]))
    assert doc.format == "pdf"
    assert len(doc.pages) == 2
    assert "Twenteraad" in doc.pages[0] and "€ 5" in doc.pages[1]


def test_ingest_corpus_pdf_has_running_header_and_footer():
    doc = read(CORPUS_PDF)
    assert len(doc.pages) >= 5
    assert all(f"PAGINA {i}/{len(doc.pages)}" in page for i, page in enumerate(doc.pages, 1))


@pytest.mark.skipif(SHARED is None, reason="shared/ not beside the checkout")
def test_ingest_denhelder_besluitenlijst_has_four_pages():
    doc = read(SHARED / "extra" / "denhelder-besluitenlijst-raad-2015-06-29.pdf")
    assert len(doc.pages) == 4
    assert "Besluitenlijst raadsvergadering 29 juni 2015" in doc.pages[0]


@pytest.mark.skipif(SHARED is None, reason="shared/ not beside the checkout")
def test_ingest_pdf_round_trip_matches_seed():
    """The rendered corpus PDF gives back the seed's words, in order, without page furniture."""
    words = re.compile(r"\w+(?:[-’']\w+)*")
    seed = (SHARED / "seeds" / "000_d1e22d0901ae206a.txt").read_text(encoding="utf-8")
    seed = re.sub(r"(?m)^\s*PAGINA \d+/\d+\s*$", "", seed)
    text = clean_pages(read(CORPUS_PDF).pages).text
    matcher = difflib.SequenceMatcher(None, words.findall(seed), words.findall(text), autojunk=False)
    assert matcher.ratio() >= 0.98
    assert "PAGINA" not in text and "Notitie |" not in text
    assert not re.search(r"\w- \w", text.replace("- en ", "").replace("- of ", ""))
    for phrase in ("10 oktober 2012", "Twenteraad", "Wgr-plus", "heroriëntatie"):
        assert phrase in text


@pytest.mark.parametrize("encoding, data", [
    ("utf-8", DUTCH.encode("utf-8")),
    ("utf-8-sig", DUTCH.encode("utf-8-sig")),
    ("utf-16 BOM", DUTCH.encode("utf-16")),
    ("utf-16-le without BOM", DUTCH.encode("utf-16-le")),
    ("cp1252", DUTCH.encode("cp1252")),
    ("latin-1", DUTCH.replace("€", "EUR").replace("‘", "'").replace("’", "'").encode("latin-1")),
    ("utf-8 with a stray cp1252 byte", DUTCH.encode("utf-8") + " caf\xe9".encode("cp1252")),
])
def test_ingest_text_detects_encoding(tmp_path, encoding, data):
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    text = read(path).pages[0]
    assert "financiële" in text and "Café" in text and "geïnd" in text
    if encoding != "latin-1":
        assert "€ 50.000" in text and "‘één’" in text


def test_ingest_text_splits_pages_on_form_feed(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("pagina een\n\fpagina twee\fpagina drie", encoding="utf-8")
    assert [p.strip() for p in read(path).pages] == ["pagina een", "pagina twee", "pagina drie"]


def test_ingest_text_strips_markup_when_present(tmp_path):
    path = tmp_path / "004.txt"
    path.write_text(
        "# ***Gemeentelijke Twentse samenwerking***\n\n**Datum**\n\n"
        "[s.steen@regiotwente.nl](mailto:s.steen@regiotwente.nl)\n\n"
        "<b>Versie</b>\t<b>Datum</b>\n"
        "de Regioraad heeft op 10 oktober 2012 besloten<sup>1</sup>.\n", encoding="utf-8")
    doc = read(path)
    text = doc.pages[0]
    assert doc.title_hint == "Gemeentelijke Twentse samenwerking"
    for junk in ("#", "**", "<b>", "</b>", "<sup>", "mailto:", "]("):
        assert junk not in text
    assert "s.steen@regiotwente.nl" in text and "10 oktober 2012 besloten[1]." in text


def test_ingest_text_leaves_plain_text_alone(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("Prijs: 3 * 4 = 12 en a_b_c blijft.\n- punt één\n", encoding="utf-8")
    doc = read(path)
    assert doc.pages[0] == "Prijs: 3 * 4 = 12 en a_b_c blijft.\n- punt één\n"
    assert doc.title_hint is None


def test_ingest_markdown_removes_markup(tmp_path):
    path = tmp_path / "motie.md"
    path.write_text(
        "# Motie: Wij geloven in Rotterdam\n\n| | |\n|---|---|\n| **Datum** | 29-01-2026 |\n\n"
        "### Constaterende dat:\n\n* Op 28 september 2023 de motie is aangenomen;\n"
        "+ Twee\\-aaneen, B\\&W en &amp; _nadruk_\n\n---\n\n1\\.1 Aanleiding\n", encoding="utf-8")
    doc = read(path)
    text = doc.pages[0]
    assert doc.format == "markdown" and doc.title_hint == "Motie: Wij geloven in Rotterdam"
    assert "Datum\t29-01-2026" in text
    assert "- Op 28 september 2023 de motie is aangenomen;" in text
    assert "- Twee-aaneen, B&W en & nadruk" in text and "1.1 Aanleiding" in text
    assert "#" not in text and "|" not in text and "---" not in text


def test_ingest_html_keeps_blocks_and_drops_script(tmp_path):
    path = tmp_path / "agenda.html"
    path.write_text(
        "<html><head><title>Gemeenteraad 31 augustus 2015</title><style>p{color:red}</style>"
        "<script>var x = '<p>geen tekst</p>';</script></head><body><h1>Agenda</h1>"
        "<p>Opening   door de\nvoorzitter.</p><ol><li>Vaststelling agenda</li><li>Spreekrecht"
        "</li></ol><table><tr><td>Datum</td><td>31-08-2015</td></tr></table>"
        "<p>Caf&eacute; &amp; co&nbsp;€</p></body></html>", encoding="utf-8")
    doc = read(path)
    lines = [line for line in doc.pages[0].split("\n") if line.strip()]
    assert doc.format == "html" and doc.title_hint == "Gemeenteraad 31 augustus 2015"
    assert lines[:4] == ["Agenda", "Opening door de voorzitter.", "1. Vaststelling agenda",
                         "2. Spreekrecht"]
    assert "Datum\t31-08-2015" in doc.pages[0] and "Café & co" in doc.pages[0]
    assert "color" not in doc.pages[0] and "geen tekst" not in doc.pages[0]


@pytest.mark.parametrize("name", ["one_line.txt", "one_line.md"])
def test_ingest_reads_a_single_one_megabyte_line(tmp_path, name):
    path = tmp_path / name
    unit = "ver-gunning **vet** [link](https://x.nl) <b>Wgr-plus</b> *a _b [c ( ë € "
    path.write_text((unit * (1_000_000 // len(unit) + 1))[:1_000_000], encoding="utf-8")
    cleaned = clean_pages(read(path).pages)
    assert cleaned.text.count("Wgr-plus") > 10_000 and "\n" not in cleaned.text


@pytest.mark.slow
def test_ingest_reads_a_fifty_megabyte_text(tmp_path):
    path = tmp_path / "big.txt"
    block = ("De regioraad heeft op 10 oktober 2012 ingestemd met de ver-\ngunning.\n\n" * 1000)
    with path.open("w", encoding="utf-8") as fh:
        for _ in range(50_000_000 // len(block.encode()) + 1):
            fh.write(block)
    cleaned = clean_pages(read(path).pages)
    assert cleaned.text.count("vergunning") > 600_000


# -- bad input ----------------------------------------------------------------------------------

def _empty(tmp_path):
    (tmp_path / "leeg.pdf").write_bytes(b"")
    return tmp_path / "leeg.pdf"


def _blank_text(tmp_path):
    (tmp_path / "leeg.txt").write_text(" \n\t\n", encoding="utf-8")
    return tmp_path / "leeg.txt"


def _random_pdf(tmp_path):
    (tmp_path / "ruis.pdf").write_bytes(os.urandom(4000).replace(b"%PDF", b"xxxx"))
    return tmp_path / "ruis.pdf"


def _html_as_pdf(tmp_path):
    (tmp_path / "download.pdf").write_text("<html><body>Not found</body></html>")
    return tmp_path / "download.pdf"


def _truncated_pdf(tmp_path):
    data = CORPUS_PDF.read_bytes()
    (tmp_path / "half.pdf").write_bytes(data[: len(data) // 2])
    return tmp_path / "half.pdf"


def _corrupt_pdf(tmp_path):
    (tmp_path / "kapot.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20 + b"\n%%EOF\n")
    return tmp_path / "kapot.pdf"


def _encrypted_pdf(tmp_path):
    return _pdf(tmp_path / "geheim.pdf", ["Vertrouwelijk besluit"], encrypt="wachtwoord")


def _image_only_pdf(tmp_path):
    from PIL import Image
    from reportlab.pdfgen import canvas

    Image.new("RGB", (40, 40), "gray").save(tmp_path / "scan.png")
    c = canvas.Canvas(str(tmp_path / "scan.pdf"))
    c.drawImage(str(tmp_path / "scan.png"), 72, 400, 300, 300)
    c.rect(50, 50, 100, 100)
    c.showPage()
    c.save()
    return tmp_path / "scan.pdf"


def _shapes_only_pdf(tmp_path):
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(tmp_path / "vormen.pdf"))
    c.rect(50, 50, 100, 100)
    c.circle(300, 300, 40)
    c.save()
    return tmp_path / "vormen.pdf"


def _unsupported(tmp_path):
    (tmp_path / "nota.docx").write_bytes(b"PK\x03\x04 not really")
    return tmp_path / "nota.docx"


def _directory(tmp_path):
    (tmp_path / "map.pdf").mkdir()
    return tmp_path / "map.pdf"


def _symlink_loop(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    return tmp_path / "a.txt"


def _missing(tmp_path):
    return tmp_path / "weg.txt"


def _binary_text(tmp_path):
    (tmp_path / "binair.txt").write_bytes(bytes(range(256)) * 20)
    return tmp_path / "binair.txt"


def _control_text(tmp_path):
    (tmp_path / "stuur.txt").write_bytes(bytes(range(1, 32)) * 50 + b"tekst")
    return tmp_path / "stuur.txt"


@pytest.mark.parametrize("make, words", [
    (_empty, "empty"),
    (_blank_text, "whitespace"),
    (_random_pdf, "not a PDF"),
    (_html_as_pdf, "not a PDF"),
    (_truncated_pdf, "truncated"),
    (_corrupt_pdf, "corrupt PDF"),
    (_encrypted_pdf, "password-protected"),
    (_image_only_pdf, "no text layer"),
    (_shapes_only_pdf, "no text layer"),
    (_unsupported, "unsupported file type '.docx'"),
    (_directory, "directory"),
    (_symlink_loop, "symbolic link loop"),
    (_missing, "does not exist"),
    (_binary_text, "does not look like text"),
    (_control_text, "does not look like text"),
])
def test_ingest_bad_input_raises_read_error_naming_the_problem(tmp_path, make, words):
    path = make(tmp_path)
    with pytest.raises(ReadError) as info:
        read(path)
    message = str(info.value)
    assert words in message
    assert message.startswith(str(path)) and "Traceback" not in message


def test_ingest_image_only_pdf_suggests_ocr(tmp_path):
    with pytest.raises(ReadError, match="ocrmypdf -l nld"):
        read(_image_only_pdf(tmp_path))


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root reads files whatever their permissions")
def test_ingest_unreadable_file_chmod(tmp_path):
    path = tmp_path / "dicht.txt"
    path.write_text("geheim", encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(ReadError, match="permission denied"):
            read(path)
    finally:
        path.chmod(0o644)


def test_ingest_unreadable_file_permission_error(tmp_path, monkeypatch):
    path = tmp_path / "dicht.txt"
    path.write_text("geheim", encoding="utf-8")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("pipeline.ingest.base.open", refuse, raising=False)
    with pytest.raises(ReadError, match="permission denied"):
        read(path)


@pytest.mark.parametrize("cut", [0.1, 0.3, 0.5, 0.7, 0.9])
def test_ingest_damaged_pdf_never_escapes_as_other_exception(tmp_path, cut):
    data = bytearray(CORPUS_PDF.read_bytes())
    at = int(len(data) * cut)
    data[at:at + 200] = os.urandom(200)
    path = tmp_path / "beschadigd.pdf"
    path.write_bytes(bytes(data))
    try:
        doc = read(path)
    except ReadError as exc:
        assert str(exc).startswith(str(path))
    else:
        assert doc.format == "pdf"


def test_pdf_decision_table_keeps_each_outcome_on_its_row(tmp_path):
    """A table's outcome column is its own text box in pdfminer; read by rows, each outcome stays with its item."""
    from reportlab.pdfgen import canvas

    rows = [("Motie I.1 Asielzoekers het land uit", "Verworpen"), ("Motie I.2 Ouders schade laten vergoeden", "Aangenomen"),
            ("Motie I.3 Handhavers regionaal afstemmen", "Aangenomen"), ("Motie I.4 Meer OV naar Scheveningen", "Verworpen")]
    path = tmp_path / "besluitenlijst.pdf"
    c = canvas.Canvas(str(path))
    c.drawString(72, 760, "Besluitenlijst van de vergadering van de gemeenteraad")
    for i, (item, outcome) in enumerate(rows):
        c.drawString(72, 700 - 24 * i, item)
        c.drawString(440, 700 - 24 * i, outcome)
    c.drawString(72, 560, "De griffier")
    c.drawString(440, 560, "De voorzitter")
    c.drawString(440, 546, "van de raad")  # a cell wrapped onto a second line: one cell
    c.drawString(72, 60, "Pagina")
    c.drawString(440, 60, "1")  # a footer and its page number are no table row
    c.save()
    text = read(path).pages[0]
    for item, outcome in rows:
        assert f"{item}\t{outcome}" in text.replace(" \t", "\t")
    assert "De voorzitter van de raad" in text
    assert "Pagina\t1" not in text.replace(" \t", "\t")


def test_pdf_letter_with_two_side_by_side_lines_is_no_table(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "brief.pdf"
    c = canvas.Canvas(str(path))
    c.drawString(72, 700, "Geachte heer Jansen,")
    c.drawString(440, 700, "Datum")
    c.drawString(72, 650, "Hierbij ontvangt u ons besluit op uw aanvraag van 3 maart.")
    c.save()
    assert "\t" not in read(path).pages[0]


def test_html_page_read_from_its_main_landmark_without_the_site_around_it(tmp_path):
    body = "".join(f"<p>Burgemeester en wethouders van Utrecht besluiten tot maatregel {i} op de Cooklaan.</p>" for i in range(6))
    page = (f"<html><head><title>Gemeenteblad 2025, 481722</title></head><body>"
            f"<a href='#c'>Direct naar content</a><nav><ul><li>Home</li><li>Uitgebreid zoeken</li></ul></nav>"
            f"<div id='c' role='main'><div><h1>Verkeersbesluit Cooklaan</h1>{body}</div></div>"
            f"<footer><ul><li>Privacy en cookies</li><li>Sitemap</li></ul></footer></body></html>")
    (tmp_path / "blad.html").write_text(page, encoding="utf-8")
    text = read(tmp_path / "blad.html").pages[0]
    assert "Verkeersbesluit Cooklaan" in text and "maatregel 5" in text
    assert not any(w in text for w in ("Direct naar content", "Uitgebreid zoeken", "Sitemap"))
    small = "<html><body><nav>Menu</nav><main><p>Kort.</p></main><p>De rest van de pagina met de tekst.</p></body></html>"
    (tmp_path / "kort.html").write_text(small, encoding="utf-8")
    assert "De rest van de pagina" in read(tmp_path / "kort.html").pages[0]  # a near-empty main is not the page


def test_markdown_front_matter_is_metadata_not_text(tmp_path):
    (tmp_path / "brief.md").write_text(
        '---\ntitle: "Raadsbrief Uitvoeringsprogramma Sport"\nauthor: "Gemeente Utrecht"\npublished: 2025-05-28\n---\n\n'
        "## Aan de gemeenteraad\n\nGeachte leden van de raad,\n\nWe werken aan een stad.\n", encoding="utf-8")
    raw = read(tmp_path / "brief.md")
    assert raw.title_hint == "Raadsbrief Uitvoeringsprogramma Sport"
    assert "author" not in raw.pages[0] and "We werken aan een stad." in raw.pages[0]


def test_text_whose_line_breaks_became_double_spaces_gets_its_lines_back(tmp_path):
    """A scraper's text of a decision list: one 5,000-character line, its line breaks turned into runs of spaces."""
    from pipeline.ingest.text import unflatten

    items = [f"{n}. Raadsvoorstel {n}  Het voorstel wordt met algemene stemmen aangenomen.  besluit: het plan vast te stellen."
             for n in range(1, 60)]
    flat = "Besluitenlijst vergadering gemeenteraad, 11 juli 2023  " + "  ".join(items)
    page = unflatten(flat)
    assert "\n2. Raadsvoorstel 2\nHet voorstel wordt" in page
    ordinary = "\n".join(["Een gewone regel met  twee spaties ergens in het midden van de zin."] * 80)
    assert unflatten(ordinary) == ordinary


def test_xml_publication_read_as_lines_with_its_metadata_first(tmp_path):
    """An officielebekendmakingen/CVDR XML file: metadata fields first, a line per paragraph, inline emphasis kept
    in its line (the place-and-date line split over three <nadruk> elements reads whole), title from the title."""
    from pipeline.ingest import read

    f = tmp_path / "bekendmaking.xml"
    f.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<cvdr xmlns:dcterms="http://purl.org/dc/terms/"><meta>'
        "<dcterms:title>Beleidsregels parkeren</dcterms:title><dcterms:issued>2016-10-11</dcterms:issued></meta>\n"
        "<body><kop><titel>GEMEENTEBLAD</titel></kop>\n  <tekst>\n    <al>Het college heeft <nadruk>besloten</nadruk>"
        " de regels vast te stellen.</al>\n    <tussenkop>\n      <nadruk>Kampen, 2</nadruk>\n      <nadruk>3</nadruk>\n"
        "      <nadruk> december 2015</nadruk>\n    </tussenkop>\n  </tekst></body></cvdr>\n", encoding="utf-8")
    doc = read(f)
    lines = [ln for ln in doc.pages[0].splitlines() if ln]
    assert lines[:2] == ["Title: Beleidsregels parkeren", "Issued: 2016-10-11"]
    from pipeline.ingest.clean import clean_pages

    long_title = doc.pages[0].replace("Beleidsregels parkeren", "Beleidsregels parkeren " + "en verkeer " * 8)
    assert "\n\nIssued: 2016-10-11" in clean_pages([long_title]).text  # each field stays a line of its own
    assert "Het college heeft besloten de regels vast te stellen." in lines
    assert "Kampen, 23 december 2015" in lines
    assert doc.title_hint == "Beleidsregels parkeren"
    bad = tmp_path / "kapot.xml"
    bad.write_text("<cvdr><al>open", encoding="utf-8")
    with pytest.raises(ReadError, match="not well-formed XML"):
        read(bad)
