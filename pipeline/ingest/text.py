"""Plain-text and Markdown readers: encoding detection, and markup removed when present.

Every pattern here has bounded repetition, so a 50 MB file or a 1 MB line reads in linear time.
"""

from __future__ import annotations

import codecs
import html
import logging
import re
from pathlib import Path

from ..models import RawDocument
from .base import SNIFF_BYTES, Reader, ReadError, read_bytes

_log = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH = re.compile(rb"[\x80-\xff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _cp1252_fallback(err: UnicodeDecodeError) -> tuple[str, int]:
    """Decode error handler: a byte that is not UTF-8 is read as Windows-1252."""
    bad = err.object[err.start:err.end]
    return bad.decode("cp1252", errors="replace"), err.end


codecs.register_error("spoor-cp1252", _cp1252_fallback)


def decode(data: bytes) -> tuple[str, str]:
    """Bytes of a text file -> (text, encoding name).

    Order: byte-order mark; UTF-16 without BOM; UTF-8 (a few stray Windows-1252 bytes in UTF-8
    text are read as Windows-1252); Windows-1252 (a superset of Latin-1 for printable text,
    which is what Dutch files not in UTF-8 nearly always are); charset-normalizer's best guess.
    Raises ``ReadError`` for binary data or bytes no encoding explains.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc.replace("-sig", "") + " (BOM)"
            except UnicodeDecodeError as exc:
                raise ReadError(f"is not valid {enc} text although it starts with a {enc} byte-order "
                                f"mark ({exc.reason} at byte {exc.start}); save it again as UTF-8") from None
    sample = data[:SNIFF_BYTES]
    nuls = sample.count(b"\x00")
    if nuls > len(sample) // 4:
        even, odd = sample[0::2].count(b"\x00"), sample[1::2].count(b"\x00")
        enc = "utf-16-le" if odd > even else "utf-16-be"
        try:
            return _checked(data.decode(enc)), enc
        except UnicodeDecodeError:
            raise ReadError("does not look like text (binary data with NUL bytes); "
                            "check the file type") from None
    if b"\x00" in data:
        raise ReadError("does not look like text (binary data with NUL bytes); check the file type")
    try:
        return _checked(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    good = len(_UTF8_SEQ.findall(data))
    high = len(_HIGH.findall(data))
    if good and good * 2 >= high - 2 * good:  # mostly UTF-8, a few stray single bytes
        _log.info("mixed encoding: UTF-8 with stray Windows-1252 bytes")
        return _checked(data.decode("utf-8", errors="spoor-cp1252")), "utf-8+cp1252"
    try:
        return _checked(data.decode("cp1252")), "cp1252"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ReadError("has a text encoding that could not be detected; save it again as UTF-8")
    return _checked(str(best)), best.encoding


def _checked(text: str) -> str:
    """``text`` unless it is full of control characters (binary data that happened to decode)."""
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise ReadError("does not look like text (too many control characters: binary data?); "
                        "check the file type")
    return text


# -- markup ------------------------------------------------------------------------------------

_MARKUP_SIGNS = re.compile(
    r"^ {0,3}#{1,6}[ \t]+\S|\*\*\S|\]\([^)\s]{1,2000}\)|^ {0,3}\|[^\n]{0,2000}\|[ \t]*$"
    r"|</?(?:b|i|u|em|strong|sup|sub|br|p|div|span|table|tr|td)\b[^<>\n]{0,200}>",
    re.M | re.I)
_ATX_TITLE = re.compile(r"^ {0,3}#{1,6}[ \t]+([^\n]{1,300}?)[ \t#]*$", re.M)
_SETEXT_TITLE = re.compile(r"^([^\s=\-][^\n]{0,300})\n(?:[ \t]*\n)?[ \t]*={3,}[ \t]*$", re.M)

_SUBS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"<!--[\s\S]{0,20000}?-->"), ""),
    (re.compile(r"<(script|style)\b[^>]{0,2000}>[\s\S]{0,200000}?</\1\s*>", re.I), ""),
    (re.compile(r"<sup>\s{0,5}(\w{1,8})\s{0,5}</sup>", re.I), r"[\1]"),
    (re.compile(r"<br\s{0,20}/?>", re.I), "\n"),
    (re.compile(r"</?(?:p|div|h[1-6]|li|ul|ol|tr|table|blockquote|section|article)\b[^<>]{0,2000}>",
                re.I), "\n"),
    (re.compile(r"</?(?:td|th)\b[^<>]{0,2000}>", re.I), "\t"),
    (re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,20}(?:\s[^<>]{0,2000})?/?>"), ""),
    (re.compile(r"^[ \t]*(?:```|~~~)[^\n]{0,200}$", re.M), ""),
    (re.compile(r"^ {0,3}(?:={3,}|-{3,}|\*{3,}|_{3,}|(?:\* ){2,}\*)[ \t]*$", re.M), ""),
    (re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)", re.M), ""),
    (re.compile(r"[ \t]+#{1,6}[ \t]*$", re.M), ""),
    (re.compile(r"^[ \t]{0,40}(?:>[ \t]?){1,10}", re.M), ""),
    (re.compile(r"^([ \t]{0,40})[*+](?=[ \t])", re.M), r"\1-"),
    (re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?$", re.M), ""),
    (re.compile(r"^ {0,3}\[[^\]\n]{1,200}\]:[ \t]*\S[^\n]{0,2000}$", re.M), ""),
    (re.compile(r"!\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)"), r"\1"),
    (re.compile(r"\[([^\]\n]{1,500})\]\([^)\n]{0,2000}\)"), r"\1"),
    (re.compile(r"\[([^\]\n]{1,500})\]\[[^\]\n]{0,200}\]"), r"\1"),
    (re.compile(r"<((?:https?|mailto|ftp):[^<>\s]{1,2000})>"), r"\1"),
    (re.compile(r"(?<!\\)\*{2,3}|~~"), ""),
    (re.compile(r"(?<![\w*\\])\*(?=\S)([^*\n]{1,300}?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w\\])_{1,3}(?=\S)([^_\n]{1,300}?)(?<=\S)_{1,3}(?!\w)"), r"\1"),
    (re.compile(r"`{1,3}([^`\n]{1,500})`{1,3}"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>&=\"'~:])"), r"\1"),
]
_TABLE_ROW = re.compile(r"^[ \t]*\|([^\n]{0,20000})\|[ \t]*$", re.M)


def looks_like_markup(text: str) -> bool:
    """True if plain text carries Markdown or inline HTML (headings, **bold**, links, tags)."""
    return _MARKUP_SIGNS.search(text) is not None


def markup_title(text: str) -> str | None:
    """The first Markdown heading (ATX ``#`` or setext ``===``), without its markup."""
    found = [m for m in (_ATX_TITLE.search(text), _SETEXT_TITLE.search(text)) if m]
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    title = strip_markup(first.group(1)).strip()
    return title or None


def strip_markup(text: str) -> str:
    """Markdown and inline HTML -> plain text; block structure stays as line breaks.

    Table rows become tab-separated cells, list markers ``*``/``+`` become ``-``, numbered
    items keep their number, footnote marks ``<sup>1</sup>`` become ``[1]``.
    """
    text = _TABLE_ROW.sub(_table_row, text)
    for pattern, repl in _SUBS:
        text = pattern.sub(repl, text)
    return html.unescape(text)


def _table_row(match: re.Match[str]) -> str:
    cells = [c.strip() for c in match.group(1).split("|")]
    if all(re.fullmatch(r":?-{3,}:?", c) for c in cells if c):
        return ""
    return "\t".join(c for c in cells if c)


def split_pages(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ReadError("contains only whitespace, no text; check the export")
    return text.split("\f")


_GAP = re.compile(r"[ \t]{2,}")


def unflatten(page: str) -> str:
    """A page whose line breaks an export turned into runs of spaces (a 15,000-character line with a hundred
    "  " gaps, as a scraper's text of a PDF has them) gets its lines back: each gap of two or more spaces
    becomes a line break. A page of ordinary lines is left alone."""
    if len(page) < 2000 or page.count("\n") * 1000 > len(page):
        return page
    if len(_GAP.findall(page)) * 400 < len(page):
        return page
    return "\n".join(_GAP.sub("\n", line).strip() for line in page.split("\n"))


class TextReader(Reader):
    """``.txt``: encoding detected; pages split on form feeds; Markdown/HTML markup removed if any."""

    format = "text"
    suffixes = (".txt", ".text")

    def is_valid(self, path: Path) -> bool:
        return b"\x00" not in read_bytes(path, SNIFF_BYTES).lstrip(codecs.BOM_UTF16_LE + codecs.BOM_UTF16_BE)

    def read(self, path: Path) -> RawDocument:
        text, encoding = decode(read_bytes(path))
        _log.debug("%s: decoded as %s", path, encoding)
        title = None
        if looks_like_markup(text):
            title = markup_title(text)
            text = strip_markup(text)
        return RawDocument(path=str(path), format=self.format, pages=[unflatten(p) for p in split_pages(text)],
                           title_hint=title)


class MarkdownReader(Reader):
    """``.md``: Markdown (with any inline HTML) to plain text; title from the first heading."""

    format = "markdown"
    suffixes = (".md", ".markdown")

    def read(self, path: Path) -> RawDocument:
        text, _ = decode(read_bytes(path))
        front, text = front_matter(text)
        title = front.get("title") or markup_title(text)
        return RawDocument(path=str(path), format=self.format, pages=split_pages(strip_markup(text)),
                           title_hint=title)


_FRONT = re.compile(r"\A\ufeff?---[ \t]*\n([\s\S]{0,20000}?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
_FRONT_FIELD = re.compile(r"^([A-Za-z_][\w-]{0,40}):[ \t]*(.*)$", re.M)


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """A Markdown file's YAML front matter (``---`` ... ``---`` at the top, as static-site and PDF-to-Markdown
    tools write it): its one-line ``key: value`` fields, and the text without it. The block is metadata about
    the file, not the document's words."""
    m = _FRONT.match(text)
    if not m or not _FRONT_FIELD.search(m.group(1)):
        return {}, text
    fields = {k.lower(): v.strip().strip("\"'") for k, v in _FRONT_FIELD.findall(m.group(1)) if v.strip()}
    return fields, text[m.end():]
