"""Text normalisation: pages of raw text -> one clean text with page offsets.

Steps, in order:

1. characters: NFKC (ligatures ``ﬁ`` -> ``fi``; "€", quotes and accented letters are unchanged),
   stray control and zero-width characters dropped, Word's private-use bullets made ``•``;
2. lines: running headers and footers removed: page numbers ("PAGINA 3/7", "Pagina 3 van 7",
   "- 3 -") and any line that repeats at the top or bottom of many pages (digits ignored);
3. joining: lines wrapped inside a paragraph are joined with a space, words hyphenated at a
   line end are joined (``ver-``/``gunning`` -> ``vergunning``) while hyphenated compounds keep
   their hyphen (``Noord-``/``Holland``, ``Wgr-plus-``/``status``, ``RUD-``/``taken``); list
   items, headings and table rows stay on lines of their own; a blank line separates blocks.

Every step works line by line in linear time; ``page_starts`` is computed while the text is
assembled, so it always agrees with ``text``.
"""

from __future__ import annotations

import logging
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from ..models import CleanText

_log = logging.getLogger(__name__)

# -- characters ---------------------------------------------------------------------------------

_KEEP = re.compile(r"([²³¹½¼¾])")  # NFKC would turn m² into m2 and ½ into 1⁄2
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff]")
_PRIVATE_BULLET = re.compile(r"^([ \t]*)[\ue000-\uf8ff](?=\s)", re.M)
_PRIVATE = re.compile(r"[\ue000-\uf8ff]")
_SPACES = re.compile(r"[ \u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}")
_TABS = re.compile(r"[ \t]*\t[ \t]*")


# UTF-8 read as Windows-1252 somewhere before spoor ("PartiÃ«le", "â€“", "Â "): repaired with ftfy.
_MOJIBAKE = re.compile("[\u00c2\u00c3][\u0080-\u00bf\u2018-\u201e\u2020-\u2122\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]|\u00e2\u20ac")


_LONE_A_CIRC = re.compile("(?<![^\\W\\d_])\u00c2(?=[\\s\u00a0]|$)")


def repair_mojibake(text: str) -> str:
    """``text`` with text that was UTF-8 decoded as Windows-1252 (or Latin-1) decoded right
    ("PartiÃ«le" -> "Partiële"), by ftfy's ``fix_encoding``; other text unchanged."""
    if not _MOJIBAKE.search(text):
        return text
    from ftfy import fix_encoding

    # a no-break space that went through it is "Â" before a space that was the no-break space's
    # second byte; with the rest of the text proven mis-decoded, a lone "Â" is that (Dutch has no such word)
    return _LONE_A_CIRC.sub(" ", fix_encoding(text))


def normalise_chars(text: str) -> str:
    """Mojibake repaired; NFKC (except superscripts and fractions), without control or zero-width characters."""
    text = repair_mojibake(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2010", "-").replace("\u2011", "-")
    text = _PRIVATE_BULLET.sub(r"\1•", text)
    text = _PRIVATE.sub("", text)
    text = _CONTROL.sub("", text)
    if text.isascii():
        return text
    return "".join(part if _KEEP.fullmatch(part) else unicodedata.normalize("NFKC", part)
                   for part in _KEEP.split(text))


# -- letter-spaced text ------------------------------------------------------------------------------
# Some PDF exports space out every letter and mark the gaps between words with two or more spaces:
# "de  r a a d s v e r g a d e r i ng  op  maandag". Such a document is read word by word again.
_WORD_GAP = re.compile(r" {2,}")
_DAY_MONTH = re.compile(r"(\d)(?=(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november"
                        r"|december)\b)", re.I)
_SPACED_RUN = re.compile(r"(?:^|(?<= ))(?:\S ){3,}\S(?= |$)")  # four or more single characters, one space apart


def is_letter_spaced(pages: list[list[str]]) -> bool:
    """Whether the text's words are spelled out letter by letter (a fifth of its lines or more)."""
    lines = [line for lines in pages for line in lines if len(line.strip()) >= 12]
    spaced = sum(1 for line in lines if "  " in line and _SPACED_RUN.search(line))
    return len(lines) >= 3 and spaced >= max(3, len(lines) // 5)


def join_letter_spacing(line: str) -> str:
    """A letter-spaced line with its words joined again: the pieces between gaps of two or more spaces
    are words; a piece of several parts, half of them single characters, is one word spelled out."""
    if "  " not in line:
        return line
    pieces = []
    for piece in _WORD_GAP.split(line):
        parts = piece.split(" ")
        if len(parts) >= 2 and 2 * sum(len(p) == 1 for p in parts) >= len(parts) and not (
                parts[0] == "u" and len(parts) == 2 and len(parts[1]) >= 3):  # "u uit": the word "u" before a word
            piece = _DAY_MONTH.sub(r"\1 ", "".join(parts))  # "7oktober" was "7 o k t o b er"
        pieces.append(piece)
    return " ".join(pieces)


_SPACED_LINE = re.compile(r"[ \t]*((?:[A-Za-zÀ-ÿ] ){3,}[A-Za-zÀ-ÿ](?:[ ]{2,}(?:[A-Za-zÀ-ÿ] ){2,}[A-Za-zÀ-ÿ])*)[ \t]*(:?)[ \t]*")


def join_spaced_word(line: str) -> str:
    """A line that is one word or two spelled out letter by letter ("b e s l u i t :", "h e e f t  b e s l o t e n :")
    with its words joined again; any other line as it is."""
    m = _SPACED_LINE.fullmatch(line)
    if m is None:
        return line
    return " ".join(w.replace(" ", "") for w in re.split(r" {2,}", m.group(1))) + m.group(2)


def _tidy_line(line: str) -> str:
    """One line with runs of spaces collapsed, cell tabs kept single, ends stripped."""
    if line.endswith("\u00ad"):
        line = line[:-1] + "-"
    line = line.replace("\u00ad", "")
    if "\t" in line:
        line = _TABS.sub("\t", line.strip(" \t"))
    if "  " in line or not line.isascii():
        line = _SPACES.sub(" ", line)
    return line.strip(" ")


#: an item's number inside a line: "... agenda 2. Verslagen ..." (a capital, a bracket or a quote after it)
_INLINE_ITEM = re.compile(r"(?:(?<=\s)|^)(\d{1,2})[.)]\s+(?=[A-Z\u00c0-\u00de(‘'\"“])")
_RUN_ON_CHARS = 300  # a line this long that holds a numbered list has lost its line breaks


def split_run_on(line: str) -> list[str]:
    """A list whose line breaks were lost, its items run together on one long line ("1. Opening en vaststelling van
    de agenda 2. Verslagen ... 3. Financiën ..."; a transcript, a scan read without its layout): one line an item.
    Only a run of at least three consecutive numbers counts, so a number in prose ("artikel 4. Het ...") stays."""
    if len(line) < _RUN_ON_CHARS or "\t" in line:
        return [line]
    chains: list[list[re.Match]] = []  # (a list and the sub-list inside one of its items: "2. ... 1. ... 2. ... 3. ...")
    for m in _INLINE_ITEM.finditer(line):
        n = int(m.group(1))
        chain = next((c for c in reversed(chains) if int(c[-1].group(1)) == n - 1), None)
        if chain is not None:
            chain.append(m)
        else:
            chains.append([m])
    kept = [c for c in chains if len(c) >= 2]
    if not any(len(c) >= 3 for c in kept):
        return [line]
    marks = sorted((m for c in kept for m in c), key=lambda m: m.start())
    cuts = [m.start() for m in marks if m.start() > 0]
    parts = [line[a:b].strip() for a, b in zip([0] + cuts, cuts + [len(line)])]
    return [p for p in parts if p]


# -- running headers and footers ----------------------------------------------------------------

_PAGE_NUMBER = re.compile(
    r"(?:(?:pagina|page|blz\.?|blad|pag\.?|p\.)\s*\d{1,4}(?:\s*(?:/|van|of|uit|-)\s*\d{1,4})?"
    r"|\d{1,4}\s*(?:/|van|of)\s*\d{1,4})",
    re.I)
_BARE_NUMBER = re.compile(r"[-–—(\[]?\s*\d{1,4}\s*[-–—)\]]?")
_DIGITS = re.compile(r"\d+")
_DATED = re.compile(r"\b\d{1,2}\s+(?:jan(?:uari)?|feb(?:ruari)?|maart|mrt|apr(?:il)?|mei|jun[i]?|jul[i]?|aug(?:ustus)?"
                    r"|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{4}\b", re.I)
_ZONE = 3  # lines at the top and at the bottom of a page where running headers/footers live


def _is_page_number(line: str) -> bool:
    return _PAGE_NUMBER.fullmatch(line) is not None


def _zone(lines: list[str]) -> list[int]:
    """Indexes of the first and last ``_ZONE`` non-blank lines of a page."""
    filled = [i for i, line in enumerate(lines) if line]
    return sorted(set(filled[:_ZONE] + filled[-_ZONE:]))


def _signature(line: str) -> str:
    """What repeats from page to page: short lines and page-number lines with digits masked
    ("Pagina 3 van 7"), longer lines as they are (a title in the header)."""
    if len(line) <= 40 or _PAGE_NUMBER.search(line):
        return _DIGITS.sub("#", line.lower())
    return line.lower()


def remove_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop page-number lines, and lines repeated at the top/bottom of many pages."""
    n = len(pages)
    repeated: set[str] = set()
    if n >= 2:
        seen: Counter[str] = Counter()
        for lines in pages:
            seen.update({_signature(lines[i]) for i in _zone(lines) if len(lines[i]) <= 150})
        need = n if n <= 3 else max(3, math.ceil(n * 0.5))
        repeated = {sig for sig, count in seen.items() if count >= need}
    out: list[list[str]] = []
    shown: set[str] = set()  # a running line with a date is kept where it first appears: a letter's date
    for lines in pages:    # repeats in the header of every page, and page 1 is where it belongs
        zone = set(_zone(lines)) if n >= 2 else set()
        kept = []
        for i, line in enumerate(lines):
            if line and (_is_page_number(line) or (i in zone and _BARE_NUMBER.fullmatch(line))):
                continue
            if line and i in zone and _signature(line) in repeated:
                if _signature(line) in shown or not _DATED.search(line):
                    continue
                shown.add(_signature(line))
            kept.append(line)
        out.append(kept)
    return out


# -- joining lines ------------------------------------------------------------------------------

_ITEM = re.compile(
    r"(?:[•·▪◦‣∙●○■□➢►✓\-–—*+>]|\(?\d{1,3}[.)](?:\d{1,3}[.)]?)*|\d{1,3}(?:\.\d{1,3})+"
    r"|\(?[a-zA-Z][.)]|\([ivxIVX]{1,5}\)|[ivx]{1,5}[.)])(?:\s|$)")
_HYPHEN_END = re.compile(r"(?:^|[\s(\[‘'\"/])([^\s(\[‘'\"/]*[^\W_])-$")
_WORD_START = re.compile(r"[^\W_][\w-]*")
_WORD = re.compile(r"[^\W\d_][\w’'-]*[^\W_]|[^\W\d_]")
_LOWER_START = re.compile(r"[\s(‘'\"“]*([^\W\d_])")
_CLASH = frozenset({"aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "ii", "ij", "oe", "oi", "oo",
                    "ou", "ui", "uu"})
_ELISION = frozenset({"en", "of", "tot", "noch", "als", "en/of", "t/m"})  # "college- en raadsleden"
_SENTENCE_END = ("." , "!", "?", ":")


def is_item(line: str) -> bool:
    """True for a list item: a bullet, ``-``, ``1.``, ``1)``, ``1.2``, ``a.``, ``(iv)``."""
    return _ITEM.match(line) is not None


def is_row(line: str) -> bool:
    """True for a table row: cells separated by tabs or by " | " ("Agendapunt 5 | Raadsvoorstel X | aangenomen")."""
    return "\t" in line or " | " in line


def _starts_lower(line: str) -> bool:
    m = _LOWER_START.match(line)
    return bool(m and m.group(1).islower())


class _Vocabulary:
    """Words of the document, to see whether a word is written with or without a hyphen."""

    def __init__(self, pages: Iterable[list[str]]) -> None:
        self.words: set[str] = set()
        for lines in pages:
            for start in range(0, len(lines), 5000):  # in chunks: fast, and bounded memory
                self.words.update(_WORD.findall("\n".join(lines[start:start + 5000]).lower()))

    def __contains__(self, word: str) -> bool:
        return word.lower() in self.words


def keep_hyphen(left: str, right: str, vocab: _Vocabulary | None = None) -> bool:
    """Whether ``left-`` at a line end and ``right`` on the next line keep their hyphen.

    Kept for compounds: the next part is capitalised or a number (``Noord-Holland``), the left
    part is already a compound (``Wgr-plus-status``), an abbreviation or has a digit
    (``RUD-taken``, ``4O-orgaan``), the document writes the pair with a hyphen elsewhere
    (``Wgr-plus``), or the parts meet in a Dutch vowel clash (``zee-egel``). Dropped otherwise.
    """
    if not right or not right[0].isalpha() or right[0].isupper():
        return True
    if vocab is not None:
        if f"{left}-{right}" in vocab:
            return True
        if f"{left}{right}" in vocab:
            return False
    if "-" in left or any(ch.isdigit() for ch in left) or sum(ch.isupper() for ch in left) >= 2:
        return True
    clash = (left[-1] + right[0]).lower()
    return clash in _CLASH and len(left) >= 3 and len(right) >= 3


# words that open a sentence, never continue one with a capital: a line that ends in a plain word and a line that
# starts with one of these ("In het kader", "De aanbesteding") are a heading and its paragraph
_OPENERS = frozenset({"in", "de", "het", "op", "wij", "we", "dit", "deze", "daarom", "hierbij", "met", "voor", "na",
                      "ook", "er", "om", "bij", "als", "daarnaast", "tevens", "verder", "hiermee", "inmiddels",
                      "vanaf", "sinds", "tijdens", "door", "u", "ons", "onze", "zoals", "nadat", "omdat"})
_FUNCTION_END = frozenset({"van", "de", "het", "een", "en", "of", "in", "op", "aan", "met", "voor", "door", "bij",
                           "naar", "te", "tot", "om", "over", "uit", "gemeente", "provincie", "waterschap", "dat",
                           "die", "dan", "als", "na", "onder", "tussen", "per", "zoals"})


def run_in_heading(prev: str, line: str) -> bool:
    """A line ending in a plain lower-case word above a line that opens a new sentence."""
    last = prev.rsplit(None, 1)[-1] if prev.strip() else ""
    words = line.split(None, 2)
    if len(words) < 2 or not last.isalpha() or not last.islower() or last in _FUNCTION_END:
        return False
    first, second = words[0], words[1]
    return first[:1].isupper() and first.lower() in _OPENERS and second[:1].islower() and second[:1].isalpha()


_LONG_LINE = 50  # characters: a line this long that stops mid-sentence runs on after a blank line


def _typical_width(pages: list[list[str]]) -> float:
    """Width (in characters) of a full line if the text is wrapped to a measure, else 0."""
    lengths = sorted(len(line) for lines in pages for line in lines if line)
    if len(lengths) < 5:
        return 0.0
    width = lengths[int(len(lengths) * 0.9)]
    near = sum(1 for n in lengths if n >= 0.75 * width)
    if width < 40 or width > 250 or near < 0.45 * len(lengths):
        return 0.0
    return float(width)


class _Joiner:
    """Assembles lines into text, deciding the separator between consecutive lines."""

    def __init__(self, n_pages: int, width: float | list[float], vocab: _Vocabulary | None) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.prev: str | None = None
        self.prev_table = False
        self.widths = width if isinstance(width, list) else [width] * max(1, n_pages)
        self.width = self.widths[0] if self.widths else 0.0
        self.vocab = vocab
        self.page_starts: list[int] = []
        self.n_pages = n_pages

    def _full(self, line: str) -> bool:
        return self.width > 0 and len(line) >= 0.75 * self.width

    def separator(self, prev: str, line: str, blank: bool, new_page: bool = False) -> str:
        """"" (hyphen join), " " (wrapped line), "\\n" (new line) or "\\n\\n" (new block)."""
        br = "\n\n" if blank else "\n"
        if len(prev) == 1 and is_item(prev):  # a bullet left alone on its line
            return " "
        if is_item(line) or is_row(line) or self.prev_table:
            return br
        hyphen = _HYPHEN_END.search(prev) if prev.endswith("-") else None
        if hyphen and (not blank or _starts_lower(line)) and _WORD_START.match(line):
            if _WORD_START.match(line).group() in _ELISION:  # "college-" / "en raadsleden"
                return " "
            return "-" if keep_hyphen(hyphen.group(1), _WORD_START.match(line).group(),
                                      self.vocab) else ""
        lower = _starts_lower(line)
        ends = prev.endswith(_SENTENCE_END)
        if blank:
            # a blank line inside a sentence (pdf text boxes split a paragraph): a full line
            # without end punctuation, followed by a lower-case continuation
            # (or a long line: a letter's first page has too many short address lines to show its measure)
            return " " if lower and not ends and not prev.endswith((";", ":")) and (
                self._full(prev) or len(prev) >= _LONG_LINE) else br
        if lower and (not ends or self._full(prev)):
            return " "
        if not ends and run_in_heading(prev, line):
            return br  # "... wordt in 2027 uitgevoerd" / "In het kader van ...": a heading above its paragraph
        if self._full(prev) and not (new_page and ends):  # a finished sentence at a page end
            return " "                                      # usually ends its paragraph
        return "\n\n" if new_page else br

    def add(self, page: int, line: str, blank: bool) -> None:
        new_page = len(self.page_starts) <= page
        sep = "" if self.prev is None else self.separator(self.prev, line, blank, new_page)
        self.width = self.widths[page] if page < len(self.widths) else self.width  # the measure of this line's page
        if self.prev is not None and sep in ("", "-"):  # after a line-end hyphen
            if sep == "":  # drop the hyphen: ver-/gunning -> vergunning
                self.parts[-1] = self.parts[-1][:-1]
                self.pos -= 1
            sep = ""
        start = self.pos + len(sep)
        while len(self.page_starts) <= page:
            self.page_starts.append(start)
        self.parts.append(sep)
        self.parts.append(line)
        self.pos = start + len(line)
        self.prev = line
        self.prev_table = is_row(line)

    def result(self) -> CleanText:
        while len(self.page_starts) < max(1, self.n_pages):
            self.page_starts.append(self.pos)
        if self.page_starts:
            self.page_starts[0] = 0
        return CleanText(text="".join(self.parts), page_starts=self.page_starts)


def clean_pages(pages: list[str]) -> CleanText:
    """Pages of raw text -> one cleaned text and the offset where each page starts in it.

    ``page_starts`` has one entry per input page (an empty page starts where the next one does),
    so ``CleanText.page_of(offset)`` gives the 1-based page of any character.
    """
    raw = [normalise_chars(page).split("\n") for page in pages]
    if is_letter_spaced(raw):
        raw = [[join_letter_spacing(line) for line in lines] for lines in raw]
    else:  # a head word spelled out on a line of its own: "b e s l u i t :", "B E S L U I T"
        raw = [[join_spaced_word(line) for line in lines] for lines in raw]
    split = remove_running_lines([[part for line in lines for part in split_run_on(_tidy_line(line))] for lines in raw])
    hyphen_ends = any(line.endswith("-") for lines in split for line in lines)
    vocab = _Vocabulary(split) if hyphen_ends else None
    width = _typical_width(split)
    # a page set to its own measure (a letter's first page among scanned ones, an annex in another layout)
    widths = [_typical_width([lines]) or width for lines in split]
    joiner = _Joiner(len(pages), widths, vocab)
    for page_no, lines in enumerate(split):
        blank, first = False, True  # a page break by itself is not a paragraph break
        for line in lines:
            if not line:
                blank = not first
                continue
            joiner.add(page_no, line, blank)
            blank = first = False
    return joiner.result()
