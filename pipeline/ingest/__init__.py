"""path -> RawDocument: one reader per format behind one small interface.

``read(path)`` picks the reader for the file's suffix, checks the file and returns the text of
each page. Every problem (missing, empty, wrong type, damaged, encrypted, scanned, undecodable)
comes out as ``ReadError`` with one sentence saying what is wrong and what to do.
"""

from __future__ import annotations

import logging
from pathlib import Path

from ..models import RawDocument
from .base import Reader, ReadError, check_file
from .html import HtmlReader
from .pdf import PdfReader
from .pdf_fast import FastPdfReader
from .text import MarkdownReader, TextReader
from .xml import XmlReader

__all__ = ["PDF_READERS", "SUPPORTED_SUFFIXES", "Reader", "ReadError", "read", "reader_for", "readers"]

_log = logging.getLogger(__name__)

readers: dict[str, Reader] = {
    suffix: reader
    for reader in (PdfReader(), TextReader(), MarkdownReader(), HtmlReader(), XmlReader())
    for suffix in reader.suffixes
}
"""Suffix (lower case, with dot) -> the reader for it."""

SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(sorted(readers))

PDF_READERS: dict[str, Reader] = {"pdfminer": readers[".pdf"], "fast": FastPdfReader()}
"""``--pdf-reader`` name -> PDF reader: pdfminer.six layout analysis (default) or PDFium's text layer."""


def reader_for(path: Path) -> Reader:
    """The reader registered for ``path``'s suffix; ``ReadError`` if there is none."""
    suffix = Path(path).suffix.lower()
    try:
        return readers[suffix]
    except KeyError:
        kind = f"'{suffix}'" if suffix else "without an extension"
        raise ReadError(f"has an unsupported file type {kind}; supported are "
                        f"{', '.join(SUPPORTED_SUFFIXES)}") from None


def read(path: Path, pdf_reader: str = "pdfminer") -> RawDocument:
    """Read one file into a ``RawDocument`` (one string per page, before cleaning).

    ``pdf_reader`` names the PDF reader in ``PDF_READERS`` ("pdfminer" or "fast").
    Raises ``ReadError`` for any file that cannot be read; the message names the file.
    """
    path = Path(path)
    try:
        pdf = PDF_READERS[pdf_reader]
    except KeyError:
        raise ValueError(f"unknown PDF reader {pdf_reader!r}; choose from {', '.join(PDF_READERS)}") from None
    try:
        check_file(path)
        reader = reader_for(path)
        if isinstance(reader, TextReader) and pdf.is_valid(path):
            _log.info("%s: a PDF with a text suffix; reading it as PDF", path)
            reader = pdf
        elif isinstance(reader, PdfReader):
            reader = pdf
        return reader.read(path)
    except ReadError as exc:
        reason = exc.reason
    except MemoryError:
        reason = "is too large to read into memory; split it"
    except Exception as exc:  # a reader bug must not sink a run; say what happened
        _log.exception("unexpected error reading %s", path)
        reason = f"could not be read ({type(exc).__name__}: {exc})"
    raise ReadError(f"{path}: {reason}", reason=reason)
