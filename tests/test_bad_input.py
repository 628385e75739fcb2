"""Bad files in a folder, as a user meets them: `spoor build FOLDER` names each on one stderr line,
builds the rest, exits 1, and what the store and index held before still answers searches."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.build import build
from pipeline.cli import app
from pipeline.search import search
from pipeline.store.sqlite import Store

ROOT = Path(__file__).resolve().parents[1]
CORPUS_PDF = ROOT / "corpus" / "000_d1e22d0901ae206a.pdf"
DUTCH = ("Notitie\n\nBijdrage aan de regio\n\nDe gemeenteraad van Enschede heeft op 3 maart 2016 "
         "besloten tot een financiële bijdrage van € 50.000 voor één coördinator; het café blijft.\n")
GOOD = {
    "alfa.txt": "Notitie\n\nSamenwerking in de regio\n\nDe gemeenteraad heeft op 3 maart 2016 ingestemd "
                "met het voorstel kenmerkalfa om de samenwerking met de buurgemeenten te versterken.\n",
    "bravo.md": "# Raadsvoorstel\n\nHet college stelt voor het plan kenmerkbravo op 12 april 2018 vast "
                "te stellen. De raad besluit daartoe.\n",
}
NEW_GOOD = ("Notitie\n\nNieuw stuk\n\nDe regioraad heeft op 10 oktober 2019 besloten tot het "
            "programma kenmerkcharlie.\n")


def _pdf(path: Path, pages: list[str], **canvas_kw) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), **canvas_kw)
    for text in pages:
        c.drawString(72, 760, text)
        c.showPage()
    c.save()
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """A folder of good documents and the index built from it (copied by each test)."""
    base = tmp_path_factory.mktemp("built")
    docs, ix = base / "docs", base / "ix"
    docs.mkdir()
    for name, text in GOOD.items():
        (docs / name).write_text(text, encoding="utf-8")
    report = build([docs], ix, workers=1)
    assert not report.problems and sorted(report.added) == ["alfa", "bravo"]
    return docs, ix


@pytest.fixture()
def world(built, tmp_path) -> tuple[Path, Path]:
    docs, ix = tmp_path / "docs", tmp_path / "ix"
    shutil.copytree(built[0], docs)
    shutil.copytree(built[1], ix)
    (docs / "charlie.txt").write_text(NEW_GOOD, encoding="utf-8")
    return docs, ix


def _spoor_build(runner, docs: Path, ix: Path, *extra: str):
    return runner.invoke(app, ["build", str(docs), "--index", str(ix), "--quiet", "--no-summary",
                               "--workers", "1", *extra])


def _problem_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def _assert_old_and_new_answer(ix: Path) -> None:
    for marker, doc_id in (("kenmerkalfa", "alfa"), ("kenmerkbravo", "bravo"), ("kenmerkcharlie", "charlie")):
        assert {h.doc_id for h in search(ix, marker).hits} == {doc_id}, marker
    with Store(ix) as store:
        assert store.document("alfa") is not None and store.document("bravo") is not None


# -- the bad files ------------------------------------------------------------------------------

def _zero_bytes(d):
    (d / "leeg.pdf").write_bytes(b"")
    return d / "leeg.pdf"


def _whitespace_only(d):
    (d / "spaties.txt").write_text(" \n\t\n\n  ", encoding="utf-8")
    return d / "spaties.txt"


def _random_bytes_pdf(d):
    (d / "ruis.pdf").write_bytes(os.urandom(8000).replace(b"%PDF", b"xxxx"))
    return d / "ruis.pdf"


def _truncated_pdf(d):
    data = CORPUS_PDF.read_bytes()
    (d / "half.pdf").write_bytes(data[: len(data) // 2])
    return d / "half.pdf"


def _encrypted_pdf(d):
    return _pdf(d / "geheim.pdf", ["Vertrouwelijk besluit"], encrypt="wachtwoord")


def _image_only_pdf(d):
    from PIL import Image
    from reportlab.pdfgen import canvas

    Image.new("RGB", (40, 40), "gray").save(d.parent / "grijs.png")
    c = canvas.Canvas(str(d / "scan.pdf"))
    c.drawImage(str(d.parent / "grijs.png"), 72, 400, 300, 300)
    c.showPage()
    c.save()
    return d / "scan.pdf"


def _unsupported(d):
    (d / "nota.docx").write_bytes(b"PK\x03\x04 not really a docx")
    return d / "nota.docx"


def _binary_as_text(d):
    (d / "binair.txt").write_bytes(bytes(range(256)) * 40)
    return d / "binair.txt"


BAD = [
    (_zero_bytes, "is empty (0 bytes)"),
    (_whitespace_only, "only whitespace"),
    (_random_bytes_pdf, "is not a PDF"),
    (_truncated_pdf, "truncated"),
    (_encrypted_pdf, "password-protected"),
    (_image_only_pdf, "no text layer"),
    (_unsupported, "unsupported file type '.docx'"),
    (_binary_as_text, "does not look like text"),
]


@pytest.mark.parametrize("pdf_reader", ["pdfminer", "fast"])
@pytest.mark.parametrize("make, words", BAD, ids=[m.__name__.strip("_") for m, _ in BAD])
def test_bad_input_named_once_rest_built_old_kept(runner, world, make, words, pdf_reader):
    docs, ix = world
    bad = make(docs)
    result = _spoor_build(runner, docs, ix, "--pdf-reader", pdf_reader)
    assert result.exit_code == 1, result.output
    lines = _problem_lines(result)
    assert len(lines) == 1, lines
    assert str(bad) in lines[0] and words in lines[0]
    assert "Traceback" not in result.output
    _assert_old_and_new_answer(ix)


@pytest.mark.parametrize("pdf_reader", ["pdfminer", "fast"])
@pytest.mark.parametrize("make, words", [(_truncated_pdf, "truncated"), (_random_bytes_pdf, "is not a PDF"),
                                         (_encrypted_pdf, "password-protected")])
def test_bad_input_corrupted_good_document_keeps_its_stored_version(runner, world, make, words, pdf_reader):
    """A document that was fine and is now broken: named, and its earlier version still answers."""
    docs, ix = world
    shutil.copy(CORPUS_PDF, docs / "rapport.pdf")
    first = _spoor_build(runner, docs, ix, "--pdf-reader", pdf_reader)
    assert first.exit_code == 0, first.output
    assert "rapport" in {h.doc_id for h in search(ix, "heroriëntatie", limit=50).hits}
    broken = make(docs.parent)
    broken.replace(docs / "rapport.pdf")
    result = _spoor_build(runner, docs, ix, "--pdf-reader", pdf_reader)
    assert result.exit_code == 1
    lines = _problem_lines(result)
    assert len(lines) == 1 and "rapport.pdf" in lines[0] and words in lines[0], lines
    assert "rapport" in {h.doc_id for h in search(ix, "heroriëntatie", limit=50).hits}
    _assert_old_and_new_answer(ix)


@pytest.mark.parametrize("name, data", [
    ("cp1252.txt", DUTCH.encode("cp1252")),
    ("latin1.txt", DUTCH.replace("€", "EUR").encode("latin-1")),
    ("utf16bom.txt", DUTCH.encode("utf-16")),
])
def test_bad_input_legacy_encodings_are_read_not_failed(runner, world, name, data):
    docs, ix = world
    (docs / name).write_bytes(data)
    result = _spoor_build(runner, docs, ix)
    assert result.exit_code == 0, result.output
    assert _problem_lines(result) == []
    hits = search(ix, "financiële coördinator").hits
    assert {h.doc_id for h in hits} == {Path(name).stem}
    _assert_old_and_new_answer(ix)


@pytest.mark.slow
def test_bad_input_single_megabyte_line_is_built(runner, world):
    docs, ix = world
    unit = "De raad besluit over de ver-gunning kenmerkdelta <b>Wgr-plus</b> **vet** ë € "
    (docs / "regel.txt").write_text((unit * (1_000_000 // len(unit) + 1))[:1_000_000], encoding="utf-8")
    result = _spoor_build(runner, docs, ix)
    assert result.exit_code == 0, result.output
    assert {h.doc_id for h in search(ix, "kenmerkdelta").hits} == {"regel"}
    _assert_old_and_new_answer(ix)


@pytest.mark.slow
def test_bad_input_fifty_megabyte_text_is_built(runner, world):
    """50 MB on disk, read, decoded and cleaned whole; its bulk is blank padding (as some exports
    have), so the build stays quick. A dense 50 MB text reads in test_ingest; building ~7 million
    words is a throughput question, measured by bench/bench_build.py."""
    docs, ix = world
    with (docs / "groot.txt").open("w", encoding="utf-8") as fh:
        fh.write("De regioraad heeft op 10 oktober 2012 ingestemd met kenmerkecho en de ver-\ngunning.\n\n" * 200)
        pad = " \t \n" * 250_000
        for _ in range(50_000_000 // len(pad) + 1):
            fh.write(pad)
        fh.write("\n\nTot slot besluit de raad over kenmerkfoxtrot.\n")
    assert (docs / "groot.txt").stat().st_size > 50_000_000
    result = _spoor_build(runner, docs, ix)
    assert result.exit_code == 0, result.output
    assert {h.doc_id for h in search(ix, "kenmerkecho").hits} == {"groot"}
    assert {h.doc_id for h in search(ix, "kenmerkfoxtrot").hits} == {"groot"}
    _assert_old_and_new_answer(ix)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root reads files whatever their permissions")
def test_bad_input_unreadable_file_chmod(runner, world):
    docs, ix = world
    path = docs / "dicht.txt"
    path.write_text("geheim", encoding="utf-8")
    path.chmod(0)
    try:
        result = _spoor_build(runner, docs, ix)
    finally:
        path.chmod(0o644)
    assert result.exit_code == 1
    lines = _problem_lines(result)
    assert len(lines) == 1 and str(path) in lines[0] and "permission denied" in lines[0].lower()
    _assert_old_and_new_answer(ix)


def test_bad_input_unreadable_file(runner, world, monkeypatch):
    """As root nothing is unreadable, so the reader's open is refused for this one file."""
    import builtins

    docs, ix = world
    path = docs / "dicht.txt"
    path.write_text("geheim", encoding="utf-8")
    real_open = builtins.open

    def refuse(file, *args, **kwargs):
        if Path(file).name == "dicht.txt":
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refuse)
    result = _spoor_build(runner, docs, ix)
    monkeypatch.undo()
    assert result.exit_code == 1
    lines = _problem_lines(result)
    assert len(lines) == 1 and str(path) in lines[0] and "permission denied" in lines[0].lower(), lines
    _assert_old_and_new_answer(ix)


def test_bad_input_symlink_loop_is_named(runner, world):
    docs, ix = world
    (docs / "a.txt").symlink_to(docs / "b.txt")
    (docs / "b.txt").symlink_to(docs / "a.txt")
    result = _spoor_build(runner, docs, ix)
    _assert_old_and_new_answer(ix)
    lines = _problem_lines(result)
    assert result.exit_code == 1
    assert len(lines) == 2 and all("symbolic link loop" in line for line in lines), lines


def test_bad_input_symlink_loop_does_not_stop_the_build(runner, world):
    docs, ix = world
    (docs / "a.txt").symlink_to(docs / "b.txt")
    (docs / "b.txt").symlink_to(docs / "a.txt")
    result = _spoor_build(runner, docs, ix)
    assert "Traceback" not in result.output
    _assert_old_and_new_answer(ix)


# -- OCR ------------------------------------------------------------------------------------------

def _scanned_text_pdf(d: Path) -> Path:
    """A PDF whose only content is a picture of Dutch text (what a scanner makes)."""
    from reportlab.pdfgen import canvas

    from conftest import render_dutch_scan

    render_dutch_scan(d.parent / "scan.png")
    c = canvas.Canvas(str(d / "gescand.pdf"))
    c.drawImage(str(d.parent / "scan.png"), 40, 500, 510, 150)
    c.showPage()
    c.save()
    return d / "gescand.pdf"


def _pdf_with_scans(tmp_path: Path, name: str, pages: list[tuple[str | None, bool]]) -> Path:
    """A PDF in ``tmp_path/docs`` with one page per (typed line or None, whether the page holds the scan)."""
    from reportlab.pdfgen import canvas

    d = tmp_path / "docs"
    d.mkdir(exist_ok=True)
    scan = _scanned_text_pdf(d)  # for its picture
    pdf = d / name
    c = canvas.Canvas(str(pdf))
    for line, with_scan in pages:
        if line:
            c.drawString(72, 780, line)
        if with_scan:
            c.drawImage(str(d.parent / "scan.png"), 40, 500, 510, 150)
        c.showPage()
    c.save()
    scan.unlink()
    return pdf


@pytest.mark.parametrize("pdf_reader", ["pdfminer", "fast"])
def test_bad_input_scan_without_ocr_says_how_to_install_it(runner, world, monkeypatch, pdf_reader):
    monkeypatch.setattr("pipeline.ingest.pdf.shutil.which", lambda name: None)
    docs, ix = world
    scan = _scanned_text_pdf(docs)
    result = _spoor_build(runner, docs, ix, "--pdf-reader", pdf_reader)
    assert result.exit_code == 1
    lines = _problem_lines(result)
    assert len(lines) == 1 and str(scan) in lines[0], lines
    assert "no text layer" in lines[0] and "apt-get install ocrmypdf tesseract-ocr-nld" in lines[0]
    _assert_old_and_new_answer(ix)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("ocrmypdf") is None, reason="ocrmypdf/tesseract not installed")
@pytest.mark.parametrize("pdf_reader", ["pdfminer", "fast"])
def test_bad_input_scan_is_read_through_ocr(runner, world, pdf_reader):
    docs, ix = world
    _scanned_text_pdf(docs)
    result = _spoor_build(runner, docs, ix, "--pdf-reader", pdf_reader)
    assert result.exit_code == 0, result.output
    assert {h.doc_id for h in search(ix, "begroting").hits} == {"gescand"}
    _assert_old_and_new_answer(ix)


# -- the real command, all at once ----------------------------------------------------------------

@pytest.mark.slow
def test_bad_input_spoor_build_subprocess_one_line_per_bad_file(built, tmp_path):
    """The installed command, not the test runner: stderr holds exactly one line per bad file."""
    docs, ix = tmp_path / "docs", tmp_path / "ix"
    shutil.copytree(built[0], docs)
    shutil.copytree(built[1], ix)
    (docs / "charlie.txt").write_text(NEW_GOOD, encoding="utf-8")
    bad = [make(docs) for make, _ in BAD]
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "build", str(docs), "--index", str(ix),
                           "--quiet", "--no-summary", "--pdf-reader", "fast"],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert proc.returncode == 1, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == len(bad), lines
    for path, (_, words) in zip(bad, BAD):
        mine = [line for line in lines if f"{path}:" in line]
        assert len(mine) == 1 and words in mine[0], (path, lines)
    _assert_old_and_new_answer(ix)


def test_bad_input_build_help_documents_exit_codes(runner):
    result = runner.invoke(app, ["build", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert "Exit code 0" in text and "1: some file could not be read" in text
    assert "--pdf-reader" in text


def test_bad_input_text_beyond_the_size_limit_is_named_and_skipped(runner, world, monkeypatch):
    docs, ix = world
    monkeypatch.setenv("SPOOR_MAX_CHARS", "200000")
    sentence = "De raad besluit op 3 maart 2016 de verordening vast te stellen. "
    (docs / "reuzendossier.txt").write_text(sentence * 5000, encoding="utf-8")
    result = _spoor_build(runner, docs, ix)
    _assert_old_and_new_answer(ix)
    lines = _problem_lines(result)
    assert result.exit_code == 1
    assert len(lines) == 1 and "reuzendossier.txt" in lines[0] and "SPOOR_MAX_CHARS" in lines[0]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("ocrmypdf") is None, reason="ocrmypdf/tesseract not installed")
def test_bad_input_scan_under_a_one_line_stamp_is_read_through_ocr(tmp_path):
    """A scan whose text layer is only a stamped file name: the page is read through OCR, not taken as
    that one line."""
    from pipeline.ingest import read

    pdf = _pdf_with_scans(tmp_path, "mail.pdf", [("08_Mail aan stadsdeelvoorzitters gelakt", True)])
    raw = read(pdf)
    assert "gemeenteraad" in raw.pages[0].lower() and "begroting" in raw.pages[0].lower()
    assert raw.notes == ["pages read through OCR: 1"]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("ocrmypdf") is None, reason="ocrmypdf/tesseract not installed")
@pytest.mark.parametrize("pdf_reader", ["pdfminer", "fast"])
def test_bad_input_scanned_page_inside_a_text_pdf_is_read_through_ocr(tmp_path, pdf_reader):
    """A letter whose first page has text and whose second page is a scan: both pages are read,
    the text page as it was."""
    from pipeline.ingest import read

    pdf = _pdf_with_scans(tmp_path, "brief.pdf", [("Onderwerp: de begroting van het waterschap", False), (None, True)])
    raw = read(pdf, pdf_reader)
    assert "Onderwerp: de begroting van het waterschap" in raw.pages[0]
    assert "gemeenteraad" in raw.pages[1].lower() and "begroting" in raw.pages[1].lower()


def test_extract_names_a_file_it_cannot_read_once(runner, tmp_path):
    """One line for a file spoor cannot read: its path once, then the problem."""
    bad = tmp_path / "besluitenlijst.json"
    bad.write_text("{}", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(bad), "--jsonl", str(tmp_path / "out.jsonl"), "--quiet"])
    lines = _problem_lines(result)
    assert len([ln for ln in lines if str(bad) in ln]) == 1
    line = next(ln for ln in lines if str(bad) in ln)
    assert line.count(str(bad)) == 1 and "unsupported file type '.json'" in line
