"""Nothing fails silently (issue 18): `spoor status` and /status name failed files, pages without text
and pages read through OCR; the build records when it ran and when each document came in."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from pipeline.cli import app

ROOT = Path(__file__).resolve().parents[1]


def _mixed_pdf(path: Path, scratch: Path) -> Path:
    """Page 1 typed text, page 2 a scan of Dutch text (read through OCR), page 3 a grey scan with no text."""
    from PIL import Image
    from reportlab.pdfgen import canvas

    from conftest import render_dutch_scan

    render_dutch_scan(scratch / "tekst.png")
    Image.new("RGB", (40, 40), "gray").save(scratch / "grijs.png")
    c = canvas.Canvas(str(path))
    c.drawString(72, 750, "Raadsvoorstel begroting 2024 van de gemeente Hengelo.")
    c.drawString(72, 730, "Het college stelt de raad voor de begroting 2024 vast te stellen.")
    c.showPage()
    c.drawImage(str(scratch / "tekst.png"), 40, 500, 510, 150)
    c.showPage()
    c.drawImage(str(scratch / "grijs.png"), 72, 400, 300, 300)
    c.showPage()
    c.save()
    return path


@pytest.fixture(scope="module")
def troubled(tmp_path_factory):
    """A corpus with a failed file, a scanned page read through OCR and a page without text, built."""
    if shutil.which("ocrmypdf") is None:
        pytest.skip("ocrmypdf/tesseract not installed")
    from pipeline.build import build

    base = tmp_path_factory.mktemp("troubled")
    docs, ix = base / "docs", base / "ix"
    docs.mkdir()
    shutil.copy(ROOT / "corpus" / "003_d4d0686746b347e9.txt", docs)
    _mixed_pdf(docs / "raadsvoorstel.pdf", base)
    (docs / "kapot.pdf").write_bytes(b"%PDF-1.4\n" + os.urandom(2048))
    report = build([docs], ix)
    assert [Path(p.path).name for p in report.problems] == ["kapot.pdf"]
    return docs, ix


@pytest.mark.slow
def test_status_cli_names_the_failed_file_the_scanned_and_the_ocr_page(runner, troubled):
    _, ix = troubled
    result = runner.invoke(app, ["status", "--index", str(ix), "--json"])
    assert result.exit_code == 0, result.output
    st = json.loads(result.stdout)
    assert [Path(f["path"]).name for f in st["failed_files"]] == ["kapot.pdf"] and st["failed_files"][0]["reason"]
    assert {"doc_id": "raadsvoorstel", "pages": [3]} in [{k: i[k] for k in ("doc_id", "pages")} for i in st["pages_without_text"]]
    assert [(i["doc_id"], i["pages"]) for i in st["ocr_pages"]] == [("raadsvoorstel", [2])]
    assert st["last_build"]["added"] == 2 and st["last_build"]["failed"] == 1
    text = runner.invoke(app, ["status", "--index", str(ix)]).stdout
    assert "kapot.pdf" in text and "raadsvoorstel p.2" in text and "raadsvoorstel p.3" in text


@pytest.mark.slow
def test_status_page_lists_them_too(troubled):
    from starlette.testclient import TestClient

    from pipeline.web import create_app

    _, ix = troubled
    page = TestClient(create_app(ix)).get("/status")
    assert page.status_code == 200 and 'lang="nl"' in page.text
    failed = page.text[page.text.index('id="failed"'):page.text.index('id="no_text"')]
    assert "kapot.pdf" in failed
    ocr = page.text[page.text.index('id="ocr"'):page.text.index('id="dates"')]
    assert 'href="/doc/raadsvoorstel#page-2"' in ocr
    no_text = page.text[page.text.index('id="no_text"'):page.text.index('id="ocr"')]
    assert 'href="/doc/raadsvoorstel#page-3"' in no_text


def test_status_of_a_clean_index_says_nothing_failed(runner, built_index):
    result = runner.invoke(app, ["status", "--index", str(built_index), "--json"])
    st = json.loads(result.stdout)
    assert result.exit_code == 0 and st["documents"] == 5 and st["failed_files"] == [] and st["ocr_pages"] == []
    assert st["last_build"] and st["last_build"]["failed"] == 0  # other tests may build it again


def test_build_records_when_each_document_came_in(tmp_path):
    from pipeline.build import build
    from pipeline.store import open_store

    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(ROOT / "corpus" / "003_d4d0686746b347e9.txt", docs)
    build([docs], tmp_path / "ix")
    with open_store(tmp_path / "ix") as store:
        first = store.added_times()
    shutil.copy(ROOT / "corpus" / "001_759a8cb1d178ac04.txt", docs)
    build([docs], tmp_path / "ix")
    with open_store(tmp_path / "ix") as store:
        second = store.added_times()
        builds = store.last_build()
    assert second["003_d4d0686746b347e9"] == first["003_d4d0686746b347e9"]
    assert second["001_759a8cb1d178ac04"] >= first["003_d4d0686746b347e9"]
    assert builds["added"] == 1 and builds["failed"] == 0


def test_status_names_a_document_dated_in_the_future(runner, tmp_path):
    from pipeline.build import build

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "brief.txt").write_text("Brief\n\nHengelo, 3 maart 2091\n\nGeachte raad, hierbij de stukken.\n", encoding="utf-8")
    build([docs], tmp_path / "ix")
    st = json.loads(runner.invoke(app, ["status", "--index", str(tmp_path / "ix"), "--json"]).stdout)
    assert [(i["doc_id"], "future" in i["detail"]) for i in st["dates_to_check"]] == [("brief", True)]


# -- the web pages say it in Dutch (issue 16/18) ------------------------------------------------------
@pytest.mark.parametrize("english, dutch", [
    ("/x/kapot.pdf: is a truncated or damaged PDF (no %%EOF end marker); download it again", "afgebroken of beschadigde PDF"),
    ("/x/leeg.txt: is empty (0 bytes); download or export the document again", "is leeg (0 bytes)"),
    ("/x/brief.docx: has an unsupported file type '.docx'; supported are .pdf, .txt", "spoor leest .pdf, .txt"),
    ("/x/scan.pdf: is a PDF with only images (a scan): it has no text layer; install OCR (`apt-get install "
     "ocrmypdf tesseract-ocr-nld`) and spoor reads it through OCR, or run `ocrmypdf -l nld IN.pdf OUT.pdf` "
     "yourself and read OUT.pdf", "installeer tekstherkenning"),
    ("component spoor_dates failed: ValueError: boom", "onderdeel spoor_dates faalde: ValueError: boom"),
    ("'31 februari' (page 2): day 31 does not exist in 2021-02", "(pagina 2): dag 31 bestaat niet in 2021-02"),
    ("document date 2999-01-01 lies in the future", "de documentdatum 2999-01-01 ligt in de toekomst"),
    ("the query has only excluded words: add a word to search for", "sluit alleen woorden uit"),
])
def test_status_messages_in_dutch(english, dutch):
    from pipeline.web.filters import message_nl

    said = message_nl(english)
    assert dutch in said and "technische melding" not in said
    for word in (" is a ", " is an ", "download it", "does not exist", "failed", "lies in", "supported", "install OCR"):
        assert word not in said


def test_status_page_says_why_files_failed_in_dutch(tmp_path):
    """Files that fail for the usual reasons are listed on /status with the reason in Dutch."""
    from starlette.testclient import TestClient

    from pipeline.build import build
    from pipeline.web import create_app

    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(ROOT / "corpus" / "003_d4d0686746b347e9.txt", docs)
    (docs / "leeg.txt").write_bytes(b"")
    (docs / "pagina.pdf").write_text("<html><body>Niet gevonden</body></html>", encoding="utf-8")
    (docs / "afgebroken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << >> endobj\n")
    (docs / "kapot.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8 + b"\n%%EOF\n")
    build([docs], tmp_path / "ix")
    page = TestClient(create_app(tmp_path / "ix")).get("/status").text
    failed = page[page.index('id="failed"'):page.index('id="no_text"')]
    assert all(name in failed for name in ("leeg.txt", "pagina.pdf", "afgebroken.pdf", "kapot.pdf"))
    assert failed.count("<tr>") == 5  # the header and the four files
    assert "is leeg" in failed and "is geen PDF" in failed and "beschadigde PDF" in failed
    assert "technische melding" not in failed and "download it" not in failed and " is a " not in failed
