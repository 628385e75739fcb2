"""PDF reader: pdfminer.six layout analysis, one string per page."""

from __future__ import annotations

import io
import logging
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..models import RawDocument
from .base import SNIFF_BYTES, Reader, ReadError, read_bytes

_log = logging.getLogger(__name__)

OCR_INSTALL = "apt-get install ocrmypdf tesseract-ocr-nld"
OCR_HINT = (f"install OCR (`{OCR_INSTALL}`) and spoor reads it through OCR, or run "
            "`ocrmypdf -l nld IN.pdf OUT.pdf` yourself and read OUT.pdf")
OCR_TIMEOUT = 900  # seconds for one document
_CID = re.compile(r"\(cid:\d+\)")


class PdfReader(Reader):
    """Text of each page of a PDF, in pdfminer's reading order; text boxes end with a blank line."""

    format = "pdf"
    suffixes = (".pdf",)

    def is_valid(self, path: Path) -> bool:
        return b"%PDF-" in read_bytes(path, SNIFF_BYTES)[:1024]

    @staticmethod
    def extract(data: bytes) -> tuple[list[str], int, int, str | None]:
        """(page texts, characters, images, metadata title) of a PDF's bytes, through pdfminer.six."""
        return _extract(data)

    def read(self, path: Path) -> RawDocument:
        data = read_bytes(path)
        _check_envelope(data)
        pages, n_chars, n_images, title = self.extract(data)
        if not pages:
            raise ReadError("is a PDF without pages; export the document again")
        ocred: list[int] = []
        if n_chars == 0:
            what = "only images (a scan)" if n_images else "no text"
            pages, n_chars, _, _ = self.extract(ocr(data, f"is a PDF with {what}: it has no text layer"))
            if n_chars == 0:
                raise ReadError(f"is a PDF with {what}: it has no text layer, and OCR "
                                "(`ocrmypdf -l nld`) found no text in it either; check the scan")
            ocred = [i + 1 for i, page in enumerate(pages) if page.strip()]
        empty = [i + 1 for i, page in enumerate(pages) if not page.strip()]
        if empty and n_images and shutil.which("ocrmypdf"):
            pages, done = _reread(path, data, pages, empty, self.extract, "has pages without a text layer",
                                  lambda new, old: bool(new.strip()), only_pages_without_text=True)
            ocred, empty = done, [n for n in empty if n not in done]
        stubs = [i + 1 for i, page in enumerate(pages) if _stub(page)]
        if stubs and n_images and shutil.which("ocrmypdf"):
            # a scan whose text layer is one stamped line (a file name, "Gelakt"): read the page itself
            pages, done = _reread(path, data, pages, stubs, self.extract, "has scanned pages under a one-line text layer",
                                  lambda new, old: _letters(new) > 2 * _letters(old), pages=stubs)
            ocred = sorted(set(ocred) | set(done))
        if empty:
            _log.info("%s: pages without a text layer: %s", path, empty)  # on the records and /status
        notes = ([f"pages read through OCR: {', '.join(map(str, ocred))}"] if ocred else []) + \
            ([f"pages without text: {', '.join(map(str, empty))}"] if empty else [])
        if title and " ".join(title.lower().split()) not in " ".join(pages[0].lower().split()):
            _log.debug("%s: metadata title %r is not on page 1; ignored", path, title)
            title = None  # a stale title from a template would mislead more than help
        return RawDocument(path=str(path), format=self.format, pages=pages, title_hint=title, notes=notes)


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _stub(page: str) -> bool:
    """A page whose only text is one short line (what a scanner or a redaction tool stamps on a scan)."""
    lines = [ln for ln in page.splitlines() if ln.strip()]
    return len(lines) == 1 and 10 <= _letters(lines[0]) < 60


def _reread(path: Path, data: bytes, texts: list[str], chosen: list[int], extract, problem: str, better,
            **how) -> tuple[list[str], list[int]]:
    """``texts`` (one a page) with those of pages ``chosen`` (1-based) read through OCR (``ocr(**how)``) where
    ``better(new, old)`` says the OCR text is; and those pages. A failed OCR keeps what there was."""
    try:
        redone, _, _, _ = (extract or _extract)(ocr(data, problem, **how))
    except ReadError as exc:
        _log.warning("%s: %s", path, exc)
        return texts, []
    if len(redone) != len(texts):
        return texts, []
    done = [n for n in chosen if better(redone[n - 1], texts[n - 1])]
    if done:
        _log.info("%s: pages %s read through OCR", path, done)
    return [redone[i] if i + 1 in done else text for i, text in enumerate(texts)], done


def ocr(data: bytes, problem: str, only_pages_without_text: bool = False, pages: list[int] | None = None) -> bytes:
    """The PDF ``data`` with a text layer added by ``ocrmypdf -l nld`` (Dutch tesseract).

    ``problem`` says why OCR is needed; without ocrmypdf, or when it fails, it starts the
    ``ReadError`` that says how to install or run OCR. ``only_pages_without_text`` leaves pages that
    have text as they are (a letter whose signed last page is a scan); ``pages`` (1-based) reads only
    those pages, whatever text they have.
    """
    exe = shutil.which("ocrmypdf")
    if exe is None:
        raise ReadError(f"{problem}; {OCR_HINT}")
    with tempfile.TemporaryDirectory(prefix="spoor-ocr-") as tmp:
        src, dst = Path(tmp) / "in.pdf", Path(tmp) / "out.pdf"
        src.write_bytes(data)
        # --force-ocr: this is only called when the text layer is missing or unusable; a layer of a few stray
        # characters would otherwise make ocrmypdf refuse (PriorOcrFoundError) and leave the scan unread
        mode = "--skip-text" if only_pages_without_text else "--force-ocr"
        chosen = ["--pages", ",".join(map(str, pages))] if pages else []
        cmd = [exe, "-q", "-l", "nld", mode, *chosen, "--output-type", "pdf", "--optimize", "0", str(src), str(dst)]
        _log.info("running OCR: %s", " ".join(cmd))
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=OCR_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise ReadError(f"{problem}, and OCR (`ocrmypdf -l nld`) took over {OCR_TIMEOUT} s; "
                            "run it yourself and read its output") from None
        except OSError as exc:
            raise ReadError(f"{problem}, and OCR could not be started ({exc}); {OCR_HINT}") from None
        if done.returncode != 0 or not dst.exists():
            why = (done.stderr.strip().splitlines() or [f"exit code {done.returncode}"])[-1]
            raise ReadError(f"{problem}, and OCR (`ocrmypdf -l nld`) failed ({why}); check that "
                            f"tesseract's Dutch data is installed (`{OCR_INSTALL}`)")
        return dst.read_bytes()


def _check_envelope(data: bytes) -> None:
    """Reject what is not a PDF or is cut short, before pdfminer sees it."""
    head = data[:1024]
    if b"%PDF-" not in head:
        kind = "an HTML page" if b"<html" in head.lower() else "something else"
        raise ReadError(f"is not a PDF (no %PDF header; it looks like {kind}); "
                        "check the download or give it the right extension")
    if b"%%EOF" not in data[-2048:]:
        raise ReadError("is a truncated or damaged PDF (no %%EOF end marker); download it again")


def _extract(data: bytes) -> tuple[list[str], int, int, str | None]:
    """Pages' text, count of text characters, count of images and the document's Title."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    pages: list[str] = []
    counts = [0, 0]  # characters, images
    try:
        for layout in extract_pages(io.BytesIO(data), laparams=LAParams(all_texts=True)):
            pages.append(_page_text(layout, counts))
        title = _title(data)
    except PDFPasswordIncorrect:
        raise ReadError("is a password-protected (encrypted) PDF; ask the sender for an "
                        "unprotected copy or remove the password, e.g. `qpdf --decrypt`") from None
    except PDFEncryptionError as exc:
        raise ReadError(f"is an encrypted PDF that cannot be decrypted ({exc}); ask the sender "
                        "for an unprotected copy") from None
    except ReadError:
        raise
    except RecursionError:
        raise ReadError("is a damaged PDF (its objects nest without end); "
                        "re-save it with a PDF tool") from None
    except Exception as exc:  # pdfminer raises many types on bad input; none may escape
        raise ReadError(f"is a corrupt PDF that cannot be parsed ({type(exc).__name__}: {exc}); "
                        "download it again or re-save it with a PDF tool") from None
    return pages, counts[0], counts[1], title


def _page_text(layout, counts: list[int]) -> str:
    """Text of one page: its text boxes in reading order, a blank line between boxes.

    A bullet glyph drawn apart from its item (Word's tab after "•") ends up as a lone line
    outside any box, listed after everything else; it is put back in front of the box that
    starts on the same baseline to its right.
    """
    from pdfminer.layout import LTTextBox, LTTextLine

    boxes: list = []
    parts: list[str] = []
    orphans: list = []
    for item in layout:
        if isinstance(item, LTTextLine) and not isinstance(item, LTTextBox):
            if _is_bullet(item.get_text()):
                orphans.append(item)
                continue
        before = len(parts)
        _collect(item, parts, counts)
        if isinstance(item, LTTextBox) and len(parts) == before + 1:
            boxes.append((before, item))
    _table_rows(boxes, parts, layout.y0, layout.y1)
    for bullet in orphans:
        for index, box in boxes:
            first = next(iter(box), None)
            if first is None or first.x0 < bullet.x1 - 1:
                continue
            if abs((first.y0 + first.y1) / 2 - (bullet.y0 + bullet.y1) / 2) <= max(2.0, bullet.height / 2):
                if not _is_bullet(parts[index][:1]):
                    parts[index] = "• " + parts[index]
                break
    return _CID.sub("", "\n".join(parts))


_PAGE_NUMBER = re.compile(r"(?i)(?:pagina|blad|page|p\.)?\s*\d{1,3}(?:\s*(?:van|/|of)\s*\d{1,3})?")


def _table_rows(boxes: list, parts: list[str], bottom: float, top: float) -> None:
    """Put a table's right-hand cells back on their rows.

    pdfminer groups a table's column of outcomes ("Aangenomen", "Verworpen", ...) into text boxes of
    their own, read after the items, so the reading order loses which outcome is whose. A box of short
    lines each of which sits on the baseline of a line of another box to its left is such a column: each
    of its lines is appended to its row's line after a tab ("Motie Y.1 ...\tVerworpen"), as HTML and Word
    tables are read, and the box itself is dropped. A line that starts in lower case continues the cell
    above it ("Naar college ter" / "afdoening"). Two rows make no table, and running heads and footers
    (the top and bottom 7% of the page) and page numbers are left where they are.
    """
    from pdfminer.layout import LTTextLine

    margin = (top - bottom) * 0.07  # running heads and footers with their page numbers are no table

    def in_body(ln) -> bool:
        return ln.y0 >= bottom + margin and ln.y1 <= top - margin

    rows = [(index, [ln for ln in box if isinstance(ln, LTTextLine) and ln.get_text().strip()]) for index, box in boxes]
    rows = [(index, lines) for index, lines in rows if lines and all(in_body(ln) for ln in lines)]
    if len(rows) < 2:
        return
    moved: dict[int, dict[int, list[str]]] = {}  # left box index -> line number -> cells
    dropped: set[int] = set()
    for index, lines in rows:
        if any(len(ln.get_text().split()) > 6 for ln in lines):
            continue
        placed = []
        cells: list[tuple[object, str]] = []  # (the line whose row holds the cell, the cell's text)
        for ln in lines:
            words = ln.get_text().strip()
            if cells and words[:1].islower():
                cells[-1] = (cells[-1][0], cells[-1][1] + " " + words)  # a cell wrapped: "Ter" / "kennisname"
            else:
                cells.append((ln, words))
        if any(_PAGE_NUMBER.fullmatch(words) for _, words in cells):
            continue  # "... nr. 1366   1": a page number beside a running footer, page furniture
        for ln, words in cells:
            mid, height = (ln.y0 + ln.y1) / 2, max(ln.height, 1.0)
            partner = None
            for other, others in rows:
                if other == index or other in dropped:
                    continue
                for k, left in enumerate(others):
                    if left.x1 < ln.x0 - 8 and abs((left.y0 + left.y1) / 2 - mid) <= height / 3:
                        if partner is None or left.x1 > partner[2].x1:
                            partner = (other, k, left)
            if partner is None:
                break
            placed.append((partner[0], partner[1], words))
        else:
            if len({(o, k) for o, k, _ in placed}) < len(placed):
                continue
            dropped.add(index)
            for other, k, cell in placed:
                moved.setdefault(other, {}).setdefault(k, []).append(cell)
    if sum(len(cells) for cells in moved.values()) < 3:
        return  # two lines side by side make no table ("'s-Gravenhage 2021" beside a running footer)
    lines_of = dict(rows)
    for index, cells in moved.items():
        text = []
        for k, ln in enumerate(lines_of[index]):
            text.append(ln.get_text().rstrip("\n") + "".join("\t" + c for c in cells.get(k, [])))
        parts[index] = "\n".join(text) + "\n"
    for index in dropped:
        parts[index] = ""


def _is_bullet(text: str) -> bool:
    """A lone list bullet: one symbol such as •, ▪, -, , or an unmapped glyph (cid:127)."""
    text = text.strip()
    if text in ("(cid:127)", "(cid:149)", "(cid:183)"):
        return True
    return len(text) == 1 and not text.isalnum() and text not in ".,;:!?)("


def _collect(item, parts: list[str], counts: list[int]) -> None:
    """Walk a layout tree: text boxes' text into ``parts``, and count characters and images."""
    from pdfminer.layout import LTImage, LTTextContainer

    if isinstance(item, LTTextContainer):
        text = item.get_text().replace("(cid:127)", "•")  # WinAnsi 127: drawn as a bullet
        counts[0] += sum(1 for ch in text if not ch.isspace())
        parts.append(text)
        return
    if isinstance(item, LTImage):
        counts[1] += 1
        return
    try:
        children = list(item)
    except TypeError:
        return
    for child in children:
        _collect(child, parts, counts)


def _title(data: bytes) -> str | None:
    """The Title in the PDF's document information, if it has a useful one."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    try:
        doc = PDFDocument(PDFParser(io.BytesIO(data)))
        for info in doc.info:
            raw = resolve1(info.get("Title"))
            if isinstance(raw, bytes):
                if raw.startswith((b"\xfe\xff", b"\xff\xfe")):
                    raw = raw.decode("utf-16")
                else:
                    raw = raw.decode("latin-1")
            if isinstance(raw, str) and raw.strip():
                title = raw.strip()
                if not title.lower().endswith((".doc", ".docx", ".pdf")) and "Microsoft" not in title:
                    return title
    except Exception:  # the title is a hint; a damaged info dict is not worth failing for
        _log.debug("no PDF title", exc_info=True)
    return None
