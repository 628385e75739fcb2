"""HTML reader: the stdlib ``html.parser``, script/style/navigation dropped, block structure kept as lines.

A page with a main landmark (``<main>`` or ``role="main"``, as overheid.nl, CVDR and most municipal sites
mark their content) is read from that landmark alone, when it holds at least a few lines of text: the site's
menus, banners and footers around it are no part of the document.
"""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser
from pathlib import Path

from ..models import RawDocument
from .base import SNIFF_BYTES, Reader, ReadError, read_bytes
from .text import split_pages, decode

_log = logging.getLogger(__name__)

_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "nav"})
_MAIN_TEXT = 200  # characters a page's main landmark must hold to stand for the page
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "thead", "tfoot", "tr", "ul", "title",
})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_CHARSET = re.compile(rb"""<meta[^>]{0,500}charset\s*=\s*["']?([A-Za-z0-9_\-]{1,40})""", re.I)


class _TextExtractor(HTMLParser):
    """Collects visible text; blocks end lines, cells are tab-separated, list items get ``- ``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0
        self.pre = 0
        self.title: list[str] = []
        self.in_title = False
        self.meta: dict[str, str] = {}  # <meta name content>, names in lower case
        self.h1: list[str] | None = None
        self.in_h1 = False
        self.ol: list[int] = []
        # the page's main landmark (<main>, role="main"): (tag, nesting level, where its text starts) and the
        # parts of ``out`` it spans, so site navigation, banners and footers around it can be left out
        self.main: tuple[str, int, int] | None = None
        self.main_ranges: list[tuple[int, int]] = []

    def _main_start(self, tag: str, attrs) -> None:
        if self.main is not None:
            if tag == self.main[0]:
                self.main = (tag, self.main[1] + 1, self.main[2])
            return
        if tag == "main" or any(k == "role" and (v or "").lower() == "main" for k, v in attrs):
            self.main = (tag, 1, len(self.out))

    def _main_end(self, tag: str) -> None:
        if self.main is not None and tag == self.main[0]:
            level = self.main[1] - 1
            if level == 0:
                self.main_ranges.append((self.main[2], len(self.out)))
                self.main = None
            else:
                self.main = (tag, level, self.main[2])

    def main_text(self) -> str | None:
        """The text inside the page's main landmark, when it holds the page's text; else None."""
        text = "".join("".join(self.out[a:b]) for a, b in self.main_ranges)
        return text if len(text.strip()) >= _MAIN_TEXT else None

    def _meta(self, attrs) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if a.get("name") and a.get("content", "").strip():
            self.meta.setdefault(a["name"].lower(), a["content"].strip())

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "meta":
            self._meta(attrs)
        if tag == "title":
            self.in_title = True
            return
        if not self.skip and tag not in _VOID:
            self._main_start(tag, attrs)
        if tag in _SKIP:
            if tag not in _VOID:
                self.skip += 1
            return
        if self.skip:
            return
        if tag in ("h1", "h2") and self.h1 is None:
            self.h1, self.in_h1 = [], True
        if tag == "br":
            self.out.append("\n")
        elif tag in ("td", "th"):
            self.out.append("\t")
        elif tag == "ol":
            self.ol.append(0)
            self.out.append("\n")
        elif tag == "ul":
            self.ol.append(-1)
            self.out.append("\n")
        elif tag == "li":
            marker = "- "
            if self.ol and self.ol[-1] >= 0:
                self.ol[-1] += 1
                marker = f"{self.ol[-1]}. "
            self.out.append("\n" + marker)
        elif tag in _BLOCK:
            self.out.append("\n\n" if tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6") else "\n")
        if tag == "pre":
            self.pre += 1

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag == "meta":
            self._meta(attrs)
        if tag == "br" and not self.skip:
            self.out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
            return
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag in ("h1", "h2"):
            self.in_h1 = False
        if tag in ("ol", "ul") and self.ol:
            self.ol.pop()
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag in _BLOCK:
            self.out.append("\n\n" if tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6") else "\n")
        self._main_end(tag)

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
            return
        if self.skip:
            return
        if not self.pre:
            data = _SPACES.sub(" ", data)
        if self.in_h1 and self.h1 is not None:
            self.h1.append(data)
        self.out.append(data)


class HtmlReader(Reader):
    """``.html``/``.htm``: visible text with one line per block; title from ``<title>`` or ``<h1>``."""

    format = "html"
    suffixes = (".html", ".htm", ".xhtml")

    def is_valid(self, path: Path) -> bool:
        head = read_bytes(path, SNIFF_BYTES).lower()
        return b"<" in head and b"\x00" not in head

    def read(self, path: Path) -> RawDocument:
        data = read_bytes(path)
        text = _decode_html(data)
        parser = _TextExtractor()
        try:
            parser.feed(text)
            parser.close()
        except Exception as exc:  # html.parser is lenient; this is a last resort
            raise ReadError(f"is HTML that cannot be parsed ({type(exc).__name__}: {exc})") from None
        body = parser.main_text() or "".join(parser.out)  # the main landmark without the site around it
        body = "\n".join(line.strip(" ") for line in body.split("\n"))
        title = _SPACES.sub(" ", "".join(parser.title)).strip()
        if not title and parser.h1:
            title = _SPACES.sub(" ", "".join(parser.h1)).strip()
        return RawDocument(path=str(path), format=self.format, pages=split_pages(body),
                           title_hint=title or None, date_hint=meta_date(parser.meta))


#: Dublin Core fields that date a page (officielebekendmakingen.nl, overheid.nl's metadata standard), best first:
#: the day it was issued, then the day it was made available (published)
_DATE_FIELDS = ("dcterms.issued", "dc.date", "dcterms.date", "dcterms.available")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DMY_DAY = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})")


def meta_date(meta: dict[str, str]) -> str | None:
    """The ISO day a page's metadata gives it ("2013-04-23", "15-01-2014"), or None."""
    for field in _DATE_FIELDS:
        value = meta.get(field, "")
        m = _ISO_DAY.match(value)
        if m:
            y, mo, d = m.groups()
        else:
            m = _DMY_DAY.match(value)
            if not m:
                continue
            d, mo, y = m.groups()
        if 1 <= int(mo) <= 12 and 1 <= int(d) <= 31:
            return f"{y}-{int(mo):02d}-{int(d):02d}"
    return None


def _decode_html(data: bytes) -> str:
    """Decode with the charset the page declares, else detect it like a text file."""
    match = _CHARSET.search(data[:SNIFF_BYTES])
    if match:
        declared = match.group(1).decode("ascii").lower()
        if declared in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
            declared = "cp1252"  # what browsers do, and what such pages really are
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            _log.info("declared charset %s does not fit; detecting", match.group(1))
    return decode(data)[0]
