"""XML reader: official publications as XML (officielebekendmakingen.nl's Gemeenteblad, Provinciaal blad,
Waterschapsblad and Staatscourant; CVDR regulations) and other XML documents, as lines of text.

Parsed with the standard library's ElementTree on expat, which fetches no external entities and refuses
entity-expansion bombs (expat >= 2.4). An element that holds text of its own makes a line; inline elements
(emphasis, references) stay in their line, so "<nadruk>Bergen, 2</nadruk><nadruk>3</nadruk><nadruk> december
2015</nadruk>" reads "Bergen, 23 december 2015". Whitespace between elements is layout, not text. The metadata
block (``<meta>``, ``<metadata>``: CVDR's ``dcterms:issued``, officielebekendmakingen's ``<meta name content>``)
comes first, one "Field: value" line each (capitalised, as a label is), so the dates and bodies it records are read like the text's. Each
line is a paragraph of its own (a blank line between), never joined to the next by the cleaner.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from ..models import RawDocument
from .base import SNIFF_BYTES, Reader, ReadError, read_bytes
from .text import split_pages

#: elements that are part of a line, never a line of their own (officielebekendmakingen, CVDR, XHTML)
_INLINE = frozenset({"nadruk", "extref", "intref", "sup", "sub", "span", "a", "b", "i", "em", "strong", "u",
                     "br", "noot-ref", "inf"})
_META = frozenset({"meta", "metadata"})
#: metadata fields named like a letter's labels, which metadata.title and structure would read as one
_LETTER_LABELS = frozenset({"betreft", "onderwerp", "kenmerk", "aan", "van", "datum", "inzake"})
_TITLES = ("title", "intitule", "titel", "citeertitel")
_SPACES = re.compile(r"\s+")


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def render(root: ET.Element) -> tuple[str, str | None]:
    """(text, title) of a parsed XML document."""
    lines: list[str] = []
    cur: list[str] = []
    titles: dict[str, str] = {}

    def flush() -> None:
        line = _SPACES.sub(" ", "".join(cur)).strip()
        if line:
            lines.append(line)
        cur.clear()

    def visit(el: ET.Element, meta: bool, parent: str = "") -> None:
        tag = _local(el.tag)
        if not tag:  # a comment or processing instruction
            return
        inline = tag in _INLINE
        if not inline:
            flush()
        meta = meta or tag in _META
        own = (el.text or "").strip()
        if tag in _TITLES and own and not own.isupper():
            titles.setdefault(tag, _SPACES.sub(" ", own))
        if meta and len(el) == 0 and (own or el.get("content")):
            field = el.get("name") or (parent if tag == "al" else tag)  # (a field's paragraph: the field's name)
            if field.lower() in _LETTER_LABELS:
                field = "metadata " + field  # CVDR's "betreft" (what a change concerns) is no letter's subject line
            # (a capital, as a label has: a line that opens in lower case continues the one above it in the cleaner)
            lines.append(f"{field[:1].upper()}{field[1:]}: {_SPACES.sub(' ', own or el.get('content', '')).strip()}")
        else:
            if own or (inline and el.text):
                cur.append(el.text or "")
            for child in el:
                visit(child, meta, tag)
                if child.tail and (child.tail.strip() or _local(child.tag) in _INLINE and cur):
                    cur.append(child.tail if child.tail.strip() else "")
        if not inline:
            flush()

    visit(root, False)
    flush()
    title = next((titles[t] for t in _TITLES if t in titles), None)
    return "\n\n".join(lines) + "\n", title  # (an element is a paragraph: never joined to the next one)


class XmlReader(Reader):
    """``.xml``: official publications and regulations as lines of text; title from their title element."""

    format = "xml"
    suffixes = (".xml",)

    def is_valid(self, path: Path) -> bool:
        head = read_bytes(path, SNIFF_BYTES).lstrip(b"\xef\xbb\xbf \t\r\n")
        return head.startswith(b"<")

    def read(self, path: Path) -> RawDocument:
        data = read_bytes(path)
        try:
            root = ET.fromstring(data)
        except ET.ParseError as exc:
            raise ReadError(f"is not well-formed XML ({exc}); check the export") from None
        text, title = render(root)
        if not text.strip():
            raise ReadError("is XML without any text; check the export")
        return RawDocument(path=str(path), format=self.format, pages=split_pages(text), title_hint=title)
